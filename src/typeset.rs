//! Chinese typesetting by the W3C's Requirements for Chinese Text Layout (clreq), done by the build
//! on the prerendered page, so that every engine sets the text alike: Chromium compresses adjacent
//! punctuation itself (`text-spacing-trim`), WebKit (Safari, every iOS browser, WeChat's) and
//! Firefox do not, and no engine keeps a number with its unit.
//!
//! The build marks, never rewrites: every character stays where it was, so what a reader copies,
//! a screen reader reads and find-in-page finds is the story's text. Marks go only on prose (the
//! parts the engine never touches); an island's content stays exactly as rendered, as hydration
//! requires. static/css/core.css gives the marks their effect:
//! - of two adjacent full-width punctuation marks, the one clreq sets at half width is wrapped in
//!   `<span class="trim">` and gets the font's half-width form (`halt`), only in an engine without
//!   `text-spacing-trim` (a quotation's marks are text too: `components::rich_text::quotation`);
//! - a number and its unit (`22.3%`, `81.8亿元`, `25日`, `第3位`) are wrapped in
//!   `<span class="keep">`, which no line breaks, as the story's own figures (`.figure-text`) are;
//! - between a Han character and a Latin letter or digit, clreq's quarter em (3.2.2): the one before
//!   the boundary is wrapped in `<span class="autospace">` and spaced after, so that a line broken
//!   there starts flush. A Han character is wrapped alone, a word or number in Latin letters whole
//!   (a screen reader reads it as one). No engine applies `text-autospace` by default, and those
//!   that have it space by an eighth: the build's rule is the one rule in every engine, and the
//!   story file never holds a typed space there (content::load refuses one);
//! - a run of text (a paragraph, a heading, a line before a `<br>`) keeps its last two Han
//!   characters together in `<span class="keep">`, so that no last line holds one character alone
//!   (孤字), as "总量口 / 径" and "指挥 / 部" did: the break, if any, comes before them. Not where the
//!   two are the whole run, nor where a number kept with its unit ends it (that is two already);
//! - a heading (`h1`-`h6`) or what is marked `.by-words` (a card's label, the link to the next
//!   chapter) breaks only between words: the stylesheet sets it `word-break: keep-all`, and the
//!   build writes a `<wbr>` between two words of two characters or more (one-character words, two
//!   or three in a row, stay with the words around them) and after a mark that closes or parts
//!   (`，、：”`, where WebKit takes no break under `keep-all`), the words found by the Unicode
//!   Consortium's segmenter with its dictionary (ICU4X; browsers' `Intl.Segmenter` uses the same
//!   data), so "三木集团项 / 目设计规模" is set "三木集团 / 项目设计规模". What the dictionary does not
//!   hold it parts into characters (引|资|到|位|额); the story file lists such words
//!   (`typesetting.words`: 引资, 到位额), and each is one word here.

use crate::content::model::Lang;
use crate::content::script::{is_han, is_latin};
use icu_segmenter::options::WordBreakInvariantOptions;
use icu_segmenter::{WordSegmenter, WordSegmenterBorrowed};

/// Full-width punctuation that opens: its blank half is before it.
const OPENING: &str = "（“‘《「『【〔〈［｛";
/// Full-width punctuation that closes, in mainland Chinese fonts (where `：；！？` sit to the left
/// like `，。`): its blank half is after it.
const CLOSING: &str = "，。、：；！？）”’》」』】〕〉］｝";
/// What may follow a number as its unit: a percent sign, a magnitude with its currency or measure,
/// a measure word or a part of a date. One unit only, the longest that fits: 300个项目 keeps 300个,
/// not 300个项, which would part 项目.
const UNITS: &[&str] = &[
    "个百分点",
    "个月",
    "亿元",
    "万元",
    "万吨",
    "万人",
    "%",
    "％",
    "亿",
    "万",
    "千",
    "百",
    "元",
    "吨",
    "个",
    "位",
    "名",
    "项",
    "家",
    "座",
    "户",
    "人",
    "倍",
    "次",
    "年",
    "月",
    "日",
    "时",
];

/// The classes of what the page keeps on one line already: one of the story's figures, and what
/// this build or a component keeps (a number with its unit, a headline's quotation).
const KEPT: [&str; 2] = ["figure-text", "keep"];
/// The start tag of a number with its unit, kept on one line (static/css/core.css).
const KEEP: &str = "<span class=\"keep\">";
/// The start tag of what is spaced from the Han character or Latin letter after it.
const AUTOSPACE: &str = "<span class=\"autospace\">";

