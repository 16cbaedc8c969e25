//! Applying the policy at publish time: the walk of `walk.rs`, natively. html5ever
//! parses the untrusted HTML as the browser's `DOMParser.parseFromString(html,
//! "text/html")` does, and the body's children are rebuilt, node by node, from
//! what `policy` allows, then written out as the browser's `innerHTML` writes
//! them (`fragment`). The renderer puts that string in the published page; the
//! browser app later replaces it with the nodes `walk.rs` builds from the same
//! body, so the two walks must agree node for node: every decision is the
//! policy's, and only the reading of the parsed tree differs.
//!
//! Nothing here needs `walk.rs`'s defences against clobbering: this tree is a
//! plain Rust value, and a `<form>` is simply one of the elements the policy drops.

use std::borrow::Cow;
use std::cell::Cell;

use ego_tree::iter::Edge;
use ego_tree::NodeRef;
use html5ever::driver::{self, ParseOpts};
use html5ever::tendril::TendrilSink;
use html5ever::tree_builder::TreeBuilderOpts;
use scraper::node::Element as ParsedElement;
use scraper::{Html, HtmlTreeSink, Node as Parsed};
use url::Url;

use super::fragment::{self, Element, Node};
use super::inline_attributes::rename_inline_attributes;
use super::policy::{
    element_action, is_leading_blank, keeps_text_as_written, kept_attributes, too_deep,
    walked_text, wrapper, ElementAction, NoscriptReading, NoscriptTwins, ResolvedUrl, Sibling,
    HTML_NAMESPACE,
};

/// The allowed part of `html` (a feed's `content_html`, a comment), as the HTML
/// that `walk::sanitize` in the browser would build for it, serialized as
/// `innerHTML` gives it (`fragment::to_html`). Relative URLs resolve against
/// `base_url` (an absolute URL: the item's base, `feed::base::item_base`); with a
/// base that does not parse, or `about:blank`, only absolute URLs survive.
/// `page_origin` is the origin the page is served from ("https://news.example",
/// as `URL.origin` gives it): links to any other origin open in a new tab.
/// Never fails: broken markup is repaired as a browser repairs it, and what the
/// policy refuses is left out.
pub fn sanitize_to_html(html: &str, base_url: &str, page_origin: &str) -> String {
    fragment::to_html(&sanitize(html, base_url, page_origin, true))
}

/// The sanitized text of `html`: `walk::text_of`'s, the `textContent` of what
/// [`sanitize_to_html`] writes (no URL resolves, so only text counts).
pub fn text_of(html: &str) -> String {
    fragment::text_content(&sanitize(html, "about:blank", "", false))
}

/// The nodes `walk::sanitize` builds in its fragment (`shown`), or `walk::text_of`
/// reads (its text as written).
fn sanitize(html: &str, base_url: &str, page_origin: &str, shown: bool) -> Vec<Node> {
    let walk = Walk {
        base: Url::parse(base_url).ok(),
        page_origin,
        shown,
        in_code: Cell::new(0),
    };
    let document = parse(html);
    let mut nodes = Vec::new();
    if let Some(body) = body(&document) {
        walk.children(body, &mut nodes, 0);
    }
    let leading = nodes
        .iter()
        .take_while(|node| {
            is_leading_blank(match node {
                Node::Text(text) => Some(text),
                Node::Element(_) => None,
            })
        })
        .count();
    nodes.drain(..leading);
    nodes
}

/// `html` parsed as `DOMParser` parses "text/html": a whole document, with
/// scripting disabled (HTML §8.5.1), so a `<noscript>` holds markup; its inline
/// styles and handlers renamed first, as `walk.rs` renames them
/// (`inline_attributes`), so that both parsers read the same text.
fn parse(html: &str) -> Html {
    let options = ParseOpts {
        tree_builder: TreeBuilderOpts {
            scripting_enabled: false,
            ..TreeBuilderOpts::default()
        },
        ..ParseOpts::default()
    };
    driver::parse_document(HtmlTreeSink::new(Html::new_document()), options)
        .one(&*rename_inline_attributes(html))
}

/// The document's body as `Document.body` reads it (HTML §3.1.3): the first child
/// of the `html` element that is a `body` or a `frameset`.
fn body(document: &Html) -> Option<NodeRef<'_, Parsed>> {
    let root = document
        .tree
        .root()
        .children()
        .find(|node| node.value().is_element())?;
    if !is_html(root, "html") {
        return None;
    }
    root.children()
        .find(|node| is_html(*node, "body") || is_html(*node, "frameset"))
}

/// Whether `node` is the HTML element named `local_name`.
fn is_html(node: NodeRef<'_, Parsed>, local_name: &str) -> bool {
    node.value().as_element().is_some_and(|element| {
        namespace(element) == Some(HTML_NAMESPACE) && &*element.name.local == local_name
    })
}

/// `Element.namespaceURI`: html5ever's empty namespace is the DOM's null.
fn namespace(element: &ParsedElement) -> Option<&str> {
    let namespace: &str = &element.name.ns;
    (!namespace.is_empty()).then_some(namespace)
}

