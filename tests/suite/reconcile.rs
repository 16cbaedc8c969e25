//! A poll applied to the keyed entries on screen (`feed::reconcile`): rows that stay
//! keep their signals, edits go into them, new ids get new entries marked new
//! (except on the first load), and the list is replaced only when its ids change.

use crate::common;
use common::article;

use leptos::prelude::{GetUntracked, Set};
use mivzak::feed::merge::merge;
use mivzak::feed::model::Article;
use mivzak::feed::reconcile::{older_entries, reconcile, Entry};

fn on_screen(articles: &[Article]) -> Vec<Entry> {
    articles
        .iter()
        .map(|a| Entry::new(a.clone(), false))
        .collect()
}

fn poll(
    current: &[Entry],
    new: Vec<Article>,
    first_load: bool,
) -> mivzak::feed::reconcile::Reconciled {
    let old: Vec<Article> = current.iter().map(|e| e.article.get_untracked()).collect();
    reconcile(current, merge(&old, new), first_load)
}

fn ids(entries: &[Entry]) -> Vec<&str> {
    entries.iter().map(|e| &*e.id).collect()
}

/// Whether `a` and `b` share one signal: a write through one shows in the other.
fn same_signal(a: &Entry, b: &Entry) -> bool {
    let before = a.article.get_untracked();
    let mut marked = before.clone();
    marked.title.push_str(" (marked)");
    a.article.set(marked.clone());
    let shared = b.article.get_untracked() == marked;
    a.article.set(before);
    shared
}

#[test]
fn an_unchanged_poll_leaves_the_list_alone() {
    let current = on_screen(&[article("a", "A", 2), article("b", "B", 1)]);
    let result = poll(
        &current,
        vec![article("b", "B", 1), article("a", "A", 2)],
        false,
    );
    assert!(result.entries.is_none());
    assert!(result.arrivals.is_empty());
}

#[test]
fn an_edit_goes_into_the_rows_signal_and_keeps_the_list() {
    let current = on_screen(&[article("a", "A", 2), article("b", "B", 1)]);
    let result = poll(
        &current,
        vec![article("a", "A edited", 2), article("b", "B", 1)],
        false,
    );
    assert!(result.entries.is_none(), "same ids in the same order");
    assert_eq!(current[0].article.get_untracked().title, "A edited");
    assert_eq!(current[1].article.get_untracked().title, "B");
}

#[test]
fn a_new_flash_is_inserted_and_the_others_keep_their_entries() {
    let current = on_screen(&[article("b", "B", 2), article("c", "C", 1)]);
    let result = poll(
        &current,
        vec![
            article("a", "A", 3),
            article("b", "B", 2),
            article("c", "C", 1),
        ],
        false,
    );
    let next = result.entries.expect("the ids changed");
    assert_eq!(ids(&next), ["a", "b", "c"]);
    assert!(next[0].is_new);
    assert!(!next[1].is_new && !next[2].is_new);
    assert!(same_signal(&current[0], &next[1]));
    assert!(same_signal(&current[1], &next[2]));
    assert!(!same_signal(&current[0], &next[0]));
    assert_eq!(titles(&result.arrivals), ["A"]);
}

#[test]
fn the_first_load_marks_nothing_new_and_announces_nothing() {
    let result = poll(&[], vec![article("a", "A", 2), article("b", "B", 1)], true);
    let next = result.entries.expect("a first list");
    assert_eq!(ids(&next), ["a", "b"]);
    assert!(next.iter().all(|e| !e.is_new));
    assert!(result.arrivals.is_empty());
}

#[test]
fn a_removed_flash_leaves_and_a_re_dated_one_moves() {
    let current = on_screen(&[
        article("a", "A", 3),
        article("b", "B", 2),
        article("c", "C", 1),
    ]);
    // "c" is re-dated to the top; "b" leaves.
    let result = poll(
        &current,
        vec![article("a", "A", 3), article("c", "C", 4)],
        false,
    );
    let next = result.entries.expect("the ids changed");
    assert_eq!(ids(&next), ["c", "a"]);
    assert!(same_signal(&current[2], &next[0]));
    assert_eq!(next[0].article.get_untracked().published_ms, Some(4));
    assert!(result.arrivals.is_empty());
}

