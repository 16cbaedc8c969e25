//! Each published page's `<head>` tags: what share previews (Open Graph, read
//! by Facebook, WhatsApp, Telegram, LinkedIn; X's card), search engines
//! (Google News reads JSON-LD) and readers' tabs see before any script runs.
//!
//! A page's head is built from the [`Site`] (config and feed, worked out once)
//! and what the page shows: [`for_home`], [`for_article`], [`for_tag`]. Each
//! takes the page's path relative to the site's root as the caller writes it
//! (`""`, `article/abc/`, `tag/%D7%A6/`: `paths.rs`'s rule, not repeated here).
//! [`PageHead::to_html`] writes the tags the shell (`index.html`) does not
//! have; `lang`, `dir`, `title` and `description` are fields, for the shell's
//! own `<html lang dir>`, `<title>` and `<meta name="description">`
//! (`publish::page`), so that none is written twice.
//!
//! Texts: feed titles, summaries, tags and names are plain text already
//! (`feed::plain_text`, applied at parsing), so they are escaped here, never
//! read as HTML again. Tag pages carry no JSON-LD: schema.org's
//! `CollectionPage` feeds no feature of Google's or of a share preview, and
//! their title, description, canonical link and Open Graph say what they are.

mod json_ld;
pub mod locale;
mod site;

pub use site::Site;

use crate::bidi::{language_dir, text_direction, TextDirection};
use crate::feed::model::Article;
use crate::feed::tags::tag_key;
use crate::publish::page::escape_attribute;
use json_ld::{
    ImageObject, NewsArticle, Organization, Party, Person, SiteGraph, WebPage, WebSite, CONTEXT,
};

// The page's title, description and canonical path: one rule with the app's
// head after an in-app navigation (`page_head`).
use crate::page_head::{self, HeadText};
pub use crate::page_head::{article_description, DESCRIPTION_CHARS, HOME_DESCRIPTION};

/// The language of the pages' own words (`index.html`'s `<html lang="he">`),
/// and so of a page whose texts name none.
const OWN_LANGUAGE: &str = "he";

/// Google Discover shows large images only with this permission (Google Search
/// Central, "Get on Discover": `max-image-preview:large`); news sites give it.
const ROBOTS: &str = "max-image-preview:large";

