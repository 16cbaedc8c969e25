//! A feed's dates as generators write them (`time::read_feed_date`), the labels
//! rule that makes them instants (`time::FeedTime`), wall times read in a zone
//! (`time::wall_to_instant_ms`, natively through chrono-tz), and the hint that a
//! feed's zone label lies (`time::future_by_whole_hours`).
//!
//! Expected instants are written as a wall time less its offset (`utc(…) - hours(2)`
//! is 14:02 written at +02:00), so each case reads as the rule it checks.

use chrono::{NaiveDate, Offset, TimeZone};
use chrono_tz::{America::New_York, Asia::Jerusalem, Australia::Lord_Howe, Europe::London, Tz};
use mivzak::time::{
    future_by_whole_hours, parse_date_ms, read_feed_date, wall_to_instant_ms, FeedDate, FeedTime,
    TimeLabels,
};
use proptest::prelude::*;

use crate::common::flash_dates::{FLASH, FLASH_DATES};

const MINUTE: i64 = 60_000;
const HOUR: i64 = 3_600_000;

/// A wall time's digits read as if UTC, in ms.
fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> i64 {
    NaiveDate::from_ymd_opt(y, mo, d)
        .and_then(|date| date.and_hms_opt(h, mi, s))
        .expect("a valid date")
        .and_utc()
        .timestamp_millis()
}

fn hours(n: i64) -> i64 {
    n * HOUR
}

/// The instant and wall time of a zoned date, failing the test otherwise.
fn zoned(text: &str) -> (i64, i64) {
    match read_feed_date(text) {
        Some(FeedDate::Zoned {
            instant_ms,
            wall_ms,
        }) => (instant_ms, wall_ms),
        other => panic!("{text:?} read as {other:?}, not zoned"),
    }
}

/// The wall time of a zoneless date, failing the test otherwise.
fn zoneless(text: &str) -> i64 {
    match read_feed_date(text) {
        Some(FeedDate::Zoneless { wall_ms }) => wall_ms,
        other => panic!("{text:?} read as {other:?}, not zoneless"),
    }
}

/// Each `(text, instant)` reads as zoned at that instant.
fn all_zoned_at(cases: &[(&str, i64)]) {
    for &(text, instant) in cases {
        assert_eq!(zoned(text).0, instant, "{text:?}");
    }
}

// ---- ISO 8601 and RFC 3339 ----

/// Everything `parse_date_ms` reads (tests/suite/time.rs's list), read as the same instant.
#[test]
fn every_date_parse_date_ms_reads_is_zoned_at_the_same_instant() {
    for text in FLASH_DATES {
        assert_eq!(parse_date_ms(text), Some(FLASH), "{text:?}");
        assert_eq!(zoned(text).0, FLASH, "{text:?}");
    }
}

#[test]
fn a_zoned_dates_wall_time_is_its_written_digits() {
    for (text, wall) in [
        ("2024-12-27T14:02:00+02:00", utc(2024, 12, 27, 14, 2, 0)),
        (
            "2024-02-29 23:59:59.999 -05:00",
            utc(2024, 2, 29, 23, 59, 59) + 999,
        ),
        ("2025-07-01t00:00z", utc(2025, 7, 1, 0, 0, 0)),
        (
            "Fri, 27 Dec 2024 14:02:00 +0200",
            utc(2024, 12, 27, 14, 2, 0),
        ),
        ("Sun, 27 Oct 2024 01:30:00 IDT", utc(2024, 10, 27, 1, 30, 0)),
        ("1 Jan 2025 00:05 EST", utc(2025, 1, 1, 0, 5, 0)),
    ] {
        assert_eq!(zoned(text).1, wall, "{text:?}");
    }
}

#[test]
fn iso_without_an_offset_is_zoneless() {
    for (text, wall) in [
        ("2024-12-27T14:02:00", utc(2024, 12, 27, 14, 2, 0)),
        ("2024-12-27 14:02", utc(2024, 12, 27, 14, 2, 0)),
        ("2024-12-27t14:02:00.5", utc(2024, 12, 27, 14, 2, 0) + 500),
        (
            "2024-02-29T23:59:59.999999",
            utc(2024, 2, 29, 23, 59, 59) + 999,
        ),
        ("2023-07-01 00:00:00", utc(2023, 7, 1, 0, 0, 0)),
        ("  2000-01-01T12:00\t", utc(2000, 1, 1, 12, 0, 0)),
        ("2024-03-29T02:30:00", utc(2024, 3, 29, 2, 30, 0)),
    ] {
        assert_eq!(zoneless(text), wall, "{text:?}");
        assert_eq!(parse_date_ms(text), None, "{text:?}");
    }
}

/// A date alone would be shown at a time the publisher never wrote (00:00).
#[test]
fn a_date_without_a_time_is_refused() {
    for text in [
        "2024-12-27",
        "2024-02-29",
        "1999-01-01",
        "27 Dec 2024",
        "Fri, 27 Dec 2024",
        "Thursday, 29 February 2024 +0200",
    ] {
        assert_eq!(read_feed_date(text), None, "{text:?}");
    }
}

// ---- RFC 822 and 2822 as feeds write them ----

#[test]
fn a_day_may_have_one_digit() {
    all_zoned_at(&[
        ("Fri, 6 Dec 2024 14:02:00 +0200", utc(2024, 12, 6, 12, 2, 0)),
        ("Thu, 1 Feb 2024 09:00:00 GMT", utc(2024, 2, 1, 9, 0, 0)),
        ("Sat, 9 Mar 2024 23:59 -0500", utc(2024, 3, 10, 4, 59, 0)),
        ("Mon, 06 Jan 2025 08:15:00 +0000", utc(2025, 1, 6, 8, 15, 0)),
    ]);
}

