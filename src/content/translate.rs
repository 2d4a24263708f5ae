//! Translations: a story file in another language that gives only the words. The figures, the
//! order of everything and every id come from the story it translates, so an edition can never
//! show a different number or drop a chart; figures in other units are converted by
//! `format::to_english`, which moves the decimal point and never rounds.
//!
//! A translation mirrors its original block for block: the same chapters with the same ids, the
//! same block types in the same order (an `indicators` block is just `type = "indicators"`), and
//! every indicator once, by id. Its text may not hold Chinese characters except names marked
//! `〔…〕` beside their pinyin, and each paragraph quotes the review as often as the original does.
//!
//! A translation also keeps a glossary: one rendering for each term (a political term, a name)
//! with its source where an established one exists. Wherever the original's text uses a term, the
//! same text of the translation uses its rendering, and no text uses a rendering it avoids.

use std::collections::HashMap;

use serde::Deserialize;

use super::model::{
    Block, Chapter, Chart, Coverage, Indicator, Kind, Lang, Meta, Notes, Sequence, Slug, Source, Step, Story,
};
use super::rich::{RichText, Span};
use super::script::is_han;
use super::validate::Problem;
use crate::format;

/// A translation file as written.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Translation {
    /// Title, dek, language, and which story it translates.
    #[serde(rename = "story")]
    pub meta: TranslatedMeta,
    /// The words of every indicator of the original, by id.
    #[serde(default)]
    pub indicators: Vec<TranslatedIndicator>,
    /// The opening, block for block.
    #[serde(default)]
    pub intro: Vec<TranslatedBlock>,
    /// The chapters, block for block.
    pub chapters: Vec<TranslatedChapter>,
    /// How this edition renders the original's terms, once for every text.
    #[serde(default)]
    pub glossary: Vec<Term>,
}

/// One term of the original and its one rendering in the translation.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// The term as the original writes it: "全面从严治党".
    pub term: String,
    /// Its rendering, as every text of the translation writes it (any letter case).
    pub rendering: String,
    /// Where the rendering is established ("the 20th Party Congress report, official English
    /// text"), or that it is ours.
    pub source: String,
    /// Renderings that read wrong and may not appear: "external capital" for 域外.
    #[serde(default)]
    pub avoid: Vec<String>,
}

/// A translation's front matter.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TranslatedMeta {
    /// This edition's own id.
    pub id: Slug,
    /// The id of the story it translates.
    pub translates: Slug,
    /// Its language.
    pub lang: Lang,
    /// The headline.
    pub title: String,
    /// The line under the headline.
    pub dek: String,
    /// The source, named in this language.
    pub source: TranslatedSource,
    /// The place the figures are about, named in this language (the months are the original's).
    #[serde(default)]
    pub coverage: Option<TranslatedCoverage>,
}

/// The place a translation's figures are about; the original gives the months.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TranslatedCoverage {
    /// The place, named in this language: "Fushun".
    pub place: String,
}

/// The source's publisher and title in the translation's language.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TranslatedSource {
    /// Who published it.
    pub publisher: String,
    /// The article's title, translated.
    pub title: String,
}

/// The words of one indicator; its figure comes from the original.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TranslatedIndicator {
    /// Which indicator.
    pub id: Slug,
    /// A short name.
    pub label: String,
    /// What is measured.
    pub measures: String,
    /// The unit's name without any magnitude: "yuan" for 亿元, "tonnes" for 万吨, "projects" for
    /// 个, "%" for %; empty for a rank, which is written as an ordinal.
    #[serde(default)]
    pub unit: String,
    /// The period.
    pub period: String,
    /// The comparison basis, or that the source does not give one.
    pub basis: String,
    /// Our translation of the source's words for it, with the figure as this edition writes it.
    pub quote: String,
}

/// One block's words.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum TranslatedBlock {
    /// A paragraph.
    Paragraph {
        /// Its text.
        text: RichText,
    },
    /// The original's indicator cards, as they are.
    Indicators {},
    /// A chart's words.
    Chart(TranslatedChart),
    /// A pull quote, translated.
    PullQuote {
        /// The words.
        text: String,
        /// Who said them.
        attribution: String,
    },
    /// A box of notes, note for note.
    Notes {
        /// Its heading.
        title: String,
        /// The notes, in the original's order.
        items: Vec<RichText>,
    },
    /// A sequence, step for step.
    Sequence {
        /// The steps, in the original's order.
        steps: Vec<TranslatedStep>,
    },
}

