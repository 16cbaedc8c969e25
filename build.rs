//! Build steps, one function each.

use std::fmt::Write as _;
use std::path::Path;

use serde_json::Value;

fn main() {
    shared_constants();
    split_relocations();
}

/// The browser app's wasm keeps its relocations (`--emit-relocs`), which the
/// split step after the build (`scripts/wasm-split.mjs`, issue 16) reads to cut
/// the split points into chunks of their own. Only the app's and the embed's
/// binaries, only for wasm, and only with the `split-xml` feature (index.html's
/// and embed.html's builds; `split` includes it): binaryen cannot optimise a wasm
/// that keeps its linking section, so a build without split points must not
/// keep it. The renderer and every dependency link as before.
fn split_relocations() {
    println!("cargo:rerun-if-changed=build.rs");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32");
    if wasm && std::env::var_os("CARGO_FEATURE_SPLIT_XML").is_some() {
        println!("cargo:rustc-link-arg-bin=mivzak=--emit-relocs");
        println!("cargo:rustc-link-arg-bin=embed=--emit-relocs");
    }
}

/// The file of values Rust and the browser's scripts both need.
const SHARED: &str = "shared/constants.json";

/// What `src/shared.rs` gets from [`SHARED`]: each constant's name, where it is
/// in the file (a JSON pointer), its Rust type and its doc comment.
const CONSTANTS: &[(&str, &str, Kind, &str)] = &[
    ("DEFAULT_FEED_URL", "/defaults/feed_url", Kind::Str, "config.json's `feed_url` when it names none (relative to config.json)."),
    ("DEFAULT_SITE_NAME", "/defaults/site_name", Kind::Str, "config.json's `site_name` when it names none."),
    ("DEFAULT_TIME_ZONE", "/defaults/time_zone", Kind::Str, "config.json's `time_zone` when it names none or one the browser does not know (IANA)."),
    ("DEFAULT_POLL_SECONDS", "/defaults/poll_seconds", Kind::U32, "config.json's `poll_seconds` when it names none or one out of range."),
    ("DEFAULT_LANGUAGE", "/defaults/language", Kind::Str, "config.json's `language` when the key is missing: the feed's texts are Hebrew (BCP 47)."),
    ("DEFAULT_TICKER_SPEED", "/defaults/ticker/speed", Kind::F64, "config.json's `ticker.speed` (CSS pixels a second) when it names none or one out of range."),
    ("DEFAULT_TICKER_COUNT", "/defaults/ticker/count", Kind::Usize, "config.json's `ticker.count` when it is missing or not a whole number."),
    ("POLL_SECONDS_RANGE", "/ranges/poll_seconds", Kind::Range(Int::U32), "`poll_seconds`, inclusive: polling faster would hammer a CDN; slower would not be \"live\"."),
    ("SPEED_RANGE", "/ranges/ticker/speed", Kind::Range(Int::F64), "`ticker.speed` and the embed's `speed`, inclusive, in CSS pixels a second."),
    ("COUNT_RANGE", "/ranges/ticker/count", Kind::Range(Int::Usize), "`ticker.count` (clamped into it) and the embed's `count` (refused outside it), inclusive."),
    ("RTL_LANGUAGES", "/rtl_languages", Kind::StrList, "Primary language subtags written right to left (lowercase): Hebrew (and its old code `iw`), Arabic, Persian, Urdu, Yiddish (`ji`), Pashto, Sindhi, Sorani, Dhivehi, Uyghur."),
    ("SLOW_CONNECTIONS", "/slow_connections", Kind::StrList, "`navigator.connection.effectiveType`s on which nothing is fetched before the reader asks for it: the chunks wait for intent (`chunk_prefetch::idle_prefetch_allowed`), and the service worker keeps them on use instead of at install (`public/sw.js`)."),
    ("LOCALE", "/locale", Kind::Str, "The locale of every `Intl` format: times, dates and relative times."),
    ("CLOCK_OPTIONS", "/clock", Kind::StrPairs, "`Intl.DateTimeFormat` options of a flash's time, \"14:02\" (24-hour, two digits), the `timeZone` added."),
    ("SAVED_COPY_HEADER", "/saved_copy_header", Kind::Str, "The header the service worker (`public/sw.js`) puts on a kept copy of config.json or the feed: when it was kept, in ms."),
    ("LONGEST_FILE_NAME", "/longest_file_name", Kind::Usize, "The longest file name, in UTF-8 bytes, that `paths::route_segment` leaves readable: ext4, XFS, btrfs and APFS allow 255 bytes a name, eCryptfs 143; 200 leaves room for the renderer's temporary names (`.name.tmp-…`)."),
    ("EMBED_OPTIONS", "/embed/options", Kind::StrList, "Every option an embedder may give a ticker (`data-*` on a div, plain on `<mivzak-ticker>`), which `public/embed.js` passes in the iframe's query."),
    ("LIVE_OPTIONS", "/embed/live_options", Kind::StrList, "The options an embedded ticker changes in place when its host page asks (`mivzak:set`); it tells `embed.js` this list in its height messages, and `embed.js` loads the frame again for a change to any other (`feed`, `count`, `speed`, `lang`, `target`) or for an option put back to its default."),
    ("SET_MESSAGE", "/embed/messages/set", Kind::Str, "The `type` of `embed.js`'s message to its frame: `{ type, id, options }`, options to change in place."),
    ("HEIGHT_MESSAGE", "/embed/messages/height", Kind::Str, "The `type` of the frame's message to `embed.js`: `{ type, id, height, live }`, its content's height in CSS pixels and [`LIVE_OPTIONS`]."),
    ("GENERATOR", "/generator", Kind::Str, "The `content` of the `<meta name=\"generator\">` mivzak-render writes into every page it publishes: how a run tells a published index.html from trunk's."),
    ("FAILURE_NOTICE_GLOBAL", "/globals/failure_notice", Kind::Str, "The `window` property of `public/failure-notice.js`, which a panic is reported to (`panic_notice.rs`)."),
    ("TEXT_SIZE_KEY", "/reader/keys/text_size", Kind::Str, "The localStorage key of the reader's text size (a step of [`TEXT_SIZES`], as digits), which index.html's first script applies before the first paint."),
    ("SCHEME_KEY", "/reader/keys/scheme", Kind::Str, "The localStorage key of the reader's colour scheme (one of [`SCHEMES`]), which index.html's first script applies before the first paint."),
    ("TEXT_SIZES", "/reader/text_sizes", Kind::U32List, "The reader's text sizes, smallest first: percentages of the browser's own font size, set on `<html>` so every `rem` follows."),
    ("DEFAULT_TEXT_SIZE", "/reader/default_text_size", Kind::U32, "The text size of a reader who chose none: one of [`TEXT_SIZES`]."),
    ("SCHEMES", "/reader/schemes", Kind::StrList, "The reader's colour schemes, as stored and as `data-scheme` on `<html>` carries them (none for `auto`, the first)."),
];

