//! The top of the story: headline, dek, the source in one line, and the headline figures.

use yew::prelude::*;

use super::indicator::IndicatorCard;
use super::rich_text::headline;
use super::source_credit::source_line;
use super::{use_labels, use_story};
use crate::islands::{island, Island};

/// Where the masthead is.
#[derive(Properties, PartialEq)]
pub struct MastheadProps {
    /// In another site's frame, which leaves motion to the host page and the reader's setting.
    pub embedded: bool,
}

/// Headline, dek, credit line, the switch that stops motion (on the story's own page), and the
/// figures the story leads with.
#[component]
pub fn Masthead(props: &MastheadProps) -> Html {
    let story = use_story();
    let words = use_labels();
    let meta = &story.meta;
    let leading = meta.headline.iter().filter_map(|id| story.indicator(id));
    html! {
        <header class="masthead">
            <h1>{ headline(&meta.title) }</h1>
            <p class="dek">{ &meta.dek }</p>
            <p class="byline">{ source_line(&story) }</p>
            if !props.embedded {
                { island(Island::Motion { lang: story.meta.lang }) }
            }
            <section class="figures figures--headline" aria-label={words.key_figures}>
                { for leading.map(|indicator| html! { <IndicatorCard indicator={indicator.clone()} /> }) }
            </section>
        </header>
    }
}
