//! The direction of the feed's texts. A headline is never cut into pieces: the
//! element that holds it gets the `lang` and `dir` of its language, and the Unicode
//! bidi algorithm lays out everything inside it ("McDonald’s", "Tel Aviv–Yafo",
//! "50%"). Only what the page puts beside a text (a time, a count, a name) is
//! isolated, by the view that puts it there.

use std::borrow::Cow;

/// The `lang` and `dir` attributes of an element that shows a feed text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextDirection {
    /// A BCP 47 tag, or `None` when nothing names the language.
    pub lang: Option<String>,
    /// `"rtl"` or `"ltr"` from the language; `"auto"` (the browser looks at the
    /// text's first strong character) when nothing names it.
    pub dir: &'static str,
}

/// The direction of a text from the first language that is named: the item's
/// `language`, else the feed's top-level `language`, else the site's (config's
/// `language`, Hebrew by default). When none is, `lang` is absent and `dir` is
/// `"auto"`. A value that is not a language tag (`"Hebrew"`, `""`) counts as not
/// named, so the next one decides.
pub fn text_direction(item: Option<&str>, feed: Option<&str>, site: Option<&str>) -> TextDirection {
    match [item, feed, site]
        .into_iter()
        .flatten()
        .find_map(language_tag)
    {
        Some(tag) => TextDirection {
            dir: language_dir(&tag),
            lang: Some(tag),
        },
        None => TextDirection {
            lang: None,
            dir: "auto",
        },
    }
}

/// `text` as a language tag, trimmed and with `_` written `-` (`"he_IL"` →
/// `"he-IL"`), or `None` when it is not one: a primary subtag of two or three ASCII
/// letters, then subtags of one to eight letters or digits.
pub fn language_tag(text: &str) -> Option<String> {
    let tag = text.trim().replace('_', "-");
    let mut subtags = tag.split('-');
    let primary = subtags.next()?;
    let primary_ok =
        (2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_alphabetic());
    let rest_ok =
        subtags.all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()));
    (primary_ok && rest_ok).then_some(tag)
}

/// The direction of a BCP 47 language tag: right-to-left for Hebrew, Arabic,
/// Persian, Urdu, Yiddish and the like ([`crate::shared::RTL_LANGUAGES`]),
/// left-to-right for the rest.
pub fn language_dir(language: &str) -> &'static str {
    let primary = language
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    if crate::shared::is_rtl_language(&primary) {
        "rtl"
    } else {
        "ltr"
    }
}

/// Symbols that belong to the Latin word they end ("C++", "C#", "Google™",
/// "Intel®") but that the bidi algorithm, having no direction of their own, sends
/// to the far side of the word when the line is right-to-left ("++C").
const WORD_END_SYMBOLS: [char; 4] = ['+', '#', '™', '®'];

/// A Latin letter: ASCII, Latin-1 and Latin Extended-A/B, without × and ÷.
fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c, '\u{00C0}'..='\u{00D6}' | '\u{00D8}'..='\u{00F6}' | '\u{00F8}'..='\u{024F}')
}

/// LEFT-TO-RIGHT MARK: invisible, and strongly left-to-right.
const LRM: char = '\u{200E}';

/// Signs that, at the start of a word and right before a digit, belong to the
/// number ("-3", "+2.5%", "−40", "–3"). The bidi algorithm gives a sign that is
/// not between two digits no direction of its own (Unicode TR9 W4–W6), so in a
/// right-to-left line it lands on the number's far side ("3-").
const NUMBER_SIGNS: [char; 4] = ['+', '-', '\u{2212}', '\u{2013}'];

/// Unit signs with no direction of their own that end a number ("40℃"); `°`,
/// `%`, `‰`, `′` and `″` need nothing, being European terminators that the
/// algorithm already keeps with the digits (W5).
const NUMBER_UNITS: [char; 2] = ['\u{2103}', '\u{2109}'];

/// What may stand right before a sign that starts a number: a space, or an
/// opening bracket or quote ("(-3)", "\"+2\"", "״-3״").
fn opens_a_word(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '(' | '[' | '{' | '"' | '\'' | '“' | '„' | '«' | '״' | '׳'
        )
}

