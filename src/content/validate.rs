//! The rules a parsed story must keep beyond its shape: every reference resolves, every figure is
//! possible and written as the source writes it, and every quotation is in the source, verbatim.

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::model::{Block, Bound, Chapter, Chart, ChartKind, Indicator, Kind, Lang, Slug, Story};
use super::model::{MAX_STEPS, MIN_STEPS, RESERVED_IDS};
use super::rich::RichText;
use super::script;
use crate::{format, ui};

/// One broken rule, with where it is broken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The path to the field: `chapters[2].blocks[4].value`.
    pub path: String,
    /// The line in the story file, when known.
    pub line: Option<usize>,
    /// The rule broken, in words.
    pub rule: String,
}

impl Problem {
    /// A problem at `path`, without a line number.
    pub fn at(path: impl Into<String>, rule: impl Into<String>) -> Self {
        Problem { path: path.into(), line: None, rule: rule.into() }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}: {}", self.path, self.rule),
            None => write!(f, "{}: {}", self.path, self.rule),
        }
    }
}

/// Nav labels longer than this do not fit the phone navigator (Chinese characters are wider).
const MAX_NAV_CHARS: usize = 8;
/// The same for languages written in Latin letters.
const MAX_NAV_CHARS_LATIN: usize = 12;
/// More cells than this cannot be told apart on a phone.
const MAX_UNITS: f64 = 1000.0;
/// More decimals than this is false precision for any figure in a government review.
const MAX_PRECISION: u8 = 3;
/// The Chinese units a rank may have: a place is written 第3位 or 第3名.
const RANK_UNITS: [&str; 2] = ["位", "名"];

/// Checks `story` against its rules and against `source`, the text of the article it retells.
/// Returns every problem found, in file order, so an editor can fix them all in one pass.
pub fn validate(story: &Story, source: &str) -> Vec<Problem> {
    // A translation's quotations are our translations, checked against the original story when it
    // was built (content::translate); its figures are the original's, converted.
    let translated = story.meta.original.is_some();
    let max_nav = if story.meta.lang == Lang::Zh { MAX_NAV_CHARS } else { MAX_NAV_CHARS_LATIN };
    let mut check =
        Checker { source: normalize(source), problems: Vec::new(), cards: HashSet::new(), translated, max_nav };
    let indicators = check.indicators(&story.indicators);

    let meta = &story.meta;
    check.non_empty("story.title", &meta.title);
    check.non_empty("story.dek", &meta.dek);
    check.non_empty("story.source.publisher", &meta.source.publisher);
    if let Some(coverage) = &meta.coverage {
        check.non_empty("story.coverage.place", &coverage.place);
    }
    check.verbatim("story.source.title", &meta.source.title);
    for (i, id) in meta.headline.iter().enumerate() {
        let path = format!("story.headline[{i}]");
        if check.defined(&path, id, &indicators) {
            check.card(&path, id);
        }
    }

    let mut anchors = HashSet::new();
    check.blocks("intro", &story.intro, &indicators, &mut anchors);
    if story.chapters.is_empty() {
        check.problem("chapters", "a story needs at least one chapter");
    }
    for (i, chapter) in story.chapters.iter().enumerate() {
        check.chapter(&format!("chapters[{i}]"), chapter, &indicators, &mut anchors);
    }
    check.floors_in_words(story);
    check.figures_once_per_section(story);
    check.typesetting(story);
    check.problems
}

struct Checker {
    source: String,
    problems: Vec<Problem>,
    /// Indicators already shown as a card, so that `?embed=1&block=<id>` names exactly one.
    cards: HashSet<String>,
    /// Whether the story is a translation, whose words cannot be found in the source.
    translated: bool,
    /// The longest navigator label that fits a phone in the story's language.
    max_nav: usize,
}

impl Checker {
    fn problem(&mut self, path: &str, rule: impl Into<String>) {
        self.problems.push(Problem::at(path, rule));
    }

    fn non_empty(&mut self, path: &str, text: &str) {
        if text.trim().is_empty() {
            self.problem(path, "must not be empty");
        }
    }

    fn verbatim(&mut self, path: &str, quoted: &str) {
        if quoted.trim().is_empty() {
            self.problem(path, "must not be empty");
        } else if !self.translated && !self.source.contains(&normalize(quoted)) {
            self.problem(path, format!("{quoted:?} is not in the source article word for word"));
        }
    }

