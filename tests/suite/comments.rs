//! Comment rules: Isso's limits, ordering, threading, the retry schedule, errors.

use mivzak::comments::model::{
    check_draft, insert, same_words, sort_thread, thread_uri, Comment, DraftProblem, NewComment,
    SortOrder,
};
use mivzak::comments::outbox::{decode, encode, upsert, Pending};
use mivzak::comments::retry::retry_delay;
use mivzak::comments::CommentError;
use mivzak::html::policy::{default_direction, element_action, ElementAction};
use mivzak::http::HttpError;

fn comment(id: i64, parent: Option<i64>, created: f64, likes: i64) -> Comment {
    serde_json::from_value(serde_json::json!({
        "id": id, "parent": parent, "text": "<p>t</p>", "author": null,
        "created": created, "likes": likes, "mode": 1, "replies": []
    }))
    .unwrap()
}

#[test]
fn isso_answers_parse_with_missing_fields() {
    let c: Comment = serde_json::from_str(r#"{"id": 3, "text": "<p>x</p>"}"#).unwrap();
    assert_eq!((c.id, c.mode, c.likes, c.parent), (3, 1, 0, None));
    let held: Comment = serde_json::from_str(r#"{"id": 4, "mode": 2}"#).unwrap();
    assert!(held.is_held_for_moderation());
}

#[test]
fn drafts_are_checked_in_characters_not_bytes() {
    assert_eq!(check_draft("אב", ""), Err(DraftProblem::TooShort));
    assert_eq!(check_draft("אבג", ""), Ok(())); // 3 characters, 6 bytes
    assert_eq!(check_draft("ab   ", ""), Err(DraftProblem::TooShort));
    assert_eq!(check_draft(&"א".repeat(65_535), ""), Ok(()));
    assert_eq!(
        check_draft(&"א".repeat(65_536), ""),
        Err(DraftProblem::TooLong)
    );
    assert_eq!(
        check_draft("תגובה", &"e".repeat(255)),
        Err(DraftProblem::EmailTooLong)
    );
}

#[test]
fn threads_sort_at_the_top_level_and_replies_read_as_a_conversation() {
    let mut list = vec![
        comment(1, None, 10.0, 5),
        comment(2, None, 20.0, 0),
        comment(3, None, 30.0, 5),
    ];
    list[0].replies = vec![comment(5, Some(1), 50.0, 0), comment(4, Some(1), 40.0, 9)];
    let ids = |l: &[Comment]| l.iter().map(|c| c.id).collect::<Vec<_>>();
    sort_thread(&mut list, SortOrder::Newest);
    assert_eq!(ids(&list), [3, 2, 1]);
    sort_thread(&mut list, SortOrder::Oldest);
    assert_eq!(ids(&list), [1, 2, 3]);
    sort_thread(&mut list, SortOrder::MostLiked);
    assert_eq!(ids(&list), [3, 1, 2]);
    assert_eq!(ids(&list[1].replies), [4, 5]);
    assert_eq!(list.iter().map(Comment::count).sum::<usize>(), 5);
}

#[test]
fn a_new_comment_goes_under_its_parent() {
    let mut list = vec![comment(1, None, 1.0, 0)];
    list[0].replies.push(comment(2, Some(1), 2.0, 0));
    insert(&mut list, comment(3, Some(2), 3.0, 0));
    insert(&mut list, comment(4, None, 4.0, 0));
    insert(&mut list, comment(5, Some(99), 5.0, 0)); // parent not loaded: top level
    assert_eq!(list.len(), 3);
    assert_eq!(list[0].replies[0].replies[0].id, 3);
}

#[test]
fn thread_uris_are_stable_paths() {
    assert_eq!(thread_uri("2024-12-27-1240"), "/article/2024-12-27-1240");
    // The page's own path (paths::route_segment): an id with a slash is hashed.
    assert_eq!(
        thread_uri("a/b"),
        format!("/article/{}", mivzak::paths::route_segment("a/b"))
    );
    assert!(thread_uri("a/b").starts_with("/article/!"));
}

#[test]
fn the_sent_comment_is_recognised_whatever_the_whitespace() {
    assert!(same_words("שלום  עולם\n", " שלום עולם"));
    assert!(!same_words("שלום", "שלום עולם"));
}

/// Wed, 21 Oct 2015 07:28:00 GMT, in ms.
const NOW: f64 = 1_445_412_480_000.0;

#[test]
fn retries_back_off_with_jitter_and_honour_retry_after() {
    assert_eq!(retry_delay(0, None, NOW, 1.0), 2.0);
    assert_eq!(retry_delay(0, None, NOW, 0.0), 1.0);
    assert_eq!(retry_delay(3, None, NOW, 1.0), 16.0);
    assert!(retry_delay(30, None, NOW, 1.0) <= 60.0);
    assert_eq!(retry_delay(0, Some("7"), NOW, 0.5), 7.0);
    assert_eq!(retry_delay(0, Some("9999"), NOW, 0.5), 60.0);
    // An HTTP date is read against the clock: 12 s after NOW.
    assert_eq!(
        retry_delay(1, Some("Wed, 21 Oct 2015 07:28:12 GMT"), NOW, 1.0),
        12.0
    );
    // One in the past: at once (after the 1 s floor).
    assert_eq!(
        retry_delay(1, Some("Wed, 21 Oct 2015 07:00:00 GMT"), NOW, 1.0),
        1.0
    );
    // Not a date this reads (the obsolete RFC 850 form): the backoff stands.
    assert_eq!(
        retry_delay(1, Some("Wednesday, 21-Oct-15 07:28:12 GMT"), NOW, 1.0),
        4.0
    );
}

#[test]
fn only_network_faults_and_5xx_retry_by_themselves() {
    assert!(CommentError::Network("reset".into()).is_retryable());
    assert!(CommentError::Timeout.is_retryable());
    assert!(CommentError::Server {
        status: 503,
        retry_after: None
    }
    .is_retryable());
    assert!(!CommentError::RateLimited.is_retryable());
    assert!(!CommentError::Invalid("short".into()).is_retryable());
    assert!(!CommentError::Forbidden("CSRF".into()).is_retryable());
    // Only a lost answer may have stored the comment already.
    assert!(CommentError::Timeout.answer_was_lost());
    assert!(!CommentError::Server {
        status: 500,
        retry_after: None
    }
    .answer_was_lost());
}

#[test]
fn a_comment_already_in_the_list_is_not_added_twice() {
    let mut list = vec![comment(1, None, 1.0, 0)];
    insert(&mut list, comment(2, Some(1), 2.0, 0));
    // Delivered from the outbox after a reload, and already loaded with the thread.
    insert(&mut list, comment(2, Some(1), 2.0, 0));
    insert(&mut list, comment(1, None, 1.0, 0));
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].replies.len(), 1);
}

