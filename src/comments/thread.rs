//! One thread as the reader knows it (pure): what the server last listed, with
//! what this reader did in this visit laid over it, so that a fresh load never
//! takes back a like or a comment the reader has just seen land. The browser
//! side, which loads and sends, is `source.rs`.

use super::model::{compare, find_mut, insert, Comment, SortOrder};

/// What the reader did in this visit that a load may not know of yet: a load
/// that left before a like or a post reached the server answers without it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReaderDid {
    /// The like count the server answered to each of this reader's likes:
    /// (comment id, count).
    pub likes: Vec<(i64, i64)>,
    /// Comments this reader posted that the server published (held ones are shown apart).
    pub posted: Vec<Comment>,
}

/// A fresh list from the server (`fresh`), with `did` laid over it: a liked
/// comment keeps at least the count its like answered (the server's when
/// higher: others like it too), and a posted comment the list lacks is put
/// where it belongs (`model::insert`). A comment gone from the server and not
/// posted here goes: it was deleted.
pub fn merge_load(mut fresh: Vec<Comment>, did: &ReaderDid) -> Vec<Comment> {
    for posted in &did.posted {
        insert(&mut fresh, posted.clone());
    }
    for &(id, likes) in &did.likes {
        if let Some(comment) = find_mut(&mut fresh, id) {
            comment.likes = comment.likes.max(likes);
        }
    }
    fresh
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

/// Sets the like count of the comment with this id; `false` when it is not in the list.
pub fn set_likes(comments: &mut [Comment], id: i64, likes: i64) -> bool {
    find_mut(comments, id).map(|c| c.likes = likes).is_some()
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

/// The comment ids this reader has liked, from their stored text (a JSON array);
/// anything unreadable is none.
pub fn decode_liked(text: Option<&str>) -> Vec<i64> {
    text.and_then(|t| serde_json::from_str(t).ok())
        .unwrap_or_default()
}

pub fn encode_liked(ids: &[i64]) -> String {
    serde_json::to_string(ids).unwrap_or_else(|_| "[]".to_owned())
}