    /// Every quotation marked in `text` (the story's own words), each verbatim.
    fn quoted(&mut self, path: &str, text: &RichText) {
        for quote in text.quotes() {
            self.verbatim(path, quote);
        }
    }

    fn defined(&mut self, path: &str, id: &Slug, indicators: &HashMap<&str, &Indicator>) -> bool {
        let found = indicators.contains_key(id.as_str());
        if !found {
            self.problem(path, format!("indicator {:?} is not defined in [[indicators]]", id.as_str()));
        }
        found
    }

    fn card(&mut self, path: &str, id: &Slug) {
        self.page_name(path, id);
        if !self.cards.insert(id.as_str().to_owned()) {
            let rule =
                format!("indicator {:?} is already shown as a card: each figure is shown large once", id.as_str());
            self.problem(path, rule);
        }
    }

    /// A chapter, chart or card is published as `embed/<id>.html`: the names of the site's own
    /// embed pages are taken.
    fn page_name(&mut self, path: &str, id: &Slug) {
        if RESERVED_IDS.contains(&id.as_str()) {
            let rule =
                format!("{:?} names a page of the site (embed/{}.html); choose another id", id.as_str(), id.as_str());
            self.problem(path, rule);
        }
    }

    fn unique_anchor<'a>(&mut self, path: &str, id: &'a Slug, anchors: &mut HashSet<&'a str>) {
        self.page_name(path, id);
        if !anchors.insert(id.as_str()) {
            self.problem(path, format!("{:?} is already the id of a chapter or chart", id.as_str()));
        }
    }

    /// The words the build keeps whole in a heading or label: each a Chinese word of two characters
    /// or more, given once, that the story uses (a word it no longer uses is an edit left behind).
    /// A translation's are its original's, checked there.
    fn typesetting(&mut self, story: &Story) {
        if self.translated {
            return;
        }
        let texts = story.texts();
        let words = &story.typesetting.words;
        for (i, word) in words.iter().enumerate() {
            let path = format!("typesetting.words[{i}]");
            if word.chars().count() < 2 || !word.chars().all(script::is_han) {
                self.problem(&path, format!("{word:?} is not a word of two or more Chinese characters"));
            } else if words[..i].contains(word) {
                self.problem(&path, format!("{word:?} is listed twice"));
            } else if !texts.iter().any(|text| text.words.contains(word.as_str())) {
                self.problem(&path, format!("{word:?} is not in the story's text"));
            }
        }
    }

    fn indicators<'a>(&mut self, indicators: &'a [Indicator]) -> HashMap<&'a str, &'a Indicator> {
        let mut by_id = HashMap::new();
        for (i, indicator) in indicators.iter().enumerate() {
            let path = format!("indicators[{i}]");
            if by_id.insert(indicator.id.as_str(), indicator).is_some() {
                self.problem(&format!("{path}.id"), format!("{:?} is defined twice", indicator.id.as_str()));
            }
            self.indicator(&path, indicator);
        }
        by_id
    }

    fn indicator(&mut self, path: &str, indicator: &Indicator) {
        for (field, text) in [
            ("label", &indicator.label),
            ("measures", &indicator.measures),
            ("unit", &indicator.unit),
            ("period", &indicator.period),
            ("basis", &indicator.basis),
        ] {
            self.non_empty(&format!("{path}.{field}"), text);
        }
        let (value, precision) = (indicator.value, indicator.precision);
        let at = |field: &str| format!("{path}.{field}");
        if !value.is_finite() {
            return self.problem(&at("value"), "must be a finite number");
        }
        if precision > MAX_PRECISION {
            return self.problem(&at("precision"), format!("must be at most {MAX_PRECISION}"));
        }
        if !format::is_exact_at(value, precision) {
            let rule = format!("{value} has more decimals than its precision {precision}");
            return self.problem(&at("value"), rule);
        }
        match indicator.kind {
            Kind::Share if !(0.0..=100.0).contains(&value) => {
                self.problem(&at("value"), "a share is a per cent from 0 to 100")
            }
            Kind::Amount | Kind::Count if value < 0.0 => {
                self.problem(&at("value"), "an amount or a count cannot be negative")
            }
            Kind::Rank if value < 1.0 => self.problem(&at("value"), "a rank starts at 1"),
            Kind::Count | Kind::Rank if precision != 0 => {
                self.problem(&at("precision"), "a count or a rank is a whole number: precision 0")
            }
            _ => {}
        }
        if indicator.bound == Bound::AtLeast && indicator.kind == Kind::Rank {
            self.problem(&at("bound"), "a rank cannot be a lower bound");
        }
        self.verbatim(&at("quote"), &indicator.quote);
        if self.translated {
            return;
        }
        let rank = indicator.kind == Kind::Rank;
        if rank && !RANK_UNITS.contains(&indicator.unit.as_str()) {
            let rule = format!(
                "a rank's unit names a place, {:?} or {:?}, so that it reads 第3位",
                RANK_UNITS[0], RANK_UNITS[1]
            );
            self.problem(&at("unit"), rule);
        }
        let written = format::fixed(value, precision);
        let as_numeral = format::zh_numeral(value).filter(|_| precision == 0);
        // A rank is quoted as a place (第三位), never as a bare number (3位 reads "3 people").
        let in_quote = |number: &str| {
            if rank {
                indicator.quote.contains(&format!("第{number}"))
            } else {
                contains_number(&indicator.quote, number)
            }
        };
        if !in_quote(&written) && !as_numeral.is_some_and(in_quote) {
            let rule = format!(
                "the quote does not write the value as {written:?}: value or precision does not match the source"
            );
            self.problem(&at("precision"), rule);
        }
    }

    fn chapter<'a>(
        &mut self,
        path: &str,
        chapter: &'a Chapter,
        indicators: &HashMap<&str, &Indicator>,
        anchors: &mut HashSet<&'a str>,
    ) {
        self.unique_anchor(&format!("{path}.id"), &chapter.id, anchors);
        if indicators.contains_key(chapter.id.as_str()) {
            let rule = format!(
                "{:?} is also an indicator's id: chapters, charts and cards share one set of embed pages",
                chapter.id.as_str()
            );
            self.problem(&format!("{path}.id"), rule);
        }
        self.non_empty(&format!("{path}.title"), &chapter.title);
        self.non_empty(&format!("{path}.nav"), &chapter.nav);
        if chapter.nav.chars().count() > self.max_nav {
            self.problem(&format!("{path}.nav"), format!("must be at most {} characters", self.max_nav));
        }
        if let Some(original) = &chapter.original {
            self.verbatim(&format!("{path}.original"), original);
        }
        if chapter.blocks.is_empty() {
            self.problem(&format!("{path}.blocks"), "a chapter needs at least one block");
        } else if chapter.blocks.iter().all(|block| matches!(block, Block::Paragraph(_))) {
            let rule =
                "a chapter needs at least one thing to see besides its text: figures, a chart, a pull quote or notes";
            self.problem(&format!("{path}.blocks"), rule);
        }
        self.blocks(&format!("{path}.blocks"), &chapter.blocks, indicators, anchors);
    }

    fn blocks<'a>(
        &mut self,
        path: &str,
        blocks: &'a [Block],
        indicators: &HashMap<&str, &Indicator>,
        anchors: &mut HashSet<&'a str>,
    ) {
        for (i, block) in blocks.iter().enumerate() {
            let at = |field: &str| format!("{path}[{i}].{field}");
            match block {
                Block::Paragraph(paragraph) => {
                    self.quoted(&at("text"), &paragraph.text);
                }
                Block::Indicators(group) => {
                    if group.ids.is_empty() {
                        self.problem(&at("ids"), "must name at least one indicator");
                    }
                    for (j, id) in group.ids.iter().enumerate() {
                        let path = at(&format!("ids[{j}]"));
                        if self.defined(&path, id, indicators) {
                            self.card(&path, id);
                        }
                    }
                }
                Block::Chart(chart) => self.chart(&at(""), chart, indicators, anchors),
                Block::Sequence(sequence) => {
                    self.unique_anchor(&at("id"), &sequence.id, anchors);
                    let count = sequence.steps.len();
                    if !(MIN_STEPS..=MAX_STEPS).contains(&count) {
                        let rule = format!("a sequence has {MIN_STEPS} to {MAX_STEPS} steps, not {count}");
                        self.problem(&at("steps"), rule);
                    }
                    for (j, step) in sequence.steps.iter().enumerate() {
                        let step_at = |field: &str| at(&format!("steps[{j}].{field}"));
                        self.non_empty(&step_at("text"), &step.text.plain());
                        self.quoted(&step_at("text"), &step.text);
                        self.chart(&step_at("chart."), &step.chart, indicators, anchors);
                    }
                }
                Block::PullQuote(quote) => {
                    self.verbatim(&at("text"), &quote.text);
                    self.non_empty(&at("attribution"), &quote.attribution);
                }
                Block::Notes(notes) => {
                    self.non_empty(&at("title"), &notes.title);
                    if notes.items.is_empty() {
                        self.problem(&at("items"), "must hold at least one note");
                    }
                    for (j, item) in notes.items.iter().enumerate() {
                        self.quoted(&at(&format!("items[{j}]")), item);
                    }
                }
            }
        }
    }

    /// A floor is written with the edition's words for it wherever its figure appears: "40%以上"
    /// and "at least 40%", never "over 40%" in one place and "more than 40%" in another.
    fn floors_in_words(&mut self, story: &Story) {
        let lang = story.meta.lang;
        let (before, after) = ui::bound_words(lang, Bound::AtLeast);
        let floors = story.indicators.iter().filter(|indicator| indicator.bound == Bound::AtLeast);
        let floors: Vec<String> = floors.map(|indicator| bare_figure(lang, indicator)).collect();
        for text in story.texts() {
            for figure in &floors {
                let unbounded = number_at(&text.words, figure).any(|at| {
                    !text.words[..at].ends_with(before) || !text.words[at + figure.len()..].starts_with(after)
                });
                if unbounded {
                    let words = format!("{before}{figure}{after}");
                    let rule = format!(
                        "writes the floor {figure:?} without this edition's words for a floor: write {words:?}"
                    );
                    self.problem(&text.path, rule);
                }
            }
        }
    }

    /// No figure is shown twice in one section (the opening with its headline, or a chapter): as a
    /// card, in a heading, a paragraph or a note. A chart may draw a figure that a card or the text
    /// gives, since it shows the figure against others; its caption is its text alternative, and a
    /// pull quote is the source's words.
    fn figures_once_per_section(&mut self, story: &Story) {
        let lang = story.meta.lang;
        let opening = ("intro".to_owned(), "intro".to_owned(), &story.meta.headline[..], None, &story.intro);
        let chapters = story.chapters.iter().enumerate().map(|(i, chapter)| {
            let path = format!("chapters[{i}]");
            (
                path.clone(),
                format!("{path}.blocks"),
                &[][..],
                Some((format!("{path}.title"), &chapter.title)),
                &chapter.blocks,
            )
        });
        for (path, blocks_path, headline, title, blocks) in std::iter::once(opening).chain(chapters) {
            let mut cards: Vec<&Slug> = headline.iter().collect();
            let mut prose: Vec<(String, String)> = title.map(|(at, title)| (at, title.clone())).into_iter().collect();
            for (i, block) in blocks.iter().enumerate() {
                match block {
                    Block::Indicators(group) => cards.extend(&group.ids),
                    Block::Paragraph(paragraph) => {
                        prose.push((format!("{blocks_path}[{i}].text"), paragraph.text.plain()))
                    }
                    Block::Notes(notes) => prose.extend(
                        notes
                            .items
                            .iter()
                            .enumerate()
                            .map(|(j, item)| (format!("{blocks_path}[{i}].items[{j}]"), item.plain())),
                    ),
                    Block::Sequence(sequence) => prose.extend(
                        sequence
                            .steps
                            .iter()
                            .enumerate()
                            .map(|(j, step)| (format!("{blocks_path}[{i}].steps[{j}].text"), step.text.plain())),
                    ),
                    Block::Chart(_) | Block::PullQuote(_) => {}
                }
            }
            for indicator in &story.indicators {
                let figure = bare_figure(lang, indicator);
                let as_card = cards.iter().filter(|id| ***id == indicator.id).map(|_| "a card".to_owned());
                let in_text = prose.iter().filter(|(_, words)| number_at(words, &figure).next().is_some());
                let places: Vec<String> = as_card.chain(in_text.map(|(at, _)| at.clone())).collect();
                if places.len() > 1 {
                    let rule = format!(
                        "shows the figure {figure:?} ({}) {} times: {}; show a figure once in a section",
                        indicator.id.as_str(),
                        places.len(),
                        places.join(", ")
                    );
                    self.problem(&path, rule);
                }
            }
        }
    }

    /// A chart's rules; `at` is the path to it with a trailing dot, or empty for a chart block.
    fn chart<'a>(
        &mut self,
        at: &str,
        chart: &'a Chart,
        indicators: &HashMap<&str, &Indicator>,
        anchors: &mut HashSet<&'a str>,
    ) {
        let at = |field: &str| format!("{at}{field}");
        self.unique_anchor(&at("id"), &chart.id, anchors);
        if indicators.contains_key(chart.id.as_str()) {
            let rule =
                format!("{:?} is also an indicator's id: an embed's block=<id> must name one thing", chart.id.as_str());
            self.problem(&at("id"), rule);
        }
        self.non_empty(&at("title"), &chart.title);
        self.non_empty(&at("caption"), &chart.caption);
        let mut drawn = Vec::new();
        for (j, id) in chart.indicators.iter().enumerate() {
            if self.defined(&at(&format!("indicators[{j}]")), id, indicators) {
                drawn.push(indicators[id.as_str()]);
            }
        }
        self.chart_fits(&at("indicators"), chart.chart, &drawn, chart.indicators.len());
    }

    fn chart_fits(&mut self, path: &str, kind: ChartKind, drawn: &[&Indicator], named: usize) {
        if let Some(rule) = chart_rule(kind, drawn, named) {
            self.problem(path, rule);
        }
    }
}

