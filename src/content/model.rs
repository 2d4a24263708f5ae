//! The typed story model: what a story file holds once it has been parsed and checked.
//!
//! Plain data with no knowledge of Yew, so the same types serve the build-time loader, the
//! prerenderer and the browser. Values with rules of their own (slugs, dates, languages, rich text)
//! are newtypes that can only be built through `TryFrom`, so a value of the type is a valid value.

use serde::{Deserialize, Serialize};

use super::rich::RichText;

/// A whole story: its front matter, its figures and its chapters.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Story {
    /// Title, dek, language and source.
    #[serde(rename = "story")]
    pub meta: Meta,
    /// Every figure the story quotes, defined once and referenced by id from blocks.
    #[serde(default)]
    pub indicators: Vec<Indicator>,
    /// The opening, before the first chapter.
    #[serde(default)]
    pub intro: Vec<Block>,
    /// The chapters, in reading order.
    pub chapters: Vec<Chapter>,
    /// How the build sets the story's lines, where the file says (a translation's is its
    /// original's).
    #[serde(default)]
    pub typesetting: Typesetting,
}

/// What the build needs to know, beyond the language's own rules, to set a story's lines.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Typesetting {
    /// Chinese words the segmenter's dictionary does not hold (it parts 引资到位额 into five
    /// characters): a heading or a card's label, which breaks only between words, keeps each of
    /// them whole and may break before and after it (crate::typeset).
    #[serde(default)]
    pub words: Vec<String>,
}

/// A story's front matter.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// Identifies the story among the files in `stories/`.
    pub id: Slug,
    /// The language the story is written in.
    pub lang: Lang,
    /// The headline.
    pub title: String,
    /// The line under the headline.
    pub dek: String,
    /// Ids of the figures shown large under the headline.
    #[serde(default)]
    pub headline: Vec<Slug>,
    /// The article the story retells.
    pub source: Source,
    /// The months and the place the story's figures are about, when the file says (described to
    /// search engines with the data; never shown, as each figure states its own period).
    #[serde(default)]
    pub coverage: Option<Coverage>,
    /// For a translation, the story it translates (set when the translation is built, never written
    /// in a file).
    #[serde(skip_deserializing)]
    pub original: Option<Slug>,
}

/// The published article a story is based on.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Who published it.
    pub publisher: String,
    /// The article's own title.
    pub title: String,
    /// When it was published.
    pub date: IsoDate,
    /// A copy of the article's text, beside the story file; every quotation is checked against it.
    pub text: String,
    /// For a translation, the article's title in its own language (`title` is then translated).
    #[serde(skip_deserializing)]
    pub original_title: Option<String>,
}

/// The months and the place a story's figures are about.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Coverage {
    /// The months, first and last: `"2023-01/2023-06"`.
    pub period: MonthSpan,
    /// The place, named in the story's language: "抚顺市".
    pub place: String,
}

/// One figure from the source, with everything a reader needs to read it honestly.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// How blocks refer to it.
    pub id: Slug,
    /// A short name ("固定资产投资增速").
    pub label: String,
    /// What is measured, in a sentence. Read by the build (the rules, the downloads) and never
    /// shown by the page, so the WebAssembly does not carry it.
    #[cfg(not(target_arch = "wasm32"))]
    pub measures: String,
    /// What sort of number it is; decides which values are possible.
    pub kind: Kind,
    /// The number itself.
    pub value: f64,
    /// Digits after the decimal point, as the source writes it.
    pub precision: u8,
    /// The unit as written after the number ("%", "亿元", "个").
    pub unit: String,
    /// Whether the value is exact or a lower bound ("40%以上").
    #[serde(default)]
    pub bound: Bound,
    /// The period it covers ("2023年上半年").
    pub period: String,
    /// What it is compared with, or that the source does not say.
    pub basis: String,
    /// The source's own words for it, verbatim (in a translation, translated).
    pub quote: String,
    /// In a translation whose units differ, the source's own figure in the translation's words
    /// ("81.8 × 100 million yuan"): the shown figure is derived from it (set by the build).
    #[serde(skip_deserializing)]
    pub converted_from: Option<String>,
}

