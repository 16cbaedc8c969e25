//! Renaming a body's inline styles and event handlers before the browser parses it.
//!
//! Chromium checks a page's Content-Security-Policy while `DOMParser` parses, even
//! though the parsed document is inert: every `style="…"` (WordPress captions,
//! Ghost cards, Hugo's highlighted code, Google Docs spans) and every `onload="…"`
//! (lazy-load plugins) in a feed body is reported as a `style-src-attr` or
//! `script-src-attr` violation, to the console and to any report endpoint the
//! publisher set; a `<style>` element (Gutenberg blocks, page builders) as
//! `style-src-elem`. The policy drops all of these anyway, so they are renamed
//! before parsing and the parser never sees them: `style` to `x-style` and
//! `onload` to `x-onload` as attributes, and the `style` element to `noframes`,
//! the one element the HTML standard parses exactly as it does `style` (raw
//! text, by the "in head" rules from the body: no open `p` is closed) that
//! no policy checks, and that `policy::element_action` drops with its content. The same workaround, with a regular expression, is
//! cure53/DOMPurify#900 and formbricks/formbricks#7489; a regular expression also
//! rewrites text that merely reads `style="…"`, so this follows the tokenizer of
//! the HTML standard (§13.2.5) through tags, comments and quoted values instead.
//!
//! The text of `script`, `style`, `textarea`, `title`, `xmp`, `iframe`, `noembed`,
//! `noframes` and `plaintext` is skipped as the tokenizer skips it (a
//! `<textarea><b title="</textarea><img onerror=…>">` holds a real `img`). Inside
//! SVG and MathML those elements hold markup, and which end tags leave foreign
//! content is the tree builder's business: a body with `<svg` or `<math` is
//! scanned twice, reading those elements' text (and CDATA sections) as SVG and
//! MathML do between an `<svg>` or `<math>` tag and its end tag, and as HTML does,
//! and what either reading finds is renamed. Where the tree builder stays in
//! foreign content past an end tag it ignores (`<math><mtext></math>…`), a
//! handler can still be parsed unrenamed: the browser then reports it, and the
//! policy drops it as always. Reading every later text as markup instead would
//! rename words a reader sees (`<svg></svg><textarea>"</textarea> style="x"`). Reading text as
//! markup can only rename more, and only inside what `policy::element_action`
//! drops with its content.

use std::borrow::Cow;

/// The prefix that turns an inline attribute into one no policy acts on.
pub const RENAMED_PREFIX: &str = "x-";

/// What a `style` element's start and end tags are renamed to.
pub const RENAMED_STYLE_ELEMENT: &str = "noframes";

/// `html` with every `style` and `on…` attribute of its tags renamed by
/// [`RENAMED_PREFIX`], and every `style` tag to [`RENAMED_STYLE_ELEMENT`];
/// everything else, text included, byte for byte the same. Borrowed when there
/// is nothing to rename.
pub fn rename_inline_attributes(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let (mut renames, saw_foreign) = scan(bytes, true);
    if saw_foreign {
        // Which reading holds depends on the tree builder: rename for both.
        renames.extend(scan(bytes, false).0);
        renames.sort_by_key(|rename| rename.at);
        renames.dedup_by_key(|rename| rename.at);
    }
    if renames.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len() + renames.len() * RENAMED_STYLE_ELEMENT.len());
    let mut copied = 0;
    for Rename { at, len, with } in renames {
        out.push_str(&html[copied..at]);
        out.push_str(with);
        copied = at + len;
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

/// The elements whose content the tokenizer reads as text up to their end tag
/// (HTML §13.2.6.4.7 "in body": RCDATA, RAWTEXT and script data; `noscript` is
/// markup, as `DOMParser` parses with scripting disabled).
const TEXT_ONLY: [&[u8]; 8] = [
    b"script",
    b"style",
    b"textarea",
    b"title",
    b"xmp",
    b"iframe",
    b"noembed",
    b"noframes",
];

/// The tag name that starts at `at`.
fn tag_name(bytes: &[u8], at: usize) -> &[u8] {
    let end = bytes[at..]
        .iter()
        .position(|&b| is_space(b) || b == b'/' || b == b'>')
        .map_or(bytes.len(), |end| at + end);
    &bytes[at..end]
}

/// The `<` of the end tag that closes text-only `name`'s content from `at`, or the end.
fn text_end(bytes: &[u8], at: usize, name: &[u8]) -> usize {
    let mut i = at;
    while let Some(offset) = bytes[i..].windows(2).position(|w| w == b"</") {
        i += offset;
        let after = i + 2 + name.len();
        let closes = bytes
            .get(i + 2..after)
            .is_some_and(|n| n.eq_ignore_ascii_case(name))
            && bytes
                .get(after)
                .is_none_or(|&b| is_space(b) || b == b'/' || b == b'>');
        if closes {
            return i;
        }
        i += 2;
    }
    bytes.len()
}

/// What to rename in `bytes`, in order, and whether an `svg` or `math` tag was met.
/// `foreign_aware`: between such a tag and its end tag, read text-only elements'
/// text as markup and CDATA sections to their `]]>` (else always as in HTML).
fn scan(bytes: &[u8], foreign_aware: bool) -> (Vec<Rename>, bool) {
    let mut renames = Vec::new();
    let mut at = 0;
    let mut saw_foreign = false;
    // How many `svg` and `math` elements are open, by their tags alone.
    let mut depth = 0usize;
    while let Some(offset) = bytes[at..].iter().position(|&b| b == b'<') {
        at += offset + 1;
        let foreign = foreign_aware && depth > 0;
        match bytes.get(at) {
            Some(b'!') if bytes[at..].starts_with(b"!--") => at = comment_end(bytes, at + 3),
            // In SVG and MathML a CDATA section ends at `]]>`, not at the first `>`.
            Some(b'!') if foreign && bytes[at..].starts_with(b"![CDATA[") => {
                at = bytes[at..]
                    .windows(3)
                    .position(|w| w == b"]]>")
                    .map_or(bytes.len(), |end| at + end + 3);
            }
            Some(b'!' | b'?') => at = bogus_comment_end(bytes, at),
            Some(b'/') if bytes.get(at + 1).is_some_and(u8::is_ascii_alphabetic) => {
                if is_foreign_root(tag_name(bytes, at + 1)) {
                    depth = depth.saturating_sub(1);
                }
                at = tag_end(bytes, at + 1, &mut renames);
            }
            Some(b'/') => at = bogus_comment_end(bytes, at),
            Some(b) if b.is_ascii_alphabetic() => {
                let name = tag_name(bytes, at);
                at = tag_end(bytes, at, &mut renames);
                let self_closing = at >= 2 && bytes[at - 1] == b'>' && bytes[at - 2] == b'/';
                if is_foreign_root(name) {
                    saw_foreign = true;
                    if !self_closing {
                        depth += 1;
                    }
                }
                let as_text = !(foreign_aware && depth > 0);
                if as_text && name.eq_ignore_ascii_case(b"plaintext") {
                    break;
                }
                if as_text && TEXT_ONLY.iter().any(|t| name.eq_ignore_ascii_case(t)) {
                    at = text_end(bytes, at, name);
                }
            }
            _ => {}
        }
    }
    (renames, saw_foreign)
}

fn is_foreign_root(name: &[u8]) -> bool {
    name.eq_ignore_ascii_case(b"svg") || name.eq_ignore_ascii_case(b"math")
}

/// `len` bytes at `at` are replaced by `with`.
struct Rename {
    at: usize,
    len: usize,
    with: &'static str,
}

/// Whether the attribute named `name` is one CSP checks inline.
fn is_inline(name: &[u8]) -> bool {
    name.eq_ignore_ascii_case(b"style") || (name.len() > 2 && name[..2].eq_ignore_ascii_case(b"on"))
}

fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0c' | b' ' | b'\r')
}

