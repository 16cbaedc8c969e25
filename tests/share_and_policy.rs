//! Share links, sizes, and the sanitizer's pure policy.

use mivzak::html::policy::{
    attribute_kind, clean_value, element_action, scheme_allowed, AttributeKind, ElementAction,
};
use mivzak::share::{human_size, share_links};

const HTML: Option<&str> = Some("http://www.w3.org/1999/xhtml");

#[test]
fn share_links_carry_the_url_and_title_encoded() {
    let links = share_links("https://news.example/article/1?a=b", "כותרת & more");
    let services: Vec<_> = links.iter().map(|l| l.service).collect();
    assert_eq!(services, ["facebook", "whatsapp", "telegram", "x", "email"]);
    for link in &links {
        assert!(
            link.href
                .contains("https%3A%2F%2Fnews.example%2Farticle%2F1%3Fa%3Db"),
            "{}",
            link.href
        );
        assert!(!link.href.contains(' '));
    }
    assert!(links[2].href.contains("%26%20more"));
    assert!(links[4].href.starts_with("mailto:?subject="));
}

#[test]
fn sizes_read_like_a_person_wrote_them() {
    assert_eq!(human_size(500), "500 B");
    assert_eq!(human_size(2048), "2.0 KB");
    assert_eq!(human_size(89_970_236), "86 MB");
    assert_eq!(human_size(1536), "1.5 KB");
    assert_eq!(human_size(1023), "1023 B");
    assert_eq!(human_size(10 * 1024 + 460), "10 KB");
    assert_eq!(human_size(10_188), "9.9 KB");
    assert_eq!(human_size(u64::MAX), "17179869184 GB");
}

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
