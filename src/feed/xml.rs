//! RSS (2.0, 0.91/0.92, 1.0 RDF) and Atom 1.0 (and 0.3) into the one feed model
//! the JSON Feed reader gives, so the ticker, the pages, the embed and the
//! published site never know which format came.
//!
//! The document is read leniently into a small tree (`tree.rs`), then each format
//! has its adapter (`rss.rs`, `atom.rs`) filling an [`ItemFields`], and one rule
//! here makes an [`Article`] of it: the id, the title, the image, the limits.
//! Which element feeds which field is the README's table ("The feed").

use super::first_image::first_image;
use super::model::{Article, Attachment, Author, Feed};
use super::parse::{body_within_limit, document_within_limit, headline, items_within_limit};
use super::plain_text::{one_line, plain_text};
use super::FeedError;
use crate::paths::fnv1a_64;
use crate::time::FeedTime;

mod atom;
mod rss;
pub mod tree;

use tree::ns;

/// Parses an RSS or Atom document (already decoded: `encoding.rs`).
/// Errors: `TooLarge` past the JSON Feed reader's limits; `NotXml` for text no
/// lenient reading makes a tree of; `NotAFeed` for XML whose root is not `rss`,
/// `rdf:RDF` or `feed` (an HTML error page served in the feed's place names
/// itself).
pub fn parse_xml_feed(text: &str, time: &FeedTime) -> Result<Feed, FeedError> {
    document_within_limit(text.len())?;
    let root = tree::parse(text).map_err(FeedError::NotXml)?;
    let mut feed = match root.name.to_ascii_lowercase().as_str() {
        "rss" => rss::read(&root, time),
        "rdf" => rss::read_rdf(&root, time),
        "feed" => atom::read(&root, time),
        "html" => {
            return Err(FeedError::NotAFeed(
                "an HTML page, not a feed: the feed URL may be wrong".into(),
            ))
        }
        other => {
            return Err(FeedError::NotAFeed(format!(
                "the root element is <{other}>, not rss, rdf:RDF or feed"
            )))
        }
    }?;
    super::parse::sort_newest_first(&mut feed.items);
    Ok(feed)
}

/// An item's fields as an adapter found them, before the shared rules.
#[derive(Default)]
struct ItemFields {
    /// The format's own id: RSS `guid`, Atom `id`, RDF `rdf:about`.
    id: Option<String>,
    /// The item's page.
    link: Option<String>,
    /// As written: may hold markup or references (read as plain text here).
    title: Option<String>,
    html: Option<String>,
    text: Option<String>,
    summary: Option<String>,
    image: Option<String>,
    /// `image`'s width and height as the feed gives them (`media_image`).
    image_size: Option<(u32, u32)>,
    /// The body's first real image where the adapter knows better than the
    /// shared scan where it points (Atom's `xml:base`).
    body_image: Option<String>,
    published_ms: Option<i64>,
    modified_ms: Option<i64>,
    authors: Vec<Author>,
    tags: Vec<String>,
    language: Option<String>,
    attachments: Vec<Attachment>,
}

/// What every adapter reads at the top of the document.
struct FeedFields {
    version: &'static str,
    title: Option<String>,
    home_page_url: Option<String>,
    feed_url: Option<String>,
    description: Option<String>,
    icon: Option<String>,
    language: Option<String>,
    next_url: Option<String>,
    authors: Vec<Author>,
}

