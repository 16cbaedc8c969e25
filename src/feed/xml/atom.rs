//! Atom 1.0 (RFC 4287), and 0.3 as older Blogger and WordPress exports still
//! serve it (`issued`, `modified`). Text constructs (§3.1) by their `type`:
//! `text` is plain, `html` escaped markup, `xhtml` a `div` of XHTML.

use super::tree::{ns, Element};
use super::{
    assemble, enclosures, first_date, markup, media_image, trimmed, FeedFields, ItemFields,
};
use crate::feed::model::{Author, Feed};
use crate::feed::FeedError;
use crate::time::FeedTime;

/// Atom's own elements: 1.0's namespace, 0.3's, or none (a feed that forgot it).
const OWN: [&str; 3] = [ns::ATOM, ns::ATOM03, ""];

fn own<'a>(element: &'a Element, name: &'a str) -> Option<&'a Element> {
    element.named_in(&OWN, name).next()
}

fn own_all<'a>(element: &'a Element, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
    element.named_in(&OWN, name)
}

/// The kind of a text construct.
#[derive(PartialEq)]
enum Kind {
    Text,
    Html,
}

/// A text construct's content: markup for `html` and `xhtml` (the `div`'s
/// children), text for `text`.
fn construct(element: &Element) -> Option<(String, Kind)> {
    let kind = element
        .attribute("type")
        .map(|t| t.trim().to_ascii_lowercase())
        .unwrap_or_default();
    match kind.as_str() {
        "xhtml" | "application/xhtml+xml" => {
            let div = element
                .elements()
                .find(|e| e.name == "div")
                .unwrap_or(element);
            trimmed(div.inner_markup()).map(|m| (m, Kind::Html))
        }
        "html" | "text/html" => markup(element).map(|m| (m, Kind::Html)),
        // Atom 0.3's escaped mode.
        _ if element.attribute("mode").map(str::trim) == Some("escaped") => {
            markup(element).map(|m| (m, Kind::Html))
        }
        _ => trimmed(element.text()).map(|t| (t, Kind::Text)),
    }
}

/// A text construct as the markup the shared rules read titles and summaries
/// from (`plain_text`): `text` escaped, so `Fix &lt;details&gt;` shows
/// `Fix <details>` and `&amp;amp;` shows `&amp;` (RFC 4287 §3.1.1.1).
fn as_markup((content, kind): (String, Kind)) -> String {
    match kind {
        Kind::Html => content,
        Kind::Text => crate::html::escape::escaped(&content, false),
    }
}

fn links(element: &Element) -> impl Iterator<Item = (&str, &Element)> {
    own_all(element, "link").map(|link| {
        let rel = link.attribute("rel").map(str::trim).unwrap_or("alternate");
        (rel, link)
    })
}

fn href(link: &Element) -> Option<String> {
    link.attribute("href").map(str::to_owned).and_then(trimmed)
}

