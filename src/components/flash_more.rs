use leptos::prelude::*;

use crate::bidi::display_text;
use crate::config::Config;
use crate::feed::excerpt::flash_excerpt;
use crate::feed::source::Entry;
use crate::open_rows::OpenRows;
use crate::paths::route_segment;

/// The accessible name of a row's disclosure: what it opens.
pub const MORE_LABEL: &str = "עוד על המבזק";

/// A row's disclosure (issue 24 §2): a `<details>` whose `<summary>` opens the
/// flash's text in place ([`flash_excerpt`]), under the headline. Nothing for a
/// flash without a summary or a body.
///
/// The same markup in the published page, where it works without JavaScript,
/// and in the app, which draws it in that page's place: the `<summary>` sits
/// at the row's inline end (CSS, `style/flash-row.css`), the panel opens below
/// the headline, so nothing above moves and the swap shows no jump. In the
/// app the row's state is [`OpenRows`]'s (a redraw or a poll keeps it open)
/// and the summary says it in `aria-expanded`; the published page leaves that
/// to the browser, whose `<summary>` reports its own state, since a fixed
/// `aria-expanded` there would say "closed" once the reader opened it.
#[component]
pub fn FlashMore(entry: Entry, open_rows: OpenRows) -> impl IntoView {
    let site_language = expect_context::<Config>().language;
    let (text, direction) = entry.article.with_untracked(|a| {
        (
            flash_excerpt(a).map(|text| display_text(&text).into_owned()),
            a.direction(site_language.as_deref()),
        )
    });
    let text = text?;
    let segment = route_segment(&entry.id);
    let panel = format!("flash-text-{segment}");
    let id = entry.id.clone();
    let expanded = {
        let id = id.clone();
        cfg!(target_arch = "wasm32").then(|| move || open_rows.is_open(&id).to_string())
    };
    let open = {
        let id = id.clone();
        move || open_rows.is_open(&id)
    };
    let toggled = move |event: leptos::ev::Event| {
        let details: web_sys::Element = event_target(&event);
        open_rows.set(&id, details.has_attribute("open"));
    };
    Some(
        view! {
            <details class="flash-more" data-row=segment prop:open=open on:toggle=toggled>
                <summary aria-label=MORE_LABEL aria-controls=panel.clone() aria-expanded=expanded>
                    <span class="flash-more-icon" aria-hidden="true"></span>
                </summary>
                <div class="flash-text" id=panel lang=direction.lang dir=direction.dir>{text}</div>
            </details>
        }
        .into_any(),
    )
}

/// At the swap (`takeover::reveal_when_loaded`): the rows the reader opened in
/// the published page (`shell`) before the app arrived open in the app's
/// copy (`app`) too, matched by their `data-row` segment. Setting `open`
/// fires the row's `toggle`, which records it in [`OpenRows`].
pub fn carry_open_rows(shell: &web_sys::Element, app: &web_sys::Element) {
    let segments = |root: &web_sys::Element, selector: &str| {
        let mut found = Vec::new();
        if let Ok(list) = root.query_selector_all(selector) {
            for index in 0..list.length() {
                if let Some(details) = list
                    .item(index)
                    .and_then(|node| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(node).ok())
                {
                    let segment = details.get_attribute("data-row").unwrap_or_default();
                    found.push((segment, details));
                }
            }
        }
        found
    };
    let open: Vec<String> = segments(shell, ".flash-more[open]")
        .into_iter()
        .map(|(segment, _)| segment)
        .collect();
    if open.is_empty() {
        return;
    }
    for (segment, details) in segments(app, ".flash-more") {
        if open.contains(&segment) {
            let _ = details.set_attribute("open", "");
        }
    }
}
