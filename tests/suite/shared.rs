//! shared/constants.json is the one home of the values that Rust and the
//! browser's scripts both use: Rust's constants are the file's (build.rs), and no
//! browser script or build step writes one of them out again (they read
//! `MivzakShared`, or `require` the file).

use std::fs;
use std::path::Path;

use mivzak::embed::parse_options;
use mivzak::shared;
use serde_json::Value;

fn file() -> Value {
    let text = fs::read_to_string("shared/constants.json").expect("shared/constants.json");
    serde_json::from_str(&text).expect("shared/constants.json is JSON")
}

fn text<'a>(file: &'a Value, pointer: &str) -> &'a str {
    file.pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("{pointer}"))
}

fn number(file: &Value, pointer: &str) -> f64 {
    file.pointer(pointer)
        .and_then(Value::as_f64)
        .unwrap_or_else(|| panic!("{pointer}"))
}

fn texts(file: &Value, pointer: &str) -> Vec<String> {
    let list = file.pointer(pointer).and_then(Value::as_array);
    let list = list.unwrap_or_else(|| panic!("{pointer}"));
    list.iter()
        .map(|v| v.as_str().expect(pointer).to_owned())
        .collect()
}

fn pair(file: &Value, pointer: &str) -> (f64, f64) {
    let at = |i: usize| number(file, &format!("{pointer}/{i}"));
    (at(0), at(1))
}

#[test]
fn the_rust_constants_are_the_files_values() {
    let file = file();
    assert_eq!(shared::DEFAULT_FEED_URL, text(&file, "/defaults/feed_url"));
    assert_eq!(
        shared::DEFAULT_SITE_NAME,
        text(&file, "/defaults/site_name")
    );
    assert_eq!(
        shared::DEFAULT_TIME_ZONE,
        text(&file, "/defaults/time_zone")
    );
    assert_eq!(shared::DEFAULT_LANGUAGE, text(&file, "/defaults/language"));
    let poll = number(&file, "/defaults/poll_seconds");
    assert_eq!(f64::from(shared::DEFAULT_POLL_SECONDS), poll);
    let speed = number(&file, "/defaults/ticker/speed");
    assert_eq!(shared::DEFAULT_TICKER_SPEED, speed);
    let count = number(&file, "/defaults/ticker/count");
    assert_eq!(shared::DEFAULT_TICKER_COUNT as f64, count);
    let (low, high) = shared::POLL_SECONDS_RANGE;
    let poll_range = (f64::from(low), f64::from(high));
    assert_eq!(poll_range, pair(&file, "/ranges/poll_seconds"));
    assert_eq!(shared::SPEED_RANGE, pair(&file, "/ranges/ticker/speed"));
    let (low, high) = shared::COUNT_RANGE;
    let count_range = (low as f64, high as f64);
    assert_eq!(count_range, pair(&file, "/ranges/ticker/count"));
    assert_eq!(
        shared::RTL_LANGUAGES.to_vec(),
        texts(&file, "/rtl_languages")
    );
    assert_eq!(shared::LOCALE, text(&file, "/locale"));
    let clock = file
        .pointer("/clock")
        .and_then(Value::as_object)
        .expect("clock");
    assert_eq!(shared::CLOCK_OPTIONS.len(), clock.len());
    for (key, value) in shared::CLOCK_OPTIONS {
        assert_eq!(clock.get(key).and_then(Value::as_str), Some(value), "{key}");
    }
    assert_eq!(shared::SAVED_COPY_HEADER, text(&file, "/saved_copy_header"));
    let longest = number(&file, "/longest_file_name");
    assert_eq!(shared::LONGEST_FILE_NAME as f64, longest);
    assert_eq!(
        shared::EMBED_OPTIONS.to_vec(),
        texts(&file, "/embed/options")
    );
    assert_eq!(
        shared::LIVE_OPTIONS.to_vec(),
        texts(&file, "/embed/live_options")
    );
    assert_eq!(shared::SET_MESSAGE, text(&file, "/embed/messages/set"));
    assert_eq!(
        shared::HEIGHT_MESSAGE,
        text(&file, "/embed/messages/height")
    );
    assert_eq!(
        shared::SLOW_CONNECTIONS.to_vec(),
        texts(&file, "/slow_connections")
    );
    assert_eq!(
        shared::FAILURE_NOTICE_GLOBAL,
        text(&file, "/globals/failure_notice")
    );
}

