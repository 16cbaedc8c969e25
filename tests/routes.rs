//! Paths: id encoding and the router base under a sub-path.

use mivzak::routes::{base_path, encode_segment};

#[test]
fn ids_stay_one_segment() {
    assert_eq!(encode_segment("2024-12-27-1402"), "2024-12-27-1402");
    assert_eq!(encode_segment("a/b?c#d"), "a%2Fb%3Fc%23d");
    assert_eq!(encode_segment("http://x.co/1"), "http%3A%2F%2Fx.co%2F1");
}

#[test]
fn the_router_base_follows_the_public_url() {
    assert_eq!(base_path("http://localhost:8080/"), "");
    assert_eq!(base_path("https://cdn.example/news/"), "/news");
    assert_eq!(base_path("https://cdn.example/news/index.html"), "/news");
    assert_eq!(base_path("https://cdn.example/a/b/?x=1"), "/a/b");
}

#[test]
fn app_paths_carry_the_base() {
    use mivzak::routes::Paths;
    let root = Paths::new(String::new());
    assert_eq!(root.home(), "/");
    assert_eq!(root.article("a b"), "/article/a%20b");
    let news = Paths::new("/news".into());
    assert_eq!(news.home(), "/news/");
    assert_eq!(news.article("1"), "/news/article/1");
    assert_eq!(
        news.tag("מרוקו"),
        "/news/tag/%D7%9E%D7%A8%D7%95%D7%A7%D7%95"
    );
}
