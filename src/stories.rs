//! The stories of `stories/`, checked and turned into Rust by `build.rs`.
//!
//! Reading a story here costs no parsing: the data was compiled in.

use crate::content::model::{Block, Bound, Chapter, Chart, ChartKind, Indicator, IndicatorGroup, IsoDate};
use crate::content::model::{Kind, Lang, Meta, Paragraph, PullQuote, Slug, Source, Story};
use crate::content::rich::{RichText, Span};

include!(concat!(env!("OUT_DIR"), "/stories.rs"));

/// The story called `id`, or the first story when there is no such story: a bad id in a page
/// shows a story rather than nothing.
pub fn story_or_first(id: Option<&str>) -> Story {
    id.and_then(build)
        .or_else(|| IDS.first().and_then(|first| build(first)))
        .expect("build.rs refuses to build without a story")
}
