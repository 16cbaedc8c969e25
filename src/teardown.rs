//! A long page's teardown, after the browser has painted the page that
//! replaced it.
//!
//! When the reader follows a link, the router builds the new page, swaps it in
//! and drops the old one, all before the browser paints: the old page's view
//! (every row's elements, effects and listeners) and then its reactive owner
//! (their signals and cleanups). For the home page the view's drop alone took
//! about 10 ms of a click at 4× CPU under Chromium's sampling profiler (`make
//! bench` group `published`'s click), and V8 compiled some 130 functions of
//! drop code for it at the click (its `wasm.CompileLazy` trace events): time
//! the reader waits for although nothing of it shows. [`LaterTeardown`] takes the page's nodes out of the document at once,
//! as any view does, pauses the page's owner so that none of its effects runs
//! for a page that is gone, and drops the rest in a task after the next paint
//! (`after_paint::after_next_paint`).
//!
//! Natively (the publish-time renderer) a page is written out and dropped at
//! once: nothing is painted, and nothing waits.

use leptos::prelude::*;
use leptos::tachys::html::attribute::any_attribute::AnyAttribute;
use leptos::tachys::html::attribute::Attribute;
use leptos::tachys::hydration::Cursor;
use leptos::tachys::renderer::types::{Element, Node};
use leptos::tachys::ssr::StreamBuilder;
use leptos::tachys::view::add_attr::AddAnyAttr;
use leptos::tachys::view::any_view::{AnyView, AnyViewState};
use leptos::tachys::view::{Mountable, Position, PositionState, Render, RenderHtml};

/// Builds a page that a reactive closure draws and later swaps for another
/// (`move || match …`: an article for the same one come back into the feed,
/// or for "not found") under an owner of its own, a child of `page` (the
/// route's owner, which outlives the closure's runs). When the closure runs
/// again, that owner is paused, and dropped (its signals disposed, its
/// cleanups run) after the next paint.
///
/// Built under the closure's own run, the page's signals were disposed at the
/// start of the next run, before the old page was dropped; and a render effect
/// of the old page that the same change had notified (one that reads the
/// feed's entries, as the links to the neighbouring articles do) still ran
/// once after its page was dropped (reactive_graph 0.2.16: the effect's task
/// takes the queued notification), read a disposed signal and panicked, which
/// stopped the app (found by a fresh tester: an article that left the feed
/// and came back; `publish.spec.js`). A paused owner's effects do not run.
pub fn owned_past_its_swap<V>(page: &Owner, build: impl FnOnce() -> V) -> V {
    let owner = page.child();
    let view = owner.with(build);
    on_cleanup(move || {
        // Natively a page is written out and dropped at once (the module's doc).
        if cfg!(target_arch = "wasm32") {
            owner.pause();
            crate::after_paint::after_next_paint(move || drop(owner));
        }
    });
    view
}

/// A page's view whose teardown waits for the next paint (the module's doc).
/// Built with [`later_teardown`]. Type-erased (`AnyView`), as the router's
/// routes are, so that it holds any page.
pub struct LaterTeardown(AnyView);

/// Wraps a page's view so that its teardown waits for the next paint.
pub fn later_teardown(view: AnyView) -> LaterTeardown {
    LaterTeardown(view)
}

/// The view's state and the owner it was built under, held until the view is
/// dropped, then let go after the next paint.
pub struct LaterTeardownState {
    state: Option<AnyViewState>,
    owner: Option<Owner>,
}

impl LaterTeardownState {
    fn new(state: AnyViewState) -> Self {
        Self {
            state: Some(state),
            owner: Owner::current(),
        }
    }
}

impl Drop for LaterTeardownState {
    fn drop(&mut self) {
        if !cfg!(target_arch = "wasm32") {
            return;
        }
        let state = self.state.take();
        let owner = self.owner.take();
        if let Some(owner) = &owner {
            owner.pause();
        }
        // The view's state first, then its owner's cleanups: the order the
        // router's own teardown keeps (tachys' `OwnedViewState`).
        crate::after_paint::after_next_paint(move || {
            drop(state);
            drop(owner);
        });
    }
}

impl Render for LaterTeardown {
    type State = LaterTeardownState;

    fn build(self) -> Self::State {
        LaterTeardownState::new(self.0.build())
    }

    fn rebuild(self, state: &mut Self::State) {
        match &mut state.state {
            Some(inner) => self.0.rebuild(inner),
            None => state.state = Some(self.0.build()),
        }
    }
}

impl AddAnyAttr for LaterTeardown {
    type Output<SomeNewAttr: Attribute> = LaterTeardown;

    fn add_any_attr<NewAttr: Attribute>(self, attr: NewAttr) -> Self::Output<NewAttr>
    where
        Self::Output<NewAttr>: RenderHtml,
    {
        LaterTeardown(self.0.add_any_attr(attr).into_any())
    }
}

impl RenderHtml for LaterTeardown {
    type AsyncOutput = LaterTeardown;
    type Owned = LaterTeardown;

    const MIN_LENGTH: usize = 0;

    fn dry_resolve(&mut self) {
        self.0.dry_resolve();
    }

    async fn resolve(self) -> Self::AsyncOutput {
        LaterTeardown(self.0.resolve().await)
    }

    fn to_html_with_buf(
        self,
        buf: &mut String,
        position: &mut Position,
        escape: bool,
        mark_branches: bool,
        extra_attrs: Vec<AnyAttribute>,
    ) {
        self.0
            .to_html_with_buf(buf, position, escape, mark_branches, extra_attrs);
    }

    fn to_html_async_with_buf<const OUT_OF_ORDER: bool>(
        self,
        buf: &mut StreamBuilder,
        position: &mut Position,
        escape: bool,
        mark_branches: bool,
        extra_attrs: Vec<AnyAttribute>,
    ) where
        Self: Sized,
    {
        self.0.to_html_async_with_buf::<OUT_OF_ORDER>(
            buf,
            position,
            escape,
            mark_branches,
            extra_attrs,
        );
    }

    fn hydrate<const FROM_SERVER: bool>(
        self,
        cursor: &Cursor,
        position: &PositionState,
    ) -> Self::State {
        LaterTeardownState::new(self.0.hydrate::<FROM_SERVER>(cursor, position))
    }

    async fn hydrate_async(self, cursor: &Cursor, position: &PositionState) -> Self::State {
        LaterTeardownState::new(self.0.hydrate_async(cursor, position).await)
    }

    fn into_owned(self) -> Self::Owned {
        self
    }
}

impl Mountable for LaterTeardownState {
    fn unmount(&mut self) {
        if let Some(state) = &mut self.state {
            state.unmount();
        }
    }

    fn mount(&mut self, parent: &Element, marker: Option<&Node>) {
        if let Some(state) = &mut self.state {
            state.mount(parent, marker);
        }
    }

    fn try_mount(&mut self, parent: &Element, marker: Option<&Node>) -> bool {
        match &mut self.state {
            Some(state) => state.try_mount(parent, marker),
            None => false,
        }
    }

    fn insert_before_this(&self, child: &mut dyn Mountable) -> bool {
        self.state
            .as_ref()
            .is_some_and(|state| state.insert_before_this(child))
    }

    fn elements(&self) -> Vec<Element> {
        self.state
            .as_ref()
            .map(Mountable::elements)
            .unwrap_or_default()
    }
}
