//! JSON Feed 1.1 (and 1.0) parsing and validation, item by item, and the rules
//! the RSS and Atom reader (`xml.rs`) shares: the headline of an item without a
//! title, authors credited once, the order.
//!
//! A bad item is skipped and counted, never the whole feed; only a document that is
//! not a JSON Feed at all, or one past the limits, is an error.

use serde_json::{Map, Value};

use super::model::{Article, Attachment, Author, Feed};
use super::plain_text::{one_line, photo_title, plain_text, text_for_title};
use super::FeedError;
use crate::time::{sort_dated_newest_first, FeedTime};

/// Past these a feed is refused with its reason rather than freezing the reader's phone.
pub const MAX_DOCUMENT_BYTES: usize = 10 * 1024 * 1024;
pub const MAX_ITEMS: usize = 10_000;
/// A body longer than this (in characters) drops its item.
pub const MAX_BODY_CHARS: usize = 500_000;
/// A document of `bytes` within [`MAX_DOCUMENT_BYTES`], or why not; every format's.
pub fn document_within_limit(bytes: usize) -> Result<(), FeedError> {
    if bytes > MAX_DOCUMENT_BYTES {
        return Err(FeedError::TooLarge(format!(
            "the document is {bytes} bytes, more than {MAX_DOCUMENT_BYTES}"
        )));
    }
    Ok(())
}

/// A feed of `items` within [`MAX_ITEMS`], or why not; every format's.
pub fn items_within_limit(items: usize) -> Result<(), FeedError> {
    if items > MAX_ITEMS {
        return Err(FeedError::TooLarge(format!(
            "the feed has {items} items, more than {MAX_ITEMS}"
        )));
    }
    Ok(())
}

/// A body within [`MAX_BODY_CHARS`], or why not ("N characters, more than …"),
/// for the item's line in the console; every format's.
pub fn body_within_limit(body: &str) -> Result<(), String> {
    let chars = body.chars().count();
    if chars > MAX_BODY_CHARS {
        return Err(format!("{chars} characters, more than {MAX_BODY_CHARS}"));
    }
    Ok(())
}

/// How much of the text stands in for a missing title.
const TITLE_FROM_TEXT_CHARS: usize = 80;

/// Parses a JSON Feed document whose dates without a zone are UTC (tests, and
/// callers with no site): [`parse_json_feed`] with [`FeedTime::utc`].
pub fn parse_feed(text: &str) -> Result<Feed, FeedError> {
    parse_json_feed(text, &FeedTime::utc())
}

