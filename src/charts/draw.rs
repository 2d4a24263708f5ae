//! Drawing a chart onto a canvas with plotters, from the geometry in [`super::layout`].
//! The canvas's backing store is already sized in device pixels; `scale` is the device pixel ratio,
//! so text and strokes are scaled with it and stay crisp on HiDPI screens.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use super::layout::{self, metrics, Rect};
use super::{ChartData, Palette};
use crate::content::model::{Bound, ChartKind};
use crate::ui;
use crate::wrap::{estimated_width, wrap};

/// The page's own font stack (static/css/core.css), CJK faces first: with a Latin system-ui first,
/// every Chinese glyph goes through font fallback, which made drawing the labels the costliest part
/// of starting the app.
const FONT: &str = "-apple-system, \"PingFang SC\", \"Hiragino Sans GB\", \"Noto Sans CJK SC\", \"Source Han Sans SC\", \"Microsoft YaHei\", system-ui, sans-serif";

/// Why a chart could not be drawn.
#[derive(Debug)]
pub struct DrawError(pub String);

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for DrawError {
    fn from(error: DrawingAreaErrorKind<E>) -> Self {
        DrawError(error.to_string())
    }
}

type Area = DrawingArea<CanvasBackend, plotters::coord::Shift>;

/// Where a text is anchored: horizontally and vertically.
type Anchor = (HPos, VPos);

/// Draws `chart` onto `canvas` at entrance `progress` (0..=1), `scale` device pixels per CSS pixel.
pub fn draw(
    canvas: &HtmlCanvasElement,
    chart: &ChartData,
    palette: &Palette,
    scale: f64,
    progress: f64,
) -> Result<(), DrawError> {
    let (width, height) = (f64::from(canvas.width()), f64::from(canvas.height()));
    // Every frame starts from blank: plotters cannot clear a canvas (a transparent fill draws nothing).
    let context = canvas.get_context("2d").ok().flatten();
    let context = context.and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok());
    context.ok_or_else(|| DrawError("no 2d context".into()))?.clear_rect(0.0, 0.0, width, height);
    let backend = CanvasBackend::with_canvas_object(canvas.clone()).ok_or_else(|| DrawError("no 2d context".into()))?;
    let area = backend.into_drawing_area();
    let pen = Pen { area: &area, palette, scale };
    match chart.kind {
        ChartKind::Bars => pen.bars(chart, width, height, progress),
        ChartKind::PartOfWhole => pen.part_of_whole(chart, width, height, progress),
        ChartKind::Units => pen.units(chart, width, height, progress),
    }?;
    area.present()?;
    Ok(())
}

struct Pen<'a> {
    area: &'a Area,
    palette: &'a Palette,
    scale: f64,
}

fn rgb((r, g, b): (u8, u8, u8)) -> RGBColor {
    RGBColor(r, g, b)
}

fn px(value: f64) -> i32 {
    value.round() as i32
}

