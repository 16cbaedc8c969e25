//! Publish-time output: the writer that never leaves the output folder and
//! leaves unchanged files alone, the manifest that keeps every rendered page,
//! and the sitemaps and robots.txt written from it.

use std::fs;
use std::path::{Path, PathBuf};

use mivzak::config::Config;
use mivzak::feed::{parse_feed, Article};
use mivzak::publish::manifest::{Manifest, ManifestError, FORMAT_VERSION, MANIFEST_FILE};
use mivzak::publish::output::{check_path, OutputDir, OutputError, Refusal, Written};
use mivzak::publish::sitemap::{
    check_page_path, crawler_files, news_language, news_sitemap, robots_txt, sitemap_files,
    w3c_datetime, xml_escape, SiteUrl, UrlRefusal, MAX_SITEMAP_BYTES, MAX_URLS_PER_SITEMAP,
};
use mivzak::time::parse_date_ms;
use serde_json::json;

const HOUR: i64 = 60 * 60 * 1000;

/// The run's clock in these tests: 2025-03-10T12:00:00Z.
fn now() -> i64 {
    parse_date_ms("2025-03-10T12:00:00Z").unwrap()
}

/// A temporary place with the output folder `dist/` and a folder `outside/`
/// beside it, which no write may reach.
struct Place {
    _temp: tempfile::TempDir,
    dist: PathBuf,
    outside: PathBuf,
}

fn place() -> Place {
    let temp = tempfile::tempdir().unwrap();
    let dist = temp.path().join("dist");
    let outside = temp.path().join("outside");
    fs::create_dir(&dist).unwrap();
    fs::create_dir(&outside).unwrap();
    Place {
        _temp: temp,
        dist,
        outside,
    }
}

/// Every file and folder under `dir`, relative, sorted.
fn tree(dir: &Path) -> Vec<String> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            out.push(path.strip_prefix(root).unwrap().display().to_string());
            if path.is_dir() && !path.is_symlink() {
                walk(root, &path, out);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// The item `fields` (with `id` and `title` at least) as `parse_feed` makes it,
/// in a feed whose language is Hebrew.
fn item(fields: serde_json::Value) -> Article {
    let feed = json!({
        "version": "https://jsonfeed.org/version/1.1",
        "language": "he",
        "items": [fields],
    });
    parse_feed(&feed.to_string()).unwrap().items.remove(0)
}

fn config_with_site(site_url: Option<&str>) -> Config {
    Config {
        site_url: site_url.map(String::from),
        ..Config::default()
    }
}

// ---------------------------------------------------------------- output.rs

#[test]
fn hostile_paths_are_refused_each_for_its_reason() {
    let long = "א".repeat(150); // 300 bytes
    let cases: Vec<(&str, Refusal)> = vec![
        ("", Refusal::Empty),
        ("/etc/x", Refusal::Absolute),
        ("../x", Refusal::DotName),
        ("a/../../x", Refusal::DotName),
        ("./x", Refusal::DotName),
        (".", Refusal::DotName),
        ("article/../../outside/x", Refusal::DotName),
        ("a//b", Refusal::EmptyName),
        ("a/", Refusal::EmptyName),
        ("a\\b", Refusal::Backslash),
        ("..\\..\\x", Refusal::Backslash),
        ("a\0b", Refusal::ControlCharacter('\0')),
        ("a\nb/index.html", Refusal::ControlCharacter('\n')),
        ("tag/\u{7F}", Refusal::ControlCharacter('\u{7F}')),
        ("tag/\u{85}x", Refusal::ControlCharacter('\u{85}')),
        (&long, Refusal::NameTooLong(300)),
    ];
    for (path, why) in cases {
        assert_eq!(check_path(path), Err(why), "{path:?}");
    }
    // 255 bytes is the limit, not over it; and these are plain names.
    for fine in [
        "a".repeat(255).as_str(),
        "article/%D7%90%2F%2E%2E/index.html",
        "article/~../index.html",
        "tag/שלג בחרמון/index.html",
        "...",
        "a:b",
        ".hidden",
    ] {
        assert_eq!(check_path(fine), Ok(()), "{fine:?}");
    }
}

#[test]
fn a_refused_path_writes_nothing_anywhere() {
    let place = place();
    let out = OutputDir::open(&place.dist).unwrap();
    let long = format!("article/{}/index.html", "x".repeat(300));
    for path in [
        "../outside/x",
        "a/../../outside/x",
        "/etc/x",
        &format!("{}/x", place.outside.display()),
        "a\\..\\..\\outside\\x",
        "a\0/x",
        &long,
        "",
    ] {
        let error = out.write(path, b"pwned").unwrap_err();
        assert!(
            matches!(error, OutputError::Refused { .. }),
            "{path:?}: {error}"
        );
        assert!(out.read(path).is_err(), "{path:?}");
        assert!(out.remove(path).is_err(), "{path:?}");
    }
    assert_eq!(tree(&place.dist), Vec::<String>::new());
    assert_eq!(tree(&place.outside), Vec::<String>::new());
    assert_eq!(out.written(), Vec::<String>::new());
}

#[test]
fn the_error_names_the_path_with_control_characters_escaped() {
    let place = place();
    let out = OutputDir::open(&place.dist).unwrap();
    let message = out.write("a\0b/\n", b"x").unwrap_err().to_string();
    assert_eq!(
        message,
        "refused \"a\\0b/\\n\" in the output folder: it has the control character U+0000; \
         nothing was written"
    );
    let message = out.write("../x", b"x").unwrap_err().to_string();
    assert_eq!(
        message,
        "refused \"../x\" in the output folder: it has a . or .. name, which leads elsewhere; \
         nothing was written"
    );
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_out_of_the_folder_is_never_followed() {
    use std::os::unix::fs::symlink;
    let place = place();
    fs::write(place.outside.join("target.html"), "outside").unwrap();
    // A folder, the final name, and a link to nothing, all leading out.
    symlink(&place.outside, place.dist.join("article")).unwrap();
    symlink(
        place.outside.join("target.html"),
        place.dist.join("sitemap.xml"),
    )
    .unwrap();
    symlink("../outside/missing", place.dist.join("robots.txt")).unwrap();
    symlink("../outside", place.dist.join("relative")).unwrap();
    let out = OutputDir::open(&place.dist).unwrap();

    for path in [
        "article/x/index.html",
        "article/index.html",
        "sitemap.xml",
        "robots.txt",
        "relative/x",
    ] {
        let error = out.write(path, b"pwned").unwrap_err();
        assert!(
            matches!(error, OutputError::LinkOutside { .. }),
            "{path:?}: {error}"
        );
        assert!(
            matches!(out.read(path), Err(OutputError::LinkOutside { .. })),
            "{path:?}"
        );
    }
    assert_eq!(tree(&place.outside), vec!["target.html"]);
    assert_eq!(
        fs::read_to_string(place.outside.join("target.html")).unwrap(),
        "outside"
    );
    // Removing a link removes the link, never what it leads to.
    assert!(matches!(
        out.remove("article/x"),
        Err(OutputError::LinkOutside { .. })
    ));
    assert!(out.remove("sitemap.xml").unwrap());
    assert!(out.remove("robots.txt").unwrap());
    assert!(!place.dist.join("sitemap.xml").exists());
    assert!(!place.dist.join("sitemap.xml").is_symlink());
    assert_eq!(
        fs::read_to_string(place.outside.join("target.html")).unwrap(),
        "outside"
    );
    let message = out
        .write("article/x/index.html", b"x")
        .unwrap_err()
        .to_string();
    assert!(
        message.contains("is a symbolic link that leads outside it"),
        "{message}"
    );
    let link = fs::canonicalize(&place.dist).unwrap().join("article");
    assert!(message.contains(&link.display().to_string()), "{message}");
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_that_stays_inside_is_followed() {
    use std::os::unix::fs::symlink;
    let place = place();
    fs::create_dir(place.dist.join("pages")).unwrap();
    symlink("pages", place.dist.join("article")).unwrap();
    let out = OutputDir::open(&place.dist).unwrap();
    assert_eq!(
        out.write("article/a/index.html", b"<p>a</p>").unwrap(),
        Written::Created
    );
    assert_eq!(
        fs::read_to_string(place.dist.join("pages/a/index.html")).unwrap(),
        "<p>a</p>"
    );
    // The output folder may itself be reached through a link.
    let alias = place.outside.join("dist-link");
    symlink(&place.dist, &alias).unwrap();
    let through = OutputDir::open(&alias).unwrap();
    assert_eq!(through.root(), fs::canonicalize(&place.dist).unwrap());
    assert_eq!(
        through.write("article/a/index.html", b"<p>a</p>").unwrap(),
        Written::Unchanged
    );
}

#[test]
fn writes_create_folders_and_leave_unchanged_files_untouched() {
    let place = place();
    let out = OutputDir::open(&place.dist).unwrap();
    let page = "article/%D7%97%D7%93%D7%A9%D7%95%D7%AA-1/index.html";
    let html = "<h1 dir=\"rtl\">שלג בחרמון &amp; גשם</h1>".as_bytes();
    assert_eq!(out.write(page, html).unwrap(), Written::Created);
    let file = place.dist.join(page);
    let before = fs::metadata(&file).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));

    let again = out.write(page, html).unwrap();
    assert_eq!(again, Written::Unchanged);
    assert!(!again.wrote());
    let after = fs::metadata(&file).unwrap();
    assert_eq!(after.modified().unwrap(), before.modified().unwrap());
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        assert_eq!(after.ino(), before.ino());
    }

    // Same length, other bytes: replaced.
    let edited = "<h1 dir=\"rtl\">שלג בחרמון &amp; ברד</h1>".as_bytes();
    assert_eq!(edited.len(), html.len());
    assert_eq!(out.write(page, edited).unwrap(), Written::Replaced);
    assert_eq!(fs::read(&file).unwrap(), edited);
    assert_eq!(out.write("index.html", b"home").unwrap(), Written::Created);
    assert_eq!(out.write("index.html", b"").unwrap(), Written::Replaced);
    assert_eq!(fs::read(place.dist.join("index.html")).unwrap(), b"");

    assert_eq!(out.written(), vec![page, page, "index.html", "index.html"]);
    // No temporary file is left behind.
    assert_eq!(
        tree(&place.dist),
        vec![
            "article",
            "article/%D7%97%D7%93%D7%A9%D7%95%D7%AA-1",
            "article/%D7%97%D7%93%D7%A9%D7%95%D7%AA-1/index.html",
            "index.html",
        ]
    );
}

