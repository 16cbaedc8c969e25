//! Applying the policy in the browser: `DOMParser` parses the untrusted HTML into an
//! inert document (no script runs, nothing loads), and new nodes are built in the
//! page's document from what the policy allows. Nothing is ever assigned as HTML.
//!
//! A parsed document can be clobbered: `<form><input name="nodeType">` replaces the
//! form's own properties, `<img name="body">` the document's. So forms are recognised
//! by `instanceof` (which names cannot fake) and dropped before any property of
//! theirs is read, the body is read through `Document.prototype`'s own getter, and
//! children are listed from their parent, never by walking a sibling's properties.

use std::borrow::Cow;
use std::cell::Cell;

use js_sys::{Function, Object, Reflect};
use wasm_bindgen::JsCast;
use web_sys::{
    Document, DocumentFragment, DomParser, Element, HtmlFormElement, Node, SupportedType,
};

use super::inline_attributes::rename_inline_attributes;
use super::policy::{
    element_action, is_leading_blank, keeps_text_as_written, kept_attributes, too_deep,
    walked_text, wrapper, ElementAction, NoscriptReading, NoscriptTwins, ResolvedUrl, Sibling,
    HTML_NAMESPACE,
};

struct Walk {
    out: Document,
    base_url: String,
    page_origin: String,
    /// Text as shown (`bidi::display_text`), for the page; `false` for `text_of`.
    shown: bool,
    /// How many code elements (`keeps_text_as_written`) the walk is inside.
    in_code: Cell<u32>,
}

/// The allowed part of `html` as fresh nodes, with URLs resolved against `base_url`.
pub fn sanitize(html: &str, base_url: &str) -> DocumentFragment {
    walk(html, base_url, true)
}

fn walk(html: &str, base_url: &str, shown: bool) -> DocumentFragment {
    let out = leptos::prelude::document();
    let fragment = out.create_document_fragment();
    let Some(body) = parse_body(html) else {
        return fragment;
    };
    let walk = Walk {
        out,
        base_url: base_url.to_owned(),
        page_origin: leptos::prelude::window()
            .location()
            .origin()
            .unwrap_or_default(),
        shown,
        in_code: Cell::new(0),
    };
    walk.children(&body, &fragment, 0);
    while let Some(first) = fragment.first_child() {
        let text = (first.node_type() == Node::TEXT_NODE).then(|| first.node_value());
        if !is_leading_blank(text.flatten().as_deref()) {
            break;
        }
        let _ = fragment.remove_child(&first);
    }
    fragment
}

/// The sanitized text of `html`.
pub fn text_of(html: &str) -> String {
    walk(html, "about:blank", false)
        .text_content()
        .unwrap_or_default()
}

/// The body of `html` parsed inertly, its inline styles and handlers renamed first
/// so that parsing reports nothing against the page's CSP (`inline_attributes`).
fn parse_body(html: &str) -> Option<Node> {
    let parser = DomParser::new().ok()?;
    let document = parser
        .parse_from_string(&rename_inline_attributes(html), SupportedType::TextHtml)
        .ok()?;
    let constructor = Reflect::get(&js_sys::global(), &"Document".into()).ok()?;
    let prototype = Reflect::get(&constructor, &"prototype".into()).ok()?;
    let descriptor = Object::get_own_property_descriptor(&prototype.into(), &"body".into());
    let getter: Function = Reflect::get(&descriptor, &"get".into())
        .ok()?
        .dyn_into()
        .ok()?;
    getter.call0(&document).ok()?.dyn_into::<Node>().ok()
}

