use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::components::article_body::ArticleBody;
use crate::components::bidi_text::BidiText;
use crate::components::feed_status::FeedStatus;
use crate::components::follow_link::FollowLink;
use crate::config::Config;
use crate::feed::model::Article;
use crate::feed::source::{FeedSource, LoadState};
use crate::pages::not_found::NotFound;
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
    let site = config.site_name.clone();
    let zone = config.time_zone.clone();
    let title = Signal::derive(move || article.with(|a| a.title.clone()));
    let lang = move || article.with(|a| a.language.clone());
    let dir = move || article.with(|a| a.language.as_deref().map(crate::bidi::language_dir));
    let published = move || {
        article.with(|a| a.published_ms).map(|ms| {
            let ms = time::clamp_to_now(ms, time::now_ms());
            view! {
                <p class="dateline">
                    <time dir="ltr" datetime=time::iso(ms)>{time::format_date_time(ms, &zone)}</time>
                </p>
            }
        })
    };
    view! {
        <Title text=move || format!("{} – {site}", title.get())/>
        <article class="article" lang=lang dir=dir>
            <h1 tabindex="-1"><BidiText text=title/></h1>
            {published}
            <ArticleBody article/>
        </article>
        <FollowLink/>
    }
}
