//! The provider of the app-wide state. A component of its own, around the page's content passed
//! as children, so a change of state re-renders only the components that read it, not the page.

use gloo::events::EventListener;
use yew::prelude::*;

use crate::browser;
use crate::state::{Action, AppContext, AppState};

/// The content that reads the state.
#[derive(Properties, PartialEq)]
pub struct AppStateProviderProps {
    /// The page.
    pub children: Html,
}

/// Holds the [`AppState`] reducer and provides it. Once hydrated, it records that the app is live,
/// the reader's motion preference and whether the address asks for an embed, and follows the
/// motion preference if it changes.
#[component]
pub fn AppStateProvider(props: &AppStateProviderProps) -> Html {
    let state = use_reducer_eq(AppState::default);
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            let query = browser::reduced_motion_query();
            let motion = !query.as_ref().is_some_and(|query| query.matches());
            state.dispatch(Action::Started { motion, embedded: browser::params().embed.is_some() });
            let listener = query.map(|query| {
                EventListener::new(&query.clone(), "change", move |_| state.dispatch(Action::Motion(!query.matches())))
            });
            move || drop(listener)
        });
    }
    html! {
        <ContextProvider<AppContext> context={state}>
            { props.children.clone() }
        </ContextProvider<AppContext>>
    }
}
