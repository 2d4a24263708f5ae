//! The tools at the end of a chapter: share its address (the system's share sheet where there is
//! one, else the clipboard) and get its embed code. They work only once the app runs, so until
//! then their place is kept but they are invisible and inert, and nothing moves when they appear;
//! an embed hides them (the stylesheet).

use web_sys::HtmlInputElement;
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

/// What became of the last share.
#[derive(Clone, PartialEq)]
enum Shared {
    /// Nothing yet, or the share sheet took it (it says for itself what happened).
    Quiet,
    /// The address is on the clipboard.
    Copied,
    /// Neither a share sheet nor the clipboard took the address (plain-http hosts, some in-app
    /// browsers): it is shown in a field, selected, for the reader to copy.
    Shown(String),
}

/// "Share this chapter" and "Embed this chapter", with a status line for screen readers.
#[component]
pub fn ChapterTools(props: &ChapterToolsProps) -> Html {
    let story = use_story();
    let words = use_labels();
    let app = use_context::<AppContext>();
    let status = use_state(|| Shared::Quiet);
    let field = use_node_ref();
    {
        let field = field.clone();
        use_effect_with((*status).clone(), move |status| {
            if let (Shared::Shown(_), Some(field)) = (status, field.cast::<HtmlInputElement>()) {
                let _ = field.focus();
                field.select();
            }
        });
    }
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
            status.set(Shared::Quiet);
            // The share sheet says for itself what happened; a copy needs saying, and a copy the
            // browser refused leaves the address for the reader to copy.
            if browser::share(&title, &url, |_| {}).is_none() {
                let address = url.clone();
                browser::copy_text(&url, move |worked| {
                    shown.set(if worked { Shared::Copied } else { Shared::Shown(address) });
                });
            }
        })
    });
    let said = match &*status {
        Shared::Quiet => "",
        Shared::Copied => words.link_copied,
        Shared::Shown(_) => words.link_selected,
    };
    html! {
        <p class={classes!("chapter__tools", needs_app(live))} aria-hidden={(!live).then_some("true")}>
            <button type="button" class="tool" disabled={!live} onclick={on_share}>{ words.share_chapter }</button>
            <button type="button" class="tool" disabled={!live} onclick={on_embed}>{ words.embed_chapter }</button>
            <span class="chapter__status" role="status">{ said }</span>
            if let Shared::Shown(address) = &*status {
                <input type="text" class="chapter__link" readonly=true value={address.clone()} aria-label={words.chapter_link} ref={field} />
            }
        </p>
    }
}
