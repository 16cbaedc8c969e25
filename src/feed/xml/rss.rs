//! RSS 2.0 and 0.91/0.92 (`<rss>`), and RSS 1.0 / 0.90 (`<rdf:RDF>`, items beside
//! the channel), with the modules newsrooms use: Dublin Core (`dc:creator`,
//! `dc:date`, `dc:subject`, `dc:language`), `content:encoded`, Media RSS, and Atom
//! links for paging (RFC 5005 `rel="next"`).

use super::tree::{ns, Element};
use super::{
    assemble, creators, enclosures, first_date, markup, media_image, rss_author, trimmed,
    FeedFields, ItemFields,
};
use crate::feed::model::{Author, Feed};
use crate::feed::FeedError;
use crate::time::FeedTime;

/// The namespaces RSS's own elements come in: none (0.9x, 2.0), RSS 1.0's, 0.90's,
/// and the default namespaces UserLand's RSS 2.0 drafts gave (still written by
/// some generators).
const OWN: [&str; 5] = [
    "",
    ns::RSS1,
    ns::RSS090,
    "http://backend.userland.com/rss2",
    "http://backend.userland.com/rss",
];

fn own<'a>(element: &'a Element, name: &'a str) -> Option<&'a Element> {
    element.named_in(&OWN, name).next()
}

fn own_all<'a>(element: &'a Element, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
    element.named_in(&OWN, name)
}

/// The first of the element's own `name` children that has text: a feed that
/// writes `<link></link><link>URL</link>` means the URL.
fn own_text(element: &Element, name: &str) -> Option<String> {
    own_all(element, name).find_map(|e| trimmed(e.text()))
}

/// The first of the element's own `name` children with markup in it
/// (`markup`), for titles and bodies.
fn own_markup(element: &Element, name: &str) -> Option<String> {
    own_all(element, name)
        .chain(element.children_named(ns::DC, name))
        .find_map(markup)
}

/// `<rss>`: its channel and the channel's items (a few feeds put items beside
/// the channel; they are read too).
pub(super) fn read(root: &Element, time: &FeedTime) -> Result<Feed, FeedError> {
    let channel = own(root, "channel")
        .ok_or_else(|| FeedError::NotAFeed("an <rss> document without a <channel>".into()))?;
    let version = match root.attribute("version").map(str::trim) {
        Some("0.91") => "rss 0.91",
        Some("0.92") => "rss 0.92",
        _ => "rss 2.0",
    };
    let items = own_all(channel, "item").chain(own_all(root, "item"));
    let language = language(channel).or_else(|| root.lang().map(str::to_owned));
    finish(version, channel, items, language, time)
}

/// `<rdf:RDF>`: RSS 1.0 (or 0.90), whose items stand beside the channel.
pub(super) fn read_rdf(root: &Element, time: &FeedTime) -> Result<Feed, FeedError> {
    let channel = own(root, "channel")
        .ok_or_else(|| FeedError::NotAFeed("an rdf:RDF document without a <channel>".into()))?;
    let version = if channel.namespace == ns::RSS090 {
        "rss 0.90"
    } else {
        "rss 1.0"
    };
    let items = own_all(root, "item").chain(own_all(channel, "item"));
    let language = language(channel).or_else(|| root.lang().map(str::to_owned));
    finish(version, channel, items, language, time)
}

fn finish<'a>(
    version: &'static str,
    channel: &Element,
    items: impl Iterator<Item = &'a Element>,
    language: Option<String>,
    time: &FeedTime,
) -> Result<Feed, FeedError> {
    let atom_links: Vec<&Element> = channel.children_named(ns::ATOM, "link").collect();
    let atom_link = |rel: &str| {
        atom_links
            .iter()
            .find(|l| l.attribute("rel").map(str::trim) == Some(rel))
            .and_then(|l| l.attribute("href").map(str::to_owned))
            .and_then(trimmed)
    };
    let fields = FeedFields {
        version,
        title: own_text(channel, "title"),
        home_page_url: own_text(channel, "link").or_else(|| atom_link("alternate")),
        feed_url: atom_link("self"),
        description: own_text(channel, "description"),
        icon: own(channel, "image").and_then(|image| own_text(image, "url")),
        language,
        next_url: atom_link("next"),
        authors: channel
            .children_named(ns::DC, "creator")
            .filter_map(|c| rss_author(&c.text()))
            .collect(),
    };
    let items = items.map(|item| item_fields(item, time)).collect();
    assemble(fields, items)
}

