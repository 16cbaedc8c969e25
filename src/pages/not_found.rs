use leptos::prelude::*;

use crate::config::Config;
use crate::page_meta::page_meta;

/// The Hebrew not-found page, for unknown routes and unknown article ids.
#[component]
pub fn NotFound() -> impl IntoView {
    let site = expect_context::<Config>().site_name;
    let home = expect_context::<crate::paths::Paths>().home();
    page_meta(move || crate::page_head::not_found(&site));
    view! {
        <section class="not-found">
            <h1 tabindex="-1">"הדף לא נמצא"</h1>
            <p>"ייתכן שהכתובת שגויה או שהכתבה הוסרה."</p>
            <p><a href=home>"חזרה לעמוד הראשי"</a></p>
        </section>
    }
}
