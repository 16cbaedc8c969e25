//! The one owner of every comment on its way to the server in this page. A form
//! hands its comment over and watches its state; the outbox stores the comment
//! until the server has it, and when the app starts it resumes whatever an
//! earlier page left there, so a comment sent offline goes out once the browser
//! is back online, after a reload too. One delivery per form at a time: a second
//! send while one is under way only hurries it. The server's copy goes to its
//! thread's source (`ThreadSource::accepted`) straight from here, whether or not
//! its form is on screen: at once while the thread is open, else when it opens
//! (a delivery resumed while the reader is on another page).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use leptos::prelude::*;

use super::isso::Isso;
use super::model::Comment;
use super::outbox::{self, Pending};
use super::reader_storage;
use super::sender::{deliver, SendState, Wake};

/// What a form sees of its comment's delivery.
#[derive(Clone)]
pub struct Slot {
    pub state: ArcRwSignal<SendState>,
    /// How many of this form's comments the server has taken in this page: the
    /// form empties its text when it grows (the draft is already forgotten).
    pub delivered: ArcRwSignal<u32>,
    wake: Wake,
    running: Rc<Cell<bool>>,
}

/// A thread's source taking a delivered comment: the server's copy, and the
/// comment it answered (`ThreadSource::accepted`).
type Receiver = Rc<dyn Fn(Comment, Option<i64>)>;

/// A delivered comment waiting for its thread to open: the server's copy, and
/// the comment it answered.
pub type Unclaimed = (Comment, Option<i64>);

struct Inner {
    isso: Isso,
    slots: RefCell<HashMap<String, Slot>>,
    /// The threads open now, by thread path (`model::thread_uri`), each with the
    /// number `open_thread` gave it (a thread drawn anew opens before the old
    /// one's cleanup closes it).
    threads: RefCell<HashMap<String, (u64, Receiver)>>,
    opened: Cell<u64>,
    /// Comments delivered while their thread was not open, by thread path.
    unclaimed: RefCell<HashMap<String, Vec<Unclaimed>>>,
}

impl Inner {
    /// The server has `comment`: to its thread's source if it is open, else
    /// set aside until it opens.
    fn hand_over(&self, thread: &str, comment: Comment, asked_parent: Option<i64>) {
        let receiver = self.threads.borrow().get(thread).map(|(_, r)| r.clone());
        match receiver {
            Some(receiver) => receiver(comment, asked_parent),
            None => self
                .unclaimed
                .borrow_mut()
                .entry(thread.to_owned())
                .or_default()
                .push((comment, asked_parent)),
        }
    }
}

/// Provided as context wherever comments are on.
#[derive(Clone, Copy)]
pub struct Deliveries(StoredValue<Rc<Inner>, LocalStorage>);

impl Deliveries {
    /// The page's deliveries, none under way yet: the browser app then calls
    /// `resume_outbox`; a published page (`publish::render`) draws its forms
    /// and sends nothing.
    pub fn new(isso: Isso) -> Self {
        Self(StoredValue::new_local(Rc::new(Inner {
            isso,
            slots: RefCell::default(),
            threads: RefCell::default(),
            opened: Cell::new(0),
            unclaimed: RefCell::default(),
        })))
    }

    /// The thread at path `thread` is open, its source taking each comment
    /// delivered to it from now on through `receiver`. Returns what was
    /// delivered to it while it was closed, for the source to take, and the
    /// number `close_thread` is given.
    pub fn open_thread(
        &self,
        thread: &str,
        receiver: impl Fn(Comment, Option<i64>) + 'static,
    ) -> (u64, Vec<Unclaimed>) {
        let inner = self.0.get_value();
        let number = inner.opened.get() + 1;
        inner.opened.set(number);
        inner
            .threads
            .borrow_mut()
            .insert(thread.to_owned(), (number, Rc::new(receiver)));
        let waiting = inner
            .unclaimed
            .borrow_mut()
            .remove(thread)
            .unwrap_or_default();
        (number, waiting)
    }

