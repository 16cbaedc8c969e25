//! Classes of Unicode characters that several text rules share, each listed
//! once: what shows nothing (blank titles, tag identity, dates, excerpts), what
//! belongs to the grapheme before it (where an excerpt may be cut, and which
//! characters say nothing of a text's direction).

/// Format characters that show nothing: the soft hyphen, the Arabic letter
/// mark, zero-width spaces and joiners, the direction marks, embeddings and
/// isolates, the word joiner and invisible operators, the BOM. A text of these
/// (and white space) alone is blank; they say nothing about a tag's identity or
/// a date. One list for every such rule (titles, tags, dates, excerpts).
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{061C}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2069}'
            | '\u{FEFF}'
    )
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
pub fn is_regional_indicator(c: char) -> bool {
    ('\u{1F1E6}'..='\u{1F1FF}').contains(&c)
}
