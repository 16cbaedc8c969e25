//! The page shell and the route table.

use leptos::prelude::*;
use leptos_meta::provide_meta_context;
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
    provide_meta_context();
    provide_clock();
    crate::theme::apply_theme(config.theme);
    let source = FeedSource::start(config.feed_url.clone(), config.poll_seconds);
    provide_context(source);
    // `None` when the config names no comment server: comments are off.
    provide_context(
        config
            .comments_url
            .as_deref()
            .map(crate::comments::isso::Isso::new),
    );
    provide_context(crate::components::comment_counts::CommentCounts::start(
        source,
    ));
    provide_context(config);
    let base = crate::routes::base_path(&crate::http::document_base());
    provide_context(crate::routes::Paths::new(base.clone()));
    view! {
        <Router base=base>
            <a class="skip-link" href="#main">"דלגו לתוכן"</a>
            <SiteHeader/>
            <NavigationFocus/>
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=path!("/article/:id") view=ArticlePage/>
                    <Route path=path!("/tag/:tag") view=TagPage/>
                </Routes>
            </main>
        </Router>
    }
}

/// Reads the config, then replaces the static shell in index.html with the app.
pub fn start() {
    // Leptos starts its executor when it mounts; until then, the browser's own.
    wasm_bindgen_futures::spawn_local(async {
        let config = crate::config::load().await;
        let Some(root) = document().get_element_by_id("app") else {
            crate::log::error("index.html has no #app element");
            return;
        };
        // The shell was there only until now; the app draws the same header.
        root.set_text_content(None);
        let Ok(root) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(root) else {
            return;
        };
        match embed_options() {
            Some(options) => {
                leptos::mount::mount_to(root, move || {
                    view! { <crate::pages::embed_ticker::EmbedTicker config options/> }
                })
                .forget();
            }
            None => leptos::mount::mount_to(root, move || view! { <App config/> }).forget(),
        }
    });
}

/// The iframe's options when this page is the embedded ticker (`/embed/ticker`),
/// which mounts without the router, the articles and the comments.
fn embed_options() -> Option<crate::embed::EmbedOptions> {
    let location = window().location();
    let path = location.pathname().ok()?;
    let base = crate::routes::base_path(&crate::http::document_base());
    let route = path
        .strip_prefix(&base)
        .unwrap_or(&path)
        .trim_end_matches('/');
    if route != "/embed/ticker" {
        return None;
    }
    let query = web_sys::UrlSearchParams::new_with_str(&location.search().ok()?).ok()?;
    let mut pairs = Vec::new();
    let entries = js_sys::try_iter(&query).ok()??;
    for entry in entries.flatten() {
        let pair: js_sys::Array = entry.unchecked_into();
        if let (Some(key), Some(value)) = (pair.get(0).as_string(), pair.get(1).as_string()) {
            pairs.push((key, value));
        }
    }
    let (options, warnings) =
        crate::embed::parse_options(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    for warning in warnings {
        crate::log::warn(&warning);
    }
    Some(options)
}