/// One page's `<head>` tags.
#[derive(Clone, Debug, PartialEq)]
pub struct PageHead {
    /// `<html lang>`: the page's language, a BCP 47 tag. The item's, else the
    /// feed's, else config's, else Hebrew (`bidi::text_direction`; the page's
    /// own words are Hebrew, so a page always has a language).
    pub lang: String,
    /// `<html dir>`: `"rtl"` or `"ltr"` from `lang` (`bidi::language_dir`).
    pub dir: &'static str,
    /// `<title>`, plain text: "headline | site name" (`page_head`, the rule
    /// the app titles its pages by); the site's name on the home page.
    pub title: String,
    /// `<meta name="description">` (plain text) and `og:description`, at most
    /// [`DESCRIPTION_CHARS`] characters and "…".
    pub description: String,
    /// `<link rel="canonical">`, `og:url`, the JSON-LD page address: absolute,
    /// or `None` without `site_url`.
    pub canonical: Option<String>,
    /// What this page was written without, for the renderer to report: an
    /// item image that could not be made absolute. The site's own (no
    /// `site_url`) are the [`Site`]'s `warnings`, said once.
    pub warnings: Vec<String>,
    kind: PageKind,
    /// `og:title`: the page's own title without the site's name, which
    /// `og:site_name` carries (Facebook's sharing best practices).
    og_title: String,
    site_name: String,
    locale: Option<&'static str>,
    image: Option<Image>,
    feed_link: Option<String>,
    published: Option<String>,
    modified: Option<String>,
    /// `article:author`: each author's page when it has one, else the name.
    authors: Vec<String>,
    tags: Vec<String>,
    /// The JSON-LD, already safe inside a script element.
    json_ld: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PageKind {
    Home,
    Article,
    Tag,
    /// A page of the site's own (the accessibility statement).
    Statement,
}

/// An image for previews: an absolute http(s) URL, its alt text, and its
/// width and height in pixels when the renderer could read them
/// (`publish::image_size`).
#[derive(Clone, Debug, PartialEq)]
struct Image {
    url: String,
    alt: String,
    size: Option<(u32, u32)>,
}

/// The home page at `path` (usually `""`): the site's name, the feed's
/// description (else [`HOME_DESCRIPTION`]), the site image, and JSON-LD for the
/// `WebSite` and its publishing `Organization`.
pub fn for_home(site: &Site, path: &str) -> PageHead {
    let mut head = PageHead::new(
        site,
        PageKind::Home,
        path,
        page_direction(site, None),
        page_head::home(&site.name, site.feed_description.as_deref()),
    );
    let graph = SiteGraph {
        context: CONTEXT,
        graph: (
            WebSite {
                kind: "WebSite",
                name: site.name.clone(),
                url: site.url(),
                in_language: Some(head.lang.clone()),
            },
            publisher(site),
        ),
    };
    head.image = site_image(site);
    head.json_ld = json_ld::script_text(&graph);
    head
}

/// The page of `article` at `path`: its headline, description (summary, else
/// the opening of its body, else the headline), images (`banner_image`, else
/// `image`, as the page's hero; else config's `site_image`, for previews only),
/// dates, authors, tags, and a `NewsArticle`. An item image that cannot be made
/// an absolute http(s) URL is left out, with a warning.
pub fn for_article(site: &Site, article: &Article, path: &str) -> PageHead {
    let direction = page_direction(site, Some(article));
    let mut head = PageHead::new(
        site,
        PageKind::Article,
        path,
        direction,
        page_head::article(&site.name, article),
    );

    // The banner first, as the page's hero shows it (`Article::hero_image`),
    // then the main image: Google asks for each ratio an article has.
    let mut images: Vec<String> = Vec::new();
    for address in [&article.banner_image, &article.image]
        .into_iter()
        .flatten()
    {
        match site.item_address(article, address) {
            Some(url) if !images.contains(&url) => images.push(url),
            Some(_) => {}
            None => head.warnings.push(format!(
                "{path}: image {address:?} cannot be made an absolute http(s) URL; left out"
            )),
        }
    }
    // The feed's size for the item's `image` (Media RSS), never for a banner.
    let image_size = article
        .image
        .as_deref()
        .and_then(|address| site.item_address(article, address))
        .filter(|url| images.first() == Some(url))
        .and(article.image_size);
    head.image = images
        .first()
        .map(|url| Image {
            url: url.clone(),
            alt: article.title.clone(),
            size: image_size,
        })
        .or_else(|| site_image(site));
    head.published = article.published_ms.and_then(iso_date);
    head.modified = article.modified_ms.and_then(iso_date);

    let named: Vec<Person> = article
        .authors
        .iter()
        .filter_map(|author| {
            Some(Person {
                kind: "Person",
                name: author.name.clone()?,
                url: author
                    .url
                    .as_deref()
                    .and_then(|url| site.item_address(article, url)),
            })
        })
        .collect();
    head.authors = article
        .authors
        .iter()
        .filter_map(|author| {
            let page = author
                .url
                .as_deref()
                .and_then(|url| site.item_address(article, url));
            page.or_else(|| author.name.clone())
        })
        .collect();
    head.tags = distinct_tags(&article.tags);

    let author = if named.is_empty() {
        vec![Party::Organization(publisher(site))]
    } else {
        named.into_iter().map(Party::Person).collect()
    };
    let document = NewsArticle {
        context: CONTEXT,
        kind: NewsArticle::TYPE,
        headline: article.title.clone(),
        description: head.description.clone(),
        image: images,
        date_published: head.published.clone(),
        date_modified: head.modified.clone(),
        author,
        publisher: publisher(site),
        main_entity_of_page: head.canonical.clone().map(|id| WebPage {
            kind: "WebPage",
            id,
        }),
        in_language: Some(head.lang.clone()),
    };
    head.json_ld = json_ld::script_text(&document);
    head
}

/// The page of the tag `tag` (as the page shows it: the form the feed uses
/// most, `feed::tags::most_used_form`) at `path`.
pub fn for_tag(site: &Site, tag: &str, path: &str) -> PageHead {
    let direction = page_direction(site, None);
    let mut head = PageHead::new(
        site,
        PageKind::Tag,
        path,
        direction,
        page_head::tag(&site.name, tag),
    );
    head.image = site_image(site);
    head
}

/// The accessibility statement's page at `path` (`accessibility/`).
pub fn for_accessibility(site: &Site, path: &str) -> PageHead {
    let mut head = PageHead::new(
        site,
        PageKind::Statement,
        path,
        page_direction(site, None),
        page_head::accessibility(&site.name),
    );
    head.image = site_image(site);
    head
}

impl PageHead {
    fn new(
        site: &Site,
        kind: PageKind,
        path: &str,
        direction: TextDirection,
        text: HeadText,
    ) -> Self {
        let lang = direction.lang.unwrap_or_else(|| OWN_LANGUAGE.to_owned());
        Self {
            dir: language_dir(&lang),
            locale: locale::og_locale(&lang),
            lang,
            title: text.title,
            description: text.description,
            canonical: site.page_url(path),
            warnings: Vec::new(),
            kind,
            og_title: text.og_title,
            site_name: site.name.clone(),
            image: None,
            feed_link: site.feed_address(),
            published: None,
            modified: None,
            authors: Vec::new(),
            tags: Vec::new(),
            json_ld: None,
        }
    }

    /// The preview image's address (`og:image`), for the renderer to measure.
    pub fn image_url(&self) -> Option<&str> {
        self.image.as_ref().map(|image| image.url.as_str())
    }

    /// The preview image's width and height in pixels, written as
    /// `og:image:width` and `og:image:height`.
    pub fn set_image_size(&mut self, width: u32, height: u32) {
        if let Some(image) = &mut self.image {
            image.size = Some((width, height));
        }
    }

