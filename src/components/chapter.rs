//! A chapter: an anchored section with our heading, the source's heading, and its blocks.
//!
//! A plain function, not a component, like the blocks it holds (see `block.rs`).

use yew::prelude::*;

use super::block::block;
use super::rich_text::quotation;
use crate::content::model::Story;
use crate::islands::{island, Island, Tools};
use crate::ui::{self, labels};
use crate::view::View;

/// Chapter `index` of `story` as a `<section>` whose id is the chapter's slug, so `#slug` links
/// work without any script; on the story's own page it ends with its tools and a link to the next
/// chapter, which a frame (`embedded`) leaves to the full story. `data-view` is its view's name.
pub fn chapter(story: &Story, index: usize, embedded: bool) -> Html {
    let words = labels(story.meta.lang);
    let chapter = &story.chapters[index];
    let id = chapter.id.as_str();
    let heading_id = format!("{id}-title");
    html! {
        <section class="chapter" id={id.to_owned()} data-view={View::Chapter(chapter.id.clone()).name()} aria-labelledby={heading_id.clone()}>
            <p class="chapter__number" aria-hidden="true">{ format!("{:02}", index + 1) }</p>
            <h2 id={heading_id} tabindex="-1">{ &chapter.title }</h2>
            if let Some(original) = &chapter.original {
                <p class="chapter__original">{ words.original_heading }{ words.colon }{ quotation(original, None) }</p>
            }
            { for chapter.blocks.iter().map(|item| block(story, item, "h3")) }
            if !embedded {
                { island(Island::Tools(Tools {
                    lang: story.meta.lang,
                    index,
                    chapter: chapter.id.clone(),
                    title: ui::part_title(story, &chapter.title),
                })) }
            }
            if let Some(next) = story.chapters.get(index + 1).filter(|_| !embedded) {
                <p class="chapter__next by-words">
                    <a href={format!("#{}", next.id.as_str())}>{ words.next_chapter }{ words.colon }{ &next.title }{ "\u{a0}→" }</a>
                </p>
            }
        </section>
    }
}
