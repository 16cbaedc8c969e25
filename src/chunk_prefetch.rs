//! Fetches the pages' wasm chunks (`chunks`) before they are drawn: the one
//! chunk a link's route needs when the reader shows intent to follow it
//! (`intent_counts`, `chunk_for_link`), and every chunk when the page is idle
//! after its first load on a connection that allows it (`idle_prefetch_allowed`).
//! It names each page's chunk (`pages::*::__preload_*_chunk`), so it sits above
//! `pages`, which draw through `chunks`. Natively there are no chunks and
//! nothing here runs.

use std::cell::Cell;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::feed::model::Article;
use crate::feed::source::FeedSource;
use crate::paths::{LinkParts, Paths, Route, ACCESSIBILITY};

/// A page's own wasm chunk: the views only that page draws (`pages::*`). The
/// home page and the not-found page need none.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Chunk {
    Article,
    Tag,
    Accessibility,
}

impl Chunk {
    const ALL: [Chunk; 3] = [Chunk::Article, Chunk::Tag, Chunk::Accessibility];
}

thread_local! {
    /// The chunks already asked for, one flag each (`Chunk as usize`).
    static PREFETCHED: [Cell<bool>; 3] = const { [Cell::new(false), Cell::new(false), Cell::new(false)] };
    /// Whether an article's page has been rehearsed (`rehearse_article_once`).
    static REHEARSED: Cell<bool> = const { Cell::new(false) };
}

/// Draws an article's page once out of the document
/// (`pages::article::rehearse`), the first time `article` gives one: its code
/// then runs compiled when the reader opens an article. Once per page: the
/// code stays compiled.
///
/// Not before the app has taken the page over (`after_paint::app_is_shown`):
/// until then a page draws what is below its first screen at once, comments
/// included, which would open the article's thread page-wide from a page that
/// is dropped at once (an article page opened directly panicked on a disposed
/// value now and then, offline.spec.js). Intent before that rehearses nothing;
/// the idle rehearsal waits for it (`ChunkPrefetch`).
fn rehearse_article_once(app: &Owner, article: impl FnOnce() -> Option<Article>) {
    if REHEARSED.with(Cell::get) || !crate::after_paint::app_is_shown() {
        return;
    }
    if let Some(article) = article() {
        REHEARSED.with(|done| done.set(true));
        crate::pages::article::rehearse(app, article);
    }
}

/// Fetches and instantiates `chunk`, once per page (a failure is tried again
/// when the view is drawn).
pub fn prefetch(chunk: Chunk) {
    if !PREFETCHED.with(|done| done[chunk as usize].replace(true)) {
        preload(chunk);
    }
}

/// Fetches every chunk (idle, on a connection that allows it).
pub fn prefetch_all() {
    Chunk::ALL.into_iter().for_each(prefetch);
}

#[cfg(all(target_arch = "wasm32", feature = "split"))]
fn preload(chunk: Chunk) {
    leptos::task::spawn_local(async move {
        let _ = match chunk {
            Chunk::Article => crate::pages::article::__preload_article_chunk().await,
            Chunk::Tag => crate::pages::tag::__preload_tag_chunk().await,
            Chunk::Accessibility => {
                crate::pages::accessibility::__preload_accessibility_chunk().await
            }
        };
    });
}

/// Natively there are no chunks.
#[cfg(not(all(target_arch = "wasm32", feature = "split")))]
fn preload(_: Chunk) {}

/// The chunk a link's page needs, as the router would read the link: `None`
/// for a link out of the app (another origin, `mailto:`/`tel:`, a path outside
/// the router's base), a link to a fragment of the page it is on (both as
/// `Paths::own_link` decides, the rule `LinkClicks` follows), and a route
/// that needs no chunk (home, not found). `page` is the location, `link` the
/// link's URL (`HTMLAnchorElement`'s parts).
pub fn chunk_for_link(paths: &Paths, page: &LinkParts, link: &LinkParts) -> Option<Chunk> {
    paths.own_link(page, link)?;
    let pathname = link.pathname.as_str();
    if paths.segment_in(Route::Article, pathname).is_some() {
        return Some(Chunk::Article);
    }
    if paths.segment_in(Route::Tag, pathname).is_some() {
        return Some(Chunk::Tag);
    }
    let below = pathname.strip_prefix(paths.base())?;
    let statement = below.strip_prefix('/')?.strip_prefix(ACCESSIBILITY)?;
    matches!(statement, "" | "/").then_some(Chunk::Accessibility)
}

/// How a reader pointed at a link.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gesture {
    /// Keyboard (or script) focus.
    Focus,
    /// A mouse or pen over the link: a fine pointer's hover.
    Hover,
    /// A finger on it (`touchstart`, or a touch pointer's `pointerover`): the
    /// start of a tap, or of a scroll that happens to begin on a link.
    Touch,
}

/// Whether `gesture` counts as intent to follow the link (issue 23 §4). Where
/// the reader saves data or the connection is slow (`idle_prefetch_allowed`
/// false), a touch does not: most touches on a news list start a scroll, and a
/// chunk fetched for each would cost what §4 saves. A tap is then followed at
/// its click, when the route fetches its chunk itself; the fetch would come
/// only a tap's length (~100 ms) earlier from `touchend`, not worth a guess on
/// a slow, metered link. Focus and a fine pointer's hover still count.
pub fn intent_counts(gesture: Gesture, connection_allows: bool) -> bool {
    connection_allows || gesture != Gesture::Touch
}