/// One step's words.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TranslatedStep {
    /// Its text.
    pub text: RichText,
    /// Its chart's words.
    pub chart: TranslatedChart,
}

/// A chart's words, as a block of its own or in a step.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TranslatedChart {
    /// The chart's id, as in the original.
    pub id: Slug,
    /// Its title.
    pub title: String,
    /// Its caption.
    pub caption: String,
}

/// One chapter's words.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TranslatedChapter {
    /// The chapter's id, as in the original.
    pub id: Slug,
    /// The navigator's label.
    pub nav: String,
    /// Our heading.
    pub title: String,
    /// The source's heading, translated.
    pub original: Option<String>,
    /// The blocks, in the original's order.
    pub blocks: Vec<TranslatedBlock>,
}

/// The translated story: `original`'s figures and structure with `translation`'s words, or every
/// way the two do not match.
pub fn merge(original: &Story, translation: &Translation) -> Result<Story, Vec<Problem>> {
    let mut merge = Merger { lang: translation.meta.lang, problems: Vec::new() };
    let t = &translation.meta;
    if t.lang == original.meta.lang {
        merge.problem("story.lang", format!("a translation must be in another language than {:?}", t.lang.tag()));
    }
    for (path, text) in [
        ("story.title", &t.title),
        ("story.dek", &t.dek),
        ("story.source.publisher", &t.source.publisher),
        ("story.source.title", &t.source.title),
    ] {
        merge.plain(path, text);
    }
    let coverage = match (&original.meta.coverage, &t.coverage) {
        (Some(covered), Some(words)) => {
            merge.plain("story.coverage.place", &words.place);
            Some(Coverage { period: covered.period.clone(), place: words.place.clone() })
        }
        (Some(_), None) => {
            merge.problem("story.coverage", "the original names the place its figures cover; name it in this language");
            None
        }
        (None, Some(_)) => {
            merge.problem("story.coverage", "the original gives no coverage to translate");
            None
        }
        (None, None) => None,
    };
    let meta = Meta {
        id: t.id.clone(),
        lang: t.lang,
        title: t.title.clone(),
        dek: t.dek.clone(),
        headline: original.meta.headline.clone(),
        source: Source {
            publisher: t.source.publisher.clone(),
            title: t.source.title.clone(),
            date: original.meta.source.date.clone(),
            text: original.meta.source.text.clone(),
            original_title: Some(original.meta.source.title.clone()),
        },
        coverage,
        original: Some(original.meta.id.clone()),
    };
    let indicators = merge.indicators(&original.indicators, &translation.indicators);
    let intro = merge.blocks("intro", &original.intro, &translation.intro);
    if original.chapters.len() != translation.chapters.len() {
        let rule = format!("the original has {} chapters; the translation must too", original.chapters.len());
        merge.problem("chapters", rule);
    }
    let chapters = original
        .chapters
        .iter()
        .zip(&translation.chapters)
        .enumerate()
        .map(|(i, (chapter, words))| merge.chapter(&format!("chapters[{i}]"), chapter, words))
        .collect();
    let story = Story { meta, indicators, intro, chapters, typesetting: original.typesetting.clone() };
    merge.glossary(original, &story, &translation.glossary);
    if merge.problems.is_empty() {
        Ok(story)
    } else {
        Err(merge.problems)
    }
}

struct Merger {
    lang: Lang,
    problems: Vec<Problem>,
}

impl Merger {
    fn problem(&mut self, path: &str, rule: impl Into<String>) {
        self.problems.push(Problem::at(path, rule));
    }

    /// Text with no marks: no Chinese characters at all in a translation out of Chinese.
    fn plain(&mut self, path: &str, text: &str) {
        if text.trim().is_empty() {
            self.problem(path, "must not be empty");
        } else if self.lang != Lang::Zh {
            if let Some(found) = text.chars().find(|c| is_han(*c)) {
                self.problem(
                    path,
                    format!("holds the Chinese character {found:?}: translate it, or give the name in pinyin"),
                );
            }
        }
    }

    /// Marked-up text: Chinese characters only inside `〔…〕`, and as many quotations as the original.
    fn rich(&mut self, path: &str, text: &RichText, original: &RichText) {
        if self.lang != Lang::Zh {
            let unmarked = text.spans().iter().find_map(|span| match span {
                Span::Hanzi(_) => None,
                Span::Text(t) | Span::Emphasis(t) | Span::Quote(t) | Span::Link { text: t, .. } => {
                    t.chars().find(|c| is_han(*c))
                }
            });
            if let Some(found) = unmarked {
                let rule = format!("holds the Chinese character {found:?} outside 〔…〕: translate it, or mark a name as 〔…〕 beside its pinyin");
                self.problem(path, rule);
            }
        }
        let (quotes, expected) = (text.quotes().count(), original.quotes().count());
        if quotes != expected {
            let rule = format!("quotes the review {quotes} times; the original paragraph quotes it {expected} times");
            self.problem(path, rule);
        }
    }

