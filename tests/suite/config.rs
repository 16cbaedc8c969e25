//! config.json: defaults, unknown keys, bad values, broken files.

use mivzak::config::{parse, Config, TickerMode};

#[test]
fn the_shipped_config_parses_without_warnings() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/config.json"))
        .unwrap();
    let parsed = parse(&text);
    assert_eq!(parsed.warnings, Vec::<String>::new());
    assert_eq!(parsed.config.feed_url, "feed.json");
    assert_eq!(parsed.config.time_zone, "Asia/Jerusalem");
}

#[test]
fn a_broken_file_gives_the_defaults_and_a_warning() {
    for text in ["{ nope", "[]", "\"text\"", ""] {
        let parsed = parse(text);
        assert_eq!(parsed.config, Config::default(), "{text}");
        assert_eq!(parsed.warnings.len(), 1, "{text}");
    }
}

#[test]
fn unknown_keys_are_warned_about_and_known_ones_kept() {
    let parsed =
        parse(r#"{"feed_ulr": "x.json", "site_name": "חדשות", "ticker": {"mdoe": "marquee"}}"#);
    assert_eq!(parsed.config.site_name, "חדשות");
    assert_eq!(parsed.config.feed_url, "feed.json");
    assert!(parsed
        .warnings
        .iter()
        .any(|w| w.contains("unknown key feed_ulr")));
    assert!(parsed
        .warnings
        .iter()
        .any(|w| w.contains("unknown key ticker.mdoe")));
}

#[test]
fn a_wrong_value_falls_back_for_that_key_only() {
    let parsed = parse(
        r#"{"poll_seconds": "often", "site_name": "חדשות", "ticker": {"mode": "marquee", "speed": 90}}"#,
    );
    assert_eq!(parsed.config.poll_seconds, 30);
    assert_eq!(parsed.config.site_name, "חדשות");
    assert_eq!(parsed.config.ticker.mode, TickerMode::Marquee);
    assert_eq!(parsed.config.ticker.speed, 90.0);
    assert!(parsed
        .warnings
        .iter()
        .any(|w| w.contains("poll_seconds ignored")));
}

#[test]
fn out_of_range_values_are_clamped_with_a_warning() {
    let parsed = parse(r#"{"poll_seconds": 1, "ticker": {"speed": -4, "count": 0}}"#);
    assert_eq!(parsed.config.poll_seconds, 2);
    assert_eq!(parsed.config.ticker.speed, 60.0);
    assert_eq!(parsed.config.ticker.count, 1);
    assert_eq!(parsed.warnings.len(), 3);
}

#[test]
fn empty_urls_mean_off() {
    let parsed = parse(r#"{"comments_url": "", "facebook_url": " "}"#);
    assert_eq!(parsed.config.comments_url, None);
    assert_eq!(parsed.config.facebook_url, None);
}

#[test]
fn the_theme_can_be_forced() {
    use mivzak::theme::Theme;
    assert_eq!(parse(r#"{"theme": "dark"}"#).config.theme, Theme::Dark);
    assert_eq!(parse("{}").config.theme, Theme::Auto);
    let bad = parse(r#"{"theme": "neon"}"#);
    assert_eq!(bad.config.theme, Theme::Auto);
    assert!(bad.warnings[0].contains("theme ignored"));
}

#[test]
fn embed_feeds_keep_absolute_http_urls_and_warn_about_the_rest() {
    let parsed = parse(
        r#"{"embed_feeds": ["https://partner.example/", "http://127.0.0.1:4100/feed.json", "feeds/", "*", "javascript:x", "https://"]}"#,
    );
    assert_eq!(
        parsed.config.embed_feeds,
        [
            "https://partner.example/",
            "http://127.0.0.1:4100/feed.json"
        ]
    );
    assert_eq!(parsed.warnings.len(), 4, "{:?}", parsed.warnings);
    assert!(parsed.warnings.iter().all(|w| w.contains("embed_feeds")));
    // Not a list: the key falls back to none, with a warning.
    let parsed = parse(r#"{"embed_feeds": "https://partner.example/"}"#);
    assert!(parsed.config.embed_feeds.is_empty());
    assert!(parsed
        .warnings
        .iter()
        .any(|w| w.contains("embed_feeds ignored")));
}

/// The static shell (index.html) reads `ticker.count` by the same rule: a whole
/// number in any JSON form, clamped to 1..200; anything else the default, 20.
#[test]
fn ticker_count_is_a_whole_number_clamped_and_each_ticker_key_stands_alone() {
    let count = |json: &str| {
        let parsed = parse(&format!(
            r#"{{"ticker": {{"mode": "marquee", "count": {json}}}}}"#
        ));
        // A bad count never takes the mode with it.
        assert_eq!(parsed.config.ticker.mode, TickerMode::Marquee, "{json}");
        parsed.config.ticker.count
    };
    for (json, expected) in [
        ("12", 12),
        ("12.0", 12),
        ("1.2e1", 12),
        ("500", 200),
        ("1e300", 200),
        ("0", 1),
        ("-3", 1),
        ("2.5", 20),
        ("\"12\"", 20),
        ("null", 20),
        ("1e400", 20),
    ] {
        assert_eq!(count(json), expected, "count {json}");
    }
    let parsed = parse(r#"{"ticker": {"mode": "sideways", "count": 5}}"#);
    assert_eq!(parsed.config.ticker.count, 5);
    assert_eq!(parsed.config.ticker.mode, TickerMode::List);
    assert!(parsed
        .warnings
        .iter()
        .any(|w| w.contains("ticker.mode ignored")));
}

#[test]
fn site_url_is_an_absolute_http_address_ending_in_a_slash() {
    let cases = [
        (
            "https://news.example.co.il",
            Some("https://news.example.co.il/"),
            0,
        ),
        (
            "https://example.org/news/",
            Some("https://example.org/news/"),
            0,
        ),
        (
            " http://example.org/news ",
            Some("http://example.org/news/"),
            0,
        ),
        ("", None, 0),
        ("/news/", None, 1),
        ("news.example.co.il", None, 1),
        ("https:///path", None, 1),
        ("javascript:alert(1)", None, 1),
    ];
    for (given, expected, warnings) in cases {
        let text = format!(
            r#"{{"site_url": {}}}"#,
            serde_json::to_string(given).unwrap()
        );
        let parsed = parse(&text);
        assert_eq!(parsed.config.site_url.as_deref(), expected, "{given}");
        assert_eq!(
            parsed.warnings.len(),
            warnings,
            "{given}: {:?}",
            parsed.warnings
        );
    }
    let parsed = parse(r#"{"site_image": " ", "publisher_logo": "logo.png"}"#);
    assert_eq!(parsed.config.site_image, None);
    assert_eq!(parsed.config.publisher_logo.as_deref(), Some("logo.png"));
    assert!(parsed.warnings.is_empty());
}

#[test]
fn the_feeds_zone_is_the_sites_unless_feed_time_zone_names_another() {
    let parsed = parse("{}");
    assert_eq!(parsed.config.feed_time_zone, None);
    assert_eq!(parsed.config.feed_zone(), "Asia/Jerusalem");
    let parsed = parse(r#"{"time_zone": "Europe/London"}"#);
    assert_eq!(parsed.config.feed_zone(), "Europe/London");
    for zone in ["America/New_York", "UTC", "israel", "+03:00"] {
        let parsed = parse(&format!(
            r#"{{"time_zone": "Europe/London", "feed_time_zone": "{zone}"}}"#
        ));
        assert_eq!(parsed.config.feed_time_zone.as_deref(), Some(zone));
        assert_eq!(parsed.config.feed_zone(), zone);
        assert!(parsed.warnings.is_empty(), "{zone}: {:?}", parsed.warnings);
    }
}

#[test]
fn feed_time_zone_off_or_unknown_falls_back_to_time_zone() {
    // Off, without a word.
    for json in ["null", r#""""#, r#"" ""#] {
        let parsed = parse(&format!(r#"{{"feed_time_zone": {json}}}"#));
        assert_eq!(parsed.config.feed_time_zone, None, "{json}");
        assert_eq!(parsed.config.feed_zone(), "Asia/Jerusalem", "{json}");
        assert!(parsed.warnings.is_empty(), "{json}: {:?}", parsed.warnings);
    }
    // Wrong, with a warning; the other keys stand.
    for json in [
        r#""Mars/Olympus""#,
        r#""Jerusalem""#,
        r#"" Asia/Jerusalem""#,
        "3",
        r#"["Asia/Jerusalem"]"#,
    ] {
        let parsed = parse(&format!(
            r#"{{"feed_time_zone": {json}, "site_name": "חדשות"}}"#
        ));
        assert_eq!(parsed.config.feed_time_zone, None, "{json}");
        assert_eq!(parsed.config.feed_zone(), "Asia/Jerusalem", "{json}");
        assert_eq!(parsed.config.site_name, "חדשות");
        assert_eq!(parsed.warnings.len(), 1, "{json}: {:?}", parsed.warnings);
        assert!(parsed.warnings[0].contains("feed_time_zone"), "{json}");
    }
}

#[test]
fn feed_time_labels_are_trust_or_local() {
    use mivzak::time::TimeLabels;
    assert_eq!(parse("{}").config.feed_time_labels, TimeLabels::Trust);
    let parsed = parse(r#"{"feed_time_labels": "local"}"#);
    assert_eq!(parsed.config.feed_time_labels, TimeLabels::Local);
    assert!(parsed.warnings.is_empty());
    let parsed = parse(r#"{"feed_time_labels": "trust"}"#);
    assert_eq!(parsed.config.feed_time_labels, TimeLabels::Trust);
    assert!(parsed.warnings.is_empty());
    for json in [r#""Local""#, r#""utc""#, r#""""#, "true", "null"] {
        let parsed = parse(&format!(
            r#"{{"feed_time_labels": {json}, "ticker": {{"mode": "marquee"}}}}"#
        ));
        assert_eq!(parsed.config.feed_time_labels, TimeLabels::Trust, "{json}");
        assert_eq!(parsed.config.ticker.mode, TickerMode::Marquee, "{json}");
        assert_eq!(parsed.warnings.len(), 1, "{json}: {:?}", parsed.warnings);
        assert!(
            parsed.warnings[0].contains("feed_time_labels ignored"),
            "{json}"
        );
    }
}

#[test]
fn the_feed_date_keys_are_known_and_their_misspellings_are_not() {
    let parsed = parse(
        r#"{"feed_time_zone": "Asia/Jerusalem", "feed_time_labels": "local", "feed_timezone": "UTC", "feed_time_label": "local"}"#,
    );
    assert_eq!(
        parsed.warnings,
        [
            "config.json: unknown key feed_time_label",
            "config.json: unknown key feed_timezone"
        ]
    );
}