/// Elements whose content is left exactly as rendered: an island (hydration needs it so), and
/// what cannot hold a `span` (a script, a style, SVG, a field's options).
const SKIPPED: &[&str] = &["story-island", "script", "style", "svg", "select", "textarea", "title"];

/// Elements that never have an end tag.
const VOID: &[&str] =
    &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"];

/// The class of an element set by words, as a heading is (static/css/core.css).
const BY_WORDS: &str = "by-words";

/// Elements inside which text runs on: a mark next to one of them is adjacent to the text beyond.
/// Every other tag ends a run (a paragraph, a cell, a heading).
const INLINE: &[&str] = &["q", "span", "strong", "em", "a", "b", "i", "abbr", "cite", "small", "time", "mark"];

/// How a character or a quotation mark takes part in trimming.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Opening,
    Closing,
    /// The ideographic space.
    Space,
    Other,
}

fn class(c: char) -> Class {
    if OPENING.contains(c) {
        Class::Opening
    } else if CLOSING.contains(c) {
        Class::Closing
    } else if c == '\u{3000}' {
        Class::Space
    } else {
        Class::Other
    }
}

/// Whether `c` is a Han character, a Latin letter or a digit: what words are made of, as against
/// punctuation and spaces.
fn is_letter(c: char) -> bool {
    is_han(c) || is_latin(c)
}

/// Whether `c` may sit inside a number or word that is spaced whole (`22.3`, `2,000`).
fn inside_latin(c: char) -> bool {
    is_latin(c) || c == '.' || c == ','
}

/// Whether the mark after `before` is set at half width (clreq 3.1.6, as CSS Text 4's
/// `trim-adjacent`): an opening mark after an opening or closing mark or an ideographic space.
fn trims_after(before: Class, mark: Class) -> bool {
    mark == Class::Opening && matches!(before, Class::Opening | Class::Closing | Class::Space)
}

/// Whether `mark` is set at half width before `after`: a closing mark before a closing mark or an
/// ideographic space.
fn trims_before(mark: Class, after: Class) -> bool {
    mark == Class::Closing && matches!(after, Class::Closing | Class::Space)
}

/// A piece of the page's HTML: a tag (with its name, lower-case, `/` first for an end tag) or text.
#[derive(Debug)]
enum Piece<'a> {
    Tag { source: &'a str, name: String },
    Text(&'a str),
}

/// The pieces of `html`, in order; attribute values may hold `>` inside quotes.
fn pieces(html: &str) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    let bytes = html.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'<' {
            let mut j = i + 1;
            let mut quote = None;
            while j < bytes.len() {
                match (quote, bytes[j]) {
                    (None, b'"' | b'\'') => quote = Some(bytes[j]),
                    (Some(q), b) if b == q => quote = None,
                    (None, b'>') => break,
                    _ => {}
                }
                j += 1;
            }
            let source = &html[i..(j + 1).min(html.len())];
            let name: String = source[1..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '/' || *c == '-' || *c == '!')
                .collect::<String>()
                .to_ascii_lowercase();
            pieces.push(Piece::Tag { source, name });
            i = j + 1;
        } else {
            let end = html[i..].find('<').map_or(html.len(), |n| i + n);
            pieces.push(Piece::Text(&html[i..end]));
            i = end;
        }
    }
    pieces
}

/// Where a character of the running text is: its piece and its byte offset there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct At {
    piece: usize,
    offset: usize,
}

/// A run of text: its characters, each where it is.
type Run = Vec<(At, char)>;

