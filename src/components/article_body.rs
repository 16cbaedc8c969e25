use leptos::prelude::*;

use super::bidi_text::BidiText;
use super::safe_html::SafeHtml;
use crate::feed::model::{Article, Body};
use crate::feed::source::FeedSource;

/// The article's body: its HTML through the sanitizer, or its text as paragraphs.
#[component]
pub fn ArticleBody(article: Signal<Article>) -> impl IntoView {
    let source = expect_context::<FeedSource>();
    let base_url = Signal::derive(move || article.with(|a| source.base_for(a)));
    move || match article.with(Article::body) {
        Body::Html(html) => view! { <SafeHtml html base_url class="article-body"/> }.into_any(),
        Body::Paragraphs(paragraphs) => view! {
            <div class="article-body">
                {paragraphs.into_iter().map(|p| view! { <p><BidiText text=p/></p> }).collect_view()}
            </div>
        }
        .into_any(),
        Body::Empty => ().into_any(),
    }
}
