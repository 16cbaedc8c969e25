//! JSON Feed 1.1 (and 1.0) parsing and validation, item by item.
//!
//! A bad item is skipped and counted, never the whole feed; only a document that is
//! not a JSON Feed at all, or one past the limits, is an error.

use serde_json::{Map, Value};

use super::model::{Article, Attachment, Author, Feed};
use super::plain_text::{one_line, photo_title, plain_text, text_for_title};
use super::FeedError;
use crate::time::{parse_date_ms, sort_dated_newest_first};

/// Past these a feed is refused with its reason rather than freezing the reader's phone.
pub const MAX_DOCUMENT_BYTES: usize = 10 * 1024 * 1024;
pub const MAX_ITEMS: usize = 10_000;
/// A body longer than this (in characters) drops its item.
pub const MAX_BODY_CHARS: usize = 500_000;
/// How much of the text stands in for a missing title.
const TITLE_FROM_TEXT_CHARS: usize = 80;

/// Parses a feed document.
pub fn parse_feed(text: &str) -> Result<Feed, FeedError> {
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(FeedError::TooLarge(format!(
            "the document is {} bytes, more than {MAX_DOCUMENT_BYTES}",
            text.len()
        )));
    }
    let value: Value = serde_json::from_str(text).map_err(|e| FeedError::NotJson(e.to_string()))?;
    let Value::Object(mut top) = value else {
        return Err(FeedError::NotAFeed(
            "the document is not a JSON object".into(),
        ));
    };
    let version = match top.get("version") {
        Some(Value::String(v)) if v.starts_with("https://jsonfeed.org/version/") => v.clone(),
        Some(Value::String(v)) => {
            return Err(FeedError::NotAFeed(format!("unknown version {v:?}")));
        }
        Some(_) => return Err(FeedError::NotAFeed("version is not a string".into())),
        None => return Err(FeedError::NotAFeed("version is missing".into())),
    };
    let items = match top.remove("items") {
        Some(Value::Array(items)) => items,
        Some(_) => return Err(FeedError::NotAFeed("items is not an array".into())),
        None => return Err(FeedError::NotAFeed("items is missing".into())),
    };
    if items.len() > MAX_ITEMS {
        return Err(FeedError::TooLarge(format!(
            "the feed has {} items, more than {MAX_ITEMS}",
            items.len()
        )));
    }

    let mut feed = Feed {
        version,
        title: line(&top, "title").unwrap_or_default(),
        home_page_url: string(&top, "home_page_url"),
        feed_url: string(&top, "feed_url"),
        description: string(&top, "description"),
        icon: string(&top, "icon"),
        favicon: string(&top, "favicon"),
        authors: authors(&top),
        language: string(&top, "language"),
        next_url: string(&top, "next_url"),
        items: Vec::with_capacity(items.len()),
        skipped: Vec::new(),
    };
    let mut seen = std::collections::HashSet::new();
    for (index, item) in items.into_iter().enumerate() {
        match parse_item(item, feed.language.as_deref()) {
            Ok(article) if !seen.insert(article.id.clone()) => feed
                .skipped
                .push(format!("item {index}: duplicate id {:?}", article.id)),
            Ok(article) => feed.items.push(article),
            Err(reason) => feed.skipped.push(format!("item {index}: {reason}")),
        }
    }
    sort_newest_first(&mut feed.items);
    Ok(feed)
}

/// Newest first by `date_published`; an item whose date is missing or unreadable
/// keeps its place in feed order ([`sort_dated_newest_first`]).
pub fn sort_newest_first(items: &mut Vec<Article>) {
    sort_dated_newest_first(items, |a| a.published_ms);
}

