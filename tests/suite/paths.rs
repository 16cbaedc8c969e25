//! Paths: the id ↔ segment rule on hostile ids, the router base under a sub-path,
//! and which clicks the app follows itself.

use mivzak::paths::{
    base_path, canonical_segment, decode_segment, encode_segment, fnv1a_64, folder_of_index_file,
    route_segment, LinkParts, Paths, Route, LONGEST_FILE_NAME,
};

/// Ids that real feeds have, and ones that break naive paths.
fn hostile_ids() -> Vec<String> {
    let mut ids: Vec<String> = [
        "2024-12-27-1402",
        // WordPress: the permalink, itself percent-encoded, is the id.
        "https://news.example.co.il/2024/12/%D7%A9%D7%9C%D7%92-%D7%91%D7%97%D7%A8%D7%9E%D7%95%D7%9F/",
        "https://news.example.co.il/?p=123",
        "%",
        "%25",
        "%2F",
        "%2525",
        "%41",
        "%zz",
        "/",
        "a/b",
        "/leading/and/trailing/",
        ".",
        "..",
        "...",
        "../etc/passwd",
        "./.",
        "%2E",
        "%2E%2E",
        "~",
        "~.",
        "~..",
        "~user",
        "?",
        "a?b=c&d",
        "#",
        "a#b",
        "with space",
        " padded ",
        "tab\there",
        "new\nline",
        "back\\slash",
        "\"double\" 'single'",
        "<tag>",
        "!'()*",
        "[]{}|^`",
        "+plus+",
        ";,:@&=$",
        "🚀 emoji 👩‍👩‍👧",
        "שלג בחרמון",
        "מבזק/חדשות?סוג=א#1",
        "\u{202E}bidi override",
        "\u{0}nul",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    ids.push("א".repeat(2000));
    ids.push("%/.?#".repeat(400));
    ids
}

#[test]
fn every_id_comes_back_from_its_segment() {
    for id in hostile_ids() {
        let segment = encode_segment(&id);
        assert_eq!(decode_segment(&segment), id, "{segment}");
        // One segment, of characters that need no further escaping anywhere.
        assert!(!segment.is_empty());
        assert!(segment
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)));
        assert!(!matches!(segment.as_str(), "." | ".."));
    }
}

#[test]
fn segments_are_rfc_3986_percent_encoding() {
    assert_eq!(encode_segment("2024-12-27-1402"), "2024-12-27-1402");
    assert_eq!(encode_segment("a/b?c#d"), "a%2Fb%3Fc%23d");
    assert_eq!(encode_segment("http://x.co/1"), "http%3A%2F%2Fx.co%2F1");
    assert_eq!(encode_segment("%D7%A9"), "%25D7%25A9");
    assert_eq!(encode_segment("ש"), "%D7%A9");
    assert_eq!(encode_segment("!'()*~"), "%21%27%28%29%2A~");
    // Only the segments a browser resolves away, and the marks themselves, differ.
    assert_eq!(encode_segment("."), "~.");
    assert_eq!(encode_segment(".."), "~..");
    assert_eq!(encode_segment("~"), "%7E");
    assert_eq!(encode_segment("~.."), "%7E..");
}

#[test]
fn hand_written_segments_decode_leniently() {
    assert_eq!(decode_segment("%d7%a9"), "ש");
    assert_eq!(decode_segment("100%"), "100%");
    assert_eq!(decode_segment("%zz"), "%zz");
    assert_eq!(decode_segment("%FF"), "%FF"); // not UTF-8: left as written
    assert_eq!(decode_segment("a+b"), "a+b");
}

/// The browser's URL parser (WHATWG; the `url` crate follows the same standard)
/// keeps every path exactly as the app wrote it: nothing re-encoded, no dot
/// segment resolved away, no backslash turned into a slash. So the id read back
/// from `location.pathname` after a click, a reload or a shared link is the id.
#[test]
fn the_browser_keeps_every_path_as_written() {
    for base in ["", "/news", "/%D7%97%D7%93%D7%A9%D7%95%D7%AA"] {
        let paths = Paths::new(base.into());
        for id in hostile_ids() {
            let path = paths.article(&id);
            let url = url::Url::parse(&format!("https://news.example.co.il{path}")).unwrap();
            assert_eq!(url.path(), path, "{id:?}");
            assert_eq!(
                paths.segment_in(Route::Article, url.path()),
                Some(route_segment(&id))
            );
            assert_eq!(
                paths.segment_in(Route::Tag, &paths.tag(&id)),
                Some(route_segment(&id))
            );
            // A path resolved from the page it is on (a link's href) is the same.
            let from_page = url::Url::parse(&format!("https://news.example.co.il{base}/tag/x"))
                .unwrap()
                .join(&path)
                .unwrap();
            assert_eq!(from_page.path(), path);
        }
    }
}

