//! The files crawlers read, written from the manifest at the end of each run:
//!
//! - `sitemap.xml` (the sitemaps.org protocol 0.9): the home page, every
//!   article page ever rendered (in the feed or not: its link still opens) and
//!   every tag page. Above the protocol's limits it becomes a sitemap index of
//!   `sitemap-1.xml`, `sitemap-2.xml` …;
//! - `news-sitemap.xml`, Google News' sitemap of the last 48 hours (`news`);
//! - `robots.txt`, naming both (`robots`).
//!
//! Every URL is absolute (the protocol requires it): config's `site_url`
//! plus the page's path as the manifest keeps it, already percent-encoded
//! (`site_url`). Without `site_url` no sitemap can be
//! written: [`crawler_files`] then gives robots.txt alone, and a warning.
//! The functions return each file's path and text; the renderer writes them
//! with `output::OutputDir`, which leaves unchanged files alone. Entries keep
//! the manifest's order (first seen first), so a new article changes the end
//! of the last file only.

mod news;
mod robots;
mod xml;

use std::collections::HashMap;

pub use super::site_url::{check_page_path, SiteUrl, UrlRefusal, MAX_URL_CHARS};
pub use super::w3c_datetime::w3c_datetime;
pub use news::{news_language, news_sitemap, MAX_NEWS_URLS, NEWS_SITEMAP_FILE, NEWS_WINDOW_MS};
pub use robots::{robots_txt, ROBOTS_FILE};
pub use xml::escape as xml_escape;

use super::manifest::{ArticleRecord, Manifest};
use crate::config::Config;
use crate::feed::tags::tag_key;
use crate::time::parse_date_ms;

/// The sitemap's file name (or its index's, when split), at the top of the
/// output folder.
pub const SITEMAP_FILE: &str = "sitemap.xml";

/// The most URLs one sitemap file may list (sitemaps.org: 50,000).
pub const MAX_URLS_PER_SITEMAP: usize = 50_000;

/// The largest a sitemap file may be, in bytes, uncompressed (sitemaps.org:
/// 50 MB, which Google reads as 50 MiB = 52,428,800 bytes).
pub const MAX_SITEMAP_BYTES: usize = 50 * 1024 * 1024;

const XML_DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
const URLSET_OPEN: &str = "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
const URLSET_CLOSE: &str = "</urlset>\n";

/// The crawler files of one run, each as (path relative to the output
/// folder, text), and what the renderer should warn about.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CrawlerFiles {
    pub files: Vec<(String, String)>,
    pub warnings: Vec<String>,
}

/// Every crawler file for `manifest` in the run at `now_ms` (milliseconds
/// since the epoch), from `config`'s `site_url`, `site_name` and `language`:
/// [`sitemap_files`], [`news_sitemap`] and [`robots_txt`] naming both.
///
/// Without a usable `site_url`: robots.txt without `Sitemap:` lines, and a
/// warning (sitemaps require absolute URLs). With a `site_url` below the
/// host's root, a warning too: crawlers read robots.txt at the root of a host
/// only (RFC 9309 §2.3), so its lines must be copied there.
pub fn crawler_files(config: &Config, manifest: &Manifest, now_ms: i64) -> CrawlerFiles {
    let mut warnings = Vec::new();
    let site = match config.site_url.as_deref().map(SiteUrl::parse) {
        Some(Ok(site)) => Some(site),
        Some(Err(error)) => {
            warnings.push(format!(
                "config.json's site_url cannot be used ({error}): {SITEMAP_FILE} and \
                 {NEWS_SITEMAP_FILE} are not written, and {ROBOTS_FILE} names no sitemap"
            ));
            None
        }
        None => {
            warnings.push(format!(
                "config.json has no site_url: {SITEMAP_FILE} and {NEWS_SITEMAP_FILE} need \
                 absolute URLs and are not written, and {ROBOTS_FILE} names no sitemap"
            ));
            None
        }
    };
    let Some(site) = site else {
        return CrawlerFiles {
            files: vec![(ROBOTS_FILE.into(), robots_txt(&[]))],
            warnings,
        };
    };
    // The site's own pages beside the home page: the accessibility statement,
    // changed when its publisher says it was updated.
    let statement_lastmod = config
        .accessibility
        .updated
        .and_then(|day| day.and_hms_opt(0, 0, 0))
        .map(|time| time.and_utc().timestamp_millis())
        .filter(|&ms| ms <= now_ms);
    let statement = format!("{}/", crate::paths::ACCESSIBILITY);
    let own_pages = [(statement.as_str(), statement_lastmod)];
    let mut files = sitemap_files_with(&site, manifest, &own_pages, now_ms, &mut warnings);
    let news = news_sitemap(
        &site,
        &config.site_name,
        config.language.as_deref(),
        manifest,
        now_ms,
        &mut warnings,
    );
    files.push((NEWS_SITEMAP_FILE.into(), news));
    // Both names are short plain files: they always give a URL.
    let sitemap_urls: Vec<String> = [SITEMAP_FILE, NEWS_SITEMAP_FILE]
        .into_iter()
        .filter_map(|file| site.url_of(file).ok())
        .collect();
    if site.path() != "/" {
        warnings.push(format!(
            "site_url is below its host's root ({}): crawlers read only /{ROBOTS_FILE}, so \
             copy its Sitemap lines there (or submit the sitemaps in Google Search Console)",
            site.path()
        ));
    }
    files.push((ROBOTS_FILE.into(), robots_txt(&sitemap_urls)));
    CrawlerFiles { files, warnings }
}

