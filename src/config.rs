//! Runtime configuration: `config.json` beside `index.html`, so one build serves any site.
//!
//! Everything here is pure so it is tested natively; `load` in `config/loading.rs`
//! fetches the file and falls back to these defaults when it is missing or broken.

use serde::Deserialize;

use crate::shared;
use crate::time::TimeLabels;

mod accessibility;
mod addresses;
mod loading;
pub use accessibility::{iso_date, AccessibilityDetails};
pub use addresses::{config_file_url, resolve_against_config};
pub use loading::load;

/// How the flashes are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum TickerMode {
    /// The vertical timed list of the seed page, newest first.
    #[default]
    List,
    /// A continuous horizontal strip.
    Marquee,
}

impl TickerMode {
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "list" => Some(Self::List),
            "marquee" => Some(Self::Marquee),
            _ => None,
        }
    }
}

/// The ticker's options.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(default)]
pub struct TickerOptions {
    pub mode: TickerMode,
    /// Marquee pace in CSS pixels per second, so long and short strips move alike.
    pub speed: f64,
    /// How many flashes the ticker shows at most.
    pub count: usize,
}

impl Default for TickerOptions {
    fn default() -> Self {
        Self {
            mode: TickerMode::List,
            speed: shared::DEFAULT_TICKER_SPEED,
            count: shared::DEFAULT_TICKER_COUNT,
        }
    }
}

/// Every deployment setting.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(default)]
pub struct Config {
    /// The JSON Feed 1.1 document, relative to the page or absolute.
    pub feed_url: String,
    /// Base URL of an Isso server; `None` turns comments off.
    pub comments_url: Option<String>,
    pub site_name: String,
    pub facebook_url: Option<String>,
    /// IANA zone that times are shown in.
    pub time_zone: String,
    /// IANA zone of the feed's wall times, where it differs from `time_zone`: the
    /// zone a date written without one is read in (and every date, with
    /// `feed_time_labels: "local"`). `None` (the default, and `null`, `""` or a
    /// zone the platform does not know, with a warning): `time_zone`. Read it
    /// through [`Config::feed_zone`].
    pub feed_time_zone: Option<String>,
    /// Whether the feed's zone labels are believed (`"trust"`, the default) or its
    /// dates' digits are read in [`Config::feed_zone`] whatever zone they name
    /// (`"local"`, for a feed that writes Israel's time as `GMT`). See
    /// `crate::time::FeedTime`.
    #[serde(skip)]
    pub feed_time_labels: TimeLabels,
    pub poll_seconds: u32,
    pub ticker: TickerOptions,
    /// The language of the feed's texts when neither an item nor the feed names
    /// one: Hebrew by default; `None` (`null` or `""` in the file) leaves their
    /// direction to the browser (`dir="auto"`). The page's own words stay Hebrew.
    pub language: Option<String>,
    /// Feeds other than `feed_url` that the embedded ticker may show when an
    /// embedder asks with its `feed` option: absolute http(s) URLs, each either a
    /// folder or origin (ending in `/`: every feed under it) or one feed. The
    /// build writes them into `embed.html`'s `connect-src`; the rule that applies
    /// them is `embed::feed_is_allowed`.
    pub embed_feeds: Vec<String>,
    /// Light, dark, or following the reader's `prefers-color-scheme` (auto).
    #[serde(skip)]
    pub theme: crate::theme::Theme,
    /// The site's absolute address, `http(s)://host/path/` (a missing final `/`
    /// is added), for the publish-time pages' canonical links, Open Graph URLs
    /// and sitemaps (`mivzak-render`). `None`: the renderer warns and leaves out
    /// the tags that need an absolute URL. The browser app does not use it.
    pub site_url: Option<String>,
    /// The image shared for a page without one of its own (`og:image`, JSON-LD
    /// `image`): absolute, or relative to `site_url`.
    pub site_image: Option<String>,
    /// The publisher's logo (JSON-LD `publisher.logo`, Google's Article
    /// structured data): absolute, or relative to `site_url`.
    pub publisher_logo: Option<String>,
    /// The tags that make a flash urgent ("דחוף" badge, named first by the live
    /// region: `feed::urgency`), compared by tag identity (`feed::tags::tag_key`).
    /// Default `["דחוף"]`; `[]` leaves only the feed's own mark (JSON Feed's
    /// `"_mivzak": { "urgent": true }`). Entries that are blank are dropped
    /// with a warning; a value that is not a list of texts keeps the default.
    pub urgent_tags: Vec<String>,
    /// The publisher's part of the accessibility statement (`/accessibility`):
    /// `accessibility: { coordinator, phone, email, updated, exceptions }`.
    #[serde(skip)]
    pub accessibility: AccessibilityDetails,
}

