use leptos::prelude::*;

use crate::row_focus::RowFocus;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use super::flash_list::{shown_entries, FlashItem};
use crate::config::Config;
use crate::dom::observe_resize;
use crate::feed::source::FeedSource;
use crate::ticker_text::TickerText;

/// A continuous strip of flashes. In Hebrew it travels left to right, so each
/// headline's beginning enters first. Every group of flashes moves by its own
/// width on a CSS transform animation (smooth while the main thread is busy);
/// the copies that close the loop are hidden from screen readers and inert.
///
/// `paused` is the strip's own play/pause state, `rewind` a counter the ticker
/// bumps to send the strip back to the newest flash (its "new flashes" badge).
#[component]
pub fn Marquee(count: usize, paused: RwSignal<bool>, rewind: RwSignal<u32>) -> impl IntoView {
    let source = expect_context::<FeedSource>();
    let speed = expect_context::<Config>().ticker.speed;
    let viewport = NodeRef::<leptos::html::Div>::new();
    let track = NodeRef::<leptos::html::Div>::new();
    // How many copies of the group it takes to fill the viewport with no gap.
    let copies = RwSignal::new(1usize);
    let width = StoredValue::new(0.0f64);

    let measure = move || {
        let (Some(viewport), Some(track)) = (viewport.get_untracked(), track.get_untracked())
        else {
            return;
        };
        let Some(group) = track.first_element_child() else {
            return;
        };
        let new_width = group.get_bounding_client_rect().width();
        if new_width < 1.0 {
            return;
        }
        let old_width = width.get_value();
        let needed = (f64::from(viewport.client_width()) / new_width)
            .ceil()
            .max(1.0) as usize;
        if copies.get_untracked() != needed {
            copies.set(needed);
        }
        // Keep the flashes on screen where they are: the offset so far, plus what
        // was inserted at the start (new flashes), wrapped into the new width.
        let offset = current_offset(&track, speed, old_width);
        let offset = (offset + (new_width - old_width).max(0.0) * f64::from(old_width > 0.0))
            .rem_euclid(new_width);
        width.set_value(new_width);
        let _ = HtmlElement::style(&track).set_property(
            "--mivzak-marquee-duration",
            // Whole milliseconds: an integer keeps float formatting out of the wasm.
            &format!("{}ms", (new_width / speed * 1000.0).round() as u64),
        );
        seek(&track, offset, speed);
    };

    // Measure whenever the first group changes size (flashes in or out, fonts, zoom).
    Effect::new(move |_| {
        let (Some(track), Some(viewport)) = (track.get(), viewport.get()) else {
            return;
        };
        match track.first_element_child() {
            Some(group) => observe_resize(&[&group, &viewport], measure),
            None => observe_resize(&[&viewport], measure),
        }
    });

    // "Show the newest" from the badge: back to the start of the strip.
    Effect::new(move |first: Option<()>| {
        rewind.track();
        if first.is_some() {
            if let Some(track) = track.get_untracked() {
                seek(&track, 0.0, speed);
            }
        }
    });

    let step = move |forward: bool| {
        let Some(track) = track.get_untracked() else {
            return;
        };
        let total = width.get_value();
        if total < 1.0 {
            return;
        }
        let offset = current_offset(&track, speed, total);
        let starts = flash_starts(&track);
        let target = if forward {
            starts
                .iter()
                .copied()
                .find(|s| *s > offset + 1.0)
                .unwrap_or(0.0)
        } else {
            starts
                .iter()
                .copied()
                .rev()
                .find(|s| *s < offset - 1.0)
                .unwrap_or_else(|| starts.last().copied().unwrap_or(0.0))
        };
        seek(&track, target, speed);
    };

    let each = shown_entries(source, count);
    let focus = RowFocus::new(move || {
        each();
    });
    let group = move |copy: bool| {
        view! {
            <ul class="marquee-group" aria-hidden=copy.then_some("true") inert=copy on:focusin=move |e| focus.focused(e)>
                <For each=each key=|(key, _)| key.clone() children=|(_, entry)| view! { <FlashItem entry/> }/>
            </ul>
        }
    };
    let text = use_context::<TickerText>().unwrap_or_default();
    let toggle_label = move || {
        if paused.get() {
            text.play
        } else {
            text.pause
        }
    };
    view! {
        <div class="marquee" class:is-paused=move || paused.get()>
            <div class="marquee-controls">
                <button type="button" class="marquee-prev" disabled=crate::takeover::WAITS_FOR_THE_APP aria-label=text.previous on:click=move |_| step(false)>
                    <span aria-hidden="true">"→"</span>
                </button>
                <button
                    type="button"
                    class="marquee-toggle"
                    disabled=crate::takeover::WAITS_FOR_THE_APP
                    aria-pressed=move || paused.get().to_string()
                    aria-label=toggle_label
                    on:click=move |_| paused.update(|p| *p = !*p)
                >
                    <span aria-hidden="true">{move || if paused.get() { "▶" } else { "⏸" }}</span>
                </button>
                <button type="button" class="marquee-next" disabled=crate::takeover::WAITS_FOR_THE_APP aria-label=text.next on:click=move |_| step(true)>
                    <span aria-hidden="true">"←"</span>
                </button>
            </div>
            <div class="marquee-viewport" node_ref=viewport>
                <div class="marquee-track" node_ref=track>
                    {group(false)}
                    {move || (0..copies.get()).map(|_| group(true)).collect_view()}
                </div>
            </div>
        </div>
    }
}

