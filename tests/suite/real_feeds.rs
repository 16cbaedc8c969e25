//! The real-world corpus (`tests/fixtures/real-feeds/`): feeds written the way
//! WordPress, Ghost, Hugo, Jekyll, Eleventy, micro.blog, a Mastodon bridge and a
//! newsroom CMS write them, each parsed and held to its expectations in
//! `expected.json` (the same file `tests/e2e/specs/real-feeds.spec.js` reads).
//!
//! Every check lists all the items that fail it, so one run shows the whole
//! picture across the corpus.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use mivzak::feed::{parse_feed, Article, Feed};
use serde::Deserialize;

/// What one corpus feed must look like once parsed; see the corpus README.
#[derive(Deserialize)]
struct Expected {
    generator: String,
    /// The language its headlines are in when the items say nothing.
    language: Option<String>,
    /// In display order.
    items: Vec<ExpectedItem>,
}

#[derive(Deserialize)]
struct ExpectedItem {
    id: String,
    /// "HH:MM" in Asia/Jerusalem, or null when the feed's date cannot be read.
    time: Option<String>,
    title: Option<String>,
    title_starts: Option<String>,
    language: Option<String>,
    summary: Option<String>,
    authors: Option<Vec<String>>,
    tags: Option<Vec<String>>,
    attachments: Option<Vec<String>>,
}

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real-feeds")
}

fn expectations() -> BTreeMap<String, Expected> {
    let text = std::fs::read_to_string(corpus_dir().join("expected.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// Every corpus feed, parsed, beside its expectations.
fn corpus() -> Vec<(String, Feed, Expected)> {
    expectations()
        .into_iter()
        .map(|(name, expected)| {
            let text = std::fs::read_to_string(corpus_dir().join(&name))
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            let feed = parse_feed(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
            (name, feed, expected)
        })
        .collect()
}

/// An id as a person reads it in a failure: percent-decoded, its end if long.
fn label(id: &str) -> String {
    let bytes = id.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(byte)) => {
                decoded.push(byte);
                i += 3;
            }
            (byte, _) => {
                decoded.push(byte);
                i += 1;
            }
        }
    }
    let text: Vec<char> = String::from_utf8_lossy(&decoded).chars().collect();
    let start = text.len().saturating_sub(48);
    let shown: String = text[start..].iter().collect();
    if start > 0 {
        format!("{:?}", format!("…{shown}"))
    } else {
        format!("{shown:?}")
    }
}

fn find<'a>(feed: &'a Feed, id: &str) -> Option<&'a Article> {
    feed.items.iter().find(|a| a.id == id)
}