#[test]
fn the_weekday_may_be_missing() {
    all_zoned_at(&[
        ("27 Dec 2024 14:02:00 +0200", FLASH),
        ("29 Feb 2024 12:00:00 GMT", utc(2024, 2, 29, 12, 0, 0)),
        ("1 Jan 2025 00:00 +0000", utc(2025, 1, 1, 0, 0, 0)),
        ("15 Aug 1995 18:30:00 PDT", utc(1995, 8, 16, 1, 30, 0)),
    ]);
}

/// Weekdays in full or abbreviated, with a comma, without one, or with space
/// around it; never checked against the date (Wed is wrong for 27 December 2024).
#[test]
fn the_weekday_may_be_written_in_any_way_and_is_not_checked() {
    all_zoned_at(&[
        ("Fri 27 Dec 2024 14:02:00 +0200", FLASH),
        ("Friday, 27 Dec 2024 14:02:00 +0200", FLASH),
        ("Friday 27 Dec 2024 14:02:00 +0200", FLASH),
        ("Fri,27 Dec 2024 14:02:00 +0200", FLASH),
        ("Fri , 27 Dec 2024 14:02:00 +0200", FLASH),
        ("Wed, 27 Dec 2024 14:02:00 +0200", FLASH),
        (
            "Thursday, 29 Feb 2024 10:00:00 GMT",
            utc(2024, 2, 29, 10, 0, 0),
        ),
        ("Tues, 2 Jan 2024 10:00:00 GMT", utc(2024, 1, 2, 10, 0, 0)),
        ("Thurs, 4 Jan 2024 10:00:00 GMT", utc(2024, 1, 4, 10, 0, 0)),
        ("Thur 4 Jan 2024 10:00:00 GMT", utc(2024, 1, 4, 10, 0, 0)),
        (
            "sunday, 3 nov 2024 10:00:00 gmt",
            utc(2024, 11, 3, 10, 0, 0),
        ),
    ]);
}

#[test]
fn months_may_be_written_in_full() {
    all_zoned_at(&[
        ("27 December 2024 14:02:00 +0200", FLASH),
        (
            "Thu, 29 February 2024 23:00:00 +0200",
            utc(2024, 2, 29, 21, 0, 0),
        ),
        (
            "Sun, 3 November 2024 01:30:00 EST",
            utc(2024, 11, 3, 6, 30, 0),
        ),
        (
            "Mon, 2 September 2024 09:00:00 BST",
            utc(2024, 9, 2, 8, 0, 0),
        ),
        ("Mon, 2 Sept 2024 09:00:00 BST", utc(2024, 9, 2, 8, 0, 0)),
        ("1 MAY 2024 12:00 UTC", utc(2024, 5, 1, 12, 0, 0)),
    ]);
}

/// RFC 2822 §4.3: 00 to 49 are 2000 to 2049, 50 to 99 are 1950 to 1999, and a
/// three-digit year is 1900 more.
#[test]
fn two_and_three_digit_years_follow_rfc_2822() {
    all_zoned_at(&[
        ("Fri, 27 Dec 24 14:02:00 +0200", FLASH),
        ("Thu, 29 Feb 24 12:00:00 GMT", utc(2024, 2, 29, 12, 0, 0)),
        ("1 Jan 00 00:00:00 GMT", utc(2000, 1, 1, 0, 0, 0)),
        ("31 Dec 49 23:59:59 GMT", utc(2049, 12, 31, 23, 59, 59)),
        ("1 Jan 50 00:00:00 GMT", utc(1950, 1, 1, 0, 0, 0)),
        ("Fri, 31 Dec 99 23:59:59 EST", utc(2000, 1, 1, 4, 59, 59)),
        ("1 Jan 124 12:00 GMT", utc(2024, 1, 1, 12, 0, 0)),
        ("1 Jan 099 12:00 GMT", utc(1999, 1, 1, 12, 0, 0)),
    ]);
    // 2023 had no 29 February.
    assert_eq!(read_feed_date("29 Feb 23 12:00:00 GMT"), None);
}

#[test]
fn the_time_may_have_no_seconds_and_a_one_digit_hour() {
    all_zoned_at(&[
        ("Fri, 27 Dec 2024 14:02 +0200", FLASH),
        ("Thu, 29 Feb 2024 23:59 GMT", utc(2024, 2, 29, 23, 59, 0)),
        ("1 Jan 2025 0:05 IST", utc(2024, 12, 31, 22, 5, 0)),
        ("Sun, 7 Jul 2024 9:30:15 IDT", utc(2024, 7, 7, 6, 30, 15)),
    ]);
}

#[test]
fn numeric_offsets_have_four_digits_a_colon_or_hours_alone() {
    for text in [
        "Fri, 27 Dec 2024 15:02:00 +0300",
        "Fri, 27 Dec 2024 15:02:00 +03:00",
        "Fri, 27 Dec 2024 15:02:00 +03",
        "Fri, 27 Dec 2024 15:02:00 +0300 MSK",
        "Fri, 27 Dec 2024 15:02:00 +03 +03",
    ] {
        assert_eq!(zoned(text).0, FLASH, "{text:?}");
    }
    all_zoned_at(&[
        (
            "Mon, 1 Jul 2024 12:00:00 -05:30",
            utc(2024, 7, 1, 17, 30, 0),
        ),
        ("Mon, 1 Jul 2024 12:00:00 +0545", utc(2024, 7, 1, 6, 15, 0)),
        ("Mon, 1 Jul 2024 12:00:00 -10", utc(2024, 7, 1, 22, 0, 0)),
        ("Mon, 1 Jul 2024 23:30:00 +1400", utc(2024, 7, 1, 9, 30, 0)),
        // RFC 2822 §3.3: UTC, with the local zone unknown.
        ("Mon, 1 Jul 2024 12:00:00 -0000", utc(2024, 7, 1, 12, 0, 0)),
    ]);
}

