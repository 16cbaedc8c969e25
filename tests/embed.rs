//! The embedded ticker's options: defaults, valid values, and what is refused.

use mivzak::config::TickerMode;
use mivzak::embed::{parse_options, valid_color, valid_origin, ChromeLanguage, LinkTarget, Theme};

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
