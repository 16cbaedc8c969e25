//! Comments: the model and its rules (pure), the Isso client (`isso`),
//! drafts that survive a reload, posting that retries without posting twice, and
//! the sources views read: one thread (`source`, its pure part `thread`) and the
//! article lists' counts (`counts`); talkback numbers (`numbering`) and votes (`votes`).

pub mod counts;
pub mod deliveries;
pub mod isso;
pub mod model;
pub mod numbering;
pub mod outbox;
pub mod reader_storage;
pub mod retry;
pub mod sender;
pub mod source;
pub mod thread;
pub mod votes;

pub use model::{Comment, NewComment, SortOrder};

/// Why a comment could not be read or posted. The Hebrew message is for the reader.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum CommentError {
    /// No answer: offline, refused, reset. The comment may or may not have arrived.
    #[error("no answer from the comment server: {0}")]
    Network(String),
    #[error("the comment server did not answer in time")]
    Timeout,
    /// Isso's guard: too many comments too fast (403 "ratelimit exceeded").
    #[error("the comment server's rate limit (HTTP 403 ratelimit)")]
    RateLimited,
    /// Refused for another reason (403).
    #[error("the comment server refused (HTTP 403): {0}")]
    Forbidden(String),
    /// The server said the comment is invalid (400), with its reason.
    #[error("the comment server found the comment invalid: {0}")]
    Invalid(String),
    /// 429 Too Many Requests, from a server or proxy in front of Isso (Isso's own
    /// guard answers 403): nothing was stored, and the answer asks the reader to
    /// wait, `retry_after` saying how long when the header was readable.
    #[error("the comment server is busy (HTTP 429, Retry-After {retry_after:?})")]
    Busy { retry_after: Option<String> },
    /// 5xx; `retry_after` in seconds when the server said when to come back.
    #[error("the comment server failed (HTTP {status}, Retry-After {retry_after:?})")]
    Server {
        status: u16,
        retry_after: Option<String>,
    },
    /// An answer that is not what Isso sends.
    #[error("an answer Isso does not send: {0}")]
    BadAnswer(String),
}

impl CommentError {
    pub fn reader_message(&self) -> &'static str {
        match self {
            Self::Network(_) => "אין חיבור לשרת התגובות. התגובה שמורה כאן וננסה לשלוח שוב.",
            Self::Timeout => "שרת התגובות לא ענה בזמן. התגובה שמורה כאן וננסה לשלוח שוב.",
            Self::RateLimited => "שלחתם כמה תגובות ברצף. המתינו דקה ונסו שוב; התגובה שמורה כאן.",
            Self::Forbidden(_) => "שרת התגובות סירב לקבל את התגובה.",
            Self::Invalid(_) => "שרת התגובות דחה את התגובה כלא תקינה. בדקו אותה ונסו שוב.",
            Self::Busy { .. } => {
                "שרת התגובות עמוס כרגע ומבקש להמתין. התגובה שמורה כאן ותישלח מעצמה; אין צורך לשלוח שוב."
            }
            Self::Server { .. } => "שרת התגובות נתקל בתקלה. ננסה לשלוח שוב בקרוב.",
            Self::BadAnswer(_) => "התקבלה תשובה לא צפויה משרת התגובות.",
        }
    }

    /// Network faults, 429 and 5xx are worth another try by themselves; any other
    /// 4xx is not.
    pub fn is_retryable(&self) -> bool {
        matches!(
            self,
            Self::Network(_) | Self::Timeout | Self::Busy { .. } | Self::Server { .. }
        )
    }

    /// The request may have reached the server even though no answer came back.
    pub fn answer_was_lost(&self) -> bool {
        matches!(self, Self::Network(_) | Self::Timeout)
    }

    pub fn retry_after(&self) -> Option<&str> {
        match self {
            Self::Server { retry_after, .. } | Self::Busy { retry_after } => retry_after.as_deref(),
            _ => None,
        }
    }
}