#[test]
fn utc_has_four_names_in_any_case() {
    for zone in ["GMT", "gmt", "UT", "ut", "UTC", "Utc", "Z", "z"] {
        for (text, instant) in [
            ("Fri, 27 Dec 2024 12:02:00", FLASH),
            ("29 Feb 2024 00:00", utc(2024, 2, 29, 0, 0, 0)),
            ("Sun, 31 Mar 2024 01:30:00", utc(2024, 3, 31, 1, 30, 0)),
        ] {
            let text = format!("{text} {zone}");
            assert_eq!(zoned(&text).0, instant, "{text:?}");
        }
    }
}

/// RFC 822's names, and Alaska's and Hawaii's, each in winter, summer, and a leap day.
#[test]
fn north_american_zone_names() {
    for (zone, offset) in [
        ("EST", -5),
        ("EDT", -4),
        ("CST", -6),
        ("CDT", -5),
        ("MST", -7),
        ("MDT", -6),
        ("PST", -8),
        ("PDT", -7),
        ("AKST", -9),
        ("AKDT", -8),
        ("HST", -10),
    ] {
        for (text, wall) in [
            ("Fri, 27 Dec 2024 14:02:00", utc(2024, 12, 27, 14, 2, 0)),
            ("Mon, 1 Jul 2024 09:00", utc(2024, 7, 1, 9, 0, 0)),
            ("29 Feb 2024 23:30:00", utc(2024, 2, 29, 23, 30, 0)),
        ] {
            for zone in [zone.to_owned(), zone.to_ascii_lowercase()] {
                let text = format!("{text} {zone}");
                assert_eq!(zoned(&text), (wall - hours(offset), wall), "{text:?}");
            }
        }
    }
}

/// Israel's IST and IDT, as Israeli feeds write them (not India's +05:30).
#[test]
fn ist_and_idt_are_israels() {
    all_zoned_at(&[
        ("Fri, 27 Dec 2024 14:02:00 IST", FLASH),
        ("Fri, 27 Dec 2024 15:02:00 IDT", FLASH),
        // The last minute of winter time, and the first of summer time.
        ("Fri, 29 Mar 2024 01:59:00 IST", utc(2024, 3, 28, 23, 59, 0)),
        ("Fri, 29 Mar 2024 03:00:00 IDT", utc(2024, 3, 29, 0, 0, 0)),
        // The hour that happens twice: once in IDT, once in IST.
        (
            "Sun, 27 Oct 2024 01:30:00 IDT",
            utc(2024, 10, 26, 22, 30, 0),
        ),
        (
            "Sun, 27 Oct 2024 01:30:00 IST",
            utc(2024, 10, 26, 23, 30, 0),
        ),
        ("Thu, 29 Feb 2024 20:00 ist", utc(2024, 2, 29, 18, 0, 0)),
    ]);
}

#[test]
fn european_zone_names() {
    all_zoned_at(&[
        ("Fri, 27 Dec 2024 13:02:00 CET", FLASH),
        ("Mon, 1 Jul 2024 14:00:00 CEST", utc(2024, 7, 1, 12, 0, 0)),
        ("29 Feb 2024 09:00 cet", utc(2024, 2, 29, 8, 0, 0)),
        ("Sun, 31 Mar 2024 02:30:00 BST", utc(2024, 3, 31, 1, 30, 0)),
        ("Sun, 27 Oct 2024 01:30:00 BST", utc(2024, 10, 27, 0, 30, 0)),
        ("Fri, 27 Dec 2024 15:02:00 MSK", FLASH),
        ("1 Jan 2025 00:00 msk", utc(2024, 12, 31, 21, 0, 0)),
    ]);
}

/// RFC 2822 §4.3: military zones other than Z SHOULD be read as -0000, which
/// §3.3 makes UTC with the local zone unknown. J is no zone at all.
#[test]
fn military_letters_are_utc_except_j() {
    for letter in ["A", "a", "I", "K", "M", "N", "Y", "Z"] {
        for (text, wall) in [
            ("Fri, 27 Dec 2024 12:02:00", FLASH),
            ("1 Jul 2024 06:00", utc(2024, 7, 1, 6, 0, 0)),
            ("Thu, 29 Feb 2024 23:59:59", utc(2024, 2, 29, 23, 59, 59)),
        ] {
            let text = format!("{text} {letter}");
            assert_eq!(zoned(&text), (wall, wall), "{text:?}");
        }
    }
    assert_eq!(
        zoneless("Fri, 27 Dec 2024 14:02:00 J"),
        utc(2024, 12, 27, 14, 2, 0)
    );
    assert_eq!(zoneless("1 Jul 2024 06:00 j"), utc(2024, 7, 1, 6, 0, 0));
}

