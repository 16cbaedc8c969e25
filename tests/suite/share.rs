//! Share links and file sizes as the article page shows them.

use mivzak::share::{human_size, share_links};

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
