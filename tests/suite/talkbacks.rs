//! Talkbacks as Israeli sites run them (issue 24 §6): the top level numbered in
//! the order it was written (`comments::numbering`), and the two votes, "אהבתי"
//! and "לא אהבתי", read from Isso's answers by one rule (`comments::votes`).

use mivzak::comments::model::{insert, sort_thread, Comment, SortOrder};
use mivzak::comments::numbering::{number_of, talkback_numbers};
use mivzak::comments::thread::{accept, find, merge_load, set_votes, ReaderDid};
use mivzak::comments::votes::{
    count, decode_ids, encode_ids, note_for, parse_vote_answer, Tally, Vote, VoteNote,
};
use mivzak::comments::CommentError;

fn comment(id: i64, parent: Option<i64>, created: f64) -> Comment {
    serde_json::from_value(serde_json::json!({
        "id": id, "parent": parent, "text": "<p>t</p>", "author": null,
        "created": created, "likes": 0, "mode": 1, "replies": []
    }))
    .unwrap()
}

fn with_replies(mut parent: Comment, replies: &[(i64, f64)]) -> Comment {
    for &(id, created) in replies {
        parent.replies.push(comment(id, Some(parent.id), created));
    }
    parent
}

/// Number by id, sorted by id, for comparing whole threads.
fn numbers(list: &[Comment]) -> Vec<(i64, usize)> {
    let mut numbers = talkback_numbers(list);
    numbers.sort();
    numbers
}

// ---- numbers ----

#[test]
fn the_oldest_top_level_comment_is_1_whatever_order_the_list_is_in() {
    let list = vec![
        comment(30, None, 300.0),
        comment(10, None, 100.0),
        comment(20, None, 200.0),
    ];
    assert_eq!(numbers(&list), [(10, 1), (20, 2), (30, 3)]);
    assert_eq!(talkback_numbers(&list), [(10, 1), (20, 2), (30, 3)]);
}

#[test]
fn every_sort_order_shows_the_same_numbers() {
    let base = vec![
        comment(5, None, 50.0),
        comment(2, None, 20.0),
        comment(9, None, 90.0),
        comment(7, None, 70.0),
    ];
    let mut liked = base.clone();
    liked[3].likes = 12;
    liked[0].likes = 3;
    let expected = numbers(&base);
    for order in [SortOrder::Newest, SortOrder::Oldest, SortOrder::MostLiked] {
        let mut shown = liked.clone();
        sort_thread(&mut shown, order);
        assert_eq!(numbers(&shown), expected, "{order:?}");
    }
    assert_eq!(expected, [(2, 1), (5, 2), (7, 3), (9, 4)]);
}

#[test]
fn a_new_comment_takes_the_next_number_and_the_others_keep_theirs_at_either_end() {
    let before = vec![
        comment(1, None, 10.0),
        comment(2, None, 20.0),
        comment(3, None, 30.0),
    ];
    let was = numbers(&before);
    // Newest first, the new comment comes in at the top; oldest first, at the
    // bottom: the list's own order does not matter to the numbers.
    let mut newest_first = before.clone();
    sort_thread(&mut newest_first, SortOrder::Newest);
    newest_first.insert(0, comment(4, None, 40.0));
    let mut oldest_first = before.clone();
    insert(&mut oldest_first, comment(4, None, 40.0));
    for after in [newest_first, oldest_first] {
        let now = numbers(&after);
        assert_eq!(&now[..3], &was[..]);
        assert_eq!(number_of(&now, 4), Some(4));
    }
}

#[test]
fn comments_of_the_same_second_are_numbered_by_id() {
    let list = vec![
        comment(8, None, 100.0),
        comment(6, None, 100.0),
        comment(7, None, 100.0),
    ];
    assert_eq!(numbers(&list), [(6, 1), (7, 2), (8, 3)]);
}

#[test]
fn replies_are_not_numbered_and_take_no_number_from_the_top_level() {
    let list = vec![
        with_replies(comment(1, None, 10.0), &[(2, 15.0), (3, 16.0)]),
        comment(4, None, 20.0),
        with_replies(comment(5, None, 30.0), &[(6, 35.0)]),
    ];
    let now = numbers(&list);
    assert_eq!(now, [(1, 1), (4, 2), (5, 3)]);
    for reply in [2, 3, 6] {
        assert_eq!(number_of(&now, reply), None);
    }
    // A reply added later moves no number either.
    let mut more = list.clone();
    insert(&mut more, comment(7, Some(1), 40.0));
    assert_eq!(numbers(&more), now);
}

