//! Share links and file sizes as the article page shows them.

use mivzak::paths::Paths;
use mivzak::share::{
    flash_address, human_size, is_right_to_left, share_links, shared_headline, shared_message, RLM,
};

#[test]
fn share_links_carry_the_url_and_title_encoded() {
    let links = share_links("https://news.example/article/1?a=b", "כותרת & more", "rtl");
    let services: Vec<_> = links.iter().map(|l| l.service).collect();
    assert_eq!(services, ["facebook", "whatsapp", "telegram", "x", "email"]);
    for link in &links {
        assert!(
            link.href
                .contains("https%3A%2F%2Fnews.example%2Farticle%2F1%3Fa%3Db"),
            "{}",
            link.href
        );
        assert!(!link.href.contains(' '));
    }
    assert!(links[2].href.contains("%26%20more"));
    assert!(links[4].href.starts_with("mailto:?subject="));
}

#[test]
fn sizes_read_like_a_person_wrote_them() {
    assert_eq!(human_size(500), "500 B");
    assert_eq!(human_size(2048), "2.0 KB");
    assert_eq!(human_size(89_970_236), "86 MB");
    assert_eq!(human_size(1536), "1.5 KB");
    assert_eq!(human_size(1023), "1023 B");
    assert_eq!(human_size(10 * 1024 + 460), "10 KB");
    assert_eq!(human_size(10_188), "9.9 KB");
    assert_eq!(human_size(u64::MAX), "17179869184 GB");
}

/// `%XX` escapes of a query value decoded (UTF-8).
fn decoded(value: &str) -> String {
    mivzak::paths::percent_decode(value)
}

/// The value of `name` in `href`'s query, decoded.
fn query(href: &str, name: &str) -> String {
    let query = href.split_once('?').unwrap().1;
    let value = query
        .split('&')
        .find_map(|pair| pair.strip_prefix(&format!("{name}=")))
        .unwrap();
    decoded(value)
}

/// Right-to-left headlines as feeds write them: starting with a Latin word, a
/// digit, a quote or a parenthesis (which flip a messenger's guess of the
/// direction), pure Hebrew, Arabic, mixed.
const RIGHT_TO_LEFT: &[&str] = &[
    "Apple מודיעה על אייפון חדש",
    "iPhone 17 נחשף: כל הפרטים",
    "IDF: צה״ל תקף בלבנון",
    "3 פצועים בתאונה בכביש 6",
    "2024 הייתה השנה החמה ביותר",
    "100% מהקלפיות נספרו",
    "\"דחוף\": אזעקות בצפון",
    "(עדכון) הכביש נפתח לתנועה",
    "«בלעדי» ראיון עם השר",
    "ראש הממשלה נפגש עם הנשיא",
    "الرئيس يلتقي رئيس الوزراء",
    "Google ו-Microsoft מתחרות על OpenAI",
];

/// Left-to-right ones: no mark, as they read right already.
const LEFT_TO_RIGHT: &[&str] = &[
    "Apple announces a new iPhone",
    "3 injured in a crash on Route 6",
    "\"Breaking\": sirens in the north",
    "(Update) the road is open again",
    "Netanyahu meets Herzog in ירושלים",
];

#[test]
fn a_right_to_left_headline_begins_with_an_rlm() {
    for title in RIGHT_TO_LEFT {
        let shared = shared_headline(title, "rtl");
        assert!(shared.starts_with(RLM), "{title}");
        assert_eq!(&shared[RLM.len_utf8()..], *title);
        // A headline that has its mark already gets no second one.
        assert_eq!(shared_headline(&shared, "rtl"), shared, "{title}");
        // Not yet named: the first strong character decides, as dir="auto" does.
        let first_strong_rtl =
            !title.starts_with(|c: char| c.is_ascii_alphabetic()) && !title.starts_with("Google");
        if first_strong_rtl {
            assert!(is_right_to_left(title, "auto"), "{title}");
        }
    }
    // A headline in a right-to-left feed is right to left whatever it starts with.
    assert!(is_right_to_left("Apple מודיעה", "rtl"));
}

