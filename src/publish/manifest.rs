//! What `mivzak-render` has rendered, kept between runs in the output folder
//! as [`MANIFEST_FILE`], so that nothing shared goes dead: an article that left
//! the feed keeps its page (nothing removes it) and its place in `sitemap.xml`
//! (which is written from this record, not from the feed), and a link shared
//! last week still opens.
//!
//! A run reads it first ([`Manifest::load`]), records every article and tag
//! page it renders, and saves it last ([`Manifest::save`]). A missing file is
//! an empty record (the first run). A file that cannot be read is an error,
//! never a fresh start: starting over would forget every page whose item has
//! left the feed, and drop them from the sitemap, without a word.
//!
//! The file, UTF-8 JSON (RFC 8259), pretty-printed:
//!
//! ```json
//! {
//!   "format": "mivzak-render manifest",
//!   "version": 1,
//!   "articles": [
//!     {
//!       "id": "שלג-בחרמון",
//!       "path": "article/%D7%A9%D7%9C%D7%92-%D7%91%D7%97%D7%A8%D7%9E%D7%95%D7%9F/",
//!       "title": "כותרת",
//!       "language": "he",
//!       "date_published": "2025-03-10T06:15:00Z",
//!       "date_modified": null,
//!       "tags": ["פוליטיקה"],
//!       "first_seen": "2025-03-10T06:20:00Z",
//!       "last_seen": "2025-03-11T09:00:00Z"
//!     }
//!   ],
//!   "tags": [
//!     {
//!       "name": "פוליטיקה",
//!       "path": "tag/%D7%A4%D7%95%D7%9C%D7%99%D7%98%D7%99%D7%A7%D7%94/",
//!       "first_seen": "2025-03-10T06:20:00Z",
//!       "last_seen": "2025-03-11T09:00:00Z"
//!     }
//!   ]
//! }
//! ```
//!
//! - `version` is [`FORMAT_VERSION`]; a change that an older renderer would
//!   misread (or silently drop on rewrite) raises it, and a renderer refuses a
//!   version it does not know rather than overwrite it.
//! - `path` is the page's path relative to the site root, as its links and
//!   canonical URL have it (the route segment of `crate::paths`, percent-
//!   encoded, with a final `/`); the sitemap's URL is `site_url` and this
//!   path. The page's file is where a static host finds that path, which is
//!   the renderer's business, not the record's.
//! - Times written by the renderer (`first_seen`, `last_seen`: the `now` of
//!   the runs that first and last found the item in the feed) are RFC 3339 in
//!   UTC. `date_published` and `date_modified` are the instants the feed gave
//!   (not clamped to now), RFC 3339 in UTC since the parsed feed keeps the
//!   instant, not its offset; any date the feed reader accepts
//!   (`crate::time::parse_date_ms`) is read back.
//! - Arrays are ordered by `first_seen`, then id or path, so that new entries
//!   go at the end and the file (and the sitemaps, which keep this order)
//!   change at the end only.
//! - The file is served with the pages, like `sitemap.xml`; it holds nothing
//!   that the sitemap and the pages do not already show.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::output::{OutputDir, OutputError, Written};
use super::site_url::{check_page_path, UrlRefusal};
use super::w3c_datetime::w3c_datetime;
use crate::bidi::text_direction;
use crate::feed::Article;

/// The manifest's file name, at the top of the output folder.
pub const MANIFEST_FILE: &str = "mivzak-render.json";

/// The `format` value that tells this file from any other JSON.
pub const FORMAT_NAME: &str = "mivzak-render manifest";

/// The format version this renderer reads and writes.
pub const FORMAT_VERSION: u64 = 1;

/// An article page that was rendered, as of the last run that saw its item.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleRecord {
    /// The item's JSON Feed `id`.
    pub id: String,
    /// The page's path relative to the site root (`article/%D7%90/`), as
    /// `site_url::check_page_path` allows.
    pub path: String,
    /// The headline, plain text on one line (`Article::title`).
    pub title: String,
    /// A BCP 47 tag: the item's `language`, else its feed's; `None` when neither
    /// names one (the site's `language` then applies, read at sitemap time).
    pub language: Option<String>,
    /// The item's `date_published` as the feed gave it (see the module's
    /// doc), or `None`.
    pub date_published: Option<String>,
    /// The item's `date_modified`, likewise.
    pub date_modified: Option<String>,
    /// The item's tags as the feed wrote them.
    pub tags: Vec<String>,
    /// Milliseconds since the epoch of the run that first found the item in the feed.
    #[serde(with = "instant")]
    pub first_seen: i64,
    /// Milliseconds since the epoch of the last run that found it.
    #[serde(with = "instant")]
    pub last_seen: i64,
}