    /// The thread `open_thread` numbered `number` has closed (its section is
    /// gone): what is delivered to it now waits for it to open again.
    pub fn close_thread(&self, thread: &str, number: u64) {
        let Some(inner) = self.0.try_get_value() else {
            return;
        };
        let mut threads = inner.threads.borrow_mut();
        if threads.get(thread).is_some_and(|(open, _)| *open == number) {
            threads.remove(thread);
        }
    }

    /// Starts the deliveries an earlier page left in the outbox.
    fn resume(&self) {
        for pending in outbox::load() {
            self.run(pending, true);
        }
    }

    /// The delivery state of the form with this draft key.
    pub fn slot(&self, key: &str) -> Slot {
        let inner = self.0.get_value();
        let mut slots = inner.slots.borrow_mut();
        slots
            .entry(key.to_owned())
            .or_insert_with(|| Slot {
                state: ArcRwSignal::new(SendState::Idle),
                delivered: ArcRwSignal::new(0),
                wake: Wake::default(),
                running: Rc::new(Cell::new(false)),
            })
            .clone()
    }

    /// Sends a comment the reader just submitted; `false` when the outbox could
    /// not be stored (it is still sent, but a reload before it lands loses it).
    pub fn send(&self, pending: Pending) -> bool {
        let stored = outbox::store(pending.clone());
        self.run(pending, false);
        stored
    }

    /// Hurries a delivery that is waiting to retry.
    pub fn hurry(&self, key: &str) {
        self.slot(key).wake.now();
    }

    fn run(&self, pending: Pending, resumed: bool) {
        let slot = self.slot(&pending.key);
        if slot.running.replace(true) {
            slot.wake.now();
            return;
        }
        let inner = self.0.get_value();
        leptos::task::spawn_local(async move {
            let outcome = deliver(
                &inner.isso,
                &pending,
                resumed,
                slot.state.clone(),
                &slot.wake,
            )
            .await;
            slot.running.set(false);
            // Sent, or refused for good (the form says why, and the draft still
            // holds the words): either way it leaves the outbox.
            outbox::forget(&pending.key);
            if let Ok(stored) = outcome {
                reader_storage::remove(&pending.key);
                slot.state.set(SendState::Idle);
                slot.delivered.update(|n| *n += 1);
                inner.hand_over(&pending.thread, stored, pending.comment.parent);
            }
        });
    }
}

/// Sends what an earlier page left in the outbox. The sending code (the
/// outbox, the retries, the duplicate check that reads comment HTML) is in a
/// wasm chunk (`chunks`), shared with the article's: a page whose outbox is
/// empty, nearly every one, never fetches it for this. A chunk that does not
/// come is tried again up to `retry::MAX_AUTOMATIC_TRIES` times with backoff,
/// then the outbox is left as it is, for the next page.
pub fn resume_outbox(deliveries: Deliveries) {
    if reader_storage::load(outbox::OUTBOX_KEY).is_none() {
        return;
    }
    // A chunk that does not come (no service worker yet, a dropped download) is
    // tried again with the comments' own backoff, as a failed post would be.
    #[cfg(all(target_arch = "wasm32", feature = "split"))]
    leptos::task::spawn_local(async move {
        for failures in 1..=super::retry::MAX_AUTOMATIC_TRIES {
            match resume_chunk(deliveries).await {
                Ok(()) => return,
                Err(error) => {
                    crate::log::warn(&format!(
                        "unsent comments: their sender did not load: {error}"
                    ));
                    let wait = crate::backoff::backoff_seconds(
                        2.0,
                        failures,
                        60.0,
                        js_sys::Math::random(),
                    );
                    crate::dom::sleep_ms(wait * 1000.0).await;
                }
            }
        }
        crate::log::warn("unsent comments wait for the next page");
    });
    #[cfg(not(all(target_arch = "wasm32", feature = "split")))]
    deliveries.resume();
}

/// The split point of `resume_outbox`.
#[cfg(all(target_arch = "wasm32", feature = "split"))]
#[leptos::wasm_split::wasm_split(resume_chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
fn resume_chunk(deliveries: Deliveries) -> Result<(), leptos::wasm_split::SplitLoaderError> {
    deliveries.resume();
    Ok(())
}