#[test]
fn trailing_comments_are_ignored() {
    all_zoned_at(&[
        ("Fri, 27 Dec 2024 14:02:00 +0200 (IST)", FLASH),
        (
            "Fri, 27 Dec 2024 12:02:00 GMT (Coordinated Universal Time)",
            FLASH,
        ),
        (
            "Mon, 1 Jul 2024 12:00:00 +0300 (Israel Daylight Time)",
            utc(2024, 7, 1, 9, 0, 0),
        ),
        (
            "Mon, 1 Jul 2024 12:00:00 +0300(IDT)",
            utc(2024, 7, 1, 9, 0, 0),
        ),
        ("Fri, 27 Dec 2024 14:02:00 +0200 (IST) (שעון ישראל)", FLASH),
        (
            "Fri, 27 Dec 2024 14:02:00 +0200 (a (nested) comment)",
            FLASH,
        ),
        ("Fri, 27 Dec 2024 14:02:00 +0200 (quoted \\) paren)", FLASH),
        (
            "29 Feb 2024 10:00 EST (US/Eastern) ",
            utc(2024, 2, 29, 15, 0, 0),
        ),
    ]);
    // A comment names no zone: without one before it, the date is zoneless.
    assert_eq!(
        zoneless("Fri, 27 Dec 2024 14:02:00 (IST)"),
        utc(2024, 12, 27, 14, 2, 0)
    );
    for text in [
        "Fri, 27 Dec 2024 14:02:00 +0200 (IST",
        "Fri, 27 Dec 2024 14:02:00 +0200 IST)",
        "Fri, 27 Dec 2024 14:02:00 +0200 (IST))",
        "Fri, 27 Dec 2024 14:02:00 +0200 (IST) GMT",
        "Fri, 27 Dec 2024 (Friday) 14:02:00 +0200",
        "Fri, 27 Dec 2024 14:02:00 +0200 (IST\\)",
    ] {
        assert_eq!(read_feed_date(text), None, "{text:?}");
    }
}

#[test]
fn extra_white_space_and_any_case_are_read() {
    all_zoned_at(&[
        ("  fri,   27   dec   2024   14:02:00   +0200  ", FLASH),
        ("FRIDAY, 27 DECEMBER 2024 12:02:00 GMT", FLASH),
        ("\tFri,\n27 Dec 2024\t14:02 ist", FLASH),
        ("mon, 1 jul 2024 12:00:00 idt", utc(2024, 7, 1, 9, 0, 0)),
        (
            "Thu,\u{a0}29 Feb 2024 12:00 UTC",
            utc(2024, 2, 29, 12, 0, 0),
        ),
    ]);
}

#[test]
fn an_unknown_zone_name_or_none_is_zoneless() {
    for (text, wall) in [
        ("Fri, 27 Dec 2024 14:02:00 XYZ", utc(2024, 12, 27, 14, 2, 0)),
        ("Fri, 27 Dec 2024 14:02:00", utc(2024, 12, 27, 14, 2, 0)),
        ("27 Dec 2024 14:02", utc(2024, 12, 27, 14, 2, 0)),
        ("Thu, 29 Feb 2024 08:00:00 JST", utc(2024, 2, 29, 8, 0, 0)),
        ("1 Jul 2024 23:59:59 Israel", utc(2024, 7, 1, 23, 59, 59)),
        ("Sun, 31 Mar 2024 02:30 eest", utc(2024, 3, 31, 2, 30, 0)),
    ] {
        assert_eq!(zoneless(text), wall, "{text:?}");
    }
}

#[test]
fn anything_else_is_refused() {
    for text in [
        "",
        "   ",
        "yesterday",
        "Fri, 32 Dec 2024 14:02:00 +0200",
        "Fri, 0 Dec 2024 14:02:00 +0200",
        "30 Feb 2024 12:00 GMT",
        "29 Feb 2023 12:00 GMT",
        "Fri, 27 Dez 2024 14:02:00 +0200",
        "Fri, 27 Dec. 2024 14:02:00 +0200",
        "Xyz, 27 Dec 2024 14:02:00 +0200",
        "Fri, Fri, 27 Dec 2024 14:02:00 +0200",
        ", 27 Dec 2024 14:02:00 +0200",
        "27 Dec 2024, 14:02:00 +0200",
        "27 Dec, 2024 14:02:00 +0200",
        "27 Dec 12024 14:02:00 +0200",
        "27 Dec 2 14:02:00 +0200",
        "127 Dec 2024 14:02:00 +0200",
        "27 Dec 2024 24:00:00 +0200",
        "27 Dec 2024 14:60:00 +0200",
        "27 Dec 2024 14:02:60 +0200",
        "27 Dec 2024 14 +0200",
        "27 Dec 2024 14:2 +0200",
        "27 Dec 2024 114:02 +0200",
        "27 Dec 2024 14:02:00: +0200",
        "27 Dec 2024 14:02:00 +2400",
        "27 Dec 2024 14:02:00 +0260",
        "27 Dec 2024 14:02:00 +3",
        "27 Dec 2024 14:02:00 +030",
        "27 Dec 2024 14:02:00 +03:0",
        "27 Dec 2024 14:02:00 +02000",
        "27 Dec 2024 14:02:00 ק0200",
        "27 Dec 2024 14:02:00 GMT +0200",
        "27 Dec 2024 14:02:00 IST GMT",
        "27 Dec 2024 14:02:00 ABCDEFG",
        "27 Dec 2024 14:02:00 +0200 and more",
        "27 Dec 2024 14:02:00 +0200 TOOLONGZONE",
        "27/12/2024 14:02",
        "2024-12-27T14:02:00.+02:00",
        "2024-13-01T14:02:00",
        "2024-12-27T25:02",
        "٢٠٢٤-١٢-٢٧T14:02:00",
    ] {
        assert_eq!(read_feed_date(text), None, "{text:?}");
    }
}

// ---- Trust or local ----

