use std::collections::HashMap;

use leptos::prelude::*;

use crate::comments::backend::{Backend, CommentsBackend};
use crate::comments::model::thread_uri;
use crate::feed::source::FeedSource;
use crate::paths::Paths;

/// Comment counts of every article in the feed, fetched in one `POST /count`
/// whenever the set of articles changes (not once per article).
#[derive(Clone, Copy)]
pub struct CommentCounts(pub RwSignal<HashMap<String, u64>>);

impl CommentCounts {
    pub fn start(source: FeedSource) -> Self {
        let counts = RwSignal::new(HashMap::new());
        let backend = use_context::<Option<Backend>>().flatten();
        if let Some(backend) = backend {
            let ids = Memo::new(move |_| {
                source
                    .entries
                    .with(|e| e.iter().map(|e| e.id.to_string()).collect::<Vec<_>>())
            });
            Effect::new(move |_| {
                let ids = ids.get();
                if ids.is_empty() {
                    return;
                }
                let backend = backend.clone();
                leptos::task::spawn_local(async move {
                    let threads: Vec<String> = ids.iter().map(|id| thread_uri(id)).collect();
                    match backend.counts(&threads).await {
                        Ok(numbers) => counts.set(ids.into_iter().zip(numbers).collect()),
                        Err(error) => crate::log::warn(&format!("comment counts: {error}")),
                    }
                });
            });
        }
        Self(counts)
    }
}

/// "תגובות (N)" for one article in a list, linking to its comments.
#[component]
pub fn CommentCount(id: String) -> impl IntoView {
    let CommentCounts(counts) = expect_context::<CommentCounts>();
    let href = format!(
        "{}#comments-heading",
        expect_context::<Paths>().article(&id)
    );
    move || {
        counts.with(|c| c.get(&id).copied()).map(|n| {
            view! { <a href=href.clone() class="comment-count">"תגובות ("<bdi>{n}</bdi>")"</a> }
        })
    }
}