/// The feed of `fields` and `items`: ids made unique, the feed's authors given
/// to items that name none (as JSON Feed and Atom RFC 4287 §4.2.1 say), limits.
fn assemble(fields: FeedFields, items: Vec<ItemFields>) -> Result<Feed, FeedError> {
    items_within_limit(items.len())?;
    let mut feed = Feed {
        version: fields.version.to_owned(),
        title: fields.title.as_deref().map(one_line).unwrap_or_default(),
        home_page_url: fields.home_page_url,
        feed_url: fields.feed_url,
        description: fields.description.map(|d| one_line(&d)),
        icon: fields.icon,
        favicon: None,
        authors: super::parse::unique_authors(fields.authors),
        language: fields.language,
        next_url: fields.next_url,
        items: Vec::with_capacity(items.len()),
        skipped: Vec::new(),
    };
    let mut seen = std::collections::HashMap::<String, usize>::new();
    for (index, item) in items.into_iter().enumerate() {
        let named = item.id.is_some();
        match article(item, &feed) {
            Ok(mut article) => {
                if let Some(&earlier) = seen.get(&article.id) {
                    // The same id the feed gave, and the same page: one item
                    // listed twice (an update above the original, as ASP.NET and
                    // CMS feeds do): the first, newest copy stays. An id that is
                    // only the link, or a hash, says less: the same headline too.
                    let first: &Article = &feed.items[earlier];
                    let same_page = first.url.as_deref().map(without_tracking)
                        == article.url.as_deref().map(without_tracking);
                    let same = same_page && (named || first.title == article.title);
                    // Of the two copies the later one stands (a feed oldest
                    // first lists the update below its original).
                    if same && article.changed_ms() > first.changed_ms() {
                        feed.skipped.push(format!(
                            "item {index}: an earlier copy of {:?} replaced",
                            article.id
                        ));
                        feed.items[earlier] = article;
                        continue;
                    }
                    if same {
                        feed.skipped.push(format!(
                            "item {index}: the same item again ({:?})",
                            article.id
                        ));
                        continue;
                    }
                    // Two items, one id (a CMS that gives every item the channel's
                    // link): each keeps a row of its own, stable across polls.
                    article.id = format!("{}#{:08x}", article.id, content_hash(&article) as u32);
                    if seen.contains_key(&article.id) {
                        feed.skipped.push(format!(
                            "item {index}: the same item again ({:?})",
                            article.id
                        ));
                        continue;
                    }
                }
                seen.insert(article.id.clone(), feed.items.len());
                feed.items.push(article);
            }
            Err(reason) => feed.skipped.push(format!("item {index}: {reason}")),
        }
    }
    Ok(feed)
}

/// A URL without the campaign parameters (`utm_source=rss` …) a feed adds to
/// one copy of a link and not another.
fn without_tracking(url: &str) -> String {
    let Some((page, query)) = url.split_once('?') else {
        return url.to_owned();
    };
    let kept: Vec<&str> = query
        .split('&')
        .filter(|pair| !pair.to_ascii_lowercase().starts_with("utm_"))
        .collect();
    if kept.is_empty() {
        page.to_owned()
    } else {
        format!("{page}?{}", kept.join("&"))
    }
}

/// A hash of what an item says, for ids the feed does not give (FNV-1a over the
/// date, title, link and body: the same item hashes the same on every poll, and
/// a red alert repeated at another time is another item).
fn content_hash(article: &Article) -> u64 {
    let mut key = article
        .published_ms
        .map(|ms| ms.to_string())
        .unwrap_or_default();
    for part in [
        Some(article.title.as_str()),
        article.url.as_deref(),
        article.content_html.as_deref(),
        article.content_text.as_deref(),
        article.summary.as_deref(),
    ] {
        key.push_str(part.unwrap_or_default());
        key.push('\u{0}');
    }
    fnv1a_64(key.as_bytes())
}

