use leptos::prelude::*;
use leptos_router::components::A;

use super::bidi_text::BidiText;
use super::comment_counts::CommentCount;
use super::time_label::TimeLabel;
use crate::feed::source::{Entry, FeedSource};

/// The latest articles: headline, summary and time, with "load more" when the feed has older pages.
#[component]
pub fn ArticleList() -> impl IntoView {
    let source = expect_context::<FeedSource>();
    let has_more = move || source.info.with(|i| i.next_url.is_some());
    view! {
        <section class="articles" aria-labelledby="articles-heading">
            <h2 id="articles-heading">"כתבות אחרונות"</h2>
            <ul class="article-list">
                <For each=move || source.entries.get() key=|entry| entry.id.clone() children=|entry| view! { <ArticleCard entry/> }/>
            </ul>
            <Show when=has_more>
                <button type="button" class="load-more" disabled=move || source.loading_more.get() on:click=move |_| source.load_more()>
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
            <h3><A href=href><BidiText text=title/></A></h3>
            {move || summary().map(|s| view! { <p class="summary"><BidiText text=s/></p> })}
            <TimeLabel ms=published/>
            <CommentCount id=entry.id.to_string()/>
        </li>
    }
}
