//! Each published page's `<head>`: title, description, canonical link, Open
//! Graph, X's card and JSON-LD, for Hebrew and other languages, with hostile
//! texts, relative images, odd dates, and without `site_url`.

use mivzak::config::{self, Config};
use mivzak::feed::model::{Article, Feed};
use mivzak::feed::parse_feed;
use mivzak::publish::head::locale::og_locale;
use mivzak::publish::head::{
    article_description, for_article, for_home, for_tag, PageHead, Site, DESCRIPTION_CHARS,
    HOME_DESCRIPTION,
};

const SITE: &str = r#"{
    "site_url": "https://mivzak.example.co.il/",
    "site_name": "מבזק",
    "site_image": "img/share.png",
    "publisher_logo": "https://cdn.example.co.il/logo.png"
}"#;

fn config(json: &str) -> Config {
    let parsed = config::parse(json);
    assert_eq!(parsed.warnings, Vec::<String>::new(), "{json}");
    parsed.config
}

/// A feed document around `items` (a JSON array), with `top` (JSON members,
/// each followed by a comma) at its top level.
fn feed(top: &str, items: &str) -> Feed {
    parse_feed(&format!(
        r#"{{"version": "https://jsonfeed.org/version/1.1", {top} "items": {items}}}"#
    ))
    .unwrap()
}

/// The site as the renderer builds it for a feed read from config's `feed_url`.
fn site_of(config: &Config, feed: &Feed) -> Site {
    Site::new(config, feed, &config.feed_url)
}

fn only_item(feed: &Feed) -> &Article {
    assert_eq!(feed.items.len(), 1, "{:?}", feed.skipped);
    &feed.items[0]
}

/// The head of the one item of a feed with `top` and `item`, on the site `config`.
fn article_head(config_json: &str, top: &str, item: &str, path: &str) -> (PageHead, Site) {
    let news = feed(top, &format!("[{item}]"));
    let site = site_of(&config(config_json), &news);
    (for_article(&site, only_item(&news), path), site)
}

/// The text of the page's JSON-LD script, parsed.
fn json_ld(html: &str) -> serde_json::Value {
    let start = html.find("<script type=\"application/ld+json\">").unwrap() + 35;
    let end = start + html[start..].find("</script>").unwrap();
    serde_json::from_str(&html[start..end]).unwrap()
}

/// The `content` of the one `<meta>` with this name or property.
fn content<'a>(html: &'a str, key: &str) -> Vec<&'a str> {
    html.lines()
        .filter_map(|line| {
            let rest = line
                .strip_prefix(&format!("<meta property=\"{key}\" content=\""))
                .or_else(|| line.strip_prefix(&format!("<meta name=\"{key}\" content=\"")))?;
            rest.strip_suffix("\">")
        })
        .collect()
}

