//! Formatting through the browser's `Intl`, cached per zone because building a
//! `DateTimeFormat` is far slower than using one.

use std::cell::RefCell;

use js_sys::{Array, Date, Function, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

use super::Ago;

const LOCALE: &str = "he-IL";

thread_local! {
    static CLOCKS: RefCell<Vec<(String, Intl::DateTimeFormat)>> = const { RefCell::new(Vec::new()) };
    static DATES: RefCell<Vec<(String, Intl::DateTimeFormat)>> = const { RefCell::new(Vec::new()) };
    static RELATIVE: RefCell<Option<Intl::RelativeTimeFormat>> = const { RefCell::new(None) };
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
            all.push(("timeZone", "Asia/Jerusalem"));
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

/// "14:02" in the zone, 24-hour.
pub fn format_clock(ms: i64, zone: &str) -> String {
    let format = formatter(
        &CLOCKS,
        zone,
        &[
            ("hour", "2-digit"),
            ("minute", "2-digit"),
            ("hourCycle", "h23"),
        ],
    );
    format_with(&format, ms)
}

/// "27 בדצמבר 2024, 14:02" in the zone.
pub fn format_date_time(ms: i64, zone: &str) -> String {
    let format = formatter(
        &DATES,
        zone,
        &[
            ("day", "numeric"),
            ("month", "long"),
            ("year", "numeric"),
            ("hour", "2-digit"),
            ("minute", "2-digit"),
            ("hourCycle", "h23"),
        ],
    );
    format_with(&format, ms)
}

/// "לפני 5 דקות".
pub fn format_relative(ago: Ago) -> String {
    RELATIVE.with(|cell| {
        let mut cell = cell.borrow_mut();
        let format = cell.get_or_insert_with(|| {
            Intl::RelativeTimeFormat::new(
                &Array::of1(&LOCALE.into()),
                &options(&[("numeric", "auto")]),
            )
        });
        let (value, unit) = match ago {
            Ago::Seconds(_) => (0, "minute"),
            Ago::Minutes(m) => (m, "minute"),
            Ago::Hours(h) => (h, "hour"),
            Ago::Days(d) => (d, "day"),
        };
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
