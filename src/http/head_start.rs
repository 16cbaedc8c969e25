//! The answers index.html's inline script fetched while the wasm was still
//! downloading: `config.json`, then the feed it names. Taking them instead of
//! asking again saves two round trips before the first flash.
//!
//! The script leaves `window.__mivzakHeadStart = { config, feed }` (the name is
//! `shared::HEAD_START_GLOBAL`), each a promise
//! of `{ requested, status, ok, etag, lastModified, retryAfter, saved, contentType,
//! bytes }` (`bytes` a `Uint8Array` of the body, `text` its UTF-8 reading), rejected
//! when the request failed (`name` "TimeoutError" after 15 s).

use js_sys::{Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::{Answer, HttpError};

use crate::shared::HEAD_START_GLOBAL as GLOBAL;

/// The script's holder object and its promise for `slot`, when the page has them.
fn early(slot: &str) -> Option<(JsValue, Promise)> {
    let holder = Reflect::get(&leptos::prelude::window(), &GLOBAL.into()).ok()?;
    let promise = Reflect::get(&holder, &slot.into())
        .ok()?
        .dyn_into::<Promise>()
        .ok()?;
    Some((holder, promise))
}

/// The early answer for `slot` ("config" or "feed") when it was for `url`, once:
/// a second call, a page without the script, or another URL gets `None` and asks itself.
pub async fn take(slot: &str, url: &str) -> Option<Result<Answer, HttpError>> {
    let (holder, promise) = early(slot)?;
    // One use only: later polls must ask the server, not replay this answer.
    let _ = Reflect::delete_property(holder.unchecked_ref::<js_sys::Object>(), &slot.into());
    match JsFuture::from(promise).await {
        Ok(found) => {
            let text = |key: &str| Reflect::get(&found, &key.into()).ok()?.as_string();
            if text("requested").as_deref() != Some(url) {
                return None;
            }
            let status = Reflect::get(&found, &"status".into())
                .ok()
                .and_then(|s| s.as_f64())
                .unwrap_or(0.0) as u16;
            let body = Reflect::get(&found, &"bytes".into())
                .ok()
                .and_then(|bytes| bytes.dyn_into::<js_sys::Uint8Array>().ok())
                .map(|bytes| bytes.to_vec())
                .unwrap_or_default();
            if !Reflect::get(&found, &"ok".into()).is_ok_and(|ok| ok.is_truthy()) {
                return Some(Err(HttpError::Status {
                    code: status,
                    body: String::from_utf8_lossy(&body).into_owned(),
                    retry_after: text("retryAfter"),
                }));
            }
            Some(Ok(Answer {
                status,
                etag: text("etag"),
                last_modified: text("lastModified"),
                content_type: text("contentType"),
                body,
                saved_at_ms: text("saved").and_then(|v| v.parse::<f64>().ok()),
            }))
        }
        Err(error) => Some(Err(failure(&error))),
    }
}

/// Waits until the early request for `slot` has an answer (or has failed),
/// leaving it to be taken; at once when there is none.
pub async fn settled(slot: &str) {
    if let Some((_, promise)) = early(slot) {
        let _ = JsFuture::from(promise).await;
    }
}

fn failure(error: &JsValue) -> HttpError {
    let field = |key: &str| {
        Reflect::get(error, &key.into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    };
    if field("name") == "TimeoutError" {
        HttpError::Timeout
    } else {
        HttpError::Network(format!("{}: {}", field("name"), field("message")))
    }
}
