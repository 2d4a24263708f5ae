//! What only a frame's page shows: a credit line that leads to the full story, the headline a
//! part keeps for the outline, one chart or card under its chapter's heading, and the notice for
//! an address that names no part of the story. The build marks a frame's page (`data-embed` on
//! its root) and the stylesheet shows the credit line there.
//!
//! Plain functions, like the blocks: they hold no state.

use yew::prelude::*;

use super::block::block;
use super::indicator::IndicatorCard;
use super::rich_text::headline;
use super::source_credit::source_line;
use crate::content::model::{Block, Slug, Story};
use crate::stories;
use crate::ui::labels;
use crate::view;

/// A link to the full story in a new tab, with the source and its date: in an embed the page's
/// own masthead and footer may be out of view, but the credit never is. The link stands on a line
/// of its own, a 44 px target, the source under it; read without the stylesheet, a dot parts them.
pub fn embed_credit(story: &Story) -> Html {
    html! {
        <p class="embed-credit">
            { full_story_link(story) }<span class="embed-credit__between">{ " · " }</span>{ source_line(story) }
        </p>
    }
}

/// A part's footer: the credit line alone (the story's own footer, with its notes and downloads,
/// closes the whole story's frame).
pub fn part_credit(story: &Story) -> Html {
    html! { <footer class="credit">{ embed_credit(story) }</footer> }
}

/// The story's headline above a part: the outline still says whose part this is (the stylesheet
/// keeps it for screen readers only).
pub fn part_heading(story: &Story) -> Html {
    html! { <header class="masthead"><h1>{ headline(&story.meta.title) }</h1></header> }
}

/// The chart or figure card `id`, under its chapter's heading (for the outline, like the
/// headline); nothing if the story has no such block.
pub fn block_part(story: &Story, id: &Slug) -> Html {
    let card = |wrapper: &'static str| {
        story.indicator(id).map(|indicator| {
            html! {
                <div class={wrapper}><IndicatorCard indicator={indicator.clone()} /></div>
            }
        })
    };
    if story.meta.headline.contains(id) {
        return card("figures figures--headline").unwrap_or_default();
    }
    // A chart alone (a step's chart too, without its sequence), or the card.
    let find = |blocks: &[Block], heading: &'static str| {
        blocks.iter().find(|item| item.shows(id)).and_then(|item| match item.charts().find(|chart| chart.id == *id) {
            Some(chart) => Some(block(story, &Block::Chart(chart.clone()), heading)),
            None => card("figures"),
        })
    };
    let Some(index) = view::chapter_of(story, id) else {
        return find(&story.intro, "h2").unwrap_or_default();
    };
    let chapter = &story.chapters[index];
    let heading = format!("{}-title", chapter.id.as_str());
    html! {
        <section class="chapter" aria-labelledby={heading.clone()}>
            <h2 id={heading}>{ &chapter.title }</h2>
            { find(&chapter.blocks, "h3") }
        </section>
    }
}

/// Said instead of a blank frame when the address asks for a chapter or block the story lacks.
/// The way on is the credit line's link to the full story, right under it, as on every frame's
/// page: not a second link saying the same.
pub fn view_missing(story: &Story) -> Html {
    let words = labels(story.meta.lang);
    html! {
        <div class="view-missing">
            <p>{ words.view_missing }</p>
        </div>
    }
}

/// The full story is this edition's page without the query; from an iframe it opens in a new tab.
fn full_story_link(story: &Story) -> Html {
    let words = labels(story.meta.lang);
    let href = stories::edition(story.meta.id.as_str()).map_or("./", |edition| edition.href());
    html! {
        <a {href} target="_blank" rel="noopener">
            { words.full_story }{ "\u{a0}↗" }<span class="visually-hidden">{ words.new_tab }</span>
        </a>
    }
}
