//! Where a text may be cut without parting a grapheme (UAX #29 in the cases a
//! Hebrew site meets): what an excerpt's cut (`feed::excerpt`) reads. The
//! character classes it reads are `char_class`'s, which `bidi` reads too.

use crate::char_class;

/// The largest grapheme boundary of `text` at or before the byte index `limit`
/// (a char boundary): a cut at `limit` would otherwise part a base from what
/// extends it (UAX #29 GB9, GB9a, GB11, GB12/13 in their common cases).
/// A grapheme longer than the whole excerpt (a long emoji sequence) is kept
/// whole rather than dropped.
pub fn grapheme_floor(text: &str, limit: usize) -> usize {
    let mut at = limit;
    while at > 0 && inside_grapheme(text, at) {
        at -= text[..at].chars().next_back().map_or(1, char::len_utf8);
    }
    if at > 0 {
        return at;
    }
    at = limit;
    while at < text.len() && inside_grapheme(text, at) {
        at += text[at..].chars().next().map_or(1, char::len_utf8);
    }
    at
}

/// Whether the char boundary `at` of `text` falls inside a grapheme.
fn inside_grapheme(text: &str, at: usize) -> bool {
    let next = text[at..].chars().next();
    let before = text[..at].chars().next_back();
    next.is_some_and(char_class::extends_grapheme)
        || before == Some('\u{200D}')
        || (next.is_some_and(char_class::is_regional_indicator)
            && text[..at]
                .chars()
                .rev()
                .take_while(|c| char_class::is_regional_indicator(*c))
                .count()
                % 2
                == 1)
}
