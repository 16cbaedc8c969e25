use leptos::prelude::*;

use super::comment_form::CommentForm;
use super::comment_item::CommentRows;
use crate::comments::model::SortOrder;
use crate::comments::source::ThreadSource;

/// "תגובות (N)", the comments sorted as the reader asks, and the form. The
/// thread is `ThreadSource`'s; rows are keyed by comment id, so a new comment
/// or another order moves rows without redrawing them (a like's count, an open
/// reply form and its focus stay).
#[component]
pub fn CommentsSection(article_id: String, #[prop(into)] title: Signal<String>) -> impl IntoView {
    let Some(thread) = ThreadSource::open(article_id, title) else {
        return ().into_any();
    };
    provide_context(thread);
    let sort = RwSignal::new(SortOrder::Newest);
    view! {
        <section class="comments" aria-labelledby="comments-heading">
            <h2 id="comments-heading">"תגובות ("<bdi>{move || thread.shown_count()}</bdi>")"</h2>
            // A published page read without JavaScript (the renderer's only).
            {cfg!(not(target_arch = "wasm32")).then(|| view! {
                <noscript><p class="comments-need-js">"התגובות נטענות ונשלחות כשמופעל JavaScript בדפדפן."</p></noscript>
            })}
            <CommentForm parent=None/>
            {move || thread.load_error().map(|error| view! {
                <div class="comments-error" role="alert">
                    <p>"לא הצלחנו לטעון את התגובות. " {error.reader_message()}</p>
                    <button type="button" on:click=move |_| thread.reload()>"נסו שוב"</button>
                </div>
            })}
            <Show when=move || !thread.held().is_empty()>
                <ul class="comment-list held">
                    <CommentRows ids=Signal::derive(move || thread.held())/>
                </ul>
            </Show>
            <Show when=move || { thread.rows() > 1 }>
                <label class="comment-sort">"מיון: "
                    <select on:change=move |ev| sort.set(SortOrder::parse(&event_target_value(&ev)))>
                        <option value="newest">"החדשות ביותר"</option>
                        <option value="oldest">"הוותיקות ביותר"</option>
                        <option value="liked">"הכי אהובות"</option>
                    </select>
                </label>
            </Show>
            <Show when=move || thread.loaded() && thread.rows() == 0>
                <p class="comments-empty">"עדיין אין תגובות. היו הראשונים להגיב."</p>
            </Show>
            <ul class="comment-list">
                <CommentRows ids=Signal::derive(move || thread.top_level(sort.get()))/>
            </ul>
        </section>
    }
    .into_any()
}
