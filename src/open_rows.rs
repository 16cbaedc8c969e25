//! Which rows of the ticker's list the reader has opened in place (issue 24
//! §2). Held by the list, outside its rows: a row is drawn anew when its flash
//! is edited (`Entry::row_key`) and a new flash inserts a row above it, and
//! neither may close it. Only the reader closes a row.

use std::collections::HashSet;
use std::sync::Arc;

use leptos::prelude::*;

/// The ids of the open rows. `Copy`: a signal the list creates and hands to
/// each row.
#[derive(Clone, Copy)]
pub struct OpenRows(RwSignal<HashSet<Arc<str>>>);

impl OpenRows {
    /// No row open.
    pub fn new() -> Self {
        Self(RwSignal::new(HashSet::new()))
    }

    /// Whether the row of `id` is open (tracked).
    pub fn is_open(self, id: &str) -> bool {
        self.0.with(|open| open.contains(id))
    }

    /// Opens or closes the row of `id`; no change, no notification.
    pub fn set(self, id: &Arc<str>, open: bool) {
        if self.0.with_untracked(|rows| rows.contains(&**id)) != open {
            self.0.update(|rows| {
                if open {
                    rows.insert(id.clone());
                } else {
                    rows.remove(&**id);
                }
            });
        }
    }
}

impl Default for OpenRows {
    fn default() -> Self {
        Self::new()
    }
}
