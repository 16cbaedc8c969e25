//! Posting one comment until it is stored, exactly once: network faults and 5xx
//! are retried with backoff (honouring `Retry-After`), an offline browser waits for
//! the `online` event, and after an answer that was lost the thread is checked for
//! the comment before it is sent again (Isso has no idempotency keys).

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use futures_channel::oneshot;
use leptos::prelude::*;

use super::isso::Isso;
use super::model::{same_words, Comment, NewComment};
use super::outbox::Pending;
use super::retry::{retry_delay, MAX_AUTOMATIC_TRIES};
use super::CommentError;

/// Where a post stands, for the form to show.
#[derive(Clone, Debug, PartialEq)]
pub enum SendState {
    Idle,
    Sending,
    /// Failed; trying again by itself after `seconds`, or when back online.
    Waiting {
        error: CommentError,
        seconds: Option<u32>,
    },
    /// Failed and not retried by itself (a 4xx, or too many tries).
    Failed(CommentError),
}

impl SendState {
    /// A post is under way (sending or waiting to retry): a new one must not start.
    pub fn is_busy(&self) -> bool {
        matches!(self, Self::Sending | Self::Waiting { .. })
    }
}

/// Wakes a waiting retry early (the reader's "try now", or the browser going online).
#[derive(Clone, Default)]
pub struct Wake(Rc<RefCell<Option<oneshot::Sender<()>>>>);

impl Wake {
    pub fn now(&self) {
        if let Some(sender) = self.0.borrow_mut().take() {
            let _ = sender.send(());
        }
    }

    async fn wait(&self, seconds: Option<f64>) {
        let (sender, receiver) = oneshot::channel();
        *self.0.borrow_mut() = Some(sender);
        let timer = seconds.and_then(|s| {
            let wake = self.clone();
            set_timeout_with_handle(
                move || wake.now(),
                Duration::from_millis((s * 1000.0) as u64),
            )
            .ok()
        });
        let online = {
            let wake = self.clone();
            window_event_listener(leptos::ev::online, move |_| wake.now())
        };
        let _ = receiver.await;
        online.remove();
        if let Some(timer) = timer {
            timer.clear();
        }
    }
}

/// Posts `pending` to its thread, retrying as it should, and reports progress in
/// `state`. Whenever the comment may already be on the server (`resumed`: an
/// earlier page sent it and was closed; or an answer was lost on the way back),
/// the thread is read first, and nothing is posted until that read succeeds.
pub async fn deliver(
    isso: &Isso,
    pending: &Pending,
    resumed: bool,
    state: ArcRwSignal<SendState>,
    wake: &Wake,
) -> Result<Comment, CommentError> {
    let (thread, comment, started) = (&pending.thread, &pending.comment, pending.first_tried);
    let mut maybe_sent = resumed;
    let mut attempt = 0;
    loop {
        state.set(SendState::Sending);
        let looked = if maybe_sent {
            find_sent(isso, thread, comment, started).await
        } else {
            Ok(None)
        };
        let error = match looked {
            Ok(Some(stored)) => return Ok(stored),
            Ok(None) => match isso.post(thread, comment).await {
                Ok(stored) => return Ok(stored),
                Err(error) => {
                    maybe_sent = error.answer_was_lost();
                    error
                }
            },
            // Could not look: posting blind might post twice, so wait and look again.
            Err(error) => error,
        };
        crate::log::warn(&format!("posting a comment failed: {error}"));
        let offline = !window().navigator().on_line();
        if !error.is_retryable() || (!offline && attempt >= MAX_AUTOMATIC_TRIES) {
            state.set(SendState::Failed(error.clone()));
            return Err(error);
        }
        let seconds = (!offline).then(|| {
            retry_delay(
                attempt,
                error.retry_after(),
                js_sys::Date::now(),
                js_sys::Math::random(),
            )
        });
        state.set(SendState::Waiting {
            error,
            seconds: seconds.map(|s| s.ceil() as u32),
        });
        wake.wait(seconds).await;
        if !offline {
            attempt += 1;
        }
    }
}

/// The comment as the server stored it, if an earlier try did arrive.
async fn find_sent(
    isso: &Isso,
    thread: &str,
    comment: &NewComment,
    since: f64,
) -> Result<Option<Comment>, CommentError> {
    let mut stack: Vec<Comment> = isso.list(thread).await?;
    while let Some(candidate) = stack.pop() {
        if candidate.created >= since - 5.0
            && candidate.parent == comment.parent
            && candidate.author.as_deref().unwrap_or_default()
                == comment.author.as_deref().unwrap_or_default()
            && same_words(&crate::html::text_of(&candidate.text), &comment.text)
        {
            return Ok(Some(candidate));
        }
        stack.extend(candidate.replies);
    }
    Ok(None)
}
