use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use super::links::EmbedLinks;
use crate::clock::provide_clock;
use crate::components::ticker::Ticker;
use crate::config::{Config, TickerMode};
use crate::dom::{observe_resize, on_window};
use crate::embed::{
    feed_is_allowed, parse_options, refused_feed_message, EmbedOptions, LIVE_OPTIONS,
};
use crate::feed::source::FeedSource;
use crate::http::{document_base, resolve_url};
use crate::paths::{base_path, Paths};
use crate::shared::{HEIGHT_MESSAGE, SET_MESSAGE};
use crate::theme::apply_theme;
use crate::ticker_text::TickerText;

/// `embed.html`: only the ticker, for an iframe on someone else's page. It sizes
/// itself through `postMessage` to the exact parent origin, takes theme and mode
/// changes from that origin only, and needs no cookies and no storage.
#[component]
pub fn EmbedTicker(mut config: Config, options: EmbedOptions) -> impl IntoView {
    if let Some(feed) = &options.feed {
        let feed = resolve_url(feed, &document_base());
        let page_origin = window().location().origin().unwrap_or_default();
        // Refused before any request: the site's policy would block it anyway.
        if feed_is_allowed(&feed, &page_origin, &config.feed_url, &config.embed_feeds) {
            config.feed_url = feed;
        } else {
            crate::log::error(&refused_feed_message(&feed));
        }
    }
    if let Some(count) = options.count {
        config.ticker.count = count;
    }
    if let Some(speed) = options.speed {
        config.ticker.speed = speed;
    }
    let mode = RwSignal::new(options.mode.unwrap_or(config.ticker.mode));
    let root = document().document_element();
    if let Some(root) = &root {
        let _ = root.set_attribute("data-embed", "");
        let _ = root.set_attribute("lang", options.language.tag());
        let _ = root.set_attribute("dir", options.language.dir());
    }
    apply_theme(options.theme);
    apply_styles(&options.styles);

    provide_clock();
    provide_context(TickerText::for_language(options.language));
    let base = base_path(&document_base());
    provide_context(Paths::new(base));
    provide_context(EmbedLinks {
        origin: window().location().origin().unwrap_or_default(),
        target: options.target,
    });
    let source = FeedSource::start(
        config.feed_url.clone(),
        config.poll_seconds,
        config.feed_date_rules(),
    );
    provide_context(source);
    crate::takeover::reveal_when_loaded(source);
    provide_context(config);

    if let Some(parent) = options.parent.clone() {
        listen_to_host(parent.clone(), options.id, mode);
        report_height(parent, options.id);
    } else {
        crate::log::warn("embed: no valid parent origin; the iframe cannot size itself");
    }
    view! { <main class="embed"><Ticker mode=Signal::from(mode) standalone=true/></main> }
}

fn apply_styles(styles: &[(&'static str, String)]) {
    let Some(root) = document()
        .document_element()
        .and_then(|r| r.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    for (property, value) in styles {
        let _ = root.style().set_property(property, value);
    }
}

/// Theme and mode changes from the host page (`MivzakTicker.set`), and nothing from
/// any other window or origin.
fn listen_to_host(parent: String, id: u32, mode: RwSignal<TickerMode>) {
    on_window(leptos::ev::message, move |event: web_sys::MessageEvent| {
        let from_parent = window()
            .parent()
            .ok()
            .flatten()
            .zip(event.source())
            .is_some_and(|(parent_window, source)| js_sys::Object::is(&parent_window, &source));
        if event.origin() != parent || !from_parent {
            return;
        }
        let data = event.data();
        let get = |object: &JsValue, key: &str| js_sys::Reflect::get(object, &key.into()).ok();
        if get(&data, "type").and_then(|t| t.as_string()).as_deref() != Some(SET_MESSAGE)
            || get(&data, "id").and_then(|i| i.as_f64()) != Some(f64::from(id))
        {
            return;
        }
        let Some(changes) = get(&data, "options") else {
            return;
        };
        let text = |key: &str| get(&changes, key).and_then(|v| v.as_string());
        let pairs: Vec<(String, String)> = LIVE_OPTIONS
            .iter()
            .filter_map(|key| text(key).map(|value| (key.to_string(), value)))
            .collect();
        let options = parse_and_warn(&pairs);
        if text("theme").is_some() {
            apply_theme(options.theme);
        }
        if let Some(new_mode) = options.mode {
            mode.set(new_mode);
        }
        apply_styles(&options.styles);
    });
}

/// Tells the host the height of the content whenever it changes.
fn report_height(parent: String, id: u32) {
    let post = move || {
        let Some(body) = document().body() else {
            return;
        };
        let height = body.get_bounding_client_rect().height().ceil();
        // Before the flashes are in, the page is empty: an iframe shrunk to
        // nothing is never laid out again in WebKit, so it would stay at 0.
        if height < 1.0 {
            return;
        }
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
        let _ = js_sys::Reflect::set(&message, &"id".into(), &f64::from(id).into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        // What `embed.js` may change in place; for any other option it loads the
        // frame again.
        let live: js_sys::Array = LIVE_OPTIONS
            .iter()
            .map(|name| JsValue::from(*name))
            .collect();
        let _ = js_sys::Reflect::set(&message, &"live".into(), &live);
        if let Ok(Some(host)) = window().parent() {
            let _ = host.post_message(&message, &parent);
        }
    };
    if let Some(body) = document().body() {
        observe_resize(&[&body], post);
    }
}

/// The entry point of `embed.html`, the page in the iframe: only the ticker,
/// without the router, the articles and the comments, so its wasm stays small.
pub fn start() {
    let options = options_from_query().unwrap_or_else(|| {
        crate::log::warn("embed: could not read the page's query; using defaults");
        parse_and_warn(&[])
    });
    crate::mount::mount_with_config(move |config| view! { <EmbedTicker config options/> });
}

/// The iframe's options, from its query string.
fn options_from_query() -> Option<EmbedOptions> {
    let location = window().location();
    let query = web_sys::UrlSearchParams::new_with_str(&location.search().ok()?).ok()?;
    let mut pairs = Vec::new();
    let entries = js_sys::try_iter(&query).ok()??;
    for entry in entries.flatten() {
        let pair: js_sys::Array = entry.unchecked_into();
        if let (Some(key), Some(value)) = (pair.get(0).as_string(), pair.get(1).as_string()) {
            pairs.push((key, value));
        }
    }
    Some(parse_and_warn(&pairs))
}

/// Options from key-value pairs (the query, or a host's `MivzakTicker.set`); what
/// is invalid falls back, with a console warning.
fn parse_and_warn(pairs: &[(String, String)]) -> EmbedOptions {
    let (options, warnings) = parse_options(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    for warning in warnings {
        crate::log::warn(&warning);
    }
    options
}