/// `html` (a page's prerendered story, its root in `lang`) with its marks for Chinese layout on
/// its Chinese text (all of a Chinese page; on a page in another language, what is marked
/// `lang="zh…"`, as the English edition's Chinese names and title): see the module's
/// documentation. `words` are words the segmenter's dictionary lacks (the story's
/// `typesetting.words`). Its text is unchanged.
pub fn typeset(html: &str, lang: Lang, words: &[String]) -> String {
    let pieces = pieces(html);
    let skipped = skipped(&pieces);
    let chinese = inherited(&pieces, lang == Lang::Zh, |tag, _, parent| {
        attribute(tag, "lang").map_or(parent, |lang| lang == "zh" || lang.starts_with("zh-"))
    });
    let by_words = inherited(&pieces, false, |tag, name, parent| {
        parent || matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6") || has_class(tag, BY_WORDS)
    });
    // Inside what the page keeps on one line already (one of the story's figures, a headline's
    // quotation): nothing more is kept there, and no break is written, not even a `<wbr>`, which
    // Chromium takes inside `white-space: nowrap` too.
    let kept = inherited(&pieces, false, |tag, _, parent| parent || KEPT.iter().any(|class| has_class(tag, class)));
    let marked = |index: usize| !skipped[index] && chinese[index];
    // The running Chinese text, in runs that no block boundary, island, script or text in another
    // language interrupts.
    let mut runs: Vec<Run> = vec![Vec::new()];
    for (index, piece) in pieces.iter().enumerate() {
        match piece {
            Piece::Text(text) if marked(index) => {
                let run = runs.last_mut().expect("a run");
                run.extend(text.char_indices().map(|(offset, c)| (At { piece: index, offset }, c)));
            }
            Piece::Tag { name, .. } if !skipped[index] && INLINE.contains(&name.trim_start_matches('/')) => {}
            _ => runs.push(Vec::new()),
        }
    }
    let mut trimmed: Vec<At> = Vec::new();
    // Spaced from what follows: the first and last character, in one piece.
    let mut spaced: Vec<(At, At)> = Vec::new();
    for run in &runs {
        for (i, pair) in run.windows(2).enumerate() {
            let ((first, a), (second, b)) = (pair[0], pair[1]);
            let (a_class, b_class) = (class(a), class(b));
            if trims_before(a_class, b_class) {
                trimmed.push(first);
            }
            if trims_after(a_class, b_class) {
                trimmed.push(second);
            }
            if is_han(a) && is_latin(b) {
                spaced.push((first, first));
            } else if is_latin(a) && is_han(b) {
                spaced.push((latin_start(&run[..=i]), first));
            }
        }
    }
    // A run set by words breaks only where the build says, never before its last character; any
    // other keeps its last two characters together.
    let (worded, running): (Vec<&Run>, Vec<&Run>) =
        runs.iter().partition(|run| run.first().is_some_and(|(at, _)| by_words[at.piece]));
    let ends: Vec<At> = running.into_iter().filter_map(|run| last_pair(run)).collect();
    let segmenter = WordSegmenter::new_dictionary(WordBreakInvariantOptions::default());
    let breaks: Vec<At> =
        worded.into_iter().flat_map(|run| word_breaks(&segmenter, words, run)).filter(|at| !kept[at.piece]).collect();
    let mut out = String::with_capacity(html.len() + html.len() / 20);
    for (index, piece) in pieces.iter().enumerate() {
        match piece {
            Piece::Tag { source, .. } => out.push_str(source),
            Piece::Text(text) if marked(index) => {
                let marks: Vec<usize> = trimmed.iter().filter(|at| at.piece == index).map(|at| at.offset).collect();
                let spaces: Vec<(usize, usize)> = spaced
                    .iter()
                    .filter(|(at, _)| at.piece == index)
                    .map(|(from, to)| (from.offset, to.offset))
                    .collect();
                let end = ends.iter().find(|at| at.piece == index).map(|at| at.offset);
                let words: Vec<usize> = breaks.iter().filter(|at| at.piece == index).map(|at| at.offset).collect();
                let marks = Marks { trims: &marks, spaces: &spaces, end: end.filter(|_| !kept[index]), breaks: &words };
                out.push_str(&text_marked(text, &marks, !kept[index]));
            }
            Piece::Text(text) => out.push_str(text),
        }
    }
    out
}

/// Where the last two Han characters of `run` start, when they end it (only punctuation or spaces
/// after them), are in one piece and something other than punctuation comes before them.
fn last_pair(run: &[(At, char)]) -> Option<At> {
    let last = run.iter().rposition(|(_, c)| is_letter(*c))?;
    let (second, c) = run[last];
    let (first, b) = *run.get(last.checked_sub(1)?)?;
    let before = run[..last - 1].iter().any(|(_, c)| is_letter(*c));
    (is_han(b) && is_han(c) && first.piece == second.piece && before).then_some(first)
}

/// The longest string of one-character words that stays whole: the dictionary parts what it does
/// not hold into characters (占|比, 营|商, 与一|个), and two or three of them are one word or joined
/// to the words around them; a longer string is left as the engine breaks it.
const JOINED: usize = 3;

