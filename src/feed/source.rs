//! The feed in the browser: polls it on a schedule (backing off on failure,
//! pausing while the tab is hidden, at once when the network is back), and
//! publishes the flashes as signals keyed by id. The request is `fetch.rs`'s, the
//! keyed update `reconcile.rs`'s. Views read it; it never touches the DOM.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;

use super::backoff::next_poll_seconds;
use super::fetch::{fetch_feed, read, to_feed_error, Polled, Remembered};
use super::merge::merge;
use super::model::{Article, Feed};
use super::read::DateRules;
use super::reconcile::{older_entries, reconcile};
use super::segment_index::{Around, SegmentIndex};
use super::FeedError;
use crate::dom::{on_document, on_window};
use crate::http::{self, Ask};
use crate::log;

pub use super::reconcile::Entry;

/// The articles by route segment, worked out once per change of the list
/// (`segment_index`: the feed's, and those that left it while the page was open).
/// A new list is a new index: not compared.
fn index_by_segment(entries: RwSignal<Vec<Entry>>) -> Memo<std::sync::Arc<SegmentIndex>> {
    Memo::new_with_compare(
        move |before: Option<&std::sync::Arc<SegmentIndex>>| {
            entries.with(|entries| {
                std::sync::Arc::new(SegmentIndex::next(before.map(|b| &**b), entries))
            })
        },
        |_, _| true,
    )
}

/// Whether there is anything to show yet.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadState {
    Loading,
    Ready,
    /// The first load failed; nothing to show.
    Failed(FeedError),
}

/// The feed's top-level fields (JSON Feed 1.1's "Top-level" section; an RSS
/// channel's, an Atom feed's), those the app reads: for links, the home page's
/// description and "load more"; beside them the URL the feed was fetched from.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FeedTopLevel {
    /// The feed's `title`.
    pub title: String,
    /// The URL the feed was fetched from (`next_url` resolves against it, and an
    /// item's relative URLs when nothing nearer is given: `base::item_base`).
    pub base_url: String,
    /// The feed's `home_page_url`, as the feed gives it.
    pub home_page_url: Option<String>,
    /// The feed's `next_url`: where older items start (pagination), from the
    /// first page only.
    pub next_url: Option<String>,
    /// The feed's `description`, as the feed gives it (the home page's, by
    /// `page_head::home`'s rule).
    pub description: Option<String>,
}

/// The live feed, provided once as context.
#[derive(Clone, Copy)]
pub struct FeedSource {
    pub entries: RwSignal<Vec<Entry>>,
    /// The articles by route segment (`paths::route_segment` of the id), worked
    /// out once per change of the list, not once per lookup: the renderer looks
    /// up every one of 10,000 articles.
    by_segment: Memo<std::sync::Arc<SegmentIndex>>,
    pub state: RwSignal<LoadState>,
    /// The feed's top-level fields, from its last answer.
    pub top_level: RwSignal<FeedTopLevel>,
    /// `Date.now()` of the last good poll.
    pub last_ok_ms: RwSignal<Option<f64>>,
    /// The error of the last poll while older flashes are still shown.
    pub failing: RwSignal<Option<FeedError>>,
    /// The flashes the last poll added, for the polite live region.
    pub arrivals: RwSignal<Vec<Article>>,
    /// Older pages (`next_url`) being fetched.
    pub loading_more: RwSignal<bool>,
    poller: StoredValue<Rc<Poller>, LocalStorage>,
}

/// The schedule: where and how often, and what the next poll needs to know.
struct Poller {
    url: String,
    poll_seconds: u32,
    rules: DateRules,
    /// Every page of the feed read so far (the feed's own URL, then each
    /// `next_url` followed), absolute: a `next_url` back to one of them ends paging.
    pages_read: RefCell<Vec<String>>,
    /// Whether the console has been told that the feed's zone labels seem to lie.
    warned_of_future: Cell<bool>,
    remembered: RefCell<Remembered>,
    failures: Cell<u32>,
    timer: Cell<Option<TimeoutHandle>>,
    in_flight: Cell<bool>,
    /// The route segments of the flashes the page showed before the app
    /// (`take_over_from`), read by the first poll only.
    shown: RefCell<std::collections::HashSet<String>>,
    /// The first poll's whole feed while only what the page showed is on
    /// screen, until `release_held`.
    held: RefCell<Option<Feed>>,
}

