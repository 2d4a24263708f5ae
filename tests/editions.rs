//! The editions of the story: the English translation is built from the Chinese story and a file
//! of words, every figure is written the same in both (converted, never re-rounded), and a
//! translation that drifts from its original is refused with the file, the field and the rule.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use story::content::load::load_all;
use story::content::model::Story;
use story::stories;

const STORY: &str = "stories/fushun-2023h1.toml";
const ENGLISH: &str = "stories/fushun-2023h1.en.toml";

fn editions() -> (Story, Story) {
    let mut stories = load_all(&[STORY, ENGLISH]).unwrap_or_else(|errors| panic!("{errors:?}"));
    let english = stories.pop().unwrap();
    (stories.pop().unwrap(), english)
}

fn written(story: &Story, id: &str) -> String {
    let indicator = story.indicators.iter().find(|i| i.id.as_str() == id).unwrap();
    story::ui::figure(story.meta.lang, indicator)
}

#[test]
fn every_indicator_is_written_in_both_languages_as_the_locale_expects() {
    let (chinese, english) = editions();
    let expected = [
        ("fai-growth", "22.3%", "22.3%"),
        ("industrial-share", "40%以上", "at least 40%"),
        ("external-capital", "92.1%", "92.1%"),
        ("tourism-revenue", "39.4%", "39.4%"),
        ("fai-total", "81.8亿元", "8.18 billion yuan"),
        ("fai-rank-months", "4个月", "4 months"),
        ("provincial-projects", "20个", "20 projects"),
        ("provincial-list-size", "300个", "300 projects"),
        ("provincial-rank", "第3位", "3rd"),
        ("sanmu-capacity", "65万吨", "650,000 tonnes"),
        ("sanmu-investment", "86.8亿元", "8.68 billion yuan"),
        ("leadership-meetings", "12次", "12 meetings"),
    ];
    assert_eq!(expected.len(), chinese.indicators.len(), "every indicator is listed here");
    for (id, zh, en) in expected {
        assert_eq!((written(&chinese, id).as_str(), written(&english, id).as_str()), (zh, en), "{id}");
    }
}

/// A card may break a figure's line only at a space: "at least" / "40%" and "650,000" / "tonnes"
/// may part, "40" / "%" and "第" / "3位" never (the browser tests check it as set).
#[test]
fn a_figures_words_part_from_its_number_only_where_a_space_is() {
    let (chinese, english) = editions();
    let parts = |story: &Story, id: &str| {
        let indicator = story.indicators.iter().find(|i| i.id.as_str() == id).unwrap();
        let words = story::ui::figure_words(story.meta.lang, indicator);
        [words.apart_before, words.joined_before, words.joined_after, words.apart_after]
    };
    assert_eq!(parts(&english, "industrial-share"), ["at least", "", "%", ""]);
    assert_eq!(parts(&english, "sanmu-capacity"), ["", "", "", "tonnes"]);
    assert_eq!(parts(&english, "fai-total"), ["", "", "", "billion yuan"]);
    assert_eq!(parts(&english, "provincial-rank"), ["", "", "rd", ""]);
    assert_eq!(parts(&chinese, "industrial-share"), ["", "", "%以上", ""]);
    assert_eq!(parts(&chinese, "provincial-rank"), ["", "第", "位", ""]);
    assert_eq!(parts(&chinese, "sanmu-capacity"), ["", "", "万吨", ""]);
    // Put back together, with a space where one was taken, they are the figure as written.
    for story in [&chinese, &english] {
        for indicator in &story.indicators {
            let [apart_before, joined_before, joined_after, apart_after] = parts(story, indicator.id.as_str());
            let number = story::ui::number(story.meta.lang, indicator.value, indicator.precision);
            let spaced = |words: &str, text: String, before: bool| match (words.is_empty(), before) {
                (true, _) => text,
                (false, true) => format!("{words} {text}"),
                (false, false) => format!("{text} {words}"),
            };
            let joined = format!("{joined_before}{number}{joined_after}");
            let whole = spaced(&apart_after, spaced(&apart_before, joined, true), false);
            assert_eq!(whole, written(story, indicator.id.as_str()), "{}", indicator.id.as_str());
        }
    }
}

