//! Dates: reading them as feeds write them (pure, chrono: [`parse_date_ms`] for
//! dates that name an instant, `feed_date.rs` for everything RSS, Atom and JSON
//! Feed generators write, zoneless dates and zone names included), the rules for
//! which day a time is labelled with and how long ago it was (pure, on civil
//! dates), and formatting in the site's zone: in the browser through its `Intl`, so
//! the wasm carries no tz data (`browser.rs`); natively, for the publish-time pages,
//! with chrono-tz and he-IL's data written out, giving the browser's very strings
//! (`native.rs`).
//!
//! The civil date of an instant (year, month, day in the site's `time_zone`) and a
//! zone's offset at an instant are the things the pure rules need from the zone;
//! the browser side reads both with `Intl.DateTimeFormat(…).formatToParts`.

use chrono::{DateTime, Datelike, NaiveDate};

mod feed_date;
pub use feed_date::{future_by_whole_hours, read_feed_date, FeedDate, FeedTime, TimeLabels};

/// Milliseconds since the epoch of a feed's date, or `None` when it cannot be read.
///
/// Accepted (each needs a zone offset, because a date without one names no instant):
/// - RFC 3339 and the ISO 8601 variants generators write:
///   `2024-12-27T14:02:00+02:00`, `…Z`, a lowercase `t` or `z`, a space instead of
///   `T`, fractional seconds of any length (`…14:02:00.123456+02:00`), no seconds
///   (`…T14:02+02:00`), an offset without its colon (`+0200`) or its minutes (`+02`),
///   `UTC` or `GMT` for `Z`, a space before the offset, and a zone abbreviation after
///   a numeric offset, which is ignored (Ruby's and Go's defaults:
///   `2024-12-27 14:02:00 +0200`, `2024-12-27 14:02:00 +0200 IST`);
/// - RFC 2822, as in feeds converted from RSS: `Fri, 27 Dec 2024 14:02:00 +0200`
///   (and its named zones, `GMT`, `EST` …).
///
/// Refused: a date without an offset (`2024-12-27T14:02:00`) or without a time
/// (`2024-12-27`), since reading it in some zone would show a time the publisher
/// never wrote; anything else. Out-of-range fields (month 13, 25:00, +24:00) are
/// refused by chrono. Leading and trailing white space is ignored.
///
/// This is the narrow rule the sitemaps and the publish manifest read back;
/// [`read_feed_date`] reads a superset
/// (RFC 822 dates as feeds write them, zone names such as `IST`, zoneless dates),
/// and every date this reads, it reads as the same instant
/// ([`FeedDate::Zoned`]'s `instant_ms`).
pub fn parse_date_ms(text: &str) -> Option<i64> {
    let text = text.trim();
    let rfc3339 = iso_as_rfc3339(text).or_else(|| rfc2822_as_rfc3339(text))?;
    DateTime::parse_from_rfc3339(&rfc3339)
        .ok()
        .map(|date| date.timestamp_millis())
}

/// Rewrites the ISO 8601 variants of [`parse_date_ms`] as strict RFC 3339
/// (`YYYY-MM-DDTHH:MM:SS[.f]±HH:MM`), or `None` when `text` is not one of them or
/// has no offset. Only the shape is checked here; chrono checks the ranges.
fn iso_as_rfc3339(text: &str) -> Option<String> {
    let (local, offset) = iso_parts(text)?;
    Some(local + &offset?)
}

/// The ISO 8601 variants of [`parse_date_ms`] in RFC 3339's pieces: the date and
/// time (`YYYY-MM-DDTHH:MM:SS[.f]`) and the offset (`±HH:MM`), `None` for the
/// offset when the text ends after its time (`2024-12-27T14:02:00`, which
/// [`read_feed_date`] reads as zoneless); `None` when `text` is none of them.
fn iso_parts(text: &str) -> Option<(String, Option<String>)> {
    let date = text.get(..10).filter(|date| shaped(date, "dddd-dd-dd"))?;
    let rest = text[10..].strip_prefix(['T', 't', ' '])?;
    let clock = rest.get(..5).filter(|clock| shaped(clock, "dd:dd"))?;
    let mut rest = &rest[5..];
    let mut seconds = ":00";
    let mut fraction = "";
    if let Some(s) = rest.get(..3).filter(|s| shaped(s, ":dd")) {
        seconds = s;
        rest = &rest[3..];
        if let Some(after_dot) = rest.strip_prefix('.') {
            let digits = after_dot.bytes().take_while(u8::is_ascii_digit).count();
            if digits == 0 {
                return None;
            }
            fraction = &rest[..=digits];
            rest = &rest[digits + 1..];
        }
    }
    let local = format!("{date}T{clock}{seconds}{fraction}");
    if rest.is_empty() {
        return Some((local, None));
    }
    let rest = rest.strip_prefix(' ').unwrap_or(rest);
    let (offset, numeric, rest) = offset(rest)?;
    let rest = match rest.strip_prefix(' ') {
        Some(abbreviation) if numeric && is_abbreviation(abbreviation) => "",
        _ => rest,
    };
    rest.is_empty().then_some((local, Some(offset)))
}

