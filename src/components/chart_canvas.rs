//! The canvas a chart is drawn on: sized to its box in device pixels, redrawn only when that size
//! changes, and grown in by an entrance the first time it scrolls into view.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use gloo::render::{request_animation_frame, AnimationFrame};
use gloo::timers::callback::Timeout;

use wasm_bindgen::prelude::*;
use web_sys::{HtmlCanvasElement, HtmlElement, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;

use super::needs_app;
use crate::browser;
use crate::charts::explore;
use crate::charts::paint::Target;
use crate::charts::{self, paint, svg, ChartData, Drawing, Palette};
use crate::content::model::{ChartKind, Slug};
use crate::hooks::{use_entrance, use_explore, Explored};
use crate::motion::CHART_ENTRANCE_MS;
use crate::state::use_app;

/// The chart to draw.
#[derive(Properties, PartialEq)]
pub struct ChartCanvasProps {
    /// The chart's id: its title and caption are `<id>-title` and `<id>-caption`.
    pub id: Slug,
    /// What it draws.
    pub data: ChartData,
}

/// A `<canvas>` labelled by the chart's title and described by its caption, with the same chart
/// as SVG after it ([`svg`]): prerendered, the SVG is what the reader sees until the canvas is
/// drawn; the stylesheet then hides it. The box is sized by CSS, so nothing shifts.
///
/// Once the engine runs, a reader explores it (super::super::charts::explore): pointing at a figure
/// (a mouse) shows its detail while pointed at or over the detail; a tap or a click keeps it open
/// until dismissed (Escape, a tap or click elsewhere); the chart is one tab stop whose
/// keys walk its figures, each ringed on the canvas and announced once in a polite live region.
#[component]
pub fn ChartCanvas(props: &ChartCanvasProps) -> Html {
    let canvas = use_node_ref();
    let detail = use_node_ref();
    let view = use_memo(props.data.clone(), |data| ChartView::new(canvas.clone(), data.clone()));
    {
        let view = view.clone();
        use_entrance(canvas.clone(), CHART_ENTRANCE_MS, move |progress| view.enter(progress));
    }
    {
        // A new colour scheme: redraw in the colours the stylesheet now gives.
        let dark = use_app().dark;
        let view = view.clone();
        use_effect_with(dark, move |&dark| view.scheme(dark));
    }
    use_effect_with(view.clone(), |view| {
        let watcher = view.clone();
        let watch = view.canvas.get().map(|canvas| {
            browser::watch_size(&canvas.unchecked_into(), move |width, height| watcher.resize(width, height))
        });
        move || drop(watch)
    });
    let id = props.id.as_str().to_owned();
    let words = crate::ui::labels(props.data.lang);
    let listen = use_node_ref();
    let Explored { chosen, announced, live, playing } =
        use_explore(&id, view.clone(), [canvas.clone(), detail.clone(), listen.clone()]);
    {
        // The detail goes under the chart, at the chosen figure's marks.
        let (view, detail) = (view.clone(), detail.clone());
        use_effect_with(chosen.clone(), move |chosen| {
            if let (Some(chosen), Some(element)) = (chosen, detail.cast::<HtmlElement>()) {
                view.place(chosen.datum, &element, chosen.pinned);
            }
        });
    }
    let kind = match props.data.kind {
        ChartKind::Bars => "chart__canvas--bars",
        ChartKind::PartOfWhole => "chart__canvas--part",
        ChartKind::Units => "chart__canvas--units",
    };
    let keys = format!("{id}-keys");
    let lines: Vec<String> = chosen.as_ref().map_or_else(Vec::new, |chosen| {
        let row = &chosen.row;
        vec![
            row.value.clone(),
            row.label.clone(),
            [words.period, words.colon, &row.period].concat(),
            [words.basis, words.colon, &row.basis].concat(),
        ]
    });
    let described = match live {
        true => format!("{id}-caption {keys}"),
        false => format!("{id}-caption"),
    };
    html! {
        <>
            <div class="chart__box">
                <canvas
                    ref={canvas.clone()}
                    class={classes!("chart__canvas", kind)}
                    role="img"
                    aria-labelledby={format!("{id}-title")}
                    aria-describedby={described}
                    tabindex={live.then_some("0")}
                />
                { Html::from_html_unchecked(svg::svg(&props.data).into()) }
                <div ref={detail} class="chart__detail" hidden={chosen.is_none()}>
                    // Its lines as one list of texts: one element built four times costs the engine
                    // less than four built once each.
                    { for lines.into_iter().map(|line| html! { <p>{ line }</p> }) }
                </div>
            </div>
            <p class="chart__listen">
                <button
                    ref={listen}
                    type="button"
                    class={classes!("tool", needs_app(live))}
                    aria-pressed={if playing { "true" } else { "false" }}
                    aria-describedby={live.then(|| format!("{id}-sound"))}
                    disabled={!live}
                >
                    { words.listen }
                </button>
            </p>
            if live {
                <span id={keys} hidden=true>{ words.chart_keys }</span>
                <span id={format!("{id}-sound")} hidden=true>{ words.sound_scale }</span>
            }
            <p class="visually-hidden" aria-live="polite">{ announced }</p>
        </>
    }
}

/// What is needed to draw one chart, and where its drawing stands.
pub struct ChartView {
    canvas: NodeRef,
    data: ChartData,
    progress: Cell<f64>,
    /// The canvas box in CSS pixels, as last reported ([`browser::watch_size`]).
    size: Cell<Option<(f64, f64)>>,
    palette: Cell<Option<Palette>>,
    /// The colour scheme last reported, `None` until the app has started.
    dark: Cell<Option<bool>>,
    /// What the canvas shows now, if the app drew it.
    shown: RefCell<Option<Drawing>>,
    /// The figure ringed: the one the reader has chosen.
    chosen: Cell<Option<usize>>,
    /// The figures' targets, and the size they were laid out for.
    targets: RefCell<Option<Laid>>,
}

/// A chart's targets and the size in CSS pixels they were laid out for.
type Laid = ((f64, f64), Rc<Vec<Target>>);

impl ChartView {
    fn new(canvas: NodeRef, data: ChartData) -> Self {
        ChartView {
            canvas,
            data,
            progress: Cell::new(1.0),
            size: Cell::new(None),
            palette: Cell::new(None),
            dark: Cell::new(None),
            shown: RefCell::new(None),
            chosen: Cell::new(None),
            targets: RefCell::new(None),
        }
    }

    /// What the chart draws.
    pub fn data(&self) -> &ChartData {
        &self.data
    }

    /// Rings figure `datum` (or none): redrawn in the next frame, not in the pointer's or key's
    /// event, which has the detail to render (both in one task were a long one on a slow phone
    /// while a finger crossed a chart).
    pub fn choose(self: &Rc<Self>, datum: Option<usize>) {
        if self.chosen.replace(datum) != datum {
            Redraws::queue(Rc::downgrade(self));
        }
    }

    /// The figure at `x`, `y` CSS pixels from the canvas's corner.
    pub fn at(&self, x: f64, y: f64) -> Option<usize> {
        explore::hit(&self.targets()?, (x, y), 1.0)
    }

    /// Where the figures are at the canvas's size in CSS pixels: laid out once a size, not on
    /// every move of a pointer.
    fn targets(&self) -> Option<Rc<Vec<Target>>> {
        let size = self.size.get()?;
        let mut laid = self.targets.borrow_mut();
        if laid.as_ref().map(|(at, _)| *at) != Some(size) {
            *laid = Some((size, Rc::new(paint::targets(&self.data, size.0, size.1, 1.0))));
        }
        laid.as_ref().map(|(_, targets)| targets.clone())
    }

    /// Moves `detail` under the chart, at figure `datum`'s marks, touching the canvas so that a
    /// pointer moves from one to the other without leaving both (by its style object: a style
    /// attribute would break the page's Content-Security-Policy).
    fn place(&self, datum: usize, detail: &HtmlElement, reveal: bool) {
        let (Some((width, height)), Some(targets)) = (self.size.get(), self.targets()) else { return };
        let Some(target) = targets.iter().find(|t| t.datum == datum) else { return };
        let (x, y) = explore::place(explore::bounds(target), f64::from(detail.offset_width()), width, height, 0.0);
        let style = detail.style();
        // Whole pixels: formatting a float would bring its formatting code into the engine.
        let _ = style.set_property("left", &format!("{}px", x.round() as i32));
        let _ = style.set_property("top", &format!("{}px", y.round() as i32));
        // A detail asked for by a tap or the keys is brought into view if it is not (a pointing
        // mouse's is not: the page would move under it).
        let canvas = self.canvas.get();
        let focused =
            gloo::utils::document().active_element().is_some_and(|active| canvas.is_some_and(|c| c == *active));
        if reveal || focused {
            let options = ScrollIntoViewOptions::new();
            options.set_block(ScrollLogicalPosition::Nearest);
            detail.scroll_into_view_with_scroll_into_view_options(&options);
        }
    }

    /// The reader's colour scheme as the app knows it. Learning it as the app starts draws nothing
    /// (the first drawing reads the colours anyway); a change afterwards re-reads them and redraws.
    fn scheme(self: &Rc<Self>, dark: Option<bool>) {
        if self.dark.replace(dark).is_some() {
            self.palette.set(None);
            Redraws::queue(Rc::downgrade(self));
        }
    }

    /// An entrance frame: draws at `progress` once the size is known. A frame of a running
    /// entrance is drawn at once, in the animation frame it belongs to; a chart set straight to
    /// its first or final state (the app starting, motion off, an entrance ended or cut short)
    /// waits its turn in the queue of redraws, as a size report does, so charts set together are
    /// drawn in different frames.
    fn enter(self: &Rc<Self>, progress: f64) {
        self.progress.set(progress);
        if progress > 0.0 && progress < 1.0 {
            self.paint();
        } else {
            Redraws::queue(Rc::downgrade(self));
        }
    }

    /// A size report: resizes the backing store and redraws, if the size really changed. The
    /// drawing waits its turn in the queue of redraws (one chart a frame): size reports arrive
    /// while the browser lays the page out, often for every chart of a chapter coming into view at
    /// once, and drawing them together would make one long task on a slow phone.
    fn resize(self: &Rc<Self>, width: f64, height: f64) {
        if self.size.replace(Some((width, height))) != Some((width, height)) {
            // A new size may come with a new theme (a rotated phone, a print preview): re-read it.
            self.palette.set(None);
            Redraws::queue(Rc::downgrade(self));
        }
    }

    fn paint(&self) {
        let (Some(canvas), Some((width, height))) = (self.canvas.cast::<HtmlCanvasElement>(), self.size.get()) else {
            return;
        };
        let scale = browser::pixel_ratio();
        let (backing_width, backing_height) = ((width * scale).round() as u32, (height * scale).round() as u32);
        if backing_width == 0 || backing_height == 0 {
            return;
        }
        if canvas.width() != backing_width || canvas.height() != backing_height {
            // A new size blanks the canvas.
            canvas.set_width(backing_width);
            canvas.set_height(backing_height);
            self.shown.replace(None);
        }
        let palette = self.palette.get().unwrap_or_else(|| browser::palette(&canvas));
        self.palette.set(Some(palette));
        let progress = self.progress.get();
        let drawing = Drawing::new(&self.data, (backing_width, backing_height), palette, scale, progress).focused(
            &self.data,
            self.chosen.get(),
            scale,
        );
        // A frame the canvas shows already is not drawn again.
        let drawn = match self.shown.borrow().as_ref() == Some(&drawing) {
            true => Ok(()),
            false => charts::draw(&canvas, &drawing),
        };
        self.shown.replace(drawn.is_ok().then_some(drawing));
        match drawn {
            Ok(()) => {
                // For tests and the benchmark: where the chart's entrance stands.
                let stage = match progress {
                    p if p >= 1.0 => "final",
                    p if p <= 0.0 => "waiting",
                    _ => "entering",
                };
                let _ = canvas.set_attribute("data-drawn", stage);
                // And whether a figure is ringed: the ring is drawn a frame after it is chosen.
                let _ = match self.chosen.get() {
                    Some(_) => canvas.set_attribute("data-ringed", ""),
                    None => canvas.remove_attribute("data-ringed"),
                };
            }
            Err(error) => web_sys::console::error_1(&format!("chart {:?}: {}", self.data.kind, error.0).into()),
        }
    }
}

impl PartialEq for ChartView {
    /// One view per chart: two are the same only if they are the same value.
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

/// The charts waiting to be redrawn after a size report, drawn one a frame, and the frame that
/// draws the next.
#[derive(Default)]
struct Redraws {
    /// A few charts at most (those of one chapter): a plain list serves.
    waiting: Vec<Weak<ChartView>>,
    frame: Option<AnimationFrame>,
}

thread_local! {
    static REDRAWS: RefCell<Redraws> = RefCell::default();
}

impl Redraws {
    /// Queues `view` for a redraw (once, however often it is reported), and asks for a frame.
    fn queue(view: Weak<ChartView>) {
        REDRAWS.with(|redraws| {
            let mut redraws = redraws.borrow_mut();
            if !redraws.waiting.iter().any(|waiting| waiting.ptr_eq(&view)) {
                redraws.waiting.push(view);
            }
            redraws.ask_for_frame();
        });
    }

    /// Draws the first chart waiting, and asks for another frame if more are.
    fn draw_next() {
        let next = REDRAWS.with(|redraws| {
            let mut redraws = redraws.borrow_mut();
            redraws.frame = None;
            (!redraws.waiting.is_empty()).then(|| redraws.waiting.remove(0))
        });
        // Not borrowed while drawing: a drawing may report a size and queue again.
        if let Some(view) = next.and_then(|view| view.upgrade()) {
            view.paint();
        }
        REDRAWS.with(|redraws| redraws.borrow_mut().ask_for_frame());
    }

    /// One chart a frame, each drawn in a task of its own just after its frame: a frame that
    /// scrolls a chapter into view has its own layout and paint to do, and a chart of 300 squares
    /// drawn inside it besides made a long task on a slow phone.
    fn ask_for_frame(&mut self) {
        if self.frame.is_none() && !self.waiting.is_empty() {
            self.frame = Some(request_animation_frame(|_| {
                Timeout::new(0, Redraws::draw_next).forget();
            }));
        }
    }
}
