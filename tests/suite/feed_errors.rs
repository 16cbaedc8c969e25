//! What a feed request that got no answer is called: the browser fails it the
//! same way offline and when CORS hides the answer.

use mivzak::feed::{no_answer_error, FeedError};

const URL: &str = "https://feeds.example.org/feed.json";

#[test]
fn an_online_reader_whose_opaque_request_was_answered_meets_cors() {
    let error = no_answer_error(
        URL,
        "TypeError: Failed to fetch".into(),
        true,
        true,
        Some(true),
    );
    assert_eq!(error, FeedError::NotShared(URL.into()));
    // The reader is not sent to check their connection …
    assert!(!error.reader_message().contains("החיבור לאינטרנט"));
    // … and the console names the URL and the likely cause.
    let console = error.to_string();
    assert!(
        console.contains(URL) && console.contains("CORS"),
        "{console}"
    );
}

#[test]
fn offline_same_origin_or_unreachable_is_a_network_error() {
    let cases = [
        (false, true, None),       // offline
        (false, true, Some(true)), // offline, whatever a probe said
        (true, false, None),       // the site's own origin: not CORS
        (true, true, Some(false)), // the server did not answer at all
    ];
    for (online, cross_origin, answered) in cases {
        let error = no_answer_error(URL, "TypeError".into(), online, cross_origin, answered);
        assert_eq!(
            error,
            FeedError::Network("TypeError".into()),
            "{online} {cross_origin} {answered:?}"
        );
        assert!(error.reader_message().contains("החיבור לאינטרנט"));
    }
}
