//! One block of a chapter, rendered by its type.

use yew::prelude::*;

use super::chart::ChartFigure;
use super::indicator::IndicatorCard;
use super::rich_text::RichTextView;
use super::use_story;
use crate::content::model::Block;

/// The block to render.
#[derive(Properties, PartialEq)]
pub struct BlockViewProps {
    /// A paragraph, figures, a chart or a pull quote.
    pub block: Block,
}

/// Renders a block by its type. The model's enum is closed, so every type has its view.
#[component]
pub fn BlockView(props: &BlockViewProps) -> Html {
    let story = use_story();
    match &props.block {
        Block::Paragraph(paragraph) => html! {
            <p><RichTextView text={paragraph.text.clone()} /></p>
        },
        Block::Indicators(group) => html! {
            <div class="figures">
                { for group.ids.iter().filter_map(|id| story.indicator(id)).map(|indicator| html! {
                    <IndicatorCard indicator={indicator.clone()} />
                }) }
            </div>
        },
        Block::Chart(chart) => html! { <ChartFigure chart={chart.clone()} /> },
        Block::PullQuote(quote) => html! {
            <figure class="pull-quote">
                <blockquote><p>{ &quote.text }</p></blockquote>
                <figcaption>{ "——" }{ &quote.attribution }</figcaption>
            </figure>
        },
    }
}
