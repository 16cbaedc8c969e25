//! Formatting through the browser's `Intl`, cached per zone because building a
//! `DateTimeFormat` is far slower than using one.

use std::cell::RefCell;

use js_sys::{Array, Date, Function, Intl, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use chrono::NaiveDate;

use super::{Ago, DayLabel};

use crate::shared::{CLOCK_OPTIONS, DEFAULT_TIME_ZONE, LOCALE};

thread_local! {
    static CLOCKS: RefCell<Vec<(String, Intl::DateTimeFormat)>> = const { RefCell::new(Vec::new()) };
    static DATES: RefCell<Vec<(String, Intl::DateTimeFormat)>> = const { RefCell::new(Vec::new()) };
    static PARTS: RefCell<Vec<(String, Intl::DateTimeFormat)>> = const { RefCell::new(Vec::new()) };
    static WEEKDAYS: RefCell<Vec<(String, Intl::DateTimeFormat)>> = const { RefCell::new(Vec::new()) };
    static DAYS: RefCell<Vec<(String, Intl::DateTimeFormat)>> = const { RefCell::new(Vec::new()) };
    static DAYS_WITH_YEAR: RefCell<Vec<(String, Intl::DateTimeFormat)>> = const { RefCell::new(Vec::new()) };
    /// `numeric: "auto"` ("אתמול", "שלשום") and `"always"` ("לפני שבוע", where
    /// "auto" would say "השבוע שעבר", the calendar week before).
    static RELATIVE: RefCell<Option<(Intl::RelativeTimeFormat, Intl::RelativeTimeFormat)>> = const { RefCell::new(None) };
    /// A zone's wall time to the second, to read its offset (`None`: `Intl`
    /// refuses the zone, and that is remembered too).
    static OFFSETS: RefCell<Vec<(String, Option<Intl::DateTimeFormat>)>> = const { RefCell::new(Vec::new()) };
}

fn options(pairs: &[(&str, &str)]) -> Object {
    let object = Object::new();
    for (key, value) in pairs {
        let _ = Reflect::set(&object, &(*key).into(), &(*value).into());
    }
    object
}

fn formatter(
    cache: &'static std::thread::LocalKey<RefCell<Vec<(String, Intl::DateTimeFormat)>>>,
    zone: &str,
    pairs: &[(&str, &str)],
) -> Intl::DateTimeFormat {
    cache.with(|cache| {
        if let Some((_, format)) = cache.borrow().iter().find(|(z, _)| z == zone) {
            return format.clone();
        }
        let mut all = pairs.to_vec();
        all.push(("timeZone", zone));
        let locales = Array::of1(&LOCALE.into());
        // An unknown zone throws a RangeError; the config check falls back before
        // we get here, but a throw must never reach wasm as a panic.
        let format = build(&locales, &options(&all)).unwrap_or_else(|| {
            all.pop();
            all.push(("timeZone", DEFAULT_TIME_ZONE));
            build(&locales, &options(&all))
                .unwrap_or_else(|| Intl::DateTimeFormat::new(&locales, &Object::new()))
        });
        cache.borrow_mut().push((zone.to_owned(), format.clone()));
        format
    })
}

fn build(locales: &Array, options: &Object) -> Option<Intl::DateTimeFormat> {
    let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let constructor: Function = Reflect::get(&intl, &"DateTimeFormat".into()).ok()?.into();
    let args = Array::of2(locales, options);
    Reflect::construct(&constructor, &args)
        .ok()
        .map(wasm_bindgen::JsCast::unchecked_into)
}

fn format_with(format: &Intl::DateTimeFormat, ms: i64) -> String {
    let date = Date::new(&JsValue::from_f64(ms as f64));
    format
        .format()
        .call1(format, &date)
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_default()
}

/// "14:02" in the zone, 24-hour: [`CLOCK_OPTIONS`].
pub fn format_clock(ms: i64, zone: &str) -> String {
    let format = formatter(&CLOCKS, zone, &CLOCK_OPTIONS);
    format_with(&format, ms)
}

/// The day, month and year, then the clock's own options.
const DATE_TIME_OPTIONS: [(&str, &str); 6] = [
    ("day", "numeric"),
    ("month", "long"),
    ("year", "numeric"),
    CLOCK_OPTIONS[0],
    CLOCK_OPTIONS[1],
    CLOCK_OPTIONS[2],
];

/// "27 בדצמבר 2024, 14:02" in the zone.
pub fn format_date_time(ms: i64, zone: &str) -> String {
    let format = formatter(&DATES, zone, &DATE_TIME_OPTIONS);
    format_with(&format, ms)
}

/// The civil date of `ms` in `zone` (year, month and day there), read with
/// `formatToParts`; the UTC date if the browser cannot say.
pub fn civil_date(ms: i64, zone: &str) -> NaiveDate {
    let format = formatter(
        &PARTS,
        zone,
        &[
            ("year", "numeric"),
            ("month", "numeric"),
            ("day", "numeric"),
            ("calendar", "gregory"),
            ("numberingSystem", "latn"),
        ],
    );
    let (mut year, mut month, mut day) = (None, None, None);
    for (kind, value) in parts_at(&format, ms) {
        let value = value.parse::<i64>().ok();
        match kind.as_str() {
            "year" => year = value,
            "month" => month = value,
            "day" => day = value,
            _ => {}
        }
    }
    year.zip(month)
        .zip(day)
        .and_then(|((y, m), d)| {
            NaiveDate::from_ymd_opt(
                i32::try_from(y).ok()?,
                u32::try_from(m).ok()?,
                u32::try_from(d).ok()?,
            )
        })
        .unwrap_or_else(|| super::utc_date(ms))
}

/// The `type` and `value` of each part `format.formatToParts` gives for `ms`; none
/// when it throws (an invalid date).
fn parts_at(format: &Intl::DateTimeFormat, ms: i64) -> Vec<(String, String)> {
    let date = Date::new(&JsValue::from_f64(ms as f64));
    // Called through Reflect so that a throw (an invalid date) is an `Err`, not an
    // exception unwinding through the wasm.
    let parts: Array = Reflect::get(format, &"formatToParts".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .and_then(|f| f.call1(format, &date).ok())
        .and_then(|parts| parts.dyn_into().ok())
        .unwrap_or_default();
    parts
        .iter()
        .filter_map(|part| {
            let field = |key: &str| {
                Reflect::get(&part, &key.into())
                    .ok()
                    .and_then(|v| v.as_string())
            };
            Some((field("type")?, field("value")?))
        })
        .collect()
}

/// The instant (ms since the epoch) at which the clocks of `zone` (an IANA name)
/// show `wall_ms`, a wall time's digits read as if UTC: how a feed's zoneless date
/// is read in the feed's zone. The zone's offsets come from `Intl` (its wall time
/// at an instant, from `formatToParts`, less the instant), so the wasm carries no
/// tz data; the rule is the native side's (`super::wall_to_instant_by`): in an
/// overlap the earlier reading, in a gap the reading with the offset before it.
/// `None` when the browser refuses the zone, or beyond a `Date`'s range.
pub fn wall_to_instant_ms(wall_ms: i64, zone: &str) -> Option<i64> {
    let format = offset_format(zone)?;
    super::wall_to_instant_by(wall_ms, |ms| offset_ms_at(&format, ms))
}

/// The formatter [`offset_ms_at`] reads, cached per zone. In `en-US`, not the
/// site's locale: only numbers are read, and the era, which says whether the year
/// is before the common era, is "BC" there.
fn offset_format(zone: &str) -> Option<Intl::DateTimeFormat> {
    OFFSETS.with(|cache| {
        if let Some((_, format)) = cache.borrow().iter().find(|(z, _)| z == zone) {
            return format.clone();
        }
        let locales = Array::of1(&"en-US".into());
        let format = build(
            &locales,
            &options(&[
                ("year", "numeric"),
                ("month", "numeric"),
                ("day", "numeric"),
                ("hour", "numeric"),
                ("minute", "numeric"),
                ("second", "numeric"),
                ("hourCycle", "h23"),
                ("era", "short"),
                ("calendar", "gregory"),
                ("numberingSystem", "latn"),
                ("timeZone", zone),
            ]),
        );
        cache.borrow_mut().push((zone.to_owned(), format.clone()));
        format
    })
}

/// The zone's offset east of UTC at `ms`, in ms: its wall time there, read as if
/// UTC, less `ms` to the whole second (offsets before standard time, such as
/// Jerusalem's +2:20:54, have seconds). `None` when `Intl` cannot say.
fn offset_ms_at(format: &Intl::DateTimeFormat, ms: i64) -> Option<i64> {
    let mut fields = [None::<i64>; 6];
    let mut before_common_era = false;
    for (kind, value) in parts_at(format, ms) {
        let slot = match kind.as_str() {
            "year" => 0,
            "month" => 1,
            "day" => 2,
            "hour" => 3,
            "minute" => 4,
            "second" => 5,
            "era" => {
                before_common_era = value == "BC";
                continue;
            }
            _ => continue,
        };
        fields[slot] = value.parse().ok();
    }
    let [Some(year), Some(month), Some(day), Some(hour), Some(minute), Some(second)] = fields
    else {
        return None;
    };
    // Year 1 BC is year 0 of the proleptic Gregorian calendar chrono counts in.
    let year = if before_common_era { 1 - year } else { year };
    // Engines before `hourCycle` wrote midnight as 24 with `hour12: false`.
    let hour = if hour == 24 { 0 } else { hour };
    let wall = NaiveDate::from_ymd_opt(
        i32::try_from(year).ok()?,
        u32::try_from(month).ok()?,
        u32::try_from(day).ok()?,
    )?
    .and_hms_opt(
        u32::try_from(hour).ok()?,
        u32::try_from(minute).ok()?,
        u32::try_from(second).ok()?,
    )?
    .and_utc()
    .timestamp_millis();
    Some(wall - ms.div_euclid(1000) * 1000)
}

/// The day beside a time for `label`, of `ms` in `zone`: `None` for today,
/// "אתמול", "יום שלישי", "24 בנובמבר", "24 בנובמבר 2025".
pub fn format_day(label: DayLabel, ms: i64, zone: &str) -> Option<String> {
    let format = match label {
        DayLabel::Today => return None,
        DayLabel::Yesterday => return Some(relative_format(-1, "day", true)),
        DayLabel::Weekday => formatter(&WEEKDAYS, zone, &[("weekday", "long")]),
        DayLabel::ThisYear => formatter(&DAYS, zone, &[("day", "numeric"), ("month", "long")]),
        DayLabel::WithYear => formatter(
            &DAYS_WITH_YEAR,
            zone,
            &[("day", "numeric"), ("month", "long"), ("year", "numeric")],
        ),
    };
    Some(format_with(&format, ms))
}

/// "לפני 5 דקות", "אתמול", "שלשום", "לפני שבועיים", "לפני 3 חודשים"; for
/// [`Ago::OnDate`], the date of `then_ms` in `zone`: "24 בנובמבר 2025".
pub fn format_ago(ago: Ago, then_ms: i64, zone: &str) -> String {
    match ago {
        Ago::Seconds(_) => relative_format(0, "minute", true),
        Ago::Minutes(m) => relative_format(m, "minute", true),
        Ago::Hours(h) => relative_format(h, "hour", true),
        Ago::Days(d) => relative_format(d, "day", true),
        Ago::Weeks(w) => relative_format(w, "week", false),
        Ago::Months(m) => relative_format(m, "month", false),
        Ago::OnDate => format_day(DayLabel::WithYear, then_ms, zone).unwrap_or_default(),
    }
}

fn relative_format(value: i64, unit: &str, auto: bool) -> String {
    RELATIVE.with(|cell| {
        let mut cell = cell.borrow_mut();
        let (automatic, always) = cell.get_or_insert_with(|| {
            let locales = Array::of1(&LOCALE.into());
            (
                Intl::RelativeTimeFormat::new(&locales, &options(&[("numeric", "auto")])),
                Intl::RelativeTimeFormat::new(&locales, &options(&[("numeric", "always")])),
            )
        });
        let format = if auto { automatic } else { always };
        format.format(value as f64, unit).into()
    })
}

/// True when the browser knows the IANA zone.
pub fn zone_is_valid(zone: &str) -> bool {
    let locales = Array::of1(&LOCALE.into());
    build(&locales, &options(&[("timeZone", zone)])).is_some()
}

/// The `datetime` attribute of a `<time>`: "2024-12-27T12:02:00.000Z".
pub fn iso(ms: i64) -> String {
    Date::new(&JsValue::from_f64(ms as f64))
        .to_iso_string()
        .into()
}

/// `Date.now()`.
pub fn now_ms() -> i64 {
    Date::now() as i64
}
