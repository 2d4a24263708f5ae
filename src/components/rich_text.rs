//! Typed spans to markup: emphasis, quotations from the source and links, never raw HTML.
//!
//! A plain function, not a component: it holds no state, and the page has dozens of paragraphs,
//! each of which would otherwise cost a component scope to hydrate on a slow phone.

use yew::prelude::*;

use crate::content::rich::{RichText, Span};

/// Renders spans inline; quotations become `<q>` so they are marked as the source's words.
pub fn rich_text(text: &RichText) -> Html {
    html! {
        { for text.spans().iter().map(|span| match span {
            Span::Text(text) => html! { { text } },
            Span::Emphasis(text) => html! { <strong>{ text }</strong> },
            Span::Quote(text) => html! { <q class="source-quote">{ text }</q> },
            Span::Hanzi(text) => html! { <span lang="zh-CN">{ text }</span> },
            Span::Link { text, href } => html! {
                <a href={href.clone()} rel="noopener">{ text }</a>
            },
        }) }
    }
}
