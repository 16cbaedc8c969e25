//! All HTTP goes through here: a time limit, an abort when the owner that asked
//! is cleaned up, the status checked before the body is read, and the browser's
//! cache revalidating instead of refetching.

use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;
use std::time::Duration;

use gloo_net::http::{Method, RequestBuilder};
use leptos::prelude::{set_timeout_with_handle, TimeoutHandle};
use web_sys::{AbortController, AbortSignal, RequestCache, RequestCredentials, RequestMode};

/// Why a request failed, before anything was parsed.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum HttpError {
    #[error("network error: {0}")]
    Network(String),
    #[error("no answer in time")]
    Timeout,
    /// Not 2xx, with the body (servers explain themselves there) and `Retry-After`.
    #[error("HTTP {code}")]
    Status {
        code: u16,
        body: String,
        retry_after: Option<String>,
    },
}

/// A 2xx answer.
pub struct Answer {
    pub status: u16,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// The `Content-Type` header, for the charset a feed's bytes are in.
    pub content_type: Option<String>,
    /// The body as bytes: a feed is decoded by its own rules (`feed::encoding`),
    /// not as the UTF-8 that `Response.text()` always assumes.
    pub body: Vec<u8>,
    /// Set when the network failed and the service worker answered with the last
    /// good copy it cached (`public/sw.js`): when that copy was stored, in ms.
    pub saved_at_ms: Option<f64>,
}

impl Answer {
    /// The body as UTF-8 text (config.json and Isso's JSON are UTF-8 by their
    /// specs); a broken sequence becomes U+FFFD.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

pub use crate::shared::SAVED_COPY_HEADER;

/// What to send.
pub struct Ask<'a> {
    pub method: Method,
    pub url: &'a str,
    pub json_body: Option<String>,
    pub timeout: Duration,
    /// Cookies only where a server needs them (Isso's edit cookie); the feed never does.
    pub with_credentials: bool,
    /// `Some(etag)`: stop after the headers when the answer has this ETag.
    pub skip_body_if_etag: Option<&'a str>,
}

impl<'a> Ask<'a> {
    pub fn get(url: &'a str) -> Self {
        Self {
            method: Method::GET,
            url,
            json_body: None,
            timeout: Duration::from_secs(15),
            with_credentials: false,
            skip_body_if_etag: None,
        }
    }
}

/// What stops a request: its time limit, the owner that sent it going away
/// (`dom::owner_abort_signal`), or the request itself being dropped.
///
/// Where the browser has `AbortSignal.any` and `AbortSignal.timeout`, the
/// request listens to one signal made of the three. Elsewhere (Safari before 17.4, Chromium before 116) a timer
/// aborts it, and a request whose owner went away runs on to its answer,
/// which nobody then reads ([`send`] never completes).
struct Stop {
    controller: Option<AbortController>,
    owner: Option<AbortSignal>,
    /// What `fetch` listens to.
    signal: Option<AbortSignal>,
    timeout: Option<AbortSignal>,
    /// Without `AbortSignal.any`: the timer and whether it fired.
    timer: Option<TimeoutHandle>,
    timed_out: Rc<Cell<bool>>,
}

impl Stop {
    fn new(owner: Option<AbortSignal>, limit: Duration) -> Self {
        let controller = AbortController::new().ok();
        let own = controller.as_ref().map(AbortController::signal);
        let mut stop = Self {
            controller: controller.clone(),
            owner,
            signal: own.clone(),
            timeout: None,
            timer: None,
            timed_out: Rc::default(),
        };
        match (can_combine_signals(), own, controller) {
            (true, Some(own), _) => {
                let timeout = AbortSignal::timeout_with_u32(limit.as_millis() as u32);
                let signals = js_sys::Array::of2(&own, &timeout);
                if let Some(owner) = &stop.owner {
                    signals.push(owner);
                }
                stop.signal = Some(AbortSignal::any(&signals));
                stop.timeout = Some(timeout);
            }
            (_, _, Some(controller)) => {
                let timed_out = stop.timed_out.clone();
                stop.timer = set_timeout_with_handle(
                    move || {
                        timed_out.set(true);
                        controller.abort();
                    },
                    limit,
                )
                .ok();
            }
            _ => {}
        }
        stop
    }

    /// Why a request failed with `error`: its time was up, or the network.
    fn error(&self, error: gloo_net::Error) -> HttpError {
        if self.timed_out.get() || self.timeout.as_ref().is_some_and(AbortSignal::aborted) {
            HttpError::Timeout
        } else {
            HttpError::Network(error.to_string())
        }
    }
}

impl Drop for Stop {
    fn drop(&mut self) {
        if let Some(timer) = self.timer.take() {
            timer.clear();
        }
        // A request dropped on its way goes; after its answer, this does nothing.
        if let Some(controller) = self.controller.take() {
            controller.abort();
        }
    }
}

/// Whether the browser has `AbortSignal.any` and `AbortSignal.timeout`.
fn can_combine_signals() -> bool {
    let Ok(class) = js_sys::Reflect::get(&leptos::prelude::window(), &"AbortSignal".into()) else {
        return false;
    };
    ["any", "timeout"]
        .iter()
        .all(|name| js_sys::Reflect::get(&class, &(*name).into()).is_ok_and(|f| f.is_function()))
}

