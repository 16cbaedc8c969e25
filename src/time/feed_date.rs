//! A feed's dates as generators really write them (RSS `pubDate`, `dc:date`, Atom
//! `published` and `updated`, JSON Feed `date_published`), with or without a zone,
//! and the rule that turns one into an instant: trust its zone label, or read its
//! digits in the feed's zone. Pure: the zone's rules come in as a function
//! ([`FeedTime::wall_to_instant`]), `crate::time::wall_to_instant_ms` natively
//! (chrono-tz) and in the browser (`Intl`).
//!
//! Written by hand on chrono's calendar, like [`super::parse_date_ms`], so that no
//! `strftime` parser reaches the wasm.

use chrono::{DateTime, NaiveDate};

use super::{is_abbreviation, iso_parts, shaped};

/// A feed's date, as read by [`read_feed_date`]. Both fields are milliseconds
/// since the epoch (1970-01-01T00:00:00Z).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FeedDate {
    /// The date names its zone (`+02:00`, `Z`, `GMT`, `IST` …).
    Zoned {
        /// The instant its offset or zone name gives.
        instant_ms: i64,
        /// Its written digits read as if UTC: `Fri, 27 Dec 2024 14:02:00 +0200`
        /// has the `wall_ms` of `2024-12-27T14:02:00Z`.
        wall_ms: i64,
    },
    /// The date names no zone, or one that is not known here (`XYZ`): only its
    /// written digits, read as if UTC.
    Zoneless {
        /// Its written digits read as if UTC.
        wall_ms: i64,
    },
}

/// Reads a feed's date, or `None` when it is not one of the forms below. Leading
/// and trailing white space is ignored; out-of-range fields (32 December, 25:00,
/// an offset of 24 hours or more) are refused; no input panics.
///
/// **ISO 8601 and RFC 3339** (JSON Feed, Atom, `dc:date`): every form
/// [`super::parse_date_ms`] reads, as [`FeedDate::Zoned`] at the same instant
/// (`2024-12-27T14:02:00+02:00`, `…Z`, a lowercase `t` or `z`, a space for `T`,
/// fractions of any length, no seconds, `+0200`, `+02`, `UTC` or `GMT` for `Z`, a
/// space before the offset, a zone abbreviation after a numeric offset, ignored;
/// `-00:00`, which RFC 3339 §4.3 makes UTC with the local zone unknown, is UTC).
/// The same without an offset (`2024-12-27T14:02:00`, `2024-12-27 14:02`,
/// `2024-12-27T14:02:00.123`) is [`FeedDate::Zoneless`].
///
/// A date alone (`2024-12-27`) is refused: read at 00:00 it would show a time the
/// publisher never wrote, and a day's first minute would sort a day's flashes
/// wrongly against the dated ones around them.
///
/// **RFC 822 §5 and RFC 2822 §3.3** (RSS `pubDate`), read as feeds really write
/// them, case ignored, white space of any length between the words:
/// - an optional weekday, abbreviated (`Fri`) or in full (`Friday`), with a comma
///   or without one, never checked against the date (`Tues`, `Thur` and `Thurs`
///   are taken too);
/// - the day in one or two digits (`6`, `06`, `27`);
/// - the month abbreviated (`Dec`, and `Sept`) or in full (`December`);
/// - the year in four digits, or in two or three as RFC 2822 §4.3 reads them
///   (`00`–`49` is 2000–2049, `50`–`99` 1950–1999, three digits add 1900:
///   `27 Dec 24` is 2024);
/// - the time, `HH:MM` or `HH:MM:SS`, the hour in one digit or two (no leap
///   second: `:60` is refused);
/// - the zone, optional:
///   - `+0300`, `+03:00` or `+03` (`-0000`, which RFC 2822 §3.3 makes UTC with the
///     local zone unknown, is UTC), which may be followed by an abbreviation,
///     ignored (`+0200 IST`);
///   - `GMT`, `UT`, `UTC`, `Z`: UTC;
///   - RFC 822's North American names: `EST` `EDT` `CST` `CDT` `MST` `MDT` `PST`
///     `PDT`, and `AKST` `AKDT` (−9, −8) and `HST` (−10);
///   - Israel's `IST` (+02:00) and `IDT` (+03:00), as Israeli feeds mean them
///     (India's `IST`, +05:30, and Ireland's are not read), `CET` (+01:00), `CEST`
///     (+02:00), `BST` (British Summer Time, +01:00) and `MSK` (+03:00);
///   - RFC 822's military letters, `A` to `I` and `K` to `Y`: RFC 2822 §4.3 says
///     their signs were implemented both ways and that they SHOULD be read as
///     `-0000`, which §3.3 makes UTC with the local zone unknown, so they are UTC
///     ([`FeedDate::Zoned`]), like `Z` (`J`, which is no zone in RFC 822, is an
///     unknown name);
///   - any other name of one to six letters (`XYZ`), an IANA name
///     (`Asia/Jerusalem`, PHP's `e`), or none: [`FeedDate::Zoneless`];
/// - trailing comments, nested or not (`(IST)`, `(Israel Daylight Time)`), which
///   are ignored, as RFC 2822 §3.2.3 allows them (not inside the date).
///
/// A date without a time (`27 Dec 2024`) is refused, as ISO's date alone is.
pub fn read_feed_date(text: &str) -> Option<FeedDate> {
    // Direction marks and zero-width characters pasted around a date say nothing.
    let visible: String = text
        .chars()
        .filter(|&c| !crate::char_class::is_invisible(c))
        .collect();
    let mut text = visible.trim();
    // Java's `ZonedDateTime` names its zone after the offset: `…+03:00[Asia/Jerusalem]`.
    if let Some(open) = text.strip_suffix(']').and_then(|t| t.rfind('[')) {
        text = text[..open].trim_end();
    }
    if let Some(date) = read_iso(text) {
        return Some(date);
    }
    // ISO with a zone name after it (`2024-12-29 14:02:00 IDT`, PHP's
    // `Y-m-d H:i:s e`): the name as RFC 822 dates read it.
    if let Some((iso, zone)) = text.rsplit_once(' ') {
        if let Some(FeedDate::Zoneless { wall_ms }) = read_iso(iso.trim_end()) {
            return Some(match named_offset_seconds(zone)? {
                Some(offset) => FeedDate::Zoned {
                    instant_ms: wall_ms - offset * 1000,
                    wall_ms,
                },
                None => FeedDate::Zoneless { wall_ms },
            });
        }
    }
    read_rfc822(text)
}

