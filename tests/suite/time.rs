//! Dates as feeds write them, the one ordering rule, and which day and how long ago
//! a time was, counted in calendar days of the site's zone.
//!
//! The clock is fixed: the issue's reader reads at Thursday 26 November 2026 07:00
//! in Israel. chrono-tz writes the instants; their civil dates are the native
//! `time::civil_date`'s, which gives the browser's `Intl` answers
//! (tests/suite/native_time.rs holds it to them).

use chrono::{NaiveDate, TimeZone};
use chrono_tz::{America::New_York, Asia::Jerusalem, Tz};
use mivzak::time::{
    ago, civil_date, day_label, parse_date_ms, sort_dated_newest_first, Ago, DayLabel,
};
use proptest::prelude::*;

/// 14:02 in Israel on 27 December 2024 (UTC+2), the sample feed's first flash.
use crate::common::flash_dates::{FLASH, FLASH_DATES};

/// Milliseconds of a wall-clock time in `zone` (the earlier one where it repeats).
fn at_in(zone: Tz, y: i32, m: u32, d: u32, h: u32, mi: u32) -> i64 {
    zone.with_ymd_and_hms(y, m, d, h, mi, 0)
        .earliest()
        .expect("a wall-clock time that exists")
        .timestamp_millis()
}

fn at(y: i32, m: u32, d: u32, h: u32, mi: u32) -> i64 {
    at_in(Jerusalem, y, m, d, h, mi)
}

/// The civil date of an instant in `zone`, as the app reads it.
fn civil_in(zone: Tz, ms: i64) -> NaiveDate {
    civil_date(ms, zone.name())
}

fn label(then: i64, now: i64) -> DayLabel {
    day_label(civil_in(Jerusalem, then), civil_in(Jerusalem, now))
}

fn ago_at(then: i64, now: i64) -> Ago {
    ago(
        then,
        now,
        civil_in(Jerusalem, then),
        civil_in(Jerusalem, now),
    )
}

/// The issue's reader: Thursday 26 November 2026, 07:00 in Israel.
fn thursday_morning() -> i64 {
    at(2026, 11, 26, 7, 0)
}

// ---- Reading dates ----

#[test]
fn the_forms_generators_write_all_read_as_the_same_instant() {
    for text in FLASH_DATES {
        assert_eq!(parse_date_ms(text), Some(FLASH), "{text}");
    }
}

#[test]
fn fractional_seconds_of_any_length_keep_their_milliseconds() {
    for text in [
        "2024-12-27T14:02:00.123+02:00",
        "2024-12-27T14:02:00.123456+02:00",
        "2024-12-27T14:02:00.123456789+02:00",
        "2024-12-27T14:02:00.1239999999999+02:00",
        "2024-12-27 14:02:00.123456 +0200",
    ] {
        assert_eq!(parse_date_ms(text), Some(FLASH + 123), "{text}");
    }
    assert_eq!(
        parse_date_ms("2024-12-27T14:02:00.5Z"),
        Some(FLASH + 2 * 3_600_000 + 500)
    );
}