fn pending(key: &str, text: &str) -> Pending {
    Pending {
        key: key.into(),
        thread: "/article/1".into(),
        comment: NewComment {
            text: text.into(),
            author: Some("דנה".into()),
            email: None,
            website: None,
            parent: None,
            title: "כותרת".into(),
        },
        first_tried: 1_700_000_000.5,
    }
}

#[test]
fn the_outbox_round_trips_and_keeps_one_comment_per_form() {
    let mut list = Vec::new();
    upsert(&mut list, pending("draft:1", "ראשונה"));
    upsert(&mut list, pending("draft:2", "שנייה"));
    // The same form sending again replaces its earlier comment.
    upsert(&mut list, pending("draft:1", "מתוקנת"));
    assert_eq!(list.len(), 2);
    let text = encode(&list);
    let back = decode(Some(&text));
    assert_eq!(back, list);
    assert_eq!(back[1].comment.text, "מתוקנת");
}

#[test]
fn an_unreadable_outbox_is_empty_rather_than_an_error() {
    for stored in [
        None,
        Some(""),
        Some("{"),
        Some("{\"key\": 1}"),
        Some("[{\"key\": \"x\"}]"),
    ] {
        assert!(decode(stored).is_empty(), "{stored:?}");
    }
}

#[test]
fn a_deleted_comment_is_a_placeholder_that_isso_does_not_count() {
    // What Isso 0.14 lists for a comment deleted while it has a reply.
    let thread: Vec<Comment> = serde_json::from_value(serde_json::json!([
        {"id": 1, "parent": null, "mode": 4, "text": "", "author": null, "created": 1.0,
         "replies": [{"id": 2, "parent": 1, "mode": 1, "text": "<p>r</p>", "created": 2.0}]},
        {"id": 3, "parent": null, "mode": 1, "text": "<p>x</p>", "created": 3.0}
    ]))
    .unwrap();
    assert!(thread[0].is_deleted());
    assert!(!thread[0].replies[0].is_deleted());
    // Rows on screen: 3. Isso's count (mode 1 only): 2.
    assert_eq!(thread.iter().map(Comment::count).sum::<usize>(), 3);
    assert_eq!(
        thread.iter().map(Comment::published_count).sum::<usize>(),
        2
    );
}

