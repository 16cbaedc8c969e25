//! The publish-time pages' dates and times (src/time/native.rs) against the
//! browser's: every case of tests/fixtures/intl-he.json, written from `Intl` in
//! he-IL by tests/fixtures/intl-he/generate.mjs (re-run it after an ICU or tz
//! update), string for string, so that no text changes when the app takes over a
//! rendered page. Then what the fixture cannot hold: zones named by their UTC
//! offset (read from Chromium 156, which node 20 refuses), the system clock,
//! hostile zone names and instants beyond a `Date`'s range.

use chrono::NaiveDate;
use mivzak::time::{
    ago_in, civil_date, day_beside_time, format_ago, format_clock, format_date_time, format_day,
    iso, now_ms, parse_date_ms, relative, utc_date, zone_is_valid, Ago, DayLabel,
};
use proptest::prelude::*;
use serde::Deserialize;

#[derive(Deserialize)]
struct Fixture {
    engine: String,
    zones: Vec<ZoneCases>,
    relative: Vec<(String, String, String)>,
    valid: Vec<(String, bool)>,
    iso: Vec<(i64, Option<String>)>,
}

#[derive(Deserialize)]
struct ZoneCases {
    zone: String,
    rows: Vec<Row>,
}

/// `[ms, clock, date and time, civil date's parts or null, weekday, day and
/// month, date]`, as `Intl` gave them.
type Row = (
    i64,
    String,
    String,
    Option<(i64, u32, u32)>,
    String,
    String,
    String,
);

fn fixture() -> Fixture {
    let text = std::fs::read_to_string("tests/fixtures/intl-he.json").unwrap();
    serde_json::from_str(&text).unwrap()
}

/// Fails with every difference listed (the first 30), not just the first.
fn assert_no_differences(differences: &[String], engine: &str) {
    assert!(
        differences.is_empty(),
        "{} differences from {engine}:\n{}",
        differences.len(),
        differences[..differences.len().min(30)].join("\n")
    );
}

/// 14:02 in Israel on 27 December 2024 (UTC+2), the sample feed's first flash.
const FLASH: i64 = 1_735_300_920_000;

// ---- The browser's own answers ----

#[test]
fn every_instant_in_every_zone_reads_as_the_browser_reads_it() {
    let fixture = fixture();
    let mut differences = Vec::new();
    let mut rows = 0;
    for ZoneCases { zone, rows: cases } in &fixture.zones {
        for (ms, clock, date_time, parts, weekday, day, date) in cases {
            rows += 1;
            // browser.rs's reading of formatToParts: the parts as a date, else
            // the UTC date.
            let civil = parts
                .and_then(|(y, m, d)| NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d))
                .unwrap_or_else(|| utc_date(*ms));
            let mut check = |what: &str, native: String, browser: &str| {
                if native != browser {
                    differences.push(format!(
                        "{zone:?} {ms} {what}: native {native:?}, browser {browser:?}"
                    ));
                }
            };
            check("clock", format_clock(*ms, zone), clock);
            check("date and time", format_date_time(*ms, zone), date_time);
            check(
                "civil date",
                civil_date(*ms, zone).to_string(),
                &civil.to_string(),
            );
            let label = |label| format_day(label, *ms, zone).unwrap_or_else(|| "None".into());
            check("weekday", label(DayLabel::Weekday), weekday);
            check("this year", label(DayLabel::ThisYear), day);
            check("with year", label(DayLabel::WithYear), date);
            check("on date", format_ago(Ago::OnDate, *ms, zone), date);
            check("today", label(DayLabel::Today), "None");
        }
    }
    assert_no_differences(&differences, &fixture.engine);
    // The fixture is the one the generator writes, not an empty file.
    assert!(rows > 1000, "{rows} rows");
}

