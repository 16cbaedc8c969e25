//! What a ticker row opens to (issue 24 §2): the summary, else the body's
//! opening as plain text, cut at a word boundary and never inside a grapheme.

use mivzak::feed::excerpt::{excerpt, flash_excerpt, EXCERPT_CHARS};
use mivzak::feed::Article;

use crate::common::article;

fn with(summary: Option<&str>, text: Option<&str>, html: Option<&str>) -> Article {
    let mut a = article("1", "כותרת", 0);
    a.summary = summary.map(str::to_owned);
    a.content_text = text.map(str::to_owned);
    a.content_html = html.map(str::to_owned);
    a
}

/// `words` repeated until the text has at least `chars` characters.
fn long(words: &str, chars: usize) -> String {
    let mut text = String::new();
    while text.chars().count() < chars {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(words);
    }
    text
}

#[test]
fn the_summary_is_shown_whole_before_any_body() {
    let summary = long("סיכום קצר של המבזק", 500);
    let a = with(Some(&summary), Some("גוף"), Some("<p>html</p>"));
    assert_eq!(flash_excerpt(&a).as_deref(), Some(summary.as_str()));
    let a = with(Some("  שורה\n  שנייה  "), None, None);
    assert_eq!(flash_excerpt(&a).as_deref(), Some("שורה שנייה"));
}

#[test]
fn a_summary_of_white_space_counts_as_none() {
    // Invisible marks alone (an RLM and a no-break space from a CMS, a BOM, a
    // zero-width space, a soft hyphen) show nothing either.
    for blank in [
        "",
        "   ",
        "\n\t ",
        "<p> </p>",
        "\u{200F}\u{00A0}\n",
        "\u{FEFF}",
        "\u{200B}\u{2067}\u{2069}",
        "&shy;&rlm;",
    ] {
        let a = with(Some(blank), Some("הגוף עצמו"), None);
        assert_eq!(flash_excerpt(&a).as_deref(), Some("הגוף עצמו"), "{blank:?}");
        assert_eq!(
            flash_excerpt(&with(Some(blank), None, None)),
            None,
            "{blank:?}"
        );
    }
}

#[test]
fn nothing_to_open_without_summary_or_body() {
    assert_eq!(flash_excerpt(&with(None, None, None)), None);
    assert_eq!(
        flash_excerpt(&with(None, Some(" \n "), Some("<p> </p>"))),
        None
    );
    assert_eq!(
        flash_excerpt(&with(None, Some("\u{200F} "), Some("<p>&lrm;&nbsp;</p>"))),
        None
    );
    assert_eq!(
        flash_excerpt(&with(None, None, Some("<img src=x.png>"))),
        None
    );
}

#[test]
fn a_hebrew_body_is_cut_at_a_word_with_an_ellipsis() {
    let body = long("ראש הממשלה נפגש הבוקר עם שר הביטחון", 900);
    let shown = flash_excerpt(&with(None, Some(&body), None)).unwrap();
    assert!(shown.ends_with('…'), "{shown}");
    let words = shown.trim_end_matches('…');
    assert!(words.chars().count() <= EXCERPT_CHARS);
    assert!(words.chars().count() > EXCERPT_CHARS - 40);
    assert!(body.starts_with(words));
    // Cut before a whole word: what follows in the body is a space.
    assert_eq!(body[words.len()..].chars().next(), Some(' '));
}

#[test]
fn an_english_body_is_cut_at_a_word_too() {
    let body = long(
        "The prime minister met the defence minister this morning",
        700,
    );
    let shown = flash_excerpt(&with(None, Some(&body), None)).unwrap();
    let words = shown.strip_suffix('…').unwrap();
    assert!(body.starts_with(words) && !words.ends_with(' '));
    assert_eq!(body[words.len()..].chars().next(), Some(' '));
}

#[test]
fn an_html_only_body_is_plain_text_with_its_references_decoded() {
    let html = "<p>צה&quot;ל הודיע: <b>3&nbsp;פצועים</b> &amp; נזק</p><script>alert(1)</script><p>בשטח &#8211; עדכון</p>";
    let shown = flash_excerpt(&with(None, None, Some(html))).unwrap();
    assert_eq!(shown, "צה\"ל הודיע: 3\u{a0}פצועים & נזק בשטח – עדכון");
    assert!(!shown.contains('<') && !shown.contains("&quot;"));
    let long_html = format!(
        "<div>{}</div>",
        long("<p>AT&amp;T &lt;b&gt; news</p>", 2000)
    );
    let shown = flash_excerpt(&with(None, None, Some(&long_html))).unwrap();
    assert!(shown.starts_with("AT&T <b> news"), "{shown}");
    assert!(shown.ends_with('…') && shown.chars().count() <= EXCERPT_CHARS + 1);
}

#[test]
fn a_body_of_exactly_or_under_the_limit_is_whole() {
    for chars in [1, 120, EXCERPT_CHARS - 1, EXCERPT_CHARS] {
        let body: String = long("אבגד", chars).chars().take(chars).collect();
        let body = body.trim_end().to_owned();
        assert_eq!(
            flash_excerpt(&with(None, Some(&body), None)),
            Some(body.clone())
        );
    }
    let over: String = long("אבגד", 400).chars().take(EXCERPT_CHARS + 1).collect();
    assert!(flash_excerpt(&with(None, Some(&over), None))
        .unwrap()
        .ends_with('…'));
}

#[test]
fn a_word_longer_than_half_is_cut_at_a_grapheme_not_inside_one() {
    // Pointed Hebrew: every letter carries its niqqud; one word with no space.
    let pointed = "שָׁלוֹם".repeat(100);
    let shown = excerpt(&pointed, 40);
    let cut = shown.strip_suffix('…').unwrap();
    assert!(pointed.starts_with(cut));
    let next = pointed[cut.len()..].chars().next().unwrap();
    assert!(
        ('\u{05D0}'..='\u{05EA}').contains(&next),
        "cut before {next:?}"
    );
    // An accent written as a combining mark, a family emoji (ZWJ), a flag.
    for (unit, max) in [
        ("e\u{301}", 7),
        ("👨\u{200D}👩\u{200D}👧", 12),
        ("🇮🇱", 5),
        ("👍🏽", 5),
    ] {
        let text = unit.repeat(50);
        let cut = excerpt(&text, max);
        let cut = cut.strip_suffix('…').unwrap();
        assert!(!cut.is_empty());
        assert_eq!(cut.len() % unit.len(), 0, "{unit:?} parted: {cut:?}");
    }
}

#[test]
fn a_grapheme_longer_than_the_limit_is_kept_whole() {
    let family = "👨\u{200D}👩\u{200D}👧\u{200D}👦";
    assert_eq!(
        excerpt(&format!("{family}{family}"), 3),
        format!("{family}…")
    );
}

#[test]
fn text_within_the_limit_is_left_as_it_is() {
    assert_eq!(excerpt("קצר", 300), "קצר");
    assert_eq!(excerpt("", 300), "");
    assert_eq!(excerpt("abc def", 7), "abc def");
    assert_eq!(excerpt("abcd efgh", 7), "abcd…");
    assert_eq!(excerpt("abc defg hij", 8), "abc defg…");
    // No space past the middle: the word itself is cut.
    assert_eq!(excerpt("ab cdefghij", 7), "ab cdef…");
}
