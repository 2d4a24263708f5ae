//! The credit at the foot of the story: which article, who published it, when.

use yew::prelude::*;

use super::{use_labels, use_story};
use crate::ui;

/// The full source credit and a note on how quotations and figures are used.
#[component]
pub fn SourceCredit() -> Html {
    let story = use_story();
    let words = use_labels();
    let source = &story.meta.source;
    html! {
        <footer class="credit">
            <p>
                { words.source }{ "：" }{ &source.publisher }{ "《" }<cite>{ &source.title }</cite>{ "》，" }
                { words.published }{ " " }
                <time datetime={source.date.as_str().to_owned()}>{ ui::date(story.meta.lang, &source.date) }</time>
                { "。" }
            </p>
            <p>{ words.quotes_note }</p>
        </footer>
    }
}
