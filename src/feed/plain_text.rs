//! Feed texts that JSON Feed calls plain text (titles, summaries, names, tags,
//! attachment titles) as publishers really write them: WordPress, Ghost, Drupal and
//! many CMS exports put HTML-escaped text there (`צה&quot;ל`, `&#8211;`), and some put
//! tags (`<b>דחוף:</b>`). Applied once, at parsing, so every view shows the same
//! text and none ever treats it as HTML.

use crate::char_class;

/// `text` without tags and with its character references decoded once:
/// `<b>דחוף:</b> צה&quot;ל` → `דחוף: צה"ל`, `&amp;quot;` → `&quot;` (shown as typed).
///
/// - A tag is `<` followed by a letter, `/` and a letter, `!` or `?`, up to its `>`
///   (a `>` inside a quoted attribute value does not end it). Any other `<` (`3 < 5`),
///   and a `<` whose tag never ends, is text.
/// - The contents of `script`, `style` and `template` go with their tags; `br` and
///   the tags of block elements (`p`, `div`, `li`, headings …) leave a line break.
/// - References: every numeric one (`&#8211;`, `&#x2013;`, with or without the `;`,
///   as browsers read them: 128–159 as Windows-1252, 0, surrogates and values past
///   U+10FFFF as U+FFFD), the 252 named ones of HTML 4.01 (`&amp;`, `&quot;`,
///   `&nbsp;`, `&ndash;`, `&hellip;`, `&eacute;` …), `&apos;` and the upper-case
///   `&AMP;`, `&QUOT;` …: what PHP's `htmlentities` (WordPress, Drupal) and the
///   escaping of Ghost, Hugo and Jekyll produce. HTML5's full table of 2,231 names
///   (the `html-escape` crate) would add 15.6 KB of brotli to the app's wasm. A
///   named reference needs its `;`; an unknown one (`&T`, `&copyright`) is text.
pub fn plain_text(text: &str) -> String {
    decode_references(&strip_tags(text))
}

/// Whether `text` shows anything: a character that is neither white space nor
/// [`char_class::is_invisible`].
pub fn has_visible_text(text: &str) -> bool {
    text.chars()
        .any(|c| !c.is_whitespace() && !char_class::is_invisible(c))
}

/// [`plain_text`] on one line: runs of spaces, tabs and line breaks become one
/// space, and the ends are trimmed. For titles, names, tags and attachment titles.
pub fn one_line(text: &str) -> String {
    squeeze(&plain_text(text))
}

/// A title made up from an item's text (microblog posts have none): its plain text
/// without Markdown images (`![alt](src)`, dropped) and with Markdown links
/// (`[text](url)`) reduced to their text, on one line.
pub fn text_for_title(text: &str) -> String {
    let mut words = strip_tags(text);
    // A title needs a line; a body can be half a million characters.
    if let Some((cut, _)) = words.char_indices().nth(TITLE_SOURCE_CHARS) {
        words.truncate(cut);
    }
    squeeze(&decode_references(&without_markdown_links(&words)))
}

/// The title of a post that is only a picture (micro.blog, Mastodon photo posts):
/// the first image's `alt` text, else "תמונה" ("picture"); `None` when the body
/// has no image. The alt text is read as plain text, on one line.
pub fn photo_title(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let start = lower.find("<img")?;
    let tag_end = lower[start..]
        .find('>')
        .map_or(html.len(), |end| start + end);
    let tag = &html[start..tag_end];
    let alt = tag
        .to_ascii_lowercase()
        .find("alt=")
        .and_then(|at| {
            let value = &tag[at + 4..];
            let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
            let value = &value[1..];
            value.find(quote).map(|end| &value[..end])
        })
        .map(one_line)
        .filter(|alt| !alt.is_empty());
    Some(alt.unwrap_or_else(|| "תמונה".to_owned()))
}

/// How much of a body's text a made-up title is taken from: enough for the
/// title's 80 characters after long link addresses have gone.
const TITLE_SOURCE_CHARS: usize = 2_000;

