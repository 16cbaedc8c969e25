//! How the app takes over the page it was given: the view `mount` built hidden
//! beside `#app` is swapped in, in one frame, once the first poll has answered
//! and the page's chunk is in. A published page stays as it was published for
//! as long as the app has nothing of what it shows (`app_has_nothing_for`).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use crate::feed::source::{FeedSource, LoadState};
use crate::scroll_anchor::with_scroll_anchored;

/// Whether a control that only the app can work (the text size, the colour
/// scheme, the ticker's pause) is drawn `disabled`: so it is on a published
/// page (`mivzak-render` draws natively), where until the app takes the page
/// over, and with JavaScript off ever, pressing it would do nothing and the
/// choice would be lost. The app draws its own page with them enabled.
pub const WAITS_FOR_THE_APP: bool = !cfg!(target_arch = "wasm32");

/// What a page shows of the feed: the home page's flashes, an article, a tag
/// page's cards. The published page and the app's are compared by it.
const CONTENT: &str = "main .flashes .flash, main article.article, main .article-card";

/// Swaps the app in for the page it was given once the first poll has
/// answered, in one frame: a published page already shows the flashes, and the
/// app's own first frame, still loading, must not replace them with a skeleton.
///
/// A published page is the last good copy of what it shows: while the app has
/// nothing of it (`app_has_nothing_for`: the first poll failed, the article or
/// tag has left the feed, the page's chunk did not load) it stays, its links
/// followed by the browser. After a failed poll the app waits, hidden, and each
/// later poll looks again (a feed back up takes over as a first poll would);
/// when the feed answered without it, or the chunk failed, the app's page is
/// dropped for good. The shell says so with `data-kept`.
pub fn reveal_when_loaded(source: FeedSource) {
    // While the published page is kept: a click stops before the router's
    // listeners, so the browser follows the page's own links.
    let follow: Rc<RefCell<Option<crate::dom::Listener>>> = Rc::default();
    let done = Rc::new(Cell::new(false));
    let scheduled = Rc::new(Cell::new(false));
    Effect::new(move |_| {
        // Every answer of the feed (a failure, then a later good poll), and the
        // page's own chunk: swapped in while it is still on its way, a
        // published article would give way to nothing.
        let ready = source.state.get() != LoadState::Loading;
        source.last_ok_ms.track();
        let chunks_in = crate::chunks::loads_pending() == 0;
        if done.get() || !ready || !chunks_in || scheduled.replace(true) {
            return;
        }
        // Compared in a task of its own, not here: the app's page is drawn by
        // effects of its own, which may run after this one (in microtasks), and
        // a page not drawn yet would read as having nothing, dropped for good.
        // A task, not an animation frame, which a hidden tab never runs. The
        // swap itself is one step, so it still shows in one frame.
        let (follow, done, scheduled) = (follow.clone(), done.clone(), scheduled.clone());
        set_timeout(
            move || {
                scheduled.set(false);
                if !done.get() {
                    done.set(decide(source, &follow));
                }
            },
            std::time::Duration::ZERO,
        );
    });
}

/// The takeover's decision once the feed has answered and the chunks are in:
/// swap, keep the published page for now (a failed poll: `false`, a later poll
/// looks again), or keep it for good. `true` once nothing is left to decide.
fn decide(source: FeedSource, follow: &RefCell<Option<crate::dom::Listener>>) -> bool {
    let state = source.state.get_untracked();
    // Changed since it was scheduled (a retry under way, a chunk asked for):
    // the effect schedules it again when that settles.
    if state == LoadState::Loading || crate::chunks::loads_pending() > 0 {
        return false;
    }
    let Some(shell) = document().get_element_by_id("app") else {
        return true;
    };
    let Some(root) = shell
        .next_element_sibling()
        .and_then(|root| root.dyn_into::<HtmlElement>().ok())
    else {
        return true;
    };
    if app_has_nothing_for(&shell, &root) {
        if follow.borrow().is_none() {
            let _ = shell.set_attribute("data-kept", "");
            follow.replace(Some(crate::dom::Listener::new(
                &window(),
                "click",
                true,
                Box::new(|event: web_sys::Event| {
                    // The reader's controls are the app's own even on a page
                    // kept for good (`keep_reader_controls`).
                    let on_controls = event
                        .target()
                        .and_then(|target| target.dyn_into::<Element>().ok())
                        .and_then(|target| target.closest(READER_CONTROLS).ok().flatten())
                        .is_some();
                    if !on_controls {
                        event.stop_immediate_propagation();
                    }
                }),
            )));
        }
        if let LoadState::Failed(error) = state {
            crate::log::warn(&format!(
                "the feed did not answer ({error}): the published page stays until it does"
            ));
            // Hidden, the app waits for a later poll.
            return false;
        }
        // The feed answered without it (it has left the feed), or a part of
        // the app did not load: the app will not come back to this page.
        crate::log::warn("the app has nothing of what this published page shows: it stays");
        keep_reader_controls(&shell, &root);
        root.remove();
        // Held for as long as the page; not the effect's to remove.
        std::mem::forget(follow.take());
        return true;
    }
    follow.take();
    swap(&shell, &root, source);
    true
}

/// The reader's controls, in the site's header (`ReaderControls`).
const READER_CONTROLS: &str = ".reader-controls";

/// Puts the app's own reader controls (text size, colour scheme) in place of
/// the disabled ones of a published page it leaves in place for good (an
/// article that left the feed before the reader came, from a link shared
/// yesterday): the reader can still make the text larger. They go on working
/// there: their listeners and signals are the app's, which lives on without
/// its page.
fn keep_reader_controls(shell: &Element, root: &Element) {
    let (Ok(Some(live)), Ok(Some(published))) = (
        root.query_selector(READER_CONTROLS),
        shell.query_selector(READER_CONTROLS),
    ) else {
        return;
    };
    let _ = published.replace_with_with_node_1(&live);
}

/// Whether the published page `shell` shows content (`CONTENT`) of which the
/// app's page `root` shows none: an error, a "not found", an empty list.
fn app_has_nothing_for(shell: &Element, root: &Element) -> bool {
    let shows = |page: &Element| page.query_selector(CONTENT).ok().flatten().is_some();
    shows(shell) && !shows(root)
}

/// Puts the app's page `root` where the page it was given (`shell`) was, in
/// one frame, with the reader's open rows and focus carried over.
fn swap(shell: &Element, root: &HtmlElement, source: FeedSource) {
    crate::components::flash_more::carry_open_rows(shell, root);
    let focused = document()
        .active_element()
        .filter(|active| shell.contains(Some(active)));
    shell.remove();
    root.set_id("app");
    root.set_hidden(false);
    crate::after_paint::app_shown();
    // Focus on the page given (a reader who tabbed before the app came) moves to
    // the same control of the app's page, where the next Tab goes on from.
    if let Some(again) =
        focused.and_then(|old| crate::row_focus::same_control_in(shell, &old, root))
    {
        crate::row_focus::focus_in_place(&again);
    }
    let root = root.clone();
    // Flashes newer than the page's come in once the swapped-in page is
    // painted, as a poll's do.
    leptos::task::spawn_local(async move {
        crate::after_paint::next_paint().await;
        with_scroll_anchored(move || source.release_held()).await;
        // The app is live in place of the page it was given: scripts and
        // tests that watch rows wait for this (`#app[data-live]`).
        let _ = root.set_attribute("data-live", "");
    });
}
