//! The publish-time sanitizer (`mivzak::html::sanitize_to_html`): the markup the
//! browser's walk (`src/html/walk.rs`) builds for a body, written as `innerHTML`
//! writes it. Held to the browser suite's hostile vectors and its allowlist audit
//! (`tests/e2e/fixtures/xss-vectors.js`, `xss-corpus.js`, read from there so the two
//! suites never drift), to the real-world corpus (`tests/fixtures/real-feeds/`), to
//! exact strings for representative bodies, and to two fixed points: sanitizing the
//! output again, and reading it back in the published page, change nothing.

use std::collections::BTreeMap;
use std::path::PathBuf;

use mivzak::feed::base::item_base;
use mivzak::feed::parse_feed;
use mivzak::html::policy::{element_action, ElementAction, HTML_NAMESPACE, TABLE_BOX};
use mivzak::html::{sanitize_to_html, text_of};
use scraper::{Html, Node};
use serde::Deserialize;

/// Where the sample bodies' feed is served from, and the site's origin.
const FEED: &str = "https://news.example/feed.json";
const ORIGIN: &str = "https://news.example";

fn sanitize(html: &str) -> String {
    sanitize_to_html(html, FEED, ORIGIN)
}

// ---------------------------------------------------------------------------
// The audit: what the browser suite's `allowlistProblems` checks, and more.

/// The published page around a body: standards mode, scripting enabled (a
/// reader's browser), the body in the app's own `div`.
fn page_with(body: &str) -> Html {
    Html::parse_document(&format!(
        "<!DOCTYPE html><html lang=\"he\" dir=\"rtl\"><head></head><body><div class=\"article-body\">{body}</div></body></html>"
    ))
}

/// The `div` that holds the body in `page`, after checking that the body did not
/// leave it (nothing else in `<body>`).
fn holder(page: &Html) -> Result<ego_tree::NodeRef<'_, Node>, String> {
    let body = page
        .root_element()
        .children()
        .find(|n| n.value().as_element().is_some_and(|e| e.name() == "body"))
        .ok_or("no body")?;
    let children: Vec<_> = body.children().collect();
    match children.as_slice() {
        [only] if only.value().as_element().is_some_and(|e| e.name() == "div") => Ok(*only),
        _ => Err(format!(
            "the body left its holder: <body> has {} children",
            children.len()
        )),
    }
}

/// What breaks the allowlist in `output` read back in the page: a node other than
/// an element or text, an element the policy does not keep (or the browser
/// suite forbids), a namespace other than HTML's, an attribute not allowed, a
/// `href` or `src` that is not http(s) or mailto. Empty when there is none.
fn allowlist_problems(output: &str) -> Vec<String> {
    let page = page_with(output);
    let holder = match holder(&page) {
        Ok(holder) => holder,
        Err(problem) => return vec![problem],
    };
    let fixtures = browser_fixtures();
    let mut problems = Vec::new();
    for node in holder.descendants().skip(1) {
        let element = match node.value() {
            Node::Text(_) => continue,
            Node::Element(element) => element,
            other => {
                problems.push(format!("node {other:?}"));
                continue;
            }
        };
        let name = element.name();
        let kept = name == TABLE_BOX
            || matches!(element_action(name, Some(HTML_NAMESPACE)), ElementAction::Keep(kept) if kept == name);
        if !kept || fixtures.forbidden_tags.iter().any(|tag| tag == name) {
            problems.push(format!("tag {name}"));
        }
        if &*element.name.ns != HTML_NAMESPACE {
            problems.push(format!("namespace {}", &*element.name.ns));
        }
        for (attribute, value) in element.attrs() {
            if !fixtures.allowed_attributes.iter().any(|a| a == attribute) {
                problems.push(format!("attribute {attribute}"));
            }
            let scheme_ok = ["http:", "https:", "mailto:"].iter().any(|scheme| {
                value
                    .get(..scheme.len())
                    .is_some_and(|start| start.eq_ignore_ascii_case(scheme))
            });
            if matches!(attribute, "href" | "src") && !scheme_ok {
                problems.push(format!("url {value}"));
            }
        }
    }
    problems
}

