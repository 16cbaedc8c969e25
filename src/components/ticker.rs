use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::feed_status::FeedStatus;
use super::flash_list::FlashList;
use super::marquee::Marquee;
use super::redrawn_text::RedrawnText;
use super::stale_notice::StaleNotice;
use crate::announcement::{announcement, Arrival};
use crate::config::{Config, TickerMode};
use crate::dom::{on_window, prefers_reduced_motion};
use crate::feed::source::FeedSource;
use crate::feed::urgency::is_urgent;
use crate::ticker_pause::{paused_list, PausedIds};
use crate::ticker_text::TickerText;

/// Whether the reader has moved away from the newest flashes (scrolled past the
/// ticker, or paused the strip or the list), so new ones need a badge to be noticed.
#[derive(Clone, Copy)]
pub struct TickerAttention {
    /// The strip is paused (its own play/pause button).
    pub paused: RwSignal<bool>,
    /// The list is paused (WCAG 2.2.2): what it showed then; `None` while it updates.
    pub list_paused: RwSignal<Option<PausedIds>>,
    /// Flashes that arrived while the reader was away.
    pub unseen: RwSignal<usize>,
    /// Asks the strip to go back to the newest flash.
    pub rewind: RwSignal<u32>,
}

/// The live ticker: the list or the marquee as configured (the list when the reader
/// prefers reduced motion), the stale notice, the "new flashes" badge and a polite
/// live region that announces each new flash once.
#[component]
pub fn Ticker(
    #[prop(into)] mode: Signal<TickerMode>,
    /// On a page of its own (the embed) the ticker's heading is the page's `h1`.
    #[prop(optional)]
    standalone: bool,
) -> impl IntoView {
    let config = expect_context::<Config>();
    let source = expect_context::<FeedSource>();
    let count = config.ticker.count;
    let urgent_tags = config.urgent_tags.clone();
    let reduced_motion = prefers_reduced_motion();
    let attention = TickerAttention {
        paused: RwSignal::new(false),
        list_paused: RwSignal::new(None),
        unseen: RwSignal::new(0),
        rewind: RwSignal::new(0),
    };
    let section = NodeRef::<leptos::html::Section>::new();
    let list_mode = move || mode.get() != TickerMode::Marquee || reduced_motion.get();
    // While the list is paused: how many flashes wait to be inserted.
    let waiting = Memo::new(move |_| {
        let paused = attention.list_paused.get().filter(|_| list_mode())?;
        let flashes = source.entries.with(|entries| {
            paused_list(
                entries.iter().map(|entry| (&*entry.id, entry.is_new)),
                |id| paused.contains(id),
                count,
            )
        });
        Some(flashes.waiting)
    });

    // New flashes: counted for the badge when the reader is away from the top
    // (while the list is paused, `waiting` counts them).
    Effect::new(move |_| {
        let arrived = source.arrivals.with(Vec::len);
        if arrived > 0
            && waiting.get_untracked().is_none()
            && (attention.paused.get_untracked() || scrolled_past(section))
        {
            attention.unseen.update(|n| *n += arrived);
        }
    });
    // Scrolling back up to the ticker clears the "new flashes" badge.
    on_window(leptos::ev::scroll, move |_| {
        if attention.unseen.get_untracked() > 0 && !scrolled_past(section) {
            attention.unseen.set(0);
        }
    });

    let show_newest = move |_| {
        attention.unseen.set(0);
        attention.paused.set(false);
        attention.list_paused.set(None);
        attention.rewind.update(|n| *n += 1);
        // Once the list has drawn what waited (effects run before the next frame).
        request_animation_frame(move || {
            let Some(section) = section.get_untracked() else {
                return;
            };
            section.scroll_into_view();
            if let Some(first) = section
                .query_selector(".flash a, .marquee-group:not([aria-hidden]) a")
                .ok()
                .flatten()
                .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = first.focus();
            }
        });
    };
    let text = use_context::<TickerText>().unwrap_or_default();
    let badge_count = move || waiting.get().unwrap_or_else(|| attention.unseen.get());
    let badge_text = move || text.new_count(badge_count());
    let toggle_list = move |_| {
        if attention.list_paused.get_untracked().is_some() {
            // Resuming inserts what waited; a reader who has scrolled away
            // still gets the badge for it.
            let inserted = waiting.get_untracked().unwrap_or(0);
            attention.list_paused.set(None);
            attention
                .unseen
                .set(if scrolled_past(section) { inserted } else { 0 });
        } else {
            let on_screen = source.entries.with_untracked(|entries| {
                entries
                    .iter()
                    .take(count)
                    .map(|entry| entry.id.clone())
                    .collect()
            });
            attention.list_paused.set(Some(Arc::new(on_screen)));
        }
    };
    let announcement = move || {
        // A paused list announces nothing: its new flashes wait behind the badge.
        if waiting.get_untracked().is_some() {
            return String::new();
        }
        source.arrivals.with(|arrived| {
            let arrivals: Vec<Arrival> = arrived
                .iter()
                .map(|article| Arrival {
                    title: &article.title,
                    urgent: is_urgent(article, &urgent_tags),
                })
                .collect();
            announcement(&arrivals, &text)
        })
    };
    let body = move || {
        if mode.get() == TickerMode::Marquee && !reduced_motion.get() {
            view! { <Marquee count paused=attention.paused rewind=attention.rewind/> }.into_any()
        } else {
            view! { <FlashList count paused=attention.list_paused/> }.into_any()
        }
    };
    view! {
        <section class="ticker" node_ref=section aria-labelledby="flashes-heading">
            <div class="ticker-head">
                {if standalone {
                    view! { <h1 id="flashes-heading">{text.heading}</h1> }.into_any()
                } else {
                    view! { <h2 id="flashes-heading">{text.heading}</h2> }.into_any()
                }}
                <Show when=list_mode>
                    <button
                        type="button"
                        class="ticker-pause"
                        disabled=crate::takeover::WAITS_FOR_THE_APP
                        aria-pressed=move || attention.list_paused.with(Option::is_some).to_string()
                        on:click=toggle_list
                    >
                        <span aria-hidden="true">
                            {move || if attention.list_paused.with(Option::is_some) { "▶" } else { "⏸" }}
                        </span>
                        " "
                        {text.pause_updates}
                    </button>
                </Show>
            </div>
            <StaleNotice/>
            <Show when=move || { badge_count() > 0 }>
                <button type="button" class="new-flashes" on:click=show_newest>
                    <RedrawnText text=Signal::derive(badge_text)/>
                </button>
            </Show>
            <FeedStatus/>
            {body}
            <div class="visually-hidden" aria-live="polite" aria-atomic="true">
                <RedrawnText text=Signal::derive(announcement)/>
            </div>
        </section>
    }
}

/// True when the top of the ticker has scrolled out of view.
fn scrolled_past(section: NodeRef<leptos::html::Section>) -> bool {
    section
        .get_untracked()
        .map(|s| s.get_bounding_client_rect().top() < 0.0)
        .unwrap_or(false)
}
