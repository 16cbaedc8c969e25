use leptos::prelude::*;

use super::bidi_text::BidiText;
use crate::feed::model::{paragraphs, Article, Body};

/// The article's body: sanitized HTML, or its text as paragraphs.
#[component]
pub fn ArticleBody(article: Signal<Article>) -> impl IntoView {
    move || {
        let paragraphs = match article.with(Article::body) {
            Body::Paragraphs(paragraphs) => paragraphs,
            // Until the sanitizer renders it, HTML is shown as its text only.
            Body::Html(html) => paragraphs(&crate::html::text_of(&html)),
            Body::Empty => Vec::new(),
        };
        view! {
            <div class="article-body">
                {paragraphs.into_iter().map(|p| view! { <p><BidiText text=p/></p> }).collect_view()}
            </div>
        }
    }
}
