use std::sync::Arc;

use leptos::prelude::*;

use crate::after_paint::below_first_screen;
use crate::bidi::display_text;
use crate::clock::Clock;
use crate::components::article_body::ArticleBody;
use crate::components::comments_section::CommentsSection;
use crate::components::feed_status::FeedStatus;
use crate::components::follow_link::FollowLink;
use crate::components::redrawn_text::RedrawnText;
use crate::components::share_bar::ShareBar;
use crate::components::urgent_badge::{badge_when, urgency};
use crate::config::Config;
use crate::feed::model::Article;
use crate::feed::source::{FeedSource, LoadState};
use crate::http::safe_http_url;
use crate::page_meta::page_meta;
use crate::pages::not_found::NotFound;
use crate::paths::{use_path_segment, Paths, Route};
use crate::share::human_size;
use crate::time;

/// `/article/:id`: one article, or not-found when the feed has no such id.
#[component]
pub fn ArticlePage() -> impl IntoView {
    let source = expect_context::<FeedSource>();
    let segment = use_path_segment(Route::Article);
    // The article at the address; while the address stays, the one shown
    // stays too, whatever leaves the feed after it (`segment_index` keeps only
    // the latest to leave).
    let found = Memo::new(
        move |before: Option<&Option<(String, ArcRwSignal<Article>)>>| {
            segment.with(|segment| {
                let now = source.article_at(segment).map(|a| (segment.clone(), a));
                now.or_else(|| {
                    before
                        .cloned()
                        .flatten()
                        .filter(|(shown, _)| shown == segment)
                })
            })
        },
    );
    let page = Owner::current().unwrap_or_default();
    move || match (source.state.get(), found.get().map(|(_, article)| article)) {
        (_, Some(article)) => {
            crate::teardown::owned_past_its_swap(&page, || article_view(article.into()))
        }
        (LoadState::Ready, None) => view! { <NotFound/> }.into_any(),
        _ => view! { <FeedStatus/> }.into_any(),
    }
}

/// The article's view: in the browser from its own wasm chunk (`chunks`),
/// natively (the publish-time renderer) drawn at once.
#[cfg(all(target_arch = "wasm32", feature = "split"))]
fn article_view(article: Signal<Article>) -> AnyView {
    crate::chunks::when_loaded(move || article_chunk(article))
}

#[cfg(not(all(target_arch = "wasm32", feature = "split")))]
fn article_view(article: Signal<Article>) -> AnyView {
    view! { <ArticleView article/> }.into_any()
}

/// The split point: what only an article needs (the body's sanitizer,
/// comments, sharing) is reached from here and moves into the chunk.
#[cfg(all(target_arch = "wasm32", feature = "split"))]
#[leptos::wasm_split::wasm_split(
    article_chunk,
    wasm_split_path = ::leptos::wasm_split,
    fallible,
    preload(__preload_article_chunk)
)]
pub(crate) fn article_chunk(article: Signal<Article>) -> crate::chunks::Loaded {
    Ok(view! { <ArticleView article/> }.into_any())
}

/// Draws `article`'s page once out of the document and drops it, before the
/// reader opens it, so the click's draw runs compiled code: V8 compiles each
/// wasm function on its first call (<https://v8.dev/docs/wasm-compilation-pipeline>),
/// and the article's view is the chunk's code, run for the first time at the
/// click otherwise. The draw also builds the dateline's `Intl` formatters
/// (10–50 ms at 4× CPU, measured with marks around `Dates`). It is drawn as
/// the route draws it (`article_view`: the chunk's loader and its `Suspense`),
/// which took V8's lazy compiles at the click from 221 to 173 functions (Chromium
/// trace, `wasm.CompileLazy`). It runs under a paused child of `app` (the app's
/// owner), dropped and cleaned up in the same task, before an effect's first
/// tick, so no effect of the page runs (no head written, nothing fetched below
/// it; an HTML body, which an effect sanitizes into the page, is sanitized
/// aside), and without the page's hero,
/// so no image is fetched for a page not shown (the body's images are lazy,
/// and a lazy image out of the document loads nothing). `chunk_prefetch`
/// calls it where the reader shows intent to open an article, and on idle.
/// Measured in `make bench` group `published` (the click to an article's
/// first paragraph: 147 → 130 ms, runs interleaved).
#[cfg(all(target_arch = "wasm32", feature = "split"))]
pub fn rehearse(app: &Owner, mut article: Article) {
    article.image = None;
    article.banner_image = None;
    let rehearsal = app.child();
    rehearsal.pause();
    let owner = rehearsal.clone();
    // Polled with the rehearsal's owner current (`ScopedFuture`, made under
    // it): the view reads the app's contexts through it.
    rehearsal.with(|| {
        leptos::task::spawn_local(leptos::reactive::computed::ScopedFuture::new(async move {
            // An HTML body is sanitized into the page by an effect, which
            // a rehearsal does not run: its walk is run aside instead.
            let html = match article.body() {
                crate::feed::model::Body::Html(html) => {
                    Some((html, expect_context::<FeedSource>().base_for(&article)))
                }
                _ => None,
            };
            // Drawn as the route draws it (`article_view`: the chunk's
            // loader and its `Suspense`, whose code the click runs too), once
            // the chunk is in: the loader's future is then ready at its first
            // poll, and the page is built at once.
            if __preload_article_chunk().await.is_ok() {
                drop(article_view(Signal::stored(article)).build());
            }
            if let Some((html, base)) = html {
                drop(crate::html::sanitize(&html, &base));
            }
            owner.cleanup();
        }))
    });
}