/// Rewrites an RFC 2822 date (`[Fri,] 27 Dec 2024 14:02[:00] +0200`, or with `GMT`,
/// `UT`, `Z` or a North American zone name: `EST`, `PDT` …) as RFC 3339, or `None`.
/// Written here rather than taken from chrono, whose RFC 2822 reader brings its
/// whole `strftime` parser into the wasm (4.5 KB brotli). The weekday is not checked
/// against the date; two-digit years and comments are not read.
fn rfc2822_as_rfc3339(text: &str) -> Option<String> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let mut words = text.split_ascii_whitespace().peekable();
    if let Some(weekday) = words.peek().and_then(|w| w.strip_suffix(',')) {
        if !DAYS.iter().any(|d| weekday.eq_ignore_ascii_case(d)) {
            return None;
        }
        words.next();
    }
    let (day, month, year, clock, zone) = (
        words.next()?,
        words.next()?,
        words.next()?,
        words.next()?,
        words.next()?,
    );
    if words.next().is_some() {
        return None;
    }
    let day = match day.len() {
        1 if shaped(day, "d") => format!("0{day}"),
        2 if shaped(day, "dd") => day.to_owned(),
        _ => return None,
    };
    let month = 1 + MONTHS.iter().position(|m| month.eq_ignore_ascii_case(m))?;
    if !shaped(year, "dddd") {
        return None;
    }
    let clock = match clock.len() {
        5 if shaped(clock, "dd:dd") => format!("{clock}:00"),
        8 if shaped(clock, "dd:dd:dd") => clock.to_owned(),
        _ => return None,
    };
    let offset = match zone.to_ascii_uppercase().as_str() {
        "GMT" | "UT" | "UTC" | "Z" => "+00:00".to_owned(),
        "EDT" => "-04:00".to_owned(),
        "EST" | "CDT" => "-05:00".to_owned(),
        "CST" | "MDT" => "-06:00".to_owned(),
        "MST" | "PDT" => "-07:00".to_owned(),
        "PST" => "-08:00".to_owned(),
        _ if zone.starts_with(['+', '-']) && shaped(&zone[1..], "dddd") => {
            format!("{}:{}", &zone[..3], &zone[3..])
        }
        _ => return None,
    };
    Some(format!("{year}-{month:02}-{day}T{clock}{offset}"))
}

/// `Z`, `z`, `UTC`, `GMT`, `±HH:MM`, `±HHMM` or `±HH`, as `±HH:MM`; whether it was
/// numeric; and what follows it.
fn offset(text: &str) -> Option<(String, bool, &str)> {
    for zulu in ["Z", "z", "UTC", "GMT"] {
        if let Some(rest) = text.strip_prefix(zulu) {
            return Some(("+00:00".to_owned(), false, rest));
        }
    }
    let sign = text.get(..1).filter(|s| *s == "+" || *s == "-")?;
    let hours = text.get(1..3).filter(|h| shaped(h, "dd"))?;
    let rest = &text[3..];
    let (minutes, rest) = if let Some(m) = rest.get(..3).filter(|m| shaped(m, ":dd")) {
        (&m[1..], &rest[3..])
    } else if let Some(m) = rest.get(..2).filter(|m| shaped(m, "dd")) {
        (m, &rest[2..])
    } else {
        ("00", rest)
    };
    Some((format!("{sign}{hours}:{minutes}"), true, rest))
}

/// A zone's abbreviation after its numeric offset: `IST`, `CEST`, or Go's `+03`.
fn is_abbreviation(text: &str) -> bool {
    let letters = (1..=6).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_alphabetic());
    let numeric = matches!(text.len(), 3 | 5)
        && (text.starts_with('+') || text.starts_with('-'))
        && text[1..].bytes().all(|b| b.is_ascii_digit());
    letters || numeric
}

/// True when `text` has the shape of `pattern`, where `d` is any ASCII digit.
fn shaped(text: &str, pattern: &str) -> bool {
    text.len() == pattern.len()
        && text.bytes().zip(pattern.bytes()).all(|(c, p)| match p {
            b'd' => c.is_ascii_digit(),
            _ => c == p,
        })
}

