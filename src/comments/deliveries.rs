//! The one owner of every comment on its way to the server in this page. A form
//! hands its comment over and watches its state; the outbox keeps the comment
//! until the server has it, and when the app starts it resumes whatever an
//! earlier page left there, so a comment sent offline goes out once the browser
//! is back online, after a reload too. One delivery per form at a time: a second
//! send while one is under way only hurries it.

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
    /// The stored comment, once, for the form to show; it takes it out.
    pub delivered: ArcRwSignal<Option<Comment>>,
    wake: Wake,
    running: Rc<Cell<bool>>,
}

struct Inner {
    isso: Isso,
    slots: RefCell<HashMap<String, Slot>>,
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
        })))
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
                delivered: ArcRwSignal::new(None),
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
        let isso = self.0.get_value().isso.clone();
        leptos::task::spawn_local(async move {
            let outcome = deliver(&isso, &pending, resumed, slot.state.clone(), &slot.wake).await;
            slot.running.set(false);
            // Sent, or refused for good (the form says why, and the draft keeps
            // the words): either way it leaves the outbox.
            outbox::forget(&pending.key);
            if let Ok(stored) = outcome {
                reader_storage::remove(&pending.key);
                slot.state.set(SendState::Idle);
                slot.delivered.set(Some(stored));
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
