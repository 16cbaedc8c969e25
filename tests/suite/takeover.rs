//! The first poll on a page that already shows flashes (a published page, the
//! shell): `feed::takeover::arrived_since` counts the flashes that came after the
//! page was drawn, which then come in as a poll's do (`FeedSource::apply`).

use crate::common;
use common::article;

use std::collections::HashSet;

use leptos::prelude::GetUntracked;
use mivzak::feed::merge::merge;
use mivzak::feed::model::Article;
use mivzak::feed::reconcile::reconcile;
use mivzak::feed::takeover::arrived_since;
use mivzak::paths::{canonical_segment, route_segment};

/// The segments of `ids` as `flashes_on_screen` reads them from links.
fn shown(ids: &[&str]) -> HashSet<String> {
    ids.iter()
        .map(|id| canonical_segment(&route_segment(id)))
        .collect()
}

fn live(ids: &[&str]) -> Vec<Article> {
    ids.iter()
        .enumerate()
        .map(|(i, id)| article(id, &format!("כותרת {id}"), 1_000_000 - i as i64 * 60_000))
        .collect()
}

#[test]
fn the_flashes_before_the_newest_shown_one_arrived_since() {
    let items = live(&["n2", "n1", "a", "b", "c"]);
    assert_eq!(arrived_since(&items, &shown(&["a", "b", "c"])), 2);
}

#[test]
fn nothing_arrived_when_the_page_shows_the_live_feed() {
    let items = live(&["a", "b", "c"]);
    assert_eq!(arrived_since(&items, &shown(&["a", "b", "c"])), 0);
}

#[test]
fn a_page_with_no_flashes_or_none_still_live_holds_nothing_back() {
    let items = live(&["n1", "a"]);
    assert_eq!(arrived_since(&items, &HashSet::new()), 0);
    assert_eq!(arrived_since(&items, &shown(&["gone", "older"])), 0);
}

#[test]
fn the_newest_shown_flash_may_have_left_the_feed() {
    // The page showed "gone" first; it left the feed, "a" is the newest still there.
    let items = live(&["n1", "a", "b"]);
    assert_eq!(arrived_since(&items, &shown(&["gone", "a", "b"])), 1);
}

#[test]
fn ids_that_are_urls_hebrew_or_long_match_their_published_links() {
    let url = "https://example.co.il/2024/12/%D7%97%D7%93%D7%A9%D7%95%D7%AA/";
    let long = "א".repeat(400);
    let items = live(&["חדש", url, &long]);
    assert_eq!(arrived_since(&items, &shown(&[url, &long])), 1);
    // A link written by hand in lowercase percent-encoding finds its item too.
    let hebrew = live(&["n1", "מבזק"]);
    let by_hand: HashSet<String> = [canonical_segment("%d7%9e%d7%91%d7%96%d7%a7")].into();
    assert_eq!(arrived_since(&hebrew, &by_hand), 1);
}

#[test]
fn held_back_then_applied_they_come_in_marked_new_and_announced() {
    let items = live(&["n2", "n1", "a", "b"]);
    let held = arrived_since(&items, &shown(&["a", "b"]));
    // The swap: what the page showed, as a first load.
    let first = reconcile(&[], merge(&[], items[held..].to_vec()), true)
        .entries
        .unwrap();
    assert!(first.iter().all(|e| !e.is_new));
    // Then the whole feed, as a poll.
    let old: Vec<Article> = first.iter().map(|e| e.article.get_untracked()).collect();
    let poll = reconcile(&first, merge(&old, items), false);
    let entries = poll.entries.unwrap();
    let new: Vec<&str> = entries
        .iter()
        .filter(|e| e.is_new)
        .map(|e| &*e.id)
        .collect();
    assert_eq!(new, ["n2", "n1"]);
    let titles: Vec<&str> = poll.arrivals.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["כותרת n2", "כותרת n1"]);
}
