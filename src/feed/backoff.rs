//! When to poll next: the configured interval while the feed is healthy, and the
//! crate's backoff with jitter (`crate::backoff`), up to a cap, while it fails.

/// The longest wait between two tries while the feed keeps failing.
pub const CAP_SECONDS: f64 = 300.0;

/// Seconds to wait before the next poll: the one rule for every failure, whatever
/// its kind (an HTTP status, a timeout, no network, a feed CORS keeps from the
/// page, a broken body, the service worker's cached copy).
///
/// `failures` is how many polls in a row have failed (0 when the last succeeded);
/// `jitter` is a random number in `0.0..1.0`, passed in so the schedule is testable.
/// While failing: a wait drawn from twice the interval's upper half (the
/// interval to twice it), then from four times, eight times it …, up to
/// [`CAP_SECONDS`] (or twice the interval, if that is longer). So a failing CDN is never asked sooner than a healthy one:
/// the step starts at twice the interval, and the jitter (`crate::backoff`)
/// draws from its upper half.
pub fn next_poll_seconds(poll_seconds: u32, failures: u32, jitter: f64) -> f64 {
    let interval = f64::from(poll_seconds);
    if failures == 0 {
        return interval;
    }
    crate::backoff::backoff_seconds(
        interval * 2.0,
        failures,
        CAP_SECONDS.max(interval * 2.0),
        jitter,
    )
}
