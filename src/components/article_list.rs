use leptos::prelude::*;

use super::comment_counts::CommentCount;
use super::flash_list::keyed_rows;
use super::time_label::TimeLabel;
use super::urgent_badge::{badge_when, urgency};
use crate::bidi::display_text;
use crate::config::Config;
use crate::feed::source::{Entry, FeedSource};
use crate::row_focus::RowFocus;

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
        source
            .entries
            .with(|entries| keyed_rows(entries.iter().take(shown.get())))
    };
    let has_more = move || {
        source.entries.with(Vec::len) > shown.get()
            || source.top_level.with(|i| i.next_url.is_some())
    };
    let more = move |_| {
        if source.entries.with_untracked(Vec::len) <= shown.get_untracked() {
            source.load_more();
        }
        shown.update(|n| *n += PAGE);
    };
    let focus = RowFocus::new(move || {
        visible();
    });
    view! {
        <section class="articles" aria-labelledby="articles-heading">
            <h2 id="articles-heading">"כתבות אחרונות"</h2>
            <ul class="article-list" on:focusin=move |e| focus.focused(e)>
                <For each=visible key=|(key, _)| key.clone() children=|(_, entry)| view! { <ArticleCard entry/> }/>
            </ul>
            <Show when=has_more>
                <button type="button" class="load-more" disabled=move || source.loading_more.get() on:click=more>
                    "טענו כתבות נוספות"
                </button>
            </Show>
        </section>
    }
}

/// One article in the list: headline and summary in the lang and dir of the
/// item's language; the time and comment count beside them isolated; an urgent
/// one's "דחוף" badge before its headline.
#[component]
fn ArticleCard(entry: Entry) -> impl IntoView {
    let article = entry.article;
    let site_language = expect_context::<Config>().language;
    let direction = Memo::new({
        let article = article.clone();
        move |_| article.with(|a| a.direction(site_language.as_deref()))
    });
    let lang = move || direction.get().lang;
    let dir = move || direction.get().dir;
    let title = {
        let article = article.clone();
        move || article.with(|a| display_text(&a.title).into_owned())
    };
    let summary = {
        let article = article.clone();
        move || article.with(|a| a.summary.as_deref().map(|s| display_text(s).into_owned()))
    };
    let urgent = urgency(article.clone());
    let published = Signal::derive(move || article.with(|a| a.published_ms));
    let href = expect_context::<crate::paths::Paths>().article(&entry.id);
    let marked = urgent.clone();
    view! {
        <li class="article-card" class:is-urgent=marked>
            <h3 lang=lang dir=dir>{badge_when(urgent)}<a href=href>{title}</a></h3>
            {move || summary().map(|s| view! { <p class="summary" lang=lang dir=dir>{s}</p> })}
            <TimeLabel ms=published/>
            <CommentCount id=entry.id.to_string()/>
        </li>
    }
}
