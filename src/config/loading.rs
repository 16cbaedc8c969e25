//! Fetching `config.json` beside `index.html`. Never fails: without it the
//! compiled-in defaults serve, with a console warning.

use super::{parse, Config};
use crate::http::{self, Ask};
use crate::{log, time};

/// The config, with `feed_url`, `comments_url` and `embed_feeds` made absolute
/// against the config file's own URL.
pub async fn load() -> Config {
    let url =
        super::config_file_url(&http::document_base()).unwrap_or_else(|| "config.json".into());
    let mut config = match http::send(Ask::get(&url)).await {
        Ok(answer) => {
            let parsed = parse(&answer.text());
            for warning in &parsed.warnings {
                log::warn(warning);
            }
            parsed.config
        }
        Err(error) => {
            log::warn(&format!(
                "config.json could not be loaded ({error:?}); using defaults"
            ));
            Config::default()
        }
    };
    if !time::zone_is_valid(&config.time_zone) {
        log::warn(&format!(
            "config.json: unknown time_zone {:?}; using {}",
            config.time_zone,
            crate::shared::DEFAULT_TIME_ZONE
        ));
        config.time_zone = crate::shared::DEFAULT_TIME_ZONE.into();
    }
    config.feed_url = super::resolve_against_config(&config.feed_url, &url);
    // In the browser's own spelling, which `embed::feed_is_allowed` compares.
    for entry in &mut config.embed_feeds {
        *entry = super::resolve_against_config(entry, &url);
    }
    config.comments_url = config.comments_url.map(|u| {
        super::resolve_against_config(&u, &url)
            .trim_end_matches('/')
            .to_owned()
    });
    config
}
