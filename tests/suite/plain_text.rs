//! Titles, summaries, names, tags and attachment titles are plain text, whatever
//! the publisher's software wrote into them.

use mivzak::feed::parse_feed;
use mivzak::feed::plain_text::{one_line, plain_text, text_for_title};

#[test]
fn the_issues_titles_show_decoded_and_without_tags() {
    assert_eq!(one_line("צה&quot;ל"), "צה\"ל");
    assert_eq!(one_line("ירושלים &#8211; תל אביב"), "ירושלים – תל אביב");
    assert_eq!(one_line("Q&amp;A"), "Q&A");
    assert_eq!(one_line("<b>דחוף:</b> צה&quot;ל"), "דחוף: צה\"ל");
}

#[test]
fn wordpress_titles() {
    // get_the_title_rss: wptexturize's numeric quotes and dashes, esc_html's &#039;.
    assert_eq!(
        one_line("&#8220;הסכם&#8221; &#8211; מה הלאה&#8230; McDonald&#8217;s"),
        "“הסכם” – מה הלאה… McDonald’s"
    );
    assert_eq!(one_line("ביבי&#039;ס"), "ביבי'ס");
    // PHP's htmlentities: named references for Latin letters and symbols.
    assert_eq!(
        one_line("Caf&eacute; M&uuml;ller &ndash; &copy; 2024 &euro;5 &laquo;x&raquo;"),
        "Café Müller – © 2024 €5 «x»"
    );
    // Windows-1252 numbers, as browsers read them.
    assert_eq!(one_line("it&#146;s &#150; &#128;"), "it’s – €");
    // Markup in a title: tags go, their words stay.
    assert_eq!(
        one_line("<strong>עדכון</strong> <em>חשוב</em><br/>שורה <span class=\"x\">שנייה</span>"),
        "עדכון חשוב שורה שנייה"
    );
}

#[test]
fn ghost_hugo_and_jekyll_escapes() {
    // Ghost and lodash: &#x27; and &#39;; Go's html/template (Hugo): &#34; and &#39;.
    assert_eq!(
        one_line("It&#x27;s &#34;live&#34; &#39;now&#39;"),
        "It's \"live\" 'now'"
    );
    // Jekyll's xml_escape and CGI.escapeHTML.
    assert_eq!(one_line("&lt;div&gt; &amp; &apos;x&apos;"), "<div> & 'x'");
    // Upper-case hex, no semicolon after a number (browsers accept both).
    assert_eq!(one_line("&#X5D0;&#1489"), "אב");
}

#[test]
fn references_are_decoded_once() {
    // Double-encoded by a plugin: shown as the text the first encoding made.
    assert_eq!(one_line("צה&amp;quot;ל"), "צה&quot;ל");
    assert_eq!(one_line("&amp;lt;b&amp;gt;"), "&lt;b&gt;");
    // An escaped tag is text, not a tag to strip.
    assert_eq!(one_line("&lt;b&gt;דחוף&lt;/b&gt;"), "<b>דחוף</b>");
}

#[test]
fn what_only_looks_like_markup_is_text() {
    for text in [
        "AT&T",
        "R&D ו-Q&A",
        "&copyright",
        "& ;",
        "&unknown;",
        "3 < 5 > 2",
        "x <3",
        "a <b",
        "אם x<y",
        "C++ & C#",
    ] {
        assert_eq!(one_line(text), text);
    }
    // Impossible numbers are the replacement character, as in browsers.
    assert_eq!(
        one_line("&#0;&#xD800;&#x110000;&#99999999999;"),
        "\u{FFFD}".repeat(4)
    );
    // A number sign with no digits is text.
    assert_eq!(one_line("&#; &#x;"), "&#; &#x;");
}

#[test]
fn tags_with_quotes_comments_and_hidden_contents() {
    assert_eq!(one_line("<a title=\"a > b\" href='/x'>קישור</a>"), "קישור");
    assert_eq!(one_line("לפני<!-- הערה > עם סימן -->אחרי"), "לפניאחרי");
    assert_eq!(
        one_line("<script>alert(1)</script>כותרת<style>p{}</style>"),
        "כותרת"
    );
    assert_eq!(one_line("<SCRIPT>x</SCRIPT >כותרת"), "כותרת");
    assert_eq!(one_line("<?xml version=\"1.0\"?>כותרת"), "כותרת");
    assert_eq!(one_line("<img src=x alt=\"תמונה\">כותרת"), "כותרת");
}

#[test]
fn plain_text_keeps_lines_and_one_line_joins_them() {
    assert_eq!(plain_text("<p>אחת</p><p>שתיים</p>"), "\nאחת\n\nשתיים\n");
    assert_eq!(one_line("  a \n\t b&nbsp;c  "), "a b\u{00A0}c");
    assert_eq!(plain_text("no markup at all"), "no markup at all");
}

