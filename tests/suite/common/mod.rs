//! Helpers shared by the native tests (`crate::common`).

pub mod flash_dates;

use mivzak::feed::model::Article;

/// An item as `parse_feed` makes it from `{"id", "title"}`, published at `published` ms.
pub fn article(id: &str, title: &str, published: i64) -> Article {
    let feed = format!(
        r#"{{"version": "https://jsonfeed.org/version/1.1", "items": [{{"id": "{id}", "title": "{title}"}}]}}"#
    );
    let mut article = mivzak::feed::parse_feed(&feed).unwrap().items.remove(0);
    article.published_ms = Some(published);
    article
}
