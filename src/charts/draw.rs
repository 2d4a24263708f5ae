//! Drawing a chart onto a canvas with plotters: its marks ([`super::paint`]) in the page's colours.
//! The canvas's backing store is already sized in device pixels; `scale` is the device pixel ratio,
//! so text and strokes are scaled with it and stay crisp on HiDPI screens.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use super::explore::bounds;
use super::layout::Rect;
use super::paint::{font, marks, targets, Across, Down, Ink, Mark};
use super::{ChartData, Palette};

/// Why a chart could not be drawn.
#[derive(Debug)]
pub struct DrawError(pub String);

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for DrawError {
    fn from(error: DrawingAreaErrorKind<E>) -> Self {
        DrawError(error.to_string())
    }
}

type Area = DrawingArea<CanvasBackend, plotters::coord::Shift>;

/// One frame of a chart as the canvas shows it: its backing store's size in device pixels, its
/// colours and its marks. A frame equal to the one the canvas already shows need not be drawn (a
/// grid of 20 units entering over 40 animation frames changes in only 20 of them).
#[derive(Debug, Clone, PartialEq)]
pub struct Drawing {
    size: (u32, u32),
    palette: Palette,
    /// The font stack of the chart's edition.
    font: &'static str,
    marks: Vec<Mark>,
}

impl Drawing {
    /// `chart` on a backing store of `size` device pixels, `scale` of them per CSS pixel, at
    /// entrance `progress` (0..=1).
    pub fn new(chart: &ChartData, size: (u32, u32), palette: Palette, scale: f64, progress: f64) -> Self {
        let marks = marks(chart, f64::from(size.0), f64::from(size.1), scale, progress);
        Drawing { size, palette, font: font(chart.lang), marks }
    }

    /// The same frame with a ring round figure `datum` of `chart`, where the reader's pointer, tap
    /// or keys are: drawn in the text's ink, two CSS pixels wide, three outside the figure's marks
    /// and inside the canvas.
    pub fn focused(mut self, chart: &ChartData, datum: Option<usize>, scale: f64) -> Self {
        let (width, height) = (f64::from(self.size.0), f64::from(self.size.1));
        let target =
            datum.and_then(|datum| targets(chart, width, height, scale).into_iter().find(|t| t.datum == datum));
        if let Some(target) = target {
            let around = bounds(&target);
            let pad = 3.0 * scale;
            let (left, top) = ((around.x - pad).max(0.0), (around.y - pad).max(0.0));
            let (right, bottom) = ((around.x + around.w + pad).min(width), (around.y + around.h + pad).min(height));
            let ring = Rect { x: left, y: top, w: right - left, h: bottom - top };
            self.marks.push(Mark::Outline(ring, Ink::Text, (2.0 * scale).round().max(1.0)));
        }
        self
    }
}

/// Draws `drawing` onto `canvas`, whose backing store has the drawing's size.
pub fn draw(canvas: &HtmlCanvasElement, drawing: &Drawing) -> Result<(), DrawError> {
    let (width, height) = drawing.size;
    // Every frame starts from blank: plotters cannot clear a canvas (a transparent fill draws nothing).
    let context = canvas.get_context("2d").ok().flatten();
    let context = context.and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok());
    context.ok_or_else(|| DrawError("no 2d context".into()))?.clear_rect(0.0, 0.0, width.into(), height.into());
    let backend = CanvasBackend::with_canvas_object(canvas.clone()).ok_or_else(|| DrawError("no 2d context".into()))?;
    let area = backend.into_drawing_area();
    for mark in &drawing.marks {
        paint(&area, mark, &drawing.palette, drawing.font)?;
    }
    area.present()?;
    Ok(())
}

fn colour(palette: &Palette, ink: Ink) -> RGBColor {
    let (r, g, b) = palette.colour(ink);
    RGBColor(r, g, b)
}

