//! The newsroom corpus (tests/fixtures/xml-feeds/): feeds written the way ynet,
//! Walla, Maariv, Rotter, 0404, Hebrew WordPress sites and other generators write
//! them, in their encodings, served with the Content-Types newsrooms send. Each
//! must read as `expected.json` says (shared with the browser's
//! tests/e2e/specs/xml-feeds.spec.js).

use std::path::PathBuf;

use mivzak::feed::base::item_base;
use mivzak::feed::read::{read_feed, DateRules};
use mivzak::time::{format_clock, TimeLabels};
use serde_json::Value;

fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/xml-feeds")
}

fn expected() -> serde_json::Map<String, Value> {
    let text = std::fs::read_to_string(corpus().join("expected.json")).unwrap();
    serde_json::from_str::<Value>(&text)
        .unwrap()
        .as_object()
        .unwrap()
        .clone()
}

fn text<'a>(value: &'a Value, key: &str) -> Option<&'a str> {
    value.get(key).and_then(Value::as_str)
}

#[test]
fn every_corpus_feed_reads_as_expected() {
    let expected = expected();
    assert!(
        expected.len() >= 12,
        "the corpus has {} feeds",
        expected.len()
    );
    let mut failures = Vec::new();
    for (name, want) in &expected {
        let bytes = std::fs::read(corpus().join(name)).unwrap();
        let labels = match text(want, "feed_time_labels") {
            Some("local") => TimeLabels::Local,
            _ => TimeLabels::Trust,
        };
        let rules = DateRules {
            zone: "Asia/Jerusalem".into(),
            labels,
        };
        let feed = match read_feed(&bytes, text(want, "content_type"), &rules) {
            Ok(feed) => feed,
            Err(error) => {
                failures.push(format!("{name}: {error}"));
                continue;
            }
        };
        let mut check = |what: &str, ok: bool, detail: String| {
            if !ok {
                failures.push(format!("{name}: {what}: {detail}"));
            }
        };
        if let Some(count) = want.get("items").and_then(Value::as_u64) {
            check(
                "items",
                feed.items.len() as u64 == count,
                format!("{} items", feed.items.len()),
            );
        }
        if let Some(title) = text(want, "title") {
            check(
                "feed title",
                feed.title == title,
                format!("{:?}", feed.title),
            );
        }
        // The language as written (`he-IL`), compared by its primary subtag.
        let primary = |tag: Option<&str>| {
            tag.map(|t| {
                t.split(['-', '_'])
                    .next()
                    .unwrap_or_default()
                    .to_ascii_lowercase()
            })
        };
        if let Some(language) = want.get("language") {
            check(
                "language",
                primary(feed.language.as_deref()) == primary(language.as_str()),
                format!("{:?}", feed.language),
            );
        }
        let ids: std::collections::HashSet<&str> =
            feed.items.iter().map(|i| i.id.as_str()).collect();
        check(
            "unique ids",
            ids.len() == feed.items.len(),
            format!("{} ids", ids.len()),
        );
        for item in &feed.items {
            check("title", !item.title.is_empty(), item.id.clone());
            check(
                "no markup in titles",
                !item.title.contains('<') || item.title.contains("< "),
                item.title.clone(),
            );
        }
        // Read twice, the ids are the same (reconcile keeps each row).
        let again = read_feed(&bytes, text(want, "content_type"), &rules).unwrap();
        check(
            "stable ids",
            again
                .items
                .iter()
                .map(|i| &i.id)
                .eq(feed.items.iter().map(|i| &i.id)),
            String::new(),
        );
        if let Some(order) = want.get("order").and_then(Value::as_array) {
            let want: Vec<&str> = order.iter().filter_map(Value::as_str).collect();
            let shown: Vec<&str> = feed
                .items
                .iter()
                .map(|i| i.id.as_str())
                .take(want.len())
                .collect();
            check("order", shown == want, format!("{shown:?}"));
        }
        let served = text(want, "url").unwrap_or("https://feed.example/feed.xml");
        let resolve = |item: &mivzak::feed::Article, url: Option<&str>| {
            let base = item_base(
                item.url.as_deref(),
                feed.home_page_url.as_deref(),
                served,
                |u, b| url::Url::parse(b).ok()?.join(u).ok().map(String::from),
            );
            url.and_then(|u| url::Url::parse(&base).ok()?.join(u).ok().map(String::from))
        };
        for other in want
            .get("also")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let Some(id) = text(other, "id") else {
                continue;
            };
            let Some(item) = feed.items.iter().find(|i| i.id == id) else {
                check("also", false, format!("no item {id:?}"));
                continue;
            };
            if let Some(title) = text(other, "title") {
                check(
                    "also title",
                    item.title == title,
                    format!("{id}: {:?}", item.title),
                );
            }
            if let Some(hhmm) = text(other, "hhmm_jerusalem") {
                let shown = item
                    .published_ms
                    .map(|ms| format_clock(ms, "Asia/Jerusalem"));
                check(
                    "also HH:MM",
                    shown.as_deref() == Some(hhmm),
                    format!("{id}: {shown:?}"),
                );
            }
            if let Some(image) = other.get("image") {
                let shown = resolve(item, item.image.as_deref());
                check(
                    "also image",
                    shown.as_deref() == image.as_str(),
                    format!("{id}: {:?}", item.image),
                );
            }
            if let Some(link) = other.get("link") {
                check(
                    "also link",
                    item.url.as_deref() == link.as_str(),
                    format!("{id}: {:?}", item.url),
                );
            }
        }
        let Some(newest_want) = want.get("newest") else {
            continue;
        };
        let Some(newest) = feed.items.first() else {
            check("newest", false, "no items".into());
            continue;
        };
        if let Some(id) = text(newest_want, "id") {
            check("newest id", newest.id == id, format!("{:?}", newest.id));
        }
        if let Some(title) = text(newest_want, "title") {
            check(
                "newest title",
                newest.title == title,
                format!("{:?}", newest.title),
            );
        }
        let hhmm_key = if labels == TimeLabels::Local {
            "hhmm_local_labels"
        } else {
            "hhmm_jerusalem"
        };
        if let Some(hhmm) = text(newest_want, hhmm_key) {
            let shown = newest
                .published_ms
                .map(|ms| format_clock(ms, "Asia/Jerusalem"));
            check(
                "newest HH:MM",
                shown.as_deref() == Some(hhmm),
                format!("{shown:?}"),
            );
        }
        if let Some(link) = newest_want.get("link") {
            check(
                "newest link",
                newest.url.as_deref() == link.as_str(),
                format!("{:?}", newest.url),
            );
        }
        if let Some(image) = newest_want.get("image") {
            // Resolved as the pages resolve it (feed/base.rs), against the URL the
            // feed is served from.
            let shown = resolve(newest, newest.image.as_deref());
            check(
                "newest image",
                shown.as_deref() == image.as_str(),
                format!("{:?}", newest.image),
            );
        }
        if let Some(authors) = newest_want.get("authors").and_then(Value::as_array) {
            let names: Vec<&str> = newest
                .authors
                .iter()
                .filter_map(|a| a.name.as_deref())
                .collect();
            let want: Vec<&str> = authors.iter().filter_map(Value::as_str).collect();
            check("newest authors", names == want, format!("{names:?}"));
        }
        if let Some(tags) = newest_want.get("tags").and_then(Value::as_array) {
            let want: Vec<&str> = tags.iter().filter_map(Value::as_str).collect();
            check(
                "newest tags",
                newest.tags == want,
                format!("{:?}", newest.tags),
            );
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