#[cfg(unix)]
#[test]
fn a_replaced_file_keeps_its_permissions_and_a_hard_link_is_not_written_through() {
    use std::os::unix::fs::PermissionsExt;
    let place = place();
    let out = OutputDir::open(&place.dist).unwrap();
    out.write("robots.txt", b"old").unwrap();
    let file = place.dist.join("robots.txt");
    fs::set_permissions(&file, fs::Permissions::from_mode(0o640)).unwrap();
    // A hard link from outside to the page: replacing the page must not change it.
    fs::hard_link(&file, place.outside.join("linked")).unwrap();

    assert_eq!(out.write("robots.txt", b"new").unwrap(), Written::Replaced);
    assert_eq!(
        fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o640
    );
    assert_eq!(fs::read(&file).unwrap(), b"new");
    assert_eq!(fs::read(place.outside.join("linked")).unwrap(), b"old");
}

#[test]
fn a_folder_where_a_file_goes_and_a_file_where_a_folder_goes_are_refused() {
    let place = place();
    let out = OutputDir::open(&place.dist).unwrap();
    out.write("article/a/index.html", b"a").unwrap();
    assert!(matches!(
        out.write("article/a", b"x"),
        Err(OutputError::WrongKind { .. })
    ));
    assert!(matches!(
        out.write("article/a/index.html/x", b"x"),
        Err(OutputError::WrongKind { .. })
    ));
    assert!(matches!(
        out.remove("article"),
        Err(OutputError::WrongKind { .. })
    ));
    assert_eq!(
        fs::read(place.dist.join("article/a/index.html")).unwrap(),
        b"a"
    );
}

#[test]
fn reads_and_removes_only_when_asked() {
    let place = place();
    let out = OutputDir::open(&place.dist).unwrap();
    assert_eq!(out.read("tag/x/index.html").unwrap(), None);
    // Reading creates no folder.
    assert_eq!(tree(&place.dist), Vec::<String>::new());
    out.write("tag/x/index.html", b"x").unwrap();
    assert_eq!(out.read("tag/x/index.html").unwrap(), Some(b"x".to_vec()));
    assert!(out.remove("tag/x/index.html").unwrap());
    assert!(!out.remove("tag/x/index.html").unwrap());
    assert!(!out.remove("nothing/here").unwrap());
    assert_eq!(tree(&place.dist), vec!["tag", "tag/x"]);
}

#[test]
fn threads_may_write_side_by_side_into_folders_they_create_together() {
    let place = place();
    let out = OutputDir::open(&place.dist).unwrap();
    std::thread::scope(|scope| {
        for thread in 0..8 {
            let out = &out;
            scope.spawn(move || {
                for n in 0..25 {
                    let path = format!("article/{}/index.html", (thread * 25 + n) % 40);
                    // Five writes of each page, some at once: Created,
                    // else Unchanged; never an error.
                    out.write(&path, path.as_bytes()).unwrap();
                }
            });
        }
    });
    for n in 0..40 {
        let path = format!("article/{n}/index.html");
        assert_eq!(fs::read_to_string(place.dist.join(&path)).unwrap(), path);
    }
    // Each page written at least once, and no temporary file left.
    let mut written = out.written();
    written.sort();
    written.dedup();
    assert_eq!(written.len(), 40);
    assert_eq!(tree(&place.dist).len(), 1 + 40 * 2);
}

