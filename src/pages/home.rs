use leptos::prelude::*;

use crate::components::article_list::ArticleList;
use crate::components::follow_link::FollowLink;
use crate::components::ticker::Ticker;
use crate::config::Config;
use crate::feed::source::{FeedSource, LoadState};
use crate::page_meta::page_meta;

/// `/`: the live ticker, then the latest articles.
#[component]
pub fn HomePage() -> impl IntoView {
    let config = expect_context::<Config>();
    let mode = config.ticker.mode;
    let source = expect_context::<FeedSource>();
    let site = config.site_name.clone();
    page_meta(move || {
        source
            .top_level
            .with(|top| crate::page_head::home(&site, top.description.as_deref()))
    });
    // A long list: its teardown waits until the page that replaces it is painted.
    crate::teardown::later_teardown(
        view! {
            <h1 class="visually-hidden" tabindex="-1">{config.site_name}</h1>
            <Ticker mode=Signal::derive(move || mode)/>
            // Nothing stands below the ticker until the flashes are in, so their
            // arrival pushes nothing down (no layout shift).
            <Show when=move || source.state.with(|s| *s == LoadState::Ready)>
                <FollowLink/>
                <ArticleList/>
            </Show>
        }
        .into_any(),
    )
}
