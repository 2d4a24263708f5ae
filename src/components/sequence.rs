//! A sequence block: steps of text, each with the chart the graphic shows while it is read.
//!
//! Written stacked, each step's text then its chart, which is what a reader gets without the
//! engine, with scripts off, on paper and in a frame whose host page does not relay its scroll.
//! The island (components::sequence_steps) turns it into a graphic held in view while the texts
//! scroll past, through attributes the stylesheet reads (static/css/sequence.css).

use yew::prelude::*;

use super::chart::ChartFigure;
use super::rich_text::rich_text;
use crate::content::model::{Sequence, Story};
use crate::islands::{island, Island};
use crate::ui;

/// Renders `sequence`; `heading` is its charts' titles' element, as for a chart block.
pub fn sequence(story: &Story, sequence: &Sequence, heading: &'static str) -> Html {
    let count = sequence.steps.len();
    let steps = sequence.steps.iter().enumerate().map(|(i, step)| {
        // A group named for its place, and a tab stop: a keyboard reader reaches each step, and a
        // screen reader hears where it is in the sequence.
        html! {
            <div class="step">
                <div class="step__text" tabindex="0" role="group" aria-label={ui::step_name(story.meta.lang, i + 1, count)}>
                    <p>{ rich_text(&step.text) }</p>
                </div>
                <div class="step__graphic"><ChartFigure chart={step.chart.clone()} {heading} /></div>
            </div>
        }
    });
    html! {
        <div class="sequence" id={sequence.id.as_str().to_owned()}>
            { island(Island::Sequence { id: sequence.id.clone() }) }
            { for steps }
        </div>
    }
}
