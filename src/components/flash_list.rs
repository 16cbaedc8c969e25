use leptos::prelude::*;

use super::flash_more::FlashMore;
use super::flash_share::FlashShare;
use super::time_label::TimeLabel;
use super::urgent_badge::{badge_when, urgency};
use crate::bidi::display_text;
use crate::config::Config;
use crate::embed::links::EmbedLinks;
use crate::feed::reconcile::RowKey;
use crate::feed::source::{Entry, FeedSource};
use crate::open_rows::OpenRows;
use crate::paths::Paths;
use crate::row_focus::RowFocus;
use crate::ticker_pause::{paused_list, PausedIds};

/// The flashes the ticker shows: the newest `count`, in feed order, each with the
/// key of its row (`Entry::row_key`: an edit draws the row anew).
pub fn shown_entries(source: FeedSource, count: usize) -> impl Fn() -> Vec<(RowKey, Entry)> + Copy {
    move || {
        source
            .entries
            .with(|entries| keyed_rows(entries.iter().take(count)))
    }
}

/// `entries` with the keys of their rows, read here so that the list that draws
/// them follows every edit (`Entry::row_key`).
pub fn keyed_rows<'a>(entries: impl IntoIterator<Item = &'a Entry>) -> Vec<(RowKey, Entry)> {
    entries
        .into_iter()
        .map(|entry| (entry.row_key(), entry.clone()))
        .collect()
}

/// The timed list of flashes, newest first; a new flash inserts one row, an edit draws its row anew.
/// While `paused` holds what was on screen, new flashes wait (`ticker_pause`).
#[component]
pub fn FlashList(
    count: usize,
    #[prop(optional)] paused: Option<RwSignal<Option<PausedIds>>>,
) -> impl IntoView {
    let source = expect_context::<FeedSource>();
    let live = shown_entries(source, count);
    let each = move || match paused.and_then(|paused| paused.get()) {
        Some(ids) => source.entries.with(|entries| {
            let list = paused_list(
                entries.iter().map(|entry| (&*entry.id, entry.is_new)),
                |id| ids.contains(id),
                count,
            );
            keyed_rows(list.shown.into_iter().map(|i| &entries[i]))
        }),
        None => live(),
    };
    let focus = RowFocus::new(move || {
        each();
    });
    // Open rows stay open through redraws and polls (`open_rows`).
    let open_rows = OpenRows::new();
    view! {
        <ol class="flashes" on:focusin=move |e| focus.focused(e)>
            <For each=each key=|(key, _)| key.clone() children=move |(_, entry)| view! { <FlashItem entry open_rows/> }/>
        </ol>
    }
}

/// One row of the ticker, list or strip: highlighted for a while when it is new,
/// marked "דחוף" when it is urgent (`feed::urgency`).
/// The list's rows (`open_rows` given) also open in place and share their
/// flash, where the page provides [`RowTools`] (the app and the renderer); the
/// moving strip's and the embed's do not: a control that travels is hard to
/// hit, and the embed's links lead to the site, where its rows do.
#[component]
pub fn FlashItem(entry: Entry, #[prop(optional)] open_rows: Option<OpenRows>) -> impl IntoView {
    let is_new = entry.is_new;
    let tools = open_rows
        .zip(use_context::<RowTools>())
        .map(|(open_rows, tools)| (tools.0)(entry.clone(), open_rows));
    let has_tools = tools.is_some();
    let urgent = urgency(entry.article.clone());
    let marked = urgent.clone();
    view! {
        <li class="flash" class:has-tools=has_tools class:is-new=is_new class:is-urgent=marked>
            <FlashLink entry urgent/>{tools}
        </li>
    }
}

/// How a list's row draws its own controls (`FlashShare`, `FlashMore`):
/// provided as context by the pages that have them ([`row_tools`]), so the
/// embed's wasm, which never provides it, carries none of their code.
#[derive(Clone, Copy)]
pub struct RowTools(pub fn(Entry, OpenRows) -> AnyView);

/// The app's and the published pages' [`RowTools`].
pub fn row_tools() -> RowTools {
    RowTools(|entry, open_rows| {
        // Type-erased: the row's full type overflows the compiler's query depth
        // when the renderer builds it natively.
        view! { <FlashShare entry=entry.clone()/><FlashMore entry open_rows/> }.into_any()
    })
}

/// One flash: "HH:MM headline", linking to its article. The headline is one text
/// with the lang and dir of its language (item, feed, site: `Article::direction`);
/// the time beside it is isolated by its own `dir`.
/// An urgent flash has the "דחוף" badge between the time and the headline.
#[component]
fn FlashLink(entry: Entry, urgent: impl Fn() -> bool + Send + Sync + 'static) -> impl IntoView {
    let article = entry.article;
    let site_language = expect_context::<Config>().language;
    let published = Signal::derive({
        let article = article.clone();
        move || article.with(|a| a.published_ms)
    });
    let direction = Memo::new({
        let article = article.clone();
        move |_| article.with(|a| a.direction(site_language.as_deref()))
    });
    let title = move || article.with(|a| display_text(&a.title).into_owned());
    let href = expect_context::<Paths>().article(&entry.id);
    let content = view! {
        <TimeLabel ms=published/>
        " "
        {badge_when(urgent)}
        <span class="headline" lang=move || direction.get().lang dir=move || direction.get().dir>{title}</span>
    };
    match use_context::<EmbedLinks>() {
        // In a third-party page: a plain link to our site, in the top window or a new tab.
        Some(links) => view! {
            <a href=format!("{}{href}", links.origin) target=links.target.as_attr() rel="noopener">{content}</a>
        }
        .into_any(),
        None => view! { <a href=href>{content}</a> }.into_any(),
    }
}
