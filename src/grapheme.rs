//! Where a text may be cut without parting a grapheme (UAX #29 in the cases a
//! Hebrew site meets): what an excerpt's cut (`feed::excerpt`) and the bidi
//! scan (`bidi`) both read, so neither reads the other.

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
pub fn extends_grapheme(c: char) -> bool {
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