fn in_jerusalem(wall_ms: i64) -> Option<i64> {
    wall_to_instant_ms(wall_ms, "Asia/Jerusalem")
}

fn jerusalem(labels: TimeLabels) -> FeedTime<'static> {
    FeedTime {
        labels,
        wall_to_instant: &in_jerusalem,
    }
}

#[test]
fn trusted_labels_give_the_instant_they_name() {
    let time = jerusalem(TimeLabels::Trust);
    for (text, instant) in [
        ("Fri, 27 Dec 2024 14:02:00 GMT", utc(2024, 12, 27, 14, 2, 0)),
        ("Fri, 27 Dec 2024 14:02:00 +0200", FLASH),
        ("2024-07-01T14:02:00-04:00", utc(2024, 7, 1, 18, 2, 0)),
        ("Mon, 1 Jul 2024 14:02 PDT", utc(2024, 7, 1, 21, 2, 0)),
    ] {
        assert_eq!(time.instant_ms(text), Some(instant), "{text:?}");
    }
}

/// Walla writes Israel's time with `GMT`: with `"local"`, its digits are read in
/// the feed's zone, whatever the label says.
#[test]
fn local_labels_read_every_dates_digits_in_the_feeds_zone() {
    let time = jerusalem(TimeLabels::Local);
    for (text, instant) in [
        ("Fri, 27 Dec 2024 14:02:00 GMT", FLASH),
        ("Fri, 27 Dec 2024 14:02:00 +0200", FLASH),
        ("2024-12-27T14:02:00Z", FLASH),
        ("2024-12-27T14:02:00-05:00", FLASH),
        // Summer time: +03:00.
        ("Mon, 1 Jul 2024 14:02 GMT", utc(2024, 7, 1, 11, 2, 0)),
        ("Thu, 29 Feb 2024 23:30:00 UT", utc(2024, 2, 29, 21, 30, 0)),
    ] {
        assert_eq!(time.instant_ms(text), Some(instant), "{text:?}");
    }
}

#[test]
fn zoneless_dates_are_read_in_the_feeds_zone_under_either_rule() {
    for labels in [TimeLabels::Trust, TimeLabels::Local] {
        let time = jerusalem(labels);
        for (text, instant) in [
            ("2024-12-27T14:02:00", FLASH),
            ("Fri, 27 Dec 2024 14:02:00", FLASH),
            ("Fri, 27 Dec 2024 14:02:00 XYZ", FLASH),
            ("2024-07-01 14:02", utc(2024, 7, 1, 11, 2, 0)),
            ("29 Feb 2024 00:00 (IST)", utc(2024, 2, 28, 22, 0, 0)),
            // Israel's clocks skip 02:00 to 03:00 on 29 March 2024: read as 03:30.
            ("2024-03-29T02:30:00", utc(2024, 3, 29, 0, 30, 0)),
            // 01:30 happens twice on 27 October 2024: the first, in summer time.
            ("2024-10-27T01:30:00", utc(2024, 10, 26, 22, 30, 0)),
        ] {
            assert_eq!(time.instant_ms(text), Some(instant), "{labels:?} {text:?}");
        }
        assert_eq!(time.instant_ms("2024-12-27"), None);
        assert_eq!(time.instant_ms("not a date"), None);
    }
}

#[test]
fn a_zone_that_cannot_tell_gives_no_instant_and_trusted_labels_never_ask_it() {
    let asked = std::cell::Cell::new(0);
    let nowhere = |_wall: i64| {
        asked.set(asked.get() + 1);
        None
    };
    let trust = FeedTime {
        labels: TimeLabels::Trust,
        wall_to_instant: &nowhere,
    };
    assert_eq!(
        trust.instant_ms("Fri, 27 Dec 2024 14:02:00 +0200"),
        Some(FLASH)
    );
    assert_eq!(asked.get(), 0);
    assert_eq!(trust.instant_ms("Fri, 27 Dec 2024 14:02:00"), None);
    assert_eq!(asked.get(), 1);
    let local = FeedTime {
        labels: TimeLabels::Local,
        wall_to_instant: &nowhere,
    };
    assert_eq!(local.instant_ms("Fri, 27 Dec 2024 14:02:00 +0200"), None);
    assert_eq!(asked.get(), 2);
}

#[test]
fn the_utc_rule_trusts_labels_and_reads_zoneless_dates_as_utc() {
    let time = FeedTime::utc();
    assert_eq!(time.labels, TimeLabels::Trust);
    for (text, instant) in [
        ("Fri, 27 Dec 2024 14:02:00 +0200", FLASH),
        ("2024-12-27T12:02:00", FLASH),
        ("Fri, 27 Dec 2024 12:02:00 XYZ", FLASH),
        ("29 Feb 2024 23:59", utc(2024, 2, 29, 23, 59, 0)),
    ] {
        assert_eq!(time.instant_ms(text), Some(instant), "{text:?}");
    }
}

#[test]
fn labels_are_named_trust_and_local() {
    assert_eq!(TimeLabels::default(), TimeLabels::Trust);
    assert_eq!(TimeLabels::parse("trust"), Some(TimeLabels::Trust));
    assert_eq!(TimeLabels::parse("local"), Some(TimeLabels::Local));
    for name in ["Local", "TRUST", " local", "utc", ""] {
        assert_eq!(TimeLabels::parse(name), None, "{name:?}");
    }
}

// ---- Wall times in a zone ----

/// Milliseconds of a wall-clock time in `zone` (the earlier one where it repeats).
fn at_in(zone: Tz, y: i32, mo: u32, d: u32, h: u32, mi: u32) -> i64 {
    zone.with_ymd_and_hms(y, mo, d, h, mi, 0)
        .earliest()
        .expect("a wall-clock time that exists")
        .timestamp_millis()
}

