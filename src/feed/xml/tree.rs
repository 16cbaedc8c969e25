//! A feed document as a small element tree, built leniently from quick-xml's
//! events: feeds as newsrooms serve them are often not well-formed XML, and a
//! feed reader that stops at the first fault shows nothing (Miniflux and
//! Go's `encoding/xml` with `Strict = false` read on the same way).
//!
//! What is forgiven: a `&` that starts no reference; HTML's named references
//! (`&nbsp;`, `&eacute;`), kept as written for the HTML layer that reads the
//! text next (`plain_text`, the sanitizer); end tags that close nothing, or
//! that close several open elements at once; elements left open at the end;
//! namespace prefixes used without their declaration (`dc:`, `content:`,
//! `media:` … are read as their usual namespaces).

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use crate::html::escape::escape_into;

/// Namespaces the feed formats use, by their URIs.
pub mod ns {
    pub const RSS1: &str = "http://purl.org/rss/1.0/";
    pub const RSS090: &str = "http://my.netscape.com/rdf/simple/0.9/";
    pub const ATOM: &str = "http://www.w3.org/2005/Atom";
    pub const ATOM03: &str = "http://purl.org/atom/ns#";
    pub const DC: &str = "http://purl.org/dc/elements/1.1/";
    pub const DCTERMS: &str = "http://purl.org/dc/terms/";
    pub const CONTENT: &str = "http://purl.org/rss/1.0/modules/content/";
    pub const MEDIA: &str = "http://search.yahoo.com/mrss/";
    pub const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    pub const XHTML: &str = "http://www.w3.org/1999/xhtml";
    pub const ITUNES: &str = "http://www.itunes.com/dtds/podcast-1.0.dtd";

    /// The namespace a prefix usually stands for, for feeds that use it without
    /// declaring it.
    pub fn usual(prefix: &str) -> Option<&'static str> {
        Some(match prefix {
            "dc" => DC,
            "dcterms" => DCTERMS,
            "content" => CONTENT,
            "media" => MEDIA,
            "atom" | "atom10" => ATOM,
            "rdf" => RDF,
            "itunes" => ITUNES,
            "xhtml" => XHTML,
            _ => return None,
        })
    }

    /// The same namespace, as feeds write it: Media RSS with and without its final
    /// slash, Atom's and RSS 1.0's URIs in another case.
    pub fn canonical(uri: &str) -> &str {
        match uri
            .trim()
            .trim_end_matches('/')
            .to_ascii_lowercase()
            .as_str()
        {
            "http://search.yahoo.com/mrss" => MEDIA,
            "http://www.w3.org/2005/atom" => ATOM,
            "http://purl.org/rss/1.0" => RSS1,
            "http://purl.org/dc/elements/1.1" => DC,
            "http://purl.org/dc/terms" => DCTERMS,
            "http://purl.org/rss/1.0/modules/content" => CONTENT,
            _ => uri,
        }
    }
}

/// Past this depth elements are not kept (their text is): a hostile document's
/// nesting never reaches the stack of the functions that walk the tree.
const MAX_DEPTH: usize = 48;

/// One element: its namespace URI ("" for none), local name, attributes as
/// written (qualified name, value with references decoded), and children.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Element {
    pub namespace: String,
    pub name: String,
    pub attributes: Vec<(String, String)>,
    pub children: Vec<Node>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    Element(Element),
    /// Character data: text with its references decoded, and CDATA as it is.
    Text(String),
}

impl Element {
    /// Whether this is `name` in `namespace` ("" for no namespace).
    /// Names are compared without case: feeds write `<PubDate>`, `<Item>` and
    /// `<RSS>`, and no feed vocabulary has two names that differ only in case.
    pub fn is(&self, namespace: &str, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name) && self.namespace == namespace
    }

    /// The elements among the children.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|node| match node {
            Node::Element(element) => Some(element),
            Node::Text(_) => None,
        })
    }

    /// The first child element `name` in `namespace`.
    pub fn child(&self, namespace: &str, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.is(namespace, name))
    }

    /// Every child element `name` in `namespace`.
    pub fn children_named<'a>(
        &'a self,
        namespace: &'a str,
        name: &'a str,
    ) -> impl Iterator<Item = &'a Element> + 'a {
        self.elements().filter(move |e| e.is(namespace, name))
    }

    /// Every child element `name` in any of `namespaces` (a format's own
    /// elements come in several: RSS's in none, 1.0's or 0.90's).
    pub fn named_in<'a>(
        &'a self,
        namespaces: &'a [&'a str],
        name: &'a str,
    ) -> impl Iterator<Item = &'a Element> + 'a {
        self.elements().filter(move |e| {
            e.name.eq_ignore_ascii_case(name) && namespaces.contains(&e.namespace.as_str())
        })
    }

    /// The attribute whose local name is `local` (`href`, or `about` for
    /// `rdf:about`), its prefix whatever it is; `xml:lang` is asked for whole.
    pub fn attribute(&self, local: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(name, _)| {
                name == local || name.rsplit_once(':').is_some_and(|(_, l)| l == local)
            })
            .map(|(_, value)| value.as_str())
    }

    /// The attribute written exactly `name` (`xml:base`).
    pub fn attribute_named(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, value)| value.as_str())
    }

    /// The `xml:lang` on this element itself.
    pub fn lang(&self) -> Option<&str> {
        self.attribute_named("xml:lang")
            .map(str::trim)
            .filter(|value| !value.is_empty())
    }

    /// All the character data inside, in order, without markup.
    pub fn text(&self) -> String {
        let mut text = String::new();
        collect_text(self, &mut text);
        text
    }

    /// What is inside as markup: the text escaped again, child elements written
    /// back with their attributes (for bodies that came as raw XHTML children
    /// rather than escaped or in CDATA; the sanitizer reads the result).
    pub fn inner_markup(&self) -> String {
        let mut markup = String::new();
        for node in &self.children {
            write_markup(node, &mut markup);
        }
        markup
    }
}

