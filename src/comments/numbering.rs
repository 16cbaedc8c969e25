//! Talkback numbers (pure): "1.", "2." … beside every top-level comment, as
//! Israeli news sites number their talkbacks.
//!
//! A number belongs to the comment, not to its place on screen: the top level
//! is numbered in the order it was written (`created`, then id for comments of
//! the same second), the oldest 1. So whatever the order the reader picked
//! (newest first, oldest first, most liked), a comment keeps its number, and a
//! new one only takes the next.
//!
//! - Replies are not numbered: they read under their comment.
//! - A deleted comment that Isso keeps as a placeholder for its replies ("התגובה
//!   נמחקה", mode 4, and the placeholder `thread::Orphan` lays under a reply
//!   whose parent went) keeps its number, so the comments after it keep theirs.
//!   A comment deleted without replies is gone from Isso altogether; the ones
//!   written after it then close up by one.
//! - Only what the server has published is numbered. The reader's comment being
//!   sent (the outbox) is in its form, not the list, and one held for
//!   moderation is shown apart: neither has a number until it is in the thread,
//!   where, being the newest, it takes the next one.

use super::model::{Comment, SortOrder};
use super::thread::top_level_ids;

/// The number of each top-level comment: (comment id, number from 1), oldest
/// first. The order is the list's own "oldest first" (`model::compare`: by
/// `created`, then id), one sort for both (each sort costs the wasm its bytes).
pub fn talkback_numbers(top_level: &[Comment]) -> Vec<(i64, usize)> {
    top_level_ids(top_level, SortOrder::Oldest)
        .into_iter()
        .zip(1..)
        .collect()
}

/// The number of `id` among `numbers` (`talkback_numbers`); `None` for a reply
/// or a comment not in the thread.
pub fn number_of(numbers: &[(i64, usize)], id: i64) -> Option<usize> {
    numbers
        .iter()
        .find(|(n, _)| *n == id)
        .map(|&(_, number)| number)
}
