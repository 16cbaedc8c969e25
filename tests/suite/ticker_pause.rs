//! The live list paused: what stays on screen, and what waits for the reader.

use std::collections::HashSet;

use mivzak::ticker_pause::{paused_list, PausedList};

fn shown_when_paused(ids: &[&'static str]) -> impl Fn(&str) -> bool {
    let ids: HashSet<&str> = ids.iter().copied().collect();
    move |id| ids.contains(id)
}

#[test]
fn new_flashes_wait_and_the_list_keeps_what_it_showed() {
    // Two flashes arrived (newest first) after the reader paused a list of three.
    let feed = [
        ("n2", true),
        ("n1", true),
        ("a", false),
        ("b", false),
        ("c", false),
    ];
    let list = paused_list(feed, shown_when_paused(&["a", "b", "c"]), 20);
    assert_eq!(
        list,
        PausedList {
            shown: vec![2, 3, 4],
            waiting: 2
        }
    );
}

#[test]
fn a_flash_removed_while_paused_leaves_and_flashes_from_before_the_pause_stay() {
    // "x" arrived by a poll before the pause, so it was on screen; "b" was removed.
    let feed = [("new", true), ("x", true), ("a", false), ("c", false)];
    let list = paused_list(feed, shown_when_paused(&["x", "a", "b", "c"]), 20);
    assert_eq!(
        list,
        PausedList {
            shown: vec![1, 2, 3],
            waiting: 1
        }
    );
}

#[test]
fn the_paused_list_keeps_its_flashes_even_when_new_ones_push_them_down() {
    // count 3: three flashes on screen, two new ones would push two of them out.
    let feed = [
        ("n2", true),
        ("n1", true),
        ("a", false),
        ("b", false),
        ("c", false),
    ];
    let list = paused_list(feed, shown_when_paused(&["a", "b", "c"]), 3);
    assert_eq!(list.shown, vec![2, 3, 4]);
    assert_eq!(list.waiting, 2);
}

#[test]
fn only_new_flashes_that_would_be_shown_are_counted() {
    // count 2: of three new flashes, resuming shows two.
    let feed = [
        ("n3", true),
        ("n2", true),
        ("n1", true),
        ("a", false),
        ("b", false),
    ];
    let list = paused_list(feed, shown_when_paused(&["a", "b"]), 2);
    assert_eq!(
        list,
        PausedList {
            shown: vec![3, 4],
            waiting: 2
        }
    );
}

#[test]
fn older_flashes_the_reader_loads_while_paused_are_not_new() {
    // "Load more" appends older items: they are not poll arrivals, so not waiting.
    let feed = [("a", false), ("b", false), ("old1", false), ("old2", false)];
    let list = paused_list(feed, shown_when_paused(&["a", "b"]), 20);
    assert_eq!(
        list,
        PausedList {
            shown: vec![0, 1, 2, 3],
            waiting: 0
        }
    );
}

#[test]
fn nothing_waits_when_nothing_arrived() {
    let feed = [("a", false), ("b", false)];
    let list = paused_list(feed, shown_when_paused(&["a", "b"]), 20);
    assert_eq!(
        list,
        PausedList {
            shown: vec![0, 1],
            waiting: 0
        }
    );
}
