//! The picture of an item that names none of its own: the first `<img>` of its
//! body that is a real image. WordPress puts a post's only image inside
//! `content:encoded`; Walla writes `<img hspace=5 align=right src=…>` in its
//! description; both often put a 1×1 tracking pixel first (Jetpack's
//! `pixel.wp.com`, FeedBurner's `/~r/`, a counter `width="1" height="1"`).
//!
//! A scan of the tags rather than an HTML parser: in the wasm a parser would be
//! the browser's, off the pure path, and this needs only tag and attribute
//! syntax (HTML Standard §13.2.5: quoted, single-quoted and unquoted values).

use crate::html::policy::image_sources;

/// How many `<img>` tags are looked at before giving up.
const MOST_TAGS: usize = 24;

/// The address of the first image in `html` that is not a placeholder, as
/// written (resolved later against the item's base, like the JSON Feed `image`),
/// or `None`. A lazy-loading attribute wins over `src`, as the sanitizer reads it
/// ([`image_sources`]); `data:` URLs never count.
pub fn first_image(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let mut from = 0;
    for _ in 0..MOST_TAGS {
        let at = from + lower[from..].find("<img")?;
        let after = at + 4;
        from = after;
        if !lower[after..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_whitespace() || c == '/' || c == '>')
        {
            continue;
        }
        let (attributes, end) = attributes(&html[after..]);
        from = after + end;
        let attribute = |name: &str| {
            attributes
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| decode_amp(v))
        };
        if is_placeholder(&attribute) {
            continue;
        }
        let source = image_sources(attribute)
            .into_iter()
            .find(|url| !is_tracker(url));
        if source.is_some() {
            return source;
        }
    }
    None
}

/// A width or height of 0 or 1 (a counter) or under 64 (an icon, an emoji), an
/// emoji's class, or hidden (by style or the `hidden` attribute).
fn is_placeholder(attribute: &impl Fn(&str) -> Option<String>) -> bool {
    let hidden = attribute("style").is_some_and(|style| {
        let style: String = style.to_ascii_lowercase().split_whitespace().collect();
        style.contains("display:none")
            || style.contains("width:1px")
            || style.contains("height:1px")
    });
    // Counters (0 or 1 pixel), emoji and icons (WordPress's `wp-smiley`, a 16×16
    // badge) are no picture.
    let small = ["width", "height"].iter().any(|name| {
        attribute(name)
            .and_then(|v| v.trim().trim_end_matches("px").trim().parse::<f64>().ok())
            .is_some_and(|v| v < 64.0)
    });
    let emoji = attribute("class").is_some_and(|class| {
        let class = class.to_ascii_lowercase();
        class.contains("smiley") || class.contains("emoji")
    });
    small || emoji || hidden || attribute("hidden").is_some()
}

/// The counters and avatars feeds put beside their pictures: Jetpack's and
/// WordPress.com's stats, FeedBurner's, Gravatars, WordPress's emoji, and files
/// named as placeholders (`pixel.gif`, `spacer.gif`, `blank.png`, `1x1.gif`,
/// `counter.php`). Media RSS's images are held to it too (`xml::media_image`).
pub fn is_tracker(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let path = lower.split(['?', '#']).next().unwrap_or_default();
    let file = path.rsplit('/').next().unwrap_or_default();
    lower.contains("pixel.wp.com")
        || lower.contains("stats.wordpress.com")
        || lower.contains("feedburner.com/~r/")
        || lower.contains("feeds.feedburner.com/~ff/")
        || lower.contains("feedburner.com/~4/")
        || lower.contains("s.w.org/images/core/emoji")
        || lower.contains("gravatar.com/avatar")
        || file.starts_with("counter")
        || file.starts_with("__utm.gif")
        || ["pixel", "spacer", "blank", "1x1", "transparent", "tracking"]
            .iter()
            .any(|name| file.starts_with(name))
}

/// The attributes of a tag whose name has been read: (lower-cased name, value),
/// and where the tag ends (after its `>`, or the end of the text).
fn attributes(tag: &str) -> (Vec<(String, String)>, usize) {
    let bytes = tag.as_bytes();
    let mut found = Vec::new();
    let mut at = 0;
    loop {
        while at < bytes.len() && (bytes[at].is_ascii_whitespace() || bytes[at] == b'/') {
            at += 1;
        }
        if at >= bytes.len() {
            return (found, at);
        }
        if bytes[at] == b'>' {
            return (found, at + 1);
        }
        let name_start = at;
        while at < bytes.len()
            && !matches!(bytes[at], b'=' | b'>' | b'/')
            && !bytes[at].is_ascii_whitespace()
        {
            at += 1;
        }
        let name = tag[name_start..at].to_ascii_lowercase();
        while at < bytes.len() && bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        if at >= bytes.len() || bytes[at] != b'=' {
            found.push((name, String::new()));
            continue;
        }
        at += 1;
        while at < bytes.len() && bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        let value = match bytes.get(at) {
            Some(&quote @ (b'"' | b'\'')) => {
                let start = at + 1;
                let end = tag[start..]
                    .find(quote as char)
                    .map_or(tag.len(), |end| start + end);
                at = (end + 1).min(tag.len());
                &tag[start..end]
            }
            _ => {
                let start = at;
                while at < bytes.len() && !bytes[at].is_ascii_whitespace() && bytes[at] != b'>' {
                    at += 1;
                }
                &tag[start..at]
            }
        };
        found.push((name, value.to_owned()));
    }
}

/// `&amp;` in an attribute value, the one reference URLs carry.
fn decode_amp(value: &str) -> String {
    value
        .replace("&amp;", "&")
        .replace("&#038;", "&")
        .replace("&#38;", "&")
}