/// A tag page that was rendered.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TagRecord {
    /// The tag as the page shows it.
    pub name: String,
    /// The page's path relative to the site root (`tag/%D7%90/`).
    pub path: String,
    /// Milliseconds since the epoch of the run that first rendered the page.
    #[serde(with = "instant")]
    pub first_seen: i64,
    /// Milliseconds since the epoch of the last run that rendered it.
    #[serde(with = "instant")]
    pub last_seen: i64,
}

/// Every page rendered so far: articles by id, tags by path.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Manifest {
    articles: BTreeMap<String, ArticleRecord>,
    tags: BTreeMap<String, TagRecord>,
}

/// Why the manifest could not be read or saved.
#[derive(Debug, thiserror::Error)]
pub enum ManifestError {
    /// The file exists but could not be read (a link out of the folder, permissions).
    #[error(
        "{MANIFEST_FILE} in the output folder could not be read ({0}); every existing page \
         is left as it is, nothing is written until it can be read"
    )]
    Unreadable(#[source] OutputError),
    /// Not JSON, not a manifest, a missing field, a duplicate id or path, an
    /// unsafe path, an unreadable time.
    #[error(
        "{MANIFEST_FILE} in the output folder is corrupt ({reason}); every existing page is \
         left as it is, nothing is written until it is repaired or restored from a backup \
         (deleting it would forget the pages of items that left the feed, and drop them from \
         sitemap.xml)"
    )]
    Corrupt { reason: String },
    /// A format version other than [`FORMAT_VERSION`], most likely written
    /// by a newer mivzak-render.
    #[error(
        "{MANIFEST_FILE} in the output folder is in format version {found}, and this \
         mivzak-render reads version {FORMAT_VERSION}; every existing page is left as it is \
         (run the mivzak-render that wrote it)"
    )]
    UnknownVersion { found: String },
    /// A page path given to [`Manifest::record_article`] or
    /// [`Manifest::record_tag`] that `site_url::check_page_path` refuses.
    #[error("the page path {path:?} cannot be recorded: {why}")]
    BadPagePath { path: String, why: UrlRefusal },
    /// A record holds a time that RFC 3339 cannot write ([`Manifest::to_json`]).
    #[error("{MANIFEST_FILE} could not be written: {0}")]
    Unwritable(String),
    /// The file could not be written.
    #[error("{MANIFEST_FILE} could not be saved: {0}")]
    Unsaved(#[source] OutputError),
}

/// The file as it is stored.
#[derive(Serialize, Deserialize)]
struct Stored {
    format: String,
    version: u64,
    articles: Vec<ArticleRecord>,
    tags: Vec<TagRecord>,
}

impl Manifest {
    /// The manifest in `out`, or an empty one when there is no
    /// [`MANIFEST_FILE`]. Errors: see [`ManifestError`]; the caller must then
    /// write nothing.
    pub fn load(out: &OutputDir) -> Result<Self, ManifestError> {
        match out.read(MANIFEST_FILE) {
            Ok(None) => Ok(Self::default()),
            Ok(Some(bytes)) => {
                let text = std::str::from_utf8(&bytes).map_err(|error| ManifestError::Corrupt {
                    reason: format!("not UTF-8: {error}"),
                })?;
                Self::parse(text)
            }
            Err(error) => Err(ManifestError::Unreadable(error)),
        }
    }

    /// Writes the manifest to `out` (only when it changed, atomically).
    /// Errors: as [`Manifest::to_json`], or the file could not be written.
    pub fn save(&self, out: &OutputDir) -> Result<Written, ManifestError> {
        out.write(MANIFEST_FILE, self.to_json()?.as_bytes())
            .map_err(ManifestError::Unsaved)
    }

