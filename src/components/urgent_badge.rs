use std::sync::Arc;

use leptos::prelude::*;

use crate::config::Config;
use crate::feed::urgency::is_urgent;
use crate::feed::Article;

/// The word "דחוף" beside an urgent flash's headline (issue 24 §1): a word, so
/// colour is never the only sign (WCAG 1.4.1), with a border that forced
/// colours keep (`style/ticker.css`). An element of its own, isolated by its
/// `dir` and Hebrew by its `lang` whatever the headline's language, put before
/// the headline and never inside it, so the headline stays one text.
#[component]
pub fn UrgentBadge() -> impl IntoView {
    view! { <span class="urgent-badge" lang="he" dir="rtl">"דחוף"</span> }
}

/// Whether `article` is urgent by config's `urgent_tags` (`feed::urgency`),
/// following its edits: a poll can make a flash urgent, or no longer urgent.
/// A plain closure, not a memo: the rule is a few comparisons, and a memo's
/// code costs the embed's wasm more than running them again.
pub fn urgency<S>(article: S) -> impl Fn() -> bool + Clone + Send + Sync + 'static
where
    S: With<Value = Article> + Clone + Send + Sync + 'static,
{
    let urgent_tags: Arc<[String]> = expect_context::<Config>().urgent_tags.into();
    move || article.with(|a| is_urgent(a, &urgent_tags))
}

/// The badge and a space after it while `urgent` holds; nothing otherwise.
pub fn badge_when(urgent: impl Fn() -> bool + Send + Sync + 'static) -> impl IntoView {
    move || urgent().then(|| view! { <UrgentBadge/>" " })
}
