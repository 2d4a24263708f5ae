//! An entrance: a figure counting up or a chart growing, run once when it first scrolls into view.
//!
//! Its frames go to a callback with the eased progress (0..=1). The final frame (1) is what the
//! prerendered HTML already shows, so the entrance is skipped, with the final frame drawn at once,
//! when motion is unwanted, when the element is already on screen as the app starts (the reader
//! has seen the true figure; replaying it would distract), and when the element leaves the page.
//!
//! Whether the element is on screen comes from an IntersectionObserver's first report, which
//! arrives after layout: nothing here forces a synchronous layout while the app starts.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::render::{request_animation_frame, AnimationFrame};
use wasm_bindgen::prelude::*;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};
use yew::prelude::*;

use crate::motion::eased_progress;
use crate::state::use_app;

/// How much of an element must be visible before its entrance starts.
const VISIBLE_FRACTION: f64 = 0.35;

/// Runs `on_frame` through an entrance of `duration` ms for the element behind `node`; see the
/// module's documentation for when it runs at all.
#[hook]
pub fn use_entrance<F>(node: NodeRef, duration: f64, on_frame: F)
where
    F: Fn(f64) + 'static,
{
    let motion = use_app().moves();
    use_effect_with(motion, move |motion| {
        let on_frame: Rc<dyn Fn(f64)> = Rc::new(on_frame);
        let entrance = match (motion, node.cast::<Element>()) {
            // Not started yet: the prerendered final state stays.
            (None, _) | (_, None) => None,
            // A sequence's charts share one place and take turns, shown by the sequence's own
            // fade: grown all at once as the sequence came into view, two of three would grow
            // unseen, in a long task on a slow phone.
            (Some(true), Some(element)) if !in_sequence(&element) => Entrance::watch(&element, duration, on_frame),
            (Some(_), Some(_)) => {
                on_frame(1.0);
                None
            }
        };
        move || drop(entrance)
    });
}

/// Whether `element` is in a sequence (components::sequence).
fn in_sequence(element: &Element) -> bool {
    element.closest(".sequence").ok().flatten().is_some()
}

/// A watched or running entrance; dropping it ends it on its final frame.
struct Entrance {
    observer: IntersectionObserver,
    _on_report: Closure<dyn FnMut(js_sys::Array, IntersectionObserver)>,
    run: Rc<Run>,
}

struct Run {
    on_frame: Rc<dyn Fn(f64)>,
    duration: f64,
    frame: RefCell<Option<AnimationFrame>>,
    start: Cell<Option<f64>>,
    reported: Cell<bool>,
    finished: Cell<bool>,
}

impl Entrance {
    /// Watches the element: on screen at the first report, it is final at once; otherwise it
    /// waits at its first frame and runs once enough of it comes into view.
    fn watch(element: &Element, duration: f64, on_frame: Rc<dyn Fn(f64)>) -> Option<Self> {
        let run = Rc::new(Run {
            on_frame,
            duration,
            frame: RefCell::new(None),
            start: Cell::new(None),
            reported: Cell::new(false),
            finished: Cell::new(false),
        });
        let watcher = run.clone();
        let on_report = Closure::<dyn FnMut(js_sys::Array, IntersectionObserver)>::new(
            move |entries: js_sys::Array, observer: IntersectionObserver| {
                let Some(entry) = entries.iter().last().map(|e| e.unchecked_into::<IntersectionObserverEntry>()) else {
                    return;
                };
                let first = !watcher.reported.replace(true);
                if first && entry.is_intersecting() {
                    // On screen from the start: it already shows its final state; leave it be.
                    observer.disconnect();
                    watcher.finished.set(true);
                } else if first {
                    (watcher.on_frame)(0.0);
                } else if entry.intersection_ratio() >= VISIBLE_FRACTION {
                    observer.disconnect();
                    Run::next_frame(&watcher);
                }
            },
        );
        let options = IntersectionObserverInit::new();
        let thresholds = js_sys::Array::of2(&JsValue::from(0.0), &JsValue::from(VISIBLE_FRACTION));
        options.set_threshold(&thresholds);
        let Ok(observer) = IntersectionObserver::new_with_options(on_report.as_ref().unchecked_ref(), &options) else {
            // No observer (a very old browser): the final state, rather than nothing.
            run.finish();
            return None;
        };
        observer.observe(element);
        Some(Entrance { observer, _on_report: on_report, run })
    }
}

impl Run {
    fn finish(&self) {
        self.finished.set(true);
        (self.on_frame)(1.0);
    }

    fn next_frame(run: &Rc<Run>) {
        let this = run.clone();
        let frame = request_animation_frame(move |now| {
            let start = this.start.get().unwrap_or(now);
            this.start.set(Some(start));
            let progress = eased_progress(now - start, this.duration);
            if progress < 1.0 {
                (this.on_frame)(progress);
                Run::next_frame(&this);
            } else {
                this.finish();
            }
        });
        *run.frame.borrow_mut() = Some(frame);
    }
}

impl Drop for Entrance {
    fn drop(&mut self) {
        self.observer.disconnect();
        self.run.frame.borrow_mut().take();
        if !self.run.finished.get() {
            self.run.finish();
        }
    }
}
