//! Paths the app links to, built in one place.

/// A path segment with everything but unreserved characters percent-encoded,
/// so an id like "a/b?c" stays one segment.
pub fn encode_segment(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The router's base: the path of `<base href>` without its trailing slash
/// ("" at the root, "/news" under a sub-path).
pub fn base_path(base_url: &str) -> String {
    let after_scheme = base_url
        .split_once("://")
        .map_or(base_url, |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("/", |i| &after_scheme[i..]);
    let path = path.split(['?', '#']).next().unwrap_or("/");
    // A base that names a file ("/news/index.html") means its folder.
    let folder = &path[..=path.rfind('/').unwrap_or(0)];
    folder.trim_end_matches('/').to_owned()
}

/// The app's own paths, with the router's base in front, since `<A>` leaves
/// absolute paths as they are. Provided once as context.
#[derive(Clone, Debug, PartialEq)]
pub struct Paths {
    base: String,
}

impl Paths {
    pub fn new(base: String) -> Self {
        Self { base }
    }
    pub fn base(&self) -> &str {
        &self.base
    }
    pub fn home(&self) -> String {
        format!("{}/", self.base)
    }
    pub fn article(&self, id: &str) -> String {
        format!("{}/article/{}", self.base, encode_segment(id))
    }
    pub fn tag(&self, tag: &str) -> String {
        format!("{}/tag/{}", self.base, encode_segment(tag))
    }
}
