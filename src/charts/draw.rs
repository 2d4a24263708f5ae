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
    for mark in marks(chart, width, height, scale, progress) {
        paint(&area, &mark, palette)?;
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
