//! One article's comments in the browser, as `FeedSource` is the feed's: it
//! loads the thread, keeps the comments, the count, their talkback numbers,
//! the reader's votes and what the reader posted, and publishes them as signals read by comment id.
//! Views read it and call its methods; it never touches the DOM.
//!
//! The thread is loaded when the section opens, again after each comment the
//! reader posts (so others' comments written meanwhile come in too), and again
//! whenever the page becomes visible. A load is laid over what the reader did
//! in this visit (`thread::merge_load`). On a published page (the native
//! renderer) nothing is loaded or listened to.

use leptos::prelude::*;

use super::deliveries::{Deliveries, Slot};
use super::isso::Isso;
use super::model::{thread_uri, Comment, NewComment, SortOrder};
use super::numbering::{number_of, talkback_numbers};
use super::outbox::Pending;
use super::reader_storage;
use super::thread::{accept, find, merge_load, reply_ids, set_votes, top_level_ids, ReaderDid};
use super::votes::{decode_ids, encode_ids, note_for, Vote, VoteNote};
use super::CommentError;

/// The source's own record of this visit: what the reader did in it (merged
/// into every load), and whether a load is under way.
#[derive(Default)]
struct Visit {
    did: ReaderDid,
    loading: bool,
}

/// One thread, provided as context by the comments section.
#[derive(Clone, Copy)]
pub struct ThreadSource {
    article_id: StoredValue<String>,
    title: Signal<String>,
    comments: RwSignal<Vec<Comment>>,
    /// Comments sent in this visit that the server holds for moderation.
    held: RwSignal<Vec<Comment>>,
    /// The thread's count as Isso gives it (`POST /count`: published comments,
    /// not deleted placeholders), once it has answered.
    count: RwSignal<Option<u64>>,
    /// Some load has succeeded.
    loaded: RwSignal<bool>,
    /// Why the thread could not be loaded, while no load has succeeded.
    load_error: RwSignal<Option<CommentError>>,
    /// The top level's talkback numbers (`numbering`), following the comments.
    numbers: Memo<Vec<(i64, usize)>>,
    /// The comments this reader has voted on, and how (stored in local storage),
    /// or is voting on: one vote per comment, as Isso counts them (`votes.rs`).
    voted: RwSignal<Vec<(i64, Vote)>>,
    /// What the reader is told under a comment about their last vote on it.
    vote_notes: RwSignal<Vec<(i64, VoteNote)>>,
    /// The comment whose reply form is open: one at a time.
    pub replying_to: RwSignal<Option<i64>>,
    visit: StoredValue<Visit>,
    isso: StoredValue<Isso>,
    deliveries: Deliveries,
    /// The comments section's owner: the thread's loads run under it, so
    /// leaving the article aborts them (`http::send`, `dom::owner_abort_signal`).
    owner: StoredValue<Option<Owner>>,
}

impl ThreadSource {
    /// The thread of `article_id`, loading in the browser (not on a published
    /// page); `None` when comments are off (no `Isso` in context).
    pub fn open(article_id: String, title: Signal<String>) -> Option<Self> {
        let isso = use_context::<Option<Isso>>().flatten()?;
        let deliveries = use_context::<Deliveries>()?;
        let comments = RwSignal::new(Vec::new());
        let source = Self {
            article_id: StoredValue::new(article_id),
            title,
            comments,
            held: RwSignal::new(Vec::new()),
            count: RwSignal::new(None),
            loaded: RwSignal::new(false),
            load_error: RwSignal::new(None),
            numbers: Memo::new(move |_| comments.with(|list| talkback_numbers(list))),
            voted: RwSignal::new(stored_votes()),
            vote_notes: RwSignal::new(Vec::new()),
            replying_to: RwSignal::new(None),
            visit: StoredValue::new(Visit::default()),
            isso: StoredValue::new(isso),
            deliveries,
            owner: StoredValue::new(Owner::current()),
        };
        // The source owns its delivered comments: they come here from
        // `Deliveries`, whether or not their form is on screen, and those
        // delivered while the thread was closed come now.
        let uri = source.uri();
        let (number, unclaimed) = deliveries.open_thread(&uri, move |comment, asked_parent| {
            source.accepted(comment, asked_parent);
        });
        on_cleanup(move || deliveries.close_thread(&uri, number));
        for (comment, asked_parent) in unclaimed {
            source.take(comment, asked_parent);
        }
        #[cfg(target_arch = "wasm32")]
        {
            source.reload();
            source.reload_when_visible();
        }
        Some(source)
    }

