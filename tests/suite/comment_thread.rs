//! One thread as the reader knows it (`comments::thread`): a fresh load laid
//! over what the reader did in this visit, and the keyed order of its rows.

use mivzak::comments::model::{insert, sort_thread, Comment, SortOrder};
use mivzak::comments::thread::{
    accept, find, merge_load, reply_ids, set_votes, top_level_ids, ReaderDid,
};
use mivzak::comments::votes::{decode_ids, encode_ids, Tally};

fn likes(n: i64) -> Tally {
    Tally {
        likes: Some(n),
        dislikes: None,
    }
}

fn comment(id: i64, parent: Option<i64>, created: f64, likes: i64) -> Comment {
    serde_json::from_value(serde_json::json!({
        "id": id, "parent": parent, "text": "<p>t</p>", "author": null,
        "created": created, "likes": likes, "mode": 1, "replies": []
    }))
    .unwrap()
}

fn ids(list: &[Comment]) -> Vec<i64> {
    list.iter().map(|c| c.id).collect()
}

#[test]
fn a_load_that_left_before_a_like_landed_keeps_the_likes_count() {
    // The reader liked 1 (the server answered 4); the load still says 3.
    let did = ReaderDid {
        votes: vec![(1, likes(4)), (2, likes(1))],
        posted: Vec::new(),
        orphans: Vec::new(),
    };
    let fresh = vec![comment(1, None, 1.0, 3), comment(2, None, 2.0, 7)];
    let merged = merge_load(fresh, &did);
    assert_eq!(find(&merged, 1).map(|c| c.likes), Some(4));
    // Others liked 2 since: the server's higher count wins.
    assert_eq!(find(&merged, 2).map(|c| c.likes), Some(7));
}

#[test]
fn a_like_on_a_reply_is_kept_too() {
    let mut parent = comment(1, None, 1.0, 0);
    parent.replies.push(comment(2, Some(1), 2.0, 0));
    let did = ReaderDid {
        votes: vec![(2, likes(1))],
        posted: Vec::new(),
        orphans: Vec::new(),
    };
    let merged = merge_load(vec![parent], &did);
    assert_eq!(find(&merged, 2).map(|c| c.likes), Some(1));
}

#[test]
fn a_posted_comment_the_load_lacks_stays_once_under_its_parent() {
    let did = ReaderDid {
        votes: Vec::new(),
        posted: vec![comment(9, Some(1), 9.0, 0), comment(8, None, 8.0, 0)],
        orphans: Vec::new(),
    };
    // The load left before 9 reached the server, and after 8 did.
    let fresh = vec![comment(1, None, 1.0, 0), comment(8, None, 8.0, 0)];
    let merged = merge_load(fresh, &did);
    assert_eq!(ids(&merged), [1, 8]);
    assert_eq!(ids(&merged[0].replies), [9]);
}

#[test]
fn a_comment_gone_from_the_server_goes_and_a_new_one_comes() {
    let did = ReaderDid::default();
    let merged = merge_load(
        vec![comment(2, None, 2.0, 0), comment(3, None, 3.0, 0)],
        &did,
    );
    assert_eq!(ids(&merged), [2, 3]);
}

#[test]
fn rows_are_ordered_by_id_as_the_thread_sorts() {
    let mut list = vec![
        comment(1, None, 10.0, 5),
        comment(2, None, 20.0, 0),
        comment(3, None, 30.0, 5),
    ];
    list[0].replies = vec![comment(5, Some(1), 50.0, 0), comment(4, Some(1), 40.0, 9)];
    for order in [SortOrder::Newest, SortOrder::Oldest, SortOrder::MostLiked] {
        let mut sorted = list.clone();
        sort_thread(&mut sorted, order);
        assert_eq!(top_level_ids(&list, order), ids(&sorted), "{order:?}");
    }
    assert_eq!(reply_ids(&list, 1), [4, 5]);
    assert_eq!(reply_ids(&list, 2), Vec::<i64>::new());
    assert_eq!(reply_ids(&list, 99), Vec::<i64>::new());
}

#[test]
fn a_like_sets_its_count_wherever_the_comment_is() {
    let mut list = vec![comment(1, None, 1.0, 0)];
    list[0].replies.push(comment(2, Some(1), 2.0, 0));
    assert!(set_votes(&mut list, 2, &likes(3)));
    assert_eq!(find(&list, 2).map(|c| c.likes), Some(3));
    assert!(!set_votes(&mut list, 7, &likes(1)));
}

#[test]
fn liked_ids_survive_storage_and_garbage_is_none() {
    assert_eq!(decode_ids(Some(&encode_ids(&[3, 5]))), [3, 5]);
    assert_eq!(decode_ids(Some("not json")), Vec::<i64>::new());
    assert_eq!(decode_ids(None), Vec::<i64>::new());
}

