//! Exponential backoff with "equal jitter", the one rule behind the feed's polling
//! while it fails (`feed::backoff`) and the retries of a comment that could not be
//! posted (`comments::retry`). Jitter spreads the retries of many readers over the
//! upper half of each step, so a server that comes back is not hit by all of them
//! at once (Marc Brooker, "Exponential Backoff And Jitter", AWS Architecture Blog, 2015).

/// Seconds to wait after `failures` failures in a row (1 for the first; 0 counts
/// as 1): a step of `first` seconds, doubled with each failure, at most `cap`, and
/// the wait drawn from the upper half of that step by `jitter`, a random number in
/// `0.0..1.0` passed in so that schedules are testable (a non-finite one counts as
/// 0.5). The exponent is bounded, so the power never overflows.
pub fn backoff_seconds(first: f64, failures: u32, cap: f64, jitter: f64) -> f64 {
    let jitter = if jitter.is_finite() {
        jitter.clamp(0.0, 1.0)
    } else {
        0.5
    };
    let step = (first * 2f64.powi(failures.clamp(1, 31) as i32 - 1)).min(cap);
    step / 2.0 + step / 2.0 * jitter
}