/// Prefetches the chunk of a link's page when the reader shows intent to
/// follow it (`intent_counts`), and every chunk when the page is idle after its
/// first load where the connection allows it (`idle_prefetch_allowed`). No
/// markup. Its listeners (`dom`) go with the app's owner, which lives as long
/// as the page.
#[component]
pub fn ChunkPrefetch() -> impl IntoView {
    let allows = idle_prefetch_allowed(save_data(), effective_type().as_deref());
    let paths = expect_context::<Paths>();
    let source = expect_context::<FeedSource>();
    // The app's owner: a rehearsal is drawn under it, with the app's contexts.
    let app = Owner::current().expect("ChunkPrefetch is drawn inside the app");
    let on_link = {
        let app = app.clone();
        move |event: web_sys::Event, gesture: Gesture| {
            if !intent_counts(gesture, allows) {
                return;
            }
            let Some((chunk, pathname)) = link_chunk(&event, &paths) else {
                return;
            };
            prefetch(chunk);
            if chunk == Chunk::Article {
                rehearse_article_once(&app, || {
                    let segment = paths.segment_in(Route::Article, &pathname)?;
                    Some(source.article_at(&segment)?.get_untracked())
                });
            }
        }
    };
    let over = on_link.clone();
    crate::dom::on_document(leptos::ev::pointerover, move |e| {
        let gesture = if e.pointer_type() == "touch" {
            Gesture::Touch
        } else {
            Gesture::Hover
        };
        over(e.into(), gesture);
    });
    let focus = on_link.clone();
    crate::dom::on_document(leptos::ev::focusin, move |e| {
        focus(e.into(), Gesture::Focus)
    });
    crate::dom::on_document(leptos::ev::touchstart, move |e| {
        on_link(e.into(), Gesture::Touch)
    });
    if !allows {
        return;
    }
    // On idle, the newest article's page is rehearsed, on the app's page
    // (idle can come before the takeover on a long page).
    let idle = move || {
        prefetch_all();
        crate::after_paint::when_app_shown(move || {
            when_idle(move || {
                rehearse_article_once(&app, || {
                    source
                        .entries
                        .with_untracked(|entries| Some(entries.first()?.article.get_untracked()))
                })
            })
        });
    };
    if document().ready_state() == "complete" {
        when_idle(idle);
    } else {
        crate::dom::on_window(leptos::ev::load, move |_| when_idle(idle.clone()));
    }
}

/// The chunk of the page the link under `event` leads to (`chunk_for_link`),
/// with the link's path.
fn link_chunk(event: &web_sys::Event, paths: &Paths) -> Option<(Chunk, String)> {
    let link = crate::dom::link_of(event)?;
    let (page, target) = crate::dom::page_and_link_parts(&link)?;
    Some((chunk_for_link(paths, &page, &target)?, target.pathname))
}

/// Whether the chunks may be fetched while the reader has asked for none of
/// them (about 96 KB brotli of the article and tag chunks, issue 23 §4): not
/// when the reader asked to save data (`Save-Data`, `navigator.connection.saveData`),
/// nor on a connection the Network Information API calls slow (`effectiveType`
/// among `shared::SLOW_CONNECTIONS`: `slow-2g`, `2g`, `3g`). A browser that
/// says nothing (Firefox, Safari) is taken as allowing it; a reader's intent fetches
/// the one chunk the link needs (`intent_counts`). The service worker
/// reads the same list for its copies of the chunks (`public/sw.js`).
pub fn idle_prefetch_allowed(save_data: bool, effective_type: Option<&str>) -> bool {
    !save_data
        && !effective_type.is_some_and(|kind| crate::shared::SLOW_CONNECTIONS.contains(&kind))
}

/// `navigator.connection`, where the browser has it.
fn connection() -> Option<wasm_bindgen::JsValue> {
    js_sys::Reflect::get(&window().navigator(), &"connection".into())
        .ok()
        .filter(|connection| connection.is_object())
}

/// `navigator.connection.saveData`: the reader asked to save data.
fn save_data() -> bool {
    connection()
        .and_then(|c| js_sys::Reflect::get(&c, &"saveData".into()).ok())
        .is_some_and(|save| save.is_truthy())
}

/// `navigator.connection.effectiveType`: "slow-2g", "2g", "3g" or "4g".
fn effective_type() -> Option<String> {
    connection()
        .and_then(|c| js_sys::Reflect::get(&c, &"effectiveType".into()).ok())
        .and_then(|kind| kind.as_string())
}

/// Runs `then` once the main thread is idle; WebKit has no
/// `requestIdleCallback`: a second later instead.
fn when_idle(then: impl FnOnce() + 'static) {
    let window = window();
    let prefetch = Closure::once_into_js(then);
    let requested = js_sys::Reflect::get(&window, &"requestIdleCallback".into())
        .ok()
        .and_then(|request| request.dyn_into::<js_sys::Function>().ok())
        .is_some_and(|request| request.call1(&window, &prefetch).is_ok());
    if !requested {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(prefetch.unchecked_ref(), 1000);
    }
}
