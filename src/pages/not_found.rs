use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::config::Config;

/// The Hebrew not-found page, for unknown routes and unknown article ids.
#[component]
pub fn NotFound() -> impl IntoView {
    let site = expect_context::<Config>().site_name;
    let home = expect_context::<crate::routes::Paths>().home();
    view! {
        <Title text=format!("הדף לא נמצא – {site}")/>
        <section class="not-found">
            <h1 tabindex="-1">"הדף לא נמצא"</h1>
            <p>"ייתכן שהכתובת שגויה או שהכתבה הוסרה."</p>
            <p><A href=home>"חזרה לעמוד הראשי"</A></p>
        </section>
    }
}
