//! The polling schedule: the configured interval while the feed is healthy,
//! exponential backoff with jitter, up to a cap, while it fails.

use mivzak::feed::backoff::{next_poll_seconds, CAP_SECONDS};

#[test]
fn a_healthy_feed_is_polled_at_the_configured_interval() {
    assert_eq!(next_poll_seconds(30, 0, 0.0), 30.0);
    assert_eq!(next_poll_seconds(30, 0, 0.99), 30.0);
}

#[test]
fn failures_back_off_exponentially_with_jitter_up_to_a_cap() {
    // The upper bound doubles with each failure …
    let highs: Vec<f64> = (1..=5).map(|n| next_poll_seconds(10, n, 1.0)).collect();
    assert_eq!(highs, [10.0, 20.0, 40.0, 80.0, 160.0]);
    // … the jitter spreads each wait over its upper half …
    assert_eq!(next_poll_seconds(10, 3, 0.0), 20.0);
    assert_eq!(next_poll_seconds(10, 3, 0.5), 30.0);
    // … and the wait never passes the cap, however long the outage.
    for failures in [10, 100, u32::MAX] {
        assert!(next_poll_seconds(10, failures, 1.0) <= CAP_SECONDS);
    }
    assert!(next_poll_seconds(10, 3, f64::NAN).is_finite());
}