/// Natively there is no chunk and nothing to compile.
#[cfg(not(all(target_arch = "wasm32", feature = "split")))]
pub fn rehearse(_: &Owner, _: Article) {}

/// The articles before and after one in the feed: id, headline as shown, and
/// its direction, each when there is one.
type Neighbours = (Option<Neighbour>, Option<Neighbour>);
type Neighbour = (Arc<str>, String, crate::bidi::TextDirection);

/// The article. Its texts (headline, standfirst, body, tags, attachment titles)
/// carry the lang and dir of the item's language; the page's own words around
/// them stay Hebrew, and what it puts beside them (names, times) is isolated.
#[component]
fn ArticleView(article: Signal<Article>) -> impl IntoView {
    let config = expect_context::<Config>();
    let source = expect_context::<FeedSource>();
    let paths = expect_context::<Paths>();
    let site = config.site_name;
    let site_language = config.language;
    let site_url = config.site_url;
    let title = Signal::derive(move || article.with(|a| a.title.clone()));
    let direction = Memo::new({
        let site_language = site_language.clone();
        move |_| article.with(|a| a.direction(site_language.as_deref()))
    });
    let lang = move || direction.get().lang;
    let dir = move || direction.get().dir;
    // Where the item's relative URLs point (feed/base.rs).
    let base = move || article.with(|a| source.base_for(a));

    page_meta(move || article.with(|a| crate::page_head::article(&site, a)));

    let hero = move || {
        article.with(|a| {
            let src = safe_http_url(a.page_hero()?, &source.base_for(a))?;
            Some(view! {
                <figure class="hero">
                    <img src=src alt=a.title.clone() width="1200" height="675" decoding="async"/>
                </figure>
            })
        })
    };
    let standfirst = move || {
        article
            .with(|a| a.summary.as_deref().map(|s| display_text(s).into_owned()))
            .map(|s| view! { <p class="standfirst" lang=lang dir=dir>{s}</p> })
    };
    // Each name isolated from "מאת", the commas and the other names.
    let authors = move || {
        let names: Vec<String> =
            article.with(|a| a.authors.iter().filter_map(|p| p.name.clone()).collect());
        (!names.is_empty()).then(|| {
            let last = names.len() - 1;
            view! {
                <p class="byline">
                    "מאת "
                    {names.into_iter().enumerate().map(|(i, name)| view! {
                        <bdi class="author">{name}</bdi>{(i < last).then_some(", ")}
                    }).collect_view()}
                </p>
            }
        })
    };
    let page_url = {
        let paths = paths.clone();
        // The flash's one share address (`share::flash_address`), as its row's
        // menu shares it: the published page, whose head carries the preview.
        move || {
            let origin = crate::http::page_origin(site_url.as_deref());
            article
                .with(|a| crate::share::flash_address(site_url.as_deref(), &origin, &paths, &a.id))
        }
    };
    let tags = {
        let paths = paths.clone();
        move || {
            // One link per tag, however many ways the item writes it.
            let tags = article.with(|a| crate::feed::tags::unique_by_key(&a.tags));
            (!tags.is_empty()).then(|| {
                let paths = paths.clone();
                view! {
                    <ul class="tags" aria-label="תגיות">
                        {tags.into_iter().map(|tag| {
                            let href = paths.tag(&tag);
                            view! { <li><a href=href lang=lang dir=dir>{display_text(&tag).into_owned()}</a></li> }
                        }).collect_view()}
                    </ul>
                }
            })
        }
    };
    let attachments = move || {
        let list = article.with(|a| a.attachments.clone());
        let base = base();
        (!list.is_empty()).then(|| view! {
            <section class="attachments" aria-label="קבצים מצורפים">
                <ul>
                    {list.into_iter().filter_map(|file| {
                        let href = safe_http_url(&file.url, &base)?;
                        let size = file.size_in_bytes.map(human_size);
                        // A title is the item's text; a file name is left to the browser.
                        let (name, name_lang, name_dir) = match &file.title {
                            Some(title) => (display_text(title).into_owned(), direction.get().lang, direction.get().dir),
                            None => (file.url.rsplit('/').next().unwrap_or_default().to_owned(), None, "auto"),
                        };
                        Some(view! {
                            <li>
                                <a href=href rel="noopener noreferrer" type=file.mime_type.clone() lang=name_lang dir=name_dir>{name}</a>
                                " "<bdi dir="ltr" class="file-meta">{file.mime_type}{size.map(|s| format!(", {s}"))}</bdi>
                            </li>
                        })
                    }).collect_view()}
                </ul>
            </section>
        })
    };
    // Where it is in the feed, or was when it left (`segment_index`), else as
    // they were: links still worth following, and nothing below the article
    // moves when it leaves the feed.
    let neighbours = Memo::new(move |before: Option<&Option<Neighbours>>| {
        let segment = article.with(|a| crate::paths::route_segment(&a.id));
        let link = |e: crate::feed::source::Entry| {
            e.article.with(|a| {
                let shown = display_text(&a.title).into_owned();
                (e.id.clone(), shown, a.direction(site_language.as_deref()))
            })
        };
        let now = source
            .around(&segment)
            .map(|(newer, older)| (newer.map(link), older.map(link)));
        now.or_else(|| before.cloned().flatten())
    });
    let paths_for_nav = paths.clone();
    let neighbour_links = move || {
        let (newer, older) = neighbours.get()?;
        let paths = paths_for_nav.clone();
        Some(view! {
            <nav class="neighbours" aria-label="כתבות נוספות">
                {newer.map(|(id, title, d)| view! {
                    <a href=paths.article(&id) class="newer" rel="prev">"הכתבה הקודמת: "<span lang=d.lang dir=d.dir>{title}</span></a>
                })}
                {older.map(|(id, title, d)| view! {
                    <a href=paths.article(&id) class="older" rel="next">"הכתבה הבאה: "<span lang=d.lang dir=d.dir>{title}</span></a>
                })}
            </nav>
        })
    };
    let comments_of = Memo::new(move |_| article.with(|a| a.id.clone()));
    view! {
        <article class="article">
            {hero}
            <h1 tabindex="-1" lang=lang dir=dir>
                {badge_when(urgency(article))}
                <RedrawnText text=Signal::derive(move || display_text(&title.get()).into_owned())/>
            </h1>
            {standfirst}
            {authors}
            <Dates article/>
            <ArticleBody article direction/>
            {attachments}
            {tags}
        </article>
        // Below the article: after the next paint when the reader has clicked
        // their way here (`after_paint`).
        {below_first_screen(move || view! {
            <ShareBar url=Signal::derive(page_url.clone()) title dir=Signal::derive(dir)/>
            <FollowLink/>
            {neighbour_links.clone()}
            // Drawn again for another article only, not when a poll edits this one:
            // the thread, an open reply form and its focus stay.
            {move || view! { <CommentsSection article_id=comments_of.get() title/> }}
        })}
    }
}

