//! The sanitizer's pure policy: which elements are kept, unwrapped or dropped,
//! which attributes and values survive, which URL schemes, and the table box.

use mivzak::html::policy::{
    attribute_kind, clean_value, element_action, scheme_allowed, AttributeKind, ElementAction,
};

const HTML: Option<&str> = Some("http://www.w3.org/1999/xhtml");

#[test]
fn allowed_elements_are_kept_and_h1_becomes_h2() {
    for tag in [
        "p",
        "a",
        "img",
        "figure",
        "figcaption",
        "blockquote",
        "bdi",
        "br",
        "table",
        "td",
        "ul",
        "li",
        "em",
        "strong",
        "h2",
    ] {
        assert_eq!(element_action(tag, HTML), ElementAction::Keep(tag), "{tag}");
    }
    assert_eq!(element_action("H1", HTML), ElementAction::Keep("h2"));
    assert_eq!(element_action("P", HTML), ElementAction::Keep("p"));
}

#[test]
fn active_and_foreign_content_is_dropped_whole() {
    for tag in [
        "script", "style", "template", "svg", "math", "form", "iframe", "object", "embed",
        "noscript", "textarea", "button", "input", "base", "meta", "link", "frameset",
    ] {
        assert_eq!(element_action(tag, HTML), ElementAction::Drop, "{tag}");
    }
    // Anything outside the HTML namespace, even with an allowed name.
    assert_eq!(
        element_action("a", Some("http://www.w3.org/2000/svg")),
        ElementAction::Drop
    );
    assert_eq!(
        element_action("p", Some("http://www.w3.org/1998/Math/MathML")),
        ElementAction::Drop
    );
    assert_eq!(element_action("p", None), ElementAction::Drop);
}

#[test]
fn harmless_wrappers_are_unwrapped() {
    for tag in [
        "div",
        "span",
        "font",
        "section",
        "article",
        "center",
        "custom-element",
        "picture",
    ] {
        assert_eq!(element_action(tag, HTML), ElementAction::Unwrap, "{tag}");
    }
}

#[test]
fn only_allowlisted_attributes_survive() {
    assert_eq!(attribute_kind("a", "href"), Some(AttributeKind::Url));
    assert_eq!(attribute_kind("img", "src"), Some(AttributeKind::Url));
    assert_eq!(attribute_kind("img", "alt"), Some(AttributeKind::Text));
    assert_eq!(attribute_kind("img", "width"), Some(AttributeKind::Pixels));
    assert_eq!(attribute_kind("p", "dir"), Some(AttributeKind::Direction));
    assert_eq!(attribute_kind("p", "LANG"), Some(AttributeKind::Language));
    for (tag, attribute) in [
        ("a", "onclick"),
        ("img", "onerror"),
        ("p", "style"),
        ("p", "id"),
        ("a", "name"),
        ("p", "class"),
        ("img", "srcset"),
        ("a", "target"),
        ("p", "href"),
        ("a", "src"),
        ("p", "width"),
        ("a", "formaction"),
        ("a", "xlink:href"),
    ] {
        assert_eq!(attribute_kind(tag, attribute), None, "{tag} {attribute}");
    }
}

#[test]
fn attribute_values_are_checked() {
    assert_eq!(
        clean_value(AttributeKind::Direction, "RTL"),
        Some("rtl".into())
    );
    assert_eq!(clean_value(AttributeKind::Direction, "sideways"), None);
    assert_eq!(
        clean_value(AttributeKind::Language, "en-US"),
        Some("en-US".into())
    );
    assert_eq!(
        clean_value(AttributeKind::Language, "en\" onmouseover=\"x"),
        None
    );
    assert_eq!(
        clean_value(AttributeKind::Pixels, "640"),
        Some("640".into())
    );
    for bad in ["0", "-1", "100%", "1e9", "999999", ""] {
        assert_eq!(clean_value(AttributeKind::Pixels, bad), None, "{bad}");
    }
}

