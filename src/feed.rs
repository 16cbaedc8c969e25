//! The feed: its bytes decoded (`encoding`), its format told by its content
//! (`read`), JSON Feed (`parse`) or RSS and Atom (`xml`) read into one model
//! (pure), the merge of one poll into the last, the polling schedule, and the
//! source that fetches it in the browser.

pub mod backoff;
pub mod base;
pub mod encoding;
pub mod excerpt;
pub mod fetch;
pub mod first_image;
pub mod merge;
pub mod model;
pub mod parse;
pub mod plain_text;
pub mod read;
pub mod reconcile;
pub mod segment_index;
pub mod source;
pub mod tags;
pub mod takeover;
pub mod urgency;
pub mod xml;

pub use model::{Article, Feed};
pub use parse::{parse_feed, parse_json_feed};
pub use read::{read_feed, FeedFormat};

/// Why the feed could not be shown. The Hebrew message is for the reader, the
/// rest goes to the console.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum FeedError {
    /// The request never got an answer: offline, DNS, reset, a server that is down.
    #[error("network error: {0}")]
    Network(String),
    /// The feed is on another origin whose server answers but does not let this
    /// site read it (no `Access-Control-Allow-Origin` for it): the URL.
    #[error(
        "{0} answered, but the browser would not let this page read it: most likely CORS, \
         the feed's server does not send Access-Control-Allow-Origin for this site's origin"
    )]
    NotShared(String),
    /// No answer within the time limit.
    #[error("the feed did not answer in time")]
    Timeout,
    /// An answer, but not 2xx.
    #[error("the feed answered HTTP {0}")]
    Status(u16),
    #[error("the feed is not JSON: {0}")]
    NotJson(String),
    /// Began as XML (RSS or Atom), but no lenient reading makes a document of it.
    #[error("the feed is not XML: {0}")]
    NotXml(String),
    #[error("not a feed: {0}")]
    NotAFeed(String),
    /// The bytes are in an encoding nobody named, or one no decoder knows.
    #[error("the feed's text cannot be decoded: {0}")]
    Undecodable(String),
    #[error("the feed is too large: {0}")]
    TooLarge(String),
}

impl FeedError {
    /// What the reader is told.
    pub fn reader_message(&self) -> &'static str {
        match self {
            Self::Network(_) | Self::Timeout => {
                "לא הצלחנו להתחבר לשרת המבזקים. בדקו את החיבור לאינטרנט ונסו שוב."
            }
            Self::NotShared(_) => {
                "לא ניתן לקרוא את עדכון המבזקים מהאתר הזה: השרת שלו אינו מאפשר זאת. \
                 אין זו תקלה בחיבור שלכם; מנהלי האתר יכולים לתקן את ההגדרה."
            }
            Self::Status(404) => "עדכון המבזקים לא נמצא בשרת.",
            Self::Status(_) => "שרת המבזקים אינו זמין כרגע. ננסה שוב בקרוב.",
            Self::NotJson(_) | Self::NotXml(_) | Self::NotAFeed(_) => {
                "התקבל עדכון מבזקים פגום. ננסה שוב בקרוב."
            }
            Self::Undecodable(_) => {
                "עדכון המבזקים כתוב בקידוד תווים שאיננו יודעים לקרוא. \
                 אין זו תקלה בחיבור שלכם; מנהלי האתר יכולים לתקן את ההגדרה."
            }
            Self::TooLarge(_) => "עדכון המבזקים גדול מדי להצגה.",
        }
    }
}

/// What a request that got no answer at all says about the feed. `online` is
/// `navigator.onLine`; `cross_origin`, whether the feed is on another origin than
/// the page; `answered_opaquely`, whether a `no-cors` request to the same URL got
/// an answer (`None` when it was not tried). The browser fails a request the same
/// way offline and when CORS forbids reading the answer; only an online browser
/// whose opaque request to the feed's origin was answered is a CORS refusal.
pub fn no_answer_error(
    url: &str,
    detail: String,
    online: bool,
    cross_origin: bool,
    answered_opaquely: Option<bool>,
) -> FeedError {
    if online && cross_origin && answered_opaquely == Some(true) {
        FeedError::NotShared(url.to_owned())
    } else {
        FeedError::Network(detail)
    }
}