/// Runs of HTML white space as one space, the ends trimmed.
fn squeeze(text: &str) -> String {
    let mut line = String::with_capacity(text.len());
    for word in text.split(is_html_space).filter(|w| !w.is_empty()) {
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    line.trim().to_owned()
}

/// HTML's white space: the characters that separate words in a line of HTML.
fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{000C}')
}

/// Elements whose tags end a line of text.
const BLOCK_ELEMENTS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tr",
    "ul",
];

/// Elements whose contents are not text to read.
const HIDDEN_ELEMENTS: &[&str] = &["script", "style", "template"];

fn strip_tags(text: &str) -> String {
    if !text.contains('<') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let from_lt = &rest[at..];
        let Some(tag) = tag_at(from_lt) else {
            out.push('<');
            rest = &from_lt[1..];
            continue;
        };
        rest = &from_lt[tag.len..];
        if let Some(name) = tag.name.as_deref() {
            if BLOCK_ELEMENTS.contains(&name) {
                out.push('\n');
            }
            if !tag.closing && HIDDEN_ELEMENTS.contains(&name) {
                // Up to the element's end tag, or the end of the text.
                rest = skip_to_end_tag(rest, name);
            }
        }
    }
    out.push_str(rest);
    out
}

/// A tag at the start of `text` (which starts with `<`): its length in bytes and,
/// for an element's tag, the element's name in lower case.
struct Tag {
    len: usize,
    name: Option<String>,
    closing: bool,
}

fn tag_at(text: &str) -> Option<Tag> {
    let bytes = text.as_bytes();
    match bytes.get(1)? {
        b'!' if text.starts_with("<!--") => {
            let end = text[4..].find("-->")? + 4 + 3;
            Some(Tag {
                len: end,
                name: None,
                closing: false,
            })
        }
        b'!' | b'?' => Some(Tag {
            len: text.find('>')? + 1,
            name: None,
            closing: false,
        }),
        b'/' if bytes.get(2).is_some_and(u8::is_ascii_alphabetic) => element_tag(text, 2, true),
        b if b.is_ascii_alphabetic() => element_tag(text, 1, false),
        _ => None,
    }
}

/// A start or end tag whose name begins at `name_at`; attribute values in quotes
/// may hold `>`.
fn element_tag(text: &str, name_at: usize, closing: bool) -> Option<Tag> {
    let bytes = text.as_bytes();
    let name_end = bytes[name_at..]
        .iter()
        .position(|b| b.is_ascii_whitespace() || *b == b'/' || *b == b'>')
        .map_or(bytes.len(), |p| p + name_at);
    let name = text[name_at..name_end].to_ascii_lowercase();
    let mut i = name_end;
    let mut after_equals = false;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'>' => {
                return Some(Tag {
                    len: i + 1,
                    name: Some(name),
                    closing,
                })
            }
            b'"' | b'\'' if after_equals => {
                i += bytes[i + 1..].iter().position(|q| *q == b)? + 1;
                after_equals = false;
            }
            b'=' => after_equals = true,
            b if b.is_ascii_whitespace() => {}
            _ => after_equals = false,
        }
        i += 1;
    }
    None
}

/// What follows the end tag `</name…>`, or nothing when it never comes.
fn skip_to_end_tag<'a>(text: &'a str, name: &str) -> &'a str {
    let mut from = 0;
    while let Some(at) = text[from..].find("</").map(|at| at + from) {
        let after = &text.as_bytes()[at + 2..];
        if after.len() >= name.len() && after[..name.len()].eq_ignore_ascii_case(name.as_bytes()) {
            return match text[at..].find('>') {
                Some(end) => &text[at + end + 1..],
                None => "",
            };
        }
        from = at + 2;
    }
    ""
}

