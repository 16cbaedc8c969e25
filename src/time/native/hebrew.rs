//! The words and patterns of locale he-IL as ICU 78 (CLDR 48) gives them to the
//! browser's `Intl`: month and weekday names, the date patterns of the option sets
//! in `browser.rs`, and relative times with Hebrew's plural forms. Every string was
//! read from `Intl` (tests/fixtures/intl-he/generate.mjs), none written from
//! memory; none carries an invisible mark.

use super::calendar::{year_of_era, WallTime};

/// CLDR `months/format/wide`, January first: after the `ב` of "27 בדצמבר".
const MONTHS: [&str; 12] = [
    "ינואר",
    "פברואר",
    "מרץ",
    "אפריל",
    "מאי",
    "יוני",
    "יולי",
    "אוגוסט",
    "ספטמבר",
    "אוקטובר",
    "נובמבר",
    "דצמבר",
];

/// CLDR `days/format/wide`, Sunday first (`weekday: "long"`).
const WEEKDAYS: [&str; 7] = [
    "יום ראשון",
    "יום שני",
    "יום שלישי",
    "יום רביעי",
    "יום חמישי",
    "יום שישי",
    "יום שבת",
];

/// "14:02": `hour: "2-digit", minute: "2-digit", hourCycle: "h23"` (pattern `HH:mm`).
pub fn clock(time: &WallTime) -> String {
    format!("{:02}:{:02}", time.hour, time.minute)
}

/// "27 בדצמבר": `day: "numeric", month: "long"` (pattern `d בMMMM`).
pub fn day_and_month(time: &WallTime) -> String {
    format!("{} ב{}", time.day, MONTHS[month_index(time)])
}

/// "27 בדצמבר 2024": with `year: "numeric"` (pattern `d בMMMM y`). The year is
/// the era's, without the era ([`year_of_era`]), and never padded: "1 בינואר 5".
pub fn date(time: &WallTime) -> String {
    format!("{} {}", day_and_month(time), year_of_era(time.year))
}

/// "27 בדצמבר 2024 בשעה 14:02": the date and the clock joined by CLDR's long
/// `dateTimeFormat-atTime`, `{1} בשעה {0}` (older ICU data joined them with ", ").
pub fn date_and_clock(time: &WallTime) -> String {
    format!("{} בשעה {}", date(time), clock(time))
}

/// "יום שישי": `weekday: "long"` (pattern `EEEE`).
pub fn weekday(time: &WallTime) -> &'static str {
    WEEKDAYS[time.weekday % 7]
}

fn month_index(time: &WallTime) -> usize {
    usize::try_from(time.month.clamp(1, 12) - 1).unwrap_or(0)
}

/// The units `browser.rs` formats relative times in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Minute,
    Hour,
    Day,
    Week,
    Month,
}

/// CLDR `fields/<unit>/relativeTime` patterns of one direction, by the plural
/// category of the count: one, two, other. ICU 78's data puts the count in the
/// singular and dual forms too: "לפני דקה (1)", "לפני שעתיים (2)".
struct Patterns {
    one: &'static str,
    two: &'static str,
    other: &'static str,
}

