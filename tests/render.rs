//! What the prerendered page holds before any script runs, rendered natively with Yew's SSR.
#![cfg(feature = "ssr")]

use std::rc::Rc;

use story::content::model::Story;
use story::format;
use story::view::View;

fn story() -> Story {
    story::stories::story_or_first(None)
}

/// The story's own page as the build renders it.
fn render(story: Story) -> String {
    story::bake::render(Rc::new(story), View::Page)
}

#[test]
fn every_figure_a_block_shows_is_in_the_html_at_its_precision() {
    let story = story();
    let html = render(story.clone());
    let shown = story.meta.headline.iter().chain(story.blocks().flat_map(|block| block.indicator_ids()));
    for id in shown {
        let indicator = story.indicator(id).unwrap();
        let number = format::fixed(indicator.value, indicator.precision);
        assert!(
            html.contains(&format!("value=\"{number}\"")) || html.contains(&number),
            "{} missing",
            indicator.id.as_str()
        );
    }
}

#[test]
fn every_chapter_is_an_anchored_section_with_its_heading() {
    let story = story();
    let html = render(story.clone());
    for chapter in &story.chapters {
        let id = chapter.id.as_str();
        // The opening tag, whatever order Yew writes its attributes in.
        let is_this = |s: &&str| format!(" {}", &s[..s.find('>').unwrap_or(0)]).contains(&format!(" id=\"{id}\""));
        let section = html.split("<section ").find(is_this).expect("a section");
        assert!(section.contains(&format!("aria-labelledby=\"{id}-title\"")), "{section}");
        assert!(section.contains(&format!(">{}</h2>", chapter.title)), "{section}");
        assert!(html.contains(&format!("href=\"#{id}\"")), "the navigator links {id}");
    }
}

