//! The embedded ticker's options: defaults, valid values, and what is refused.

use mivzak::config::TickerMode;
use mivzak::embed::{parse_options, valid_color, valid_origin, ChromeLanguage, LinkTarget};
use mivzak::theme::Theme;

#[test]
fn no_options_give_the_defaults() {
    let (options, warnings) = parse_options([]);
    assert_eq!(options.theme, Theme::Auto);
    assert_eq!(options.target, LinkTarget::Top);
    assert_eq!(options.language, ChromeLanguage::Hebrew);
    assert_eq!(options.mode, None);
    assert!(warnings.is_empty());
}

#[test]
fn every_option_is_read() {
    let (options, warnings) = parse_options([
        ("mode", "marquee"),
        ("count", "8"),
        ("speed", "90"),
        ("theme", "dark"),
        ("feed", "https://news.example/feed.json"),
        ("lang", "en"),
        ("target", "blank"),
        ("id", "3"),
        ("parent", "https://host.example:8443"),
        ("bg", "#102030"),
        ("fg", "white"),
        ("accent", "rgb(200, 0, 0)"),
        ("font", "\"Noto Sans\", sans-serif"),
    ]);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(options.mode, Some(TickerMode::Marquee));
    assert_eq!(options.count, Some(8));
    assert_eq!(options.speed, Some(90.0));
    assert_eq!(options.theme, Theme::Dark);
    assert_eq!(
        options.feed.as_deref(),
        Some("https://news.example/feed.json")
    );
    assert_eq!(options.language, ChromeLanguage::English);
    assert_eq!(options.target, LinkTarget::NewTab);
    assert_eq!(options.id, 3);
    assert_eq!(options.parent.as_deref(), Some("https://host.example:8443"));
    assert_eq!(options.styles.len(), 4);
}

#[test]
fn invalid_options_fall_back_with_a_warning() {
    let (options, warnings) = parse_options([
        ("mode", "sideways"),
        ("count", "0"),
        ("speed", "1e9"),
        ("theme", "neon"),
        ("target", "_parent"),
        ("parent", "https://host.example/path"),
        ("bg", "red;} body{x:y"),
        ("font", "x; background:url(evil)"),
        ("colour", "red"),
    ]);
    assert_eq!(options, Default::default());
    assert_eq!(warnings.len(), 9, "{warnings:?}");
}

#[test]
fn origins_are_exact() {
    assert!(valid_origin("http://127.0.0.1:4000").is_some());
    assert!(valid_origin("https://news.example").is_some());
    for bad in [
        "*",
        "null",
        "https://a.example/",
        "javascript:alert(1)",
        "https://",
        "ftp://a.example",
        "https://a.example?x",
    ] {
        assert!(valid_origin(bad).is_none(), "{bad}");
    }
}

#[test]
fn colours_cannot_escape_their_declaration() {
    for good in [
        "#fff",
        "#0a0b0c",
        "#0a0b0c80",
        "rebeccapurple",
        "hsl(10, 50%, 40%)",
        "rgb(1 2 3 / 50%)",
    ] {
        assert!(valid_color(good).is_some(), "{good}");
    }
    for bad in [
        "#ggg",
        "red;",
        "url(x)",
        "rgb(1,2,3);x",
        "var(--x)",
        "expression(alert(1))",
        "",
    ] {
        assert!(valid_color(bad).is_none(), "{bad}");
    }
}

/// The embed's `feed` option against the site's allowlist (`embed_feeds`).
mod embed_feeds {
    use mivzak::embed::feed_is_allowed;

    const PAGE: &str = "https://news.example";
    const SITE_FEED: &str = "https://cdn.news.example/feed.json";

    fn allowed(feed: &str, list: &[&str]) -> bool {
        let list: Vec<String> = list.iter().map(|s| s.to_string()).collect();
        feed_is_allowed(feed, PAGE, SITE_FEED, &list)
    }

    #[test]
    fn the_sites_own_origins_need_no_entry() {
        assert!(allowed("https://news.example/sport.json", &[]));
        assert!(allowed("https://news.example/news/feed.json?x=1", &[]));
        assert!(allowed("https://cdn.news.example/sport/feed.json", &[]));
    }

    #[test]
    fn any_other_feed_is_refused_without_an_entry() {
        for feed in [
            "https://partner.example/feed.json",
            "http://news.example/feed.json",
            "https://news.example:8443/feed.json",
            "https://news.example.evil.example/feed.json",
            "https://news.example@evil.example/feed.json",
            "javascript:alert(1)",
            "data:application/json,{}",
            "",
        ] {
            assert!(!allowed(feed, &[]), "{feed}");
        }
    }

    #[test]
    fn an_origin_or_folder_entry_allows_every_feed_under_it() {
        let list = ["https://partner.example/", "https://feeds.example/sport/"];
        assert!(allowed("https://partner.example/feed.json", &list));
        assert!(allowed("https://partner.example/a/b.json?page=2#x", &list));
        assert!(allowed("https://feeds.example/sport/football.json", &list));
        assert!(!allowed("https://feeds.example/politics.json", &list));
        assert!(!allowed("https://feeds.example/sportive.json", &list));
        assert!(!allowed("http://partner.example/feed.json", &list));
    }

    #[test]
    fn a_file_entry_allows_that_feed_only_whatever_its_query() {
        let list = ["https://feeds.example/sport.json"];
        assert!(allowed("https://feeds.example/sport.json", &list));
        assert!(allowed("https://feeds.example/sport.json?page=2", &list));
        assert!(!allowed("https://feeds.example/sport.json/more", &list));
        assert!(!allowed("https://feeds.example/sport.jsonx", &list));
        assert!(!allowed("https://feeds.example/", &list));
    }

    #[test]
    fn an_entry_for_a_port_is_that_port_only() {
        let list = ["http://127.0.0.1:4100/"];
        assert!(allowed("http://127.0.0.1:4100/feed.json", &list));
        assert!(!allowed("http://127.0.0.1:4101/feed.json", &list));
        assert!(!allowed("http://127.0.0.1/feed.json", &list));
    }
}
