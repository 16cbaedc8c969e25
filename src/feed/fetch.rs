//! The feed's conditional fetch: the ETag and the last bytes it remembers, so that an
//! unchanged feed (a 304 the browser answered from its cache, the same ETag, the
//! same bytes) is not parsed again; the copy the service worker cached when the
//! network is down; and what a failed request means for the reader.

use std::cell::RefCell;

use leptos::prelude::window;

use super::model::Feed;
use super::read::{read_feed_async, DateRules};
use super::{no_answer_error, FeedError};
use crate::http::{self, Ask, HttpError};

/// What the last good answer was, for the next request.
#[derive(Default)]
pub struct Remembered {
    etag: Option<String>,
    last_body: Vec<u8>,
    /// A failed poll's probe found the server there and CORS keeping its answer
    /// from the page (`to_feed_error`). Kept until a poll is answered, so each
    /// later failing poll of the refused feed is one request, not a request and
    /// a probe: a failure costs the server what any other failure does.
    refused_by_cors: bool,
}

/// What a poll brought.
pub enum Polled {
    Changed(Feed),
    /// Unchanged since the last poll, so nothing was parsed again.
    Same,
    /// The network failed and the service worker answered with the copy it cached;
    /// parsed only when nothing is on screen yet.
    Saved {
        feed: Option<Feed>,
        at_ms: f64,
    },
}

/// Fetches the feed at `url`, asking only for what changed since `remembered`,
/// and reads it whatever its format and encoding (`read.rs`), its dates by `rules`.
/// An error that comes from the feed's content names `url` (the console's line
/// then says which feed); the reader's message stays the error's own.
pub async fn fetch_feed(
    url: &str,
    remembered: &RefCell<Remembered>,
    rules: &DateRules,
) -> Result<Polled, FeedError> {
    let known_etag = remembered.borrow().etag.clone();
    let mut ask = Ask::get(url);
    ask.skip_body_if_etag = known_etag.as_deref();
    let answer = match http::send(ask).await {
        Ok(answer) => answer,
        Err(error) => {
            let refused_before = remembered.borrow().refused_by_cors;
            let error = to_feed_error(url, error, refused_before).await;
            remembered.borrow_mut().refused_by_cors = matches!(error, FeedError::NotShared(_));
            return Err(error);
        }
    };
    if answer.saved_at_ms.is_none() {
        remembered.borrow_mut().refused_by_cors = false;
    }
    if let Some(at_ms) = answer.saved_at_ms {
        let showing = !remembered.borrow().last_body.is_empty();
        let feed = if showing {
            None
        } else {
            Some(read(url, &answer, rules).await?)
        };
        return Ok(Polled::Saved { feed, at_ms });
    }
    if answer.etag.is_some() && answer.etag == known_etag {
        return Ok(Polled::Same);
    }
    if answer.body == remembered.borrow().last_body {
        return Ok(Polled::Same);
    }
    let feed = read(url, &answer, rules).await?;
    let mut remembered = remembered.borrow_mut();
    remembered.etag = answer.etag;
    remembered.last_body = answer.body;
    Ok(Polled::Changed(feed))
}

/// The feed in `answer`, fetched from `url`.
pub async fn read(url: &str, answer: &http::Answer, rules: &DateRules) -> Result<Feed, FeedError> {
    read_feed_async(&answer.body, answer.content_type.as_deref(), rules)
        .await
        .map_err(|error| with_url(url, error))
}

/// `error` with `url` in its details, for errors about what the feed holds.
fn with_url(url: &str, error: FeedError) -> FeedError {
    match error {
        FeedError::NotJson(why) => FeedError::NotJson(format!("{url}: {why}")),
        FeedError::NotXml(why) => FeedError::NotXml(format!("{url}: {why}")),
        FeedError::NotAFeed(why) => FeedError::NotAFeed(format!("{url}: {why}")),
        FeedError::Undecodable(why) => FeedError::Undecodable(format!("{url}: {why}")),
        FeedError::TooLarge(why) => FeedError::TooLarge(format!("{url}: {why}")),
        other => other,
    }
}

/// The feed's error for a failed request to `url`. A request with no answer at
/// all is looked at more closely, since the browser fails it the same way when
/// the reader is offline and when CORS forbids the page to read the answer: a
/// `no-cors` probe tells them apart, unless `refused_before` (the last failure's
/// probe already found a CORS refusal, and nothing was answered since).
pub async fn to_feed_error(url: &str, error: HttpError, refused_before: bool) -> FeedError {
    match error {
        HttpError::Network(detail) => {
            let online = window().navigator().on_line();
            let cross_origin = http::is_cross_origin(url);
            let answered = if online && cross_origin {
                Some(refused_before || http::answers_opaquely(url).await)
            } else {
                None
            };
            no_answer_error(url, detail, online, cross_origin, answered)
        }
        HttpError::Timeout => FeedError::Timeout,
        HttpError::Status { code, .. } => FeedError::Status(code),
    }
}
