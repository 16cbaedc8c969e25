use leptos::prelude::*;

use crate::dom::on_window;

/// "No connection" while the browser is offline: what is on screen is what was
/// kept (by the page, or by the service worker for a page opened offline), and it
/// will be brought up to date when the connection is back.
#[component]
pub fn OfflineNotice() -> impl IntoView {
    // Published pages (rendered natively) are drawn online.
    let online = RwSignal::new(true);
    if cfg!(target_arch = "wasm32") {
        online.set(window().navigator().on_line());
    }
    on_window(leptos::ev::online, move |_| online.set(true));
    on_window(leptos::ev::offline, move |_| online.set(false));
    view! {
        <Show when=move || !online.get()>
            <p class="offline-notice" role="status">
                "אין חיבור לאינטרנט. מוצגים המבזקים והכתבות שנשמרו; נעדכן כשהחיבור יחזור."
            </p>
        </Show>
    }
}