/// Sends `ask`, within its time limit, for the current reactive owner: when
/// that owner is cleaned up (the reader left the page that asked) the request
/// is aborted and the returned future never completes. Outside any owner the
/// request lasts until it is answered or its time is up.
pub fn send(ask: Ask<'_>) -> impl Future<Output = Result<Answer, HttpError>> + '_ {
    send_until(ask, crate::dom::owner_abort_signal())
}

async fn send_until(ask: Ask<'_>, owner: Option<AbortSignal>) -> Result<Answer, HttpError> {
    let stop = Stop::new(owner, ask.timeout);
    let result = exchange(ask, &stop).await;
    // The reader has left what asked: nothing after the request runs (as when
    // a task is dropped), and no error is shown or counted.
    if stop.owner.as_ref().is_some_and(AbortSignal::aborted) {
        std::future::pending::<()>().await;
    }
    result
}

async fn exchange(ask: Ask<'_>, stop: &Stop) -> Result<Answer, HttpError> {
    let builder = RequestBuilder::new(ask.url)
        .method(ask.method)
        .cache(RequestCache::NoCache)
        .credentials(if ask.with_credentials {
            RequestCredentials::Include
        } else {
            RequestCredentials::Omit
        })
        .abort_signal(stop.signal.as_ref());
    let request = match ask.json_body {
        Some(body) => builder
            .header("Content-Type", "application/json")
            .body(body),
        None => builder.build(),
    }
    .map_err(|e| HttpError::Network(e.to_string()))?;
    let response = request.send().await.map_err(|e| stop.error(e))?;
    let status = response.status();
    let headers = response.headers();
    let etag = headers.get("etag");
    let last_modified = headers.get("last-modified");
    let content_type = headers.get("content-type");
    let saved_at_ms = headers
        .get(SAVED_COPY_HEADER)
        .and_then(|v| v.parse::<f64>().ok());
    if !response.ok() {
        let retry_after = headers.get("retry-after");
        let body = response.text().await.unwrap_or_default();
        return Err(HttpError::Status {
            code: status,
            body,
            retry_after,
        });
    }
    let body = match (ask.skip_body_if_etag, etag.as_deref()) {
        (Some(known), Some(now)) if known == now => Vec::new(),
        _ => response.binary().await.map_err(|e| stop.error(e))?,
    };
    Ok(Answer {
        status,
        etag,
        last_modified,
        content_type,
        body,
        saved_at_ms,
    })
}

/// Whether `url` is on another origin than the page (a relative URL is not).
pub fn is_cross_origin(url: &str) -> bool {
    let page = leptos::prelude::window().location();
    match web_sys::Url::new_with_base(url, &document_base()) {
        Ok(target) => page.origin().is_ok_and(|origin| origin != target.origin()),
        Err(_) => false,
    }
}

/// Whether the server at `url` answers a `no-cors` HEAD request, whose answer the
/// page may not read but whose arrival it sees. After a request to `url` failed
/// with no answer, `true` means the server is there and CORS kept its answer
/// from the page; `false`, that it cannot be reached at all.
pub async fn answers_opaquely(url: &str) -> bool {
    let stop = Stop::new(crate::dom::owner_abort_signal(), Duration::from_secs(10));
    let answered = match RequestBuilder::new(url)
        .method(Method::HEAD)
        .mode(RequestMode::NoCors)
        .cache(RequestCache::NoStore)
        .credentials(RequestCredentials::Omit)
        .abort_signal(stop.signal.as_ref())
        .build()
    {
        Ok(request) => request.send().await.is_ok(),
        Err(_) => false,
    };
    drop(stop);
    answered
}

/// `url` resolved against `base`, or `url` as it is when either is not a URL.
pub fn resolve_url(url: &str, base: &str) -> String {
    web_sys::Url::new_with_base(url, base)
        .map(|u| u.href())
        .unwrap_or_else(|_| url.to_owned())
}

/// The document's base URL (honours `<base href>`, so a sub-path deployment works).
pub fn document_base() -> String {
    leptos::prelude::document()
        .base_uri()
        .ok()
        .flatten()
        .unwrap_or_default()
}

/// `url` resolved against `base` when it is http(s), for images and links that
/// come from the feed outside its HTML body.
pub fn safe_http_url(url: &str, base: &str) -> Option<String> {
    absolute_url(url, base).filter(|url| crate::feed::base::is_http(url))
}

/// `url` (trimmed) resolved against `base` by the browser's URL parser, or `None`
/// when that is not a URL. Natively (the renderer), the `url` crate, which
/// follows the same WHATWG URL Standard.
pub fn absolute_url(url: &str, base: &str) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::Url::new_with_base(url.trim(), base)
            .ok()
            .map(|url| url.href())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let base = url::Url::parse(base).ok();
        url::Url::options()
            .base_url(base.as_ref())
            .parse(url.trim())
            .ok()
            .map(String::from)
    }
}

/// The origin of the page's own links: the browser's, or on a page rendered
/// natively the origin of config.json's `site_url` ("" without one).
pub fn page_origin(site_url: Option<&str>) -> String {
    if cfg!(target_arch = "wasm32") {
        return leptos::prelude::window()
            .location()
            .origin()
            .unwrap_or_default();
    }
    let Some(url) = site_url else {
        return String::new();
    };
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    let end = url[after_scheme..]
        .find('/')
        .map_or(url.len(), |i| after_scheme + i);
    url[..end].to_owned()
}
