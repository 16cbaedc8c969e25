use leptos::prelude::*;

/// `text` in a `<span>` that is drawn anew, as a new element, whenever the text
/// changes, instead of having its text node written (as `{text}` would).
///
/// Translation tools (Chrome's built-in one, and many extensions) replace each
/// text node of the page with `<font>` elements holding the translation; the
/// node Leptos keeps is then out of the page, and a change written into it is
/// never seen. A new element is: the tool translates it in its turn. For the
/// texts a poll or the clock changes in place (a count, an age, the live
/// region); a list's rows are keyed by their content instead (`Entry::row_key`).
/// An empty text draws no `<span>`.
#[component]
pub fn RedrawnText(#[prop(into)] text: Signal<String>) -> impl IntoView {
    view! {
        <For
            each=move || Some(text.get()).filter(|text| !text.is_empty())
            key=String::clone
            children=|text| view! { <span>{text}</span> }
        />
    }
}
