//! When to poll next: the configured interval while the feed is healthy, and the
//! crate's backoff with jitter (`crate::backoff`), up to a cap, while it fails.

/// The longest wait between two tries while the feed keeps failing.
pub const CAP_SECONDS: f64 = 300.0;

/// Seconds to wait before the next poll.
///
/// `failures` is how many polls in a row have failed (0 when the last succeeded);
/// `jitter` is a random number in `0.0..1.0`, passed in so the schedule is testable.
/// While failing: the interval, then twice, four times it …, up to
/// [`CAP_SECONDS`]; a failing CDN is never hit faster than when healthy.
pub fn next_poll_seconds(poll_seconds: u32, failures: u32, jitter: f64) -> f64 {
    let interval = f64::from(poll_seconds);
    if failures == 0 {
        return interval;
    }
    crate::backoff::backoff_seconds(interval, failures, CAP_SECONDS.max(interval), jitter)
}
