//! `mivzak-render`: every page of the site as static HTML, at publish time.
//!
//! ```text
//! mivzak-render --dist DIR [--feed PATH_OR_URL] [--watch SECONDS]
//! ```
//!
//! Reads `DIR/config.json` and the feed it names (or `--feed`), writes the
//! home page, `article/<id>/index.html`, `tag/<tag>/index.html`, the sitemaps
//! and `robots.txt` into DIR, rewriting only files whose content changed.
//! Exits 1 with a message on a broken config, feed or shell, leaving DIR as it
//! was; 2 on a wrong command line. "Now" is the clock, or `SOURCE_DATE_EPOCH`
//! (seconds; reproducible-builds.org) when set. `--watch` polls the feed every
//! SECONDS with a conditional GET and renders again when it changed.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(native::main());
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::path::PathBuf;
    use std::time::Duration;

    use mivzak::publish::fetch::{get_if_changed, is_http_url, FeedBody, Validators};
    use mivzak::publish::run::{feed_name, run_with_feed, Options, Report, RunError};

    const USAGE: &str = "usage: mivzak-render --dist DIR [--feed PATH_OR_URL] [--watch SECONDS]";

    pub fn main() -> i32 {
        let (options, watch) = match parse_args(std::env::args().skip(1)) {
            Ok(parsed) => parsed,
            Err(message) if message == "help" => {
                println!("{USAGE}\n\nSee README.md, \"Publish-time HTML\".");
                return 0;
            }
            Err(message) => {
                eprintln!("mivzak-render: {message}\n{USAGE}");
                return 2;
            }
        };
        let Some(seconds) = watch else {
            return finish(run_with_feed(&options, None));
        };
        let name = match feed_name(&options) {
            Ok(name) => name,
            Err(error) => return finish(Err(error)),
        };
        let mut validators = Validators::default();
        let mut modified = None;
        let (mut failed, mut last_text) = (false, None::<FeedBody>);
        loop {
            let options = Options {
                now_ms: now_ms(),
                ..options.clone()
            };
            // A URL: a conditional GET; a file: its modification time.
            let changed = if is_http_url(&name) {
                match get_if_changed(&name, &mut validators) {
                    Ok(Some(text)) => Some(Some(text)),
                    Ok(None) => None,
                    Err(error) => {
                        eprintln!("mivzak-render: the feed {name}: {error}; trying again");
                        None
                    }
                }
            } else {
                let path = if options.feed.is_some() {
                    PathBuf::from(&name)
                } else {
                    options.dist.join(&name)
                };
                let now = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
                (now != modified || now.is_none()).then(|| {
                    modified = now;
                    None
                })
            };
            // After a failed run, the next poll tries again even when the feed
            // has not changed (the config or the folder may have been fixed).
            let retry = failed.then(|| last_text.clone());
            if let Some(text) = changed.or(retry) {
                if let Some(text) = &text {
                    last_text = Some(text.clone());
                }
                failed = finish(run_with_feed(&options, text.or_else(|| last_text.clone()))) != 0;
            }
            std::thread::sleep(Duration::from_secs(seconds));
        }
    }

    fn finish(outcome: Result<Report, RunError>) -> i32 {
        match outcome {
            Ok(report) => {
                for warning in &report.warnings {
                    eprintln!("mivzak-render: warning: {warning}");
                }
                for path in &report.written {
                    println!("wrote {path}");
                }
                println!(
                    "{} written, {} unchanged",
                    report.written.len(),
                    report.unchanged
                );
                0
            }
            Err(error) => {
                let text = error.to_string();
                if matches!(error, RunError::Partial { .. }) || text.contains("nothing was written")
                {
                    eprintln!("mivzak-render: {text}");
                } else {
                    eprintln!("mivzak-render: {text}; nothing was written");
                }
                1
            }
        }
    }

    fn parse_args(
        mut args: impl Iterator<Item = String>,
    ) -> Result<(Options, Option<u64>), String> {
        let (mut dist, mut feed, mut watch) = (None, None, None);
        while let Some(arg) = args.next() {
            let mut value = || args.next().ok_or(format!("{arg} needs a value"));
            match arg.as_str() {
                "--dist" => dist = Some(PathBuf::from(value()?)),
                "--feed" => feed = Some(value()?),
                "--watch" => {
                    let seconds = value()?;
                    watch = Some(
                        seconds
                            .parse::<u64>()
                            .ok()
                            .filter(|s| *s > 0)
                            .ok_or(format!("--watch {seconds}: not a whole number of seconds"))?,
                    );
                }
                "--help" | "-h" => return Err("help".into()),
                other => return Err(format!("unknown argument {other}")),
            }
        }
        let dist = dist.ok_or("--dist DIR is required")?;
        Ok((
            Options {
                dist,
                feed,
                now_ms: now_ms(),
            },
            watch,
        ))
    }

    /// `SOURCE_DATE_EPOCH` (seconds) when set, else the clock, in milliseconds.
    fn now_ms() -> i64 {
        if let Some(seconds) = std::env::var("SOURCE_DATE_EPOCH")
            .ok()
            .and_then(|s| s.trim().parse::<i64>().ok())
        {
            return seconds.saturating_mul(1000);
        }
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
    }
}
