//! Rich text: running text with emphasis, quotations and links as typed spans, never HTML.
//!
//! Editors write a light markup that reads naturally in Chinese and English:
//! `**emphasis**`, `「a quotation from the source」` (in a translation: our translation of one),
//! `[link text](https://…)`, and, in an English story, `〔抚顺〕` for a name in Chinese characters
//! given beside its pinyin. Anything else, `<` and `&` included, is plain text.

use serde::Deserialize;

/// One run of text with a single meaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span {
    /// Plain text.
    Text(String),
    /// Stressed text.
    Emphasis(String),
    /// Words quoted verbatim from the source article.
    Quote(String),
    /// A name in Chinese characters inside text in another language: "Fushun (〔抚顺〕)".
    Hanzi(String),
    /// A link to an `https` address.
    Link {
        /// What the reader sees.
        text: String,
        /// Where it goes.
        href: String,
    },
}

/// A paragraph's text as spans.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct RichText(pub(crate) Vec<Span>);

impl RichText {
    /// The spans in reading order.
    pub fn spans(&self) -> &[Span] {
        &self.0
    }

    /// The words as a reader reads them, without the marks: for checks that look at the words.
    pub fn plain(&self) -> String {
        self.0
            .iter()
            .map(|span| match span {
                Span::Text(t) | Span::Emphasis(t) | Span::Quote(t) | Span::Hanzi(t) | Span::Link { text: t, .. } => {
                    t.as_str()
                }
            })
            .collect()
    }

    /// The words quoted from the source, for checking them against it.
    pub fn quotes(&self) -> impl Iterator<Item = &str> {
        self.0.iter().filter_map(|span| match span {
            Span::Quote(text) => Some(text.as_str()),
            _ => None,
        })
    }
}

impl TryFrom<String> for RichText {
    type Error = String;

    fn try_from(text: String) -> Result<Self, String> {
        parse(&text).map(RichText)
    }
}

/// Splits marked-up text into spans, or says which mark is out of place.
pub fn parse(text: &str) -> Result<Vec<Span>, String> {
    let mut spans = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let (span, after) = if let Some(after) = rest.strip_prefix("**") {
            let (inner, after) = closed(after, "**", "emphasis", "**")?;
            (Span::Emphasis(inner.to_owned()), after)
        } else if let Some(after) = rest.strip_prefix('「') {
            let (inner, after) = closed(after, "」", "quotation", "「")?;
            (Span::Quote(inner.to_owned()), after)
        } else if let Some(after) = rest.strip_prefix('〔') {
            let (inner, after) = closed(after, "〕", "Chinese name", "〔")?;
            (Span::Hanzi(inner.to_owned()), after)
        } else if let Some(after) = rest.strip_prefix('[') {
            let (label, after) = closed(after, "]", "link text", "[")?;
            let after =
                after.strip_prefix('(').ok_or_else(|| format!("link [{label}] must be followed by (https://…)"))?;
            let (href, after) = closed(after, ")", "link address", "(")?;
            if !href.starts_with("https://") || href.contains(char::is_whitespace) {
                return Err(format!("link address {href:?} must start with https:// and hold no spaces"));
            }
            let link = Span::Link { text: label.to_owned(), href: href.to_owned() };
            (link, after)
        } else if matches!(c, '」' | ']' | '〕') {
            return Err(format!("{c:?} closes nothing: no opening mark before it"));
        } else {
            plain.push(c);
            rest = &rest[c.len_utf8()..];
            continue;
        };
        if !plain.is_empty() {
            spans.push(Span::Text(std::mem::take(&mut plain)));
        }
        spans.push(span);
        rest = after;
    }
    if !plain.is_empty() {
        spans.push(Span::Text(plain));
    }
    if spans.is_empty() {
        return Err("text is empty".to_owned());
    }
    Ok(spans)
}

/// The text up to `close` and what follows it; the text must be non-empty and unmarked.
fn closed<'a>(text: &'a str, close: &str, what: &str, open: &str) -> Result<(&'a str, &'a str), String> {
    let end = text.find(close).ok_or_else(|| format!("{what} opened with {open:?} is never closed with {close:?}"))?;
    let inner = &text[..end];
    if inner.trim().is_empty() {
        return Err(format!("{what} opened with {open:?} is empty"));
    }
    if let Some(mark) = ["**", "「", "[", "]", "」", "〔", "〕"].iter().find(|mark| inner.contains(**mark)) {
        return Err(format!("{what} {inner:?} holds the mark {mark:?}: marks do not nest"));
    }
    Ok((inner, &text[end + close.len()..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Span {
        Span::Text(s.to_owned())
    }

    #[test]
    fn a_chinese_name_is_marked_for_its_language() {
        let spans = parse("Fushun (〔抚顺〕) grew").unwrap();
        assert_eq!(spans, vec![text("Fushun ("), Span::Hanzi("抚顺".into()), text(") grew")]);
        assert!(parse("a〕").unwrap_err().contains("closes nothing"));
        assert!(parse("〔抚顺").unwrap_err().contains("never closed"));
    }

    #[test]
    fn plain_text_is_one_span_and_html_stays_text() {
        assert_eq!(parse("a <b>&amp; c").unwrap(), vec![text("a <b>&amp; c")]);
    }

    #[test]
    fn marks_become_typed_spans_in_order() {
        let spans = parse("投资**22.3%**，称「创下历史新高」，见[原文](https://example.org/a)。").unwrap();
        assert_eq!(
            spans,
            vec![
                text("投资"),
                Span::Emphasis("22.3%".into()),
                text("，称"),
                Span::Quote("创下历史新高".into()),
                text("，见"),
                Span::Link { text: "原文".into(), href: "https://example.org/a".into() },
                text("。"),
            ]
        );
    }

    #[test]
    fn single_asterisk_is_plain_text() {
        assert_eq!(parse("a * b").unwrap(), vec![text("a * b")]);
    }

    #[test]
    fn unclosed_and_stray_marks_are_errors() {
        assert!(parse("「未闭合").unwrap_err().contains("never closed"));
        assert!(parse("多余」").unwrap_err().contains("closes nothing"));
        assert!(parse("**强调").unwrap_err().contains("never closed"));
        assert!(parse("[链接]").unwrap_err().contains("must be followed by"));
        assert!(parse("「」").unwrap_err().contains("is empty"));
        assert!(parse("「a[b」").unwrap_err().contains("do not nest"));
        assert!(parse("").unwrap_err().contains("empty"));
    }

    #[test]
    fn only_https_links_are_allowed() {
        assert!(parse("[x](javascript:alert(1))").unwrap_err().contains("https://"));
        assert!(parse("[x](http://a.b)").unwrap_err().contains("https://"));
    }
}
