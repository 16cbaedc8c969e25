//! One component per file.

pub mod article_body;
pub mod article_list;
pub mod comment_counts;
pub mod comment_form;
pub mod comment_item;
pub mod comments_section;
pub mod feed_status;
pub mod flash_list;
pub mod flash_more;
pub mod flash_share;
pub mod follow_link;
pub mod link_clicks;
pub mod marquee;
pub mod navigation_focus;
pub mod offline_notice;
pub mod reader_controls;
pub mod redrawn_text;
pub mod safe_html;
pub mod share_bar;
pub mod site_footer;
pub mod site_header;
pub mod stale_notice;
pub mod ticker;
pub mod time_label;
pub mod urgent_badge;
