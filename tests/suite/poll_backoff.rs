//! The polling schedule: the configured interval while the feed is healthy,
//! exponential backoff with jitter, up to a cap, while it fails; one rule for
//! every kind of failure (issue 25 §10: a feed CORS keeps from the page made
//! 9 requests in 30 s at `poll_seconds: 5`).

use mivzak::feed::backoff::{next_poll_seconds, CAP_SECONDS};

#[test]
fn a_healthy_feed_is_polled_at_the_configured_interval() {
    assert_eq!(next_poll_seconds(30, 0, 0.0), 30.0);
    assert_eq!(next_poll_seconds(30, 0, 0.99), 30.0);
}

#[test]
fn failures_back_off_exponentially_with_jitter_up_to_a_cap() {
    // The upper bound doubles with each failure, from twice the interval …
    let highs: Vec<f64> = (1..=5).map(|n| next_poll_seconds(10, n, 1.0)).collect();
    assert_eq!(highs, [20.0, 40.0, 80.0, 160.0, CAP_SECONDS]);
    // … the jitter spreads each wait over its upper half …
    assert_eq!(next_poll_seconds(10, 3, 0.0), 40.0);
    assert_eq!(next_poll_seconds(10, 3, 0.5), 60.0);
    // … and the wait never passes the cap, however long the outage.
    for failures in [10, 100, u32::MAX] {
        assert!(next_poll_seconds(10, failures, 1.0) <= CAP_SECONDS);
    }
    assert!(next_poll_seconds(10, 3, f64::NAN).is_finite());
}

#[test]
fn a_failing_feed_is_never_asked_sooner_than_a_healthy_one() {
    for poll in [2, 5, 30, 60, 300, 900] {
        for failures in [1, 2, 3, 7, 40, u32::MAX] {
            for jitter in [0.0, 0.01, 0.5, 0.999, 1.0, -3.0, f64::INFINITY] {
                let wait = next_poll_seconds(poll, failures, jitter);
                assert!(
                    wait >= f64::from(poll),
                    "poll {poll}s, {failures} failure(s), jitter {jitter}: waits {wait}s"
                );
            }
        }
    }
}

/// How many polls a feed that always fails gets in its first `window` seconds,
/// the first at 0, each jitter drawn from `jitters` in turn.
fn failing_polls(poll: u32, window: f64, jitters: &[f64]) -> usize {
    let (mut at, mut polls, mut failures) = (0.0, 0, 0);
    while at < window {
        polls += 1;
        failures += 1;
        at += next_poll_seconds(poll, failures, jitters[polls % jitters.len()]);
    }
    polls
}

#[test]
fn over_thirty_seconds_a_failing_feed_is_asked_fewer_times_than_a_healthy_one() {
    // Healthy at 5 s: 0, 5, 10, 15, 20, 25.
    let healthy = (0..).take_while(|n| f64::from(n * 5) < 30.0).count();
    assert_eq!(healthy, 6);
    // Failing, whatever the jitter: 0, then waits of 5–10, 10–20, 20–40 s.
    for jitters in [&[0.0][..], &[1.0], &[0.5], &[0.0, 1.0, 0.3]] {
        let failing = failing_polls(5, 30.0, jitters);
        assert!(failing <= 3, "jitters {jitters:?}: {failing} polls in 30 s");
    }
    // Two seconds, the shortest interval config.json allows, over 12 s (the
    // e2e test's window): at most 3 polls, a healthy feed 6.
    for jitters in [&[0.0][..], &[1.0], &[0.2, 0.9]] {
        assert!(failing_polls(2, 12.0, jitters) <= 3);
    }
}
