//! The accessibility statement (issue 24 §4): config.json's `accessibility`
//! key, what the statement says with all, none or some of the publisher's
//! details, its date phrase, values in other languages inside the Hebrew page,
//! and the page as the renderer draws it; and the reader's settings (§5).

use mivzak::accessibility::{
    date_phrase, mailto_href, statement, tel_href, value_dir, FEATURES, NONE_GIVEN,
};
use mivzak::config::{iso_date, parse, AccessibilityDetails, Config};
use mivzak::feed::parse_feed;
use mivzak::publish::render::{app_html, Site};
use mivzak::reader_settings::ReaderSettings;
use mivzak::shared::{DEFAULT_TEXT_SIZE, TEXT_SIZES};
use mivzak::theme::Theme;

fn details(json: &str) -> (AccessibilityDetails, Vec<String>) {
    let parsed = parse(&format!(r#"{{"accessibility": {json}}}"#));
    (parsed.config.accessibility, parsed.warnings)
}

const ALL: &str = r#"{"coordinator": "דנה כהן", "phone": "03-1234567",
    "email": "negishut@example.co.il", "updated": "2025-11-24",
    "exceptions": "סרטוני וידאו ישנים אינם מתורגמים"}"#;

#[test]
fn every_detail_given_is_read_and_shown_with_nothing_said_missing() {
    let (given, warnings) = details(ALL);
    assert_eq!(warnings, Vec::<String>::new());
    let said = statement(&given);
    let contact: Vec<(&str, &str, Option<&str>)> = said
        .contact
        .iter()
        .map(|d| (d.label, d.value.as_str(), d.href.as_deref()))
        .collect();
    assert_eq!(
        contact,
        [
            ("רכז הנגישות", "דנה כהן", None),
            ("טלפון", "03-1234567", Some("tel:031234567")),
            (
                "דואר אלקטרוני",
                "negishut@example.co.il",
                Some("mailto:negishut@example.co.il")
            ),
        ]
    );
    assert_eq!(
        said.exceptions,
        Some(("סרטוני וידאו ישנים אינם מתורגמים".into(), "rtl"))
    );
    assert_eq!(
        said.updated.as_deref(),
        Some("ההצהרה עודכנה לאחרונה ב־24 בנובמבר 2025.")
    );
    assert_eq!(said.missing, None);
}

#[test]
fn without_details_the_statement_says_they_have_not_been_filled_in() {
    // The key missing, null, empty, or every field blank: the same "not filled in".
    for config in [
        "{}",
        r#"{"accessibility": null}"#,
        r#"{"accessibility": {}}"#,
        r#"{"accessibility": {"coordinator": "  ", "phone": "", "email": null}}"#,
    ] {
        let parsed = parse(config);
        assert_eq!(parsed.warnings, Vec::<String>::new(), "{config}");
        let said = statement(&parsed.config.accessibility);
        assert_eq!(said.missing.as_deref(), Some(NONE_GIVEN), "{config}");
        assert!(said.contact.is_empty() && said.updated.is_none() && said.exceptions.is_none());
    }
    assert!(NONE_GIVEN.contains("טרם"));
}

#[test]
fn some_details_name_exactly_the_ones_missing() {
    let cases = [
        (
            r#"{"email": "a@b.co"}"#,
            "טרם מולאו: רכז הנגישות, טלפון, חלקים שאינם נגישים, תאריך העדכון.",
        ),
        (
            r#"{"coordinator": "Yossi", "updated": "2024-02-29"}"#,
            "טרם מולאו: טלפון, דואר אלקטרוני, חלקים שאינם נגישים.",
        ),
        (
            r#"{"coordinator": "א", "phone": "1-800-800-800", "email": "x@y.il", "exceptions": "אין"}"#,
            "טרם מולאו: תאריך העדכון.",
        ),
    ];
    for (json, missing) in cases {
        let (given, warnings) = details(json);
        assert_eq!(warnings, Vec::<String>::new(), "{json}");
        assert_eq!(
            statement(&given).missing.as_deref(),
            Some(missing),
            "{json}"
        );
    }
}

#[test]
fn a_bad_date_or_a_wrong_type_is_warned_about_and_treated_as_missing() {
    for (json, field) in [
        (
            r#"{"updated": "24/11/2025", "coordinator": "דנה"}"#,
            "updated",
        ),
        (
            r#"{"updated": "2025-02-30", "coordinator": "דנה"}"#,
            "updated",
        ),
        (
            r#"{"updated": "2025-1-5", "coordinator": "דנה"}"#,
            "updated",
        ),
        (r#"{"updated": 20251124, "coordinator": "דנה"}"#, "updated"),
        (r#"{"phone": 31234567, "coordinator": "דנה"}"#, "phone"),
        (r#"{"email": ["a@b.co"], "coordinator": "דנה"}"#, "email"),
        (
            r#"{"exceptions": true, "coordinator": "דנה"}"#,
            "exceptions",
        ),
    ] {
        let (given, warnings) = details(json);
        assert_eq!(warnings.len(), 1, "{json}: {warnings:?}");
        assert!(
            warnings[0].contains(&format!("accessibility.{field}")),
            "{warnings:?}"
        );
        assert_eq!(
            given.coordinator.as_deref(),
            Some("דנה"),
            "the rest is kept: {json}"
        );
        let said = statement(&given);
        assert!(said.missing.is_some_and(|m| m.contains(match field {
            "updated" => "תאריך העדכון",
            "phone" => "טלפון",
            "email" => "דואר אלקטרוני",
            _ => "חלקים שאינם נגישים",
        })));
    }
    // Not an object at all: one warning, no details, the rest of the config kept.
    for json in ["\"דנה כהן\"", "[1]", "7"] {
        let parsed = parse(&format!(
            r#"{{"site_name": "חדשות", "accessibility": {json}}}"#
        ));
        assert_eq!(parsed.warnings.len(), 1, "{json}");
        assert!(parsed.config.accessibility.is_empty());
        assert_eq!(parsed.config.site_name, "חדשות");
    }
    let (_, warnings) = details(r#"{"coordinater": "דנה"}"#);
    assert_eq!(
        warnings,
        ["config.json: unknown key accessibility.coordinater"]
    );
}

#[test]
fn the_updated_date_is_a_real_calendar_day_written_as_the_site_writes_dates() {
    for (text, phrase) in [
        ("2025-11-24", "24 בנובמבר 2025"),
        ("2024-02-29", "29 בפברואר 2024"),
        ("1999-01-01", "1 בינואר 1999"),
        ("2031-12-31", "31 בדצמבר 2031"),
    ] {
        assert_eq!(date_phrase(iso_date(text).unwrap()), phrase, "{text}");
    }
    for text in [
        "2023-02-29",
        "2025-13-01",
        "2025-00-10",
        "25-11-24",
        "2025-11-24T10:00",
        " 2025-11-24",
        "2025/11/24",
        "",
    ] {
        assert_eq!(iso_date(text), None, "{text:?}");
    }
}

#[test]
fn a_value_in_another_language_keeps_its_own_direction_inside_the_hebrew_page() {
    for (value, dir) in [
        ("Dana Cohen", "ltr"),
        ("דנה כהן", "rtl"),
        ("محمد خليل", "rtl"),
        ("Ирина Петрова", "ltr"),
        ("negishut@example.co.il", "ltr"),
        ("+972-3-1234567", "ltr"),
        ("03-1234567 שלוחה 2", "rtl"),
        ("“Accessibility” desk, רחוב הרצל 1", "ltr"),
    ] {
        assert_eq!(value_dir(value), dir, "{value}");
    }
    let (given, _) = details(
        r#"{"coordinator": "Dana Cohen (Accessibility)", "exceptions": "PDF files from 2019", "email": "a@b.co"}"#,
    );
    let said = statement(&given);
    assert_eq!(said.contact[0].dir, "ltr");
    assert_eq!(said.exceptions.as_ref().map(|e| e.1), Some("ltr"));
}

#[test]
fn phone_and_email_links_only_for_what_can_be_dialled_or_mailed() {
    assert_eq!(
        tel_href("+972 (3) 123-4567").as_deref(),
        Some("tel:+97231234567")
    );
    // A star or hash number dials as written: "*6050" is not 6050.
    assert_eq!(tel_href("*6050").as_deref(), Some("tel:*6050"));
    assert_eq!(tel_href("#3456").as_deref(), Some("tel:#3456"));
    // An extension or a label in words stays in the text; the link dials the line.
    for (written, href) in [
        ("03-1234567 שלוחה 2", "tel:031234567"),
        ("+972 (3) 123-4567 שלוחה 2", "tel:+97231234567"),
        ("טלפון: 1-800-800-800", "tel:1800800800"),
        ("054\u{00A0}123\u{00A0}4567 (נייד)", "tel:0541234567"),
        ("ext. 12, 02.6543210", "tel:026543210"),
    ] {
        assert_eq!(tel_href(written).as_deref(), Some(href), "{written}");
    }
    assert_eq!(tel_href("12"), None);
    assert_eq!(tel_href("שלוחה 12"), None);
    assert_eq!(
        mailto_href("a.b@c.co.il").as_deref(),
        Some("mailto:a.b@c.co.il")
    );
    // A mailto: the publisher wrote is not doubled.
    for written in ["mailto:a@b.co.il", "MAILTO:a@b.co.il", " mailto:a@b.co.il "] {
        assert_eq!(
            mailto_href(written).as_deref(),
            Some("mailto:a@b.co.il"),
            "{written}"
        );
    }
    for bad in [
        "a@b",
        "@b.co",
        "a b@c.co",
        "a@b@c.co",
        "a@.co",
        "\"><x>@b.co",
    ] {
        assert_eq!(mailto_href(bad), None, "{bad}");
    }
}

#[test]
fn the_statement_says_what_the_product_makes_accessible() {
    let headings: Vec<&str> = FEATURES.iter().map(|(heading, _)| *heading).collect();
    assert_eq!(
        headings,
        [
            "שימוש במקלדת",
            "עצירת העדכונים החיים",
            "הפחתת תנועה",
            "קוראי מסך",
            "ניגודיות וערכות צבעים",
            "גודל הטקסט",
            "כיוון ושפה",
        ]
    );
}

fn site(accessibility: AccessibilityDetails, base: &str) -> Site {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/feed.json")).unwrap();
    Site {
        config: Config {
            accessibility,
            ..Config::default()
        },
        feed: parse_feed(&text).unwrap(),
        feed_url: "https://news.example.co.il/feed.json".into(),
        base: base.into(),
        now_ms: 1_735_300_000_000,
    }
}

#[test]
fn the_published_page_isolates_each_value_and_every_page_links_to_it() {
    let (given, _) =
        details(r#"{"coordinator": "Dana Cohen", "phone": "03-1234567", "updated": "2025-11-24"}"#);
    let html = app_html(&site(given, ""), "/accessibility");
    assert!(
        html.contains("<h1 tabindex=\"-1\">הצהרת נגישות</h1>"),
        "{html}"
    );
    assert!(html.contains("<bdi dir=\"ltr\">Dana Cohen</bdi>"), "{html}");
    assert!(
        html.contains("<bdi dir=\"ltr\"><a href=\"tel:031234567\">03-1234567</a></bdi>"),
        "{html}"
    );
    assert!(html.contains("ב־24 בנובמבר 2025"), "{html}");
    assert!(
        html.contains("טרם מולאו: דואר אלקטרוני, חלקים שאינם נגישים."),
        "{html}"
    );
    // The footer's link, under the site's base too, on every kind of page.
    for (base, href) in [("", "/accessibility"), ("/news", "/news/accessibility")] {
        for page in ["/", "/tag/x", "/accessibility", "/nowhere"] {
            let html = app_html(
                &site(AccessibilityDetails::default(), base),
                &format!("{base}{page}"),
            );
            let footer = format!(
                "<footer class=\"site-footer\"><a href=\"{href}\">הצהרת נגישות</a></footer>"
            );
            assert!(html.contains(&footer), "{base}{page}: {html}");
        }
    }
}

#[test]
fn a_stored_reader_setting_counts_only_when_it_is_one_of_the_steps() {
    assert!(TEXT_SIZES.contains(&DEFAULT_TEXT_SIZE));
    assert!((3..=4).contains(&TEXT_SIZES.len()), "three to four steps");
    assert!(TEXT_SIZES.windows(2).all(|pair| pair[0] < pair[1]));
    let read = ReaderSettings::from_stored;
    assert_eq!(
        read(Some("115"), Some("dark")),
        ReaderSettings {
            text_size: 115,
            scheme: Theme::Dark
        }
    );
    for (size, scheme) in [
        (None, None),
        (Some("117"), Some("sepia")),
        (Some("1e2"), Some("DARK")),
        (Some(""), Some("")),
    ] {
        assert_eq!(
            read(size, scheme),
            ReaderSettings::default(),
            "{size:?} {scheme:?}"
        );
    }
    // Through the steps and stopping at either end.
    let mut now = ReaderSettings::default();
    let mut up = vec![now.text_size];
    while let Some(text_size) = now.larger() {
        now.text_size = text_size;
        up.push(text_size);
    }
    assert_eq!(up.last(), TEXT_SIZES.last());
    assert_eq!(now.larger(), None);
    while let Some(text_size) = now.smaller() {
        now.text_size = text_size;
    }
    assert_eq!(now.text_size, TEXT_SIZES[0]);
    assert_eq!(now.smaller(), None);
}

#[test]
fn the_sitemap_lists_the_statement_changed_on_the_day_it_was_updated() {
    use mivzak::publish::manifest::Manifest;
    use mivzak::publish::sitemap::crawler_files;
    // 10 March 2025, noon UTC.
    let now = 1_741_608_000_000;
    let sitemap = |updated: Option<&str>| {
        let config = Config {
            site_url: Some("https://example.co.il/news/".into()),
            accessibility: AccessibilityDetails {
                updated: updated.and_then(iso_date),
                ..AccessibilityDetails::default()
            },
            ..Config::default()
        };
        crawler_files(&config, &Manifest::default(), now).files[0]
            .1
            .clone()
    };
    let entry = |lastmod: &str| {
        format!("<url><loc>https://example.co.il/news/accessibility/</loc>{lastmod}</url>\n")
    };
    assert!(sitemap(Some("2025-03-01")).contains(&entry("<lastmod>2025-03-01T00:00:00Z</lastmod>")));
    assert!(sitemap(None).contains(&entry("")));
    // A date after the run is not a change anyone has seen yet.
    assert!(sitemap(Some("2025-03-11")).contains(&entry("")));
}
