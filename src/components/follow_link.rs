use leptos::prelude::*;

use crate::config::Config;

/// "Follow us on Facebook", when the config names a page.
#[component]
pub fn FollowLink() -> impl IntoView {
    expect_context::<Config>().facebook_url.map(|url| {
        view! {
            <p class="follow">
                <a href=url rel="noopener" target="_blank">"עקבו אחרינו ב"<bdi>"פייסבוק"</bdi></a>
            </p>
        }
    })
}