#[test]
fn text_from_the_story_is_escaped_never_markup() {
    let mut story = story();
    story.meta.title = "<script>alert(1)</script>".into();
    let html = render(story);
    assert!(!html.contains("<script>alert"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

#[test]
fn the_render_is_deterministic() {
    assert_eq!(render(story()), render(story()));
}

#[test]
fn a_floor_and_a_rank_are_written_one_way_on_every_surface_of_each_edition() {
    use story::data::Format;
    // The card said "over 40%", the text "more than 40%", the download "at least"; a rank card said
    // "3位". Every surface now writes a figure through one function, in each language.
    for (id, floor, rank, not) in [
        ("fushun-2023h1", "40%以上", "第3位", ["超过40%", ">3位<"]),
        ("fushun-2023h1-en", "at least 40%", "3rd", ["over 40%", "more than 40%"]),
    ] {
        let story = story::stories::build(id).unwrap();
        let html = render(story.clone());
        let csv = Format::Csv.render(&story);
        let json = Format::Json.render(&story);
        for (surface, text) in [("page", &html), ("csv", &csv), ("json", &json)] {
            assert!(text.contains(floor), "{id} {surface} does not write {floor:?}");
            assert!(text.contains(rank), "{id} {surface} does not write {rank:?}");
            for wrong in not {
                assert!(!text.contains(wrong), "{id} {surface} writes {wrong:?}");
            }
        }
        // The chart draws the floor with the same words.
        let chart = story.charts().find(|chart| chart.id.as_str() == "industrial-floor");
        let data = story::charts::ChartData::new(&story, chart.unwrap());
        assert_eq!(data.data[0].display, floor, "{id} chart");
    }
}

#[test]
fn a_box_of_notes_is_an_aside_with_its_heading_and_every_note() {
    let story = story();
    let html = render(story.clone());
    let notes = story
        .intro
        .iter()
        .find_map(|block| match block {
            story::content::model::Block::Notes(notes) => Some(notes),
            _ => None,
        })
        .expect("the opening has a box of notes");
    let aside =
        html.split("<aside class=\"notes\">").nth(1).expect("rendered as an aside").split("</aside>").next().unwrap();
    assert!(aside.contains(&format!("<h2 class=\"notes__title\">{}</h2>", notes.title)), "{aside}");
    assert_eq!(aside.matches("<li>").count(), notes.items.len());
}

#[test]
fn a_sequence_is_written_stacked_each_steps_text_then_its_chart_each_step_a_named_tab_stop() {
    for (id, name) in [("fushun-2023h1", "第2步，共3步"), ("fushun-2023h1-en", "Step 2 of 3")] {
        let story = story::stories::build(id).unwrap();
        let html = render(story.clone());
        let sequence = story
            .blocks()
            .find_map(|block| match block {
                story::content::model::Block::Sequence(sequence) => Some(sequence),
                _ => None,
            })
            .expect("the story has a sequence");
        let start = html.find("<div id=\"investment-steps\" class=\"sequence\">").expect("written with its id");
        let written = &html[start..];
        // Its island first (it renders nothing), then each step: its text, then its whole chart.
        assert!(
            written[written.find('>').unwrap() + 1..].starts_with("<story-island data-island=\"{&quot;sequence&quot;")
        );
        let mut at = 0;
        for step in &sequence.steps {
            let text = written[at..].find("<div tabindex=\"0\" role=\"group\" aria-label=").unwrap() + at;
            let chart = written[at..].find(&format!("<figure id=\"{}\"", step.chart.id.as_str())).unwrap() + at;
            assert!(text < chart, "{id}: a step's text comes before its chart");
            at = chart;
        }
        assert!(written.contains(&format!("aria-label=\"{name}\"")), "{id}: each step is named for its place");
        // No held state is written: the steps are stacked until the engine holds them.
        assert!(!written[..at].contains("data-live") && !written[..at].contains("data-active"));
    }
}

#[test]
fn every_charts_own_page_holds_that_chart_drawn_a_steps_chart_without_its_sequence() {
    for id in ["fushun-2023h1", "fushun-2023h1-en"] {
        let story = Rc::new(story::stories::build(id).unwrap());
        for chart in story.charts() {
            let html = story::bake::render(story.clone(), View::Block(chart.id.clone()));
            let name = chart.id.as_str();
            assert!(html.contains(&format!("<figure id=\"{name}\"")), "{id} {name}: its figure");
            assert!(html.contains("class=\"chart__svg\""), "{id} {name}: drawn before any script");
            assert!(!html.contains("class=\"sequence\""), "{id} {name}: the chart alone");
        }
    }
}

/// The values of `attribute` in `html`, as written (`name="…"`).
fn values<'a>(html: &'a str, attribute: &str) -> Vec<&'a str> {
    let opening = format!(" {attribute}=\"");
    html.split(opening.as_str()).skip(1).filter_map(|rest| rest.split('"').next()).collect()
}

#[test]
fn every_id_a_page_refers_to_is_on_that_page_once() {
    for id in ["fushun-2023h1", "fushun-2023h1-en"] {
        let story = Rc::new(story::stories::build(id).unwrap());
        for view in View::all(&story) {
            let html = story::bake::render(story.clone(), view.clone());
            let name = view.name();
            let ids = values(&html, "id");
            let mut seen = std::collections::HashSet::new();
            for own in &ids {
                assert!(seen.insert(*own), "{id} {name}: the id {own} twice");
            }
            // What names, describes or labels an element, and a link within the page.
            let lists = ["aria-labelledby", "aria-describedby", "aria-controls", "for"];
            let refs = lists.iter().flat_map(|attribute| values(&html, attribute)).flat_map(str::split_whitespace);
            let links = values(&html, "href").into_iter().filter_map(|href| href.strip_prefix('#'));
            for wanted in refs.chain(links).filter(|wanted| !wanted.is_empty()) {
                assert!(seen.contains(wanted), "{id} {name}: refers to {wanted}, which is not on the page");
            }
        }
    }
}
