use leptos::prelude::*;

use super::safe_html::SafeHtml;
use crate::bidi::{display_text, TextDirection};
use crate::feed::model::{Article, Body};
use crate::feed::source::FeedSource;

/// The article's body: its HTML through the sanitizer, or its text as paragraphs,
/// in the lang and dir of the item's language.
#[component]
pub fn ArticleBody(article: Signal<Article>, direction: Memo<TextDirection>) -> impl IntoView {
    let source = expect_context::<FeedSource>();
    let base_url = Signal::derive(move || article.with(|a| source.base_for(a)));
    let lang = move || direction.get().lang;
    let dir = move || direction.get().dir;
    move || {
        match article.with(Article::body) {
        Body::Html(html) => view! {
            <SafeHtml html base_url class="article-body" attr:lang=lang attr:dir=dir/>
        }
        .into_any(),
        Body::Paragraphs(paragraphs) => view! {
            <div class="article-body" lang=lang dir=dir>
                {paragraphs.into_iter().map(|p| view! { <p>{display_text(&p).into_owned()}</p> }).collect_view()}
            </div>
        }
        .into_any(),
        Body::Empty => ().into_any(),
    }
    }
}
