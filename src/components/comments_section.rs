use leptos::prelude::*;

use super::comment_form::CommentForm;
use super::comment_item::CommentItem;
use crate::comments::backend::{Backend, CommentsBackend};
use crate::comments::model::{insert, sort_thread, thread_uri, Comment, SortOrder};
use crate::comments::CommentError;

/// One thread's shared state: what the server has, and what is being posted.
#[derive(Clone, Copy)]
pub struct Thread {
    pub article_id: StoredValue<String>,
    pub title: Signal<String>,
    pub comments: RwSignal<Vec<Comment>>,
    /// Comments sent in this visit that the server holds for moderation.
    pub held: RwSignal<Vec<Comment>>,
    /// The comment whose reply form is open.
    pub replying_to: RwSignal<Option<i64>>,
    /// The thread's count as Isso gives it (`POST /count`: published comments,
    /// not deleted placeholders), once it has answered.
    pub count: RwSignal<Option<u64>>,
    pub backend: StoredValue<Backend>,
}

impl Thread {
    pub fn uri(&self) -> String {
        thread_uri(&self.article_id.get_value())
    }

    /// A comment the server accepted: into the list under its parent, or aside while held.
    pub fn accepted(&self, comment: Comment) {
        if comment.is_held_for_moderation() {
            self.held.update(|held| held.push(comment));
        } else {
            self.comments.update(|list| insert(list, comment));
            self.refresh_count();
        }
    }

    /// Asks Isso for the thread's count; until it answers (or if it cannot), the
    /// heading counts the published comments in the list.
    pub fn refresh_count(&self) {
        let (backend, uri, count) = (self.backend.get_value(), self.uri(), self.count);
        leptos::task::spawn_local(async move {
            match backend.counts(std::slice::from_ref(&uri)).await {
                Ok(numbers) => count.set(numbers.first().copied()),
                Err(error) => {
                    crate::log::warn(&format!("comment count: {error}"));
                    count.set(None);
                }
            }
        });
    }

    /// What the heading says: Isso's count, or the published comments listed.
    pub fn shown_count(&self) -> usize {
        self.count.get().map_or_else(
            || {
                self.comments
                    .with(|list| list.iter().map(Comment::published_count).sum())
            },
            |n| n as usize,
        )
    }
}

/// "תגובות (N)", the comments sorted as the reader asks, and the form.
#[component]
pub fn CommentsSection(article_id: String, #[prop(into)] title: Signal<String>) -> impl IntoView {
    let backend = use_context::<Option<Backend>>().flatten();
    let Some(backend) = backend else {
        return ().into_any();
    };
    let thread = Thread {
        article_id: StoredValue::new(article_id),
        title,
        comments: RwSignal::new(Vec::new()),
        held: RwSignal::new(Vec::new()),
        replying_to: RwSignal::new(None),
        count: RwSignal::new(None),
        backend: StoredValue::new(backend),
    };
    provide_context(thread);
    let load_error = RwSignal::new(None::<CommentError>);
    let loaded = RwSignal::new(false);
    let load = move || {
        let backend = thread.backend.get_value();
        let uri = thread.uri();
        thread.refresh_count();
        leptos::task::spawn_local(async move {
            match backend.list(&uri).await {
                Ok(list) => {
                    thread.comments.set(list);
                    load_error.set(None);
                }
                Err(error) => {
                    crate::log::warn(&format!("comments: {error}"));
                    load_error.set(Some(error));
                }
            }
            loaded.set(true);
        });
    };
    load();
    let sort = RwSignal::new(SortOrder::Newest);
    // Rows on screen, deleted placeholders included: for the sort and the empty note.
    let rows = move || {
        thread
            .comments
            .with(|list| list.iter().map(Comment::count).sum::<usize>())
    };
    let sorted = move || {
        let mut list = thread.comments.get();
        sort_thread(&mut list, sort.get());
        list
    };
    view! {
        <section class="comments" aria-labelledby="comments-heading">
            <h2 id="comments-heading">"תגובות ("<bdi>{move || thread.shown_count()}</bdi>")"</h2>
            // A published page read without JavaScript (the renderer's only).
            {cfg!(not(target_arch = "wasm32")).then(|| view! {
                <noscript><p class="comments-need-js">"התגובות נטענות ונשלחות כשמופעל JavaScript בדפדפן."</p></noscript>
            })}
            <CommentForm parent=None/>
            {move || load_error.get().map(|error| view! {
                <div class="comments-error" role="alert">
                    <p>"לא הצלחנו לטעון את התגובות. " {error.reader_message()}</p>
                    <button type="button" on:click=move |_| load()>"נסו שוב"</button>
                </div>
            })}
            <Show when=move || thread.held.with(|h| !h.is_empty())>
                <ul class="comment-list held">
                    {move || thread.held.get().into_iter().map(|comment| view! { <CommentItem comment/> }).collect_view()}
                </ul>
            </Show>
            <Show when=move || { rows() > 1 }>
                <label class="comment-sort">"מיון: "
                    <select on:change=move |ev| sort.set(SortOrder::parse(&event_target_value(&ev)))>
                        <option value="newest">"החדשות ביותר"</option>
                        <option value="oldest">"הוותיקות ביותר"</option>
                        <option value="liked">"הכי אהובות"</option>
                    </select>
                </label>
            </Show>
            <Show when=move || loaded.get() && rows() == 0 && load_error.with(Option::is_none)>
                <p class="comments-empty">"עדיין אין תגובות. היו הראשונים להגיב."</p>
            </Show>
            <ul class="comment-list">
                {move || sorted().into_iter().map(|comment| view! { <CommentItem comment/> }).collect_view()}
            </ul>
        </section>
    }
    .into_any()
}
