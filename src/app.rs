//! The page shell and the route table.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use wasm_bindgen::JsCast;

use crate::chunk_prefetch::ChunkPrefetch;
use crate::clock::provide_clock;
use crate::components::link_clicks::LinkClicks;
use crate::components::navigation_focus::NavigationFocus;
use crate::components::site_footer::SiteFooter;
use crate::components::site_header::SiteHeader;
use crate::config::Config;
use crate::feed::source::FeedSource;
use crate::pages::accessibility::AccessibilityPage;
use crate::pages::article::ArticlePage;
use crate::pages::home::HomePage;
use crate::pages::not_found::NotFound;
use crate::pages::tag::TagPage;

/// The whole app, once `config.json` has been read.
#[component]
pub fn App(config: Config) -> impl IntoView {
    provide_clock();
    crate::theme::apply_theme(config.theme);
    let paths = crate::paths::Paths::new(crate::paths::base_path(&crate::http::document_base()));
    let source = FeedSource::start(
        config.feed_url.clone(),
        config.poll_seconds,
        config.feed_date_rules(),
    );
    source.take_over_from(crate::flashes_on_screen::flashes_on_screen(&paths));
    provide_context(source);
    crate::takeover::reveal_when_loaded(source);
    // `None` when the config names no comment server: comments are off.
    let isso = config
        .comments_url
        .as_deref()
        .map(crate::comments::isso::Isso::new);
    // Comments an earlier page left unsent go out now, whatever page this is.
    if let Some(isso) = isso.clone() {
        let deliveries = crate::comments::deliveries::Deliveries::new(isso);
        provide_context(deliveries);
        crate::comments::deliveries::resume_outbox(deliveries);
    }
    provide_context(isso);
    provide_context(crate::comments::counts::CommentCounts::start(source));
    provide_context(config);
    provide_context(paths);
    provide_context(crate::components::flash_list::row_tools());
    view! { <AppView/> }
}

/// The page's markup under `#app`: the router, the site header and the route
/// table. The browser app and the publish-time renderer (`publish::render`)
/// both draw it, from the contexts each provides (`Config`, `FeedSource`,
/// `Paths`, the comment server's client `Isso`, `CommentCounts`, `Clock`), so a published
/// page is the markup the app takes it over with.
#[component]
pub fn AppView() -> impl IntoView {
    let base = expect_context::<crate::paths::Paths>().base().to_owned();
    view! {
        <Router base=base>
            <a class="skip-link" href="#main" on:click=skip_to_main>"דלגו לתוכן"</a>
            <SiteHeader/>
            // Behaviour only (no markup): the browser's, never the renderer's.
            {cfg!(target_arch = "wasm32").then(|| view! { <NavigationFocus/><LinkClicks/><ChunkPrefetch/> })}
            <main id="main" tabindex="-1">
                <crate::components::offline_notice::OfflineNotice/>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=path!("/article/:id") view=ArticlePage/>
                    <Route path=path!("/tag/:tag") view=TagPage/>
                    <Route path=path!("/accessibility") view=AccessibilityPage/>
                </Routes>
            </main>
            <SiteFooter/>
        </Router>
    }
}

/// The skip link moves focus itself: the router takes every same-origin link
/// click, and a fragment alone would only scroll.
fn skip_to_main(event: leptos::ev::MouseEvent) {
    event.prevent_default();
    if let Some(main) = document()
        .get_element_by_id("main")
        .and_then(|main| main.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = main.focus();
    }
}

/// Reads the config, then takes over the page it was given (`mount`).
pub fn start() {
    address_the_folder();
    crate::mount::mount_with_config(|config| view! { <App config/> });
}

/// A published page opened by its file's address (`article/x/index.html`: a
/// host without folder indexes, a link copied from one) is given its folder's
/// address (`paths::folder_of_index_file`) before the router reads it, so the
/// app knows the page and takes it over.
fn address_the_folder() {
    let location = window().location();
    let Some(folder) = location
        .pathname()
        .ok()
        .and_then(|path| crate::paths::folder_of_index_file(&path).map(str::to_owned))
    else {
        return;
    };
    let rest = format!(
        "{}{}",
        location.search().unwrap_or_default(),
        location.hash().unwrap_or_default()
    );
    if let Ok(history) = window().history() {
        let state = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
        let _ = history.replace_state_with_url(&state, "", Some(&format!("{folder}{rest}")));
    }
}