fn article(item: ItemFields, feed: &Feed) -> Result<Article, String> {
    for body in [&item.html, &item.text].into_iter().flatten() {
        body_within_limit(body).map_err(|why| format!("a body of {why}"))?;
    }
    let title = item.title.as_deref().map(one_line);
    let (title, title_from_text) = headline(
        title,
        item.text.as_deref(),
        item.summary.as_deref(),
        item.html.as_deref(),
    );
    if title.is_empty() {
        return Err("no title and no text".into());
    }
    let summary = item
        .summary
        .as_deref()
        .map(|s| plain_text(s).trim().to_owned())
        .filter(|s| !s.is_empty());
    let image_in_body = item.image.is_none();
    let image_size = item.image.as_ref().and(item.image_size);
    let image = item.image.or(item.body_image).or_else(|| {
        [&item.html, &item.text, &item.summary]
            .into_iter()
            .flatten()
            .find_map(|body| first_image(body))
    });
    let image_in_body = image_in_body && image.is_some();
    let authors = if item.authors.is_empty() {
        feed.authors.clone()
    } else {
        super::parse::unique_authors(item.authors)
    };
    let mut article = Article {
        id: String::new(),
        url: item.link.clone(),
        external_url: None,
        title,
        title_from_text,
        content_html: item.html,
        content_text: item.text,
        summary,
        image,
        image_in_body,
        image_size,
        banner_image: None,
        published_ms: item.published_ms,
        modified_ms: item.modified_ms,
        authors,
        tags: unique_tags(item.tags),
        language: item.language,
        feed_language: feed.language.clone(),
        attachments: item.attachments,
        marked_urgent: false,
    };
    article.id = item
        .id
        .or(item.link)
        .unwrap_or_else(|| format!("urn:mivzak:item:{:016x}", content_hash(&article)));
    Ok(article)
}

/// Tags as plain text on one line, the empty ones and repeats dropped.
fn unique_tags(tags: Vec<String>) -> Vec<String> {
    let mut kept: Vec<String> = Vec::new();
    for tag in tags {
        let tag = one_line(&tag);
        if !tag.is_empty() && !kept.contains(&tag) {
            kept.push(tag);
        }
    }
    kept
}

/// A field's text, trimmed; `None` when nothing is left.
fn trimmed(text: String) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// The markup an element holds: its text (escaped HTML or CDATA, as most feeds
/// write bodies), or its child elements written back when the feed put raw
/// XHTML there.
fn markup(element: &tree::Element) -> Option<String> {
    let markup = if element.elements().next().is_some() {
        element.inner_markup()
    } else {
        element.text()
    };
    trimmed(markup)
}

/// Whether `mime` (an enclosure's `type`, a Media RSS `medium`) or, without
/// one, the URL's extension says the file is an image.
fn is_image(mime: Option<&str>, url: &str) -> bool {
    // A type that says nothing (`application/octet-stream`) leaves it to the URL.
    let mime = mime.filter(|m| !m.trim().eq_ignore_ascii_case("application/octet-stream"));
    match mime.map(str::trim).filter(|m| !m.is_empty()) {
        Some(mime) => {
            let mime = mime.to_ascii_lowercase();
            mime.starts_with("image/") || mime == "image"
        }
        None => {
            let path = url.split(['?', '#']).next().unwrap_or_default();
            let extension = path
                .rsplit('.')
                .next()
                .unwrap_or_default()
                .to_ascii_lowercase();
            matches!(
                extension.as_str(),
                "jpg" | "jpeg" | "png" | "gif" | "webp" | "avif" | "svg"
            )
        }
    }
}

/// RSS `enclosure`s and Atom `link rel="enclosure"`s, each with its URL: the
/// first image that is not a placeholder, and the other files as attachments
/// (a `length` of 0, as Walla writes, is no size).
fn enclosures<'a>(
    found: impl Iterator<Item = (String, &'a tree::Element)>,
) -> (Option<String>, Vec<Attachment>) {
    let mut image = None;
    let mut attachments = Vec::new();
    for (url, element) in found {
        if !super::parse::is_followable(&url) {
            continue;
        }
        let mime = element.attribute("type").map(str::trim);
        if is_image(mime, &url) {
            if image.is_none() && !is_placeholder_size(element) {
                image = Some(url);
            }
            continue;
        }
        attachments.push(Attachment {
            url,
            mime_type: mime.unwrap_or_default().to_owned(),
            title: element.attribute("title").map(one_line),
            size_in_bytes: element
                .attribute("length")
                .and_then(|l| l.trim().parse().ok())
                .filter(|l| *l > 0),
            duration_in_seconds: None,
        });
    }
    (image, attachments)
}