#[test]
fn a_hebrew_article_with_everything_carries_every_tag() {
    let (head, site) = article_head(
        SITE,
        r#""title": "מבזק", "home_page_url": "https://mivzak.example.co.il/", "language": "he","#,
        r#"{
            "id": "2024-12-27-1240",
            "url": "https://mivzak.example.co.il/2024/12/azerbaijan/",
            "title": "אזרבייג'ן ומרוקו אשררו את הסכם שיתוף הפעולה",
            "summary": "הפרלמנט של אזרבייג'ן אישר פה אחד הסכם צבאי.",
            "content_html": "<p>גוף הכתבה</p>",
            "image": "square.jpg",
            "banner_image": "https://cdn.example.co.il/wide.jpg",
            "date_published": "2024-12-27T12:40:00+02:00",
            "date_modified": "2024-12-27T13:05:30+02:00",
            "authors": [{"name": "דנה כהן", "url": "/authors/dana/"}, {"name": "יוסי לוי"}],
            "tags": ["מרוקו", "ביטחון"]
        }"#,
        "article/2024-12-27-1240/",
    );
    assert_eq!(site.warnings, Vec::<String>::new());
    assert_eq!(head.warnings, Vec::<String>::new());
    assert_eq!((head.lang.as_str(), head.dir), ("he", "rtl"));
    assert_eq!(
        head.title,
        "אזרבייג'ן ומרוקו אשררו את הסכם שיתוף הפעולה | מבזק"
    );
    let page = "https://mivzak.example.co.il/article/2024-12-27-1240/";
    let headline = "אזרבייג'ן ומרוקו אשררו את הסכם שיתוף הפעולה";
    let summary = "הפרלמנט של אזרבייג'ן אישר פה אחד הסכם צבאי.";
    assert_eq!(head.description, summary);
    let expected = [
        format!("<link rel=\"canonical\" href=\"{page}\">"),
        "<link rel=\"alternate\" type=\"application/feed+json\" title=\"מבזק\" href=\"https://mivzak.example.co.il/feed.json\">".into(),
        "<meta name=\"robots\" content=\"max-image-preview:large\">".into(),
        "<meta property=\"og:type\" content=\"article\">".into(),
        "<meta property=\"og:site_name\" content=\"מבזק\">".into(),
        "<meta property=\"og:locale\" content=\"he_IL\">".into(),
        format!("<meta property=\"og:title\" content=\"{headline}\">"),
        format!("<meta property=\"og:description\" content=\"{summary}\">"),
        format!("<meta property=\"og:url\" content=\"{page}\">"),
        "<meta property=\"og:image\" content=\"https://cdn.example.co.il/wide.jpg\">".into(),
        format!("<meta property=\"og:image:alt\" content=\"{headline}\">"),
        "<meta property=\"article:published_time\" content=\"2024-12-27T10:40:00.000Z\">".into(),
        "<meta property=\"article:modified_time\" content=\"2024-12-27T11:05:30.000Z\">".into(),
        "<meta property=\"article:author\" content=\"https://mivzak.example.co.il/authors/dana/\">".into(),
        "<meta property=\"article:author\" content=\"יוסי לוי\">".into(),
        "<meta property=\"article:tag\" content=\"מרוקו\">".into(),
        "<meta property=\"article:tag\" content=\"ביטחון\">".into(),
        "<meta name=\"twitter:card\" content=\"summary_large_image\">".into(),
        format!("<meta name=\"twitter:image:alt\" content=\"{headline}\">"),
        format!(
            concat!(
                "<script type=\"application/ld+json\">",
                r#"{{"@context":"https://schema.org","@type":"NewsArticle","#,
                r#""headline":"{headline}","description":"{summary}","#,
                r#""image":["https://cdn.example.co.il/wide.jpg","https://mivzak.example.co.il/2024/12/azerbaijan/square.jpg"],"#,
                r#""datePublished":"2024-12-27T10:40:00.000Z","dateModified":"2024-12-27T11:05:30.000Z","#,
                r#""author":[{{"@type":"Person","name":"דנה כהן","url":"https://mivzak.example.co.il/authors/dana/"}},"#,
                r#"{{"@type":"Person","name":"יוסי לוי"}}],"#,
                r#""publisher":{{"@type":"Organization","name":"מבזק","url":"https://mivzak.example.co.il/","#,
                r#""logo":{{"@type":"ImageObject","url":"https://cdn.example.co.il/logo.png"}}}},"#,
                r#""mainEntityOfPage":{{"@type":"WebPage","@id":"{page}"}},"inLanguage":"he"}}"#,
                "</script>"
            ),
            headline = headline,
            summary = summary,
            page = page
        ),
    ]
    .join("\n")
        + "\n";
    assert_eq!(head.to_html(), expected);
}

#[test]
fn an_article_with_nothing_optional_leaves_out_what_it_lacks() {
    // No site_url, no images, dates, authors, tags or summary: the title made
    // up from the text, the description from the same text.
    let (head, site) = article_head(
        "{}",
        "",
        r#"{"id": "1", "content_text": "רק טקסט, בלי כותרת"}"#,
        "article/1/",
    );
    assert_eq!(
        site.warnings,
        [
            "config.json has no site_url: pages are written without a canonical link, og:url or \
             JSON-LD page address, without images whose address is relative, and without share \
             links (sharing needs the page's absolute address: the app adds them in the browser, \
             readers without JavaScript get none); sitemaps need it too",
            "the feed's address \"feed.json\" cannot be made absolute: items' relative images \
             resolve only against their own url or the feed's home_page_url",
        ]
    );
    assert_eq!(head.warnings, Vec::<String>::new());
    assert_eq!(head.canonical, None);
    assert_eq!(head.title, "רק טקסט, בלי כותרת | מבזק");
    assert_eq!(head.description, "רק טקסט, בלי כותרת");
    assert_eq!(
        head.to_html(),
        concat!(
            "<meta name=\"robots\" content=\"max-image-preview:large\">\n",
            "<meta property=\"og:type\" content=\"article\">\n",
            "<meta property=\"og:site_name\" content=\"מבזק\">\n",
            "<meta property=\"og:locale\" content=\"he_IL\">\n",
            "<meta property=\"og:title\" content=\"רק טקסט, בלי כותרת\">\n",
            "<meta property=\"og:description\" content=\"רק טקסט, בלי כותרת\">\n",
            "<meta name=\"twitter:card\" content=\"summary\">\n",
            "<script type=\"application/ld+json\">",
            r#"{"@context":"https://schema.org","@type":"NewsArticle","#,
            r#""headline":"רק טקסט, בלי כותרת","description":"רק טקסט, בלי כותרת","#,
            r#""author":[{"@type":"Organization","name":"מבזק"}],"#,
            r#""publisher":{"@type":"Organization","name":"מבזק"},"inLanguage":"he"}"#,
            "</script>\n",
        )
    );
}