fn assert_none(problems: Vec<String>, what: &str) {
    assert!(
        problems.is_empty(),
        "{what}: {} problem(s)\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// What in `text` would show as raw markup: a tag, an entity, or a Markdown link.
fn raw_markup(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied().unwrap_or(' ');
        if c == '<' && (next.is_ascii_alphabetic() || next == '/' || next == '!') {
            return Some(format!("a tag at {:?}", tail(&chars, i)));
        }
        if c == '&' {
            let name: String = chars[i + 1..]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
                .collect();
            let closed = chars.get(i + 1 + name.chars().count()) == Some(&';');
            if closed && !name.is_empty() {
                return Some(format!("an entity at {:?}", tail(&chars, i)));
            }
        }
    }
    text.contains("](")
        .then(|| format!("a Markdown link in {text:?}"))
}

fn tail(chars: &[char], at: usize) -> String {
    chars[at..].iter().take(16).collect()
}

/// Whitespace as a reader sees it: runs (no-break spaces too) read as one space.
fn normalized(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "HH:MM" in Asia/Jerusalem. The corpus sits in the winter of 2024–25, when
/// Israel keeps UTC+2 with no daylight saving, so the offset is fixed here.
fn jerusalem_clock(ms: i64) -> Result<String, String> {
    // 2024-10-27T00:00Z to 2025-03-28T00:00Z, a little inside Israel's winter time.
    let winter = 1_729_987_200_000..1_743_120_000_000;
    if !winter.contains(&ms) {
        return Err(format!("{ms} ms is outside the corpus' winter"));
    }
    let minutes = (ms.div_euclid(60_000) + 120).rem_euclid(24 * 60);
    Ok(format!("{:02}:{:02}", minutes / 60, minutes % 60))
}

#[test]
fn the_corpus_has_eight_generators_three_in_hebrew_each_with_expectations() {
    let expected = expectations();
    let on_disk: BTreeSet<String> = std::fs::read_dir(corpus_dir())
        .unwrap()
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".json") && name != "expected.json")
        .collect();
    let listed: BTreeSet<String> = expected.keys().cloned().collect();
    assert_eq!(on_disk, listed, "every corpus feed needs its expectations");
    assert!(expected.len() >= 8, "{} feeds", expected.len());
    let hebrew = expected
        .values()
        .filter(|e| e.language.as_deref() == Some("he"))
        .count();
    assert!(hebrew >= 3, "{hebrew} Hebrew feeds");
    for (name, e) in &expected {
        assert!(!e.generator.is_empty(), "{name} names its generator");
        let ids: BTreeSet<&str> = e.items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids.len(), e.items.len(), "{name} lists an id twice");
        for item in &e.items {
            assert!(
                item.title.is_none() || item.title_starts.is_none(),
                "{name} {}: title or title_starts, not both",
                item.id
            );
        }
    }
}

#[test]
fn every_item_of_every_feed_is_kept() {
    let mut problems = Vec::new();
    for (name, feed, expected) in corpus() {
        for reason in &feed.skipped {
            problems.push(format!("{name}: skipped {reason}"));
        }
        for item in &expected.items {
            if find(&feed, &item.id).is_none() {
                problems.push(format!("{name}: no item {}", label(&item.id)));
            }
        }
        for article in &feed.items {
            if !expected.items.iter().any(|i| i.id == article.id) {
                problems.push(format!("{name}: unexpected item {}", label(&article.id)));
            }
        }
    }
    assert_none(problems, "items lost or invented");
}

#[test]
fn items_come_newest_first_and_undated_ones_keep_their_place() {
    let mut problems = Vec::new();
    for (name, feed, expected) in corpus() {
        let got: Vec<&str> = feed.items.iter().map(|a| a.id.as_str()).collect();
        let want: Vec<&str> = expected.items.iter().map(|i| i.id.as_str()).collect();
        if got != want {
            let got: Vec<String> = got.iter().map(|id| label(id)).collect();
            let want: Vec<String> = want.iter().map(|id| label(id)).collect();
            problems.push(format!(
                "{name}:\n  got  {}\n  want {}",
                got.join(", "),
                want.join(", ")
            ));
        }
    }
    assert_none(problems, "display order");
}

#[test]
fn every_readable_date_gives_its_time_in_jerusalem() {
    let mut problems = Vec::new();
    for (name, feed, expected) in corpus() {
        for item in &expected.items {
            let Some(article) = find(&feed, &item.id) else {
                continue;
            };
            let got = article.published_ms.map(jerusalem_clock).transpose();
            match (got, &item.time) {
                (Ok(got), want) if got.as_ref() == want.as_ref() => {}
                (Ok(got), want) => problems.push(format!(
                    "{name} {}: time {got:?}, want {want:?}",
                    label(&item.id)
                )),
                (Err(e), _) => problems.push(format!("{name} {}: {e}", label(&item.id))),
            }
        }
    }
    assert_none(problems, "times");
}

