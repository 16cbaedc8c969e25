//! See `src/publish.rs`.