/// The rule a chart of `kind` breaks with the indicators it names (`named`) and the ones of them
/// that are defined (`drawn`), if any. Undefined ones are reported by their own path.
fn chart_rule(kind: ChartKind, drawn: &[&Indicator], named: usize) -> Option<String> {
    let all = |kind: Kind| drawn.iter().all(|indicator| indicator.kind == kind);
    let rule = match kind {
        ChartKind::Bars if named < 2 => "a bar chart compares at least two indicators".to_owned(),
        ChartKind::Bars if drawn.windows(2).any(|pair| pair[0].unit != pair[1].unit) => {
            "bars side by side must share one unit".to_owned()
        }
        ChartKind::PartOfWhole if named != 1 || !all(Kind::Share) => {
            "a part-of-whole chart draws exactly one share indicator".to_owned()
        }
        ChartKind::Units if named != 2 || !all(Kind::Count) => {
            "a units chart draws exactly two counts: the part, then the whole".to_owned()
        }
        ChartKind::Units => match drawn {
            [part, whole] if !(part.value <= whole.value && whole.value <= MAX_UNITS) => {
                format!("a units chart needs the part no larger than the whole, and a whole of at most {MAX_UNITS}")
            }
            _ => return None,
        },
        _ => return None,
    };
    Some(rule)
}

