//! The one rule for what a page's head says (`page_head`), shared by the
//! renderer and the app, and the preview image's size (`publish::image_size`).

use mivzak::config;
use mivzak::feed::model::Article;
use mivzak::feed::parse_feed;
use mivzak::page_head::{self, canonical, published_path, Page, TITLE_SEPARATOR};
use mivzak::publish::head::{for_article, for_home, Site};
use mivzak::publish::image_size::ImageSizes;
use mivzak::publish::output::OutputDir;

/// Headlines of every kind a title rule may trip on: a colon, " - ", "|", a
/// slash, "»", a question mark, English, one or two words, a colon in the
/// first word, a dash at the end.
const HEADLINES: &[&str] = &[
    "הממשלה אישרה הלילה: מס חדש על משקאות ממותקים",
    "ראש העיר - הכבישים במרכז ייסגרו מחר בבוקר",
    "תחזית | גשם כבד בצפון הארץ",
    "מזג אוויר / סופה בדרום",
    "ספורט » כדורגל: מכבי ניצחה",
    "האם הבחירות יוקדמו לאביב?",
    "Ceasefire talks: Cairo round ends - next week",
    "רעידת",
    "רעידת אדמה",
    "עדכון: -",
    "מה? : ולמה |",
];

fn article(id: &str, title: &str) -> Article {
    let json = serde_json::json!({
        "version": "https://jsonfeed.org/version/1.1",
        "items": [{ "id": id, "title": title, "content_text": "גוף הכתבה." }],
    });
    parse_feed(&json.to_string()).unwrap().items.remove(0)
}

/// Readability's `_getArticleTitle` (@mozilla/readability 0.6) first branch:
/// a title with one of its separators is cut before the LAST of them.
fn readability_cut(title: &str) -> Option<&str> {
    let separators = [" | ", " - ", " \\ ", " / ", " > ", " » "];
    let at = separators.iter().filter_map(|sep| title.rfind(sep)).max()?;
    Some(&title[..at])
}

#[test]
fn readability_cuts_every_article_title_back_to_its_whole_headline() {
    for site in ["מבזק", "Breaking | News", "חדשות - 24"] {
        for headline in HEADLINES {
            let head = page_head::article(site, &article("a", headline));
            assert_eq!(head.title, format!("{headline}{TITLE_SEPARATOR}{site}"));
            // The site's name may hold a separator itself: then the cut falls
            // inside it, and og:title (which Readability prefers) is whole.
            if !site.contains(" | ") && !site.contains(" - ") {
                assert_eq!(readability_cut(&head.title), Some(*headline), "{headline}");
            }
            assert_eq!(head.og_title, *headline);
            assert_eq!(head.og_type, "article");
        }
    }
}

