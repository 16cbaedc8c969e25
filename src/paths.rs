//! Paths the app links to, and the one rule that turns an id (or a tag) into a
//! path segment and back.
//!
//! The rule, everywhere a path to an article or tag is written or read (the app's
//! links, the embedded ticker's, the share bar, the published pages' folders,
//! Isso's thread names): a segment is the text percent-encoded in UTF-8 with
//! uppercase hex, everything but ASCII letters, digits, `-`, `.`, `_` and `~`
//! escaped (RFC 3986's unreserved set; JavaScript's `encodeURIComponent` with
//! `!'()*` escaped as well). Browsers resolve a segment that is `.` or `..` (or
//! `%2E`…) away, so only those get a `~` in front, and the three segments `~`,
//! `~.` and `~..` mean ``, `.` and `..`: an id that is itself one of them has its
//! `~` escaped. Reading a segment undoes exactly that.
//!
//! The location is read with [`use_path_segment`], never the router's param:
//! leptos_router 0.8 decodes a followed link's path once more than it was encoded
//! (`Url::unescape_minimal`, a `decodeURI`, in its click handler) before putting it
//! in the address bar, so the id changed after a reload; the app follows its own
//! links itself (`components/link_clicks.rs`).

/// `text` percent-encoded: everything but RFC 3986's unreserved characters
/// (ASCII letters, digits, `-`, `.`, `_`, `~`), UTF-8, uppercase hex. For query
/// values and as the body of [`encode_segment`].
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(byte as char);
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xF)]));
        }
    }
    out
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// The segments a browser would resolve away, each with the marked form that
/// stands for it.
const MARKED: [(&str, &str); 3] = [("", "~"), (".", "~."), ("..", "~..")];

/// `text` as one path segment (see the module's rule): "a/b?c" stays one segment,
/// and so do "." and "..". Never empty.
pub fn encode_segment(text: &str) -> String {
    let encoded = percent_encode(text);
    if let Some((_, marked)) = MARKED.iter().find(|(plain, _)| *plain == encoded) {
        return (*marked).to_owned();
    }
    if MARKED.iter().any(|(_, marked)| *marked == encoded) {
        // An id that is itself a mark: its "~" escaped, so it reads back as itself.
        return format!("%7E{}", &encoded[1..]);
    }
    encoded
}