impl FeedSource {
    /// Starts polling `url` every `poll_seconds`, reading its dates by `rules`.
    /// Call once, at the top of the app.
    pub fn start(url: String, poll_seconds: u32, rules: DateRules) -> Self {
        let poller = Rc::new(Poller {
            url: url.clone(),
            poll_seconds,
            pages_read: RefCell::new(vec![http::resolve_url(&url, &http::document_base())]),
            warned_of_future: Cell::new(false),
            rules,
            remembered: RefCell::default(),
            failures: Cell::new(0),
            timer: Cell::new(None),
            in_flight: Cell::new(false),
            shown: RefCell::default(),
            held: RefCell::default(),
        });
        let entries = RwSignal::new(Vec::new());
        let source = Self {
            entries,
            by_segment: index_by_segment(entries),
            state: RwSignal::new(LoadState::Loading),
            top_level: RwSignal::new(FeedTopLevel {
                base_url: url,
                ..FeedTopLevel::default()
            }),
            last_ok_ms: RwSignal::new(None),
            failing: RwSignal::new(None),
            arrivals: RwSignal::new(Vec::new()),
            loading_more: RwSignal::new(false),
            poller: StoredValue::new_local(poller),
        };
        source.watch_visibility();
        // Back online: poll at once instead of waiting out the backoff, and once
        // more shortly if that failed (the event can come before the network works).
        on_window(leptos::ev::online, move |_| {
            source.poll_now();
            source.poll_soon();
        });
        source.poll_now();
        source
    }

    /// The feed as it stood at publish time, for the renderer (`publish::render`):
    /// `feed` read from `url`, its items merged and ordered as a first poll
    /// would have them (`merge`, `reconcile`), ready, and never polled.
    pub fn published(url: String, feed: Feed, at_ms: i64) -> Self {
        let change = merge(&[], feed.items);
        let entries = RwSignal::new(reconcile(&[], change, true).entries.unwrap_or_default());
        let poller = Rc::new(Poller {
            url: url.clone(),
            poll_seconds: 0,
            rules: DateRules {
                zone: String::new(),
                labels: crate::time::TimeLabels::Trust,
            },
            pages_read: RefCell::default(),
            warned_of_future: Cell::new(false),
            remembered: RefCell::default(),
            failures: Cell::new(0),
            timer: Cell::new(None),
            in_flight: Cell::new(true),
            shown: RefCell::default(),
            held: RefCell::default(),
        });
        Self {
            entries,
            by_segment: index_by_segment(entries),
            state: RwSignal::new(LoadState::Ready),
            top_level: RwSignal::new(FeedTopLevel {
                title: feed.title,
                base_url: url,
                home_page_url: feed.home_page_url,
                next_url: feed.next_url,
                description: feed.description,
            }),
            last_ok_ms: RwSignal::new(Some(at_ms as f64)),
            failing: RwSignal::new(None),
            arrivals: RwSignal::new(Vec::new()),
            loading_more: RwSignal::new(false),
            poller: StoredValue::new_local(poller),
        }
    }

    /// The page already shows these flashes (their route segments, in
    /// `paths::canonical_segment`'s form; `flashes_on_screen`): the
    /// first poll's flashes newer than them are held back (`takeover::arrived_since`)
    /// until the app is on screen, then come in as a poll's do (`release_held`).
    pub fn take_over_from(self, shown: std::collections::HashSet<String>) {
        self.poller.get_value().shown.replace(shown);
    }

    /// Puts on screen, as a poll's, the flashes the first poll held back because
    /// the page did not show them yet (`take_over_from`); nothing when none were.
    pub fn release_held(self) {
        if let Some(feed) = self.poller.get_value().held.take() {
            self.apply_items(feed, false);
        }
    }

