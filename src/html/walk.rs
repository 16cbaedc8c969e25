//! Applying the policy in the browser: `DOMParser` parses the untrusted HTML into an
//! inert document (no script runs, nothing loads), and new nodes are built in the
//! page's document from what the policy allows. Nothing is ever assigned as HTML.
//!
//! A parsed document can be clobbered: `<form><input name="nodeType">` replaces the
//! form's own properties, `<img name="body">` the document's. So forms are recognised
//! by `instanceof` (which names cannot fake) and dropped before any property of
//! theirs is read, the body is read through `Document.prototype`'s own getter, and
//! children are listed from their parent, never by walking a sibling's properties.

use js_sys::{Function, Object, Reflect};
use wasm_bindgen::JsCast;
use web_sys::{
    Document, DocumentFragment, DomParser, Element, HtmlFormElement, Node, SupportedType,
};

use super::inline_attributes::rename_inline_attributes;
use super::policy::{
    attribute_kind, clean_value, default_direction, element_action, image_sources, opens_new_tab,
    scheme_allowed, wrapper, AttributeKind, ElementAction, NoscriptTwins, Sibling, HTML_NAMESPACE,
    LINK_REL, MAX_DEPTH,
};

struct Walk {
    out: Document,
    base_url: String,
    page_origin: String,
}

/// The allowed part of `html` as fresh nodes, with URLs resolved against `base_url`.
pub fn sanitize(html: &str, base_url: &str) -> DocumentFragment {
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
    };
    walk.children(&body, &fragment, 0);
    // The HTML parser drops whitespace before the first element, so leading
    // whitespace would not survive a second pass: drop it now (sanitizing the
    // output again then changes nothing).
    while let Some(first) = fragment.first_child() {
        let blank = first.node_type() == Node::TEXT_NODE
            && first.node_value().unwrap_or_default().trim().is_empty();
        if !blank {
            break;
        }
        let _ = fragment.remove_child(&first);
    }
    fragment
}

/// The sanitized text of `html`.
pub fn text_of(html: &str) -> String {
    sanitize(html, "about:blank")
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
                    twins.read(if text.trim().is_empty() {
                        Sibling::Blank
                    } else {
                        Sibling::Other
                    });
                    let _ = into.append_child(&self.out.create_text_node(&text));
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
                let source = if name == "img" {
                    match self.image_source(element) {
                        Some(source) => Some(source),
                        None => return Sibling::SourcelessImage,
                    }
                } else {
                    None
                };
                let Ok(copy) = self.out.create_element(name) else {
                    return Sibling::Other;
                };
                self.attributes(element, &copy, name);
                if let Some(source) = source {
                    let _ = copy.set_attribute("src", &source);
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
                self.descend(element, &copy, depth);
            }
        }
        Sibling::Other
    }

    /// The first of the policy's `image_sources` that is an http(s) URL.
    fn image_source(&self, image: &Element) -> Option<String> {
        image_sources(|name| image.get_attribute(name))
            .iter()
            .find_map(|source| {
                self.resolve(source)
                    .filter(|url| scheme_allowed("img", &url.protocol()))
            })
            .map(|url| url.href())
    }

    /// The lazy-loaded image's `<noscript>` copy, through the same rules. A parsed
    /// document runs no script, so its `<noscript>` holds elements; text (from a
    /// parser that had scripting on) is parsed as HTML, inertly, first.
    fn noscript(&self, noscript: &Element, into: &Node, depth: usize) {
        if depth >= MAX_DEPTH {
            return;
        }
        if noscript.child_element_count() > 0 {
            self.children(noscript, into, depth + 1);
        } else if let Some(body) = parse_body(&noscript.text_content().unwrap_or_default()) {
            self.children(&body, into, depth + 1);
        }
    }

    fn descend(&self, element: &Element, into: &Node, depth: usize) {
        if depth >= MAX_DEPTH {
            // Too deep to be an article: keep the words, drop the structure.
            let text = element.text_content().unwrap_or_default();
            let _ = into.append_child(&self.out.create_text_node(&text));
        } else {
            self.children(element, into, depth + 1);
        }
    }

    fn attributes(&self, from: &Element, to: &Element, name: &str) {
        let attributes = from.attributes();
        for index in 0..attributes.length() {
            let Some(attribute) = attributes.item(index) else {
                continue;
            };
            let key = attribute.name().to_ascii_lowercase();
            let Some(kind) = attribute_kind(name, &key) else {
                continue;
            };
            let value = attribute.value();
            let cleaned = match kind {
                // Chosen among the lazy-loading attributes by `image_source`.
                AttributeKind::Url if name == "img" => None,
                AttributeKind::Url => self.url(name, &value, to),
                _ => clean_value(kind, &value),
            };
            if let Some(cleaned) = cleaned {
                let _ = to.set_attribute(&key, &cleaned);
            }
        }
        if let Some(dir) = default_direction(name) {
            if !to.has_attribute("dir") {
                let _ = to.set_attribute("dir", dir);
            }
        }
        match name {
            "a" => {
                let _ = to.set_attribute("rel", LINK_REL);
            }
            "img" => {
                let _ = to.set_attribute("loading", "lazy");
                let _ = to.set_attribute("decoding", "async");
            }
            _ => {}
        }
    }

    fn resolve(&self, value: &str) -> Option<web_sys::Url> {
        web_sys::Url::new_with_base(value.trim(), &self.base_url).ok()
    }

    /// The URL resolved and normalized, or `None` for a scheme the policy refuses.
    fn url(&self, element: &str, value: &str, to: &Element) -> Option<String> {
        let url = self.resolve(value)?;
        if !scheme_allowed(element, &url.protocol()) {
            return None;
        }
        if element == "a"
            && url.protocol() != "mailto:"
            && opens_new_tab(&url.origin(), &self.page_origin)
        {
            let _ = to.set_attribute("target", "_blank");
        }
        Some(url.href())
    }
}
