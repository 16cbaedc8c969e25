//! The feed parser over JSONTestSuite-style documents (tests/fixtures/json-suite/,
//! named as that suite names them): `y_` must parse as JSON, `n_` must be refused
//! as not JSON, `i_` (implementation-defined) may go either way. None may panic.
//! The bytes go through the same lossy UTF-8 decoding as the browser's `text()`.

use std::path::PathBuf;

use mivzak::feed::{parse_feed, FeedError};

fn documents(prefix: &str) -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/json-suite");
    let mut found: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            path.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(prefix)
        })
        .map(|path| {
            let bytes = std::fs::read(&path).unwrap();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, String::from_utf8_lossy(&bytes).into_owned())
        })
        .collect();
    found.sort();
    found
}

const FEED_START: &str = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "t", "#;

#[test]
fn valid_documents_are_json_but_not_feeds() {
    let valid = documents("y_");
    assert!(valid.len() >= 50, "only {} y_ documents", valid.len());
    for (name, text) in valid {
        match parse_feed(&text) {
            Err(FeedError::NotAFeed(_)) => {}
            other => panic!("{name}: expected NotAFeed, got {other:?}"),
        }
    }
}

#[test]
fn any_valid_value_is_tolerated_as_an_extension_of_the_feed_and_of_an_item() {
    for (name, text) in documents("y_") {
        let top =
            format!(r#"{FEED_START}"_ext": {text}, "items": [{{"id": "1", "title": "x"}}]}}"#);
        let item =
            format!(r#"{FEED_START}"items": [{{"id": "1", "title": "x", "_ext": {text}}}]}}"#);
        for document in [top, item] {
            let feed = parse_feed(&document).unwrap_or_else(|e| panic!("{name}: {e:?}"));
            assert_eq!(feed.items.len(), 1, "{name}");
            assert_eq!(feed.items[0].title, "x", "{name}");
        }
    }
}

#[test]
fn invalid_documents_are_refused_as_not_json() {
    let invalid = documents("n_");
    assert!(invalid.len() >= 80, "only {} n_ documents", invalid.len());
    for (name, text) in invalid {
        match parse_feed(&text) {
            Err(FeedError::NotJson(_)) => {}
            other => panic!("{name}: expected NotJson, got {other:?}"),
        }
    }
}

#[test]
fn implementation_defined_documents_do_not_panic() {
    let open = documents("i_");
    assert!(open.len() >= 15);
    for (name, text) in open {
        // Either JSON answer is allowed; not panicking is the test.
        assert!(
            parse_feed(&text).is_err(),
            "{name}: none of these is a feed"
        );
        // Inside a feed's string value, too.
        let inner = text.trim_matches(|c| c == '[' || c == ']');
        let _ = parse_feed(&format!(
            r#"{FEED_START}"items": [{{"id": "1", "title": {inner}}}]}}"#
        ));
    }
}

#[test]
fn a_hostile_string_inside_a_real_feed_still_parses_the_other_items() {
    // A lone surrogate escape in one title: serde_json refuses the whole document,
    // which the reader sees as "not JSON", never as a crash.
    let text = format!(
        r#"{FEED_START}"items": [{{"id": "1", "title": "\ud800"}}, {{"id": "2", "title": "ok"}}]}}"#
    );
    assert!(matches!(parse_feed(&text), Err(FeedError::NotJson(_))));
}