/// `sitemap.xml` for `manifest` in the run at `now_ms`: the home page, every
/// article of the manifest, every tag page, each `loc` XML-escaped and each
/// with a `lastmod` when one is known:
///
/// - an article's: its `date_modified`, else `date_published` (the first
///   that can be read);
/// - a tag page's: the newest of its articles' (matched by `tags::tag_key`);
/// - the home page's: the newest of all.
///
/// A date that is missing, unreadable or after `now_ms` gives no `lastmod`
/// (optional in the protocol, and Google ignores values it cannot trust).
///
/// One file (`sitemap.xml`, a `urlset`) while it holds at most
/// [`MAX_URLS_PER_SITEMAP`] URLs and [`MAX_SITEMAP_BYTES`]; past either, the
/// URLs go to `sitemap-1.xml`, `sitemap-2.xml` … in order, each filled to the
/// limits, and `sitemap.xml` is their `sitemapindex` (with each part's newest
/// `lastmod`). A page whose URL a sitemap cannot list ([`UrlRefusal`]) is
/// left out, with a warning.
pub fn sitemap_files(
    site: &SiteUrl,
    manifest: &Manifest,
    now_ms: i64,
    warnings: &mut Vec<String>,
) -> Vec<(String, String)> {
    sitemap_files_with(site, manifest, &[], now_ms, warnings)
}

/// [`sitemap_files`] with `own_pages` (path relative to the site, `lastmod`)
/// listed right after the home page: pages the site has whatever the feed says,
/// such as the accessibility statement.
pub fn sitemap_files_with(
    site: &SiteUrl,
    manifest: &Manifest,
    own_pages: &[(&str, Option<i64>)],
    now_ms: i64,
    warnings: &mut Vec<String>,
) -> Vec<(String, String)> {
    let mut unlisted = Vec::new();
    let mut parts = vec![Part::default()];
    let mut pages = dated_pages(manifest, now_ms);
    pages.splice(1..1, own_pages.iter().copied());
    for (path, lastmod) in pages {
        let url = match site.url_of(path) {
            Ok(url) => url,
            Err(why) => {
                unlisted.push(format!("{path:?} ({why})"));
                continue;
            }
        };
        let entry = format!(
            "<url><loc>{}</loc>{}</url>\n",
            xml_escape(&url),
            lastmod_element(lastmod)
        );
        if !parts.last().is_some_and(|part| part.has_room_for(&entry)) {
            parts.push(Part::default());
        }
        if let Some(part) = parts.last_mut() {
            part.add(entry, lastmod);
        }
    }
    if let Some(first) = unlisted.first() {
        warnings.push(format!(
            "{SITEMAP_FILE}: {} pages have no URL a sitemap can list and are left out, first {first}",
            unlisted.len()
        ));
    }
    if parts.len() == 1 {
        let only = parts.remove(0);
        return vec![(SITEMAP_FILE.into(), only.into_xml())];
    }
    with_index(site, parts)
}