/// What sort of number an indicator is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A rate of change in per cent; may be negative.
    Growth,
    /// A part of a whole in per cent: 0 to 100.
    Share,
    /// An amount of money or goods; never negative.
    Amount,
    /// A whole number of things; never negative.
    Count,
    /// A place in a ranking: a whole number from 1.
    Rank,
}

/// Whether a value is exact or a lower bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    /// The value as stated.
    #[default]
    Exact,
    /// "More than" the value: the source gives only a floor.
    AtLeast,
}

/// A chapter of the story: one section of the source, retold.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Chapter {
    /// Anchor and deep-link name.
    pub id: Slug,
    /// The short label in the chapter navigator.
    pub nav: String,
    /// Our heading for the chapter.
    pub title: String,
    /// The source's own heading for this section, verbatim.
    pub original: Option<String>,
    /// The chapter's content, in order.
    pub blocks: Vec<Block>,
}

/// One piece of a chapter.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// Running text.
    Paragraph(Paragraph),
    /// One or more figures shown large.
    Indicators(IndicatorGroup),
    /// A chart of figures, with its data as a table.
    Chart(Chart),
    /// A quotation set apart from the text.
    PullQuote(PullQuote),
    /// A box of short notes set apart from the text, such as what the figures do and do not say.
    Notes(Notes),
    /// Short steps of text that scroll past a graphic held in view, each step changing what it shows.
    Sequence(Sequence),
}

/// Running text with emphasis, quotations and links.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Paragraph {
    /// The text, written with the story file's light markup.
    pub text: RichText,
}

/// Figures shown large, side by side.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorGroup {
    /// Ids of the indicators, in order.
    pub ids: Vec<Slug>,
}

/// A chart drawn from indicators.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Chart {
    /// Names the chart for embedding and linking.
    pub id: Slug,
    /// How the figures are drawn.
    pub chart: ChartKind,
    /// The chart's heading.
    pub title: String,
    /// What the chart shows, in words: also its text alternative.
    pub caption: String,
    /// The indicators it draws, in order.
    pub indicators: Vec<Slug>,
}

/// Steps of text that scroll past one graphic, each showing its own state of it: a chart. Where
/// the graphic cannot stay in view (no script, printed, in a frame whose host does not say where it
/// scrolls), each step's chart stands after its text, so every state is still the story.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sequence {
    /// Its anchor, and its element's id.
    pub id: Slug,
    /// The steps, in reading order: three to five (`MIN_STEPS`, `MAX_STEPS`).
    pub steps: Vec<Step>,
}

/// The fewest steps a sequence may have: fewer is a chart and its paragraph.
pub const MIN_STEPS: usize = 3;
/// The most: more is more scrolling than a phone reader will do for one graphic.
pub const MAX_STEPS: usize = 5;

/// One step of a sequence: its text, and the chart the graphic shows while it is read.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// A short text, written with the story file's light markup.
    pub text: RichText,
    /// What the graphic shows at this step: a chart like any other, with its own id and table.
    pub chart: Chart,
}

/// The ways a chart can show its figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChartKind {
    /// Bars side by side: figures in one unit.
    Bars,
    /// A share (per cent) against its whole, honest about a floor.
    PartOfWhole,
    /// A count among a larger count, one cell per unit: 20 projects of a list of 300.
    Units,
}

/// A quotation set apart, with who said it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PullQuote {
    /// The words, verbatim from the source.
    pub text: String,
    /// Who said them, as the source reports.
    pub attribution: String,
}

/// A titled box of short notes, each written with the story file's light markup.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Notes {
    /// The box's heading.
    pub title: String,
    /// The notes, in order.
    pub items: Vec<RichText>,
}

/// The languages a story can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lang {
    /// Simplified Chinese.
    #[serde(rename = "zh-CN")]
    Zh,
    /// English.
    #[serde(rename = "en")]
    En,
}

impl Lang {
    /// The BCP 47 tag for the `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }
}

