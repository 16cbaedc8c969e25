//! The live list, paused (WCAG 2.2.2 "Pause, Stop, Hide"): while the reader has
//! paused it, the list keeps the flashes it showed, and flashes that arrive wait
//! behind the "N מבזקים חדשים" button; nothing is inserted until the reader
//! resumes. Edits to the flashes on screen still apply, and a flash the feed
//! removes still leaves.

use std::collections::HashSet;
use std::sync::Arc;

/// The ids of the flashes on screen when the reader paused the list: what the
/// ticker holds (`components::ticker`) and the list reads (`components::flash_list`).
pub type PausedIds = Arc<HashSet<Arc<str>>>;

/// What the paused list shows, given the feed's flashes newest first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PausedList {
    /// Indexes into the feed's flashes, in feed order: those on screen when the
    /// list was paused, and older ones the reader loaded since ("load more").
    pub shown: Vec<usize>,
    /// Flashes that arrived by a poll since the pause and would be among the
    /// newest `count`: what the button counts, and what resuming inserts.
    pub waiting: usize,
}

/// Splits the feed's flashes (`(id, arrived by a poll)`, newest first) into what
/// the paused list shows and how many wait. `was_shown` tells whether an id was
/// on screen when the list was paused; `count` is the ticker's `ticker.count`.
pub fn paused_list<'a>(
    flashes: impl IntoIterator<Item = (&'a str, bool)>,
    was_shown: impl Fn(&str) -> bool,
    count: usize,
) -> PausedList {
    let mut list = PausedList::default();
    for (index, (id, arrived)) in flashes.into_iter().enumerate() {
        let on_screen = was_shown(id);
        if (on_screen || !arrived) && list.shown.len() < count {
            list.shown.push(index);
        }
        if !on_screen && arrived && index < count {
            list.waiting += 1;
        }
    }
    list
}