#[test]
fn the_output_folder_must_exist_and_be_a_folder() {
    let place = place();
    assert!(matches!(
        OutputDir::open(place.dist.join("missing")),
        Err(OutputError::Folder { .. })
    ));
    fs::write(place.dist.join("file"), "x").unwrap();
    let error = OutputDir::open(place.dist.join("file")).unwrap_err();
    assert!(matches!(error, OutputError::Folder { .. }));
    assert!(error.to_string().contains("not a folder"), "{error}");
}

// -------------------------------------------------------------- manifest.rs

/// Two runs' worth of articles: a Hebrew one with tags, and one with
/// everything hostile in its title and id.
fn hebrew_article() -> Article {
    item(json!({
        "id": "חדשות-1",
        "title": "שלג בחרמון: \"צה״ל\" נערך",
        "date_published": "2025-03-10T08:00:00+02:00",
        "tags": ["פוליטיקה", "צה\"ל"],
    }))
}

fn hostile_article() -> Article {
    item(json!({
        "id": "https://example.co.il/?p=42&x=1",
        "title": "Q&amp;A: C++ & \"quotes\" </script><script>alert(1)</script>",
        "language": "en-US",
        "date_published": "2025-03-09T10:00:00Z",
        "date_modified": "2025-03-10T11:30:00+05:45",
        "tags": ["צה״ל"],
    }))
}

const HEBREW_PAGE: &str = "article/%D7%97%D7%93%D7%A9%D7%95%D7%AA-1/";
/// An id with `/` in it has a hashed segment (`paths::route_segment`).
const HOSTILE_PAGE: &str = "article/!5c0ffee0a1b2c3d4/";
const POLITICS_PAGE: &str = "tag/%D7%A4%D7%95%D7%9C%D7%99%D7%98%D7%99%D7%A7%D7%94/";
const IDF_PAGE: &str = "tag/%D7%A6%D7%94%22%D7%9C/";

/// The manifest after a run two hours ago that saw the Hebrew article, one an
/// hour ago that saw both, and one now that saw only the hostile one and an
/// undated item: the Hebrew article has left the feed.
fn three_runs() -> Manifest {
    let mut manifest = Manifest::default();
    manifest
        .record_article(&hebrew_article(), HEBREW_PAGE, now() - 2 * HOUR)
        .unwrap();
    manifest
        .record_tag("פוליטיקה", POLITICS_PAGE, now() - 2 * HOUR)
        .unwrap();
    manifest
        .record_tag("צה\"ל", IDF_PAGE, now() - 2 * HOUR)
        .unwrap();
    manifest
        .record_article(&hebrew_article(), HEBREW_PAGE, now() - HOUR)
        .unwrap();
    manifest
        .record_article(&hostile_article(), HOSTILE_PAGE, now() - HOUR)
        .unwrap();
    manifest
        .record_article(&hostile_article(), HOSTILE_PAGE, now())
        .unwrap();
    let undated = item(json!({"id": "c", "title": "ללא תאריך"}));
    manifest
        .record_article(&undated, "article/c/", now())
        .unwrap();
    manifest.record_tag("צה\"ל", IDF_PAGE, now()).unwrap();
    manifest
}

#[test]
fn the_manifest_file_is_exactly_this() {
    let manifest = three_runs();
    let expected = format!(
        r#"{{
  "format": "mivzak-render manifest",
  "version": 1,
  "articles": [
    {{
      "id": "חדשות-1",
      "path": "{HEBREW_PAGE}",
      "title": "שלג בחרמון: \"צה״ל\" נערך",
      "language": "he",
      "date_published": "2025-03-10T06:00:00Z",
      "date_modified": null,
      "tags": [
        "פוליטיקה",
        "צה\"ל"
      ],
      "first_seen": "2025-03-10T10:00:00Z",
      "last_seen": "2025-03-10T11:00:00Z"
    }},
    {{
      "id": "https://example.co.il/?p=42&x=1",
      "path": "{HOSTILE_PAGE}",
      "title": "Q&A: C++ & \"quotes\"",
      "language": "en-US",
      "date_published": "2025-03-09T10:00:00Z",
      "date_modified": "2025-03-10T05:45:00Z",
      "tags": [
        "צה״ל"
      ],
      "first_seen": "2025-03-10T11:00:00Z",
      "last_seen": "2025-03-10T12:00:00Z"
    }},
    {{
      "id": "c",
      "path": "article/c/",
      "title": "ללא תאריך",
      "language": "he",
      "date_published": null,
      "date_modified": null,
      "tags": [],
      "first_seen": "2025-03-10T12:00:00Z",
      "last_seen": "2025-03-10T12:00:00Z"
    }}
  ],
  "tags": [
    {{
      "name": "פוליטיקה",
      "path": "{POLITICS_PAGE}",
      "first_seen": "2025-03-10T10:00:00Z",
      "last_seen": "2025-03-10T10:00:00Z"
    }},
    {{
      "name": "צה\"ל",
      "path": "{IDF_PAGE}",
      "first_seen": "2025-03-10T10:00:00Z",
      "last_seen": "2025-03-10T12:00:00Z"
    }}
  ]
}}
"#
    );
    assert_eq!(manifest.to_json().unwrap(), expected);
    assert_eq!(FORMAT_VERSION, 1);
}

#[test]
fn the_manifest_round_trips_through_the_output_folder() {
    let place = place();
    let out = OutputDir::open(&place.dist).unwrap();
    assert_eq!(Manifest::load(&out).unwrap(), Manifest::default());
    let manifest = three_runs();
    assert_eq!(manifest.save(&out).unwrap(), Written::Created);
    assert!(place.dist.join(MANIFEST_FILE).is_file());
    let loaded = Manifest::load(&out).unwrap();
    assert_eq!(loaded, manifest);
    assert_eq!(loaded.save(&out).unwrap(), Written::Unchanged);
}

#[test]
fn a_known_item_keeps_when_it_was_first_seen_and_takes_its_edits() {
    let mut manifest = three_runs();
    let mut edited = hebrew_article();
    edited.title = "שלג כבד בחרמון".into();
    edited.modified_ms = Some(now() - 10 * 60 * 1000);
    edited.tags = vec![];
    manifest
        .record_article(&edited, HEBREW_PAGE, now() + HOUR)
        .unwrap();
    let record = manifest.article("חדשות-1").unwrap();
    assert_eq!(record.title, "שלג כבד בחרמון");
    assert_eq!(
        record.date_modified.as_deref(),
        Some("2025-03-10T11:50:00Z")
    );
    assert_eq!(record.tags, Vec::<String>::new());
    assert_eq!(record.first_seen, now() - 2 * HOUR);
    assert_eq!(record.last_seen, now() + HOUR);
}

