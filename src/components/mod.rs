//! The Yew components, one per file. Each renders purely from its props and the story context, so
//! the server and the browser produce the same tree.

pub mod app;
pub mod app_state;
pub mod block;
pub mod chapter;
pub mod chapter_nav;
pub mod chapter_tools;
pub mod chart;
pub mod chart_canvas;
pub mod count_up;
pub mod embed_codes;
pub mod embed_view;
pub mod indicator;
pub mod language_switch;
pub mod masthead;
pub mod motion_toggle;
pub mod rich_text;
pub mod source_credit;

use std::rc::Rc;

use yew::prelude::*;

use crate::content::model::Story;
use crate::ui::{labels, Labels};

/// The story being shown, shared with every component below the app.
pub type StoryContext = Rc<Story>;

/// The story from context. Every component here lives under [`app::App`], which provides it.
#[hook]
pub fn use_story() -> StoryContext {
    use_context::<StoryContext>().expect("components render inside App, which provides the story")
}

/// The classes of a control that works only once the app runs: `needs-app` always, and
/// `needs-app--waiting` until then, which keeps its place but hides it, so nothing moves when it
/// appears. The stylesheet hides every `needs-app` control again if the app stops (`app-off`).
pub fn needs_app(live: bool) -> Classes {
    classes!("needs-app", (!live).then_some("needs-app--waiting"))
}

/// The interface's words in the story's language.
#[hook]
pub fn use_labels() -> &'static Labels {
    labels(use_story().meta.lang)
}
