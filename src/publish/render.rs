//! The app's own markup, rendered natively: `AppView` (src/app.rs) with the
//! contexts the browser app provides, filled from the feed as it stood at
//! publish time. Leptos's SSR renderer writes the HTML; effects (polling,
//! focus, timers) do not run, so what is written is the first frame the app
//! would draw for the same feed, route and clock.

use leptos::prelude::*;
use leptos_router::location::RequestUrl;

use crate::app::AppView;
use crate::clock::Clock;
use crate::comments::counts::CommentCounts;
use crate::comments::isso::Isso;
use crate::config::Config;
use crate::feed::source::FeedSource;
use crate::feed::Feed;
use crate::paths::Paths;

/// What every page of one run shares: the config, the feed and its URL, the
/// router's base ("" at the root, "/news" under a sub-path, `paths::base_path`)
/// and the clock (`now_ms`, milliseconds since the Unix epoch) that "today" and
/// relative times are read against.
#[derive(Clone, Debug)]
pub struct Site {
    pub config: Config,
    pub feed: Feed,
    pub feed_url: String,
    pub base: String,
    pub now_ms: i64,
}

/// The inner HTML of `#app` for the page at `path` (the browser's
/// `location.pathname`, base included: "/news/article/%D7%90"). One page;
/// for many, a [`Renderer`] shares the feed between them.
pub fn app_html(site: &Site, path: &str) -> String {
    Renderer::new(site).app_html(path)
}

/// The contexts of one run, provided once (the feed's entries and their index
/// are built once for all pages, not once a page).
pub struct Renderer {
    owner: Owner,
}

impl Renderer {
    pub fn new(site: &Site) -> Self {
        // Set once per process; a second call finds it set, which is as good.
        let _ = any_spawner::Executor::init_custom_executor(NeverRun);
        let owner = Owner::new();
        owner.with(|| {
            provide_context(Clock(RwSignal::new(site.now_ms)));
            provide_context(site.config.clone());
            provide_context(Paths::new(site.base.clone()));
            provide_context(crate::components::flash_list::row_tools());
            let source =
                FeedSource::published(site.feed_url.clone(), site.feed.clone(), site.now_ms);
            provide_context(source);
            let isso = site.config.comments_url.as_deref().map(Isso::new);
            if let Some(isso) = isso.clone() {
                provide_context(crate::comments::deliveries::Deliveries::new(isso));
            }
            provide_context(isso);
            provide_context(CommentCounts::published());
        });
        Self { owner }
    }

    /// The inner HTML of `#app` for the page at `path` (see [`app_html`]).
    pub fn app_html(&self, path: &str) -> String {
        self.owner.with(|| {
            // A page's own owner, dropped with what the page made.
            let page = Owner::new();
            page.with(|| {
                provide_context(RequestUrl::new(path));
                // The page is one reading of the app's signals, made inside a
                // tracking context, as the browser's first render is inside its
                // effects: every `move || signal.get()` of a view, and every read
                // of Leptos's own (`Show`, the router), is then read by this memo,
                // which is dropped with the page. Rendered outside one, each
                // such read is a debug build's "outside a reactive tracking
                // context" warning: about 190,000 lines for a 200-item feed.
                let html = ArcMemo::new(|_| view! { <AppView/> }.to_html());
                html.get_untracked()
            })
        })
    }
}

/// The executor of a published page: effects and tasks (polls, comment loads,
/// focus, timers) are the browser's, so they are dropped, never run. Leptos
/// spawns every effect on the executor (`Effect::new`), and panics without one.
struct NeverRun;

impl any_spawner::CustomExecutor for NeverRun {
    fn spawn(&self, _future: any_spawner::PinnedFuture<()>) {}
    fn spawn_local(&self, _future: any_spawner::PinnedLocalFuture<()>) {}
    fn poll_local(&self) {}
}
