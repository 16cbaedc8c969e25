use leptos::prelude::*;

/// `text` in a `<span>` whose whole content is replaced (`textContent`) whenever
/// the text changes, instead of having its text node written (as `{text}` would).
///
/// Translation tools (Chrome's built-in one, and many extensions) replace each
/// text node of the page with `<font>` elements holding the translation; the
/// node Leptos keeps is then out of the page, and a change written into it is
/// never seen. The span is still there: setting its content removes the tool's
/// elements and puts the new text in, which the tool translates in its turn.
/// For the texts a poll or the clock changes in place (a count, an age, the
/// live region, the article's headline); a list's rows are keyed by their
/// content instead (`Entry::row_key`). The first text is written as a child,
/// so a published page has it and hydration adopts it.
#[component]
pub fn RedrawnText(#[prop(into)] text: Signal<String>) -> impl IntoView {
    let span = NodeRef::<leptos::html::Span>::new();
    let first = text.get_untracked();
    Effect::new({
        let first = first.clone();
        move |shown: Option<String>| {
            let now = text.get();
            if shown.as_ref().unwrap_or(&first) != &now {
                if let Some(span) = span.get_untracked() {
                    span.set_text_content(Some(&now));
                }
            }
            now
        }
    });
    view! { <span node_ref=span>{first}</span> }
}