/// The names of the pages for the whole story's embed (`embed/index.html`) and for a missing part
/// (`embed/missing.html`, written again as `embed/404.html`, the name hosts look for: src/deploy.rs):
/// a chapter, chart or card, published as `embed/<id>.html`, may not take them as its id.
pub const RESERVED_IDS: [&str; 3] = ["index", "missing", "404"];

/// A lower-case ASCII name made of words joined by hyphens: `growth-rates`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String")]
pub struct Slug(pub(crate) String);

impl Slug {
    /// The slug as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Slug {
    type Error = String;

    fn try_from(text: String) -> Result<Self, String> {
        let well_formed = !text.is_empty()
            && text.len() <= 40
            && text
                .split('-')
                .all(|word| !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
        if well_formed {
            Ok(Slug(text))
        } else {
            Err(format!(
                "{text:?} is not a slug: use 1 to 40 lower-case letters and digits, words joined by single hyphens"
            ))
        }
    }
}

/// A calendar date written `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct IsoDate(pub(crate) String);

impl IsoDate {
    /// The date as written, `YYYY-MM-DD`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Year, month and day.
    pub fn parts(&self) -> (u16, u8, u8) {
        let number = |range: std::ops::Range<usize>| self.0[range].parse().unwrap_or(0);
        (number(0..4), number(5..7) as u8, number(8..10) as u8)
    }
}

impl TryFrom<String> for IsoDate {
    type Error = String;

    fn try_from(text: String) -> Result<Self, String> {
        let bytes = text.as_bytes();
        let shaped = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes.iter().enumerate().all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        let date = IsoDate(text);
        let (year, month, day) = if shaped { date.parts() } else { (0, 0, 0) };
        let days_in_month = match month {
            2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        if shaped && (1..=12).contains(&month) && (1..=days_in_month).contains(&day) {
            Ok(date)
        } else {
            Err(format!("{:?} is not a date written YYYY-MM-DD", date.0))
        }
    }
}

/// A span of whole months written as an ISO 8601 interval, `YYYY-MM/YYYY-MM`, the first month no
/// later than the last.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct MonthSpan(pub(crate) String);

impl MonthSpan {
    /// The span as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for MonthSpan {
    type Error = String;

    fn try_from(text: String) -> Result<Self, String> {
        let month = |part: &str| -> Option<(u16, u8)> {
            let bytes = part.as_bytes();
            let shaped = bytes.len() == 7
                && bytes[4] == b'-'
                && bytes.iter().enumerate().all(|(i, b)| i == 4 || b.is_ascii_digit());
            let (year, month) = (part.get(0..4)?.parse().ok()?, part.get(5..7)?.parse().ok()?);
            (shaped && (1..=12).contains(&month)).then_some((year, month))
        };
        match text.split_once('/').map(|(first, last)| (month(first), month(last))) {
            Some((Some(first), Some(last))) if first <= last => Ok(MonthSpan(text)),
            Some((Some(_), Some(_))) => Err(format!("{text:?} ends before it starts")),
            _ => Err(format!("{text:?} is not a span of months written YYYY-MM/YYYY-MM")),
        }
    }
}

impl Story {
    /// The indicator with `id`; validation guarantees every id a block names is defined.
    pub fn indicator(&self, id: &Slug) -> Option<&Indicator> {
        self.indicators.iter().find(|indicator| &indicator.id == id)
    }

    /// Every block in reading order: the intro's, then each chapter's.
    pub fn blocks(&self) -> impl Iterator<Item = &Block> {
        self.intro.iter().chain(self.chapters.iter().flat_map(|chapter| &chapter.blocks))
    }