/// `segment` with its `%XX` escapes decoded, as a static host does before it
/// looks up a file; a `%` without two hex digits stays, and escapes that are
/// not UTF-8 leave the segment as it is.
pub fn percent_decode(segment: &str) -> String {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let escaped = (bytes[at] == b'%')
            .then(|| bytes.get(at + 1..at + 3))
            .flatten()
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match escaped {
            Some(byte) => {
                out.push(byte);
                at += 3;
            }
            None => {
                out.push(bytes[at]);
                at += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| segment.to_owned())
}

/// The text a segment stands for: the reverse of [`encode_segment`]. Lenient with
/// paths written by hand: a `%` without two hex digits stays as it is, and a
/// segment whose escapes are not UTF-8 is returned undecoded.
pub fn decode_segment(segment: &str) -> String {
    if let Some((plain, _)) = MARKED.iter().find(|(_, marked)| *marked == segment) {
        return (*plain).to_owned();
    }
    percent_decode(segment)
}

pub use crate::shared::LONGEST_FILE_NAME;

/// The path segment of an article's id or a tag on its route, the one rule for
/// every link and the published page's folder (pinned by links.spec.js and
/// tests/suite/paths.rs):
/// - [`encode_segment`]`(text)`, readable, when the file a static host looks up
///   for it is a safe name: hosts (nginx, S3, Netlify, Cloudflare Pages, GitHub
///   Pages) percent-decode the path first, so the published page of
///   `/article/%D7%90` is the folder `article/א`. Safe means: no `/`, `\` or
///   control character (C0, DEL, C1) once decoded, at most
///   [`LONGEST_FILE_NAME`] bytes, and not an id whose decoded name is one of
///   the marks `~`, `~.`, `~..` (which stand for ``, `.`, `..`), and not
///   starting with `!` (whose decoded name would be a hashed segment's);
/// - otherwise `!` and the 16 lowercase hex digits of the text's FNV-1a 64-bit
///   hash ([`fnv1a_64`]): ids that are URLs (`https://site/2024/…`), 2,000
///   characters long, or carrying a tab. `encode_segment` escapes `!`, so no
///   readable segment starts with one.
///
/// The names are safe on POSIX file systems and object stores; Windows forbids
/// more (`"`, `:`, `?`, `*`, …, which Hebrew acronyms use) and case-insensitive
/// file systems merge `A` and `a`: publish from Linux or macOS's case-sensitive
/// volumes, as CI and CDN syncs do.
pub fn route_segment(text: &str) -> String {
    let readable = encode_segment(text);
    let unsafe_char = |c: char| c == '/' || c == '\\' || c.is_control();
    let is_mark = MARKED.iter().any(|(_, marked)| *marked == text);
    // "!x" reads as "%21x", which a host decodes to the folder of a hashed
    // segment: such ids are hashed too, so no two ids share a folder.
    let hash_like = text.starts_with('!');
    if text.len() <= LONGEST_FILE_NAME && !is_mark && !hash_like && !text.chars().any(unsafe_char) {
        readable
    } else {
        format!("!{:016x}", fnv1a_64(text.as_bytes()))
    }
}

/// FNV-1a, 64 bits (Fowler, Noll, Vo; draft-eastlake-fnv §2: offset basis
/// 0xcbf29ce484222325, prime 0x100000001b3), of `bytes`.
pub fn fnv1a_64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash: u64, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The segment a location's path segment (as the browser keeps it,
/// percent-encoded, possibly written by hand) stands for, in the form
/// [`route_segment`] gives: a hashed `!…` segment as it is, anything else
/// decoded and encoded again, so `/article/%d7%90` and a long id's readable
/// form find their item too.
pub fn canonical_segment(raw: &str) -> String {
    if raw.starts_with('!') {
        raw.to_ascii_lowercase()
    } else {
        route_segment(&decode_segment(raw))
    }
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

/// The folder a published file's path names (`/article/x/index.html` →
/// `/article/x/`, `/index.html` → `/`): a published page is the `index.html`
/// of its folder, and the app's routes are folders. `None` for any other path,
/// and for `/article/index.html` and `/tag/index.html`, where it is an id.
pub fn folder_of_index_file(pathname: &str) -> Option<&str> {
    pathname
        .strip_suffix("index.html")
        .filter(|folder| folder.ends_with('/'))
        .filter(|folder| {
            ![Route::Article, Route::Tag]
                .iter()
                .any(|route| folder.ends_with(route.prefix()))
        })
}

/// The app's own paths, with the router's base in front, since `<A>` leaves
/// absolute paths as they are. Provided once as context.
#[derive(Clone, Debug, PartialEq)]
pub struct Paths {
    base: String,
}

/// The accessibility statement's route below the base, and its published
/// folder (`accessibility/index.html`).
pub const ACCESSIBILITY: &str = "accessibility";

/// The routes that carry a segment: `/article/:id` and `/tag/:tag`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    Article,
    Tag,
}

impl Route {
    fn prefix(self) -> &'static str {
        match self {
            Route::Article => "/article/",
            Route::Tag => "/tag/",
        }
    }
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
        self.path(Route::Article, id)
    }
    pub fn tag(&self, tag: &str) -> String {
        self.path(Route::Tag, tag)
    }
    /// The accessibility statement's page (`pages::accessibility`).
    pub fn accessibility(&self) -> String {
        format!("{}/{ACCESSIBILITY}", self.base)
    }
    /// The path of `route` for `text` ("/news/article/a%2Fb" is one segment,
    /// [`route_segment`]).
    pub fn path(&self, route: Route, text: &str) -> String {
        format!("{}{}{}", self.base, route.prefix(), route_segment(text))
    }

    /// The segment that `pathname`, as the browser keeps it (`location.pathname`,
    /// percent-encoded), has for `route`, in [`canonical_segment`]'s form: the
    /// item whose `route_segment(id)` equals it is the one named. `None` when it
    /// is not such a path.
    pub fn segment_in(&self, route: Route, pathname: &str) -> Option<String> {
        let rest = pathname
            .strip_prefix(self.base.as_str())?
            .strip_prefix(route.prefix())?;
        let segment = rest.split('/').next().unwrap_or_default();
        (!segment.is_empty()).then(|| canonical_segment(segment))
    }

    /// The path a click on `link` should follow inside the app (path, query and
    /// fragment exactly as the link has them), or `None` when the link leaves the
    /// app (another origin, a path outside the router's base) or only moves to a
    /// fragment of the page it is on (`page`, the location), which the browser
    /// and the router already handle.
    pub fn own_link(&self, page: &LinkParts, link: &LinkParts) -> Option<String> {
        let inside = link.pathname == self.base
            || link
                .pathname
                .strip_prefix(self.base.as_str())
                .is_some_and(|rest| rest.starts_with('/'));
        let same_page = link.pathname == page.pathname && link.search == page.search;
        let fragment_only = same_page && !link.hash.is_empty();
        (link.origin == page.origin && inside && !fragment_only)
            .then(|| format!("{}{}{}", link.pathname, link.search, link.hash))
    }
}

/// A link's URL in the parts `HTMLAnchorElement` gives (`search` with its `?`,
/// `hash` with its `#`, both empty when absent; `pathname` percent-encoded).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LinkParts {
    pub origin: String,
    pub pathname: String,
    pub search: String,
    pub hash: String,
}

/// The segment of the current route, read from the location's percent-encoded
/// path by [`Paths::segment_in`] ([`canonical_segment`]'s form); "" when the
/// path has none. Compare it with [`route_segment`] of an id or tag.
pub fn use_path_segment(route: Route) -> leptos::prelude::Memo<String> {
    use leptos::prelude::*;
    let paths = expect_context::<Paths>();
    let location = leptos_router::hooks::use_location();
    Memo::new(move |_| {
        location
            .pathname
            .with(|pathname| paths.segment_in(route, pathname))
            .unwrap_or_default()
    })
}
