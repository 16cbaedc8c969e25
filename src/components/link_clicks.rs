use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use web_sys::MouseEvent;

use crate::dom::on_document;
use crate::paths::Paths;

/// Routes clicks on the app's own links (it draws no link): follows them with
/// their paths exactly as written. leptos_router
/// 0.8's click handler would `decodeURI` the path before putting it in the address
/// bar, so `/article/a%2525` came back as the id "a%" after a reload (see
/// `paths.rs`). This listener sits on the document, so it runs before the
/// router's on the window, and leaves it every click it does not take: modified
/// or middle clicks, links with a target, a download or `rel="external"`, and
/// links out of the app.
#[component]
pub fn LinkClicks() -> impl IntoView {
    let navigate = use_navigate();
    let paths = expect_context::<Paths>();
    on_document(leptos::ev::click, move |event: MouseEvent| {
        let Some((path, scroll)) = own_path(&event, &paths) else {
            return;
        };
        event.prevent_default();
        let options = NavigateOptions {
            // The path already carries the base; resolving would add it again.
            resolve: false,
            scroll,
            ..NavigateOptions::default()
        };
        navigate(&path, options);
    });
}

/// The in-app path a plain click on a link should go to, as `Paths::own_link`
/// decides, and whether the page then scrolls to the top (as the router's own
/// handler, unless the link says `noscroll`).
fn own_path(event: &MouseEvent, paths: &Paths) -> Option<(String, bool)> {
    let plain = !event.default_prevented()
        && event.button() == 0
        && !(event.meta_key() || event.alt_key() || event.ctrl_key() || event.shift_key());
    if !plain {
        return None;
    }
    let link = crate::dom::link_of(event)?;
    let external = link
        .get_attribute("rel")
        .is_some_and(|rel| rel.split_ascii_whitespace().any(|r| r == "external"));
    if !link.target().is_empty() || link.has_attribute("download") || external {
        return None;
    }
    let (page, target) = crate::dom::page_and_link_parts(&link)?;
    let scroll = !(link.has_attribute("noscroll") || link.has_attribute("data-noscroll"));
    Some((paths.own_link(&page, &target)?, scroll))
}
