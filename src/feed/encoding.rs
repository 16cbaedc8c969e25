//! A feed's bytes as text: which encoding they are in (pure), and the decoding
//! itself, by the browser's `TextDecoder` in the wasm (no tables shipped to
//! readers) and by `encoding_rs` natively. Both follow the WHATWG Encoding
//! Standard, so a label (`windows-1255`, `cp1255`, `ISO-8859-8-I`, `hebrew` …)
//! means the same on both sides.
//!
//! The order of evidence (Miniflux's `reader/encoding`, and what the issue
//! measured on Israeli feeds):
//! 1. a byte-order mark;
//! 2. bytes that are valid UTF-8 are UTF-8, whatever a label says (ynet once
//!    declared `windows-1255` over UTF-8 bytes, and a UTF-8 feed served by a
//!    server whose default charset is Latin-1 is common);
//! 3. the HTTP `Content-Type`'s `charset`, then the XML declaration's `encoding`
//!    (Rotter names windows-1255 only in its prolog); a label of UTF-8 is passed
//!    over here, since the bytes have just shown they are not;
//! 4. with no label, UTF-8 (JSON's RFC 8259 §8.1, XML 1.0 §4.3.3) is refused
//!    when many sequences are broken: that is a legacy encoding nobody named,
//!    and guessing would show "����".
//!
//! Bytes that are UTF-8 but for a few broken sequences (at least two valid
//! non-ASCII characters for each broken one: a feed cut mid-character, a stray
//! byte) are UTF-8 at step 2, each broken sequence shown as �.

use super::FeedError;

/// How the bytes are to be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8; `lossy` when some sequences are broken and become U+FFFD.
    Utf8 {
        lossy: bool,
    },
    Utf16Le,
    Utf16Be,
    /// A WHATWG label as the feed or its server wrote it, lower-cased and trimmed.
    Label(String),
}

/// Bytes with at least this many valid non-ASCII characters for each broken
/// sequence are UTF-8 with some characters cut (a truncated feed, a stray byte),
/// not a legacy encoding: Hebrew letters in windows-1255 or ISO-8859-8 are bytes
/// 0xE0–0xFA, which UTF-8 never continues a sequence with, so nearly every
/// letter is a broken sequence and hardly any is valid.
const MOSTLY_VALID: usize = 2;

/// The encoding of `bytes`, served with `content_type` (the HTTP header, if any).
/// Errors: `FeedError::Undecodable` when the bytes are not UTF-8 and nothing names
/// their encoding.
pub fn choose_encoding(bytes: &[u8], content_type: Option<&str>) -> Result<Encoding, FeedError> {
    match bytes {
        [0xEF, 0xBB, 0xBF, ..] => return Ok(utf8(&bytes[3..])),
        [0xFF, 0xFE, ..] => return Ok(Encoding::Utf16Le),
        [0xFE, 0xFF, ..] => return Ok(Encoding::Utf16Be),
        // No BOM: an ASCII first character beside a zero byte (XML 1.0 Appendix F).
        [first, 0, ..] if first.is_ascii() && *first != 0 => return Ok(Encoding::Utf16Le),
        [0, second, ..] if second.is_ascii() && *second != 0 => return Ok(Encoding::Utf16Be),
        _ => {}
    }
    // Nearly every feed: valid UTF-8, told in one pass without counting.
    if std::str::from_utf8(bytes).is_ok() {
        return Ok(Encoding::Utf8 { lossy: false });
    }
    let (valid, broken) = utf8_sequences(bytes);
    // UTF-8 with a character cut somewhere (a truncated feed, one bad byte) is
    // still UTF-8, whatever a label says: a legacy encoding's letters are nearly
    // all broken sequences, so its share of valid ones is close to nothing.
    if valid >= MOSTLY_VALID * broken {
        return Ok(Encoding::Utf8 { lossy: true });
    }
    // The bytes are not UTF-8, so a label saying they are is passed over for
    // the next (a server's default `charset=utf-8` over Rotter's windows-1255,
    // which its XML declaration names).
    // A server's default Western charset (Apache's `AddDefaultCharset`, PHP's
    // `default_charset`) over a document that declares its own encoding is the
    // server's, not the document's: the declaration goes first then.
    let declared = declared_encoding(bytes);
    let served = content_type
        .and_then(charset_parameter)
        .filter(|label| !(is_western_default(label) && declared.is_some()));
    let label = served
        .into_iter()
        .chain(declared)
        .find(|label| !is_utf8_label(label));
    match label {
        Some(label) if label.starts_with("utf-16") => Ok(utf16_without_bom(bytes)),
        Some(label) => Ok(Encoding::Label(label)),
        None => Err(FeedError::Undecodable(format!(
            "{broken} of {} non-ASCII sequences are not UTF-8, and no other encoding is \
             named; name it in the XML declaration or the Content-Type's charset",
            valid + broken
        ))),
    }
}

fn utf8(bytes: &[u8]) -> Encoding {
    Encoding::Utf8 {
        lossy: std::str::from_utf8(bytes).is_err(),
    }
}

/// The labels servers send by default: ASCII, Latin-1 and Windows-1252
/// (one encoding in the Encoding Standard).
fn is_western_default(label: &str) -> bool {
    matches!(
        label,
        "us-ascii"
            | "ascii"
            | "iso-8859-1"
            | "iso8859-1"
            | "latin1"
            | "l1"
            | "windows-1252"
            | "cp1252"
    )
}

fn is_utf8_label(label: &str) -> bool {
    matches!(
        label,
        "utf-8"
            | "utf8"
            | "unicode-1-1-utf-8"
            | "unicode11utf8"
            | "unicode20utf8"
            | "x-unicode20utf8"
    )
}

