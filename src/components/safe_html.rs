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
    // Natively (the publish-time renderer), the same policy writes HTML
    // (`html::native_walk`), which the page carries as the div's content.
    #[cfg(not(target_arch = "wasm32"))]
    {
        let site_url = use_context::<crate::config::Config>().and_then(|c| c.site_url);
        let origin = crate::http::page_origin(site_url.as_deref());
        let sanitized =
            move || crate::html::sanitize_to_html(&html.get(), &base_url.get(), &origin);
        view! { <div class=class inner_html=sanitized></div> }
    }
    #[cfg(target_arch = "wasm32")]
    {
        browser_view(html, base_url, class)
    }
}

/// In the browser: rebuilt node by node (`html::walk`), never through `inner_html`.
#[cfg(target_arch = "wasm32")]
fn browser_view(
    html: Signal<String>,
    base_url: Signal<String>,
    class: &'static str,
) -> impl IntoView {
    let holder = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let Some(holder) = holder.get() else {
            return;
        };
        let html = html.get();
        let base = base_url.get();
        holder.set_text_content(None);
        let _ = holder.append_child(&crate::html::sanitize(&html, &base));
    });
    view! { <div class=class node_ref=holder></div> }
}