#[test]
fn an_item_that_left_the_feed_keeps_its_record_its_page_and_its_sitemap_place() {
    let place = place();
    let out = OutputDir::open(&place.dist).unwrap();
    // The page files as a static host finds them: the segment decoded.
    let hebrew_file = "article/חדשות-1/index.html";
    let hostile_file = "article/!5c0ffee0a1b2c3d4/index.html";
    // Run 1 renders both articles.
    let mut manifest = Manifest::load(&out).unwrap();
    for (article, page, file) in [
        (hebrew_article(), HEBREW_PAGE, hebrew_file),
        (hostile_article(), HOSTILE_PAGE, hostile_file),
    ] {
        out.write(file, article.title.as_bytes()).unwrap();
        manifest
            .record_article(&article, page, now() - HOUR)
            .unwrap();
    }
    manifest.save(&out).unwrap();
    // Run 2's feed has only the hostile one.
    let mut manifest = Manifest::load(&out).unwrap();
    out.write(hostile_file, hostile_article().title.as_bytes())
        .unwrap();
    manifest
        .record_article(&hostile_article(), HOSTILE_PAGE, now())
        .unwrap();
    manifest.save(&out).unwrap();

    let manifest = Manifest::load(&out).unwrap();
    let gone = manifest.article("חדשות-1").unwrap();
    assert_eq!(gone.last_seen, now() - HOUR);
    assert_eq!(gone.path, HEBREW_PAGE);
    assert!(place.dist.join(hebrew_file).is_file());
    let site = SiteUrl::parse("https://example.co.il/").unwrap();
    let files = sitemap_files(&site, &manifest, now(), &mut Vec::new());
    assert!(files[0]
        .1
        .contains("<loc>https://example.co.il/article/%D7%97%D7%93%D7%A9%D7%95%D7%AA-1/</loc>"));
}

#[test]
fn a_corrupt_manifest_is_an_error_never_a_fresh_start() {
    let good = three_runs().to_json().unwrap();
    // Cut off halfway, as a full disk or a killed copy leaves it.
    let (half, _) = good.char_indices().nth(good.chars().count() / 2).unwrap();
    let corrupt = [
        ("", "not JSON"),
        (&good[..half], "not JSON"),
        ("[]", "format"),
        ("{\"version\": 1, \"articles\": [], \"tags\": []}", "format"),
        (
            "{\"format\": \"mivzak-render manifest\", \"articles\": [], \"tags\": []}",
            "no \"version\"",
        ),
        (
            "{\"format\": \"mivzak-render manifest\", \"version\": 1, \"tags\": []}",
            "missing field `articles`",
        ),
        (
            &good.replace(
                "\"last_seen\": \"2025-03-10T12:00:00Z\"",
                "\"last_seen\": \"yesterday\"",
            ),
            "not a date",
        ),
        (
            &good.replace("\"id\": \"c\"", "\"id\": \"חדשות-1\""),
            "listed twice",
        ),
        (
            &good.replace("article/c/", "../../etc/passwd"),
            "is not a page's: a segment of it reads as . or ..",
        ),
        (
            &good.replace("article/c/", "/etc/passwd"),
            "is not a page's: it starts with /",
        ),
        (&good.replace(IDF_PAGE, POLITICS_PAGE), "listed twice"),
        (
            &good.replace("\"title\": \"ללא תאריך\",\n", ""),
            "missing field `title`",
        ),
    ];
    for (text, reason) in corrupt {
        match Manifest::parse(text) {
            Err(error @ ManifestError::Corrupt { .. }) => {
                let message = error.to_string();
                assert!(message.contains(reason), "{message}");
                assert!(
                    message.contains("every existing page is left as it is"),
                    "{message}"
                );
            }
            other => panic!("{text:?} gave {other:?}"),
        }
    }
    for version in ["2", "0", "\"1\"", "1.5", "null"] {
        let text = good.replace("\"version\": 1", &format!("\"version\": {version}"));
        match Manifest::parse(&text) {
            Err(error @ ManifestError::UnknownVersion { .. }) => {
                assert!(error
                    .to_string()
                    .contains(&format!("format version {version}")));
            }
            other => panic!("version {version} gave {other:?}"),
        }
    }
}

#[test]
fn loading_a_corrupt_manifest_leaves_it_and_every_page_as_they_were() {
    let place = place();
    let out = OutputDir::open(&place.dist).unwrap();
    fs::write(
        place.dist.join(MANIFEST_FILE),
        "{\"format\": \"mivzak-render manifest\", \"ver",
    )
    .unwrap();
    fs::create_dir_all(place.dist.join("article/old")).unwrap();
    fs::write(place.dist.join("article/old/index.html"), "old page").unwrap();
    let error = Manifest::load(&out).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("mivzak-render.json in the output folder is corrupt (not JSON"),
        "{error}"
    );
    assert_eq!(
        fs::read_to_string(place.dist.join(MANIFEST_FILE)).unwrap(),
        "{\"format\": \"mivzak-render manifest\", \"ver"
    );
    assert_eq!(
        fs::read_to_string(place.dist.join("article/old/index.html")).unwrap(),
        "old page"
    );
    assert_eq!(out.written(), Vec::<String>::new());
    // Not UTF-8 is corrupt too.
    fs::write(place.dist.join(MANIFEST_FILE), [0xFF, 0xFE, b'{']).unwrap();
    assert!(matches!(
        Manifest::load(&out),
        Err(ManifestError::Corrupt { .. })
    ));
}

#[cfg(unix)]
#[test]
fn a_manifest_that_links_out_of_the_folder_is_not_read() {
    use std::os::unix::fs::symlink;
    let place = place();
    fs::write(
        place.outside.join("secret.json"),
        three_runs().to_json().unwrap(),
    )
    .unwrap();
    symlink(
        place.outside.join("secret.json"),
        place.dist.join(MANIFEST_FILE),
    )
    .unwrap();
    let out = OutputDir::open(&place.dist).unwrap();
    assert!(matches!(
        Manifest::load(&out),
        Err(ManifestError::Unreadable(OutputError::LinkOutside { .. }))
    ));
}

