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

/// Every share address in `html`: the `u=` of Facebook's, the `url=` of
/// Telegram's, and the last line of WhatsApp's message, decoded.
fn shared_addresses(html: &str) -> Vec<String> {
    let decode = |s: &str| mivzak::paths::percent_decode(s);
    let mut found = Vec::new();
    for (marker, end) in [("sharer.php?u=", '"'), ("t.me/share/url?url=", '&')] {
        for part in html.split(marker).skip(1) {
            found.push(decode(part.split(end).next().unwrap()));
        }
    }
    for part in html.split("wa.me/?text=").skip(1) {
        let text = decode(part.split('"').next().unwrap());
        found.push(text.rsplit('\n').next().unwrap().to_owned());
    }
    found
}

/// A flash's share address is one (issue 23, fault g): the home page's row
/// menu and the article page's share bar both share its published page; an
/// item's own `url` does not change that, and without `site_url` the published
/// HTML shares nothing rather than a bare path.
#[test]
fn a_row_and_its_article_share_one_address_the_published_page() {
    for (site_url, base, id, url) in [
        (
            "https://news.example/",
            "",
            "א-1",
            Some("https://elsewhere.example/story"),
        ),
        (
            "https://news.example/he/",
            "/he",
            "https://cms.example/a/1",
            None,
        ),
        ("http://חדשות.example/", "", "42", Some("/relative/path")),
    ] {
        let item = serde_json::json!({
            "id": id, "title": "שריפה בכרמל", "content_text": "גוף",
            "url": url, "date_published": "2024-12-27T10:00:00Z",
        });
        let feed = serde_json::json!({"version": "https://jsonfeed.org/version/1.1", "title": "t", "items": [item]});
        let site = Site {
            config: Config {
                site_url: Some(site_url.into()),
                ..Config::default()
            },
            feed: parse_feed(&feed.to_string()).unwrap(),
            base: base.into(),
            ..sample()
        };
        let expected = mivzak::page_head::canonical(
            Some(site_url),
            &mivzak::page_head::published_path(mivzak::page_head::Page::Article, id),
        )
        .unwrap();
        let home = shared_addresses(&app_html(&site, &format!("{base}/")));
        let segment = mivzak::paths::route_segment(id);
        let article = shared_addresses(&app_html(&site, &format!("{base}/article/{segment}")));
        assert!(
            !home.is_empty() && !article.is_empty(),
            "{home:?} {article:?}"
        );
        for address in home.iter().chain(&article) {
            assert_eq!(address, &expected, "{site_url} {id}");
        }
    }
    // Without site_url: no share link in either page, the row's control hidden.
    let site = sample();
    let home = app_html(&site, "/");
    assert!(shared_addresses(&home).is_empty(), "{home}");
    let controls: Vec<&str> = home
        .split("<details")
        .skip(1)
        .map(|tag| tag.split('>').next().unwrap())
        .filter(|tag| tag.contains("flash-share"))
        .collect();
    assert!(!controls.is_empty(), "{home}");
    assert!(
        controls.iter().all(|tag| tag.contains(" hidden")),
        "{controls:?}"
    );
    let article = app_html(&site, "/article/2024-12-27-1402");
    assert!(shared_addresses(&article).is_empty());
    assert!(!article.contains("wa.me") && !article.contains("t.me/share"));
}
