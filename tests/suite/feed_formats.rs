//! RSS, RDF and Atom into the one model, by kind (src/feed/xml/, read.rs,
//! encoding.rs): each kind with feeds that share it and differ in everything else.
//! The newsroom corpus (tests/fixtures/xml-feeds/) is `xml_corpus.rs`.

use mivzak::feed::encoding::{choose_encoding, declared_encoding, Encoding};
use mivzak::feed::model::{Article, Feed};
use mivzak::feed::read::{format_of, read_feed, DateRules, FeedFormat};
use mivzak::feed::FeedError;
use mivzak::time::TimeLabels;
use proptest::prelude::*;

fn rules(zone: &str, labels: TimeLabels) -> DateRules {
    DateRules {
        zone: zone.into(),
        labels,
    }
}

/// The item of `feed` whose id is `id` (the test fails without one).
fn by_id<'a>(feed: &'a Feed, id: &str) -> &'a Article {
    feed.items.iter().find(|i| i.id == id).unwrap_or_else(|| {
        panic!(
            "no item {id:?} in {:?}",
            feed.items.iter().map(|i| &i.id).collect::<Vec<_>>()
        )
    })
}

fn jerusalem() -> DateRules {
    rules("Asia/Jerusalem", TimeLabels::Trust)
}

fn read(text: &str) -> Feed {
    read_feed(text.as_bytes(), None, &jerusalem()).unwrap()
}

fn rss(items: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/">
<channel><title>חדשות</title><link>https://news.example.co.il/</link><language>he</language>
{items}
</channel></rss>"#
    )
}

/// 2024-12-27 14:02 in Israel (winter, UTC+2).
const DEC_27_1402: i64 = 1_735_300_920_000;

#[test]
fn the_format_is_told_by_the_content() {
    assert_eq!(format_of("  \n{\"version\": 1}"), Some(FeedFormat::Json));
    assert_eq!(
        format_of("\u{FEFF}<?xml version='1.0'?><rss/>"),
        Some(FeedFormat::Xml)
    );
    assert_eq!(
        format_of("<!-- generator --><feed/>"),
        Some(FeedFormat::Xml)
    );
    assert_eq!(format_of("hello"), None);
    // The Content-Type never decides: JSON served as XML, RSS as JSON or HTML.
    let json =
        r#"{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "1", "title": "א"}]}"#;
    for content_type in [
        "text/xml",
        "text/html",
        "application/rss+xml",
        "application/octet-stream",
    ] {
        let feed = read_feed(json.as_bytes(), Some(content_type), &jerusalem()).unwrap();
        assert_eq!(feed.items[0].title, "א");
    }
    let xml = rss("<item><title>ב</title><guid>2</guid></item>");
    for content_type in ["application/json", "text/html; charset=utf-8", "text/plain"] {
        let feed = read_feed(xml.as_bytes(), Some(content_type), &jerusalem()).unwrap();
        assert_eq!(feed.items[0].title, "ב");
    }
}

#[test]
fn each_format_reads_into_the_one_model() {
    let rss2 = rss(
        r#"<item><title>כותרת</title><link>https://n.example/a/1</link>
        <guid isPermaLink="false">post-1</guid><pubDate>Fri, 27 Dec 2024 14:02:00 +0200</pubDate>
        <description>&lt;p&gt;גוף&lt;/p&gt;</description><category>ביטחון</category>
        <dc:creator>דנה כהן</dc:creator></item>"#,
    );
    let rdf = r#"<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://n.example/"><title>חדשות</title><link>https://n.example/</link><dc:language>he</dc:language></channel>
  <item rdf:about="post-1"><title>כותרת</title><link>https://n.example/a/1</link>
    <description>&lt;p&gt;גוף&lt;/p&gt;</description><dc:date>2024-12-27T14:02:00+02:00</dc:date>
    <dc:subject>ביטחון</dc:subject><dc:creator>דנה כהן</dc:creator></item>
</rdf:RDF>"#;
    let atom = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="he">
  <title>חדשות</title><link href="https://n.example/"/><id>urn:x</id><updated>2024-12-27T12:02:00Z</updated>
  <entry><id>post-1</id><title type="html">כותרת</title><link rel="alternate" href="https://n.example/a/1"/>
    <published>2024-12-27T12:02:00Z</published><content type="html">&lt;p&gt;גוף&lt;/p&gt;</content>
    <author><name>דנה כהן</name></author><category term="ביטחון"/></entry>
</feed>"#;
    for (name, text) in [("rss", rss2.as_str()), ("rdf", rdf), ("atom", atom)] {
        let feed = read(text);
        assert_eq!(feed.title, "חדשות", "{name}");
        assert_eq!(feed.language.as_deref(), Some("he"), "{name}");
        let item = &feed.items[0];
        assert_eq!(item.id, "post-1", "{name}");
        assert_eq!(item.title, "כותרת", "{name}");
        assert_eq!(item.url.as_deref(), Some("https://n.example/a/1"), "{name}");
        assert_eq!(item.published_ms, Some(DEC_27_1402), "{name}");
        assert_eq!(item.content_html.as_deref(), Some("<p>גוף</p>"), "{name}");
        assert_eq!(item.tags, ["ביטחון"], "{name}");
        assert_eq!(item.authors[0].name.as_deref(), Some("דנה כהן"), "{name}");
    }
}

