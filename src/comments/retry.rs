//! When to try a failed post again: exponential backoff with jitter, honouring
//! `Retry-After`, with a cap so a reader is never left waiting for minutes.

pub const MAX_AUTOMATIC_TRIES: u32 = 5;
const FIRST_DELAY_SECONDS: f64 = 2.0;
const CAP_SECONDS: f64 = 60.0;

/// Seconds before try number `attempt + 1` (`attempt` counts from 0).
/// `retry_after` is the header's value: seconds, or an HTTP date we cannot
/// read without a clock, in which case the backoff stands.
pub fn retry_delay(attempt: u32, retry_after: Option<&str>, jitter: f64) -> f64 {
    let jitter = if jitter.is_finite() {
        jitter.clamp(0.0, 1.0)
    } else {
        0.5
    };
    let backoff = (FIRST_DELAY_SECONDS * 2f64.powi(attempt.min(16) as i32)).min(CAP_SECONDS);
    let backoff = backoff / 2.0 + backoff / 2.0 * jitter;
    match retry_after.and_then(|v| v.trim().parse::<f64>().ok()) {
        Some(asked) if asked.is_finite() && asked >= 0.0 => {
            asked.min(CAP_SECONDS).max(backoff.min(1.0))
        }
        _ => backoff,
    }
}