fn decode_references(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        match reference(after) {
            Some((decoded, len)) => {
                out.push(decoded);
                rest = &after[len..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character a reference stands for, and how many bytes after the `&` it takes.
fn reference(after_amp: &str) -> Option<(char, usize)> {
    if let Some(number) = after_amp.strip_prefix('#') {
        let (digits, radix, prefix) = match number.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16, 2),
            None => (number, 10, 1),
        };
        let len = digits
            .find(|c: char| !c.is_digit(radix))
            .unwrap_or(digits.len());
        if len == 0 {
            return None;
        }
        let semicolon = usize::from(digits[len..].starts_with(';'));
        // Too many digits for any code point: the browser's U+FFFD.
        let value = u32::from_str_radix(&digits[..len], radix).unwrap_or(u32::MAX);
        return Some((numeric_char(value), prefix + len + semicolon));
    }
    // The longest name, "thetasym", has eight letters.
    let len = after_amp.bytes().take(9).position(|b| b == b';')?;
    let name = &after_amp[..len];
    let mut pairs = NAMED.split(';');
    while let (Some(known), Some(character)) = (pairs.next(), pairs.next()) {
        if known == name {
            return Some((character.chars().next()?, len + 1));
        }
    }
    None
}

/// What HTML makes of `&#value;`.
/// The character a numeric reference stands for, as browsers read it (HTML
/// Standard §13.2.5.80): 128–159 as Windows-1252, 0, surrogates and values past
/// U+10FFFF as U+FFFD.
pub fn numeric_char(value: u32) -> char {
    /// 0x80–0x9F read as Windows-1252, as the HTML standard says.
    const WINDOWS_1252: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match value {
        0x80..=0x9F => WINDOWS_1252[(value - 0x80) as usize],
        0 => '\u{FFFD}',
        _ => char::from_u32(value).unwrap_or('\u{FFFD}'),
    }
}

/// Markdown images dropped, links reduced to their text.
fn without_markdown_links(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('[') {
        let image = rest[..at].ends_with('!');
        let Some((label, len)) = markdown_link(&rest[at..]) else {
            out.push_str(&rest[..=at]);
            rest = &rest[at + 1..];
            continue;
        };
        if image {
            out.push_str(&rest[..at - 1]);
        } else {
            out.push_str(&rest[..at]);
            out.push_str(&without_markdown_links(label));
        }
        rest = &rest[at + len..];
    }
    out.push_str(rest);
    out
}

/// `[label](destination)` at the start of `text`: the label and the whole length.
/// The label may hold nested brackets, the destination one level of parentheses.
fn markdown_link(text: &str) -> Option<(&str, usize)> {
    let mut depth = 0usize;
    let mut label_end = None;
    for (i, c) in text.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    label_end = Some(i);
                    break;
                }
            }
            '\n' if text[..i].ends_with('\n') => return None,
            _ => {}
        }
    }
    let label_end = label_end?;
    let destination = text[label_end + 1..].strip_prefix('(')?;
    let mut parens = 0usize;
    for (i, c) in destination.char_indices() {
        match c {
            '(' => parens += 1,
            ')' if parens == 0 => return Some((&text[1..label_end], label_end + 2 + i + 1)),
            ')' => parens -= 1,
            '\n' => return None,
            _ => {}
        }
    }
    None
}