/// `Node.textContent` of an element: its descendant text in tree order. A
/// template's content (held under the template in scraper's tree, in a fragment
/// of its own in the DOM) is not among its descendants. Iterative: a hostile body
/// can nest without end.
fn text_content(node: NodeRef<'_, Parsed>) -> String {
    let mut text = String::new();
    let mut in_template = 0usize;
    for edge in node.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Parsed::Fragment => in_template += 1,
                Parsed::Text(data) if in_template == 0 => text.push_str(data),
                _ => {}
            },
            Edge::Close(node) if node.value().is_fragment() => in_template -= 1,
            Edge::Close(_) => {}
        }
    }
    text
}

struct Walk<'a> {
    /// `None` when the base URL does not parse: `new URL(value, base)` then throws
    /// for every value, and no URL survives.
    base: Option<Url>,
    page_origin: &'a str,
    /// Text as shown (`bidi::display_text`), for the page; `false` for `text_of`.
    shown: bool,
    /// How many code elements (`keeps_text_as_written`) the walk is inside.
    in_code: Cell<u32>,
}

impl Walk<'_> {
    fn children(&self, parent: NodeRef<'_, Parsed>, into: &mut Vec<Node>, depth: usize) {
        let mut twins = NoscriptTwins::default();
        for child in parent.children() {
            match child.value() {
                Parsed::Text(text) => {
                    twins.read(Sibling::text(text));
                    into.push(Node::Text(self.text(text).into_owned()));
                }
                Parsed::Element(element) => {
                    if is_html(child, "noscript") {
                        if twins.read(Sibling::Noscript) {
                            self.noscript(child, into, depth);
                        }
                    } else {
                        twins.read(self.element(child, element, into, depth));
                    }
                }
                _ => {}
            }
        }
    }

    /// Rebuilds `element` into `into` as the policy says, and says what it was.
    fn element(
        &self,
        node: NodeRef<'_, Parsed>,
        element: &ParsedElement,
        into: &mut Vec<Node>,
        depth: usize,
    ) -> Sibling {
        match element_action(&element.name.local, namespace(element)) {
            ElementAction::Drop => {}
            ElementAction::Unwrap => self.descend(node, into, depth),
            ElementAction::Keep(name) => {
                let Some(attributes) = self.attributes(element, name) else {
                    return Sibling::SourcelessImage;
                };
                let mut copy = Element {
                    name,
                    attributes,
                    children: Vec::new(),
                };
                let code = keeps_text_as_written(name);
                self.in_code.set(self.in_code.get() + u32::from(code));
                self.descend(node, &mut copy.children, depth);
                self.in_code.set(self.in_code.get() - u32::from(code));
                into.push(match wrapper(name) {
                    Some(box_name) => Node::Element(Element {
                        name: box_name,
                        attributes: Vec::new(),
                        children: vec![Node::Element(copy)],
                    }),
                    None => Node::Element(copy),
                });
            }
        }
        Sibling::Other
    }

    /// A text node's text as this walk writes it (`policy::walked_text`).
    fn text<'t>(&self, text: &'t str) -> Cow<'t, str> {
        walked_text(text, self.shown, self.in_code.get() > 0)
    }

    /// The lazy-loaded image's `<noscript>` copy, through the same rules.
    fn noscript(&self, noscript: NodeRef<'_, Parsed>, into: &mut Vec<Node>, depth: usize) {
        if too_deep(depth) {
            return;
        }
        let has_element_child = noscript.children().any(|child| child.value().is_element());
        match NoscriptReading::of(has_element_child) {
            NoscriptReading::Children => self.children(noscript, into, depth + 1),
            NoscriptReading::TextAsHtml => {
                let document = parse(&text_content(noscript));
                if let Some(body) = body(&document) {
                    self.children(body, into, depth + 1);
                }
            }
        }
    }

    fn descend(&self, element: NodeRef<'_, Parsed>, into: &mut Vec<Node>, depth: usize) {
        if too_deep(depth) {
            // Too deep to be an article: keep the words, drop the structure.
            into.push(Node::Text(text_content(element)));
        } else {
            self.children(element, into, depth + 1);
        }
    }

    /// What the policy keeps of `element`'s attributes, or `None` for a sourceless
    /// image. An HTML element's attributes have no prefix, so their local names
    /// are the qualified names the DOM's `Attr.name` gives.
    fn attributes(&self, element: &ParsedElement, name: &str) -> Option<Vec<(String, String)>> {
        let source: Vec<(String, String)> = element
            .attrs()
            .map(|(key, value)| (key.to_owned(), value.to_owned()))
            .collect();
        kept_attributes(name, &source, |value| self.resolve(value), self.page_origin)
    }

    /// `new URL(value, base)`, read as `URL`'s getters read it.
    fn resolve(&self, value: &str) -> Option<ResolvedUrl> {
        let url = self.base.as_ref()?.join(value).ok()?;
        Some(ResolvedUrl {
            protocol: format!("{}:", url.scheme()),
            origin: url.origin().ascii_serialization(),
            href: url.into(),
        })
    }
}
