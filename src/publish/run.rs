//! One publishing run of `mivzak-render`: reads `DIR/config.json` and the feed
//! it names, renders the home page, every article and every tag with the app's
//! own components, and writes what changed into DIR with the sitemaps and the
//! manifest. Everything is read and rendered before the first file is written:
//! a broken config, feed, shell or manifest leaves DIR as it was.

use std::collections::HashMap;
use std::path::PathBuf;

use thiserror::Error;

use super::fetch::FeedBody;
use super::head::{self, PageHead};
use super::image_size::ImageSizes;
use super::manifest::{Manifest, ManifestError};
use super::output::{OutputDir, OutputError};
use super::page::{page_html, PageParts, ShellError};
use super::render::{Renderer, Site};
use super::sitemap::crawler_files;
use super::styles::{self, PageKind};
use crate::config::Config;
use crate::feed::read_feed;
use crate::feed::tags::{most_used_form, tag_key};
use crate::page_head::{published_path, Page};
use crate::paths::{route_segment, Paths};

/// The pristine shell: index.html as trunk built it, kept on the first run,
/// since index.html itself becomes the rendered home page. A host's fallback
/// for pages not rendered (an id newer than the last run) serves it
/// (`_redirects`, rewritten on the first run).
pub const SHELL_FILE: &str = "shell.html";
/// Written into every rendered page's `<head>`, so a run can tell a rendered
/// index.html from trunk's.
pub fn generator_meta() -> String {
    format!(
        "<meta name=\"generator\" content=\"{}\">",
        crate::shared::GENERATOR
    )
}

/// What a run is asked to do.
#[derive(Clone, Debug)]
pub struct Options {
    /// The built site (`make build`'s dist/): read and written.
    pub dist: PathBuf,
    /// The feed, instead of the one config.json names: a path (relative to
    /// the working folder) or an http(s) URL.
    pub feed: Option<String>,
    /// "Now", in milliseconds since the Unix epoch: today's date for the day
    /// labels, and the Google News sitemap's 48 hours.
    pub now_ms: i64,
}

/// What a run did.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// Files written (relative to DIR), because they were new or changed.
    pub written: Vec<String>,
    /// Pages rendered whose file was already the same.
    pub unchanged: usize,
    /// What the publisher should know (config warnings, missing site_url…).
    pub warnings: Vec<String>,
}

