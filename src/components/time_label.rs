use leptos::prelude::*;

use crate::config::Config;
use crate::time;

/// "HH:MM" in the configured zone, isolated left-to-right so it never reads "02:14".
#[component]
pub fn TimeLabel(#[prop(into)] ms: Signal<Option<i64>>) -> impl IntoView {
    let zone = expect_context::<Config>().time_zone;
    move || {
        ms.get().map(|ms| {
            let ms = time::clamp_to_now(ms, time::now_ms());
            view! {
                <time class="clock" dir="ltr" datetime=time::iso(ms)>
                    {time::format_clock(ms, &zone)}
                </time>
            }
        })
    }
}