    /// Polls at once (the retry button, the tab becoming visible again).
    pub fn poll_now(self) {
        let poller = self.poller.get_value();
        if poller.in_flight.replace(true) {
            return;
        }
        if let Some(timer) = poller.timer.take() {
            timer.clear();
        }
        if matches!(self.state.get_untracked(), LoadState::Failed(_)) {
            self.state.set(LoadState::Loading);
        }
        // Outside any owner: the source's requests are the page's, never a
        // view's, so leaving a page never aborts a poll.
        leptos::task::spawn_local(async move {
            let outcome = fetch_feed(&poller.url, &poller.remembered, &poller.rules).await;
            poller.in_flight.set(false);
            match outcome {
                Ok(Polled::Changed(feed)) => self.apply(feed),
                Ok(Polled::Same) => self.mark_ok(),
                Ok(Polled::Saved { feed, at_ms }) => {
                    // Offline: the cached copy fills an empty page, and the reader is
                    // told how old it is, as with any failing poll.
                    if let Some(feed) = feed {
                        self.apply(feed);
                    }
                    self.last_ok_ms.set(Some(at_ms));
                    self.fail(FeedError::Network(
                        "no network; the service worker answered with its cached copy".into(),
                    ));
                    // Online again before this page listened for it: look again soon
                    // rather than after the backoff, once per outage. Every later
                    // failure waits out the backoff like any other (`schedule`):
                    // a feed the network reaches but the page may not read (CORS)
                    // also comes back as the cached copy, on every poll.
                    if window().navigator().on_line() && poller.failures.get() == 1 {
                        self.poll_soon();
                    }
                }
                Err(error) => self.fail(error),
            }
            self.schedule();
        });
    }

    /// Polls again in 3 s if the feed is still failing then.
    fn poll_soon(self) {
        set_timeout(
            move || {
                if self.failing.get_untracked().is_some() {
                    self.poll_now();
                }
            },
            Duration::from_secs(3),
        );
    }

    /// The article with this id, if the feed has it.
    /// What `article`'s relative URLs (body, images, attachments, its own `url`)
    /// resolve against: `base::item_base`, with the browser's URL parser.
    pub fn base_for(self, article: &Article) -> String {
        self.top_level.with(|top| {
            super::base::item_base(
                article.url.as_deref(),
                top.home_page_url.as_deref(),
                &top.base_url,
                http::absolute_url,
            )
        })
    }

    /// The article whose route segment (`paths::route_segment` of its id) is
    /// `segment`, as `paths::use_path_segment` reads it from the location: the
    /// feed's, else one that left the feed while the page was open
    /// (`segment_index`), as it was when it left.
    pub fn article_at(&self, segment: &str) -> Option<ArcRwSignal<Article>> {
        self.by_segment.with(|index| index.get(segment).cloned())
    }

    /// The entries before and after the article at `segment` in the feed, or
    /// where it was when it left (`segment_index::SegmentIndex::around`).
    pub fn around(&self, segment: &str) -> Option<Around> {
        self.by_segment.with(|index| index.around(segment))
    }

    /// Fetches the next older page and appends its items.
    pub fn load_more(self) {
        let Some(next) = self.top_level.with_untracked(|i| i.next_url.clone()) else {
            return;
        };
        if self.loading_more.get_untracked() {
            return;
        }
        self.loading_more.set(true);
        let url = http::resolve_url(
            &next,
            &self.top_level.with_untracked(|i| i.base_url.clone()),
        );
        let poller = self.poller.get_value();
        if poller.pages_read.borrow().contains(&url) {
            // The feed's first page names itself (or a page already shown) as next.
            self.loading_more.set(false);
            self.top_level.update(|top| top.next_url = None);
            return;
        }
        poller.pages_read.borrow_mut().push(url.clone());
        leptos::task::spawn_local(async move {
            let outcome = match http::send(Ask::get(&url)).await {
                Ok(answer) => read(&url, &answer, &poller.rules).await,
                Err(error) => Err(to_feed_error(&url, error, false).await),
            };
            self.loading_more.set(false);
            match outcome {
                Ok(older) => {
                    report_skipped(&older);
                    let mut fresh = self
                        .entries
                        .with_untracked(|current| older_entries(current, older.items));
                    self.by_segment
                        .with_untracked(|index| index.revive(&mut fresh));
                    // A page that brings nothing new, or points back at a page
                    // already read, ends paging: the button would fetch the same
                    // document on every press.
                    let next_url = older.next_url.filter(|_| !fresh.is_empty()).filter(|next| {
                        let next = http::resolve_url(next, &url);
                        !poller.pages_read.borrow().contains(&next)
                    });
                    self.entries.update(|entries| entries.extend(fresh));
                    self.top_level.update(|top| top.next_url = next_url);
                }
                Err(error) => log::warn(&format!("load more failed: {error}")),
            }
        });
    }