fn parse_item(item: Value, feed_language: Option<&str>) -> Result<Article, String> {
    let Value::Object(item) = item else {
        return Err("not an object".into());
    };
    let id = match item.get("id") {
        Some(Value::String(id)) if !id.trim().is_empty() => id.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::String(_)) => return Err("empty id".into()),
        Some(_) => return Err("id is neither a string nor a number".into()),
        None => return Err("no id".into()),
    };
    let content_html = string(&item, "content_html");
    let content_text = string(&item, "content_text");
    for (name, body) in [
        ("content_html", &content_html),
        ("content_text", &content_text),
    ] {
        if let Some(body) = body {
            let chars = body.chars().count();
            if chars > MAX_BODY_CHARS {
                return Err(format!(
                    "id {id:?}: {name} has {chars} characters, more than {MAX_BODY_CHARS}"
                ));
            }
        }
    }
    let summary = string(&item, "summary");
    let (title, title_from_text) = match line(&item, "title") {
        Some(title) => (title, false),
        None => {
            let text = [&content_text, &summary, &content_html]
                .into_iter()
                .flatten()
                .map(|source| text_for_title(source))
                .find(|text| !text.is_empty())
                .or_else(|| content_html.as_deref().and_then(photo_title))
                .unwrap_or_default();
            (start_of(&text, TITLE_FROM_TEXT_CHARS), true)
        }
    };
    let summary = summary
        .map(|s| plain_text(&s).trim().to_owned())
        .filter(|s| !s.is_empty());
    if title.is_empty() {
        return Err(format!("id {id:?}: no title and no text"));
    }
    let mut authors = authors(&item);
    if authors.is_empty() {
        // JSON Feed 1.0 had a single `author`.
        if let Some(Value::Object(author)) = item.get("author") {
            authors.extend(author_from(author));
        }
    }
    Ok(Article {
        url: string(&item, "url"),
        external_url: string(&item, "external_url"),
        title,
        title_from_text,
        content_html,
        content_text,
        summary,
        image: string(&item, "image"),
        banner_image: string(&item, "banner_image"),
        published_ms: date(&item, "date_published"),
        modified_ms: date(&item, "date_modified"),
        authors,
        tags: item
            .get("tags")
            .and_then(Value::as_array)
            .map(|tags| {
                tags.iter()
                    .filter_map(Value::as_str)
                    .map(one_line)
                    .filter(|t| !t.is_empty())
                    .collect()
            })
            .unwrap_or_default(),
        language: string(&item, "language"),
        feed_language: feed_language.map(str::to_owned),
        attachments: item
            .get("attachments")
            .and_then(Value::as_array)
            .map(|list| list.iter().filter_map(attachment).collect())
            .unwrap_or_default(),
        id,
    })
}

fn string(object: &Map<String, Value>, key: &str) -> Option<String> {
    object.get(key).and_then(Value::as_str).map(str::to_owned)
}

/// A plain-text field on one line (`plain_text.rs`), absent when nothing is left.
fn line(object: &Map<String, Value>, key: &str) -> Option<String> {
    object
        .get(key)
        .and_then(Value::as_str)
        .map(one_line)
        .filter(|text| !text.is_empty())
}

/// A date in one of the forms [`parse_date_ms`] reads; one that does not parse is
/// treated as absent, not as a reason to drop the item.
fn date(object: &Map<String, Value>, key: &str) -> Option<i64> {
    object
        .get(key)
        .and_then(Value::as_str)
        .and_then(parse_date_ms)
}

fn authors(object: &Map<String, Value>) -> Vec<Author> {
    object
        .get("authors")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(Value::as_object)
                .filter_map(author_from)
                .collect()
        })
        .unwrap_or_default()
}

fn author_from(object: &Map<String, Value>) -> Option<Author> {
    let author = Author {
        name: line(object, "name"),
        url: string(object, "url"),
        avatar: string(object, "avatar"),
    };
    (author != Author::default()).then_some(author)
}

fn attachment(value: &Value) -> Option<Attachment> {
    let object = value.as_object()?;
    Some(Attachment {
        url: string(object, "url")?,
        mime_type: string(object, "mime_type")?,
        title: line(object, "title"),
        size_in_bytes: object.get("size_in_bytes").and_then(Value::as_u64),
        duration_in_seconds: object.get("duration_in_seconds").and_then(Value::as_f64),
    })
}

/// The first `max` characters of `text` on a word boundary, with an ellipsis when cut.
pub fn start_of(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let cut: String = text.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(space) if space > max / 2 => &cut[..space],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end())
}
