//! The Google News sitemap: the articles of the last 48 hours.
//!
//! The rules are Google's "Create a news sitemap" documentation
//! (developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap):
//! only articles published in the last two days, at most 1,000 `<url>`s, each
//! with `news:publication` (`news:name`, `news:language`),
//! `news:publication_date` (W3C Datetime) and `news:title`, in the
//! `http://www.google.com/schemas/sitemap-news/0.9` namespace.

use super::xml::escape;
use crate::bidi::language_tag;
use crate::publish::manifest::{ArticleRecord, Manifest};
use crate::publish::site_url::SiteUrl;
use crate::publish::w3c_datetime::w3c_datetime;
use crate::time::parse_date_ms;

/// How far back an article counts as news, in milliseconds: Google's "articles
/// that were published in the last two days".
pub const NEWS_WINDOW_MS: i64 = 48 * 60 * 60 * 1000;

/// The most `<url>`s one news sitemap may hold (Google's limit).
pub const MAX_NEWS_URLS: usize = 1_000;

/// The news sitemap's file name, at the top of the output folder.
pub const NEWS_SITEMAP_FILE: &str = "news-sitemap.xml";

/// The news sitemap for the run at `now_ms` (milliseconds since the epoch):
/// every article of `manifest` (in the feed or not: a page whose item has
/// already left a short feed is still news) whose publication falls in
/// `now_ms - 48 h ..= now_ms`, newest first, the newest [`MAX_NEWS_URLS`].
///
/// - The publication is the item's `date_published`. One in the future (a
///   clock or zone mistake in the CMS) stands as the time the renderer first
///   saw the item, when it was really published at the latest: the item is
///   news now, and leaves 48 hours later, however far ahead its date is.
/// - An item without a readable `date_published` is left out: Google requires
///   the date, and none can be vouched for.
/// - `news:language` is [`news_language`] of the item's language, else of
///   `site_language` (config `language`); an article with neither is left out.
/// - `news:name` is `site_name`; `news:title` the plain-text headline.
///
/// Warnings (for the renderer to print) say what was left out and why. An
/// empty sitemap is still written, so robots.txt's line never leads to a 404.
pub fn news_sitemap(
    site: &SiteUrl,
    site_name: &str,
    site_language: Option<&str>,
    manifest: &Manifest,
    now_ms: i64,
    warnings: &mut Vec<String>,
) -> String {
    let name = escape(site_name);
    let mut xml = String::from(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" ",
        "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\n",
    ));
    for news in recent_news(site, site_language, manifest, now_ms, warnings) {
        // The language is letters and `-` only (`news_language`): nothing to escape.
        xml.push_str(&format!(
            "<url><loc>{}</loc><news:news><news:publication><news:name>{name}</news:name>\
             <news:language>{}</news:language></news:publication>\
             <news:publication_date>{}</news:publication_date>\
             <news:title>{}</news:title></news:news></url>\n",
            escape(&news.url),
            news.language,
            w3c_datetime(news.published_ms).unwrap_or_default(),
            escape(&news.article.title),
        ));
    }
    xml.push_str("</urlset>\n");
    xml
}

/// One article of the news sitemap.
struct News<'a> {
    article: &'a ArticleRecord,
    published_ms: i64,
    url: String,
    language: String,
}

/// The articles of [`news_sitemap`], newest first, with a warning for each
/// kind of article left out.
fn recent_news<'a>(
    site: &SiteUrl,
    site_language: Option<&str>,
    manifest: &'a Manifest,
    now_ms: i64,
    warnings: &mut Vec<String>,
) -> Vec<News<'a>> {
    let mut undated = 0;
    let mut without_language = 0;
    let mut unlisted = Vec::new();
    let mut news = Vec::new();
    for article in manifest.articles() {
        let Some(published_ms) = publication_ms(article, now_ms) else {
            // Counted only for items in this run's feed: older ones were told before.
            undated += usize::from(article.last_seen == now_ms);
            continue;
        };
        if !(now_ms - NEWS_WINDOW_MS..=now_ms).contains(&published_ms) {
            continue;
        }
        let language = article
            .language
            .as_deref()
            .or(site_language)
            .and_then(news_language);
        let Some(language) = language else {
            without_language += 1;
            continue;
        };
        match site.url_of(&article.path) {
            Ok(url) => news.push(News {
                article,
                published_ms,
                url,
                language,
            }),
            Err(why) => unlisted.push(format!("{:?} ({why})", article.path)),
        }
    }
    // Newest first; the id breaks ties so the file is the same on every run.
    news.sort_by(|a, b| {
        (b.published_ms.cmp(&a.published_ms)).then_with(|| a.article.id.cmp(&b.article.id))
    });
    if news.len() > MAX_NEWS_URLS {
        warnings.push(format!(
            "{NEWS_SITEMAP_FILE}: {} articles of the last 48 hours; Google reads at most \
             {MAX_NEWS_URLS}, so the {} oldest are left out",
            news.len(),
            news.len() - MAX_NEWS_URLS
        ));
        news.truncate(MAX_NEWS_URLS);
    }
    if undated > 0 {
        warnings.push(format!(
            "{NEWS_SITEMAP_FILE}: {undated} articles in the feed have no readable date_published, \
             which Google News requires; they are left out"
        ));
    }
    if without_language > 0 {
        warnings.push(format!(
            "{NEWS_SITEMAP_FILE}: {without_language} recent articles name no language and \
             config.json's language is null; Google News requires one, so they are left out"
        ));
    }
    if let Some(first) = unlisted.first() {
        warnings.push(format!(
            "{NEWS_SITEMAP_FILE}: {} articles have no URL a sitemap can list, first {first}",
            unlisted.len()
        ));
    }
    news
}

/// When `article` was published, for the 48-hour window (see [`news_sitemap`]).
fn publication_ms(article: &ArticleRecord, now_ms: i64) -> Option<i64> {
    let published = parse_date_ms(article.date_published.as_deref()?)?;
    Some(if published > now_ms {
        article.first_seen.min(now_ms)
    } else {
        published
    })
}

/// The `news:language` Google asks for, from a BCP 47 tag: the ISO 639 code of
/// two or three letters, lower case (`he-IL` → `he`, `en_US` → `en`), but
/// `zh-cn` for Simplified Chinese and `zh-tw` for Traditional (Google's two
/// exceptions): the script when the tag names one (`Hant` or `Hans`), else
/// Traditional for the regions TW, HK and MO and Simplified for the rest. The codes ISO 639 withdrew but old systems still
/// send (Java's `Locale`) are mapped to their successors: `iw` → `he`, `ji` →
/// `yi`, `in` → `id`. `None` when `tag` is not a language tag
/// (`crate::bidi::language_tag`).
pub fn news_language(tag: &str) -> Option<String> {
    let tag = language_tag(tag)?.to_ascii_lowercase();
    let mut subtags = tag.split('-');
    let primary = subtags.next()?;
    let code = match primary {
        "iw" => "he",
        "ji" => "yi",
        "in" => "id",
        "zh" => {
            // The script decides when it is named (zh-Hans-HK is Simplified).
            let subtags: Vec<&str> = subtags.collect();
            let traditional = if subtags.contains(&"hans") {
                false
            } else {
                subtags
                    .iter()
                    .any(|s| matches!(*s, "hant" | "tw" | "hk" | "mo"))
            };
            if traditional {
                "zh-tw"
            } else {
                "zh-cn"
            }
        }
        other => other,
    };
    Some(code.to_owned())
}
