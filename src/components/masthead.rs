//! The top of the story: headline, dek, the source in one line, and the headline figures.

use yew::prelude::*;

use super::indicator::IndicatorCard;
use super::{use_labels, use_story};
use crate::ui;

/// Headline, dek, credit line and the figures the story leads with.
#[component]
pub fn Masthead() -> Html {
    let story = use_story();
    let words = use_labels();
    let meta = &story.meta;
    let headline = meta.headline.iter().filter_map(|id| story.indicator(id));
    html! {
        <header class="masthead">
            <h1>{ &meta.title }</h1>
            <p class="dek">{ &meta.dek }</p>
            <p class="byline">
                { words.source }{ "：" }{ &meta.source.publisher }{ "《" }{ &meta.source.title }{ "》，" }
                { words.published }{ " " }
                <time datetime={meta.source.date.as_str().to_owned()}>{ ui::date(meta.lang, &meta.source.date) }</time>
            </p>
            <section class="figures figures--headline" aria-label={words.key_figures}>
                { for headline.map(|indicator| html! { <IndicatorCard indicator={indicator.clone()} /> }) }
            </section>
        </header>
    }
}
