//! The embedded ticker's options, read from its iframe's query string (pure, so
//! every rule is tested natively). Anything invalid falls back with a warning.

use crate::config::{TickerMode, COUNT_RANGE, SPEED_RANGE};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    Light,
    Dark,
    /// Follows the reader's `prefers-color-scheme`.
    #[default]
    Auto,
}

impl Theme {
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "light" => Some(Self::Light),
            "dark" => Some(Self::Dark),
            "auto" => Some(Self::Auto),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Light => "light",
            Self::Dark => "dark",
            Self::Auto => "auto",
        }
    }
}

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
