//! One component per file.

pub mod article_body;
pub mod article_list;
pub mod bidi_text;
pub mod feed_status;
pub mod flash_list;
pub mod follow_link;
pub mod site_header;
pub mod time_label;
