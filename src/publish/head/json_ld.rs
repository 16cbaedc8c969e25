//! The pages' JSON-LD (schema.org, as Google's structured data documentation
//! reads it: "Article", "Organization", "Site names"), and the one way it is
//! written into HTML.
//!
//! Typed structs rather than `serde_json::Value`: their keys come out in the
//! order written here whatever features `serde_json` is built with.

use serde::Serialize;

/// The `@context` of every document.
pub const CONTEXT: &str = "https://schema.org";

/// An article page's `NewsArticle`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NewsArticle {
    #[serde(rename = "@context")]
    pub context: &'static str,
    #[serde(rename = "@type")]
    pub kind: &'static str,
    pub headline: String,
    pub description: String,
    /// Absolute URLs of images of the article itself (never the site's
    /// fallback image: Google asks for images that belong to the article).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub image: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_modified: Option<String>,
    pub author: Vec<Party>,
    pub publisher: Organization,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub main_entity_of_page: Option<WebPage>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_language: Option<String>,
}

impl NewsArticle {
    pub const TYPE: &'static str = "NewsArticle";
}

/// Who wrote an article: named people, or, for a flash without a byline, the
/// newsroom (Google's Article documentation accepts an `Organization`).
#[derive(Serialize)]
#[serde(untagged)]
pub enum Party {
    Person(Person),
    Organization(Organization),
}

#[derive(Serialize)]
pub struct Person {
    #[serde(rename = "@type")]
    pub kind: &'static str,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// The publisher: the site's name, address and logo.
#[derive(Clone, Serialize)]
pub struct Organization {
    #[serde(rename = "@type")]
    pub kind: &'static str,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub logo: Option<ImageObject>,
}

#[derive(Clone, Serialize)]
pub struct ImageObject {
    #[serde(rename = "@type")]
    pub kind: &'static str,
    pub url: String,
}

impl ImageObject {
    pub fn new(url: String) -> Self {
        Self {
            kind: "ImageObject",
            url,
        }
    }
}

/// `mainEntityOfPage`: the page the article is the main subject of.
#[derive(Serialize)]
pub struct WebPage {
    #[serde(rename = "@type")]
    pub kind: &'static str,
    #[serde(rename = "@id")]
    pub id: String,
}

/// The home page's document: the `WebSite` (its name and address, which
/// Google's "Site names" reads from the home page) and the publishing
/// `Organization` (its logo), side by side in one `@graph`.
#[derive(Serialize)]
pub struct SiteGraph {
    #[serde(rename = "@context")]
    pub context: &'static str,
    #[serde(rename = "@graph")]
    pub graph: (WebSite, Organization),
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WebSite {
    #[serde(rename = "@type")]
    pub kind: &'static str,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_language: Option<String>,
}

/// `document` as the text of a `<script type="application/ld+json">`, which
/// nothing in it can end or turn into a comment: `<`, `>` and `&` are written
/// `\u003c`, `\u003e`, `\u0026` (so `</script>` and `<!--` never appear), and
/// U+2028 and U+2029 `\u2028`, `\u2029` (line ends to JavaScript before
/// ES2019). The set Rails's `json_escape` uses. All five can only stand inside
/// JSON strings, where the escape means the same character, so the JSON
/// itself is unchanged. `None` only if serializing failed, which typed
/// documents of strings never do.
pub fn script_text(document: &impl Serialize) -> Option<String> {
    let json = serde_json::to_string(document).ok()?;
    let mut safe = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => safe.push_str("\\u003c"),
            '>' => safe.push_str("\\u003e"),
            '&' => safe.push_str("\\u0026"),
            '\u{2028}' => safe.push_str("\\u2028"),
            '\u{2029}' => safe.push_str("\\u2029"),
            c => safe.push(c),
        }
    }
    Some(safe)
}
