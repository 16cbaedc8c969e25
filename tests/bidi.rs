//! Left-to-right runs inside Hebrew lines, and the direction of a language.

use mivzak::bidi::{is_hebrew, language_dir, runs, Run};

#[test]
fn latin_words_with_their_numbers_are_one_run() {
    let line = "מיקרוסופט מזהירה מפני באג בהתקנת Windows 11 שעלול לחסום";
    assert_eq!(
        runs(line),
        [
            Run::Plain("מיקרוסופט מזהירה מפני באג בהתקנת "),
            Run::Ltr("Windows 11"),
            Run::Plain(" שעלול לחסום"),
        ]
    );
}

#[test]
fn trailing_punctuation_stays_with_the_hebrew() {
    assert_eq!(
        runs("החוק האוסר על TikTok."),
        [
            Run::Plain("החוק האוסר על "),
            Run::Ltr("TikTok"),
            Run::Plain(".")
        ]
    );
    assert_eq!(
        runs("(MENA)"),
        [Run::Plain("("), Run::Ltr("MENA"), Run::Plain(")")]
    );
}

#[test]
fn plain_hebrew_and_empty_lines_are_untouched() {
    assert_eq!(runs("ארה\"ב"), [Run::Plain("ארה\"ב")]);
    assert_eq!(runs(""), Vec::<Run>::new());
}

#[test]
fn joining_the_runs_gives_the_line_back() {
    for line in [
        "a",
        "1",
        "אב 2024-12-27 גד",
        "x y z",
        "ש TikTok, Windows 11 ו-OIC.",
    ] {
        let joined: String = runs(line)
            .iter()
            .map(|r| match r {
                Run::Plain(t) | Run::Ltr(t) => *t,
            })
            .collect();
        assert_eq!(joined, line);
    }
}

#[test]
fn languages_know_their_direction() {
    assert_eq!(language_dir("he"), "rtl");
    assert_eq!(language_dir("ar-EG"), "rtl");
    assert_eq!(language_dir("en-US"), "ltr");
    assert_eq!(language_dir("fr"), "ltr");
    assert!(is_hebrew("he-IL"));
    assert!(!is_hebrew("en"));
}