/// The past ("לפני …") and future ("בעוד …") patterns of a unit.
fn patterns(unit: Unit, past: bool) -> Patterns {
    let (one, two, other) = match (unit, past) {
        (Unit::Minute, true) => ("לפני דקה ({0})", "לפני {0} דקות", "לפני {0} דקות"),
        (Unit::Minute, false) => ("בעוד דקה ({0})", "בעוד {0} דקות", "בעוד {0} דקות"),
        (Unit::Hour, true) => ("לפני שעה ({0})", "לפני שעתיים ({0})", "לפני {0} שעות"),
        (Unit::Hour, false) => ("בעוד שעה ({0})", "בעוד שעתיים ({0})", "בעוד {0} שעות"),
        (Unit::Day, true) => ("לפני יום אחד ({0})", "לפני יומיים ({0})", "לפני {0} ימים"),
        (Unit::Day, false) => ("בעוד יום ({0})", "בעוד יומיים ({0})", "בעוד {0} ימים"),
        (Unit::Week, true) => ("לפני שבוע ({0})", "לפני שבועיים ({0})", "לפני {0} שבועות"),
        (Unit::Week, false) => ("בעוד שבוע ({0})", "בעוד שבועיים ({0})", "בעוד {0} שבועות"),
        (Unit::Month, true) => ("לפני חודש ({0})", "לפני חודשיים ({0})", "לפני {0} חודשים"),
        (Unit::Month, false) => ("בעוד חודש ({0})", "בעוד חודשיים ({0})", "בעוד {0} חודשים"),
    };
    Patterns { one, two, other }
}

/// CLDR's `relative-type-<n>` words that `numeric: "auto"` uses instead of a
/// count. Only minutes, hours and days are ever formatted with "auto" (weeks
/// and months are always numeric in `browser.rs`, so "השבוע שעבר" never shows).
fn word(unit: Unit, value: i64) -> Option<&'static str> {
    Some(match (unit, value) {
        (Unit::Minute, 0) => "בדקה זו",
        (Unit::Hour, 0) => "בשעה זו",
        (Unit::Day, -2) => "שלשום",
        (Unit::Day, -1) => "אתמול",
        (Unit::Day, 0) => "היום",
        (Unit::Day, 1) => "מחר",
        (Unit::Day, 2) => "מחרתיים",
        _ => return None,
    })
}

/// `new Intl.RelativeTimeFormat("he-IL", { numeric }).format(value, unit)`, with
/// `numeric: "auto"` when `auto`: "לפני 5 דקות", "בעוד 3 ימים", "אתמול".
///
/// As in ICU: a negative count is in the past and zero in the future ("בעוד 0
/// שבועות"); the count is the `f64` JavaScript passes (so an `i64` beyond 2^53
/// is rounded), and the category and digits are of its magnitude.
pub fn relative(value: i64, unit: Unit, auto: bool) -> String {
    if let Some(word) = auto.then(|| word(unit, value)).flatten() {
        return word.to_owned();
    }
    // `as` rounds to the nearest double, as JavaScript's Number() of the i64 does.
    let count = (value as f64).abs();
    let patterns = patterns(unit, value < 0);
    let pattern = match plural_category(count) {
        Plural::One => patterns.one,
        Plural::Two => patterns.two,
        Plural::Other => patterns.other,
    };
    pattern.replace("{0}", &grouped(count))
}

enum Plural {
    One,
    Two,
    Other,
}

/// CLDR 48's cardinal rules for `he` on a whole number (`v = 0`): one for 1, two
/// for 2, other for the rest (the `many` of 10, 20, … was dropped in CLDR 42).
fn plural_category(count: f64) -> Plural {
    if count == 1.0 {
        Plural::One
    } else if count == 2.0 {
        Plural::Two
    } else {
        Plural::Other
    }
}

/// A whole, non-negative double as ICU writes it in he-IL: the shortest digits
/// that read back as the same double, padded with zeros, grouped by thousands
/// with "," ("1,000", "9,223,372,036,854,776,000").
fn grouped(count: f64) -> String {
    // `{:e}` is Rust's shortest round-trip form, as ICU's double-conversion gives:
    // "9.223372036854776e18".
    let scientific = format!("{count:e}");
    let (mantissa, exponent) = scientific.split_once('e').unwrap_or((&scientific, "0"));
    let exponent: usize = exponent.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let whole = if digits.len() > exponent + 1 {
        digits[..=exponent].to_owned()
    } else {
        format!("{digits:0<width$}", width = exponent + 1)
    };
    let mut out = String::with_capacity(whole.len() + whole.len() / 3);
    for (index, digit) in whole.chars().enumerate() {
        if index > 0 && (whole.len() - index) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
}