#[test]
fn dates_without_an_instant_or_out_of_range_are_refused() {
    for text in [
        "",
        "yesterday",
        "2024-12-27",
        "2024-12-27T14:02:00",
        "2024-12-27 14:02",
        "2024-12-27T14:02:00.+02:00",
        "2024-12-27T14:02:00+020",
        "2024-12-27T14:02:00+02:0",
        "2024-12-27T14:02:00+24:00",
        "2024-13-01T14:02:00Z",
        "2024-02-30T14:02:00Z",
        "2024-12-27T25:02:00Z",
        "2024-12-27T14:60:00Z",
        "2024-12-27T14:02:00Z UTC",
        "2024-12-27T14:02:00+02:00 and more",
        "2024-12-27T14:02:00+02:00 TOOLONGZONE",
        "2024-12-27X14:02:00Z",
        "27/12/2024 14:02",
        "2024-12-27T14:02:00ק",
        "٢٠٢٤-١٢-٢٧T14:02:00Z",
        "Fri, 27 Dec 24 14:02:00 +0200",
        "Fri 27 Dec 2024 14:02:00 +0200",
        "Fri, 27 Dec 2024 14:02:00 +0200 (IST)",
        "Fri, 32 Dec 2024 14:02:00 +0200",
        "Xyz, 27 Dec 2024 14:02:00 +0200",
        "Fri, 27 Dez 2024 14:02:00 +0200",
        "Fri, 27 Dec 2024 14:02:00 +02000",
        "Fri, 27 Dec 2024 14:02:00 ק0200",
        "Fri, 27 Dec 2024 14:02:00 IST",
        "Fri, 27 Dec 2024 4:02:00 +0200",
    ] {
        assert_eq!(parse_date_ms(text), None, "{text:?}");
    }
}

proptest! {
    #[test]
    fn no_text_makes_the_date_reader_panic(text in "\\PC{0,40}") {
        let _ = parse_date_ms(&text);
    }

    #[test]
    fn no_near_miss_of_a_date_makes_it_panic(text in "[0-9 :.+TZtz-]{10,40}") {
        let _ = parse_date_ms(&text);
    }

    #[test]
    fn no_near_miss_of_an_rfc_2822_date_makes_it_panic(
        words in prop::collection::vec("[A-Za-z0-9:+,ק-]{0,6}", 4..7)
    ) {
        let _ = parse_date_ms(&words.join(" "));
    }
}

// ---- The one ordering rule ----

#[test]
fn dated_items_sort_newest_first_and_undated_ones_keep_their_place() {
    let mut items = vec![
        ("a", None),
        ("b", Some(1)),
        ("c", None),
        ("d", Some(3)),
        ("e", Some(2)),
        ("f", Some(3)),
    ];
    sort_dated_newest_first(&mut items, |item| item.1);
    let order: Vec<_> = items.iter().map(|item| item.0).collect();
    // Equal dates (d, f) keep their feed order; a and c have not moved.
    assert_eq!(order, ["a", "d", "c", "f", "e", "b"]);
}

proptest! {
    #[test]
    fn sorting_keeps_every_item_and_every_undated_place(dates in prop::collection::vec(prop::option::of(0i64..20), 0..40)) {
        let mut items: Vec<(usize, Option<i64>)> = dates.iter().copied().enumerate().collect();
        sort_dated_newest_first(&mut items, |item| item.1);
        prop_assert_eq!(items.len(), dates.len());
        for (index, date) in dates.iter().enumerate() {
            if date.is_none() {
                prop_assert_eq!(items[index], (index, None));
            }
        }
        let dated: Vec<_> = items.iter().filter(|item| item.1.is_some()).collect();
        for pair in dated.windows(2) {
            prop_assert!(pair[0].1 > pair[1].1 || pair[0].1 == pair[1].1 && pair[0].0 < pair[1].0);
        }
        let mut seen: Vec<usize> = items.iter().map(|item| item.0).collect();
        seen.sort_unstable();
        prop_assert_eq!(seen, (0..dates.len()).collect::<Vec<_>>());
    }
}

// ---- Which day a time belongs to ----

