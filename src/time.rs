//! Dates: parsing RFC 3339 (pure, chrono) and formatting in a zone (the browser's
//! `Intl`, so daylight-saving rules come from the browser, not bundled tz data).

use chrono::DateTime;

/// Milliseconds since the epoch of an RFC 3339 date, or `None` when it is not one.
pub fn parse_rfc3339_ms(text: &str) -> Option<i64> {
    DateTime::parse_from_rfc3339(text.trim())
        .ok()
        .map(|date| date.timestamp_millis())
}

/// A date in the future (a clock skew, a typo) is shown as now.
pub fn clamp_to_now(ms: i64, now_ms: i64) -> i64 {
    ms.min(now_ms)
}

/// How long ago, in the largest unit that fits, for `Intl.RelativeTimeFormat`.
/// Negative values are in the past, as `Intl` expects.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Ago {
    Seconds(i64),
    Minutes(i64),
    Hours(i64),
    Days(i64),
}

pub fn ago(then_ms: i64, now_ms: i64) -> Ago {
    let seconds = (now_ms - then_ms).max(0) / 1000;
    if seconds < 60 {
        Ago::Seconds(-seconds)
    } else if seconds < 3600 {
        Ago::Minutes(-(seconds / 60))
    } else if seconds < 86_400 {
        Ago::Hours(-(seconds / 3600))
    } else {
        Ago::Days(-(seconds / 86_400))
    }
}

#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(target_arch = "wasm32")]
pub use browser::{format_clock, format_date_time, format_relative, iso, now_ms, zone_is_valid};

/// Native stand-ins so the crate builds and views compile in native tests; they
/// format in UTC, which native code never shows to a reader.
#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::Ago;

    pub fn format_clock(ms: i64, _zone: &str) -> String {
        let minutes = ms.div_euclid(60_000);
        format!(
            "{:02}:{:02}",
            minutes.div_euclid(60).rem_euclid(24),
            minutes.rem_euclid(60)
        )
    }
    pub fn format_date_time(ms: i64, zone: &str) -> String {
        format_clock(ms, zone)
    }
    pub fn format_relative(ago: Ago) -> String {
        format!("{ago:?}")
    }
    pub fn zone_is_valid(_zone: &str) -> bool {
        true
    }
    pub fn iso(ms: i64) -> String {
        ms.to_string()
    }
    pub fn now_ms() -> i64 {
        0
    }
}
#[cfg(not(target_arch = "wasm32"))]
pub use native::{format_clock, format_date_time, format_relative, iso, now_ms, zone_is_valid};