#[test]
fn only_http_https_and_mailto_schemes_survive() {
    assert!(scheme_allowed("a", "https:"));
    assert!(scheme_allowed("a", "HTTP:"));
    assert!(scheme_allowed("a", "mailto:"));
    assert!(!scheme_allowed("img", "mailto:"));
    for scheme in [
        "javascript:",
        "data:",
        "vbscript:",
        "blob:",
        "file:",
        "about:",
        "filesystem:",
        "ftp:",
    ] {
        assert!(!scheme_allowed("a", scheme), "{scheme}");
        assert!(!scheme_allowed("img", scheme), "{scheme}");
    }
}

#[test]
fn tables_and_only_tables_get_a_scrolling_box() {
    use mivzak::html::policy::{wrapper, TABLE_BOX};
    assert_eq!(wrapper("table"), Some(TABLE_BOX));
    for other in ["p", "td", "tr", "img", "pre"] {
        assert_eq!(wrapper(other), None);
    }
    // A second pass unwraps the box (and wraps the table again): the same output.
    assert_eq!(element_action(TABLE_BOX, HTML), ElementAction::Unwrap);
}

#[test]
fn kept_attributes_are_written_in_the_order_both_walks_write_them() {
    use mivzak::html::policy::{kept_attributes, ResolvedUrl, LINK_REL};
    // A stand-in for the URL parser: absolute http(s) and mailto only.
    let resolve = |value: &str| {
        let (scheme, _) = value.split_once(':')?;
        let origin = match scheme {
            "https" | "http" => value.splitn(4, '/').take(3).collect::<Vec<_>>().join("/"),
            _ => "null".to_owned(),
        };
        Some(ResolvedUrl {
            href: value.to_owned(),
            protocol: format!("{scheme}:"),
            origin,
        })
    };
    let source = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    };
    let pairs = |kept: Option<Vec<(String, String)>>| kept.expect("kept");
    // A link out: target just before its href, rel last, the rest dropped.
    let link = source(&[
        ("title", " כותרת "),
        ("HREF", " https://other.example/x "),
        ("onclick", "x()"),
        ("rel", "opener"),
    ]);
    assert_eq!(
        pairs(kept_attributes("a", &link, resolve, "https://news.example")),
        source(&[
            ("title", "כותרת"),
            ("target", "_blank"),
            ("href", "https://other.example/x"),
            ("rel", LINK_REL),
        ])
    );
    // On the site, or to mailto: no new tab.
    let on_site = source(&[("href", "https://news.example/a")]);
    let mail = source(&[("href", "mailto:desk@news.example")]);
    for link in [on_site, mail] {
        let kept = pairs(kept_attributes("a", &link, resolve, "https://news.example"));
        assert!(!kept.iter().any(|(k, _)| k == "target"), "{kept:?}");
    }
    // An image: its own attributes, then loading and decoding, then the source
    // chosen among the lazy-loading ones (the placeholder src never).
    let image = source(&[
        ("src", "data:image/gif;base64,R0l"),
        ("width", "640"),
        ("data-src", "https://news.example/real.jpg"),
        ("alt", "תמונה"),
        ("dir", "sideways"),
    ]);
    assert_eq!(
        pairs(kept_attributes(
            "img",
            &image,
            resolve,
            "https://news.example"
        )),
        source(&[
            ("width", "640"),
            ("alt", "תמונה"),
            ("loading", "lazy"),
            ("decoding", "async"),
            ("src", "https://news.example/real.jpg"),
        ])
    );
    // No http(s) source: the image goes.
    let placeholder = source(&[("src", "data:,"), ("srcset", "javascript:x 2x")]);
    assert_eq!(
        kept_attributes("img", &placeholder, resolve, "https://news.example"),
        None
    );
    // Code reads left to right unless it says otherwise; a second dir replaces
    // the first in place, as setAttribute does.
    assert_eq!(
        pairs(kept_attributes("code", &[], resolve, "")),
        source(&[("dir", "ltr")])
    );
    let twice = source(&[("dir", "rtl"), ("lang", "he"), ("DIR", "auto")]);
    assert_eq!(
        pairs(kept_attributes("pre", &twice, resolve, "")),
        source(&[("dir", "auto"), ("lang", "he")])
    );
}