impl Walk {
    fn children(&self, parent: &Node, into: &Node, depth: usize) {
        let children = parent.child_nodes();
        let mut twins = NoscriptTwins::default();
        for index in 0..children.length() {
            let Some(child) = children.item(index) else {
                continue;
            };
            if child.has_type::<HtmlFormElement>() {
                twins.read(Sibling::Other);
                continue;
            }
            match child.node_type() {
                Node::TEXT_NODE => {
                    let text = child.node_value().unwrap_or_default();
                    twins.read(Sibling::text(&text));
                    let _ = into.append_child(&self.out.create_text_node(&self.text(&text)));
                }
                Node::ELEMENT_NODE => {
                    if let Some(element) = child.dyn_ref::<Element>() {
                        let noscript = element.namespace_uri().as_deref() == Some(HTML_NAMESPACE)
                            && element.local_name() == "noscript";
                        if noscript {
                            if twins.read(Sibling::Noscript) {
                                self.noscript(element, into, depth);
                            }
                        } else {
                            twins.read(self.element(element, into, depth));
                        }
                    }
                }
                _ => {}
            }
        }
    }

    /// Rebuilds `element` into `into` as the policy says, and says what it was.
    fn element(&self, element: &Element, into: &Node, depth: usize) -> Sibling {
        let namespace = element.namespace_uri();
        match element_action(&element.local_name(), namespace.as_deref()) {
            ElementAction::Drop => {}
            ElementAction::Unwrap => self.descend(element, into, depth),
            ElementAction::Keep(name) => {
                let Some(attributes) = self.attributes(element, name) else {
                    return Sibling::SourcelessImage;
                };
                let Ok(copy) = self.out.create_element(name) else {
                    return Sibling::Other;
                };
                for (key, value) in &attributes {
                    let _ = copy.set_attribute(key, value);
                }
                match wrapper(name).and_then(|box_name| self.out.create_element(box_name).ok()) {
                    Some(table_box) => {
                        let _ = table_box.append_child(&copy);
                        let _ = into.append_child(&table_box);
                    }
                    None => {
                        let _ = into.append_child(&copy);
                    }
                }
                let code = keeps_text_as_written(name);
                self.in_code.set(self.in_code.get() + u32::from(code));
                self.descend(element, &copy, depth);
                self.in_code.set(self.in_code.get() - u32::from(code));
            }
        }
        Sibling::Other
    }

    /// A text node's text as this walk writes it (`policy::walked_text`).
    fn text<'t>(&self, text: &'t str) -> Cow<'t, str> {
        walked_text(text, self.shown, self.in_code.get() > 0)
    }

    /// The lazy-loaded image's `<noscript>` copy, through the same rules. A parsed
    /// document runs no script, so its `<noscript>` holds elements; text (from a
    /// parser that had scripting on) is parsed as HTML, inertly, first.
    fn noscript(&self, noscript: &Element, into: &Node, depth: usize) {
        if too_deep(depth) {
            return;
        }
        match NoscriptReading::of(noscript.child_element_count() > 0) {
            NoscriptReading::Children => self.children(noscript, into, depth + 1),
            NoscriptReading::TextAsHtml => {
                if let Some(body) = parse_body(&noscript.text_content().unwrap_or_default()) {
                    self.children(&body, into, depth + 1);
                }
            }
        }
    }

    fn descend(&self, element: &Element, into: &Node, depth: usize) {
        if too_deep(depth) {
            // Too deep to be an article: keep the words, drop the structure.
            let text = element.text_content().unwrap_or_default();
            let _ = into.append_child(&self.out.create_text_node(&text));
        } else {
            self.children(element, into, depth + 1);
        }
    }

    /// What the policy keeps of `from`'s attributes, or `None` for a sourceless image.
    fn attributes(&self, from: &Element, name: &str) -> Option<Vec<(String, String)>> {
        let attributes = from.attributes();
        let source: Vec<(String, String)> = (0..attributes.length())
            .filter_map(|index| attributes.item(index))
            .map(|attribute| (attribute.name(), attribute.value()))
            .collect();
        let resolve = |value: &str| {
            web_sys::Url::new_with_base(value, &self.base_url)
                .ok()
                .map(|url| ResolvedUrl {
                    href: url.href(),
                    protocol: url.protocol(),
                    origin: url.origin(),
                })
        };
        kept_attributes(name, &source, resolve, &self.page_origin)
    }
}
