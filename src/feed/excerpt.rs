//! What a row of the ticker shows when the reader opens it in place (issue 24
//! §2): the item's summary, else the opening of its body as plain text. Pure:
//! tested natively (`tests/suite/excerpt.rs`).

use super::model::Article;
use super::plain_text::{has_visible_text, one_line, text_for_title};
use crate::grapheme::grapheme_floor;

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