#[test]
fn an_english_item_on_the_hebrew_site_is_an_english_page() {
    let (head, _) = article_head(
        SITE,
        r#""language": "he","#,
        r#"{"id": "en-1", "title": "Ceasefire talks resume in Cairo", "language": "en"}"#,
        "article/en-1/",
    );
    assert_eq!((head.lang.as_str(), head.dir), ("en", "ltr"));
    let html = head.to_html();
    assert_eq!(content(&html, "og:locale"), ["en_US"]);
    assert_eq!(json_ld(&html)["inLanguage"], "en");
    // The site's own words around it stay the site's.
    assert_eq!(content(&html, "og:site_name"), ["מבזק"]);
    assert_eq!(head.title, "Ceasefire talks resume in Cairo | מבזק");

    // A territory the tag names is kept; the feed's language stands in for
    // the item's; Arabic is right to left.
    let (head, _) = article_head(
        SITE,
        r#""language": "en-GB","#,
        r#"{"id": "gb", "title": "Storm warning"}"#,
        "article/gb/",
    );
    assert_eq!((head.lang.as_str(), head.dir), ("en-GB", "ltr"));
    assert_eq!(content(&head.to_html(), "og:locale"), ["en_GB"]);
    let (head, _) = article_head(
        SITE,
        "",
        r#"{"id": "ar", "title": "عاجل: وقف إطلاق النار", "language": "ar-EG"}"#,
        "article/ar/",
    );
    assert_eq!((head.lang.as_str(), head.dir), ("ar-EG", "rtl"));
    assert_eq!(content(&head.to_html(), "og:locale"), ["ar_AR"]);

    // config's language: null leaves texts' direction to the browser, but a
    // page still has a language: Hebrew, its own words'.
    let (head, _) = article_head(
        r#"{"language": null}"#,
        "",
        r#"{"id": "x", "title": "כותרת"}"#,
        "article/x/",
    );
    assert_eq!((head.lang.as_str(), head.dir), ("he", "rtl"));
}

#[test]
fn og_locale_comes_from_facebooks_list() {
    assert_eq!(og_locale("he"), Some("he_IL"));
    assert_eq!(og_locale("iw"), Some("he_IL"));
    assert_eq!(og_locale("he-IL"), Some("he_IL"));
    assert_eq!(og_locale("HE"), Some("he_IL"));
    assert_eq!(og_locale("en"), Some("en_US"));
    assert_eq!(og_locale("en-gb"), Some("en_GB"));
    // Facebook has no English of Israel, nor Egyptian Arabic.
    assert_eq!(og_locale("en-IL"), Some("en_US"));
    assert_eq!(og_locale("ar-EG"), Some("ar_AR"));
    assert_eq!(og_locale("es"), Some("es_LA"));
    assert_eq!(og_locale("es-MX"), Some("es_MX"));
    assert_eq!(og_locale("zh-Hant-TW"), Some("zh_TW"));
    assert_eq!(og_locale("pt-PT"), Some("pt_PT"));
    assert_eq!(og_locale("yi"), Some("yi_DE"));
    assert_eq!(og_locale("ru"), Some("ru_RU"));
    assert_eq!(og_locale("am"), Some("am_ET"));
    // Not on the list: no locale rather than a made-up one.
    assert_eq!(og_locale("tlh"), None);
    assert_eq!(og_locale(""), None);
}

