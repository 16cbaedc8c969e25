use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::article_list::ArticleList;
use crate::components::follow_link::FollowLink;
use crate::components::ticker::Ticker;
use crate::config::Config;

/// `/`: the live ticker, then the latest articles.
#[component]
pub fn HomePage() -> impl IntoView {
    let config = expect_context::<Config>();
    let mode = config.ticker.mode;
    view! {
        <Title text=config.site_name.clone()/>
        <h1 class="visually-hidden" tabindex="-1">{config.site_name}</h1>
        <Ticker mode=Signal::derive(move || mode)/>
        <FollowLink/>
        <ArticleList/>
    }
}