/// How a value is written in Rust.
#[derive(Clone, Copy)]
enum Kind {
    Str,
    U32,
    Usize,
    F64,
    /// `[low, high]` as a `(low, high)` pair.
    Range(Int),
    /// An array of strings as `[&str; N]`.
    StrList,
    /// An array of whole numbers as `[u32; N]`.
    U32List,
    /// An object of strings as `[(&str, &str); N]`, sorted by key.
    StrPairs,
}

/// The number type of a range.
#[derive(Clone, Copy)]
enum Int {
    U32,
    Usize,
    F64,
}

/// Writes [`CONSTANTS`] from [`SHARED`] into `$OUT_DIR/shared.rs`; any value
/// missing or of another type stops the build, naming it.
fn shared_constants() {
    println!("cargo:rerun-if-changed={SHARED}");
    let text = std::fs::read_to_string(SHARED).unwrap_or_else(|e| panic!("{SHARED}: {e}"));
    let file: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{SHARED}: {e}"));
    let mut out = format!("// Generated by build.rs from {SHARED}: edit that file.\n");
    for &(name, pointer, kind, doc) in CONSTANTS {
        let value = file
            .pointer(pointer)
            .unwrap_or_else(|| panic!("{SHARED}: no {pointer}"));
        let (ty, expr) = rust_value(kind, value)
            .unwrap_or_else(|| panic!("{SHARED}: {pointer} is not of the type {name} needs"));
        let _ = writeln!(out, "#[doc = {doc:?}]\npub const {name}: {ty} = {expr};");
    }
    out.push_str(&matcher(
        "is_rtl_language",
        "/rtl_languages",
        &file,
        "Whether a lowercase primary language subtag is one of [`RTL_LANGUAGES`] (a `match`, as small in the wasm as one written by hand).",
    ));
    let path = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("shared.rs");
    std::fs::write(&path, out).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// The type and the expression of `value` as `kind`; `None` when it is not one.
fn rust_value(kind: Kind, value: &Value) -> Option<(String, String)> {
    let text = |v: &Value| v.as_str().map(|s| format!("{s:?}"));
    Some(match kind {
        Kind::Str => ("&str".into(), text(value)?),
        Kind::U32 => (
            "u32".into(),
            u32::try_from(value.as_u64()?).ok()?.to_string(),
        ),
        Kind::Usize => ("usize".into(), value.as_u64()?.to_string()),
        Kind::F64 => ("f64".into(), format!("{:?}", value.as_f64()?)),
        Kind::Range(int) => {
            let [low, high] = value.as_array()?.as_slice() else {
                return None;
            };
            let (ty, low, high) = match int {
                Int::U32 => (
                    "u32",
                    rust_value(Kind::U32, low)?.1,
                    rust_value(Kind::U32, high)?.1,
                ),
                Int::Usize => (
                    "usize",
                    rust_value(Kind::Usize, low)?.1,
                    rust_value(Kind::Usize, high)?.1,
                ),
                Int::F64 => (
                    "f64",
                    rust_value(Kind::F64, low)?.1,
                    rust_value(Kind::F64, high)?.1,
                ),
            };
            (format!("({ty}, {ty})"), format!("({low}, {high})"))
        }
        Kind::StrList => {
            let items = value
                .as_array()?
                .iter()
                .map(text)
                .collect::<Option<Vec<_>>>()?;
            (
                format!("[&str; {}]", items.len()),
                format!("[{}]", items.join(", ")),
            )
        }
        Kind::U32List => {
            let items = value
                .as_array()?
                .iter()
                .map(|v| rust_value(Kind::U32, v).map(|(_, expr)| expr))
                .collect::<Option<Vec<_>>>()?;
            (
                format!("[u32; {}]", items.len()),
                format!("[{}]", items.join(", ")),
            )
        }
        Kind::StrPairs => {
            let pairs = value
                .as_object()?
                .iter()
                .map(|(key, v)| Some(format!("({key:?}, {})", text(v)?)))
                .collect::<Option<Vec<_>>>()?;
            (
                format!("[(&str, &str); {}]", pairs.len()),
                format!("[{}]", pairs.join(", ")),
            )
        }
    })
}

/// `pub fn name(text: &str) -> bool`: whether `text` is one of the strings listed
/// at `pointer`.
fn matcher(name: &str, pointer: &str, file: &Value, doc: &str) -> String {
    let items: Vec<String> = file
        .pointer(pointer)
        .and_then(Value::as_array)
        .unwrap_or_else(|| panic!("{SHARED}: no list at {pointer}"))
        .iter()
        .map(|v| {
            format!(
                "{:?}",
                v.as_str().unwrap_or_else(|| panic!("{SHARED}: {pointer}"))
            )
        })
        .collect();
    format!(
        "#[doc = {doc:?}]\npub fn {name}(text: &str) -> bool {{\n    matches!(text, {})\n}}\n",
        items.join(" | ")
    )
}
