use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::config::Config;
use crate::feed::source::Entry;
use crate::paths::{route_segment, Paths};
use crate::share::{flash_address, share_links, shared_headline};

/// The accessible name of a row's share control; it begins with "שיתוף".
pub const SHARE_LABEL: &str = "שיתוף המבזק";

/// A row's share control (issue 24 §3): where the browser has
/// `navigator.share`, the system's share sheet, with the headline as
/// `share::shared_headline` gives it and the article's published address
/// (`share::flash_address`, also the article page's share bar's); elsewhere a small menu of plain links
/// (WhatsApp, Telegram, `share::share_links`'s) and "העתקת קישור". A
/// `<details>`, so the published page's menu opens without JavaScript; the
/// menu floats over the rows below it, so opening it moves nothing. Escape
/// closes it and gives the focus back to its summary; a press outside it, or
/// the focus leaving it, closes it.
#[component]
pub fn FlashShare(entry: Entry) -> impl IntoView {
    let config = expect_context::<Config>();
    let paths = expect_context::<Paths>();
    let site_language = config.language.clone();
    let (title, dir) = entry
        .article
        .with_untracked(|a| (a.title.clone(), a.direction(site_language.as_deref()).dir));
    let origin = crate::http::page_origin(config.site_url.as_deref());
    // A page rendered without `site_url` knows no address to share: its control
    // is left hidden (out of the flow, so the app's, which has one, moves
    // nothing), and a reader without JavaScript gets no links that cannot work.
    let address = flash_address(config.site_url.as_deref(), &origin, &paths, &entry.id);
    let hidden = address.is_none();
    let url = address.unwrap_or_default();
    let menu = format!("flash-share-{}", route_segment(&entry.id));
    let details = NodeRef::<leptos::html::Details>::new();
    let open = RwSignal::new(false);
    let headline = shared_headline(&title, dir);
    // The app draws a menu's links when it first opens (the summary's click
    // comes before the browser opens the details): nine rows carry no hidden
    // links, and a row's only link until then is its headline. A published
    // page has them from the start, for readers without JavaScript.
    let drawn = RwSignal::new(!cfg!(target_arch = "wasm32") && !hidden);
    let native = {
        let (title, url) = (title.clone(), url.clone());
        move |event: leptos::ev::MouseEvent| {
            drawn.set(true);
            if let Some(share) = native_share() {
                event.prevent_default();
                let data = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&data, &"title".into(), &title.as_str().into());
                let _ = js_sys::Reflect::set(&data, &"text".into(), &headline.as_str().into());
                let _ = js_sys::Reflect::set(&data, &"url".into(), &url.as_str().into());
                // A cancelled share rejects; there is nothing to tell the reader.
                let _ = share.call1(&window().navigator(), &data);
            }
        }
    };
    // Closes the menu; with `refocus`, gives the focus back to its summary.
    let close = move |refocus: bool| {
        let Some(details) = details.get_untracked() else {
            return;
        };
        details.set_open(false);
        let summary = details
            .query_selector("summary")
            .ok()
            .flatten()
            .and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(summary) = summary.filter(|_| refocus) {
            let _ = summary.focus();
        }
    };
    let holds = move |target: Option<web_sys::EventTarget>| {
        let node = target.and_then(|target| target.dyn_into::<web_sys::Node>().ok());
        details
            .get_untracked()
            .is_some_and(|details| node.is_some_and(|node| details.contains(Some(&node))))
    };
    // Escape, and a press outside the menu, close it wherever the focus is: a
    // tap or a click on a summary does not focus it in every browser (Safari,
    // and Chromium on touch), so a listener on the menu alone would miss them.
    // Listened for only while this menu is open: not two listeners per row.
    #[cfg(target_arch = "wasm32")]
    Effect::new(move |_| {
        if !open.get() {
            return;
        }
        let escape = window_event_listener(leptos::ev::keydown, move |event| {
            if event.key() == "Escape" {
                event.prevent_default();
                close(true);
            }
        });
        let outside = window_event_listener(leptos::ev::pointerdown, move |event| {
            if !holds(event.target()) {
                close(false);
            }
        });
        // Run when `open` changes and when the row goes.
        on_cleanup(move || {
            escape.remove();
            outside.remove();
        });
    });
    // Focus gone elsewhere (Tab past it) closes it.
    let close_on_leave = move |event: leptos::ev::FocusEvent| {
        if open.get_untracked() && !holds(event.related_target()) {
            close(false);
        }
    };
    let toggled = move |event: leptos::ev::Event| {
        let details: web_sys::Element = event_target(&event);
        let is_open = details.has_attribute("open");
        drawn.update(|drawn| *drawn |= is_open);
        open.set(is_open);
    };
    let copied = RwSignal::new(false);
    let copy = {
        let url = url.clone();
        move |_| {
            let promise = window().navigator().clipboard().write_text(&url);
            leptos::task::spawn_local(async move {
                copied.set(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
            });
        }
    };
    let links = share_links(&url, &title, dir)
        .into_iter()
        .filter(|link| matches!(link.service, "whatsapp" | "telegram"))
        .collect::<Vec<_>>();
    let items = move || {
        drawn.get().then(|| {
            let links = links
                .iter()
                .map(|link| {
                    view! {
                        <li><a class=format!("share-{}", link.service) href=link.href.clone() target="_blank" rel="noopener noreferrer">{link.label}</a></li>
                    }
                })
                .collect_view();
            view! {
                {links}
                <li><button type="button" class="share-copy" on:click=copy.clone()>
                    {move || if copied.get() { "הקישור הועתק" } else { "העתקת קישור" }}
                </button></li>
            }
        })
    };
    let expanded = cfg!(target_arch = "wasm32").then_some(move || open.get().to_string());
    view! {
        <details class="flash-share" hidden=hidden node_ref=details on:toggle=toggled on:focusout=close_on_leave>
            <summary aria-label=SHARE_LABEL aria-controls=menu.clone() aria-expanded=expanded on:click=native>
                <svg class="flash-share-icon" aria-hidden="true" viewBox="0 0 24 24" width="18" height="18">
                    <circle cx="18" cy="5" r="3"/><circle cx="6" cy="12" r="3"/><circle cx="18" cy="19" r="3"/>
                    <path d="M8.6 13.5l6.8 4M15.4 6.5l-6.8 4" fill="none" stroke="currentColor" stroke-width="2"/>
                </svg>
            </summary>
            <ul class="share-menu" id=menu>{items}</ul>
        </details>
    }
    .into_any()
}

/// `navigator.share`, where the browser has it (none on a page rendered natively).
fn native_share() -> Option<js_sys::Function> {
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    js_sys::Reflect::get(&window().navigator(), &"share".into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()
}
