//! The story file's contract: the real file loads, and each kind of mistake an editor can make is
//! refused with the file, the path to the field and the rule broken.

use std::path::Path;

use story::content::load::{check, load, parse};
use story::content::model::{Block, Bound, Kind};

const FILE: &str = "stories/fushun-2023h1.toml";
const STORY: &str = include_str!("../stories/fushun-2023h1.toml");
const SOURCE: &str = include_str!("../stories/fushun-2023h1.source.txt");

/// The error report for the story file with its first `from` replaced by `to`.
fn refused_after(from: &str, to: &str) -> String {
    checked_after(from, to).unwrap_or_else(|| panic!("a story with {from:?} replaced by {to:?} was accepted"))
}

/// The error report for the story file with its first `from` replaced by `to`, or `None` if the
/// edited story keeps every rule.
fn checked_after(from: &str, to: &str) -> Option<String> {
    assert!(STORY.contains(from), "the story file no longer contains {from:?}");
    let text = STORY.replacen(from, to, 1);
    parse(FILE, &text).and_then(|story| check(FILE, story, SOURCE)).err().map(|error| error.to_string())
}

fn assert_reports(report: &str, expected: &str) {
    assert!(report.contains(expected), "expected {expected:?} in the report:\n{report}");
    assert!(report.starts_with(FILE), "the report does not start with the file name:\n{report}");
}

#[test]
fn the_story_file_loads_and_keeps_every_rule() {
    let story = load(Path::new(FILE)).unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(story.meta.id.as_str(), "fushun-2023h1");
    assert_eq!(story.meta.source.date.as_str(), "2023-07-25");
    assert_eq!(story.chapters.len(), 4, "the review has four parts");
    let ids: Vec<&str> = story.chapters.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["leadership", "projects", "cadres", "environment"]);
}

#[test]
fn the_headline_figures_are_the_four_the_review_opens_with() {
    let story = load(Path::new(FILE)).unwrap();
    let headline: Vec<(f64, &str, Bound)> = story
        .meta
        .headline
        .iter()
        .map(|id| story.indicator(id).expect("defined"))
        .map(|i| (i.value, i.unit.as_str(), i.bound))
        .collect();
    assert_eq!(
        headline,
        [(22.3, "%", Bound::Exact), (40.0, "%", Bound::AtLeast), (92.1, "%", Bound::Exact), (39.4, "%", Bound::Exact)]
    );
}

#[test]
fn the_compiled_story_is_the_story_file() {
    let compiled = story::stories::build("fushun-2023h1").expect("compiled in by build.rs");
    assert_eq!(compiled, load(Path::new(FILE)).unwrap());
}

#[test]
fn an_unknown_or_missing_story_id_falls_back_to_the_first_story() {
    assert_eq!(story::stories::story_or_first(Some("<script>")).meta.id.as_str(), "fushun-2023h1");
    assert_eq!(story::stories::story_or_first(None).meta.id.as_str(), "fushun-2023h1");
}

#[test]
fn every_block_type_appears_in_the_story() {
    let story = load(Path::new(FILE)).unwrap();
    let blocks = story.intro.iter().chain(story.chapters.iter().flat_map(|c| &c.blocks));
    let mut seen = [false; 6];
    for block in blocks {
        let index = match block {
            Block::Paragraph(_) => 0,
            Block::Indicators(_) => 1,
            Block::Chart(_) => 2,
            Block::PullQuote(_) => 3,
            Block::Notes(_) => 4,
            Block::Sequence(_) => 5,
        };
        seen[index] = true;
    }
    assert_eq!(seen, [true; 6]);
}

#[test]
fn an_unknown_block_type_is_refused() {
    let report = refused_after("type = \"pull_quote\"", "type = \"pullquote\"");
    assert_reports(&report, "chapters[2].blocks[1]");
    assert_reports(&report, "unknown variant `pullquote`");
}

#[test]
fn a_misspelt_field_is_refused_with_its_line() {
    let report = refused_after("caption =", "captoin =");
    assert_reports(&report, "intro[2]");
    assert_reports(&report, "unknown field `captoin`");
    assert_reports(&report, "line ");
}

#[test]
fn a_duplicate_chapter_slug_is_refused() {
    let report = refused_after("id = \"cadres\"", "id = \"projects\"");
    assert_reports(&report, "chapters[2].id: \"projects\" is already the id of a chapter or chart");
}

