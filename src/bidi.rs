//! Finding left-to-right runs ("Windows 11", "TikTok", "2024") inside a Hebrew line,
//! so the view can isolate each one and the bidi algorithm cannot move it or the
//! punctuation around it to the wrong end.

/// A piece of a line: Hebrew (or neutral) text, or a run to isolate as LTR.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Run<'a> {
    Plain(&'a str),
    Ltr(&'a str),
}

fn starts_ltr(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '\u{00C0}'..='\u{024F}')
}

/// Characters that may join two LTR pieces into one run ("Windows 11", "e-mail",
/// "3.5", "AT&T") but never start or end one.
fn joins(c: char) -> bool {
    matches!(
        c,
        ' ' | '.' | ',' | ':' | '-' | '/' | '+' | '&' | '_' | '\'' | '%' | '#' | '@'
    )
}

/// Splits `text` into plain and LTR runs, in order. Joining them gives `text` back.
pub fn runs(text: &str) -> Vec<Run<'_>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut plain_start = 0;
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if !starts_ltr(c) {
            i += 1;
            continue;
        }
        // Extend over LTR characters, and over joiners only when more LTR follows.
        let mut end = start + c.len_utf8();
        let mut next = i + 1;
        let mut j = i + 1;
        while j < chars.len() {
            let (index, c) = chars[j];
            if starts_ltr(c) {
                end = index + c.len_utf8();
                next = j + 1;
            } else if !joins(c) {
                break;
            }
            j += 1;
        }
        if plain_start < start {
            out.push(Run::Plain(&text[plain_start..start]));
        }
        out.push(Run::Ltr(&text[start..end]));
        plain_start = end;
        i = next;
    }
    if plain_start < text.len() {
        out.push(Run::Plain(&text[plain_start..]));
    }
    out
}

/// The direction of a BCP 47 language tag: right-to-left for Hebrew, Arabic,
/// Persian, Urdu, Yiddish and the like, left-to-right for the rest.
pub fn language_dir(language: &str) -> &'static str {
    let primary = language
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    match primary.as_str() {
        "he" | "iw" | "ar" | "fa" | "ur" | "yi" | "ji" | "ps" | "sd" | "ckb" | "dv" | "ug" => "rtl",
        _ => "ltr",
    }
}

/// True when a language tag is Hebrew (the site's own language).
pub fn is_hebrew(language: &str) -> bool {
    let primary = language.split(['-', '_']).next().unwrap_or_default();
    primary.eq_ignore_ascii_case("he") || primary.eq_ignore_ascii_case("iw")
}