/// The output as the published page reads it back, written out again: equal to
/// the output when the reader sees, before the app starts, the very nodes the
/// app then puts in their place.
fn read_back_in_page(output: &str) -> String {
    let page = page_with(output);
    match holder(&page) {
        Ok(holder) => holder.children().map(|n| outer_html(n)).collect(),
        Err(problem) => problem,
    }
}

/// `outerHTML`, as `fragment.rs` writes it, for what the audit reads back.
fn outer_html(node: ego_tree::NodeRef<'_, Node>) -> String {
    let escape = mivzak::html::escape::escaped;
    match node.value() {
        Node::Text(text) => escape(text, false),
        Node::Element(element) => {
            let attributes: String = element
                .attrs()
                .map(|(name, value)| format!(" {name}=\"{}\"", escape(value, true)))
                .collect();
            let name = element.name();
            if matches!(name, "br" | "hr" | "img") {
                return format!("<{name}{attributes}>");
            }
            let children: String = node.children().map(|n| outer_html(n)).collect();
            format!("<{name}{attributes}>{children}</{name}>")
        }
        other => format!("<!-- {other:?} -->"),
    }
}

/// Every property an output must have, for any input: the allowlist holds, a
/// second pass changes nothing, and the page reads it back as written.
fn assert_sound(input: &str, output: &str, base: &str, what: &str) {
    let problems = allowlist_problems(output);
    assert!(
        problems.is_empty(),
        "{what}: {problems:?}\n  input:  {input:?}\n  output: {output:?}"
    );
    let again = sanitize_to_html(output, base, ORIGIN);
    assert_eq!(
        again, output,
        "{what}: a second pass changed it\n  input: {input:?}"
    );
    assert_eq!(
        read_back_in_page(output),
        output,
        "{what}: the page reads it back otherwise\n  input: {input:?}"
    );
}

// ---------------------------------------------------------------------------
// The browser suite's fixtures, read from its JavaScript.

struct BrowserFixtures {
    vectors: Vec<String>,
    corpus: Vec<String>,
    forbidden_tags: Vec<String>,
    allowed_attributes: Vec<String>,
}

fn e2e_fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/e2e/fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn browser_fixtures() -> BrowserFixtures {
    let vectors_js = e2e_fixture("xss-vectors.js");
    let corpus_js = e2e_fixture("xss-corpus.js");
    let vectors = js_array(&vectors_js, "XSS_VECTORS");
    let list = |name: &str| js_array(&corpus_js, name);
    // The corpus as xss-corpus.js builds it: numbered from 1000, in this order.
    let mut n = 1000;
    let mut numbered = |s: String| {
        let out = s.replace('N', &n.to_string());
        n += 1;
        out
    };
    let mut corpus = vectors.clone();
    for element in list("ELEMENTS") {
        let tag = element.split(' ').next().unwrap_or_default().to_owned();
        for handler in list("HANDLERS") {
            corpus.push(numbered(format!(
                "<{element} {handler}=\"__xss(N)\">x</{tag}>"
            )));
        }
    }
    for slot in list("URL_SLOTS") {
        let mut words: Vec<&str> = slot.split(' ').collect();
        let attribute = words.pop().unwrap_or_default();
        let tag = words.remove(0);
        let extra = words.join(" ");
        for scheme in list("SCHEMES") {
            corpus.push(numbered(format!(
                "<{tag} {extra} {attribute}=\"{scheme}\">x</{tag}>"
            )));
        }
    }
    corpus.extend(list("CONFUSIONS").into_iter().map(&mut numbered));
    BrowserFixtures {
        vectors,
        corpus,
        forbidden_tags: js_array(&vectors_js, "FORBIDDEN_TAGS"),
        allowed_attributes: js_array(&vectors_js, "ALLOWED_ATTRIBUTES"),
    }
}

/// The strings of the array literal `const NAME = [ … ];` in `js`, each a
/// single-quoted JavaScript string read with its escapes (ECMA-262 §12.9.4).
/// Anything else in the array (a template literal, a spread) fails the test: the
/// fixture changed shape and this reader must follow.
fn js_array(js: &str, name: &str) -> Vec<String> {
    let start = js
        .find(&format!("const {name} = ["))
        .unwrap_or_else(|| panic!("no array {name}"));
    let mut chars = js[start..]
        .chars()
        .skip_while(|&c| c != '[')
        .skip(1)
        .peekable();
    let mut strings = Vec::new();
    loop {
        match chars.next() {
            Some(c) if c.is_whitespace() || c == ',' => {}
            Some('/') if chars.peek() == Some(&'/') => {
                chars.by_ref().find(|&c| c == '\n');
            }
            Some(']') => return strings,
            Some('\'') => {
                let mut string = String::new();
                loop {
                    match chars.next() {
                        Some('\'') => break,
                        Some('\\') => string.push(js_escape(&mut chars)),
                        Some(c) => string.push(c),
                        None => panic!("{name}: unterminated string"),
                    }
                }
                strings.push(string);
            }
            other => panic!(
                "{name}: unexpected {other:?} after {} strings",
                strings.len()
            ),
        }
    }
}