    fn indicators(&mut self, original: &[Indicator], words: &[TranslatedIndicator]) -> Vec<Indicator> {
        let mut by_id: HashMap<&str, (usize, &TranslatedIndicator)> = HashMap::new();
        for (i, word) in words.iter().enumerate() {
            if by_id.insert(word.id.as_str(), (i, word)).is_some() {
                self.problem(&format!("indicators[{i}].id"), format!("{:?} is translated twice", word.id.as_str()));
            }
            if !original.iter().any(|indicator| indicator.id == word.id) {
                self.problem(
                    &format!("indicators[{i}].id"),
                    format!("the original has no indicator {:?}", word.id.as_str()),
                );
            }
        }
        let mut merged = Vec::new();
        for indicator in original {
            let Some(&(i, word)) = by_id.get(indicator.id.as_str()) else {
                self.problem("indicators", format!("indicator {:?} is not translated", indicator.id.as_str()));
                continue;
            };
            let at = |field: &str| format!("indicators[{i}].{field}");
            let rank = indicator.kind == Kind::Rank;
            if !rank && word.unit.trim().is_empty() {
                self.problem(&at("unit"), "must name the unit (\"yuan\", \"tonnes\", \"projects\", \"%\")");
            }
            let figure = format::to_english(indicator.value, indicator.precision, &indicator.unit, &word.unit, rank);
            let translated = Indicator {
                id: indicator.id.clone(),
                label: word.label.clone(),
                measures: word.measures.clone(),
                kind: indicator.kind,
                value: figure.value,
                precision: figure.precision,
                unit: figure.unit,
                bound: indicator.bound,
                period: word.period.clone(),
                basis: word.basis.clone(),
                quote: word.quote.clone(),
                converted_from: figure.converted_from,
            };
            for (field, text) in translated.texts() {
                self.plain(&at(field), text);
            }
            let mut written = format::grouped(&format::fixed(translated.value, translated.precision));
            let in_words = format::en_words(translated.value).filter(|_| translated.precision == 0);
            let quote = word.quote.to_lowercase();
            // A rank is quoted as a place, "third" or "3rd", never as a bare number.
            let quoted = if rank {
                written.push_str(&translated.unit);
                quote.contains(&written) || in_words.is_some_and(|(_, ordinal)| quote.contains(ordinal))
            } else {
                quote.contains(&written) || in_words.is_some_and(|(cardinal, _)| quote.contains(cardinal))
            };
            if !quoted {
                self.problem(&at("quote"), format!("must give the figure as this edition writes it, {written:?}"));
            }
            merged.push(translated);
        }
        merged
    }

    /// Each term of `glossary` rendered one way: wherever a text of `original` uses the term, the
    /// same text of `translated` uses its rendering; no text uses a rendering the glossary avoids.
    fn glossary(&mut self, original: &Story, translated: &Story, glossary: &[Term]) {
        for (i, term) in glossary.iter().enumerate() {
            let at = |field: &str| format!("glossary[{i}].{field}");
            // The term is Chinese and the source may be any words: both need only be given.
            for (field, text) in [("term", &term.term), ("source", &term.source)] {
                if text.trim().is_empty() {
                    self.problem(&at(field), "must not be empty");
                }
            }
            self.plain(&at("rendering"), &term.rendering);
            if glossary[..i].iter().any(|earlier| earlier.term == term.term) {
                self.problem(&at("term"), format!("{:?} is defined twice: a term has one rendering", term.term));
            }
        }
        let originals = original.texts();
        for text in translated.texts() {
            let words = text.words.to_lowercase();
            let original = originals.iter().find(|o| o.path == text.path);
            for term in glossary.iter().filter(|term| !term.term.trim().is_empty()) {
                let rendering = term.rendering.to_lowercase();
                if original.is_some_and(|o| o.words.contains(&term.term)) && !words.contains(&rendering) {
                    let rule =
                        format!("the original says {:?} here: the glossary renders it {:?}", term.term, term.rendering);
                    self.problem(&text.path, rule);
                }
                if let Some(avoided) = term.avoid.iter().find(|avoid| words.contains(&avoid.to_lowercase())) {
                    let rule = format!(
                        "writes {avoided:?}, which the glossary avoids: {:?} is rendered {:?}",
                        term.term, term.rendering
                    );
                    self.problem(&text.path, rule);
                }
            }
        }
    }