    /// Loads the thread again whenever the page becomes visible: whatever
    /// others wrote meanwhile comes in. Stops with the section.
    #[cfg(target_arch = "wasm32")]
    fn reload_when_visible(self) {
        crate::dom::on_document(leptos::ev::visibilitychange, move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Visible {
                self.reload();
            }
        });
    }

    /// Runs `task` under the section's owner: its requests are aborted, and it
    /// stops, when the reader leaves the article before they answer.
    fn spawn_owned(self, task: impl std::future::Future<Output = ()> + 'static) {
        match self.owner.get_value() {
            Some(owner) => owner.with(|| leptos::task::spawn_local_scoped(task)),
            None => leptos::task::spawn_local(task),
        }
    }

    /// The thread's path on the server (`model::thread_uri`).
    pub fn uri(&self) -> String {
        thread_uri(&self.article_id.get_value())
    }

    /// The article's id, for the forms' draft keys.
    pub fn article_id(&self) -> String {
        self.article_id.get_value()
    }

    /// Some load has succeeded (tracked).
    pub fn loaded(&self) -> bool {
        self.loaded.get()
    }

    /// Why the thread could not be loaded, while no load has succeeded (tracked).
    pub fn load_error(&self) -> Option<CommentError> {
        self.load_error.get()
    }

    /// The top-level comment ids in `order` (tracked).
    pub fn top_level(&self, order: SortOrder) -> Vec<i64> {
        self.comments.with(|list| top_level_ids(list, order))
    }

    /// The ids of the replies under `parent`, oldest first (tracked).
    pub fn replies(&self, parent: i64) -> Vec<i64> {
        self.comments.with(|list| reply_ids(list, parent))
    }

    /// The ids of the comments sent in this visit and held for moderation.
    pub fn held(&self) -> Vec<i64> {
        self.held.with(|held| held.iter().map(|c| c.id).collect())
    }

    /// `f` of the comment with this id, listed or held (tracked).
    pub fn with_comment<T>(&self, id: i64, f: impl FnOnce(&Comment) -> T) -> Option<T> {
        self.comments.with(|list| {
            self.held
                .with(|held| find(list, id).or_else(|| find(held, id)).map(f))
        })
    }

    /// Rows on screen, deleted placeholders included: for the sort and the empty note.
    pub fn rows(&self) -> usize {
        self.comments
            .with(|list| list.iter().map(Comment::count).sum::<usize>())
    }

    /// What the heading says: Isso's count, or the published comments listed.
    pub fn shown_count(&self) -> usize {
        self.count.get().map_or_else(
            || {
                self.comments
                    .with(|list| list.iter().map(Comment::published_count).sum())
            },
            |n| n as usize,
        )
    }

    /// The talkback number of a top-level comment (tracked); `None` for a
    /// reply or a held comment (`numbering`).
    pub fn number(&self, id: i64) -> Option<usize> {
        self.numbers.with(|numbers| number_of(numbers, id))
    }

    /// How this reader voted on the comment, if they did (tracked).
    pub fn voted(&self, id: i64) -> Option<Vote> {
        self.voted
            .with(|votes| votes.iter().find(|(v, _)| *v == id).map(|&(_, vote)| vote))
    }

    /// What the reader is told about their last vote on the comment (tracked).
    pub fn vote_note(&self, id: i64) -> Option<VoteNote> {
        self.vote_notes
            .with(|notes| notes.iter().find(|(n, _)| *n == id).map(|&(_, note)| note))
    }

    /// Loads the thread and its count again; a load already under way is enough.
    pub fn reload(self) {
        self.refresh_count();
        if self.visit.with_value(|visit| visit.loading) {
            return;
        }
        self.visit.update_value(|visit| visit.loading = true);
        let (isso, uri) = (self.isso.get_value(), self.uri());
        self.spawn_owned(async move {
            let outcome = isso.list(&uri).await;
            self.visit.update_value(|visit| visit.loading = false);
            match outcome {
                Ok(list) => {
                    let merged = self.visit.with_value(|visit| merge_load(list, &visit.did));
                    self.comments.set(merged);
                    self.loaded.set(true);
                    self.load_error.set(None);
                }
                Err(error) => {
                    crate::log::warn(&format!("comments: {error}"));
                    // Comments already shown stay; only a thread never loaded says so.
                    if !self.loaded.get_untracked() {
                        self.load_error.set(Some(error));
                    }
                }
            }
        });
    }

    /// Asks Isso for the thread's count; until it answers (or if it cannot), the
    /// heading counts the published comments in the list.
    fn refresh_count(self) {
        let (isso, uri, count) = (self.isso.get_value(), self.uri(), self.count);
        self.spawn_owned(async move {
            match isso.counts(std::slice::from_ref(&uri)).await {
                Ok(numbers) => count.set(numbers.first().copied()),
                Err(error) => {
                    crate::log::warn(&format!("comment count: {error}"));
                    count.set(None);
                }
            }
        });
    }

    /// One vote from this reader on a comment, once (like or dislike: Isso
    /// counts one per voter): shown as cast at once, its counts the server's
    /// answer, and kept for later visits. A vote that fails is taken back, the
    /// counts shown stay, and the reader is told (`VoteNote`) and may vote again.
    pub fn vote(self, id: i64, vote: Vote) {
        if self
            .voted
            .with_untracked(|votes| votes.iter().any(|(v, _)| *v == id))
        {
            return;
        }
        self.voted.update(|votes| votes.push((id, vote)));
        self.vote_notes
            .update(|notes| notes.retain(|(n, _)| *n != id));
        let isso = self.isso.get_value();
        // Not under the section's owner: a vote sent just before the reader
        // leaves still lands and is remembered, so it is not sent twice.
        leptos::task::spawn_local(async move {
            let outcome = isso.vote(id, vote).await;
            if let Some(note) = note_for(&outcome) {
                self.vote_notes.update(|notes| notes.push((id, note)));
            }
            match outcome {
                Ok(answer) => {
                    self.visit
                        .update_value(|visit| visit.did.votes.push((id, answer.tally)));
                    self.comments.update(|list| {
                        set_votes(list, id, &answer.tally);
                    });
                    // Counted or not, Isso keeps this voter for this comment:
                    // another vote would not count either.
                    remember_vote(id, vote);
                }
                Err(error) => {
                    crate::log::warn(&format!("{} failed: {error}", vote.endpoint()));
                    self.voted.update(|votes| votes.retain(|(v, _)| *v != id));
                }
            }
        });
    }

    /// Hands the reader's comment to the deliveries, under the form's draft
    /// `key`; `false` when it could not be stored for a reload (it is still sent).
    pub fn send(&self, key: String, comment: NewComment) -> bool {
        self.deliveries.send(Pending {
            key,
            thread: self.uri(),
            comment,
            first_tried: js_sys::Date::now() / 1000.0,
        })
    }

    /// Where the comment of the form with this draft key stands (`Deliveries`).
    pub fn delivery(&self, key: &str) -> Slot {
        self.deliveries.slot(key)
    }

    /// Hurries the form's delivery that is waiting to retry.
    pub fn hurry(&self, key: &str) {
        self.deliveries.hurry(key);
    }

    /// The thread's title, which Isso needs the first time it sees the thread.
    pub fn title(&self) -> String {
        self.title.get_untracked()
    }

    /// A comment the server accepted (handed over by `Deliveries`, never by a
    /// view): into the list under its parent, or aside while held; its reply
    /// form closes; then the thread is loaded again, for what others wrote meanwhile.
    /// `asked_parent`: the comment the reader answered (Isso may have put the
    /// reply elsewhere: `thread::Orphan`).
    fn accepted(self, comment: Comment, asked_parent: Option<i64>) {
        self.take(comment, asked_parent);
        self.reload();
    }

    /// `accepted` without the load that follows it.
    fn take(self, comment: Comment, asked_parent: Option<i64>) {
        if asked_parent.is_some() && self.replying_to.get_untracked() == asked_parent {
            self.replying_to.set(None);
        }
        if comment.is_held_for_moderation() {
            self.held.update(|held| held.push(comment));
            return;
        }
        self.visit
            .update_value(|visit| visit.did.posted.push(comment.clone()));
        let orphan = self
            .comments
            .try_update(|list| accept(list, asked_parent, comment))
            .flatten();
        if let Some(orphan) = orphan {
            self.visit
                .update_value(|visit| visit.did.orphans.push(orphan));
        }
    }

    /// Opens the reply form under `id`, or closes it when it is open.
    pub fn toggle_reply(&self, id: i64) {
        self.replying_to
            .update(|open| *open = if *open == Some(id) { None } else { Some(id) });
    }
}

/// The reader's votes from earlier visits, both kinds read by one rule.
fn stored_votes() -> Vec<(i64, Vote)> {
    Vote::BOTH
        .into_iter()
        .flat_map(|vote| {
            decode_ids(reader_storage::load(vote.storage_key()).as_deref())
                .into_iter()
                .map(move |id| (id, vote))
        })
        .collect()
}

/// Stores the vote for later visits, beside the others of its kind this reader
/// cast (read again first: another tab may have voted too).
fn remember_vote(id: i64, vote: Vote) {
    let key = vote.storage_key();
    let mut ids = decode_ids(reader_storage::load(key).as_deref());
    if !ids.contains(&id) {
        ids.push(id);
        reader_storage::save(key, &encode_ids(&ids));
    }
}