#[test]
fn a_part_cannot_take_the_name_of_a_page_of_the_site() {
    // Chapters, charts and cards are published as embed/<id>.html, beside embed/index.html (the
    // whole story), embed/missing.html and embed/404.html.
    let report = refused_after("id = \"cadres\"", "id = \"index\"");
    assert_reports(&report, "chapters[2].id: \"index\" names a page of the site (embed/index.html); choose another id");
    let report = refused_after("id = \"growth-rates\"", "id = \"missing\"");
    assert_reports(&report, "intro[2].id: \"missing\" names a page of the site (embed/missing.html)");
    // embed/404.html is the notice again, for hosts that look for that name.
    let report = refused_after("id = \"growth-rates\"", "id = \"404\"");
    assert_reports(&report, "intro[2].id: \"404\" names a page of the site (embed/404.html)");
}

#[test]
fn a_chapter_named_like_an_indicator_is_refused() {
    let report = refused_after("id = \"cadres\"", "id = \"tourism-revenue\"");
    assert_reports(&report, "chapters[2].id: \"tourism-revenue\" is also an indicator's id: chapters, charts and cards share one set of embed pages");
}

#[test]
fn a_malformed_slug_is_refused() {
    let report = refused_after("id = \"cadres\"", "id = \"Cadres Chapter\"");
    assert_reports(&report, "chapters[2].id");
    assert_reports(&report, "is not a slug");
}

#[test]
fn a_chart_naming_an_undefined_indicator_is_refused() {
    let report = refused_after("\"tourism-revenue\"]\n\n[[intro]]", "\"tourism\"]\n\n[[intro]]");
    assert_reports(&report, "intro[2].indicators[2]: indicator \"tourism\" is not defined");
}

#[test]
fn a_headline_naming_an_undefined_indicator_is_refused() {
    let report = refused_after("headline = [\"fai-growth\"", "headline = [\"fai-growt\"");
    assert_reports(&report, "story.headline[0]: indicator \"fai-growt\" is not defined");
}

#[test]
fn a_non_finite_value_is_refused() {
    let report = refused_after("value = 22.3", "value = nan");
    assert_reports(&report, "indicators[0].value: must be a finite number");
}

#[test]
fn a_negative_amount_is_refused() {
    let report = refused_after("value = 81.8", "value = -81.8");
    assert_reports(&report, "indicators[4].value: an amount or a count cannot be negative");
}

#[test]
fn a_share_above_a_hundred_per_cent_is_refused() {
    let report = refused_after("value = 40\n", "value = 140\n");
    assert_reports(&report, "indicators[1].value: a share is a per cent from 0 to 100");
}

#[test]
fn a_missing_unit_is_refused() {
    let report = refused_after("unit = \"亿元\"\n", "");
    assert_reports(&report, "indicators[4]");
    assert_reports(&report, "missing field `unit`");
}

#[test]
fn an_empty_unit_is_refused() {
    let report = refused_after("unit = \"个月\"", "unit = \" \"");
    assert_reports(&report, "indicators[5].unit: must not be empty");
}

#[test]
fn an_empty_chapter_title_is_refused() {
    let report = refused_after("title = \"开局之年：项目先行，书记市长带队招商\"", "title = \"\"");
    assert_reports(&report, "chapters[0].title: must not be empty");
}

#[test]
fn a_precision_the_source_does_not_write_is_refused() {
    let report = refused_after("value = 22.3\nprecision = 1", "value = 22.3\nprecision = 2");
    assert_reports(&report, "indicators[0].precision: the quote does not write the value as \"22.30\"");
}

#[test]
fn a_value_finer_than_its_precision_is_refused() {
    let report = refused_after("value = 22.3", "value = 22.34");
    assert_reports(&report, "indicators[0].value: 22.34 has more decimals than its precision 1");
}

#[test]
fn a_value_the_source_does_not_state_is_refused() {
    let report = refused_after("value = 92.1", "value = 92.7");
    assert_reports(&report, "indicators[2].precision: the quote does not write the value as \"92.7\"");
}

#[test]
fn a_quotation_not_in_the_source_is_refused() {
    let report = refused_after("「创下历史新高」", "「创下历史最高纪录」");
    assert_reports(
        &report,
        "chapters[1].blocks[2].text: \"创下历史最高纪录\" is not in the source article word for word",
    );
}

