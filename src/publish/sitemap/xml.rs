//! What every sitemap file writes the same way: escaped text (dates:
//! `publish::w3c_datetime`).

use std::borrow::Cow;

/// `text` as XML 1.0 character data or attribute value: `&`, `<`, `>`, `"`
/// and `'` as the five predefined entities (sitemaps.org "Entity escaping"
/// lists exactly these), and the characters XML 1.0 does not allow at all
/// (§2.2 `Char`: the C0 controls but tab, line feed and carriage return;
/// U+FFFE, U+FFFF) dropped, since no escape can carry them and one would make
/// the whole file unreadable to a crawler.
pub fn escape(text: &str) -> Cow<'_, str> {
    // Bytes, not characters, for the common case: a sitemap may be 50 MB.
    let plain_byte = |b: &u8| {
        !matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'')
            && (*b >= 0x20 || matches!(b, b'\t' | b'\n' | b'\r'))
    };
    if text.bytes().all(|b| plain_byte(&b)) && !text.contains(['\u{FFFE}', '\u{FFFF}']) {
        return Cow::Borrowed(text);
    }
    let mut escaped = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            c if allowed(c) => escaped.push(c),
            _ => {}
        }
    }
    Cow::Owned(escaped)
}

/// XML 1.0's `Char` production (Rust's `char` already excludes surrogates).
fn allowed(c: char) -> bool {
    !matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
}
