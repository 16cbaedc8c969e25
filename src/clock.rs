//! One shared "now" that ticks every 30 seconds, for relative times and the stale
//! notice, instead of a timer per row.

use std::time::Duration;

use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Clock(pub RwSignal<i64>);

impl Clock {
    /// Now, in milliseconds since the Unix epoch, for what a view draws: in the
    /// browser the clock read fresh (the signal, tracked here, only makes the
    /// view follow its ticks); on a published page (`publish::render`) the
    /// run's own "now", so a page renders the same every time.
    pub fn now_ms(self) -> i64 {
        let ticked = self.0.get();
        if cfg!(target_arch = "wasm32") {
            crate::time::now_ms()
        } else {
            ticked
        }
    }
}

/// [`Clock::now_ms`] of the page's clock, or the browser's where none is provided.
pub fn now_ms() -> i64 {
    use_context::<Clock>().map_or_else(crate::time::now_ms, Clock::now_ms)
}

pub fn provide_clock() {
    let now = RwSignal::new(crate::time::now_ms());
    // The clock is the owner's (the app's or the embed's, as long as the page).
    if let Ok(ticks) = set_interval_with_handle(
        move || now.set(crate::time::now_ms()),
        Duration::from_secs(30),
    ) {
        on_cleanup(move || ticks.clear());
    }
    provide_context(Clock(now));
}