/// An ISO 8601 date as `iso_parts` shapes it.
fn read_iso(text: &str) -> Option<FeedDate> {
    let (local, offset) = iso_parts(text)?;
    let rfc3339 = format!("{local}{}", offset.as_deref().unwrap_or("+00:00"));
    let date = DateTime::parse_from_rfc3339(&rfc3339).ok()?;
    let wall_ms = date.naive_local().and_utc().timestamp_millis();
    Some(match offset {
        Some(_) => FeedDate::Zoned {
            instant_ms: date.timestamp_millis(),
            wall_ms,
        },
        None => FeedDate::Zoneless { wall_ms },
    })
}

/// Whether a feed's zone labels are believed (config's `feed_time_labels`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TimeLabels {
    /// `"trust"`, the default: a date's offset or zone name gives its instant.
    #[default]
    Trust,
    /// `"local"`: every date's digits are the feed zone's wall time, whatever
    /// zone it names, for feeds whose labels lie (Walla writes Israel's time
    /// with `GMT`).
    Local,
}

impl TimeLabels {
    /// `"trust"` or `"local"`, exactly; `None` for anything else.
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "trust" => Some(Self::Trust),
            "local" => Some(Self::Local),
            _ => None,
        }
    }
}

/// How a feed's dates become instants: the labels rule, and the feed's zone as a
/// function from a wall time (its digits read as if UTC, ms) to the instant
/// (ms since the epoch) at which the zone's clocks show it, or `None` when the
/// zone cannot tell. In the app,
/// `|wall| crate::time::wall_to_instant_ms(wall, config.feed_zone())`.
#[derive(Clone, Copy)]
pub struct FeedTime<'a> {
    /// Whether the dates' zone labels are believed.
    pub labels: TimeLabels,
    /// The feed's zone: wall time (ms, read as if UTC) to instant (ms).
    pub wall_to_instant: &'a dyn Fn(i64) -> Option<i64>,
}

