//! What the prerendered page holds before any script runs, rendered natively with Yew's SSR.
#![cfg(feature = "ssr")]

use std::rc::Rc;

use story::content::model::Story;
use story::format;

fn story() -> Story {
    story::stories::story_or_first(None)
}

/// The story as the build renders it, without hydration markers, so the text reads plainly.
fn render(story: Story) -> String {
    story::bake::render(Rc::new(story), false)
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
