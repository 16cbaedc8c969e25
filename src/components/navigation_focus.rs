use std::collections::HashMap;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::dom::{on_window, on_window_capturing};

/// After a link is followed, focus moves to the new page's main heading (the router
/// has scrolled to the top), so keyboard and screen-reader users start reading there.
/// After back or forward, the page returns to where the reader had scrolled it.
#[component]
pub fn NavigationFocus() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    // The browser would restore too early, while the previous page is still shown.
    if let Ok(history) = window().history() {
        let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
    }
    let positions = StoredValue::new(HashMap::<String, f64>::new());
    let from_history = StoredValue::new(false);
    // Remembered as the reader scrolls, and again when a link is clicked (capturing,
    // before the router handles it): a scroll event can arrive after a click has
    // already changed the URL.
    let remember = move || {
        let path = window().location().pathname().unwrap_or_default();
        let y = window().scroll_y().unwrap_or_default();
        positions.update_value(|p| {
            p.insert(path, y);
        });
    };
    on_window(leptos::ev::scroll, move |_| remember());
    on_window_capturing(leptos::ev::click, move |_| remember());
    on_window(leptos::ev::popstate, move |_| from_history.set_value(true));

    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path) {
            let saved = positions.with_value(|p| p.get(&path).copied());
            // The router may move on inside its own popstate listener, before ours
            // has run: decide on the next frame, when both have.
            request_animation_frame(move || {
                let restore = from_history.get_value();
                from_history.set_value(false);
                match (restore, saved) {
                    (true, Some(y)) => scroll_back_to(y, 120),
                    // Once the new page is painted: the headline reaches the
                    // screen without waiting for focus's style update.
                    _ => crate::after_paint::after_next_paint(focus_main_heading),
                }
            });
        }
        path
    });
}

/// Scrolls to `y` once the page is tall enough for it, trying for up to two seconds
/// while the previous route's view is replaced.
fn scroll_back_to(y: f64, frames_left: u32) {
    request_animation_frame(move || {
        window().scroll_to_with_x_and_y(0.0, y);
        let reached = window().scroll_y().unwrap_or_default() >= y - 1.0;
        if !reached && frames_left > 0 {
            scroll_back_to(y, frames_left - 1);
        }
    });
}

/// Focuses the page's main heading, once there is one: a page drawn from a
/// wasm chunk (`chunks`) has none until the chunk is in. Tried each frame for up
/// to 30 s (a chunk's time limit), and given up if the reader moves on meanwhile.
fn focus_main_heading() {
    let path = window().location().pathname().unwrap_or_default();
    focus_heading_within(path, 1800);
}

fn focus_heading_within(path: String, frames_left: u32) {
    let heading = document()
        .query_selector("#app main h1")
        .ok()
        .flatten()
        .and_then(|heading| heading.dyn_into::<web_sys::HtmlElement>().ok());
    match heading {
        Some(heading) => {
            let _ = heading.focus();
        }
        None if frames_left > 0 => request_animation_frame(move || {
            if window().location().pathname().unwrap_or_default() == path {
                focus_heading_within(path, frames_left - 1);
            }
        }),
        None => {}
    }
}
