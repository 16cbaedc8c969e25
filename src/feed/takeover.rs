//! The first poll on a page that already shows flashes when the app arrives: a
//! page `mivzak-render` published minutes or days ago. The flashes the live feed has gained since that page was
//! drawn must come in the way a poll's do (marked new, announced, inserted once
//! the app is on screen so scroll anchoring holds the reader's place), not all at
//! once inside the swap (issue 15). Pure: tested natively (`tests/suite/takeover.rs`).

use std::collections::HashSet;

use super::model::Article;
use crate::paths::route_segment;

/// How many of `items` (newest first, as `parse_feed` orders them) arrived after
/// the page on screen was drawn: the items before the first whose route segment
/// (`paths::route_segment` of its id) is among `shown`, the segments of the rows
/// on screen in `paths::canonical_segment`'s form. 0 when `shown` is empty or
/// none of it is in `items` (a page too old to compare with: the swap shows the
/// live feed as a first load does). An item that arrived further down the list
/// (a back-dated one) is not counted: it is drawn with the swap.
pub fn arrived_since(items: &[Article], shown: &HashSet<String>) -> usize {
    if shown.is_empty() {
        return 0;
    }
    items
        .iter()
        .position(|item| shown.contains(&route_segment(&item.id)))
        .unwrap_or(0)
}