/// The dateline's relative ages of an item published and modified (when it
/// differs) at these times in ms, seen at `now_ms` in `zone`: "(לפני 9 שעות ·
/// עודכן לפני שעה)"; empty when neither has one (from a year back the
/// relative time is the date, already shown) and natively (an age written
/// into a published page is wrong an hour later).
fn ages_text(published: Option<i64>, modified: Option<i64>, now_ms: i64, zone: &str) -> String {
    let ago = |ms: i64| match time::ago_in(time::clamp_to_now(ms, now_ms), now_ms, zone) {
        _ if !cfg!(target_arch = "wasm32") => None,
        time::Ago::OnDate => None,
        ago => Some(time::format_ago(ago, time::clamp_to_now(ms, now_ms), zone)),
    };
    let ages = [
        published.and_then(ago),
        modified.and_then(ago).map(|ago| format!("עודכן {ago}")),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>();
    if ages.is_empty() {
        String::new()
    } else {
        format!("({})", ages.join(" · "))
    }
}

/// Publish and update times: absolute in the configured zone, and relative.
/// The relative ages ("(לפני 9 שעות · עודכן לפני שעה)") are on a line of their
/// own (`.dateline .ago`, style/article.css), there on every page whether it
/// has an age or not: the published page has none (an age written there is
/// wrong an hour later and would rewrite every page on every run), and the
/// app's, added at the takeover, must move nothing below it.
#[component]
fn Dates(article: Signal<Article>) -> impl IntoView {
    let zone = expect_context::<Config>().time_zone;
    let clock = expect_context::<Clock>();
    let stamp_zone = zone.clone();
    let stamp = move |ms: i64, label: &'static str| {
        let ms = time::clamp_to_now(ms, clock.now_ms());
        view! {
            <span class="date">
                {label}
                // A Hebrew phrase ("27 בדצמבר 2024 בשעה 12:40"): isolated from the
                // label beside it, and read right to left, never forced left to right.
                // Its texts drawn anew when an edit or the clock changes them
                // (`RedrawnText`: a translated page shows them too).
                <time dir="rtl" datetime=time::iso(ms)>
                    <RedrawnText text=time::format_date_time(ms, &stamp_zone)/>
                </time>
            </span>
        }
    };
    move || {
        let (published, modified) = article.with(|a| (a.published_ms, a.modified_ms));
        let modified = modified.filter(|m| Some(*m) != published);
        let ages = ages_text(published, modified, clock.now_ms(), &zone);
        view! {
            <p class="dateline">
                {published.map(|ms| stamp(ms, "פורסם: "))}
                {modified.map(|ms| stamp(ms, " · עודכן: "))}
                <span class="ago"><RedrawnText text=ages/></span>
            </p>
        }
    }
}
