//! html5ever, as the native sanitizer configures it (`src/html/native_walk.rs`:
//! a whole document, scripting disabled), parses every body into the same tree as
//! the browser's `DOMParser` does. `tests/fixtures/domparser-chromium.json` holds
//! what Chromium 156 gave (`document.body.innerHTML` of
//! `new DOMParser().parseFromString(input, "text/html")`) for the browser suite's
//! XSS corpus, every body of the real-feed corpus and parser edge cases (tables in
//! paragraphs, `select`, `marquee`, misnested tags). The walk and the policy are
//! shared code; this parse, and the URL parser, are what differ between the two.

use std::path::PathBuf;

use ego_tree::NodeRef;
use html5ever::driver::{self, ParseOpts};
use html5ever::tendril::TendrilSink;
use html5ever::tree_builder::TreeBuilderOpts;
use mivzak::html::policy::HTML_NAMESPACE;
use scraper::{Html, HtmlTreeSink, Node};
use serde::Deserialize;

#[derive(Deserialize)]
struct Recording {
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    /// What the parser was given (inline attributes already renamed).
    input: String,
    /// `document.body.innerHTML` in Chromium.
    body: String,
}

/// `html` parsed as `native_walk` parses it, its body written as `innerHTML` is.
fn native_body(html: &str) -> String {
    let options = ParseOpts {
        tree_builder: TreeBuilderOpts {
            scripting_enabled: false,
            ..TreeBuilderOpts::default()
        },
        ..ParseOpts::default()
    };
    let document =
        driver::parse_document(HtmlTreeSink::new(Html::new_document()), options).one(html);
    let body = document
        .root_element()
        .children()
        .find(|n| {
            n.value()
                .as_element()
                .is_some_and(|e| matches!(e.name(), "body" | "frameset"))
        })
        .expect("a parsed document has a body");
    body.children().map(inner_html).collect()
}

/// HTML §13.3, for any parsed node: raw text where the parser reads it raw (a
/// document with scripting disabled, so `noscript` is not among them), template
/// contents, comments, prefixed foreign attributes.
fn inner_html(node: NodeRef<'_, Node>) -> String {
    let escape = mivzak::html::escape::escaped;
    let html_element = |node: NodeRef<'_, Node>, names: &[&str]| {
        node.value()
            .as_element()
            .is_some_and(|e| &*e.name.ns == HTML_NAMESPACE && names.contains(&e.name()))
    };
    match node.value() {
        Node::Text(text) => {
            let raw = [
                "style",
                "script",
                "xmp",
                "iframe",
                "noembed",
                "noframes",
                "plaintext",
            ];
            match node.parent() {
                Some(parent) if html_element(parent, &raw) => text.to_string(),
                _ => escape(text, false),
            }
        }
        Node::Comment(comment) => format!("<!--{}-->", &**comment),
        Node::Fragment => node.children().map(inner_html).collect(),
        Node::Element(element) => {
            let attributes: String = element
                .attrs
                .iter()
                .map(|(name, value)| {
                    let name = match &name.prefix {
                        Some(prefix) => format!("{}:{}", &**prefix, &*name.local),
                        None => name.local.to_string(),
                    };
                    format!(" {name}=\"{}\"", escape(value, true))
                })
                .collect();
            let name = element.name();
            let void = [
                "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img",
                "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
            ];
            if html_element(node, &void) {
                return format!("<{name}{attributes}>");
            }
            let children: String = node.children().map(inner_html).collect();
            format!("<{name}{attributes}>{children}</{name}>")
        }
        other => format!("{other:?}"),
    }
}

#[test]
fn html5ever_parses_every_recorded_body_as_chromiums_domparser() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/domparser-chromium.json");
    let recording: Recording =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(recording.cases.len() > 400);
    let differ: Vec<String> = recording
        .cases
        .iter()
        .filter(|case| native_body(&case.input) != case.body)
        .map(|case| {
            format!(
                "input:    {:?}\nchromium: {:?}\nnative:   {:?}",
                case.input,
                case.body,
                native_body(&case.input)
            )
        })
        .collect();
    assert!(
        differ.is_empty(),
        "{} differ:\n{}",
        differ.len(),
        differ.join("\n\n")
    );
}

#[test]
fn the_recording_covers_what_the_walk_depends_on() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/domparser-chromium.json");
    let recording: Recording =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let has = |input: &str, body: &str| {
        recording
            .cases
            .iter()
            .any(|case| case.input.contains(input) && case.body.contains(body))
    };
    // A noscript twin holds markup (scripting disabled).
    assert!(has(
        "<noscript><img src=\"https://taamim",
        "<noscript><img "
    ));
    // A table stays inside an open paragraph (no doctype: quirks mode).
    assert!(has("<p>טקסט<table>", "<p>טקסט<table><tbody>"));
    // The renamed style element holds raw text, as style did.
    assert!(has(
        "<svg><p><noframes><img",
        "<p><noframes><img src=x x-onerror="
    ));
    // Chromium's select parser keeps what the body put inside.
    assert!(has(
        "<select><option>a</option><img",
        "<select><option>a</option><img src=\"x\">"
    ));
}
