use leptos::prelude::*;

use crate::reader_settings::{self, ReaderSettings};
use crate::takeover::WAITS_FOR_THE_APP;
use crate::theme::Theme;

/// The reader's text size and colour scheme, in the header (issue 24 §5): two
/// buttons, "הקטנת טקסט" and "הגדלת טקסט", through the steps of
/// `reader_settings` (at either end the button says it is disabled and does
/// nothing, keeping focus where it is), and "ערכת צבעים", a native select of
/// automatic, light and dark. Each change applies at once and is kept
/// (`reader_settings::apply`); index.html's first script applies the kept one on
/// the next page before its first paint. The renderer draws them at their
/// defaults, disabled (`takeover::WAITS_FOR_THE_APP`), which the app replaces
/// with the stored choice, enabled.
#[component]
pub fn ReaderControls() -> impl IntoView {
    let settings = RwSignal::new(reader_settings::stored());
    let change = move |next: ReaderSettings| {
        settings.set(next);
        reader_settings::apply(next);
    };
    let step = move |larger: bool| {
        let now = settings.get_untracked();
        let size = if larger { now.larger() } else { now.smaller() };
        if let Some(text_size) = size {
            change(ReaderSettings { text_size, ..now });
        }
    };
    let at_end = move |larger: bool| {
        let now = settings.get();
        if larger { now.larger() } else { now.smaller() }.is_none()
    };
    let on_scheme = move |event: leptos::ev::Event| {
        let scheme = Theme::parse(&event_target_value(&event)).unwrap_or_default();
        change(ReaderSettings {
            scheme,
            ..settings.get_untracked()
        });
    };
    let option = move |theme: Theme, label: &'static str| {
        view! {
            <option value=theme.as_str() selected=move || settings.get().scheme == theme>{label}</option>
        }
    };
    view! {
        <div class="reader-controls">
            <div class="text-size" role="group" aria-label="גודל טקסט">
                // Named by their hidden words, not `aria-label`: the glyph a
                // sighted reader sees is a picture of the action, not a name a
                // voice command could say (WCAG 2.5.3 asks the name to hold
                // visible words; "א+" is none).
                <button type="button" class="text-smaller" title="הקטנת טקסט" disabled=WAITS_FOR_THE_APP
                    aria-disabled=move || at_end(false).to_string()
                    on:click=move |_| step(false)>
                    <span aria-hidden="true">"א−"</span><span class="visually-hidden">"הקטנת טקסט"</span>
                </button>
                <button type="button" class="text-larger" title="הגדלת טקסט" disabled=WAITS_FOR_THE_APP
                    aria-disabled=move || at_end(true).to_string()
                    on:click=move |_| step(true)>
                    <span aria-hidden="true">"א+"</span><span class="visually-hidden">"הגדלת טקסט"</span>
                </button>
                <span class="visually-hidden" role="status">
                    {move || format!("גודל הטקסט {}%", settings.get().text_size)}
                </span>
            </div>
            <label class="scheme">
                <span class="visually-hidden">"ערכת צבעים"</span>
                <select disabled=WAITS_FOR_THE_APP on:change=on_scheme prop:value=move || settings.get().scheme.as_str()>
                    {option(Theme::Auto, "צבעים: אוטומטי")}
                    {option(Theme::Light, "צבעים: בהיר")}
                    {option(Theme::Dark, "צבעים: כהה")}
                </select>
            </label>
        </div>
    }
}
