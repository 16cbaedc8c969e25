//! Waiting for the browser's next paint.

use js_sys::Promise;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Resolves once the browser has painted the next frame: the swapped-in page
/// reaches the screen before newer flashes come in. A hidden tab paints
/// nothing, so 100 ms at most.
pub async fn after_next_paint() {
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
