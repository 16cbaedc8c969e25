//! What a page draws below its first screen waits, after an in-app navigation,
//! until the browser has painted the rest: a click on a flash shows the
//! article's headline and body a frame sooner (issue 23's click target, `make
//! bench` group `published`), and the share bar, the links to the articles
//! around it and the comments come in the next task, off screen.
//!
//! The page the app takes over (`takeover::reveal_when_loaded`) is drawn whole,
//! at once: it is built hidden and swapped in for the published page in one
//! frame, and a part drawn after that would first vanish from what the
//! published page showed. Natively (the publish-time renderer) everything is
//! drawn at once too.

use std::cell::{Cell, RefCell};

use leptos::prelude::*;

thread_local! {
    /// Whether the app's own page is on screen (swapped in for the page it was given).
    static SHOWN: Cell<bool> = const { Cell::new(false) };
    /// What waits for the app's page to be on screen (`when_app_shown`).
    static WAITING: RefCell<Vec<Box<dyn FnOnce()>>> = const { RefCell::new(Vec::new()) };
}

/// Called once the app's page has replaced the page it was given: views drawn
/// from now on are the reader's navigations. Runs what waited for it
/// (`when_app_shown`).
pub fn app_shown() {
    SHOWN.with(|shown| shown.set(true));
    for then in WAITING.with(|waiting| waiting.take()) {
        then();
    }
}

/// Runs `then` once the app's page is on screen: at once when it is, else
/// from `app_shown`. Never when the app leaves the page it was given in place
/// (`takeover`: it has nothing of what that page shows).
pub fn when_app_shown(then: impl FnOnce() + 'static) {
    if app_is_shown() {
        then();
    } else {
        WAITING.with(|waiting| waiting.borrow_mut().push(Box::new(then)));
    }
}

/// Whether the app's own page is on screen (`app_shown` has been called).
pub fn app_is_shown() -> bool {
    SHOWN.with(Cell::get)
}

/// Draws `view` at once while the app takes the page over (and natively), and
/// after the next paint when the app's page is already on screen. `view` is
/// what the reader reaches only by scrolling; what a reader sees first or
/// where focus goes must not be behind it.
pub fn below_first_screen<V: IntoView + 'static>(
    view: impl Fn() -> V + Send + Sync + 'static,
) -> impl IntoView {
    let now = !cfg!(target_arch = "wasm32") || !app_is_shown();
    let ready = RwSignal::new(now);
    if !now {
        after_next_paint(move || {
            // Gone already when the reader has moved on within the frame.
            let _ = ready.try_set(true);
        });
    }
    // Only `ready` is tracked: what `view` reads as it is built redraws its own parts.
    move || ready.get().then(|| untrack(&view))
}

/// Runs `then` after the next paint when the app's page is on screen (an
/// in-app navigation), else when the app takes the page over, in the swap's
/// task (`when_app_shown`): for what the reader does not see on the page (the
/// head, where focus lands), which otherwise holds back the frame that shows
/// what they do. Never when the app leaves the published page in place: the
/// head is then the published page's, not that of the app's hidden page (a
/// "not found" for an item that has left the feed).
pub fn once_painted_when_shown(then: impl FnOnce() + 'static) {
    if app_is_shown() {
        after_next_paint(then);
    } else {
        when_app_shown(then);
    }
}

/// Runs `then` in a task after the browser's next frame (a task queued from
/// an animation frame callback runs after that frame's paint); a hidden tab
/// paints nothing, so 100 ms at most.
pub fn after_next_paint(then: impl FnOnce() + 'static) {
    use std::rc::Rc;
    let once = Rc::new(Cell::new(Some(Box::new(then) as Box<dyn FnOnce()>)));
    let run = {
        let once = once.clone();
        move || {
            if let Some(then) = once.take() {
                then();
            }
        }
    };
    let fallback = run.clone();
    set_timeout(fallback, std::time::Duration::from_millis(100));
    request_animation_frame(move || set_timeout(run, std::time::Duration::ZERO));
}

/// Resolves in a task after the browser's next frame, as [`after_next_paint`]
/// runs its callback: the swapped-in page reaches the screen before newer
/// flashes come in (`takeover::reveal_when_loaded`).
pub async fn next_paint() {
    use wasm_bindgen::JsValue;
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        after_next_paint(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
