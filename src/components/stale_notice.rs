use leptos::prelude::*;

use super::redrawn_text::RedrawnText;
use crate::clock::Clock;
use crate::feed::source::FeedSource;
use crate::time;

/// A quiet warning, while polls fail, that the flashes shown may be out of date.
#[component]
pub fn StaleNotice() -> impl IntoView {
    let source = expect_context::<FeedSource>();
    let now = expect_context::<Clock>();
    let zone = expect_context::<crate::config::Config>().time_zone;
    let ago = Memo::new(move |_| {
        source.failing.with(Option::is_some).then_some(())?;
        let last_ok = source.last_ok_ms.get()? as i64;
        // The clock only ticks the notice along; the age is read fresh each time.
        Some(time::relative(last_ok, now.now_ms(), &zone))
    });
    view! {
        <Show when=move || ago.with(Option::is_some)>
            <p class="stale" role="status">
                <span aria-hidden="true">"⚠ "</span>
                "ייתכן שהמבזקים אינם עדכניים · עודכן "
                <RedrawnText text=Signal::derive(move || ago.get().unwrap_or_default())/>
            </p>
        </Show>
    }
}
