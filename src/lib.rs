//! Mivzak: a right-to-left breaking-news ticker and reader for a JSON Feed.
//!
//! Pure logic (config, feed, bidi, time, merge, backoff) is tested natively;
//! the views in `components/` and `pages/` stay thin and read signals.

pub mod accessibility;
pub mod after_paint;
pub mod announcement;
pub mod app;
pub mod backoff;
pub mod bidi;
pub mod char_class;
pub mod chunk_prefetch;
pub mod chunks;
pub mod clock;
pub mod comments;
pub mod components;
pub mod config;
pub mod dom;
pub mod embed;
pub mod feed;
pub mod flashes_on_screen;
pub mod grapheme;
pub mod html;
pub mod http;
pub mod log;
pub mod mount;
pub mod open_rows;
pub mod page_head;
pub mod page_meta;
pub mod pages;
pub mod panic_notice;
pub mod paths;
#[cfg(not(target_arch = "wasm32"))]
pub mod publish;
pub mod reader_settings;
pub mod row_focus;
pub mod scroll_anchor;
pub mod share;
pub mod shared;
pub mod takeover;
pub mod teardown;
pub mod theme;
pub mod ticker_pause;
pub mod ticker_text;
pub mod time;

pub use app::{start, App};
