//! How the app takes over the page it was given: the view `mount` built hidden
//! beside `#app` is swapped in, in one frame, once the first poll has answered
//! and the page's chunk is in; a published article that has left the feed
//! stays as it was published.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::feed::source::{FeedSource, LoadState};
use crate::scroll_anchor::with_scroll_anchored;

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
            // (mivzak-render leaves its file in place, so a shared link still opens): the
            // app has nothing for it, so the published article stays.
            let left_the_feed = shell
                .query_selector("article.article")
                .ok()
                .flatten()
                .is_some()
                && root.query_selector(".not-found").ok().flatten().is_some();
            if left_the_feed {
                root.remove();
                crate::log::warn("this article has left the feed: its published page stays");
                // The app is not on screen: the browser follows this page's
                // links itself (a click stops before the router's listeners).
                let follow = crate::dom::Listener::new(
                    &window(),
                    "click",
                    true,
                    Box::new(|event: web_sys::Event| event.stop_immediate_propagation()),
                );
                // Held for as long as the page: the app will not come back to it.
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
                crate::after_paint::next_paint().await;
                with_scroll_anchored(move || source.release_held()).await;
                // The app is live in place of the page it was given: scripts and
                // tests that watch rows wait for this (`#app[data-live]`).
                let _ = root.set_attribute("data-live", "");
            });
        }
        true
    });
}