impl FeedTime<'_> {
    /// The instant (ms since the epoch) of a feed's date `text`, or `None` when
    /// [`read_feed_date`] cannot read it or the zone cannot place its wall time:
    /// - a zoned date with [`TimeLabels::Trust`]: the instant its zone names;
    /// - a zoned date with [`TimeLabels::Local`]: its digits in the feed's zone,
    ///   the label ignored;
    /// - a zoneless date: its digits in the feed's zone.
    pub fn instant_ms(&self, text: &str) -> Option<i64> {
        match (read_feed_date(text)?, self.labels) {
            (FeedDate::Zoned { instant_ms, .. }, TimeLabels::Trust) => Some(instant_ms),
            (FeedDate::Zoned { wall_ms, .. }, TimeLabels::Local)
            | (FeedDate::Zoneless { wall_ms }, _) => (self.wall_to_instant)(wall_ms),
        }
    }
}

impl FeedTime<'static> {
    /// Trusted labels, and zoneless dates read as UTC: for tests, and for callers
    /// that know no zone.
    pub fn utc() -> FeedTime<'static> {
        FeedTime {
            labels: TimeLabels::Trust,
            wall_to_instant: &wall_as_utc,
        }
    }
}

fn wall_as_utc(wall_ms: i64) -> Option<i64> {
    Some(wall_ms)
}

/// How many whole hours, 1 to 14, a feed's newest item is ahead of now, when it is
/// (within five minutes either side of that many hours, so from 55 minutes ahead);
/// otherwise `None`. Both arguments are ms since the epoch.
///
/// A feed that writes its local time with a wrong zone label (Walla writes
/// Israel's time with `GMT`) puts its newest item that many hours in the future,
/// where a clock skew or a scheduled item would rarely land so close to a whole
/// hour: the caller warns once in the console that the feed's zone label probably
/// lies, and that `"feed_time_labels": "local"` reads it right.
pub fn future_by_whole_hours(newest_ms: i64, now_ms: i64) -> Option<i64> {
    const HOUR_MS: i64 = 3_600_000;
    const SLACK_MS: i64 = 5 * 60_000;
    let ahead = newest_ms.checked_sub(now_ms)?;
    if !(HOUR_MS - SLACK_MS..=14 * HOUR_MS + SLACK_MS).contains(&ahead) {
        return None;
    }
    let hours = (ahead + HOUR_MS / 2) / HOUR_MS;
    ((1..=14).contains(&hours) && (ahead - hours * HOUR_MS).abs() <= SLACK_MS).then_some(hours)
}

/// The most words an RFC 822 date has: weekday, comma, day, month, year, time,
/// offset and its abbreviation.
const MOST_WORDS: usize = 8;

/// An RFC 822 or 2822 date as [`read_feed_date`] describes it.
fn read_rfc822(text: &str) -> Option<FeedDate> {
    let words = words(without_trailing_comments(text)?)?;
    let mut rest = words.as_slice();
    if let [first, after @ ..] = rest {
        if is_weekday(first) {
            rest = after;
            if let [",", after @ ..] = rest {
                rest = after;
            }
        }
    }
    let ordered = in_rfc822_order(rest)?;
    let [day, month, year, clock, zone @ ..] = ordered.as_slice() else {
        return None;
    };
    // An offset written onto the time (`14:02:00+0200`).
    let (clock, attached) = match clock.find(['+', '-']) {
        Some(at) if at >= 4 => (&clock[..at], Some(&clock[at..])),
        _ => (*clock, None),
    };
    let mut zone: Vec<&str> = attached.into_iter().chain(zone.iter().copied()).collect();
    // A 12-hour clock (`2:02 PM`): not RFC 822, but written; read, not misread.
    let meridiem = match zone.first().map(|w| w.to_ascii_lowercase()) {
        Some(w) if w == "am" || w == "a.m." => Some(0),
        Some(w) if w == "pm" || w == "p.m." => Some(12),
        _ => None,
    };
    if meridiem.is_some() {
        zone.remove(0);
    }
    // `GMT+0200`, `UTC+02:00`: the offset is the zone.
    if let Some(first) = zone.first_mut() {
        for prefix in ["GMT", "UTC", "UT"] {
            if let Some(offset) = first
                .get(..prefix.len())
                .filter(|p| p.eq_ignore_ascii_case(prefix))
                .and_then(|_| first.get(prefix.len()..))
                .filter(|rest| rest.starts_with(['+', '-']))
            {
                *first = offset;
                break;
            }
        }
    }
    let day = digits(day, 1..=2)?;
    let month = month_number(month)?;
    let year = match year.len() {
        2 => match digits(year, 2..=2)? {
            short @ 0..=49 => 2000 + short,
            short => 1900 + short,
        },
        3 => 1900 + digits(year, 3..=3)?,
        _ => digits(year, 4..=4)?,
    };
    let (hour, minute, second) = match clock.split(':').collect::<Vec<_>>()[..] {
        [hour, minute] => (hour, minute, "00"),
        // Milliseconds, which some generators add, say nothing a flash shows.
        [hour, minute, second] => (
            hour,
            minute,
            second.split_once('.').map_or(second, |(s, _)| s),
        ),
        _ => return None,
    };
    let hour = match (digits(hour, 1..=2)?, meridiem) {
        (0 | 13.., Some(_)) => return None,
        (12, Some(base)) => base,
        (hour, Some(base)) => hour + base,
        (hour, None) => hour,
    };
    let wall_ms = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?
        .and_hms_opt(hour, digits(minute, 2..=2)?, digits(second, 2..=2)?)?
        .and_utc()
        .timestamp_millis();
    Some(match zone_offset_seconds(&zone)? {
        Some(offset) => FeedDate::Zoned {
            instant_ms: wall_ms - offset * 1000,
            wall_ms,
        },
        None => FeedDate::Zoneless { wall_ms },
    })
}

