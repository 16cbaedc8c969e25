//! When to try a failed post again: the crate's backoff with jitter
//! (`crate::backoff`), honouring
//! `Retry-After`, with a cap so a reader is never left waiting for minutes.

pub const MAX_AUTOMATIC_TRIES: u32 = 5;
const FIRST_DELAY_SECONDS: f64 = 2.0;
const CAP_SECONDS: f64 = 60.0;

/// Seconds before try number `attempt + 1` (`attempt` counts from 0).
/// `retry_after` is the header's value: delay-seconds ("120"), or an HTTP date
/// (IMF-fixdate, "Wed, 21 Oct 2015 07:28:00 GMT", RFC 9110 §10.2.3) read against
/// `now_ms` (milliseconds since the epoch). A value that is neither, or none,
/// leaves the backoff.
pub fn retry_delay(attempt: u32, retry_after: Option<&str>, now_ms: f64, jitter: f64) -> f64 {
    let backoff = crate::backoff::backoff_seconds(
        FIRST_DELAY_SECONDS,
        attempt.saturating_add(1),
        CAP_SECONDS,
        jitter,
    );
    let asked = retry_after.and_then(|value| {
        let value = value.trim();
        value
            .parse::<f64>()
            .ok()
            .or_else(|| http_date_ms(value).map(|at| ((at - now_ms) / 1000.0).max(0.0)))
    });
    match asked {
        Some(asked) if asked.is_finite() && asked >= 0.0 => {
            asked.min(CAP_SECONDS).max(backoff.min(1.0))
        }
        _ => backoff,
    }
}

/// An IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT") in milliseconds since the epoch.
fn http_date_ms(value: &str) -> Option<f64> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let parts: Vec<&str> = value.split_whitespace().collect();
    let [_, day, month, year, time, "GMT"] = parts.as_slice() else {
        return None;
    };
    let month = MONTHS.iter().position(|m| m == month)? as u32 + 1;
    let mut clock = time.split(':').map(|n| n.parse::<u32>().ok());
    let (hour, minute, second) = (clock.next()??, clock.next()??, clock.next()??);
    let at = chrono::NaiveDate::from_ymd_opt(year.parse().ok()?, month, day.parse().ok()?)?
        .and_hms_opt(hour, minute, second)?
        .and_utc();
    Some(at.timestamp_millis() as f64)
}
