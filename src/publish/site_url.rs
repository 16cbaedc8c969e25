//! Absolute URLs of the published pages and files: config's `site_url` plus a
//! page's path.

use url::Url;

/// The longest URL a sitemap may list, in characters: sitemaps.org's `loc`
/// "must be less than 2,048 characters".
pub const MAX_URL_CHARS: usize = 2_047;

/// The site's absolute base (config `site_url`), parsed by the WHATWG URL
/// parser: a host in Unicode is written in punycode (IDNA), a path in Unicode
/// percent-encoded in UTF-8, so every URL made from it is the ASCII that
/// RFC 3986 (and so the sitemaps protocol) requires.
#[derive(Clone, Debug, PartialEq)]
pub struct SiteUrl {
    /// http(s), no query or fragment, a path ending in `/`.
    base: Url,
}

/// Why a page path gives no URL that a sitemap may list.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum UrlRefusal {
    #[error("it starts with /")]
    Absolute,
    #[error("it has an empty segment (//)")]
    EmptySegment,
    /// `.`, `..`, or either with a dot written `%2E`, which URL parsers
    /// resolve away (WHATWG URL, "single-dot / double-dot URL path segment"),
    /// so the URL would name another page.
    #[error("a segment of it reads as . or ..")]
    DotSegment,
    /// A character that a URL path carries only percent-encoded (RFC 3986
    /// §3.3 `pchar`): Hebrew, a space, `"`, `?`, `#`, `\`, a control character…
    #[error("it has {0:?}, which a URL path carries only percent-encoded")]
    NotEncoded(char),
    #[error("it has a % not followed by two hex digits")]
    BadEscape,
    /// Over [`MAX_URL_CHARS`]; the URL's length is given.
    #[error("its URL is {0} characters long, more than {MAX_URL_CHARS}")]
    TooLong(usize),
}

/// Checks a page's path relative to the site root, as its links and its
/// canonical URL have it: `/`-separated segments of RFC 3986 path characters
/// (§3.3 `pchar`: ASCII letters and digits, `-._~!$&'()*+,;=:@`, and `%` with
/// two hex digits), such as `article/%D7%90/` or `tag/!0123456789abcdef/`;
/// "" is the home page. A final `/` (a folder's page) is allowed; an empty
/// segment elsewhere, a `.` or `..` segment (also as `%2E`), a leading `/`
/// and anything not yet percent-encoded are refused, each with its
/// [`UrlRefusal`], since the URL would then not be the page's.
pub fn check_page_path(path: &str) -> Result<(), UrlRefusal> {
    if path.starts_with('/') {
        return Err(UrlRefusal::Absolute);
    }
    let bytes = path.as_bytes();
    for (at, &byte) in bytes.iter().enumerate() {
        let allowed = byte.is_ascii_alphanumeric()
            || matches!(
                byte,
                b'-' | b'.'
                    | b'_'
                    | b'~'
                    | b'!'
                    | b'$'
                    | b'&'
                    | b'\''
                    | b'('
                    | b')'
                    | b'*'
                    | b'+'
                    | b','
                    | b';'
                    | b'='
                    | b':'
                    | b'@'
                    | b'/'
                    | b'%'
            );
        if !allowed {
            // The whole character, for the message (a byte of a multi-byte
            // one is never allowed, so `at` is where that character starts).
            let c = path[at..]
                .chars()
                .next()
                .unwrap_or(char::REPLACEMENT_CHARACTER);
            return Err(UrlRefusal::NotEncoded(c));
        }
        let hex = |offset: usize| bytes.get(at + offset).is_some_and(u8::is_ascii_hexdigit);
        if byte == b'%' && !(hex(1) && hex(2)) {
            return Err(UrlRefusal::BadEscape);
        }
    }
    let segments: Vec<&str> = path.split('/').collect();
    let last = segments.len() - 1;
    for (index, segment) in segments.into_iter().enumerate() {
        if segment.is_empty() && index != last {
            return Err(UrlRefusal::EmptySegment);
        }
        if is_dot_segment(segment) {
            return Err(UrlRefusal::DotSegment);
        }
    }
    Ok(())
}

/// WHATWG URL's single- and double-dot segments: `.`, `..`, and the same with
/// any dot written `%2e` or `%2E`.
fn is_dot_segment(segment: &str) -> bool {
    // `%2e%2e` is the longest.
    if segment.len() > 6 {
        return false;
    }
    let dots = segment.to_ascii_lowercase().replace("%2e", ".");
    dots == "." || dots == ".."
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

    /// The base, serialized: `https://xn--5dbkw2b.co.il/news/` for
    /// `https://מבזק.co.il/news`.
    pub fn as_str(&self) -> &str {
        self.base.as_str()
    }

    /// The base's path: `/` at the root of a host, `/news/` under a sub-path.
    pub fn path(&self) -> &str {
        self.base.path()
    }

    /// The absolute URL of the page at `page_path` ([`check_page_path`]): the
    /// base and the path, exactly (`article/%D7%90/` →
    /// `https://example.co.il/article/%D7%90/`, "" → the base). Also for a
    /// file at the top of the site (`sitemap.xml`). Errors: the path's
    /// refusal, or [`UrlRefusal::TooLong`].
    pub fn url_of(&self, page_path: &str) -> Result<String, UrlRefusal> {
        check_page_path(page_path)?;
        let url = format!("{}{page_path}", self.base);
        // ASCII throughout: characters are bytes.
        if url.len() > MAX_URL_CHARS {
            return Err(UrlRefusal::TooLong(url.len()));
        }
        Ok(url)
    }
}
