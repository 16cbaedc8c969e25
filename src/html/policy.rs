//! What survives sanitizing: which elements, attributes and URL schemes. Pure, so
//! the policy is tested natively; `walk.rs` applies it to a parsed document.

/// What to do with an element.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ElementAction {
    /// Rebuild it, under this name.
    Keep(&'static str),
    /// Drop the element but keep what is inside (a harmless wrapper: div, span, font).
    Unwrap,
    /// Drop it with everything inside (script, style, svg, form …).
    Drop,
}

const HTML_NAMESPACE: &str = "http://www.w3.org/1999/xhtml";

/// Kept as they are.
const KEPT: &[&str] = &[
    "p",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "em",
    "strong",
    "b",
    "i",
    "u",
    "s",
    // Edits: Isso's Markdown writes ~~text~~ as <del>, and its own sanitizer lets
    // <ins> through.
    "del",
    "ins",
    "small",
    "sub",
    "sup",
    "mark",
    "q",
    "cite",
    "abbr",
    "code",
    "pre",
    "kbd",
    "time",
    "a",
    "img",
    "figure",
    "figcaption",
    "blockquote",
    "bdi",
    "br",
    "hr",
    "table",
    "caption",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
];

/// Dropped with their content: active content, embedded documents, forms, foreign
/// namespaces, and elements whose text is not meant to be read.
const DROPPED: &[&str] = &[
    "script",
    "style",
    "template",
    "svg",
    "math",
    "form",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "noscript",
    "noembed",
    "noframes",
    "xmp",
    "plaintext",
    "textarea",
    "select",
    "option",
    "optgroup",
    "button",
    "input",
    "datalist",
    "output",
    "base",
    "link",
    "meta",
    "title",
    "head",
    "audio",
    "video",
    "source",
    "track",
    "canvas",
    "dialog",
    "portal",
    "param",
    "slot",
    "map",
    "area",
    "fencedframe",
    "selectedcontent",
];

/// The nesting depth past which only text is kept, so a hostile body cannot make
/// the walk (or the layout) pathologically deep.
pub const MAX_DEPTH: usize = 48;

/// What to do with an element of this local name and namespace.
pub fn element_action(local_name: &str, namespace: Option<&str>) -> ElementAction {
    if namespace != Some(HTML_NAMESPACE) {
        return ElementAction::Drop;
    }
    let name = local_name.to_ascii_lowercase();
    // The page has its own h1: a body's h1 becomes an h2.
    if name == "h1" {
        return ElementAction::Keep("h2");
    }
    if let Some(kept) = KEPT.iter().find(|k| **k == name) {
        return ElementAction::Keep(kept);
    }
    if DROPPED.contains(&name.as_str()) {
        return ElementAction::Drop;
    }
    ElementAction::Unwrap
}

/// The direction an element gets when it brings none of its own: code (`pre`,
/// `code`) reads left to right inside right-to-left text, as an isolate.
pub fn default_direction(element: &str) -> Option<&'static str> {
    matches!(element, "pre" | "code").then_some("ltr")
}

/// What an attribute needs before it may be written back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AttributeKind {
    /// A URL: resolved against the feed, kept only for allowed schemes.
    Url,
    /// Free text (alt, title).
    Text,
    /// `dir`: ltr, rtl or auto.
    Direction,
    /// `lang`: a BCP 47 tag.
    Language,
    /// `width`, `height` of an image: a positive whole number of pixels.
    Pixels,
}

/// The attributes an element may keep, by element name (after `element_action`).
pub fn attribute_kind(element: &str, attribute: &str) -> Option<AttributeKind> {
    match (element, attribute.to_ascii_lowercase().as_str()) {
        (_, "title") => Some(AttributeKind::Text),
        (_, "dir") => Some(AttributeKind::Direction),
        (_, "lang") => Some(AttributeKind::Language),
        ("a", "href") | ("img", "src") => Some(AttributeKind::Url),
        ("img", "alt") => Some(AttributeKind::Text),
        ("img", "width" | "height") => Some(AttributeKind::Pixels),
        _ => None,
    }
}

/// The value to write back for a non-URL attribute, or `None` to drop it.
pub fn clean_value(kind: AttributeKind, value: &str) -> Option<String> {
    let value = value.trim();
    match kind {
        AttributeKind::Text => Some(value.chars().take(1000).collect()),
        AttributeKind::Direction => {
            let dir = value.to_ascii_lowercase();
            matches!(dir.as_str(), "ltr" | "rtl" | "auto").then_some(dir)
        }
        AttributeKind::Language => {
            let ok = !value.is_empty()
                && value.len() <= 35
                && value.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
            ok.then(|| value.to_owned())
        }
        AttributeKind::Pixels => {
            let ok =
                !value.is_empty() && value.len() <= 5 && value.chars().all(|c| c.is_ascii_digit());
            ok.then(|| value.to_owned())
                .filter(|v| v.parse::<u32>().is_ok_and(|n| n > 0))
        }
        AttributeKind::Url => None,
    }
}

/// Whether a resolved URL's scheme (the browser's `URL.protocol`, "https:") may
/// stay on this element's attribute. Images load by themselves, so only http(s).
pub fn scheme_allowed(element: &str, protocol: &str) -> bool {
    match protocol.to_ascii_lowercase().as_str() {
        "http:" | "https:" => true,
        "mailto:" => element == "a",
        _ => false,
    }
}

/// Every link out of untrusted HTML gets these.
pub const LINK_REL: &str = "noopener noreferrer nofollow ugc";

/// A link opens in a new tab when it leaves the site.
pub fn opens_new_tab(link_origin: &str, page_origin: &str) -> bool {
    link_origin != page_origin
}