/// Where `run` may break between words: between two words of two or more characters, and in or at
/// the edge of a string of more than [`JOINED`] one-character words, the characters on each side a
/// Han character and a Han character or a Latin letter or digit; and after a punctuation mark that
/// closes or parts (`，、：”`), where the line-breaking rules allow a break but WebKit takes none
/// under `keep-all` (it broke the overfull line inside a word: "…的数字”，归功于 / 党的领导"). Not
/// before a mark that opens: Chromium breaks there itself and sets the mark flush
/// (`text-spacing-trim`); WebKit and Firefox, which cannot, would start a line half an em in.
/// Never before the run's last character, which would stand alone (a `<span class="keep">` there,
/// as other runs have, WebKit breaks before even under `keep-all`). Each of `words` found in the
/// run is one word, whatever the dictionary says.
fn word_breaks(segmenter: &WordSegmenterBorrowed, words: &[String], run: &[(At, char)]) -> Vec<At> {
    let text: String = run.iter().map(|(_, c)| c).collect();
    // The run's characters by their byte offset in `text`.
    let starts: Vec<usize> = text.char_indices().map(|(offset, _)| offset).collect();
    let at = |offset: usize| starts.binary_search(&offset).unwrap_or(run.len());
    // Where each segment (a word, a mark, a space) starts, by character, and where the last ends.
    let mut bounds: Vec<usize> = segmenter.segment_str(&text).map(at).collect();
    for word in words {
        for (offset, _) in text.match_indices(word.as_str()) {
            let (first, end) = (at(offset), at(offset + word.len()));
            bounds.retain(|&b| b <= first || b >= end);
            bounds.extend([first, end]);
        }
    }
    bounds.sort_unstable();
    bounds.dedup();
    // For each segment, whether it is a word of one character (a mark or a space parts strings of
    // them: "：一|组“" is two, joined).
    let single: Vec<bool> = bounds.windows(2).map(|w| w[1] - w[0] == 1 && is_letter(run[w[0]].1)).collect();
    let string = |k: usize| {
        let (mut first, mut last) = (k, k);
        while first > 0 && single[first - 1] {
            first -= 1;
        }
        while last + 1 < single.len() && single[last + 1] {
            last += 1;
        }
        last + 1 - first
    };
    let free: Vec<bool> = (0..single.len()).map(|k| single[k] && string(k) > JOINED).collect();
    let breaks = |k: usize| {
        let (a, b) = (run[bounds[k] - 1].1, run[bounds[k]].1);
        if is_letter(a) && is_letter(b) {
            (is_han(a) || is_han(b)) && ((!single[k - 1] && !single[k]) || free[k - 1] || free[k])
        } else {
            CLOSING.contains(a) && (is_letter(b) || OPENING.contains(b))
        }
    };
    let last = run.iter().rposition(|(_, c)| is_letter(*c));
    (1..single.len()).filter(|&k| breaks(k)).map(|k| bounds[k]).filter(|&i| Some(i) != last).map(|i| run[i].0).collect()
}

/// Where the word or number in Latin letters that ends `run` starts, within its last piece.
fn latin_start(run: &[(At, char)]) -> At {
    let (last, _) = *run.last().expect("a character");
    let mut start = run.len() - 1;
    while start > 0 && run[start - 1].0.piece == last.piece && inside_latin(run[start - 1].1) {
        start -= 1;
    }
    // A number's point or comma belongs inside it, not before it.
    while !is_latin(run[start].1) {
        start += 1;
    }
    run[start].0
}

/// The value of the attribute `name` in the start tag `tag`, as the prerenderer writes it (`"`).
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    tag.split(&format!(" {name}=\"")).nth(1).and_then(|rest| rest.split('"').next())
}

/// Whether the start tag `tag` gives its element the class `class`.
fn has_class(tag: &str, class: &str) -> bool {
    attribute(tag, "class").is_some_and(|classes| classes.split(' ').any(|c| c == class))
}

/// For each piece, a property elements pass on to what is inside them: `root`'s outside every
/// element, and for what is inside an element, `of(start tag, name, the property outside it)`:
/// whether it is Chinese (by the nearest `lang`), whether it is set by words.
fn inherited(pieces: &[Piece], root: bool, of: impl Fn(&str, &str, bool) -> bool) -> Vec<bool> {
    // The open elements, with the property inside each.
    let mut open: Vec<(&str, bool)> = Vec::new();
    pieces
        .iter()
        .map(|piece| {
            let here = open.last().map_or(root, |(_, inside)| *inside);
            if let Piece::Tag { source, name } = piece {
                if let Some(closed) = name.strip_prefix('/') {
                    if let Some(at) = open.iter().rposition(|(element, _)| *element == closed) {
                        open.truncate(at);
                    }
                } else if !VOID.contains(&name.as_str()) && !name.starts_with('!') && !source.ends_with("/>") {
                    open.push((name, of(source, name, here)));
                }
            }
            here
        })
        .collect()
}