#[test]
fn a_left_to_right_headline_has_no_mark() {
    for title in LEFT_TO_RIGHT {
        assert_eq!(shared_headline(title, "ltr"), *title);
        assert_eq!(shared_headline(title, "auto"), *title, "{title}");
        assert!(!shared_message(title, "https://x.example/a/", "ltr").contains(RLM));
    }
    assert!(!is_right_to_left("123 456", "auto"));
    assert!(!is_right_to_left("", "auto"));
    assert!(is_right_to_left("123 שלום", "auto"));
    assert!(is_right_to_left("٣ مصابين", "auto"));
}

#[test]
fn the_link_is_on_a_line_of_its_own() {
    let url = "https://news.example/article/%D7%90/";
    for title in RIGHT_TO_LEFT {
        let message = shared_message(title, url, "rtl");
        assert_eq!(message, format!("{RLM}{title}\n{url}"));
        let lines: Vec<&str> = message.lines().collect();
        assert_eq!(lines, [format!("{RLM}{title}").as_str(), url]);
    }
}

#[test]
fn whatsapp_and_telegram_keep_the_direction_and_the_link_apart() {
    let url = "https://news.example/article/7/";
    for title in RIGHT_TO_LEFT.iter().chain(LEFT_TO_RIGHT) {
        let dir = if RIGHT_TO_LEFT.contains(title) {
            "rtl"
        } else {
            "ltr"
        };
        let links = share_links(url, title, dir);
        let href = |service: &str| {
            links
                .iter()
                .find(|l| l.service == service)
                .unwrap()
                .href
                .clone()
        };
        let whatsapp = query(&href("whatsapp"), "text");
        assert_eq!(whatsapp, shared_message(title, url, dir));
        assert!(whatsapp.ends_with(&format!("\n{url}")));
        let telegram = href("telegram");
        assert_eq!(query(&telegram, "text"), shared_headline(title, dir));
        assert_eq!(query(&telegram, "url"), url);
        assert_eq!(whatsapp.starts_with(RLM), dir == "rtl", "{title}");
    }
}

#[test]
fn a_row_shares_the_published_page_else_this_page() {
    let paths = Paths::new(String::new());
    for (site, id, expected) in [
        (
            Some("https://news.example/"),
            "א/ב",
            "https://news.example/article/!",
        ),
        (
            Some("https://news.example/news/"),
            "42",
            "https://news.example/news/article/42/",
        ),
        (
            Some("https://news.example/"),
            "a b",
            "https://news.example/article/a%20b/",
        ),
    ] {
        // The page's origin does not matter once site_url says where it is,
        // nor does an empty one (a page rendered natively).
        for origin in ["https://other.example", ""] {
            let address = flash_address(site, origin, &paths, id).unwrap();
            assert!(address.starts_with(expected), "{address}");
            assert!(address.ends_with('/'), "{address}");
        }
    }
    let under = Paths::new("/news".into());
    assert_eq!(
        flash_address(None, "https://here.example", &under, "7").as_deref(),
        Some("https://here.example/news/article/7/")
    );
    // The published folder's address, as with site_url: not the app's route,
    // which a static host may answer with the bare app and no share preview.
    assert_eq!(
        flash_address(
            None,
            "https://here.example",
            &Paths::new(String::new()),
            "a/b"
        ),
        Some(format!(
            "https://here.example/{}",
            mivzak::page_head::published_path(mivzak::page_head::Page::Article, "a/b")
        ))
    );
    // Rendered natively without site_url: no address at all, never a bare path.
    for (base, id) in [
        ("", "x"),
        ("/news", "מבזק-1"),
        ("/%D7%97", "https://a.example/1"),
    ] {
        assert_eq!(flash_address(None, "", &Paths::new(base.into()), id), None);
    }
}
