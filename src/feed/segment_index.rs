//! The articles the app can open by route segment: those in the feed, and those
//! that have left it while this page was open, so an article the reader is
//! reading, or goes Back to, stays readable when the newsroom's feed moves on
//! (a feed carries its latest 10–50 items; a busy one pushes an item out within
//! the hour). The source owns it (`source::FeedSource::article_at`); it is
//! pure, so it is tested natively (`tests/suite/segment_index.rs`).

use std::collections::{HashMap, VecDeque};

use leptos::prelude::ArcRwSignal;

use super::model::Article;
use super::reconcile::Entry;

/// How many articles that left the feed are kept, the most recent first out of
/// the feed kept last: 50 at a few KB to tens of KB each (a body is at most a
/// page of HTML) is under a megabyte for a tab left open for days.
pub const DEPARTED_KEPT: usize = 50;

/// Articles by route segment (`paths::route_segment` of the id).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SegmentIndex {
    /// The feed's entries: the first of each segment (a later duplicate id is
    /// not shown).
    in_feed: HashMap<String, ArcRwSignal<Article>>,
    /// Articles that were in the feed and are no longer, oldest departure
    /// first, at most `DEPARTED_KEPT`, none of them in `in_feed`. Each keeps
    /// its signal, so a page drawn from it stays as it was.
    departed: VecDeque<(String, ArcRwSignal<Article>)>,
}

impl SegmentIndex {
    /// The index after the feed's entries became `entries`, from the index
    /// before (`None` at the first load): what was in the feed and is not
    /// now departs; a departed article that comes back is in the feed again.
    pub fn next(before: Option<&SegmentIndex>, entries: &[Entry]) -> Self {
        let mut in_feed = HashMap::new();
        for entry in entries {
            in_feed
                .entry(crate::paths::route_segment(&entry.id))
                .or_insert_with(|| entry.article.clone());
        }
        let mut departed = VecDeque::new();
        if let Some(before) = before {
            departed.extend(
                before
                    .departed
                    .iter()
                    .filter(|(segment, _)| !in_feed.contains_key(segment))
                    .cloned(),
            );
            let mut left: Vec<_> = before
                .in_feed
                .iter()
                .filter(|(segment, _)| !in_feed.contains_key(*segment))
                .map(|(segment, article)| (segment.clone(), article.clone()))
                .collect();
            // One poll's departures in a fixed order (a map's is not).
            left.sort_by(|a, b| a.0.cmp(&b.0));
            departed.extend(left);
            while departed.len() > DEPARTED_KEPT {
                departed.pop_front();
            }
        }
        Self { in_feed, departed }
    }

    /// The article at `segment`: the feed's, else one that has left it.
    pub fn get(&self, segment: &str) -> Option<&ArcRwSignal<Article>> {
        self.in_feed.get(segment).or_else(|| {
            self.departed
                .iter()
                .rev()
                .find(|(departed, _)| departed == segment)
                .map(|(_, article)| article)
        })
    }
}
