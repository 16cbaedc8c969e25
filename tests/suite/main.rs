//! Every native test, in one binary with a module per subject: each test binary
//! links Leptos's SSR renderer, html5ever and chrono-tz, so 35 binaries spent most
//! of `cargo test`'s time linking (issue 23, §5). `cargo test NAME` still picks
//! tests by name; `cargo test --test suite bidi::` runs one subject.

mod common;

mod accessibility;
mod announcement;
mod bidi;
mod comment_thread;
mod comments;
mod config;
mod domparser_parity;
mod embed;
mod excerpt;
mod feed_dates;
mod feed_errors;
mod feed_formats;
mod feed_parse;
mod html_policy;
mod idle_prefetch;
mod image_sources;
mod import_circles;
mod inline_attributes;
mod isso_escaping;
mod item_base;
mod json_feed_peers;
mod json_suite;
mod merge;
mod native_sanitize;
mod native_time;
mod page_head;
mod paths;
mod plain_text;
mod poll_backoff;
mod properties;
mod publish_feed_check;
mod publish_head;
mod publish_output;
mod publish_render;
mod publish_styles;
mod real_feeds;
mod reconcile;
mod router_history;
mod segment_index;
mod share;
mod shared;
mod tags;
mod takeover;
mod talkbacks;
mod ticker_pause;
mod time;
mod urgency;
mod xml_corpus;