/// `text` as shown: a LEFT-TO-RIGHT MARK (U+200E, invisible) wherever the bidi
/// algorithm alone would break a Latin word or a number apart in a
/// right-to-left line, and everything else as it is. It stays one text: no
/// element is added and the algorithm still orders the line. The marks go:
/// - after every run of `+ # ™ ®` that follows a Latin letter, so "C++" and
///   "C#" read as typed (the mark gives the run a strong side on both ends);
/// - before a sign that starts a number, so "-3 מעלות" and "+2.5%" keep their
///   sign on the left of the digits as Hebrew newspapers print them (after an
///   L mark the digits resolve to L, TR9 W7, and the sign between them too, N1);
/// - around a number that ends in ℃ or ℉ ("40℃").
///
/// A hyphen after a letter ("מ-120", "ל-3") is Hebrew's maqaf before a number
/// and is left alone, as are a range ("3-4"), a percentage ("50%") and a time.
/// Text already shown this way comes out the same (a sanitized body is sanitized
/// again on the page).
pub fn display_text(text: &str) -> Cow<'_, str> {
    let may_change = |c: char| {
        WORD_END_SYMBOLS.contains(&c) || NUMBER_SIGNS.contains(&c) || NUMBER_UNITS.contains(&c)
    };
    if !text.contains(may_change) {
        return Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut shown = String::with_capacity(text.len() + 6);
    let mut changed = false;
    let mut after_letter = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let before = i.checked_sub(1).map(|b| chars[b]);
        let next = chars.get(i + 1).copied();
        if after_letter && WORD_END_SYMBOLS.contains(&c) {
            while chars.get(i).is_some_and(|s| WORD_END_SYMBOLS.contains(s)) {
                shown.push(chars[i]);
                i += 1;
            }
            if chars.get(i) != Some(&LRM) {
                shown.push(LRM);
                changed = true;
            }
            after_letter = false;
            continue;
        }
        let starts_number = c.is_ascii_digit() && !before.is_some_and(|b| b.is_ascii_digit());
        if NUMBER_SIGNS.contains(&c)
            && next.is_some_and(|n| n.is_ascii_digit())
            && before.is_none_or(opens_a_word)
        {
            shown.push(LRM);
            changed = true;
        } else if starts_number {
            let end = (i..chars.len())
                .find(|&j| !(chars[j].is_ascii_digit() || matches!(chars[j], '.' | ',')))
                .unwrap_or(chars.len());
            if chars.get(end).is_some_and(|u| NUMBER_UNITS.contains(u)) {
                let marked = before == Some(LRM) && chars.get(end + 1) == Some(&LRM);
                if before != Some(LRM) {
                    shown.push(LRM);
                }
                shown.extend(&chars[i..=end]);
                if chars.get(end + 1) != Some(&LRM) {
                    shown.push(LRM);
                }
                changed |= !marked;
                after_letter = false;
                i = end + 1;
                continue;
            }
        }
        shown.push(c);
        after_letter = is_latin_letter(c);
        i += 1;
    }
    if changed {
        Cow::Owned(shown)
    } else {
        Cow::Borrowed(text)
    }
}

/// A character's own direction, as the Unicode bidi algorithm's first-strong
/// rule (UAX #9, P2) reads it: `Some(true)` for a strong right-to-left character (Hebrew, Arabic, Syriac,
/// Thaana, N'Ko and the other right-to-left blocks, their presentation
/// forms), `Some(false)` for a letter of a left-to-right script, `None` for
/// what has no direction of its own: digits (ASCII, Arabic-Indic), spaces,
/// punctuation and symbols, combining marks (niqqud, harakat), emoji.
/// By ranges, not `char::is_alphabetic`, whose Unicode tables would cost the
/// wasm kilobytes for the same answer on headlines.
pub fn strong_direction(c: char) -> Option<bool> {
    let rtl_block = matches!(c,
        '\u{0590}'..='\u{08FF}'
        | '\u{FB1D}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}'
        | '\u{10800}'..='\u{10FFF}'
        | '\u{1E800}'..='\u{1EFFF}'
    );
    if rtl_block {
        let weak = crate::grapheme::extends_grapheme(c)
            || matches!(c, '\u{0600}'..='\u{0605}' | '\u{0660}'..='\u{066C}' | '\u{06F0}'..='\u{06F9}' | '\u{FEFF}');
        return (!weak).then_some(true);
    }
    let ltr = c.is_ascii_alphabetic()
        || matches!(c,
            '\u{00AA}' | '\u{00B5}' | '\u{00BA}'
            | '\u{00C0}'..='\u{00D6}'
            | '\u{00D8}'..='\u{00F6}'
            | '\u{00F8}'..='\u{02B8}'
            | '\u{0370}'..='\u{0373}'
            | '\u{0376}'..='\u{03FF}'
            | '\u{0400}'..='\u{0482}'
            | '\u{048A}'..='\u{058F}'
            | '\u{0900}'..='\u{1FFF}'
            | '\u{3040}'..='\u{9FFF}'
            | '\u{AC00}'..='\u{D7A3}'
        ) && !crate::grapheme::extends_grapheme(c);
    ltr.then_some(false)
}

/// The direction of `text`'s first strong character ([`strong_direction`]), as
/// the browser's `dir="auto"` finds it (UAX #9, P2–P3): `Some(true)` right to
/// left, `Some(false)` left to right, `None` for a text with none (a phone
/// number, punctuation).
pub fn first_strong_rtl(text: &str) -> Option<bool> {
    text.chars().find_map(strong_direction)
}
