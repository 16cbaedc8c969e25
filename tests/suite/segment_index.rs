//! The articles the app opens by route segment (`feed::segment_index`): an
//! article that leaves the feed while the page is open stays readable as it
//! was, with its neighbours as they were; one that comes back is the feed's
//! again, in the signal it left with; only the latest `DEPARTED_KEPT`
//! departures are kept.

use crate::common::article;

use leptos::prelude::GetUntracked;
use mivzak::feed::reconcile::Entry;
use mivzak::feed::segment_index::{SegmentIndex, DEPARTED_KEPT};
use mivzak::paths::route_segment;

fn entries(ids: &[&str]) -> Vec<Entry> {
    ids.iter()
        .enumerate()
        .map(|(i, id)| Entry::new(article(id, &format!("כותרת {id}"), i as i64), false))
        .collect()
}

fn title_at(index: &SegmentIndex, id: &str) -> Option<String> {
    index
        .get(&route_segment(id))
        .map(|article| article.get_untracked().title)
}

#[test]
fn an_article_that_leaves_the_feed_stays_as_it_was() {
    // Ids of other shapes than the sample's: a WordPress permalink, a `?p=`
    // address, Hebrew with a space.
    let ids = [
        "https://news.example.co.il/2024/12/%D7%A9%D7%9C%D7%92/",
        "https://news.example.co.il/?p=123",
        "שלג בחרמון",
    ];
    let first = SegmentIndex::next(None, &entries(&ids));
    let after = SegmentIndex::next(Some(&first), &entries(&[ids[0], "חדש"]));
    for id in &ids[1..] {
        assert_eq!(title_at(&after, id), Some(format!("כותרת {id}")), "{id}");
    }
    assert_eq!(title_at(&after, "חדש").as_deref(), Some("כותרת חדש"));
    assert_eq!(title_at(&after, "never-there"), None);
    // The same signal: a page drawn from it is not drawn again.
    assert_eq!(
        first.get(&route_segment(ids[2])),
        after.get(&route_segment(ids[2]))
    );
}

#[test]
fn a_departed_article_that_comes_back_is_the_feeds() {
    let first = SegmentIndex::next(None, &entries(&["a", "b"]));
    let gone = SegmentIndex::next(Some(&first), &entries(&["a"]));
    let mut back = entries(&["a", "b"]);
    back[1] = Entry::new(article("b", "כותרת מתוקנת", 5), false);
    let back = SegmentIndex::next(Some(&gone), &back);
    assert_eq!(title_at(&back, "b").as_deref(), Some("כותרת מתוקנת"));
    // And leaves again, as it was the second time.
    let again = SegmentIndex::next(Some(&back), &entries(&["a"]));
    assert_eq!(title_at(&again, "b").as_deref(), Some("כותרת מתוקנת"));
}

#[test]
fn only_the_latest_departures_are_kept() {
    let mut index = SegmentIndex::next(None, &[]);
    // A feed of one item, replaced at every poll.
    let ids: Vec<String> = (0..DEPARTED_KEPT + 11)
        .map(|i| format!("item-{i}"))
        .collect();
    for id in &ids {
        index = SegmentIndex::next(Some(&index), &entries(&[id]));
    }
    let last = ids.len() - 1;
    for (i, id) in ids.iter().enumerate() {
        // The current one, and the DEPARTED_KEPT before it.
        let kept = i + DEPARTED_KEPT >= last;
        assert_eq!(title_at(&index, id).is_some(), kept, "{id}");
    }
}

#[test]
fn a_duplicate_id_shows_its_first_item() {
    let mut both = entries(&["dup"]);
    both.push(Entry::new(article("dup", "השני", 9), false));
    let index = SegmentIndex::next(None, &both);
    assert_eq!(title_at(&index, "dup").as_deref(), Some("כותרת dup"));
}

fn around_ids(index: &SegmentIndex, id: &str) -> Option<(Option<String>, Option<String>)> {
    index.around(&route_segment(id)).map(|(newer, older)| {
        (
            newer.map(|e| e.id.to_string()),
            older.map(|e| e.id.to_string()),
        )
    })
}

#[test]
fn a_departed_article_keeps_its_neighbours_as_they_were() {
    let first = SegmentIndex::next(None, &entries(&["a", "b", "c", "d"]));
    let some = |id: &str| Some(id.to_owned());
    assert_eq!(around_ids(&first, "b"), Some((some("a"), some("c"))));
    // b leaves, and so do its neighbours, in later polls.
    let gone = SegmentIndex::next(Some(&first), &entries(&["a", "c", "d"]));
    assert_eq!(around_ids(&gone, "b"), Some((some("a"), some("c"))));
    assert_eq!(around_ids(&gone, "a"), Some((None, some("c"))));
    let later = SegmentIndex::next(Some(&gone), &entries(&["new", "d"]));
    assert_eq!(around_ids(&later, "b"), Some((some("a"), some("c"))));
    assert_eq!(around_ids(&later, "c"), Some((some("a"), some("d"))));
    assert_eq!(around_ids(&later, "never"), None);
}

#[test]
fn an_article_that_comes_back_takes_back_the_signal_it_left_with() {
    let first = SegmentIndex::next(None, &entries(&["a", "b"]));
    let shown = first.get(&route_segment("b")).cloned().unwrap();
    let gone = SegmentIndex::next(Some(&first), &entries(&["a"]));
    let mut back = entries(&["a"]);
    back.push(Entry::new(article("b", "כותרת מתוקנת", 5), false));
    gone.revive(&mut back);
    // The page drawn from it shows the edit in place.
    assert_eq!(shown.get_untracked().title, "כותרת מתוקנת");
    let again = SegmentIndex::next(Some(&gone), &back);
    assert_eq!(again.get(&route_segment("b")), Some(&shown));
    // An entry that never left keeps its own.
    let a = back[0].article.clone();
    again.revive(&mut back);
    assert_eq!(back[0].article, a);
}
