//! Merging one poll into the flashes already on screen, keyed by JSON Feed id, so
//! the view can insert, update and remove single rows instead of redrawing the list.

use std::collections::{HashMap, HashSet};

use super::model::Article;
use super::parse::sort_newest_first;

/// What one poll changed.
#[derive(Debug, Default, PartialEq)]
pub struct Merge {
    /// The new list: dated items newest first, undated ones at their feed places.
    pub items: Vec<Article>,
    /// Ids that were not there before.
    pub added: Vec<String>,
    /// Ids still there whose content changed (an edit: new title, body, date).
    pub updated: Vec<String>,
    /// Ids that left.
    pub removed: Vec<String>,
}

impl Merge {
    pub fn is_unchanged(&self) -> bool {
        self.added.is_empty() && self.updated.is_empty() && self.removed.is_empty()
    }
}

/// Compares the items on screen with a fresh poll, put in the feed's one order
/// first ([`sort_newest_first`]: a no-op on a poll `parse_feed` has sorted).
pub fn merge(old: &[Article], mut new: Vec<Article>) -> Merge {
    sort_newest_first(&mut new);
    let before: HashMap<&str, &Article> = old.iter().map(|a| (a.id.as_str(), a)).collect();
    let mut added = Vec::new();
    let mut updated = Vec::new();
    for article in &new {
        match before.get(article.id.as_str()) {
            None => added.push(article.id.clone()),
            Some(previous) if *previous != article => updated.push(article.id.clone()),
            Some(_) => {}
        }
    }
    let now: HashSet<&str> = new.iter().map(|a| a.id.as_str()).collect();
    let removed = old
        .iter()
        .filter(|a| !now.contains(a.id.as_str()))
        .map(|a| a.id.clone())
        .collect();
    Merge {
        items: new,
        added,
        updated,
        removed,
    }
}

/// Appends an older page (`next_url`) after the items already loaded, skipping
/// ids that are already there.
pub fn append_older(items: &mut Vec<Article>, older: Vec<Article>) -> usize {
    let known: HashSet<String> = items.iter().map(|a| a.id.clone()).collect();
    let before = items.len();
    items.extend(older.into_iter().filter(|a| !known.contains(&a.id)));
    items.len() - before
}
