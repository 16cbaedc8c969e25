//! A feed's bytes into the one model, whatever the format: decoded
//! (`encoding.rs`), then told apart by their content, never by the URL's
//! extension or the `Content-Type` (newsrooms serve RSS as `text/xml`,
//! `application/rss+xml`, `text/html`, `application/octet-stream` …), and read
//! by the JSON Feed reader (`parse.rs`) or the RSS and Atom one (`xml.rs`).
//!
//! The same function serves the browser, the embed and `mivzak-render`. In the
//! browser (the app's and the embed's builds, feature `split-xml`) the XML reader
//! is a wasm chunk of its own (`xml_chunk`), fetched the first time an XML feed
//! arrives: a JSON Feed site never loads it.

use super::model::Feed;
use super::parse::{document_within_limit, parse_json_feed};
use super::xml::parse_xml_feed;
use super::FeedError;
use crate::time::{FeedTime, TimeLabels};

/// The two families of feed documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FeedFormat {
    /// JSON Feed 1.0 or 1.1.
    Json,
    /// RSS 0.9x, 1.0 or 2.0, or Atom.
    Xml,
}

/// The format `text` is in, by its first character after white space and a
/// byte-order mark: `{` JSON, `<` XML (a declaration, a comment, a DOCTYPE or the
/// root), else neither.
pub fn format_of(text: &str) -> Option<FeedFormat> {
    match text
        .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}')
        .chars()
        .next()
    {
        Some('{') => Some(FeedFormat::Json),
        Some('<') => Some(FeedFormat::Xml),
        _ => None,
    }
}

/// How a feed's dates are read (config.json's `feed_time_zone`, else
/// `time_zone`, and `feed_time_labels`): see `time::feed_date`.
#[derive(Clone, Debug, PartialEq)]
pub struct DateRules {
    /// An IANA zone, for dates written without one (and every date with
    /// `TimeLabels::Local`).
    pub zone: String,
    pub labels: TimeLabels,
}

impl DateRules {
    /// Runs `read` with these rules as a [`FeedTime`], converting wall-clock
    /// times in `zone` by the browser's `Intl` (natively, chrono-tz).
    pub fn apply<R>(&self, read: impl FnOnce(&FeedTime) -> R) -> R {
        let wall_to_instant = |wall_ms: i64| crate::time::wall_to_instant_ms(wall_ms, &self.zone);
        read(&FeedTime {
            labels: self.labels,
            wall_to_instant: &wall_to_instant,
        })
    }
}

/// Reads a feed from its bytes as served with `content_type` (the header, if
/// any). Errors: `TooLarge`, `Undecodable` (the console gets the reason),
/// `NotJson`, `NotXml`, `NotAFeed`.
pub fn read_feed(
    bytes: &[u8],
    content_type: Option<&str>,
    rules: &DateRules,
) -> Result<Feed, FeedError> {
    let text = decoded(bytes, content_type)?;
    match format_of(&text) {
        Some(FeedFormat::Json) => rules.apply(|time| parse_json_feed(&text, time)),
        Some(FeedFormat::Xml) => rules.apply(|time| parse_xml_feed(&text, time)),
        None => Err(neither(&text)),
    }
}

/// [`read_feed`] in the browser, where the XML reader may be a chunk still to
/// fetch (a chunk that does not come is a network failure: polling tries again).
pub async fn read_feed_async(
    bytes: &[u8],
    content_type: Option<&str>,
    rules: &DateRules,
) -> Result<Feed, FeedError> {
    let text = decoded(bytes, content_type)?;
    match format_of(&text) {
        Some(FeedFormat::Json) => rules.apply(|time| parse_json_feed(&text, time)),
        Some(FeedFormat::Xml) => read_xml(text, rules.clone()).await,
        None => Err(neither(&text)),
    }
}

#[cfg(all(target_arch = "wasm32", feature = "split-xml"))]
async fn read_xml(text: String, rules: DateRules) -> Result<Feed, FeedError> {
    xml_chunk(text, rules).await.unwrap_or_else(|error| {
        Err(FeedError::Network(format!(
            "the RSS and Atom reader did not load: {error}"
        )))
    })
}

#[cfg(not(all(target_arch = "wasm32", feature = "split-xml")))]
async fn read_xml(text: String, rules: DateRules) -> Result<Feed, FeedError> {
    rules.apply(|time| parse_xml_feed(&text, time))
}

/// The split point: the XML tree, the RSS and Atom adapters and the body-image
/// scan move into a chunk of their own.
#[cfg(all(target_arch = "wasm32", feature = "split-xml"))]
#[leptos::wasm_split::wasm_split(xml_chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
fn xml_chunk(
    text: String,
    rules: DateRules,
) -> Result<Result<Feed, FeedError>, leptos::wasm_split::SplitLoaderError> {
    Ok(rules.apply(|time| parse_xml_feed(&text, time)))
}

fn decoded(bytes: &[u8], content_type: Option<&str>) -> Result<String, FeedError> {
    // Before decoding: a 200 MB answer is refused without being copied.
    document_within_limit(bytes.len())?;
    super::encoding::decode(bytes, content_type)
}

fn neither(text: &str) -> FeedError {
    let start: String = text.trim_start().chars().take(24).collect();
    if start.is_empty() {
        FeedError::NotAFeed("the answer is empty".into())
    } else {
        FeedError::NotAFeed(format!("neither JSON nor XML: it begins {start:?}"))
    }
}
