use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::article_list::ArticleList;
use crate::components::feed_status::FeedStatus;
use crate::components::flash_list::FlashList;
use crate::components::follow_link::FollowLink;
use crate::config::Config;

/// `/`: the flashes, then the latest articles.
#[component]
pub fn HomePage() -> impl IntoView {
    let config = expect_context::<Config>();
    view! {
        <Title text=config.site_name.clone()/>
        <h1 class="visually-hidden" tabindex="-1">{config.site_name}</h1>
        <section class="ticker-section" aria-labelledby="flashes-heading">
            <h2 id="flashes-heading">"מבזקים"</h2>
            <FeedStatus/>
            <FlashList limit=config.ticker.count/>
        </section>
        <FollowLink/>
        <ArticleList/>
    }
}