#[test]
fn every_relative_time_reads_as_the_browser_reads_it() {
    let fixture = fixture();
    let mut differences = Vec::new();
    for (variant, count, browser) in &fixture.relative {
        let count: i64 = count.parse().unwrap();
        let ago = match variant.as_str() {
            "Seconds" => Ago::Seconds(count),
            "Minutes" => Ago::Minutes(count),
            "Hours" => Ago::Hours(count),
            "Days" => Ago::Days(count),
            "Weeks" => Ago::Weeks(count),
            "Months" => Ago::Months(count),
            other => panic!("no Ago::{other}"),
        };
        let native = format_ago(ago, FLASH, "Asia/Jerusalem");
        if native != *browser {
            differences.push(format!("{ago:?}: native {native:?}, browser {browser:?}"));
        }
    }
    assert_no_differences(&differences, &fixture.engine);
    assert!(fixture.relative.len() > 300);
    // "Yesterday" beside a time is the same word as a day ago.
    let yesterday = &fixture
        .relative
        .iter()
        .find(|(v, n, _)| v == "Days" && n == "-1");
    assert_eq!(
        format_day(DayLabel::Yesterday, FLASH, "UTC").as_deref(),
        yesterday.map(|(_, _, text)| text.as_str())
    );
}

#[test]
fn every_zone_name_is_accepted_or_refused_as_the_browser_does() {
    let fixture = fixture();
    let differences: Vec<String> = fixture
        .valid
        .iter()
        .filter(|(zone, browser)| zone_is_valid(zone) != *browser)
        .map(|(zone, browser)| format!("{zone:?}: browser says {browser}"))
        .collect();
    assert_no_differences(&differences, &fixture.engine);
}

#[test]
fn every_instant_is_written_for_datetime_as_to_iso_string_writes_it() {
    let fixture = fixture();
    let differences: Vec<String> = fixture
        .iso
        .iter()
        .filter(|(ms, browser)| iso(*ms) != browser.clone().unwrap_or_default())
        .map(|(ms, browser)| format!("{ms}: native {:?}, browser {browser:?}", iso(*ms)))
        .collect();
    assert_no_differences(&differences, &fixture.engine);
}

// ---- The same, spelled out ----

#[test]
fn the_sample_flash_reads_as_in_the_browser() {
    assert_eq!(format_clock(FLASH, "Asia/Jerusalem"), "14:02");
    assert_eq!(
        format_date_time(FLASH, "Asia/Jerusalem"),
        "27 בדצמבר 2024 בשעה 14:02"
    );
    assert_eq!(format_clock(FLASH, "America/New_York"), "07:02");
    assert_eq!(format_clock(FLASH, "Asia/Kathmandu"), "17:47");
    // Chatham, UTC+13:45 in its summer: already the next day.
    assert_eq!(
        format_date_time(FLASH, "Pacific/Chatham"),
        "28 בדצמבר 2024 בשעה 01:47"
    );
    assert_eq!(iso(FLASH), "2024-12-27T12:02:00.000Z");
    assert_eq!(
        format_day(DayLabel::Weekday, FLASH, "Asia/Jerusalem").as_deref(),
        Some("יום שישי")
    );
}

/// Thursday 26 November 2026, 07:00 in Israel: the issue's reader.
const THURSDAY_7AM: i64 = 1_795_669_200_000;

#[test]
fn the_issues_reader_sees_the_days_and_the_times_ago_the_browser_shows() {
    let hours = |h: i64| THURSDAY_7AM - h * 3_600_000;
    let zone = "Asia/Jerusalem";
    let today = civil_date(THURSDAY_7AM, zone);
    assert_eq!(today, NaiveDate::from_ymd_opt(2026, 11, 26).unwrap());
    // 23:30 last night; Tuesday 18:00, 37 hours back; 4 October; a year before.
    assert_eq!(
        day_beside_time(hours(7) - 1_800_000, today, zone).as_deref(),
        Some("אתמול")
    );
    assert_eq!(
        day_beside_time(hours(37), today, zone).as_deref(),
        Some("יום שלישי")
    );
    let october = parse_date_ms("2026-10-04T09:15:00+03:00").unwrap();
    assert_eq!(
        day_beside_time(october, today, zone).as_deref(),
        Some("4 באוקטובר")
    );
    let last_year = parse_date_ms("2025-12-27T14:02:00Z").unwrap();
    assert_eq!(
        day_beside_time(last_year, today, zone).as_deref(),
        Some("27 בדצמבר 2025")
    );
    assert_eq!(day_beside_time(hours(6), today, zone), None);
    assert_eq!(
        relative(THURSDAY_7AM - 30_000, THURSDAY_7AM, zone),
        "בדקה זו"
    );
    assert_eq!(
        relative(THURSDAY_7AM - 30 * 60_000, THURSDAY_7AM, zone),
        "לפני 30 דקות"
    );
    assert_eq!(relative(hours(1), THURSDAY_7AM, zone), "לפני שעה (1)");
    assert_eq!(relative(hours(2), THURSDAY_7AM, zone), "לפני שעתיים (2)");
    assert_eq!(relative(hours(37), THURSDAY_7AM, zone), "שלשום");
    assert_eq!(relative(october, THURSDAY_7AM, zone), "לפני חודש (1)");
    assert_eq!(relative(last_year, THURSDAY_7AM, zone), "לפני 10 חודשים");
    assert_eq!(
        relative(hours(24 * 441), THURSDAY_7AM, zone),
        "11 בספטמבר 2025"
    );
    assert_eq!(ago_in(hours(24 * 14), THURSDAY_7AM, zone), Ago::Weeks(-2));
    assert_eq!(
        relative(hours(24 * 14), THURSDAY_7AM, zone),
        "לפני שבועיים (2)"
    );
}