fn js_escape(chars: &mut impl Iterator<Item = char>) -> char {
    let hex = |digits: usize, chars: &mut dyn Iterator<Item = char>| {
        let code: String = chars.take(digits).collect();
        u32::from_str_radix(&code, 16)
            .ok()
            .and_then(char::from_u32)
            .unwrap_or_else(|| panic!("bad escape {code:?}"))
    };
    match chars.next() {
        Some('n') => '\n',
        Some('t') => '\t',
        Some('r') => '\r',
        Some('0') => '\0',
        Some('u') => hex(4, chars),
        Some('x') => hex(2, chars),
        Some(c) => c,
        None => panic!("escape at the end"),
    }
}

// ---------------------------------------------------------------------------
// Hostile input.

#[test]
fn the_fixture_reader_reads_the_browser_suites_vectors() {
    let fixtures = browser_fixtures();
    assert!(fixtures.vectors.len() >= 60, "{}", fixtures.vectors.len());
    assert_eq!(fixtures.vectors[0], "<script>__xss(1)</script>");
    // Escapes come out as JavaScript reads them.
    assert!(fixtures
        .vectors
        .contains(&"<a href=\"java\u{0}script:__xss(51)\">nul</a>".to_owned()));
    // 20 elements × 8 handlers, 10 URL slots × 13 schemes, 20 confusions.
    assert_eq!(
        fixtures.corpus.len(),
        fixtures.vectors.len() + 160 + 130 + 20
    );
    assert!(fixtures.corpus.len() > 300);
    assert!(fixtures
        .corpus
        .contains(&"<img src=x onerror=\"__xss(1000)\">x</img>".to_owned()));
    assert!(fixtures.forbidden_tags.contains(&"noscript".to_owned()));
    assert!(fixtures.allowed_attributes.contains(&"decoding".to_owned()));
}

#[test]
fn every_xss_vector_alone_leaves_nothing_forbidden() {
    for (i, vector) in browser_fixtures().corpus.iter().enumerate() {
        let output = sanitize(vector);
        assert_sound(vector, &output, FEED, &format!("payload {i}"));
    }
}

#[test]
fn the_xss_corpus_in_the_browser_suites_bodies_leaves_nothing_forbidden() {
    // As xss-corpus.spec.js feeds it: forty payloads a body, each in a div.
    let corpus = browser_fixtures().corpus;
    for (i, chunk) in corpus.chunks(40).enumerate() {
        let body: Vec<String> = chunk.iter().map(|v| format!("<div>{v}</div>")).collect();
        let body = body.join("\n");
        assert_sound(&body, &sanitize(&body), FEED, &format!("chunk {i}"));
    }
}

