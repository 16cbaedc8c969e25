//! Light, dark or automatic colours: one attribute on `<html>` that the CSS tokens
//! (`light-dark()` under `color-scheme`) follow.

/// Sets `data-theme` on `<html>` (none for `Auto`).
pub fn apply_theme(theme: Theme) {
    if let Some(root) = leptos::prelude::document().document_element() {
        let _ = match theme {
            Theme::Auto => root.remove_attribute("data-theme"),
            other => root.set_attribute("data-theme", other.as_str()),
        };
    }
}

/// The site's colours (config.json `theme`) or an embed's (`theme` option).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    Light,
    Dark,
    /// Follows the reader's `prefers-color-scheme`.
    #[default]
    Auto,
}

impl Theme {
    /// `light`, `dark` or `auto`, as config.json and the embed's options write it.
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "light" => Some(Self::Light),
            "dark" => Some(Self::Dark),
            "auto" => Some(Self::Auto),
            _ => None,
        }
    }

    /// The name, as `data-theme` on `<html>` carries it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Light => "light",
            Self::Dark => "dark",
            Self::Auto => "auto",
        }
    }
}
