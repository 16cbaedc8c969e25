use leptos::prelude::*;

use crate::accessibility::{self, Detail, CONTACT_HEADING, EXCEPTIONS_HEADING, FEATURES, TITLE};
use crate::config::Config;
use crate::page_meta::page_meta;

/// `/accessibility`: the accessibility statement (`crate::accessibility` says
/// what it holds).
#[component]
pub fn AccessibilityPage() -> impl IntoView {
    statement_view()
}

/// The statement's view: in the browser from its own wasm chunk (`chunks`: few
/// readers open it, and its text and views would weigh on every page's main
/// wasm), natively (the publish-time renderer) drawn at once.
#[cfg(all(target_arch = "wasm32", feature = "split"))]
fn statement_view() -> AnyView {
    crate::chunks::when_loaded(accessibility_chunk)
}

#[cfg(not(all(target_arch = "wasm32", feature = "split")))]
fn statement_view() -> AnyView {
    view! { <StatementView/> }.into_any()
}

/// The split point of the statement's page.
#[cfg(all(target_arch = "wasm32", feature = "split"))]
#[leptos::wasm_split::wasm_split(
    accessibility_chunk,
    wasm_split_path = ::leptos::wasm_split,
    fallible,
    preload(__preload_accessibility_chunk)
)]
pub(crate) fn accessibility_chunk() -> crate::chunks::Loaded {
    Ok(view! { <StatementView/> }.into_any())
}

/// The statement itself.
#[component]
fn StatementView() -> impl IntoView {
    let Config {
        site_name,
        accessibility: details,
        ..
    } = expect_context::<Config>();
    page_meta(move || crate::page_head::accessibility(&site_name));
    let statement = accessibility::statement(&details);
    let features = FEATURES
        .iter()
        .map(|(heading, text)| view! { <h2>{*heading}</h2><p>{*text}</p> })
        .collect_view();
    let contact = statement
        .contact
        .into_iter()
        .map(|detail| view! { <li>{detail.label}": "<DetailValue detail/></li> })
        .collect_view();
    view! {
        <article class="accessibility-statement">
            <h1 tabindex="-1">{TITLE}</h1>
            <p>"האתר נבנה כך שכל אחד יוכל לקרוא בו את המבזקים והכתבות, גם בעזרת מקלדת, קורא מסך, הגדלה או ניגודיות גבוהה. \
                אין באתר תוסף נגישות חיצוני: הנגישות היא חלק מהאתר עצמו."</p>
            {features}
            <h2>{CONTACT_HEADING}</h2>
            <p>"נתקלתם בבעיית נגישות? נשמח לשמוע ולתקן."</p>
            <ul class="accessibility-contact">{contact}</ul>
            {statement.exceptions.map(|(text, dir)| view! {
                <h2>{EXCEPTIONS_HEADING}</h2>
                <p><bdi dir=dir>{text}</bdi></p>
            })}
            {statement.updated.map(|text| view! { <p class="accessibility-updated">{text}</p> })}
            {statement.missing.map(|text| view! { <p class="accessibility-missing" role="note">{text}</p> })}
        </article>
    }
}

/// A detail's value in an isolate of its own direction, as a link where it has one.
#[component]
fn DetailValue(detail: Detail) -> impl IntoView {
    let Detail {
        value, dir, href, ..
    } = detail;
    match href {
        Some(href) => view! { <bdi dir=dir><a href=href>{value}</a></bdi> }.into_any(),
        None => view! { <bdi dir=dir>{value}</bdi> }.into_any(),
    }
}
