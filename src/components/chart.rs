//! A chart block: its heading, its caption (the text alternative) and its data as a real table.

use yew::prelude::*;

use super::{use_labels, use_story};
use crate::charts::ChartData;
use crate::content::model::Chart;
use crate::islands::{island, Island};
use crate::view::View;

/// The chart to show.
#[derive(Properties, PartialEq)]
pub struct ChartFigureProps {
    /// Which chart and which indicators.
    pub chart: Chart,
    /// The title's element, `h2` or `h3`, by where the chart stands in the outline.
    pub heading: &'static str,
}

/// The chart's figure: title, caption (its text alternative), the drawing, and a table of
/// exactly the values it draws that a reader can open. `data-view` is the name of its view: the
/// chart alone, in a frame.
///
/// The drawing is an island (`ChartCanvas`): until the canvas is drawn (the WebAssembly slow,
/// blocked, or scripts off) the chart's box holds the same chart as SVG, drawn from the same
/// marks, which the stylesheet hides once the canvas says it has drawn (`data-drawn`). The SVG is
/// for the eye only; the canvas carries the chart's name and description, the table its values.
#[component]
pub fn ChartFigure(props: &ChartFigureProps) -> Html {
    let story = use_story();
    let words = use_labels();
    let chart = &props.chart;
    let id = chart.id.as_str();
    let rows = chart.indicators.iter().filter_map(|id| story.indicator(id)).map(|indicator| {
        let value = crate::ui::figure(story.meta.lang, indicator);
        // Each cell names its column for the narrow layout, where the rows stack (static/css/charts.css);
        // each row names its indicator, which ties a chart's figure to its card (hooks::use_explore;
        // `data-indicator` alone marks a card).
        let label = |column: &str| format!("{column}{}", words.colon);
        html! {
            <tr data-indicator-row={indicator.id.as_str().to_owned()}>
                <th scope="row">{ &indicator.label }</th>
                <td data-label={label(words.value)}>
                    <span class="figure-text">{ value }</span>
                    if let Some(from) = &indicator.converted_from {
                        <br /><small>{ words.converted }{ " " }{ from }</small>
                    }
                </td>
                <td data-label={label(words.period)}>{ &indicator.period }</td>
                <td data-label={label(words.basis)}>{ &indicator.basis }</td>
            </tr>
        }
    });
    html! {
        <figure class="chart" id={id.to_owned()} data-view={View::Block(props.chart.id.clone()).name()}>
            <@{props.heading} class="chart__title" id={format!("{id}-title")}>{ &chart.title }</@>
            <p class="chart__caption" id={format!("{id}-caption")}>{ &chart.caption }</p>
            { island(Island::Chart { id: chart.id.clone(), data: ChartData::new(&story, chart) }) }
            <details class="chart__data">
                <summary>{ words.data_table }</summary>
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{ words.indicator }</th>
                            <th scope="col">{ words.value }</th>
                            <th scope="col">{ words.period }</th>
                            <th scope="col">{ words.basis }</th>
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </details>
        </figure>
    }
}
