//! The JSON Feed parser against the sample feed, the spec's examples, and bad input.

use mivzak::feed::model::Body;
use mivzak::feed::parse::{MAX_BODY_CHARS, MAX_DOCUMENT_BYTES, MAX_ITEMS};
use mivzak::feed::{parse_feed, FeedError};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn the_sample_feed_has_nine_flashes_newest_first_and_one_full_article() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/feed.json")).unwrap();
    let feed = parse_feed(&text).unwrap();
    assert_eq!(feed.items.len(), 9);
    assert!(feed.skipped.is_empty());
    assert!(feed
        .items
        .windows(2)
        .all(|w| w[0].published_ms > w[1].published_ms));
    assert!(feed.items[0].title.starts_with("כוחות ישראליים"));
    // 14:02 Israel time in December is 12:02 UTC.
    assert_eq!(
        feed.items[0].published_ms,
        mivzak::time::parse_date_ms("2024-12-27T12:02:00Z")
    );
    let with_body: Vec<_> = feed
        .items
        .iter()
        .filter(|a| a.content_text.is_some())
        .collect();
    assert_eq!(with_body.len(), 1);
    match with_body[0].body() {
        Body::Paragraphs(paragraphs) => assert_eq!(paragraphs.len(), 5),
        other => panic!("expected paragraphs, got {other:?}"),
    }
}

#[test]
fn the_spec_examples_parse() {
    let simple = parse_feed(&fixture("jsonfeed-simple.json")).unwrap();
    assert_eq!(simple.items.len(), 2);
    assert_eq!(
        simple.items[1].body(),
        Body::Html("<p>Hello, world!</p>".into())
    );
    // No title: the start of the text stands in.
    assert_eq!(simple.items[0].title, "This is a second item.");
    assert!(simple.items[0].title_from_text);

    let micro = parse_feed(&fixture("jsonfeed-microblog.json")).unwrap();
    assert_eq!(micro.authors[0].name.as_deref(), Some("Brent Simmons"));
    assert_eq!(micro.items[0].id, "2347259");

    let podcast = parse_feed(&fixture("jsonfeed-podcast.json")).unwrap();
    let episode = &podcast.items[0];
    assert_eq!(episode.attachments[0].size_in_bytes, Some(89_970_236));
    assert_eq!(episode.attachments[0].duration_in_seconds, Some(6629.0));
    assert!(matches!(episode.body(), Body::Html(_)));
}

#[test]
fn every_field_of_the_spec_is_read() {
    let feed = parse_feed(&fixture("every-field.json")).unwrap();
    assert_eq!(feed.title, "כל השדות");
    assert_eq!(feed.home_page_url.as_deref(), Some("https://news.example/"));
    assert_eq!(
        feed.feed_url.as_deref(),
        Some("https://news.example/feed.json")
    );
    assert_eq!(
        feed.description.as_deref(),
        Some("A feed that uses every field of JSON Feed 1.1")
    );
    assert_eq!(feed.icon.as_deref(), Some("https://news.example/icon.png"));
    assert_eq!(
        feed.favicon.as_deref(),
        Some("https://news.example/favicon.ico")
    );
    assert_eq!(
        feed.authors[0].avatar.as_deref(),
        Some("https://news.example/a.png")
    );
    assert_eq!(feed.language.as_deref(), Some("he-IL"));
    assert_eq!(
        feed.next_url.as_deref(),
        Some("https://news.example/feed-2.json")
    );

    let item = feed
        .items
        .iter()
        .find(|a| a.id == "42")
        .expect("numeric id becomes a string");
    assert_eq!(item.url.as_deref(), Some("https://news.example/42"));
    assert_eq!(
        item.external_url.as_deref(),
        Some("https://other.example/story")
    );
    assert_eq!(item.title, "כותרת");
    assert_eq!(item.content_html.as_deref(), Some("<p>גוף</p>"));
    assert_eq!(item.content_text.as_deref(), Some("גוף"));
    assert_eq!(item.summary.as_deref(), Some("תקציר"));
    assert_eq!(item.image.as_deref(), Some("https://news.example/42.jpg"));
    assert_eq!(item.hero_image(), Some("https://news.example/42-wide.jpg"));
    assert!(item.modified_ms > item.published_ms);
    // Empty authors are dropped; a name or a URL is enough.
    assert_eq!(item.authors.len(), 2);
    assert_eq!(item.tags, vec!["מרוקו", "ביטחון"]);
    assert_eq!(item.language.as_deref(), Some("en-US"));
    // An attachment without a mime_type is not one.
    assert_eq!(item.attachments.len(), 1);
    assert_eq!(item.attachments[0].title.as_deref(), Some("המסמך"));

    let old = feed.items.iter().find(|a| a.id == "old").unwrap();
    assert_eq!(old.authors[0].name.as_deref(), Some("Old Author"));
}