#[test]
fn known_vectors_come_out_as_the_browser_builds_them() {
    let cases = [
        ("<script>__xss(1)</script>", ""),
        ("<img src=x onerror=\"__xss(3)\">", "<img loading=\"lazy\" decoding=\"async\" src=\"https://news.example/x\">"),
        ("<a href=\"javascript:__xss(7)\">click</a>", "<a rel=\"noopener noreferrer nofollow ugc\">click</a>"),
        ("<a href=\"jav&#x09;ascript:__xss(9)\">tab entity</a>", "<a rel=\"noopener noreferrer nofollow ugc\">tab entity</a>"),
        ("<a href=\"java\u{0}script:__xss(51)\">nul</a>", "<a href=\"https://news.example/java%EF%BF%BDscript:__xss(51)\" rel=\"noopener noreferrer nofollow ugc\">nul</a>"),
        // The clobbering form goes; the text after it stays.
        (
            "<form id=\"f\"><input name=\"namespaceURI\"><input name=\"nodeType\"></form><p>after-form</p><img name=\"body\"><p onclick=\"__xss(30)\">clobber-body</p>",
            "<p>after-form</p><p>clobber-body</p>",
        ),
        // DOMParser parses with scripting off, as html5ever here: the <noscript> opens
        // in the head and closes at the <p>, which goes to the body with its title.
        (
            "<noscript><p title=\"</noscript><img src=x onerror=__xss(32)>\">",
            "<p title=\"&lt;/noscript&gt;&lt;img src=x onerror=__xss(32)&gt;\"></p>",
        ),
        ("<textarea><img src=x onerror=__xss(35)></textarea>", ""),
        (
            "<a href=\"https://ok.example/\" onclick=\"__xss(36)\" style=\"color:red\" id=\"x\" name=\"y\">ok link</a>",
            "<a target=\"_blank\" href=\"https://ok.example/\" rel=\"noopener noreferrer nofollow ugc\">ok link</a>",
        ),
        (
            "<img srcset=\"x 1x, javascript:__xss(45) 2x\" src=\"https://ok.example/a.png\">",
            "<img loading=\"lazy\" decoding=\"async\" src=\"https://ok.example/a.png\">",
        ),
        ("<svg><a xlink:href=\"javascript:__xss(15)\"><text y=\"20\">x</text></a></svg>", ""),
        (
            "<math><mtext><table><mglyph><style><img src=x onerror=__xss(16)></style></mglyph></table></mtext></math>",
            "",
        ),
        ("<table background=\"javascript:__xss(44)\"><tr><td>t</td></tr></table>", "<mivzak-table-box><table><tbody><tr><td>t</td></tr></tbody></table></mivzak-table-box>"),
        ("<<script>__xss(47)//<</script>", "&lt;"),
        ("<a href=\"mailto:desk@news.example\">mail</a>", "<a href=\"mailto:desk@news.example\" rel=\"noopener noreferrer nofollow ugc\">mail</a>"),
    ];
    for (input, expected) in cases {
        assert_eq!(sanitize(input), expected, "{input}");
    }
}

#[test]
fn text_that_reads_as_markup_stays_text() {
    let input =
        "<p>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; \"מרכאות\" 'גרש'</p>\
                 <p title='&quot;&gt;&lt;/p&gt;&lt;script&gt;'>x</p>";
    let output = sanitize(input);
    assert_eq!(
        output,
        "<p>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; \"מרכאות\" 'גרש'</p>\
         <p title=\"&quot;&gt;&lt;/p&gt;&lt;script&gt;\">x</p>"
    );
    assert_sound(input, &output, FEED, "escapes");
}

#[test]
fn deep_nesting_keeps_the_words_and_never_overflows() {
    // Five thousand open divs: the parser, the walk and the audit all cope.
    let deep = "<div>".repeat(5_000) + "עמוק";
    assert_eq!(sanitize(&deep), "עמוק");
    // Kept elements: 48 levels keep their structure; the 49th keeps only its words.
    let bold = "<b>".repeat(60) + "<i>עמוק</i>" + &"</b>".repeat(60);
    let expected = "<b>".repeat(49) + "עמוק" + &"</b>".repeat(49);
    let output = sanitize(&bold);
    assert_eq!(output, expected);
    assert_sound(&bold, &output, FEED, "deep bold");
}

#[test]
fn very_long_values_are_cut_and_very_long_text_is_kept() {
    let title = "כותרת ".repeat(400);
    let output = sanitize(&format!("<p title=\"{title}\">x</p>"));
    let kept: String = title.trim().chars().take(1000).collect();
    assert_eq!(output, format!("<p title=\"{kept}\">x</p>"));
    let text = "מילה ".repeat(100_000);
    let output = sanitize(&format!("<p>{text}</p>"));
    assert_eq!(output, format!("<p>{text}</p>"));
    let href = format!("https://news.example/{}", "א".repeat(5000));
    let output = sanitize(&format!("<a href=\"{href}\">ארוך</a>"));
    assert_eq!(
        output,
        format!(
            "<a href=\"https://news.example/{}\" rel=\"noopener noreferrer nofollow ugc\">ארוך</a>",
            "%D7%90".repeat(5000)
        )
    );
}

