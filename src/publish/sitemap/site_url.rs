//! Absolute URLs of the published files, from config's `site_url`.

use url::Url;

/// The longest URL a sitemap may list, in characters: sitemaps.org's `loc`
/// "must be less than 2,048 characters".
pub const MAX_URL_CHARS: usize = 2_047;

/// The page's file name that a static host serves for its folder's URL.
const FOLDER_INDEX: &str = "index.html";

/// The site's absolute base (config `site_url`), parsed by the WHATWG URL
/// parser: a host in Unicode is written in punycode (IDNA), a path in Unicode
/// percent-encoded in UTF-8, so every URL made from it is the ASCII that
/// RFC 3986 (and so the sitemaps protocol) requires.
#[derive(Clone, Debug, PartialEq)]
pub struct SiteUrl {
    /// http(s), no query or fragment, a path ending in `/`.
    base: Url,
}

/// Why a file's path gives no URL that a sitemap may list.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum UrlRefusal {
    /// A `%2E`-style segment, which URL parsers resolve away like `.` and `..`
    /// (WHATWG URL, "single-dot / double-dot URL path segment"), so the URL
    /// would name another page.
    #[error("a segment of it reads as . or ..")]
    DotSegment,
    /// Over [`MAX_URL_CHARS`]; the URL's length is given.
    #[error("its URL is {0} characters long, more than {MAX_URL_CHARS}")]
    TooLong(usize),
}

impl SiteUrl {
    /// `text` as the site's base. Errors (a message for a warning): not a URL,
    /// not http(s), or without a host. A query or fragment is dropped and a
    /// final `/` added, as config's validation does.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut base = Url::parse(text.trim()).map_err(|error| format!("{text:?}: {error}"))?;
        if !matches!(base.scheme(), "http" | "https") || base.host_str().is_none() {
            return Err(format!("{text:?} is not an absolute http(s) URL"));
        }
        base.set_query(None);
        base.set_fragment(None);
        if !base.path().ends_with('/') {
            let path = format!("{}/", base.path());
            base.set_path(&path);
        }
        Ok(Self { base })
    }

    /// The base, serialized: `https://xn--5dbkw2b.co.il/news/` (for `https://מבזק.co.il/news`).
    pub fn as_str(&self) -> &str {
        self.base.as_str()
    }

    /// The base's path: `/` at the root of a host, `/news/` under a sub-path.
    pub fn path(&self) -> &str {
        self.base.path()
    }

    /// The absolute URL at which a static host serves the file at `file_path`
    /// (relative to the output folder, as `output::check_path` allows): a
    /// folder's `index.html` is served at the folder's URL, with its final
    /// `/` (`article/a%2Fb/index.html` → `https://host/article/a%2Fb/`, the
    /// home's `index.html` → the base), any other file at its own
    /// (`sitemap.xml`). Escapes in the path stay as they are; a character a
    /// URL path may not hold raw (Hebrew, a space, `?`, `#`) is
    /// percent-encoded.
    pub fn url_of(&self, file_path: &str) -> Result<String, UrlRefusal> {
        let page = if file_path == FOLDER_INDEX {
            ""
        } else {
            file_path
                .strip_suffix(FOLDER_INDEX)
                .filter(|folder| folder.ends_with('/'))
                .unwrap_or(file_path)
        };
        if page.split('/').any(is_dot_segment) {
            return Err(UrlRefusal::DotSegment);
        }
        let mut url = self.base.clone();
        url.set_path(&format!("{}{page}", self.base.path()));
        let length = url.as_str().chars().count();
        if length > MAX_URL_CHARS {
            return Err(UrlRefusal::TooLong(length));
        }
        Ok(url.into())
    }
}

/// WHATWG URL's single- and double-dot segments: `.`, `..`, and the same with
/// any dot written `%2e` or `%2E`.
fn is_dot_segment(segment: &str) -> bool {
    let dots = segment.to_ascii_lowercase().replace("%2e", ".");
    dots == "." || dots == ".."
}
