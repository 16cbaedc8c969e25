use leptos::prelude::*;

use super::comment_form::CommentForm;
use super::safe_html::SafeHtml;
use crate::comments::source::ThreadSource;
use crate::comments::votes::{count, Vote};
use crate::config::Config;
use crate::time;

/// One comment of the thread (`ThreadSource`), by id: its talkback number (top
/// level only), author, time, sanitized text, "אהבתי" and "לא אהבתי" with
/// their counts, a reply button, and its replies. A deleted comment that still
/// has replies is only its number and "התגובה נמחקה" above them: no author,
/// time or actions. Its counts, text and replies follow the source, so the row
/// is drawn once.
#[component]
pub fn CommentItem(id: i64) -> impl IntoView {
    let thread = expect_context::<ThreadSource>();
    // Drawn anew when the comment under this id changes: deleted, or another
    // comment that Isso gave a deleted one's id (another time).
    let shown =
        Memo::new(move |_| thread.with_comment(id, |c| (c.is_deleted(), c.created.to_bits())));
    move || {
        if shown.get().is_some_and(|(deleted, _)| deleted) {
            view! {
                <li class="comment is-deleted" id=format!("comment-{id}")>
                    <p class="comment-deleted"><Number id/>"התגובה נמחקה"</p>
                    <Replies parent=id/>
                </li>
            }
            .into_any()
        } else {
            view! { <LiveComment id/> }.into_any()
        }
    }
}

/// A comment that is not deleted.
#[component]
fn LiveComment(id: i64) -> impl IntoView {
    let thread = expect_context::<ThreadSource>();
    let zone = expect_context::<Config>().time_zone;
    let (author, created, held) = thread
        .with_comment(id, |c| {
            let author = c.author.clone().filter(|a| !a.trim().is_empty());
            (author, c.created, c.is_held_for_moderation())
        })
        .unwrap_or_default();
    let author = author.unwrap_or_else(|| "אנונימי".to_owned());
    let ms = (created * 1000.0) as i64;
    let absolute = time::format_date_time(ms, &zone);
    let relative = time::relative(ms, crate::clock::now_ms(), &zone);
    let html = Memo::new(move |_| {
        thread
            .with_comment(id, |c| c.text.clone())
            .unwrap_or_default()
    });
    let replying = Memo::new(move |_| thread.replying_to.get() == Some(id));
    view! {
        <li class="comment" id=format!("comment-{id}") class:is-held=held>
            <p class="comment-meta">
                <Number id/>
                <span class="comment-author" dir="auto">{author}</span>
                " · "
                <time class="comment-time" dir="rtl" tabindex="0" datetime=time::iso(ms) title=absolute.clone() data-absolute=absolute>
                    {relative}
                </time>
                {held.then(|| view! { <span class="comment-held">" · ממתינה לאישור"</span> })}
            </p>
            // No dir of its own: each paragraph and line takes its own (comments.css).
            <div class="comment-text">
                <SafeHtml html=html base_url=String::from("about:blank")/>
            </div>
            {(!held).then(|| view! {
                <p class="comment-actions">
                    <VoteButton id vote=Vote::Like/>
                    <VoteButton id vote=Vote::Dislike/>
                    <button type="button" class="comment-reply" aria-expanded=move || replying.get().to_string()
                        on:click=move |_| thread.toggle_reply(id)>
                        "הגיבו"
                    </button>
                </p>
            })}
            {(!held).then(|| view! { <VoteNoteLine id/> })}
            <Show when=move || replying.get()>
                <CommentForm parent=Some(id)/>
            </Show>
            <Replies parent=id/>
        </li>
    }
}

/// The comment's talkback number, "1." (`comments::numbering`), when it is at
/// the top level: visible text, so a screen reader reads it before the name as
/// a sighted reader sees it. Isolated right to left (`dir="rtl"`), so the point
/// stays after the digits in reading order (to their left) and neither it nor
/// the number mixes with a Latin name or a digit beside it.
#[component]
fn Number(id: i64) -> impl IntoView {
    let thread = expect_context::<ThreadSource>();
    move || {
        thread.number(id).map(|number| {
            view! { <span class="comment-number" dir="rtl">{number}"."</span>" " }
        })
    }
}

/// "אהבתי N" or "לא אהבתי N": the count isolated beside its label. One vote per
/// comment (`ThreadSource::vote`): once the reader has voted either way, both
/// buttons are off, the one they chose pressed.
#[component]
fn VoteButton(id: i64, vote: Vote) -> impl IntoView {
    let thread = expect_context::<ThreadSource>();
    let voted = Memo::new(move |_| thread.voted(id));
    let shown = move || {
        thread
            .with_comment(id, |c| count(c, vote))
            .unwrap_or_default()
    };
    let class = match vote {
        Vote::Like => "comment-like",
        Vote::Dislike => "comment-dislike",
    };
    view! {
        <button type="button" class=class aria-pressed=move || (voted.get() == Some(vote)).to_string()
            disabled=move || voted.get().is_some() on:click=move |_| thread.vote(id, vote)>
            {vote.label()}" "<bdi>{shown}</bdi>
        </button>
    }
}

/// What the reader is told about their vote on the comment: it failed (try
/// again) or Isso did not count it. Polite: it answers the reader's own click.
#[component]
fn VoteNoteLine(id: i64) -> impl IntoView {
    let thread = expect_context::<ThreadSource>();
    view! {
        <p class="comment-vote-note" role="status">
            {move || thread.vote_note(id).map(|note| note.reader_message())}
        </p>
    }
}

/// The replies under a comment.
#[component]
fn Replies(parent: i64) -> impl IntoView {
    let thread = expect_context::<ThreadSource>();
    let replies = Signal::derive(move || thread.replies(parent));
    view! {
        <Show when=move || replies.with(|r| !r.is_empty())>
            <ul class="comment-replies">
                <CommentRows ids=replies/>
            </ul>
        </Show>
    }
}

/// Comments of the thread by id, each a `CommentItem`, keyed by id: the one
/// list of the held comments, the top level and every reply list.
#[component]
pub fn CommentRows(#[prop(into)] ids: Signal<Vec<i64>>) -> impl IntoView {
    view! {
        <For each=move || ids.get() key=|id| *id let(id)>
            {view! { <CommentItem id/> }.into_any()}
        </For>
    }
}