#[test]
fn clocks_jump_where_the_sites_zone_changes_its_offset() {
    // Israel, 27 March 2026: 01:59:59.999 (UTC+2), then 03:00 (UTC+3).
    let spring = parse_date_ms("2026-03-27T02:00:00+02:00").unwrap();
    assert_eq!(format_clock(spring - 1, "Asia/Jerusalem"), "01:59");
    assert_eq!(format_clock(spring, "Asia/Jerusalem"), "03:00");
    // 25 October 2026: 01:59 (UTC+3), then 01:00 again (UTC+2).
    let autumn = parse_date_ms("2026-10-25T02:00:00+03:00").unwrap();
    assert_eq!(format_clock(autumn - 1, "Asia/Jerusalem"), "01:59");
    assert_eq!(format_clock(autumn, "Asia/Jerusalem"), "01:00");
    // Lord Howe moves by half an hour: 02:00 (UTC+10:30) becomes 02:30 (UTC+11).
    let lord_howe = parse_date_ms("2026-10-04T02:00:00+10:30").unwrap();
    assert_eq!(format_clock(lord_howe - 1, "Australia/Lord_Howe"), "01:59");
    assert_eq!(format_clock(lord_howe, "Australia/Lord_Howe"), "02:30");
    // Past the tz tables' last listed year the zone's rule still holds, as in
    // ICU: summer time in Israel in 2150.
    let summer_2150 = parse_date_ms("2150-07-15T12:00:00Z").unwrap();
    assert_eq!(format_clock(summer_2150, "Asia/Jerusalem"), "15:00");
    let winter_2150 = parse_date_ms("2150-01-15T12:00:00Z").unwrap();
    assert_eq!(format_clock(winter_2150, "Asia/Jerusalem"), "14:00");
}

// ---- What the fixture cannot hold ----

#[test]
fn a_utc_offset_names_a_zone_as_in_chromium() {
    // Chromium 156's answers (node 20 refuses all of these).
    for (zone, date_time) in [
        ("+02:00", "27 בדצמבר 2024 בשעה 14:02"),
        ("+0200", "27 בדצמבר 2024 בשעה 14:02"),
        ("+02", "27 בדצמבר 2024 בשעה 14:02"),
        ("-05:00", "27 בדצמבר 2024 בשעה 07:02"),
        ("-0530", "27 בדצמבר 2024 בשעה 06:32"),
        ("+05:45", "27 בדצמבר 2024 בשעה 17:47"),
        ("+14:00", "28 בדצמבר 2024 בשעה 02:02"),
        ("+23:59", "28 בדצמבר 2024 בשעה 12:01"),
        ("-23:59", "26 בדצמבר 2024 בשעה 12:03"),
        ("\u{2212}02:00", "27 בדצמבר 2024 בשעה 10:02"),
        ("-00:00", "27 בדצמבר 2024 בשעה 12:02"),
    ] {
        assert!(zone_is_valid(zone), "{zone}");
        assert_eq!(format_date_time(FLASH, zone), date_time, "{zone}");
    }
    assert_eq!(
        format_date_time(-8_640_000_000_000_000, "-05:30"),
        "19 באפריל 271822 בשעה 18:30"
    );
    assert_eq!(
        format_date_time(8_640_000_000_000_000, "+14:00"),
        "13 בספטמבר 275760 בשעה 14:00"
    );
    for zone in [
        "+24:00",
        "+2",
        "+02:60",
        "+02:00:00",
        "02:00",
        "+0",
        "+002",
        "+02:0",
        "+٠٢:٠٠",
        "+",
    ] {
        assert!(!zone_is_valid(zone), "{zone}");
    }
}

