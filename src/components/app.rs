//! The root: provides the story and the app-wide state to every component, and lays out the page.

use std::rc::Rc;

use yew::prelude::*;

use super::app_state::AppStateProvider;
use super::block::block;
use super::chapter::chapter;
use super::chapter_nav::ChapterNav;
use super::embed_codes::EmbedCodes;
use super::embed_view::view_missing;
use super::masthead::Masthead;
use super::source_credit::SourceCredit;
use super::StoryContext;
use crate::content::model::Story;
use crate::ui::labels;

/// What the app needs: the story to tell.
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The story, compiled in by the build.
    pub story: Rc<Story>,
}

/// The whole page: masthead, navigator, the opening, the chapters and the source credit, with what
/// only embeds show (see `embed_view`), the embed codes for editors of other sites, and the note
/// shown only if the interactive features cannot run (static/boot.js, the panic hook).
#[component]
pub fn App(props: &AppProps) -> Html {
    let story = &props.story;
    let words = labels(story.meta.lang);
    html! {
        <ContextProvider<StoryContext> context={story.clone()}>
        <AppStateProvider>
            <a class="skip-link" href="#story-main">{ words.skip_to_content }</a>
            <Masthead />
            <ChapterNav />
            <main id="story-main">
                { view_missing(story) }
                <div class="intro">
                    { for story.intro.iter().map(|item| block(story, item, "h2")) }
                </div>
                { for (0..story.chapters.len()).map(|index| chapter(story, index)) }
            </main>
            <SourceCredit />
            <EmbedCodes />
            <p class="app-note">{ words.app_off }</p>
        </AppStateProvider>
        </ContextProvider<StoryContext>>
    }
}
