//! The app's markup rendered natively (publish::render): the same components
//! the browser draws, for the sample feed.

use mivzak::config::Config;
use mivzak::feed::parse_feed;
use mivzak::publish::render::{app_html, Site};

fn sample() -> Site {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/feed.json")).unwrap();
    Site {
        config: Config::default(),
        feed: parse_feed(&text).unwrap(),
        feed_url: "https://news.example.co.il/feed.json".into(),
        base: String::new(),
        now_ms: 1_735_300_000_000,
    }
}

#[test]
fn the_home_page_has_the_flashes() {
    let html = app_html(&sample(), "/");
    println!("{html}");
    assert!(html.contains("class=\"flashes\""), "{html}");
}
