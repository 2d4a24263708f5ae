//! The marks of a chart: every rectangle and text a chart is made of, where it goes and in which
//! ink, at a given size and entrance progress. One list, painted two ways: onto the live canvas
//! with plotters (`draw`), and into the SVG the build prerenders (`svg`), so the chart a reader sees
//! before the WebAssembly and the one drawn after it have the same geometry.

use super::layout::{self, metrics, Rect};
use super::ChartData;
use crate::content::model::{Bound, ChartKind, Lang};
use crate::ui;
use crate::wrap::{estimated_width, wrap};

/// The type a chart is set in: its edition's own (static/css/core.css, `:root` and
/// `:root:lang(en)`), so the canvas draws in the face of the text around it and the SVG, which
/// inherits the page's, in the same. Chinese: CJK faces first; with a Latin system-ui first, every
/// Chinese glyph goes through font fallback, which made drawing the labels the costliest part of
/// starting the app. English: the platform's UI face first; a CJK face's Latin sets quotation marks
/// and apostrophes full width ("Fushun’ s projects"), so it is only the fallback, for Chinese names.
pub fn font(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "-apple-system, \"PingFang SC\", \"Hiragino Sans GB\", \"Noto Sans CJK SC\", \"Source Han Sans SC\", \"Microsoft YaHei\", system-ui, sans-serif",
        Lang::En => "system-ui, -apple-system, \"Segoe UI\", Roboto, \"Noto Sans\", \"Helvetica Neue\", Arial, \"PingFang SC\", \"Noto Sans CJK SC\", \"Microsoft YaHei\", sans-serif",
    }
}

/// What a mark is painted in, by its role: the canvas takes each from the page's palette, the SVG
/// from the stylesheet, so either follows the theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ink {
    /// Text.
    Text,
    /// Secondary text and quiet marks.
    Muted,
    /// The figures themselves.
    Accent,
    /// Tracks behind the marks.
    Track,
    /// Marks that carry data but not the figure itself.
    Quiet,
}

impl Ink {
    /// Every ink.
    pub const ALL: [Ink; 5] = [Ink::Text, Ink::Muted, Ink::Accent, Ink::Track, Ink::Quiet];

    /// The stylesheet's custom property that holds the ink's colour.
    pub fn property(self) -> &'static str {
        match self {
            Ink::Text => "--ink",
            Ink::Muted => "--ink-soft",
            Ink::Accent => "--accent",
            Ink::Track => "--track",
            Ink::Quiet => "--mark-quiet",
        }
    }

    /// The ink's name, as the stylesheet's classes (`chart-ink--accent`) write it.
    pub fn name(self) -> &'static str {
        match self {
            Ink::Text => "text",
            Ink::Muted => "muted",
            Ink::Accent => "accent",
            Ink::Track => "track",
            Ink::Quiet => "quiet",
        }
    }
}

/// Where a text is anchored horizontally: its start, centre or end is at the point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Across {
    /// The text starts at the point.
    Start,
    /// The text is centred on the point.
    Middle,
    /// The text ends at the point.
    End,
}

/// Where a text is anchored vertically: the top, middle or bottom of its em box is at the point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Down {
    /// The top of the text is at the point.
    Top,
    /// The middle of the text is at the point.
    Middle,
    /// The bottom of the text is at the point.
    Bottom,
}

/// One mark.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    /// A filled rectangle.
    Fill(Rect, Ink),
    /// A rectangle's outline, `stroke` wide, drawn inside it so outlined and filled cells match.
    Outline(Rect, Ink, f64),
    /// A line of text.
    Text {
        /// What it says.
        text: String,
        /// Its anchor point.
        at: (f64, f64),
        /// Its size, in the same units as the geometry.
        size: f64,
        /// Its ink.
        ink: Ink,
        /// How it sits on its anchor point.
        anchor: (Across, Down),
        /// Bold, for figures.
        bold: bool,
    },
}

/// Where one figure of a chart is: the areas of its marks (a bar's row with its label and value,
/// a part's bar and its value, a run of unit cells, a key entry), in the marks' units. A reader
/// points at, taps or focuses a figure there (super::explore).
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    /// The figure's index in the chart's data.
    pub datum: usize,
    /// Where its marks are.
    pub areas: Vec<Rect>,
}

/// Every mark of `chart` in a `width` × `height` box, at `scale` units per CSS pixel (the device
/// pixel ratio on a canvas, 1 in the SVG), its entrance at `progress` (0..=1).
pub fn marks(chart: &ChartData, width: f64, height: f64, scale: f64, progress: f64) -> Vec<Mark> {
    laid_out(chart, width, height, scale, progress).0
}

/// Where each figure of `chart` is when its entrance is over, in the same box and units as
/// [`marks`]: laid out by the same pen, so a target is always where its marks are drawn.
pub fn targets(chart: &ChartData, width: f64, height: f64, scale: f64) -> Vec<Target> {
    laid_out(chart, width, height, scale, 1.0).1
}

