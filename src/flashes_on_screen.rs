//! The flashes a published page shows, read from its links before the app
//! takes it over (`takeover`): the first poll's flashes newer than them wait
//! until the app is on screen (`FeedSource::take_over_from`).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

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
