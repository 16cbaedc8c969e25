//! All HTTP goes through here: a time limit, the status checked before the body
//! is read, and the browser's cache revalidating instead of refetching.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use gloo_net::http::{Method, RequestBuilder};
use leptos::prelude::{set_timeout_with_handle, TimeoutHandle};
use web_sys::{AbortController, RequestCache, RequestCredentials, RequestMode};

pub mod head_start;

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
    pub text: String,
    /// Set when the network failed and the service worker answered with the last
    /// good copy it kept (`public/sw.js`): when that copy was stored, in ms.
    pub saved_at_ms: Option<f64>,
}

/// The header the service worker puts on a kept copy.
pub const SAVED_COPY_HEADER: &str = "x-mivzak-saved";

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

/// Aborts the request when dropped, so a view that goes away takes its requests along.
struct AbortOnDrop {
    controller: Option<AbortController>,
    timer: Option<TimeoutHandle>,
}

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        if let Some(timer) = self.timer.take() {
            timer.clear();
        }
        if let Some(controller) = self.controller.take() {
            controller.abort();
        }
    }
}

/// `ask`, unless index.html's script already asked it as `slot` ("config" or
/// "feed") while the wasm loaded: then that answer, once.
pub async fn send_or_take(slot: &str, ask: Ask<'_>) -> Result<Answer, HttpError> {
    match head_start::take(slot, ask.url).await {
        Some(answer) => answer,
        None => send(ask).await,
    }
}

pub async fn send(ask: Ask<'_>) -> Result<Answer, HttpError> {
    let controller = AbortController::new().ok();
    let timed_out = Rc::new(Cell::new(false));
    let timer = controller.clone().and_then(|controller| {
        let timed_out = timed_out.clone();
        set_timeout_with_handle(
            move || {
                timed_out.set(true);
                controller.abort();
            },
            ask.timeout,
        )
        .ok()
    });
    let guard = AbortOnDrop {
        controller: controller.clone(),
        timer,
    };
    let signal = controller.as_ref().map(AbortController::signal);
    let builder = RequestBuilder::new(ask.url)
        .method(ask.method)
        .cache(RequestCache::NoCache)
        .credentials(if ask.with_credentials {
            RequestCredentials::Include
        } else {
            RequestCredentials::Omit
        })
        .abort_signal(signal.as_ref());
    let request = match ask.json_body {
        Some(body) => builder
            .header("Content-Type", "application/json")
            .body(body),
        None => builder.build(),
    }
    .map_err(|e| HttpError::Network(e.to_string()))?;
    let fail = |error: gloo_net::Error| {
        if timed_out.get() {
            HttpError::Timeout
        } else {
            HttpError::Network(error.to_string())
        }
    };
    let response = request.send().await.map_err(fail)?;
    let status = response.status();
    let headers = response.headers();
    let etag = headers.get("etag");
    let last_modified = headers.get("last-modified");
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
    let text = match (ask.skip_body_if_etag, etag.as_deref()) {
        (Some(known), Some(now)) if known == now => String::new(),
        _ => response.text().await.map_err(fail)?,
    };
    drop(guard);
    Ok(Answer {
        status,
        etag,
        last_modified,
        text,
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
    let controller = AbortController::new().ok();
    let timer = controller.clone().and_then(|controller| {
        set_timeout_with_handle(move || controller.abort(), Duration::from_secs(10)).ok()
    });
    let guard = AbortOnDrop {
        controller: controller.clone(),
        timer,
    };
    let signal = controller.as_ref().map(AbortController::signal);
    let answered = match RequestBuilder::new(url)
        .method(Method::HEAD)
        .mode(RequestMode::NoCors)
        .cache(RequestCache::NoStore)
        .credentials(RequestCredentials::Omit)
        .abort_signal(signal.as_ref())
        .build()
    {
        Ok(request) => request.send().await.is_ok(),
        Err(_) => false,
    };
    drop(guard);
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