#[test]
fn hostile_titles_are_text_in_every_place() {
    // A CMS that escaped its title: parsing decodes it once, so the headline
    // really is this text, tags and all.
    let (head, _) = article_head(
        SITE,
        "",
        r#"{"id": "x", "title": "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &lt;!-- \"צה&quot;ל\" &amp;amp; AT&amp;T 'x'", "summary": "עד &lt;/SCRIPT "}"#,
        "article/x/",
    );
    let title = r#"</script><script>alert(1)</script> <!-- "צה"ל" &amp; AT&T 'x'"#;
    assert_eq!(head.title, format!("{title} | מבזק"));
    let html = head.to_html();
    assert_eq!(
        content(&html, "og:title"),
        ["&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &lt;!-- &quot;צה&quot;ל&quot; &amp;amp; AT&amp;T 'x'"]
    );
    // Only the JSON-LD's own end tag; no comment opens anywhere.
    assert_eq!(html.to_ascii_lowercase().matches("</script").count(), 1);
    assert!(!html.contains("<!--"));
    let script = html.lines().last().unwrap();
    assert!(script.contains(
        r#""headline":"\u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e \u003c!-- \"צה\"ל\" \u0026amp; AT\u0026T 'x'""#
    ));
    // And it is the same JSON: the headline reads back exactly.
    let document = json_ld(&html);
    assert_eq!(document["headline"], title);
    assert_eq!(document["description"], "עד </SCRIPT");

    // A site name with quotes cannot leave its attribute either.
    let site_json =
        r#"{"site_name": "מבזק\" onload=\"alert(1)", "site_url": "https://x.example/"}"#;
    let (head, _) = article_head(site_json, "", r#"{"id": "1", "title": "t"}"#, "article/1/");
    let html = head.to_html();
    assert_eq!(
        content(&html, "og:site_name"),
        ["מבזק&quot; onload=&quot;alert(1)"]
    );
    assert_eq!(
        json_ld(&html)["publisher"]["name"],
        "מבזק\" onload=\"alert(1)"
    );
}

#[test]
fn line_separators_are_escaped_in_the_json_ld() {
    // Line ends to JavaScript before ES2019, and kept by the feed's parsing.
    let (head, _) = article_head(
        SITE,
        "",
        r#"{"id": "1", "title": "שורה\u2028אחרת\u2029סוף"}"#,
        "article/1/",
    );
    let html = head.to_html();
    let script = html.lines().last().unwrap();
    assert!(script.contains(r#""headline":"שורה\u2028אחרת\u2029סוף""#));
    assert!(!script.contains(['\u{2028}', '\u{2029}']));
    assert_eq!(json_ld(&html)["headline"], "שורה\u{2028}אחרת\u{2029}סוף");
}

#[test]
fn feed_titles_with_tags_and_entities_are_plain_text() {
    let (head, _) = article_head(
        SITE,
        "",
        r#"{"id": "1", "title": "<b>דחוף:</b> צה&quot;ל &#8211; עדכון", "tags": ["צה\"ל", "צה״ל", "<i>חדשות</i>"]}"#,
        "article/1/",
    );
    let html = head.to_html();
    assert_eq!(content(&html, "og:title"), ["דחוף: צה&quot;ל – עדכון"]);
    // One tag written two ways is one tag, in its first form.
    assert_eq!(content(&html, "article:tag"), ["צה&quot;ל", "חדשות"]);
}

#[test]
fn relative_images_resolve_as_the_page_resolves_them() {
    // The item's own url first (a site-relative one is on the home page's site).
    let (head, _) = article_head(
        SITE,
        r#""home_page_url": "https://news.example/","#,
        r#"{"id": "1", "title": "t", "url": "/2024/12/p1/", "banner_image": "תמונה 1.jpg", "image": "../square.jpg"}"#,
        "article/1/",
    );
    let html = head.to_html();
    assert_eq!(
        content(&html, "og:image"),
        ["https://news.example/2024/12/p1/%D7%AA%D7%9E%D7%95%D7%A0%D7%94%201.jpg"]
    );
    assert_eq!(
        json_ld(&html)["image"],
        serde_json::json!([
            "https://news.example/2024/12/p1/%D7%AA%D7%9E%D7%95%D7%A0%D7%94%201.jpg",
            "https://news.example/2024/12/square.jpg"
        ])
    );
    // Then the home page.
    let (head, _) = article_head(
        SITE,
        r#""home_page_url": "https://news.example/he/","#,
        r#"{"id": "1", "title": "t", "image": "/img/a.png"}"#,
        "article/1/",
    );
    assert_eq!(
        content(&head.to_html(), "og:image"),
        ["https://news.example/img/a.png"]
    );
    // Then the feed's address: config's feed_url, on the site (a sub-path here).
    let config_json = r#"{"site_url": "https://mivzak.example/news", "feed_url": "feeds/he.json", "site_image": "img/share.png"}"#;
    let (head, site) = article_head(
        config_json,
        "",
        r#"{"id": "1", "title": "t", "image": "a.jpg"}"#,
        "article/1/",
    );
    let html = head.to_html();
    assert_eq!(
        content(&html, "og:image"),
        ["https://mivzak.example/news/feeds/a.jpg"]
    );
    assert!(html.contains(
        "<link rel=\"alternate\" type=\"application/feed+json\" title=\"מבזק\" href=\"https://mivzak.example/news/feeds/he.json\">"
    ));
    assert_eq!(
        head.canonical.as_deref(),
        Some("https://mivzak.example/news/article/1/")
    );
    // The site's image is relative to site_url, not to the feed.
    let home = for_home(&site, "").to_html();
    assert_eq!(
        content(&home, "og:image"),
        ["https://mivzak.example/news/img/share.png"]
    );
}

#[test]
fn an_image_that_is_not_http_falls_back_to_the_site_image_with_a_warning() {
    let (head, _) = article_head(
        SITE,
        "",
        r#"{"id": "1", "title": "כותרת", "banner_image": "javascript:alert(1)", "image": "data:image/png;base64,AAAA"}"#,
        "article/1/",
    );
    assert_eq!(
        head.warnings,
        [
            "article/1/: image \"javascript:alert(1)\" cannot be made an absolute http(s) URL; left out",
            "article/1/: image \"data:image/png;base64,AAAA\" cannot be made an absolute http(s) URL; left out",
        ]
    );
    let html = head.to_html();
    assert_eq!(
        content(&html, "og:image"),
        ["https://mivzak.example.co.il/img/share.png"]
    );
    assert_eq!(content(&html, "og:image:alt"), ["מבזק"]);
    assert_eq!(content(&html, "twitter:card"), ["summary_large_image"]);
    // The site's image is for previews, not the article's own.
    assert_eq!(json_ld(&html).get("image"), None);
}

#[test]
fn without_site_url_the_tags_that_need_it_are_left_out_and_said() {
    let config_json =
        r#"{"site_image": "img/share.png", "publisher_logo": "https://cdn.example/logo.png"}"#;
    let (head, site) = article_head(
        config_json,
        "",
        r#"{"id": "1", "title": "כותרת", "image": "https://cdn.example/a.jpg", "authors": [{"name": "דנה", "url": "/dana"}]}"#,
        "article/1/",
    );
    assert_eq!(
        site.warnings,
        [
            "config.json has no site_url: pages are written without a canonical link, og:url or \
             JSON-LD page address, without images whose address is relative, and without share \
             links (sharing needs the page's absolute address: the app adds them in the browser, \
             readers without JavaScript get none); sitemaps need it too",
            "the feed's address \"feed.json\" cannot be made absolute: items' relative images \
             resolve only against their own url or the feed's home_page_url",
            "site_image \"img/share.png\" cannot be made an absolute http(s) URL; left out",
        ]
    );
    let html = head.to_html();
    assert!(!html.contains("rel=\"canonical\""));
    assert!(!html.contains("og:url"));
    assert!(!html.contains("application/feed+json"));
    // What is absolute on its own stays.
    assert_eq!(content(&html, "og:image"), ["https://cdn.example/a.jpg"]);
    let document = json_ld(&html);
    assert_eq!(document.get("mainEntityOfPage"), None);
    assert_eq!(
        document["publisher"],
        serde_json::json!({"@type": "Organization", "name": "מבזק", "logo": {"@type": "ImageObject", "url": "https://cdn.example/logo.png"}})
    );
    // An author page that cannot be made absolute: the name stands in.
    assert_eq!(content(&html, "article:author"), ["דנה"]);
    assert_eq!(
        document["author"],
        serde_json::json!([{"@type": "Person", "name": "דנה"}])
    );

    // A relative item image with nothing to resolve it against.
    let (head, _) = article_head(
        "{}",
        "",
        r#"{"id": "1", "title": "כותרת", "image": "a.jpg"}"#,
        "article/1/",
    );
    assert_eq!(
        head.warnings,
        ["article/1/: image \"a.jpg\" cannot be made an absolute http(s) URL; left out"]
    );
    let html = head.to_html();
    assert!(!html.contains("og:image"));
    assert_eq!(content(&html, "twitter:card"), ["summary"]);
}

#[test]
fn a_path_that_would_leave_the_site_gets_no_address() {
    let site_config = config(r#"{"site_url": "https://mivzak.example/news/"}"#);
    let news = feed("", r#"[{"id": "1", "title": "t"}]"#);
    let site = site_of(&site_config, &news);
    let article = only_item(&news);
    assert_eq!(
        for_article(&site, article, "/article/1/")
            .canonical
            .as_deref(),
        Some("https://mivzak.example/news/article/1/")
    );
    assert_eq!(for_article(&site, article, "../../etc/").canonical, None);
    // A leading slash is the site's root, never another host.
    assert_eq!(
        for_article(&site, article, "//evil.example/")
            .canonical
            .as_deref(),
        Some("https://mivzak.example/news/evil.example/")
    );
    // Already percent-encoded by paths.rs: kept as it is.
    assert_eq!(
        for_article(&site, article, "article/%D7%90%2F..%3F/")
            .canonical
            .as_deref(),
        Some("https://mivzak.example/news/article/%D7%90%2F..%3F/")
    );
}

#[test]
fn dates_are_the_feeds_instants_in_utc() {
    let head = |published: &str, modified: &str| {
        let item = format!(
            r#"{{"id": "1", "title": "t", "date_published": "{published}", "date_modified": "{modified}"}}"#
        );
        article_head(SITE, "", &item, "article/1/").0.to_html()
    };
    // Each form the feed reader takes, with its offset applied.
    let html = head("2024-12-27T14:02:00+02:00", "Fri, 27 Dec 2024 11:00:00 GMT");
    assert_eq!(
        content(&html, "article:published_time"),
        ["2024-12-27T12:02:00.000Z"]
    );
    assert_eq!(
        content(&html, "article:modified_time"),
        ["2024-12-27T11:00:00.000Z"]
    );
    let html = head(
        "2024-07-01T12:30:00.250+03:00",
        "2024-07-01 12:31:00 +0300 IDT",
    );
    assert_eq!(
        content(&html, "article:published_time"),
        ["2024-07-01T09:30:00.250Z"]
    );
    assert_eq!(json_ld(&html)["dateModified"], "2024-07-01T09:31:00.000Z");
    // The night Israel's clocks go back: the same wall time twice, told apart.
    let html = head("2024-10-27T01:30:00+03:00", "2024-10-27T01:30:00+02:00");
    assert_eq!(
        content(&html, "article:published_time"),
        ["2024-10-26T22:30:00.000Z"]
    );
    assert_eq!(
        content(&html, "article:modified_time"),
        ["2024-10-26T23:30:00.000Z"]
    );
    // A date the feed wrote without a zone is read in the feed's zone (here
    // `parse_feed`'s, UTC; the renderer passes config.json's); not a date at all: left out.
    let html = head("2024-12-27T14:02:00", "yesterday");
    assert_eq!(
        content(&html, "article:published_time"),
        ["2024-12-27T14:02:00.000Z"]
    );
    assert!(!html.contains("article:modified_time"));
    let document = json_ld(&html);
    assert_eq!(document["datePublished"], "2024-12-27T14:02:00.000Z");
    assert_eq!(document.get("dateModified"), None);
}

#[test]
fn the_description_is_the_summary_else_the_bodys_opening_cut_at_a_word() {
    let description = |item: &str| {
        let news = feed("", &format!("[{item}]"));
        article_description(only_item(&news))
    };
    // The body's opening as plain text: tags gone, scripts with their
    // contents, references decoded (and escaped again only in the attribute).
    assert_eq!(
        description(
            r#"{"id": "1", "title": "t", "content_html": "<p>פסקה <b>ראשונה</b></p><script>alert(1)</script><p>שנייה &amp; עוד</p>"}"#
        ),
        "פסקה ראשונה שנייה & עוד"
    );
    // Text before HTML, Markdown links reduced to their words.
    assert_eq!(
        description(
            r#"{"id": "1", "title": "t", "content_text": "ראו [כאן](https://x.example/a) ![תמונה](a.png)עוד", "content_html": "<p>HTML</p>"}"#
        ),
        "ראו כאן עוד"
    );
    // Nothing but a headline.
    assert_eq!(
        description(r#"{"id": "1", "title": "רק כותרת"}"#),
        "רק כותרת"
    );
    // A long summary: at most 160 characters, at a word, then "…".
    let words = "מילה ".repeat(1_000);
    let long = description(&format!(
        r#"{{"id": "1", "title": "t", "summary": "{words}"}}"#
    ));
    assert!(long.ends_with("מילה…"), "{long}");
    assert_eq!(long.chars().count(), 160);
    assert!(long.chars().count() <= DESCRIPTION_CHARS + 1);
    // One word longer than the limit is cut inside it.
    let word = "א".repeat(400);
    let cut = description(&format!(
        r#"{{"id": "1", "title": "t", "summary": "{word}"}}"#
    ));
    assert_eq!(cut.chars().count(), DESCRIPTION_CHARS + 1);
    // A very long headline is kept whole in og:title and the JSON-LD.
    let headline = "כותרת ארוכה ".repeat(300);
    let (head, _) = article_head(
        SITE,
        "",
        &format!(r#"{{"id": "1", "title": "{headline}"}}"#),
        "article/1/",
    );
    let html = head.to_html();
    assert_eq!(content(&html, "og:title"), [headline.trim()]);
    assert_eq!(
        head.description.chars().count(),
        "כותרת ארוכה ".repeat(13).trim().chars().count() + 1
    );
}

#[test]
fn authors_without_a_name_link_their_page_and_a_flash_without_one_is_the_newsrooms() {
    let (head, _) = article_head(
        SITE,
        r#""home_page_url": "https://mivzak.example.co.il/","#,
        r#"{"id": "1", "title": "t", "authors": [{"url": "/desk/"}, {"avatar": "a.png"}]}"#,
        "article/1/",
    );
    let html = head.to_html();
    assert_eq!(
        content(&html, "article:author"),
        ["https://mivzak.example.co.il/desk/"]
    );
    assert_eq!(
        json_ld(&html)["author"],
        serde_json::json!([{
            "@type": "Organization",
            "name": "מבזק",
            "url": "https://mivzak.example.co.il/",
            "logo": {"@type": "ImageObject", "url": "https://cdn.example.co.il/logo.png"}
        }])
    );
}

#[test]
fn the_home_page_describes_the_site() {
    let site_config = config(SITE);
    let news = feed(
        r#""title": "מבזק – מבזקי חדשות", "language": "he","#,
        r#"[{"id": "1", "title": "t"}]"#,
    );
    let home_site = site_of(&site_config, &news);
    let head = for_home(&home_site, "");
    assert_eq!(
        head.canonical.as_deref(),
        Some("https://mivzak.example.co.il/")
    );
    assert_eq!(
        (head.title.as_str(), head.description.as_str()),
        ("מבזק", HOME_DESCRIPTION)
    );
    assert_eq!(
        head.to_html(),
        concat!(
            "<link rel=\"canonical\" href=\"https://mivzak.example.co.il/\">\n",
            "<link rel=\"alternate\" type=\"application/feed+json\" title=\"מבזק\" href=\"https://mivzak.example.co.il/feed.json\">\n",
            "<meta name=\"robots\" content=\"max-image-preview:large\">\n",
            "<meta property=\"og:type\" content=\"website\">\n",
            "<meta property=\"og:site_name\" content=\"מבזק\">\n",
            "<meta property=\"og:locale\" content=\"he_IL\">\n",
            "<meta property=\"og:title\" content=\"מבזק\">\n",
            "<meta property=\"og:description\" content=\"מבזקי חדשות מתעדכנים\">\n",
            "<meta property=\"og:url\" content=\"https://mivzak.example.co.il/\">\n",
            "<meta property=\"og:image\" content=\"https://mivzak.example.co.il/img/share.png\">\n",
            "<meta property=\"og:image:alt\" content=\"מבזק\">\n",
            "<meta name=\"twitter:card\" content=\"summary_large_image\">\n",
            "<meta name=\"twitter:image:alt\" content=\"מבזק\">\n",
            "<script type=\"application/ld+json\">",
            r#"{"@context":"https://schema.org","@graph":["#,
            r#"{"@type":"WebSite","name":"מבזק","url":"https://mivzak.example.co.il/","inLanguage":"he"},"#,
            r#"{"@type":"Organization","name":"מבזק","url":"https://mivzak.example.co.il/","#,
            r#""logo":{"@type":"ImageObject","url":"https://cdn.example.co.il/logo.png"}}]}"#,
            "</script>\n",
        )
    );

    // The feed's description, as plain text, when it has one.
    let described = feed(
        r#""description": "<b>כל</b> המבזקים &amp; הכתבות","#,
        r#"[{"id": "1", "title": "t"}]"#,
    );
    let head = for_home(&site_of(&site_config, &described), "");
    assert_eq!(head.description, "כל המבזקים & הכתבות");
    assert_eq!(
        content(&head.to_html(), "og:description"),
        ["כל המבזקים &amp; הכתבות"]
    );
}

#[test]
fn the_home_description_is_index_htmls_own() {
    let index = include_str!("../../index.html");
    assert!(index.contains(&format!(
        "<meta name=\"description\" content=\"{HOME_DESCRIPTION}\">"
    )));
}

#[test]
fn a_tag_page_is_a_website_page_under_the_tags_name() {
    let site = site_of(&config(SITE), &feed(r#""language": "he","#, "[]"));
    let head = for_tag(&site, "צה\"ל", "tag/%D7%A6%D7%94%22%D7%9C/");
    assert_eq!(head.title, "צה\"ל | מבזק");
    assert_eq!(head.description, "מבזקים וכתבות בתגית צה\"ל");
    assert_eq!((head.lang.as_str(), head.dir), ("he", "rtl"));
    let page = "https://mivzak.example.co.il/tag/%D7%A6%D7%94%22%D7%9C/";
    assert_eq!(
        head.to_html(),
        format!(
            concat!(
                "<link rel=\"canonical\" href=\"{page}\">\n",
                "<link rel=\"alternate\" type=\"application/feed+json\" title=\"מבזק\" href=\"https://mivzak.example.co.il/feed.json\">\n",
                "<meta name=\"robots\" content=\"max-image-preview:large\">\n",
                "<meta property=\"og:type\" content=\"website\">\n",
                "<meta property=\"og:site_name\" content=\"מבזק\">\n",
                "<meta property=\"og:locale\" content=\"he_IL\">\n",
                "<meta property=\"og:title\" content=\"צה&quot;ל\">\n",
                "<meta property=\"og:description\" content=\"מבזקים וכתבות בתגית צה&quot;ל\">\n",
                "<meta property=\"og:url\" content=\"{page}\">\n",
                "<meta property=\"og:image\" content=\"https://mivzak.example.co.il/img/share.png\">\n",
                "<meta property=\"og:image:alt\" content=\"מבזק\">\n",
                "<meta name=\"twitter:card\" content=\"summary_large_image\">\n",
                "<meta name=\"twitter:image:alt\" content=\"מבזק\">\n",
            ),
            page = page
        )
    );
    // The feed's language, else config's, names a tag page's language too.
    let site = site_of(&config(r#"{"language": "en"}"#), &feed("", "[]"));
    let head = for_tag(&site, "Gaza", "tag/Gaza/");
    assert_eq!((head.lang.as_str(), head.dir), ("en", "ltr"));
    assert_eq!(content(&head.to_html(), "og:locale"), ["en_US"]);
}

#[test]
fn items_resolve_against_the_feed_read_and_the_page_links_the_feed_readers_fetch() {
    // Rendered from the CMS's copy (`--feed`): its relative images are the
    // CMS's, while readers are pointed at the site's own feed.json.
    let news = feed("", r#"[{"id": "1", "title": "t", "image": "img/a.jpg"}]"#);
    let site = Site::new(
        &config(SITE),
        &news,
        "https://cms.example/exports/feed.json",
    );
    assert_eq!(site.warnings, Vec::<String>::new());
    let html = for_article(&site, only_item(&news), "article/1/").to_html();
    assert_eq!(
        content(&html, "og:image"),
        ["https://cms.example/exports/img/a.jpg"]
    );
    assert!(html.contains("href=\"https://mivzak.example.co.il/feed.json\">"));
}

#[test]
fn an_address_on_an_invalid_host_is_no_address() {
    // RFC 6761's `.invalid`, which a caller may use as a stand-in origin when
    // there is no site_url, never reaches a page.
    let news = feed(
        "",
        r#"[{"id": "1", "title": "t", "image": "a.jpg", "authors": [{"name": "דנה", "url": "/dana"}]}, {"id": "2", "title": "t", "image": "https://cdn.invalid/b.jpg"}]"#,
    );
    let site = Site::new(&config("{}"), &news, "https://site.invalid/feed.json");
    assert_eq!(
        site.warnings[1],
        "the feed's address \"https://site.invalid/feed.json\" cannot be made absolute: \
         items' relative images resolve only against their own url or the feed's home_page_url"
    );
    for item in &news.items {
        let head = for_article(&site, item, "article/x/");
        let html = head.to_html();
        assert!(!html.contains("invalid"), "{html}");
        assert_eq!(head.warnings.len(), 1, "{:?}", head.warnings);
    }
}
