//! The embedded ticker, in one folder: its options from the iframe's query string
//! (`options.rs`, pure), its page (`page.rs`, `embed.html`'s component and entry
//! point), how its links leave the iframe (`links.rs`), and its own wasm's `main`
//! (`main.rs`, the `embed` binary). The host page's side is `public/embed.js`.

pub mod links;
pub mod options;
pub mod page;

pub use options::*;