#[test]
fn odd_input_gives_what_the_browser_gives() {
    assert_eq!(sanitize(""), "");
    assert_eq!(sanitize(" \n\t "), "");
    // U+00A0 alone before the first element is blank too (as walk.rs has it)…
    assert_eq!(sanitize("\u{a0}<p>x</p>"), "<p>x</p>");
    // … and written as &nbsp; wherever it stays.
    assert_eq!(sanitize("<p>א\u{a0}ב</p>"), "<p>א&nbsp;ב</p>");
    // A NUL in text is dropped by the parser; CR LF becomes LF.
    assert_eq!(sanitize("<p>a\u{0}b\r\nc</p>"), "<p>ab\nc</p>");
    // Stray end tags and unclosed elements are repaired as a browser repairs them.
    assert_eq!(sanitize("</p>x<b>y"), "x<b>y</b>");
    assert_eq!(sanitize("<b>x</p>y"), "<b>x<p></p>y</b>");
    // A body that is a whole document: its head goes, its body stays.
    assert_eq!(
        sanitize(
            "<!DOCTYPE html><html><head><title>t</title></head><body><p>גוף</p></body></html>"
        ),
        "<p>גוף</p>"
    );
    // Comments, doctypes and CDATA are not content.
    assert_eq!(sanitize("<!-- הערה --><p>x</p><![CDATA[y]]>"), "<p>x</p>");
    // A frameset is the document's body, and holds nothing to keep.
    assert_eq!(sanitize("<frameset onload=__xss(55)>"), "");
}

// ---------------------------------------------------------------------------
// Representative bodies, exactly.

#[test]
fn a_rich_hebrew_body_comes_out_exactly() {
    // articles.spec.js's rich body.
    let input = "<h1>כותרת משנה</h1><p>פסקה עם <strong>הדגשה</strong>, <em>נטוי</em> ו<a href=\"/about\">קישור פנימי</a> ו<a href=\"https://other.example/x\">קישור חיצוני</a>.</p>\n\
<blockquote><p>ציטוט</p></blockquote><ul><li>אחד</li><li>שניים</li></ul>\n\
<figure><img src=\"img/photo.png\" alt=\"תמונה\" width=\"640\" height=\"360\"><figcaption>כיתוב</figcaption></figure>\n\
<table><tr><th>א</th><td>ב</td></tr></table><p>מערכת <bdi>Windows 11</bdi><br>שורה שנייה</p><div><span>עטיפה תמימה</span></div>";
    let expected = "<h2>כותרת משנה</h2><p>פסקה עם <strong>הדגשה</strong>, <em>נטוי</em> ו<a href=\"https://news.example/about\" rel=\"noopener noreferrer nofollow ugc\">קישור פנימי</a> ו<a target=\"_blank\" href=\"https://other.example/x\" rel=\"noopener noreferrer nofollow ugc\">קישור חיצוני</a>.</p>\n\
<blockquote><p>ציטוט</p></blockquote><ul><li>אחד</li><li>שניים</li></ul>\n\
<figure><img alt=\"תמונה\" width=\"640\" height=\"360\" loading=\"lazy\" decoding=\"async\" src=\"https://news.example/img/photo.png\"><figcaption>כיתוב</figcaption></figure>\n\
<mivzak-table-box><table><tbody><tr><th>א</th><td>ב</td></tr></tbody></table></mivzak-table-box><p>מערכת <bdi>Windows 11</bdi><br>שורה שנייה</p>עטיפה תמימה";
    let output = sanitize(input);
    assert_eq!(output, expected);
    assert_sound(input, &output, FEED, "rich");
}

