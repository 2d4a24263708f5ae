//! One block of a chapter, rendered by its type.
//!
//! A plain function, not a component: blocks hold no state, and there are dozens of them, each of
//! which would otherwise cost a component scope to hydrate. The figures and charts inside are
//! components, because they move.

use yew::prelude::*;

use super::chart::ChartFigure;
use super::indicator::IndicatorCard;
use super::rich_text::rich_text;
use super::sequence::sequence;
use crate::content::model::{Block, Story};

/// Renders `block` by its type. The model's enum is closed, so every type has its view. `heading`
/// is the element for a chart's or a box's title: `h2` in the opening, under the page's `h1`; `h3`
/// in a chapter.
pub fn block(story: &Story, block: &Block, heading: &'static str) -> Html {
    match block {
        Block::Paragraph(paragraph) => html! { <p>{ rich_text(&paragraph.text) }</p> },
        Block::Indicators(group) => html! {
            <div class="figures">
                { for group.ids.iter().filter_map(|id| story.indicator(id)).map(|indicator| html! {
                    <IndicatorCard indicator={indicator.clone()} />
                }) }
            </div>
        },
        Block::Chart(chart) => html! { <ChartFigure chart={chart.clone()} {heading} /> },
        Block::PullQuote(quote) => html! {
            <figure class="pull-quote">
                <blockquote><p>{ &quote.text }</p></blockquote>
                <figcaption>{ crate::ui::labels(story.meta.lang).dash }{ &quote.attribution }</figcaption>
            </figure>
        },
        Block::Sequence(steps) => sequence(story, steps, heading),
        Block::Notes(notes) => html! {
            <aside class="notes">
                <@{heading} class="notes__title">{ &notes.title }</@>
                <ul>{ for notes.items.iter().map(|item| html! { <li>{ rich_text(item) }</li> }) }</ul>
            </aside>
        },
    }
}
