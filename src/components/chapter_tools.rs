//! The tools at the end of a chapter: share its address (the system's share sheet where there is
//! one, else the clipboard) and get its embed code. They work only once the app runs, so until
//! then their place is kept but they are invisible and inert, and nothing moves when they appear;
//! an embed hides them (the stylesheet).

use yew::prelude::*;

use super::{needs_app, use_labels, use_story};
use crate::browser;
use crate::state::{Action, AppContext};
use crate::ui;

/// Which chapter the tools are for.
#[derive(Properties, PartialEq)]
pub struct ChapterToolsProps {
    /// The chapter's index in the story.
    pub index: usize,
}

/// "Share this chapter" and "Embed this chapter", with a status line for screen readers.
#[component]
pub fn ChapterTools(props: &ChapterToolsProps) -> Html {
    let story = use_story();
    let words = use_labels();
    let app = use_context::<AppContext>();
    let status = use_state(|| "");
    let live = app.as_ref().is_some_and(|state| state.live);
    let index = props.index;
    let on_embed = app.filter(|_| live).map(|app| Callback::from(move |_| app.dispatch(Action::OfferEmbed(index))));
    let on_share = live.then(|| {
        let (status, story) = (status.clone(), story.clone());
        Callback::from(move |_| {
            let chapter = &story.chapters[index];
            let url = browser::address(Some(chapter.id.as_str()));
            let title = ui::part_title(&story, &chapter.title);
            let shown = status.clone();
            // The share sheet says for itself what happened; a copy needs saying.
            if browser::share(&title, &url, |_| {}).is_none() {
                browser::copy_text(&url, move |worked| shown.set(if worked { words.link_copied } else { "" }));
            }
            status.set("");
        })
    });
    html! {
        <p class={classes!("chapter__tools", needs_app(live))} aria-hidden={(!live).then_some("true")}>
            <button type="button" class="tool" disabled={!live} onclick={on_share}>{ words.share_chapter }</button>
            <button type="button" class="tool" disabled={!live} onclick={on_embed}>{ words.embed_chapter }</button>
            <span class="chapter__status" role="status">{ *status }</span>
        </p>
    }
}
