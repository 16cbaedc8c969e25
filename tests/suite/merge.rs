//! Merging a poll into the flashes on screen, and older pages below them.

use crate::common;
use common::article;

use mivzak::feed::merge::{append_older, merge};

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
