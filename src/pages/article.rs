use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::clock::Clock;
use crate::components::article_body::ArticleBody;
use crate::components::bidi_text::BidiText;
use crate::components::comments_section::CommentsSection;
use crate::components::feed_status::FeedStatus;
use crate::components::follow_link::FollowLink;
use crate::components::share_bar::ShareBar;
use crate::config::Config;
use crate::feed::model::Article;
use crate::feed::source::{FeedSource, LoadState};
use crate::http::safe_http_url;
use crate::page_meta::page_meta;
use crate::pages::not_found::NotFound;
use crate::routes::Paths;
use crate::share::human_size;
use crate::time;

/// `/article/:id`: one article, or not-found when the feed has no such id.
#[component]
pub fn ArticlePage() -> impl IntoView {
    let source = expect_context::<FeedSource>();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let found = Memo::new(move |_| source.article(&id()));
    move || match (source.state.get(), found.get()) {
        (_, Some(article)) => view! { <ArticleView article=article.into()/> }.into_any(),
        (LoadState::Ready, None) => view! { <NotFound/> }.into_any(),
        _ => view! { <FeedStatus/> }.into_any(),
    }
}

#[component]
fn ArticleView(article: Signal<Article>) -> impl IntoView {
    let config = expect_context::<Config>();
    let source = expect_context::<FeedSource>();
    let paths = expect_context::<Paths>();
    let site = config.site_name;
    let title = Signal::derive(move || article.with(|a| a.title.clone()));
    let language = move || article.with(|a| a.language.clone());
    let dir = move || article.with(|a| a.language.as_deref().map(crate::bidi::language_dir));
    let base = move || source.info.with(|i| i.base_url.clone());

    let description = move || {
        article.with(|a| {
            a.summary
                .clone()
                .unwrap_or_else(|| crate::feed::parse::start_of(&a.title, 160))
        })
    };
    page_meta(
        move || format!("{} – {site}", title.get()),
        move || Some(description()),
    );

    let hero = move || {
        article.with(|a| {
            let src = safe_http_url(a.hero_image()?, &base())?;
            Some(view! {
                <figure class="hero">
                    <img src=src alt=a.title.clone() width="1200" height="675" decoding="async"/>
                </figure>
            })
        })
    };
    let standfirst = move || {
        article
            .with(|a| a.summary.clone())
            .map(|s| view! { <p class="standfirst"><BidiText text=s/></p> })
    };
    let authors = move || {
        let names: Vec<String> =
            article.with(|a| a.authors.iter().filter_map(|p| p.name.clone()).collect());
        (!names.is_empty())
            .then(|| view! { <p class="byline">"מאת "<BidiText text=names.join(", ")/></p> })
    };
    let page_url = move || {
        // The item's own URL when the feed gives one, else this page.
        let own = article
            .with(|a| a.url.clone())
            .and_then(|u| safe_http_url(&u, &base()));
        own.unwrap_or_else(|| window().location().href().unwrap_or_default())
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
                        {tags.into_iter().map(|tag| { let href = paths.tag(&tag); view! { <li><a href=href>{tag}</a></li> } }).collect_view()}
                    </ul>
                }
            })
        }
    };
    let attachments = move || {
        let list = article.with(|a| a.attachments.clone());
        (!list.is_empty()).then(|| view! {
            <section class="attachments" aria-label="קבצים מצורפים">
                <ul>
                    {list.into_iter().filter_map(|file| {
                        let href = safe_http_url(&file.url, &base())?;
                        let name = file.title.clone().unwrap_or_else(|| file.url.rsplit('/').next().unwrap_or_default().to_owned());
                        let size = file.size_in_bytes.map(human_size);
                        Some(view! {
                            <li>
                                <a href=href rel="noopener noreferrer" type=file.mime_type.clone()><BidiText text=name/></a>
                                " "<bdi dir="ltr" class="file-meta">{file.mime_type}{size.map(|s| format!(", {s}"))}</bdi>
                            </li>
                        })
                    }).collect_view()}
                </ul>
            </section>
        })
    };
    let neighbours = move || {
        let id = article.with(|a| a.id.clone());
        source.entries.with(|entries| {
            let at = entries.iter().position(|e| *e.id == *id)?;
            let newer = at
                .checked_sub(1)
                .and_then(|i| entries.get(i))
                .map(|e| (e.id.clone(), e.article.with(|a| a.title.clone())));
            let older = entries
                .get(at + 1)
                .map(|e| (e.id.clone(), e.article.with(|a| a.title.clone())));
            Some((newer, older))
        })
    };
    let paths_for_nav = paths.clone();
    let neighbour_links = move || {
        let (newer, older) = neighbours()?;
        let paths = paths_for_nav.clone();
        Some(view! {
            <nav class="neighbours" aria-label="כתבות נוספות">
                {newer.map(|(id, title)| view! { <a href=paths.article(&id) class="newer" rel="prev">"הכתבה הקודמת: "<BidiText text=title/></a> })}
                {older.map(|(id, title)| view! { <a href=paths.article(&id) class="older" rel="next">"הכתבה הבאה: "<BidiText text=title/></a> })}
            </nav>
        })
    };
    view! {
        <article class="article" lang=language dir=dir>
            {hero}
            <h1 tabindex="-1"><BidiText text=title/></h1>
            {standfirst}
            {authors}
            <Dates article/>
            <ArticleBody article/>
            {attachments}
            {tags}
        </article>
        <ShareBar url=Signal::derive(page_url) title/>
        <FollowLink/>
        {neighbour_links}
        {move || view! { <CommentsSection article_id=article.with(|a| a.id.clone()) title/> }}
    }
}

/// Publish and update times: absolute in the configured zone, and relative.
#[component]
fn Dates(article: Signal<Article>) -> impl IntoView {
    let zone = expect_context::<Config>().time_zone;
    let Clock(now) = expect_context::<Clock>();
    let stamp = move |ms: i64, label: &'static str| {
        let now_ms = {
            now.track();
            time::now_ms()
        };
        let ms = time::clamp_to_now(ms, now_ms);
        view! {
            <span class="date">
                {label}
                <time dir="ltr" datetime=time::iso(ms)>{time::format_date_time(ms, &zone)}</time>
                " ("{time::format_relative(time::ago(ms, now_ms))}")"
            </span>
        }
    };
    move || {
        let (published, modified) = article.with(|a| (a.published_ms, a.modified_ms));
        view! {
            <p class="dateline">
                {published.map(|ms| stamp(ms, "פורסם: "))}
                {modified.filter(|m| Some(*m) != published).map(|ms| stamp(ms, " · עודכן: "))}
            </p>
        }
    }
}
