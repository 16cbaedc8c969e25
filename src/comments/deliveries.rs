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

use super::backend::Backend;
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
    backend: Backend,
    slots: RefCell<HashMap<String, Slot>>,
}

/// Provided as context wherever comments are on.
#[derive(Clone, Copy)]
pub struct Deliveries(StoredValue<Rc<Inner>, LocalStorage>);

impl Deliveries {
    /// Starts the deliveries an earlier page left in the outbox.
    pub fn start(backend: Backend) -> Self {
        let deliveries = Self(StoredValue::new_local(Rc::new(Inner {
            backend,
            slots: RefCell::default(),
        })));
        for pending in outbox::load() {
            deliveries.run(pending, true);
        }
        deliveries
    }

    /// The deliveries of a published page (`publish::render`): forms drawn,
    /// nothing sent, no outbox read (sending is the browser app's).
    pub fn published(backend: Backend) -> Self {
        Self(StoredValue::new_local(Rc::new(Inner {
            backend,
            slots: RefCell::default(),
        })))
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
        let kept = outbox::keep(pending.clone());
        self.run(pending, false);
        kept
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
        let backend = self.0.get_value().backend.clone();
        leptos::task::spawn_local(async move {
            let outcome =
                deliver(&backend, &pending, resumed, slot.state.clone(), &slot.wake).await;
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
