use leptos::prelude::*;

use crate::config::Config;
use crate::time;

/// "HH:MM" in the configured zone, isolated left-to-right so it never reads "02:14",
/// and before it, for a time that is not from today there, its day in an isolated
/// element of its own: "אתמול", "יום שלישי", "24 בנובמבר", "24 בנובמבר 2025"
/// ([`time::day_label`]). The day follows the shared clock, so a page left open
/// overnight moves its flashes to "אתמול" at midnight.
#[component]
pub fn TimeLabel(#[prop(into)] ms: Signal<Option<i64>>) -> impl IntoView {
    let zone = expect_context::<Config>().time_zone;
    let now = crate::clock::now_ms;
    // Today in the zone: it changes at midnight there, not with every tick, so a
    // label is only worked out again when its day may have changed.
    let today = Memo::new({
        let zone = zone.clone();
        move |_| time::civil_date(now(), &zone)
    });
    let day = Memo::new({
        let zone = zone.clone();
        move |_| time::day_beside_time(ms.get()?, today.get(), &zone)
    });
    move || {
        ms.get().map(|ms| {
            let ms = time::clamp_to_now(ms, untrack(now));
            view! {
                {move || day.get().map(|day| view! { <span class="day" dir="rtl">{day}</span>" " })}
                <time class="clock" dir="ltr" datetime=time::iso(ms)>
                    {time::format_clock(ms, &zone)}
                </time>
            }
        })
    }
}
