use leptos::prelude::*;

use crate::feed::source::{FeedSource, LoadState};

/// The loading skeleton, or the Hebrew error with a retry button, while there are no flashes to show.
#[component]
pub fn FeedStatus() -> impl IntoView {
    let source = expect_context::<FeedSource>();
    move || match source.state.get() {
        LoadState::Loading => view! {
            <div class="loading" role="status" aria-live="polite">
                <span class="visually-hidden">"טוען מבזקים…"</span>
                <ul class="skeleton" aria-hidden="true">
                    <li></li><li></li><li></li><li></li><li></li>
                </ul>
            </div>
        }
        .into_any(),
        LoadState::Failed(error) => view! {
            <div class="feed-error" role="alert">
                <p>{error.reader_message()}</p>
                <button type="button" on:click=move |_| source.poll_now()>"נסו שוב"</button>
            </div>
        }
        .into_any(),
        LoadState::Ready => ().into_any(),
    }
}