/// Parses a JSON Feed document, reading its dates by `time` (the feed's zone for
/// dates without one, and whether zone labels are trusted: `time::feed_date`).
/// Errors: `TooLarge`, `NotJson`, `NotAFeed` (no `version` naming jsonfeed.org,
/// no `items` array).
pub fn parse_json_feed(text: &str, time: &FeedTime) -> Result<Feed, FeedError> {
    document_within_limit(text.len())?;
    let value: Value = serde_json::from_str(text).map_err(|e| FeedError::NotJson(e.to_string()))?;
    let Value::Object(mut top) = value else {
        return Err(FeedError::NotAFeed(
            "the document is not a JSON object".into(),
        ));
    };
    let version = match top.get("version") {
        // `http://` too: 1.0's own examples and many real feeds write it.
        Some(Value::String(v))
            if v.starts_with("https://jsonfeed.org/version/")
                || v.starts_with("http://jsonfeed.org/version/") =>
        {
            v.clone()
        }
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
    items_within_limit(items.len())?;

    let mut feed = Feed {
        version,
        title: line(&top, "title").unwrap_or_default(),
        home_page_url: string(&top, "home_page_url"),
        feed_url: string(&top, "feed_url"),
        description: string(&top, "description"),
        icon: string(&top, "icon"),
        favicon: string(&top, "favicon"),
        authors: authors_of(&top),
        language: string(&top, "language"),
        next_url: string(&top, "next_url"),
        items: Vec::with_capacity(items.len()),
        skipped: Vec::new(),
    };
    let mut seen = std::collections::HashSet::new();
    for (index, item) in items.into_iter().enumerate() {
        match parse_item(item, feed.language.as_deref(), &feed.authors, time) {
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

fn parse_item(
    item: Value,
    feed_language: Option<&str>,
    feed_authors: &[Author],
    time: &FeedTime,
) -> Result<Article, String> {
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
            body_within_limit(body).map_err(|why| format!("id {id:?}: {name} has {why}"))?;
        }
    }
    let summary = string(&item, "summary");
    let (title, title_from_text) = headline(
        line(&item, "title"),
        content_text.as_deref(),
        summary.as_deref(),
        content_html.as_deref(),
    );
    let summary = summary
        .map(|s| plain_text(&s).trim().to_owned())
        .filter(|s| !s.is_empty());
    if title.is_empty() {
        return Err(format!("id {id:?}: no title and no text"));
    }
    let mut authors = authors_of(&item);
    if authors.is_empty() {
        // JSON Feed 1.1 §"authors": an item without its own takes the feed's.
        authors = feed_authors.to_vec();
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
        image_in_body: false,
        image_size: None,
        banner_image: string(&item, "banner_image"),
        published_ms: date(&item, "date_published", time),
        modified_ms: date(&item, "date_modified", time),
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
        marked_urgent: super::urgency::marked_urgent(item.get(super::urgency::EXTENSION)),
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

/// A date in one of the forms `time` reads; one that does not parse is
/// treated as absent, not as a reason to drop the item.
fn date(object: &Map<String, Value>, key: &str, time: &FeedTime) -> Option<i64> {
    object
        .get(key)
        .and_then(Value::as_str)
        .and_then(|text| time.instant_ms(text))
}

/// The `authors` of a feed or an item (JSON Feed 1.1), else 1.0's single
/// `author`, each credited once.
fn authors_of(object: &Map<String, Value>) -> Vec<Author> {
    let mut found: Vec<Author> = object
        .get("authors")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(Value::as_object)
                .filter_map(author_from)
                .collect()
        })
        .unwrap_or_default();
    if found.is_empty() {
        if let Some(Value::Object(author)) = object.get("author") {
            found.extend(author_from(author));
        }
    }
    unique_authors(found)
}

/// `authors` with each person once: a later entry with the same name (compared
/// without case and outer space), or without a name the same URL, is dropped;
/// its URL or avatar fill what the first one lacks.
pub fn unique_authors(authors: Vec<Author>) -> Vec<Author> {
    let key = |a: &Author| match (&a.name, &a.url) {
        (Some(name), _) => format!("n:{}", name.trim().to_lowercase()),
        (None, Some(url)) => format!("u:{}", url.trim()),
        (None, None) => format!("a:{}", a.avatar.as_deref().unwrap_or_default()),
    };
    let mut kept: Vec<Author> = Vec::with_capacity(authors.len());
    for author in authors {
        match kept.iter_mut().find(|k| key(k) == key(&author)) {
            Some(first) => {
                first.url = first.url.take().or(author.url);
                first.avatar = first.avatar.take().or(author.avatar);
            }
            None => kept.push(author),
        }
    }
    kept
}

/// An item's headline and whether it was made up: its `title` (already plain
/// text on one line) when there is one; else the first 80 characters of its
/// text, summary or HTML body as plain text; else a photo post's alt text.
pub fn headline(
    title: Option<String>,
    content_text: Option<&str>,
    summary: Option<&str>,
    content_html: Option<&str>,
) -> (String, bool) {
    // A title of spaces or invisible marks only (`&#8203;`, an RLM) is none.
    let title = title.filter(|t| super::plain_text::has_visible_text(t));
    match title {
        Some(title) => (title, false),
        None => {
            let text = [content_text, summary, content_html]
                .into_iter()
                .flatten()
                .map(text_for_title)
                .find(|text| !text.is_empty())
                .or_else(|| content_html.and_then(photo_title))
                .unwrap_or_default();
            (start_of(&text, TITLE_FROM_TEXT_CHARS), true)
        }
    }
}

fn author_from(object: &Map<String, Value>) -> Option<Author> {
    let author = Author {
        name: line(object, "name"),
        url: string(object, "url"),
        avatar: string(object, "avatar"),
    };
    (author != Author::default()).then_some(author)
}

/// An attachment with a URL a reader can follow: not blank, not only a
/// fragment, and http(s) when it names a scheme (a relative URL resolves against
/// the item's base later). Anything else was shown as a nameless link back to
/// the article.
fn attachment(value: &Value) -> Option<Attachment> {
    let object = value.as_object()?;
    let url = string(object, "url")
        .map(|url| url.trim().to_owned())
        .filter(|url| is_followable(url))?;
    Some(Attachment {
        url,
        mime_type: string(object, "mime_type")?,
        title: line(object, "title"),
        size_in_bytes: object.get("size_in_bytes").and_then(Value::as_u64),
        duration_in_seconds: object.get("duration_in_seconds").and_then(Value::as_f64),
    })
}

/// Whether a URL as a feed wrote it can be followed: not blank, not only a
/// fragment or query of the page it is on, and http(s) when it has a scheme.
pub fn is_followable(url: &str) -> bool {
    if url.is_empty() || url.starts_with('#') || url.starts_with('?') {
        return false;
    }
    let scheme = url
        .split_once(':')
        .map(|(scheme, _)| scheme)
        .filter(|scheme| {
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        });
    scheme.is_none_or(|_| super::base::is_http(url))
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