#[test]
fn arrivals_are_named_in_list_order() {
    let current = on_screen(&[article("c", "C", 1)]);
    let result = poll(
        &current,
        vec![
            article("a", "A", 3),
            article("b", "B", 2),
            article("c", "C", 1),
        ],
        false,
    );
    assert_eq!(titles(&result.arrivals), ["A", "B"]);
}

#[test]
fn an_older_page_adds_only_ids_not_on_screen() {
    let current = on_screen(&[article("a", "A", 3), article("b", "B", 2)]);
    let more = older_entries(
        &current,
        vec![article("b", "B again", 2), article("c", "C", 1)],
    );
    assert_eq!(ids(&more), ["c"]);
    assert!(!more[0].is_new);
}

/// Issue 25 §1: a list keys its rows by `Entry::row_key`, so what a row shows
/// changing (headline, summary, times, language, picture) draws it anew, and
/// nothing else does.
#[test]
fn a_rows_key_follows_what_the_row_shows() {
    let a = article("a", "כותרת", 1_000);
    let entries = on_screen(std::slice::from_ref(&a));
    let before = entries[0].row_key();
    assert_eq!(&*before.0, "a");
    // The same article polled again: same key.
    let result = poll(&entries, vec![a.clone()], false);
    assert!(result.entries.is_none());
    assert_eq!(entries[0].row_key(), before);
    type Edit = (&'static str, fn(&mut Article));
    let edits: [Edit; 8] = [
        ("headline", |a| a.title.push_str(" מתוקנת")),
        ("summary", |a| a.summary = Some("תקציר חדש".into())),
        ("published", |a| a.published_ms = Some(2_000)),
        ("modified", |a| a.modified_ms = Some(3_000)),
        ("language", |a| a.language = Some("en".into())),
        ("picture", |a| {
            a.image = Some("https://x.example/p.jpg".into())
        }),
        // What the row opens to (issue 24 §2: `excerpt::flash_excerpt`).
        ("html body", |a| {
            a.content_html = Some("<p>גוף חדש</p>".into())
        }),
        ("text body", |a| a.content_text = Some("גוף חדש".into())),
    ];
    for (what, edit) in edits {
        let entries = on_screen(std::slice::from_ref(&a));
        let mut edited = a.clone();
        edit(&mut edited);
        poll(&entries, vec![edited], false);
        let after = entries[0].row_key();
        assert_eq!(after.0, before.0, "{what}: same id");
        assert_ne!(after.1, before.1, "{what}: a new key draws the row anew");
    }
    // A field no row shows (the authors; a body's words past what the row
    // opens to) leaves the row as it is.
    let entries = on_screen(std::slice::from_ref(&a));
    let mut unseen = a.clone();
    unseen.authors.push(mivzak::feed::model::Author {
        name: Some("כתב".into()),
        ..Default::default()
    });
    poll(&entries, vec![unseen], false);
    assert_eq!(entries[0].row_key(), before);
    let long = "מילה ".repeat(200);
    let mut with_body = a.clone();
    with_body.content_text = Some(long.clone());
    let entries = on_screen(std::slice::from_ref(&with_body));
    let shown = entries[0].row_key();
    let mut far_edit = with_body.clone();
    far_edit.content_text = Some(format!("{long} ועוד"));
    poll(&entries, vec![far_edit], false);
    assert_eq!(entries[0].row_key(), shown);
}

/// The headlines of a poll's arrivals, in order.
fn titles(arrivals: &[Article]) -> Vec<&str> {
    arrivals.iter().map(|a| a.title.as_str()).collect()
}
