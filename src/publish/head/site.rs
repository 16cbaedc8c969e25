//! What every page's head needs from the site and its feed, worked out once
//! per render: the absolute addresses, the language, and what could not be
//! worked out (the warnings).

use url::Url;

use crate::config::Config;
use crate::feed::base::{is_http, item_base};
use crate::feed::model::{Article, Feed};
use crate::http::absolute_url;

/// The site as the pages' heads see it. Built once by [`Site::new`], then
/// passed to `for_home`, `for_article` and `for_tag` for each page.
#[derive(Clone, Debug)]
pub struct Site {
    /// What could not be made absolute or read, once for the whole site, for
    /// the renderer to report (nothing here prints).
    pub warnings: Vec<String>,
    /// config's `site_name`: `og:site_name`, the publisher, the end of titles.
    pub(super) name: String,
    /// config's `site_url`, parsed (so an international host is in punycode
    /// and the path percent-encoded, as any scraper will read it).
    url: Option<Url>,
    /// What an item's relative URLs resolve against last (`feed::base`).
    feed_base: Option<Url>,
    /// config's `feed_url` on the site: the feed readers' browsers fetch, for
    /// the pages' feed-discovery link.
    public_feed: Option<Url>,
    home_page_url: Option<String>,
    /// config's `site_image` and `publisher_logo`, absolute.
    pub(super) image: Option<String>,
    pub(super) logo: Option<String>,
    /// config's `language` and the feed's top-level one.
    pub(super) site_language: Option<String>,
    pub(super) feed_language: Option<String>,
    /// The feed's `description`, plain text.
    pub(super) feed_description: Option<String>,
}

impl Site {
    /// The site of `config` publishing `feed`, read from `feed_url`. Never
    /// fails: what it cannot make absolute is left out of the pages and said
    /// in [`Site::warnings`].
    ///
    /// - `site_url` is the base of every page address; without it (or when it
    ///   does not parse) pages carry no canonical link, `og:url` or JSON-LD
    ///   page address.
    /// - `feed_url` is where the feed was read from, as the browser would
    ///   have it (what `feed::base` resolves an item's relative URLs against
    ///   last): absolute, or relative to `site_url`.
    /// - The feed-discovery link is config's own `feed_url`, the feed readers
    ///   fetch, relative to `config.json` at the site's root: `site_url`.
    /// - `site_image` and `publisher_logo` are absolute or relative to `site_url`.
    /// - Every address written is http(s) and not on a `.invalid` host (RFC
    ///   6761: a name that never resolves, which callers use as a stand-in).
    pub fn new(config: &Config, feed: &Feed, feed_url: &str) -> Self {
        let mut warnings = Vec::new();
        let url = config.site_url.as_deref().and_then(|site| {
            let parsed = Url::parse(site).ok().filter(publishable);
            if parsed.is_none() {
                warnings.push(format!("site_url {site:?} is not a URL; ignored"));
            }
            parsed
        });
        if url.is_none() {
            warnings.push(
                "config.json has no site_url: pages are written without a canonical link, \
                 og:url or JSON-LD page address, without images whose address is relative, \
                 and without share links (sharing needs the page's absolute address: the app \
                 adds them in the browser, readers without JavaScript get none); sitemaps \
                 need it too"
                    .to_owned(),
            );
        }
        let on_site = |address: &str| -> Option<Url> {
            let address = address.trim();
            match &url {
                Some(site) => site.join(address).ok(),
                None => Url::parse(address).ok(),
            }
            .filter(publishable)
        };
        let feed_base = on_site(feed_url);
        if feed_base.is_none() {
            warnings.push(format!(
                "the feed's address {feed_url:?} cannot be made absolute: items' relative \
                 images resolve only against their own url or the feed's home_page_url"
            ));
        }
        let public_feed = on_site(&config.feed_url);
        let mut site_file = |key: &str, value: Option<&str>| -> Option<String> {
            let value = value?;
            let absolute = on_site(value).map(String::from);
            if absolute.is_none() {
                warnings.push(format!(
                    "{key} {value:?} cannot be made an absolute http(s) URL; left out"
                ));
            }
            absolute
        };
        let image = site_file("site_image", config.site_image.as_deref());
        let logo = site_file("publisher_logo", config.publisher_logo.as_deref());
        Self {
            warnings,
            name: config.site_name.clone(),
            url,
            feed_base,
            public_feed,
            home_page_url: feed.home_page_url.clone(),
            image,
            logo,
            site_language: config.language.clone(),
            feed_language: feed.language.clone(),
            feed_description: feed
                .description
                .as_deref()
                .map(crate::feed::plain_text::one_line)
                .filter(|text| !text.is_empty()),
        }
    }

    /// config's `site_url`, as written into pages.
    pub(super) fn url(&self) -> Option<String> {
        self.url.as_ref().map(|url| url.to_string())
    }

    /// The feed readers fetch, absolute, for the pages' feed-discovery link.
    pub(super) fn feed_address(&self) -> Option<String> {
        self.public_feed.as_ref().map(|url| url.to_string())
    }

    /// The absolute address of the page at `path` (relative to the site's
    /// root, as the caller writes it; a leading `/` is ignored), or `None`
    /// without `site_url` or when `path` would leave the site (`../`, another
    /// host).
    pub(super) fn page_url(&self, path: &str) -> Option<String> {
        crate::page_head::canonical(self.url.as_ref().map(Url::as_str), path)
    }

    /// `address`, an item's image or author link, resolved by `feed::base`'s
    /// rule (the item's `url`, else the feed's `home_page_url`, else the
    /// feed's address); `None` unless that gives an http(s) URL.
    pub(super) fn item_address(&self, article: &Article, address: &str) -> Option<String> {
        // Without the feed's address, "" stands for "no base": `absolute_url`
        // then takes only an absolute address.
        let feed_base = self.feed_base.as_ref().map_or("", Url::as_str);
        let base = item_base(
            article.url.as_deref(),
            self.home_page_url.as_deref(),
            feed_base,
            absolute_url,
        );
        let url = Url::parse(&absolute_url(address, &base)?).ok()?;
        publishable(&url).then(|| url.into())
    }
}

/// Whether `url` may be written into a page: http(s) (`feed::base::is_http`),
/// on a host that can resolve (not `invalid` or under it: RFC 6761 §6.4).
fn publishable(url: &Url) -> bool {
    let host = url.host_str().unwrap_or_default().trim_end_matches('.');
    is_http(url.as_str()) && host != "invalid" && !host.ends_with(".invalid")
}