/// Just past the `>` that ends a comment whose `<!--` ends before `at`
/// (`<!-->` and `<!--->` are whole comments too).
fn comment_end(bytes: &[u8], at: usize) -> usize {
    for abrupt in [&b">"[..], b"->"] {
        if bytes[at..].starts_with(abrupt) {
            return at + abrupt.len();
        }
    }
    let mut i = at;
    while i < bytes.len() {
        if bytes[i..].starts_with(b"-->") {
            return i + 3;
        }
        if bytes[i..].starts_with(b"--!>") {
            return i + 4;
        }
        i += 1;
    }
    bytes.len()
}

/// Just past the `>` that ends a doctype, `<?…>`, `<![CDATA[…>` or `</ …>`.
fn bogus_comment_end(bytes: &[u8], at: usize) -> usize {
    bytes[at..]
        .iter()
        .position(|&b| b == b'>')
        .map_or(bytes.len(), |end| at + end + 1)
}

/// Reads the tag whose name starts at `at`, noting what to rename in it, and
/// returns the index just past the tag.
fn tag_end(bytes: &[u8], mut at: usize, renames: &mut Vec<Rename>) -> usize {
    let len = bytes.len();
    let name = at;
    while at < len && !is_space(bytes[at]) && bytes[at] != b'/' && bytes[at] != b'>' {
        at += 1;
    }
    if bytes[name..at].eq_ignore_ascii_case(b"style") {
        renames.push(Rename {
            at: name,
            len: at - name,
            with: RENAMED_STYLE_ELEMENT,
        });
    }
    loop {
        // Before an attribute name.
        while at < len && (is_space(bytes[at]) || bytes[at] == b'/') {
            at += 1;
        }
        if at >= len {
            return len;
        }
        if bytes[at] == b'>' {
            return at + 1;
        }
        // The name: a leading `=` belongs to it.
        let start = at;
        at += 1;
        while at < len && !is_space(bytes[at]) && !matches!(bytes[at], b'/' | b'>' | b'=') {
            at += 1;
        }
        if is_inline(&bytes[start..at]) {
            renames.push(Rename {
                at: start,
                len: 0,
                with: RENAMED_PREFIX,
            });
        }
        while at < len && is_space(bytes[at]) {
            at += 1;
        }
        if at >= len || bytes[at] != b'=' {
            continue;
        }
        at += 1;
        while at < len && is_space(bytes[at]) {
            at += 1;
        }
        match bytes.get(at) {
            Some(&quote @ (b'"' | b'\'')) => {
                at = bytes[at + 1..]
                    .iter()
                    .position(|&b| b == quote)
                    .map_or(len, |end| at + 1 + end + 1);
            }
            Some(b'>') => return at + 1,
            _ => {
                while at < len && !is_space(bytes[at]) && bytes[at] != b'>' {
                    at += 1;
                }
            }
        }
    }
}