/// For each piece, whether it is in an element left as rendered ([`SKIPPED`]), its tags included.
fn skipped(pieces: &[Piece]) -> Vec<bool> {
    let mut inside: Option<(&str, usize)> = None;
    pieces
        .iter()
        .map(|piece| {
            let Piece::Tag { name, .. } = piece else {
                return inside.is_some();
            };
            match &mut inside {
                Some((element, depth)) if name == element => *depth += 1,
                Some((element, depth)) if name.strip_prefix('/') == Some(*element) => {
                    *depth -= 1;
                    if *depth == 0 {
                        inside = None;
                        return true;
                    }
                }
                Some(_) => {}
                None if SKIPPED.contains(&name.as_str()) => inside = Some((name, 1)),
                None => {}
            }
            inside.is_some()
        })
        .collect()
}

/// The marks of one text piece, by the byte offsets of their characters there.
struct Marks<'a> {
    /// The punctuation marks to trim.
    trims: &'a [usize],
    /// The spans to space from what follows: their first and last character.
    spaces: &'a [(usize, usize)],
    /// The first of the two characters that end a run, kept together.
    end: Option<usize>,
    /// The characters that start a word a line may break before.
    breaks: &'a [usize],
}

/// A text piece with its `marks`: punctuation wrapped for trimming, spans wrapped for spacing, a
/// run's last two characters kept together, a `<wbr>` before each word a line may break before
/// and, with `numbers`, each number kept with its unit (no break inside it).
fn text_marked(text: &str, marks: &Marks, numbers: bool) -> String {
    let Marks { trims, spaces, end, breaks } = *marks;
    let mut out = String::with_capacity(text.len());
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (offset, c) = chars[i];
        if breaks.contains(&offset) {
            out.push_str("<wbr>");
        }
        if trims.contains(&offset) {
            out.push_str("<span class=\"trim\">");
            out.push(c);
            out.push_str("</span>");
            i += 1;
            continue;
        }
        if let Some(end) = number_with_unit(&chars, i).filter(|_| numbers) {
            out.push_str(KEEP);
            spaced_into(&mut out, &chars, i, end, spaces);
            out.push_str("</span>");
            i = end;
            continue;
        }
        if end == Some(offset) {
            out.push_str(KEEP);
            i = spaced_into(&mut out, &chars, i, i + 2, spaces);
            out.push_str("</span>");
            continue;
        }
        i = spaced_into(&mut out, &chars, i, i + 1, spaces);
    }
    out
}

/// Writes `chars[from..to]` to `out`, each span of `spaces` that starts there wrapped for spacing,
/// and returns the index after the last character written: past `to` when a span starting before
/// `to` runs on (never so inside a number kept with its unit, whose spans end before a Han
/// character or at the number's last digit).
fn spaced_into(out: &mut String, chars: &[(usize, char)], from: usize, to: usize, spaces: &[(usize, usize)]) -> usize {
    let mut i = from;
    while i < to {
        let (offset, c) = chars[i];
        match spaces.iter().find(|(first, _)| *first == offset) {
            Some(&(_, last)) => {
                let end = chars[i..].iter().position(|(at, _)| *at == last).map_or(chars.len(), |n| i + n + 1);
                out.push_str(AUTOSPACE);
                out.extend(chars[i..end].iter().map(|(_, c)| c));
                out.push_str("</span>");
                i = end;
            }
            None => {
                out.push(c);
                i += 1;
            }
        }
    }
    i
}

