//! The root: provides the story and the app-wide state to every component, and lays out the page
//! for its view: the story's own page, or one view of it for another site's frame.

use std::rc::Rc;

use yew::prelude::*;

use super::block::block;
use super::chapter::chapter;
use super::embed_view::{block_part, part_credit, part_heading, view_missing};
use super::masthead::Masthead;
use super::source_credit::SourceCredit;
use super::StoryContext;
use crate::content::model::Story;
use crate::islands::{embeds, island, nav, Island};
use crate::ui::labels;
use crate::view::View;

/// What the app needs: the story to tell, and which view of it the page shows.
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The story, compiled in by the build.
    pub story: Rc<Story>,
    /// The view the page was built for (its root's `data-view`).
    pub view: View,
}

/// The page for its view. The story's own page: masthead, navigator, the opening, the chapters,
/// the source credit and the embed codes for editors of other sites. A frame: the part it names,
/// under the story's headline (kept for the outline; the stylesheet hides it for a part), and the
/// credit line that leads to the full story. The story's own page ends with the note shown only
/// if the interactive features cannot run (static/boot.js, the panic hook): its navigator and
/// controls need them. A frame has no note: what it holds is whole without the engine (its
/// figures final, its charts drawn by the build), and a note over a host's article would only say
/// so.
#[component]
pub fn App(props: &AppProps) -> Html {
    let story = &props.story;
    let words = labels(story.meta.lang);
    let chapters =
        |embedded: bool| -> Html { (0..story.chapters.len()).map(|index| chapter(story, index, embedded)).collect() };
    let intro = html! {
        <div class="intro">
            { for story.intro.iter().map(|item| block(story, item, "h2")) }
        </div>
    };
    let main = |content: Html| html! { <main id="story-main">{ content }</main> };
    let page = match props.view.clone().in_story(story) {
        View::Page => html! {
            <>
                <a class="skip-link" href="#story-main">{ words.skip_to_content }</a>
                <Masthead embedded=false />
                { island(Island::Nav(nav(story))) }
                { main(html! { <>{ intro }{ chapters(false) }</> }) }
                <SourceCredit />
                { island(Island::Embeds(embeds(story))) }
            </>
        },
        View::Story => html! {
            <>
                <Masthead embedded=true />
                { main(html! { <>{ intro }{ chapters(true) }</> }) }
                <SourceCredit />
            </>
        },
        View::Chapter(slug) => {
            let index = story.chapters.iter().position(|chapter| chapter.id == slug);
            html! {
                <>
                    { part_heading(story) }
                    { main(index.map(|index| chapter(story, index, true)).unwrap_or_default()) }
                    { part_credit(story) }
                </>
            }
        }
        View::Block(slug) => html! {
            <>
                { part_heading(story) }
                { main(block_part(story, &slug)) }
                { part_credit(story) }
            </>
        },
        View::Missing => html! {
            <>
                { part_heading(story) }
                { main(view_missing(story)) }
                { part_credit(story) }
            </>
        },
    };
    html! {
        <ContextProvider<StoryContext> context={story.clone()}>
            { page }
            if !props.view.is_embed() {
                <p class="app-note">{ words.app_off }</p>
            }
        </ContextProvider<StoryContext>>
    }
}