#[test]
fn a_deleted_placeholder_keeps_its_number_and_the_later_ones_keep_theirs() {
    let mut list = vec![
        comment(1, None, 10.0),
        with_replies(comment(2, None, 20.0), &[(3, 25.0)]),
        comment(4, None, 30.0),
    ];
    let was = numbers(&list);
    // Isso clears a deleted comment with replies and keeps it as mode 4.
    list[1].mode = 4;
    list[1].author = None;
    list[1].text.clear();
    assert_eq!(numbers(&list), was);
    assert_eq!(number_of(&was, 2), Some(2));
}

#[test]
fn a_comment_deleted_without_replies_is_gone_and_the_later_ones_close_up() {
    // Isso removes it altogether: nothing is left to hold its number.
    let list = vec![comment(1, None, 10.0), comment(4, None, 30.0)];
    assert_eq!(numbers(&list), [(1, 1), (4, 2)]);
}

#[test]
fn an_answer_to_a_comment_deleted_meanwhile_stays_under_a_placeholder_with_its_number() {
    let mut list = vec![
        comment(1, None, 10.0),
        comment(2, None, 20.0),
        comment(3, None, 30.0),
    ];
    let was = numbers(&list);
    // The reader answered 2, which was deleted before the answer arrived: Isso
    // stored the answer at the top level (under 2's own id, reused).
    let mut stored = comment(2, None, 40.0);
    stored.parent = None;
    let orphan = accept(&mut list, Some(2), stored).expect("an orphan");
    let now = talkback_numbers(&list);
    assert_eq!(number_of(&now, orphan.placeholder.id), Some(2));
    assert_eq!(number_of(&now, 1), Some(1));
    assert_eq!(number_of(&now, 3), Some(3));
    assert_eq!(now.len(), was.len());
}

#[test]
fn the_readers_own_comment_counts_once_it_is_in_the_thread_and_a_load_keeps_the_numbers() {
    let list = vec![comment(1, None, 10.0), comment(2, None, 20.0)];
    let mine = comment(3, None, 30.0);
    let did = ReaderDid {
        posted: vec![mine.clone()],
        ..ReaderDid::default()
    };
    // A load that left before the reader's comment landed still numbers it.
    let merged = merge_load(list.clone(), &did);
    assert_eq!(numbers(&merged), [(1, 1), (2, 2), (3, 3)]);
    // And one that has it (from another reader meanwhile, too) moves nothing.
    let mut fresh = list;
    fresh.push(mine);
    fresh.push(comment(4, None, 35.0));
    assert_eq!(
        numbers(&merge_load(fresh, &did)),
        [(1, 1), (2, 2), (3, 3), (4, 4)]
    );
}

#[test]
fn a_comment_approved_from_moderation_takes_its_place_by_when_it_was_written() {
    // The rule is creation order: one written before others but published
    // after them comes in among them.
    let list = vec![
        comment(1, None, 10.0),
        comment(3, None, 30.0),
        comment(2, None, 20.0),
    ];
    assert_eq!(numbers(&list), [(1, 1), (2, 2), (3, 3)]);
}

#[test]
fn an_empty_thread_has_no_numbers() {
    assert!(talkback_numbers(&[]).is_empty());
    assert_eq!(number_of(&[], 1), None);
}

// ---- votes ----

