//! Keyboard focus kept on a row that a list draws anew. Rows are keyed by what
//! they show (`Entry::row_key`, so that a page a translation tool rewrote still
//! shows an edit), and an edit replaces the focused row's link. The browser then
//! moves focus to the body, and a keyboard or screen-reader user would lose their
//! place in the list (WCAG 2.4.3). So a list remembers the link that has focus
//! (`on:focusin`) and, after its rows change, if that link has left the page and
//! nothing else took focus, focuses the link to the same address in the list.
//! A row's own controls (its disclosure and share summaries, issue 24 §2–3) are
//! found again the same way, by the panel they control (`aria-controls`).
//! On a page rendered natively there is no focus: nothing happens.

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;
use web_sys::{Element, FocusEvent, HtmlElement};

/// The focused link of one list, and the list it is in.
#[derive(Clone, Copy)]
pub struct RowFocus {
    last: StoredValue<Option<SendWrapper<(Element, Element)>>>,
}

impl RowFocus {
    /// Puts focus back after each change of `rows` (a tracked read of the list's keys).
    pub fn new(rows: impl Fn() + Send + Sync + 'static) -> Self {
        let focus = Self {
            last: StoredValue::new(None),
        };
        Effect::new(move |_| {
            rows();
            // After the list has drawn its new rows.
            request_animation_frame(move || focus.restore());
        });
        focus
    }

    /// The list's `focusin`: remembers the link that took focus, and the list.
    pub fn focused(self, event: FocusEvent) {
        let link = event
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|e| e.closest(FOCUSABLE).ok().flatten());
        let list = event
            .current_target()
            .and_then(|t| t.dyn_into::<Element>().ok());
        self.last
            .try_set_value(link.zip(list).map(SendWrapper::new));
    }

    fn restore(self) {
        // The list may be gone by the next frame (the reader moved to another page).
        let Some((link, list)) = self.last.try_get_value().flatten().map(SendWrapper::take) else {
            return;
        };
        let active = document().active_element();
        let nothing_focused = active.is_none() || active == document().body().map(Into::into);
        if link.is_connected() || !nothing_focused {
            return;
        }
        if let Some(again) = same_control_in(&list, &link, &list) {
            focus_in_place(&again);
        }
    }
}

/// The control of `new_root` that is `old` (a control of `old_root`, which may
/// be `new_root` itself) drawn anew: a link to the same address or a summary of
/// the same panel (`same_control`), the one at the same place among those when
/// several are (a headline's link and its "more"); else, for any other control
/// (a button, the main heading), the one of its kind (tag and role) at the same
/// place. Also the takeover's rule, for the focus a reader had on the page
/// given before the app came (`takeover`).
pub fn same_control_in(
    old_root: &Element,
    old: &Element,
    new_root: &Element,
) -> Option<HtmlElement> {
    let all = |root: &Element, selector: &str| -> Vec<Element> {
        let Ok(list) = root.query_selector_all(selector) else {
            return Vec::new();
        };
        (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
            .collect()
    };
    let (selector, alike): (String, fn(&Element, &Element) -> bool) =
        if old.matches(FOCUSABLE).unwrap_or(false) {
            (FOCUSABLE.to_owned(), same_control)
        } else {
            (old.tag_name().to_ascii_lowercase(), |a, b| {
                a.get_attribute("role") == b.get_attribute("role")
            })
        };
    let place = all(old_root, &selector)
        .iter()
        .filter(|candidate| alike(candidate, old))
        .position(|candidate| candidate == old)
        .unwrap_or(0);
    all(new_root, &selector)
        .into_iter()
        .filter(|candidate| alike(candidate, old))
        .nth(place)
        .and_then(|found| found.dyn_into::<HtmlElement>().ok())
}

/// Focuses `control` without scrolling: the reader's place on the page stays.
pub fn focus_in_place(control: &HtmlElement) {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = control.focus_with_options(&options);
}

/// What a list's row can focus: its links, and the summaries of its own
/// controls.
const FOCUSABLE: &str = "a[href], summary[aria-controls]";

/// Whether `candidate` is `old`'s control drawn anew: a link to the same
/// address, or a summary of the same panel.
fn same_control(candidate: &Element, old: &Element) -> bool {
    let key = |e: &Element| {
        let attribute = if e.tag_name().eq_ignore_ascii_case("summary") {
            "aria-controls"
        } else {
            "href"
        };
        (attribute, e.get_attribute(attribute))
    };
    key(candidate) == key(old)
}
