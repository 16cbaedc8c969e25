//! One thread as the reader knows it (pure): what the server last listed, with
//! what this reader did in this visit laid over it, so that a fresh load never
//! takes back a like or a comment the reader has just seen land. The browser
//! side, which loads and sends, is `source.rs`.

use super::model::{compare, find_mut, insert, remove, Comment, SortOrder};
use super::votes::Tally;

/// What the reader did in this visit that a load may not know of yet: a load
/// that left before a like or a post reached the server answers without it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReaderDid {
    /// The counts the server answered to each of this reader's votes, likes
    /// and dislikes alike: (comment id, counts).
    pub votes: Vec<(i64, Tally)>,
    /// Comments this reader posted that the server published (held ones are shown apart).
    pub posted: Vec<Comment>,
    /// Replies this reader sent to a comment that was deleted meanwhile
    /// ([`Orphan`]): shown under a placeholder in its place.
    pub orphans: Vec<Orphan>,
}

/// A reply whose parent was deleted before it arrived. Isso removes a deleted
/// comment that has no replies yet (`db/comments.py`, `delete`), stores a reply
/// to a comment it no longer has at the top level (`add`, `_find`), and may give
/// the reply the deleted comment's own id (SQLite reuses the newest rowid). The
/// reader answered that comment, so for them the reply stays under
/// "התגובה נמחקה" where the comment was.
#[derive(Clone, Debug, PartialEq)]
pub struct Orphan {
    /// The reply as the server stored it (at the top level).
    pub reply: Comment,
    /// The placeholder standing for the deleted parent: mode 4, no author, no
    /// text, its time; a negative id, since the parent's own may be the reply's.
    pub placeholder: Comment,
}

impl Orphan {
    /// The orphan, when `stored` answers a reply to `asked_parent` and the
    /// server put it at the top level; `parent` is that comment as the list
    /// last showed it (for its place in the order).
    pub fn of(
        asked_parent: Option<i64>,
        stored: &Comment,
        parent: Option<&Comment>,
    ) -> Option<Self> {
        let asked = asked_parent?;
        if stored.parent.is_some() || stored.is_held_for_moderation() {
            return None;
        }
        let mut placeholder = parent.cloned().unwrap_or_else(|| stored.clone());
        placeholder.id = -asked;
        placeholder.parent = None;
        placeholder.author = None;
        placeholder.website = None;
        placeholder.text = String::new();
        placeholder.likes = 0;
        placeholder.dislikes = 0;
        placeholder.mode = 4;
        placeholder.replies = Vec::new();
        let mut reply = stored.clone();
        reply.parent = Some(placeholder.id);
        Some(Self { reply, placeholder })
    }

    /// Lays the orphan over a list: the reply (when the list has it at the top
    /// level, the same comment) goes under its placeholder. A reply gone from
    /// the server takes its placeholder with it.
    fn lay_over(&self, comments: &mut Vec<Comment>) {
        let here = comments
            .iter()
            .position(|c| c.id == self.reply.id && c.created == self.reply.created);
        if let Some(at) = here {
            let mut reply = comments.remove(at);
            reply.parent = Some(self.placeholder.id);
            let mut placeholder = self.placeholder.clone();
            placeholder.replies.push(reply);
            comments.push(placeholder);
        }
    }
}

/// A fresh list from the server (`fresh`), with `did` laid over it: a comment
/// the reader voted on keeps at least the counts its vote answered (the
/// server's when higher: others vote too, `Tally::lay_on`), and a posted comment the list lacks is put
/// where it belongs (`model::insert`). A comment gone from the server and not
/// posted here goes: it was deleted.
pub fn merge_load(mut fresh: Vec<Comment>, did: &ReaderDid) -> Vec<Comment> {
    for posted in &did.posted {
        // A reply whose parent the load lacks is gone with it (Isso removes a
        // deleted comment only once it has no replies): never moved up.
        if posted
            .parent
            .is_none_or(|parent| find(&fresh, parent).is_some())
        {
            insert(&mut fresh, posted.clone());
        }
    }
    for orphan in &did.orphans {
        orphan.lay_over(&mut fresh);
    }
    for (id, tally) in &did.votes {
        if let Some(comment) = find_mut(&mut fresh, *id) {
            tally.lay_on(comment, true);
        }
    }
    fresh
}

/// A reply the server accepted, laid into the list the reader sees: an orphan
/// ([`Orphan::of`]) under its placeholder, any other where it belongs
/// (`model::insert`). Returns the orphan, for later loads to keep.
pub fn accept(
    comments: &mut Vec<Comment>,
    asked_parent: Option<i64>,
    stored: Comment,
) -> Option<Orphan> {
    let parent = asked_parent.and_then(|id| find(comments, id)).cloned();
    let orphan = Orphan::of(asked_parent, &stored, parent.as_ref());
    match &orphan {
        Some(orphan) => {
            if let Some(id) = asked_parent {
                remove(comments, id);
            }
            remove(comments, stored.id);
            comments.push(stored);
            orphan.lay_over(comments);
        }
        None => insert(comments, stored),
    }
    orphan
}

/// The comment with this id, at any depth.
pub fn find(comments: &[Comment], id: i64) -> Option<&Comment> {
    comments.iter().find_map(|comment| {
        if comment.id == id {
            Some(comment)
        } else {
            find(&comment.replies, id)
        }
    })
}

/// Sets the vote counts the server answered on the comment with this id;
/// `false` when it is not in the list.
pub fn set_votes(comments: &mut [Comment], id: i64, tally: &Tally) -> bool {
    find_mut(comments, id)
        .map(|c| tally.lay_on(c, false))
        .is_some()
}

/// The ids of the top level in the order asked (`model::compare`), each once.
pub fn top_level_ids(comments: &[Comment], order: SortOrder) -> Vec<i64> {
    ids_in_order(comments, order)
}

/// The ids of the replies under `parent`, oldest first (a conversation reads so).
pub fn reply_ids(comments: &[Comment], parent: i64) -> Vec<i64> {
    find(comments, parent).map_or_else(Vec::new, |parent| {
        ids_in_order(&parent.replies, SortOrder::Oldest)
    })
}

// One sort for both (each sort the wasm carries costs its bytes).
fn ids_in_order(comments: &[Comment], order: SortOrder) -> Vec<i64> {
    let mut listed: Vec<&Comment> = comments.iter().collect();
    listed.sort_by(|a, b| compare(order, a, b));
    listed.into_iter().map(|c| c.id).collect()
}