#[test]
fn converted_figures_say_so_and_the_rest_do_not() {
    let (_, english) = editions();
    let converted: Vec<(&str, &str)> = english
        .indicators
        .iter()
        .filter_map(|i| i.converted_from.as_deref().map(|from| (i.id.as_str(), from)))
        .collect();
    assert_eq!(
        converted,
        [
            ("fai-total", "81.8 × 100 million yuan"),
            ("sanmu-capacity", "65 × 10,000 tonnes"),
            ("sanmu-investment", "86.8 × 100 million yuan")
        ]
    );
}

#[test]
fn the_translation_keeps_the_originals_structure_and_names_it() {
    let (chinese, english) = editions();
    assert_eq!(english.meta.original.as_ref(), Some(&chinese.meta.id));
    assert_eq!(english.meta.source.original_title.as_deref(), Some(chinese.meta.source.title.as_str()));
    assert_eq!(english.meta.source.date, chinese.meta.source.date);
    let ids = |story: &Story| story.chapters.iter().map(|c| c.id.as_str().to_owned()).collect::<Vec<_>>();
    assert_eq!(ids(&english), ids(&chinese));
    let types = |story: &Story| story.blocks().map(|b| b.type_name()).collect::<Vec<_>>();
    assert_eq!(types(&english), types(&chinese));
    assert_eq!(english.meta.headline, chinese.meta.headline);
}

#[test]
fn both_editions_are_compiled_in_each_on_its_own_page() {
    let pages: Vec<(&str, &str)> = stories::editions("fushun-2023h1-en").map(|e| (e.story, e.page)).collect();
    assert_eq!(pages, [("fushun-2023h1", "index.html"), ("fushun-2023h1-en", "en.html")]);
    assert_eq!(stories::build("fushun-2023h1-en").unwrap(), editions().1);
}

