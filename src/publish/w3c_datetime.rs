//! The date format of the sitemaps and of the manifest's records.

use chrono::{DateTime, Datelike, SecondsFormat};

/// `ms` since the epoch as a W3C Datetime (W3C NOTE-datetime, the format the
/// sitemaps protocol's `lastmod` and Google News' `publication_date` name)
/// to the second, in UTC: `2025-03-10T06:15:00Z`. It is also RFC 3339. A
/// fraction of a second is dropped. `None` outside the years 0000 to 9999,
/// which the format's four-digit year cannot write.
pub fn w3c_datetime(ms: i64) -> Option<String> {
    DateTime::from_timestamp_millis(ms)
        .filter(|date| (0..=9999).contains(&date.year()))
        .map(|date| date.to_rfc3339_opts(SecondsFormat::Secs, true))
}