    fn apply(self, feed: Feed) {
        report_skipped(&feed);
        self.warn_of_future(&feed);
        let first_load =
            self.entries.with_untracked(Vec::is_empty) && self.last_ok_ms.get_untracked().is_none();
        let shown = self.poller.get_value().shown.take();
        let arrived = if first_load {
            super::takeover::arrived_since(&feed.items, &shown)
        } else {
            0
        };
        if arrived > 0 {
            // What the page showed goes on screen with the swap; the rest comes
            // in as a poll's flashes do, when the swap calls `release_held`.
            let mut drawn = feed.clone();
            drawn.items.drain(..arrived);
            self.apply_items(drawn, true);
            self.poller.get_value().held.replace(Some(feed));
            return;
        }
        self.apply_items(feed, first_load);
    }

    /// Says once in the console when the newest item is a whole number of hours
    /// ahead of now: the feed's zone label most likely lies (Walla labels Israel
    /// time "GMT"), and config.json can say what its dates mean.
    fn warn_of_future(self, feed: &Feed) {
        let poller = self.poller.get_value();
        if poller.warned_of_future.get() {
            return;
        }
        let newest = feed.items.iter().filter_map(|item| item.published_ms).max();
        let hours = newest
            .and_then(|newest| crate::time::future_by_whole_hours(newest, crate::time::now_ms()));
        if let Some(hours) = hours {
            poller.warned_of_future.set(true);
            log::warn(&format!(
                "feed {}: its newest item is dated {hours} hour(s) ahead of now: its dates' \
                 zone labels may not be true. If the feed writes local time under a \
                 \"GMT\" or other label, set \"feed_time_labels\": \"local\" (and \
                 \"feed_time_zone\", an IANA zone such as \"Asia/Jerusalem\") in config.json",
                poller.url
            ));
        }
    }

    /// Puts `feed` on screen (`first_load`: nothing marked new or announced).
    fn apply_items(self, feed: Feed, first_load: bool) {
        let old: Vec<Article> = self
            .entries
            .with_untracked(|e| e.iter().map(|e| e.article.get_untracked()).collect());
        let change = merge(&old, feed.items);
        let reconciled = self
            .entries
            .with_untracked(|current| reconcile(current, change, first_load));
        if let Some(mut next) = reconciled.entries {
            self.by_segment
                .with_untracked(|index| index.revive(&mut next));
            if !reconciled.arrivals.is_empty() {
                self.arrivals.set(reconciled.arrivals);
            }
            self.entries.set(next);
        }
        let (title, next_url) = (feed.title, feed.next_url);
        self.top_level.update(|top| {
            top.title = title;
            top.home_page_url = feed.home_page_url;
            top.description = feed.description;
            // Only the first page decides where older items start.
            if top.next_url.is_none() || first_load {
                top.next_url = next_url;
            }
        });
        self.mark_ok();
    }

    fn mark_ok(self) {
        self.poller.get_value().failures.set(0);
        self.last_ok_ms.set(Some(js_sys::Date::now()));
        if self.failing.get_untracked().is_some() {
            self.failing.set(None);
        }
        if self.state.get_untracked() != LoadState::Ready {
            self.state.set(LoadState::Ready);
        }
    }

    fn fail(self, error: FeedError) {
        let poller = self.poller.get_value();
        log::warn(&format!("feed {}: {error}", poller.url));
        poller.failures.set(poller.failures.get() + 1);
        if self.last_ok_ms.get_untracked().is_some() {
            self.failing.set(Some(error));
        } else {
            self.state.set(LoadState::Failed(error));
        }
    }

    fn schedule(self) {
        if is_hidden() {
            return;
        }
        let poller = self.poller.get_value();
        let seconds = next_poll_seconds(
            poller.poll_seconds,
            poller.failures.get(),
            js_sys::Math::random(),
        );
        let timer = set_timeout_with_handle(
            move || self.poll_now(),
            Duration::from_millis((seconds * 1000.0) as u64),
        )
        .ok();
        poller.timer.set(timer);
    }

    /// Pauses polling while the tab is hidden and polls at once when it is back.
    fn watch_visibility(self) {
        on_document(leptos::ev::visibilitychange, move |_| {
            if is_hidden() {
                if let Some(timer) = self.poller.get_value().timer.take() {
                    timer.clear();
                }
            } else {
                self.poll_now();
            }
        });
    }
}

fn is_hidden() -> bool {
    document().visibility_state() == web_sys::VisibilityState::Hidden
}

fn report_skipped(feed: &Feed) {
    if !feed.skipped.is_empty() {
        log::warn(&format!(
            "feed: skipped {} invalid item(s): {}",
            feed.skipped.len(),
            feed.skipped.join("; ")
        ));
    }
}