#[test]
fn the_issues_flashes_read_at_thursday_seven_in_the_morning() {
    let now = thursday_morning();
    assert_eq!(label(at(2026, 11, 26, 6, 59), now), DayLabel::Today);
    assert_eq!(label(at(2026, 11, 26, 0, 0), now), DayLabel::Today);
    // Last night at 23:30, seven and a half hours back.
    assert_eq!(label(at(2026, 11, 25, 23, 30), now), DayLabel::Yesterday);
    // Tuesday 18:00, 37 hours back, is two calendar days back: its weekday.
    assert_eq!(label(at(2026, 11, 24, 18, 0), now), DayLabel::Weekday);
    // Friday the 20th is six days back; Thursday the 19th, a week, is a date.
    assert_eq!(label(at(2026, 11, 20, 0, 0), now), DayLabel::Weekday);
    assert_eq!(label(at(2026, 11, 19, 23, 59), now), DayLabel::ThisYear);
    assert_eq!(label(at(2026, 10, 4, 12, 0), now), DayLabel::ThisYear);
    assert_eq!(label(at(2026, 1, 1, 0, 0), now), DayLabel::ThisYear);
    assert_eq!(label(at(2025, 12, 31, 23, 59), now), DayLabel::WithYear);
    assert_eq!(label(at(2024, 12, 27, 14, 2), now), DayLabel::WithYear);
}

#[test]
fn a_time_from_the_future_is_labelled_as_today() {
    let now = thursday_morning();
    assert_eq!(label(at(2026, 11, 27, 9, 0), now), DayLabel::Today);
}

#[test]
fn days_turn_at_midnight_in_the_sites_zone() {
    // Ten minutes apart, either side of midnight.
    let now = at(2026, 11, 26, 0, 5);
    assert_eq!(label(at(2026, 11, 25, 23, 55), now), DayLabel::Yesterday);
    assert_eq!(label(at(2026, 11, 26, 0, 0), now), DayLabel::Today);
    // Nearly 24 hours apart within one day.
    let late = at(2026, 11, 25, 23, 55);
    assert_eq!(label(at(2026, 11, 25, 0, 5), late), DayLabel::Today);
    // Midnight in the site's zone, not the reader's: at 06:59 in Israel it is still
    // 23:59 on the 25th in New York, so there 23:30 in Israel (16:30) is today.
    let then = at(2026, 11, 25, 23, 30);
    let now = at(2026, 11, 26, 6, 59);
    assert_eq!(
        day_label(civil_in(New_York, then), civil_in(New_York, now)),
        DayLabel::Today
    );
    assert_eq!(label(then, now), DayLabel::Yesterday);
}

#[test]
fn days_are_calendar_days_across_the_daylight_saving_changes() {
    // Israel, 2026: summer time from Friday 27 March 02:00 (to 03:00) until
    // Sunday 25 October 02:00 (back to 01:00).
    // Autumn: 25 October has 25 hours. 00:10 (UTC+3) seen at 23:30 (UTC+2) is
    // 24h20m back and still today.
    let now = at(2026, 10, 25, 23, 30);
    let then = at(2026, 10, 25, 0, 10);
    assert_eq!(now - then, (24 * 60 + 20) * 60_000);
    assert_eq!(label(then, now), DayLabel::Today);
    assert_eq!(ago_at(then, now), Ago::Hours(-24));
    // … and 23:50 the day before is yesterday, one minute short of 25 hours back.
    assert_eq!(
        label(at(2026, 10, 24, 23, 50), at(2026, 10, 25, 23, 49)),
        DayLabel::Yesterday
    );
    // The repeated hour: 01:30 (UTC+3) then 01:30 again (UTC+2), one day.
    let first = at(2026, 10, 25, 1, 30);
    let second = first + 3_600_000;
    assert_eq!(civil_in(Jerusalem, second), civil_in(Jerusalem, first));
    assert_eq!(label(first, second), DayLabel::Today);
    // Spring: 27 March has 23 hours. 23:45 on the 26th (UTC+2) seen at 23:30 on
    // the 27th (UTC+3) is 22h45m back, and yesterday.
    let now = at(2026, 3, 27, 23, 30);
    let then = at(2026, 3, 26, 23, 45);
    assert_eq!(now - then, (22 * 60 + 45) * 60_000);
    assert_eq!(label(then, now), DayLabel::Yesterday);
    assert_eq!(ago_at(then, now), Ago::Days(-1));
    // 00:30 on the 27th seen at 23:59 is 22h29m back, today.
    assert_eq!(
        ago_at(at(2026, 3, 27, 0, 30), at(2026, 3, 27, 23, 59)),
        Ago::Hours(-22)
    );
}

