//! One figure shown large, with its label and everything needed to read it honestly.

use yew::prelude::*;

use super::rich_text::quotation;
use super::{use_labels, use_story};
use crate::content::model::{Indicator, Kind};
use crate::islands::{island, Island};
use crate::ui;
use crate::view::View;

/// The indicator to show.
#[derive(Properties, PartialEq)]
pub struct IndicatorCardProps {
    /// The figure, as the story file defines it.
    pub indicator: Indicator,
}

/// A figure card: the value at its precision with its unit (and the words of a floor or a rank),
/// the label, the period and basis, and the source's own words. A line may break where a space
/// is ("at least" / "40%", "650,000" / "tonnes"), never between the number and the words set
/// against it ("40" / "%"). Screen readers get the whole figure once, as text; the counting copy
/// is hidden from them. A rank does not count: a place counted up from 第0位 means nothing on the
/// way. The story shows each figure as a card once, so `data-view` is the name of its view: the
/// card alone, in a frame. The period and the basis each start a line (a dot between them began
/// lines, "· 口径", and glued to the period's end it broke 上半 / 年). The label, the period and
/// basis and the quotation are blocks, so that each ends a run of text for the typesetting
/// (`typeset`: no line of one character at their ends).
#[component]
pub fn IndicatorCard(props: &IndicatorCardProps) -> Html {
    let lang = use_story().meta.lang;
    let words = use_labels();
    let indicator = &props.indicator;
    let words_around = ui::figure_words(lang, indicator);
    let number = if indicator.kind == Kind::Rank {
        html! { ui::number(lang, indicator.value, indicator.precision) }
    } else {
        island(Island::CountUp { value: indicator.value, precision: indicator.precision, lang })
    };
    html! {
        <figure class="indicator" data-indicator={indicator.id.as_str().to_owned()} data-view={View::Block(indicator.id.clone()).name()}>
            <p class="indicator__value">
                <span class="visually-hidden">
                    { ui::figure(lang, indicator) }
                </span>
                <span class="indicator__figure" aria-hidden="true">
                    if !words_around.apart_before.is_empty() {
                        { words_around.apart_before }{ " " }
                    }
                    <span class="keep">
                        { words_around.joined_before }
                        <span class="indicator__number">{ number }</span>
                        if !words_around.joined_after.is_empty() {
                            <span class="indicator__unit">{ words_around.joined_after }</span>
                        }
                    </span>
                    if !words_around.apart_after.is_empty() {
                        { " " }<span class="indicator__unit keep">{ words_around.apart_after }</span>
                    }
                </span>
            </p>
            <figcaption>
                <div class="indicator__label by-words">{ &indicator.label }</div>
                <div class="indicator__meta">
                    { words.period }{ words.colon }{ &indicator.period }<br />{ words.basis }{ words.colon }{ &indicator.basis }
                </div>
                if let Some(from) = &indicator.converted_from {
                    <div class="indicator__meta">{ words.converted }{ " " }{ from }</div>
                }
                <div class="indicator__quote">
                    { words.as_written }{ words.colon }{ quotation(&indicator.quote, None) }
                </div>
            </figcaption>
        </figure>
    }
}