    fn chapter(&mut self, path: &str, chapter: &Chapter, words: &TranslatedChapter) -> Chapter {
        if words.id != chapter.id {
            self.problem(&format!("{path}.id"), format!("must be {:?}, as in the original", chapter.id.as_str()));
        }
        self.plain(&format!("{path}.nav"), &words.nav);
        self.plain(&format!("{path}.title"), &words.title);
        match (&chapter.original, &words.original) {
            (Some(_), Some(original)) => self.plain(&format!("{path}.original"), original),
            (None, None) => {}
            _ => self.problem(&format!("{path}.original"), "must be given exactly when the original gives it"),
        }
        Chapter {
            id: chapter.id.clone(),
            nav: words.nav.clone(),
            title: words.title.clone(),
            original: words.original.clone(),
            blocks: self.blocks(&format!("{path}.blocks"), &chapter.blocks, &words.blocks),
        }
    }

    /// The original's chart with the translation's words; `at` is the path to it with a trailing
    /// dot, or empty for a chart block.
    fn chart(&mut self, at: &str, chart: &Chart, words: &TranslatedChart) -> Chart {
        if words.id != chart.id {
            self.problem(&format!("{at}id"), format!("must be {:?}, as in the original", chart.id.as_str()));
        }
        self.plain(&format!("{at}title"), &words.title);
        self.plain(&format!("{at}caption"), &words.caption);
        Chart { title: words.title.clone(), caption: words.caption.clone(), ..chart.clone() }
    }

    fn blocks(&mut self, path: &str, original: &[Block], words: &[TranslatedBlock]) -> Vec<Block> {
        if original.len() != words.len() {
            self.problem(path, format!("the original has {} blocks here; the translation must too", original.len()));
        }
        let mut merged = Vec::new();
        for (i, (block, word)) in original.iter().zip(words).enumerate() {
            let at = |field: &str| format!("{path}[{i}].{field}");
            let translated = match (block, word) {
                (Block::Paragraph(paragraph), TranslatedBlock::Paragraph { text }) => {
                    self.rich(&at("text"), text, &paragraph.text);
                    let mut paragraph = paragraph.clone();
                    paragraph.text = text.clone();
                    Block::Paragraph(paragraph)
                }
                (Block::Indicators(group), TranslatedBlock::Indicators {}) => Block::Indicators(group.clone()),
                (Block::Chart(chart), TranslatedBlock::Chart(words)) => Block::Chart(self.chart(&at(""), chart, words)),
                (Block::Sequence(sequence), TranslatedBlock::Sequence { steps }) => {
                    if steps.len() != sequence.steps.len() {
                        let rule =
                            format!("the original has {} steps here; the translation must too", sequence.steps.len());
                        self.problem(&at("steps"), rule);
                    }
                    let steps = sequence.steps.iter().zip(steps).enumerate().map(|(j, (step, words))| {
                        let step_at = |field: &str| at(&format!("steps[{j}].{field}"));
                        self.rich(&step_at("text"), &words.text, &step.text);
                        Step {
                            text: words.text.clone(),
                            chart: self.chart(&step_at("chart."), &step.chart, &words.chart),
                        }
                    });
                    Block::Sequence(Sequence { id: sequence.id.clone(), steps: steps.collect() })
                }
                (Block::Notes(notes), TranslatedBlock::Notes { title, items }) => {
                    self.plain(&at("title"), title);
                    if items.len() != notes.items.len() {
                        let rule =
                            format!("the original has {} notes here; the translation must too", notes.items.len());
                        self.problem(&at("items"), rule);
                    }
                    for (j, (item, original)) in items.iter().zip(&notes.items).enumerate() {
                        self.rich(&at(&format!("items[{j}]")), item, original);
                    }
                    Block::Notes(Notes { title: title.clone(), items: items.clone() })
                }
                (Block::PullQuote(quote), TranslatedBlock::PullQuote { text, attribution }) => {
                    self.plain(&at("text"), text);
                    self.plain(&at("attribution"), attribution);
                    let mut quote = quote.clone();
                    quote.text = text.clone();
                    quote.attribution = attribution.clone();
                    Block::PullQuote(quote)
                }
                _ => {
                    self.problem(&at("type"), format!("must be {:?}, as in the original", block.type_name()));
                    block.clone()
                }
            };
            merged.push(translated);
        }
        merged
    }
}