#[test]
fn wall_times_are_read_in_the_zone_across_the_year() {
    for (zone, y, mo, d, h, mi) in [
        (Jerusalem, 2024, 12, 27, 14, 2),
        (Jerusalem, 2024, 7, 1, 0, 0),
        (Jerusalem, 2024, 2, 29, 23, 59),
        (New_York, 2024, 1, 15, 9, 30),
        (New_York, 2024, 7, 4, 21, 0),
        (London, 2024, 12, 31, 23, 59),
        (London, 2024, 6, 21, 12, 0),
        (Lord_Howe, 2024, 1, 1, 0, 0),
    ] {
        let wall = utc(y, mo, d, h, mi, 0);
        assert_eq!(
            wall_to_instant_ms(wall, zone.name()),
            Some(at_in(zone, y, mo, d, h, mi)),
            "{zone} {y}-{mo}-{d} {h}:{mi}"
        );
    }
}

/// Israel's 2024 changes: 29 March at 02:00 the clocks go to 03:00 (the hour
/// between is skipped), 27 October at 02:00 back to 01:00 (01:00 to 02:00 twice).
#[test]
fn israels_daylight_saving_edges() {
    let read = |mo, d, h, mi, s| in_jerusalem(utc(2024, mo, d, h, mi, s));
    // Spring: the last second of winter time, the gap, the first minute of summer time.
    assert_eq!(read(3, 29, 1, 59, 59), Some(utc(2024, 3, 28, 23, 59, 59)));
    assert_eq!(read(3, 29, 2, 0, 0), Some(utc(2024, 3, 29, 0, 0, 0)));
    assert_eq!(read(3, 29, 2, 30, 0), Some(utc(2024, 3, 29, 0, 30, 0)));
    assert_eq!(read(3, 29, 2, 59, 59), Some(utc(2024, 3, 29, 0, 59, 59)));
    assert_eq!(read(3, 29, 3, 0, 0), Some(utc(2024, 3, 29, 0, 0, 0)));
    assert_eq!(read(3, 29, 3, 30, 0), Some(utc(2024, 3, 29, 0, 30, 0)));
    // Autumn: before, the repeated hour (its first time, in summer time), after.
    assert_eq!(read(10, 27, 0, 59, 59), Some(utc(2024, 10, 26, 21, 59, 59)));
    assert_eq!(read(10, 27, 1, 0, 0), Some(utc(2024, 10, 26, 22, 0, 0)));
    assert_eq!(read(10, 27, 1, 30, 0), Some(utc(2024, 10, 26, 22, 30, 0)));
    assert_eq!(read(10, 27, 1, 59, 59), Some(utc(2024, 10, 26, 22, 59, 59)));
    assert_eq!(read(10, 27, 2, 0, 0), Some(utc(2024, 10, 27, 0, 0, 0)));
    // A day either side, no change.
    assert_eq!(read(3, 28, 2, 30, 0), Some(utc(2024, 3, 28, 0, 30, 0)));
    assert_eq!(read(10, 28, 1, 30, 0), Some(utc(2024, 10, 27, 23, 30, 0)));
}

#[test]
fn other_zones_daylight_saving_edges() {
    for (zone, wall, instant) in [
        // New York: 10 March 2024 02:00 EST → 03:00 EDT; 3 November 02:00 EDT → 01:00 EST.
        (
            "America/New_York",
            utc(2024, 3, 10, 2, 30, 0),
            utc(2024, 3, 10, 7, 30, 0),
        ),
        (
            "America/New_York",
            utc(2024, 3, 10, 3, 0, 0),
            utc(2024, 3, 10, 7, 0, 0),
        ),
        (
            "America/New_York",
            utc(2024, 11, 3, 1, 30, 0),
            utc(2024, 11, 3, 5, 30, 0),
        ),
        (
            "America/New_York",
            utc(2024, 11, 3, 2, 0, 0),
            utc(2024, 11, 3, 7, 0, 0),
        ),
        // London: 31 March 2024 01:00 GMT → 02:00 BST; 27 October 02:00 BST → 01:00 GMT.
        (
            "Europe/London",
            utc(2024, 3, 31, 1, 30, 0),
            utc(2024, 3, 31, 1, 30, 0),
        ),
        (
            "Europe/London",
            utc(2024, 3, 31, 2, 0, 0),
            utc(2024, 3, 31, 1, 0, 0),
        ),
        (
            "Europe/London",
            utc(2024, 10, 27, 1, 30, 0),
            utc(2024, 10, 27, 0, 30, 0),
        ),
        (
            "Europe/London",
            utc(2024, 10, 27, 2, 0, 0),
            utc(2024, 10, 27, 2, 0, 0),
        ),
        // Lord Howe moves by half an hour: 6 April 2025 02:00 +11 → 01:30 +10:30.
        (
            "Australia/Lord_Howe",
            utc(2025, 4, 6, 1, 45, 0),
            utc(2025, 4, 5, 14, 45, 0),
        ),
        // Fixed offsets, and names the browser takes.
        (
            "UTC",
            utc(2024, 3, 31, 1, 30, 0),
            utc(2024, 3, 31, 1, 30, 0),
        ),
        (
            "+05:30",
            utc(2024, 7, 1, 12, 0, 0),
            utc(2024, 7, 1, 6, 30, 0),
        ),
        (
            "israel",
            utc(2024, 7, 1, 12, 0, 0),
            utc(2024, 7, 1, 9, 0, 0),
        ),
    ] {
        assert_eq!(
            wall_to_instant_ms(wall, zone),
            Some(instant),
            "{zone} {wall}"
        );
    }
}