    /// The tags, one a line (each line ending in `\n`), each value escaped for
    /// its place (a double-quoted attribute, a script's JSON), in this order:
    /// canonical and feed links, robots; Open Graph (`og:*`, then `article:*`
    /// on an article); X's card; JSON-LD. Not `<title>` or the description,
    /// which the shell has (the fields). A tag whose value is missing (no
    /// `site_url`, no image, no date) is left out, never written empty.
    pub fn to_html(&self) -> String {
        let mut lines = Vec::new();
        if let Some(url) = &self.canonical {
            lines.push(format!(
                "<link rel=\"canonical\" href=\"{}\">",
                escape_attribute(url)
            ));
        }
        if let Some(url) = &self.feed_link {
            lines.push(format!(
                "<link rel=\"alternate\" type=\"application/feed+json\" title=\"{}\" href=\"{}\">",
                escape_attribute(&self.site_name),
                escape_attribute(url)
            ));
        }
        lines.push(meta("name", "robots", ROBOTS));
        let og_type = match self.kind {
            PageKind::Article => "article",
            PageKind::Home | PageKind::Tag | PageKind::Statement => "website",
        };
        lines.push(meta("property", "og:type", og_type));
        lines.push(meta("property", "og:site_name", &self.site_name));
        if let Some(locale) = self.locale {
            lines.push(meta("property", "og:locale", locale));
        }
        lines.push(meta("property", "og:title", &self.og_title));
        lines.push(meta("property", "og:description", &self.description));
        if let Some(url) = &self.canonical {
            lines.push(meta("property", "og:url", url));
        }
        if let Some(image) = &self.image {
            lines.push(meta("property", "og:image", &image.url));
            if let Some((width, height)) = image.size {
                lines.push(meta("property", "og:image:width", &width.to_string()));
                lines.push(meta("property", "og:image:height", &height.to_string()));
            }
            lines.push(meta("property", "og:image:alt", &image.alt));
        }
        if let Some(date) = &self.published {
            lines.push(meta("property", "article:published_time", date));
        }
        if let Some(date) = &self.modified {
            lines.push(meta("property", "article:modified_time", date));
        }
        for author in &self.authors {
            lines.push(meta("property", "article:author", author));
        }
        for tag in &self.tags {
            lines.push(meta("property", "article:tag", tag));
        }
        // X reads og:title, og:description and og:image when its own are
        // missing (X Developer Platform, "Cards markup"), but not the alt text.
        match &self.image {
            Some(image) => {
                lines.push(meta("name", "twitter:card", "summary_large_image"));
                lines.push(meta("name", "twitter:image:alt", &image.alt));
            }
            None => lines.push(meta("name", "twitter:card", "summary")),
        }
        if let Some(json) = &self.json_ld {
            lines.push(format!(
                "<script type=\"application/ld+json\">{json}</script>"
            ));
        }
        let mut html = lines.join("\n");
        html.push('\n');
        html
    }
}

/// `<meta name="…">` (HTML's own and X's) or `<meta property="…">` (Open
/// Graph's), its value escaped for a double-quoted attribute (`publish::page`).
fn meta(attribute_name: &str, key: &str, value: &str) -> String {
    format!(
        "<meta {attribute_name}=\"{key}\" content=\"{}\">",
        escape_attribute(value)
    )
}

/// The page's language: the item's, else the feed's, else config's
/// (`bidi::text_direction`); [`OWN_LANGUAGE`] when none is named (`PageHead::new`).
fn page_direction(site: &Site, article: Option<&Article>) -> TextDirection {
    text_direction(
        article.and_then(|a| a.language.as_deref()),
        article
            .and_then(|a| a.feed_language.as_deref())
            .or(site.feed_language.as_deref()),
        site.site_language.as_deref(),
    )
}

/// An instant (ms since the epoch, as `feed::model` keeps dates) as Open
/// Graph's `article:*_time` and schema.org's `DateTime` take it (ISO 8601 with
/// its offset): UTC, as `Date.prototype.toISOString` writes it and the app's
/// `<time datetime>` has it (`time::iso`): `2024-12-27T12:02:00.000Z`. The
/// offset the feed wrote is not kept by the model, and any other zone would
/// need a second zone rule; the instant is the same. `None` beyond a `Date`'s
/// range.
fn iso_date(ms: i64) -> Option<String> {
    Some(crate::time::iso(ms)).filter(|date| !date.is_empty())
}

/// The publisher: the site's name, address and logo (Google's Article and
/// Organization documentation).
fn publisher(site: &Site) -> Organization {
    Organization {
        kind: "Organization",
        name: site.name.clone(),
        url: site.url(),
        logo: site.logo.clone().map(ImageObject::new),
    }
}

/// config's `site_image`, described by the site's name.
fn site_image(site: &Site) -> Option<Image> {
    site.image.clone().map(|url| Image {
        url,
        alt: site.name.clone(),
        size: None,
    })
}

/// `tags` without repeats: one tag written two ways (`צה"ל`, `צה״ל`) is one tag
/// (`feed::tags::tag_key`), in the form that comes first.
fn distinct_tags(tags: &[String]) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    tags.iter()
        .filter(|tag| seen.insert(tag_key(tag)))
        .cloned()
        .collect()
}