#[test]
fn an_indicator_quote_not_in_the_source_is_refused() {
    let report = refused_after("quote = \"旅游总收入增长39.4%\"", "quote = \"旅游收入增长39.4%\"");
    assert_reports(&report, "indicators[3].quote: \"旅游收入增长39.4%\" is not in the source article word for word");
}

#[test]
fn an_unclosed_quotation_mark_is_refused() {
    let report = refused_after("「大干项目、大抓落地、大拼发展」", "「大干项目、大抓落地、大拼发展");
    assert_reports(&report, "chapters[1].blocks[0]");
    assert_reports(&report, "never closed");
}

#[test]
fn an_impossible_date_is_refused() {
    let report = refused_after("date = \"2023-07-25\"", "date = \"2023-02-30\"");
    assert_reports(&report, "story.source.date");
    assert_reports(&report, "\"2023-02-30\" is not a date written YYYY-MM-DD");
}

#[test]
fn a_coverage_that_is_not_a_span_of_months_or_names_no_place_is_refused() {
    for (period, reason) in [
        ("2023-01/2022-06", "\"2023-01/2022-06\" ends before it starts"),
        ("2023-01/2023-13", "\"2023-01/2023-13\" is not a span of months written YYYY-MM/YYYY-MM"),
        ("2023-H1", "\"2023-H1\" is not a span of months written YYYY-MM/YYYY-MM"),
    ] {
        let report = refused_after("period = \"2023-01/2023-06\"", &format!("period = \"{period}\""));
        assert_reports(&report, "story.coverage.period");
        assert_reports(&report, reason);
    }
    let report = refused_after("place = \"辽宁省抚顺市\"", "place = \" \"");
    assert_reports(&report, "story.coverage.place");
    let section = "[story.coverage]\nperiod = \"2023-01/2023-06\"\nplace = \"辽宁省抚顺市\"\n";
    assert_eq!(checked_after(section, ""), None, "coverage is optional");
}

#[test]
fn bars_in_different_units_are_refused() {
    let report = refused_after("indicators = [\"fai-growth\",", "indicators = [\"fai-total\",");
    assert_reports(&report, "intro[2].indicators: bars side by side must share one unit");
}

#[test]
fn a_units_chart_whose_part_exceeds_its_whole_is_refused() {
    let report = refused_after(
        "indicators = [\"provincial-projects\", \"provincial-list-size\"]",
        "indicators = [\"provincial-list-size\", \"provincial-projects\"]",
    );
    assert_reports(
        &report,
        "chapters[1].blocks[3].steps[2].chart.indicators: a units chart needs the part no larger than the whole",
    );
}

#[test]
fn a_units_chart_naming_an_undefined_count_is_refused_not_a_crash() {
    let report = refused_after(
        "indicators = [\"provincial-projects\", \"provincial-list-size\"]",
        "indicators = [\"provincial-projects\", \"list-size\"]",
    );
    assert_reports(
        &report,
        "chapters[1].blocks[3].steps[2].chart.indicators[1]: indicator \"list-size\" is not defined",
    );
}

#[test]
fn a_part_of_whole_chart_of_a_growth_rate_is_refused() {
    let report = refused_after("indicators = [\"industrial-share\"]", "indicators = [\"fai-growth\"]");
    assert_reports(
        &report,
        "chapters[1].blocks[3].steps[1].chart.indicators: a part-of-whole chart draws exactly one share indicator",
    );
}

#[test]
fn a_fractional_count_is_refused() {
    let report = refused_after("value = 12\nprecision = 0", "value = 12\nprecision = 1");
    assert_reports(&report, "indicators[11].precision: a count or a rank is a whole number: precision 0");
}

#[test]
fn a_nav_label_too_long_for_a_phone_is_refused() {
    let report = refused_after("nav = \"项目\"", "nav = \"项目建设与投资情况一览\"");
    assert_reports(&report, "chapters[1].nav: must be at most 8 characters");
}

#[test]
fn every_problem_is_reported_at_once() {
    let text = STORY.replacen("unit = \"个月\"", "unit = \"\"", 1).replacen("value = 22.3", "value = inf", 1);
    let error = check(FILE, parse(FILE, &text).unwrap(), SOURCE).unwrap_err();
    assert_eq!(error.problems.len(), 2, "{error}");
    assert!(error.to_string().starts_with(&format!("{FILE}: 2 problems")));
}

