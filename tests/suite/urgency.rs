//! Urgent flashes (issue 24 §1, `feed::urgency`): the feed's own mark (JSON
//! Feed's `"_mivzak": { "urgent": true }`) and config's `urgent_tags` matched by
//! tag identity against an item's tags in every format; urgency in a row's key
//! and in what a poll announces; the badge in the published pages.

use mivzak::announcement::{announcement, Arrival};
use mivzak::config::{parse, Config};
use mivzak::feed::merge::merge;
use mivzak::feed::read::{read_feed, DateRules};
use mivzak::feed::reconcile::{reconcile, shown_fingerprint};
use mivzak::feed::urgency::{has_urgent_tag, is_urgent, marked_urgent};
use mivzak::feed::{parse_feed, Article, Feed};
use mivzak::publish::render::{app_html, Site};
use mivzak::ticker_text::HEBREW;
use mivzak::time::TimeLabels;
use serde_json::json;

/// The tags a newsroom might configure: the default, an English one, and an
/// acronym written with gershayim.
fn newsroom_tags() -> Vec<String> {
    ["דחוף", "Breaking", "פקע״ר"].map(String::from).to_vec()
}

fn read(path: &str) -> Feed {
    let bytes = std::fs::read(format!(
        "{}/tests/fixtures/urgent/{path}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let rules = DateRules {
        zone: "Asia/Jerusalem".into(),
        labels: TimeLabels::Trust,
    };
    read_feed(&bytes, None, &rules).unwrap()
}

/// (headline, urgent) for each item, in feed order.
fn urgency_of(feed: &Feed, urgent_tags: &[String]) -> Vec<(String, bool)> {
    feed.items
        .iter()
        .map(|a| (a.title.clone(), is_urgent(a, urgent_tags)))
        .collect()
}

fn json_item(extra: serde_json::Value) -> Article {
    let mut item = json!({"id": "x", "title": "כותרת"});
    item.as_object_mut()
        .unwrap()
        .extend(extra.as_object().unwrap().clone());
    let feed = json!({"version": "https://jsonfeed.org/version/1.1", "items": [item]});
    parse_feed(&feed.to_string()).unwrap().items.remove(0)
}

#[test]
fn the_json_feed_extension_marks_an_item_urgent() {
    for (extension, urgent) in [
        (json!({"urgent": true}), true),
        (json!({"urgent": true, "other": "kept for later"}), true),
        (json!({"urgent": false}), false),
        (json!({}), false),
        (json!({"urgent": null}), false),
    ] {
        let article = json_item(json!({ "_mivzak": extension.clone() }));
        assert_eq!(article.marked_urgent, urgent, "{extension}");
        // No tags, no configured tags: the mark alone.
        assert_eq!(is_urgent(&article, &[]), urgent, "{extension}");
    }
    // Another extension's flag is not ours, nor is a bare "urgent" field.
    assert!(!json_item(json!({"_other": {"urgent": true}})).marked_urgent);
    assert!(!json_item(json!({"urgent": true})).marked_urgent);
}

#[test]
fn lenient_urgent_values_where_the_meaning_is_plain() {
    for (value, urgent) in [
        (json!("true"), true),
        (json!(" TRUE "), true),
        (json!(1), true),
        (json!(1.0), true),
        (json!("1"), true),
        (json!("false"), false),
        (json!(0), false),
        (json!("0"), false),
        (json!(2), false),
        (json!("yes please"), false),
        (json!(""), false),
        (json!([true]), false),
        (json!({"value": true}), false),
    ] {
        assert_eq!(
            marked_urgent(Some(&json!({ "urgent": value.clone() }))),
            urgent,
            "{value}"
        );
    }
}

#[test]
fn an_extension_that_is_not_an_object_is_ignored() {
    for extension in [
        json!(true),
        json!("urgent"),
        json!(1),
        json!([{"urgent": true}]),
        json!(null),
    ] {
        let article = json_item(json!({ "_mivzak": extension.clone() }));
        assert!(!article.marked_urgent, "{extension}");
        assert_eq!(article.title, "כותרת", "the item is kept: {extension}");
    }
    assert!(!marked_urgent(None));
}

#[test]
fn json_feed_tags_match_by_identity() {
    let tags = newsroom_tags();
    for (item_tags, urgent) in [
        (json!(["דחוף"]), true),
        (json!(["פוליטיקה", "  דחוף\t"]), true),
        (json!(["BREAKING"]), true),
        (json!(["breaking "]), true),
        // The ASCII quote for the configured gershayim, and the other way round.
        (json!(["פקע\"ר"]), true),
        (json!(["פקע\u{201D}ר"]), true),
        (json!(["\u{200F}דחוף\u{200F}"]), true),
        // Lookalikes: a plural, a phrase containing it, a word run together.
        (json!(["דחופים"]), false),
        (json!(["לא דחוף"]), false),
        (json!(["Breaking news"]), false),
        (json!(["פקער"]), false),
        (json!([]), false),
    ] {
        let article = json_item(json!({ "tags": item_tags.clone() }));
        assert!(!article.marked_urgent);
        assert_eq!(is_urgent(&article, &tags), urgent, "{item_tags}");
    }
}

#[test]
fn the_default_urgent_tag_is_hebrew_and_empty_turns_tags_off() {
    let config = Config::default();
    assert_eq!(config.urgent_tags, ["דחוף"]);
    let tagged = json_item(json!({"tags": ["דחוף"]}));
    assert!(is_urgent(&tagged, &config.urgent_tags));
    assert!(!is_urgent(
        &json_item(json!({"tags": ["Breaking"]})),
        &config.urgent_tags
    ));
    // No urgent tags: only the feed's mark counts.
    assert!(!is_urgent(&tagged, &[]));
    let marked = json_item(json!({"tags": ["ספורט"], "_mivzak": {"urgent": true}}));
    assert!(is_urgent(&marked, &[]));
    assert!(!has_urgent_tag(&[], &config.urgent_tags));
}

#[test]
fn rss_categories_in_wordpress_shape() {
    let feed = read("wordpress-urgent.xml");
    assert_eq!(
        urgency_of(&feed, &newsroom_tags()),
        [
            (
                "אזעקות בקריית שמונה ובמטולה: יירוט מעל הגליל העליון".into(),
                true
            ),
            ("פקע\u{201D}ר: ההנחיות בצפון נותרות ללא שינוי".into(), true),
            ("הכביש לחרמון ייפתח מחר בשעה 8:00".into(), false),
            (
                "Northern Command: exercise in the Golan Heights until Sunday".into(),
                true
            ),
        ]
    );
    // With the default, only the Hebrew tag.
    let default = Config::default().urgent_tags;
    let urgent: Vec<bool> = urgency_of(&feed, &default)
        .into_iter()
        .map(|(_, u)| u)
        .collect();
    assert_eq!(urgent, [true, false, false, false]);
    assert!(feed.items.iter().all(|a| !a.marked_urgent));
}

#[test]
fn atom_categories() {
    let feed = read("atom-urgent.xml");
    let urgent: Vec<bool> = urgency_of(&feed, &newsroom_tags())
        .into_iter()
        .map(|(_, u)| u)
        .collect();
    // A term with a pasted RLM, a lowercase English term, a lookalike phrase
    // whose headline even starts with the word.
    assert_eq!(urgent, [true, true, false]);
}

#[test]
fn config_reads_urgent_tags_and_says_what_is_wrong() {
    let parsed = parse(r#"{"urgent_tags": ["Breaking", "מבזק דחוף"]}"#);
    assert_eq!(parsed.config.urgent_tags, ["Breaking", "מבזק דחוף"]);
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    assert!(parse(r#"{"urgent_tags": []}"#)
        .config
        .urgent_tags
        .is_empty());
    for bad in [
        r#""דחוף""#,
        "true",
        r#"[1, 2]"#,
        r#"{"tag": "דחוף"}"#,
        "null",
    ] {
        let parsed = parse(&format!(r#"{{"urgent_tags": {bad}, "site_name": "אתר"}}"#));
        assert_eq!(parsed.config.urgent_tags, ["דחוף"], "{bad}: the default");
        assert_eq!(parsed.config.site_name, "אתר", "{bad}: the rest is kept");
        assert_eq!(parsed.warnings.len(), 1, "{bad}: {:?}", parsed.warnings);
        let warning = &parsed.warnings[0];
        assert!(
            warning.contains("urgent_tags") && warning.contains("list of tags"),
            "{warning}"
        );
    }
    // A blank entry (spaces, an invisible mark) would match nothing: dropped, said.
    let parsed = parse(r#"{"urgent_tags": ["דחוף", "  ", "\u200f"]}"#);
    assert_eq!(parsed.config.urgent_tags, ["דחוף"]);
    assert_eq!(parsed.warnings.len(), 2, "{:?}", parsed.warnings);
    assert!(parsed.warnings[0].contains("urgent_tags entry"));
}

#[test]
fn becoming_urgent_changes_what_a_row_shows() {
    let plain = json_item(json!({"tags": ["חדשות"]}));
    let marked = json_item(json!({"tags": ["חדשות"], "_mivzak": {"urgent": true}}));
    let tagged = json_item(json!({"tags": ["חדשות", "דחוף"]}));
    assert_ne!(shown_fingerprint(&plain), shown_fingerprint(&marked));
    assert_ne!(shown_fingerprint(&plain), shown_fingerprint(&tagged));
    assert_ne!(shown_fingerprint(&marked), shown_fingerprint(&tagged));
    assert_eq!(shown_fingerprint(&plain), shown_fingerprint(&plain.clone()));
}

fn items(list: serde_json::Value) -> Vec<Article> {
    let feed = json!({"version": "https://jsonfeed.org/version/1.1", "items": list});
    parse_feed(&feed.to_string()).unwrap().items
}

#[test]
fn a_poll_announces_its_urgent_flashes_first() {
    let first =
        items(json!([{"id": "old", "title": "ישן", "date_published": "2024-12-27T10:00:00Z"}]));
    let shown = reconcile(&[], merge(&[], first.clone()), true)
        .entries
        .unwrap();
    let polled = items(json!([
        {"id": "n3", "title": "רגיל חדש", "date_published": "2024-12-27T10:30:00Z"},
        {"id": "n2", "title": "סומן דחוף", "date_published": "2024-12-27T10:20:00Z",
         "_mivzak": {"urgent": true}},
        {"id": "n1", "title": "Breaking in English", "date_published": "2024-12-27T10:10:00Z",
         "tags": [" breaking"]},
        {"id": "old", "title": "ישן", "date_published": "2024-12-27T10:00:00Z"}
    ]));
    let poll = reconcile(&shown, merge(&first, polled), false);
    let tags = newsroom_tags();
    let arrivals: Vec<Arrival> = poll
        .arrivals
        .iter()
        .map(|a| Arrival {
            title: &a.title,
            urgent: is_urgent(a, &tags),
        })
        .collect();
    assert_eq!(
        announcement(&arrivals, &HEBREW),
        "מבזק דחוף: סומן דחוף. מבזק דחוף: Breaking in English. מבזק חדש: רגיל חדש"
    );
}

/// The published home page and article page of a feed with one urgent item.
fn published(path: &str) -> String {
    let feed = json!({"version": "https://jsonfeed.org/version/1.1", "title": "t", "items": [
        {"id": "calm", "title": "ידיעה רגילה", "date_published": "2024-12-27T10:40:00Z",
         "tags": ["דחופים"]},
        {"id": "alarm", "title": "Apple מודיעה על ריקול", "date_published": "2024-12-27T10:30:00Z",
         "tags": ["דחוף"]}
    ]});
    let site = Site {
        config: Config::default(),
        feed: parse_feed(&feed.to_string()).unwrap(),
        feed_url: "https://news.example.co.il/feed.json".into(),
        base: String::new(),
        now_ms: 1_735_300_000_000,
    };
    app_html(&site, path)
}

const BADGE: &str = r#"<span lang="he" dir="rtl" class="urgent-badge">דחוף</span>"#;

#[test]
fn published_pages_carry_the_badge_beside_the_headline() {
    let home = published("/");
    // The ticker's row and the article list's card: one badge each, on the urgent item.
    assert_eq!(home.matches(BADGE).count(), 2, "{home}");
    let row = &home[home
        .find(r#"is-urgent"><a href="/article/alarm""#)
        .expect("urgent row")..];
    let row = &row[..row.find("</li>").unwrap()];
    assert!(
        row.contains(BADGE) && row.contains("Apple מודיעה על ריקול"),
        "{row}"
    );
    // The badge stands before the headline, whose text stays whole.
    assert!(row.find(BADGE) < row.find("Apple"), "{row}");
    let card = &home[home
        .find(r#"article-card is-urgent""#)
        .expect("urgent card")..];
    let card = &card[..card.find("</li>").unwrap()];
    assert!(card.contains(BADGE), "{card}");
    let calm = &home[home.find("ידיעה רגילה").unwrap().saturating_sub(400)..];
    assert!(!calm[..400].contains("urgent"), "{calm}");
    // The article page's headline.
    let article = published("/article/alarm");
    let h1 = &article[article.find("<h1").unwrap()..];
    let h1 = &h1[..h1.find("</h1>").unwrap()];
    assert!(
        h1.contains(BADGE) && h1.contains("Apple מודיעה על ריקול"),
        "{h1}"
    );
    assert!(!published("/article/calm").contains(BADGE));
    // The tag page lists it with its badge too.
    let tag = published(&format!("/tag/{}", "%D7%93%D7%97%D7%95%D7%A3"));
    assert_eq!(tag.matches(BADGE).count(), 1, "{tag}");
}