#[test]
fn a_page_path_whose_url_would_not_be_the_pages_is_not_recorded() {
    let mut manifest = Manifest::default();
    let cases = [
        ("../x/", UrlRefusal::DotSegment),
        ("article/%2e%2E/", UrlRefusal::DotSegment),
        ("article/.%2E/", UrlRefusal::DotSegment),
        ("/abs/", UrlRefusal::Absolute),
        ("a//b/", UrlRefusal::EmptySegment),
        ("a\\b/", UrlRefusal::NotEncoded('\\')),
        ("article/א/", UrlRefusal::NotEncoded('א')),
        ("article/a b/", UrlRefusal::NotEncoded(' ')),
        ("article/a?b/", UrlRefusal::NotEncoded('?')),
        ("article/a#b/", UrlRefusal::NotEncoded('#')),
        ("article/\"q\"/", UrlRefusal::NotEncoded('"')),
        ("article/a\nb/", UrlRefusal::NotEncoded('\n')),
        ("article/%ZZ/", UrlRefusal::BadEscape),
        ("article/50%/", UrlRefusal::BadEscape),
        ("article/%D/", UrlRefusal::BadEscape),
    ];
    for (path, why) in cases {
        assert_eq!(check_page_path(path), Err(why.clone()), "{path:?}");
        match manifest.record_article(&hebrew_article(), path, now()) {
            Err(ManifestError::BadPagePath {
                path: refused,
                why: reason,
            }) => {
                assert_eq!((refused.as_str(), reason), (path, why));
            }
            other => panic!("{path:?} gave {other:?}"),
        }
        assert!(matches!(
            manifest.record_tag("x", path, now()),
            Err(ManifestError::BadPagePath { .. })
        ));
    }
    assert_eq!(manifest, Manifest::default());
}

#[test]
fn the_language_recorded_is_the_items_else_its_feeds_as_a_tag() {
    let mut manifest = Manifest::default();
    let english = item(json!({"id": "e", "title": "t", "language": "en_GB"}));
    let mut unnamed = item(json!({"id": "u", "title": "t"}));
    unnamed.feed_language = None;
    let mut not_a_tag = item(json!({"id": "n", "title": "t", "language": "Hebrew"}));
    not_a_tag.feed_language = Some("ar".into());
    for article in [&english, &unnamed, &not_a_tag] {
        manifest
            .record_article(article, "article/x/", now())
            .unwrap();
    }
    assert_eq!(
        manifest.article("e").unwrap().language.as_deref(),
        Some("en-GB")
    );
    assert_eq!(manifest.article("u").unwrap().language, None);
    assert_eq!(
        manifest.article("n").unwrap().language.as_deref(),
        Some("ar")
    );
}

#[test]
fn a_time_past_year_9999_is_an_error_when_written_not_a_broken_file() {
    let mut manifest = Manifest::default();
    manifest
        .record_article(&hebrew_article(), HEBREW_PAGE, i64::MAX / 2)
        .unwrap();
    assert!(matches!(
        manifest.to_json(),
        Err(ManifestError::Unwritable(_))
    ));
}

// --------------------------------------------------------------- sitemap.rs

#[test]
fn the_sitemap_is_exactly_this() {
    let site = SiteUrl::parse("https://example.co.il/").unwrap();
    let mut warnings = Vec::new();
    let files = sitemap_files(&site, &three_runs(), now(), &mut warnings);
    let expected = concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
        "<url><loc>https://example.co.il/</loc><lastmod>2025-03-10T06:00:00Z</lastmod></url>\n",
        "<url><loc>https://example.co.il/article/%D7%97%D7%93%D7%A9%D7%95%D7%AA-1/</loc>",
        "<lastmod>2025-03-10T06:00:00Z</lastmod></url>\n",
        "<url><loc>https://example.co.il/article/!5c0ffee0a1b2c3d4/</loc>",
        "<lastmod>2025-03-10T05:45:00Z</lastmod></url>\n",
        "<url><loc>https://example.co.il/article/c/</loc></url>\n",
        "<url><loc>https://example.co.il/tag/%D7%A4%D7%95%D7%9C%D7%99%D7%98%D7%99%D7%A7%D7%94/</loc>",
        "<lastmod>2025-03-10T06:00:00Z</lastmod></url>\n",
        "<url><loc>https://example.co.il/tag/%D7%A6%D7%94%22%D7%9C/</loc>",
        "<lastmod>2025-03-10T06:00:00Z</lastmod></url>\n",
        "</urlset>\n",
    );
    assert_eq!(files, vec![("sitemap.xml".to_owned(), expected.to_owned())]);
    assert_eq!(warnings, Vec::<String>::new());
}

#[test]
fn sitemap_urls_are_escaped_for_xml_and_encoded_for_rfc_3986() {
    // A Unicode host and path, and characters XML must escape.
    let site = SiteUrl::parse("https://מבזק.example/חדשות/a&b'c/?utm=x#top").unwrap();
    assert_eq!(
        site.as_str(),
        "https://xn--5dbkw2b.example/%D7%97%D7%93%D7%A9%D7%95%D7%AA/a&b'c/"
    );
    let mut manifest = Manifest::default();
    manifest
        .record_article(&hebrew_article(), HEBREW_PAGE, now())
        .unwrap();
    // Every character RFC 3986 allows raw in a segment, kept as it is.
    manifest
        .record_tag("x", "tag/aZ09-._~!$&'()*+,;=:@%22/", now())
        .unwrap();
    let files = sitemap_files(&site, &manifest, now(), &mut Vec::new());
    let base = "https://xn--5dbkw2b.example/%D7%97%D7%93%D7%A9%D7%95%D7%AA/a&amp;b&apos;c/";
    assert_eq!(
        files[0].1,
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n\
             <url><loc>{base}</loc><lastmod>2025-03-10T06:00:00Z</lastmod></url>\n\
             <url><loc>{base}article/%D7%97%D7%93%D7%A9%D7%95%D7%AA-1/</loc>\
             <lastmod>2025-03-10T06:00:00Z</lastmod></url>\n\
             <url><loc>{base}tag/aZ09-._~!$&amp;&apos;()*+,;=:@%22/</loc></url>\n\
             </urlset>\n"
        )
    );
}

#[test]
fn page_urls_are_the_base_and_the_path_exactly() {
    let site = SiteUrl::parse("https://example.co.il/news").unwrap();
    assert_eq!(site.as_str(), "https://example.co.il/news/");
    assert_eq!(site.path(), "/news/");
    assert_eq!(site.url_of("").unwrap(), "https://example.co.il/news/");
    assert_eq!(
        site.url_of("sitemap.xml").unwrap(),
        "https://example.co.il/news/sitemap.xml"
    );
    // A mark and a hashed segment (paths::route_segment) are plain segments.
    assert_eq!(
        site.url_of("article/~../").unwrap(),
        "https://example.co.il/news/article/~../"
    );
    assert_eq!(
        site.url_of("article/!00ff00ff00ff00ff/").unwrap(),
        "https://example.co.il/news/article/!00ff00ff00ff00ff/"
    );
    assert_eq!(
        site.url_of("tag/%2E%2E/"),
        Err(UrlRefusal::DotSegment),
        "a %2E segment would name the folder above"
    );
    assert_eq!(
        SiteUrl::parse("http://localhost:8080").unwrap().as_str(),
        "http://localhost:8080/"
    );
    for bad in [
        "ftp://example.co.il/",
        "example.co.il",
        "https://",
        "mailto:a@b.c",
        "",
    ] {
        assert!(SiteUrl::parse(bad).is_err(), "{bad}");
    }
}