#[test]
fn isso_answers_both_counts_after_a_counted_vote() {
    let answer = parse_vote_answer(r#"{"likes": 4, "dislikes": 3}"#).unwrap();
    assert!(answer.counted);
    assert_eq!(
        answer.tally,
        Tally {
            likes: Some(4),
            dislikes: Some(3)
        }
    );
    assert_eq!(note_for(&Ok(answer)), None);
}

#[test]
fn a_vote_isso_did_not_count_answers_why_and_the_counts_unchanged() {
    for text in [
        r#"{"likes": 0, "dislikes": 1, "message": "Downvote denied because a vote has already been registered for this remote address: 127.0.0.1"}"#,
        r#"{"message": "Upvote denied due to a \"likes + dislikes\" total too high (142 >= 142)", "likes": 100, "dislikes": 42}"#,
        r#"{"likes":2,"dislikes":0,"message":null}"#,
    ] {
        let outcome = parse_vote_answer(text);
        // `"message": null` is no reason: counted.
        let counted = text.contains("null");
        assert_eq!(outcome.as_ref().map(|a| a.counted), Ok(counted), "{text}");
        let expected = if counted {
            None
        } else {
            Some(VoteNote::NotCounted)
        };
        assert_eq!(note_for(&outcome), expected);
    }
}

#[test]
fn answers_isso_does_not_send_are_bad_answers_and_tell_the_reader_it_failed() {
    for text in [
        "null",
        "{}",
        r#"{"message": "no counts"}"#,
        r#"{"likes": -1, "dislikes": 0}"#,
        r#"{"likes": 1, "dislikes": -3}"#,
        r#"{"likes": "4", "dislikes": 0}"#,
        r#"{"likes": 2.5, "dislikes": 0}"#,
        "[4, 3]",
        "4",
        "<html><body>502 Bad Gateway</body></html>",
        "",
    ] {
        let outcome = parse_vote_answer(text);
        assert!(
            matches!(outcome, Err(CommentError::BadAnswer(_))),
            "{text}: {outcome:?}"
        );
        assert_eq!(note_for(&outcome), Some(VoteNote::Failed));
    }
    assert_eq!(
        note_for(&Err(CommentError::Network("reset".into()))),
        Some(VoteNote::Failed)
    );
}

#[test]
fn an_answer_with_one_count_keeps_the_other_as_shown_and_extra_fields_are_ignored() {
    let answer = parse_vote_answer(r#"{"dislikes": 5, "voters": "x", "id": 9}"#).unwrap();
    assert_eq!(answer.tally.of(Vote::Like), None);
    assert_eq!(answer.tally.of(Vote::Dislike), Some(5));
    let mut list = vec![comment(9, None, 1.0)];
    list[0].likes = 7;
    assert!(set_votes(&mut list, 9, &answer.tally));
    assert_eq!((list[0].likes, list[0].dislikes), (7, 5));
    assert!(!set_votes(&mut list, 10, &answer.tally));
}

#[test]
fn a_load_that_left_before_a_dislike_landed_keeps_its_count_and_a_higher_one_wins() {
    let did = ReaderDid {
        votes: vec![
            (
                1,
                Tally {
                    likes: Some(0),
                    dislikes: Some(2),
                },
            ),
            (
                2,
                Tally {
                    likes: Some(1),
                    dislikes: Some(1),
                },
            ),
        ],
        ..ReaderDid::default()
    };
    let mut fresh = vec![comment(1, None, 1.0), comment(2, None, 2.0)];
    fresh[0].dislikes = 1;
    fresh[1].dislikes = 6;
    let merged = merge_load(fresh, &did);
    let shown = |id, vote| find(&merged, id).map(|c| count(c, vote));
    assert_eq!(shown(1, Vote::Dislike), Some(2));
    assert_eq!(shown(2, Vote::Dislike), Some(6));
    assert_eq!(shown(2, Vote::Like), Some(1));
}

#[test]
fn a_comment_from_isso_carries_its_dislikes_and_none_is_zero() {
    let listed: Comment =
        serde_json::from_str(r#"{"id": 1, "likes": 2, "dislikes": 3, "created": 1.0}"#).unwrap();
    assert_eq!(
        (count(&listed, Vote::Like), count(&listed, Vote::Dislike)),
        (2, 3)
    );
    let older: Comment = serde_json::from_str(r#"{"id": 1, "likes": 2}"#).unwrap();
    assert_eq!(older.dislikes, 0);
}

#[test]
fn both_votes_are_kept_by_one_rule_under_their_own_keys() {
    // "liked" is the key likes have always had: earlier likes stay known.
    assert_eq!(Vote::Like.storage_key(), "liked");
    assert_ne!(Vote::Like.storage_key(), Vote::Dislike.storage_key());
    assert_eq!(decode_ids(Some(&encode_ids(&[3, 5]))), [3, 5]);
    assert_eq!(decode_ids(Some("{\"not\": \"a list\"}")), Vec::<i64>::new());
    assert_eq!(decode_ids(None), Vec::<i64>::new());
    assert_eq!(
        [Vote::Like.endpoint(), Vote::Dislike.endpoint()],
        ["like", "dislike"]
    );
    assert_eq!(
        [Vote::Like.label(), Vote::Dislike.label()],
        ["אהבתי", "לא אהבתי"]
    );
}
