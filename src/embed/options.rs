//! The embedded ticker's options, read from its iframe's query string (pure, so
//! every rule is tested natively). Anything invalid falls back with a warning.

use crate::config::{TickerMode, COUNT_RANGE, SPEED_RANGE};
use crate::theme::Theme;

/// Where a flash's link opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum LinkTarget {
    /// The embedding page's window.
    #[default]
    Top,
    NewTab,
}

impl LinkTarget {
    pub fn as_attr(self) -> &'static str {
        match self {
            Self::Top => "_top",
            Self::NewTab => "_blank",
        }
    }
}

/// The language of the widget's own words (buttons, heading).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ChromeLanguage {
    #[default]
    Hebrew,
    English,
}

impl ChromeLanguage {
    pub fn tag(self) -> &'static str {
        match self {
            Self::Hebrew => "he",
            Self::English => "en",
        }
    }
    pub fn dir(self) -> &'static str {
        match self {
            Self::Hebrew => "rtl",
            Self::English => "ltr",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct EmbedOptions {
    pub mode: Option<TickerMode>,
    pub count: Option<usize>,
    pub speed: Option<f64>,
    pub theme: Theme,
    pub feed: Option<String>,
    pub language: ChromeLanguage,
    pub target: LinkTarget,
    /// The embed's number on its host page, echoed in every message.
    pub id: u32,
    /// The host page's origin: the only one messages go to and come from.
    pub parent: Option<String>,
    /// CSS custom properties to set: (`--mivzak-bg`, "#102030").
    pub styles: Vec<(&'static str, String)>,
}

pub use crate::shared::{EMBED_OPTIONS, LIVE_OPTIONS};

/// Reads the query string's pairs (already percent-decoded).
pub fn parse_options<'a>(
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> (EmbedOptions, Vec<String>) {
    let mut options = EmbedOptions::default();
    let mut warnings = Vec::new();
    let mut warn = |key: &str, value: &str| {
        warnings.push(format!("embed: invalid {key}={value:?}; using the default"))
    };
    for (key, value) in pairs {
        match key {
            "mode" => match TickerMode::parse(value) {
                Some(mode) => options.mode = Some(mode),
                None => warn(key, value),
            },
            "count" => match value.parse::<usize>() {
                Ok(n) if (COUNT_RANGE.0..=COUNT_RANGE.1).contains(&n) => options.count = Some(n),
                _ => warn(key, value),
            },
            "speed" => match value.parse::<f64>() {
                Ok(s) if (SPEED_RANGE.0..=SPEED_RANGE.1).contains(&s) => options.speed = Some(s),
                _ => warn(key, value),
            },
            "theme" => match Theme::parse(value) {
                Some(theme) => options.theme = theme,
                None => warn(key, value),
            },
            "feed" if !value.trim().is_empty() => options.feed = Some(value.trim().to_owned()),
            "lang" => match value {
                "he" => options.language = ChromeLanguage::Hebrew,
                "en" => options.language = ChromeLanguage::English,
                _ => warn(key, value),
            },
            "target" => match value {
                "top" | "_top" => options.target = LinkTarget::Top,
                "blank" | "_blank" | "new" => options.target = LinkTarget::NewTab,
                _ => warn(key, value),
            },
            "id" => match value.parse() {
                Ok(id) => options.id = id,
                _ => warn(key, value),
            },
            "parent" => match valid_origin(value) {
                Some(origin) => options.parent = Some(origin),
                None => warn(key, value),
            },
            "bg" | "fg" | "accent" => match valid_color(value) {
                Some(color) => options.styles.push((style_property(key), color)),
                None => warn(key, value),
            },
            "font" => match valid_font(value) {
                Some(font) => options.styles.push(("--mivzak-font", font)),
                None => warn(key, value),
            },
            "title" => {}
            _ => warn(key, "(unknown option)"),
        }
    }
    (options, warnings)
}

fn style_property(key: &str) -> &'static str {
    match key {
        "bg" => "--mivzak-bg",
        "fg" => "--mivzak-fg",
        _ => "--mivzak-accent",
    }
}

/// `scheme://host[:port]` and nothing more: the exact form `MessageEvent.origin` has.
pub fn valid_origin(value: &str) -> Option<String> {
    let rest = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"))?;
    let ok = !rest.is_empty()
        && rest
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
    ok.then(|| value.to_owned())
}

/// A colour that cannot break out of its declaration: `#rgb`, `#rrggbb(aa)`,
/// a name, or `rgb()`/`hsl()` with plain numbers.
pub fn valid_color(value: &str) -> Option<String> {
    let value = value.trim();
    let hex = value.strip_prefix('#').is_some_and(|h| {
        matches!(h.len(), 3 | 4 | 6 | 8) && h.chars().all(|c| c.is_ascii_hexdigit())
    });
    let name =
        !value.is_empty() && value.len() <= 30 && value.chars().all(|c| c.is_ascii_alphabetic());
    let function = ["rgb(", "rgba(", "hsl(", "hsla("]
        .iter()
        .any(|f| value.starts_with(f))
        && value.ends_with(')')
        && value.len() <= 60
        && value.chars().all(|c| {
            c.is_ascii_alphanumeric() || matches!(c, '(' | ')' | ',' | '.' | '%' | ' ' | '/')
        });
    (hex || name || function).then(|| value.to_owned())
}

/// A font list: names, spaces, commas, quotes and hyphens only.
pub fn valid_font(value: &str) -> Option<String> {
    let value = value.trim();
    let ok = !value.is_empty()
        && value.len() <= 100
        && value
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | ',' | '"' | '\'' | '-'));
    ok.then(|| value.to_owned())
}