/// Before 1880, Jerusalem kept its local mean time, +2:20:54, as ICU has it.
#[test]
fn offsets_with_seconds_are_kept() {
    let wall = utc(1870, 6, 1, 12, 0, 0);
    let offset = (2 * 3600 + 20 * 60 + 54) * 1000;
    assert_eq!(in_jerusalem(wall), Some(wall - offset));
}

#[test]
fn an_unknown_zone_or_a_wall_time_beyond_a_dates_range_gives_none() {
    let wall = utc(2024, 12, 27, 14, 2, 0);
    for zone in ["Mars/Olympus", "", " Asia/Jerusalem", "+25:00"] {
        assert_eq!(wall_to_instant_ms(wall, zone), None, "{zone:?}");
    }
    for wall in [
        i64::MIN,
        i64::MAX,
        8_640_000_000_000_001,
        -8_640_000_000_000_001,
    ] {
        assert_eq!(wall_to_instant_ms(wall, "Asia/Jerusalem"), None, "{wall}");
    }
    let edge = 8_640_000_000_000_000 - 2 * 86_400_000;
    assert!(wall_to_instant_ms(edge, "Asia/Jerusalem").is_some());
    assert!(wall_to_instant_ms(-edge, "Asia/Jerusalem").is_some());
    assert_eq!(wall_to_instant_ms(edge + 1, "Asia/Jerusalem"), None);
}

/// Every quarter hour of 2024 in zones with whole-hour, half-hour and no
/// changes: a wall time that exists is read as chrono-tz's earliest reading, one
/// in a gap with the offset before the gap.
#[test]
fn every_quarter_hour_of_a_year_agrees_with_chrono_tz() {
    use chrono::offset::LocalResult;
    for zone in [
        Jerusalem,
        New_York,
        London,
        Lord_Howe,
        chrono_tz::Asia::Kolkata,
    ] {
        let mut wall = utc(2024, 1, 1, 0, 0, 0);
        while wall < utc(2025, 1, 1, 0, 0, 0) {
            let naive = chrono::DateTime::from_timestamp_millis(wall)
                .unwrap()
                .naive_utc();
            let expected = match zone.from_local_datetime(&naive) {
                LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => t.timestamp_millis(),
                LocalResult::None => {
                    let before = zone
                        .offset_from_utc_datetime(&(naive - chrono::Duration::days(1)))
                        .fix()
                        .local_minus_utc();
                    wall - i64::from(before) * 1000
                }
            };
            assert_eq!(
                wall_to_instant_ms(wall, zone.name()),
                Some(expected),
                "{zone} {naive}"
            );
            wall += 15 * MINUTE;
        }
    }
}

// ---- A zone label that lies ----

#[test]
fn a_newest_item_whole_hours_ahead_hints_at_a_lying_label() {
    let now = FLASH;
    for (ahead, hours) in [
        (hours(2), Some(2)),
        (hours(3), Some(3)),
        (hours(1), Some(1)),
        (hours(14), Some(14)),
        (55 * MINUTE, Some(1)),
        (65 * MINUTE, Some(1)),
        (hours(2) - 5 * MINUTE, Some(2)),
        (hours(2) + 5 * MINUTE, Some(2)),
        (hours(3) + 4 * MINUTE + 59_999, Some(3)),
        (hours(14) + 5 * MINUTE, Some(14)),
        // Not ahead enough, between whole hours, or too far.
        (55 * MINUTE - 1, None),
        (65 * MINUTE + 1, None),
        (hours(2) - 5 * MINUTE - 1, None),
        (hours(2) + 5 * MINUTE + 1, None),
        (hours(2) + 30 * MINUTE, None),
        (hours(14) + 5 * MINUTE + 1, None),
        (hours(15), None),
        (hours(24), None),
        (0, None),
        (10 * MINUTE, None),
        (-hours(2), None),
    ] {
        assert_eq!(
            future_by_whole_hours(now + ahead, now),
            hours,
            "{ahead} ms ahead"
        );
    }
    // Walla's 14:02 Israel time labelled GMT, read as soon as it is published.
    let labelled = parse_date_ms("Fri, 27 Dec 2024 14:02:00 GMT").unwrap();
    assert_eq!(future_by_whole_hours(labelled, FLASH + 30_000), Some(2));
    assert_eq!(future_by_whole_hours(i64::MAX, i64::MIN), None);
    assert_eq!(future_by_whole_hours(i64::MIN, i64::MAX), None);
    assert_eq!(future_by_whole_hours(i64::MAX, 0), None);
}

// ---- No input panics ----

