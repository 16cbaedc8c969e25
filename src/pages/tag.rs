use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::bidi_text::BidiText;
use crate::components::feed_status::FeedStatus;
use crate::components::time_label::TimeLabel;
use crate::config::Config;
use crate::feed::source::FeedSource;
use crate::feed::tags::{most_used_form, tag_key};
use crate::page_meta::page_meta;
use crate::routes::Paths;

/// `/tag/:tag`: the articles that carry a tag, in whichever form it is written
/// (`feed::tags`: `/tag/צה"ל` and `/tag/צה״ל` are one page), under the form the
/// feed uses most.
#[component]
pub fn TagPage() -> impl IntoView {
    let source = expect_context::<FeedSource>();
    let paths = expect_context::<Paths>();
    let site = expect_context::<Config>().site_name;
    let params = use_params_map();
    let asked = Signal::derive(move || params.with(|p| p.get("tag").unwrap_or_default()));
    let key = Memo::new(move |_| tag_key(&asked.get()));
    let tag = Signal::derive(move || {
        let key = key.get();
        source
            .entries
            .with(|entries| {
                let tags: Vec<String> = entries
                    .iter()
                    .flat_map(|e| e.article.with(|a| a.tags.clone()))
                    .collect();
                most_used_form(&key, tags.iter().map(String::as_str))
            })
            .unwrap_or_else(|| asked.get())
    });
    page_meta(move || format!("{} – {site}", tag.get()), || None);
    let tagged = move || {
        let key = key.get();
        source.entries.with(|entries| {
            entries
                .iter()
                .filter(|e| e.article.with(|a| a.tags.iter().any(|t| tag_key(t) == key)))
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