/// The report for the English file with its first `from` replaced by `to`.
fn refused_translation(from: &str, to: &str) -> String {
    let text = std::fs::read_to_string(ENGLISH).unwrap();
    assert!(text.contains(from), "the English file no longer contains {from:?}");
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let dir: PathBuf = std::env::temp_dir().join(format!("editions-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for file in ["fushun-2023h1.toml", "fushun-2023h1.source.txt"] {
        std::fs::copy(Path::new("stories").join(file), dir.join(file)).unwrap();
    }
    let english = dir.join("fushun-2023h1.en.toml");
    std::fs::write(&english, text.replacen(from, to, 1)).unwrap();
    let result = load_all(&[dir.join("fushun-2023h1.toml"), english]);
    std::fs::remove_dir_all(&dir).unwrap();
    let errors = result.expect_err("the broken translation was accepted");
    let report: String = errors.iter().map(ToString::to_string).collect();
    assert!(report.contains("fushun-2023h1.en.toml"), "the report names the file:\n{report}");
    report
}

#[test]
fn untranslated_chinese_is_refused_unless_marked_as_a_name() {
    let report = refused_translation("Fushun (〔抚顺〕), a city", "抚顺, a city");
    assert!(report.contains("intro[0].text: holds the Chinese character '抚' outside 〔…〕"), "{report}");
    let report = refused_translation("label = \"Fixed-asset investment growth\"", "label = \"固定资产投资增速\"");
    assert!(report.contains("indicators[0].label: holds the Chinese character '固'"), "{report}");
}

#[test]
fn a_straight_apostrophe_or_quotation_mark_is_refused_in_english_with_its_field_and_line() {
    // The page writes ’ and “ ”: a straight mark typed beside them reads as a typo.
    let report = refused_translation("title = \"Fushun’s first half", "title = \"Fushun's first half");
    assert!(
        report.contains("line 25: story.title: \"Fushun's firs\" types a straight apostrophe: write ’"),
        "{report}"
    );
    let report =
        refused_translation("the province’s ‘clean Liaoning’ banner", "the province’s 'clean Liaoning' banner");
    assert!(report.contains("chapters[3].blocks[0].text: \"nce’s 'clean \" types a straight apostrophe"), "{report}");
    let report = refused_translation(
        "label = \"Fixed-asset investment growth\"",
        "label = \"\\\"Fixed-asset\\\" investment growth\"",
    );
    assert!(report.contains("indicators[0].label: \"\\\"Fixed-\" types a straight quotation mark"), "{report}");
}

#[test]
fn a_translation_names_the_place_its_figures_cover_in_its_own_words() {
    let (original, english) = editions();
    let (zh, en) = (original.meta.coverage.unwrap(), english.meta.coverage.unwrap());
    assert_eq!(en.period, zh.period, "the months are the original's");
    assert_eq!(en.place, "Fushun, Liaoning, China");
    let report = refused_translation("[story.coverage]\nplace = \"Fushun, Liaoning, China\"\n", "");
    assert!(report.contains("story.coverage: the original names the place its figures cover"), "{report}");
    let report = refused_translation("place = \"Fushun, Liaoning, China\"", "place = \"抚顺\"");
    assert!(report.contains("story.coverage.place: holds the Chinese character '抚'"), "{report}");
}

#[test]
fn a_paragraph_must_quote_the_review_as_often_as_the_original() {
    let report =
        refused_translation("opens with 「a set of inspiring figures」", "opens with a set of inspiring figures");
    assert!(
        report.contains("intro[1].text: quotes the review 6 times; the original paragraph quotes it 7 times"),
        "{report}"
    );
}

#[test]
fn an_indicator_quote_must_give_the_figure_as_the_edition_writes_it() {
    let report = refused_translation("completed 8.18 billion yuan", "completed 81.8 hundred million yuan");
    assert!(
        report.contains("indicators[4].quote: must give the figure as this edition writes it, \"8.18\""),
        "{report}"
    );
}

#[test]
fn a_translation_that_drifts_from_its_original_is_refused() {
    let report = refused_translation("id = \"projects\"", "id = \"project\"");
    assert!(report.contains("chapters[1].id: must be \"projects\", as in the original"), "{report}");
    let report = refused_translation(
        "[[chapters.blocks]]\ntype = \"indicators\"",
        "[[chapters.blocks]]\ntype = \"pull_quote\"\ntext = \"x\"\nattribution = \"y\"",
    );
    assert!(report.contains("chapters[0].blocks[1].type: must be \"indicators\", as in the original"), "{report}");
    let report = refused_translation("id = \"leadership-meetings\"", "id = \"meetings\"");
    assert!(report.contains("the original has no indicator \"meetings\""), "{report}");
    assert!(report.contains("indicator \"leadership-meetings\" is not translated"), "{report}");
    let report = refused_translation("translates = \"fushun-2023h1\"", "translates = \"fushun-2024\"");
    assert!(report.contains("story.translates: no story file has the id \"fushun-2024\""), "{report}");
}

#[test]
fn a_rank_is_quoted_as_a_place_not_as_a_number() {
    let report =
        refused_translation("quote = \"ranking third in the province\"", "quote = \"ranking 3 in the province\"");
    assert!(
        report.contains("indicators[8].quote: must give the figure as this edition writes it, \"3rd\""),
        "{report}"
    );
    let report = refused_translation("quote = \"ranking third in the province\"", "quote = \"three cities ahead\"");
    assert!(report.contains("indicators[8].quote: must give the figure as this edition writes it"), "{report}");
}

#[test]
fn a_floor_is_written_with_the_editions_words_for_a_floor_everywhere() {
    // "over 40%" on the card and "more than 40%" in the text was how the floor drifted.
    let report = refused_translation(
        "In the first half, industrial projects made up at least 40%",
        "In the first half, industrial projects made up more than 40%",
    );
    assert!(
        report.contains(
            "chapters[1].blocks[3].steps[1].chart.caption: writes the floor \"40%\" without this edition's words for a floor: write \"at least 40%\""
        ),
        "{report}"
    );
}

#[test]
fn a_defined_term_has_one_rendering_in_the_edition() {
    // 沈白高铁 runs from Shenyang to Baihe; "Baishan" was a guess the glossary now refuses.
    let report = refused_translation(
        "the Shenyang–Baihe high-speed railway, the article",
        "the Shenyang–Baishan high-speed railway, the article",
    );
    assert!(
        report.contains("chapters[1].blocks[0].text: the original says \"沈白高铁\" here: the glossary renders it \"Shenyang–Baihe high-speed railway\""),
        "{report}"
    );
    assert!(report.contains("chapters[1].blocks[0].text: writes \"Baishan\", which the glossary avoids"), "{report}");
    // 域外 was "from outside Fushun" in one place and "outside the region" in another.
    let report = refused_translation(
        "quote = \"capital attracted from outside Fushun and actually received grew 92.1%\"",
        "quote = \"external capital received grew 92.1%\"",
    );
    assert!(report.contains("indicators[2].quote: the original says \"域外\" here"), "{report}");
    assert!(report.contains("indicators[2].quote: writes \"external capital\", which the glossary avoids"), "{report}");
    // 领导小组: the review gives no number of groups.
    let report = refused_translation("of the first half served", "of the leading groups in the first half served");
    assert!(
        report.contains("chapters[0].blocks[3].text: writes \"leading groups\", which the glossary avoids"),
        "{report}"
    );
    let report = refused_translation("term = \"三木\"", "term = \"清原\"");
    assert!(report.contains("glossary[26].term: \"清原\" is defined twice: a term has one rendering"), "{report}");
}

#[test]
fn a_translated_box_of_notes_keeps_every_note() {
    let report = refused_translation(
        "  \"**Cause and effect.** The review credits the results to Party leadership, meetings and the conduct of officials, but offers no evidence linking them to the figures.\",\n",
        "",
    );
    assert!(report.contains("intro[3].items: the original has 5 notes here; the translation must too"), "{report}");
}

#[test]
fn the_glossary_covers_the_terms_the_issue_names_with_a_source_for_each() {
    #[derive(serde::Deserialize)]
    struct File {
        glossary: Vec<story::content::translate::Term>,
    }
    let file: File = toml::from_str(&std::fs::read_to_string(ENGLISH).unwrap()).unwrap();
    for term in ["全面从严治党", "全面振兴新突破三年行动", "域外", "领导小组", "沈白高铁", "十四五", "辽沈战役"]
    {
        let entry =
            file.glossary.iter().find(|t| t.term == term).unwrap_or_else(|| panic!("{term} is not in the glossary"));
        assert!(!entry.source.trim().is_empty(), "{term} has no source");
    }
}

#[test]
fn a_translation_keeps_each_step_of_a_sequence_and_its_charts_ids() {
    let (chinese, english) = editions();
    let steps = |story: &Story| -> Vec<String> { story.charts().map(|chart| chart.id.as_str().to_owned()).collect() };
    assert_eq!(steps(&english), steps(&chinese));
    let text = std::fs::read_to_string(ENGLISH).unwrap();
    let last = text.rfind("[[chapters.blocks.steps]]").unwrap();
    let end = last + text[last..].find("\n[[chapters.blocks]]").unwrap();
    let report = refused_translation(&text[last..end], "");
    assert!(
        report.contains("chapters[1].blocks[3].steps: the original has 3 steps here; the translation must too"),
        "{report}"
    );
    let report = refused_translation("id = \"city-and-project\"", "id = \"city-and-projects\"");
    assert!(
        report.contains("chapters[1].blocks[3].steps[0].chart.id: must be \"city-and-project\", as in the original"),
        "{report}"
    );
    // A chart's words are its title and caption, whether it is a block or a step's: nothing else.
    for id in ["growth-rates", "city-and-project"] {
        let report = refused_translation(&format!("id = \"{id}\"\n"), &format!("id = \"{id}\"\nchart = \"bars\"\n"));
        assert!(report.contains("unknown field `chart`"), "{id}: {report}");
    }
}
