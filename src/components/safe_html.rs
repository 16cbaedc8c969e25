use leptos::prelude::*;

/// Untrusted HTML, rebuilt from the sanitizer's allowlist (never through `inner_html`).
#[component]
pub fn SafeHtml(
    #[prop(into)] html: Signal<String>,
    /// What relative URLs inside resolve against (an item's: `feed::base::item_base`).
    #[prop(into)]
    base_url: Signal<String>,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let holder = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let Some(holder) = holder.get() else {
            return;
        };
        let html = html.get();
        let base = base_url.get();
        holder.set_text_content(None);
        #[cfg(target_arch = "wasm32")]
        {
            let _ = holder.append_child(&crate::html::sanitize(&html, &base));
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (html, base);
    });
    view! { <div class=class node_ref=holder></div> }
}
