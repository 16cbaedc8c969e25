//! The direction of the feed's texts (item, feed, site, else the browser's), the
//! direction of a language, and the one mark that keeps "C++" with its word.

use mivzak::bidi::{display_text, language_dir, language_tag, text_direction, TextDirection};
use mivzak::config;
use mivzak::feed::parse_feed;

fn direction(lang: Option<&str>, dir: &'static str) -> TextDirection {
    TextDirection {
        lang: lang.map(str::to_owned),
        dir,
    }
}

#[test]
fn the_first_language_named_decides_item_then_feed_then_site() {
    assert_eq!(
        text_direction(Some("en"), Some("he"), Some("he")),
        direction(Some("en"), "ltr")
    );
    assert_eq!(
        text_direction(None, Some("en-US"), Some("he")),
        direction(Some("en-US"), "ltr")
    );
    assert_eq!(
        text_direction(None, None, Some("he")),
        direction(Some("he"), "rtl")
    );
    assert_eq!(
        text_direction(Some("ar-EG"), Some("en"), None),
        direction(Some("ar-EG"), "rtl")
    );
}

#[test]
fn when_nothing_names_a_language_the_browser_decides() {
    assert_eq!(text_direction(None, None, None), direction(None, "auto"));
}

#[test]
fn what_is_not_a_language_tag_counts_as_not_named() {
    // "Hebrew" is not a tag: it must not make a Hebrew headline left-to-right.
    assert_eq!(
        text_direction(Some("Hebrew"), Some(""), Some("he")),
        direction(Some("he"), "rtl")
    );
    assert_eq!(
        text_direction(Some("  "), Some("english"), None),
        direction(None, "auto")
    );
    assert_eq!(language_tag(" he_IL "), Some("he-IL".to_owned()));
    assert_eq!(language_tag("zh-Hant-TW"), Some("zh-Hant-TW".to_owned()));
    for not_a_tag in [
        "",
        "h",
        "hebr",
        "he-",
        "he--IL",
        "he IL",
        "עב",
        "en-toolongsubtag",
        "1a",
    ] {
        assert_eq!(language_tag(not_a_tag), None, "{not_a_tag:?}");
    }
}

#[test]
fn languages_know_their_direction() {
    assert_eq!(language_dir("he"), "rtl");
    assert_eq!(language_dir("iw"), "rtl");
    assert_eq!(language_dir("ar-EG"), "rtl");
    assert_eq!(language_dir("fa_IR"), "rtl");
    assert_eq!(language_dir("en-US"), "ltr");
    assert_eq!(language_dir("fr"), "ltr");
}

#[test]
fn a_feed_level_language_reaches_every_item_that_names_none() {
    let feed = parse_feed(
        r#"{"version": "https://jsonfeed.org/version/1.1", "title": "News", "language": "en-US",
            "items": [{"id": "1", "title": "Markets rally."},
                      {"id": "2", "title": "שוק ההון", "language": "he"}]}"#,
    )
    .unwrap();
    let site = Some("he");
    assert_eq!(
        feed.items[0].direction(site),
        direction(Some("en-US"), "ltr")
    );
    assert_eq!(feed.items[1].direction(site), direction(Some("he"), "rtl"));
}

