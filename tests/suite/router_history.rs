//! The vendored router's path stack on `popstate` (`vendor/leptos_router`,
//! Mivzak's patch, vendor/README.md): after any Back, Forward or jump, the top
//! of the stack is the URL shown, so a link to the page before moves the
//! address bar too. The rule's file is included as it is, so the router need
//! not be built to test it. All four tests fail on upstream's handler.

#[path = "../../vendor/leptos_router/src/location/mivzak_stack.rs"]
mod mivzak_stack;

use mivzak_stack::after_popstate;

fn stack(paths: &[&'static str]) -> Vec<&'static str> {
    paths.to_vec()
}

#[test]
fn back_then_forward_leaves_the_shown_page_on_top() {
    let mut shown = stack(&["/a", "/b", "/c"]);
    assert!(after_popstate(&mut shown, &"/b"));
    assert_eq!(shown, ["/a", "/b"]);
    assert!(!after_popstate(&mut shown, &"/c"));
    assert_eq!(shown, ["/a", "/b", "/c"]);
}

#[test]
fn a_jump_of_two_entries_leaves_the_shown_page_on_top() {
    let mut shown = stack(&["/a", "/b", "/c"]);
    // history.go(-2): not the entry below the top, so not seen as Back.
    assert!(!after_popstate(&mut shown, &"/a"));
    assert_eq!(shown.last(), Some(&"/a"));
}

#[test]
fn back_past_the_first_entry_keeps_one_entry() {
    let mut shown = stack(&["/a"]);
    assert!(after_popstate(&mut shown, &"/before"));
    assert_eq!(shown, ["/before"]);
}

#[test]
fn any_walk_through_history_leaves_the_shown_page_on_top() {
    // Every walk of up to six Back/Forward steps over five entries.
    let entries = ["/1", "/2", "/3", "/4", "/5"];
    for walk in 0..(1u32 << 6) {
        let mut shown = entries.to_vec();
        let mut at = entries.len() - 1;
        for step in 0..6 {
            let back = walk & (1 << step) != 0;
            let to = if back {
                at.checked_sub(1)
            } else {
                Some(at + 1)
            };
            match to.filter(|to| *to < entries.len()) {
                Some(to) => at = to,
                None => continue, // no entry that way: no popstate
            }
            after_popstate(&mut shown, &entries[at]);
            assert_eq!(shown.last(), Some(&entries[at]), "walk {walk:06b}");
        }
    }
}
