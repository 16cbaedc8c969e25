//! The size of a page's preview image, for `og:image:width` and
//! `og:image:height` (Facebook lays out a page's first share only when it
//! knows them: "Sharing Debugger", "og:image:width").
//!
//! Only an image the site itself serves is measured: one whose address is
//! under `site_url`, read from the output folder (the built site the renderer
//! writes into) at the same path. Its header is read by `imagesize` (PNG,
//! JPEG, GIF, WebP, AVIF and more; not SVG, which no share preview shows).
//! Nothing is fetched from elsewhere: a remote image's size would cost one
//! request per image and run, and a page's head must not depend on another
//! host being up. A remote image has the size the feed gives
//! (`Article::image_size`: Media RSS's `width` and `height`), else none.

use std::cell::RefCell;
use std::collections::HashMap;

use super::output::OutputDir;
use crate::page_head::canonical;
use crate::paths::percent_decode;

/// The sizes of the site's own images, each file read once per run.
pub struct ImageSizes<'a> {
    out: &'a OutputDir,
    /// config's `site_url`, normalized as the pages' addresses are.
    site: Option<String>,
    known: RefCell<HashMap<String, Option<(u32, u32)>>>,
}

impl<'a> ImageSizes<'a> {
    /// The images under `site_url` (config's), found in `out`.
    pub fn new(out: &'a OutputDir, site_url: Option<&str>) -> Self {
        Self {
            out,
            site: canonical(site_url, ""),
            known: RefCell::default(),
        }
    }

    /// Width and height in pixels of the image at `url` (absolute), when it is
    /// one of the site's own files and its format is one `imagesize` reads;
    /// else `None`.
    pub fn of(&self, url: &str) -> Option<(u32, u32)> {
        if let Some(known) = self.known.borrow().get(url) {
            return *known;
        }
        let size = self.measure(url);
        self.known.borrow_mut().insert(url.to_owned(), size);
        size
    }

    fn measure(&self, url: &str) -> Option<(u32, u32)> {
        let rest = url.strip_prefix(self.site.as_deref()?)?;
        let path = percent_decode(rest.split(['?', '#']).next()?);
        // `OutputDir::read` refuses a path that would leave the folder.
        let bytes = self.out.read(&path).ok()??;
        let size = imagesize::blob_size(&bytes).ok()?;
        Some((
            u32::try_from(size.width).ok()?,
            u32::try_from(size.height).ok()?,
        ))
        .filter(|(w, h)| *w > 0 && *h > 0)
    }
}
