//! Which flashes are urgent (issue 24 §1): the one rule the ticker, the marquee,
//! the embed, the article list, the article page, the live region and the
//! published pages all ask. Pure: tested natively (`tests/suite/urgency.rs`).
//!
//! An item is urgent when either holds:
//! - the feed marks it: JSON Feed's extension object (the `_` convention of
//!   JSON Feed 1.1, "Extensions") says `"_mivzak": { "urgent": true }`, read by
//!   [`marked_urgent`] into `Article::marked_urgent`;
//! - one of its tags (JSON Feed `tags`, RSS `<category>` and `<dc:subject>`,
//!   Atom `<category>`'s `label`, else its `term`: whatever `Article::tags`
//!   holds) is one of config's `urgent_tags`, by tag identity (`tags::tag_key`:
//!   `צה"ל` and `צה״ל`, case, spaces and invisible marks), not by spelling.

use serde_json::Value;

use super::model::Article;
use super::tags::tag_key;

/// The extension object's name in a JSON Feed item: `_mivzak`.
pub const EXTENSION: &str = "_mivzak";

/// Whether a JSON Feed item's `_mivzak` value (`None` when the item has none)
/// marks it urgent.
///
/// Lenient where the publisher's meaning is plain, strict where it is not:
/// - `urgent` is `true`, the number `1`, or the text `"true"` or `"1"` (case
///   and outer spaces aside): urgent. Hand-written and templated feeds write
///   booleans as text or numbers, and none of these means anything else.
/// - `false`, `0`, `"false"`, `null`, any other text or number, an array or an
///   object, or no `urgent` key: not urgent (an unclear mark does not raise an
///   alarm in front of every reader).
/// - `_mivzak` that is not an object (`"_mivzak": true`, `"_mivzak": "urgent"`):
///   ignored, not urgent. JSON Feed's extensions are objects; a bare value says
///   nothing about which of the extension's fields it meant.
pub fn marked_urgent(extension: Option<&Value>) -> bool {
    let Some(Value::Object(extension)) = extension else {
        return false;
    };
    match extension.get("urgent") {
        Some(Value::Bool(urgent)) => *urgent,
        Some(Value::Number(number)) => number.as_f64() == Some(1.0),
        Some(Value::String(text)) => {
            let text = text.trim();
            text.eq_ignore_ascii_case("true") || text == "1"
        }
        _ => false,
    }
}

/// Whether `article` is urgent, with config's `urgent_tags` (see the module's
/// doc for the rule). An empty `urgent_tags` leaves only the feed's own mark.
pub fn is_urgent(article: &Article, urgent_tags: &[String]) -> bool {
    article.marked_urgent || has_urgent_tag(&article.tags, urgent_tags)
}

/// Whether one of `tags` has the identity of one of `urgent_tags`.
pub fn has_urgent_tag(tags: &[String], urgent_tags: &[String]) -> bool {
    if tags.is_empty() || urgent_tags.is_empty() {
        return false;
    }
    let urgent: Vec<String> = urgent_tags.iter().map(|tag| tag_key(tag)).collect();
    tags.iter().any(|tag| urgent.contains(&tag_key(tag)))
}