impl Pen<'_> {
    fn rect(&self, rect: Rect, colour: (u8, u8, u8)) -> Result<(), DrawError> {
        if rect.w < 0.5 || rect.h < 0.5 {
            return Ok(());
        }
        let corners = [(px(rect.x), px(rect.y)), (px(rect.x + rect.w), px(rect.y + rect.h))];
        self.area.draw(&Rectangle::new(corners, rgb(colour).filled()))?;
        Ok(())
    }

    /// The outline of `rect`, drawn inside it so outlined and filled cells are the same size.
    fn outline(&self, rect: Rect, colour: (u8, u8, u8)) -> Result<(), DrawError> {
        let stroke = self.scale.max(1.0);
        let inner = Rect { x: rect.x + stroke / 2.0, y: rect.y + stroke / 2.0, w: rect.w - stroke, h: rect.h - stroke };
        let corners = [(px(inner.x), px(inner.y)), (px(inner.x + inner.w), px(inner.y + inner.h))];
        self.area.draw(&Rectangle::new(corners, rgb(colour).stroke_width(stroke.round() as u32)))?;
        Ok(())
    }

    /// Text of `size` CSS pixels in `colour`, anchored at `at`; `bold` for figures.
    fn text(
        &self,
        text: &str,
        at: (f64, f64),
        size: f64,
        colour: (u8, u8, u8),
        anchor: Anchor,
        bold: bool,
    ) -> Result<(), DrawError> {
        let weight = if bold { FontStyle::Bold } else { FontStyle::Normal };
        let font = (FONT, size * self.scale, weight).into_font();
        let colour = rgb(colour);
        let style = font.color(&colour).pos(Pos::new(anchor.0, anchor.1));
        self.area.draw(&Text::new(text.to_owned(), (px(at.0), px(at.1)), style))?;
        Ok(())
    }

    fn bars(&self, chart: &ChartData, width: f64, height: f64, progress: f64) -> Result<(), DrawError> {
        let values: Vec<(f64, usize)> = chart.data.iter().map(|d| (d.value, d.display.chars().count())).collect();
        let rows = layout::bars(&values, width, height, self.scale, progress);
        let palette = self.palette;
        for (datum, row) in chart.data.iter().zip(&rows) {
            self.text(&datum.label, row.label_at, metrics::LABEL, palette.ink, (HPos::Left, VPos::Bottom), false)?;
            self.rect(row.bar, palette.accent)?;
            if progress > 0.0 {
                self.text(
                    &datum.display,
                    row.value_at,
                    metrics::VALUE,
                    palette.accent,
                    (HPos::Left, VPos::Center),
                    true,
                )?;
            }
        }
        Ok(())
    }

    fn part_of_whole(&self, chart: &ChartData, width: f64, height: f64, progress: f64) -> Result<(), DrawError> {
        let Some(datum) = chart.data.first() else {
            return Ok(());
        };
        let (palette, floor) = (self.palette, datum.bound == Bound::AtLeast);
        let geometry = layout::part_of_whole(datum.value, width, height, self.scale, progress);
        let track = geometry.track;
        self.rect(track, palette.track)?;
        if floor {
            // The rest of the track is not "the other 60%": the true share lies somewhere in it.
            self.hatch(Rect { x: geometry.tick_x, w: track.w - geometry.tick_x, ..track })?;
        }
        self.rect(geometry.part, palette.accent)?;
        let above = track.y - 6.0 * self.scale;
        let below = track.y + track.h + 6.0 * self.scale;
        let value_at = (geometry.tick_x, above);
        self.text(&datum.display, value_at, metrics::VALUE, palette.accent, (HPos::Center, VPos::Bottom), true)?;
        self.text("0%", (0.0, below), metrics::LABEL, palette.muted, (HPos::Left, VPos::Top), false)?;
        self.text("100%", (width, below), metrics::LABEL, palette.muted, (HPos::Right, VPos::Top), false)?;
        if floor {
            let note = ui::labels(chart.lang).floor_note;
            // Its own lines, under the hatched span it explains, clear of the 0% and 100% labels,
            // broken to fit a phone.
            let size = metrics::LABEL - 2.0;
            let lines = wrap(note, width, 2, |t| estimated_width(t, size * self.scale));
            for (i, line) in lines.iter().enumerate() {
                let at = (width, below + (metrics::LABEL * 1.5 + size * 1.3 * i as f64) * self.scale);
                self.text(line, at, size, palette.ink, (HPos::Right, VPos::Top), false)?;
            }
        }
        Ok(())
    }

    /// Thin stripes: marks a span as "somewhere in here", not as a value.
    fn hatch(&self, rect: Rect) -> Result<(), DrawError> {
        let step = 7.0 * self.scale;
        let line = (1.5 * self.scale).max(1.0);
        let mut x = rect.x + step / 2.0;
        while x < rect.x + rect.w {
            self.rect(Rect { x, y: rect.y, w: line, h: rect.h }, self.palette.muted)?;
            x += step;
        }
        Ok(())
    }

    fn units(&self, chart: &ChartData, width: f64, height: f64, progress: f64) -> Result<(), DrawError> {
        let [part, whole] = &chart.data[..] else { return Ok(()) };
        let palette = self.palette;
        // A key above the grid: the part filled, the rest of the whole outlined, so the two differ
        // by more than colour; each entry on as many lines as the width needs.
        let line = 22.0 * self.scale;
        let square = 12.0 * self.scale;
        let keys: Vec<Vec<String>> = [part, whole]
            .iter()
            .map(|datum| {
                let text = format!("{} {}", datum.label, datum.display);
                let size = metrics::LABEL * self.scale;
                wrap(&text, width - square * 1.6, 3, |t| estimated_width(t, size))
            })
            .collect();
        let key_lines = keys.iter().map(Vec::len).sum::<usize>() as f64;
        let key_height = key_lines * line + 6.0 * self.scale;
        let grid = layout::unit_grid(whole.value as usize, width, height - key_height);
        let filled = (part.value * progress).round() as usize;
        for index in 0..whole.value as usize {
            let (x, y) = grid.cell_at(index);
            let cell = Rect { x, y: y + key_height, w: grid.cell, h: grid.cell };
            if index < filled {
                self.rect(cell, palette.accent)?;
            } else {
                self.outline(cell, palette.quiet)?;
            }
        }
        let mut top = 0.0;
        for (row, lines) in keys.iter().enumerate() {
            let centre = top + line * 0.5;
            let key = Rect { x: 0.0, y: centre - square / 2.0, w: square, h: square };
            if row == 0 {
                self.rect(key, palette.accent)?;
            } else {
                self.outline(key, palette.quiet)?;
            }
            for text in lines {
                let centre = top + line * 0.5;
                self.text(
                    text,
                    (square * 1.6, centre),
                    metrics::LABEL,
                    palette.ink,
                    (HPos::Left, VPos::Center),
                    false,
                )?;
                top += line;
            }
        }
        Ok(())
    }
}
