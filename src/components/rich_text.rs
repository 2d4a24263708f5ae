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

/// A headline, each quotation in it (“…”, ‘…’) kept on one line: broken inside its quoted words
/// (“振奋人 / 心的数字”), a headline breaks the phrase it quotes. An English quotation closes at a
/// ’ that no letter follows (‘Fushun’s figures’ is one quotation). The opening mark stays outside
/// the kept run (no engine parts it from the word after it): Chromium sets a mark at a line's start
/// half-width only where the line breaks before the mark itself, not before a kept run it opens.
pub fn headline(text: &str) -> Html {
    let part = |(part, quoted): (&str, bool)| match quoted {
        true => {
            let (mark, words) = part.split_at(part.chars().next().map_or(0, char::len_utf8));
            html! { <>{ mark }<span class="keep">{ words }</span></> }
        }
        false => html! { { part } },
    };
    html! { { for quoted_parts(text).into_iter().map(part) } }
}

/// `text` in order as (part, whether it is a quotation with its marks).
fn quoted_parts(text: &str) -> Vec<(&str, bool)> {
    let mut parts = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find(['“', '‘']) {
        let inner = open + '“'.len_utf8();
        let close = if rest[open..].starts_with('“') {
            rest[inner..].find('”')
        } else {
            rest[inner..]
                .char_indices()
                .find(|&(at, c)| c == '’' && !rest[inner + at + c.len_utf8()..].starts_with(char::is_alphabetic))
                .map(|(at, _)| at)
        };
        let Some(close) = close else { break };
        let end = inner + close + '”'.len_utf8();
        parts.push((&rest[..open], false));
        parts.push((&rest[open..end], true));
        rest = &rest[end..];
    }
    parts.push((rest, false));
    parts.retain(|(part, _)| !part.is_empty());
    parts
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
    use super::{nested, quoted_parts};

    #[test]
    fn a_headlines_quotations_are_found_with_their_marks_an_apostrophe_inside_one_among_its_words() {
        assert_eq!(
            quoted_parts("抚顺的上半年：一组“振奋人心的数字”，归功于党的领导"),
            [("抚顺的上半年：一组", false), ("“振奋人心的数字”", true), ("，归功于党的领导", false)]
        );
        assert_eq!(
            quoted_parts("Fushun’s first half: ‘inspiring figures’, credited"),
            [("Fushun’s first half: ", false), ("‘inspiring figures’", true), (", credited", false)]
        );
        assert_eq!(quoted_parts("‘Fushun’s figures’"), [("‘Fushun’s figures’", true)]);
        // A mark that opens and never closes is the headline's text.
        assert_eq!(quoted_parts("a “b"), [("a “b", false)]);
    }

    #[test]
    fn a_quotation_within_a_quotation_takes_the_other_marks() {
        assert_eq!(nested("“十四五”后三年重要窗口期"), "‘十四五’后三年重要窗口期");
        assert_eq!(nested("新时代“辽沈战役”抚顺之战"), "新时代‘辽沈战役’抚顺之战");
        assert_eq!(nested("the “Liaoshen Campaign”, the Party’s"), "the ‘Liaoshen Campaign’, the Party’s");
        assert_eq!(nested("no marks"), "no marks");
    }
}