#[test]
fn the_site_language_is_hebrew_unless_config_says_otherwise() {
    assert_eq!(config::parse("{}").config.language.as_deref(), Some("he"));
    let english = config::parse(r#"{"language": "en_GB"}"#).config;
    assert_eq!(english.language.as_deref(), Some("en-GB"));
    // null or "": no site language, so texts that name none get dir="auto".
    for none in [r#"{"language": null}"#, r#"{"language": ""}"#] {
        let parsed = config::parse(none);
        assert_eq!(parsed.config.language, None, "{none}");
        assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
        let feed = parse_feed(
            r#"{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "1", "title": "x"}]}"#,
        )
        .unwrap();
        assert_eq!(
            feed.items[0].direction(parsed.config.language.as_deref()),
            direction(None, "auto")
        );
    }
    // A wrong value keeps Hebrew, with a warning.
    let wrong = config::parse(r#"{"language": "Hebrew"}"#);
    assert_eq!(wrong.config.language.as_deref(), Some("he"));
    assert!(wrong.warnings.iter().any(|w| w.contains("language")));
}

#[test]
fn headlines_are_shown_whole_with_nothing_added_where_the_bidi_algorithm_suffices() {
    for line in [
        "סניף McDonald’s נסגר",
        "עיריית Tel Aviv–Yafo",
        "כלי DALL·E זמין",
        "עלייה של 50% במחירים",
        "החוק האוסר על TikTok.",
        "מיקרוסופט מזהירה מפני באג בהתקנת Windows 11",
        "AT&T, e-mail, 3.5",
        "",
    ] {
        assert_eq!(display_text(line), line);
    }
}

#[test]
fn symbols_that_end_a_latin_word_are_held_to_it_by_a_left_to_right_mark() {
    assert_eq!(display_text("שפת C++ חוזרת"), "שפת C++\u{200E} חוזרת");
    assert_eq!(display_text("C# ו-F#."), "C#\u{200E} ו-F#\u{200E}.");
    assert_eq!(
        display_text("Google™ ו-Intel®"),
        "Google™\u{200E} ו-Intel®\u{200E}"
    );
    assert_eq!(display_text("Notepad++C#"), "Notepad++\u{200E}C#\u{200E}");
    // Not after a letter: a sum, a hashtag, a number.
    for untouched in ["1+1", "#חדשות", "#MeToo", "3++", "++"] {
        assert_eq!(display_text(untouched), untouched);
    }
    // The mark is the only change: without it, the text is as typed.
    let shown = display_text("מהדורת C++ 26 ו-C# 13");
    assert_eq!(shown.replace('\u{200E}', ""), "מהדורת C++ 26 ו-C# 13");
}

#[test]
fn a_number_keeps_its_sign_and_its_unit_on_its_own_side() {
    const LRM: char = '\u{200E}';
    let mark = |text: &str| display_text(text).into_owned();
    // A sign that starts a word, before a digit: a mark before it, whatever the sign.
    assert_eq!(mark("-3 מעלות בירושלים"), format!("{LRM}-3 מעלות בירושלים"));
    assert_eq!(
        mark("המדד עלה ב +2.5% החודש"),
        format!("המדד עלה ב {LRM}+2.5% החודש")
    );
    assert_eq!(
        mark("קור של (−12) בחרמון"),
        format!("קור של ({LRM}−12) בחרמון")
    );
    assert_eq!(mark("תשואה של ״–0.4״"), format!("תשואה של ״{LRM}–0.4״"));
    assert_eq!(
        mark("Temperatures fall to -3 tonight"),
        format!("Temperatures fall to {LRM}-3 tonight")
    );
    // A unit with no direction of its own: the number and its unit, between marks.
    assert_eq!(
        mark("חום של 40℃ בערבה"),
        format!("חום של {LRM}40℃{LRM} בערבה")
    );
    assert_eq!(mark("-5℉"), format!("{LRM}-{LRM}5℉{LRM}"));
    // Hebrew's maqaf before a number, a range, a date, a time, a percentage, a
    // degree and a score already read right, and stay as typed.
    for untouched in [
        "ירד מ-120 ל-90",
        "בין 3-4 מעלות",
        "ב-27.12.2024 בשעה 12:40",
        "עלייה של 50% ו-40°C",
        "תוצאה 2-1 למכבי",
        "טלפון 03-1234567",
        "e-mail AT&T -",
    ] {
        assert_eq!(mark(untouched), untouched);
    }
    // Shown twice, the same: a sanitized body is sanitized again on the page.
    for text in ["-3 ו-C++20", "40℃ ו-+2%", "C#\u{200E} ו-(-1)"] {
        assert_eq!(mark(&mark(text)), mark(text));
    }
}