/// UTF-16 named but without a BOM: the byte order of its first character (XML's
/// `<` is `3C 00` little-endian, `00 3C` big-endian).
fn utf16_without_bom(bytes: &[u8]) -> Encoding {
    match bytes {
        [0, _, ..] => Encoding::Utf16Be,
        _ => Encoding::Utf16Le,
    }
}

/// The non-ASCII characters of `bytes` read as UTF-8: how many are valid, and
/// how many sequences are broken.
fn utf8_sequences(bytes: &[u8]) -> (usize, usize) {
    let (mut valid, mut broken, mut rest) = (0usize, 0usize, bytes);
    loop {
        match std::str::from_utf8(rest) {
            Ok(text) => return (valid + non_ascii(text), broken),
            Err(error) => {
                let (good, after) = rest.split_at(error.valid_up_to());
                // from_utf8 said these bytes are valid.
                valid += non_ascii(std::str::from_utf8(good).unwrap_or_default());
                broken += 1;
                let skip = error.error_len().unwrap_or(after.len()).max(1);
                rest = &after[skip.min(after.len())..];
            }
        }
    }
}

fn non_ascii(text: &str) -> usize {
    text.chars().filter(|c| !c.is_ascii()).count()
}

/// The `charset` parameter of a `Content-Type` (`text/xml; charset="windows-1255"`),
/// lower-cased, unquoted and trimmed (RFC 9110 §8.3.1).
pub fn charset_parameter(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|parameter| {
        let (name, value) = parameter.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| {
                value
                    .trim()
                    .trim_matches(['"', '\''])
                    .trim()
                    .to_ascii_lowercase()
            })
            .filter(|value| !value.is_empty())
    })
}

/// The `encoding` of an XML declaration at the start of `bytes`
/// (`<?xml version='1.0' encoding="windows-1255"?>`, either quote, after white
/// space), lower-cased (XML 1.0 §4.3.3). Read from ASCII bytes, which every
/// encoding a declaration can name here agrees on.
pub fn declared_encoding(bytes: &[u8]) -> Option<String> {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace())?;
    let head = &bytes[start..bytes.len().min(start + 512)];
    let head = head.strip_prefix(b"<?xml")?;
    let end = head.windows(2).position(|pair| pair == b"?>")?;
    let declaration = std::str::from_utf8(&head[..end]).ok()?;
    let at = declaration.find("encoding")?;
    let value = declaration[at + "encoding".len()..]
        .trim_start()
        .strip_prefix('=')?
        .trim_start();
    let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = &value[1..];
    let label = value[..value.find(quote)?].trim().to_ascii_lowercase();
    (!label.is_empty()).then_some(label)
}

/// `bytes` as text, in the encoding [`choose_encoding`] picked, without a
/// byte-order mark. A lossy decoding says so once in the console.
/// Errors: `FeedError::Undecodable` for bytes no encoding reads, or a label
/// neither the browser nor the Encoding Standard knows (the label is named).
pub fn decode(bytes: &[u8], content_type: Option<&str>) -> Result<String, FeedError> {
    let text = match choose_encoding(bytes, content_type)? {
        Encoding::Utf8 { lossy: false } => {
            // Checked valid by choose_encoding.
            String::from_utf8(bytes.to_vec()).unwrap_or_default()
        }
        Encoding::Utf8 { lossy: true } => {
            crate::log::warn("feed: a few byte sequences are not UTF-8; shown as �");
            String::from_utf8_lossy(bytes).into_owned()
        }
        Encoding::Utf16Le => platform::decode("utf-16le", bytes)?,
        Encoding::Utf16Be => platform::decode("utf-16be", bytes)?,
        Encoding::Label(label) => platform::decode(superset(&label), bytes)?,
    };
    Ok(match text.strip_prefix('\u{FEFF}') {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}

/// The encoding to decode `label` with: ISO-8859-8 (visual or logical) as
/// windows-1255, which holds all its letters at the same bytes and adds what
/// Israeli sites write under that label anyway (₪, niqqud, ״, the dashes);
/// anything else as it is.
fn superset(label: &str) -> &str {
    const ISO_8859_8: [&str; 14] = [
        "csiso88598e",
        "csisolatinhebrew",
        "hebrew",
        "iso-8859-8",
        "iso-8859-8-e",
        "iso-ir-138",
        "iso8859-8",
        "iso88598",
        "iso_8859-8",
        "iso_8859-8:1988",
        "visual",
        "csiso88598i",
        "iso-8859-8-i",
        "logical",
    ];
    if ISO_8859_8.contains(&label) {
        "windows-1255"
    } else {
        label
    }
}

#[cfg(target_arch = "wasm32")]
mod platform {
    use super::FeedError;

    /// The browser's `TextDecoder`, which knows every label of the Encoding Standard.
    pub fn decode(label: &str, bytes: &[u8]) -> Result<String, FeedError> {
        let decoder = web_sys::TextDecoder::new_with_label(label).map_err(|_| unknown(label))?;
        decoder
            .decode_with_u8_array(bytes)
            .map_err(|_| FeedError::Undecodable(format!("the bytes are not {label}")))
    }

    fn unknown(label: &str) -> FeedError {
        FeedError::Undecodable(format!("unknown encoding {label:?}"))
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod platform {
    use super::FeedError;

    /// `encoding_rs`, the Encoding Standard's implementation (Firefox's).
    pub fn decode(label: &str, bytes: &[u8]) -> Result<String, FeedError> {
        let encoding = encoding_rs::Encoding::for_label(label.as_bytes())
            .ok_or_else(|| FeedError::Undecodable(format!("unknown encoding {label:?}")))?;
        Ok(encoding.decode_without_bom_handling(bytes).0.into_owned())
    }
}
