//! Votes on a comment, "אהבתי" and "לא אהבתי" (pure): one rule for both, the
//! way Isso 0.14 counts them (`db/comments.py`, `vote`).
//!
//! - `POST /id/<id>/like` and `POST /id/<id>/dislike` answer 200 with
//!   `{"likes": n, "dislikes": m}`, the comment's counts after the vote.
//! - One vote per voter and comment, like *or* dislike: both go into one Bloom
//!   filter of the voters' addresses, which starts with the author's own. A vote
//!   Isso does not count (that address has voted, or wrote the comment, or the
//!   comment has 142 votes) still answers 200, with the counts unchanged and a
//!   `"message"` saying why.
//! - A comment Isso no longer has answers `null`.
//!
//! So the app keeps one vote per comment for the reader, in local storage under
//! the vote's own key (`Vote::storage_key`), and sends none once it has one.

use serde::Deserialize;

use super::model::Comment;
use super::reader_storage::{DISLIKED_KEY, LIKED_KEY};
use super::CommentError;

/// Which way the reader voted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Vote {
    /// "אהבתי"
    Like,
    /// "לא אהבתי"
    Dislike,
}

impl Vote {
    pub const BOTH: [Vote; 2] = [Vote::Like, Vote::Dislike];

    /// Isso's endpoint after `/id/<id>/`.
    pub fn endpoint(self) -> &'static str {
        match self {
            Self::Like => "like",
            Self::Dislike => "dislike",
        }
    }

    /// The button's label, before its count.
    pub fn label(self) -> &'static str {
        match self {
            Self::Like => "אהבתי",
            Self::Dislike => "לא אהבתי",
        }
    }

    /// The reader-storage key holding the ids of the comments voted so (a JSON
    /// array, `encode_ids`); `"liked"` is the key likes have always had.
    pub fn storage_key(self) -> &'static str {
        match self {
            Self::Like => LIKED_KEY,
            Self::Dislike => DISLIKED_KEY,
        }
    }
}

/// A comment's two counts, either of which an answer may lack.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub likes: Option<i64>,
    pub dislikes: Option<i64>,
}

impl Tally {
    /// The count of one side.
    pub fn of(&self, vote: Vote) -> Option<i64> {
        match vote {
            Vote::Like => self.likes,
            Vote::Dislike => self.dislikes,
        }
    }

    /// Lays the counts it has on `comment`: as they are, or (`at_least`) only
    /// where they are higher, for a load that may have left before the vote
    /// landed (the server's higher count wins: others vote too).
    pub fn lay_on(&self, comment: &mut Comment, at_least: bool) {
        for vote in Vote::BOTH {
            if let Some(answered) = self.of(vote) {
                let shown = count_mut(comment, vote);
                *shown = if at_least {
                    (*shown).max(answered)
                } else {
                    answered
                };
            }
        }
    }
}

/// A comment's count of one side.
pub fn count(comment: &Comment, vote: Vote) -> i64 {
    match vote {
        Vote::Like => comment.likes,
        Vote::Dislike => comment.dislikes,
    }
}

fn count_mut(comment: &mut Comment, vote: Vote) -> &mut i64 {
    match vote {
        Vote::Like => &mut comment.likes,
        Vote::Dislike => &mut comment.dislikes,
    }
}

/// What Isso answered to a vote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VoteAnswer {
    /// The counts after the vote (only those the answer gave).
    pub tally: Tally,
    /// Isso counted this vote; `false` when it answered why not (`message`).
    pub counted: bool,
}

#[derive(Deserialize)]
struct Answer {
    #[serde(default)]
    likes: Option<i64>,
    #[serde(default)]
    dislikes: Option<i64>,
    /// Why Isso did not count the vote; only whether it is there matters.
    #[serde(default)]
    message: Option<serde::de::IgnoredAny>,
}

/// Reads Isso's answer to a vote. `null` (the comment is gone), anything that
/// is not an object, a negative or non-integer count, and an object with neither
/// count are `CommentError::BadAnswer`; a missing count is left out of the
/// tally (the count shown stays), unknown fields are ignored.
pub fn parse_vote_answer(text: &str) -> Result<VoteAnswer, CommentError> {
    let answer: Option<Answer> =
        serde_json::from_str(text).map_err(|e| CommentError::BadAnswer(e.to_string()))?;
    let answer =
        answer.ok_or_else(|| CommentError::BadAnswer("no such comment (null)".to_owned()))?;
    // An object only: serde takes `[likes, dislikes]` for the struct too.
    // (A check of the text, not a `serde_json::Value`: that costs the wasm kilobytes.)
    if !text.trim_start().starts_with('{') {
        return Err(CommentError::BadAnswer(format!("not an object: {text}")));
    }
    let tally = Tally {
        likes: answer.likes,
        dislikes: answer.dislikes,
    };
    if tally.likes.is_none() && tally.dislikes.is_none() {
        return Err(CommentError::BadAnswer(format!("no counts in {text}")));
    }
    if Vote::BOTH
        .iter()
        .any(|&v| tally.of(v).is_some_and(|n| n < 0))
    {
        return Err(CommentError::BadAnswer(format!(
            "a negative count in {text}"
        )));
    }
    Ok(VoteAnswer {
        tally,
        counted: answer.message.is_none(),
    })
}

/// What the reader is told under a comment about their vote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VoteNote {
    /// The vote did not reach the server or was not answered as Isso answers:
    /// nothing was kept, the reader may vote again.
    Failed,
    /// Isso answered and did not count it (one vote per voter, none on one's own).
    NotCounted,
}

impl VoteNote {
    pub fn reader_message(self) -> &'static str {
        match self {
            Self::Failed => "ההצבעה לא נשלחה: אין תשובה תקינה משרת התגובות. נסו שוב.",
            Self::NotCounted => {
                "ההצבעה לא נספרה: שרת התגובות סופר קול אחד לכל קורא בכל תגובה, ולא את קולו של כותב התגובה."
            }
        }
    }
}

/// The note for a vote's outcome, if the reader needs one.
pub fn note_for(outcome: &Result<VoteAnswer, CommentError>) -> Option<VoteNote> {
    match outcome {
        Ok(answer) if answer.counted => None,
        Ok(_) => Some(VoteNote::NotCounted),
        Err(_) => Some(VoteNote::Failed),
    }
}

/// Comment ids from their stored text (a JSON array); anything unreadable is none.
pub fn decode_ids(text: Option<&str>) -> Vec<i64> {
    text.and_then(|t| serde_json::from_str(t).ok())
        .unwrap_or_default()
}

/// The stored text of comment ids (`decode_ids` reads it back).
pub fn encode_ids(ids: &[i64]) -> String {
    serde_json::to_string(ids).unwrap_or_else(|_| "[]".to_owned())
}
