//! A published page: the built `index.html` (the shell trunk wrote, kept as
//! `shell.html`) with the page's language, title, description, head tags and
//! app markup put in. Plain text surgery at fixed places the shell is known to
//! have, so the page keeps every script, style and preload the build made.

use thiserror::Error;

/// The end of `#app` in index.html: the comment after its closing tag.
pub const APP_END: &str = "</div><!-- /#app";
const APP_START: &str = "<div id=\"app\">";
const HTML_START: &str = "<html lang=\"he\" dir=\"rtl\"";

/// What a page puts into the shell. `title` and `description` are plain text
/// (escaped here); `head` is HTML written by `publish::head`, put just before
/// `</head>`; `app` is the inner HTML of `#app` (`publish::render::app_html`).
#[derive(Clone, Debug, Default)]
pub struct PageParts {
    /// BCP 47 language of the page ("he"), and its direction ("rtl", "ltr", "auto").
    pub lang: String,
    pub dir: String,
    pub title: String,
    pub description: Option<String>,
    pub head: String,
    pub app: String,
}

/// The shell is not the one trunk built from index.html (a place is missing).
#[derive(Debug, Error, PartialEq)]
#[error("the shell page has no {0}: is it the index.html that `make build` wrote?")]
pub struct ShellError(pub &'static str);

/// The page: `shell` with `parts` put in.
pub fn page_html(shell: &str, parts: &PageParts) -> Result<String, ShellError> {
    let html_at = shell
        .find(HTML_START)
        .ok_or(ShellError("<html lang=\"he\" dir=\"rtl\">"))?;
    let title_at = shell.find("<title>").ok_or(ShellError("<title>"))?;
    let title_end = shell[title_at..]
        .find("</title>")
        .map(|i| title_at + i + "</title>".len())
        .ok_or(ShellError("</title>"))?;
    let head_end = shell.find("</head>").ok_or(ShellError("</head>"))?;
    let app_at = shell
        .find(APP_START)
        .ok_or(ShellError("<div id=\"app\">"))?;
    let app_end = shell
        .find(APP_END)
        .ok_or(ShellError("<!-- /#app --> after #app"))?;
    if !(html_at < title_at && title_end < head_end && head_end < app_at && app_at < app_end) {
        return Err(ShellError("head and #app in their usual order"));
    }
    let mut out = String::with_capacity(shell.len() + parts.app.len() + parts.head.len());
    out.push_str(&shell[..html_at]);
    out.push_str(&format!(
        "<html lang=\"{}\" dir=\"{}\"",
        escape_attribute(&parts.lang),
        escape_attribute(&parts.dir)
    ));
    out.push_str(&shell[html_at + HTML_START.len()..title_at]);
    out.push_str(&format!("<title>{}</title>", escape_text(&parts.title)));
    let between = &shell[title_end..head_end];
    match &parts.description {
        Some(text) => out.push_str(&replace_description(between, text)),
        None => out.push_str(between),
    }
    out.push_str(&parts.head);
    out.push_str(&shell[head_end..app_at]);
    out.push_str(APP_START);
    out.push_str(&parts.app);
    // The shell's "enable JavaScript to read the flashes" is not true of a
    // page that carries them.
    let rest = &shell[app_end..];
    match (rest.find("<noscript>"), rest.find("</noscript>")) {
        (Some(start), Some(end)) if start < end => {
            out.push_str(&rest[..start]);
            out.push_str(&rest[end + "</noscript>".len()..]);
        }
        _ => out.push_str(rest),
    }
    Ok(out)
}

/// `<meta name="description" content="…">`'s content replaced with `text`.
fn replace_description(head: &str, text: &str) -> String {
    const META: &str = "<meta name=\"description\" content=\"";
    let Some(at) = head.find(META) else {
        return head.to_owned();
    };
    let start = at + META.len();
    let Some(length) = head[start..].find('"') else {
        return head.to_owned();
    };
    format!(
        "{}{}{}",
        &head[..start],
        escape_attribute(text),
        &head[start + length..]
    )
}

/// Text as HTML text content (`html::escape::escaped`, HTML §13.3).
pub fn escape_text(text: &str) -> String {
    crate::html::escape::escaped(text, false)
}

/// Text as a double-quoted attribute value (`html::escape::escaped`, HTML §13.3).
pub fn escape_attribute(text: &str) -> String {
    crate::html::escape::escaped(text, true)
}
