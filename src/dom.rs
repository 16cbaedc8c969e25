//! Browser plumbing that belongs to a reactive owner: event listeners (on the
//! window, the document, an element or a media query), resize observers, media
//! queries as signals, and the signal that aborts an owner's requests
//! (`http::send`). Each is undone when the owner that set it up is cleaned up (a
//! page the reader leaves, an effect that runs again), so nothing piles up as the
//! reader moves around. Set up outside any owner, it lasts as long as the page.
//!
//! On a page rendered natively (`publish::render`) there is no browser: every
//! helper here does nothing, and a media query never matches.

use leptos::ev::EventDescriptor;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{AbortController, AbortSignal, Element, Event, EventTarget};

/// A listener on one target, removed when dropped.
pub struct Listener {
    target: EventTarget,
    event: String,
    capture: bool,
    callback: Closure<dyn Fn(Event)>,
}

impl Listener {
    /// Adds `handler` for `event` on `target`, in the capturing phase when `capture`.
    pub fn new(
        target: &EventTarget,
        event: &str,
        capture: bool,
        handler: Box<dyn Fn(Event)>,
    ) -> Self {
        let callback = Closure::<dyn Fn(Event)>::wrap(handler);
        let _ = target.add_event_listener_with_callback_and_bool(
            event,
            callback.as_ref().unchecked_ref(),
            capture,
        );
        Self {
            target: target.clone(),
            event: event.to_owned(),
            capture,
            callback,
        }
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self.target.remove_event_listener_with_callback_and_bool(
            &self.event,
            self.callback.as_ref().unchecked_ref(),
            self.capture,
        );
    }
}

/// Keeps `value` until the current owner is cleaned up, then drops it (which
/// undoes what it set up): an owner drops what it stores when it is cleaned up.
/// With no owner, nothing ever does: for as long as the page.
fn own<T: 'static>(value: T) {
    StoredValue::new_local(value);
}

/// Where a listener goes.
enum Target<'a> {
    Window,
    Document,
    This(&'a EventTarget),
}