#[test]
fn hebrew_with_entities_comes_out_exactly() {
    let cases = [
        // WordPress: wptexturize's numeric references, &nbsp; paragraphs.
        (
            "<p>צה&quot;ל &#8211; &#8220;עדכון&#8221; &amp; שב&quot;כ&#8230;</p>\n<p>&nbsp;</p>",
            "<p>צה\"ל – “עדכון” &amp; שב\"כ…</p>\n<p>&nbsp;</p>",
        ),
        // Ghost and Hugo: &#x27; &#39; &#34;, and &lt;/&gt; that are text.
        (
            "<p>ג&#x27;חנון, ביבי&#39;ס, &#34;ציטוט&#34;, &lt;b&gt;לא מודגש&lt;/b&gt;</p>",
            "<p>ג'חנון, ביבי'ס, \"ציטוט\", &lt;b&gt;לא מודגש&lt;/b&gt;</p>",
        ),
        // Named references without a semicolon, as browsers read them.
        ("<p>A&ampB &copy 2024 &hellip</p>", "<p>A&amp;B © 2024 &amp;hellip</p>"),
        // Direction and language marks on the elements that carry them.
        (
            "<p dir=\"RTL\" lang=\"he-IL\">שלום <span dir=\"ltr\">C++</span> <q lang=\"en\" dir=\"sideways\">hi</q></p>",
            "<p dir=\"rtl\" lang=\"he-IL\">שלום C++\u{200E} <q lang=\"en\">hi</q></p>",
        ),
    ];
    for (input, expected) in cases {
        let output = sanitize(input);
        assert_eq!(output, expected, "{input}");
        assert_sound(input, &output, FEED, input);
    }
}

#[test]
fn lazy_loaded_images_show_once_with_their_real_source() {
    let base = "https://taamim.example/recipes/shakshuka/";
    let cases = [
        // WordPress a3 Lazy Load: a 1×1 GIF in src, the real one in data-src, a
        // <noscript> twin that must not show it twice.
        (
            "<figure class=\"wp-caption\" style=\"width: 1024px\"><img width=\"1024\" height=\"683\" src=\"data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP\" data-src=\"/wp-content/uploads/shakshuka.jpg\" alt=\"שקשוקה\" class=\"lazy\" /><noscript><img src=\"/wp-content/uploads/shakshuka.jpg\" alt=\"שקשוקה\" /></noscript><figcaption>מוכנה</figcaption></figure>",
            "<figure><img width=\"1024\" height=\"683\" alt=\"שקשוקה\" loading=\"lazy\" decoding=\"async\" src=\"https://taamim.example/wp-content/uploads/shakshuka.jpg\"><figcaption>מוכנה</figcaption></figure>",
        ),
        // WP Rocket: an SVG placeholder, the real image only in data-lazy-srcset.
        (
            "<img src=\"data:image/svg+xml,%3Csvg%3E%3C/svg%3E\" alt=\"ג&#8217;חנון\" data-lazy-srcset=\"jachnun-768.jpg 768w, jachnun.jpg 1024w\">",
            "<img alt=\"ג’חנון\" loading=\"lazy\" decoding=\"async\" src=\"https://taamim.example/recipes/shakshuka/jachnun.jpg\">",
        ),
        // The real image only in the <noscript> twin, blank between them.
        (
            "<p><img src=\"data:image/gif;base64,R0l\" class=\"lazyload\" alt=\"פסטה\">\n<noscript><img src=\"pasta.jpg\" alt=\"פסטה\" width=\"1024\"></noscript></p>",
            "<p>\n<img alt=\"פסטה\" width=\"1024\" loading=\"lazy\" decoding=\"async\" src=\"https://taamim.example/recipes/shakshuka/pasta.jpg\"></p>",
        ),
        // A twin whose markup the feed escaped: read as HTML, inertly.
        (
            "<img src=\"data:,\"><noscript>&lt;img src=\"real.jpg\" alt=\"אמיתי\" onerror=\"__xss(1)\"&gt;</noscript>",
            "<img alt=\"אמיתי\" loading=\"lazy\" decoding=\"async\" src=\"https://taamim.example/recipes/shakshuka/real.jpg\">",
        ),
        // A <noscript> anywhere else stays dropped.
        ("<p>טקסט</p><noscript><img src=\"tracker.gif\"></noscript>", "<p>טקסט</p>"),
    ];
    for (input, expected) in cases {
        let output = sanitize_to_html(input, base, ORIGIN);
        assert_eq!(output, expected, "{input}");
        assert_sound(input, &output, base, input);
    }
}

