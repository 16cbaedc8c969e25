use leptos::prelude::*;
use leptos_router::components::A;

use crate::config::Config;

/// The site's name, linking home; the same shell index.html shows before the app loads.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let name = expect_context::<Config>().site_name;
    view! {
        <header class="site-header">
            <A href="/" attr:class="site-name">{name}</A>
        </header>
    }
}
