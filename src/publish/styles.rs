//! Where a published page gets the shell's external style sheets: the one
//! rule of which CSS waits for a page's first paint.
//!
//! index.html inlines what the home's first screen needs (style/shell.css,
//! ticker.css, flash-row.css, lists.css) and ends its body with links to the
//! rest: article.css and comments.css for the screen, print.css for print
//! (`media="print"`, which no screen waits for). At the end of the body a
//! sheet holds no paint of what is above it; the app's loader, a module
//! script, runs only once the sheets are in (HTML's script-blocking style
//! sheets), so a page the app shows after a click on the home is styled. That
//! suits the home and the unpublished shell.
//!
//! Every other published page (an article, a tag's list, the accessibility
//! statement) shows some of those rules on its first screen, with JavaScript or
//! without: [`in_head`] puts the sheets it shows ([`needed_at_first_paint`])
//! in its head, inlined, since a
//! reader who comes from a share or a search has none of them cached, and a
//! linked sheet would hold the first paint for one more round trip (on slow
//! 4G, 0.9 s → 1.5 s to the first paint of a published article). The
//! Content-Security-Policy allows them by their hashes
//! (scripts/security-headers.mjs hashes the files these links name, as they are).

/// A published page, as far as its styles go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageKind {
    /// The home: the flashes and the article list, all in the inlined styles.
    Home,
    /// An article's page, with its comments.
    Article,
    /// A tag's list of articles, or the accessibility statement: no comments.
    Listing,
}

/// Whether a `page` needs the external sheet `sheet` at its first paint:
/// `sheet` is the style/ file's name without `.css` (trunk names the built
/// file `<name>-<hash>.css`): "article" on every page but the home,
/// "comments" on an article's page only.
pub fn needed_at_first_paint(page: PageKind, sheet: &str) -> bool {
    match page {
        PageKind::Home => false,
        PageKind::Article => true,
        PageKind::Listing => sheet != "comments",
    }
}

/// The name of the style/ file an `href` names (`/news/article-1a2b.css` →
/// `article`): the file name up to trunk's `-<hash>`.
pub fn sheet_name(href: &str) -> &str {
    let file = href.rsplit('/').next().unwrap_or(href);
    let file = file.strip_suffix(".css").unwrap_or(file);
    file.rsplit_once('-').map_or(file, |(name, _)| name)
}

const LINK: &str = "<link rel=\"stylesheet\"";

/// The `href` of each `<link rel="stylesheet">` after the head of `page` that
/// applies to every medium (no `media`): the sheets [`in_head`] may move.
pub fn screen_sheets(page: &str) -> Vec<String> {
    let Some(head_end) = page.find("</head>") else {
        return Vec::new();
    };
    links(&page[head_end..])
        .filter(|(_, tag)| !tag.contains(" media="))
        .filter_map(|(_, tag)| href(tag).map(str::to_owned))
        .collect()
}

/// `page` with each `<link rel="stylesheet">` of its body that applies to
/// every medium (no `media` attribute) and that `page_kind` needs at its first
/// paint ([`needed_at_first_paint`]) moved to the end of its head, in their
/// order, each on a line of its own: as `<style>` with the sheet's text when
/// `text` (given the link's `href`) has it, else as the link itself. The
/// others stay where they are: print's after every other rule, and a sheet
/// this page does not show (loaded for the pages the app shows after a click).
/// A page without `</head>` or without such links is returned as it is.
pub fn in_head<'a>(
    page: &str,
    page_kind: PageKind,
    text: impl Fn(&str) -> Option<&'a str>,
) -> String {
    let Some(head_end) = page.find("</head>") else {
        return page.to_owned();
    };
    let needed = |tag: &str| {
        !tag.contains(" media=")
            && href(tag).is_some_and(|href| needed_at_first_paint(page_kind, sheet_name(href)))
    };
    let mut body = String::with_capacity(page.len() - head_end);
    let mut moved = Vec::new();
    let mut rest = &page[head_end..];
    while let Some((at, tag)) = links(rest).next() {
        let end = at + tag.len();
        if !needed(tag) {
            body.push_str(&rest[..end]);
            rest = &rest[end..];
            continue;
        }
        // The tag's own line goes with it: its indent and its line break.
        let before = rest[..at].trim_end_matches([' ', '\t']);
        let after = &rest[end..];
        let line_gone = before.len() < at && after.starts_with('\n');
        body.push_str(if line_gone { before } else { &rest[..at] });
        moved.push(tag);
        rest = if line_gone { &after[1..] } else { after };
    }
    body.push_str(rest);
    if moved.is_empty() {
        return page.to_owned();
    }
    let mut out = String::with_capacity(page.len());
    out.push_str(&page[..head_end]);
    for tag in moved {
        out.push_str("    ");
        // A text that could end the element early is linked instead.
        match href(tag)
            .and_then(&text)
            .filter(|css| !css.to_ascii_lowercase().contains("</style"))
        {
            Some(css) => {
                out.push_str("<style>");
                out.push_str(css);
                out.push_str("</style>");
            }
            None => out.push_str(tag),
        }
        out.push('\n');
    }
    out.push_str(&body);
    out
}

/// Each `<link rel="stylesheet" …>` in `html`: where it starts, and the tag.
fn links(html: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut from = 0;
    std::iter::from_fn(move || {
        let at = from + html[from..].find(LINK)?;
        let end = at + html[at..].find('>')? + 1;
        from = end;
        Some((at, &html[at..end]))
    })
}

/// A tag's `href="…"` value, as written.
fn href(tag: &str) -> Option<&str> {
    let start = tag.find(" href=\"")? + " href=\"".len();
    let length = tag[start..].find('"')?;
    Some(&tag[start..start + length])
}
