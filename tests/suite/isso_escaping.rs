//! Comments as Isso sends them (issue 25 §8): Isso 0.14 stores the author's name
//! with Python's `html.escape(name, quote=False)` and the website with
//! `html.escape(website, quote=True)`, and answers them so on `GET /`, on
//! `POST /new` and on an edit. `isso::as_typed` gives back what was typed.

use mivzak::comments::isso::{as_typed, unescape};
use mivzak::comments::model::Comment;

/// Python's `html.escape`, as Isso calls it (Lib/html/__init__.py).
fn python_escape(text: &str, quote: bool) -> String {
    let mut out = text
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    if quote {
        out = out.replace('"', "&quot;").replace('\'', "&#x27;");
    }
    out
}

/// Names a reader may type: the issue's two, and others of their kind.
const NAMES: &[&str] = &[
    "כהן & בניו",
    "<דנה>",
    "ג'ון",
    "\"הצופה\" מחיפה",
    "&amp;",
    "&lt;b&gt;",
    "<b>מודגש</b>",
    "AT&T",
    "&&&",
    "R&D <lab>",
    "שם & ",
    "&#x27;",
    "a&amp;b&lt;",
    "",
    "אבג",
];

#[test]
fn each_name_and_website_comes_back_as_typed() {
    for &name in NAMES {
        assert_eq!(unescape(&python_escape(name, false)), name, "name {name:?}");
        assert_eq!(
            unescape(&python_escape(name, true)),
            name,
            "website {name:?}"
        );
    }
}

#[test]
fn a_literal_entity_is_decoded_once() {
    // The reader typed "&amp;": Isso stored "&amp;amp;".
    assert_eq!(unescape("&amp;amp;"), "&amp;");
    assert_eq!(unescape("&amp;lt;דנה&amp;gt;"), "&lt;דנה&gt;");
    // Only Isso's five: any other '&' and entity are text Isso never wrote.
    assert_eq!(unescape("&nbsp;&copy;&#39;&"), "&nbsp;&copy;&#39;&");
    assert_eq!(unescape("&am"), "&am");
}

#[test]
fn every_comment_of_an_answer_is_as_typed_replies_included() {
    let escaped = |s: &str| python_escape(s, false);
    let answer = serde_json::json!({
        "id": 1, "author": escaped("כהן & בניו"), "mode": 1,
        "website": python_escape("https://example.com/?a=1&b='2'", true),
        "text": "<p>a &amp; b</p>",
        "replies": [{ "id": 2, "parent": 1, "author": escaped("<דנה>"), "text": "<p>x</p>" }]
    });
    let comment = as_typed(serde_json::from_value::<Comment>(answer).unwrap());
    assert_eq!(comment.author.as_deref(), Some("כהן & בניו"));
    assert_eq!(
        comment.website.as_deref(),
        Some("https://example.com/?a=1&b='2'")
    );
    // The text is HTML (Isso's Markdown): the sanitizer reads it, not this.
    assert_eq!(comment.text, "<p>a &amp; b</p>");
    assert_eq!(comment.replies[0].author.as_deref(), Some("<דנה>"));
    // A deleted placeholder has no author at all.
    let deleted: Comment = serde_json::from_str(r#"{"id": 3, "mode": 4, "author": null}"#).unwrap();
    assert_eq!(as_typed(deleted).author, None);
}
