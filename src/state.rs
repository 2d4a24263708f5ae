//! App-wide facts, in one store: whether the app has taken over the page, whether motion is
//! allowed, and which chapter's embed code the reader asked for. All are unknown while
//! prerendering, so the server and the first browser render agree; the browser learns them in an
//! effect (`components::app_state`).
//!
//! The store is the page's, not a component's: any component, under whichever root it is mounted,
//! reads it with [`use_app`] and is rendered again when it changes; anything may [`dispatch`] to it.
//! The reducer itself is a pure function, tested natively.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

/// Facts every component may need.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AppState {
    /// Whether the WebAssembly app is running (false in prerendered HTML).
    pub live: bool,
    /// Whether the reader's system allows motion: `None` until the browser has been asked.
    /// Components ask [`AppState::moves`], which also heeds the page's own switch.
    pub motion: Option<bool>,
    /// Whether the reader turned motion off with the page's switch.
    pub still: bool,
    /// Whether the reader's system asks for dark colours: `None` until asked. (A `?theme=` in the
    /// address overrides it in the stylesheet; charts redraw when it changes.)
    pub dark: Option<bool>,
    /// A chapter (by index) whose embed code the reader asked for from the chapter itself, until
    /// the embed control has shown it.
    pub embed_offer: Option<usize>,
}

/// What can change them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// The app has hydrated, and the reader's preferences and the address are known.
    Started {
        /// False when the reader asks for reduced motion.
        motion: bool,
        /// Whether the reader's system asks for dark colours.
        dark: bool,
    },
    /// The reader's motion preference changed.
    Motion(bool),
    /// The reader asked for the embed code of chapter `index`.
    OfferEmbed(usize),
    /// The embed control has shown the chapter asked for.
    EmbedOffered,
    /// The reader turned motion off (true) or back on with the page's switch.
    Still(bool),
    /// The reader's system colour scheme is (now) dark, or not.
    Dark(bool),
}

impl AppState {
    /// Whether things may move: the reader's system allows it and the reader has not switched it
    /// off here. `None` until the browser has been asked.
    pub fn moves(&self) -> Option<bool> {
        self.motion.map(|motion| motion && !self.still)
    }
}

impl AppState {
    /// The state after `action`: the same `Rc` if nothing changed.
    pub fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = match action {
            Action::Started { motion, dark } => {
                AppState { live: true, motion: Some(motion), dark: Some(dark), ..*self }
            }
            Action::Motion(motion) => AppState { motion: Some(motion), ..*self },
            Action::OfferEmbed(index) => AppState { embed_offer: Some(index), ..*self },
            Action::EmbedOffered => AppState { embed_offer: None, ..*self },
            Action::Still(still) => AppState { still, ..*self },
            Action::Dark(dark) => AppState { dark: Some(dark), ..*self },
        };
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

/// The page's state and who wants to know when it changes.
#[derive(Default)]
struct Store {
    state: Rc<AppState>,
    listeners: Vec<(u64, Callback<()>)>,
    next: u64,
}

thread_local! {
    static STORE: RefCell<Store> = RefCell::default();
}

/// The state now.
pub fn current() -> Rc<AppState> {
    STORE.with(|store| store.borrow().state.clone())
}

/// Applies `action` and, if the state changed, tells every listener.
pub fn dispatch(action: Action) {
    let listeners = STORE.with(|store| {
        let mut store = store.borrow_mut();
        let next = store.state.clone().reduce(action);
        let changed = !Rc::ptr_eq(&next, &store.state);
        store.state = next;
        // Told after the store is released: a listener may read or dispatch again.
        changed.then(|| store.listeners.iter().map(|(_, listener)| listener.clone()).collect::<Vec<_>>())
    });
    for listener in listeners.into_iter().flatten() {
        listener.emit(());
    }
}

/// Calls `listener` after every change, until the returned subscription is dropped.
fn subscribe(listener: Callback<()>) -> Subscription {
    STORE.with(|store| {
        let mut store = store.borrow_mut();
        store.next += 1;
        let id = store.next;
        store.listeners.push((id, listener));
        Subscription(id)
    })
}

/// A listener's place in the store; dropping it takes the listener out.
struct Subscription(u64);

impl Drop for Subscription {
    fn drop(&mut self) {
        STORE.with(|store| store.borrow_mut().listeners.retain(|(id, _)| *id != self.0));
    }
}

/// The page's state, for a component: rendered again whenever it changes.
#[hook]
pub fn use_app() -> Rc<AppState> {
    let update = use_force_update();
    use_effect_with((), move |_| {
        let subscription = subscribe(Callback::from(move |_| update.force_update()));
        move || drop(subscription)
    });
    current()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_app_starts_unknown_and_learns_the_motion_preference() {
        let state = Rc::new(AppState::default());
        assert_eq!(*state, AppState::default());
        assert_eq!(state.moves(), None);
        let started = state.reduce(Action::Started { motion: false, dark: true });
        assert_eq!((started.live, started.motion, started.dark), (true, Some(false), Some(true)));
        let moved = started.reduce(Action::Motion(true));
        assert_eq!(moved.moves(), Some(true));
    }

    #[test]
    fn an_embed_offer_lasts_until_the_control_has_shown_it() {
        let state = Rc::new(AppState { live: true, ..AppState::default() });
        let offered = state.reduce(Action::OfferEmbed(2));
        assert_eq!(offered.embed_offer, Some(2));
        assert_eq!(offered.reduce(Action::EmbedOffered).embed_offer, None);
    }

    #[test]
    fn the_pages_switch_stops_motion_whatever_the_system_allows() {
        let state = Rc::new(AppState { live: true, motion: Some(true), ..AppState::default() });
        let still = state.reduce(Action::Still(true));
        assert_eq!(still.moves(), Some(false));
        assert_eq!(still.clone().reduce(Action::Motion(true)).moves(), Some(false), "a system change does not undo it");
        assert_eq!(still.reduce(Action::Still(false)).moves(), Some(true));
    }

    #[test]
    fn a_dispatch_tells_every_listener_once_and_only_of_a_change() {
        let told = Rc::new(RefCell::new(0));
        let subscription = {
            let told = told.clone();
            subscribe(Callback::from(move |_| *told.borrow_mut() += 1))
        };
        dispatch(Action::Still(true));
        assert!(current().still);
        dispatch(Action::Still(true));
        assert_eq!(*told.borrow(), 1, "no change, no news");
        drop(subscription);
        dispatch(Action::Still(false));
        assert_eq!(*told.borrow(), 1, "a dropped listener hears nothing");
        assert!(!current().still);
    }

    #[test]
    fn an_unchanged_state_is_the_same_state() {
        let state = Rc::new(AppState { live: true, motion: Some(true), ..AppState::default() });
        assert!(Rc::ptr_eq(&state.clone().reduce(Action::Motion(true)), &state));
    }
}
