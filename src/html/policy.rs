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

/// Whether an element met at `depth` (0 for the body's children, one more for each
/// element walked into, a `<noscript>` twin's included) is past [`MAX_DEPTH`]: its
/// structure is dropped and only its words (the DOM's `textContent`) are kept, and a
/// `<noscript>` twin there is not read at all.
pub fn too_deep(depth: usize) -> bool {
    depth >= MAX_DEPTH
}

/// Whether a text is white space only (Unicode `White_Space`, so a lone U+00A0
/// too). Such a text between an image and its `<noscript>` twin does not part them
/// ([`Sibling::Blank`]), and the output never starts with one ([`is_leading_blank`]).
pub fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// Whether the output's first node is dropped, again and again until one is not:
/// `Some(text)` for a text node, `None` for an element. The HTML parser drops white
/// space before the first element (HTML §13.2.6.4.1 to §13.2.6.4.6 ignore it), so
/// leading white space would not survive a second pass: dropping it at once keeps
/// the output a fixed point of sanitizing.
pub fn is_leading_blank(node_text: Option<&str>) -> bool {
    node_text.is_some_and(is_blank)
}

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

/// Elements whose text is code, shown exactly as written: no direction marks
/// (`bidi::display_text`) go into what a reader may copy and run.
pub fn keeps_text_as_written(element: &str) -> bool {
    matches!(element, "pre" | "code" | "kbd" | "samp")
}

/// A text node's text as a walk writes it: with direction marks
/// (`bidi::display_text`) when it is `shown` on the page and not inside code
/// (`in_code`, from [`keeps_text_as_written`]); as written for `text_of` and code.
pub fn walked_text(text: &str, shown: bool, in_code: bool) -> std::borrow::Cow<'_, str> {
    if shown && !in_code {
        crate::bidi::display_text(text)
    } else {
        std::borrow::Cow::Borrowed(text)
    }
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

/// A URL as the WHATWG URL Standard parses it: the browser's `URL` in the wasm,
/// the `url` crate natively. What the policy reads of it, as `URL`'s getters give it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResolvedUrl {
    /// `URL.href`: the whole URL, serialized; what is written back.
    pub href: String,
    /// `URL.protocol`: the scheme, lowercase, with its colon ("https:").
    pub protocol: String,
    /// `URL.origin`: "https://news.example" (the port only when not the default),
    /// or "null" for an opaque origin (URL Standard §4.5, HTML §7.1.1).
    pub origin: String,
}

/// The attributes a kept element is rebuilt with, in the order an element that
/// the walk fills gets them, or `None` for an `<img>` that has no http(s) source
/// (dropped: [`Sibling::SourcelessImage`]).
///
/// - `element`: the kept name ([`ElementAction::Keep`]);
/// - `source`: the parsed element's attributes, `(qualified name, value)` in the
///   DOM's order;
/// - `resolve`: parses a URL (already trimmed) against the body's base URL;
/// - `page_origin`: the origin of the page the body is shown in (`URL.origin` of
///   the site), for links that leave it.
///
/// Each write replaces an attribute already written, in place, as `setAttribute`
/// does, or is added at the end: the source's allowed attributes in their order
/// (values cleaned by [`clean_value`], URLs resolved and kept for allowed schemes,
/// a link out of the site preceded by `target="_blank"`), then the element's
/// [`default_direction`] if it has no `dir`, then `rel` on a link and
/// `loading`/`decoding` on an image, then an image's `src`: the first of its
/// [`image_sources`] that resolves to http(s).
pub fn kept_attributes(
    element: &str,
    source: &[(String, String)],
    resolve: impl Fn(&str) -> Option<ResolvedUrl>,
    page_origin: &str,
) -> Option<Vec<(String, String)>> {
    let image_source = if element == "img" {
        let attribute = |name: &str| {
            source
                .iter()
                .find(|(key, _)| key == name)
                .map(|(_, value)| value.clone())
        };
        let source = image_sources(attribute).iter().find_map(|value| {
            resolve(value.trim()).filter(|url| scheme_allowed("img", &url.protocol))
        })?;
        Some(source.href)
    } else {
        None
    };
    let mut kept = Vec::new();
    for (name, value) in source {
        let key = name.to_ascii_lowercase();
        let Some(kind) = attribute_kind(element, &key) else {
            continue;
        };
        let cleaned = match kind {
            // Chosen among the lazy-loading attributes above.
            AttributeKind::Url if element == "img" => None,
            AttributeKind::Url => resolve(value.trim())
                .filter(|url| scheme_allowed(element, &url.protocol))
                .map(|url| {
                    if element == "a"
                        && url.protocol != "mailto:"
                        && opens_new_tab(&url.origin, page_origin)
                    {
                        set_attribute(&mut kept, "target", "_blank");
                    }
                    url.href
                }),
            _ => clean_value(kind, value),
        };
        if let Some(cleaned) = cleaned {
            set_attribute(&mut kept, &key, &cleaned);
        }
    }
    if let Some(dir) = default_direction(element) {
        if !kept.iter().any(|(key, _)| key == "dir") {
            set_attribute(&mut kept, "dir", dir);
        }
    }
    let added: &[(&str, &str)] = match element {
        "a" => &[("rel", LINK_REL)],
        "img" => &[("loading", "lazy"), ("decoding", "async")],
        _ => &[],
    };
    for (key, value) in added {
        set_attribute(&mut kept, key, value);
    }
    if let Some(source) = image_source {
        set_attribute(&mut kept, "src", &source);
    }
    Some(kept)
}

/// `Element.setAttribute` on a list: a name already there keeps its place and
/// takes the new value; a new one goes last (DOM Standard §4.9, "set an attribute
/// value" and "append an attribute").
fn set_attribute(attributes: &mut Vec<(String, String)>, key: &str, value: &str) {
    match attributes.iter_mut().find(|(name, _)| name == key) {
        Some((_, old)) => value.clone_into(old),
        None => attributes.push((key.to_owned(), value.to_owned())),
    }
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

impl Sibling {
    /// What a text node is.
    pub fn text(text: &str) -> Sibling {
        if is_blank(text) {
            Sibling::Blank
        } else {
            Sibling::Other
        }
    }
}

/// How a `<noscript>` twin that [`NoscriptTwins`] says to read is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoscriptReading {
    /// Its child nodes, through the same walk. A parser with scripting disabled
    /// (`DOMParser`, HTML §8.5.1; the native walk's parser too) parses a
    /// `<noscript>`'s content as markup (HTML §13.2.6.4.7).
    Children,
    /// Its text, parsed as a body of its own (inertly) first: what a parser with
    /// scripting enabled leaves there, or markup the feed escaped inside it.
    TextAsHtml,
}

impl NoscriptReading {
    /// How to read a `<noscript>`: by its children when one of them is an element.
    pub fn of(has_element_child: bool) -> NoscriptReading {
        if has_element_child {
            NoscriptReading::Children
        } else {
            NoscriptReading::TextAsHtml
        }
    }
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
