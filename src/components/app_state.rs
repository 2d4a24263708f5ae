//! The provider of the app-wide state. A component of its own, around the page's content passed
//! as children, so a change of state re-renders only the components that read it, not the page.

use gloo::events::EventListener;
use web_sys::MediaQueryList;
use yew::prelude::*;

use super::use_story;
use crate::browser;
use crate::state::{Action, AppContext, AppState};
use crate::stories;
use crate::view::View;

/// The content that reads the state.
#[derive(Properties, PartialEq)]
pub struct AppStateProviderProps {
    /// The page's view: another edition asked for is opened at the same view.
    pub view: View,
    /// The page.
    pub children: Html,
}

/// Holds the [`AppState`] reducer and provides it. Once hydrated, it records that the app is live
/// and the reader's motion and colour-scheme preferences, and follows both if they change.
#[component]
pub fn AppStateProvider(props: &AppStateProviderProps) -> Html {
    let state = use_reducer_eq(AppState::default);
    let story = use_story();
    {
        let state = state.clone();
        let view = props.view.clone();
        use_effect_with((), move |_| {
            let query = browser::reduced_motion_query();
            let motion = !query.as_ref().is_some_and(|query| query.matches());
            let params = browser::params();
            // static/head.js opens the edition ?lang= asks for before the first paint; should it
            // not have run (a host's stale policy refused it, say), the app does it now.
            if let Some(edition) = params
                .lang
                .filter(|lang| *lang != story.meta.lang)
                .and_then(|lang| stories::editions(story.meta.id.as_str()).find(|edition| edition.lang == lang))
            {
                browser::open_edition(&view.href(edition.page));
            }
            let scheme = browser::dark_scheme_query();
            let dark = scheme.as_ref().is_some_and(|scheme| scheme.matches());
            // One action, so the page renders once as the app starts.
            state.dispatch(Action::Started { motion, dark });

            let follow = |query: Option<MediaQueryList>, action: fn(bool) -> Action| {
                let state = state.clone();
                query.map(|query| {
                    EventListener::new(&query.clone(), "change", move |_| state.dispatch(action(query.matches())))
                })
            };
            let listeners = [follow(query, |reduce| Action::Motion(!reduce)), follow(scheme, Action::Dark)];
            move || drop(listeners)
        });
    }
    // Once the page has rendered live, its root says so (`app-live`), for what cannot read the
    // state: the tests, on any view, since a frame's page may have no control that shows it.
    use_effect_with(state.live, |&live| {
        if let Some(root) = gloo::utils::document().document_element().filter(|_| live) {
            let _ = root.class_list().add_1("app-live");
        }
    });
    html! {
        <ContextProvider<AppContext> context={state}>
            { props.children.clone() }
        </ContextProvider<AppContext>>
    }
}
