//! The document's head kept in step with the page on screen: after every
//! in-app navigation, what the browser's Share (the canonical link), reader
//! views (`og:title`, the description, the title) and the tab read describe
//! the page shown, not the first one loaded.
//!
//! What each tag says is `page_head`'s rule, the one the published pages'
//! heads follow (`publish::head`). What the app cannot work out as the
//! renderer did (the page's images, dates, authors, tags, locale, JSON-LD)
//! is kept only on the page it was published for, and taken out of the head
//! on any other (put back on coming back): a tag that describes another page
//! would be read as this one's. A tag the app writes is created when the
//! shell has none (the app's own pages, never published), and removed when
//! its value is unknown (no canonical address without config's `site_url`).

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::config::Config;
use crate::page_head::{canonical, HeadText};

/// The published page's own tags that only the renderer can write.
const PUBLISHED_ONLY: &str = "script[type='application/ld+json'], meta[property^='og:image'], \
     meta[property^='article:'], meta[name^='twitter:'], meta[property='og:locale']";

/// Keeps the head in step with the page: `text` is the page's
/// (`page_head::home`, `article`, `tag`, `not_found`), read again whenever
/// what it reads changes (a poll that edits the headline, another article).
pub fn page_meta(text: impl Fn() -> HeadText + 'static) {
    let site_url = expect_context::<Config>().site_url;
    let location = leptos_router::hooks::use_location();
    // The path is read, not tracked: `text` follows the page (its `path`
    // among it), and a navigation to another route would otherwise first run
    // the leaving page's effect, writing its head for the new address, just
    // before the new page writes its own.
    // After an in-app navigation, written once the new page is painted
    // (`after_paint`): the tab and the head are not on the page, and the frame
    // that shows the article need not wait for them.
    Effect::new(move |_| {
        let text = text();
        let pathname = location.pathname.get_untracked();
        let site_url = site_url.clone();
        crate::after_paint::once_painted_when_shown(move || {
            write_head(&text, site_url.as_deref(), &pathname);
        });
    });
}

fn write_head(text: &HeadText, site_url: Option<&str>, pathname: &str) {
    let document = document();
    document.set_title(&text.title);
    let address = text.path.as_deref().and_then(|p| canonical(site_url, p));
    set_tag(
        "meta[name=description]",
        "meta",
        ("name", "description"),
        "content",
        Some(&text.description),
    );
    set_tag(
        "link[rel=canonical]",
        "link",
        ("rel", "canonical"),
        "href",
        address.as_deref(),
    );
    for (key, value) in [
        ("og:type", Some(text.og_type)),
        ("og:title", Some(text.og_title.as_str())),
        ("og:description", Some(text.description.as_str())),
        ("og:url", address.as_deref()),
    ] {
        let selector = format!("meta[property='{key}']");
        set_tag(&selector, "meta", ("property", key), "content", value);
    }
    keep_published_only(pathname);
}

/// Sets `attribute` of the element `selector` finds in `<head>` to `value`,
/// creating it (`tag` with `key`) if missing; removes it when `value` is `None`.
fn set_tag(selector: &str, tag: &str, key: (&str, &str), attribute: &str, value: Option<&str>) {
    let document = document();
    let Some(head) = document.head() else {
        return;
    };
    let found = head.query_selector(selector).ok().flatten();
    match (found, value) {
        (Some(element), Some(value)) => {
            let _ = element.set_attribute(attribute, value);
        }
        (Some(element), None) => element.remove(),
        (None, Some(value)) => {
            let Ok(element) = document.create_element(tag) else {
                return;
            };
            let _ = element.set_attribute(key.0, key.1);
            let _ = element.set_attribute(attribute, value);
            let _ = head.append_child(&element);
        }
        (None, None) => {}
    }
}

/// The published page's [`PUBLISHED_ONLY`] tags and the path they describe,
/// as the first page loaded had them.
struct Published {
    pathname: String,
    tags: Vec<web_sys::Element>,
}

thread_local! {
    static PUBLISHED: RefCell<Option<Published>> = const { RefCell::new(None) };
}

/// In the head on the page they were published for (`pathname`, with or
/// without its final `/`), out of it on any other.
fn keep_published_only(pathname: &str) {
    PUBLISHED.with(|published| {
        let mut published = published.borrow_mut();
        let published = published.get_or_insert_with(|| Published {
            pathname: window().location().pathname().unwrap_or_default(),
            tags: document()
                .head()
                .and_then(|head| head.query_selector_all(PUBLISHED_ONLY).ok())
                .map(|list| {
                    (0..list.length())
                        .filter_map(|i| list.item(i)?.dyn_into().ok())
                        .collect()
                })
                .unwrap_or_default(),
        });
        let here = |path: &str| path.trim_end_matches('/').to_owned();
        let on_own_page = here(&published.pathname) == here(pathname);
        let Some(head) = document().head() else {
            return;
        };
        for tag in &published.tags {
            match (on_own_page, tag.is_connected()) {
                (true, false) => {
                    let _ = head.append_child(tag);
                }
                (false, true) => tag.remove(),
                _ => {}
            }
        }
    });
}
