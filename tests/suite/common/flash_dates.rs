//! One instant, 27 December 2024 at 14:02 in Israel (12:02 UTC), in the forms
//! generators write it: every one `parse_date_ms` reads, and `read_feed_date`
//! reads at the same instant. Shared by `time.rs` and `feed_dates.rs`.

/// The instant, in ms since the epoch.
pub const FLASH: i64 = 1_735_300_920_000;

/// The same instant, written as generators write it.
pub const FLASH_DATES: &[&str] = &[
    "2024-12-27T12:02:00Z",
    "2024-12-27T14:02:00+02:00",
    "2024-12-27T14:02:00+0200",
    "2024-12-27T14:02:00+02",
    "2024-12-27t14:02:00+02:00",
    "2024-12-27T12:02:00z",
    "2024-12-27T12:02:00UTC",
    "2024-12-27T12:02:00GMT",
    "2024-12-27 14:02:00+02:00",
    "2024-12-27 14:02:00 +0200",
    "2024-12-27 14:02:00 +0200 IST",
    "2024-12-27 12:02:00 +0000 UTC",
    "2024-12-27 15:02:00 +0300 +03",
    "2024-12-27 12:02:00 UTC",
    "2024-12-27T14:02+02:00",
    "2024-12-27T07:02:00-05:00",
    "2024-12-27T07:02:00-0500",
    "2024-12-27T12:02:00-00:00",
    "  2024-12-27T14:02:00+02:00\n",
    "Fri, 27 Dec 2024 14:02:00 +0200",
    "27 Dec 2024 12:02:00 GMT",
    "Fri, 27 Dec 2024 07:02:00 EST",
    "fri, 27 dec 2024 04:02:00 pst",
    "Fri,  27 Dec 2024 14:02 +0200",
    "27 Dec 2024 12:02:00 Z",
    "Fri, 27 Dec 2024 12:02:00 UT",
];