fn collect_text(element: &Element, into: &mut String) {
    for node in &element.children {
        match node {
            Node::Text(text) => into.push_str(text),
            Node::Element(child) => collect_text(child, into),
        }
    }
}

fn write_markup(node: &Node, into: &mut String) {
    match node {
        Node::Text(text) => escape_into(text, false, into),
        Node::Element(element) => {
            into.push('<');
            into.push_str(&element.name);
            for (name, value) in &element.attributes {
                if name == "xmlns" || name.starts_with("xmlns:") {
                    continue;
                }
                into.push(' ');
                into.push_str(name);
                into.push_str("=\"");
                escape_into(value, true, into);
                into.push('"');
            }
            into.push('>');
            for child in &element.children {
                write_markup(child, into);
            }
            into.push_str("</");
            into.push_str(&element.name);
            into.push('>');
        }
    }
}

/// An open element and the namespace declarations it made.
struct Open {
    element: Element,
    /// Its `xmlns` and `xmlns:prefix` declarations: (prefix, URI).
    declared: Vec<(String, String)>,
}

/// Reads `text` into its root element.
/// Errors: a description of where and why, when the text is not XML enough to
/// read (no root element, a tag quick-xml cannot read at all).
pub fn parse(text: &str) -> Result<Element, String> {
    let mut reader = Reader::from_str(text);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.allow_unmatched_ends = true;
    config.allow_dangling_amp = true;
    config.check_comments = false;
    config.expand_empty_elements = false;
    config.trim_markup_names_in_closing_tags = true;

    let mut stack: Vec<Open> = Vec::new();
    let mut root: Option<Element> = None;
    // Elements past MAX_DEPTH, open now.
    let mut too_deep = 0usize;
    loop {
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(error) if root.is_some() || !stack.is_empty() => {
                // What came before the fault is kept: a feed cut short or broken
                // near its end still shows its first items.
                crate::log::warn(&format!(
                    "feed: the XML breaks at byte {}: {error}; read up to there",
                    reader.error_position()
                ));
                break;
            }
            Err(error) => {
                return Err(format!(
                    "not XML at byte {}: {error}",
                    reader.error_position()
                ))
            }
        };
        match event {
            Event::Start(_) if too_deep > 0 || stack.len() >= MAX_DEPTH => too_deep += 1,
            Event::Empty(_) if too_deep > 0 || stack.len() >= MAX_DEPTH => {}
            // `3<5` in a title: a `<` that starts no name is text, not an element
            // that would swallow the rest of the item.
            Event::Start(start) | Event::Empty(start) if !is_name(&start) => {
                // The reader took everything up to the next `>` as the tag: in
                // `3<5 מעלות</title>` that holds the title's own end tag.
                let raw: &str = &start;
                match raw.split_once("</") {
                    Some((text, end)) => {
                        push_text(&format!("<{text}"), &mut stack);
                        close_named(&local_of(end.trim()), &mut stack, &mut root);
                    }
                    None => push_text(&format!("<{raw}>"), &mut stack),
                }
            }
            Event::Start(start) => {
                let element = open(&start, &stack);
                // An item or entry never holds another: one left open ends
                // where the next begins, as HTML's implied end tags do.
                if is_record(&element.element.name) {
                    if let Some(at) = stack.iter().rposition(|o| is_record(&o.element.name)) {
                        while stack.len() > at {
                            close(&mut stack, &mut root);
                        }
                    }
                }
                stack.push(element);
            }
            Event::Empty(start) => {
                let element = open(&start, &stack).element;
                attach(Node::Element(element), &mut stack, &mut root);
            }
            Event::End(end) => {
                if too_deep > 0 {
                    too_deep -= 1;
                    continue;
                }
                close_named(&local_of(end.name().into_inner()), &mut stack, &mut root);
            }
            Event::Text(text) => push_text(&text[..], &mut stack),
            Event::CData(data) => push_text(&data[..], &mut stack),
            Event::GeneralRef(reference) => {
                push_text(&reference_text(&reference[..]), &mut stack);
            }
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
        if root.is_some() && stack.is_empty() {
            break;
        }
    }
    while !stack.is_empty() {
        close(&mut stack, &mut root);
    }
    root.ok_or_else(|| "no root element".to_owned())
}

