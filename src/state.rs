//! App-wide facts, held in one reducer by `components::app_state::AppStateProvider`: whether the
//! app has taken over the page, and whether motion is allowed. Both are unknown while prerendering, so the server and the first
//! browser render agree; the browser learns them in an effect.

use std::rc::Rc;

use yew::prelude::*;

/// Facts every component may need.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AppState {
    /// Whether the WebAssembly app is running (false in prerendered HTML).
    pub live: bool,
    /// Whether things may move: `None` until the browser has been asked.
    pub motion: Option<bool>,
}

/// What can change them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// The app has hydrated, and the reader's motion preference is known.
    Started {
        /// False when the reader asks for reduced motion.
        motion: bool,
    },
    /// The reader's motion preference changed.
    Motion(bool),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = match action {
            Action::Started { motion } => AppState { live: true, motion: Some(motion) },
            Action::Motion(motion) => AppState { motion: Some(motion), ..*self },
        };
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

/// The state as components receive it.
pub type AppContext = UseReducerHandle<AppState>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_app_starts_unknown_and_learns_the_motion_preference() {
        let state = Rc::new(AppState::default());
        assert_eq!(*state, AppState { live: false, motion: None });
        let started = state.reduce(Action::Started { motion: false });
        assert_eq!(*started, AppState { live: true, motion: Some(false) });
        let moved = started.reduce(Action::Motion(true));
        assert_eq!(*moved, AppState { live: true, motion: Some(true) });
    }

    #[test]
    fn an_unchanged_state_is_the_same_state() {
        let state = Rc::new(AppState { live: true, motion: Some(true) });
        assert!(Rc::ptr_eq(&state.clone().reduce(Action::Motion(true)), &state));
    }
}
