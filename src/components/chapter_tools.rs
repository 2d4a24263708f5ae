//! The tools at the end of a chapter: share its address (the system's share sheet where there is
//! one, else the clipboard) and get its embed code. They work only once the app runs, so until
//! then their place is kept but they are invisible and inert, and nothing moves when they appear;
//! an embed hides them (the stylesheet).

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::needs_app;
use crate::browser;
use crate::islands::Tools;
use crate::state::{dispatch, use_app, Action};
use crate::ui::labels;

/// Which chapter the tools are for.
#[derive(Properties, PartialEq)]
pub struct ChapterToolsProps {
    /// The chapter, and what sharing it says.
    pub tools: Tools,
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
    let words = labels(props.tools.lang);
    let app = use_app();
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
    let live = app.live;
    let index = props.tools.index;
    let on_embed = live.then(|| Callback::from(move |_| dispatch(Action::OfferEmbed(index))));
    let on_share = live.then(|| {
        let (status, tools) = (status.clone(), props.tools.clone());
        Callback::from(move |_| {
            let url = browser::address(Some(tools.chapter.as_str()));
            let title = tools.title.clone();
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
