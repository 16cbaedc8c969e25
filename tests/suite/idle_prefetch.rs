//! Issue 23 §4: the chunks come on idle only where the connection allows it,
//! and on intent only the one a link needs.

use mivzak::chunk_prefetch::idle_prefetch_allowed;

#[test]
fn a_fast_or_unknown_connection_prefetches_on_idle() {
    assert!(idle_prefetch_allowed(false, Some("4g")));
    // Firefox and Safari have no Network Information API.
    assert!(idle_prefetch_allowed(false, None));
    // A value the API may add later is not a slow one.
    assert!(idle_prefetch_allowed(false, Some("5g")));
}

#[test]
fn save_data_or_a_slow_connection_waits_for_intent() {
    for kind in ["slow-2g", "2g", "3g"] {
        assert!(!idle_prefetch_allowed(false, Some(kind)), "{kind}");
    }
    // The list the service worker reads too (shared/constants.json).
    for kind in mivzak::shared::SLOW_CONNECTIONS {
        assert!(!idle_prefetch_allowed(false, Some(kind)), "{kind}");
    }
    for kind in [None, Some("4g"), Some("3g")] {
        assert!(!idle_prefetch_allowed(true, kind), "{kind:?}");
    }
}

// Issue 23 §4 on intent: a link counts only when it leads to one of the app's
// own routes, as the router reads it under its base, and brings only the chunk
// that route needs.

use mivzak::chunk_prefetch::{chunk_for_link, intent_counts, Chunk, Gesture};
use mivzak::paths::{LinkParts, Paths};

fn parts(url: &str) -> LinkParts {
    // A small stand-in for HTMLAnchorElement's parts of an absolute URL.
    let (origin, rest) = match url.split_once("://") {
        Some((scheme, rest)) => {
            let end = rest.find('/').unwrap_or(rest.len());
            (format!("{scheme}://{}", &rest[..end]), &rest[end..])
        }
        // mailto:, tel:, javascript: have an opaque origin.
        None => ("null".to_owned(), ""),
    };
    let (rest, hash) = rest.split_once('#').map_or((rest, ""), |(r, h)| (r, h));
    let (pathname, search) = rest.split_once('?').map_or((rest, ""), |(p, s)| (p, s));
    LinkParts {
        origin,
        pathname: pathname.into(),
        search: if search.is_empty() {
            String::new()
        } else {
            format!("?{search}")
        },
        hash: if hash.is_empty() {
            String::new()
        } else {
            format!("#{hash}")
        },
    }
}

fn chunk(base: &str, page: &str, link: &str) -> Option<Chunk> {
    chunk_for_link(&Paths::new(base.into()), &parts(page), &parts(link))
}

#[test]
fn a_link_to_a_route_brings_that_routes_chunk_only() {
    let home = "https://news.example/";
    assert_eq!(
        chunk("", home, "https://news.example/article/2024-12-27-1402"),
        Some(Chunk::Article)
    );
    assert_eq!(
        chunk("", home, "https://news.example/article/%D7%90%D7%91/"),
        Some(Chunk::Article)
    );
    assert_eq!(
        chunk(
            "",
            home,
            "https://news.example/tag/%D7%91%D7%98%D7%97%D7%95%D7%9F"
        ),
        Some(Chunk::Tag)
    );
    assert_eq!(
        chunk("", home, "https://news.example/accessibility"),
        Some(Chunk::Accessibility)
    );
    assert_eq!(
        chunk("", home, "https://news.example/accessibility/"),
        Some(Chunk::Accessibility)
    );
    // An article's comments, from another article: still the article's page.
    let article = "https://news.example/article/a";
    assert_eq!(
        chunk("", article, "https://news.example/article/b#comments"),
        Some(Chunk::Article)
    );
    // Under a sub-path, read below the base.
    let sub = "https://host.example/news/";
    assert_eq!(
        chunk("/news", sub, "https://host.example/news/tag/x?from=1"),
        Some(Chunk::Tag)
    );
    assert_eq!(
        chunk("/news", sub, "https://host.example/news/accessibility"),
        Some(Chunk::Accessibility)
    );
}

#[test]
fn links_that_need_no_chunk_or_leave_the_app_bring_none() {
    let home = "https://news.example/";
    for link in [
        // Home and not-found pages draw no chunk.
        "https://news.example/",
        "https://news.example/?page=2",
        "https://news.example/article/",
        "https://news.example/tags/x",
        "https://news.example/accessibility-2",
        // Out of the app.
        "https://www.facebook.com/article/x",
        "http://news.example/article/x",
        "mailto:desk@news.example",
        "tel:+972-3-555-0100",
        // The page's own fragment (the skip link).
        "https://news.example/#main",
    ] {
        assert_eq!(chunk("", home, link), None, "{link}");
    }
    // A fragment of the article it is on: nothing to fetch.
    let article = "https://news.example/article/a";
    assert_eq!(
        chunk("", article, "https://news.example/article/a#comments"),
        None
    );
    // Outside the router's base, or its route read without the base.
    let sub = "https://host.example/news/";
    for link in [
        "https://host.example/article/x",
        "https://host.example/newsroom/article/x",
        "https://host.example/news",
    ] {
        assert_eq!(chunk("/news", sub, link), None, "{link}");
    }
}

#[test]
fn on_save_data_or_a_slow_connection_a_touch_is_not_intent() {
    for allows in [true, false] {
        assert!(intent_counts(Gesture::Focus, allows));
        assert!(intent_counts(Gesture::Hover, allows));
    }
    assert!(intent_counts(Gesture::Touch, true));
    assert!(!intent_counts(Gesture::Touch, false));
    // The connection rule is idle_prefetch_allowed's, read once.
    assert!(!intent_counts(
        Gesture::Touch,
        idle_prefetch_allowed(true, Some("4g"))
    ));
    assert!(!intent_counts(
        Gesture::Touch,
        idle_prefetch_allowed(false, Some("2g"))
    ));
    assert!(intent_counts(
        Gesture::Touch,
        idle_prefetch_allowed(false, None)
    ));
}
