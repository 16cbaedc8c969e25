//! Formatting natively, for the publish-time pages (`mivzak-render`): the same
//! strings `browser.rs` gets from the browser's `Intl` in locale he-IL, for every
//! zone and every instant a JavaScript `Date` holds, so that nothing a reader sees
//! changes when the app takes over a rendered page.
//!
//! The browser the strings are held to is Chromium 156 (ICU 78, CLDR 48):
//! `tests/suite/native_time.rs` compares them with a fixture that node's `Intl`, on the
//! same ICU, wrote (`tests/fixtures/intl-he/generate.mjs`). Zone rules are
//! chrono-tz's copy of the tz database (2025b); a browser with a newer copy can
//! differ where a country has changed its clocks since (Chromium 156 has
//! Casablanca on UTC+0 from September 2026). Engines with other ICU data differ
//! from it and from each other: Firefox ESR 153 writes "לפני דקה" where Chromium
//! writes "לפני דקה (1)".
//!
//! - `zone`: which names `Intl` accepts, and a zone's offset at an instant.
//! - `calendar`: the proleptic Gregorian calendar over a `Date`'s whole range.
//! - `hebrew`: he-IL's names and patterns, and relative times.

mod calendar;
mod hebrew;
mod zone;

use chrono::NaiveDate;

use self::calendar::{civil_from_days, WallTime, DAY_MS, MAX_DATE_MS};
use self::hebrew::Unit;
use self::zone::Zone;
use super::{Ago, DayLabel};

/// The zone `browser.rs` formats in when the browser refuses the site's.
const FALLBACK_ZONE: Zone = Zone::Tz(chrono_tz::Asia::Jerusalem);

/// The wall time of `ms` in `zone` (the fallback zone when `Intl` would refuse
/// `zone`), or `None` when `ms` is beyond what a `Date` holds, where `Intl`
/// throws and `browser.rs` shows "".
fn wall_time(ms: i64, zone: &str) -> Option<WallTime> {
    if !(-MAX_DATE_MS..=MAX_DATE_MS).contains(&ms) {
        return None;
    }
    let zone = Zone::named(zone).unwrap_or(FALLBACK_ZONE);
    Some(WallTime::at(ms, zone.offset_seconds(ms)))
}

/// "14:02": the time of `ms` (milliseconds since the epoch) in `zone` (an IANA
/// name), 24-hour; "" beyond a `Date`'s range.
pub fn format_clock(ms: i64, zone: &str) -> String {
    wall_time(ms, zone)
        .map(|time| hebrew::clock(&time))
        .unwrap_or_default()
}

/// "27 בדצמבר 2024 בשעה 14:02" in `zone`; "" beyond a `Date`'s range.
pub fn format_date_time(ms: i64, zone: &str) -> String {
    wall_time(ms, zone)
        .map(|time| hebrew::date_and_clock(&time))
        .unwrap_or_default()
}

/// The civil date of `ms` in `zone` as `browser.rs` reads it from
/// `formatToParts`: its year is the era's, so 1 BCE reads as year 1 (and a
/// 29 February there, in no year 1, as the UTC date). The UTC date where `Intl`
/// cannot say: beyond a `Date`'s range, or a year chrono cannot hold.
pub fn civil_date(ms: i64, zone: &str) -> NaiveDate {
    wall_time(ms, zone)
        .and_then(|time| {
            let year = i32::try_from(calendar::year_of_era(time.year)).ok()?;
            NaiveDate::from_ymd_opt(year, time.month, time.day)
        })
        .unwrap_or_else(|| super::utc_date(ms))
}

/// The day beside a time for `label`, of `ms` in `zone`: `None` for today,
/// "אתמול", "יום שלישי", "24 בנובמבר", "24 בנובמבר 2025" ("" for the last three
/// beyond a `Date`'s range).
pub fn format_day(label: DayLabel, ms: i64, zone: &str) -> Option<String> {
    let date = |format: fn(&WallTime) -> String| {
        wall_time(ms, zone)
            .map(|time| format(&time))
            .unwrap_or_default()
    };
    Some(match label {
        DayLabel::Today => return None,
        DayLabel::Yesterday => hebrew::relative(-1, Unit::Day, true),
        DayLabel::Weekday => date(|time| hebrew::weekday(time).to_owned()),
        DayLabel::ThisYear => date(hebrew::day_and_month),
        DayLabel::WithYear => date(hebrew::date),
    })
}