fn deleted(mut c: Comment) -> Comment {
    c.mode = 4;
    c.author = None;
    c.text = String::new();
    c
}

#[test]
fn a_reply_to_a_comment_deleted_meanwhile_stays_under_its_placeholder() {
    // The reader sees 1 and answers it; meanwhile 1 was deleted and, having no
    // replies, removed: Isso stores the reply at the top level, under 1's own id.
    for reply_id in [1, 7] {
        let mut list = vec![comment(1, None, 1.0, 0), comment(2, None, 2.0, 0)];
        let stored = comment(reply_id, None, 9.0, 0);
        let orphan = accept(&mut list, Some(1), stored.clone()).expect("an orphan");
        let check = |list: &[Comment]| {
            let placeholder = list.iter().find(|c| c.is_deleted()).expect("a placeholder");
            assert_eq!(
                (
                    placeholder.author.as_deref(),
                    placeholder.text.as_str(),
                    placeholder.created
                ),
                (None, "", 1.0)
            );
            assert_eq!(ids(&placeholder.replies), [reply_id]);
            assert_eq!(
                reply_ids(list, placeholder.id),
                [reply_id],
                "its reply is under it"
            );
            let top = top_level_ids(list, SortOrder::Oldest);
            assert_eq!(top, [placeholder.id, 2], "in the deleted comment's place");
        };
        check(&list);
        // Every later load, which has the reply at the top level, keeps it so.
        let did = ReaderDid {
            posted: vec![stored.clone()],
            orphans: vec![orphan],
            ..ReaderDid::default()
        };
        check(&merge_load(
            vec![comment(2, None, 2.0, 0), stored.clone()],
            &did,
        ));
        // A load that left before the reply landed, too.
        check(&merge_load(vec![comment(2, None, 2.0, 0)], &did));
    }
}

#[test]
fn a_reply_to_a_live_or_placeholder_parent_is_no_orphan() {
    let mut list = vec![deleted(comment(1, None, 1.0, 0))];
    list[0].replies.push(comment(2, Some(1), 2.0, 0));
    assert_eq!(
        accept(&mut list, Some(1), comment(3, Some(1), 3.0, 0)),
        None
    );
    assert_eq!(ids(&list), [1]);
    assert_eq!(reply_ids(&list, 1), [2, 3]);
    assert_eq!(accept(&mut list, None, comment(4, None, 4.0, 0)), None);
    assert_eq!(top_level_ids(&list, SortOrder::Oldest), [1, 4]);
}

#[test]
fn a_posted_reply_whose_parent_is_gone_is_gone_too_never_moved_up() {
    // The reader answered 1; later both were deleted (Isso then removes 1).
    let did = ReaderDid {
        posted: vec![comment(5, Some(1), 5.0, 0)],
        ..ReaderDid::default()
    };
    let merged = merge_load(vec![comment(2, None, 2.0, 0)], &did);
    assert_eq!(ids(&merged), [2]);
    assert!(find(&merged, 5).is_none());
}

#[test]
fn a_deleted_comment_the_reader_posted_stays_a_placeholder_above_its_replies() {
    // The reader posted 1 in this visit; another answered it; then 1 was deleted.
    let mut placeholder = deleted(comment(1, None, 1.0, 0));
    placeholder.replies.push(comment(2, Some(1), 2.0, 0));
    for order in [SortOrder::Newest, SortOrder::Oldest, SortOrder::MostLiked] {
        let did = ReaderDid {
            posted: vec![comment(1, None, 1.0, 0), comment(3, Some(1), 3.0, 0)],
            ..ReaderDid::default()
        };
        let fresh = vec![placeholder.clone(), comment(4, None, 4.0, 0)];
        let merged = merge_load(fresh, &did);
        assert!(find(&merged, 1).is_some_and(Comment::is_deleted));
        assert_eq!(top_level_ids(&merged, order).len(), 2, "{order:?}");
        assert_eq!(reply_ids(&merged, 1), [2, 3]);
    }
}

#[test]
fn a_new_comment_under_a_deleted_ones_id_replaces_it() {
    // Isso gave 2's id to a new comment after 2 was deleted.
    let mut list = vec![comment(1, None, 1.0, 0), comment(2, None, 2.0, 0)];
    list[0].replies.push(comment(3, Some(1), 3.0, 0));
    insert(&mut list, comment(2, Some(1), 20.0, 0));
    assert_eq!(ids(&list), [1]);
    assert_eq!(reply_ids(&list, 1), [3, 2]);
    assert_eq!(find(&list, 2).map(|c| c.created), Some(20.0));
    // The same comment again (same id, same time) is kept once.
    insert(&mut list, comment(2, Some(1), 20.0, 0));
    assert_eq!(reply_ids(&list, 1), [3, 2]);
}