/// Calls `handler` on each `event` on `target` (an element, a media query)
/// until the current owner is cleaned up.
pub fn listen<E>(target: &EventTarget, event: E, handler: impl Fn(E::EventType) + 'static)
where
    E: EventDescriptor + 'static,
    E::EventType: JsCast,
{
    add(Target::This(target), &event.name(), false, typed(handler));
}

/// [`listen`] on the window.
pub fn on_window<E>(event: E, handler: impl Fn(E::EventType) + 'static)
where
    E: EventDescriptor + 'static,
    E::EventType: JsCast,
{
    add(Target::Window, &event.name(), false, typed(handler));
}

/// [`on_window`] in the capturing phase: before any listener further down the
/// tree, and before the router's own on the window.
pub fn on_window_capturing<E>(event: E, handler: impl Fn(E::EventType) + 'static)
where
    E: EventDescriptor + 'static,
    E::EventType: JsCast,
{
    add(Target::Window, &event.name(), true, typed(handler));
}

/// [`listen`] on the document.
pub fn on_document<E>(event: E, handler: impl Fn(E::EventType) + 'static)
where
    E: EventDescriptor + 'static,
    E::EventType: JsCast,
{
    add(Target::Document, &event.name(), false, typed(handler));
}

fn typed<T: JsCast>(handler: impl Fn(T) + 'static) -> Box<dyn Fn(Event)> {
    Box::new(move |event: Event| handler(event.unchecked_into()))
}

/// One way for every listener: natively, none.
fn add(target: Target, event: &str, capture: bool, handler: Box<dyn Fn(Event)>) {
    if !cfg!(target_arch = "wasm32") {
        return;
    }
    let target: EventTarget = match target {
        Target::Window => window().into(),
        Target::Document => document().into(),
        Target::This(target) => target.clone(),
    };
    own(Listener::new(&target, event, capture, handler));
}

struct ResizeWatch {
    observer: web_sys::ResizeObserver,
    _callback: Closure<dyn Fn()>,
}

impl Drop for ResizeWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Calls `on_resize` whenever one of `elements` changes size (and once as it
/// starts watching), until the current owner is cleaned up.
pub fn observe_resize(elements: &[&Element], on_resize: impl Fn() + 'static) {
    if !cfg!(target_arch = "wasm32") {
        return;
    }
    let callback = Closure::<dyn Fn()>::new(on_resize);
    let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) else {
        return;
    };
    for element in elements {
        observer.observe(element);
    }
    own(ResizeWatch {
        observer,
        _callback: callback,
    });
}

/// Whether the media query `query` matches, following its changes until the
/// current owner is cleaned up (never, natively).
pub fn media_matches(query: &str) -> Signal<bool> {
    if !cfg!(target_arch = "wasm32") {
        return Signal::derive(|| false);
    }
    let Ok(Some(list)) = window().match_media(query) else {
        return Signal::derive(|| false);
    };
    let matches = RwSignal::new(list.matches());
    listen(&list.clone(), leptos::ev::change, move |_| {
        matches.set(list.matches())
    });
    matches.into()
}

/// `prefers-reduced-motion: reduce`, following the reader's setting.
pub fn prefers_reduced_motion() -> Signal<bool> {
    media_matches("(prefers-reduced-motion: reduce)")
}

/// The abort signal of the current owner, one per owner.
#[derive(Clone)]
struct OwnerAbort {
    owner: WeakOwner,
    controller: SendWrapper<AbortController>,
}

/// A signal that aborts when the current owner is cleaned up: one per owner, so
/// that a long-lived owner's many requests add nothing to it. `None` outside any
/// owner (and natively).
pub fn owner_abort_signal() -> Option<AbortSignal> {
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    let owner = Owner::current()?;
    // Contexts are inherited: a parent's is not this owner's. And an owner that
    // ran again (an effect) keeps its context but was cleaned up in between.
    if let Some(found) = use_context::<OwnerAbort>() {
        let signal = found.controller.signal();
        if found.owner.upgrade().as_ref() == Some(&owner) && !signal.aborted() {
            return Some(signal);
        }
    }
    let controller = AbortController::new().ok()?;
    provide_context(OwnerAbort {
        owner: owner.downgrade(),
        controller: SendWrapper::new(controller.clone()),
    });
    let signal = controller.signal();
    let controller = SendWrapper::new(controller);
    on_cleanup(move || controller.abort());
    Some(signal)
}

/// Resolves after `ms` milliseconds (a `setTimeout`); natively at once.
pub async fn sleep_ms(ms: f64) {
    #[cfg(target_arch = "wasm32")]
    {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(
                resolve.unchecked_ref(),
                ms.clamp(0.0, f64::from(i32::MAX)) as i32,
            );
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = ms;
}

/// The link (`a[href]`) `event` happened on or inside, for the rules that read
/// links as the router does (`LinkClicks`, `chunk_prefetch`).
pub fn link_of(event: &web_sys::Event) -> Option<web_sys::HtmlAnchorElement> {
    event
        .target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("a[href]")
        .ok()??
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .ok()
}

/// The page's own address and `link`'s, in the parts `Paths::own_link`
/// compares: `(page, link)`; `None` where the location cannot be read.
pub fn page_and_link_parts(
    link: &web_sys::HtmlAnchorElement,
) -> Option<(crate::paths::LinkParts, crate::paths::LinkParts)> {
    let location = window().location();
    let page = crate::paths::LinkParts {
        origin: location.origin().ok()?,
        pathname: location.pathname().ok()?,
        search: location.search().ok()?,
        hash: location.hash().ok()?,
    };
    let target = crate::paths::LinkParts {
        origin: link.origin(),
        pathname: link.pathname(),
        search: link.search(),
        hash: link.hash(),
    };
    Some((page, target))
}
