//! One figure shown large, with its label and everything needed to read it honestly.

use yew::prelude::*;

use super::use_labels;
use super::use_story;
use crate::content::model::Indicator;
use crate::format;
use crate::ui;

/// The indicator to show.
#[derive(Properties, PartialEq)]
pub struct IndicatorCardProps {
    /// The figure, as the story file defines it.
    pub indicator: Indicator,
}

/// A figure card: the value at its precision with its unit (and "以上" for a floor), the label,
/// the period and basis, and the source's own words.
#[component]
pub fn IndicatorCard(props: &IndicatorCardProps) -> Html {
    let lang = use_story().meta.lang;
    let words = use_labels();
    let indicator = &props.indicator;
    let (before, after) = ui::bound_words(lang, indicator.bound);
    let number = format::fixed(indicator.value, indicator.precision);
    html! {
        <figure class="indicator" data-indicator={indicator.id.as_str().to_owned()}>
            <p class="indicator__value">
                { before }
                <data class="indicator__number" value={number.clone()}>{ number }</data>
                <span class="indicator__unit">{ &indicator.unit }{ after }</span>
            </p>
            <figcaption>
                <span class="indicator__label">{ &indicator.label }</span>
                <span class="indicator__meta">
                    { words.period }{ "：" }{ &indicator.period }{ " · " }{ words.basis }{ "：" }{ &indicator.basis }
                </span>
                <span class="indicator__quote">
                    { words.as_written }{ "：" }<q>{ &indicator.quote }</q>
                </span>
            </figcaption>
        </figure>
    }
}
