//! The feed over HTTP, for a feed given by URL: ureq (blocking, rustls), with a
//! conditional GET for `--watch` (RFC 9110 §13.1: `If-None-Match` and
//! `If-Modified-Since` from the last answer's `ETag` and `Last-Modified`).

use std::time::Duration;

use thiserror::Error;

/// The largest feed read, in bytes: ureq's default (10 MB) is below a
/// 10,000-item feed with bodies.
const LARGEST_FEED: u64 = 256 * 1024 * 1024;
/// How long one request may take in all.
const TIMEOUT: Duration = Duration::from_secs(30);

/// Why the feed could not be fetched.
#[derive(Debug, Error)]
pub enum FetchError {
    #[error("HTTP {0}")]
    Status(u16),
    #[error("{0}")]
    Transport(String),
}

/// The last answer's validators, sent back with the next request.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// Whether a feed's name is an http(s) URL to fetch (scheme in any case, as
/// URLs allow), rather than a file: the one test for a run and for `--watch`.
pub fn is_http_url(name: &str) -> bool {
    let lower = name.get(..8).unwrap_or(name).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// A feed as fetched or read from a file: its bytes, decoded by the feed's own
/// rules (`feed::encoding`), and the `Content-Type` it was served with.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FeedBody {
    pub bytes: Vec<u8>,
    pub content_type: Option<String>,
}

/// The body of `url`, following redirects; any status but 2xx is an error.
pub fn get_body(url: &str) -> Result<FeedBody, FetchError> {
    get_if_changed(url, &mut Validators::default()).map(Option::unwrap_or_default)
}

/// The body of `url` if it changed since `validators` were taken (`None` on a
/// 304), updating them from the answer.
pub fn get_if_changed(
    url: &str,
    validators: &mut Validators,
) -> Result<Option<FeedBody>, FetchError> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(TIMEOUT))
        .http_status_as_error(false)
        .build()
        .into();
    let mut request = agent.get(url).header(
        "Accept",
        "application/feed+json, application/json;q=0.9, application/rss+xml, \
         application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1",
    );
    if let Some(etag) = &validators.etag {
        request = request.header("If-None-Match", etag);
    }
    if let Some(date) = &validators.last_modified {
        request = request.header("If-Modified-Since", date);
    }
    let mut answer = request
        .call()
        .map_err(|e| FetchError::Transport(e.to_string()))?;
    let status = answer.status().as_u16();
    if status == 304 {
        return Ok(None);
    }
    if !(200..300).contains(&status) {
        return Err(FetchError::Status(status));
    }
    let header = |name: &str| {
        answer
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    *validators = Validators {
        etag: header("etag"),
        last_modified: header("last-modified"),
    };
    let content_type = header("content-type");
    answer
        .body_mut()
        .with_config()
        .limit(LARGEST_FEED)
        .read_to_vec()
        .map(|bytes| {
            Some(FeedBody {
                bytes,
                content_type,
            })
        })
        .map_err(|e| FetchError::Transport(e.to_string()))
}
