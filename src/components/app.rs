//! The root: provides the story to every component and lays out the page.

use std::rc::Rc;

use yew::prelude::*;

use super::chapter::ChapterView;
use super::masthead::Masthead;
use super::source_credit::SourceCredit;
use super::{block::BlockView, StoryContext};
use crate::content::model::Story;
use crate::ui::labels;

/// What the app needs: the story to tell.
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The story, compiled in by the build.
    pub story: Rc<Story>,
}

/// The whole page: masthead, the opening, the chapters and the source credit.
#[component]
pub fn App(props: &AppProps) -> Html {
    let story = &props.story;
    let words = labels(story.meta.lang);
    html! {
        <ContextProvider<StoryContext> context={story.clone()}>
            <a class="skip-link" href="#story-main">{ words.skip_to_content }</a>
            <Masthead />
            <nav class="chapter-nav" aria-label={words.chapters}>
                <ol>
                    { for story.chapters.iter().map(|chapter| html! {
                        <li><a href={format!("#{}", chapter.id.as_str())}>{ &chapter.nav }</a></li>
                    }) }
                </ol>
            </nav>
            <main id="story-main">
                <div class="intro">
                    { for story.intro.iter().map(|block| html! { <BlockView block={block.clone()} /> }) }
                </div>
                { for story.chapters.iter().enumerate().map(|(index, chapter)| html! {
                    <ChapterView chapter={chapter.clone()} number={index + 1} />
                }) }
            </main>
            <SourceCredit />
        </ContextProvider<StoryContext>>
    }
}
