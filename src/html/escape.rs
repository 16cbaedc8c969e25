//! HTML §13.3's "escaping a string", in attribute mode or not: the one rule for
//! every text and attribute value Mivzak writes as markup (the publish-time
//! renderer's fragments and pages, and the XML reader when it writes a feed's
//! raw XHTML or an Atom text construct back as markup).

/// `text` escaped, in attribute mode (`"` too) or not.
pub fn escaped(text: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(text, attribute, &mut out);
    out
}

/// [`escaped`], appended to `out`.
pub fn escape_into(text: &str, attribute: bool, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '\u{a0}' => out.push_str("&nbsp;"),
            '"' if attribute => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
}
