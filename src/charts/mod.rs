//! Charts: what each chart block draws (`ChartData`), where every mark goes at a given size
//! (`layout`), the marks themselves (`paint`), and their two paintings: live with plotters on a
//! canvas (`draw`), and as the SVG every page carries before the WebAssembly (`svg`). No Yew here:
//! the `ChartCanvas` component owns the canvas, its size and its timing, and calls `draw`.

pub mod explore;
pub mod layout;
pub mod paint;
pub mod sound;
pub mod svg;

mod draw;
pub use draw::{draw, DrawError, Drawing};

use serde::{Deserialize, Serialize};

use crate::content::model::{Bound, Chart, ChartKind, Lang, Story};
use crate::ui;

/// One figure as a chart draws it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Datum {
    /// The indicator's label.
    pub label: String,
    /// The value to draw.
    pub value: f64,
    /// The value as a reader reads it: number at its precision, unit and bound ("40%以上").
    pub display: String,
    /// Whether the value is only a floor (an exact one, the default, is not written in a page's
    /// island data).
    #[serde(default, skip_serializing_if = "exact")]
    pub bound: Bound,
}

/// Whether `bound` is [`Bound::Exact`].
fn exact(bound: &Bound) -> bool {
    *bound == Bound::Exact
}

/// What one chart block draws, taken from the story's indicators.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChartData {
    /// How to draw it.
    pub kind: ChartKind,
    /// The figures, in the block's order.
    pub data: Vec<Datum>,
    /// The story's language, for the words drawn on the chart.
    pub lang: Lang,
}

impl ChartData {
    /// The chart block's figures, looked up in the story.
    pub fn new(story: &Story, chart: &Chart) -> Self {
        let lang = story.meta.lang;
        let data = chart
            .indicators
            .iter()
            .filter_map(|id| story.indicator(id))
            .map(|indicator| Datum {
                label: indicator.label.clone(),
                value: indicator.value,
                display: ui::figure(lang, indicator),
                bound: indicator.bound,
            })
            .collect();
        ChartData { kind: chart.chart, data, lang }
    }
}

/// The colours a chart is drawn in, read from the page's CSS so themes restyle charts too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// Text.
    pub ink: (u8, u8, u8),
    /// Secondary text and quiet marks.
    pub muted: (u8, u8, u8),
    /// The figures themselves.
    pub accent: (u8, u8, u8),
    /// Tracks behind the marks (decoration: carries no data).
    pub track: (u8, u8, u8),
    /// Marks that carry data but not the figure itself, such as the rest of a list: at least 3:1
    /// against the page, like every mark.
    pub quiet: (u8, u8, u8),
}

impl Palette {
    /// The colour of `ink`.
    pub fn colour(&self, ink: paint::Ink) -> (u8, u8, u8) {
        match ink {
            paint::Ink::Text => self.ink,
            paint::Ink::Muted => self.muted,
            paint::Ink::Accent => self.accent,
            paint::Ink::Track => self.track,
            paint::Ink::Quiet => self.quiet,
        }
    }
}

impl Default for Palette {
    fn default() -> Self {
        Palette {
            ink: (27, 27, 27),
            muted: (74, 74, 74),
            accent: (158, 42, 31),
            track: (228, 222, 208),
            quiet: (133, 123, 106),
        }
    }
}

/// Parses a CSS colour written `#rrggbb` (how the stylesheet writes its custom properties).
pub fn parse_hex(text: &str) -> Option<(u8, u8, u8)> {
    let hex = text.trim().strip_prefix('#')?;
    if hex.len() != 6 || !hex.is_ascii() {
        return None;
    }
    let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some((channel(0)?, channel(2)?, channel(4)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chart_reads_its_figures_from_the_story() {
        let story = crate::stories::story_or_first(None);
        let chart = story.charts().find(|chart| chart.id.as_str() == "growth-rates").unwrap();
        let data = ChartData::new(&story, chart);
        let shown: Vec<(&str, &str)> = data.data.iter().map(|d| (d.label.as_str(), d.display.as_str())).collect();
        assert_eq!(
            shown,
            [("固定资产投资增速", "22.3%"), ("域外引资到位额增长", "92.1%"), ("旅游总收入增长", "39.4%")]
        );
    }

    #[test]
    fn css_hex_colours_parse_and_anything_else_is_refused() {
        assert_eq!(parse_hex(" #9e2a1f"), Some((158, 42, 31)));
        assert_eq!(parse_hex("#fff"), None);
        assert_eq!(parse_hex("red"), None);
        assert_eq!(parse_hex("#zzzzzz"), None);
        assert_eq!(parse_hex("#éééé"), None);
    }

    #[test]
    fn a_figures_bound_is_written_only_for_a_floor_and_read_back_either_way() {
        let datum = |bound| Datum { label: "占比".into(), value: 40.0, display: "40%以上".into(), bound };
        let exact = serde_json::to_string(&datum(Bound::Exact)).unwrap();
        assert!(!exact.contains("bound"), "{exact}");
        let floor = serde_json::to_string(&datum(Bound::AtLeast)).unwrap();
        assert!(floor.contains("\"bound\":\"at_least\""), "{floor}");
        assert_eq!(serde_json::from_str::<Datum>(&exact).unwrap(), datum(Bound::Exact));
        assert_eq!(serde_json::from_str::<Datum>(&floor).unwrap(), datum(Bound::AtLeast));
    }
}
