//! Which address an image is shown from: lazy-loading markup (WordPress plugins,
//! lazysizes) keeps the real one in data-* attributes or a <noscript> twin.

use std::collections::HashMap;

use mivzak::html::policy::{best_in_srcset, image_sources, NoscriptTwins, Sibling};

const GIF: &str = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7";
const SVG: &str = "data:image/svg+xml,%3Csvg%20xmlns='http://www.w3.org/2000/svg'%20viewBox='0%200%201%201'%3E%3C/svg%3E";

fn sources(attributes: &[(&str, &str)]) -> Vec<String> {
    let map: HashMap<&str, &str> = attributes.iter().copied().collect();
    image_sources(|name| map.get(name).map(|v| v.to_string()))
}

#[test]
fn a_plain_image_is_its_src() {
    assert_eq!(
        sources(&[("src", "/img/a.jpg"), ("alt", "x")]),
        ["/img/a.jpg"]
    );
    assert_eq!(sources(&[("src", " a.jpg ")]), ["a.jpg"]);
}

#[test]
fn the_lazy_attributes_come_before_the_placeholder() {
    for lazy in ["data-src", "data-lazy-src", "data-original"] {
        assert_eq!(
            sources(&[("src", GIF), (lazy, "/img/real.jpg")]),
            ["/img/real.jpg"],
            "{lazy}"
        );
    }
    // a3 Lazy Load's placeholder is a real file: the lazy attribute still wins.
    assert_eq!(
        sources(&[
            (
                "src",
                "/wp-content/plugins/a3-lazy-load/assets/images/lazy_placeholder.gif"
            ),
            ("data-src", "real.jpg")
        ]),
        [
            "real.jpg",
            "/wp-content/plugins/a3-lazy-load/assets/images/lazy_placeholder.gif"
        ]
    );
    assert_eq!(
        sources(&[
            ("src", SVG),
            ("data-lazy-srcset", "a-300.jpg 300w, a-1024.jpg 1024w"),
            ("srcset", SVG)
        ]),
        ["a-1024.jpg"]
    );
    assert_eq!(
        sources(&[("data-srcset", "a.jpg 1x, a@2x.jpg 2x")]),
        ["a@2x.jpg"]
    );
}

#[test]
fn a_placeholder_or_blank_is_never_a_source() {
    assert!(sources(&[("src", GIF)]).is_empty());
    assert!(sources(&[("src", SVG), ("srcset", SVG)]).is_empty());
    assert!(sources(&[("src", " DATA:image/png;base64,AAAA")]).is_empty());
    assert!(sources(&[("src", ""), ("data-src", "  ")]).is_empty());
    assert!(sources(&[("alt", "no source at all")]).is_empty());
}

#[test]
fn each_address_is_tried_once() {
    assert_eq!(
        sources(&[("src", "a.jpg"), ("data-src", "a.jpg")]),
        ["a.jpg"]
    );
}

#[test]
fn srcset_gives_its_largest_candidate() {
    assert_eq!(
        best_in_srcset("a.jpg 480w, b.jpg 1080w, c.jpg 720w").as_deref(),
        Some("b.jpg")
    );
    assert_eq!(
        best_in_srcset("a.jpg, b.jpg 1.5x, c.jpg 1.25x").as_deref(),
        Some("b.jpg")
    );
    assert_eq!(best_in_srcset("a.jpg 2x, b.jpg").as_deref(), Some("a.jpg"));
    assert_eq!(best_in_srcset("  only.jpg  ").as_deref(), Some("only.jpg"));
    // A comma ending a URL ends its candidate; commas inside a URL stay.
    assert_eq!(
        best_in_srcset("a.jpg,b.jpg 2x").as_deref(),
        Some("a.jpg,b.jpg")
    );
    assert_eq!(
        best_in_srcset("a.jpg, b,c.jpg 3x").as_deref(),
        Some("b,c.jpg")
    );
    // data: candidates, whose URLs hold commas, are skipped whole.
    assert_eq!(
        best_in_srcset(&format!("{SVG} 1024w, real.jpg 300w")).as_deref(),
        Some("real.jpg")
    );
    assert_eq!(best_in_srcset(&format!("{SVG} 2x")), None);
    assert_eq!(best_in_srcset(""), None);
    assert_eq!(best_in_srcset(" , , "), None);
    // Nonsense descriptors do not panic and do not win.
    assert_eq!(
        best_in_srcset("a.jpg 2x, b.jpg ÿx, c.jpg 9999999999999999999999w, d.jpg 3q").as_deref(),
        Some("a.jpg")
    );
    assert_eq!(
        best_in_srcset("a.jpg (x, y) 2x, b.jpg").as_deref(),
        Some("a.jpg")
    );
}

/// The siblings a walk meets, and which `<noscript>`s it reads.
fn read(siblings: &[Sibling]) -> Vec<bool> {
    let mut twins = NoscriptTwins::default();
    siblings.iter().map(|s| twins.read(*s)).collect()
}

#[test]
fn a_noscript_is_read_only_for_the_image_it_stands_in_for() {
    use Sibling::*;
    // <img src="data:…"> <noscript><img src="real.jpg"></noscript>
    assert_eq!(
        read(&[SourcelessImage, Blank, Noscript]),
        [false, false, true]
    );
    // The lazy image had its real address: its twin would be a second copy.
    assert_eq!(read(&[Other, Noscript]), [false, false]);
    // A noscript on its own, or after something else, stays dropped.
    assert_eq!(read(&[Noscript]), [false]);
    assert_eq!(
        read(&[SourcelessImage, Other, Noscript]),
        [false, false, false]
    );
    // Once per image.
    assert_eq!(
        read(&[SourcelessImage, Noscript, Noscript]),
        [false, true, false]
    );
    assert_eq!(
        read(&[SourcelessImage, Noscript, SourcelessImage, Noscript]),
        [false, true, false, true]
    );
}