#[test]
fn a_path_names_a_segment_only_on_its_route() {
    let paths = Paths::new("/news".into());
    assert_eq!(
        paths.segment_in(Route::Article, "/news/article/a%2Fb"),
        Some(route_segment("a/b"))
    );
    assert_eq!(
        paths.segment_in(Route::Article, "/news/article/x/"),
        Some("x".into())
    );
    assert_eq!(paths.segment_in(Route::Article, "/news/tag/x"), None);
    assert_eq!(paths.segment_in(Route::Article, "/article/x"), None);
    assert_eq!(paths.segment_in(Route::Article, "/news/article/"), None);
    assert_eq!(
        paths.segment_in(Route::Tag, "/news/tag/%D7%90"),
        Some("%D7%90".into())
    );
}

#[test]
fn the_router_base_follows_the_public_url() {
    assert_eq!(base_path("http://localhost:8080/"), "");
    assert_eq!(base_path("https://cdn.example/news/"), "/news");
    assert_eq!(base_path("https://cdn.example/news/index.html"), "/news");
    assert_eq!(base_path("https://cdn.example/a/b/?x=1"), "/a/b");
}

#[test]
fn a_published_files_address_names_its_folder() {
    let segment = encode_segment("https://news.example.co.il/?p=123");
    for (path, folder) in [
        ("/index.html", Some("/")),
        ("/news/index.html", Some("/news/")),
        (
            "/article/2024-12-27-1240/index.html",
            Some("/article/2024-12-27-1240/"),
        ),
        (
            "/tag/%D7%9E%D7%A8%D7%95%D7%A7%D7%95/index.html",
            Some("/tag/%D7%9E%D7%A8%D7%95%D7%A7%D7%95/"),
        ),
        ("/accessibility/index.html", Some("/accessibility/")),
        // An id that ends so is an id, not a file.
        ("/article/myindex.html", None),
        ("/article/index.html", None),
        ("/news/tag/index.html", None),
        ("/article/index.htm", None),
        ("/article/x/", None),
        ("/", None),
    ] {
        assert_eq!(folder_of_index_file(path), folder, "{path}");
    }
    let file = format!("/article/{segment}/index.html");
    assert_eq!(
        folder_of_index_file(&file).map(str::to_owned),
        Some(format!("/article/{segment}/"))
    );
}

#[test]
fn app_paths_carry_the_base() {
    let root = Paths::new(String::new());
    assert_eq!(root.home(), "/");
    assert_eq!(root.article("a b"), "/article/a%20b");
    let news = Paths::new("/news".into());
    assert_eq!(news.home(), "/news/");
    assert_eq!(news.article("1"), "/news/article/1");
    assert_eq!(
        news.tag("מרוקו"),
        "/news/tag/%D7%9E%D7%A8%D7%95%D7%A7%D7%95"
    );
}

fn at(origin: &str, pathname: &str, search: &str, hash: &str) -> LinkParts {
    LinkParts {
        origin: origin.into(),
        pathname: pathname.into(),
        search: search.into(),
        hash: hash.into(),
    }
}

#[test]
fn the_app_follows_its_own_links_as_written() {
    let site = "https://news.example.co.il";
    let news = Paths::new("/news".into());
    let page = at(site, "/news/", "", "");
    let article = at(site, "/news/article/%2525D7", "", "");
    assert_eq!(
        news.own_link(&page, &article),
        Some("/news/article/%2525D7".into())
    );
    let with_query = at(site, "/news/tag/a", "?x=%26", "#c%0A");
    assert_eq!(
        news.own_link(&page, &with_query),
        Some("/news/tag/a?x=%26#c%0A".into())
    );
    assert_eq!(
        news.own_link(&page, &at(site, "/news", "", "")),
        Some("/news".into())
    );
    // Out of the app: another origin, another folder.
    assert_eq!(
        news.own_link(&page, &at("https://other.example", "/news/", "", "")),
        None
    );
    assert_eq!(news.own_link(&page, &at(site, "/newsroom/x", "", "")), None);
    assert_eq!(news.own_link(&page, &at(site, "/", "", "")), None);
    // A fragment of this page (the skip link) is the browser's and the router's.
    assert_eq!(news.own_link(&page, &at(site, "/news/", "", "#main")), None);
    assert_eq!(
        news.own_link(&page, &at(site, "/news/article/1", "", "#main")),
        Some("/news/article/1#main".into())
    );
    let root = Paths::new(String::new());
    assert_eq!(
        root.own_link(&at(site, "/", "", ""), &at(site, "/article/1", "", "")),
        Some("/article/1".into())
    );
}

