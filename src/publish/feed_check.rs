//! Whether the feed a run was given (`--feed`) is the feed the published site's
//! app will poll (config.json's `feed_url`). When they differ, the published
//! pages show one feed and the app, once it runs, replaces them with the other's
//! flashes: the renderer says so.

use std::path::Path;

use crate::config::{config_file_url, resolve_against_config};
use crate::http::absolute_url;

/// Stands in for the site's origin without `site_url` (RFC 6761: never resolves,
/// so never equal to a URL the publisher gave).
const UNKNOWN_ORIGIN: &str = "https://site.invalid";

/// The feed the app polls, as the browser resolves config.json's `feed_url`
/// (`config::resolve_against_config`, the app's own rule).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PolledFeed {
    /// An address outside the site's own files: an absolute URL.
    Elsewhere(String),
    /// A file of the published site: its path inside the output folder
    /// (percent-escapes decoded, query left off), and its URL when `site_url`
    /// says where the site is.
    OnSite { file: String, url: Option<String> },
}

/// The feed the app polls on a site whose root is config's `site_url` (if any)
/// and whose router base is `base` ("" or "/news", `paths::base_path`).
pub fn polled_feed(feed_url: &str, site_url: Option<&str>, base: &str) -> PolledFeed {
    let known = site_url.and_then(|site| absolute_url(&format!("{base}/"), site));
    let root = known
        .clone()
        .unwrap_or_else(|| format!("{UNKNOWN_ORIGIN}{base}/"));
    let config = config_file_url(&root).unwrap_or_default();
    let polled = resolve_against_config(feed_url, &config);
    match polled.strip_prefix(&root) {
        Some(rest) if !rest.is_empty() => {
            let path = rest.split(['?', '#']).next().unwrap_or_default();
            PolledFeed::OnSite {
                file: crate::paths::percent_decode(path),
                url: known.map(|_| polled.clone()),
            }
        }
        _ => PolledFeed::Elsewhere(polled),
    }
}

/// The warning for a run given `given` (`--feed`: a path relative to the working
/// folder, or an http(s) URL) while the app polls `polled` (see [`polled_feed`])
/// on the site in `dist`; `None` when both are the same feed: the same URL, the
/// same file, or a file with the same bytes as the site's.
pub fn mismatch(given: &str, feed_url: &str, polled: &PolledFeed, dist: &Path) -> Option<String> {
    let given_url = super::fetch::is_http_url(given)
        .then(|| absolute_url(given, given))
        .flatten();
    let same = match (polled, &given_url) {
        (PolledFeed::Elsewhere(url), Some(given)) => url == given,
        (PolledFeed::OnSite { url, .. }, Some(given)) => url.as_ref() == Some(given),
        (PolledFeed::OnSite { file, .. }, None) => {
            let site_file = dist.join(file);
            let same_path = matches!(
                (site_file.canonicalize(), Path::new(given).canonicalize()),
                (Ok(a), Ok(b)) if a == b
            );
            same_path
                || matches!(
                    (std::fs::read(&site_file), std::fs::read(given)),
                    (Ok(a), Ok(b)) if a == b
                )
        }
        (PolledFeed::Elsewhere(_), None) => false,
    };
    if same {
        return None;
    }
    let polls = match polled {
        // A path outside the site's folder, on its unknown host ("/feed.json"
        // under a sub-path without `site_url`): named by its path alone.
        PolledFeed::Elsewhere(url) => match url.strip_prefix(UNKNOWN_ORIGIN) {
            Some(path) => format!("{path} on the site's own host"),
            None => url.clone(),
        },
        PolledFeed::OnSite {
            url: Some(url),
            file,
        } => format!("{url} (the file {file} in {})", dist.display()),
        PolledFeed::OnSite { url: None, file } => {
            format!("the site's own file {file} (in {})", dist.display())
        }
    };
    Some(format!(
        "--feed {given} is not the feed the app polls: config.json's feed_url {feed_url:?} \
         resolves to {polls}. The published pages would show the one and the app, once it \
         runs, replace their flashes with the other's: set feed_url in config.json to the \
         site's feed (or render without --feed)"
    ))
}
