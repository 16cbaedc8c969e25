use leptos::prelude::*;

use crate::comments::counts::CommentCounts;
use crate::paths::Paths;

/// "תגובות (N)" for one article in a list, linking to its comments.
#[component]
pub fn CommentCount(id: String) -> impl IntoView {
    let counts = expect_context::<CommentCounts>();
    let href = format!(
        "{}#comments-heading",
        expect_context::<Paths>().article(&id)
    );
    move || {
        counts.count(&id).map(|n| {
            view! { <a href=href.clone() class="comment-count">"תגובות ("<bdi>{n}</bdi>")"</a> }
        })
    }
}