/// Every page's path with its `lastmod` (see [`sitemap_files`]): the home
/// page, the articles, the tags, in the manifest's order.
fn dated_pages(manifest: &Manifest, now_ms: i64) -> Vec<(&str, Option<i64>)> {
    let articles = manifest.articles();
    let lastmods: Vec<Option<i64>> = articles
        .iter()
        .map(|article| lastmod_ms(article, now_ms))
        .collect();
    let mut newest_by_tag: HashMap<String, i64> = HashMap::new();
    for (article, lastmod) in articles.iter().zip(&lastmods) {
        let Some(lastmod) = *lastmod else { continue };
        for tag in &article.tags {
            let newest = newest_by_tag.entry(tag_key(tag)).or_insert(lastmod);
            *newest = (*newest).max(lastmod);
        }
    }
    let home = ("", lastmods.iter().flatten().max().copied());
    let articles = articles
        .iter()
        .map(|a| a.path.as_str())
        .zip(lastmods.iter().copied());
    let tags = manifest.tags().into_iter().map(|tag| {
        let newest = newest_by_tag.get(&tag_key(&tag.name)).copied();
        (tag.path.as_str(), newest)
    });
    std::iter::once(home).chain(articles).chain(tags).collect()
}

/// The numbered files of `parts`, after the index that lists them as
/// `sitemap.xml`. The index itself could list 50,000 parts, two and a half
/// billion URLs: no site comes near it.
fn with_index(site: &SiteUrl, parts: Vec<Part>) -> Vec<(String, String)> {
    let mut index = format!(
        "{XML_DECLARATION}<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
    );
    let mut files = Vec::with_capacity(parts.len() + 1);
    for (number, part) in parts.into_iter().enumerate() {
        let name = format!("sitemap-{}.xml", number + 1);
        // A plain file name at the top of the folder always gives a URL.
        let url = site.url_of(&name).unwrap_or_default();
        index.push_str(&format!(
            "<sitemap><loc>{}</loc>{}</sitemap>\n",
            xml_escape(&url),
            lastmod_element(part.newest)
        ));
        files.push((name, part.into_xml()));
    }
    index.push_str("</sitemapindex>\n");
    files.insert(0, (SITEMAP_FILE.into(), index));
    files
}

/// When an article's page last changed, as far as the feed says: its
/// `date_modified`, else (missing or unreadable) its `date_published`, as
/// `Article::changed_ms` reads them; `None` when neither can be read, or when
/// that date is after `now_ms`.
fn lastmod_ms(article: &ArticleRecord, now_ms: i64) -> Option<i64> {
    let date = |text: &Option<String>| text.as_deref().and_then(parse_date_ms);
    date(&article.date_modified)
        .or_else(|| date(&article.date_published))
        .filter(|&ms| ms <= now_ms)
}

fn lastmod_element(lastmod: Option<i64>) -> String {
    lastmod
        .and_then(w3c_datetime)
        .map(|date| format!("<lastmod>{date}</lastmod>"))
        .unwrap_or_default()
}

/// One sitemap file's `<url>` entries as they are packed.
#[derive(Default)]
struct Part {
    entries: String,
    count: usize,
    newest: Option<i64>,
}

impl Part {
    fn has_room_for(&self, entry: &str) -> bool {
        let bytes = XML_DECLARATION.len()
            + URLSET_OPEN.len()
            + self.entries.len()
            + entry.len()
            + URLSET_CLOSE.len();
        self.count < MAX_URLS_PER_SITEMAP && bytes <= MAX_SITEMAP_BYTES
    }

    fn add(&mut self, entry: String, lastmod: Option<i64>) {
        self.entries.push_str(&entry);
        self.count += 1;
        self.newest = self.newest.max(lastmod);
    }

    fn into_xml(self) -> String {
        format!(
            "{XML_DECLARATION}{URLSET_OPEN}{}{URLSET_CLOSE}",
            self.entries
        )
    }
}
