//! The app's wasm chunks (issue 16): views that only some pages draw (an
//! article with its body, comments and sharing; a tag page; the accessibility
//! statement) are split points, cut out of the app's wasm after the build
//! (`scripts/wasm-split.mjs`) into files of their own, fetched the first time they are drawn or before: when a
//! link is pointed at, focused or touched, and when the page is idle after its
//! first load on a connection that allows it (`idle_prefetch_allowed`). Natively (the publish-time renderer) there are no chunks: the
//! pages call their views directly, and nothing here runs.

use std::cell::Cell;

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// What a split view's loader gives: the view, or the chunk that did not come.
pub type Loaded = Result<AnyView, SplitLoaderError>;

/// Draws the view `load` gives once its chunk is in; meanwhile the page says
/// it is loading (prefetched, the chunk is already there and nothing shows).
/// While any chunk is on its way, `mount::reveal_when_loaded` keeps the page's
/// shell (a published article stays readable). A chunk that does not come
/// (offline before the service worker kept it, a failed or stalled download, a
/// file a newer deployment has replaced) leaves a Hebrew notice with a retry and
/// a reload, never a broken page; the details go to the console.
pub fn when_loaded<F, Fut>(load: F) -> AnyView
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = Loaded> + 'static,
{
    let attempt = RwSignal::new(0u32);
    let body = move || {
        attempt.track();
        let future = load();
        Suspend::new(leptos::__reexports::send_wrapper::SendWrapper::new(
            async move {
                let _pending = Pending::start();
                match future.await {
                    Ok(view) => view,
                    Err(error) => {
                        crate::log::warn(&format!("a part of the page did not load: {error}"));
                        view! {
                            <p class="chunk-error" role="alert">
                                "חלק מהדף לא נטען. בדקו את החיבור לרשת ו"
                                <button type="button" on:click=move |_| attempt.update(|n| *n += 1)>"נסו שוב"</button>
                                " או "
                                <button type="button" on:click=|_| { let _ = window().location().reload(); }>"טענו את הדף מחדש"</button>
                            </p>
                        }
                        .into_any()
                    }
                }
            },
        ))
    };
    let loading = || {
        view! { <p class="chunk-loading" role="status">"טוען…"</p> }
    };
    view! { <Suspense fallback=loading>{body}</Suspense> }.into_any()
}

thread_local! {
    /// Chunks on their way for views drawn now.
    static PENDING: ArcRwSignal<u32> = ArcRwSignal::new(0);
}

/// How many views wait for their chunk; read in a reactive scope, it is tracked.
pub fn loads_pending() -> u32 {
    PENDING.with(|pending| pending.get())
}

/// One view's wait, counted in `PENDING` until it ends or the view is dropped.
struct Pending;

impl Pending {
    fn start() -> Self {
        PENDING.with(|pending| pending.update(|n| *n += 1));
        Self
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        PENDING.with(|pending| pending.update(|n| *n = n.saturating_sub(1)));
    }
}

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