#[test]
fn a_429_asks_to_wait_and_is_retried_after_retry_after() {
    let busy = CommentError::from(HttpError::Status {
        code: 429,
        body: "Too Many Requests".into(),
        retry_after: Some("3".into()),
    });
    assert_eq!(
        busy,
        CommentError::Busy {
            retry_after: Some("3".into())
        }
    );
    assert!(busy.is_retryable());
    // Refused before it was stored: the next try posts, it does not look first.
    assert!(!busy.answer_was_lost());
    assert_eq!(busy.retry_after(), Some("3"));
    assert_eq!(retry_delay(0, busy.retry_after(), NOW, 0.5), 3.0);
    assert!(busy.reader_message().contains("להמתין"));
    // Without a readable Retry-After (a cross-origin proxy that does not expose
    // it), the app's own backoff.
    let hidden = CommentError::from(HttpError::Status {
        code: 429,
        body: String::new(),
        retry_after: None,
    });
    assert!(hidden.is_retryable());
    assert_eq!(retry_delay(0, hidden.retry_after(), NOW, 1.0), 2.0);
    // Isso's own guard stays what it was: 403, not retried by itself.
    let guard = CommentError::from(HttpError::Status {
        code: 403,
        body: "ratelimit exceeded".into(),
        retry_after: None,
    });
    assert_eq!(guard, CommentError::RateLimited);
}

#[test]
fn what_issos_markdown_emits_survives_the_allowlist() {
    const HTML: Option<&str> = Some("http://www.w3.org/1999/xhtml");
    // Isso 0.14's own sanitizer (isso/html/__init__.py): what its Markdown
    // (mistune with strikethrough, subscript, superscript; or misaka) may emit.
    for tag in [
        "a",
        "p",
        "hr",
        "br",
        "ol",
        "ul",
        "li",
        "pre",
        "code",
        "blockquote",
        "del",
        "ins",
        "strong",
        "em",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "sub",
        "sup",
        "table",
        "thead",
        "tbody",
        "th",
        "td",
    ] {
        assert_eq!(element_action(tag, HTML), ElementAction::Keep(tag), "{tag}");
    }
    assert_eq!(element_action("h1", HTML), ElementAction::Keep("h2"));
    // Code reads left to right; prose takes its direction from its text.
    assert_eq!(default_direction("pre"), Some("ltr"));
    assert_eq!(default_direction("code"), Some("ltr"));
    assert_eq!(default_direction("p"), None);
    assert_eq!(default_direction("del"), None);
}
