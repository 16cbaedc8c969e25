//! What the ticker's polite live region says when a poll brings flashes: the
//! one rule for the site's ticker and the embed (both draw `components::ticker`).
//!
//! A few flashes are read one by one, as they always were. More than
//! [`READ_EACH_UP_TO`] at once (a feed that was down, a tab woken after an hour)
//! are summed up: how many, and one headline. Reading all of them would queue
//! minutes of speech (40 headlines came to 1,382 characters, most of them not
//! on screen) ahead of everything else the reader does.

use crate::ticker_text::TickerText;

/// The most flashes of one poll that are still read one by one. Three headlines
/// (about 60 characters each, some 15 seconds of speech at a screen reader's
/// usual rate) is what a reader can take in and keep apart by ear, and what a
/// ticker shows together without scrolling on a phone; a fourth makes the
/// announcement longer than the reader waits for, so from four on it is a summary.
pub const READ_EACH_UP_TO: usize = 3;

/// One flash a poll brought, as the announcement needs it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Arrival<'a> {
    /// The headline, whole, as the feed gives it.
    pub title: &'a str,
    /// Urgent (`feed::urgency::is_urgent`): named first, and as urgent.
    pub urgent: bool,
}

/// The live region's text for `arrivals`, in list order (newest first).
///
/// - none: `""` (the region says nothing);
/// - up to [`READ_EACH_UP_TO`]: each headline after `text.announce` (after
///   `text.announce_urgent` when urgent), joined by ". " ("מבזק דחוף: U. מבזק
///   חדש: A");
/// - more: the count and one headline: "40 מבזקים חדשים. האחרון: A", the
///   first urgent one instead of the newest when there is one ("…. דחוף: U").
///
/// Urgent flashes come first in either form (a stable order otherwise). A
/// headline is never cut, reordered or wrapped in direction marks: a screen
/// reader reads it in its own language and direction, and the visually hidden
/// region draws it nowhere.
pub fn announcement(arrivals: &[Arrival<'_>], text: &TickerText) -> String {
    // Urgent first; among the urgent, and among the others, newest first still.
    // Two passes, not a sort: a stable sort would add its own code to the wasm.
    let ordered: Vec<&Arrival> = arrivals
        .iter()
        .filter(|arrival| arrival.urgent)
        .chain(arrivals.iter().filter(|arrival| !arrival.urgent))
        .collect();
    match ordered.as_slice() {
        [] => String::new(),
        few if few.len() <= READ_EACH_UP_TO => few
            .iter()
            .map(|arrival| {
                let label = if arrival.urgent {
                    text.announce_urgent
                } else {
                    text.announce
                };
                format!("{label}: {}", arrival.title)
            })
            .collect::<Vec<_>>()
            .join(". "),
        [first, ..] => {
            let label = if first.urgent {
                text.urgent
            } else {
                text.newest
            };
            format!(
                "{}. {label}: {}",
                count_phrase(ordered.len(), text),
                first.title
            )
        }
    }
}

/// "מבזק חדש" for one flash, "N מבזקים חדשים" for more (Hebrew puts the
/// number before the plural noun and no "אחד" after a lone one here).
pub fn count_phrase(count: usize, text: &TickerText) -> String {
    if count == 1 {
        text.announce.to_owned()
    } else {
        format!("{count} {}", text.many_new)
    }
}