#[test]
fn a_document_without_version_or_items_is_refused_with_the_reason() {
    let no_version = parse_feed(r#"{"items": []}"#).unwrap_err();
    assert_eq!(no_version, FeedError::NotAFeed("version is missing".into()));
    let no_items = parse_feed(r#"{"version": "https://jsonfeed.org/version/1.1"}"#).unwrap_err();
    assert_eq!(no_items, FeedError::NotAFeed("items is missing".into()));
    let rss = parse_feed(r#"{"version": "2.0", "items": []}"#).unwrap_err();
    assert!(matches!(rss, FeedError::NotAFeed(reason) if reason.contains("unknown version")));
    assert!(matches!(parse_feed("<html>"), Err(FeedError::NotJson(_))));
    assert!(matches!(parse_feed("[]"), Err(FeedError::NotAFeed(_))));
}

#[test]
fn bad_items_are_skipped_and_counted_and_the_rest_kept() {
    let feed = parse_feed(
        r#"{"version": "https://jsonfeed.org/version/1.1", "items": [
            {"title": "no id"},
            {"id": 7, "title": "numeric id"},
            {"id": "", "title": "empty id"},
            {"id": {"x": 1}, "title": "object id"},
            "not an object",
            {"id": "a", "title": "first a"},
            {"id": "a", "title": "second a"},
            {"id": "b", "title": "broken date", "date_published": "yesterday"},
            {"id": "c"}
        ]}"#,
    )
    .unwrap();
    let ids: Vec<_> = feed.items.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["7", "a", "b"]);
    assert_eq!(feed.skipped.len(), 6, "{:?}", feed.skipped);
    assert_eq!(feed.items[2].published_ms, None);
}

#[test]
fn over_limit_documents_are_refused_with_their_reason() {
    let huge = format!(
        r#"{{"version": "https://jsonfeed.org/version/1.1", "items": [], "pad": "{}"}}"#,
        "x".repeat(MAX_DOCUMENT_BYTES)
    );
    assert!(matches!(parse_feed(&huge), Err(FeedError::TooLarge(r)) if r.contains("bytes")));

    let items: Vec<String> = (0..=MAX_ITEMS)
        .map(|i| format!(r#"{{"id":{i},"title":"t"}}"#))
        .collect();
    let many = format!(
        r#"{{"version": "https://jsonfeed.org/version/1.1", "items": [{}]}}"#,
        items.join(",")
    );
    assert!(matches!(parse_feed(&many), Err(FeedError::TooLarge(r)) if r.contains("items")));

    let long_body = format!(
        r#"{{"version": "https://jsonfeed.org/version/1.1", "items": [{{"id": "long", "content_text": "{}"}}, {{"id": "ok", "title": "fine"}}]}}"#,
        "א".repeat(MAX_BODY_CHARS + 1)
    );
    let feed = parse_feed(&long_body).unwrap();
    assert_eq!(feed.items.len(), 1);
    assert!(feed.skipped[0].contains("characters"));
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    assert!(matches!(parse_feed(&deep), Err(FeedError::NotJson(_))));
}

#[test]
fn a_missing_title_takes_the_start_of_the_text_cut_at_a_word() {
    let text = "מילה ".repeat(40);
    let feed = parse_feed(&format!(
        r#"{{"version": "https://jsonfeed.org/version/1.1", "items": [{{"id": "1", "content_text": "{text}"}}]}}"#
    ))
    .unwrap();
    let title = &feed.items[0].title;
    assert!(title.ends_with('…'));
    assert!(title.chars().count() <= 81);
    assert!(!title.contains("  "));
}

#[test]
fn a_body_falls_back_from_html_to_text_to_summary() {
    let feed = parse_feed(
        r#"{"version": "https://jsonfeed.org/version/1.1", "items": [
            {"id": "1", "title": "t", "content_html": "  ", "content_text": "one\n\ntwo\n"},
            {"id": "2", "title": "t", "summary": "only a summary"},
            {"id": "3", "title": "t"}
        ]}"#,
    )
    .unwrap();
    let body = |id: &str| feed.items.iter().find(|a| a.id == id).unwrap().body();
    assert_eq!(
        body("1"),
        Body::Paragraphs(vec!["one".into(), "two".into()])
    );
    assert_eq!(body("2"), Body::Paragraphs(vec!["only a summary".into()]));
    assert_eq!(body("3"), Body::Empty);
}

#[test]
fn future_dates_are_clamped_to_now_for_display() {
    use mivzak::time::clamp_to_now;
    assert_eq!(clamp_to_now(2_000, 1_000), 1_000);
    assert_eq!(clamp_to_now(500, 1_000), 500);
}

#[test]
fn dates_as_feeds_write_them_sort_in_time_order_and_unreadable_ones_keep_their_place() {
    // Issue 12 §2: each of these is 14:02 or later in Israel and sorts by time; the
    // unreadable and missing dates stay where the feed put them.
    let feed = parse_feed(
        r#"{"version": "https://jsonfeed.org/version/1.1", "items": [
            {"id": "colonless", "title": "t", "date_published": "2024-12-27T14:02:00+0200"},
            {"id": "unreadable", "title": "t", "date_published": "sometime"},
            {"id": "hours-only", "title": "t", "date_published": "2024-12-27T14:03:00+02"},
            {"id": "fraction", "title": "t", "date_published": "2024-12-27T14:04:00.123456+02:00"},
            {"id": "missing", "title": "t"},
            {"id": "lowercase", "title": "t", "date_published": "2024-12-27t12:05:00z"},
            {"id": "space", "title": "t", "date_published": "2024-12-27 14:06:00+02:00"},
            {"id": "rfc2822", "title": "t", "date_published": "Fri, 27 Dec 2024 14:07:00 +0200"}
        ]}"#,
    )
    .unwrap();
    let ids: Vec<_> = feed.items.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "rfc2822",
            "unreadable",
            "space",
            "lowercase",
            "missing",
            "fraction",
            "hours-only",
            "colonless"
        ]
    );
    let minute = |id: &str| {
        let ms = feed
            .items
            .iter()
            .find(|a| a.id == id)
            .unwrap()
            .published_ms?;
        Some((ms / 60_000) % 60)
    };
    assert_eq!(minute("colonless"), Some(2));
    assert_eq!(minute("hours-only"), Some(3));
    assert_eq!(minute("fraction"), Some(4));
    assert_eq!(minute("unreadable"), None);
}