proptest::proptest! {
    /// Any text at all, and the path the browser keeps for it, read back as itself.
    #[test]
    fn any_id_round_trips_through_the_browsers_path(id in "(?s).{0,40}|[./~%]{0,4}") {
        let paths = Paths::new("/news".into());
        let path = paths.article(&id);
        let url = url::Url::parse(&format!("https://news.example.co.il{path}")).unwrap();
        proptest::prop_assert_eq!(url.path(), path.as_str());
        proptest::prop_assert_eq!(paths.segment_in(Route::Article, url.path()), Some(route_segment(&id)));
    }

    /// A segment written by hand never panics the reader.
    #[test]
    fn any_segment_decodes(segment in "(?s).{0,40}") {
        let _ = decode_segment(&segment);
    }
}

/// What a static host looks up for a segment: the path percent-decoded (nginx,
/// S3, Netlify, Cloudflare Pages, GitHub Pages all decode before the lookup).
fn file_name(segment: &str) -> String {
    let bytes = segment.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] == b'%' {
            out.push(u8::from_str_radix(&segment[at + 1..at + 3], 16).unwrap());
            at += 3;
        } else {
            out.push(bytes[at]);
            at += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

#[test]
fn every_route_segment_is_a_safe_file_name_and_one_id_each() {
    let mut names = std::collections::HashMap::new();
    for id in hostile_ids() {
        let segment = route_segment(&id);
        let name = file_name(&segment);
        assert!(
            !name.is_empty() && name != "." && name != "..",
            "{id:?}: {name:?}"
        );
        assert!(name.len() <= LONGEST_FILE_NAME, "{id:?}");
        assert!(
            !name.contains(['/', '\\']) && !name.chars().any(char::is_control),
            "{id:?}: {name:?}"
        );
        if let Some(other) = names.insert(name.clone(), id.clone()) {
            panic!("{id:?} and {other:?} share the file {name:?}");
        }
        // The location's segment names the same id again.
        assert_eq!(canonical_segment(&segment), segment, "{id:?}");
    }
}

#[test]
fn readable_where_a_host_can_serve_it_hashed_where_not() {
    // Readable: Hebrew, spaces, quotes (Hebrew acronyms), a single % or ?.
    for id in ["שלג בחרמון", "צה\"ל", "50%", "a?b", ".", "", "🚀"] {
        assert_eq!(route_segment(id), encode_segment(id), "{id:?}");
    }
    // Hashed: a slash (every permalink id), a backslash, a control character,
    // the marks' own spelling, and more than 200 bytes.
    for id in [
        "https://news.example.co.il/?p=123",
        "a/b",
        "back\\slash",
        "tab\there",
        "\u{0}nul",
        "~",
        "~.",
        "~..",
        &"א".repeat(101),
    ] {
        let segment = route_segment(id);
        assert_eq!(segment, format!("!{:016x}", fnv1a_64(id.as_bytes())));
    }
    assert_eq!(
        route_segment(&"א".repeat(100)),
        encode_segment(&"א".repeat(100))
    );
}

#[test]
fn fnv1a_64_matches_the_reference_vectors() {
    // draft-eastlake-fnv's test vectors.
    assert_eq!(fnv1a_64(b""), 0xcbf29ce484222325);
    assert_eq!(fnv1a_64(b"a"), 0xaf63dc4c8601ec8c);
    assert_eq!(fnv1a_64(b"foobar"), 0x85944171f73967e8);
}

#[test]
fn hand_written_and_old_style_links_find_their_segment() {
    // Lower-case hex, and a long id's readable form, name the same page.
    assert_eq!(canonical_segment("%d7%90"), route_segment("א"));
    let long = "א".repeat(300);
    assert_eq!(
        canonical_segment(&encode_segment(&long)),
        route_segment(&long)
    );
    assert_eq!(canonical_segment("a%2Fb"), route_segment("a/b"));
    assert_eq!(canonical_segment("!ABCDEF0123456789"), "!abcdef0123456789");
    // The literal id "!x" is hashed (its readable "%21x" would decode to a hash's folder)
    assert_eq!(canonical_segment("%21x"), route_segment("!x"));
    // and an id shaped like a hash gets its own hash, never another's folder.
    let permalink = "https://site/2024/12/story/";
    assert_ne!(
        route_segment(&route_segment(permalink)),
        route_segment(permalink)
    );
}

#[test]
fn a_permalink_id_is_hashed_to_the_value_the_shell_pins() {
    // links.spec.js pins the shell's (index.html) and the app's link to the same.
    let id = "https://news.example.co.il/2024/12/%D7%A9%D7%9C%D7%92-%D7%91%D7%97%D7%A8%D7%9E%D7%95%D7%9F/";
    assert_eq!(route_segment(id), "!33738539fe1c80e4");
}
