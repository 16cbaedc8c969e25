//! Issue 23 §4: the chunks come on idle only where the connection allows it.

use mivzak::chunk_prefetch::idle_prefetch_allowed;

#[test]
fn a_fast_or_unknown_connection_prefetches_on_idle() {
    assert!(idle_prefetch_allowed(false, Some("4g")));
    // Firefox and Safari have no Network Information API.
    assert!(idle_prefetch_allowed(false, None));
    // A value the API may add later is not a slow one.
    assert!(idle_prefetch_allowed(false, Some("5g")));
}

#[test]
fn save_data_or_a_slow_connection_waits_for_intent() {
    for kind in ["slow-2g", "2g", "3g"] {
        assert!(!idle_prefetch_allowed(false, Some(kind)), "{kind}");
    }
    // The list the service worker reads too (shared/constants.json).
    for kind in mivzak::shared::SLOW_CONNECTIONS {
        assert!(!idle_prefetch_allowed(false, Some(kind)), "{kind}");
    }
    for kind in [None, Some("4g"), Some("3g")] {
        assert!(!idle_prefetch_allowed(true, kind), "{kind:?}");
    }
}
