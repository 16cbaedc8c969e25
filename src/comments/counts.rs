//! The comment counts of every article in the feed, for the article lists: one
//! `POST /count` whenever the set of articles changes (not one per article).
//! Views read `count`; on a published page nothing is fetched.

use std::collections::HashMap;

use leptos::prelude::*;

use super::isso::Isso;
use super::model::thread_uri;
use crate::feed::source::FeedSource;

/// Published comment counts by article id, provided once as context.
#[derive(Clone, Copy)]
pub struct CommentCounts(RwSignal<HashMap<String, u64>>);

impl CommentCounts {
    /// Follows the feed's articles and asks for their counts (comments on).
    pub fn start(source: FeedSource) -> Self {
        let counts = Self::published();
        if let Some(isso) = use_context::<Option<Isso>>().flatten() {
            let ids = Memo::new(move |_| {
                source
                    .entries
                    .with(|e| e.iter().map(|e| e.id.to_string()).collect::<Vec<_>>())
            });
            Effect::new(move |_| {
                let ids = ids.get();
                if ids.is_empty() {
                    return;
                }
                let isso = isso.clone();
                leptos::task::spawn_local(async move {
                    let threads: Vec<String> = ids.iter().map(|id| thread_uri(id)).collect();
                    match isso.counts(&threads).await {
                        Ok(numbers) => counts.0.set(ids.into_iter().zip(numbers).collect()),
                        Err(error) => crate::log::warn(&format!("comment counts: {error}")),
                    }
                });
            });
        }
        counts
    }

    /// No counts, and none asked for: a published page (`publish::render`).
    pub fn published() -> Self {
        Self(RwSignal::new(HashMap::new()))
    }

    /// The article's count once the server has answered (tracked).
    pub fn count(&self, article_id: &str) -> Option<u64> {
        self.0.with(|counts| counts.get(article_id).copied())
    }
}
