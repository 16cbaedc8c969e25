//! Where an item's relative URLs point. JSON Feed asks for absolute URLs, but real
//! feeds (WordPress bodies with `<img src="photo.jpg">`, Hugo and Jekyll exports
//! with `/images/…`) hold relative ones that their author meant from the item's
//! own page. The rule, for `content_html`, `image`, `banner_image`, attachments and
//! the item's own `url`: resolve against the item's `url`, else the feed's
//! `home_page_url`, else the URL the feed was fetched from. The home page is
//! resolved against the feed's URL; a relative item `url` against the home page,
//! since generators write it site-relative (Hugo's `relURL`, Jekyll's
//! `relative_url`: `/posts/p1/` is on the site, not beside a feed file that a CDN
//! may serve from elsewhere; Hatsu reads JSON Feed ids the same way). Each is used
//! only when it gives an http(s) URL.
//!
//! Resolving is the browser's `URL` (WHATWG), passed in as `resolve`: a URL parser
//! in the wasm would cost far more than this rule (the `url` crate brings Unicode
//! data for international domain names), and the native tests pass the `url`
//! crate, which follows the same standard.

/// The base URL for an item's relative URLs, by the rule above. `resolve(url, base)`
/// is `url` resolved against `base` (absolute), or `None` when it is not a URL.
/// `feed_url` is absolute; it is the answer when nothing nearer is usable.
pub fn item_base(
    item_url: Option<&str>,
    home_page_url: Option<&str>,
    feed_url: &str,
    resolve: impl Fn(&str, &str) -> Option<String>,
) -> String {
    let usable = |url: Option<&str>, base: &str| {
        let url = url.map(str::trim).filter(|url| !url.is_empty())?;
        resolve(url, base).filter(|url| is_http(url))
    };
    let home = usable(home_page_url, feed_url);
    usable(item_url, home.as_deref().unwrap_or(feed_url))
        .or(home)
        .unwrap_or_else(|| feed_url.to_owned())
}

/// Whether an absolute URL is http or https (the only bases, images and links a
/// feed may point the reader at outside its HTML body).
pub fn is_http(url: &str) -> bool {
    let scheme = url.split_once(':').map_or("", |(scheme, _)| scheme);
    scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")
}