#[test]
fn a_page_whose_url_runs_past_2047_characters_is_left_out_with_a_warning() {
    let site = SiteUrl::parse("https://example.co.il/news/").unwrap();
    // "https://example.co.il/news/" (27) + "article/" (8) + 2,041 + "/" = 2,077.
    let long = format!("article/{}/", "%D7%90".repeat(340) + "x");
    assert_eq!(site.url_of(&long), Err(UrlRefusal::TooLong(2_077)));
    let fits = format!("article/{}/", "a".repeat(2_047 - 27 - 8 - 1));
    assert_eq!(site.url_of(&fits).unwrap().len(), 2_047);

    let mut manifest = Manifest::default();
    manifest
        .record_article(&hebrew_article(), &long, now())
        .unwrap();
    manifest
        .record_tag("x", &long.replacen("article", "tag", 1), now())
        .unwrap();
    manifest.record_tag("y", &fits, now()).unwrap();
    let mut warnings = Vec::new();
    let files = sitemap_files(&site, &manifest, now(), &mut warnings);
    // The home page and the one that fits.
    assert_eq!(files[0].1.matches("<url>").count(), 2);
    assert_eq!(warnings.len(), 1);
    assert!(
        warnings[0].starts_with(&format!(
            "sitemap.xml: 2 pages have no URL a sitemap can list and are left out, first {long:?} \
             (its URL is 2077 characters long, more than 2047)"
        )),
        "{}",
        warnings[0]
    );
}

#[test]
fn lastmod_is_the_modified_date_else_the_published_one_never_a_future_one() {
    let manifest = Manifest::parse(
        &json!({
            "format": "mivzak-render manifest",
            "version": 1,
            "articles": [
                {"id": "future", "path": "article/future/", "title": "t", "language": null,
                 "date_published": "2025-03-10T11:00:00Z", "date_modified": "2026-01-01T00:00:00Z",
                 "tags": ["a"], "first_seen": "2025-03-10T11:00:00Z", "last_seen": "2025-03-10T12:00:00Z"},
                {"id": "kathmandu", "path": "article/kathmandu/", "title": "t", "language": null,
                 "date_published": "Mon, 10 Mar 2025 17:45:00 +0545", "date_modified": null,
                 "tags": ["A"], "first_seen": "2025-03-10T11:00:00Z", "last_seen": "2025-03-10T12:00:00Z"},
                {"id": "junk", "path": "article/junk/", "title": "t", "language": null,
                 "date_published": "yesterday", "date_modified": null,
                 "tags": [], "first_seen": "2025-03-10T11:00:00Z", "last_seen": "2025-03-10T12:00:00Z"}
            ],
            "tags": [{"name": "a", "path": "tag/a/",
                      "first_seen": "2025-03-10T11:00:00Z", "last_seen": "2025-03-10T12:00:00Z"}]
        })
        .to_string(),
    )
    .unwrap();
    let site = SiteUrl::parse("https://example.co.il/").unwrap();
    let xml = &sitemap_files(&site, &manifest, now(), &mut Vec::new())[0].1;
    let lines: Vec<&str> = xml.lines().collect();
    assert_eq!(
        lines[2..7],
        [
            "<url><loc>https://example.co.il/</loc><lastmod>2025-03-10T12:00:00Z</lastmod></url>",
            "<url><loc>https://example.co.il/article/future/</loc></url>",
            "<url><loc>https://example.co.il/article/junk/</loc></url>",
            "<url><loc>https://example.co.il/article/kathmandu/</loc><lastmod>2025-03-10T12:00:00Z</lastmod></url>",
            // The tag "a" is "A" too (one tag key): its newest article's date.
            "<url><loc>https://example.co.il/tag/a/</loc><lastmod>2025-03-10T12:00:00Z</lastmod></url>",
        ]
    );
}

#[test]
fn past_50000_urls_the_sitemap_becomes_an_index_of_numbered_files() {
    let mut manifest = Manifest::default();
    let mut article = hebrew_article();
    // 50,000 articles and the home page: one URL over the limit.
    for n in 0..MAX_URLS_PER_SITEMAP {
        article.id = format!("n{n:05}");
        let path = format!("article/n{n:05}/");
        manifest
            .record_article(&article, &path, now() - HOUR + n as i64)
            .unwrap();
    }
    let site = SiteUrl::parse("https://example.co.il/").unwrap();
    let files = sitemap_files(&site, &manifest, now(), &mut Vec::new());
    let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(names, ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml"]);
    assert_eq!(
        files[0].1,
        concat!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
            "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
            "<sitemap><loc>https://example.co.il/sitemap-1.xml</loc><lastmod>2025-03-10T06:00:00Z</lastmod></sitemap>\n",
            "<sitemap><loc>https://example.co.il/sitemap-2.xml</loc><lastmod>2025-03-10T06:00:00Z</lastmod></sitemap>\n",
            "</sitemapindex>\n",
        )
    );
    assert_eq!(files[1].1.matches("<url>").count(), 50_000);
    assert!(files[1].1.starts_with(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
        "<url><loc>https://example.co.il/</loc>"
    )));
    // The last article first seen is the one in the second file.
    assert_eq!(
        files[2].1,
        concat!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
            "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
            "<url><loc>https://example.co.il/article/n49999/</loc><lastmod>2025-03-10T06:00:00Z</lastmod></url>\n",
            "</urlset>\n",
        )
    );

    // One more article changes the last file (and nothing in the first).
    article.id = "n50000".into();
    manifest
        .record_article(&article, "article/n50000/", now())
        .unwrap();
    let more = sitemap_files(&site, &manifest, now(), &mut Vec::new());
    assert_eq!(more[1], files[1]);
    assert_ne!(more[2], files[2]);
    assert_eq!(more[2].1.matches("<url>").count(), 2);
}

#[test]
fn past_50_megabytes_the_sitemap_is_split_too() {
    let mut manifest = Manifest::default();
    let mut article = hebrew_article();
    article.published_ms = None;
    // Entries of about 1,300 bytes: 44,000 of them are about 57 MB, under 50,000 URLs.
    let long = format!(
        "{}/{}/{}/{}",
        "a".repeat(250),
        "b".repeat(250),
        "c".repeat(250),
        "%D7%90".repeat(40)
    );
    let count = 44_000;
    for n in 0..count {
        article.id = format!("n{n:05}");
        let path = format!("article/{long}/{}/{n:05}/index.html", "d".repeat(250));
        manifest
            .record_article(&article, &path, now() - HOUR + n as i64)
            .unwrap();
    }
    let site = SiteUrl::parse("https://example.co.il/").unwrap();
    let files = sitemap_files(&site, &manifest, now(), &mut Vec::new());
    assert_eq!(files.len(), 3);
    assert!(files[0].1.contains("<sitemapindex"));
    for (_, xml) in &files[1..] {
        assert!(xml.len() <= MAX_SITEMAP_BYTES, "{}", xml.len());
        assert!(xml.ends_with("</urlset>\n"));
    }
    // Full: one more URL would not have fit in the first.
    let entry = files[2].1.lines().nth(2).unwrap().len() + 1;
    assert!(files[1].1.len() + entry > MAX_SITEMAP_BYTES);
    let urls: usize = files[1..]
        .iter()
        .map(|(_, xml)| xml.matches("<url>").count())
        .sum();
    assert_eq!(urls, count + 1);
}

