//! Fetches the pages' wasm chunks (`chunks`) before they are drawn: when a
//! link is pointed at, focused or touched, and when the page is idle after its
//! first load on a connection that allows it (`idle_prefetch_allowed`). It
//! names each page's chunk (`pages::*::__preload_*_chunk`), so it sits above
//! `pages`, which draw through `chunks`. Natively there are no chunks and
//! nothing here runs.

use std::cell::Cell;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

thread_local! {
    static PREFETCHED: Cell<bool> = const { Cell::new(false) };
}

/// Fetches and instantiates every chunk, once per page (a failure is tried
/// again when the view is drawn).
pub fn prefetch_all() {
    if !PREFETCHED.with(|done| done.replace(true)) {
        preload_every_chunk();
    }
}

#[cfg(all(target_arch = "wasm32", feature = "split"))]
fn preload_every_chunk() {
    leptos::task::spawn_local(async {
        let _ = crate::pages::article::__preload_article_chunk().await;
        let _ = crate::pages::tag::__preload_tag_chunk().await;
        let _ = crate::pages::accessibility::__preload_accessibility_chunk().await;
    });
}

/// Natively there are no chunks.
#[cfg(not(all(target_arch = "wasm32", feature = "split")))]
fn preload_every_chunk() {}

/// Prefetches the chunks when the reader points at, focuses or touches a
/// link, and when the page is idle after its first load where the connection
/// allows it (`idle_prefetch_allowed`). No markup. Its
/// listeners (`dom`) go with the app's owner, which lives as long as the page.
#[component]
pub fn ChunkPrefetch() -> impl IntoView {
    fn on_link(event: web_sys::Event) {
        let on_link = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|element| element.closest("a[href]").ok().flatten())
            .is_some();
        if on_link {
            prefetch_all();
        }
    }
    crate::dom::on_document(leptos::ev::pointerover, |e| on_link(e.into()));
    crate::dom::on_document(leptos::ev::focusin, |e| on_link(e.into()));
    crate::dom::on_document(leptos::ev::touchstart, |e| on_link(e.into()));
    if !idle_prefetch_allowed(save_data(), effective_type().as_deref()) {
        return;
    }
    if document().ready_state() == "complete" {
        when_idle();
    } else {
        crate::dom::on_window(leptos::ev::load, |_| when_idle());
    }
}

/// Whether the chunks may be fetched while the reader has asked for none of
/// them (about 96 KB brotli of the article and tag chunks, issue 23 §4): not
/// when the reader asked to save data (`Save-Data`, `navigator.connection.saveData`),
/// nor on a connection the Network Information API calls slow (`effectiveType`
/// among `shared::SLOW_CONNECTIONS`: `slow-2g`, `2g`, `3g`). A browser that
/// says nothing (Firefox, Safari) is taken as allowing it; a reader's intent (a
/// link pointed at, focused or touched) always fetches them. The service worker
/// reads the same list for its copies of the chunks (`public/sw.js`).
pub fn idle_prefetch_allowed(save_data: bool, effective_type: Option<&str>) -> bool {
    !save_data
        && !effective_type.is_some_and(|kind| crate::shared::SLOW_CONNECTIONS.contains(&kind))
}

/// `navigator.connection`, where the browser has it.
fn connection() -> Option<wasm_bindgen::JsValue> {
    js_sys::Reflect::get(&window().navigator(), &"connection".into())
        .ok()
        .filter(|connection| connection.is_object())
}

/// `navigator.connection.saveData`: the reader asked to save data.
fn save_data() -> bool {
    connection()
        .and_then(|c| js_sys::Reflect::get(&c, &"saveData".into()).ok())
        .is_some_and(|save| save.is_truthy())
}

/// `navigator.connection.effectiveType`: "slow-2g", "2g", "3g" or "4g".
fn effective_type() -> Option<String> {
    connection()
        .and_then(|c| js_sys::Reflect::get(&c, &"effectiveType".into()).ok())
        .and_then(|kind| kind.as_string())
}

/// `prefetch_all` once the main thread is idle; WebKit has no
/// `requestIdleCallback`: a second later instead.
fn when_idle() {
    let window = window();
    let prefetch = Closure::once_into_js(prefetch_all);
    let requested = js_sys::Reflect::get(&window, &"requestIdleCallback".into())
        .ok()
        .and_then(|request| request.dyn_into::<js_sys::Function>().ok())
        .is_some_and(|request| request.call1(&window, &prefetch).is_ok());
    if !requested {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(prefetch.unchecked_ref(), 1000);
    }
}
