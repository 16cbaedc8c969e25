//! What a row of the ticker shows when the reader opens it in place (issue 24
//! §2): the item's summary, else the opening of its body as plain text. Pure:
//! tested natively (`tests/suite/excerpt.rs`).

use super::model::Article;
use super::plain_text::{has_visible_text, one_line, text_for_title};

/// About this many characters of a body, then a word boundary and "…": a
/// paragraph's worth, as ynet's flash page shows when a flash opens.
pub const EXCERPT_CHARS: usize = 300;

/// The text a row opens to: the item's `summary` (already plain text,
/// `plain_text.rs`) on one line, whole; else the first body that has words
/// (`content_text`, else `content_html` as plain text: tags dropped,
/// references decoded once, Markdown links reduced to their words, by
/// `plain_text::text_for_title`), cut by [`excerpt`] to [`EXCERPT_CHARS`].
/// `None` when the item has neither (a headline-only flash: its row has no
/// disclosure). A summary of white space and invisible marks alone
/// (`plain_text::has_visible_text`) counts as none.
pub fn flash_excerpt(article: &Article) -> Option<String> {
    if let Some(summary) = article
        .summary
        .as_deref()
        .map(one_line)
        .filter(|text| has_visible_text(text))
    {
        return Some(summary);
    }
    [&article.content_text, &article.content_html]
        .into_iter()
        .flatten()
        .map(|body| text_for_title(body))
        .find(|text| has_visible_text(text))
        .map(|text| excerpt(&text, EXCERPT_CHARS))
}

/// `text` (one line) whole when it has at most `max` characters; else cut
/// within `max` at the last space (one right after the limit counts), when that space is past the middle, or
/// else at the last grapheme boundary (a letter never loses its niqqud, a
/// cantillation mark, a combining accent, an emoji its modifier or the rest
/// of its ZWJ sequence), its trailing spaces trimmed and "…" added.
pub fn excerpt(text: &str, max: usize) -> String {
    let Some((limit, _)) = text.char_indices().nth(max) else {
        return text.to_owned();
    };
    // A space right after the limit ends the last whole word.
    let head = &text[..limit + usize::from(text[limit..].starts_with(' '))];
    let cut = match head.rfind(' ') {
        Some(space) if head[..space].chars().count() > max / 2 => space,
        _ => grapheme_floor(text, limit),
    };
    format!("{}…", text[..cut].trim_end())
}

/// The largest grapheme boundary of `text` at or before the byte index `at`
/// (a char boundary): a cut at `at` would otherwise part a base from what
/// extends it (UAX #29 GB9, GB9a, GB11, GB12/13 in their common cases).
/// A grapheme longer than the whole excerpt (a long emoji sequence) is kept
/// whole rather than dropped.
fn grapheme_floor(text: &str, limit: usize) -> usize {
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
    next.is_some_and(extends_grapheme)
        || before == Some('\u{200D}')
        || (next.is_some_and(is_regional_indicator)
            && text[..at]
                .chars()
                .rev()
                .take_while(|c| is_regional_indicator(*c))
                .count()
                % 2
                == 1)
}

/// Characters that belong to the grapheme before them: combining marks of the
/// scripts a Hebrew site quotes (Latin and Greek accents, Hebrew niqqud and
/// cantillation, Arabic harakat), joiners, variation selectors, emoji
/// modifiers and tags, and spacing marks' general ranges.
pub(crate) fn extends_grapheme(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0483}'..='\u{0489}'
        | '\u{0591}'..='\u{05BD}'
        | '\u{05BF}'
        | '\u{05C1}'..='\u{05C2}'
        | '\u{05C4}'..='\u{05C5}'
        | '\u{05C7}'
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E4}'
        | '\u{06E7}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{200C}'..='\u{200D}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FB1E}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{1F3FB}'..='\u{1F3FF}'
        | '\u{E0020}'..='\u{E007F}'
        | '\u{E0100}'..='\u{E01EF}'
    )
}

/// A flag is two regional indicators: never parted.
fn is_regional_indicator(c: char) -> bool {
    ('\u{1F1E6}'..='\u{1F1FF}').contains(&c)
}
