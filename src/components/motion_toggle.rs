//! The page's own switch for motion: a reader who finds the counting figures and growing charts
//! distracting stops them all at once, whatever their system setting. It needs the app, so until
//! the app runs it keeps its place invisibly and nothing moves when it appears.

use yew::prelude::*;

use super::{needs_app, use_labels};
use crate::state::{Action, AppContext};

/// A toggle button, pressed while motion is stopped. With the system's reduced-motion setting on,
/// nothing moves anyway: it shows pressed and cannot be released.
#[component]
pub fn MotionToggle() -> Html {
    let words = use_labels();
    let app = use_context::<AppContext>();
    let live = app.as_ref().is_some_and(|state| state.live);
    let system_still = app.as_ref().is_some_and(|state| state.motion == Some(false));
    let still = app.as_ref().and_then(|state| state.moves()) == Some(false);
    let onclick = app.filter(|_| live).map(|app| Callback::from(move |_| app.dispatch(Action::Still(!app.still))));
    html! {
        <p class={classes!("motion-toggle", needs_app(live))} aria-hidden={(!live).then_some("true")}>
            <button type="button" class="tool" aria-pressed={if still { "true" } else { "false" }} disabled={!live || system_still} {onclick}>
                { words.stop_motion }
            </button>
        </p>
    }
}