#[test]
fn a_name_no_browser_knows_formats_in_israel_and_never_panics() {
    let long = "Asia/".repeat(2000);
    for zone in [
        "\u{202E}UTC",
        "UTC\0",
        "Asia/Jerusalem\n",
        "../../etc/passwd",
        "אסיה/ירושלים",
        "</script><script>alert(1)</script>",
        "&amp;",
        "\"UTC\"",
        long.as_str(),
        "SystemV/EST5",
    ] {
        assert!(!zone_is_valid(zone), "{zone}");
        assert_eq!(format_clock(FLASH, zone), "14:02", "{zone}");
        assert_eq!(
            format_date_time(FLASH, zone),
            format_date_time(FLASH, "Asia/Jerusalem")
        );
        assert_eq!(civil_date(FLASH, zone), civil_date(FLASH, "Asia/Jerusalem"));
    }
}

#[test]
fn instants_beyond_a_dates_range_give_nothing_and_never_panic() {
    for ms in [
        i64::MIN,
        i64::MIN + 1,
        -8_640_000_000_000_001,
        8_640_000_000_000_001,
        i64::MAX,
    ] {
        assert_eq!(format_clock(ms, "Asia/Jerusalem"), "");
        assert_eq!(format_date_time(ms, "Pacific/Chatham"), "");
        assert_eq!(
            format_day(DayLabel::WithYear, ms, "UTC").as_deref(),
            Some("")
        );
        assert_eq!(format_ago(Ago::OnDate, ms, "UTC"), "");
        // toISOString throws there; the attribute is left empty.
        assert_eq!(iso(ms), "");
        // browser.rs falls back to the UTC date, which chrono cannot hold either.
        assert_eq!(civil_date(ms, "Asia/Jerusalem"), NaiveDate::default());
    }
    for ago in [
        Ago::Minutes(i64::MIN),
        Ago::Hours(i64::MAX),
        Ago::Weeks(i64::MIN),
        Ago::Months(i64::MAX),
    ] {
        assert!(!format_ago(ago, 0, "UTC").is_empty());
    }
}

#[test]
fn now_is_the_system_clock() {
    let system = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis();
    let now = now_ms();
    assert!(now > FLASH);
    assert!(
        (i128::from(now) - system as i128).abs() < 5_000,
        "{now} {system}"
    );
}

proptest! {
    #[test]
    fn any_zone_name_and_instant_never_panic(zone in "\\PC{0,30}", ms in any::<i64>()) {
        let _ = zone_is_valid(&zone);
        let _ = format_clock(ms, &zone);
        let _ = format_date_time(ms, &zone);
        let _ = civil_date(ms, &zone);
        let _ = format_day(DayLabel::WithYear, ms, &zone);
        let _ = iso(ms);
    }

    /// Every instant a feed's date can name is written for `datetime` in a form
    /// the app's own date reader reads back as the same instant.
    #[test]
    fn iso_reads_back_as_the_same_instant(ms in -62_167_219_200_000i64..253_402_300_800_000) {
        prop_assert_eq!(parse_date_ms(&iso(ms)), Some(ms));
    }

    /// The date and time is the date, then the clock, in every zone the site
    /// may name, and its civil date is that date.
    #[test]
    fn the_date_and_time_is_the_date_then_the_clock(
        ms in -8_640_000_000_000_000i64..=8_640_000_000_000_000,
        zone in prop::sample::select(vec![
            "Asia/Jerusalem", "America/New_York", "Asia/Kathmandu", "Pacific/Chatham",
            "UTC", "Australia/Lord_Howe", "+05:45", "Pacific/Kiritimati", "Etc/GMT+12",
        ]),
    ) {
        let date = format_day(DayLabel::WithYear, ms, zone).unwrap();
        let clock = format_clock(ms, zone);
        prop_assert_eq!(format_date_time(ms, zone), format!("{date} בשעה {clock}"));
        prop_assert!(clock.len() == 5 && clock.as_bytes()[2] == b':', "{}", clock);
    }
}
