//! Merging a poll into the flashes on screen, and the polling schedule.

use mivzak::feed::backoff::{next_poll_seconds, CAP_SECONDS};
use mivzak::feed::merge::{append_older, merge};
use mivzak::feed::model::Article;

fn article(id: &str, title: &str, published: i64) -> Article {
    let feed = format!(
        r#"{{"version": "https://jsonfeed.org/version/1.1", "items": [{{"id": "{id}", "title": "{title}"}}]}}"#
    );
    let mut article = mivzak::feed::parse_feed(&feed).unwrap().items.remove(0);
    article.published_ms = Some(published);
    article
}

#[test]
fn an_unchanged_poll_changes_nothing() {
    let old = vec![article("a", "A", 2), article("b", "B", 1)];
    let result = merge(&old, old.clone());
    assert!(result.is_unchanged());
}

#[test]
fn insert_update_and_remove_are_told_apart() {
    let old = vec![article("b", "B", 2), article("c", "C", 1)];
    let new = vec![article("a", "A", 3), article("b", "B edited", 2)];
    let result = merge(&old, new);
    assert_eq!(result.added, ["a"]);
    assert_eq!(result.updated, ["b"]);
    assert_eq!(result.removed, ["c"]);
    let ids: Vec<_> = result.items.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a", "b"]);
}

#[test]
fn a_new_date_modified_is_an_update() {
    let old = vec![article("a", "A", 1)];
    let mut edited = article("a", "A", 1);
    edited.modified_ms = Some(5);
    assert_eq!(merge(&old, vec![edited]).updated, ["a"]);
}

#[test]
fn a_poll_is_merged_in_the_feeds_one_order() {
    let old = vec![article("a", "A", 2)];
    let mut undated = article("u", "U", 0);
    undated.published_ms = None;
    // As a poll may hand them over: the undated item second, the rest unsorted.
    let new = vec![article("a", "A", 2), undated, article("b", "B", 3)];
    let ids: Vec<_> = merge(&old, new)
        .items
        .iter()
        .map(|a| a.id.clone())
        .collect();
    assert_eq!(ids, ["b", "u", "a"]);
}

#[test]
fn older_pages_append_without_duplicates() {
    let mut items = vec![article("a", "A", 3), article("b", "B", 2)];
    let added = append_older(&mut items, vec![article("b", "B", 2), article("c", "C", 1)]);
    assert_eq!(added, 1);
    let ids: Vec<_> = items.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "c"]);
}

#[test]
fn a_healthy_feed_is_polled_at_the_configured_interval() {
    assert_eq!(next_poll_seconds(30, 0, 0.0), 30.0);
    assert_eq!(next_poll_seconds(30, 0, 0.99), 30.0);
}

#[test]
fn failures_back_off_exponentially_with_jitter_up_to_a_cap() {
    // The upper bound doubles with each failure …
    let highs: Vec<f64> = (1..=5).map(|n| next_poll_seconds(10, n, 1.0)).collect();
    assert_eq!(highs, [10.0, 20.0, 40.0, 80.0, 160.0]);
    // … the jitter spreads each wait over its upper half …
    assert_eq!(next_poll_seconds(10, 3, 0.0), 20.0);
    assert_eq!(next_poll_seconds(10, 3, 0.5), 30.0);
    // … and the wait never passes the cap, however long the outage.
    for failures in [10, 100, u32::MAX] {
        assert!(next_poll_seconds(10, failures, 1.0) <= CAP_SECONDS);
    }
    assert!(next_poll_seconds(10, 3, f64::NAN).is_finite());
}
