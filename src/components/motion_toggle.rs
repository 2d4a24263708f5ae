//! The page's own switch for motion: a reader who finds the counting figures and growing charts
//! distracting stops them all at once, whatever their system setting. It needs the app, so until
//! the app runs it keeps its place invisibly and nothing moves when it appears.

use yew::prelude::*;

use super::needs_app;
use crate::content::model::Lang;
use crate::state::{dispatch, use_app, Action};
use crate::ui::labels;

/// The switch's language.
#[derive(Properties, PartialEq)]
pub struct MotionToggleProps {
    /// The story's language.
    pub lang: Lang,
}

/// A toggle button, pressed while motion is stopped. With the system's reduced-motion setting on,
/// nothing moves anyway: it shows pressed and cannot be released.
#[component]
pub fn MotionToggle(props: &MotionToggleProps) -> Html {
    let words = labels(props.lang);
    let app = use_app();
    let live = app.live;
    let system_still = app.motion == Some(false);
    let still = app.moves() == Some(false);
    let was_still = app.still;
    let onclick = live.then(|| Callback::from(move |_| dispatch(Action::Still(!was_still))));
    html! {
        <p class={classes!("motion-toggle", needs_app(live))} aria-hidden={(!live).then_some("true")}>
            <button type="button" class="tool" aria-pressed={if still { "true" } else { "false" }} disabled={!live || system_still} {onclick}>
                { words.stop_motion }
            </button>
        </p>
    }
}
