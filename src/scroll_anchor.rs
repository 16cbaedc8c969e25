//! Scroll anchoring done by hand, for the rows the takeover adds above the reader.

use js_sys::Promise;
use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// Runs `change` (which adds rows above where the reader is) and puts the
/// element at the top of the viewport back where it was on screen. Browsers' scroll
/// anchoring (CSS Scroll Anchoring §2) would, but Chromium picks no new anchor
/// after the swap has removed the old one until the reader scrolls (measured: a
/// reader on the article list moved 352 px down), and WebKit has none. At the
/// top of the page nothing is anchored: new flashes push the list down, as a poll's do.
pub async fn with_scroll_anchored(change: impl FnOnce()) {
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
