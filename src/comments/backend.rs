//! What the app needs from a comment server. Isso is one implementation; another
//! backend is one new file implementing this trait, chosen in `Backend` below.

use super::model::{Comment, NewComment};
use super::votes::{Vote, VoteAnswer};
use super::CommentError;

/// A comment server. Threads are named by a path (`model::thread_uri`).
#[allow(async_fn_in_trait)] // single-threaded wasm: the futures never cross threads
pub trait CommentsBackend: Clone + 'static {
    /// The thread's comments, replies nested, and how many are published.
    async fn list(&self, thread: &str) -> Result<Vec<Comment>, CommentError>;
    /// Posts a comment; the answer is the stored comment (which may be held).
    async fn post(&self, thread: &str, comment: &NewComment) -> Result<Comment, CommentError>;
    /// Published comment counts of many threads, in one request.
    async fn counts(&self, threads: &[String]) -> Result<Vec<u64>, CommentError>;
    /// One vote from this reader, like or dislike; the answer is the comment's
    /// counts after it, and whether the server counted it (`votes.rs`).
    async fn vote(&self, comment_id: i64, vote: Vote) -> Result<VoteAnswer, CommentError>;
}

/// The backend the app uses.
pub type Backend = super::isso::Isso;
