//! The tools at the end of a chapter: for now, the embed code of this chapter. They work only once
//! the app runs, so until then their place is kept but they are invisible and inert, and nothing
//! moves when they appear; an embed hides them (the stylesheet).

use yew::prelude::*;

use super::use_labels;
use crate::state::{Action, AppContext};

/// Which chapter the tools are for.
#[derive(Properties, PartialEq)]
pub struct ChapterToolsProps {
    /// The chapter's index in the story.
    pub index: usize,
}

/// An "Embed this chapter" button that hands the chapter to the embed control.
#[component]
pub fn ChapterTools(props: &ChapterToolsProps) -> Html {
    let words = use_labels();
    let app = use_context::<AppContext>();
    let live = app.as_ref().is_some_and(|state| state.live);
    let index = props.index;
    let onclick = app.filter(|_| live).map(|app| Callback::from(move |_| app.dispatch(Action::OfferEmbed(index))));
    html! {
        <p class={classes!("chapter__tools", (!live).then_some("chapter__tools--off"))} aria-hidden={(!live).then_some("true")}>
            <button type="button" class="tool" disabled={!live} {onclick}>{ words.embed_chapter }</button>
        </p>
    }
}
