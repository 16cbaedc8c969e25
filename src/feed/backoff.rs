//! When to poll next: the configured interval while the feed is healthy, and an
//! exponential backoff with jitter, up to a cap, while it fails.

/// The longest wait between two tries while the feed keeps failing.
pub const CAP_SECONDS: f64 = 300.0;

/// Seconds to wait before the next poll.
///
/// `failures` is how many polls in a row have failed (0 when the last succeeded);
/// `jitter` is a random number in `0.0..1.0`, passed in so the schedule is testable.
/// Jitter spreads the retries of many readers over the upper half of each step
/// ("equal jitter"), so a feed that comes back is not hit by all of them at once.
pub fn next_poll_seconds(poll_seconds: u32, failures: u32, jitter: f64) -> f64 {
    let jitter = if jitter.is_finite() {
        jitter.clamp(0.0, 1.0)
    } else {
        0.5
    };
    if failures == 0 {
        return f64::from(poll_seconds);
    }
    // The interval, then twice, four times it …; the exponent is bounded so the
    // power never overflows. A failing CDN is never hit faster than when healthy.
    let interval = f64::from(poll_seconds);
    let step = (interval * 2f64.powi(failures.min(20) as i32 - 1)).min(CAP_SECONDS.max(interval));
    step / 2.0 + step / 2.0 * jitter
}
