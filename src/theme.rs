//! Light, dark or automatic colours: one attribute on `<html>` that the CSS tokens
//! (`light-dark()` under `color-scheme`) follow.

use crate::embed::Theme;

pub fn apply_theme(theme: Theme) {
    if let Some(root) = leptos::prelude::document().document_element() {
        let _ = match theme {
            Theme::Auto => root.remove_attribute("data-theme"),
            other => root.set_attribute("data-theme", other.as_str()),
        };
    }
}
