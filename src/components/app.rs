//! The root: holds the app-wide state, provides it and the story to every component, and lays
//! out the page.

use std::rc::Rc;

use gloo::events::EventListener;
use yew::prelude::*;

use super::chapter::ChapterView;
use super::chapter_nav::ChapterNav;
use super::masthead::Masthead;
use super::source_credit::SourceCredit;
use super::{block::BlockView, StoryContext};
use crate::browser;
use crate::content::model::Story;
use crate::state::{Action, AppContext, AppState};
use crate::ui::labels;

/// What the app needs: the story to tell.
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The story, compiled in by the build.
    pub story: Rc<Story>,
}

/// The whole page: masthead, navigator, the opening, the chapters and the source credit.
#[component]
pub fn App(props: &AppProps) -> Html {
    let story = &props.story;
    let words = labels(story.meta.lang);
    let state = use_reducer_eq(AppState::default);
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            state.dispatch(Action::Started { motion: !browser::prefers_reduced_motion() });
            // Follow the system setting if the reader changes it while reading.
            let query = gloo::utils::window().match_media("(prefers-reduced-motion: reduce)").ok().flatten();
            let listener = query.map(|query| {
                EventListener::new(&query.clone(), "change", move |_| state.dispatch(Action::Motion(!query.matches())))
            });
            move || drop(listener)
        });
    }
    let chapters = &story.chapters;
    html! {
        <ContextProvider<StoryContext> context={story.clone()}>
        <ContextProvider<AppContext> context={state}>
            <a class="skip-link" href="#story-main">{ words.skip_to_content }</a>
            <Masthead />
            <ChapterNav />
            <main id="story-main">
                <div class="intro">
                    { for story.intro.iter().map(|block| html! { <BlockView block={block.clone()} /> }) }
                </div>
                { for chapters.iter().enumerate().map(|(index, chapter)| html! {
                    <ChapterView chapter={chapter.clone()} number={index + 1} next={chapters.get(index + 1).cloned()} />
                }) }
            </main>
            <SourceCredit />
        </ContextProvider<AppContext>>
        </ContextProvider<StoryContext>>
    }
}
