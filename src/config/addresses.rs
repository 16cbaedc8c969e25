//! Where the app looks for config.json and the addresses it names: one rule for
//! the browser (`loading::load`) and for `mivzak-render`, which warns when the
//! feed it was given is not the one the app will poll.

use crate::http::absolute_url;

/// config.json's own URL on a page whose document base (`<base href>` resolved
/// against the page, `document.baseURI`) is `document_base`: the file beside
/// `index.html`. `None` when `document_base` is not a URL.
pub fn config_file_url(document_base: &str) -> Option<String> {
    absolute_url("config.json", document_base)
}

/// `address` (config's `feed_url`, an `embed_feeds` entry) as the app uses it:
/// resolved against config.json's own URL (`config_url`) by the URL Standard,
/// or left as written when that gives no URL.
pub fn resolve_against_config(address: &str, config_url: &str) -> String {
    absolute_url(address, config_url).unwrap_or_else(|| address.to_owned())
}
