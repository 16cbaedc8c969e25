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
/// letters, then subtags of one to eight letters or digits. The same check runs in
/// the static shell in `index.html`.
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
/// Persian, Urdu, Yiddish and the like ([`crate::shared::RTL_LANGUAGES`], which
/// the static shell reads too), left-to-right for the rest.
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

/// `text` as shown: a LEFT-TO-RIGHT MARK (U+200E, invisible) after every run of
/// `+ # ™ ®` that follows a Latin letter, so "C++" and "C#" read as typed in a
/// Hebrew line; everything else as it is. It stays one text: no element is added
/// and the bidi algorithm still orders the line. The static shell in `index.html`
/// applies the same rule with one regular expression.
pub fn display_text(text: &str) -> Cow<'_, str> {
    if !text.contains(WORD_END_SYMBOLS) {
        return Cow::Borrowed(text);
    }
    let mut shown = String::with_capacity(text.len() + 6);
    let mut chars = text.chars().peekable();
    let mut after_letter = false;
    while let Some(c) = chars.next() {
        shown.push(c);
        if after_letter && WORD_END_SYMBOLS.contains(&c) {
            while let Some(&next) = chars.peek().filter(|n| WORD_END_SYMBOLS.contains(*n)) {
                shown.push(next);
                chars.next();
            }
            shown.push('\u{200E}');
            after_letter = false;
        } else {
            after_letter = is_latin_letter(c);
        }
    }
    Cow::Owned(shown)
}
