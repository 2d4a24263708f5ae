//! Drawing a chart onto a canvas with plotters: its marks ([`super::paint`]) in the page's colours.
//! The canvas's backing store is already sized in device pixels; `scale` is the device pixel ratio,
//! so text and strokes are scaled with it and stay crisp on HiDPI screens.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use super::layout::Rect;
use super::paint::{marks, Across, Down, Ink, Mark, FONT};
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
    marks: Vec<Mark>,
}

impl Drawing {
    /// `chart` on a backing store of `size` device pixels, `scale` of them per CSS pixel, at
    /// entrance `progress` (0..=1).
    pub fn new(chart: &ChartData, size: (u32, u32), palette: Palette, scale: f64, progress: f64) -> Self {
        let marks = marks(chart, f64::from(size.0), f64::from(size.1), scale, progress);
        Drawing { size, palette, marks }
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
        paint(&area, mark, &drawing.palette)?;
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

fn paint(area: &Area, mark: &Mark, palette: &Palette) -> Result<(), DrawError> {
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
            let style = (FONT, *size, weight).into_font().color(&colour).pos(Pos::new(across, down));
            area.draw(&Text::new(text.clone(), (px(at.0), px(at.1)), style))?
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::model::{Block, ChartKind};
    use crate::stories;

    #[test]
    fn a_grid_of_units_entering_changes_only_when_a_unit_fills() {
        let story = stories::story_or_first(None);
        let chart = story
            .blocks()
            .find_map(|block| match block {
                Block::Chart(chart) if chart.chart == ChartKind::Units => Some(ChartData::new(&story, chart)),
                _ => None,
            })
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
}