/// If a number with its unit starts at `chars[start]` (`第` first for a place), the index after it.
fn number_with_unit(chars: &[(usize, char)], start: usize) -> Option<usize> {
    let at = |i: usize| chars.get(i).map(|(_, c)| *c);
    let mut i = start;
    if at(i) == Some('第') {
        i += 1;
    }
    // Not in the middle of a number or of a word in Latin letters.
    if i == start && start > 0 && at(start - 1).is_some_and(|c| c.is_ascii_alphanumeric() || c == '.' || c == ',') {
        return None;
    }
    let digits = i;
    while at(i).is_some_and(|c| c.is_ascii_digit())
        || (i > digits && matches!(at(i), Some('.' | ',')) && at(i + 1).is_some_and(|c| c.is_ascii_digit()))
    {
        i += 1;
    }
    if i == digits {
        return None;
    }
    let follows = |unit: &str| {
        let length = unit.chars().count();
        unit.chars().eq(chars[i..].iter().take(length).map(|(_, c)| *c)).then_some(length)
    };
    let unit = UNITS.iter().filter_map(|unit| follows(unit)).max()?;
    Some(i + unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `html` set as a Chinese page's.
    fn set(html: &str) -> String {
        typeset(html, Lang::Zh, &[])
    }

    /// The text of `html`, tags removed.
    fn text(html: &str) -> String {
        pieces(html)
            .into_iter()
            .filter_map(|piece| match piece {
                Piece::Text(text) => Some(text),
                Piece::Tag { .. } => None,
            })
            .collect()
    }

    #[test]
    fn of_two_adjacent_marks_the_one_clreq_trims_is_marked() {
        // A closing mark before a closing mark: the first.
        assert_eq!(set("<p>《综述》，</p>"), "<p>《综述<span class=\"trim\">》</span>，</p>");
        // An opening mark after a closing one: the second, across the quotation's tag.
        // (The two characters that end the text are kept together: below.)
        assert_eq!(
            set("<p>原文：<q>“抚顺”</q></p>"),
            "<p>原文：<q><span class=\"trim\">“</span><span class=\"keep\">抚顺</span>”</q></p>"
        );
        // A quotation that ends on a full stop: the stop, before the closing quotation mark.
        assert_eq!(set("<p><q>“好。”</q></p>"), "<p><q>“好<span class=\"trim\">。</span>”</q></p>");
        // A quotation followed by a comma: its closing mark.
        assert_eq!(
            set("<p><q class=\"x\">“好”</q>，再</p>"),
            "<p><q class=\"x\">“好<span class=\"trim\">”</span></q>，再</p>"
        );
        // Two opening marks: the second.
        assert_eq!(set("<p>（“好”）</p>"), "<p>（<span class=\"trim\">“</span>好<span class=\"trim\">”</span>）</p>");
    }

    #[test]
    fn marks_in_different_blocks_or_in_an_island_are_not_adjacent() {
        assert_eq!(set("<p>好。</p><p>“好”</p>"), "<p>好。</p><p>“好”</p>");
        let island = "<p>好，<story-island data-island=\"{&quot;a&quot;:1}\"><span>“好”，</span></story-island></p>";
        assert_eq!(set(island), island);
        let chart = "<svg><text>2023年</text><text>》，</text></svg>";
        assert_eq!(set(chart), chart);
        assert_eq!(
            set("<p>好，<strong>“强”</strong></p>"),
            "<p>好，<strong><span class=\"trim\">“</span>强”</strong></p>"
        );
    }

    #[test]
    fn a_number_stays_with_its_unit() {
        assert_eq!(
            set("<p>增长22.3%，达81.8亿元，2023年7月25日，第3位，2,000个</p>"),
            "<p>增<span class=\"autospace\">长</span><span class=\"keep\">22.3%</span>，<span class=\"autospace\">达</span>\
             <span class=\"keep\"><span class=\"autospace\">81.8</span>亿元</span>，\
             <span class=\"keep\"><span class=\"autospace\">2023</span><span class=\"autospace\">年</span></span>\
             <span class=\"keep\"><span class=\"autospace\">7</span><span class=\"autospace\">月</span></span>\
             <span class=\"keep\"><span class=\"autospace\">25</span>日</span>，\
             <span class=\"keep\"><span class=\"autospace\">第</span><span class=\"autospace\">3</span>位</span>，\
             <span class=\"keep\"><span class=\"autospace\">2,000</span>个</span></p>"
        );
        // One the story keeps whole already is not marked again.
        let figure = "<p><span class=\"figure-text\">22.3%</span></p>";
        assert_eq!(set(figure), figure);
        // One unit, the longest: a word that starts with a unit's character stays whole.
        assert_eq!(
            set("<p>共300个项目，6个月，65万吨苯</p>"),
            "<p><span class=\"autospace\">共</span><span class=\"keep\"><span class=\"autospace\">300</span>个</span>项目，\
             <span class=\"keep\"><span class=\"autospace\">6</span>个月</span>，\
             <span class=\"keep\"><span class=\"autospace\">65</span>万吨</span>苯</p>"
        );
        // A number without a unit, or inside a word, is left alone.
        assert_eq!(set("<p>H1 2023 a1 年</p>"), "<p>H1 2023 a1 年</p>");
    }

    #[test]
    fn han_and_latin_are_spaced_by_what_comes_first_so_a_line_starts_flush() {
        // A Han character alone; a word or number whole, with its point and comma.
        assert_eq!(
            set("<p>按GDP算，v1.5版</p>"),
            "<p><span class=\"autospace\">按</span><span class=\"autospace\">GDP</span>算，\
             <span class=\"autospace\">v1.5</span>版</p>"
        );
        // Across inline tags, the part in the last piece: the tags stay whole.
        assert_eq!(
            set("<p>约<strong>GD<em>P</em></strong>增长，<a href=\"#a\">A股</a></p>"),
            "<p><span class=\"autospace\">约</span><strong>GD<em><span class=\"autospace\">P</span></em></strong>增长，\
             <a href=\"#a\"><span class=\"autospace\">A</span>股</a></p>"
        );
        // A space typed, a punctuation mark, a block or an island between them: nothing.
        assert_eq!(set("<p>约 GDP 增长</p>"), "<p>约 GDP <span class=\"keep\">增长</span></p>");
        assert_eq!(set("<p>（GDP）增长</p>"), "<p>（GDP）<span class=\"keep\">增长</span></p>");
        let names = "<p>Fushun (抚顺) and Liaoning (辽宁)</p>";
        assert_eq!(set(names), names.replace("辽宁", "<span class=\"keep\">辽宁</span>"));
        for html in ["<p>增长</p><p>GDP</p>", "<p>约<story-island>GDP</story-island>增长</p>"] {
            assert_eq!(set(html), html);
        }
        // In a figure the story already keeps whole, too.
        assert_eq!(
            set("<td><span class=\"figure-text\">2023年</span></td>"),
            "<td><span class=\"figure-text\"><span class=\"autospace\">2023</span>年</span></td>"
        );
    }

    #[test]
    fn a_run_keeps_its_last_two_han_characters_together() {
        // A paragraph, a heading and each line before a `<br>`: the break, if any, comes before
        // the pair, over punctuation and inline tags after it.
        assert_eq!(
            set("<p>原文未注明总量口径。</p><h2>清单和指挥部</h2>"),
            "<p>原文未注明总量<span class=\"keep\">口径</span>。</p><h2>清单和指挥部</h2>"
        );
        assert_eq!(
            set("<span>时期：上半年<br>口径：<q>“产业链项目”</q> →</span>"),
            "<span>时期：上<span class=\"keep\">半年</span><br>口径：<q><span class=\"trim\">“</span>产业链<span class=\"keep\">项目</span>”</q> →</span>"
        );
        for html in [
            // Two characters that are the whole run: nothing to keep them from.
            "<th>指标</th>",
            "<p>（抚顺）</p>",
            // A run ending in Latin letters, or a number kept with its unit (two already).
            "<p>约为GDP</p>",
            // The pair parted by a tag: left as it is.
            "<p>全省排<em>名</em></p>",
        ] {
            assert_eq!(text(&set(html)), text(html));
            assert!(!set(html).contains("keep"), "{html}: {}", set(html));
        }
        assert_eq!(set("<p>总共3个月</p>"), "<p>总<span class=\"autospace\">共</span><span class=\"keep\"><span class=\"autospace\">3</span>个月</span></p>");
        // In a figure the story keeps whole: nothing more.
        assert_eq!(
            set("<td><span class=\"figure-text\">上半年</span></td>"),
            "<td><span class=\"figure-text\">上半年</span></td>"
        );
    }

    #[test]
    fn a_heading_or_a_label_may_break_only_between_words() {
        // Between two Han characters where a word ends, in a heading and in what is marked
        // `.by-words`, through inline tags; not in a paragraph.
        assert_eq!(
            set("<h2>三木集团项目设计规模</h2><div class=\"x by-words\"><span>固定资产</span>投资</div><p>三木集团项目</p>"),
            "<h2>三木<wbr>集团<wbr>项目<wbr>设计<wbr>规模</h2>\
             <div class=\"x by-words\"><span>固定<wbr>资产</span><wbr>投资</div>\
             <p>三木集团<span class=\"keep\">项目</span></p>"
        );
        // Between a Han character and a number, before the number kept with its unit; never
        // inside it. After a mark that closes or parts (WebKit takes no break there under
        // keep-all), never by one that opens.
        assert_eq!(
            set("<h3>工业投资2023年：领导</h3>"),
            "<h3>工业<wbr>投<span class=\"autospace\">资</span><wbr><span class=\"keep\"><span class=\"autospace\">2023</span>年</span>：<wbr>领导</h3>"
        );
        assert_eq!(set("<h2>工地、清单和“指挥部”的说法</h2>"), "<h2>工地、<wbr>清单和“指挥部”<wbr>的说法</h2>");
        // The text is the same.
        let heading = "<h1>抚顺的上半年：一组<q>“振奋人心的数字”</q>，归功于党的领导</h1>";
        assert_eq!(text(&set(heading)), text(heading));
        assert!(set(heading).contains("振奋<wbr>人心"), "{}", set(heading));
        // A mark parts strings of one-character words: 一|组 are two, kept together (WebKit set
        // "抚顺的上半年：一 / 组“振奋人心的数字”"); the breaks are after the marks.
        assert!(set(heading).starts_with("<h1>抚顺的上半年：<wbr>一组<q>“"), "{}", set(heading));
        // Never inside what the page keeps whole already: Chromium would break there.
        let kept = "<h1>一组“<span class=\"keep\">振奋人心的数字”</span>，归功</h1>";
        assert!(!set(kept).contains("振奋<wbr>"), "{}", set(kept));
        // Two or three one-character words (as the dictionary parts what it does not hold) stay
        // whole and with the words around them; more are left as the engine breaks them.
        assert_eq!(set("<h3>工业项目投资占比</h3>"), "<h3>工业<wbr>项目<wbr>投资占比</h3>");
        assert_eq!(set("<h3>清单上的抚顺项目</h3>"), "<h3>清单上的抚顺<wbr>项目</h3>");
        assert!(
            set("<h3>域外引资到位额增长</h3>").contains("引<wbr>资<wbr>到"),
            "{}",
            set("<h3>域外引资到位额增长</h3>")
        );
        // Never before the last character, which would stand alone.
        assert_eq!(set("<h3>从严治党</h3>"), "<h3>从<wbr>严<wbr>治党</h3>");
    }

    #[test]
    fn a_word_the_story_lists_is_one_word_wherever_it_stands() {
        let words = ["引资".to_owned(), "到位额".to_owned(), "从严治党".to_owned()];
        let set = |html: &str| typeset(html, Lang::Zh, &words);
        // The dictionary's five characters are two words, with a break only between words.
        assert_eq!(set("<h3>域外引资到位额增长</h3>"), "<h3>域外<wbr>引资<wbr>到位额<wbr>增长</h3>");
        // Whole, where the dictionary would part it (从严 | 治党), and at a run's start and end.
        assert_eq!(set("<h2>从严治党，引资</h2>"), "<h2>从严治党，<wbr>引资</h2>");
        // Only in a run set by words: a paragraph breaks as the engine does.
        assert_eq!(set("<p>引资到位额增长</p>"), "<p>引资到位额<span class=\"keep\">增长</span></p>");
    }

    #[test]
    fn only_chinese_text_is_marked_on_a_page_of_either_language() {
        let english =
            "<p>Growth of 22.3% (in Chinese: <span lang=\"zh-CN\">《综述》，2023年</span>) and <cite>Work</cite>，</p>";
        assert_eq!(
            typeset(english, Lang::En, &[]),
            "<p>Growth of 22.3% (in Chinese: <span lang=\"zh-CN\">《综述<span class=\"trim\">》</span>，\
             <span class=\"keep\"><span class=\"autospace\">2023</span>年</span></span>) and <cite>Work</cite>，</p>"
        );
        // A name in another language inside Chinese text is left as it is, and parts the text around it.
        let chinese = "<p>《综述》<span lang=\"en\">A 2023年</span>，<br>增长22.3%</p>";
        assert_eq!(
            set(chinese),
            "<p>《综述》<span lang=\"en\">A 2023年</span>，<br>增<span class=\"autospace\">长</span><span class=\"keep\">22.3%</span></p>"
        );
    }

    #[test]
    fn attributes_and_skipped_elements_are_never_changed() {
        let html = "<a href=\"x?a=1>2年\" title=\"“好”，\">“好”，</a><script>var a=\"“好”，\";</script>";
        assert_eq!(
            set(html),
            "<a href=\"x?a=1>2年\" title=\"“好”，\">“好<span class=\"trim\">”</span>，</a><script>var a=\"“好”，\";</script>"
        );
    }

    #[test]
    fn the_text_of_every_page_is_unchanged() {
        let story = std::rc::Rc::new(crate::stories::story_or_first(None));
        for view in crate::view::View::all(&story) {
            let html = crate::bake::render(story.clone(), view.clone());
            let set = typeset(&html, story.meta.lang, &story.typesetting.words);
            assert_eq!(text(&set), text(&html), "{}", view.name());
            assert!(set.contains("class=\"trim") && set.contains(KEEP) || view.is_embed(), "{}", view.name());
        }
    }
}