#[test]
fn made_up_titles_carry_no_markup_markdown_or_images() {
    assert_eq!(
        text_for_title(
            "ראו [את הכתבה](https://example.com/a_(b)) ![תמונה](https://example.com/i.png) כאן"
        ),
        "ראו את הכתבה כאן"
    );
    assert_eq!(
        text_for_title(
            "<p>שלום <img src=\"x.png\" alt=\"y\"> <a href=\"/z\">עולם</a> &amp; ירח</p>"
        ),
        "שלום עולם & ירח"
    );
    // A linked image goes whole; brackets that are no link stay.
    assert_eq!(
        text_for_title("[![alt](i.png)](https://x) [1] a[b]"),
        "[1] a[b]"
    );
    // An escaped bracket is not Markdown syntax once decoded.
    assert_eq!(text_for_title("&#91;x&#93;(y)"), "[x](y)");
}

#[test]
fn the_parser_applies_it_to_every_plain_text_field() {
    let feed = parse_feed(
        r#"{"version": "https://jsonfeed.org/version/1.1", "title": "חדשות &amp; עוד",
            "authors": [{"name": "מערכת &quot;מבזק&quot;"}],
            "items": [
              {"id": "1", "title": "<b>דחוף:</b> צה&quot;ל &#8211; הודעה",
               "summary": "<p>תקציר &amp; עוד</p>",
               "authors": [{"name": "ג&#8217;ון"}],
               "tags": ["Q&amp;A", "<i>תגית</i>", "<br>"],
               "attachments": [{"url": "https://x/a.mp3", "mime_type": "audio/mpeg", "title": "פרק &#8211; 1"}]},
              {"id": "2", "content_html": "<p><img src=\"x.png\">[קישור](https://x) מצולם &amp; נאה</p>"},
              {"id": "3", "title": "<img src=x>", "content_text": "Cats are neat. ![cat](https://x/c.png)\n\nhttps://example.org/cats"}
            ]}"#,
    )
    .unwrap();
    assert_eq!(feed.title, "חדשות & עוד");
    assert_eq!(feed.authors[0].name.as_deref(), Some("מערכת \"מבזק\""));
    let first = &feed.items[0];
    assert_eq!(first.title, "דחוף: צה\"ל – הודעה");
    assert!(!first.title_from_text);
    assert_eq!(first.summary.as_deref(), Some("תקציר & עוד"));
    assert_eq!(first.authors[0].name.as_deref(), Some("ג’ון"));
    assert_eq!(first.tags, ["Q&A", "תגית"]);
    assert_eq!(first.attachments[0].title.as_deref(), Some("פרק – 1"));
    // Made up from the body: Markdown link text and decoded entities, no image.
    assert_eq!(feed.items[1].title, "קישור מצולם & נאה");
    assert!(feed.items[1].title_from_text);
    // A title with nothing left after stripping is made up from the text.
    assert_eq!(
        feed.items[2].title,
        "Cats are neat. https://example.org/cats"
    );
    assert!(feed.items[2].title_from_text);
}

#[test]
fn the_named_references_from_first_to_last() {
    assert_eq!(
        one_line("&AElig;&Aacute;&lang;&rang;&thetasym;&quot;&apos;&zwnj;&AMP;&QUOT;"),
        "ÆÁ⟨⟩ϑ\"'\u{200C}&\""
    );
    // Not names: empty, one of the table's characters, a name in the wrong case.
    for text in ["&;", "&Æ;", "&Amp;", "&Quot;"] {
        assert_eq!(one_line(text), text);
    }
}

/// A post that is only a picture keeps its place: titled by the image's alt text,
/// else "תמונה"; a body without an image gives none (micro.blog photo posts).
#[test]
fn a_photo_post_is_titled_by_its_picture() {
    use mivzak::feed::plain_text::photo_title;
    assert_eq!(
        photo_title(r#"<img src="a.jpg" width="600" ALT="Frozen pond &amp; sunrise">"#).as_deref(),
        Some("Frozen pond & sunrise")
    );
    assert_eq!(
        photo_title("<p><img src='a.jpg' alt=''></p>").as_deref(),
        Some("תמונה")
    );
    assert_eq!(photo_title("<img src=a.jpg>").as_deref(), Some("תמונה"));
    assert_eq!(photo_title("<p>no picture</p>"), None);
    let feed = mivzak::feed::parse_feed(
        r#"{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"p","content_html":"<img src=\"x.jpg\" alt=\"ברווז\">"}]}"#,
    )
    .expect("a feed");
    assert_eq!(feed.items[0].title, "ברווז");
    assert!(feed.items[0].title_from_text);
}