#[test]
fn pictures_srcsets_embeds_and_code_come_out_exactly() {
    let base = "https://kod.example/posts/p1/";
    let cases = [
        // <picture>: the wrapper and its <source>s go, the <img> keeps its src.
        (
            "<picture><source srcset=\"a.avif\" type=\"image/avif\"><img src=\"a.jpg\" srcset=\"a-300.jpg 300w, a-1024.jpg 1024w\" alt=\"\"></picture>",
            "<img alt=\"\" loading=\"lazy\" decoding=\"async\" src=\"https://kod.example/posts/p1/a.jpg\">",
        ),
        // Only a srcset: its widest candidate.
        (
            "<img srcset=\"small.jpg 480w, ../../images/big.jpg 1080w, mid.jpg 800w\" alt=\"תרשים\">",
            "<img alt=\"תרשים\" loading=\"lazy\" decoding=\"async\" src=\"https://kod.example/images/big.jpg\">",
        ),
        // Lazy iframes and their twins, the X embed's script: all gone, the quote stays.
        (
            "<p><iframe src=\"about:blank\" data-lazy-src=\"https://www.youtube.example/embed/abc\"></iframe><noscript><iframe src=\"https://www.youtube.example/embed/abc\"></iframe></noscript></p>\
             <blockquote class=\"twitter-tweet\"><p lang=\"iw\" dir=\"rtl\">לא נוותר.</p>&mdash; המועצה (@moatza) <a href=\"https://x.example/moatza/status/1\">27 בדצמבר 2024</a></blockquote><script async src=\"https://platform.x.example/widgets.js\"></script>",
            "<p></p><blockquote><p lang=\"iw\" dir=\"rtl\">לא נוותר.</p>— המועצה (@moatza) <a target=\"_blank\" href=\"https://x.example/moatza/status/1\" rel=\"noopener noreferrer nofollow ugc\">27 בדצמבר 2024</a></blockquote>",
        ),
        // Hugo's Chroma: inline styles gone, code reads left to right.
        (
            "<div class=\"highlight\"><pre tabindex=\"0\" style=\"color:#f8f8f2\"><code class=\"language-sh\" data-lang=\"sh\"><span style=\"display:flex;\"><span>git rebase -i HEAD~5 &amp;&amp; echo &lt;ok&gt;\n</span></span></code></pre></div>",
            "<pre dir=\"ltr\"><code dir=\"ltr\">git rebase -i HEAD~5 &amp;&amp; echo &lt;ok&gt;\n</code></pre>",
        ),
        // A direction the code brings itself is kept.
        ("<p>הפקודה <code dir=\"rtl\">ls</code></p>", "<p>הפקודה <code dir=\"rtl\">ls</code></p>"),
    ];
    for (input, expected) in cases {
        let output = sanitize_to_html(input, base, ORIGIN);
        assert_eq!(output, expected, "{input}");
        assert_sound(input, &output, base, input);
    }
}

#[test]
fn links_resolve_against_the_base_and_leave_the_site_in_a_new_tab() {
    let base = "https://news.example/2024/12/27/item/";
    let cases = [
        ("<a href=\"../other/\">א</a>", "<a href=\"https://news.example/2024/12/27/other/\" rel=\"noopener noreferrer nofollow ugc\">א</a>"),
        ("<a href=\"//news.example/x?q=%D7%90#top\">ב</a>", "<a href=\"https://news.example/x?q=%D7%90#top\" rel=\"noopener noreferrer nofollow ugc\">ב</a>"),
        // Another scheme, host or port is another origin.
        ("<a href=\"http://news.example/x\">ג</a>", "<a target=\"_blank\" href=\"http://news.example/x\" rel=\"noopener noreferrer nofollow ugc\">ג</a>"),
        ("<a href=\"https://news.example:8443/x\">ד</a>", "<a target=\"_blank\" href=\"https://news.example:8443/x\" rel=\"noopener noreferrer nofollow ugc\">ד</a>"),
        // A Hebrew host and path, written as the URL standard writes them.
        (
            "<a href=\"https://חדשות.example/כתבה?ש=1\">ה</a>",
            "<a target=\"_blank\" href=\"https://xn--7dbee7eg.example/%D7%9B%D7%AA%D7%91%D7%94?%D7%A9=1\" rel=\"noopener noreferrer nofollow ugc\">ה</a>",
        ),
        // A target or rel the feed wrote is replaced by the policy's.
        ("<a href=\"/x\" target=\"_top\" rel=\"opener\">ו</a>", "<a href=\"https://news.example/x\" rel=\"noopener noreferrer nofollow ugc\">ו</a>"),
        // An anchor with no usable href stays as text in an <a>.
        ("<a href=\"javascript:void(0)\" title=\"כותרת\">ז</a>", "<a title=\"כותרת\" rel=\"noopener noreferrer nofollow ugc\">ז</a>"),
    ];
    for (input, expected) in cases {
        let output = sanitize_to_html(input, base, ORIGIN);
        assert_eq!(output, expected, "{input}");
        assert_sound(input, &output, base, input);
    }
}

