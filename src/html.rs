//! Untrusted HTML (feed bodies, comments) never reaches `inner_html`.

/// The text of an HTML fragment, parsed by the browser's inert `DOMParser`
/// (no script runs, no resource loads); block boundaries become line breaks.
#[cfg(target_arch = "wasm32")]
pub fn text_of(html: &str) -> String {
    use web_sys::{DomParser, SupportedType};
    let Ok(parser) = DomParser::new() else {
        return String::new();
    };
    let Ok(document) = parser.parse_from_string(html, SupportedType::TextHtml) else {
        return String::new();
    };
    document
        .body()
        .and_then(|body| {
            use wasm_bindgen::JsCast;
            body.dyn_into::<web_sys::HtmlElement>().ok()
        })
        .map(|body| body.inner_text())
        .unwrap_or_default()
}

#[cfg(not(target_arch = "wasm32"))]
pub fn text_of(html: &str) -> String {
    html.to_owned()
}