#[test]
fn a_missing_source_text_is_refused_by_name() {
    let dir = std::env::temp_dir().join(format!("story-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("story.toml");
    std::fs::write(&path, STORY).unwrap();
    let report = load(&path).unwrap_err().to_string();
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(report.contains("story.source.text: cannot read"), "{report}");
    assert!(report.contains("fushun-2023h1.source.txt"), "{report}");
}

#[test]
fn kinds_are_checked_as_the_file_declares_them() {
    let story = load(Path::new(FILE)).unwrap();
    let rank = story.indicators.iter().find(|i| i.id.as_str() == "provincial-rank").unwrap();
    assert_eq!((rank.kind, rank.value), (Kind::Rank, 3.0), "written 第三位 in the source");
}

#[test]
fn a_figure_shown_large_twice_is_refused() {
    // An embed's block=<id> must name exactly one card.
    let report = refused_after("ids = [\"leadership-meetings\"]", "ids = [\"leadership-meetings\", \"fai-growth\"]");
    assert_reports(&report, "ids[1]: indicator \"fai-growth\" is already shown as a card");
}

#[test]
fn a_chart_named_like_an_indicator_is_refused() {
    let report = refused_after("id = \"industrial-floor\"", "id = \"industrial-share\"");
    assert_reports(&report, "chapters[1].blocks[3].steps[1].chart.id: \"industrial-share\" is also an indicator's id");
}

#[test]
fn a_rank_reads_as_a_place_in_chinese() {
    // "3位" on a card reads as "three people"; a rank is written 第3位.
    let report = refused_after("unit = \"位\"", "unit = \"个\"");
    assert_reports(
        &report,
        "indicators[8].unit: a rank's unit names a place, \"位\" or \"名\", so that it reads 第3位",
    );
    assert_eq!(checked_after("quote = \"排名全省第三位\"", "quote = \"全省第三位\""), None, "第三位 is a place");
    let report = refused_after("quote = \"排名全省第三位\"", "quote = \"三位\"");
    assert_reports(&report, "indicators[8].precision: the quote does not write the value as \"3\"");
    let story = load(Path::new(FILE)).unwrap();
    let rank = story.indicators.iter().find(|i| i.kind == Kind::Rank).unwrap();
    assert_eq!(story::ui::figure(story.meta.lang, rank), "第3位");
}

#[test]
fn a_floor_is_written_with_its_words_wherever_its_figure_appears() {
    let report = refused_after("上半年工业项目投资占比为40%以上。", "上半年工业项目投资占比超过40%。");
    assert_reports(
        &report,
        "chapters[1].blocks[3].steps[1].chart.caption: writes the floor \"40%\" without this edition's words for a floor: write \"40%以上\"",
    );
}

#[test]
fn a_figure_is_shown_once_in_a_section() {
    // The card gives 81.8亿元; a heading or the text beside it giving it again is repetition.
    let report =
        refused_after("title = \"项目为王：工地、清单和指挥部\"", "title = \"项目为王：上半年投资完成81.8亿元\"");
    assert_reports(
        &report,
        "chapters[1]: shows the figure \"81.8亿元\" (fai-total) 2 times: a card, chapters[1].title; show a figure once in a section",
    );
    // The headline's cards count in the opening.
    let report = refused_after("三项增速都没有注明", "固定资产投资增速22.3%等三项增速都没有注明");
    assert_reports(&report, "intro: shows the figure \"22.3%\" (fai-growth) 2 times: a card, intro[3].items[0]");
    // A figure in another chapter is not a repetition.
    let another_section = checked_after(
        "综述第一部分从6月28日的那场奠基仪式写起。",
        "综述第一部分从6月28日的那场奠基仪式写起，全市投资81.8亿元。",
    );
    assert_eq!(another_section, None, "another section may give the figure");
}

#[test]
fn every_chapter_has_something_to_see_besides_its_text() {
    let report = refused_after(
        "[[chapters.blocks]]\ntype = \"pull_quote\"\ntext = \"风清则气正，气正则心齐，心齐则事成。\"\nattribution = \"综述原文\"\n",
        "",
    );
    assert_reports(
        &report,
        "chapters[3].blocks: a chapter needs at least one thing to see besides its text: figures, a chart, a pull quote or notes",
    );
}

#[test]
fn a_box_of_notes_quotes_the_source_verbatim_and_is_not_empty() {
    let report = refused_after("**因果。**综述把成绩归于党的领导", "**因果。**综述称「成绩归于党的领导」");
    assert_reports(&report, "intro[3].items[4]: \"成绩归于党的领导\" is not in the source article word for word");
    let start = STORY.find("items = [").unwrap();
    let end = start + STORY[start..].find(']').unwrap() + 1;
    let report = refused_after(&STORY[start..end], "items = []");
    assert_reports(&report, "intro[3].items: must hold at least one note");
}

#[test]
fn a_space_typed_between_chinese_and_latin_is_refused_with_its_field_and_line() {
    // The page spaces them by a quarter em itself; a typed space would add a second, wider one.
    let report = refused_after("当年7月25日", "当年 7月25日");
    assert_reports(&report, "story.dek: \"年 7\" types a space between Chinese and Latin letters or digits");
    assert_reports(&report, "line 17:");
    let report = refused_after("计划总投资86.8亿元", "计划总投资86.8 亿元");
    assert_reports(&report, "intro[0].text: \"8 亿\" types a space");
    // Between a Chinese punctuation mark and a digit, or between Latin words, a space is the writer's.
    assert_eq!(checked_after("当年7月25日", "当年（7月25日）"), None);
}

/// The sequence's text, from its first step's to its end (the next top-level block).
fn sequence_steps() -> &'static str {
    let start = STORY.find("[[chapters.blocks.steps]]").expect("the story has a sequence");
    let end = STORY[start..].find("\n[[chapters.blocks]]").map_or(STORY.len(), |end| start + end);
    &STORY[start..end]
}

#[test]
fn a_sequence_of_fewer_than_three_or_more_than_five_steps_is_refused() {
    let steps = sequence_steps();
    let first = &steps[..steps[1..].find("[[chapters.blocks.steps]]").unwrap() + 1];
    let report = refused_after(steps, first);
    assert_reports(&report, "chapters[1].blocks[3].steps: a sequence has 3 to 5 steps, not 1");
    // Six: the three again, their charts renamed so that only the count breaks a rule.
    let again = steps.replace("id = \"city-and-project\"", "id = \"city-and-project-2\"");
    let again = again.replace("id = \"industrial-floor\"", "id = \"industrial-floor-2\"");
    let again = again.replace("id = \"provincial-list\"", "id = \"provincial-list-2\"");
    let report = refused_after(steps, &format!("{steps}\n{again}"));
    assert_reports(&report, "chapters[1].blocks[3].steps: a sequence has 3 to 5 steps, not 6");
    assert!(!report.contains("already"), "only the count is wrong:\n{report}");
}

#[test]
fn a_steps_chart_keeps_every_rule_of_a_chart_with_its_path() {
    let report = refused_after(
        "indicators = [\"fai-total\", \"sanmu-investment\"]",
        "indicators = [\"fai-total\", \"fai-growth\"]",
    );
    assert_reports(&report, "chapters[1].blocks[3].steps[0].chart.indicators: bars side by side must share one unit");
    let report = refused_after("id = \"city-and-project\"", "id = \"growth-rates\"");
    assert_reports(&report, "chapters[1].blocks[3].steps[0].chart.id: \"growth-rates\" is already the id");
}

#[test]
fn a_steps_text_is_checked_like_a_paragraph() {
    let report = refused_after("综述只给出一个下限", "综述「只给出一个下限」");
    assert_reports(
        &report,
        "chapters[1].blocks[3].steps[1].text: \"只给出一个下限\" is not in the source article word for word",
    );
    // A step's text is the chapter's text: a figure a card of the chapter shows is not told again.
    let report = refused_after("一个项目的计划总投资，高过", "81.8亿元，一个项目的计划总投资高过");
    assert_reports(
        &report,
        "shows the figure \"81.8亿元\" (fai-total) 2 times: a card, chapters[1].blocks[3].steps[0].text",
    );
}

#[test]
fn a_typesetting_word_that_is_not_a_chinese_word_the_story_uses_is_refused() {
    let listed = "words = [\"开局之年\",";
    let report = refused_after(listed, "words = [\"开\", \"investment\",");
    assert_reports(&report, "typesetting.words[0]: \"开\" is not a word of two or more Chinese characters");
    assert_reports(&report, "typesetting.words[1]: \"investment\" is not a word of two or more Chinese characters");
    let report = refused_after(listed, "words = [\"带队\", \"开局之年\",");
    assert_reports(&report, "typesetting.words[2]: \"带队\" is listed twice");
    let report = refused_after(listed, "words = [\"沈阳机场\",");
    assert_reports(&report, "typesetting.words[0]: \"沈阳机场\" is not in the story's text");
}
