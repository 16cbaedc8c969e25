//! Inline styles and event handlers are renamed before the browser parses a body,
//! so that parsing it reports nothing against the page's CSP; nothing else changes.

use mivzak::html::inline_attributes::rename_inline_attributes;

fn renamed(html: &str) -> String {
    rename_inline_attributes(html).into_owned()
}

#[test]
fn the_shapes_real_generators_write() {
    // WordPress's caption, Hugo's highlighted code, a Google Docs span, a lazy-load plugin.
    let cases = [
        (
            r#"<figure id="a" style="width: 640px" class="wp-caption">"#,
            r#"<figure id="a" x-style="width: 640px" class="wp-caption">"#,
        ),
        (
            r#"<pre tabindex="0" style="color:#f8f8f2;background-color:#272822;"><code>"#,
            r#"<pre tabindex="0" x-style="color:#f8f8f2;background-color:#272822;"><code>"#,
        ),
        (
            r#"<span style='font-weight:700'>דחוף</span>"#,
            r#"<span x-style='font-weight:700'>דחוף</span>"#,
        ),
        (
            r#"<img src="a.jpg" onload="this.classList.add('in')" OnError=x STYLE=a>"#,
            r#"<img src="a.jpg" x-onload="this.classList.add('in')" x-OnError=x x-STYLE=a>"#,
        ),
        (
            r#"<p/style="a"/onclick='b'>"#,
            r#"<p/x-style="a"/x-onclick='b'>"#,
        ),
        ("<p\nstyle\n=\n\"a\">", "<p\nx-style\n=\n\"a\">"),
        (r#"<p title="a"style="b">"#, r#"<p title="a"x-style="b">"#),
        (r#"</p style="a">"#, r#"</p x-style="a">"#),
        // A text-only element ends at its own end tag, not inside a quote.
        (
            r#"<textarea><b title="</textarea><img onerror=x src=1>">"#,
            r#"<textarea><b title="</textarea><img x-onerror=x src=1>">"#,
        ),
        (
            r#"<title>a</titles></title ><p style=a>"#,
            r#"<title>a</titles></title ><p x-style=a>"#,
        ),
        // From the first svg or math on, text-only elements hold markup.
        (
            r#"<svg><style><img src=x onerror=a></style></svg>"#,
            r#"<svg><noframes><img src=x x-onerror=a></noframes></svg>"#,
        ),
        // In SVG and MathML a CDATA section runs to `]]>`: what follows is markup.
        (
            r#"<svg><![CDATA[ a > b <!-- ]]><p style="c">t</p> --></svg>"#,
            r#"<svg><![CDATA[ a > b <!-- ]]><p x-style="c">t</p> --></svg>"#,
        ),
        (
            r#"<math><![CDATA[ x > <!-- ]]><b onclick="x()">m</b> --></math>"#,
            r#"<math><![CDATA[ x > <!-- ]]><b x-onclick="x()">m</b> --></math>"#,
        ),
        // An HTML textarea inside MathML's mtext: its text ends at its end tag.
        (
            r#"<math><mtext><textarea><b id="</textarea><img onerror=a src=1>"></b></math>"#,
            r#"<math><mtext><textarea><b id="</textarea><img x-onerror=a src=1>"></b></math>"#,
        ),
        // A style element, as Gutenberg blocks and page builders leave them.
        (
            "<p>א<style>.wp-block{gap:1em}</style>ב</p><STYLE media=x>a>b{}</Style >",
            "<p>א<noframes>.wp-block{gap:1em}</noframes>ב</p><noframes media=x>a>b{}</noframes >",
        ),
    ];
    for (input, expected) in cases {
        assert_eq!(renamed(input), expected, "{input}");
    }
}

#[test]
fn text_that_only_reads_like_an_attribute_is_kept() {
    let kept = [
        // Escaped markup and prose.
        r#"<p>Write &lt;p style="color:red"&gt; or style="x" onclick=1</p>"#,
        // A `<` that opens no tag.
        r#"<p>a < b style="x" and 3<4 onload=1</p>"#,
        // Inside quoted values, a `>` or a name does not end or start anything.
        r#"<a title="x > y style=1" href="/a?onload=1">style="z"</a>"#,
        r#"<a title='it"s style=1'>t</a>"#,
        // Comments, including the abrupt and the `--!>` ends, and bogus comments.
        r#"<!-- <p style="a"> --><p>style="b"</p>"#,
        r#"<!--><p>style="a"</p>"#,
        r#"<!---><p>style="a"</p>"#,
        r#"<!-- x --!><p>style="a"</p>"#,
        r#"<!DOCTYPE html><?xml style="a"?></ style="b">text onload=1"#,
        // Names that only start like one: `o`, `styles`, `data-style`.
        r#"<p o="2" styles="3" data-style="4" data-onload="5">"#,
        r#"<styles><x-style>t</x-style></styles>"#,
        // Unquoted values hold what would otherwise be names.
        r#"<a href=x?style=1 title=on>"#,
        // Text-only elements: their text is text, whatever it reads like.
        r#"<textarea><p style="a"></textarea><title>onload=1 <b onclick=x></title>"#,
        r#"<script>if (a<b && c) x.onclick = 1; "<p style=1>"</script>"#,
        r#"<xmp><p style="a"></xmp ><plaintext><p style="b"></plaintext><p style="c">"#,
        // After an svg has ended, a textarea's text is text again, quotes and all.
        r#"שלום <svg></svg><textarea><b title="</textarea>עולם " style="x" נשאר</p>"#,
        // A tag cut off by the end of the body.
        r#"<p title="a style="#,
        "",
        "טקסט בלבד",
    ];
    for input in kept {
        assert_eq!(renamed(input), input, "{input}");
    }
}

#[test]
fn nothing_to_rename_borrows() {
    let html = r#"<p class="a">שלום <b>עולם</b></p>"#;
    assert!(matches!(
        rename_inline_attributes(html),
        std::borrow::Cow::Borrowed(_)
    ));
}

#[test]
fn the_output_renames_nothing_more() {
    // Idempotent in effect: what is renamed once leaves nothing to rename.
    for input in [
        r#"<p style="a" onclick="b"><img onerror=c style=d></p>"#,
        r#"<svg><style><img src=x onerror=alert(1)></style></svg>"#,
    ] {
        let once = renamed(input);
        assert_eq!(renamed(&once), once);
        assert!(
            !once.contains(" style") && !once.contains(" on") && !once.contains("<style"),
            "{once}"
        );
    }
}

#[test]
fn what_is_renamed_is_dropped_by_the_policy() {
    use mivzak::html::inline_attributes::{RENAMED_PREFIX, RENAMED_STYLE_ELEMENT};
    use mivzak::html::policy::{attribute_kind, element_action, ElementAction, HTML_NAMESPACE};
    assert_eq!(
        element_action(RENAMED_STYLE_ELEMENT, Some(HTML_NAMESPACE)),
        ElementAction::Drop
    );
    for element in ["p", "a", "img", "span", "td"] {
        for name in ["style", "onload", "onerror", "onclick"] {
            let renamed = format!("{RENAMED_PREFIX}{name}");
            assert_eq!(
                attribute_kind(element, &renamed),
                None,
                "{element} {renamed}"
            );
        }
    }
}
