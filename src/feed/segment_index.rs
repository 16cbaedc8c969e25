//! The articles the app can open by route segment: those in the feed, and those
//! that have left it while this page was open, so an article the reader goes
//! Back to stays readable when the newsroom's feed moves on (a feed carries its
//! latest 10–50 items; a busy one pushes an item out within the hour). The
//! source owns it (`source::FeedSource::article_at`); it is pure, so it is
//! tested natively (`tests/suite/segment_index.rs`).

use std::collections::{HashMap, VecDeque};

use leptos::prelude::{ArcRwSignal, GetUntracked, Set};

use super::model::Article;
use super::reconcile::Entry;

/// How many articles that left the feed are kept, the latest to leave: 50 at
/// a few KB to 20 KB each (a body is a page of HTML) is about a megabyte at
/// most, for a tab left open for days. The page a reader has open keeps its
/// article whatever leaves after it (`pages::article`).
pub const DEPARTED_KEPT: usize = 50;

/// An article that left the feed: its signal (a page drawn from it stays as
/// it was) and the entries that were before and after it in the feed then
/// (its page's links to its neighbours).
#[derive(Clone)]
struct Departed {
    segment: String,
    article: ArcRwSignal<Article>,
    around: Around,
}

/// The entries before (newer) and after (older) an article in the feed.
pub type Around = (Option<Entry>, Option<Entry>);

/// Articles by route segment (`paths::route_segment` of the id).
#[derive(Clone, Default)]
pub struct SegmentIndex {
    /// The feed's entries in its order, each with its segment.
    order: Vec<(String, Entry)>,
    /// Where in `order` each segment's first entry is (a later duplicate id is
    /// not shown).
    in_feed: HashMap<String, usize>,
    /// Articles that were in the feed and are no longer, oldest departure
    /// first, at most `DEPARTED_KEPT`, none of them in `in_feed`.
    departed: VecDeque<Departed>,
}

impl SegmentIndex {
    /// The index after the feed's entries became `entries`, from the index
    /// before (`None` at the first load): what was in the feed and is not
    /// now departs, in the feed's order; a departed article that comes back
    /// is in the feed again (`revive` gives it back its signal first).
    pub fn next(before: Option<&SegmentIndex>, entries: &[Entry]) -> Self {
        let order: Vec<(String, Entry)> = entries
            .iter()
            .map(|entry| (crate::paths::route_segment(&entry.id), entry.clone()))
            .collect();
        let mut in_feed = HashMap::new();
        for (at, (segment, _)) in order.iter().enumerate() {
            in_feed.entry(segment.clone()).or_insert(at);
        }
        let mut departed = VecDeque::new();
        if let Some(before) = before {
            departed.extend(
                before
                    .departed
                    .iter()
                    .filter(|gone| !in_feed.contains_key(&gone.segment))
                    .cloned(),
            );
            for (at, (segment, entry)) in before.order.iter().enumerate() {
                if in_feed.contains_key(segment) || before.in_feed.get(segment) != Some(&at) {
                    continue;
                }
                departed.push_back(Departed {
                    segment: segment.clone(),
                    article: entry.article.clone(),
                    around: before.around_at(at),
                });
            }
            while departed.len() > DEPARTED_KEPT {
                departed.pop_front();
            }
        }
        Self {
            order,
            in_feed,
            departed,
        }
    }

    /// The entries before and after the one at `at` in `order`.
    fn around_at(&self, at: usize) -> Around {
        (
            at.checked_sub(1).map(|i| self.order[i].1.clone()),
            self.order.get(at + 1).map(|(_, e)| e.clone()),
        )
    }

    fn departed(&self, segment: &str) -> Option<&Departed> {
        self.departed
            .iter()
            .rev()
            .find(|gone| gone.segment == segment)
    }

    /// The article at `segment`: the feed's, else one that has left it.
    pub fn get(&self, segment: &str) -> Option<&ArcRwSignal<Article>> {
        match self.in_feed.get(segment) {
            Some(&at) => Some(&self.order[at].1.article),
            None => self.departed(segment).map(|gone| &gone.article),
        }
    }

    /// The entries before and after the article at `segment` in the feed: now,
    /// or when it left. `None` for an article this index does not have.
    pub fn around(&self, segment: &str) -> Option<Around> {
        match self.in_feed.get(segment) {
            Some(&at) => Some(self.around_at(at)),
            None => self.departed(segment).map(|gone| gone.around.clone()),
        }
    }

    /// Gives each of `entries` that comes back into the feed the signal it
    /// left with, set to its content now: a page drawn from it (the article
    /// the reader has open) shows the feed's version in place, as it shows an
    /// edit, and is not drawn anew (which would move the page under the
    /// reader).
    pub fn revive(&self, entries: &mut [Entry]) {
        // Nearly every poll: nothing has left, and no segment is worked out.
        if self.departed.is_empty() {
            return;
        }
        for entry in entries {
            let segment = crate::paths::route_segment(&entry.id);
            if self.in_feed.contains_key(&segment) {
                continue;
            }
            if let Some(gone) = self.departed(&segment) {
                gone.article.set(entry.article.get_untracked());
                entry.article = gone.article.clone();
            }
        }
    }
}
