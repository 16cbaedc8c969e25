use leptos::prelude::*;

use crate::bidi::{runs, Run};

/// Text with its left-to-right runs ("Windows 11") isolated, so a Hebrew line keeps them in place.
#[component]
pub fn BidiText(#[prop(into)] text: Signal<String>) -> impl IntoView {
    move || {
        text.with(|text| {
            runs(text)
                .into_iter()
                .map(|run| match run {
                    Run::Plain(plain) => plain.to_owned().into_any(),
                    Run::Ltr(ltr) => view! { <bdi dir="ltr">{ltr.to_owned()}</bdi> }.into_any(),
                })
                .collect_view()
        })
    }
}
