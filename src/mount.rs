//! How the wasm takes over the page it was given: the view is built hidden
//! beside `#app` (a published page, or an unpublished `dist/`'s skeleton) and
//! swapped in, in one frame, once the first poll has answered.

use js_sys::Promise;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::config::Config;
use crate::feed::source::{FeedSource, LoadState};

/// Reads `config.json`, then mounts `view` beside the page it was given
/// (`#app`), hidden, for `reveal_when_loaded` to swap in: shared by the app and
/// the embedded ticker's own entry point.
pub fn mount_with_config<V: IntoView + 'static>(view: impl FnOnce(Config) -> V + 'static) {
    report_panics();
    // Leptos starts its executor when it mounts; until then, the browser's own.
    wasm_bindgen_futures::spawn_local(async {
        let config = crate::config::load().await;
        let Some(shell) = document().get_element_by_id("app") else {
            crate::log::error("the page has no #app element");
            return;
        };
        let Ok(root) = document()
            .create_element("div")
            .map(|root| root.unchecked_into::<web_sys::HtmlElement>())
        else {
            return;
        };
        root.set_hidden(true);
        let _ = shell.after_with_node_1(&root);
        leptos::mount::mount_to(root, move || view(config)).forget();
        // When the app's router takes clicks: `make bench` reads it
        // (bench/figures/entries.mjs); until then a click is the browser's.
        if let Some(performance) = window().performance() {
            let _ = performance.mark("mivzak:router-live");
        }
    });
}

/// The route segments (in `paths::canonical_segment`'s form, read by
/// `Paths::segment_in` as the router reads a location) of the flashes a
/// published page shows. Read before the swap, for `FeedSource::take_over_from`;
/// empty when the page shows none (an unpublished skeleton, an article page).
pub fn flashes_on_screen(paths: &crate::paths::Paths) -> std::collections::HashSet<String> {
    let mut shown = std::collections::HashSet::new();
    let Ok(links) = document().query_selector_all("#app .flashes .flash a[href]") else {
        return shown;
    };
    for index in 0..links.length() {
        let Some(link) = links
            .item(index)
            .and_then(|node| node.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        else {
            continue;
        };
        if let Some(segment) = paths.segment_in(crate::paths::Route::Article, &link.pathname()) {
            shown.insert(segment);
        }
    }
    shown
}

/// A panic stops the wasm for good (`panic = "abort"`): the page's failure
/// notice (`public/failure-notice.js`) is told, so the reader learns that the
/// page is a simplified one and can reload it, instead of a page that silently stops.
fn report_panics() {
    std::panic::set_hook(Box::new(|info| {
        let message = format!("panicked: {info}");
        let fail = web_sys::window()
            .and_then(|window| {
                js_sys::Reflect::get(&window, &crate::shared::START_WATCH_GLOBAL.into()).ok()
            })
            .and_then(|check| js_sys::Reflect::get(&check, &"fail".into()).ok())
            .and_then(|fail| fail.dyn_into::<js_sys::Function>().ok());
        match fail {
            // It logs the message too.
            Some(fail) => {
                let _ = fail.call1(&JsValue::NULL, &message.into());
            }
            None => crate::log::error(&message),
        }
    }));
}

/// Resolves once the browser has painted the next frame: the swapped-in page
/// reaches the screen before newer flashes come in. A hidden tab paints
/// nothing, so 100 ms at most.
async fn after_next_paint() {
    let promise = Promise::new(&mut |resolve, _| {
        let _ = window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(resolve.unchecked_ref(), 100);
        let paint = wasm_bindgen::closure::Closure::once_into_js(move || {
            // rAF runs before the paint; a task queued from it runs after.
            let _ = window().set_timeout_with_callback(resolve.unchecked_ref());
        });
        let _ = window().request_animation_frame(paint.unchecked_ref());
    });
    let _ = JsFuture::from(promise).await;
}

/// Swaps the app in for the page it was given once the first poll has
/// answered, in one frame: a published page already shows the flashes, and the
/// app's own first frame, still loading, must not replace them with a skeleton.
pub fn reveal_when_loaded(source: FeedSource) {
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        // The feed's first answer, and the page's own chunk: swapped in while it
        // is still on its way, a published article would give way to nothing.
        if source.state.get() == LoadState::Loading || crate::chunks::loads_pending() > 0 {
            return false;
        }
        let Some(shell) = document().get_element_by_id("app") else {
            return true;
        };
        if let Some(root) = shell
            .next_element_sibling()
            .and_then(|root| root.dyn_into::<web_sys::HtmlElement>().ok())
        {
            // A published page of an article that has since left the feed
            // (mivzak-render keeps it, so a shared link still opens): the
            // app has nothing for it, so the published article stays.
            let kept = shell
                .query_selector("article.article")
                .ok()
                .flatten()
                .is_some()
                && root.query_selector(".not-found").ok().flatten().is_some();
            if kept {
                root.remove();
                crate::log::warn("this article has left the feed: its published page is kept");
                // The app is not on screen: the browser follows this page's
                // links itself (a click stops before the router's listeners).
                let follow = crate::dom::Listener::new(
                    &window(),
                    "click",
                    true,
                    Box::new(|event: web_sys::Event| event.stop_immediate_propagation()),
                );
                // Kept for as long as the page: the app will not come back to it.
                // Not the effect's to remove, which may run again.
                std::mem::forget(follow);
                return true;
            }
            crate::components::flash_more::carry_open_rows(&shell, &root);
            shell.remove();
            root.set_id("app");
            root.set_hidden(false);
            crate::after_paint::app_shown();
            // Flashes newer than the page's come in once the swapped-in page is
            // painted, as a poll's do.
            leptos::task::spawn_local(async move {
                after_next_paint().await;
                keeping_place(move || source.release_held()).await;
                // The app is live in place of the page it was given: scripts and
                // tests that watch rows wait for this (`#app[data-live]`).
                let _ = root.set_attribute("data-live", "");
            });
        }
        true
    });
}

/// Runs `change` (which adds rows above where the reader is) and keeps the
/// element at the top of the viewport where it was on screen. Browsers' scroll
/// anchoring (CSS Scroll Anchoring §2) would, but Chromium picks no new anchor
/// after the swap has removed the old one until the reader scrolls (measured: a
/// reader on the article list moved 352 px down), and WebKit has none. At the
/// top of the page nothing is kept: new flashes push the list down, as a poll's do.
async fn keeping_place(change: impl FnOnce()) {
    let scrolled = window().scroll_y().unwrap_or_default();
    let anchor = (scrolled > 0.0)
        .then(|| {
            let x = window().inner_width().ok()?.as_f64()? / 2.0;
            document().element_from_point(x as f32, 1.0)
        })
        .flatten();
    let before = anchor.as_ref().map(|a| a.get_bounding_client_rect().top());
    change();
    let (Some(anchor), Some(before)) = (anchor, before) else {
        return;
    };
    // The list is drawn by effects, which run before the next frame: there,
    // before it is painted, the anchor is put back.
    let promise = Promise::new(&mut |resolve, _| {
        let _ = window().request_animation_frame(&resolve);
    });
    let _ = JsFuture::from(promise).await;
    let moved = anchor.get_bounding_client_rect().top() - before;
    if anchor.is_connected() && moved.abs() >= 1.0 {
        window().scroll_by_with_x_and_y(0.0, moved);
    }
}
