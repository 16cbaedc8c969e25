//! Tag identity: the forms Hebrew (and Word, and CMSs) write one tag in share one
//! key; the page shows the form used most. The groups in
//! `tests/fixtures/tag-keys.json` are also run in the browser (`tags.spec.js`),
//! which normalises with its own NFC.

use mivzak::feed::tags::{most_used_form, tag_key, unique_by_key};
use proptest::prelude::*;
use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

fn fixture() -> (Vec<Vec<String>>, Vec<String>) {
    let text = std::fs::read_to_string("tests/fixtures/tag-keys.json").unwrap();
    let value: Value = serde_json::from_str(&text).unwrap();
    let strings = |v: &Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_owned())
            .collect()
    };
    let same = value["same"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| strings(&g["forms"]))
        .collect();
    (same, strings(&value["distinct"]))
}

#[test]
fn the_forms_of_one_tag_share_a_key_and_other_tags_do_not() {
    let (same, distinct) = fixture();
    let mut keys = Vec::new();
    for group in &same {
        let key = tag_key(&group[0]);
        for form in group {
            assert_eq!(tag_key(form), key, "{form:?} is not {:?}", group[0]);
        }
        keys.push(key);
    }
    for tag in &distinct {
        keys.push(tag_key(tag));
    }
    let mut unique = keys.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(
        unique.len(),
        keys.len(),
        "two different tags share a key: {keys:?}"
    );
}

#[test]
fn niqqud_in_either_order_is_one_tag() {
    // qamats (U+05B8, class 18) and shin dot (U+05C1, class 24), typed in both orders.
    let qamats_first = "\u{05E9}\u{05B8}\u{05C1}\u{05DC}\u{05D5}\u{05B9}\u{05DD}";
    let dot_first = "\u{05E9}\u{05C1}\u{05B8}\u{05DC}\u{05D5}\u{05B9}\u{05DD}";
    assert_ne!(qamats_first, dot_first);
    assert_eq!(tag_key(qamats_first), tag_key(dot_first));
    // NFC's canonical order: the lower class first.
    assert_eq!(
        tag_key(dot_first),
        "\u{05E9}\u{05B8}\u{05C1}\u{05DC}\u{05D5}\u{05B9}\u{05DD}"
    );
}

#[test]
fn the_key_folds_hebrew_marks_to_their_ascii_stand_ins() {
    assert_eq!(tag_key("צה״ל"), "צה\"ל");
    assert_eq!(tag_key("ח׳"), "ח'");
    assert_eq!(tag_key("בית־שמש"), "בית-שמש");
    assert_eq!(tag_key("  COVID\u{200F} 19 "), "covid 19");
}

#[test]
fn the_page_shows_the_form_the_feed_uses_most() {
    let key = tag_key("צה\"ל");
    let tags = ["צה״ל", "צה\"ל", "כלכלה", "צה\"ל", "צה״ל", "צה\"ל"];
    assert_eq!(
        most_used_form(&key, tags.iter().copied()),
        Some("צה\"ל".into())
    );
    // A tie goes to the form seen first (the feed is newest first).
    let tied = ["כלכלה", "צה״ל", "צה\"ל"];
    assert_eq!(
        most_used_form(&key, tied.iter().copied()),
        Some("צה״ל".into())
    );
    assert_eq!(most_used_form(&key, ["כלכלה"].iter().copied()), None);
}

#[test]
fn an_item_lists_each_tag_once_in_its_first_form() {
    let tags: Vec<String> = ["צה\"ל", "ביטחון", "צה״ל", " ", "ביטחון"]
        .map(String::from)
        .into();
    assert_eq!(unique_by_key(&tags), ["צה\"ל", "ביטחון"]);
}

/// Hebrew letters, the marks that combine with them, the look-alikes the key
/// folds, Latin with accents, spaces and direction marks.
fn tag_text() -> impl Strategy<Value = String> {
    let alphabet: Vec<char> = "אבגדהוזחטיכלמנסעפצקרשתםןץףך\u{05B0}\u{05B4}\u{05B7}\u{05B8}\u{05B9}\u{05BC}\u{05C1}\u{05C2}\u{05F3}\u{05F4}\u{05BE}\u{FB2A}\u{FB35}\"'-aAeEé\u{0301}\u{0308} \u{00A0}\u{200F}\u{201D}\u{2019}"
        .chars()
        .collect();
    proptest::collection::vec(proptest::sample::select(alphabet), 0..12)
        .prop_map(|chars| chars.into_iter().collect())
}

proptest! {
    #[test]
    fn the_key_is_stable_and_blind_to_normalisation(tag in tag_text()) {
        let key = tag_key(&tag);
        prop_assert_eq!(tag_key(&key), key.clone());
        prop_assert_eq!(tag_key(&tag.nfd().collect::<String>()), key.clone());
        prop_assert_eq!(tag_key(&tag.nfc().collect::<String>()), key.clone());
        prop_assert!(unicode_normalization::is_nfc(&key));
    }
}
