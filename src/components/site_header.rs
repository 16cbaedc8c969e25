use leptos::prelude::*;

use crate::config::Config;

/// The site's name, linking home, and the reader's controls (text size, colour
/// scheme); the same shell index.html shows before the app loads.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let name = expect_context::<Config>().site_name;
    let home = expect_context::<crate::paths::Paths>().home();
    view! {
        <header class="site-header">
            <a href=home class="site-name">{name}</a>
            <crate::components::reader_controls::ReaderControls/>
        </header>
    }
}