/// The page a feed or entry links to: its `alternate` of an HTML type first.
fn alternate(element: &Element) -> Option<String> {
    // A link without `rel` is an alternate (RFC 4287 §4.2.7.2), but one typed as
    // an image or a sound is not the page.
    let alternates: Vec<&Element> = links(element)
        .filter(|(rel, _)| *rel == "alternate")
        .map(|(_, link)| link)
        .filter(|link| {
            link.attribute("type").is_none_or(|t| {
                let t = t.trim().to_ascii_lowercase();
                !(t.starts_with("image/") || t.starts_with("audio/") || t.starts_with("video/"))
            })
        })
        .collect();
    alternates
        .iter()
        .find(|l| {
            l.attribute("type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("text/html"))
        })
        .or(alternates.first())
        .and_then(|link| href(link))
}

fn person(element: &Element) -> Option<Author> {
    let text = |name: &str| own(element, name).and_then(|e| trimmed(e.text()));
    let author = Author {
        name: text("name").map(|n| crate::feed::plain_text::one_line(&n)),
        url: text("uri").or_else(|| text("url")),
        avatar: None,
    };
    (author != Author::default()).then_some(author)
}

pub(super) fn read(root: &Element, time: &FeedTime) -> Result<Feed, FeedError> {
    let version = if root.namespace == ns::ATOM03 {
        "atom 0.3"
    } else {
        "atom 1.0"
    };
    let language = root.lang().map(str::to_owned);
    let fields = FeedFields {
        version,
        title: own(root, "title").and_then(construct).map(as_markup),
        home_page_url: alternate(root),
        feed_url: links(root)
            .find(|(rel, _)| *rel == "self")
            .and_then(|(_, l)| href(l)),
        description: own(root, "subtitle")
            .or_else(|| own(root, "tagline"))
            .and_then(construct)
            .map(|(t, _)| t),
        icon: own(root, "icon")
            .or_else(|| own(root, "logo"))
            .and_then(|i| trimmed(i.text())),
        language: language.clone(),
        next_url: links(root)
            .find(|(rel, _)| *rel == "next")
            .and_then(|(_, l)| href(l)),
        authors: own_all(root, "author").filter_map(person).collect(),
    };
    let base = root.attribute_named("xml:base");
    let items = own_all(root, "entry")
        .map(|e| entry(e, base, time))
        .collect();
    assemble(fields, items)
}

fn entry(entry: &Element, root_base: Option<&str>, time: &FeedTime) -> ItemFields {
    let content = own(entry, "content").filter(|c| c.attribute("src").is_none());
    let (html, text) = match content.and_then(construct) {
        Some((markup, Kind::Html)) => (Some(markup), None),
        Some((text, Kind::Text)) => (None, Some(text)),
        None => (None, None),
    };
    let summary = own(entry, "summary").and_then(construct);
    // An entry whose only body is an HTML summary shows it as HTML.
    let (html, summary) = match (html, text.is_none(), summary) {
        (None, true, Some((markup, Kind::Html))) => (Some(markup), None),
        (html, _, summary) => (html, summary.map(as_markup)),
    };

    let (image, attachments) = enclosures(
        links(entry)
            .filter(|(rel, _)| *rel == "enclosure")
            .filter_map(|(_, link)| Some((href(link)?, link))),
    );
    // The body's first image, relative to the content's `xml:base` (TypePad), is
    // made absolute here: the pages resolve an item's URLs against its link.
    let xml_base = content
        .and_then(|c| c.attribute_named("xml:base"))
        .or(entry.attribute_named("xml:base"));
    // The entry's `xml:base` (RFC 4287 §2, XML Base), itself relative to the feed's.
    let entry_base = match (root_base, entry.attribute_named("xml:base")) {
        (Some(root), Some(own)) => crate::http::absolute_url(own, root),
        (None, Some(own)) => Some(own.to_owned()),
        (root, None) => root.map(str::to_owned),
    };
    let media = image.is_none().then(|| media_image(entry)).flatten();
    let image_size = media.as_ref().and_then(|(_, size)| *size);
    let image = image.or(media.map(|(url, _)| url));
    let body_image = [&html, &text]
        .into_iter()
        .flatten()
        .find_map(|body| crate::feed::first_image::first_image(body))
        .map(|src| match xml_base {
            Some(base) => crate::http::absolute_url(&src, base).unwrap_or(src),
            None => src,
        });

    let published_ms = first_date(
        entry,
        &[
            (ns::ATOM, "published"),
            (ns::ATOM03, "issued"),
            (ns::ATOM03, "created"),
            ("", "published"),
            (ns::ATOM, "updated"),
            (ns::ATOM03, "modified"),
            ("", "updated"),
            (ns::DC, "date"),
        ],
        time,
    );
    let modified_ms = first_date(
        entry,
        &[
            (ns::ATOM, "updated"),
            (ns::ATOM03, "modified"),
            ("", "updated"),
        ],
        time,
    )
    .filter(|modified| published_ms.is_none_or(|published| *modified > published));

    ItemFields {
        id: own(entry, "id").and_then(|i| trimmed(i.text())),
        link: alternate(entry).map(|link| match entry_base {
            Some(base) => crate::http::absolute_url(&link, &base).unwrap_or(link),
            None => link,
        }),
        title: own(entry, "title").and_then(construct).map(as_markup),
        html,
        text,
        summary,
        image,
        image_size,
        body_image,
        published_ms,
        modified_ms,
        authors: own_all(entry, "author").filter_map(person).collect(),
        tags: own_all(entry, "category")
            .filter_map(|c| {
                c.attribute("label")
                    .filter(|l| !l.trim().is_empty())
                    .or(c.attribute("term"))
                    .map(str::to_owned)
            })
            .chain(entry.children_named(ns::DC, "subject").map(Element::text))
            .collect(),
        language: entry
            .lang()
            .or_else(|| content.and_then(Element::lang))
            .map(str::to_owned),
        attachments,
    }
}
