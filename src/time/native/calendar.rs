//! The proleptic Gregorian calendar over the whole range of a JavaScript `Date`,
//! which is wider than chrono's (years −271,821 to 275,760 against ±262,143).
//! ECMA-402 formats every instant in it (V8 makes ICU's calendar proleptic, so
//! 4 October 1582 is followed by the 5th, never the 15th).

/// The largest distance from the epoch a `Date` holds, in milliseconds:
/// 100,000,000 days (ECMA-262, "Time Values and Time Range"). Beyond it a `Date`
/// is invalid: `Intl` throws, and so does `toISOString`.
pub const MAX_DATE_MS: i64 = 8_640_000_000_000_000;

/// Milliseconds in a day: a `Date` counts no leap seconds.
pub const DAY_MS: i64 = 86_400_000;

/// A date and time of day on a wall clock, to the minute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WallTime {
    /// Astronomical year: 0 is 1 BCE, −1 is 2 BCE.
    pub year: i64,
    /// 1 to 12.
    pub month: u32,
    /// 1 to 31.
    pub day: u32,
    /// 0 for Sunday to 6 for Saturday.
    pub weekday: usize,
    /// 0 to 23.
    pub hour: u32,
    /// 0 to 59.
    pub minute: u32,
}

impl WallTime {
    /// The wall time `offset_seconds` east of UTC at `ms` (milliseconds since the
    /// epoch, within ±[`MAX_DATE_MS`]); seconds and milliseconds are dropped, as
    /// a clock of hours and minutes drops them (never rounded).
    pub fn at(ms: i64, offset_seconds: i64) -> Self {
        let local = ms + offset_seconds * 1000;
        let days = local.div_euclid(DAY_MS);
        let minutes = local.rem_euclid(DAY_MS) / 60_000;
        let (year, month, day) = civil_from_days(days);
        Self {
            year,
            month,
            day,
            weekday: weekday(days),
            hour: u32::try_from(minutes / 60).unwrap_or(0),
            minute: u32::try_from(minutes % 60).unwrap_or(0),
        }
    }
}

/// The weekday of a count of days since 1970-01-01: 0 for Sunday to 6 for
/// Saturday (1 January 1970 was a Thursday).
pub fn weekday(days: i64) -> usize {
    usize::try_from((days + 4).rem_euclid(7)).unwrap_or(0)
}

/// The year as a calendar with eras numbers it, without the era: 1 BCE is 1,
/// 500 BCE is 500. This is what ICU's `y` field shows for a `year: "numeric"`
/// option with no `era`, so "1 בינואר 1" stands for both 1 CE and 1 BCE.
pub fn year_of_era(year: i64) -> i64 {
    if year > 0 {
        year
    } else {
        1 - year
    }
}

/// True for a leap year of the proleptic Gregorian calendar (year 0 is one).
pub fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's `days_from_civil`,
/// <https://howardhinnant.github.io/date_algorithms.html>).
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The civil date of a count of days since 1970-01-01 (Hinnant's
/// `civil_from_days`): (year, month 1 to 12, day 1 to 31).
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (
        year,
        u32::try_from(month).unwrap_or(1),
        u32::try_from(day).unwrap_or(1),
    )
}