/// "בדקה זו", "לפני 5 דקות", "אתמול", "שלשום", "לפני שבועיים (2)", "לפני 3
/// חודשים"; for [`Ago::OnDate`], the date of `then_ms` in `zone`:
/// "24 בנובמבר 2025". Seconds read as this minute; minutes, hours and days with
/// `numeric: "auto"`, weeks and months with `"always"`, as `browser.rs` asks.
pub fn format_ago(ago: Ago, then_ms: i64, zone: &str) -> String {
    match ago {
        Ago::Seconds(_) => hebrew::relative(0, Unit::Minute, true),
        Ago::Minutes(m) => hebrew::relative(m, Unit::Minute, true),
        Ago::Hours(h) => hebrew::relative(h, Unit::Hour, true),
        Ago::Days(d) => hebrew::relative(d, Unit::Day, true),
        Ago::Weeks(w) => hebrew::relative(w, Unit::Week, false),
        Ago::Months(m) => hebrew::relative(m, Unit::Month, false),
        Ago::OnDate => format_day(DayLabel::WithYear, then_ms, zone).unwrap_or_default(),
    }
}

/// True when the browser's `Intl` accepts `zone` as a `timeZone` (see
/// [`Zone::named`]).
pub fn zone_is_valid(zone: &str) -> bool {
    Zone::named(zone).is_some()
}

/// The instant (ms since the epoch) at which the clocks of `zone` (an IANA name,
/// or any name [`Zone::named`] takes) show `wall_ms`, a wall time's digits read as
/// if UTC: how a feed's zoneless date is read in the feed's zone. chrono-tz gives
/// the offsets, as ICU does (`zone.rs`), and the rule is `browser.rs`'s, so a
/// published page and the browser agree: in an overlap, when the clocks go back,
/// the earlier of the two readings; in a gap, when they go forward, the reading
/// with the offset before it, later by the gap's length (see
/// `super::wall_to_instant_by`). `None` for a zone `Intl` would refuse, or a wall
/// time beyond a `Date`'s range.
pub fn wall_to_instant_ms(wall_ms: i64, zone: &str) -> Option<i64> {
    let zone = Zone::named(zone)?;
    super::wall_to_instant_by(wall_ms, |ms| Some(zone.offset_seconds(ms) * 1000))
}

/// The `datetime` attribute of a `<time>`, as `Date.prototype.toISOString`
/// writes it (ECMA-262, "Date Time String Format"): "2024-12-27T12:02:00.000Z",
/// and for a year outside 0 to 9999 six digits and a sign: "+010000-01-01…",
/// "-000001-01-01…". Beyond a `Date`'s range, where `toISOString` throws, "".
pub fn iso(ms: i64) -> String {
    if !(-MAX_DATE_MS..=MAX_DATE_MS).contains(&ms) {
        return String::new();
    }
    let (year, month, day) = civil_from_days(ms.div_euclid(DAY_MS));
    let within_day = ms.rem_euclid(DAY_MS);
    let year = if (0..=9999).contains(&year) {
        format!("{year:04}")
    } else {
        format!("{}{:06}", if year < 0 { '-' } else { '+' }, year.abs())
    };
    format!(
        "{year}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        within_day / 3_600_000,
        within_day / 60_000 % 60,
        within_day / 1000 % 60,
        within_day % 1000
    )
}

/// `Date.now()`: whole milliseconds since the epoch on the system clock (rounded
/// down, before 1970 too).
pub fn now_ms() -> i64 {
    use std::time::{SystemTime, UNIX_EPOCH};
    match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(since) => i64::try_from(since.as_millis()).unwrap_or(i64::MAX),
        Err(before) => {
            let before = before.duration();
            let ms = before.as_millis() + u128::from(before.subsec_nanos() % 1_000_000 != 0);
            i64::try_from(ms).map_or(i64::MIN, |ms| -ms)
        }
    }
}
