//! The canvas a chart is drawn on: sized to its box in device pixels, redrawn only when that size
//! changes, and grown in by an entrance the first time it scrolls into view.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{HtmlCanvasElement, ResizeObserver};
use yew::prelude::*;

use super::use_story;
use crate::browser;
use crate::charts::{self, ChartData};
use crate::content::model::{Chart, ChartKind};
use crate::hooks::use_entrance;
use crate::motion::CHART_ENTRANCE_MS;

/// The chart block to draw.
#[derive(Properties, PartialEq)]
pub struct ChartCanvasProps {
    /// Which chart and which indicators.
    pub chart: Chart,
}

/// A `<canvas>` labelled by the chart's title and described by its caption. Prerendered empty,
/// with its box sized by CSS so nothing shifts when it is drawn.
#[component]
pub fn ChartCanvas(props: &ChartCanvasProps) -> Html {
    let story = use_story();
    let data = use_memo(props.chart.clone(), |chart| ChartData::new(&story, chart));
    let canvas = use_node_ref();
    let progress = use_mut_ref(|| Cell::new(1.0));
    let paint = {
        let (canvas, data, progress) = (canvas.clone(), data.clone(), progress.clone());
        Rc::new(move |force: bool| paint(&canvas, &data, progress.borrow().get(), force))
    };
    {
        let (paint, progress) = (paint.clone(), progress.clone());
        use_entrance(canvas.clone(), CHART_ENTRANCE_MS, move |value| {
            progress.borrow().set(value);
            paint(true);
        });
    }
    use_effect_with(canvas.clone(), move |canvas| {
        let on_resize = Closure::<dyn FnMut()>::new(move || paint(false));
        let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
        if let (Some(observer), Some(element)) = (&observer, canvas.get()) {
            observer.observe(&element.unchecked_into());
        }
        move || {
            if let Some(observer) = observer {
                observer.disconnect();
            }
            drop(on_resize);
        }
    });
    let id = props.chart.id.as_str();
    let kind = match props.chart.chart {
        ChartKind::Bars => "chart__canvas--bars",
        ChartKind::PartOfWhole => "chart__canvas--part",
        ChartKind::Units => "chart__canvas--units",
    };
    html! {
        <canvas
            ref={canvas}
            class={classes!("chart__canvas", kind)}
            role="img"
            aria-labelledby={format!("{id}-title")}
            aria-describedby={format!("{id}-caption")}
        />
    }
}

/// Sizes the backing store to the canvas's box at the device pixel ratio and draws the chart.
/// Without `force`, draws only when that size changed (a resize that changed nothing is free).
fn paint(canvas: &NodeRef, data: &ChartData, progress: f64, force: bool) {
    let Some(canvas) = canvas.cast::<HtmlCanvasElement>() else {
        return;
    };
    let scale = browser::pixel_ratio();
    let rect = canvas.get_bounding_client_rect();
    let (width, height) = ((rect.width() * scale).round() as u32, (rect.height() * scale).round() as u32);
    if width == 0 || height == 0 {
        return;
    }
    let resized = canvas.width() != width || canvas.height() != height;
    if resized {
        canvas.set_width(width);
        canvas.set_height(height);
    } else if !force {
        return;
    }
    let palette = browser::palette(&canvas);
    match charts::draw(&canvas, data, &palette, scale, progress) {
        Ok(()) => {
            let _ = canvas.set_attribute("data-drawn", if progress >= 1.0 { "final" } else { "entering" });
        }
        Err(error) => web_sys::console::error_1(&format!("chart {:?}: {}", data.kind, error.0).into()),
    }
}