/// Why a run stopped; nothing was written.
#[derive(Debug, Error)]
pub enum RunError {
    #[error("config.json: {0}")]
    Config(String),
    #[error("the feed {source_name}: {reason}")]
    Feed { source_name: String, reason: String },
    #[error(transparent)]
    Shell(#[from] ShellError),
    #[error(transparent)]
    Output(#[from] OutputError),
    /// A write failed after others had been made: those are listed.
    #[error("{error} (after writing {} files; the manifest was not updated)", written.len())]
    Partial {
        error: OutputError,
        written: Vec<String>,
    },
    #[error(transparent)]
    Manifest(#[from] ManifestError),
}

/// The feed a run reads: `--feed`, else config.json's `feed_url`.
pub fn feed_name(options: &Options) -> Result<String, RunError> {
    if let Some(name) = &options.feed {
        return Ok(name.clone());
    }
    let out = OutputDir::open(&options.dist)?;
    Ok(read_config(&out, &mut Report::default())?.feed_url)
}

/// One run (see the module's doc), reading the feed itself.
pub fn run(options: &Options) -> Result<Report, RunError> {
    run_with_feed(options, None)
}

/// One run with the feed already in hand (`--watch` fetched it), or `None` to
/// read it.
pub fn run_with_feed(options: &Options, body: Option<FeedBody>) -> Result<Report, RunError> {
    let out = OutputDir::open(&options.dist)?;
    let mut report = Report::default();
    let config = read_config(&out, &mut report)?;
    // A corrupt manifest stops the run before anything is written.
    let mut manifest = Manifest::load(&out)?;
    let shell = read_shell(&out)?;
    let feed_name = options
        .feed
        .clone()
        .unwrap_or_else(|| config.feed_url.clone());
    let body = match body {
        Some(body) => body,
        None => load_feed(&out, &feed_name, options.feed.is_some())?,
    };
    let rules = config.feed_date_rules();
    let feed = read_feed(&body.bytes, body.content_type.as_deref(), &rules).map_err(|error| {
        RunError::Feed {
            source_name: feed_name.clone(),
            reason: error.to_string(),
        }
    })?;
    let base = base_of(&shell);
    if let Some(given) = &options.feed {
        let polled =
            super::feed_check::polled_feed(&config.feed_url, config.site_url.as_deref(), &base);
        report.warnings.extend(super::feed_check::mismatch(
            given,
            &config.feed_url,
            &polled,
            &options.dist,
        ));
    }
    let site = Site {
        // Relative URLs resolve against the feed readers fetch (config.json's),
        // whatever copy this run read.
        feed_url: feed_address(&config, &config.feed_url),
        base,
        config,
        feed,
        now_ms: options.now_ms,
    };
    if site.feed.items.is_empty() {
        report.warnings.push(format!(
            "the feed {feed_name} has no items: the home page is written without flashes"
        ));
    }
    for skipped in &site.feed.skipped {
        report
            .warnings
            .push(format!("the feed {feed_name}: {skipped}"));
    }
    // The feed's address as the publisher wrote it: `site.feed_url` may carry
    // the stand-in origin, which is nobody's to read in a warning.
    let head_site = head::Site::new(&site.config, &site.feed, &feed_address_given(&site.config));
    report.warnings.extend(head_site.warnings.iter().cloned());

    let sizes = ImageSizes::new(&out, site.config.site_url.as_deref());
    let sheets = sheet_texts(&out, &shell, &site.base);
    let pages = render_pages(
        &site,
        &head_site,
        &sizes,
        &shell,
        &sheets,
        &mut manifest,
        &mut report,
    )?;
    let crawlers = crawler_files(&site.config, &manifest, options.now_ms);
    report.warnings.extend(crawlers.warnings);

    // Everything is ready: now write.
    // The shell, kept (or brought up to a new build) for the host's fallback.
    if out.write(SHELL_FILE, shell.as_bytes())?.wrote() {
        report.written.push(SHELL_FILE.into());
    }
    if let Some(redirects) = out.read("_redirects")? {
        let text = String::from_utf8_lossy(&redirects)
            .replace("/index.html   200", "/shell.html   200")
            .replace("/index.html 200", "/shell.html 200");
        if out.write("_redirects", text.as_bytes())?.wrote() {
            report.written.push("_redirects".into());
        }
    }
    for (path, html) in pages.iter().chain(crawlers.files.iter()) {
        let written = out
            .write(path, html.as_bytes())
            .map_err(|error| RunError::Partial {
                error,
                written: report.written.clone(),
            })?;
        if written.wrote() {
            report.written.push(path.clone());
        } else {
            report.unchanged += 1;
        }
    }
    if manifest.save(&out)?.wrote() {
        report.written.push(super::manifest::MANIFEST_FILE.into());
    }
    Ok(report)
}

/// Every page, as (file relative to DIR, HTML).
fn render_pages(
    site: &Site,
    head_site: &head::Site,
    sizes: &ImageSizes,
    shell: &str,
    sheets: &HashMap<String, String>,
    manifest: &mut Manifest,
    report: &mut Report,
) -> Result<Vec<(String, String)>, RunError> {
    let paths = Paths::new(site.base.clone());
    let renderer = Renderer::new(site);
    let mut pages = Vec::new();
    let mut page =
        |kind: PageKind, path: String, file: String, mut head: PageHead| -> Result<(), RunError> {
            // The file's own size over what the feed says of it.
            if let Some((width, height)) = head.image_url().and_then(|url| sizes.of(url)) {
                head.set_image_size(width, height);
            }
            report.warnings.extend(head.warnings.iter().cloned());
            let parts = PageParts {
                // The page's own words (header, labels, notices) are Hebrew whatever
                // the item's language, which its own elements carry (as in the app,
                // which never changes <html>): so the page never flips when the app
                // takes over. og:locale and JSON-LD carry the item's language.
                lang: "he".into(),
                dir: "rtl".into(),
                title: head.title.clone(),
                description: Some(head.description.clone()),
                head: format!("{}\n{}", generator_meta(), head.to_html()),
                app: renderer.app_html(&path),
            };
            let html = page_html(shell, &parts)?;
            pages.push((
                file,
                styles::in_head(&html, kind, |href| sheets.get(href).map(String::as_str)),
            ));
            Ok(())
        };
    page(
        PageKind::Home,
        paths.home(),
        "index.html".into(),
        head::for_home(head_site, ""),
    )?;
    // The accessibility statement (issue 24 §4), whose publisher's part the
    // renderer cannot invent: it says what is missing, and so does the report.
    let statement = format!("{}/", crate::paths::ACCESSIBILITY);
    page(
        PageKind::Listing,
        paths.accessibility(),
        format!("{statement}index.html"),
        head::for_accessibility(head_site, &statement),
    )?;

    let mut tags: Vec<&str> = Vec::new();
    let mut taken = std::collections::HashSet::new();
    let mut duplicates = Vec::new();
    for item in &site.feed.items {
        let segment = route_segment(&item.id);
        if !taken.insert(host_name(&segment)) {
            // The app shows the first of two ids with one path (a duplicate id,
            // or a hash collision): so does the published site.
            duplicates.push(format!(
                "item {:?} has the same page as an earlier item; left out",
                item.id
            ));
            continue;
        }
        let relative = published_path(Page::Article, &item.id);
        let file = format!("article/{}/index.html", host_name(&segment));
        page(
            PageKind::Article,
            paths.article(&item.id),
            file.clone(),
            head::for_article(head_site, item, &relative),
        )?;
        manifest.record_article(item, &relative, site.now_ms)?;
        tags.extend(item.tags.iter().map(String::as_str));
    }
    // Every form a tag is written in gets its page (a link from either form
    // lands on a file), each showing the form the feed uses most, and naming
    // that form's page as canonical, the only one in the sitemap.
    let mut forms: Vec<&str> = tags.clone();
    forms.sort_unstable();
    forms.dedup();
    for form in forms {
        let shown =
            most_used_form(&tag_key(form), tags.iter().copied()).unwrap_or_else(|| form.to_owned());
        let segment = route_segment(form);
        let canonical = published_path(Page::Tag, &shown);
        let file = format!("tag/{}/index.html", host_name(&segment));
        page(
            PageKind::Listing,
            paths.tag(form),
            file,
            head::for_tag(head_site, &shown, &canonical),
        )?;
        if shown == form {
            manifest.record_tag(&shown, &canonical, site.now_ms)?;
        }
    }
    report.warnings.extend(duplicates);
    if let Some(missing) = crate::accessibility::statement(&site.config.accessibility).missing {
        report.warnings.push(format!(
            "config.json: the accessibility statement ({statement}) lacks the publisher's details, \
             which Israeli law requires (accessibility: {{ coordinator, phone, email, updated, \
             exceptions }}); the page says: {missing}"
        ));
    }
    Ok(pages)
}

/// The file name a static host looks up for `segment`: its percent-escapes
/// decoded (`paths::route_segment` makes that a safe name).
fn host_name(segment: &str) -> String {
    crate::paths::percent_decode(segment)
}

/// config.json, read as the app reads it; not JSON, or not an object, stops
/// the run (the app would fall back to defaults, a publisher should know).
fn read_config(out: &OutputDir, report: &mut Report) -> Result<Config, RunError> {
    let bytes = out
        .read("config.json")?
        .ok_or_else(|| RunError::Config(format!("missing in {}", out.root().display())))?;
    let text = String::from_utf8(bytes).map_err(|_| RunError::Config("not UTF-8".into()))?;
    match serde_json::from_str::<serde_json::Value>(&text) {
        Ok(value) if value.is_object() => {}
        Ok(_) => return Err(RunError::Config("not a JSON object".into())),
        Err(error) => return Err(RunError::Config(format!("not valid JSON ({error})"))),
    }
    let parsed = crate::config::parse(&text);
    report.warnings.extend(parsed.warnings);
    Ok(parsed.config)
}

/// The shell every page is made from: index.html while it is trunk's (a first
/// run, or a new build copied over the published site), else the shell.html
/// an earlier run kept.
fn read_shell(out: &OutputDir) -> Result<String, RunError> {
    let index = out
        .read("index.html")?
        .ok_or(ShellError("index.html in DIR"))?;
    let bytes = if String::from_utf8_lossy(&index).contains(&generator_meta()) {
        out.read(SHELL_FILE)?.ok_or(ShellError(
            "shell.html (index.html was rendered before; rebuild)",
        ))?
    } else {
        index
    };
    String::from_utf8(bytes).map_err(|_| ShellError("UTF-8 text").into())
}

/// The feed's bytes: from an http(s) URL, or a file (relative to DIR when it
/// comes from config.json, to the working folder when given on the command line).
fn load_feed(out: &OutputDir, name: &str, from_command_line: bool) -> Result<FeedBody, RunError> {
    let failed = |reason: String| RunError::Feed {
        source_name: name.to_owned(),
        reason,
    };
    if super::fetch::is_http_url(name) {
        return super::fetch::get_body(name).map_err(|e| failed(e.to_string()));
    }
    let bytes = if from_command_line {
        std::fs::read(name).map_err(|e| failed(e.to_string()))?
    } else {
        // config.json's feed_url is a URL relative to the site: a file in DIR
        // (its query left off), never one outside it (output.rs refuses `..`
        // and absolute paths).
        let path = name.split(['?', '#']).next().unwrap_or_default();
        out.read(path.trim_start_matches("./"))
            .map_err(|e| failed(e.to_string()))?
            .ok_or_else(|| failed(format!("no such file in {}", out.root().display())))?
    };
    // A file has no Content-Type: its bytes and XML declaration say it all.
    Ok(FeedBody {
        bytes,
        content_type: None,
    })
}

/// Where the feed's relative URLs resolve from, as the browser would have it:
/// absolute already, or against `site_url` (else a placeholder origin that
/// never reaches a page: item URLs are then left relative).
fn feed_address(config: &Config, name: &str) -> String {
    let base = config
        .site_url
        .as_deref()
        .unwrap_or("https://site.invalid/");
    crate::http::absolute_url(name, base).unwrap_or_else(|| name.to_owned())
}

/// The text of each external screen style sheet the shell links
/// (`styles::screen_sheets`), by its `href`: a root-absolute path under the
/// site's `base` (trunk's public URL, without its last `/`). A sheet that is
/// not there, or not UTF-8, is left out (and stays a link).
fn sheet_texts(out: &OutputDir, shell: &str, base: &str) -> HashMap<String, String> {
    styles::screen_sheets(shell)
        .into_iter()
        .filter_map(|href| {
            let file = href.strip_prefix(base)?.strip_prefix('/')?;
            let bytes = out.read(file).ok()??;
            Some((href, String::from_utf8(bytes).ok()?))
        })
        .collect()
}

/// config's `feed_url`, absolute when it already is or `site_url` makes it so,
/// else as written (what [`head::Site::new`] names in its warnings).
fn feed_address_given(config: &Config) -> String {
    match &config.site_url {
        Some(_) => feed_address(config, &config.feed_url),
        None => config.feed_url.clone(),
    }
}

/// The router's base from the shell's `<base href>` (trunk's public URL).
fn base_of(shell: &str) -> String {
    let href = shell
        .split("<base href=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or("/");
    crate::paths::base_path(href)
}
