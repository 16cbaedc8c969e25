//! One thread as the reader knows it (`comments::thread`): a fresh load laid
//! over what the reader did in this visit, and the keyed order of its rows.

use mivzak::comments::model::{sort_thread, Comment, SortOrder};
use mivzak::comments::thread::{
    decode_liked, encode_liked, find, merge_load, reply_ids, set_likes, top_level_ids, ReaderDid,
};

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
        likes: vec![(1, 4), (2, 1)],
        posted: Vec::new(),
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
        likes: vec![(2, 1)],
        posted: Vec::new(),
    };
    let merged = merge_load(vec![parent], &did);
    assert_eq!(find(&merged, 2).map(|c| c.likes), Some(1));
}

#[test]
fn a_posted_comment_the_load_lacks_stays_once_under_its_parent() {
    let did = ReaderDid {
        likes: Vec::new(),
        posted: vec![comment(9, Some(1), 9.0, 0), comment(8, None, 8.0, 0)],
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
    assert!(set_likes(&mut list, 2, 3));
    assert_eq!(find(&list, 2).map(|c| c.likes), Some(3));
    assert!(!set_likes(&mut list, 7, 1));
}

#[test]
fn liked_ids_survive_storage_and_garbage_is_none() {
    assert_eq!(decode_liked(Some(&encode_liked(&[3, 5]))), [3, 5]);
    assert_eq!(decode_liked(Some("not json")), Vec::<i64>::new());
    assert_eq!(decode_liked(None), Vec::<i64>::new());
}