#[test]
fn the_renderer_writes_the_app_rule() {
    let config =
        config::parse(r#"{"site_url": "https://news.example/", "site_name": "מבזק"}"#).config;
    for headline in HEADLINES {
        let item = article("x/y", headline);
        let feed = parse_feed(
            r#"{"version": "https://jsonfeed.org/version/1.1", "description": "הכל", "items": []}"#,
        )
        .unwrap();
        let site = Site::new(&config, &feed, &config.feed_url);
        let rule = page_head::article("מבזק", &item);
        let path = rule.path.clone().unwrap();
        let head = for_article(&site, &item, &path);
        assert_eq!(head.title, rule.title);
        assert_eq!(head.description, rule.description);
        assert_eq!(head.canonical, canonical(config.site_url.as_deref(), &path));
        let home = for_home(&site, "");
        assert_eq!(
            home.description,
            page_head::home("מבזק", Some("הכל")).description
        );
        assert_eq!(home.canonical.as_deref(), Some("https://news.example/"));
    }
}

#[test]
fn pages_are_named_by_the_published_paths() {
    assert_eq!(published_path(Page::Article, "abc"), "article/abc/");
    // An id with a slash is one hashed segment, as the file's folder.
    assert!(
        published_path(Page::Article, "https://cms.example/2024/12/x").starts_with("article/!")
    );
    assert_eq!(
        published_path(Page::Tag, "צה\"ל"),
        "tag/%D7%A6%D7%94%22%D7%9C/"
    );
    assert_eq!(
        page_head::tag("מבזק", "ספורט").path.as_deref(),
        Some("tag/%D7%A1%D7%A4%D7%95%D7%A8%D7%98/")
    );
    assert_eq!(page_head::home("מבזק", None).path.as_deref(), Some(""));
    assert_eq!(page_head::not_found("מבזק").path, None);
}

#[test]
fn a_canonical_address_is_on_the_site_or_none() {
    let site = Some("https://news.example/he/");
    assert_eq!(
        canonical(site, "article/a/").as_deref(),
        Some("https://news.example/he/article/a/")
    );
    assert_eq!(
        canonical(site, "/tag/b/").as_deref(),
        Some("https://news.example/he/tag/b/")
    );
    assert_eq!(
        canonical(site, "").as_deref(),
        Some("https://news.example/he/")
    );
    assert_eq!(canonical(None, "article/a/"), None);
    assert_eq!(canonical(site, "../x/"), None);
    assert_eq!(canonical(site, "https://evil.example/he/"), None);
    // An international host as any scraper reads it.
    assert_eq!(
        canonical(Some("https://חדשות.example/"), "article/a/").as_deref(),
        Some("https://xn--7dbee7eg.example/article/a/")
    );
}

#[test]
fn home_and_tag_descriptions() {
    assert_eq!(
        page_head::home("מבזק", None).description,
        page_head::HOME_DESCRIPTION
    );
    assert_eq!(
        page_head::home("מבזק", Some("  \n ")).description,
        page_head::HOME_DESCRIPTION
    );
    assert_eq!(
        page_head::home("מבזק", Some("שורה\nשנייה")).description,
        "שורה שנייה"
    );
    let tag = page_head::tag("מבזק", "כלכלה");
    assert_eq!(tag.title, "כלכלה | מבזק");
    assert_eq!(tag.og_type, "website");
}

/// A PNG's first bytes: the signature and an IHDR chunk of `width`×`height`.
fn png(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    bytes.extend(width.to_be_bytes());
    bytes.extend(height.to_be_bytes());
    bytes.extend([8, 6, 0, 0, 0, 0, 0, 0, 0]);
    bytes
}

/// A GIF's header: `width`×`height`, little-endian.
fn gif(width: u16, height: u16) -> Vec<u8> {
    let mut bytes = b"GIF89a".to_vec();
    bytes.extend(width.to_le_bytes());
    bytes.extend(height.to_le_bytes());
    bytes.extend([0; 8]);
    bytes
}

#[test]
fn the_sites_own_images_are_measured_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let out = OutputDir::open(dir.path()).unwrap();
    out.write("img/share.png", &png(1200, 630)).unwrap();
    out.write("img/שיתוף רחב.gif", &gif(800, 418)).unwrap();
    out.write(
        "favicon.svg",
        b"<svg xmlns='http://www.w3.org/2000/svg' width='64' height='64'/>",
    )
    .unwrap();
    out.write("img/broken.png", b"\x89PNG\r\n").unwrap();
    let sizes = ImageSizes::new(&out, Some("https://news.example/"));
    assert_eq!(
        sizes.of("https://news.example/img/share.png"),
        Some((1200, 630))
    );
    assert_eq!(
        sizes.of("https://news.example/img/share.png?v=2#x"),
        Some((1200, 630))
    );
    assert_eq!(
        sizes
            .of("https://news.example/img/%D7%A9%D7%99%D7%AA%D7%95%D7%A3%20%D7%A8%D7%97%D7%91.gif"),
        Some((800, 418))
    );
    // Another host's image is never fetched; a missing, broken or SVG file has no size.
    assert_eq!(sizes.of("https://cdn.example/img/share.png"), None);
    assert_eq!(sizes.of("https://news.example/img/missing.png"), None);
    assert_eq!(sizes.of("https://news.example/img/broken.png"), None);
    assert_eq!(sizes.of("https://news.example/favicon.svg"), None);
    // Nothing outside the folder is read.
    assert_eq!(sizes.of("https://news.example/img/../../etc/passwd"), None);
    assert_eq!(sizes.of("https://news.example/%2E%2E/secret.png"), None);
    // Without site_url no image is the site's own.
    assert_eq!(
        ImageSizes::new(&out, None).of("https://news.example/img/share.png"),
        None
    );
}