/// A date in the future (a clock skew, a typo) is shown as now.
pub fn clamp_to_now(ms: i64, now_ms: i64) -> i64 {
    ms.min(now_ms)
}

/// Sorts newest first among the places the dated items hold; an item whose date is
/// `None` keeps its index in feed order, never sent to the end. Equal dates keep
/// their feed order. This is the one ordering rule for a feed and for a poll's merge.
pub fn sort_dated_newest_first<T>(items: &mut Vec<T>, date: impl Fn(&T) -> Option<i64>) {
    let dated: Vec<usize> = (0..items.len())
        .filter(|&i| date(&items[i]).is_some())
        .collect();
    let mut newest_first = dated.clone();
    // Stable: equal dates keep the feed's order.
    newest_first.sort_by_key(|&i| std::cmp::Reverse(date(&items[i])));
    if newest_first == dated {
        return;
    }
    let mut taken: Vec<Option<T>> = std::mem::take(items).into_iter().map(Some).collect();
    let mut next_dated = newest_first.into_iter();
    let mut sorted = Vec::with_capacity(taken.len());
    for index in 0..taken.len() {
        let from = if dated.binary_search(&index).is_ok() {
            next_dated.next().unwrap_or(index)
        } else {
            index
        };
        sorted.extend(taken[from].take());
    }
    *items = sorted;
}

/// Which day a time is labelled with, beside its "HH:MM", from civil dates in the
/// site's zone (calendar days, never 24-hour buckets). The one rule for the flash
/// list, the marquee, the embed and the article list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DayLabel {
    /// Today (or a future date, which is shown as now): the time alone.
    Today,
    /// The civil day before today: "אתמול".
    Yesterday,
    /// Two to six days back: the weekday, "יום שלישי".
    Weekday,
    /// Earlier this calendar year: "24 בנובמבר".
    ThisYear,
    /// Before this calendar year: "24 בנובמבר 2025".
    WithYear,
}

/// The label for a time whose civil date is `day`, read on `today`.
pub fn day_label(day: NaiveDate, today: NaiveDate) -> DayLabel {
    match (today - day).num_days() {
        i64::MIN..=0 => DayLabel::Today,
        1 => DayLabel::Yesterday,
        2..=6 => DayLabel::Weekday,
        _ if day.year() == today.year() => DayLabel::ThisYear,
        _ => DayLabel::WithYear,
    }
}

/// How long ago, for `Intl.RelativeTimeFormat` ("לפני 5 דקות", "אתמול", "לפני שבועיים").
/// Negative values are in the past, as `Intl` expects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ago {
    /// Under a minute, the same day.
    Seconds(i64),
    Minutes(i64),
    Hours(i64),
    /// Civil days back, 1 to 6: -1 is "אתמול", -2 "שלשום".
    Days(i64),
    /// Weeks back (7 days or more, under a calendar month).
    Weeks(i64),
    /// Calendar months back, 1 to 11.
    Months(i64),
    /// A year or more back: the date itself is shown instead.
    OnDate,
}

/// How long before `now_ms` the instant `then_ms` was, counting calendar days in the
/// site's zone: `then_day` and `today` are the civil dates of the two instants there.
///
/// The same civil day gives seconds, minutes or hours of elapsed time (so 00:10 seen
/// at 07:00 is "6 hours ago", never "yesterday"); an earlier day gives days (1 to 6),
/// then weeks, then calendar months (a month back is the same day-of-month, or the
/// month's last, in the month before), and from twelve months on the date itself.
pub fn ago(then_ms: i64, now_ms: i64, then_day: NaiveDate, today: NaiveDate) -> Ago {
    let days = (today - then_day).num_days();
    if days <= 0 {
        let seconds = (now_ms - then_ms).max(0) / 1000;
        return if seconds < 60 {
            Ago::Seconds(-seconds)
        } else if seconds < 3600 {
            Ago::Minutes(-(seconds / 60))
        } else {
            Ago::Hours(-(seconds / 3600))
        };
    }
    if days < 7 {
        return Ago::Days(-days);
    }
    let mut months = i64::from(today.year() - then_day.year()) * 12 + i64::from(today.month())
        - i64::from(then_day.month());
    if today.day() < then_day.day() && !is_last_day_of_month(today) {
        months -= 1;
    }
    match months {
        i64::MIN..=0 => Ago::Weeks(-(days / 7)),
        1..=11 => Ago::Months(-months),
        _ => Ago::OnDate,
    }
}

fn is_last_day_of_month(day: NaiveDate) -> bool {
    day.succ_opt()
        .is_none_or(|next| next.month() != day.month())
}