    /// Reads the file's text (see the module's doc for the format). Errors:
    /// [`ManifestError::Corrupt`], [`ManifestError::UnknownVersion`].
    pub fn parse(text: &str) -> Result<Self, ManifestError> {
        let corrupt = |reason: String| ManifestError::Corrupt { reason };
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|error| corrupt(format!("not JSON: {error}")))?;
        if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT_NAME) {
            return Err(corrupt(format!("its \"format\" is not {FORMAT_NAME:?}")));
        }
        // The version before the rest: a newer format may fail the checks below.
        match value.get("version") {
            Some(version) if version.as_u64() == Some(FORMAT_VERSION) => {}
            Some(version) => {
                return Err(ManifestError::UnknownVersion {
                    found: version.to_string(),
                })
            }
            None => return Err(corrupt("it has no \"version\"".into())),
        }
        let stored: Stored =
            serde_json::from_value(value).map_err(|error| corrupt(error.to_string()))?;
        let mut manifest = Self::default();
        for article in stored.articles {
            check_stored_path(&article.path)?;
            if let Some(twin) = manifest.articles.insert(article.id.clone(), article) {
                return Err(corrupt(format!("the id {:?} is listed twice", twin.id)));
            }
        }
        for tag in stored.tags {
            check_stored_path(&tag.path)?;
            if let Some(twin) = manifest.tags.insert(tag.path.clone(), tag) {
                return Err(corrupt(format!(
                    "the tag path {:?} is listed twice",
                    twin.path
                )));
            }
        }
        Ok(manifest)
    }

    /// The file's text: pretty JSON ending in a line break. Error:
    /// [`ManifestError::Unwritable`] for a time outside the years 0000–9999,
    /// only possible when a run was recorded with an absurd `now_ms`.
    pub fn to_json(&self) -> Result<String, ManifestError> {
        let stored = Stored {
            format: FORMAT_NAME.into(),
            version: FORMAT_VERSION,
            articles: self.articles().into_iter().cloned().collect(),
            tags: self.tags().into_iter().cloned().collect(),
        };
        let mut json = serde_json::to_string_pretty(&stored)
            .map_err(|error| ManifestError::Unwritable(error.to_string()))?;
        json.push('\n');
        Ok(json)
    }

    /// Records that `article`'s page was rendered at `path` (relative to the
    /// site root, percent-encoded: `article/%D7%90/`) in the run at `now_ms`:
    /// a new item is first seen now; a known one keeps its `first_seen` and
    /// takes the item's current title, dates, tags, language and path. Error:
    /// a path `site_url::check_page_path` refuses, whose URL would not be the
    /// page's.
    pub fn record_article(
        &mut self,
        article: &Article,
        path: &str,
        now_ms: i64,
    ) -> Result<(), ManifestError> {
        check_new_path(path)?;
        let first_seen = self
            .articles
            .get(&article.id)
            .map_or(now_ms, |known| known.first_seen);
        let language = text_direction(
            article.language.as_deref(),
            article.feed_language.as_deref(),
            None,
        )
        .lang;
        let record = ArticleRecord {
            id: article.id.clone(),
            path: path.to_owned(),
            title: article.title.clone(),
            language,
            date_published: article.published_ms.and_then(w3c_datetime),
            date_modified: article.modified_ms.and_then(w3c_datetime),
            tags: article.tags.clone(),
            first_seen,
            last_seen: now_ms,
        };
        self.articles.insert(record.id.clone(), record);
        Ok(())
    }

    /// Records that the page of the tag shown as `name` was rendered at `path`
    /// in the run at `now_ms`. Error: as for [`Manifest::record_article`].
    pub fn record_tag(&mut self, name: &str, path: &str, now_ms: i64) -> Result<(), ManifestError> {
        check_new_path(path)?;
        let first_seen = self.tags.get(path).map_or(now_ms, |known| known.first_seen);
        let record = TagRecord {
            name: name.to_owned(),
            path: path.to_owned(),
            first_seen,
            last_seen: now_ms,
        };
        self.tags.insert(record.path.clone(), record);
        Ok(())
    }

    /// The article with this id, in the feed or not.
    pub fn article(&self, id: &str) -> Option<&ArticleRecord> {
        self.articles.get(id)
    }

    /// Every article ever rendered, oldest first seen first (then by id).
    pub fn articles(&self) -> Vec<&ArticleRecord> {
        let mut articles: Vec<&ArticleRecord> = self.articles.values().collect();
        // Stable, and the map is ordered by id: ties stay in id order.
        articles.sort_by_key(|article| article.first_seen);
        articles
    }

    /// Every tag page ever rendered, oldest first seen first (then by path).
    pub fn tags(&self) -> Vec<&TagRecord> {
        let mut tags: Vec<&TagRecord> = self.tags.values().collect();
        tags.sort_by_key(|tag| tag.first_seen);
        tags
    }
}

fn check_new_path(path: &str) -> Result<(), ManifestError> {
    check_page_path(path).map_err(|why| ManifestError::BadPagePath {
        path: path.to_owned(),
        why,
    })
}

/// A stored path is checked as a new one is: the sitemap turns it into a URL,
/// and a hand-edited `../../x` must not become one.
fn check_stored_path(path: &str) -> Result<(), ManifestError> {
    check_page_path(path).map_err(|why| ManifestError::Corrupt {
        reason: format!("the page path {path:?} is not a page's: {why}"),
    })
}

/// Milliseconds since the epoch, stored as an RFC 3339 string.
mod instant {
    use serde::de::Error;
    use serde::{Deserialize, Deserializer, Serializer};

    use super::super::w3c_datetime::w3c_datetime;
    use crate::time::parse_date_ms;

    pub fn serialize<S: Serializer>(ms: &i64, serializer: S) -> Result<S::Ok, S::Error> {
        match w3c_datetime(*ms) {
            Some(text) => serializer.serialize_str(&text),
            None => Err(serde::ser::Error::custom(format!(
                "{ms} ms since the epoch is outside the years 0000 to 9999"
            ))),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<i64, D::Error> {
        let text = String::deserialize(deserializer)?;
        parse_date_ms(&text).ok_or_else(|| D::Error::custom(format!("{text:?} is not a date")))
    }
}