/// Whether `text` holds `number` as a whole number, not as part of a longer one
/// ("22.3" is in "增速22.3%", "2" is not in "22.3").
fn contains_number(text: &str, number: &str) -> bool {
    number_at(text, number).next().is_some()
}

/// Where `text` holds `number` (or a figure starting with one) as a whole number, not as part of a
/// longer one.
fn number_at<'a>(text: &'a str, number: &'a str) -> impl Iterator<Item = usize> + 'a {
    let is_digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit() || c == '.');
    text.match_indices(number)
        .filter(move |(at, _)| {
            !is_digit(text[..*at].chars().next_back()) && !is_digit(text[at + number.len()..].chars().next())
        })
        .map(|(at, _)| at)
}

/// A figure as the edition writes it, without a floor's words: "40%", "81.8亿元", "第3位", "3rd".
fn bare_figure(lang: Lang, indicator: &Indicator) -> String {
    ui::figure(lang, &Indicator { bound: Bound::Exact, ..indicator.clone() })
}

/// Folds full-width punctuation to ASCII, so a quotation matches whichever the source used.
fn normalize(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '，' => ',',
            '：' => ':',
            '；' => ';',
            '！' => '!',
            '？' => '?',
            '（' => '(',
            '）' => ')',
            other => other,
        })
        .collect()
}
