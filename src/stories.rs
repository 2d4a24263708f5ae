//! The stories of `stories/`, checked and turned into Rust by `build.rs`.
//!
//! Reading a story here costs no parsing: the data was compiled in. A story and its translations
//! are editions of one story, each on its own page.

use crate::content::model::{Block, Bound, Chapter, Chart, ChartKind, Coverage, Indicator, IndicatorGroup, IsoDate};
use crate::content::model::{
    Kind, Lang, Meta, MonthSpan, Notes, Paragraph, PullQuote, Sequence, Slug, Source, Step, Story, Typesetting,
};
use crate::content::rich::{RichText, Span};

include!(concat!(env!("OUT_DIR"), "/stories.rs"));

/// A story as published: the story, the story it translates (itself for an original), its
/// language, and its page beside the others (`index.html`, or `en.html` for an English translation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Edition {
    /// The story's id.
    pub story: &'static str,
    /// The id of the original story; the story's own for an original.
    pub original: &'static str,
    /// Its language.
    pub lang: Lang,
    /// The file it is published as.
    pub page: &'static str,
}

impl Edition {
    /// The page's address relative to the site's folder: `./` for `index.html`, so the address
    /// readers see is the folder's.
    pub fn href(&self) -> &'static str {
        if self.page == "index.html" {
            "./"
        } else {
            self.page
        }
    }
}

/// The edition of story `id`, if there is one.
pub fn edition(id: &str) -> Option<&'static Edition> {
    EDITIONS.iter().find(|edition| edition.story == id)
}

/// Every edition of the story `id` belongs to (the original and its translations), in order.
pub fn editions(id: &str) -> impl Iterator<Item = &'static Edition> {
    let original = edition(id).map(|edition| edition.original);
    EDITIONS.iter().filter(move |edition| Some(edition.original) == original)
}

/// The height of the page `page` (its address in the story's folder, `en/embed/cadres.html`) of
/// story `id` in the columns the embed code is written for, from its steps in
/// static/embed-heights.json; none for a page not measured. The build refuses that file if it is
/// not such steps (src/bin/bake.rs), so here a bad one only means none.
pub fn frame_height(id: &str, page: &str) -> Option<crate::embed::FrameHeight> {
    thread_local! {
        static HEIGHTS: crate::embed::Heights =
            crate::embed::read_heights(include_str!("../static/embed-heights.json")).unwrap_or_default();
    }
    HEIGHTS.with(|heights| {
        heights.get(id).and_then(|pages| pages.get(page)).and_then(|steps| crate::embed::FrameHeight::from_steps(steps))
    })
}

/// The story called `id`, or the first story when there is no such story: a bad id in a page
/// shows a story rather than nothing.
pub fn story_or_first(id: Option<&str>) -> Story {
    id.and_then(build)
        .or_else(|| IDS.first().and_then(|first| build(first)))
        .expect("build.rs refuses to build without a story")
}