#[test]
fn every_title_is_plain_text_and_reads_as_expected() {
    let mut problems = Vec::new();
    for (name, feed, expected) in corpus() {
        for item in &expected.items {
            let Some(article) = find(&feed, &item.id) else {
                continue;
            };
            let title = normalized(&article.title);
            if title.is_empty() {
                problems.push(format!("{name} {}: empty title", label(&item.id)));
            }
            if let Some(markup) = raw_markup(&title) {
                problems.push(format!("{name} {}: title has {markup}", label(&item.id)));
            }
            if let Some(want) = &item.title {
                if title != normalized(want) {
                    problems.push(format!(
                        "{name} {}:\n  title {title:?}\n  want  {want:?}",
                        label(&item.id)
                    ));
                }
            }
            if let Some(start) = &item.title_starts {
                if !title.starts_with(&normalized(start)) {
                    problems.push(format!(
                        "{name} {}:\n  title {title:?}\n  should start {start:?}",
                        label(&item.id)
                    ));
                }
            }
        }
    }
    assert_none(problems, "titles");
}

#[test]
fn summaries_names_tags_and_attachment_titles_are_plain_text() {
    let mut problems = Vec::new();
    for (name, feed, expected) in corpus() {
        for article in &feed.items {
            let texts = article
                .summary
                .iter()
                .map(|s| ("summary", s.as_str()))
                .chain(
                    article
                        .authors
                        .iter()
                        .filter_map(|a| a.name.as_deref())
                        .map(|n| ("author", n)),
                )
                .chain(article.tags.iter().map(|t| ("tag", t.as_str())))
                .chain(
                    article
                        .attachments
                        .iter()
                        .filter_map(|a| a.title.as_deref())
                        .map(|t| ("attachment", t)),
                );
            for (field, text) in texts {
                if let Some(markup) = raw_markup(text) {
                    problems.push(format!(
                        "{name} {}: {field} has {markup}",
                        label(&article.id)
                    ));
                }
            }
        }
        for item in &expected.items {
            let Some(article) = find(&feed, &item.id) else {
                continue;
            };
            let mut compare = |field: &str, got: Vec<String>, want: &Option<Vec<String>>| {
                if let Some(want) = want {
                    let want: Vec<String> = want.iter().map(|w| normalized(w)).collect();
                    let got: Vec<String> = got.iter().map(|g| normalized(g)).collect();
                    if got != want {
                        problems.push(format!(
                            "{name} {}: {field} {got:?}, want {want:?}",
                            label(&item.id)
                        ));
                    }
                }
            };
            compare(
                "summary",
                article.summary.iter().cloned().collect(),
                &item.summary.clone().map(|s| vec![s]),
            );
            compare(
                "authors",
                article
                    .authors
                    .iter()
                    .filter_map(|a| a.name.clone())
                    .collect(),
                &item.authors,
            );
            compare("tags", article.tags.clone(), &item.tags);
            compare(
                "attachments",
                article
                    .attachments
                    .iter()
                    .filter_map(|a| a.title.clone())
                    .collect(),
                &item.attachments,
            );
        }
    }
    assert_none(problems, "summaries, names, tags, attachment titles");
}

#[test]
fn an_item_that_names_its_language_keeps_it() {
    let mut problems = Vec::new();
    for (name, feed, expected) in corpus() {
        for item in expected.items.iter().filter(|i| i.language.is_some()) {
            let Some(article) = find(&feed, &item.id) else {
                continue;
            };
            if article.language != item.language {
                problems.push(format!(
                    "{name} {}: language {:?}, want {:?}",
                    label(&item.id),
                    article.language,
                    item.language
                ));
            }
        }
    }
    assert_none(problems, "item languages");
}

#[test]
fn the_markup_check_catches_what_a_reader_should_never_see() {
    assert!(raw_markup("<b>בלעדי:</b> כותרת").is_some());
    assert!(raw_markup("הפועל &amp; מכבי").is_some());
    assert!(raw_markup("ג&#8217;חנון").is_some());
    assert!(raw_markup("It&#x27;s").is_some());
    assert!(raw_markup("read [the draft](https://spec.example/draft)").is_some());
    assert!(raw_markup("RTL <> LTR, C++ & Rust, 50% · 2 < 3").is_none());
    // 2024-12-27T12:02:00Z
    assert_eq!(jerusalem_clock(1_735_300_920_000), Ok("14:02".into()));
}
