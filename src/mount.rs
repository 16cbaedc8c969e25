//! Where the wasm starts: it reads the site's config and builds the view
//! hidden beside the page it was given (`#app`: a published page, or an
//! unpublished `dist/`'s skeleton), which `takeover` swaps in once the first
//! poll has answered.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::config::Config;

/// Reads `config.json`, then mounts `view` beside the page it was given
/// (`#app`), hidden, for `takeover::reveal_when_loaded` to swap in: shared by the app and
/// the embedded ticker's own entry point.
pub fn mount_with_config<V: IntoView + 'static>(view: impl FnOnce(Config) -> V + 'static) {
    crate::panic_notice::report_panics();
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