#[test]
fn ids_are_the_guid_else_the_link_else_a_stable_hash_and_never_shared() {
    let feed = read(&rss(r#"
        <item><title>א</title><guid>g-1</guid><link>https://n.example/1</link></item>
        <item><title>ב</title><link>https://n.example/2</link></item>
        <item><title>ג</title><description>רק טקסט</description></item>
        <item><title>ד</title><guid>g-4</guid><link>https://n.example/4</link></item>
        <item><title>ד מעודכן</title><guid>g-4</guid><link>https://n.example/4</link></item>
        <item><title>ה</title><guid>g-4</guid><link>https://n.example/5</link></item>
        <item><title>ו</title><guid>g-6</guid></item>
        <item><title>ו</title><guid>g-6</guid></item>"#));
    let ids: Vec<&str> = feed.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids[0], "g-1");
    assert_eq!(ids[1], "https://n.example/2");
    assert!(ids[2].starts_with("urn:mivzak:item:"), "{ids:?}");
    assert_eq!(ids[3], "g-4");
    // The feed's own id and the same page: one item listed twice (the first,
    // an update, stays). Another page under the same guid is another item.
    assert!(ids[4].starts_with("g-4#"), "{ids:?}");
    assert_eq!(feed.items[4].title, "ה");
    assert_eq!(ids[5], "g-6");
    assert_eq!(feed.items.len(), 6);
    assert_eq!(feed.skipped.len(), 2, "{:?}", feed.skipped);
    // Stable: the same document gives the same ids.
    let again = read(&rss(r#"
        <item><title>ג</title><description>רק טקסט</description></item>"#));
    assert_eq!(again.items[0].id, ids[2]);
}

#[test]
fn titles_are_plain_text_whatever_their_wrapping() {
    let feed = read(&rss(r#"
        <item><guid>1</guid><title><![CDATA[   פיגוע בצומת   ]]></title></item>
        <item><guid>2</guid><title>מנכ&#8221;ל החברה &#8211; התפטר</title></item>
        <item><guid>3</guid><title>&lt;b&gt;דחוף:&lt;/b&gt; אזעקה בשדרות</title></item>
        <item><guid>4</guid><title><![CDATA[<b>דחוף:</b> צה&quot;ל]]></title></item>
        <item><guid>5</guid><title>AT&amp;T &nbsp;ו-Apple</title></item>
        <item><guid>6</guid><title>Q&A bare ampersand</title></item>"#));
    let titles: Vec<&str> = feed.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "פיגוע בצומת",
            "מנכ”ל החברה – התפטר",
            "דחוף: אזעקה בשדרות",
            "דחוף: צה\"ל",
            "AT&T \u{a0}ו-Apple",
            "Q&A bare ampersand",
        ]
    );
}

#[test]
fn bodies_prefer_content_encoded_then_the_description() {
    let feed = read(&rss(r#"
        <item><guid>1</guid><title>א</title><description>תקציר [&#8230;]</description>
          <content:encoded><![CDATA[<p>הכתבה המלאה</p>]]></content:encoded></item>
        <item><guid>2</guid><title>ב</title><description><![CDATA[<p>רק תיאור</p>]]></description></item>
        <item><guid>3</guid><title>ג</title><description>&lt;p&gt;escaped&lt;/p&gt;</description></item>
        <item><guid>4</guid><title>ד</title><description></description></item>"#));
    let item = |id: &str| by_id(&feed, id);
    assert_eq!(
        item("1").content_html.as_deref(),
        Some("<p>הכתבה המלאה</p>")
    );
    assert_eq!(item("1").summary.as_deref(), Some("תקציר […]"));
    assert_eq!(item("2").content_html.as_deref(), Some("<p>רק תיאור</p>"));
    assert_eq!(item("3").content_html.as_deref(), Some("<p>escaped</p>"));
    assert_eq!(item("4").content_html, None);
}

#[test]
fn images_come_from_enclosures_media_or_the_first_real_img() {
    let feed = read(&rss(r#"
        <item><guid>1</guid><title>א</title><enclosure url="https://img.example/1.jpg" type="image/jpeg" length="0"/></item>
        <item><guid>2</guid><title>ב</title><media:content url="https://img.example/2.jpg" medium="image"/></item>
        <item><guid>3</guid><title>ג</title><media:thumbnail url="https://img.example/3.jpg"/></item>
        <item><guid>4</guid><title>ד</title><description><![CDATA[<img hspace=5 align=right src=https://img.example/4.jpg> טקסט]]></description></item>
        <item><guid>5</guid><title>ה</title><content:encoded><![CDATA[<img src="https://pixel.example/p.gif" width="1" height="1"><p><img loading="lazy" src="https://img.example/5.jpg" srcset="https://img.example/5-300.jpg 300w, https://img.example/5-1024.jpg 1024w"></p>]]></content:encoded></item>
        <item><guid>6</guid><title>ו</title><content:encoded><![CDATA[<img src="https://i0.wp.com/pixel.wp.com/g.gif?x=1"><img data-src="https://img.example/6.jpg" src="data:image/gif;base64,R0lGOD">]]></content:encoded></item>
        <item><guid>7</guid><title>ז</title><enclosure url="https://audio.example/7.mp3" type="audio/mpeg" length="1234"/></item>"#));
    let image = |id: &str| by_id(&feed, id).image.clone();
    assert_eq!(image("1").as_deref(), Some("https://img.example/1.jpg"));
    assert_eq!(image("2").as_deref(), Some("https://img.example/2.jpg"));
    assert_eq!(image("3").as_deref(), Some("https://img.example/3.jpg"));
    assert_eq!(image("4").as_deref(), Some("https://img.example/4.jpg"));
    assert_eq!(image("5").as_deref(), Some("https://img.example/5.jpg"));
    assert_eq!(image("6").as_deref(), Some("https://img.example/6.jpg"));
    assert_eq!(image("7"), None);
    let podcast = feed.items.iter().find(|i| i.id == "7").unwrap();
    assert_eq!(podcast.attachments[0].url, "https://audio.example/7.mp3");
    assert_eq!(podcast.attachments[0].size_in_bytes, Some(1234));
}

#[test]
fn dates_in_every_element_and_zone() {
    let feed = read(&rss(r#"
        <item><guid>1</guid><title>א</title><pubDate>Fri, 27 Dec 2024 14:02:00 +0200</pubDate></item>
        <item><guid>2</guid><title>ב</title><pubDate>Fri, 27 Dec 2024 12:02:00 GMT</pubDate></item>
        <item><guid>3</guid><title>ג</title><pubDate>27 Dec 2024 14:02 IST</pubDate></item>
        <item><guid>4</guid><title>ד</title><dc:date>2024-12-27T14:02:00+02:00</dc:date></item>
        <item><guid>5</guid><title>ה</title><dc:date>2024-12-27T14:02:00</dc:date></item>
        <item><guid>6</guid><title>ו</title><pubDate>Fri, 27 Dec 2024 14:02:00</pubDate></item>"#));
    for item in &feed.items {
        assert_eq!(item.published_ms, Some(DEC_27_1402), "item {}", item.id);
    }
}

#[test]
fn a_lying_zone_label_is_read_as_local_time_when_the_publisher_says_so() {
    let walla = rss(
        r#"<item><guid>1</guid><title>א</title><pubDate>Fri, 27 Dec 2024 14:02:00 GMT</pubDate></item>
        <item><guid>2</guid><title>ב</title><pubDate>Tue, 16 Jul 2024 09:30:00 GMT</pubDate></item>"#,
    );
    let local = read_feed(
        walla.as_bytes(),
        None,
        &rules("Asia/Jerusalem", TimeLabels::Local),
    )
    .unwrap();
    let item = |id: &str| by_id(&local, id).published_ms;
    assert_eq!(item("1"), Some(DEC_27_1402));
    // Summer: 09:30 in Israel is 06:30 UTC.
    assert_eq!(item("2"), Some(1_721_111_400_000));
    let trusted = read(&walla);
    assert_eq!(
        trusted
            .items
            .iter()
            .find(|i| i.id == "1")
            .unwrap()
            .published_ms,
        Some(DEC_27_1402 + 7_200_000)
    );
}

#[test]
fn authors_tags_language_and_paging() {
    let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="he">
  <title>בלוג</title><author><name>מערכת</name></author>
  <link rel="next" href="https://n.example/feed?page=2"/>
  <entry><id>1</id><title>א</title><category term="politics" label="פוליטיקה"/><category term="x"/></entry>
  <entry xml:lang="en"><id>2</id><title>English</title><author><name>Dana</name></author><author><name>dana</name></author></entry>
</feed>"#;
    let feed = read(atom);
    assert_eq!(
        feed.next_url.as_deref(),
        Some("https://n.example/feed?page=2")
    );
    let first = feed.items.iter().find(|i| i.id == "1").unwrap();
    assert_eq!(first.authors[0].name.as_deref(), Some("מערכת"));
    assert_eq!(first.tags, ["פוליטיקה", "x"]);
    assert_eq!(first.language, None);
    assert_eq!(first.feed_language.as_deref(), Some("he"));
    let second = feed.items.iter().find(|i| i.id == "2").unwrap();
    assert_eq!(second.language.as_deref(), Some("en"));
    assert_eq!(
        second.authors.len(),
        1,
        "the same person twice is credited once"
    );

    let rss_authors = read(&rss(r#"<item><guid>1</guid><title>א</title>
        <author>news@n.example (יוסי לוי)</author><dc:creator><![CDATA[יוסי לוי]]></dc:creator>
        <category><![CDATA[חדשות]]></category><category>חדשות</category><dc:subject>כלכלה</dc:subject></item>
        <item><guid>2</guid><title>ב</title><author>news@n.example</author></item>"#));
    let item = |id: &str| by_id(&rss_authors, id);
    assert_eq!(item("1").authors.len(), 1);
    assert_eq!(item("1").tags, ["חדשות", "כלכלה"]);
    assert!(
        item("2").authors.is_empty(),
        "a bare address is not a name to show"
    );
}

#[test]
fn encodings_by_bom_then_utf8_then_charset_then_declaration() {
    let hebrew = "<?xml version=\"1.0\" encoding=\"windows-1255\"?><rss><channel><item><guid>1</guid><title>שלום</title></item></channel></rss>";
    let (cp1255, _, _) = encoding_rs::WINDOWS_1255.encode(hebrew);
    // Declared only in the prolog (Rotter), whatever the server's charset says.
    for content_type in [
        None,
        Some("text/xml"),
        Some("application/rss+xml; charset=utf-8"),
    ] {
        let feed = read_feed(&cp1255, content_type, &jerusalem()).unwrap();
        assert_eq!(feed.items[0].title, "שלום", "{content_type:?}");
    }
    // Named only by the server.
    let bare = hebrew.replace(" encoding=\"windows-1255\"", "");
    let (bare, _, _) = encoding_rs::ISO_8859_8_I.encode(&bare);
    for label in ["ISO-8859-8", "iso-8859-8-i", "\"ISO-8859-8-I\"", "hebrew"] {
        let content_type = format!("text/xml; charset={label}");
        let feed = read_feed(&bare, Some(&content_type), &jerusalem()).unwrap();
        assert_eq!(feed.items[0].title, "שלום", "{label}");
    }
    // A label that lies over valid UTF-8: the bytes win (ynet).
    let feed = read_feed(
        hebrew.as_bytes(),
        Some("text/xml; charset=windows-1255"),
        &jerusalem(),
    )
    .unwrap();
    assert_eq!(feed.items[0].title, "שלום");
    // Arabic in windows-1256.
    let arabic = "<?xml version='1.0' encoding='windows-1256'?><rss><channel><item><guid>1</guid><title>مرحبا</title></item></channel></rss>";
    let (cp1256, _, _) = encoding_rs::WINDOWS_1256.encode(arabic);
    assert_eq!(
        read_feed(&cp1256, None, &jerusalem()).unwrap().items[0].title,
        "مرحبا"
    );
    // UTF-16 with a BOM, and a JSON Feed with a UTF-8 BOM.
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(
        hebrew
            .replace("windows-1255", "UTF-16")
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    assert_eq!(
        read_feed(&utf16, None, &jerusalem()).unwrap().items[0].title,
        "שלום"
    );
    let json = "\u{FEFF}{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [{\"id\": 1, \"title\": \"שלום\"}]}";
    assert_eq!(
        read_feed(json.as_bytes(), None, &jerusalem())
            .unwrap()
            .items[0]
            .title,
        "שלום"
    );
}

#[test]
fn undecodable_bytes_are_a_clear_error() {
    let hebrew =
        "<rss><channel><item><guid>1</guid><title>שלום עולם ומלואו</title></item></channel></rss>";
    let (cp1255, _, _) = encoding_rs::WINDOWS_1255.encode(hebrew);
    let error = read_feed(&cp1255, None, &jerusalem()).unwrap_err();
    assert!(matches!(error, FeedError::Undecodable(_)), "{error:?}");
    assert!(error.reader_message().contains("קידוד"));
    let unknown = read_feed(
        &cp1255,
        Some("text/xml; charset=x-mac-hebrew"),
        &jerusalem(),
    )
    .unwrap_err();
    assert!(
        matches!(&unknown, FeedError::Undecodable(why) if why.contains("x-mac-hebrew")),
        "{unknown:?}"
    );
    assert_eq!(
        choose_encoding(
            b"\xEF\xBB\xBF<rss/>",
            Some("text/xml; charset=windows-1255")
        ),
        Ok(Encoding::Utf8 { lossy: false })
    );
    assert_eq!(
        declared_encoding(b"\n <?xml version='1.0' encoding='Windows-1255' ?><rss/>").as_deref(),
        Some("windows-1255")
    );
}

#[test]
fn what_is_not_a_feed_says_so() {
    let html = read_feed(
        b"<!DOCTYPE html><html><body>502</body></html>",
        Some("text/html"),
        &jerusalem(),
    );
    assert!(matches!(html, Err(FeedError::NotAFeed(why)) if why.contains("HTML")));
    let other = read_feed(b"<opml version=\"2.0\"/>", None, &jerusalem());
    assert!(matches!(other, Err(FeedError::NotAFeed(why)) if why.contains("opml")));
    assert!(matches!(
        read_feed(b"", None, &jerusalem()),
        Err(FeedError::NotAFeed(_))
    ));
    assert!(matches!(
        read_feed(b"<", None, &jerusalem()),
        Err(FeedError::NotXml(_) | FeedError::NotAFeed(_))
    ));
}

#[test]
fn a_broken_or_hostile_document_still_gives_what_it_can() {
    // Cut short: the items before the cut are read.
    let cut = rss("<item><guid>1</guid><title>א</title></item><item><guid>2</guid><title>ב");
    let cut = &cut[..cut.find("</channel>").unwrap()];
    assert_eq!(read(cut).items.len(), 2);
    // End tags that close nothing or several.
    let sloppy = rss(
        "<item><guid>1</guid><title>א</b></title></p></item><item><guid>2</guid><title>ב</title>",
    );
    assert_eq!(read(&sloppy).items.len(), 2);
    // Deep nesting never overflows the stack.
    let deep = format!("{}{}", "<x>".repeat(100_000), "</x>".repeat(100_000));
    let deep = rss(&format!(
        "<item><guid>1</guid><title>א</title><description>{deep}</description></item>"
    ));
    assert_eq!(read(&deep).items.len(), 1);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    /// Any bytes give a feed or an error, never a panic.
    #[test]
    fn any_bytes_give_a_feed_or_an_error(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = read_feed(&bytes, None, &jerusalem());
        let _ = read_feed(&bytes, Some("text/xml; charset=windows-1255"), &jerusalem());
    }

    /// Feed-shaped XML with random pieces never panics either.
    #[test]
    fn xml_shaped_like_a_feed_never_panics(
        pieces in prop::collection::vec(prop_oneof![
            Just("<item>".to_owned()), Just("</item>".to_owned()), Just("<title>".to_owned()),
            Just("</title>".to_owned()), Just("<![CDATA[".to_owned()), Just("]]>".to_owned()),
            Just("<guid isPermaLink='false'>".to_owned()), Just("</guid>".to_owned()),
            Just("<pubDate>".to_owned()), Just("Fri, 27 Dec 2024 14:02:00 +0200".to_owned()),
            Just("</pubDate>".to_owned()), Just("&amp;".to_owned()), Just("&".to_owned()),
            Just("<img src=x width=1>".to_owned()), Just("<entry>".to_owned()), Just("<link href='a'/>".to_owned()),
            Just("<enclosure url='https://a/b.jpg' type='image/jpeg'/>".to_owned()),
            ".{0,12}",
        ], 0..40),
        root in prop_oneof![Just("rss"), Just("feed"), Just("rdf:RDF")],
    ) {
        let text = format!("<{root}><channel>{}</channel></{root}>", pieces.concat());
        let _ = read_feed(text.as_bytes(), None, &jerusalem());
    }
}

/// What a fresh tester's own feeds found (session 8), one case per kind.
#[test]
fn what_fresh_eyes_found() {
    // An Atom text title is text: markup in it is shown, not read.
    let atom = read(
        r#"<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">R&amp;amp;D</title>
        <entry><id>1</id><title type="text">Fix &lt;details&gt; rendering</title></entry>
        <entry><id>2</id><title>Using &lt;style&gt; in SVG</title></entry>
        <entry><id>3</id><title type="html">&lt;b&gt;Bold&lt;/b&gt; move</title></entry></feed>"#,
    );
    let title = |id: &str| by_id(&atom, id).title.clone();
    assert_eq!(title("1"), "Fix <details> rendering");
    assert_eq!(title("2"), "Using <style> in SVG");
    assert_eq!(title("3"), "Bold move");
    assert_eq!(atom.title, "R&amp;D");

    // Items whose only id is their link, or nothing: another headline, or the
    // same headline at another time, is another flash.
    let alerts = read(&rss(r#"
        <item><title>צבע אדום: שדרות</title><link>https://n.example/alerts</link></item>
        <item><title>צבע אדום: נתיבות</title><link>https://n.example/alerts</link></item>
        <item><title>צבע אדום</title><pubDate>Fri, 27 Dec 2024 13:30:00 +0200</pubDate></item>
        <item><title>צבע אדום</title><pubDate>Fri, 27 Dec 2024 13:40:00 +0200</pubDate></item>"#));
    assert_eq!(alerts.items.len(), 4, "{:?}", alerts.skipped);

    // xml:base on the feed and the entry resolves the entry's link.
    let based = read(
        r#"<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example/he/">
        <entry xml:base="posts/"><id>1</id><title>א</title><link href="p1/"/></entry></feed>"#,
    );
    assert_eq!(
        based.items[0].url.as_deref(),
        Some("https://blog.example/he/posts/p1/")
    );

    // RSS in UserLand's default namespace; a CDATA section in an attribute; an
    // IANA zone after the time (PHP's `e`); an image hidden by its attribute.
    let odd = read(
        r#"<rss version="2.0" xmlns="http://backend.userland.com/rss2"><channel><title>ישן</title>
        <item><guid>1</guid><title>א</title><enclosure url="<![CDATA[https://img.example/a.jpg]]>" type="image/jpeg"/>
          <pubDate>Fri, 27 Dec 2024 14:02:00 Asia/Jerusalem</pubDate>
          <description><![CDATA[<img hidden src="https://t.example/c.gif"> טקסט]]></description></item>
        <item><guid>2</guid><title>ב</title>
          <description><![CDATA[<img hidden src="https://t.example/c.gif"><img src="https://img.example/b.jpg">]]></description></item>
        </channel></rss>"#,
    );
    let item = |id: &str| by_id(&odd, id);
    assert_eq!(
        item("1").image.as_deref(),
        Some("https://img.example/a.jpg")
    );
    assert_eq!(item("1").published_ms, Some(DEC_27_1402));
    assert_eq!(
        item("2").image.as_deref(),
        Some("https://img.example/b.jpg")
    );
}

#[test]
fn utf8_cut_somewhere_is_still_utf8_whatever_the_label() {
    let text = rss("<item><guid>1</guid><title>פיצוץ בנמל חיפה</title></item><item><guid>2</guid><title>אזעקה</title></item>");
    // One stray byte in a short feed, and a feed cut in the middle of a letter.
    let mut stray = text.clone().into_bytes();
    let at = text.find("אזעקה").unwrap();
    stray.insert(at, 0xFF);
    let cut_at = text.find("חיפה").unwrap() + 1;
    let mut cut = text.as_bytes()[..cut_at].to_vec();
    cut.extend_from_slice(b"</title></item></channel></rss>");
    for content_type in [
        None,
        Some("text/xml; charset=windows-1255"),
        Some("text/xml; charset=utf-8"),
    ] {
        let feed = read_feed(&stray, content_type, &jerusalem()).unwrap();
        assert_eq!(feed.items[0].title, "פיצוץ בנמל חיפה", "{content_type:?}");
        assert!(feed.items[1].title.ends_with("אזעקה"), "{content_type:?}");
        let feed = read_feed(&cut, content_type, &jerusalem()).unwrap();
        assert!(
            feed.items[0].title.starts_with("פיצוץ בנמל "),
            "{content_type:?}"
        );
    }
}

/// What a second fresh tester found (session 8): the structure a sloppy feed
/// has, and encodings and pictures as Israeli sites serve them.
#[test]
fn sloppy_structure_reads_as_meant() {
    let feed = read(&rss(r#"
        <item><title>ראשון</title><guid>1</guid><pubDate>Fri, 27 Dec 2024 14:02:00 +0200</pubDate>
        <Item><Title>שני</title><GUID>2</GUID><PubDate>Fri, 27 Dec 2024 14:01:00 +0200</PubDate></Item>
        <ITEM><title></title><title>שלישי</title><link></link><link>https://n.example/3</link><pubdate>Fri, 27 Dec 2024 14:00:00 +0200</pubdate></ITEM>
        <item><title>3<5 מעלות</title><guid>4</guid><pubDate>Fri, 27 Dec 2024 13:59:00 +0200</pubDate></item>
        <item><title>שורה<br>שנייה</title><guid>5</guid></item>
        <item><title>&#8203;</title><guid>6</guid><description>רק תיאור כאן</description></item>
        <item><title>מנכ&#148;ל &#150; מודיע</title><guid>7</guid></item>"#));
    let item = |id: &str| by_id(&feed, id);
    assert_eq!(feed.items.len(), 7);
    assert_eq!(item("1").title, "ראשון");
    assert_eq!(item("2").title, "שני");
    assert_eq!(item("2").published_ms, Some(DEC_27_1402 - 60_000));
    let third = item("https://n.example/3");
    assert_eq!(third.title, "שלישי");
    assert!(third.published_ms.is_some());
    assert_eq!(item("4").title, "3<5 מעלות");
    assert_eq!(item("4").published_ms, Some(DEC_27_1402 - 180_000));
    assert_eq!(item("5").title, "שורה שנייה");
    assert_eq!(item("6").title, "רק תיאור כאן");
    assert_eq!(item("7").title, "מנכ”ל – מודיע");
    // RSS in capitals, and an item left open before the next.
    let shouting = read(
        r#"<RSS version="2.0"><CHANNEL><TITLE>א</TITLE>
        <ITEM><TITLE>ראשון</TITLE><GUID>1</GUID>
        <ITEM><TITLE>שני</TITLE><GUID>2</GUID></ITEM>
        <ITEM><TITLE>שלישי</TITLE><GUID>3</GUID></ITEM></CHANNEL></RSS>"#,
    );
    assert_eq!(shouting.items.len(), 3);
}

#[test]
fn pictures_and_encodings_as_israeli_sites_serve_them() {
    let feed = read(&rss(r#"
        <item><guid>1</guid><title>א</title><content:encoded><![CDATA[<p><img class="wp-smiley" src="https://s.w.org/images/core/emoji/15.0.3/72x72/1f4e2.png" alt="📢" style="height: 1em"> <img src="https://n.example/icon.png" width="16" height="16"> <img src="https://n.example/photo.jpg" width="800" height="450"></p>]]></content:encoded></item>
        <item><guid>2</guid><title>ב</title><media:content url="https://v.example/clip.mp4" type="video/mp4"><media:thumbnail url="https://v.example/still.jpg"/></media:content></item>"#));
    let image = |id: &str| by_id(&feed, id).image.clone();
    assert_eq!(image("1").as_deref(), Some("https://n.example/photo.jpg"));
    assert_eq!(image("2").as_deref(), Some("https://v.example/still.jpg"));

    // Rotter's windows-1255, declared in its prolog, under a server's default
    // Western charset; and ISO-8859-8 labels over windows-1255 bytes (₪, niqqud).
    let rotter = "<?xml version=\"1.0\" encoding=\"windows-1255\"?><rss version=\"0.91\"><channel><item><title>מחיר: 5 ₪ – בְּדִיקָה</title><link>https://rotter.example/1</link></item></channel></rss>";
    let (bytes, _, _) = encoding_rs::WINDOWS_1255.encode(rotter);
    for content_type in [
        "text/xml; charset=ISO-8859-1",
        "text/html; charset=windows-1252",
        "text/xml; charset=us-ascii",
    ] {
        let feed = read_feed(&bytes, Some(content_type), &jerusalem()).unwrap();
        assert_eq!(feed.items[0].title, "מחיר: 5 ₪ – בְּדִיקָה", "{content_type}");
    }
    let labelled = rotter.replace("windows-1255", "ISO-8859-8");
    let (bytes, _, _) = encoding_rs::WINDOWS_1255.encode(&labelled);
    for content_type in [None, Some("text/xml; charset=iso-8859-8-i")] {
        let feed = read_feed(&bytes, content_type, &jerusalem()).unwrap();
        assert_eq!(feed.items[0].title, "מחיר: 5 ₪ – בְּדִיקָה", "{content_type:?}");
    }
    // A short UTF-8 feed, three Hebrew letters and one stray byte.
    let mut short = rss("<item><guid>1</guid><title>אבג</title></item>").into_bytes();
    let at = short
        .windows(6)
        .position(|w| w == "אבג".as_bytes())
        .unwrap();
    short.insert(at, 0xFF);
    let feed = read_feed(&short, Some("text/xml; charset=windows-1255"), &jerusalem()).unwrap();
    assert!(
        feed.items[0].title.ends_with("אבג"),
        "{:?}",
        feed.items[0].title
    );
}

/// What a third fresh tester found (session 8).
#[test]
fn copies_pictures_and_people_as_wordpress_and_blogger_write_them() {
    // Oldest first, the update below its original: the later copy stands.
    let feed = read(&rss(r#"
        <item><title>ראשוני: הרוג אחד</title><guid>a</guid><link>https://n.example/a</link><pubDate>Mon, 14 Jul 2025 09:15:00 +0300</pubDate></item>
        <item><title>עדכון: 3 הרוגים</title><guid>a</guid><link>https://n.example/a?utm_source=rss</link><pubDate>Mon, 14 Jul 2025 09:20:00 +0300</pubDate></item>"#));
    assert_eq!(feed.items.len(), 1);
    assert_eq!(feed.items[0].title, "עדכון: 3 הרוגים");

    let wp = read(&rss(r#"
        <item><guid>1</guid><title>א</title><content:encoded><![CDATA[<div class="author"><img src="https://secure.gravatar.com/avatar/abc?s=96"></div><img src="https://n.example/wp-content/plugins/stats/counter.php?id=1"><p><img src="https://n.example/real1.jpg"></p>]]></content:encoded>
          <dc:creator>יוסי כהן, דנה לוי</dc:creator></item>
        <item><guid>2</guid><title>ב</title><enclosure url="https://n.example/p2.jpg" type="application/octet-stream"/><dc:creator>Cohen, Yossi</dc:creator></item>
        <item><guid>3</guid><title>ג</title><description><![CDATA[<img src="https://n.example/in-description.jpg"> תקציר]]></description><content:encoded><![CDATA[<p>גוף בלי תמונה</p>]]></content:encoded></item>"#));
    let item = |id: &str| by_id(&wp, id);
    assert_eq!(
        item("1").image.as_deref(),
        Some("https://n.example/real1.jpg")
    );
    let names: Vec<_> = item("1")
        .authors
        .iter()
        .filter_map(|a| a.name.as_deref())
        .collect();
    assert_eq!(names, ["יוסי כהן", "דנה לוי"]);
    assert_eq!(item("2").image.as_deref(), Some("https://n.example/p2.jpg"));
    assert_eq!(item("2").authors.len(), 1);
    assert_eq!(
        item("3").image.as_deref(),
        Some("https://n.example/in-description.jpg")
    );

    let blogger = read(
        r#"<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
        <entry><id>1</id><title>א</title><media:thumbnail url="https://blogger.googleusercontent.com/img/b/x/s72-c/big.jpg" height="72" width="72"/></entry></feed>"#,
    );
    assert_eq!(
        blogger.items[0].image.as_deref(),
        Some("https://blogger.googleusercontent.com/img/b/x/s1600/big.jpg")
    );
}
