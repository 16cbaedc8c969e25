//! The JSON Feed 1.1 document as the app uses it, after validation.

use crate::bidi::{text_direction, TextDirection};

/// A person credited on the feed or an item.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Author {
    pub name: Option<String>,
    pub url: Option<String>,
    pub avatar: Option<String>,
}

/// A file attached to an item (a podcast episode, a PDF).
#[derive(Clone, Debug, PartialEq)]
pub struct Attachment {
    pub url: String,
    pub mime_type: String,
    pub title: Option<String>,
    pub size_in_bytes: Option<u64>,
    pub duration_in_seconds: Option<f64>,
}

/// What the article page shows as its body, in order of preference.
#[derive(Clone, Debug, PartialEq)]
pub enum Body {
    /// `content_html`: untrusted, sanitized before display.
    Html(String),
    /// `content_text` (or `summary`) split into paragraphs.
    Paragraphs(Vec<String>),
    Empty,
}

/// One item: a flash, and the article behind it.
#[derive(Clone, Debug, PartialEq)]
pub struct Article {
    /// JSON Feed ids are strings; numbers are turned into strings.
    pub id: String,
    pub url: Option<String>,
    pub external_url: Option<String>,
    /// The headline, plain text on one line (`plain_text.rs`); for an item without
    /// a title, the start of its text.
    pub title: String,
    /// True when `title` was made up from the text.
    pub title_from_text: bool,
    pub content_html: Option<String>,
    pub content_text: Option<String>,
    /// Plain text (`plain_text.rs`): tags stripped, references decoded.
    pub summary: Option<String>,
    pub image: Option<String>,
    /// True when `image` was taken from the body (RSS and Atom items that name no
    /// picture of their own): previews and lists show it, the article page does
    /// not show it twice.
    pub image_in_body: bool,
    /// `image`'s width and height in pixels where the feed gives them: Media
    /// RSS's `width` and `height` on the `media:content` or `media:thumbnail`
    /// taken as `image` (for the published page's `og:image:width` and
    /// `og:image:height`). JSON Feed has no such field, an RSS enclosure only
    /// a length in bytes, a body image's attributes are its layout (not its
    /// file's size): `None` for all of those.
    pub image_size: Option<(u32, u32)>,
    pub banner_image: Option<String>,
    /// Milliseconds since the epoch, as the feed gave them (not clamped).
    pub published_ms: Option<i64>,
    pub modified_ms: Option<i64>,
    pub authors: Vec<Author>,
    /// Plain text on one line, none empty.
    pub tags: Vec<String>,
    /// The item's own `language`, as the feed wrote it.
    pub language: Option<String>,
    /// The `language` at the top of the feed document the item came in (pages of
    /// `next_url` may name their own), for items that name none.
    pub feed_language: Option<String>,
    pub attachments: Vec<Attachment>,
    /// The feed marks the item urgent: JSON Feed's `"_mivzak": { "urgent": true }`
    /// (`urgency::marked_urgent`); RSS and Atom have no such mark (their
    /// categories count through config's `urgent_tags`). Whether a flash is shown
    /// as urgent is `urgency::is_urgent`.
    pub marked_urgent: bool,
}

impl Article {
    /// The body the article page shows: HTML first, then text, then the summary.
    pub fn body(&self) -> Body {
        if let Some(html) = self
            .content_html
            .as_deref()
            .filter(|h| !h.trim().is_empty())
        {
            return Body::Html(html.to_owned());
        }
        let text = self
            .content_text
            .as_deref()
            .filter(|t| !t.trim().is_empty())
            .or(self.summary.as_deref());
        match text {
            Some(text) => Body::Paragraphs(paragraphs(text)),
            None => Body::Empty,
        }
    }

    /// When the item changed last, for ordering edits.
    pub fn changed_ms(&self) -> Option<i64> {
        self.modified_ms.or(self.published_ms)
    }

    /// The `lang` and `dir` of the item's texts: its language, else its feed's,
    /// else `site_language` (config's `language`), else `dir="auto"`.
    pub fn direction(&self, site_language: Option<&str>) -> TextDirection {
        text_direction(
            self.language.as_deref(),
            self.feed_language.as_deref(),
            site_language,
        )
    }

    /// The hero image: the banner when there is one, else the main image.
    pub fn hero_image(&self) -> Option<&str> {
        self.banner_image.as_deref().or(self.image.as_deref())
    }

    /// The image the article page shows above the body: the hero, unless the
    /// body itself shows it.
    pub fn page_hero(&self) -> Option<&str> {
        match &self.banner_image {
            Some(banner) => Some(banner),
            None if self.image_in_body => None,
            None => self.image.as_deref(),
        }
    }
}

/// Splits plain text into paragraphs at line breaks, dropping empty ones.
pub fn paragraphs(text: &str) -> Vec<String> {
    text.split('\n')
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The whole validated feed.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Feed {
    pub version: String,
    pub title: String,
    pub home_page_url: Option<String>,
    pub feed_url: Option<String>,
    pub description: Option<String>,
    pub icon: Option<String>,
    pub favicon: Option<String>,
    pub authors: Vec<Author>,
    pub language: Option<String>,
    pub next_url: Option<String>,
    /// Newest first.
    pub items: Vec<Article>,
    /// Items that were dropped, with the reason, for the console.
    pub skipped: Vec<String>,
}