/// `urgent_tags`' default: the tag Hebrew newsrooms mark their urgent flashes with.
pub const DEFAULT_URGENT_TAG: &str = "דחוף";

impl Default for Config {
    fn default() -> Self {
        Self {
            feed_url: shared::DEFAULT_FEED_URL.into(),
            comments_url: None,
            site_name: shared::DEFAULT_SITE_NAME.into(),
            facebook_url: None,
            time_zone: shared::DEFAULT_TIME_ZONE.into(),
            feed_time_zone: None,
            feed_time_labels: TimeLabels::Trust,
            poll_seconds: shared::DEFAULT_POLL_SECONDS,
            ticker: TickerOptions::default(),
            language: Some(shared::DEFAULT_LANGUAGE.into()),
            embed_feeds: Vec::new(),
            theme: crate::theme::Theme::Auto,
            site_url: None,
            site_image: None,
            publisher_logo: None,
            urgent_tags: vec![DEFAULT_URGENT_TAG.into()],
            accessibility: AccessibilityDetails::default(),
        }
    }
}

const KNOWN_KEYS: &[&str] = &[
    "feed_url",
    "comments_url",
    "site_name",
    "facebook_url",
    "time_zone",
    "feed_time_zone",
    "feed_time_labels",
    "poll_seconds",
    "ticker",
    "language",
    "embed_feeds",
    "theme",
    "site_url",
    "site_image",
    "publisher_logo",
    "urgent_tags",
    "accessibility",
];
const KNOWN_TICKER_KEYS: &[&str] = &["mode", "speed", "count"];

// The ranges, from shared/constants.json.
pub use crate::shared::{COUNT_RANGE, POLL_SECONDS_RANGE, SPEED_RANGE};

/// A parsed config and what was wrong with the file, for the console.
#[derive(Debug, PartialEq)]
pub struct Parsed {
    pub config: Config,
    pub warnings: Vec<String>,
}

/// Reads `config.json`. Never fails: a broken file gives the defaults and a warning,
/// a bad value gives that value's default and a warning.
pub fn parse(text: &str) -> Parsed {
    let mut warnings = Vec::new();
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(error) => {
            warnings.push(format!(
                "config.json is not valid JSON ({error}); using defaults"
            ));
            return Parsed {
                config: Config::default(),
                warnings,
            };
        }
    };
    let Some(object) = value.as_object() else {
        warnings.push("config.json is not a JSON object; using defaults".into());
        return Parsed {
            config: Config::default(),
            warnings,
        };
    };
    warn_unknown(object, KNOWN_KEYS, "", &mut warnings);
    if let Some(ticker) = object.get("ticker").and_then(|t| t.as_object()) {
        warn_unknown(ticker, KNOWN_TICKER_KEYS, "ticker.", &mut warnings);
    }

    // Each key on its own, so one wrong value does not throw away the rest.
    let mut config = Config::default();
    let defaults = Config::default();
    for (key, value) in object {
        if let ("ticker", Some(fields)) = (key.as_str(), value.as_object()) {
            // Each of the ticker's keys on its own too: a count of 2.5 keeps the mode.
            for (name, value) in fields {
                if let Err(error) = apply_ticker(&mut config.ticker, name, value.clone()) {
                    warnings.push(format!("config.json: ticker.{name} ignored ({error})"));
                }
            }
            continue;
        }
        if key == "accessibility" {
            config.accessibility = accessibility::parse_details(value, &mut warnings);
            continue;
        }
        let outcome = apply(&mut config, key, value.clone());
        if let Err(error) = outcome {
            warnings.push(format!("config.json: {key} ignored ({error})"));
        }
    }
    config.validate(&defaults, &mut warnings);
    Parsed { config, warnings }
}

