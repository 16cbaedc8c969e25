//! The page shell and the route table.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use wasm_bindgen::JsCast;

use crate::clock::provide_clock;
use crate::components::navigation_focus::NavigationFocus;
use crate::components::site_header::SiteHeader;
use crate::config::Config;
use crate::feed::source::FeedSource;
use crate::pages::article::ArticlePage;
use crate::pages::home::HomePage;
use crate::pages::not_found::NotFound;
use crate::pages::tag::TagPage;

/// The whole app, once `config.json` has been read.
#[component]
pub fn App(config: Config) -> impl IntoView {
    provide_clock();
    crate::theme::apply_theme(config.theme);
    let source = FeedSource::start(config.feed_url.clone(), config.poll_seconds);
    provide_context(source);
    reveal_when_loaded(source);
    // `None` when the config names no comment server: comments are off.
    let backend = config
        .comments_url
        .as_deref()
        .map(crate::comments::isso::Isso::new);
    // Comments an earlier page left unsent go out now, whatever page this is.
    if let Some(backend) = backend.clone() {
        provide_context(crate::comments::deliveries::Deliveries::start(backend));
    }
    provide_context(backend);
    provide_context(crate::components::comment_counts::CommentCounts::start(
        source,
    ));
    provide_context(config);
    let base = crate::routes::base_path(&crate::http::document_base());
    provide_context(crate::routes::Paths::new(base.clone()));
    view! {
        <Router base=base>
            <a class="skip-link" href="#main" on:click=skip_to_main>"דלגו לתוכן"</a>
            <SiteHeader/>
            <NavigationFocus/>
            <main id="main" tabindex="-1">
                <crate::components::offline_notice::OfflineNotice/>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=path!("/article/:id") view=ArticlePage/>
                    <Route path=path!("/tag/:tag") view=TagPage/>
                </Routes>
            </main>
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

/// Reads the config, then replaces the static shell in index.html with the app.
pub fn start() {
    mount_with_config(|config| view! { <App config/> });
}

/// Reads `config.json`, then mounts `view` beside the page's static shell
/// (`#app`), hidden, for `reveal_when_loaded` to swap in: shared by the app and
/// the embedded ticker's own entry point.
pub fn mount_with_config<V: IntoView + 'static>(view: impl FnOnce(Config) -> V + 'static) {
    // Leptos starts its executor when it mounts; until then, the browser's own.
    wasm_bindgen_futures::spawn_local(async {
        let config = crate::config::load().await;
        // Building the app is one long task: after the feed's early answer, so the
        // shell's own reaction to it (drawing the flashes) runs first.
        crate::http::head_start::settled("feed").await;
        crate::http::head_start::after_next_paint().await;
        let Some(shell) = document().get_element_by_id("app") else {
            crate::log::error("the page has no #app element");
            return;
        };
        let Ok(root) = document()
            .create_element("div")
            .map(|root| root.unchecked_into::<web_sys::HtmlElement>())
        else {
            return;
        };
        root.set_hidden(true);
        let _ = shell.after_with_node_1(&root);
        leptos::mount::mount_to(root, move || view(config)).forget();
    });
}

/// Swaps the app in for the static shell once the first poll has answered, in
/// one frame: the shell may already show the flashes (index.html draws them from
/// its head start), and the app's own first frame, still loading, must not
/// replace them with a skeleton.
pub fn reveal_when_loaded(source: FeedSource) {
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        if source.state.get() == crate::feed::source::LoadState::Loading {
            return false;
        }
        let Some(shell) = document().get_element_by_id("app") else {
            return true;
        };
        if let Some(root) = shell
            .next_element_sibling()
            .and_then(|root| root.dyn_into::<web_sys::HtmlElement>().ok())
        {
            shell.remove();
            root.set_id("app");
            root.set_hidden(false);
        }
        true
    });
}
