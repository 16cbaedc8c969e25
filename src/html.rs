//! Untrusted HTML (feed bodies, comments) never reaches `inner_html`: it is parsed
//! inertly and rebuilt node by node from an allowlist (`policy`). In the browser the
//! parser is `DOMParser` and the nodes are the page's (`walk`); at publish time the
//! parser is html5ever and the nodes are written out as HTML (`native_walk`), the
//! very markup the browser's walk builds, so the app takes over a published page
//! without a visible change.

pub mod escape;
pub mod inline_attributes;
pub mod policy;
#[cfg(target_arch = "wasm32")]
pub mod walk;

#[cfg(not(target_arch = "wasm32"))]
pub mod fragment;
#[cfg(not(target_arch = "wasm32"))]
pub mod native_walk;

#[cfg(target_arch = "wasm32")]
pub use walk::{sanitize, text_of};

#[cfg(not(target_arch = "wasm32"))]
pub use native_walk::{sanitize_to_html, text_of};
