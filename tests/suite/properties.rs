//! Property tests: no input makes the feed parser, the config reader, the plain-text
//! reader, the direction rule or the sanitizer's policy panic, and their invariants hold.

use mivzak::bidi::{display_text, text_direction};
use mivzak::config;
use mivzak::feed::parse_feed;
use mivzak::feed::plain_text::{one_line, plain_text, text_for_title};
use mivzak::html::policy::{
    attribute_kind, clean_value, element_action, scheme_allowed, AttributeKind, ElementAction,
};
use proptest::prelude::*;

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i64>().prop_map(|n| serde_json::json!(n)),
        ".{0,20}".prop_map(serde_json::Value::String),
        Just(serde_json::json!("2024-12-27T14:02:00+02:00")),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    Just("id".to_owned()),
                    Just("title".to_owned()),
                    Just("items".to_owned()),
                    Just("version".to_owned()),
                    Just("date_published".to_owned()),
                    Just("content_html".to_owned()),
                    Just("authors".to_owned()),
                    ".{0,8}"
                ],
                inner,
                0..6
            )
            .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn the_parser_never_panics_on_any_text(text in ".{0,200}") {
        let _ = parse_feed(&text);
    }

    #[test]
    fn the_parser_never_panics_on_json_shaped_like_a_feed(items in prop::collection::vec(json_value(), 0..12), extra in json_value()) {
        let doc = serde_json::json!({ "version": "https://jsonfeed.org/version/1.1", "items": items, "extra": extra });
        if let Ok(feed) = parse_feed(&doc.to_string()) {
            // Every kept item has a non-empty id and a title, and ids are unique.
            let mut ids = std::collections::HashSet::new();
            for item in &feed.items {
                prop_assert!(!item.id.trim().is_empty());
                prop_assert!(!item.title.is_empty());
                prop_assert!(ids.insert(item.id.clone()));
            }
            // The dated items, taken alone, are newest first; an undated item keeps its
            // place in feed order (`time::sort_dated_newest_first`), so it may stand
            // before a dated one.
            let dated: Vec<i64> = feed.items.iter().filter_map(|item| item.published_ms).collect();
            prop_assert!(dated.windows(2).all(|w| w[0] >= w[1]));
        }
    }

    #[test]
    fn the_config_reader_never_panics(value in json_value()) {
        let parsed = config::parse(&value.to_string());
        let (low, high) = config::POLL_SECONDS_RANGE;
        prop_assert!((low..=high).contains(&parsed.config.poll_seconds));
        prop_assert!(!parsed.config.feed_url.trim().is_empty());
    }

    #[test]
    fn a_shown_headline_is_the_typed_one_with_at_most_invisible_marks(text in "[a-zA-Z0-9 .,:א-ת\\-'\"()+#™®’–·%℃−״]{0,60}") {
        let shown = display_text(&text);
        prop_assert_eq!(shown.replace('\u{200E}', ""), text.clone());
        prop_assert_eq!(display_text(&shown), shown.clone());
    }

    #[test]
    fn the_direction_rule_always_answers(item in prop::option::of(".{0,12}"), feed in prop::option::of("[a-zA-Z_-]{0,8}"), site in prop::option::of("(he|en|ar|xx-YY|)")) {
        let d = text_direction(item.as_deref(), feed.as_deref(), site.as_deref());
        prop_assert!(matches!(d.dir, "rtl" | "ltr" | "auto"));
        prop_assert_eq!(d.lang.is_none(), d.dir == "auto");
    }

    #[test]
    fn plain_text_never_panics_and_leaves_plain_text_alone(markup in "[<>&#;/!?a-z0-9=\"' א-ת-]{0,80}", plain in "[^<&]{0,80}") {
        let _ = (plain_text(&markup), one_line(&markup), text_for_title(&markup));
        prop_assert_eq!(plain_text(&plain), plain.clone());
        let line = one_line(&markup);
        prop_assert!(!line.contains("  ") && !line.contains('\n'));
    }

    #[test]
    fn the_policy_never_keeps_an_unknown_or_foreign_element(name in "[a-zA-Z-]{1,12}", namespace in prop::option::of(".{0,30}")) {
        match element_action(&name, namespace.as_deref()) {
            ElementAction::Keep(kept) => {
                prop_assert_eq!(namespace.as_deref(), Some("http://www.w3.org/1999/xhtml"));
                prop_assert!(kept == "h2" || kept.eq_ignore_ascii_case(&name));
            }
            ElementAction::Unwrap | ElementAction::Drop => {}
        }
    }

    #[test]
    fn no_event_handler_or_style_attribute_is_ever_allowed(element in "[a-z]{1,8}", suffix in "[a-z]{0,10}") {
        prop_assert_eq!(attribute_kind(&element, &format!("on{suffix}")), None);
        prop_assert_eq!(attribute_kind(&element, "style"), None);
    }

    #[test]
    fn cleaned_values_cannot_break_out_of_their_attribute(value in ".{0,40}") {
        for kind in [AttributeKind::Direction, AttributeKind::Language, AttributeKind::Pixels] {
            if let Some(clean) = clean_value(kind, &value) {
                prop_assert!(!clean.contains(['"', '<', '>', '\'', ' ', ';']));
            }
        }
    }

    #[test]
    fn only_three_schemes_pass(scheme in "[a-z]{1,10}:") {
        let allowed = scheme_allowed("a", &scheme);
        prop_assert_eq!(allowed, matches!(scheme.as_str(), "http:" | "https:" | "mailto:"));
    }
}
