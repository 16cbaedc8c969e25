//! `mivzak-render --feed`: the renderer warns when the feed it was given is not
//! the one the published site's app polls (config.json's `feed_url`, resolved
//! by the app's own rule), and a run prints none of Leptos's "outside a
//! reactive tracking context" warnings (issue 23, the publisher's faults a and h).

use std::fs;
use std::path::Path;
use std::process::Command;

use mivzak::publish::feed_check::{mismatch, polled_feed, PolledFeed};

fn on_site(file: &str, url: Option<&str>) -> PolledFeed {
    PolledFeed::OnSite {
        file: file.into(),
        url: url.map(Into::into),
    }
}

#[test]
fn the_polled_feed_is_resolved_as_the_browser_resolves_it() {
    assert_eq!(
        polled_feed("feed.json", None, ""),
        on_site("feed.json", None)
    );
    assert_eq!(
        polled_feed("./data/חדשות.json?v=2", Some("https://news.example"), "/he"),
        on_site(
            "data/חדשות.json",
            Some("https://news.example/he/data/%D7%97%D7%93%D7%A9%D7%95%D7%AA.json?v=2")
        )
    );
    assert_eq!(
        polled_feed(" https://CMS.Example:443/a/../feed.xml ", None, ""),
        PolledFeed::Elsewhere("https://cms.example/feed.xml".into())
    );
    // Root-relative under a sub-path: the host's root, outside the site's folder.
    assert_eq!(
        polled_feed("/feed.json", Some("https://news.example/news/"), "/news"),
        PolledFeed::Elsewhere("https://news.example/feed.json".into())
    );
    assert_eq!(
        polled_feed("//cdn.example/f.json", Some("http://news.example/"), ""),
        PolledFeed::Elsewhere("http://cdn.example/f.json".into())
    );
}

#[test]
fn a_different_feed_is_named_with_both_addresses() {
    let temp = tempfile::tempdir().unwrap();
    let dist = temp.path();
    fs::write(dist.join("feed.json"), "{\"sample\": 1}").unwrap();
    let mine = temp.path().join("cms.json");
    fs::write(&mine, "{\"mine\": 1}").unwrap();
    let mine = mine.to_str().unwrap();

    // A file of the publisher's while the app polls the sample's file.
    let polled = polled_feed("feed.json", None, "");
    let warning = mismatch(mine, "feed.json", &polled, dist).expect("a warning");
    assert!(warning.contains(&format!("--feed {mine}")), "{warning}");
    assert!(warning.contains("\"feed.json\""), "{warning}");
    assert!(!warning.contains("invalid"), "{warning}");
    // The CMS's URL while config.json still names the sample (with and without site_url).
    for site in [None, Some("https://news.example/")] {
        let polled = polled_feed("feed.json", site, "");
        let warning = mismatch("https://cms.example/feed.json", "feed.json", &polled, dist)
            .expect("a warning");
        assert!(
            warning.contains("https://cms.example/feed.json"),
            "{warning}"
        );
    }
    // A remote feed_url and another remote feed, or a local copy of it.
    let polled = polled_feed("https://cms.example/a.xml", None, "");
    assert!(mismatch("https://cms.example/b.xml", "x", &polled, dist)
        .unwrap()
        .contains("resolves to https://cms.example/a.xml"));
    assert!(mismatch(mine, "x", &polled, dist).is_some());
    // Root-relative under a sub-path without site_url: its path, never the stand-in host.
    let polled = polled_feed("/feed.json", None, "/news");
    let warning = mismatch(mine, "/feed.json", &polled, dist).unwrap();
    assert!(
        warning.contains("/feed.json on the site's own host"),
        "{warning}"
    );
    assert!(!warning.contains("invalid"), "{warning}");
}

#[test]
fn the_same_feed_by_url_path_or_bytes_is_not_warned_about() {
    let temp = tempfile::tempdir().unwrap();
    let dist = temp.path().join("site");
    fs::create_dir_all(dist.join("data")).unwrap();
    fs::write(dist.join("data/חדשות.json"), "{\"same\": 1}").unwrap();
    let copy = temp.path().join("copy.json");
    fs::write(&copy, "{\"same\": 1}").unwrap();

    let polled = polled_feed("data/חדשות.json", None, "");
    let path = dist.join("data/חדשות.json");
    assert_eq!(mismatch(path.to_str().unwrap(), "f", &polled, &dist), None);
    assert_eq!(mismatch(copy.to_str().unwrap(), "f", &polled, &dist), None);
    // The browser's spelling of the same URL: an IDN host, a default port, escapes.
    let polled = polled_feed("https://xn--7dbee7eg.example/feed.json", None, "");
    assert_eq!(
        mismatch("https://חדשות.example:443/feed.json", "f", &polled, &dist),
        None
    );
    let polled = polled_feed("feed.json", Some("https://news.example/he/"), "/he");
    assert_eq!(
        mismatch("https://news.example/he/feed.json", "f", &polled, &dist),
        None
    );
}

/// A site to render: the repo's index.html as the shell, the sample config.
fn site(dir: &Path, items: usize) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    fs::create_dir_all(dir).unwrap();
    fs::copy(root.join("index.html"), dir.join("index.html")).unwrap();
    fs::copy(root.join("public/config.json"), dir.join("config.json")).unwrap();
    fs::copy(root.join("public/feed.json"), dir.join("feed.json")).unwrap();
    let items: Vec<_> = (0..items)
        .map(|i| {
            serde_json::json!({
                "id": format!("item-{i}"),
                "title": format!("מבזק מספר {i}"),
                "content_html": format!("<p>גוף {i}</p>"),
                "date_published": format!("2025-03-10T{:02}:{:02}:00Z", i / 60 % 24, i % 60),
                "tags": [format!("תגית {}", i % 7)],
            })
        })
        .collect();
    let feed = serde_json::json!({"version": "https://jsonfeed.org/version/1.1", "title": "t", "items": items});
    fs::write(dir.join("../cms.json"), feed.to_string()).unwrap();
}

fn render(dist: &Path, feed: &Path) -> (String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_mivzak-render"))
        .args([
            "--dist",
            dist.to_str().unwrap(),
            "--feed",
            feed.to_str().unwrap(),
        ])
        .env("SOURCE_DATE_EPOCH", "1741608000")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn a_run_warns_about_the_other_feed_and_reads_no_signal_untracked() {
    let temp = tempfile::tempdir().unwrap();
    let dist = temp.path().join("site");
    site(&dist, 60);
    let (stdout, stderr) = render(&dist, &temp.path().join("cms.json"));
    assert!(stdout.contains("article/item-59/index.html"), "{stdout}");
    assert!(
        !stderr.contains("reactive tracking context"),
        "{} lines: {}",
        stderr.lines().count(),
        &stderr[..stderr.len().min(2000)]
    );
    let warnings: Vec<&str> = stderr.lines().collect();
    assert!(
        warnings
            .iter()
            .any(|line| line.contains("--feed ") && line.contains("feed_url \"feed.json\"")),
        "{stderr}"
    );
    assert!(!stderr.contains("site.invalid"), "{stderr}");
    // The site's own feed: no such warning.
    let (_, stderr) = render(&dist, &dist.join("feed.json"));
    assert!(!stderr.contains("--feed "), "{stderr}");
}