/// Whether a width or height attribute says the image is a 1×1 (or 0×0) placeholder.
fn is_placeholder_size(element: &tree::Element) -> bool {
    ["width", "height"].iter().any(|name| {
        element
            .attribute(name)
            .map(|v| v.trim().trim_end_matches("px"))
            .is_some_and(|v| v == "0" || v == "1")
    })
}

/// The images and files Media RSS (`media:content`, `media:thumbnail`, also
/// inside `media:group`) names on `element`: the first image that is not a
/// placeholder, with its `width` and `height` when it gives both (and its
/// address was not changed here to another size's).
fn media_image(element: &tree::Element) -> Option<(String, Option<(u32, u32)>)> {
    let groups = element.children_named(ns::MEDIA, "group");
    std::iter::once(element)
        .chain(groups)
        .flat_map(|holder| {
            let contents = holder.children_named(ns::MEDIA, "content").filter(|c| {
                let url = c.attribute("url").unwrap_or_default();
                let kind = c.attribute("medium").or(c.attribute("type"));
                is_image(kind, url)
            });
            // A video's `media:content` may hold its still as a thumbnail.
            let thumbnails = holder.children_named(ns::MEDIA, "thumbnail").chain(
                holder
                    .children_named(ns::MEDIA, "content")
                    .flat_map(|c| c.children_named(ns::MEDIA, "thumbnail")),
            );
            contents.chain(thumbnails).collect::<Vec<_>>()
        })
        .filter(|media| !is_placeholder_size(media))
        .filter_map(|media| {
            let url = media
                .attribute("url")
                .map(str::to_owned)
                .and_then(trimmed)?;
            let pixels = |name| {
                media
                    .attribute(name)
                    .and_then(|v| v.trim().trim_end_matches("px").parse::<u32>().ok())
                    .filter(|v| *v > 0)
            };
            let size = pixels("width").zip(pixels("height"));
            // Blogger's thumbnails are 72-pixel crops of the post's picture:
            // the full size is asked for, whose size the feed does not give.
            let full = url.replace("/s72-c/", "/s1600/");
            let size = size.filter(|_| full == url);
            Some((full, size))
        })
        // WordPress.com and Jetpack put the author's Gravatar first.
        .find(|(url, _)| !super::first_image::is_tracker(url))
}

/// A Dublin Core or Atom-in-RSS date, the first of `names` that reads.
fn first_date(element: &tree::Element, names: &[(&str, &str)], time: &FeedTime) -> Option<i64> {
    names.iter().find_map(|(namespace, name)| {
        element
            .children_named(namespace, name)
            .find_map(|date| time.instant_ms(&date.text()))
    })
}

/// An author from a name as RSS writes it: `editor@site.co.il (דנה כהן)` gives the
/// name in parentheses; a bare address, which RSS 2.0 asks for, is not shown.
fn rss_author(text: &str) -> Option<Author> {
    let text = text.trim();
    let name = match (text.find('('), text.rfind(')')) {
        (Some(open), Some(close)) if open < close => &text[open + 1..close],
        _ if text.contains('@') && !text.contains(' ') => return None,
        _ => text,
    };
    let name = one_line(name);
    (!name.is_empty()).then(|| Author {
        name: Some(name),
        ..Author::default()
    })
}

/// The people a `dc:creator` names: `יוסי כהן, דנה לוי` is two, but `Cohen,
/// Yossi` (one name, surname first) stays one.
fn creators(text: &str) -> Vec<Author> {
    let parts: Vec<&str> = text.split([',', '،']).map(str::trim).collect();
    if parts.len() > 1 && parts.iter().all(|p| p.contains(' ')) {
        parts.into_iter().filter_map(rss_author).collect()
    } else {
        rss_author(text).into_iter().collect()
    }
}
