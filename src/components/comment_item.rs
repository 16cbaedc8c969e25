use leptos::prelude::*;

use super::comment_form::CommentForm;
use super::comments_section::Thread;
use super::safe_html::SafeHtml;
use crate::comments::backend::CommentsBackend;
use crate::comments::model::Comment;
use crate::comments::reader_storage;
use crate::config::Config;
use crate::time;

/// One comment: author, time, sanitized text, likes, a reply button, and its
/// replies. A deleted comment that still has replies is only "התגובה נמחקה"
/// above them: no author, time or actions.
#[component]
pub fn CommentItem(comment: Comment) -> impl IntoView {
    if comment.is_deleted() {
        return view! { <DeletedComment comment/> }.into_any();
    }
    let thread = expect_context::<Thread>();
    let zone = expect_context::<Config>().time_zone;
    let id = comment.id;
    let author = comment
        .author
        .clone()
        .filter(|a| !a.trim().is_empty())
        .unwrap_or_else(|| "אנונימי".to_owned());
    let ms = (comment.created * 1000.0) as i64;
    let absolute = time::format_date_time(ms, &zone);
    let relative = time::relative(ms, crate::clock::now_ms(), &zone);
    let likes = RwSignal::new(comment.likes);
    let liked = RwSignal::new(has_liked(id));
    let held = comment.is_held_for_moderation();
    let like = move |_| {
        if liked.get_untracked() {
            return;
        }
        liked.set(true);
        let backend = thread.backend.get_value();
        leptos::task::spawn_local(async move {
            match backend.like(id).await {
                Ok(count) => {
                    likes.set(count);
                    remember_like(id);
                }
                Err(error) => {
                    crate::log::warn(&format!("like failed: {error}"));
                    liked.set(false);
                }
            }
        });
    };
    let html = comment.text.clone();
    let replies = comment.replies.clone();
    view! {
        <li class="comment" id=format!("comment-{id}") class:is-held=held>
            <p class="comment-meta">
                <span class="comment-author" dir="auto">{author}</span>
                " · "
                <time class="comment-time" tabindex="0" datetime=time::iso(ms) title=absolute.clone() data-absolute=absolute>
                    {relative}
                </time>
                {held.then(|| view! { <span class="comment-held">" · ממתינה לאישור"</span> })}
            </p>
            <div class="comment-text" dir="auto">
                <SafeHtml html=html base_url=String::from("about:blank")/>
            </div>
            {(!held).then(|| view! {
                <p class="comment-actions">
                    <button type="button" class="comment-like" aria-pressed=move || liked.get().to_string() disabled=move || liked.get() on:click=like>
                        "אהבתי "<bdi>{move || likes.get()}</bdi>
                    </button>
                    <button type="button" class="comment-reply" aria-expanded=move || (thread.replying_to.get() == Some(id)).to_string()
                        on:click=move |_| thread.replying_to.update(|r| *r = if *r == Some(id) { None } else { Some(id) })>
                        "הגיבו"
                    </button>
                </p>
            })}
            <Show when=move || thread.replying_to.get() == Some(id)>
                <CommentForm parent=Some(id)/>
            </Show>
            <Replies replies/>
        </li>
    }
    .into_any()
}

/// The place of a deleted comment, kept for the replies under it.
#[component]
fn DeletedComment(comment: Comment) -> impl IntoView {
    view! {
        <li class="comment is-deleted" id=format!("comment-{}", comment.id)>
            <p class="comment-deleted">"התגובה נמחקה"</p>
            <Replies replies=comment.replies/>
        </li>
    }
}

/// The replies under a comment, each a `CommentItem`.
#[component]
fn Replies(replies: Vec<Comment>) -> impl IntoView {
    (!replies.is_empty()).then(|| {
        view! {
            <ul class="comment-replies">
                {replies.into_iter().map(|reply| view! { <CommentItem comment=reply/> }.into_any()).collect_view()}
            </ul>
        }
    })
}

fn liked_ids() -> Vec<i64> {
    reader_storage::load(reader_storage::LIKED_KEY)
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

fn has_liked(id: i64) -> bool {
    liked_ids().contains(&id)
}

fn remember_like(id: i64) {
    let mut ids = liked_ids();
    if !ids.contains(&id) {
        ids.push(id);
        reader_storage::save(
            reader_storage::LIKED_KEY,
            &serde_json::to_string(&ids).unwrap_or_default(),
        );
    }
}
