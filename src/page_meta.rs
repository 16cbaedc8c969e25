//! The document's `<title>` and `<meta name="description">` for the page on
//! screen. Two effects do what leptos_meta did here, without its bytes.

use std::sync::OnceLock;

use leptos::prelude::*;

/// Keeps the title (and the description, when the page has one of its own) in
/// step with the page; a page without one puts back index.html's description.
pub fn page_meta(
    title: impl Fn() -> String + 'static,
    description: impl Fn() -> Option<String> + 'static,
) {
    Effect::new(move |_| document().set_title(&title()));
    Effect::new(move |_| set_description(description()));
}

fn set_description(text: Option<String>) {
    // index.html's own description, read before any page replaces it.
    static ORIGINAL: OnceLock<String> = OnceLock::new();
    let Ok(Some(meta)) = document().query_selector("meta[name=description]") else {
        return;
    };
    let original = ORIGINAL.get_or_init(|| meta.get_attribute("content").unwrap_or_default());
    let _ = meta.set_attribute("content", text.as_deref().unwrap_or(original));
}