// ---------------------------------------------------------- the news sitemap

/// A manifest of these (id, date_published, first seen) articles, in Hebrew
/// unless the id says otherwise, all in the feed of the run at `now()`.
fn dated(articles: &[(&str, Option<&str>, &str)]) -> Manifest {
    let articles: Vec<serde_json::Value> = articles
        .iter()
        .map(|(id, published, first_seen)| {
            json!({
                "id": id, "path": format!("article/{id}/"),
                "title": format!("כותרת {id}"),
                "language": (if id.starts_with("en") { Some("en") } else { None }),
                "date_published": published, "date_modified": null, "tags": [],
                "first_seen": first_seen, "last_seen": "2025-03-10T12:00:00Z",
            })
        })
        .collect();
    let text = json!({
        "format": "mivzak-render manifest", "version": 1, "articles": articles, "tags": [],
    });
    Manifest::parse(&text.to_string()).unwrap()
}

/// The ids in a news sitemap, in order, with their publication dates.
fn news_entries(xml: &str) -> Vec<(String, String)> {
    xml.split("<url><loc>https://example.co.il/article/")
        .skip(1)
        .map(|entry| {
            let id = entry.split('/').next().unwrap().to_owned();
            let date = entry
                .split("<news:publication_date>")
                .nth(1)
                .unwrap()
                .split('<')
                .next()
                .unwrap()
                .to_owned();
            (id, date)
        })
        .collect()
}

#[test]
fn the_news_sitemap_is_exactly_this() {
    let site = SiteUrl::parse("https://example.co.il/").unwrap();
    let mut warnings = Vec::new();
    let xml = news_sitemap(
        &site,
        "מבזק & <חדשות>",
        Some("he"),
        &three_runs(),
        now(),
        &mut warnings,
    );
    let expected = concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" ",
        "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\n",
        "<url><loc>https://example.co.il/article/%D7%97%D7%93%D7%A9%D7%95%D7%AA-1/</loc>",
        "<news:news><news:publication><news:name>מבזק &amp; &lt;חדשות&gt;</news:name>",
        "<news:language>he</news:language></news:publication>",
        "<news:publication_date>2025-03-10T06:00:00Z</news:publication_date>",
        "<news:title>שלג בחרמון: &quot;צה״ל&quot; נערך</news:title></news:news></url>\n",
        "<url><loc>https://example.co.il/article/!5c0ffee0a1b2c3d4/</loc>",
        "<news:news><news:publication><news:name>מבזק &amp; &lt;חדשות&gt;</news:name>",
        "<news:language>en</news:language></news:publication>",
        "<news:publication_date>2025-03-09T10:00:00Z</news:publication_date>",
        "<news:title>Q&amp;A: C++ &amp; &quot;quotes&quot;</news:title></news:news></url>\n",
        "</urlset>\n",
    );
    assert_eq!(xml, expected);
    assert_eq!(
        warnings,
        [
            "news-sitemap.xml: 1 articles in the feed have no readable date_published, which \
          Google News requires; they are left out"
        ]
    );
}

#[test]
fn the_news_window_is_the_last_48_hours() {
    let site = SiteUrl::parse("https://example.co.il/").unwrap();
    let manifest = dated(&[
        ("h47", Some("2025-03-08T13:00:00Z"), "2025-03-08T13:00:00Z"),
        ("h49", Some("2025-03-08T11:00:00Z"), "2025-03-08T11:00:00Z"),
        ("h48", Some("2025-03-08T12:00:00Z"), "2025-03-08T12:00:00Z"),
        (
            "h48plus1s",
            Some("2025-03-08T11:59:59Z"),
            "2025-03-08T12:00:00Z",
        ),
        // +05:45 (Nepal): 17:45 there is 12:00 UTC, now.
        (
            "kathmandu",
            Some("2025-03-10T17:45:00+05:45"),
            "2025-03-10T12:00:00Z",
        ),
        // -09:30 (Marquesas): 2025-03-08 02:31 there is 12:01 UTC, 47:59 ago.
        (
            "marquesas",
            Some("2025-03-08T02:31:00-0930"),
            "2025-03-10T12:00:00Z",
        ),
        // Two hours ahead (a CMS in the wrong zone), first seen an hour ago: news, dated then.
        (
            "ahead",
            Some("2025-03-10T14:00:00Z"),
            "2025-03-10T11:00:00Z",
        ),
        // A year ahead, first seen three days ago: no longer news.
        ("typo", Some("2026-03-10T12:00:00Z"), "2025-03-07T12:00:00Z"),
        ("undated", None, "2025-03-10T12:00:00Z"),
        ("unreadable", Some("10/03/2025"), "2025-03-10T12:00:00Z"),
        // Re-seen now, but published long ago (the renderer's first run on an old feed).
        ("old", Some("2024-01-01T00:00:00Z"), "2025-03-10T12:00:00Z"),
    ]);
    let mut warnings = Vec::new();
    let xml = news_sitemap(&site, "מבזק", Some("he"), &manifest, now(), &mut warnings);
    assert_eq!(
        news_entries(&xml),
        [
            ("kathmandu", "2025-03-10T12:00:00Z"),
            ("ahead", "2025-03-10T11:00:00Z"),
            ("h47", "2025-03-08T13:00:00Z"),
            ("marquesas", "2025-03-08T12:01:00Z"),
            ("h48", "2025-03-08T12:00:00Z"),
        ]
        .map(|(id, date)| (id.to_owned(), date.to_owned()))
    );
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].starts_with("news-sitemap.xml: 2 articles in the feed have no readable"));
}

#[test]
fn the_news_sitemap_holds_the_newest_1000() {
    let site = SiteUrl::parse("https://example.co.il/").unwrap();
    let ids: Vec<(String, String)> = (0..1_005)
        .map(|n| {
            let date = w3c_datetime(now() - 40 * HOUR + n * 60_000).unwrap();
            (format!("a{n:04}"), date)
        })
        .collect();
    let rows: Vec<(&str, Option<&str>, &str)> = ids
        .iter()
        .map(|(id, date)| (id.as_str(), Some(date.as_str()), date.as_str()))
        .collect();
    let mut warnings = Vec::new();
    let xml = news_sitemap(
        &site,
        "מבזק",
        Some("he"),
        &dated(&rows),
        now(),
        &mut warnings,
    );
    let entries = news_entries(&xml);
    assert_eq!(entries.len(), 1_000);
    assert_eq!(entries[0].0, "a1004");
    assert_eq!(entries[999].0, "a0005");
    assert_eq!(
        warnings,
        ["news-sitemap.xml: 1005 articles of the last 48 hours; Google reads at most 1000, so the \
          5 oldest are left out"]
    );
}