    /// Every chart, in reading order, a sequence's steps' among them.
    pub fn charts(&self) -> impl Iterator<Item = &Chart> {
        self.blocks().flat_map(Block::charts)
    }
}

/// One text a story shows a reader, with the path to its field.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    /// The path to the field: `chapters[2].blocks[4].text`.
    pub path: String,
    /// The words, without the story file's marks.
    pub words: String,
}

#[cfg(not(target_arch = "wasm32"))]
impl Story {
    /// Every text the story shows a reader, in reading order, each with its path. A translation
    /// mirrors its original, so the same path names the same text in both editions.
    pub fn texts(&self) -> Vec<Text> {
        let mut texts = Vec::new();
        let mut add = |path: String, words: String| texts.push(Text { path, words });
        add("story.title".into(), self.meta.title.clone());
        add("story.dek".into(), self.meta.dek.clone());
        for (i, indicator) in self.indicators.iter().enumerate() {
            for (field, words) in indicator.texts() {
                add(format!("indicators[{i}].{field}"), words.to_owned());
            }
        }
        let sections = std::iter::once(("intro".to_owned(), &self.intro))
            .chain(self.chapters.iter().enumerate().map(|(i, c)| (format!("chapters[{i}].blocks"), &c.blocks)));
        for (i, chapter) in self.chapters.iter().enumerate() {
            add(format!("chapters[{i}].title"), chapter.title.clone());
            if let Some(original) = &chapter.original {
                add(format!("chapters[{i}].original"), original.clone());
            }
        }
        for (path, blocks) in sections {
            for (i, block) in blocks.iter().enumerate() {
                let at = |field: &str| format!("{path}[{i}].{field}");
                match block {
                    Block::Paragraph(paragraph) => add(at("text"), paragraph.text.plain()),
                    Block::Indicators(_) => {}
                    Block::Chart(chart) => {
                        add(at("title"), chart.title.clone());
                        add(at("caption"), chart.caption.clone());
                    }
                    Block::PullQuote(quote) => {
                        add(at("text"), quote.text.clone());
                        add(at("attribution"), quote.attribution.clone());
                    }
                    Block::Notes(notes) => {
                        add(at("title"), notes.title.clone());
                        for (j, item) in notes.items.iter().enumerate() {
                            add(at(&format!("items[{j}]")), item.plain());
                        }
                    }
                    Block::Sequence(sequence) => {
                        for (j, step) in sequence.steps.iter().enumerate() {
                            add(at(&format!("steps[{j}].text")), step.text.plain());
                            add(at(&format!("steps[{j}].chart.title")), step.chart.title.clone());
                            add(at(&format!("steps[{j}].chart.caption")), step.chart.caption.clone());
                        }
                    }
                }
            }
        }
        texts
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Indicator {
    /// The indicator's words a reader reads, each with its field's name: label, measures, period,
    /// basis and quote.
    pub fn texts(&self) -> [(&'static str, &str); 5] {
        [
            ("label", &self.label),
            ("measures", &self.measures),
            ("period", &self.period),
            ("basis", &self.basis),
            ("quote", &self.quote),
        ]
    }
}

impl Block {
    /// The block's `type` as a story file writes it.
    pub fn type_name(&self) -> &'static str {
        match self {
            Block::Paragraph(_) => "paragraph",
            Block::Indicators(_) => "indicators",
            Block::Chart(_) => "chart",
            Block::PullQuote(_) => "pull_quote",
            Block::Notes(_) => "notes",
            Block::Sequence(_) => "sequence",
        }
    }

    /// Whether the block is or holds the part `id` names: the chart `id` (alone, or a step's), or
    /// the figures that show the card `id`.
    pub fn shows(&self, id: &Slug) -> bool {
        match self {
            Block::Indicators(group) => group.ids.contains(id),
            _ => self.charts().any(|chart| chart.id == *id),
        }
    }

    /// The charts the block draws: itself if a chart, each step's if a sequence.
    pub fn charts(&self) -> impl Iterator<Item = &Chart> {
        let (one, steps) = match self {
            Block::Chart(chart) => (Some(chart), &[][..]),
            Block::Sequence(sequence) => (None, sequence.steps.as_slice()),
            _ => (None, &[][..]),
        };
        one.into_iter().chain(steps.iter().map(|step| &step.chart))
    }

    /// The ids of the indicators the block shows, if it shows any, in order (a card group's, or
    /// each chart's).
    pub fn indicator_ids(&self) -> impl Iterator<Item = &Slug> {
        let cards = match self {
            Block::Indicators(group) => group.ids.as_slice(),
            _ => &[],
        };
        cards.iter().chain(self.charts().flat_map(|chart| &chart.indicators))
    }
}
