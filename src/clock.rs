//! One shared "now" that ticks every 30 seconds, for relative times and the stale
//! notice, instead of a timer per row.

use std::time::Duration;

use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Clock(pub RwSignal<i64>);

pub fn provide_clock() {
    let now = RwSignal::new(crate::time::now_ms());
    let _ = set_interval_with_handle(
        move || now.set(crate::time::now_ms()),
        Duration::from_secs(30),
    );
    provide_context(Clock(now));
}
