//! The reader's own text size and colour scheme (issue 24 §5): the steps, what a
//! stored value means, and (in the browser) keeping and applying them. The
//! storage keys and the steps are in `shared/constants.json`, which index.html's
//! first script reads too: it applies the stored choice before the first paint of
//! every page, published ones included; the header's controls
//! (`components::reader_controls`) change it afterwards through [`apply`].
//!
//! Both are attributes of `<html>` only: the text size is its `font-size` (a
//! percentage of the browser's own, so every `rem` follows and the reader's
//! browser setting still counts), the scheme its `data-scheme` (style/shell.css
//! sets `color-scheme` from it, above the site's `data-theme`; print and forced
//! colours still win). The embedded ticker never reads them: embed.html has no
//! such script and follows its host's attributes.

use crate::shared::{DEFAULT_TEXT_SIZE, SCHEMES, SCHEME_KEY, TEXT_SIZES, TEXT_SIZE_KEY};
use crate::theme::Theme;

/// The reader's choice: a text size (one of [`TEXT_SIZES`], a percentage) and a
/// colour scheme (`Auto` follows the site's `theme`, itself automatic by default).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReaderSettings {
    pub text_size: u32,
    pub scheme: Theme,
}

impl Default for ReaderSettings {
    fn default() -> Self {
        Self {
            text_size: DEFAULT_TEXT_SIZE,
            scheme: Theme::Auto,
        }
    }
}

impl ReaderSettings {
    /// The choice stored as `text_size` and `scheme` (each `None` when nothing is
    /// stored or storage cannot be read): a value that is not one of the steps or
    /// schemes counts as none, as in index.html's script.
    pub fn from_stored(text_size: Option<&str>, scheme: Option<&str>) -> Self {
        let text_size = text_size
            .and_then(|text| text.parse::<u32>().ok())
            .filter(|size| TEXT_SIZES.contains(size))
            .unwrap_or(DEFAULT_TEXT_SIZE);
        let scheme = scheme
            .filter(|name| SCHEMES.contains(name))
            .and_then(Theme::parse)
            .unwrap_or_default();
        Self { text_size, scheme }
    }

    /// The next larger text size, `None` at the largest.
    pub fn larger(self) -> Option<u32> {
        TEXT_SIZES
            .iter()
            .copied()
            .find(|&size| size > self.text_size)
    }

    /// The next smaller text size, `None` at the smallest.
    pub fn smaller(self) -> Option<u32> {
        TEXT_SIZES
            .iter()
            .rev()
            .copied()
            .find(|&size| size < self.text_size)
    }
}

/// The choice the reader's storage holds; the default where there is none or
/// storage is blocked.
pub fn stored() -> ReaderSettings {
    #[cfg(target_arch = "wasm32")]
    {
        let storage = crate::comments::reader_storage::storage();
        let read = |key: &str| {
            storage
                .as_ref()
                .and_then(|storage| storage.get_item(key).ok().flatten())
        };
        ReaderSettings::from_stored(read(TEXT_SIZE_KEY).as_deref(), read(SCHEME_KEY).as_deref())
    }
    #[cfg(not(target_arch = "wasm32"))]
    ReaderSettings::default()
}

/// Applies `settings` to `<html>` at once and keeps them for the next page.
/// Where storage is blocked or full the page still follows them, for as long as
/// the reader stays in the app; nothing throws.
pub fn apply(settings: ReaderSettings) {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(root) = leptos::prelude::document()
            .document_element()
            .and_then(|root| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(root).ok())
        else {
            return;
        };
        let _ = root
            .style()
            .set_property("font-size", &format!("{}%", settings.text_size));
        let _ = match settings.scheme {
            Theme::Auto => root.remove_attribute("data-scheme"),
            scheme => root.set_attribute("data-scheme", scheme.as_str()),
        };
        if let Some(storage) = crate::comments::reader_storage::storage() {
            let kept = storage
                .set_item(TEXT_SIZE_KEY, &settings.text_size.to_string())
                .and_then(|()| storage.set_item(SCHEME_KEY, settings.scheme.as_str()));
            if kept.is_err() {
                crate::log::warn(
                    "localStorage refused the reader's settings; keeping them for this visit only",
                );
            }
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (settings, TEXT_SIZE_KEY, SCHEME_KEY);
}
