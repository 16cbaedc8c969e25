use leptos::prelude::*;

use crate::bidi::display_text;
use crate::components::feed_status::FeedStatus;
use crate::components::flash_list::keyed_rows;
use crate::components::time_label::TimeLabel;
use crate::components::urgent_badge::{badge_when, urgency};
use crate::config::Config;
use crate::feed::source::FeedSource;
use crate::feed::tags::{most_used_form, tag_key};
use crate::page_meta::page_meta;
use crate::paths::{decode_segment, route_segment, use_path_segment, Paths, Route};
use crate::row_focus::RowFocus;

/// `/tag/:tag`: the articles that carry a tag, in whichever form it is written
/// (`feed::tags`: `/tag/צה"ל` and `/tag/צה״ל` are one page), under the form the
/// feed uses most.
#[component]
pub fn TagPage() -> impl IntoView {
    // A long list: its teardown waits until the page that replaces it is painted.
    crate::teardown::later_teardown(tag_view())
}

/// The tag page's view: in the browser from its own wasm chunk (`chunks`),
/// natively (the publish-time renderer) drawn at once.
#[cfg(all(target_arch = "wasm32", feature = "split"))]
fn tag_view() -> AnyView {
    crate::chunks::when_loaded(tag_chunk)
}

#[cfg(not(all(target_arch = "wasm32", feature = "split")))]
fn tag_view() -> AnyView {
    view! { <TagView/> }.into_any()
}

/// The split point of the tag page.
#[cfg(all(target_arch = "wasm32", feature = "split"))]
#[leptos::wasm_split::wasm_split(
    tag_chunk,
    wasm_split_path = ::leptos::wasm_split,
    fallible,
    preload(__preload_tag_chunk)
)]
pub(crate) fn tag_chunk() -> crate::chunks::Loaded {
    Ok(view! { <TagView/> }.into_any())
}

/// The tag page itself.
#[component]
fn TagView() -> impl IntoView {
    let source = expect_context::<FeedSource>();
    let paths = expect_context::<Paths>();
    let Config {
        site_name: site,
        language: site_language,
        ..
    } = expect_context::<Config>();
    let segment = use_path_segment(Route::Tag);
    // The tag the address names: read back from a readable segment, and from
    // the feed's tags for a hashed one (paths::route_segment).
    let asked = Memo::new(move |_| {
        let segment = segment.get();
        if !segment.starts_with('!') {
            return decode_segment(&segment);
        }
        source.entries.with(|entries| {
            entries
                .iter()
                .find_map(|e| {
                    e.article
                        .with(|a| a.tags.iter().find(|t| route_segment(t) == segment).cloned())
                })
                .unwrap_or_default()
        })
    });
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
    page_meta(move || crate::page_head::tag(&site, &tag.get()));
    let tagged = move || {
        let key = key.get();
        source.entries.with(|entries| {
            keyed_rows(
                entries
                    .iter()
                    .filter(|e| e.article.with(|a| a.tags.iter().any(|t| tag_key(t) == key))),
            )
        })
    };
    let focus = RowFocus::new(move || {
        tagged();
    });
    view! {
        <section class="tag-page">
            // The tag comes from the address, in no known language: isolated, its
            // direction left to the browser.
            <h1 tabindex="-1">"תגית: "<bdi class="tag-name">{move || display_text(&tag.get()).into_owned()}</bdi></h1>
            <FeedStatus/>
            <ul class="article-list" on:focusin=move |e| focus.focused(e)>
                <For each=tagged key=|(key, _)| key.clone() children=move |(_, entry)| {
                    let article = entry.article.clone();
                    let title = { let a = article.clone(); move || a.with(|a| display_text(&a.title).into_owned()) };
                    let direction = Memo::new({
                        let (a, site_language) = (article.clone(), site_language.clone());
                        move |_| a.with(|a| a.direction(site_language.as_deref()))
                    });
                    let urgent = urgency(article.clone());
                    let published = Signal::derive(move || article.with(|a| a.published_ms));
                    let marked = urgent.clone();
                    view! {
                        <li class="article-card" class:is-urgent=marked>
                            <h2 lang=move || direction.get().lang dir=move || direction.get().dir>{badge_when(urgent)}<a href=paths.article(&entry.id)>{title}</a></h2>
                            <TimeLabel ms=published/>
                        </li>
                    }
                }/>
            </ul>
        </section>
    }
}
