//! Tag identity. Hebrew writes the same tag in more than one way: an acronym with
//! an ASCII quote or with the Hebrew gershayim (`צה"ל`, `צה״ל`), an abbreviation
//! with an apostrophe or a geresh (`ח'`, `ח׳`), Word's curly quotes in place of
//! either, a maqaf or a hyphen (`בית־שמש`, `בית-שמש`), niqqud typed in any order,
//! an invisible direction mark pasted in from a CMS. All of these are one tag: they
//! share one key, `tag_key`, which the tag page matches by, while the page shows
//! the form the feed uses most (`most_used_form`).
//!
//! The key, in order:
//! 1. direction marks and other invisible format characters are dropped
//!    (U+200B, U+200E, U+200F, U+061C, U+202A–U+202E, U+2066–U+2069, U+00AD, U+FEFF);
//! 2. look-alike marks are folded to their ASCII stand-in: `"` for U+05F4 (gershayim),
//!    U+201C, U+201D, U+201E, U+201F, U+2033, U+FF02; `'` for U+05F3 (geresh),
//!    U+2018, U+2019, U+201A, U+201B, U+2032, U+FF07; `-` for U+05BE (maqaf),
//!    U+2010, U+2011;
//! 3. runs of white space become one space, and the ends are trimmed;
//! 4. letters are compared without case (Unicode's default lower-casing: Latin
//!    tags such as `COVID` and `Covid` are one, as WordPress and Ghost treat them;
//!    Hebrew has no case);
//! 5. the result is in Unicode NFC, so composed and decomposed letters and niqqud
//!    in any order (NFC puts marks in canonical order) are the same text. In the
//!    browser, lower case and NFC are `toLowerCase` and `normalize`; natively,
//!    `str::to_lowercase` and the `unicode-normalization` crate, whose tables the
//!    wasm does not carry.
//!    `tests/fixtures/tag-keys.json` pins both to the same groups: `tests/suite/tags.rs`
//!    natively, `tests/e2e/specs/tags.spec.js` in the browser.

/// The identity of a tag (see the module's doc for the rule). Two tags are the
/// same tag exactly when their keys are equal. `tag_key(tag_key(t)) == tag_key(t)`.
pub fn tag_key(tag: &str) -> String {
    let mut folded = String::with_capacity(tag.len());
    let mut pending_space = false;
    for c in tag.chars() {
        if crate::char_class::is_invisible(c) {
            continue;
        }
        if c.is_whitespace() {
            pending_space = !folded.is_empty();
            continue;
        }
        if pending_space {
            folded.push(' ');
            pending_space = false;
        }
        folded.push(fold_mark(c));
    }
    if folded.chars().all(is_caseless_and_nfc) {
        folded.make_ascii_lowercase();
        folded
    } else {
        lowercase_nfc(&folded)
    }
}

/// The form to show for the tag whose key is `key`: of the `tags` that have that
/// key, the one that occurs most often; on a tie, the one that occurs first (the
/// feed's order is newest first). `None` when none of them has the key.
pub fn most_used_form<'a>(key: &str, tags: impl IntoIterator<Item = &'a str>) -> Option<String> {
    // (form, count): a handful of forms per tag, first seen first.
    let mut forms: Vec<(&'a str, usize)> = Vec::new();
    for tag in tags {
        if let Some((_, count)) = forms.iter_mut().find(|(form, _)| *form == tag) {
            *count += 1;
        } else if tag_key(tag) == key {
            forms.push((tag, 1));
        }
    }
    // The first of the most used: `max_by_key` would take the last.
    let most = forms.iter().map(|(_, count)| *count).max()?;
    forms
        .into_iter()
        .find(|(_, count)| *count == most)
        .map(|(form, _)| form.to_owned())
}

/// `tags` with each tag once: the first of the forms that share a key, in order.
/// An item tagged both `צה"ל` and `צה״ל` lists one tag.
pub fn unique_by_key(tags: &[String]) -> Vec<String> {
    let mut keys = Vec::with_capacity(tags.len());
    let mut unique = Vec::with_capacity(tags.len());
    for tag in tags {
        let key = tag_key(tag);
        if key.is_empty() || keys.contains(&key) {
            continue;
        }
        keys.push(key);
        unique.push(tag.clone());
    }
    unique
}

fn fold_mark(c: char) -> char {
    match c {
        '\u{05F4}' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}'
        | '\u{FF02}' => '"',
        '\u{05F3}' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}'
        | '\u{FF07}' => '\'',
        '\u{05BE}' | '\u{2010}' | '\u{2011}' => '-',
        other => other,
    }
}

/// Characters that neither lower-casing (beyond ASCII's) nor NFC changes,
/// whatever surrounds them: ASCII, and the Hebrew letters without niqqud
/// (U+05D0–U+05F2). A tag made only of these, as almost every tag is, needs no
/// Unicode tables and no call to the browser.
fn is_caseless_and_nfc(c: char) -> bool {
    c.is_ascii() || ('\u{05D0}'..='\u{05F2}').contains(&c)
}

/// Lower case, then NFC. In the browser, `toLowerCase` and `normalize("NFC")`,
/// which spares the wasm Unicode's case and normalisation tables (7 KB of brotli);
/// natively, the standard library and the `unicode-normalization` crate. Both
/// follow Unicode's full default case mapping.
#[cfg(target_arch = "wasm32")]
fn lowercase_nfc(text: &str) -> String {
    js_sys::JsString::from(text)
        .to_lower_case()
        .normalize("NFC")
        .into()
}

#[cfg(not(target_arch = "wasm32"))]
fn lowercase_nfc(text: &str) -> String {
    unicode_normalization::UnicodeNormalization::nfc(text.to_lowercase().as_str()).collect()
}
