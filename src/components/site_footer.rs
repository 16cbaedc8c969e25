use leptos::prelude::*;

/// The footer of every page: the link to the accessibility statement, which
/// Israeli law requires every page to reach (issue 24 §4). Under the router's
/// base, so a site published under a sub-path (`/news/`) links to its own.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let statement = expect_context::<crate::paths::Paths>().accessibility();
    view! {
        <footer class="site-footer">
            <a href=statement>{crate::accessibility::TITLE}</a>
        </footer>
    }
}
