//! A chapter: an anchored section with our heading, the source's heading, and its blocks.

use yew::prelude::*;

use super::block::BlockView;
use super::use_labels;
use crate::content::model::Chapter;

/// The chapter and its place in the story.
#[derive(Properties, PartialEq)]
pub struct ChapterViewProps {
    /// The chapter to render.
    pub chapter: Chapter,
    /// Its number, counting from 1.
    pub number: usize,
    /// The chapter after it, linked at its end; `None` for the last.
    pub next: Option<Chapter>,
}

/// A `<section>` whose id is the chapter's slug, so `#slug` links work without any script.
#[component]
pub fn ChapterView(props: &ChapterViewProps) -> Html {
    let words = use_labels();
    let chapter = &props.chapter;
    let heading_id = format!("{}-title", chapter.id.as_str());
    html! {
        <section class="chapter" id={chapter.id.as_str().to_owned()} aria-labelledby={heading_id.clone()}>
            <p class="chapter__number" aria-hidden="true">{ format!("{:02}", props.number) }</p>
            <h2 id={heading_id} tabindex="-1">{ &chapter.title }</h2>
            if let Some(original) = &chapter.original {
                <p class="chapter__original">{ words.original_heading }{ "：" }<q>{ original }</q></p>
            }
            { for chapter.blocks.iter().map(|block| html! { <BlockView block={block.clone()} /> }) }
            if let Some(next) = &props.next {
                <p class="chapter__next">
                    <a href={format!("#{}", next.id.as_str())}>{ words.next_chapter }{ "：" }{ &next.title }{ " →" }</a>
                </p>
            }
        </section>
    }
}