fn px(value: f64) -> i32 {
    value.round() as i32
}

fn corners(rect: Rect) -> [(i32, i32); 2] {
    [(px(rect.x), px(rect.y)), (px(rect.x + rect.w), px(rect.y + rect.h))]
}

fn paint(area: &Area, mark: &Mark, palette: &Palette, font: &str) -> Result<(), DrawError> {
    match mark {
        Mark::Fill(rect, ink) => area.draw(&Rectangle::new(corners(*rect), colour(palette, *ink).filled()))?,
        Mark::Outline(rect, ink, stroke) => {
            let inner =
                Rect { x: rect.x + stroke / 2.0, y: rect.y + stroke / 2.0, w: rect.w - stroke, h: rect.h - stroke };
            let style = colour(palette, *ink).stroke_width(stroke.round() as u32);
            area.draw(&Rectangle::new(corners(inner), style))?
        }
        Mark::Text { text, at, size, ink, anchor, bold } => {
            let weight = if *bold { FontStyle::Bold } else { FontStyle::Normal };
            let across = match anchor.0 {
                Across::Start => HPos::Left,
                Across::Middle => HPos::Center,
                Across::End => HPos::Right,
            };
            let down = match anchor.1 {
                Down::Top => VPos::Top,
                Down::Middle => VPos::Center,
                Down::Bottom => VPos::Bottom,
            };
            let colour = colour(palette, *ink);
            let style = (font, *size, weight).into_font().color(&colour).pos(Pos::new(across, down));
            area.draw(&Text::new(text.clone(), (px(at.0), px(at.1)), style))?
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::model::ChartKind;
    use crate::stories;

    #[test]
    fn a_grid_of_units_entering_changes_only_when_a_unit_fills() {
        let story = stories::story_or_first(None);
        let chart = story
            .charts()
            .find(|chart| chart.chart == ChartKind::Units)
            .map(|chart| ChartData::new(&story, chart))
            .unwrap();
        let filled = chart.data[0].value as usize;
        // 42 animation frames: 700 ms at 60 per second.
        let frames: Vec<Drawing> =
            (0..=42).map(|i| Drawing::new(&chart, (686, 416), Palette::default(), 2.0, f64::from(i) / 42.0)).collect();
        let changes = frames.windows(2).filter(|pair| pair[0] != pair[1]).count();
        assert_eq!(changes, filled, "one change per unit filled");
        assert_ne!(
            frames[0],
            Drawing::new(&chart, (686, 416), Palette { accent: (0, 0, 0), ..Palette::default() }, 2.0, 0.0)
        );
        assert_ne!(frames[0], Drawing::new(&chart, (688, 416), Palette::default(), 2.0, 0.0));
    }

    #[test]
    fn a_focused_figure_gets_one_ring_inside_the_canvas_round_its_marks() {
        let story = stories::story_or_first(None);
        for chart in story.charts().map(|chart| ChartData::new(&story, chart)) {
            let size = (686, 400);
            let plain = Drawing::new(&chart, size, Palette::default(), 2.0, 1.0);
            assert_eq!(plain.clone().focused(&chart, None, 2.0), plain);
            for datum in 0..chart.data.len() {
                let ring = plain.clone().focused(&chart, Some(datum), 2.0);
                assert_eq!(ring.marks.len(), plain.marks.len() + 1);
                let Some(Mark::Outline(area, Ink::Text, 4.0)) = ring.marks.last() else {
                    panic!("{:?}", ring.marks.last())
                };
                assert!(area.x >= 0.0 && area.y >= 0.0 && area.x + area.w <= 686.0 && area.y + area.h <= 400.0);
                let target = &targets(&chart, 686.0, 400.0, 2.0)[datum];
                for inside in &target.areas {
                    assert!(area.x <= inside.x && area.x + area.w >= inside.x + inside.w, "{area:?} round {inside:?}");
                }
            }
        }
    }
}
