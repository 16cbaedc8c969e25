//! JSON Feed as the spec and real feeds have it (issue 22 §5): what a peer's
//! suite (feed-rs, gofeed, Miniflux, NetNewsWire) asserts and Mivzak got wrong.

use mivzak::feed::parse_feed;

fn feed(top: &str, items: &str) -> mivzak::feed::Feed {
    parse_feed(&format!(
        r#"{{"version": "https://jsonfeed.org/version/1.1", {top} "items": [{items}]}}"#
    ))
    .unwrap()
}

fn names(article: &mivzak::feed::Article) -> Vec<&str> {
    article
        .authors
        .iter()
        .filter_map(|a| a.name.as_deref())
        .collect()
}

#[test]
fn an_item_without_authors_takes_the_feeds() {
    // 1.1's `authors`, 1.0's single `author`, and an item's own beat the feed's.
    let v11 = feed(
        r#""authors": [{"name": "מערכת הערוץ"}, {"url": "https://n.example/team"}],"#,
        r#"{"id": "1", "title": "א"}, {"id": "2", "title": "ב", "authors": [{"name": "דנה"}]}"#,
    );
    assert_eq!(names(&v11.items[0]), ["מערכת הערוץ"]);
    assert_eq!(v11.items[0].authors.len(), 2);
    assert_eq!(names(&v11.items[1]), ["דנה"]);
    let v10 = parse_feed(
        r#"{"version": "https://jsonfeed.org/version/1", "author": {"name": "Brent Simmons", "url": "https://inessential.com/"},
            "items": [{"id": "1", "content_text": "Hello"}, {"id": "2", "title": "x", "author": {"name": "Manton"}}]}"#,
    )
    .unwrap();
    let by_id = |id: &str| v10.items.iter().find(|i| i.id == id).unwrap();
    assert_eq!(names(by_id("1")), ["Brent Simmons"]);
    assert_eq!(names(by_id("2")), ["Manton"]);
    // A feed with neither credits nobody.
    assert!(feed("", r#"{"id": "1", "title": "א"}"#).items[0]
        .authors
        .is_empty());
}

#[test]
fn a_person_is_credited_once() {
    let f = feed(
        "",
        r#"{"id": "1", "title": "א", "authors": [
            {"name": "יוסי כהן"}, {"name": " יוסי כהן ", "url": "https://n.example/yossi"},
            {"name": "Dana Levin"}, {"name": "dana levin"}, {"url": "https://x.example/"}, {"url": "https://x.example/"}]}"#,
    );
    let authors = &f.items[0].authors;
    assert_eq!(names(&f.items[0]), ["יוסי כהן", "Dana Levin"]);
    assert_eq!(authors.len(), 3);
    // The first keeps its place and gains what the repeat adds.
    assert_eq!(authors[0].url.as_deref(), Some("https://n.example/yossi"));
}

#[test]
fn an_attachment_without_a_usable_url_is_dropped() {
    let f = feed(
        "",
        r##"{"id": "1", "title": "א", "attachments": [
            {"url": "https://cdn.example/a.mp3", "mime_type": "audio/mpeg"},
            {"url": "", "mime_type": "audio/mpeg"}, {"url": "   ", "mime_type": "application/pdf"},
            {"mime_type": "application/pdf"}, {"url": "#", "mime_type": "text/html"},
            {"url": "javascript:alert(1)", "mime_type": "text/html"},
            {"url": "files/b.pdf", "mime_type": "application/pdf"}, {"url": 42, "mime_type": "x/y"}]}"##,
    );
    let urls: Vec<&str> = f.items[0]
        .attachments
        .iter()
        .map(|a| a.url.as_str())
        .collect();
    assert_eq!(urls, ["https://cdn.example/a.mp3", "files/b.pdf"]);
}

#[test]
fn the_version_may_say_http() {
    for version in [
        "http://jsonfeed.org/version/1",
        "https://jsonfeed.org/version/1",
        "http://jsonfeed.org/version/1.1",
        "https://jsonfeed.org/version/1.1",
    ] {
        let text = format!(r#"{{"version": "{version}", "items": [{{"id": "1", "title": "א"}}]}}"#);
        assert_eq!(parse_feed(&text).unwrap().items.len(), 1, "{version}");
    }
    assert!(parse_feed(r#"{"version": "https://example.org/version/1", "items": []}"#).is_err());
}