/// The text a reference stands for: XML's five and character references
/// decoded, any other name kept as written (`&nbsp;`) for the HTML layer.
fn reference_text(name: &str) -> String {
    let decoded = match name {
        "lt" => Some('<'),
        "gt" => Some('>'),
        "amp" => Some('&'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        // As browsers read them: `&#150;`, written by code that thought in
        // Windows-1252, is the en dash it meant, not an invisible control.
        _ => name.strip_prefix('#').and_then(|number| {
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => number.parse().ok(),
            }?;
            Some(crate::feed::plain_text::numeric_char(code))
        }),
    };
    match decoded {
        Some(c) => c.to_string(),
        None => format!("&{name};"),
    }
}

/// Whether a start tag begins with a name (a letter, `_` or `:`), as XML 1.0 §2.3
/// asks; anything else was a `<` in text.
fn is_name(start: &BytesStart) -> bool {
    start
        .name()
        .into_inner()
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_' || c == ':')
}

/// The elements that are one record each and never nest: RSS's item, Atom's entry.
fn is_record(name: &str) -> bool {
    name.eq_ignore_ascii_case("item") || name.eq_ignore_ascii_case("entry")
}

fn push_text(text: &str, stack: &mut [Open]) {
    let Some(open) = stack.last_mut() else {
        return;
    };
    match open.element.children.last_mut() {
        Some(Node::Text(last)) => last.push_str(text),
        _ => open.element.children.push(Node::Text(text.to_owned())),
    }
}

fn attach(node: Node, stack: &mut [Open], root: &mut Option<Element>) {
    match (stack.last_mut(), node) {
        (Some(parent), node) => parent.element.children.push(node),
        (None, Node::Element(element)) if root.is_none() => *root = Some(element),
        (None, _) => {}
    }
}

/// An end tag: it closes the nearest open element of its name (in any case),
/// and those opened inside it; one that closes nothing is ignored.
fn close_named(name: &str, stack: &mut Vec<Open>, root: &mut Option<Element>) {
    if let Some(at) = stack
        .iter()
        .rposition(|o| o.element.name.eq_ignore_ascii_case(name))
    {
        while stack.len() > at {
            close(stack, root);
        }
    }
}

fn close(stack: &mut Vec<Open>, root: &mut Option<Element>) {
    if let Some(open) = stack.pop() {
        attach(Node::Element(open.element), stack, root);
    }
}

fn local_of(qualified: &str) -> String {
    match qualified.rsplit_once(':') {
        Some((_, local)) => local.to_owned(),
        None => qualified.to_owned(),
    }
}

/// A start tag as an open element, its namespace resolved with the declarations
/// in scope (its own first).
fn open(start: &BytesStart, stack: &[Open]) -> Open {
    let mut attributes = Vec::new();
    for attribute in start.html_attributes().with_checks(false).flatten() {
        let name = attribute.key.into_inner().to_owned();
        let value = decode_references(&attribute.value);
        // A CDATA section inside an attribute is not XML, but generators write
        // it (`url="<![CDATA[https://…]]>"`): its content is meant.
        let value = match value
            .trim()
            .strip_prefix("<![CDATA[")
            .and_then(|v| v.strip_suffix("]]>"))
        {
            Some(inner) => inner.to_owned(),
            None => value,
        };
        attributes.push((name, value));
    }
    let declared: Vec<(String, String)> = attributes
        .iter()
        .filter_map(|(name, value)| {
            let prefix = if name == "xmlns" {
                ""
            } else {
                name.strip_prefix("xmlns:")?
            };
            Some((prefix.to_owned(), ns::canonical(value).to_owned()))
        })
        .collect();
    let qualified = start.name().into_inner().to_owned();
    let (prefix, name) = match qualified.split_once(':') {
        Some((prefix, local)) => (prefix.to_owned(), local.to_owned()),
        None => (String::new(), qualified.clone()),
    };
    let in_scope = declared
        .iter()
        .chain(stack.iter().rev().flat_map(|open| open.declared.iter()))
        .find(|(p, _)| *p == prefix)
        .map(|(_, uri)| uri.clone());
    let namespace = in_scope
        .or_else(|| ns::usual(&prefix).map(str::to_owned))
        .unwrap_or_else(|| {
            if prefix.is_empty() {
                String::new()
            } else {
                format!("{prefix}:")
            }
        });
    Open {
        element: Element {
            namespace,
            name,
            attributes,
            children: Vec::new(),
        },
        declared,
    }
}

/// An attribute value's references, as [`reference_text`] reads them; a `&`
/// that starts none stays.
fn decode_references(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        match after.find(';').filter(|end| {
            *end > 0
                && *end <= 32
                && after[..*end]
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '#')
        }) {
            Some(end) => {
                out.push_str(&reference_text(&after[..end]));
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}
