//! The comment server: Isso's REST API
//! (https://isso-comments.de/docs/reference/server-api/), at the endpoint the
//! site's config names (`comments_url`). The app speaks to no other server, so
//! there is no trait between it and Isso; another server would be a new client
//! beside this one, with the same four calls. Threads are named by a path
//! (`model::thread_uri`).
//!
//! Isso answers CORS for the origin in its `host` setting and allows only the
//! request headers Origin, Referer and Content-Type, so no custom header is sent.

use gloo_net::http::Method;
use serde::Deserialize;

use super::model::{Comment, NewComment};
use super::votes::{parse_vote_answer, Vote, VoteAnswer};
use super::CommentError;
use crate::http::{self, Ask, HttpError};

/// A client of one Isso server; cheap to clone (one URL).
#[derive(Clone, Debug, PartialEq)]
pub struct Isso {
    /// Without a trailing slash.
    base: String,
}

impl Isso {
    /// The server at `base` (the config's `comments_url`; a trailing slash is dropped).
    pub fn new(base: &str) -> Self {
        Self {
            base: base.trim_end_matches('/').to_owned(),
        }
    }

    async fn call(
        &self,
        method: Method,
        path_and_query: String,
        body: Option<String>,
    ) -> Result<String, CommentError> {
        let url = format!("{}{path_and_query}", self.base);
        let mut ask = Ask::get(&url);
        ask.method = method;
        ask.json_body = body;
        http::send(ask)
            .await
            .map(|a| a.text())
            .map_err(CommentError::from)
    }
}

#[derive(Deserialize)]
struct Thread {
    #[serde(default)]
    replies: Vec<Comment>,
}

fn parse<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, CommentError> {
    serde_json::from_str(text).map_err(|e| CommentError::BadAnswer(e.to_string()))
}

fn query(thread: &str) -> String {
    crate::paths::percent_encode(thread)
}

impl Isso {
    /// The thread's comments, replies nested, and how many are published.
    pub async fn list(&self, thread: &str) -> Result<Vec<Comment>, CommentError> {
        match self
            .call(
                Method::GET,
                format!("/?uri={}&nested_limit=1000", query(thread)),
                None,
            )
            .await
        {
            Ok(text) => {
                parse::<Thread>(&text).map(|t| t.replies.into_iter().map(as_typed).collect())
            }
            // A thread nobody has commented on yet.
            Err(CommentError::Invalid(_)) | Err(CommentError::Forbidden(_)) => Ok(Vec::new()),
            Err(other) => Err(other),
        }
    }

    /// Posts a comment; the answer is the stored comment (which may be held).
    pub async fn post(&self, thread: &str, comment: &NewComment) -> Result<Comment, CommentError> {
        let body =
            serde_json::to_string(comment).map_err(|e| CommentError::BadAnswer(e.to_string()))?;
        let text = self
            .call(
                Method::POST,
                format!("/new?uri={}", query(thread)),
                Some(body),
            )
            .await?;
        parse(&text).map(as_typed)
    }

    /// Published comment counts of many threads, in one request.
    pub async fn counts(&self, threads: &[String]) -> Result<Vec<u64>, CommentError> {
        let body =
            serde_json::to_string(threads).map_err(|e| CommentError::BadAnswer(e.to_string()))?;
        let text = self.call(Method::POST, "/count".into(), Some(body)).await?;
        parse(&text)
    }

    /// One vote from this reader, like or dislike; the answer is the comment's
    /// counts after it, and whether the server counted it (`votes.rs`).
    pub async fn vote(&self, comment_id: i64, vote: Vote) -> Result<VoteAnswer, CommentError> {
        let text = self
            .call(
                Method::POST,
                format!("/id/{comment_id}/{}", vote.endpoint()),
                Some("{}".into()),
            )
            .await?;
        parse_vote_answer(&text)
    }
}

/// A comment as its author typed it: Isso 0.14 stores the author's name and
/// website HTML-escaped (`views/comments.py`, `new` and `edit`: Python's
/// `html.escape`, with `quote=False` for the name and `quote=True` for the
/// website), and answers them so on every path (the list, `POST /new`, an edit).
/// Every comment from Isso comes through here, replies included, so the rest of
/// the app holds plain text and shows it as text (never as markup).
pub fn as_typed(mut comment: Comment) -> Comment {
    for field in [&mut comment.author, &mut comment.website] {
        if let Some(value) = field.as_mut() {
            *value = unescape(value);
        }
    }
    comment.replies = comment.replies.into_iter().map(as_typed).collect();
    comment
}

/// The exact inverse of Python's `html.escape(text, quote=True)` (which, with
/// `quote=False`, writes a subset of the same five): one pass, so `&amp;lt;`
/// (a reader's own "&lt;") comes back as "&lt;", and any other `&` stays.
pub fn unescape(text: &str) -> String {
    const ENTITIES: [(&str, char); 5] = [
        ("&amp;", '&'),
        ("&lt;", '<'),
        ("&gt;", '>'),
        ("&quot;", '"'),
        ("&#x27;", '\''),
    ];
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        match ENTITIES.iter().find(|(entity, _)| rest.starts_with(entity)) {
            Some((entity, plain)) => {
                out.push(*plain);
                rest = &rest[entity.len()..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The comment error for a failed request to Isso (or a proxy in front of it).
impl From<HttpError> for CommentError {
    fn from(error: HttpError) -> Self {
        match error {
            HttpError::Network(detail) => CommentError::Network(detail),
            HttpError::Timeout => CommentError::Timeout,
            HttpError::Status {
                code: 403, body, ..
            } if body.contains("ratelimit") => CommentError::RateLimited,
            HttpError::Status {
                code: 403, body, ..
            } => CommentError::Forbidden(body),
            HttpError::Status {
                code: 404, body, ..
            }
            | HttpError::Status {
                code: 400, body, ..
            } => CommentError::Invalid(body),
            HttpError::Status {
                code: 429,
                retry_after,
                ..
            } => CommentError::Busy { retry_after },
            HttpError::Status {
                code, retry_after, ..
            } if code >= 500 => CommentError::Server {
                status: code,
                retry_after,
            },
            HttpError::Status { code, body, .. } => {
                CommentError::BadAnswer(format!("HTTP {code}: {body}"))
            }
        }
    }
}
