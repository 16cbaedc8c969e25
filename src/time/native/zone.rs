//! The site's zone natively: the names the browser's `Intl.DateTimeFormat`
//! accepts as a `timeZone`, and the zone's offset from UTC at any instant a `Date`
//! holds, as ICU computes it (Chromium 156, ICU 78).

use std::str::FromStr;

use chrono::{Offset, TimeZone};
use chrono_tz::{Tz, TZ_VARIANTS};

use super::calendar::{civil_from_days, days_from_civil, is_leap, weekday, DAY_MS};

/// A zone `Intl` accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Zone {
    /// A zone or link of the tz database (chrono-tz's copy).
    Tz(Tz),
    /// A UTC offset given as the zone's name ("+02:00"), in seconds east of UTC.
    Offset(i64),
}

/// The names ICU adds to the tz database's, which V8 accepts as any other, and
/// the zone each one links to (ICU's `icu4c/source/tools/tzcode/icuzones`):
/// three-letter names from Java 1.1 (`timeZone: "IST"` is India, not Israel), and
/// links the tz database has since dropped. ICU's `SystemV/…` zones, which no site
/// would name, are left out: natively they are unknown and fall back.
const ICU_ONLY_NAMES: [(&str, Tz); 27] = [
    ("ACT", Tz::Australia__Darwin),
    ("AET", Tz::Australia__Sydney),
    ("AGT", Tz::America__Argentina__Buenos_Aires),
    ("ART", Tz::Africa__Cairo),
    ("AST", Tz::America__Anchorage),
    ("BET", Tz::America__Sao_Paulo),
    ("BST", Tz::Asia__Dhaka),
    ("CAT", Tz::Africa__Maputo),
    ("CNT", Tz::America__St_Johns),
    ("CST", Tz::America__Chicago),
    ("CTT", Tz::Asia__Shanghai),
    ("EAT", Tz::Africa__Addis_Ababa),
    ("ECT", Tz::Europe__Paris),
    ("IET", Tz::America__Indiana__Indianapolis),
    ("IST", Tz::Asia__Kolkata),
    ("JST", Tz::Asia__Tokyo),
    ("MIT", Tz::Pacific__Apia),
    ("NET", Tz::Asia__Yerevan),
    ("NST", Tz::Pacific__Auckland),
    ("PLT", Tz::Asia__Karachi),
    ("PNT", Tz::America__Phoenix),
    ("PRT", Tz::America__Puerto_Rico),
    ("PST", Tz::America__Los_Angeles),
    ("SST", Tz::Pacific__Guadalcanal),
    ("VST", Tz::Asia__Ho_Chi_Minh),
    ("Canada/East-Saskatchewan", Tz::America__Regina),
    ("US/Pacific-New", Tz::America__Los_Angeles),
];

impl Zone {
    /// The zone `name` names for `Intl`, or `None` where `Intl` throws a
    /// `RangeError`:
    /// - a tz database name or link, ASCII case ignored ("asia/jerusalem",
    ///   "Israel", "US/Eastern", "Etc/GMT-14", "UTC"), as ECMA-262's
    ///   `GetAvailableNamedTimeZoneIdentifier` matches them;
    /// - the names only ICU has ([`ICU_ONLY_NAMES`]), case ignored;
    /// - a UTC offset, `±HH`, `±HHMM` or `±HH:MM` (hours to 23; ECMA-262's
    ///   `IsTimeZoneOffsetString`), which ECMA-402 has come to accept and
    ///   Chromium does (node 20 does not); Chromium also takes U+2212 MINUS SIGN
    ///   for the sign.
    ///
    /// Nothing is trimmed: " Asia/Jerusalem" is refused, as the browser refuses it.
    pub fn named(name: &str) -> Option<Self> {
        if let Ok(tz) = Tz::from_str(name) {
            return Some(Self::Tz(tz));
        }
        if let Some(seconds) = utc_offset(name) {
            return Some(Self::Offset(seconds));
        }
        TZ_VARIANTS
            .iter()
            .find(|tz| tz.name().eq_ignore_ascii_case(name))
            .or_else(|| {
                ICU_ONLY_NAMES
                    .iter()
                    .find(|(icu, _)| icu.eq_ignore_ascii_case(name))
                    .map(|(_, tz)| tz)
            })
            .map(|tz| Self::Tz(*tz))
    }

