//! Comments as the reader sees them, and the limits Isso enforces.

use serde::{Deserialize, Serialize};

/// Isso's limits, in characters (Python's `len`), not bytes.
pub const TEXT_MIN_CHARS: usize = 3;
pub const TEXT_MAX_CHARS: usize = 65_535;
pub const EMAIL_MAX_CHARS: usize = 254;

/// One published (or held) comment with its replies.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Comment {
    pub id: i64,
    #[serde(default)]
    pub parent: Option<i64>,
    /// As typed (`isso::as_typed`): plain text, shown as text.
    #[serde(default)]
    pub author: Option<String>,
    /// The author's website, as typed (`isso::as_typed`). Not shown: the form
    /// does not ask for it, but another Isso client may have sent one.
    #[serde(default)]
    pub website: Option<String>,
    /// HTML rendered by the server from Markdown: untrusted, sanitized before display.
    #[serde(default)]
    pub text: String,
    /// Seconds since the epoch.
    #[serde(default)]
    pub created: f64,
    #[serde(default)]
    pub likes: i64,
    /// "לא אהבתי" votes (`votes.rs`).
    #[serde(default)]
    pub dislikes: i64,
    /// 1 published, 2 held for moderation, 4 deleted but kept as a placeholder
    /// because it has replies (Isso then clears its text and author).
    #[serde(default = "published")]
    pub mode: i64,
    #[serde(default)]
    pub replies: Vec<Comment>,
}

fn published() -> i64 {
    1
}

impl Comment {
    pub fn is_held_for_moderation(&self) -> bool {
        self.mode == 2
    }

    /// Deleted by its author or a moderator, and kept only to hold its replies.
    pub fn is_deleted(&self) -> bool {
        self.mode == 4
    }

    /// This comment and all its replies.
    pub fn count(&self) -> usize {
        1 + self.replies.iter().map(Comment::count).sum::<usize>()
    }

    /// The published comments here and in the replies, as Isso counts them
    /// (`POST /count` counts mode 1 only): no deleted placeholder, nothing held.
    pub fn published_count(&self) -> usize {
        usize::from(self.mode == 1)
            + self
                .replies
                .iter()
                .map(Comment::published_count)
                .sum::<usize>()
    }
}

/// What the reader sends.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NewComment {
    pub text: String,
    pub author: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub parent: Option<i64>,
    /// Isso needs the thread's title the first time it sees the thread.
    pub title: String,
}

/// Why a draft cannot be sent yet, before the server is asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DraftProblem {
    TooShort,
    TooLong,
    EmailTooLong,
}

impl DraftProblem {
    pub fn reader_message(self) -> &'static str {
        match self {
            Self::TooShort => "התגובה קצרה מדי: לפחות 3 תווים.",
            Self::TooLong => "התגובה ארוכה מדי.",
            Self::EmailTooLong => "כתובת הדוא״ל ארוכה מדי.",
        }
    }
}

/// Checks a draft against the server's own limits.
pub fn check_draft(text: &str, email: &str) -> Result<(), DraftProblem> {
    if text.trim_end().chars().count() < TEXT_MIN_CHARS {
        return Err(DraftProblem::TooShort);
    }
    if text.chars().count() > TEXT_MAX_CHARS {
        return Err(DraftProblem::TooLong);
    }
    if email.chars().count() > EMAIL_MAX_CHARS {
        return Err(DraftProblem::EmailTooLong);
    }
    Ok(())
}

/// How the list is ordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum SortOrder {
    #[default]
    Newest,
    Oldest,
    MostLiked,
}

impl SortOrder {
    pub fn parse(value: &str) -> Self {
        match value {
            "oldest" => Self::Oldest,
            "liked" => Self::MostLiked,
            _ => Self::Newest,
        }
    }
}

/// How two top-level comments stand in `order`: newest or oldest by `created`
/// (then by id, Isso's order of arrival, for comments of the same instant), or
/// most liked first (newest first among equals).
pub fn compare(order: SortOrder, a: &Comment, b: &Comment) -> std::cmp::Ordering {
    let oldest_first = a.created.total_cmp(&b.created).then(a.id.cmp(&b.id));
    match order {
        SortOrder::Newest => oldest_first.reverse(),
        SortOrder::Oldest => oldest_first,
        SortOrder::MostLiked => b.likes.cmp(&a.likes).then(oldest_first.reverse()),
    }
}

/// Orders the top level as asked; replies always read oldest first, as a conversation.
pub fn sort_thread(comments: &mut [Comment], order: SortOrder) {
    comments.sort_by(|a, b| compare(order, a, b));
    for comment in comments.iter_mut() {
        comment
            .replies
            .sort_by(|a, b| compare(SortOrder::Oldest, a, b));
    }
}

/// Isso's thread for an article: stable whatever path the site is deployed under.
pub fn thread_uri(article_id: &str) -> String {
    format!("/article/{}", crate::paths::route_segment(article_id))
}

/// Puts a new comment where it belongs: under its parent, or at the top level.
pub fn insert(comments: &mut Vec<Comment>, comment: Comment) {
    // Once only: a comment delivered from the outbox may already be in a list
    // that was loaded after it reached the server. But Isso (SQLite rowids)
    // gives a new comment the id of the newest one deleted: one with the same
    // id and another time is that new comment, and the old one is gone.
    if let Some(found) = find_mut(comments, comment.id) {
        if found.created == comment.created {
            return;
        }
        remove(comments, comment.id);
    }
    if let Some(parent) = comment.parent {
        if let Some(found) = find_mut(comments, parent) {
            found.replies.push(comment);
            return;
        }
    }
    comments.push(comment);
}

/// Takes the comment with this id out of the list, at any depth.
pub fn remove(comments: &mut Vec<Comment>, id: i64) -> Option<Comment> {
    if let Some(at) = comments.iter().position(|c| c.id == id) {
        return Some(comments.remove(at));
    }
    comments
        .iter_mut()
        .find_map(|comment| remove(&mut comment.replies, id))
}

/// The comment with this id, at any depth, to change it.
pub fn find_mut(comments: &mut [Comment], id: i64) -> Option<&mut Comment> {
    for comment in comments {
        if comment.id == id {
            return Some(comment);
        }
        if let Some(found) = find_mut(&mut comment.replies, id) {
            return Some(found);
        }
    }
    None
}

/// Whitespace folded, for telling whether a comment on the server is the one sent.
pub fn same_words(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}
