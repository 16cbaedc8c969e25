use leptos::prelude::*;
use leptos_router::components::A;

use super::bidi_text::BidiText;
use super::time_label::TimeLabel;
use crate::feed::source::{Entry, FeedSource};

/// The timed list of flashes, newest first; a new flash inserts one row, an edit updates its row.
#[component]
pub fn FlashList(#[prop(optional)] limit: Option<usize>) -> impl IntoView {
    let source = expect_context::<FeedSource>();
    let shown = move || {
        source.entries.with(|entries| {
            entries
                .iter()
                .take(limit.unwrap_or(usize::MAX))
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    view! {
        <ol class="flashes">
            <For each=shown key=|entry| entry.id.clone() children=|entry| view! { <FlashRow entry/> }/>
        </ol>
    }
}

/// One flash: "HH:MM headline", linking to its article.
#[component]
fn FlashRow(entry: Entry) -> impl IntoView {
    let article = entry.article;
    let title = Signal::derive({
        let article = article.clone();
        move || article.with(|a| a.title.clone())
    });
    let published = Signal::derive({
        let article = article.clone();
        move || article.with(|a| a.published_ms)
    });
    let href = expect_context::<crate::routes::Paths>().article(&entry.id);
    view! {
        <li class="flash" class:is-new=entry.is_new>
            <A href=href>
                <TimeLabel ms=published/>
                " "
                <span class="headline"><BidiText text=title/></span>
            </A>
        </li>
    }
}