#[test]
fn a_base_that_is_not_a_url_keeps_no_url_at_all() {
    // As `new URL(value, base)` throws for every value when `base` does not parse.
    let input = "<a href=\"https://ok.example/\">א</a><img src=\"https://ok.example/a.png\">";
    assert_eq!(
        sanitize_to_html(input, "not a url", ORIGIN),
        "<a rel=\"noopener noreferrer nofollow ugc\">א</a>"
    );
    // about:blank (comments) keeps absolute URLs only.
    assert_eq!(
        sanitize_to_html("<a href=\"/x\">א</a><a href=\"https://ok.example/\">ב</a>", "about:blank", ORIGIN),
        "<a rel=\"noopener noreferrer nofollow ugc\">א</a><a target=\"_blank\" href=\"https://ok.example/\" rel=\"noopener noreferrer nofollow ugc\">ב</a>"
    );
}

#[test]
fn text_of_is_the_sanitized_text() {
    assert_eq!(
        text_of("<p>שלום <b>עולם</b></p><script>alert(1)</script>"),
        "שלום עולם"
    );
    assert_eq!(
        text_of("צה&quot;ל &amp; שב&quot;כ&nbsp;–"),
        "צה\"ל & שב\"כ\u{a0}–"
    );
    assert_eq!(text_of("  <p>\n  מבזק</p>"), "\n  מבזק");
    assert_eq!(
        text_of("<style>p{}</style><img src=x alt=\"תמונה\">טקסט"),
        "טקסט"
    );
    // Isso's Markdown, as comments arrive.
    assert_eq!(
        text_of("<p>תגובה <em>חשובה</em> עם <a href=\"https://x.example\">קישור</a></p>\n<p><del>טעות</del></p>"),
        "תגובה חשובה עם קישור\nטעות"
    );
    assert_eq!(text_of(""), "");
}

// ---------------------------------------------------------------------------
// The real-world corpus.

#[derive(Deserialize)]
struct Expected {
    items: Vec<ExpectedItem>,
}

#[derive(Deserialize)]
struct ExpectedItem {
    id: String,
    /// Every body image's `src`, in order; relative ones against the feed's URL.
    images: Option<Vec<String>>,
}

#[test]
fn real_feed_bodies_are_sound_and_keep_their_images() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real-feeds");
    let expected: BTreeMap<String, Expected> =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    let resolve =
        |url: &str, base: &str| url::Url::parse(base).ok()?.join(url).ok().map(String::from);
    let mut bodies = 0;
    let mut images_checked = 0;
    for (name, expected) in &expected {
        let feed = parse_feed(&std::fs::read_to_string(dir.join(name)).unwrap()).unwrap();
        for item in &feed.items {
            let Some(html) = &item.content_html else {
                continue;
            };
            let base = item_base(
                item.url.as_deref(),
                feed.home_page_url.as_deref(),
                FEED,
                resolve,
            );
            let output = sanitize_to_html(html, &base, ORIGIN);
            let what = format!("{name} {}", item.id);
            assert_sound(html, &output, &base, &what);
            bodies += 1;
            let page = page_with(&output);
            let images: Vec<String> = page
                .tree
                .nodes()
                .filter_map(|n| n.value().as_element().filter(|e| e.name() == "img"))
                .map(|img| {
                    assert_eq!(img.attr("loading"), Some("lazy"), "{what}");
                    assert_eq!(img.attr("decoding"), Some("async"), "{what}");
                    img.attr("src").unwrap_or_default().to_owned()
                })
                .collect();
            let wanted = expected.items.iter().find(|e| e.id == item.id);
            if let Some(wanted) = wanted.and_then(|e| e.images.as_ref()) {
                let wanted: Vec<String> = wanted
                    .iter()
                    .map(|src| resolve(src, FEED).unwrap())
                    .collect();
                assert_eq!(images, wanted, "{what}");
                images_checked += 1;
            }
        }
    }
    assert!(bodies >= 40, "only {bodies} bodies");
    assert!(
        images_checked >= 15,
        "only {images_checked} items with images"
    );
}
