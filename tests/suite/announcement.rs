//! The live region's words for a poll's flashes (issue 25 §5): a few are read
//! one by one, more than `READ_EACH_UP_TO` are summed up as a count and one
//! headline; urgent flashes first. One rule for the site's ticker and the embed.

use mivzak::announcement::{announcement, count_phrase, Arrival, READ_EACH_UP_TO};
use mivzak::ticker_text::{ENGLISH, HEBREW};

fn arrivals<'a>(titles: &[&'a str]) -> Vec<Arrival<'a>> {
    titles
        .iter()
        .map(|title| Arrival {
            title,
            urgent: false,
        })
        .collect()
}

/// `n` made-up headlines, newest first: "כותרת 1" …
fn headlines(n: usize) -> Vec<String> {
    (1..=n).map(|i| format!("כותרת {i}")).collect()
}

fn say(titles: &[String]) -> String {
    let refs: Vec<&str> = titles.iter().map(String::as_str).collect();
    announcement(&arrivals(&refs), &HEBREW)
}

#[test]
fn nothing_new_says_nothing() {
    assert_eq!(announcement(&[], &HEBREW), "");
}

#[test]
fn a_single_flash_is_read_as_before() {
    assert_eq!(
        say(&["הכנסת אישרה את התקציב".into()]),
        "מבזק חדש: הכנסת אישרה את התקציב"
    );
}

#[test]
fn up_to_the_threshold_each_headline_is_read() {
    assert_eq!(READ_EACH_UP_TO, 3);
    assert_eq!(say(&headlines(2)), "מבזק חדש: כותרת 1. מבזק חדש: כותרת 2");
    assert_eq!(
        say(&headlines(3)),
        "מבזק חדש: כותרת 1. מבזק חדש: כותרת 2. מבזק חדש: כותרת 3"
    );
}

#[test]
fn past_the_threshold_the_count_and_the_newest_headline() {
    assert_eq!(say(&headlines(4)), "4 מבזקים חדשים. האחרון: כותרת 1");
    assert_eq!(say(&headlines(5)), "5 מבזקים חדשים. האחרון: כותרת 1");
    // The field's case: 40 headlines at once, 1,382 characters before.
    let forty = say(&headlines(40));
    assert_eq!(forty, "40 מבזקים חדשים. האחרון: כותרת 1");
    assert!(forty.chars().count() < 60);
    // However many, and however long the others, the summary stays short.
    let long: Vec<String> = (0..500)
        .map(|i| format!("{i} {}", "מילה ".repeat(40)))
        .collect();
    let said = say(&long);
    assert!(said.starts_with("500 מבזקים חדשים. האחרון: 0 מילה"));
    assert_eq!(
        said.chars().count(),
        "500 מבזקים חדשים. האחרון: ".chars().count() + long[0].chars().count()
    );
}

#[test]
fn hebrew_number_forms() {
    assert_eq!(count_phrase(1, &HEBREW), "מבזק חדש");
    assert_eq!(count_phrase(2, &HEBREW), "2 מבזקים חדשים");
    assert_eq!(count_phrase(11, &HEBREW), "11 מבזקים חדשים");
    assert_eq!(count_phrase(1000, &HEBREW), "1000 מבזקים חדשים");
    assert_eq!(count_phrase(1, &ENGLISH), "New flash");
    assert_eq!(count_phrase(7, &ENGLISH), "7 new flashes");
}

#[test]
fn a_headline_keeps_its_direction_whole() {
    // An English headline, one that starts with a number, one with a URL and
    // an RTL mark of its own: each appears exactly as the feed gave it, never
    // cut, reordered or wrapped in direction marks of ours.
    for title in [
        "Apple unveils the M5: 40% faster",
        "12 הרוגים בתאונה בכביש 1",
        "\u{200f}ynet: https://ynet.co.il/a/1 נפרץ!",
    ] {
        let one = announcement(&arrivals(&[title]), &HEBREW);
        assert_eq!(one, format!("מבזק חדש: {title}"));
        let mut many = vec![title];
        many.extend(["ב", "ג", "ד", "ה"]);
        let summary = announcement(&arrivals(&many), &HEBREW);
        assert_eq!(summary, format!("5 מבזקים חדשים. האחרון: {title}"));
        for mark in [
            '\u{200e}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', '\u{202a}', '\u{202b}',
        ] {
            assert!(!summary.contains(mark), "{summary:?} has {mark:?}");
        }
    }
}

#[test]
fn urgent_flashes_come_first_in_either_form() {
    let mut few = arrivals(&["רגיל 1", "דחוף 1", "רגיל 2"]);
    few[1].urgent = true;
    assert_eq!(
        announcement(&few, &HEBREW),
        "מבזק דחוף: דחוף 1. מבזק חדש: רגיל 1. מבזק חדש: רגיל 2"
    );
    let mut many = arrivals(&["רגיל 1", "רגיל 2", "דחוף 1", "רגיל 3", "דחוף 2"]);
    many[2].urgent = true;
    many[4].urgent = true;
    assert_eq!(announcement(&many, &HEBREW), "5 מבזקים חדשים. דחוף: דחוף 1");
}

#[test]
fn english_chrome_reads_the_same_rule() {
    let titles = ["One", "Two", "Three", "Four"];
    assert_eq!(
        announcement(&arrivals(&titles[..1]), &ENGLISH),
        "New flash: One"
    );
    assert_eq!(
        announcement(&arrivals(&titles), &ENGLISH),
        "4 new flashes. Latest: One"
    );
}
