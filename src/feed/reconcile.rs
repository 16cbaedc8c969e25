//! One poll's [`Merge`] applied to the keyed entries on screen: an entry that stays
//! keeps its signal (an edit is written into it; a list draws that row anew, as
//! its key changes: [`Entry::row_key`]), a new id gets a new entry, and the list
//! itself is replaced only when its order or membership changed. No browser API: tested natively
//! (`tests/suite/reconcile.rs`).

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::{ArcRwSignal, Set, With, WithUntracked};

use super::merge::{append_older, Merge};
use super::model::Article;

/// One flash on screen. The `article` signal changes when the feed edits the item;
/// the article page follows it, and a list's row is drawn anew ([`Entry::row_key`]).
#[derive(Clone)]
pub struct Entry {
    pub id: Arc<str>,
    pub article: ArcRwSignal<Article>,
    /// True for flashes that arrived by a poll while the page was open.
    pub is_new: bool,
}

impl Entry {
    /// A new entry for `article`.
    pub fn new(article: Article, is_new: bool) -> Self {
        Self {
            id: article.id.as_str().into(),
            article: ArcRwSignal::new(article),
            is_new,
        }
    }
}

/// The key of the row that draws an [`Entry`] in a list (`Entry::row_key`): its
/// id, and a fingerprint of what a row shows of it.
pub type RowKey = (Arc<str>, u64);

impl Entry {
    /// The key of this entry's row in a keyed list (`<For>`): the id, and a hash of
    /// every field a row shows (headline, summary, times, languages, urgency). An edit
    /// changes the key, so the row is drawn anew instead of having its text nodes
    /// written: a translation tool (Chrome's replaces each text node with `<font>`
    /// elements) leaves those nodes out of the page, and what is written into them
    /// is never seen. Reads the article signal, so a list that keys its rows by it
    /// follows edits.
    pub fn row_key(&self) -> RowKey {
        (self.id.clone(), self.article.with(shown_fingerprint))
    }
}

/// A hash of what a row can show of `article`; equal for equal articles.
/// Urgency (the "דחוף" badge) is shown through what decides it
/// (`urgency::is_urgent`): the feed's mark and the tags, which config's
/// `urgent_tags` (fixed for the page's life) is read against; a poll that makes
/// a flash urgent, or no longer urgent, changes the key.
pub fn shown_fingerprint(article: &Article) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    (
        &article.title,
        &article.summary,
        article.published_ms,
        article.modified_ms,
        &article.language,
        &article.feed_language,
        &article.image,
        article.marked_urgent,
        &article.tags,
        // What the row opens to (`excerpt::flash_excerpt`): a body's edit too.
        super::excerpt::flash_excerpt(article),
    )
        .hash(&mut hasher);
    hasher.finish()
}

/// What a poll does to the list.
pub struct Reconciled {
    /// The list to show, or `None` when its ids and their order are as they were
    /// (edits, if any, are already in the entries' signals).
    pub entries: Option<Vec<Entry>>,
    /// The flashes this poll added, in list order, for the polite live region
    /// (their headlines, and whether each is urgent: `announcement`); none on
    /// the first load, which announces nothing.
    pub arrivals: Vec<Article>,
}

/// Applies `change` (from `merge` of `current`'s articles and a poll) to `current`.
/// On the `first_load` no entry is marked new.
pub fn reconcile(current: &[Entry], change: Merge, first_load: bool) -> Reconciled {
    if change.is_unchanged() {
        return Reconciled {
            entries: None,
            arrivals: Vec::new(),
        };
    }
    let mut by_id: HashMap<Arc<str>, Entry> =
        current.iter().map(|e| (e.id.clone(), e.clone())).collect();
    let next: Vec<Entry> = change
        .items
        .into_iter()
        .map(|article| match by_id.remove(article.id.as_str()) {
            Some(entry) => {
                if entry.article.with_untracked(|a| *a != article) {
                    entry.article.set(article);
                }
                entry
            }
            None => Entry::new(article, !first_load),
        })
        .collect();
    let order_changed = !change.added.is_empty()
        || !change.removed.is_empty()
        || current.len() != next.len()
        || current.iter().zip(&next).any(|(a, b)| a.id != b.id);
    if !order_changed {
        return Reconciled {
            entries: None,
            arrivals: Vec::new(),
        };
    }
    let arrivals = if first_load {
        Vec::new()
    } else {
        next.iter()
            .filter(|e| change.added.iter().any(|id| id.as_str() == &*e.id))
            .map(|e| e.article.with_untracked(Article::clone))
            .collect()
    };
    Reconciled {
        entries: Some(next),
        arrivals,
    }
}

/// The entries for an older page (`next_url`): its articles whose ids are not on
/// screen yet, in its order, to go after `current`.
pub fn older_entries(current: &[Entry], older: Vec<Article>) -> Vec<Entry> {
    let mut articles: Vec<Article> = current
        .iter()
        .map(|e| e.article.with_untracked(Article::clone))
        .collect();
    let known = articles.len();
    append_older(&mut articles, older);
    articles
        .drain(known..)
        .map(|article| Entry::new(article, false))
        .collect()
}
