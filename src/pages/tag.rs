use leptos::prelude::*;

use crate::components::bidi_text::BidiText;
use crate::components::feed_status::FeedStatus;
use crate::components::time_label::TimeLabel;
use crate::config::Config;
use crate::feed::source::FeedSource;
use crate::page_meta::page_meta;
use crate::routes::{use_path_segment, Paths, Route};

/// `/tag/:tag`: the articles that carry a tag.
#[component]
pub fn TagPage() -> impl IntoView {
    let source = expect_context::<FeedSource>();
    let paths = expect_context::<Paths>();
    let site = expect_context::<Config>().site_name;
    let tag = Signal::from(use_path_segment(Route::Tag));
    page_meta(move || format!("{} – {site}", tag.get()), || None);
    let tagged = move || {
        let tag = tag.get();
        source.entries.with(|entries| {
            entries
                .iter()
                .filter(|e| e.article.with(|a| a.tags.contains(&tag)))
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="tag-page">
            <h1 tabindex="-1">"תגית: "<BidiText text=tag/></h1>
            <FeedStatus/>
            <ul class="article-list">
                <For each=tagged key=|e| e.id.clone() children=move |entry| {
                    let article = entry.article.clone();
                    let title = Signal::derive({ let a = article.clone(); move || a.with(|a| a.title.clone()) });
                    let published = Signal::derive(move || article.with(|a| a.published_ms));
                    view! {
                        <li class="article-card">
                            <h2><a href=paths.article(&entry.id)><BidiText text=title/></a></h2>
                            <TimeLabel ms=published/>
                        </li>
                    }
                }/>
            </ul>
        </section>
    }
}
