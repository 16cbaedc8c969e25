//! What a reader types is stored in localStorage as they type, so a reload or a
//! failed post loses nothing. When storage is missing, blocked or full, drafts
//! live in memory for this visit and the caller is told they are not saved.

use std::cell::RefCell;
use std::collections::HashMap;

thread_local! {
    static MEMORY: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
}

#[cfg(target_arch = "wasm32")]
const PREFIX: &str = "mivzak:";

/// The key of a comment draft: per article, and per comment being replied to.
pub fn draft_key(article_id: &str, parent: Option<i64>) -> String {
    match parent {
        Some(parent) => format!("draft:{article_id}:reply:{parent}"),
        None => format!("draft:{article_id}"),
    }
}

/// The reader's name and e-mail, remembered for next time.
pub const NAME_KEY: &str = "name";
pub const EMAIL_KEY: &str = "email";
/// Comment ids this reader has liked, and disliked (`votes::Vote::storage_key`).
pub const LIKED_KEY: &str = "liked";
pub const DISLIKED_KEY: &str = "disliked";

/// localStorage, or `None` where it is missing or blocked (reading
/// `localStorage` itself throws there): for the drafts here and the reader's
/// settings (`reader_settings`).
#[cfg(target_arch = "wasm32")]
pub(crate) fn storage() -> Option<web_sys::Storage> {
    leptos::prelude::window().local_storage().ok().flatten()
}

pub fn load(key: &str) -> Option<String> {
    if let Some(value) = MEMORY.with(|m| m.borrow().get(key).cloned()) {
        return Some(value);
    }
    #[cfg(target_arch = "wasm32")]
    {
        storage().and_then(|s| s.get_item(&format!("{PREFIX}{key}")).ok().flatten())
    }
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// Stores `value`; `true` when it also reached localStorage and survives a reload.
pub fn save(key: &str, value: &str) -> bool {
    MEMORY.with(|m| m.borrow_mut().insert(key.to_owned(), value.to_owned()));
    #[cfg(target_arch = "wasm32")]
    {
        let stored =
            storage().is_some_and(|s| s.set_item(&format!("{PREFIX}{key}"), value).is_ok());
        if !stored {
            crate::log::warn(&format!(
                "localStorage refused {key}; keeping it in memory only"
            ));
        }
        stored
    }
    #[cfg(not(target_arch = "wasm32"))]
    false
}

pub fn remove(key: &str) {
    MEMORY.with(|m| m.borrow_mut().remove(key));
    #[cfg(target_arch = "wasm32")]
    if let Some(storage) = storage() {
        let _ = storage.remove_item(&format!("{PREFIX}{key}"));
    }
}
