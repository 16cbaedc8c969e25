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

/// The HTML namespace (DOM Standard §1.4): the only one whose elements are kept.
pub const HTML_NAMESPACE: &str = "http://www.w3.org/1999/xhtml";

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

/// The element a kept element is put in, if any: a table scrolls inside a box of
/// its own (`style/article.css`), so a wide one never makes the page wider than
/// the screen while staying a table (`display: block` on the table itself costs it
/// its table semantics in some screen readers). The box is the page's own custom
/// element, with no attribute: a second pass unwraps it as an unknown element and
/// puts the table back in a new one, so the output stays a fixed point; and unlike
/// a `div`, the HTML parser does not close an open `p` before it, where a feed's
/// markup has left a table.
pub fn wrapper(element: &str) -> Option<&'static str> {
    (element == "table").then_some(TABLE_BOX)
}

/// The scrolling box around every table.
pub const TABLE_BOX: &str = "mivzak-table-box";

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

/// The attributes lazy-loading scripts (WordPress plugins, lazysizes, jQuery
/// lazyload) keep an image's real address in while `src` holds a placeholder.
const LAZY_SOURCES: &[&str] = &["data-src", "data-lazy-src", "data-original"];
/// The same for a set of sizes (`srcset` syntax).
const LAZY_SOURCE_SETS: &[&str] = &["data-srcset", "data-lazy-srcset"];

/// The addresses worth trying for an `<img>`, best first, as written (unresolved):
/// the lazy-loading attributes, then `src`, then the largest of `srcset`.
/// `attribute(name)` reads one of the image's attributes. Blank values and `data:`
/// URLs (the 1×1 placeholders lazy-loading leaves in `src`) are never among them.
/// The walk keeps the first that resolves to an http(s) URL, and drops an image
/// that has none: a page never shows a placeholder or an image without a source.
pub fn image_sources(attribute: impl Fn(&str) -> Option<String>) -> Vec<String> {
    let single = |name: &str| attribute(name);
    let set = |name: &str| attribute(name).and_then(|set| best_in_srcset(&set));
    LAZY_SOURCES
        .iter()
        .map(|name| single(name))
        .chain(LAZY_SOURCE_SETS.iter().map(|name| set(name)))
        .chain([single("src"), set("srcset")])
        .flatten()
        .map(|url| url.trim().to_owned())
        .filter(|url| !url.is_empty() && !is_data_url(url))
        .fold(Vec::new(), |mut sources, url| {
            if !sources.contains(&url) {
                sources.push(url);
            }
            sources
        })
}

fn is_data_url(url: &str) -> bool {
    url.get(..5)
        .is_some_and(|scheme| scheme.eq_ignore_ascii_case("data:"))
}

/// The largest candidate of a `srcset` ("a.jpg 480w, b.jpg 1080w", "a.jpg, b.jpg
/// 2x"): the widest when widths are given, else the densest (no descriptor is
/// 1x); the first of equals. `data:` candidates are skipped. Parsed as the HTML
/// standard does: a URL runs to whitespace (a comma ending it ends the candidate),
/// descriptors run to the next comma outside parentheses.
pub fn best_in_srcset(srcset: &str) -> Option<String> {
    let mut best: Option<(u64, u64, &str)> = None; // (width, density in thousandths, url)
    let mut rest = srcset;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == ',');
        if rest.is_empty() {
            break;
        }
        let url_end = rest
            .find(|c: char| c.is_ascii_whitespace())
            .unwrap_or(rest.len());
        let (url, after) = rest.split_at(url_end);
        let (url, descriptors, after) = if url.ends_with(',') {
            (url.trim_end_matches(','), "", after)
        } else {
            let end = descriptors_end(after);
            (url, &after[..end], &after[end..])
        };
        rest = after;
        if url.is_empty() || is_data_url(url) {
            continue;
        }
        let (mut width, mut density) = (0, 1000);
        for descriptor in descriptors.split_ascii_whitespace() {
            if let Some(number) = descriptor.strip_suffix('w') {
                width = number.parse().unwrap_or(0);
            } else if let Some(number) = descriptor.strip_suffix('x') {
                density = thousandths(number).unwrap_or(0);
            }
        }
        if best.is_none_or(|(w, d, _)| (width, density) > (w, d)) {
            best = Some((width, density, url));
        }
    }
    best.map(|(_, _, url)| url.to_owned())
}

/// Where a candidate's descriptors end: the first comma outside parentheses.
fn descriptors_end(text: &str) -> usize {
    let mut depth = 0usize;
    for (at, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => return at,
            _ => {}
        }
    }
    text.len()
}

/// "1.5" as 1500, without a float parser (which would cost the wasm bytes).
fn thousandths(number: &str) -> Option<u64> {
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    let digits = whole.chars().chain(fraction.chars());
    if whole.len() + fraction.len() == 0 || !digits.clone().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let whole: u64 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let milli = fraction
        .bytes()
        .chain(*b"000")
        .take(3)
        .fold(0, |milli, digit| milli * 10 + u64::from(digit - b'0'));
    whole.checked_mul(1000)?.checked_add(milli)
}

/// What a node is, for [`NoscriptTwins`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sibling {
    /// Whitespace between elements.
    Blank,
    /// An `<img>` dropped because it had no http(s) source (see [`image_sources`]).
    SourcelessImage,
    Noscript,
    /// Anything else, an image kept with its source included.
    Other,
}

/// Lazy-loading plugins put a `<noscript>` copy of the real `<img>` right after
/// the placeholder. Going through the siblings in order, this says whether a
/// `<noscript>` is read (through the same sanitizer): only when it stands in for
/// an image just dropped for having no source, so the picture is shown once,
/// never twice, and a `<noscript>` anywhere else stays dropped.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoscriptTwins {
    after_sourceless_image: bool,
}

impl NoscriptTwins {
    /// Takes the next sibling; true when it is a `<noscript>` to read.
    pub fn read(&mut self, sibling: Sibling) -> bool {
        match sibling {
            Sibling::Blank => false,
            Sibling::SourcelessImage => {
                self.after_sourceless_image = true;
                false
            }
            Sibling::Noscript => std::mem::take(&mut self.after_sourceless_image),
            Sibling::Other => {
                self.after_sourceless_image = false;
                false
            }
        }
    }
}