/// The named references of HTML 4.01, `apos` and HTML5's upper-case `AMP`, `COPY`,
/// `GT`, `LT`, `QUOT` and `REG` (with HTML5's values: `lang` and `rang` are U+27E8
/// and U+27E9), as `name;character;` pairs: one string, which
/// costs the wasm a third of what a table of slices would.
const NAMED: &str = concat!(
    "AMP;&;COPY;©;GT;>;LT;<;QUOT;\";REG;®;",
    "AElig;Æ;Aacute;Á;Acirc;Â;Agrave;À;Alpha;Α;Aring;Å;Atilde;Ã;Auml;Ä;Beta;Β;",
    "Ccedil;Ç;Chi;Χ;Dagger;‡;Delta;Δ;ETH;Ð;Eacute;É;Ecirc;Ê;Egrave;È;Epsilon;Ε;Eta;Η;",
    "Euml;Ë;Gamma;Γ;Iacute;Í;Icirc;Î;Igrave;Ì;Iota;Ι;Iuml;Ï;Kappa;Κ;Lambda;Λ;Mu;Μ;",
    "Ntilde;Ñ;Nu;Ν;OElig;Œ;Oacute;Ó;Ocirc;Ô;Ograve;Ò;Omega;Ω;Omicron;Ο;Oslash;Ø;",
    "Otilde;Õ;Ouml;Ö;Phi;Φ;Pi;Π;Prime;″;Psi;Ψ;Rho;Ρ;Scaron;Š;Sigma;Σ;THORN;Þ;Tau;Τ;",
    "Theta;Θ;Uacute;Ú;Ucirc;Û;Ugrave;Ù;Upsilon;Υ;Uuml;Ü;Xi;Ξ;Yacute;Ý;Yuml;Ÿ;Zeta;Ζ;",
    "aacute;á;acirc;â;acute;´;aelig;æ;agrave;à;alefsym;ℵ;alpha;α;amp;&;and;∧;ang;∠;",
    "apos;';aring;å;asymp;≈;atilde;ã;auml;ä;bdquo;„;beta;β;brvbar;¦;bull;•;cap;∩;",
    "ccedil;ç;cedil;¸;cent;¢;chi;χ;circ;ˆ;clubs;♣;cong;≅;copy;©;crarr;↵;cup;∪;",
    "curren;¤;dArr;⇓;dagger;†;darr;↓;deg;°;delta;δ;diams;♦;divide;÷;eacute;é;ecirc;ê;",
    "egrave;è;empty;∅;emsp;\u{2003};ensp;\u{2002};epsilon;ε;equiv;≡;eta;η;eth;ð;",
    "euml;ë;euro;€;exist;∃;fnof;ƒ;forall;∀;frac12;½;frac14;¼;frac34;¾;frasl;⁄;",
    "gamma;γ;ge;≥;gt;>;hArr;⇔;harr;↔;hearts;♥;hellip;…;iacute;í;icirc;î;iexcl;¡;",
    "igrave;ì;image;ℑ;infin;∞;int;∫;iota;ι;iquest;¿;isin;∈;iuml;ï;kappa;κ;lArr;⇐;",
    "lambda;λ;lang;⟨;laquo;«;larr;←;lceil;⌈;ldquo;“;le;≤;lfloor;⌊;lowast;∗;loz;◊;",
    "lrm;\u{200E};lsaquo;‹;lsquo;‘;lt;<;macr;¯;mdash;—;micro;µ;middot;·;minus;−;mu;μ;",
    "nabla;∇;nbsp;\u{00A0};ndash;–;ne;≠;ni;∋;not;¬;notin;∉;nsub;⊄;ntilde;ñ;nu;ν;",
    "oacute;ó;ocirc;ô;oelig;œ;ograve;ò;oline;‾;omega;ω;omicron;ο;oplus;⊕;or;∨;ordf;ª;",
    "ordm;º;oslash;ø;otilde;õ;otimes;⊗;ouml;ö;para;¶;part;∂;permil;‰;perp;⊥;phi;φ;",
    "pi;π;piv;ϖ;plusmn;±;pound;£;prime;′;prod;∏;prop;∝;psi;ψ;quot;\";rArr;⇒;radic;√;",
    "rang;⟩;raquo;»;rarr;→;rceil;⌉;rdquo;”;real;ℜ;reg;®;rfloor;⌋;rho;ρ;rlm;\u{200F};",
    "rsaquo;›;rsquo;’;sbquo;‚;scaron;š;sdot;⋅;sect;§;shy;\u{00AD};sigma;σ;sigmaf;ς;",
    "sim;∼;spades;♠;sub;⊂;sube;⊆;sum;∑;sup;⊃;sup1;¹;sup2;²;sup3;³;supe;⊇;szlig;ß;",
    "tau;τ;there4;∴;theta;θ;thetasym;ϑ;thinsp;\u{2009};thorn;þ;tilde;˜;times;×;",
    "trade;™;uArr;⇑;uacute;ú;uarr;↑;ucirc;û;ugrave;ù;uml;¨;upsih;ϒ;upsilon;υ;uuml;ü;",
    "weierp;℘;xi;ξ;yacute;ý;yen;¥;yuml;ÿ;zeta;ζ;zwj;\u{200D};zwnj;\u{200C};",
);
