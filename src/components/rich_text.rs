//! Typed spans to markup: emphasis, quotations from the source and links, never raw HTML.

use yew::prelude::*;

use crate::content::rich::{RichText, Span};

/// The text to render.
#[derive(Properties, PartialEq)]
pub struct RichTextViewProps {
    /// Spans in reading order.
    pub text: RichText,
}

/// Renders spans inline; quotations become `<q>` so they are marked as the source's words.
#[component]
pub fn RichTextView(props: &RichTextViewProps) -> Html {
    html! {
        { for props.text.spans().iter().map(|span| match span {
            Span::Text(text) => html! { { text } },
            Span::Emphasis(text) => html! { <strong>{ text }</strong> },
            Span::Quote(text) => html! { <q class="source-quote">{ text }</q> },
            Span::Link { text, href } => html! {
                <a href={href.clone()} rel="noopener">{ text }</a>
            },
        }) }
    }
}
