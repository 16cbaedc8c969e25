//! The values that Rust and the browser's scripts both need, from one file:
//! `shared/constants.json`. `build.rs` writes them here as typed constants at
//! compile time; the scripts read the same file (`scripts/shared-constants.mjs`
//! makes it the `MivzakShared` that index.html, embed.html, `sw.js` and
//! `embed.js` get at build time; node scripts and tests `require` it). A value
//! used on both sides goes into that file, never into two; `tests/suite/shared.rs`
//! fails when a browser script writes one out again.

include!(concat!(env!("OUT_DIR"), "/shared.rs"));
