use leptos::prelude::*;

use super::bidi_text::BidiText;
use super::comment_counts::CommentCount;
use super::time_label::TimeLabel;
use crate::feed::source::{Entry, FeedSource};

/// How many articles are drawn at first, and added by each "load more": a feed of
/// thousands would take seconds to lay out at once.
const PAGE: usize = 30;

/// The latest articles: headline, summary and time; "load more" shows the next ones
/// already loaded, then fetches the feed's older pages (`next_url`).
#[component]
pub fn ArticleList() -> impl IntoView {
    let source = expect_context::<FeedSource>();
    let shown = RwSignal::new(PAGE);
    let visible = move || {
        source.entries.with(|entries| {
            entries
                .iter()
                .take(shown.get())
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let has_more = move || {
        source.entries.with(Vec::len) > shown.get() || source.info.with(|i| i.next_url.is_some())
    };
    let more = move |_| {
        if source.entries.with_untracked(Vec::len) <= shown.get_untracked() {
            source.load_more();
        }
        shown.update(|n| *n += PAGE);
    };
    view! {
        <section class="articles" aria-labelledby="articles-heading">
            <h2 id="articles-heading">"כתבות אחרונות"</h2>
            <ul class="article-list">
                <For each=visible key=|entry| entry.id.clone() children=|entry| view! { <ArticleCard entry/> }/>
            </ul>
            <Show when=has_more>
                <button type="button" class="load-more" disabled=move || source.loading_more.get() on:click=more>
                    "טענו כתבות נוספות"
                </button>
            </Show>
        </section>
    }
}

/// One article in the list.
#[component]
fn ArticleCard(entry: Entry) -> impl IntoView {
    let article = entry.article;
    let title = Signal::derive({
        let article = article.clone();
        move || article.with(|a| a.title.clone())
    });
    let summary = {
        let article = article.clone();
        move || article.with(|a| a.summary.clone())
    };
    let published = Signal::derive(move || article.with(|a| a.published_ms));
    let href = expect_context::<crate::routes::Paths>().article(&entry.id);
    view! {
        <li class="article-card">
            <h3><a href=href><BidiText text=title/></a></h3>
            {move || summary().map(|s| view! { <p class="summary"><BidiText text=s/></p> })}
            <TimeLabel ms=published/>
            <CommentCount id=entry.id.to_string()/>
        </li>
    }
}