#[test]
fn og_image_carries_its_size_when_known_and_its_alt() {
    let config = config::parse(
        r#"{"site_url": "https://news.example/", "site_name": "מבזק", "site_image": "img/share.png"}"#,
    )
    .config;
    let feed =
        parse_feed(r#"{"version": "https://jsonfeed.org/version/1.1", "items": []}"#).unwrap();
    let site = Site::new(&config, &feed, &config.feed_url);
    let item = article("a", "כותרת עם תמונה");
    let mut head = for_article(&site, &item, "article/a/");
    assert_eq!(head.image_url(), Some("https://news.example/img/share.png"));
    let html = head.to_html();
    assert!(!html.contains("og:image:width"), "{html}");
    assert!(
        html.contains(r#"<meta property="og:image:alt" content="מבזק">"#),
        "{html}"
    );
    head.set_image_size(1200, 630);
    let html = head.to_html();
    let lines: Vec<&str> = html.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains(r#"property="og:image" "#))
        .unwrap();
    assert_eq!(
        &lines[at + 1..at + 4],
        [
            r#"<meta property="og:image:width" content="1200">"#,
            r#"<meta property="og:image:height" content="630">"#,
            r#"<meta property="og:image:alt" content="מבזק">"#,
        ]
    );
}

fn rss(items: &str) -> mivzak::feed::model::Feed {
    let text = format!(
        r#"<?xml version="1.0"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>t</title><link>https://cms.example/</link>{items}</channel></rss>"#
    );
    let rules = mivzak::feed::read::DateRules {
        zone: "Asia/Jerusalem".into(),
        labels: mivzak::time::TimeLabels::Trust,
    };
    mivzak::feed::read::read_feed(text.as_bytes(), None, &rules).unwrap()
}

#[test]
fn a_remote_image_takes_the_size_the_feed_gives() {
    let feed = rss(concat!(
        r#"<item><guid>content</guid><title>א</title><link>https://cms.example/a</link>"#,
        r#"<media:content url="https://img.example/a.jpg" medium="image" width="1200" height="675"/></item>"#,
        r#"<item><guid>thumb</guid><title>ב</title><link>https://cms.example/b</link>"#,
        r#"<media:group><media:thumbnail url="https://img.example/b.jpg" width=" 640px" height="360"/></media:group></item>"#,
        r#"<item><guid>half</guid><title>ג</title><link>https://cms.example/c</link>"#,
        r#"<media:content url="https://img.example/c.jpg" medium="image" width="800"/></item>"#,
        r#"<item><guid>blogger</guid><title>ד</title><link>https://cms.example/d</link>"#,
        r#"<media:thumbnail url="https://bp.example/s72-c/d.jpg" width="72" height="72"/></item>"#,
        r#"<item><guid>enclosure</guid><title>ה</title><link>https://cms.example/e</link>"#,
        r#"<enclosure url="https://img.example/e.jpg" type="image/jpeg" length="12345"/>"#,
        r#"<media:content url="https://img.example/other.jpg" medium="image" width="10" height="10"/></item>"#,
        r#"<item><guid>body</guid><title>ו</title><link>https://cms.example/f</link>"#,
        r#"<description>&lt;img src="https://img.example/f.jpg" width="900" height="500"&gt;</description></item>"#,
    ));
    let size = |id: &str| feed.items.iter().find(|i| i.id == id).unwrap().image_size;
    assert_eq!(size("content"), Some((1200, 675)));
    assert_eq!(size("thumb"), Some((640, 360)));
    assert_eq!(size("half"), None);
    assert_eq!(
        size("blogger"),
        None,
        "the 72-pixel crop's size is not the full picture's"
    );
    assert_eq!(
        size("enclosure"),
        None,
        "the enclosure is the image, and gives no size"
    );
    assert_eq!(
        size("body"),
        None,
        "a body image's attributes are its layout"
    );

    let config =
        config::parse(r#"{"site_url": "https://news.example/", "site_name": "מבזק"}"#).config;
    let site = Site::new(&config, &feed, "https://cms.example/feed.xml");
    let item = feed.items.iter().find(|i| i.id == "content").unwrap();
    let html = for_article(&site, item, "article/content/").to_html();
    assert!(
        html.contains(r#"<meta property="og:image:width" content="1200">"#),
        "{html}"
    );
    assert!(
        html.contains(r#"<meta property="og:image:height" content="675">"#),
        "{html}"
    );
    assert!(
        html.contains(r#"<meta property="og:image:alt" content="א">"#),
        "{html}"
    );
}
