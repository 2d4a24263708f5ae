//! The Yew components, one per file. Each renders purely from its props (and, for the page the
//! build renders, the story context), so the server and the browser produce the same tree.

// Islands: rendered by the build and hydrated in the browser (`crate::islands`).
pub mod chapter_nav;
pub mod chapter_tools;
pub mod chart_canvas;
pub mod count_up;
pub mod embed_codes;
pub mod language_switch;
pub mod live_address;
pub mod motion_toggle;
pub mod sequence_steps;

// The page around them: rendered by the build only, never touched by a script.
#[cfg(feature = "ssr")]
pub mod app;
#[cfg(feature = "ssr")]
pub mod block;
#[cfg(feature = "ssr")]
pub mod chapter;
#[cfg(feature = "ssr")]
pub mod chart;
#[cfg(feature = "ssr")]
pub mod embed_view;
#[cfg(feature = "ssr")]
pub mod indicator;
#[cfg(feature = "ssr")]
pub mod masthead;
#[cfg(feature = "ssr")]
pub mod rich_text;
#[cfg(feature = "ssr")]
pub mod sequence;
#[cfg(feature = "ssr")]
pub mod source_credit;

use yew::prelude::*;

/// The story being shown, shared with every component of the page the build renders.
#[cfg(feature = "ssr")]
pub type StoryContext = std::rc::Rc<crate::content::model::Story>;

/// The story from context. Every component of the page lives under [`app::App`], which provides it.
#[cfg(feature = "ssr")]
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
#[cfg(feature = "ssr")]
#[hook]
pub fn use_labels() -> &'static crate::ui::Labels {
    crate::ui::labels(use_story().meta.lang)
}
