//! Mivzak's patch (vendor/README.md): the path stack's rule on `popstate`,
//! generic and without imports, so that the app's native suite includes this
//! file (`tests/suite/router_history.rs`) and tests it without building the
//! router.

/// What a `popstate` to `new_url` does to the path stack (the URLs this tab's
/// router has shown, oldest first), and whether it was a move back. Back to
/// the entry below the top pops the top, as upstream did. Any other move
/// (Forward, a jump of more than one entry, Back past the first entry the
/// router saw) now leaves `new_url` on top, so the stack's top is always the
/// URL shown. Upstream left the stack as it was on Forward: after Back and
/// Forward its top was the page before, and a link to that page then changed
/// the page but not the address bar (leptos-rs/leptos#4324's family).
pub fn after_popstate<T>(stack: &mut Vec<T>, new_url: &T) -> bool
where
    T: PartialEq + Clone,
{
    let below_top = stack.len().checked_sub(2).and_then(|i| stack.get(i));
    let is_navigating_back = stack.len() == 1 || below_top == Some(new_url);
    if is_navigating_back {
        stack.pop();
    }
    if stack.last() != Some(new_url) {
        stack.push(new_url.clone());
    }
    is_navigating_back
}
