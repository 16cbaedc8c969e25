//! The nodes the native walk builds (what a `DocumentFragment` holds in the
//! browser), written out as the browser's `innerHTML` writes them: the HTML
//! fragment serialization algorithm (HTML §13.3).

use super::escape::escape_into;

/// A built node: text, or a kept element with its attributes and children.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    Text(String),
    Element(Element),
}

/// A kept element: its lowercase local name in the HTML namespace (a policy name,
/// `policy::element_action`'s or `policy::TABLE_BOX`), its attributes as
/// `(name, value)` in the DOM's order, and its children.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Element {
    pub name: &'static str,
    pub attributes: Vec<(String, String)>,
    pub children: Vec<Node>,
}

/// Elements with no end tag and no content (HTML §13.1.2 "void elements", and the
/// obsolete ones the serializer still treats so, §13.3 step 3.2).
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
    "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// `nodes` as `innerHTML` gives them: each element as `<name a="v">…</name>` (a void
/// element with no end tag), text with `&`, U+00A0, `<` and `>` escaped, attribute
/// values with `&`, U+00A0, `"`, `<` and `>` escaped. The escaping of `<` and `>`
/// in attribute values is the standard's since 2025 (whatwg/html#6235, against
/// mutation XSS; Chrome 138, Firefox 140); earlier browsers leave them as they are,
/// which reads back the same. Text is never written raw: the policy keeps no
/// element whose text the parser reads raw (`script`, `style`, `xmp` …).
pub fn to_html(nodes: &[Node]) -> String {
    let mut out = String::new();
    write_nodes(nodes, &mut out);
    out
}

/// The text of `nodes`, in tree order: what `textContent` gives.
pub fn text_content(nodes: &[Node]) -> String {
    let mut out = String::new();
    push_text(nodes, &mut out);
    out
}

fn push_text(nodes: &[Node], out: &mut String) {
    for node in nodes {
        match node {
            Node::Text(text) => out.push_str(text),
            Node::Element(element) => push_text(&element.children, out),
        }
    }
}

fn write_nodes(nodes: &[Node], out: &mut String) {
    for node in nodes {
        match node {
            Node::Text(text) => escape_into(text, false, out),
            Node::Element(element) => {
                out.push('<');
                out.push_str(element.name);
                for (name, value) in &element.attributes {
                    out.push(' ');
                    out.push_str(name);
                    out.push_str("=\"");
                    escape_into(value, true, out);
                    out.push('"');
                }
                out.push('>');
                if VOID.contains(&element.name) {
                    continue;
                }
                write_nodes(&element.children, out);
                out.push_str("</");
                out.push_str(element.name);
                out.push('>');
            }
        }
    }
}