/// The words after the weekday as RFC 822 orders them (day, month, year, time,
/// zone), from the orders other generators write: RFC 850's `14-Jul-25`,
/// JavaScript's `Jul 14 2025 09:15:00 GMT+0300`, Unix `date`'s
/// `Jul 14 09:17:00 IDT 2025` and C's `asctime` (`Jul 14 09:16:00 2025`).
fn in_rfc822_order<'a>(words: &[&'a str]) -> Option<Vec<&'a str>> {
    let mut words: Vec<&'a str> = words.to_vec();
    if let Some(first) = words.first().copied() {
        if let [day, month, year] = first.split('-').collect::<Vec<_>>()[..] {
            if month_number(month).is_some() {
                words.splice(0..1, [day, month, year]);
            }
        }
    }
    let is_year = |w: &str| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit());
    if words.first().is_some_and(|w| month_number(w).is_some()) {
        match words.as_slice() {
            [month, day, year, clock, zone @ ..] if is_year(year) => {
                let mut ordered = vec![*day, *month, *year, *clock];
                ordered.extend_from_slice(zone);
                return Some(ordered);
            }
            [month, day, clock, zone @ .., year] if is_year(year) && clock.contains(':') => {
                let mut ordered = vec![*day, *month, *year, *clock];
                ordered.extend_from_slice(zone);
                return Some(ordered);
            }
            _ => return None,
        }
    }
    Some(words)
}

/// `text` without the comments that end it (`(IST)`, `(a (nested) one)`, with
/// RFC 2822's `\` quoting inside), or `None` when a comment is not closed or
/// something other than a comment follows one.
fn without_trailing_comments(text: &str) -> Option<&str> {
    let Some(start) = text.find('(') else {
        return Some(text);
    };
    let mut depth = 0_usize;
    let mut quoted = false;
    for c in text[start..].chars() {
        match c {
            _ if quoted => quoted = false,
            '\\' if depth > 0 => quoted = true,
            '(' => depth += 1,
            ')' => depth = depth.checked_sub(1)?,
            _ if depth == 0 && !c.is_whitespace() => return None,
            _ => {}
        }
    }
    (depth == 0).then(|| text[..start].trim_end())
}

/// The words of `text`, split at white space of any kind and length, with each
/// comma a word of its own (RFC 2822 allows white space around the weekday's
/// comma, or none); `None` beyond [`MOST_WORDS`].
fn words(text: &str) -> Option<Vec<&str>> {
    let mut words = Vec::new();
    for word in text.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        let mut rest = word;
        while let Some(comma) = rest.find(',') {
            words.extend([&rest[..comma], ","].into_iter().filter(|w| !w.is_empty()));
            rest = &rest[comma + 1..];
        }
        if !rest.is_empty() {
            words.push(rest);
        }
        if words.len() > MOST_WORDS {
            return None;
        }
    }
    Some(words)
}