fn laid_out(chart: &ChartData, width: f64, height: f64, scale: f64, progress: f64) -> (Vec<Mark>, Vec<Target>) {
    let mut pen = Pen { marks: Vec::new(), targets: Vec::new(), scale };
    match chart.kind {
        ChartKind::Bars => pen.bars(chart, width, height, progress),
        ChartKind::PartOfWhole => pen.part_of_whole(chart, width, height, progress),
        ChartKind::Units => pen.units(chart, width, height, progress),
    }
    (pen.marks, pen.targets)
}

struct Pen {
    marks: Vec<Mark>,
    targets: Vec<Target>,
    scale: f64,
}

impl Pen {
    /// Records `area` as a place of figure `datum`.
    fn target(&mut self, datum: usize, area: Rect) {
        match self.targets.iter_mut().find(|target| target.datum == datum) {
            Some(target) => target.areas.push(area),
            None => self.targets.push(Target { datum, areas: vec![area] }),
        }
    }

    fn fill(&mut self, rect: Rect, ink: Ink) {
        if rect.w >= 0.5 && rect.h >= 0.5 {
            self.marks.push(Mark::Fill(rect, ink));
        }
    }

    fn outline(&mut self, rect: Rect, ink: Ink) {
        self.marks.push(Mark::Outline(rect, ink, self.scale.max(1.0)));
    }

    /// Text of `size` CSS pixels.
    fn text(&mut self, text: &str, at: (f64, f64), size: f64, ink: Ink, anchor: (Across, Down), bold: bool) {
        let size = size * self.scale;
        self.marks.push(Mark::Text { text: text.to_owned(), at, size, ink, anchor, bold });
    }

    fn bars(&mut self, chart: &ChartData, width: f64, height: f64, progress: f64) {
        // A label longer than the width (an English one on a phone) takes a second line.
        let size = metrics::LABEL * self.scale;
        let labels: Vec<Vec<String>> =
            chart.data.iter().map(|d| wrap(&d.label, width, 2, |t| estimated_width(t, size))).collect();
        let bars: Vec<layout::Bar> = chart
            .data
            .iter()
            .zip(&labels)
            .map(|(d, lines)| layout::Bar {
                value: d.value,
                // The value is set bold: a tenth wider than the estimate's regular type.
                value_width: estimated_width(&d.display, layout::metrics::VALUE * 1.1),
                label_lines: lines.len(),
            })
            .collect();
        let rows = layout::bars(&bars, width, height, self.scale, progress);
        let full = layout::bars(&bars, width, height, self.scale, 1.0);
        for (index, row) in full.iter().enumerate() {
            // The whole row: its label, its bar and its value, across the chart.
            let top = row.label_at.1 - size;
            let bottom = row.bar.y + row.bar.h;
            self.target(index, Rect { x: 0.0, y: top, w: width, h: bottom - top });
        }
        for ((datum, row), lines) in chart.data.iter().zip(&rows).zip(&labels) {
            for (i, line) in lines.iter().enumerate() {
                let at = (row.label_at.0, row.label_at.1 + i as f64 * size * layout::LINE);
                self.text(line, at, metrics::LABEL, Ink::Text, (Across::Start, Down::Bottom), false);
            }
            self.fill(row.bar, Ink::Accent);
            if progress > 0.0 {
                let anchor = (Across::Start, Down::Middle);
                self.text(&datum.display, row.value_at, metrics::VALUE, Ink::Accent, anchor, true);
            }
        }
    }

    fn part_of_whole(&mut self, chart: &ChartData, width: f64, height: f64, progress: f64) {
        let Some(datum) = chart.data.first() else {
            return;
        };
        let floor = datum.bound == Bound::AtLeast;
        let geometry = layout::part_of_whole(datum.value, width, height, self.scale, progress);
        let track = geometry.track;
        self.fill(track, Ink::Track);
        if floor {
            // The rest of the track is not "the other 60%": the true share lies somewhere in it.
            self.hatch(Rect { x: geometry.tick_x, w: track.w - geometry.tick_x, ..track });
        }
        self.fill(geometry.part, Ink::Accent);
        let above = track.y - 6.0 * self.scale;
        let below = track.y + track.h + 6.0 * self.scale;
        let value_at = (geometry.tick_x, above);
        self.text(&datum.display, value_at, metrics::VALUE, Ink::Accent, (Across::Middle, Down::Bottom), true);
        // The known part and its value above it.
        let value_top = above - metrics::VALUE * self.scale;
        self.target(0, Rect { x: 0.0, y: value_top, w: geometry.tick_x, h: track.y + track.h - value_top });
        self.text("0%", (0.0, below), metrics::LABEL, Ink::Muted, (Across::Start, Down::Top), false);
        self.text("100%", (width, below), metrics::LABEL, Ink::Muted, (Across::End, Down::Top), false);
        if floor {
            let note = ui::labels(chart.lang).floor_note;
            // Its own lines, under the hatched span it explains, clear of the 0% and 100% labels,
            // broken to fit a phone.
            let size = metrics::LABEL - 2.0;
            let lines = wrap(note, width, 2, |t| estimated_width(t, size * self.scale));
            for (i, line) in lines.iter().enumerate() {
                let at = (width, below + (metrics::LABEL * 1.5 + size * 1.3 * i as f64) * self.scale);
                self.text(line, at, size, Ink::Text, (Across::End, Down::Top), false);
            }
        }
    }

