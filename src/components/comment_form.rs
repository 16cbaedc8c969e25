use leptos::prelude::*;

use crate::comments::model::{check_draft, NewComment, TEXT_MAX_CHARS};
use crate::comments::reader_storage::{self, draft_key, EMAIL_KEY, NAME_KEY};
use crate::comments::sender::SendState;
use crate::comments::source::ThreadSource;

/// The comment form (or a reply form under a comment). What is typed is stored as a
/// draft until the server has accepted it; a failed post leaves it in the form.
/// Sending is `Deliveries`' job (handed over through `ThreadSource::send`), so a
/// comment sent offline or left by a reload goes out by itself, and this form
/// shows where it stands whenever it is open; the comment the server stored goes
/// to the thread's source from `Deliveries`, not through this form.
#[component]
pub fn CommentForm(parent: Option<i64>) -> impl IntoView {
    let thread = expect_context::<ThreadSource>();
    let key = draft_key(&thread.article_id(), parent);
    let slot = thread.delivery(&key);
    let suffix = parent.map_or_else(|| "new".to_owned(), |p| p.to_string());
    let text = RwSignal::new(reader_storage::load(&key).unwrap_or_default());
    let name = RwSignal::new(reader_storage::load(NAME_KEY).unwrap_or_default());
    let email = RwSignal::new(reader_storage::load(EMAIL_KEY).unwrap_or_default());
    // False once localStorage has refused a write: the reader is told.
    let persisted = RwSignal::new(true);
    let problem = RwSignal::new(None::<&'static str>);
    let state = RwSignal::from(slot.state);
    let delivered = RwSignal::from(slot.delivered);
    let key = StoredValue::new(key);
    // The server has it (and the thread's source has its copy, from
    // `Deliveries`): the form empties, once per delivery while it is open.
    Effect::new(move |seen: Option<u32>| {
        let now = delivered.get();
        if seen.is_some_and(|seen| seen != now) {
            text.set(String::new());
        }
        now
    });

    let save_draft = move |storage_key: &str, value: &str| {
        let saved = if value.is_empty() {
            reader_storage::remove(storage_key);
            true
        } else {
            reader_storage::save(storage_key, value)
        };
        if !saved {
            persisted.set(false);
        }
    };
    let count = move || text.with(|t| t.chars().count());

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if state.with_untracked(SendState::is_busy) {
            // A second click while a post is under way never posts twice: it only
            // hurries a waiting retry.
            thread.hurry(&key.get_value());
            return;
        }
        let body = text.get_untracked();
        let mail = email.get_untracked();
        if let Err(found) = check_draft(&body, &mail) {
            problem.set(Some(found.reader_message()));
            return;
        }
        problem.set(None);
        let optional = |s: String| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
        let comment = NewComment {
            text: body.clone(),
            author: optional(name.get_untracked()),
            email: optional(mail),
            website: None,
            parent,
            title: thread.title(),
        };
        if !thread.send(key.get_value(), comment) {
            persisted.set(false);
        }
    };

    let status = move || match state.get() {
        SendState::Idle | SendState::Sending => None,
        SendState::Waiting { error, seconds } => Some(
            view! {
                <div class="comment-status" role="alert">
                    <p>{error.reader_message()}</p>
                    <p>{match seconds {
                        Some(s) => format!("ננסה שוב בעוד {s} שניות."),
                        None => "נשלח כשהחיבור יחזור.".to_owned(),
                    }}</p>
                </div>
            }
            .into_any(),
        ),
        SendState::Failed(error) => Some(
            view! {
                <div class="comment-status" role="alert"><p>{error.reader_message()}</p></div>
            }
            .into_any(),
        ),
    };
    let button_label = move || match state.get() {
        SendState::Sending => "שולח…",
        SendState::Waiting { .. } => "נסו שוב עכשיו",
        SendState::Failed(_) => "נסו שוב",
        SendState::Idle => "שליחת התגובה",
    };
    let text_id = format!("comment-text-{suffix}");
    let counter_id = format!("comment-count-{suffix}");
    let name_id = format!("comment-name-{suffix}");
    let email_id = format!("comment-email-{suffix}");
    view! {
        <form class="comment-form" on:submit=submit novalidate>
            <Show when=move || state.with(SendState::is_busy)>
                <p class="comment-sending" role="status">"נשלחת…"</p>
            </Show>
            <label for=text_id.clone()>{if parent.is_some() { "תגובה לתגובה" } else { "התגובה שלכם" }}</label>
            <textarea
                id=text_id
                name="text"
                rows="4"
                dir="auto"
                required
                maxlength=TEXT_MAX_CHARS.to_string()
                aria-describedby=counter_id.clone()
                prop:value=move || text.get()
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    save_draft(&key.get_value(), &value);
                    text.set(value);
                }
            ></textarea>
            <p class="comment-counter" id=counter_id aria-live="off">
                <bdi dir="ltr">{move || format!("{} / {TEXT_MAX_CHARS}", count())}</bdi>" תווים"
            </p>
            <div class="comment-fields">
                <label for=name_id.clone()>"שם (לא חובה)"</label>
                <input id=name_id type="text" name="author" autocomplete="name" dir="auto"
                    prop:value=move || name.get()
                    on:input=move |ev| { let v = event_target_value(&ev); save_draft(NAME_KEY, &v); name.set(v); }/>
                <label for=email_id.clone()>"דוא״ל (לא חובה, לא יוצג)"</label>
                <input id=email_id type="email" name="email" autocomplete="email" dir="ltr"
                    prop:value=move || email.get()
                    on:input=move |ev| { let v = event_target_value(&ev); save_draft(EMAIL_KEY, &v); email.set(v); }/>
            </div>
            {move || problem.get().map(|p| view! { <p class="comment-problem" role="alert">{p}</p> })}
            {status}
            <Show when=move || !persisted.get()>
                <p class="comment-not-saved">"הדפדפן אינו מאפשר לשמור טיוטה: אם תסגרו את הדף, מה שכתבתם יאבד."</p>
            </Show>
            <button type="submit" class="comment-send" disabled=move || state.get() == SendState::Sending>{button_label}</button>
        </form>
    }
}