fn warn_unknown(
    object: &serde_json::Map<String, serde_json::Value>,
    known: &[&str],
    prefix: &str,
    warnings: &mut Vec<String>,
) {
    for key in object.keys() {
        if !known.contains(&key.as_str()) {
            warnings.push(format!("config.json: unknown key {prefix}{key}"));
        }
    }
}

fn read<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> Result<T, String> {
    serde_json::from_value(value).map_err(|e| e.to_string())
}

/// A count written as any JSON number with a whole value (`20`, `20.0`, `2e1`),
/// as JavaScript's `Number.isInteger` would; negative ones are 0, for
/// `validate` to clamp. Anything else is an error.
fn whole_number(value: serde_json::Value) -> Result<u64, String> {
    let number: f64 = read(value)?;
    if !number.is_finite() || number.fract() != 0.0 {
        return Err("not a whole number".into());
    }
    // `as` saturates: -3 is 0 and 1e300 is u64::MAX, both then clamped.
    Ok(number as u64)
}

fn apply_ticker(
    ticker: &mut TickerOptions,
    key: &str,
    value: serde_json::Value,
) -> Result<(), String> {
    match key {
        "mode" => ticker.mode = read(value)?,
        "speed" => ticker.speed = read(value)?,
        "count" => ticker.count = usize::try_from(whole_number(value)?).unwrap_or(usize::MAX),
        _ => {}
    }
    Ok(())
}

fn apply(config: &mut Config, key: &str, value: serde_json::Value) -> Result<(), String> {
    match key {
        "feed_url" => config.feed_url = read(value)?,
        "comments_url" => config.comments_url = read(value)?,
        "site_name" => config.site_name = read(value)?,
        "facebook_url" => config.facebook_url = read(value)?,
        "time_zone" => config.time_zone = read(value)?,
        "feed_time_zone" => config.feed_time_zone = read(value)?,
        "feed_time_labels" => {
            let name: String = read(value)?;
            config.feed_time_labels = TimeLabels::parse(&name).ok_or("not trust or local")?;
        }
        "poll_seconds" => {
            config.poll_seconds = u32::try_from(whole_number(value)?).unwrap_or(u32::MAX)
        }
        "ticker" => config.ticker = read(value)?,
        "language" => {
            let language: Option<String> = read(value)?;
            config.language = match language.as_deref().map(str::trim) {
                None | Some("") => None,
                Some(text) => Some(
                    crate::bidi::language_tag(text).ok_or("not a language tag such as \"he\"")?,
                ),
            };
        }
        "embed_feeds" => config.embed_feeds = read(value)?,
        "site_url" => config.site_url = read(value)?,
        "site_image" => config.site_image = read(value)?,
        "publisher_logo" => config.publisher_logo = read(value)?,
        "urgent_tags" => {
            config.urgent_tags = read(value).map_err(|_| {
                "not a list of tags such as [\"דחוף\", \"Breaking\"]; using [\"דחוף\"]"
            })?
        }
        "theme" => {
            let name: String = read(value)?;
            config.theme = crate::theme::Theme::parse(&name).ok_or("not light, dark or auto")?;
        }
        _ => {}
    }
    Ok(())
}

impl Config {
    /// The zone a feed's wall times are read in: `feed_time_zone`, else the
    /// site's `time_zone`.
    pub fn feed_zone(&self) -> &str {
        self.feed_time_zone.as_deref().unwrap_or(&self.time_zone)
    }

    /// How the feed's dates are read: [`Config::feed_zone`] and `feed_time_labels`.
    pub fn feed_date_rules(&self) -> crate::feed::read::DateRules {
        crate::feed::read::DateRules {
            zone: self.feed_zone().to_owned(),
            labels: self.feed_time_labels,
        }
    }

