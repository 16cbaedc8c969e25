//! The app's wasm chunks (issue 16): views that only some pages draw (an
//! article with its body, comments and sharing; a tag page; the accessibility
//! statement) are split points, cut out of the app's wasm after the build
//! (`scripts/wasm-split.mjs`) into files of their own, fetched the first time
//! they are drawn or before (`chunk_prefetch`). This is the loader the pages
//! draw their split views through; it knows no page. Natively (the
//! publish-time renderer) there are no chunks: the pages call their views
//! directly, and nothing here runs.

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

/// What a split view's loader gives: the view, or the chunk that did not come.
pub type Loaded = Result<AnyView, SplitLoaderError>;

/// Draws the view `load` gives once its chunk is in; meanwhile the page says
/// it is loading (prefetched, the chunk is already there and nothing shows).
/// While any chunk is on its way, `takeover::reveal_when_loaded` leaves the page's
/// shell (a published article stays readable). A chunk that does not come
/// (offline before the service worker cached it, a failed or stalled download, a
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
                        // The buttons sit beside the sentence, not in it: a
                        // button in a wrapped line would cover the line above.
                        view! {
                            <div class="chunk-error" role="alert">
                                <p>"חלק מהדף לא נטען. בדקו את החיבור לרשת ונסו שוב, או טענו את הדף מחדש."</p>
                                <button type="button" on:click=move |_| attempt.update(|n| *n += 1)>"נסו שוב"</button>
                                <button type="button" on:click=|_| { let _ = window().location().reload(); }>"טענו את הדף מחדש"</button>
                            </div>
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