    /// Thin stripes: marks a span as "somewhere in here", not as a value.
    fn hatch(&mut self, rect: Rect) {
        let step = 7.0 * self.scale;
        let line = (1.5 * self.scale).max(1.0);
        let mut x = rect.x + step / 2.0;
        while x < rect.x + rect.w {
            self.fill(Rect { x, y: rect.y, w: line, h: rect.h }, Ink::Muted);
            x += step;
        }
    }

    fn units(&mut self, chart: &ChartData, width: f64, height: f64, progress: f64) {
        let [part, whole] = &chart.data[..] else { return };
        // A key above the grid: the part filled, the rest of the whole outlined, so the two differ
        // by more than colour; each entry on as many lines as the width needs.
        let line = 22.0 * self.scale;
        let square = 12.0 * self.scale;
        let keys: Vec<Vec<String>> = [part, whole]
            .iter()
            .map(|datum| {
                // A figure after its name, as the table and the detail write them ("…：20个", "…: 20 projects").
                let text = [&datum.label, ui::labels(chart.lang).colon, &datum.display].concat();
                let size = metrics::LABEL * self.scale;
                wrap(&text, width - square * 1.6, 3, |t| estimated_width(t, size))
            })
            .collect();
        let key_lines = keys.iter().map(Vec::len).sum::<usize>() as f64;
        let key_height = key_lines * line + 6.0 * self.scale;
        let grid = layout::unit_grid(whole.value as usize, width, height - key_height);
        let filled = (part.value * progress).round() as usize;
        // The part: each row's run of its cells; the whole: the grid.
        let pitch = grid.cell + grid.gap;
        let part_cells = part.value as usize;
        for row in 0..part_cells.div_ceil(grid.columns.max(1)) {
            let cells = (part_cells - row * grid.columns).min(grid.columns);
            let y = row as f64 * pitch + key_height;
            self.target(0, Rect { x: 0.0, y, w: cells as f64 * pitch - grid.gap, h: grid.cell });
        }
        let whole_cells = whole.value as usize;
        let rows = whole_cells.div_ceil(grid.columns.max(1)) as f64;
        let across = grid.columns.min(whole_cells) as f64;
        self.target(1, Rect { x: 0.0, y: key_height, w: across * pitch - grid.gap, h: rows * pitch - grid.gap });
        for index in 0..whole.value as usize {
            let (x, y) = grid.cell_at(index);
            let cell = Rect { x, y: y + key_height, w: grid.cell, h: grid.cell };
            if index < filled {
                self.fill(cell, Ink::Accent);
            } else {
                self.outline(cell, Ink::Quiet);
            }
        }
        let mut top = 0.0;
        for (row, lines) in keys.iter().enumerate() {
            // A key entry names its figure: it is a place of that figure too.
            self.target(row, Rect { x: 0.0, y: top, w: width, h: lines.len() as f64 * line });
            let centre = top + line * 0.5;
            let key = Rect { x: 0.0, y: centre - square / 2.0, w: square, h: square };
            if row == 0 {
                self.fill(key, Ink::Accent);
            } else {
                self.outline(key, Ink::Quiet);
            }
            for text in lines {
                let centre = top + line * 0.5;
                self.text(
                    text,
                    (square * 1.6, centre),
                    metrics::LABEL,
                    Ink::Text,
                    (Across::Start, Down::Middle),
                    false,
                );
                top += line;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stories;

    #[test]
    fn every_text_of_every_chart_fits_its_box_on_any_phone_and_on_a_desktop() {
        for edition in stories::EDITIONS {
            let story = stories::story_or_first(Some(edition.story));
            let charts = story.charts().map(|chart| ChartData::new(&story, chart));
            for chart in charts {
                for (width, scale) in [(288.0, 1.0), (343.0, 2.0), (382.0, 3.0), (640.0, 1.0)] {
                    let (width, height) = (width * scale, crate::charts::svg::height(chart.kind) * scale);
                    for mark in marks(&chart, width, height, scale, 1.0) {
                        let Mark::Text { text, at, size, anchor, .. } = mark else { continue };
                        let wide = estimated_width(&text, size);
                        let (left, right) = match anchor.0 {
                            Across::Start => (at.0, at.0 + wide),
                            Across::Middle => (at.0 - wide / 2.0, at.0 + wide / 2.0),
                            Across::End => (at.0 - wide, at.0),
                        };
                        assert!(left >= -0.5 && right <= width + 0.5, "{text:?} at {width}px: {left}..{right}");
                        assert!(at.1 >= 0.0 && at.1 <= height, "{text:?} at {width}×{height}: y {}", at.1);
                    }
                }
            }
        }
    }
}