fn language(channel: &Element) -> Option<String> {
    own_text(channel, "language")
        .or_else(|| {
            channel
                .child(ns::DC, "language")
                .and_then(|l| trimmed(l.text()))
        })
        .or_else(|| channel.lang().map(str::to_owned))
}

fn item_fields(item: &Element, time: &FeedTime) -> ItemFields {
    let guid = own(item, "guid");
    let guid_text = guid.and_then(|g| trimmed(g.text()));
    let permalink = guid.is_some_and(|g| {
        !g.attribute("isPermaLink")
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("false"))
    });
    // FeedBurner's `feedburner:origLink` is the article; its `link` a redirect.
    let original = item
        .elements()
        .find(|e| e.name == "origLink")
        .and_then(|e| trimmed(e.text()));
    let link = original
        .or_else(|| own_text(item, "link"))
        .or_else(|| {
            item.children_named(ns::ATOM, "link")
                .find(|l| matches!(l.attribute("rel").map(str::trim), None | Some("alternate")))
                .and_then(|l| l.attribute("href").map(str::to_owned))
                .and_then(trimmed)
        })
        .or_else(|| {
            guid_text
                .clone()
                .filter(|g| permalink && crate::feed::base::is_http(g))
        });
    let id = guid_text.or_else(|| item.attribute("about").map(str::to_owned).and_then(trimmed));

    let encoded = item.children_named(ns::CONTENT, "encoded").find_map(markup);
    let description = own_markup(item, "description");
    let (html, summary) = match encoded {
        Some(encoded) => (Some(encoded), description),
        None => (description, None),
    };

    let mut authors: Vec<Author> = own_all(item, "author")
        .chain(item.children_named(ns::ITUNES, "author"))
        .filter_map(|a| rss_author(&a.text()))
        .collect();
    authors.extend(
        item.children_named(ns::DC, "creator")
            .flat_map(|c| creators(&c.text())),
    );
    authors.extend(item.children_named(ns::ATOM, "author").filter_map(|a| {
        a.child(ns::ATOM, "name")
            .and_then(|n| rss_author(&n.text()))
    }));

    let tags = own_all(item, "category")
        .chain(item.children_named(ns::DC, "subject"))
        .map(|c| c.text())
        .chain(item.children_named(ns::ATOM, "category").filter_map(|c| {
            c.attribute("label")
                .or(c.attribute("term"))
                .map(str::to_owned)
        }))
        .collect();

    let (image, attachments) = enclosures(own_all(item, "enclosure").filter_map(|enclosure| {
        let url = enclosure
            .attribute("url")
            .map(str::to_owned)
            .and_then(trimmed)?;
        Some((url, enclosure))
    }));
    let media = image.is_none().then(|| media_image(item)).flatten();
    let image_size = media.as_ref().and_then(|(_, size)| *size);
    let image = image
        .or(media.map(|(url, _)| url))
        .or_else(|| {
            item.children_named(ns::ITUNES, "image")
                .find_map(|i| i.attribute("href").map(str::to_owned).and_then(trimmed))
        })
        .or_else(|| {
            // A per-item <image>: a URL, or a channel-style image with its <url>.
            own(item, "image").and_then(|i| own_text(i, "url").or_else(|| trimmed(i.text())))
        });

    let published_ms = own_all(item, "pubDate")
        .find_map(|date| time.instant_ms(&date.text()))
        .or_else(|| {
            first_date(
                item,
                &[
                    (ns::DC, "date"),
                    (ns::DCTERMS, "issued"),
                    (ns::DC, "created"),
                    (ns::DCTERMS, "created"),
                    (ns::ATOM, "published"),
                    (ns::ATOM, "updated"),
                    (ns::DCTERMS, "modified"),
                ],
                time,
            )
        });
    let modified_ms = first_date(
        item,
        &[(ns::DCTERMS, "modified"), (ns::ATOM, "updated")],
        time,
    )
    .filter(|modified| published_ms.is_none_or(|published| *modified > published));

    ItemFields {
        id,
        link,
        // As markup, so a raw `<br>` between two words leaves a space.
        title: own_markup(item, "title"),
        html,
        text: None,
        summary,
        image,
        image_size,
        body_image: None,
        published_ms,
        modified_ms,
        authors,
        tags,
        language: item.lang().map(str::to_owned).or_else(|| {
            item.child(ns::DC, "language")
                .and_then(|l| trimmed(l.text()))
        }),
        attachments,
    }
}
