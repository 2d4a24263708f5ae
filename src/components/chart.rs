//! A chart block: its heading, its caption (the text alternative) and its data as a real table.

use yew::prelude::*;

use super::{use_labels, use_story};
use crate::content::model::Chart;
use crate::format;
use crate::ui;

/// The chart to show.
#[derive(Properties, PartialEq)]
pub struct ChartFigureProps {
    /// Which chart and which indicators.
    pub chart: Chart,
}

/// The chart's figure, with a table of exactly the values it draws that a reader can open.
#[component]
pub fn ChartFigure(props: &ChartFigureProps) -> Html {
    let story = use_story();
    let words = use_labels();
    let chart = &props.chart;
    let rows = chart
        .indicators
        .iter()
        .filter_map(|id| story.indicator(id))
        .map(|indicator| {
            let (before, after) = ui::bound_words(story.meta.lang, indicator.bound);
            let number = format::fixed(indicator.value, indicator.precision);
            html! {
                <tr>
                    <th scope="row">{ &indicator.label }</th>
                    <td>{ before }{ number }{ &indicator.unit }{ after }</td>
                    <td>{ &indicator.period }</td>
                    <td>{ &indicator.basis }</td>
                </tr>
            }
        });
    html! {
        <figure class="chart" id={chart.id.as_str().to_owned()}>
            <h3 class="chart__title">{ &chart.title }</h3>
            <p class="chart__caption">{ &chart.caption }</p>
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