/// The civil date of `ms` in UTC (1970-01-01 beyond chrono's range): the
/// fallback when the browser cannot say.
pub fn utc_date(ms: i64) -> NaiveDate {
    DateTime::from_timestamp_millis(ms)
        .map(|date| date.date_naive())
        .unwrap_or_default()
}

#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(target_arch = "wasm32")]
pub use browser::{
    civil_date, format_ago, format_clock, format_date_time, format_day, iso, now_ms,
    wall_to_instant_ms, zone_is_valid,
};

#[cfg(not(target_arch = "wasm32"))]
mod native;
#[cfg(not(target_arch = "wasm32"))]
pub use native::{
    civil_date, format_ago, format_clock, format_date_time, format_day, iso, now_ms,
    wall_to_instant_ms, zone_is_valid,
};

/// The farthest from the epoch a wall time may be for [`wall_to_instant_by`]: a
/// JavaScript `Date`'s range (ECMA-262, "Time Values and Time Range",
/// 8.64 × 10¹⁵ ms) less the two days it looks around, so that the browser, whose
/// `Intl` throws beyond that range, and the native side answer alike.
const WALL_RANGE_MS: i64 = 8_640_000_000_000_000 - 2 * 86_400_000;

/// The instant (ms since the epoch) at which a zone's clocks show `wall_ms` (the
/// wall time's digits read as if UTC), given `offset_ms_at(instant)`, the zone's
/// offset east of UTC in ms at an instant (`None` when it cannot be told). The one
/// rule for both `wall_to_instant_ms`, so the published page and the browser agree
/// to the millisecond, at the daylight-saving changes too:
///
/// - the zone's offsets a day before and a day after the wall time (read as UTC)
///   are the two it can have there (no zone changes its clocks twice in two days);
///   each gives a reading, `wall_ms − offset`, valid when the zone has that offset
///   at that instant;
/// - one valid reading: that one;
/// - both valid, in an overlap when the clocks go back (Israel's 01:30 on
///   27 October 2024, once in summer time, once in winter time): the earlier one,
///   the first time the clocks showed it;
/// - none valid, in a gap when the clocks go forward (02:30 on 29 March 2024 in
///   Israel, which the clocks skip): the reading with the offset before the gap, so
///   the time moves on by the gap's length (03:30 summer time). This is what the
///   browser's own `Date` does with a local time (ECMA-262's `UTC(t)`), and
///   Temporal's `"compatible"` disambiguation, which also looks one day either side.
///
/// `None` for a wall time beyond a `Date`'s range (less two days), or when an
/// offset cannot be told. Two to four calls of `offset_ms_at`: two when the offset
/// is the same on both sides.
fn wall_to_instant_by(wall_ms: i64, offset_ms_at: impl Fn(i64) -> Option<i64>) -> Option<i64> {
    const DAY_MS: i64 = 86_400_000;
    if !(-WALL_RANGE_MS..=WALL_RANGE_MS).contains(&wall_ms) {
        return None;
    }
    let before = offset_ms_at(wall_ms - DAY_MS)?;
    let after = offset_ms_at(wall_ms + DAY_MS)?;
    let with_before = wall_ms.checked_sub(before)?;
    if before == after {
        return Some(with_before);
    }
    let with_after = wall_ms.checked_sub(after)?;
    let valid = |instant: i64, offset: i64| offset_ms_at(instant) == Some(offset);
    match (valid(with_before, before), valid(with_after, after)) {
        (true, true) => Some(with_before.min(with_after)),
        (false, true) => Some(with_after),
        (true, false) | (false, false) => Some(with_before),
    }
}

/// The day beside a time, or `None` for today: [`day_label`] on the civil date of
/// `ms` in `zone` and `today` (the reader's today there, [`civil_date`] of now),
/// formatted by the browser: "אתמול", "יום שלישי", "24 בנובמבר", "24 בנובמבר 2025".
pub fn day_beside_time(ms: i64, today: NaiveDate, zone: &str) -> Option<String> {
    format_day(day_label(civil_date(ms, zone), today), ms, zone)
}

/// "לפני 5 דקות", "אתמול", "לפני שבועיים", or from a year back the date: [`ago`] on
/// the civil dates in `zone`, formatted by the browser.
pub fn relative(then_ms: i64, now_ms: i64, zone: &str) -> String {
    format_ago(ago_in(then_ms, now_ms, zone), then_ms, zone)
}

/// [`ago`] with the civil dates of both instants in `zone`.
pub fn ago_in(then_ms: i64, now_ms: i64, zone: &str) -> Ago {
    ago(
        then_ms,
        now_ms,
        civil_date(then_ms, zone),
        civil_date(now_ms, zone),
    )
}