/// The value of `text` when it is ASCII digits only, as many as `count` allows.
fn digits(text: &str, count: std::ops::RangeInclusive<usize>) -> Option<u32> {
    (count.contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

/// A weekday's name, abbreviated or in full, case ignored.
fn is_weekday(word: &str) -> bool {
    const WEEKDAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    WEEKDAYS
        .iter()
        .any(|day| word.eq_ignore_ascii_case(day) || word.eq_ignore_ascii_case(&day[..3]))
        || ["tues", "thur", "thurs"]
            .iter()
            .any(|day| word.eq_ignore_ascii_case(day))
}

/// 1 to 12 for a month's name, abbreviated or in full, case ignored.
fn month_number(word: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let position = MONTHS
        .iter()
        .position(|month| {
            word.eq_ignore_ascii_case(month) || word.eq_ignore_ascii_case(&month[..3])
        })
        .or_else(|| word.eq_ignore_ascii_case("sept").then_some(8))?;
    u32::try_from(position + 1).ok()
}

/// The zone words after the time: `Some(Some(seconds east of UTC))`, `Some(None)`
/// for no zone or an unknown name, `None` for anything that is no zone.
fn zone_offset_seconds(words: &[&str]) -> Option<Option<i64>> {
    match words {
        [] => Some(None),
        [numeric, rest @ ..] if numeric.starts_with(['+', '-']) => {
            let offset = numeric_offset_seconds(numeric)?;
            match rest {
                [] => Some(Some(offset)),
                [abbreviation] if is_abbreviation(abbreviation) => Some(Some(offset)),
                _ => None,
            }
        }
        [name] => named_offset_seconds(name),
        _ => None,
    }
}

/// `±HHMM`, `±HH:MM` or `±HH` in seconds east of UTC, hours 0 to 23 and minutes 0
/// to 59.
fn numeric_offset_seconds(word: &str) -> Option<i64> {
    let (sign, rest) = match word.as_bytes().first()? {
        b'+' => (1, &word[1..]),
        b'-' => (-1, &word[1..]),
        _ => return None,
    };
    let (hours, minutes) = if shaped(rest, "dddd") {
        (&rest[..2], &rest[2..])
    } else if shaped(rest, "dd:dd") {
        (&rest[..2], &rest[3..])
    } else if shaped(rest, "dd") {
        (rest, "00")
    } else {
        return None;
    };
    let (hours, minutes) = (
        i64::from(digits(hours, 2..=2)?),
        i64::from(digits(minutes, 2..=2)?),
    );
    (hours <= 23 && minutes <= 59).then_some(sign * (hours * 3600 + minutes * 60))
}

/// A zone name's offset in seconds east of UTC: `Some(Some(…))` for the names of
/// [`read_feed_date`], `Some(None)` for another name of one to six ASCII letters,
/// `None` for a word that is not a name.
fn named_offset_seconds(name: &str) -> Option<Option<i64>> {
    const HOUR: i64 = 3600;
    const NAMES: [(&str, i64); 21] = [
        ("GMT", 0),
        ("UT", 0),
        ("UTC", 0),
        ("Z", 0),
        ("EST", -5 * HOUR),
        ("EDT", -4 * HOUR),
        ("CST", -6 * HOUR),
        ("CDT", -5 * HOUR),
        ("MST", -7 * HOUR),
        ("MDT", -6 * HOUR),
        ("PST", -8 * HOUR),
        ("PDT", -7 * HOUR),
        ("AKST", -9 * HOUR),
        ("AKDT", -8 * HOUR),
        ("HST", -10 * HOUR),
        ("IST", 2 * HOUR),
        ("IDT", 3 * HOUR),
        ("CET", HOUR),
        ("CEST", 2 * HOUR),
        ("BST", HOUR),
        ("MSK", 3 * HOUR),
    ];
    // An IANA name (`Asia/Jerusalem`, as PHP's date format `e` writes it) is read
    // as no zone: in the feed's zone, which is the site's own in every case met.
    let iana = name.contains('/')
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'/' | b'_' | b'-' | b'+'));
    if iana {
        return Some(None);
    }
    if !(1..=6).contains(&name.len()) || !name.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    if let Some((_, offset)) = NAMES
        .iter()
        .find(|(known, _)| name.eq_ignore_ascii_case(known))
    {
        return Some(Some(*offset));
    }
    // RFC 822's military zones other than Z (J is none), read as -0000: UTC.
    let military = name.len() == 1 && !name.eq_ignore_ascii_case("j");
    Some(military.then_some(0))
}
