//! A number that counts up to its value when it first scrolls into view.

use yew::prelude::*;

use crate::content::model::Lang;
use crate::hooks::use_entrance;
use crate::motion::{count_up_value, COUNT_UP_MS};
use crate::ui;

/// The number to count up to.
#[derive(Properties, PartialEq)]
pub struct CountUpProps {
    /// The final value.
    pub value: f64,
    /// Decimals shown in every frame, the final value's own.
    pub precision: u8,
    /// How the number is written (English groups thousands).
    pub lang: Lang,
}

/// Renders the final value (what prerendering and reduced motion show), and during an entrance
/// writes each frame into the same text node, so Yew's view of the page stays true. An invisible
/// copy of the final value under it holds the width, so nothing moves while it counts.
#[component]
pub fn CountUp(props: &CountUpProps) -> Html {
    let node = use_node_ref();
    let (value, precision, lang) = (props.value, props.precision, props.lang);
    {
        let node = node.clone();
        use_entrance(node.clone(), COUNT_UP_MS, move |progress| {
            if let Some(text) = node.get().and_then(|element| element.first_child()) {
                text.set_node_value(Some(&ui::number(lang, count_up_value(value, progress), precision)));
            }
        });
    }
    let text = ui::number(lang, value, precision);
    html! {
        <span class="count-up" data-final={text.clone()}>
            <span class="count-up__live" ref={node}>{ text }</span>
        </span>
    }
}