/// How far (in pixels) the strip has moved into its loop.
fn current_offset(track: &HtmlElement, speed: f64, width: f64) -> f64 {
    if width < 1.0 {
        return 0.0;
    }
    animations(track)
        .first()
        .and_then(web_sys::Animation::current_time)
        .map(|ms| (ms / 1000.0 * speed).rem_euclid(width))
        .unwrap_or(0.0)
}

/// Moves every group's animation to `offset` pixels into the loop, in step.
fn seek(track: &HtmlElement, offset: f64, speed: f64) {
    let time = offset / speed * 1000.0;
    for animation in animations(track) {
        animation.set_current_time(Some(time));
    }
}

fn animations(track: &HtmlElement) -> Vec<web_sys::Animation> {
    let groups = track.children();
    (0..groups.length())
        .filter_map(|i| groups.item(i))
        .flat_map(|group| animations_of(&group))
        .collect()
}

/// `element.getAnimations()`, which web-sys keeps behind its unstable flag.
fn animations_of(element: &Element) -> Vec<web_sys::Animation> {
    let get = js_sys::Reflect::get(element, &"getAnimations".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    get.and_then(|get| get.call0(element).ok())
        .and_then(|list| list.dyn_into::<js_sys::Array>().ok())
        .map(|list| list.iter().map(JsCast::unchecked_into).collect())
        .unwrap_or_default()
}

/// Where each flash of the first group starts, in pixels from the group's start
/// edge (its right edge in Hebrew), in order.
fn flash_starts(track: &HtmlElement) -> Vec<f64> {
    let Some(group) = track.first_element_child() else {
        return Vec::new();
    };
    let edge = start_edge(&group);
    let rtl = is_rtl(&group);
    let items = group.children();
    (0..items.length())
        .filter_map(|i| items.item(i))
        .map(|item| {
            let distance = if rtl {
                edge - item.get_bounding_client_rect().right()
            } else {
                item.get_bounding_client_rect().left() - edge
            };
            distance.max(0.0)
        })
        .collect()
}

fn start_edge(element: &Element) -> f64 {
    let rect = element.get_bounding_client_rect();
    if is_rtl(element) {
        rect.right()
    } else {
        rect.left()
    }
}

fn is_rtl(element: &Element) -> bool {
    window()
        .get_computed_style(element)
        .ok()
        .flatten()
        .and_then(|style| style.get_property_value("direction").ok())
        .is_none_or(|direction| direction != "ltr")
}
