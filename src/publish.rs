//! Publish time (native only): every page written as static HTML by
//! `mivzak-render`, so that share previews, search engines and readers without
//! JavaScript get real content. The pages' bodies come from the app's own
//! components (rendered by Leptos natively); this module adds what only a
//! published file needs.
//!
//! - `head`: each page's `<head>` tags: title, description, canonical link,
//!   Open Graph, Twitter card, JSON-LD.
//! - `image_size`: the width and height of a page's preview image, when the
//!   site serves it.
//! - `sitemap`: `sitemap.xml`, the Google News sitemap and `robots.txt`.
//! - `site_url`: the pages' absolute URLs (config's `site_url` and a page's
//!   path) and the paths a sitemap may list; `w3c_datetime`: the date format
//!   of the sitemaps and the manifest. Both apart from `sitemap`, which reads
//!   the manifest, so the manifest need not read the sitemap.
//! - `manifest`: what was rendered, recorded between runs, so that a page whose
//!   item left the feed stays published: its file, and its place in the sitemap.
//! - `render`: the app's markup for a page, by Leptos's SSR renderer.
//! - `page`: the built shell with a page's language, head and markup put in;
//!   `styles`: which pages link the external style sheets in their head.
//! - `run`: one run of `mivzak-render`, from config.json to written files.
//! - `feed_check`: whether `--feed` is the feed the app will poll.
//! - `fetch`: the feed over HTTP (a conditional GET for `--watch`).
//! - `output`: writing into the output folder: only files whose content
//!   changed, never outside the folder.

pub mod feed_check;
pub mod fetch;
pub mod head;
pub mod image_size;
pub mod manifest;
pub mod output;
pub mod page;
pub mod render;
pub mod run;
pub mod site_url;
pub mod sitemap;
pub mod styles;
pub mod w3c_datetime;