#[test]
fn the_news_language_is_google_s_iso_639_code() {
    let cases = [
        ("he", Some("he")),
        ("he-IL", Some("he")),
        ("HE_il", Some("he")),
        ("iw", Some("he")),
        ("ji", Some("yi")),
        ("in-ID", Some("id")),
        ("en-US", Some("en")),
        ("ar", Some("ar")),
        ("fil", Some("fil")),
        ("zh", Some("zh-cn")),
        ("zh-CN", Some("zh-cn")),
        ("zh-Hans", Some("zh-cn")),
        ("zh-Hans-HK", Some("zh-cn")),
        ("zh-TW", Some("zh-tw")),
        ("zh-HK", Some("zh-tw")),
        ("zh_Hant", Some("zh-tw")),
        ("zh-Hant-CN", Some("zh-tw")),
        ("Hebrew", None),
        ("", None),
        ("e", None),
    ];
    for (tag, code) in cases {
        assert_eq!(news_language(tag).as_deref(), code, "{tag}");
    }
}

#[test]
fn an_article_in_no_language_is_left_out_of_the_news_with_a_warning() {
    let site = SiteUrl::parse("https://example.co.il/").unwrap();
    let manifest = dated(&[
        ("en-1", Some("2025-03-10T11:00:00Z"), "2025-03-10T11:00:00Z"),
        ("x", Some("2025-03-10T11:00:00Z"), "2025-03-10T11:00:00Z"),
    ]);
    let mut warnings = Vec::new();
    // config.json's "language": null
    let xml = news_sitemap(&site, "מבזק", None, &manifest, now(), &mut warnings);
    assert_eq!(news_entries(&xml).len(), 1);
    assert!(xml.contains("<news:language>en</news:language>"));
    assert_eq!(warnings.len(), 1);
    assert!(
        warnings[0].contains("1 recent articles name no language"),
        "{}",
        warnings[0]
    );
}

// ------------------------------------------------------- robots.txt, and all

#[test]
fn robots_txt_allows_everything_and_names_both_sitemaps() {
    let files = crawler_files(
        &config_with_site(Some("https://example.co.il")),
        &three_runs(),
        now(),
    );
    let names: Vec<&str> = files.files.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(names, ["sitemap.xml", "news-sitemap.xml", "robots.txt"]);
    assert_eq!(
        files.files[2].1,
        "# Written by mivzak-render on every run: edits here are overwritten.\n\
         User-agent: *\n\
         Allow: /\n\
         \n\
         Sitemap: https://example.co.il/sitemap.xml\n\
         Sitemap: https://example.co.il/news-sitemap.xml\n"
    );
    // The undated item's warning only.
    assert_eq!(files.warnings.len(), 1, "{:?}", files.warnings);
}

#[test]
fn without_site_url_only_robots_txt_is_written_with_a_warning() {
    for config in [config_with_site(None), config_with_site(Some("not a url"))] {
        let files = crawler_files(&config, &three_runs(), now());
        assert_eq!(
            files.files,
            vec![(
                "robots.txt".to_owned(),
                "# Written by mivzak-render on every run: edits here are overwritten.\n\
                 User-agent: *\n\
                 Allow: /\n"
                    .to_owned()
            )]
        );
        assert_eq!(files.warnings.len(), 1);
        assert!(
            files.warnings[0].contains("sitemap.xml and news-sitemap.xml"),
            "{}",
            files.warnings[0]
        );
    }
    assert!(
        crawler_files(&config_with_site(None), &Manifest::default(), now()).warnings[0]
            .starts_with("config.json has no site_url")
    );
}

#[test]
fn a_site_below_its_hosts_root_is_warned_that_robots_txt_is_not_read_there() {
    let files = crawler_files(
        &config_with_site(Some("https://example.co.il/news/")),
        &Manifest::default(),
        now(),
    );
    assert!(files.files[2]
        .1
        .contains("Sitemap: https://example.co.il/news/sitemap.xml\n"));
    assert_eq!(files.warnings.len(), 1);
    assert!(files.warnings[0].starts_with("site_url is below its host's root (/news/)"));
}

#[test]
fn robots_txt_never_takes_a_line_break_from_a_url() {
    let robots = robots_txt(&["https://a.example/s.xml\nDisallow: /".to_owned()]);
    assert!(!robots.contains("Disallow"));
}

#[test]
fn an_empty_manifest_still_gives_a_sitemap_with_the_home_and_statement_pages_and_an_empty_news_sitemap(
) {
    let files = crawler_files(
        &config_with_site(Some("https://example.co.il/")),
        &Manifest::default(),
        now(),
    );
    assert_eq!(
        files.files[0].1,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n\
         <url><loc>https://example.co.il/</loc></url>\n\
         <url><loc>https://example.co.il/accessibility/</loc></url>\n\
         </urlset>\n"
    );
    assert_eq!(files.files[1].1.matches("<url>").count(), 0);
    assert!(files.files[1].1.ends_with("</urlset>\n"));
    assert_eq!(files.warnings, Vec::<String>::new());
}

#[test]
fn xml_text_is_escaped_and_what_xml_cannot_hold_is_dropped() {
    assert_eq!(
        xml_escape("a&b<c>d\"e'f &amp; </script>"),
        "a&amp;b&lt;c&gt;d&quot;e&apos;f &amp;amp; &lt;/script&gt;"
    );
    assert_eq!(xml_escape("a\u{0}b\u{1B}c\u{FFFF}d\te\nf"), "abcd\te\nf");
    assert_eq!(xml_escape("שלג בחרמון 🚀"), "שלג בחרמון 🚀");
    let long = "&".repeat(100_000);
    assert_eq!(xml_escape(&long).len(), 500_000);
}

#[test]
fn w3c_datetimes_are_utc_to_the_second() {
    assert_eq!(w3c_datetime(now()).as_deref(), Some("2025-03-10T12:00:00Z"));
    assert_eq!(
        w3c_datetime(now() + 999).as_deref(),
        Some("2025-03-10T12:00:00Z")
    );
    assert_eq!(w3c_datetime(-1).as_deref(), Some("1969-12-31T23:59:59Z"));
    assert_eq!(
        w3c_datetime(parse_date_ms("0001-01-01T00:00:00Z").unwrap()).as_deref(),
        Some("0001-01-01T00:00:00Z")
    );
    assert_eq!(
        w3c_datetime(parse_date_ms("9999-12-31T23:59:59Z").unwrap() + 1000),
        None
    );
    assert_eq!(w3c_datetime(i64::MIN), None);
}