    fn validate(&mut self, defaults: &Config, warnings: &mut Vec<String>) {
        if self.feed_url.trim().is_empty() {
            warnings.push("config.json: feed_url is empty; using the default".into());
            self.feed_url = defaults.feed_url.clone();
        }
        if self.site_name.trim().is_empty() {
            self.site_name = defaults.site_name.clone();
        }
        if self.time_zone.trim().is_empty() {
            self.time_zone = defaults.time_zone.clone();
        }
        // An empty string is how a hand-edited file usually says "off".
        if self
            .comments_url
            .as_deref()
            .is_some_and(|u| u.trim().is_empty())
        {
            self.comments_url = None;
        }
        if self
            .facebook_url
            .as_deref()
            .is_some_and(|u| u.trim().is_empty())
        {
            self.facebook_url = None;
        }
        // Checked here, not with `time_zone` at loading: natively (chrono-tz) and
        // in the browser (`Intl`) alike, so the renderer warns about it too.
        match self.feed_time_zone.as_deref() {
            Some(zone) if zone.trim().is_empty() => self.feed_time_zone = None,
            Some(zone) if !crate::time::zone_is_valid(zone) => {
                warnings.push(format!(
                    "config.json: unknown feed_time_zone {zone:?}; using time_zone"
                ));
                self.feed_time_zone = None;
            }
            _ => {}
        }
        for field in [&mut self.site_image, &mut self.publisher_logo] {
            if field.as_deref().is_some_and(|u| u.trim().is_empty()) {
                *field = None;
            }
        }
        if let Some(url) = self.site_url.take() {
            let url = url.trim();
            let absolute = ["https://", "http://"].iter().any(|scheme| {
                url.strip_prefix(scheme)
                    .is_some_and(|rest| !rest.is_empty() && !rest.starts_with('/'))
            });
            if absolute {
                let slash = if url.ends_with('/') { "" } else { "/" };
                self.site_url = Some(format!("{url}{slash}"));
            } else if !url.is_empty() {
                warnings.push(format!(
                    "config.json: site_url {url:?} is not an absolute http(s) URL; ignored"
                ));
            }
        }
        self.embed_feeds.retain(|entry| {
            let absolute = ["https://", "http://"]
                .iter()
                .any(|scheme| entry.strip_prefix(scheme).is_some_and(|rest| !rest.is_empty()));
            if !absolute {
                warnings.push(format!(
                    "config.json: embed_feeds entry {entry:?} is not an absolute http(s) URL; ignored"
                ));
            }
            absolute
        });
        self.urgent_tags.retain(|tag| {
            let blank = crate::feed::tags::tag_key(tag).is_empty();
            if blank {
                warnings.push(format!(
                    "config.json: urgent_tags entry {tag:?} is blank; ignored"
                ));
            }
            !blank
        });
        let (low, high) = POLL_SECONDS_RANGE;
        if !(low..=high).contains(&self.poll_seconds) {
            warnings.push(format!(
                "config.json: poll_seconds {} is outside {low}..{high}; clamped",
                self.poll_seconds
            ));
            self.poll_seconds = self.poll_seconds.clamp(low, high);
        }
        let (low, high) = SPEED_RANGE;
        if !self.ticker.speed.is_finite() || !(low..=high).contains(&self.ticker.speed) {
            // Named without the number: formatting a float costs the wasm 4 KB.
            warnings.push(format!(
                "config.json: ticker.speed is outside {}..{}; using the default",
                low as u32, high as u32
            ));
            self.ticker.speed = defaults.ticker.speed;
        }
        let (low, high) = COUNT_RANGE;
        if !(low..=high).contains(&self.ticker.count) {
            warnings.push(format!(
                "config.json: ticker.count {} is outside {low}..{high}; clamped",
                self.ticker.count
            ));
            self.ticker.count = self.ticker.count.clamp(low, high);
        }
    }
}
