//! What a page's head says about it: its `<title>`, its description, its
//! `og:title`, its `og:type` and the path its canonical address names. One
//! rule for both writers: `mivzak-render` (`publish::head`, the published
//! page's head) and the app (`page_meta`, the head after each in-app
//! navigation), so a page says the same whichever wrote it.
//!
//! The title's form, "headline | site name", is chosen for Readability (the
//! reader views of Firefox and Safari): its `_getArticleTitle` cuts a
//! document title at the LAST of ` | `, ` - `, ` / `, ` > `, ` » ` (not at an
//! en dash), so "headline | site" leaves the whole headline whatever
//! separators, colons or question marks the headline itself holds; a title
//! with ": " and no such separator is cut after its last colon instead (the
//! bug of "headline – site"). Readability prefers the JSON-LD `headline` and
//! `og:title` to the document title, so both writers also give `og:title`:
//! the headline alone, which is what it reads for a headline of one or two
//! words (where it would keep the site's name from the title).

use crate::feed::model::Article;
use crate::feed::parse::start_of;
use crate::feed::plain_text::{one_line, text_for_title};
use crate::paths::route_segment;

/// At most this many characters of a description (then a word boundary and
/// "…"). Google publishes no limit and cuts snippets by pixel width; SEO tools
/// (Moz, Yoast's 156) put what shows at 150 to 160 characters.
pub const DESCRIPTION_CHARS: usize = 160;

/// The home page's description when the feed has none: `index.html`'s own
/// `<meta name="description">`, so a page that was not rendered says the same.
pub const HOME_DESCRIPTION: &str = "מבזקי חדשות מתעדכנים";

/// Between a page's own title and the site's name in `<title>` (see the
/// module's note on Readability).
pub const TITLE_SEPARATOR: &str = " | ";

/// What a page's head says, in plain text (each writer escapes for its place).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeadText {
    /// `<title>`: "own title | site name", the site's name alone at home.
    pub title: String,
    /// `og:title`: the page's own title without the site's name, which
    /// `og:site_name` carries (Facebook's sharing best practices).
    pub og_title: String,
    /// `<meta name="description">` and `og:description`, at most
    /// [`DESCRIPTION_CHARS`] characters and "…".
    pub description: String,
    /// `og:type`: `article` on an article's page, else `website`.
    pub og_type: &'static str,
    /// The page's path relative to the site's root as published (`""`,
    /// `article/<segment>/`, `tag/<segment>/`: [`published_path`]), for its
    /// canonical address; `None` for a page that is not published (not found).
    pub path: Option<String>,
}

/// The home page: the site's name, the feed's description (one line, cut),
/// else [`HOME_DESCRIPTION`].
pub fn home(site_name: &str, feed_description: Option<&str>) -> HeadText {
    let description = feed_description
        .map(one_line)
        .filter(|text| !text.is_empty())
        .map_or_else(
            || HOME_DESCRIPTION.to_owned(),
            |text| start_of(&text, DESCRIPTION_CHARS),
        );
    HeadText {
        title: site_name.to_owned(),
        og_title: site_name.to_owned(),
        description,
        og_type: "website",
        path: Some(String::new()),
    }
}

/// The page of `article`: its headline, [`article_description`].
pub fn article(site_name: &str, article: &Article) -> HeadText {
    HeadText {
        title: titled(&article.title, site_name),
        og_title: article.title.clone(),
        description: article_description(article),
        og_type: "article",
        path: Some(published_path(Page::Article, &article.id)),
    }
}

/// The page of the tag `tag`, as the page shows it (the form the feed uses
/// most, `feed::tags::most_used_form`), which its canonical address names.
pub fn tag(site_name: &str, tag: &str) -> HeadText {
    HeadText {
        title: titled(tag, site_name),
        og_title: tag.to_owned(),
        description: start_of(&format!("מבזקים וכתבות בתגית {tag}"), DESCRIPTION_CHARS),
        og_type: "website",
        path: Some(published_path(Page::Tag, tag)),
    }
}

/// The accessibility statement's page (`crate::accessibility`).
pub fn accessibility(site_name: &str) -> HeadText {
    let own = crate::accessibility::TITLE;
    HeadText {
        title: titled(own, site_name),
        og_title: own.to_owned(),
        description: start_of(
            &format!("{own}: מה נעשה באתר {site_name} כדי שיהיה נגיש, ואיך פונים לרכז הנגישות"),
            DESCRIPTION_CHARS,
        ),
        og_type: "website",
        path: Some(format!("{}/", crate::paths::ACCESSIBILITY)),
    }
}

/// The not-found page: no canonical address, the home page's description.
pub fn not_found(site_name: &str) -> HeadText {
    let own = "הדף לא נמצא";
    HeadText {
        title: titled(own, site_name),
        og_title: own.to_owned(),
        description: HOME_DESCRIPTION.to_owned(),
        og_type: "website",
        path: None,
    }
}

/// An article's description: its summary, else the opening of its text
/// (`content_text`, else `content_html`, as plain text on one line with
/// Markdown links reduced to their words: `plain_text::text_for_title`), else
/// its headline; cut to [`DESCRIPTION_CHARS`] at a word boundary.
pub fn article_description(article: &Article) -> String {
    let text = article
        .summary
        .clone()
        .or_else(|| {
            [&article.content_text, &article.content_html]
                .into_iter()
                .flatten()
                .map(|body| text_for_title(body))
                .find(|text| !text.is_empty())
        })
        .unwrap_or_else(|| article.title.clone());
    start_of(&text, DESCRIPTION_CHARS)
}

/// The pages that have a segment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    Article,
    Tag,
}

/// The path of an article's (`text`: its id) or a tag's page relative to the
/// site's root, as `mivzak-render` writes it (a folder with its
/// `index.html`): `article/<segment>/`, `tag/<segment>/`, the segment
/// `paths::route_segment`'s.
pub fn published_path(page: Page, text: &str) -> String {
    let folder = match page {
        Page::Article => "article",
        Page::Tag => "tag",
    };
    format!("{folder}/{}/", route_segment(text))
}

/// The absolute address of the page at `path` (relative to the site's root;
/// a leading `/` is ignored) on the site at `site_url` (config's, ending in
/// `/`), by the URL Standard (`http::absolute_url`: the browser's parser in
/// the wasm, the `url` crate natively); `None` without `site_url`, or when
/// `path` would leave the site (`../`, another host).
pub fn canonical(site_url: Option<&str>, path: &str) -> Option<String> {
    let site = crate::http::absolute_url(site_url?, site_url?)?;
    let page = crate::http::absolute_url(path.trim_start_matches('/'), &site)?;
    page.starts_with(&site).then_some(page)
}

fn titled(own: &str, site_name: &str) -> String {
    format!("{own}{TITLE_SEPARATOR}{site_name}")
}