/// The instant of a zoned date; `None` for a zoneless or unread one.
fn zoned_instant(text: &str) -> Option<i64> {
    match read_feed_date(text)? {
        FeedDate::Zoned { instant_ms, .. } => Some(instant_ms),
        FeedDate::Zoneless { .. } => None,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn no_text_makes_the_feed_date_reader_panic(text in "\\PC{0,60}") {
        let _ = read_feed_date(&text);
        let _ = FeedTime::utc().instant_ms(&text);
        let _ = jerusalem(TimeLabels::Local).instant_ms(&text);
    }

    #[test]
    fn no_string_at_all_makes_it_panic(text in ".{0,60}") {
        let _ = read_feed_date(&text);
    }

    #[test]
    fn no_near_miss_of_an_rfc_822_date_makes_it_panic(
        words in prop::collection::vec("[A-Za-z0-9:+,()\\\\ק.-]{0,7}", 0..10),
        spaces in "[ \t\n]{1,3}",
    ) {
        let text = words.join(&spaces);
        // What the narrow reader takes, this one takes as the same instant.
        if let Some(instant) = parse_date_ms(&text) {
            prop_assert_eq!(zoned_instant(&text), Some(instant));
        }
    }

    #[test]
    fn near_miss_iso_dates_agree_with_the_narrow_reader(text in "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9:.]{2,12}[ +:0-9ZzUTCGM-]{0,8}") {
        prop_assert_eq!(zoned_instant(&text), parse_date_ms(&text));
    }

    #[test]
    fn written_rfc_822_dates_read_back(
        day in 1u32..=28, month in 0usize..12, year in 1950i32..=2049, hour in 0u32..24,
        minute in 0u32..60, second in 0u32..60, offset_minutes in -(23 * 60 + 59)..=(23 * 60 + 59i64),
    ) {
        const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        let sign = if offset_minutes < 0 { '-' } else { '+' };
        let zone = format!("{sign}{:02}{:02}", offset_minutes.abs() / 60, offset_minutes.abs() % 60);
        let wall = utc(year, month as u32 + 1, day, hour, minute, second);
        let expected = Some(FeedDate::Zoned { instant_ms: wall - offset_minutes * MINUTE, wall_ms: wall });
        let four = format!("{day} {} {year} {hour:02}:{minute:02}:{second:02} {zone}", MONTHS[month]);
        let two = format!("{day} {} {:02} {hour}:{minute:02}:{second:02} {zone}", MONTHS[month], year % 100);
        prop_assert_eq!(read_feed_date(&four), expected);
        prop_assert_eq!(read_feed_date(&two), expected);
    }

    #[test]
    fn no_wall_time_or_zone_makes_the_zone_reader_panic(wall in any::<i64>(), zone in "\\PC{0,20}") {
        let _ = wall_to_instant_ms(wall, &zone);
        let _ = wall_to_instant_ms(wall, "Asia/Jerusalem");
        let _ = future_by_whole_hours(wall, wall.wrapping_mul(3));
    }

    /// The wall time of any instant from 1900 to 2099 reads back as that instant,
    /// or as the earlier one that shows the same wall time.
    #[test]
    fn an_instants_wall_time_reads_back_to_it_or_earlier(
        instant in utc(1900, 1, 1, 0, 0, 0)..utc(2099, 12, 1, 0, 0, 0),
        zone in prop::sample::select(vec![Jerusalem, New_York, London, Lord_Howe]),
    ) {
        let wall_of = |ms: i64| {
            let at = chrono::DateTime::from_timestamp_millis(ms).unwrap();
            ms + i64::from(zone.offset_from_utc_datetime(&at.naive_utc()).fix().local_minus_utc()) * 1000
        };
        let wall = wall_of(instant);
        let back = wall_to_instant_ms(wall, zone.name()).unwrap();
        prop_assert!(back <= instant);
        prop_assert_eq!(wall_of(back), wall);
    }
}

/// Forms a second fresh tester met (session 8): read, never misread.
#[test]
fn forms_written_beside_the_standards() {
    let israel = |text: &str| match read_feed_date(text) {
        Some(FeedDate::Zoned { instant_ms, .. }) => Some(instant_ms),
        _ => None,
    };
    // 2024-12-27 14:02 in Israel (+02:00).
    let at = 1_735_300_920_000;
    for text in [
        "27 Dec 2024 14:02:00 GMT+0200",
        "Fri, 27 Dec 2024 14:02:00 UTC+02:00",
        "Fri, 27 Dec 2024 14:02:00+0200",
        "Fri, 27 Dec 2024 2:02 PM +0200",
        "Fri, 27 Dec 2024 02:02:00 pm IST",
        "\u{200F}Fri, 27 Dec 2024 14:02:00 +0200\u{200E}",
        "2024-12-27T14:02:00 IST",
        "2024-12-27 14:02:00 IST",
        "2024-12-27 12:02:00 GMT",
        "Dec 27 2024 14:02:00 +0200",
        "Fri Dec 27 2024 14:02:00 GMT+0200 (Israel Standard Time)",
        "Fri Dec 27 14:02:00 IST 2024",
        "Friday, 27-Dec-24 14:02:00 IST",
        "2024-12-27T14:02:00+02:00[Asia/Jerusalem]",
        "Fri, 27 Dec 2024 14:02:00.000 +0200",
    ] {
        assert_eq!(israel(text), Some(at), "{text:?}");
    }
    // A zone name after an ISO date that names no known zone: the feed's zone.
    for text in [
        "2024-12-29 14:02:00 Asia/Jerusalem",
        "Sun, 29 Dec 2024 2:02 PM",
        "Fri Dec 27 14:02:00 2024",
    ] {
        assert!(
            matches!(read_feed_date(text), Some(FeedDate::Zoneless { .. })),
            "{text:?}"
        );
    }
    // 12 AM is midnight, 12 PM noon; 13 PM is nothing.
    let wall = |text: &str| match read_feed_date(text) {
        Some(FeedDate::Zoneless { wall_ms }) => Some(wall_ms % 86_400_000 / 60_000),
        _ => None,
    };
    assert_eq!(wall("27 Dec 2024 12:30 AM"), Some(30));
    assert_eq!(wall("27 Dec 2024 12:30 PM"), Some(12 * 60 + 30));
    assert_eq!(wall("27 Dec 2024 11:30 PM"), Some(23 * 60 + 30));
    assert_eq!(read_feed_date("27 Dec 2024 13:30 PM"), None);
}
