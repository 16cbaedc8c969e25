//! Untrusted HTML (feed bodies, comments) never reaches `inner_html`: it is parsed by
//! the browser's inert `DOMParser` and rebuilt node by node from an allowlist.

pub mod inline_attributes;
pub mod policy;
#[cfg(target_arch = "wasm32")]
pub mod walk;

#[cfg(target_arch = "wasm32")]
pub use walk::{sanitize, text_of};

/// Native builds never render HTML; these keep the views compiling.
#[cfg(not(target_arch = "wasm32"))]
pub fn text_of(html: &str) -> String {
    html.to_owned()
}