#[test]
fn the_defaults_and_ranges_are_the_configs() {
    let defaults = mivzak::config::Config::default();
    assert_eq!(defaults.feed_url, shared::DEFAULT_FEED_URL);
    assert_eq!(defaults.site_name, shared::DEFAULT_SITE_NAME);
    assert_eq!(defaults.time_zone, shared::DEFAULT_TIME_ZONE);
    assert_eq!(defaults.poll_seconds, shared::DEFAULT_POLL_SECONDS);
    assert_eq!(defaults.language.as_deref(), Some(shared::DEFAULT_LANGUAGE));
    assert_eq!(defaults.ticker.speed, shared::DEFAULT_TICKER_SPEED);
    assert_eq!(defaults.ticker.count, shared::DEFAULT_TICKER_COUNT);
    assert_eq!(mivzak::config::COUNT_RANGE, shared::COUNT_RANGE);
    assert_eq!(mivzak::paths::LONGEST_FILE_NAME, shared::LONGEST_FILE_NAME);
    assert_eq!(mivzak::http::SAVED_COPY_HEADER, shared::SAVED_COPY_HEADER);
    for language in shared::RTL_LANGUAGES {
        assert!(shared::is_rtl_language(language), "{language}");
        assert_eq!(mivzak::bidi::language_dir(language), "rtl", "{language}");
    }
    for language in ["en", "de", "hex", "h", ""] {
        assert!(!shared::is_rtl_language(language), "{language}");
    }
}

/// `embed.js` passes every option of the list to the frame, which reads each
/// one (`title` is the iframe's own attribute, read and left alone).
#[test]
fn every_embed_option_is_one_the_frame_reads() {
    for name in shared::EMBED_OPTIONS {
        let (_, warnings) = parse_options([(name, "x")]);
        assert!(
            warnings.iter().all(|w| !w.contains("unknown option")),
            "{name}: {warnings:?}"
        );
    }
    for name in shared::LIVE_OPTIONS {
        assert!(shared::EMBED_OPTIONS.contains(&name), "{name}");
    }
    let (_, warnings) = parse_options([("colour", "red")]);
    assert!(warnings.iter().any(|w| w.contains("unknown option")));
}

/// The browser's side: the pages, `public/`'s scripts and the build steps.
fn browser_sources() -> Vec<(String, String)> {
    let mut files = vec!["index.html".to_owned(), "embed.html".to_owned()];
    for folder in ["public", "scripts"] {
        let mut names: Vec<String> = fs::read_dir(folder)
            .expect(folder)
            .filter_map(|entry| entry.ok())
            .map(|entry| entry.path().display().to_string())
            .filter(|path| path.ends_with(".js") || path.ends_with(".mjs"))
            .collect();
        names.sort();
        files.extend(names);
    }
    files
        .into_iter()
        .map(|path| {
            let text = fs::read_to_string(Path::new(&path)).expect(&path);
            (path, text)
        })
        .collect()
}

fn string_leaves(value: &Value, found: &mut Vec<String>) {
    match value {
        Value::String(text) => found.push(text.clone()),
        Value::Array(items) => items.iter().for_each(|item| string_leaves(item, found)),
        Value::Object(map) => map.values().for_each(|item| string_leaves(item, found)),
        _ => {}
    }
}

/// A copy would drift: every text of the file that a script could write as a
/// literal (`'x-mivzak-saved'`, `"Asia/Jerusalem"`, `window.__mivzakFailureNotice`) is
/// found in none, nor is a list of the file written out (the right-to-left
/// languages as a regular expression `he|iw|ar…`, the embed's options as
/// `'mode', 'count', …`).
#[test]
fn no_browser_script_writes_a_shared_value_out() {
    let mut values = Vec::new();
    string_leaves(&file(), &mut values);
    // A list's members are names a script may use one by one (`'title'`, the
    // option that is the iframe's own attribute); the list itself is the copy.
    let lists: [&[&str]; 5] = [
        &shared::SLOW_CONNECTIONS,
        &shared::RTL_LANGUAGES,
        &shared::EMBED_OPTIONS,
        &shared::LIVE_OPTIONS,
        &shared::SCHEMES,
    ];
    values.retain(|value| !lists.iter().any(|list| list.contains(&value.as_str())));
    let mut copies = Vec::new();
    for (path, source) in browser_sources() {
        for value in &values {
            let forms = [
                format!("'{value}'"),
                format!("\"{value}\""),
                format!("window.{value}"),
            ];
            copies.extend(
                forms
                    .iter()
                    .filter(|form| source.contains(form.as_str()))
                    .map(|form| format!("{path}: {form}")),
            );
        }
        for pair in lists.iter().flat_map(|list| list.windows(2)) {
            for form in [
                format!("{}|{}", pair[0], pair[1]),
                format!("'{}', '{}'", pair[0], pair[1]),
                format!("\"{}\", \"{}\"", pair[0], pair[1]),
            ] {
                if source.contains(&form) {
                    copies.push(format!("{path}: {form}"));
                }
            }
        }
    }
    assert!(copies.is_empty(), "written out again: {copies:#?}");
}
