//! The base an item's relative URLs resolve against: its `url`, else the feed's
//! `home_page_url`, else the feed's own URL; a relative `url` is on the home page's site.

use mivzak::feed::base::{is_http, item_base};

const FEED: &str = "https://cdn.example.co.il/feeds/he/feed.json";

/// The browser's `URL` (WHATWG), natively.
fn resolve(url: &str, base: &str) -> Option<String> {
    url::Url::parse(base)
        .ok()?
        .join(url)
        .ok()
        .map(|u| u.to_string())
}

fn base(item: Option<&str>, home: Option<&str>) -> String {
    item_base(item, home, FEED, resolve)
}

/// What `<img src="photo.jpg">` in the item's body points at.
fn photo(item: Option<&str>, home: Option<&str>) -> String {
    resolve("photo.jpg", &base(item, home)).unwrap()
}

#[test]
fn the_items_own_page_comes_first() {
    let item = Some("https://site/posts/2024/12/p1/");
    assert_eq!(
        base(item, Some("https://site/")),
        "https://site/posts/2024/12/p1/"
    );
    assert_eq!(
        photo(item, Some("https://site/")),
        "https://site/posts/2024/12/p1/photo.jpg"
    );
    // A page without a trailing slash is a file: its folder, as the browser sees it.
    assert_eq!(
        photo(Some("https://site/posts/p1.html"), None),
        "https://site/posts/photo.jpg"
    );
    assert_eq!(
        resolve("/img/a.png", &base(item, None)).unwrap(),
        "https://site/img/a.png"
    );
}

#[test]
fn a_relative_item_url_is_resolved_against_the_home_page_then_the_feed() {
    // Hugo and Jekyll write site-relative urls; the feed file may be on a CDN.
    assert_eq!(
        photo(Some("/2024/12/p1/"), Some("https://site/")),
        "https://site/2024/12/p1/photo.jpg"
    );
    assert_eq!(
        photo(Some("p1/"), Some("https://site/blog/")),
        "https://site/blog/p1/photo.jpg"
    );
    // A relative home page is itself on the feed's host.
    assert_eq!(
        photo(Some("/2024/12/p1/"), Some("/he/")),
        "https://cdn.example.co.il/2024/12/p1/photo.jpg"
    );
    assert_eq!(
        photo(Some("p1/"), None),
        "https://cdn.example.co.il/feeds/he/p1/photo.jpg"
    );
}

#[test]
fn then_the_home_page_then_the_feed() {
    assert_eq!(
        photo(None, Some("https://site/blog/")),
        "https://site/blog/photo.jpg"
    );
    assert_eq!(
        photo(None, Some("/blog/")),
        "https://cdn.example.co.il/blog/photo.jpg"
    );
    assert_eq!(
        photo(None, None),
        "https://cdn.example.co.il/feeds/he/photo.jpg"
    );
}

#[test]
fn unusable_urls_are_passed_over() {
    for bad in [
        "",
        "   ",
        "javascript:alert(1)",
        "mailto:a@b.c",
        "data:text/html,x",
        "http://[::1",
    ] {
        assert_eq!(
            base(Some(bad), Some("https://site/")),
            "https://site/",
            "{bad:?}"
        );
        assert_eq!(base(Some(bad), Some(bad)), FEED, "{bad:?}");
    }
    assert_eq!(base(Some("  https://site/p/  "), None), "https://site/p/");
}

#[test]
fn only_http_and_https_are_bases() {
    assert!(is_http("https://a/"));
    assert!(is_http("HTTP://a/"));
    for other in [
        "ftp://a/",
        "file:///x",
        "javascript:x",
        "about:blank",
        "https",
        "",
    ] {
        assert!(!is_http(other), "{other}");
    }
}