// ---- How long ago ----

#[test]
fn relative_times_count_calendar_days_not_24_hour_buckets() {
    let now = thursday_morning();
    let minutes = |m: i64| now - m * 60_000;
    assert_eq!(ago_at(now - 30_000, now), Ago::Seconds(-30));
    assert_eq!(ago_at(minutes(5), now), Ago::Minutes(-5));
    assert_eq!(ago_at(minutes(59), now), Ago::Minutes(-59));
    assert_eq!(ago_at(minutes(60), now), Ago::Hours(-1));
    assert_eq!(ago_at(at(2026, 11, 26, 0, 10), now), Ago::Hours(-6));
    // 23:30 the night before: "אתמול", not "לפני 7 שעות".
    assert_eq!(ago_at(at(2026, 11, 25, 23, 30), now), Ago::Days(-1));
    // Tuesday 18:00, 37 hours back: "שלשום", never "אתמול".
    let tuesday = at(2026, 11, 24, 18, 0);
    assert_eq!(now - tuesday, 37 * 3_600_000);
    assert_eq!(ago_at(tuesday, now), Ago::Days(-2));
    assert_eq!(ago_at(at(2026, 11, 20, 9, 0), now), Ago::Days(-6));
    // A future time (clock skew) is now.
    assert_eq!(ago_at(now + 60_000, now), Ago::Seconds(0));
}

#[test]
fn weeks_then_months_then_a_date() {
    let now = thursday_morning();
    assert_eq!(ago_at(at(2026, 11, 19, 9, 0), now), Ago::Weeks(-1));
    assert_eq!(ago_at(at(2026, 11, 12, 9, 0), now), Ago::Weeks(-2));
    // 28 days back is still under a calendar month.
    assert_eq!(ago_at(at(2026, 10, 29, 9, 0), now), Ago::Weeks(-4));
    assert_eq!(ago_at(at(2026, 10, 26, 9, 0), now), Ago::Months(-1));
    // 55 days back: a month, not "לפני 55 ימים".
    let fifty_five = at(2026, 10, 2, 7, 0);
    assert_eq!(
        civil_in(Jerusalem, now) - civil_in(Jerusalem, fifty_five),
        chrono::TimeDelta::days(55)
    );
    assert_eq!(ago_at(fifty_five, now), Ago::Months(-1));
    assert_eq!(ago_at(at(2026, 9, 26, 9, 0), now), Ago::Months(-2));
    assert_eq!(ago_at(at(2025, 11, 27, 9, 0), now), Ago::Months(-11));
    // Twelve months and more: the date, not "לפני 441 ימים".
    assert_eq!(ago_at(at(2025, 11, 26, 9, 0), now), Ago::OnDate);
    let long_ago = at(2025, 9, 11, 7, 0);
    assert_eq!(
        civil_in(Jerusalem, now) - civil_in(Jerusalem, long_ago),
        chrono::TimeDelta::days(441)
    );
    assert_eq!(ago_at(long_ago, now), Ago::OnDate);
}

#[test]
fn a_month_back_from_a_months_last_day_is_the_last_day_before_it() {
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let months = |then: NaiveDate, today: NaiveDate| ago(0, 0, then, today);
    assert_eq!(
        months(day(2026, 10, 31), day(2026, 11, 30)),
        Ago::Months(-1)
    );
    assert_eq!(months(day(2026, 1, 31), day(2026, 2, 28)), Ago::Months(-1));
    assert_eq!(months(day(2026, 1, 31), day(2026, 2, 27)), Ago::Weeks(-3));
    assert_eq!(months(day(2025, 12, 15), day(2026, 1, 15)), Ago::Months(-1));
    assert_eq!(months(day(2025, 12, 16), day(2026, 1, 15)), Ago::Weeks(-4));
}
