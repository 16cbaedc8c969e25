//! Comments on their way to the server, stored beside the drafts (localStorage, or
//! memory where storage is refused) so that neither a reload nor an offline spell
//! loses a comment the reader has sent. `deliveries` sends them, once each.

use serde::{Deserialize, Serialize};

use super::model::NewComment;
use super::reader_storage;

/// The storage key of the outbox, beside the drafts.
pub const OUTBOX_KEY: &str = "outbox";

/// One comment the reader sent that the server has not confirmed yet.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pending {
    /// The draft it came from (`reader_storage::draft_key`): one pending comment per form.
    pub key: String,
    /// The thread on the server (`model::thread_uri`).
    pub thread: String,
    pub comment: NewComment,
    /// Seconds since the epoch of the first try: a copy on the server newer than
    /// this is that try having arrived, not someone else's comment.
    pub first_tried: f64,
}

/// The outbox from its stored text; anything unreadable is an empty outbox, since
/// the drafts still hold the words.
pub fn decode(text: Option<&str>) -> Vec<Pending> {
    text.and_then(|t| serde_json::from_str(t).ok())
        .unwrap_or_default()
}

pub fn encode(list: &[Pending]) -> String {
    serde_json::to_string(list).unwrap_or_else(|_| "[]".to_owned())
}

/// `pending` in place of any earlier comment from the same form.
pub fn upsert(list: &mut Vec<Pending>, pending: Pending) {
    list.retain(|p| p.key != pending.key);
    list.push(pending);
}

pub fn load() -> Vec<Pending> {
    decode(reader_storage::load(OUTBOX_KEY).as_deref())
}

/// Stores `pending` until `forget`; `true` when it will also survive a reload.
pub fn store(pending: Pending) -> bool {
    let mut list = load();
    upsert(&mut list, pending);
    reader_storage::save(OUTBOX_KEY, &encode(&list))
}

pub fn forget(key: &str) {
    let mut list = load();
    list.retain(|p| p.key != key);
    if list.is_empty() {
        reader_storage::remove(OUTBOX_KEY);
    } else {
        reader_storage::save(OUTBOX_KEY, &encode(&list));
    }
}
