//! Typed spans to markup: emphasis, quotations from the source and links, never raw HTML.
//!
//! A plain function, not a component: it holds no state, and the page has dozens of paragraphs,
//! each of which would otherwise cost a component scope to hydrate on a slow phone.

use yew::prelude::*;

use crate::content::rich::{RichText, Span};

/// A quotation, its quotation marks in the text, with `class` on its element if it has one. Not
/// `<q>`: the marks a stylesheet draws for `<q>` are not copied by Chromium or WebKit, and Firefox
/// copies a `q` with `"` around it whatever draws its marks; a reader who copies a quotation must
/// copy it as one, marks and all. Both editions quote with “ ”, and a quotation inside one with
/// ‘ ’ ([`nested`]).
pub fn quotation(text: &str, class: Option<&'static str>) -> Html {
    let text = nested(text);
    match class {
        Some(class) => html! { <span class={class}>{ "“" }{ text }{ "”" }</span> },
        None => html! { <>{ "“" }{ text }{ "”" }</> },
    }
}

/// The words of a quotation as they stand inside its marks: a quotation within it takes single
/// marks (GB/T 15834, and English usage alike), so that 「“十四五”后三年」 reads “‘十四五’后三年”,
/// not ““十四五”后三年”. A single mark is left as it is: in English it is as often an apostrophe.
pub fn nested(text: &str) -> String {
    text.replace('“', "‘").replace('”', "’")
}

/// Renders spans inline; a quotation from the source is marked as the source's words (its marks
/// and `.source-quote`'s highlight).
pub fn rich_text(text: &RichText) -> Html {
    html! {
        { for text.spans().iter().map(|span| match span {
            Span::Text(text) => html! { { text } },
            Span::Emphasis(text) => html! { <strong>{ text }</strong> },
            Span::Quote(text) => quotation(text, Some("source-quote")),
            Span::Hanzi(text) => html! { <span lang="zh-CN">{ text }</span> },
            Span::Link { text, href } => html! {
                <a href={href.clone()} rel="noopener">{ text }</a>
            },
        }) }
    }
}

#[cfg(test)]
mod tests {
    use super::nested;

    #[test]
    fn a_quotation_within_a_quotation_takes_the_other_marks() {
        assert_eq!(nested("“十四五”后三年重要窗口期"), "‘十四五’后三年重要窗口期");
        assert_eq!(nested("新时代“辽沈战役”抚顺之战"), "新时代‘辽沈战役’抚顺之战");
        assert_eq!(nested("the “Liaoshen Campaign”, the Party’s"), "the ‘Liaoshen Campaign’, the Party’s");
        assert_eq!(nested("no marks"), "no marks");
    }
}
