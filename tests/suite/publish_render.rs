//! The app's markup rendered natively (publish::render): the same components
//! the browser draws, for the sample feed.

use mivzak::config::Config;
use mivzak::feed::parse_feed;
use mivzak::publish::render::{app_html, Site};

fn sample() -> Site {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/feed.json")).unwrap();
    Site {
        config: Config::default(),
        feed: parse_feed(&text).unwrap(),
        feed_url: "https://news.example.co.il/feed.json".into(),
        base: String::new(),
        now_ms: 1_735_300_000_000,
    }
}

#[test]
fn the_home_page_has_the_flashes() {
    let html = app_html(&sample(), "/");
    println!("{html}");
    assert!(html.contains("class=\"flashes\""), "{html}");
}

/// A dated article with a signed number in its body, rendered as published.
fn dated_article() -> String {
    let feed = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "t", "items": [{
        "id": "dated", "title": "-3 מעלות בירושלים", "url": "https://news.example/dated",
        "date_published": "2024-12-27T10:40:00Z", "date_modified": "2024-12-27T11:05:00Z",
        "content_html": "<p>צפויות -3 מעלות ו-40℃ ביום</p><pre><code>x = -3</code></pre>"}]}"#;
    let site = Site {
        feed: parse_feed(feed).unwrap(),
        ..sample()
    };
    app_html(&site, "/article/dated")
}

#[test]
fn a_hebrew_date_phrase_is_isolated_right_to_left_and_nothing_hebrew_is_forced_left_to_right() {
    let html = dated_article();
    for (iso, phrase) in [
        ("2024-12-27T10:40:00.000Z", "27 בדצמבר 2024 בשעה 12:40"),
        ("2024-12-27T11:05:00.000Z", "27 בדצמבר 2024 בשעה 13:05"),
    ] {
        let at = html
            .find(&format!(r#"<time dir="rtl" datetime="{iso}">"#))
            .unwrap_or_else(|| panic!("no right-to-left <time> for {iso} in {html}"));
        assert!(html[at..].contains(phrase), "{phrase} in {html}");
    }
    // Whatever the page sets left to right (a clock, code, a file's type) holds no Hebrew letter.
    for (i, _) in html.match_indices(r#"dir="ltr""#) {
        let inside = &html[i..];
        let text_start = inside.find('>').unwrap() + 1;
        let text = &inside[text_start..text_start + inside[text_start..].find("</").unwrap()];
        assert!(
            !text.chars().any(|c| ('\u{05D0}'..='\u{05EA}').contains(&c)),
            "a Hebrew phrase forced left to right: {text:?}"
        );
    }
}

#[test]
fn a_published_body_keeps_a_numbers_sign_and_leaves_code_as_written() {
    let html = dated_article();
    assert!(html.contains("צפויות \u{200E}-3 מעלות"), "{html}");
    assert!(html.contains("\u{200E}40℃\u{200E}"), "{html}");
    assert!(html.contains(">x = -3</code>"), "code as written: {html}");
    assert!(
        html.contains("\u{200E}-3 מעלות בירושלים"),
        "the headline: {html}"
    );
}
