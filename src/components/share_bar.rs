use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::share::{share_links, shared_headline};

/// Share links (plain links, no third-party script), copy-link, and the Web Share API where there is one.
/// The headline keeps its direction in what is shared (`share::shared_headline`,
/// `dir` the article's: `Article::direction`). `url` is `share::flash_address`'s,
/// the one a row's menu shares; `None` (a page rendered without `site_url`)
/// leaves the links out, for the app to draw.
#[component]
pub fn ShareBar(
    #[prop(into)] url: Signal<Option<String>>,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] dir: Signal<&'static str>,
) -> impl IntoView {
    let copied = RwSignal::new(false);
    let copy = move |_| {
        let clipboard = window().navigator().clipboard();
        let promise = clipboard.write_text(&url.get_untracked().unwrap_or_default());
        leptos::task::spawn_local(async move {
            copied.set(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
        });
    };
    // Not on a page rendered natively: the button comes with the app where the browser has it.
    let can_share = cfg!(target_arch = "wasm32")
        && js_sys::Reflect::has(&window().navigator(), &"share".into()).unwrap_or(false);
    let share = move |_| {
        let data = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&data, &"title".into(), &title.get_untracked().into());
        let text = shared_headline(&title.get_untracked(), dir.get_untracked());
        let _ = js_sys::Reflect::set(&data, &"text".into(), &text.into());
        let _ = js_sys::Reflect::set(
            &data,
            &"url".into(),
            &url.get_untracked().unwrap_or_default().into(),
        );
        let navigator = window().navigator();
        if let Ok(share) = js_sys::Reflect::get(&navigator, &"share".into()) {
            if let Ok(share) = share.dyn_into::<js_sys::Function>() {
                // A cancelled share rejects; there is nothing to tell the reader.
                let _ = share.call1(&navigator, &data);
            }
        }
    };
    view! {
        <nav class="share" aria-label="שיתוף הכתבה">
            <ul>
                {move || url.get().map(|url| share_links(&url, &title.get(), dir.get())).unwrap_or_default().into_iter().map(|link| view! {
                    <li><a class=format!("share-{}", link.service) href=link.href target="_blank" rel="noopener noreferrer">{link.label}</a></li>
                }).collect_view()}
                <li><button type="button" class="share-copy" on:click=copy>
                    {move || if copied.get() { "הקישור הועתק" } else { "העתקת קישור" }}
                </button></li>
                {can_share.then(|| view! { <li><button type="button" class="share-native" on:click=share>"שיתוף…"</button></li> })}
            </ul>
        </nav>
    }
}
