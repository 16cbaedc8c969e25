//! The JSON Feed: its model and validation (pure), the merge of one poll into the
//! last, the polling schedule, and the source that fetches it in the browser.

pub mod backoff;
pub mod base;
pub mod merge;
pub mod model;
pub mod parse;
pub mod plain_text;
pub mod source;

pub use model::{Article, Feed};
pub use parse::parse_feed;

/// Why the feed could not be shown. The Hebrew message is for the reader, the
/// rest goes to the console.
#[derive(Clone, Debug, PartialEq)]
pub enum FeedError {
    /// The request never got an answer: offline, DNS, CORS, reset.
    Network(String),
    /// No answer within the time limit.
    Timeout,
    /// An answer, but not 2xx.
    Status(u16),
    NotJson(String),
    NotAFeed(String),
    TooLarge(String),
}

impl FeedError {
    /// What the reader is told.
    pub fn reader_message(&self) -> &'static str {
        match self {
            Self::Network(_) | Self::Timeout => {
                "לא הצלחנו להתחבר לשרת המבזקים. בדקו את החיבור לאינטרנט ונסו שוב."
            }
            Self::Status(404) => "עדכון המבזקים לא נמצא בשרת.",
            Self::Status(_) => "שרת המבזקים אינו זמין כרגע. ננסה שוב בקרוב.",
            Self::NotJson(_) | Self::NotAFeed(_) => "התקבל עדכון מבזקים פגום. ננסה שוב בקרוב.",
            Self::TooLarge(_) => "עדכון המבזקים גדול מדי להצגה.",
        }
    }
}

impl std::fmt::Display for FeedError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Network(detail) => write!(f, "network error: {detail}"),
            Self::Timeout => write!(f, "the feed did not answer in time"),
            Self::Status(code) => write!(f, "the feed answered HTTP {code}"),
            Self::NotJson(detail) => write!(f, "the feed is not JSON: {detail}"),
            Self::NotAFeed(detail) => write!(f, "not a JSON Feed: {detail}"),
            Self::TooLarge(detail) => write!(f, "the feed is too large: {detail}"),
        }
    }
}
