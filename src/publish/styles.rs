//! Where a published page links the shell's external style sheets: the one
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
//! statement) shows those rules on its first screen, with JavaScript or
//! without: [`in_head`] moves the screen's links to the end of its head, where
//! the first paint waits for them (a cached file after the first page).

/// Whether the page at `path` needs the external screen style sheets at its
/// first paint: every page but the home (`home`, both as `paths::Paths`
/// writes them).
pub fn needed_at_first_paint(path: &str, home: &str) -> bool {
    path != home
}

/// `page` with each `<link rel="stylesheet">` of its body that applies to
/// every medium (no `media` attribute) moved to the end of its head, in their
/// order, each on a line of its own. Print's link (and any other with a
/// `media`) stays where it is, after them, so its rules still come last. A
/// page without `</head>` or without such links is returned as it is.
pub fn in_head(page: &str) -> String {
    const LINK: &str = "<link rel=\"stylesheet\"";
    let Some(head_end) = page.find("</head>") else {
        return page.to_owned();
    };
    let mut body = String::with_capacity(page.len() - head_end);
    let mut moved = Vec::new();
    let mut rest = &page[head_end..];
    while let Some(at) = rest.find(LINK) {
        let Some(length) = rest[at..].find('>') else {
            break;
        };
        let tag = &rest[at..=at + length];
        if tag.contains(" media=") {
            body.push_str(&rest[..=at + length]);
        } else {
            // The tag's own line goes with it: its indent and its line break.
            let before = rest[..at].trim_end_matches([' ', '\t']);
            let after = &rest[at + length + 1..];
            let line_gone = before.len() < at && after.starts_with('\n');
            body.push_str(if line_gone { before } else { &rest[..at] });
            moved.push(tag);
            rest = if line_gone { &after[1..] } else { after };
            continue;
        }
        rest = &rest[at + length + 1..];
    }
    body.push_str(rest);
    if moved.is_empty() {
        return page.to_owned();
    }
    let mut out = String::with_capacity(page.len());
    out.push_str(&page[..head_end]);
    for tag in moved {
        out.push_str("    ");
        out.push_str(tag);
        out.push('\n');
    }
    out.push_str(&body);
    out
}