/// Whether the embedded ticker may read `feed`, a feed an embedder asked for with
/// its `feed` option. Allowed: a feed on the embed page's own origin, on the
/// origin of the site's own `feed_url`, or matched by an entry of `embed_feeds`
/// (config.json). These are what `scripts/security-headers.mjs` puts in
/// `embed.html`'s `connect-src`, so an allowed feed is never blocked there, and
/// the entries match as CSP source expressions do: same origin, and a path
/// ending in `/` takes every path under it, any other path only itself (query
/// and fragment aside). Every URL is absolute, in the browser's spelling (`URL.href`).
pub fn feed_is_allowed(
    feed: &str,
    page_origin: &str,
    site_feed: &str,
    embed_feeds: &[String],
) -> bool {
    let Some((origin, path)) = split_url(feed) else {
        return false;
    };
    let same_origin = |url: &str| split_url(url).is_some_and(|(o, _)| o == origin);
    same_origin(page_origin)
        || same_origin(site_feed)
        || embed_feeds.iter().any(|entry| {
            split_url(entry).is_some_and(|(o, allowed)| {
                o == origin
                    && if allowed.ends_with('/') {
                        path.starts_with(allowed)
                    } else {
                        path == allowed
                    }
            })
        })
}

/// `(origin, path)` of an absolute http(s) URL, the path without query or
/// fragment and `/` when empty; `None` for anything else.
fn split_url(url: &str) -> Option<(&str, &str)> {
    let scheme = ["https://", "http://"]
        .into_iter()
        .find(|scheme| url.starts_with(scheme))?;
    let rest = &url[scheme.len()..];
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    if host_end == 0 {
        return None;
    }
    let origin = &url[..scheme.len() + host_end];
    let after = &rest[host_end..];
    let path = &after[..after.find(['?', '#']).unwrap_or(after.len())];
    Some((origin, if path.is_empty() { "/" } else { path }))
}

/// The console's explanation when an embed's `feed` is refused.
pub fn refused_feed_message(feed: &str) -> String {
    format!(
        "embed: the feed {feed} is not allowed for embeds of this site, so the ticker shows \
         the site's own feed. The site's publisher can allow it: add its URL (or its origin, \
         ending in /) to \"embed_feeds\" in config.json, then run \
         `node scripts/security-headers.mjs dist` so the Content-Security-Policy allows it too."
    )
}