    /// Seconds east of UTC at `ms` (milliseconds since the epoch, any instant a
    /// `Date` holds). Before a zone's first change it is the zone's local mean
    /// time, to the second (Jerusalem +2:20:54), as in ICU.
    pub fn offset_seconds(self, ms: i64) -> i64 {
        match self {
            Self::Offset(seconds) => seconds,
            Self::Tz(tz) => tz_offset_seconds(tz, ms),
        }
    }
}

/// chrono-tz lists each zone's changes up to 2099 and keeps the last offset after
/// that, where ICU goes on applying the zone's standing rule (Jerusalem still has
/// summer time in 2150). A standing rule is a yearly one ("the Friday before the
/// last Sunday of March"), so it falls on the same days in any two years that are
/// alike (both leap or both common, starting on the same weekday): a later
/// instant is read at its date and time in the alike year of 2072 to 2099, a span
/// with no century year in which every kind of year occurs.
const LAST_LISTED_YEAR: i64 = 2099;
const ALIKE_YEARS: std::ops::RangeInclusive<i64> = 2072..=2099;

/// Before this year (1000 CE) every zone is on local mean time; earlier
/// instants, which chrono cannot hold, are read there.
const EARLIEST_READ_MS: i64 = -30_610_224_000_000;

fn tz_offset_seconds(tz: Tz, ms: i64) -> i64 {
    let (year, month, day) = civil_from_days(ms.div_euclid(DAY_MS));
    if year <= LAST_LISTED_YEAR {
        return listed_offset(tz, ms.max(EARLIEST_READ_MS));
    }
    let last_of_list = days_from_civil(LAST_LISTED_YEAR + 1, 1, 1) * DAY_MS - 1;
    let mid_winter = days_from_civil(LAST_LISTED_YEAR, 1, 15) * DAY_MS;
    let mid_summer = days_from_civil(LAST_LISTED_YEAR, 7, 15) * DAY_MS;
    if listed_offset(tz, mid_winter) == listed_offset(tz, mid_summer) {
        // No yearly change by then (Casablanca's listed ones end in 2087).
        return listed_offset(tz, last_of_list);
    }
    let first_weekday = weekday(days_from_civil(year, 1, 1));
    let alike = ALIKE_YEARS
        .clone()
        .find(|&y| {
            is_leap(y) == is_leap(year) && weekday(days_from_civil(y, 1, 1)) == first_weekday
        })
        .unwrap_or(LAST_LISTED_YEAR);
    listed_offset(
        tz,
        days_from_civil(alike, month, day) * DAY_MS + ms.rem_euclid(DAY_MS),
    )
}

/// The offset chrono-tz lists at `ms`, which must lie in chrono's range.
fn listed_offset(tz: Tz, ms: i64) -> i64 {
    let Some(utc) = chrono::DateTime::from_timestamp_millis(ms) else {
        return 0;
    };
    i64::from(
        tz.offset_from_utc_datetime(&utc.naive_utc())
            .fix()
            .local_minus_utc(),
    )
}

/// `±HH`, `±HHMM` or `±HH:MM` as seconds east of UTC (ECMA-262's
/// `UTCOffset[~SubMinutePrecision]`, hours 00 to 23, minutes 00 to 59), or `None`.
fn utc_offset(name: &str) -> Option<i64> {
    let (sign, rest) = if let Some(rest) = name.strip_prefix('+') {
        (1, rest)
    } else if let Some(rest) = name.strip_prefix(['-', '\u{2212}']) {
        (-1, rest)
    } else {
        return None;
    };
    // Byte positions below are characters only in ASCII.
    if !rest.is_ascii() {
        return None;
    }
    let digits = |text: &str| {
        (text.len() == 2 && text.bytes().all(|b| b.is_ascii_digit()))
            .then(|| text.parse::<i64>().ok())
            .flatten()
    };
    let (hours, minutes) = match rest.len() {
        2 => (digits(rest)?, 0),
        4 => (digits(&rest[..2])?, digits(&rest[2..])?),
        5 if rest.as_bytes()[2] == b':' => (digits(&rest[..2])?, digits(&rest[3..])?),
        _ => return None,
    };
    (hours <= 23 && minutes <= 59).then_some(sign * (hours * 3600 + minutes * 60))
}
