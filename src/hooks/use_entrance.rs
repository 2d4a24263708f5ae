//! An entrance: a figure counting up or a chart growing, run once when it first scrolls into view.
//!
//! Its frames go to a callback with the eased progress (0..=1). The final frame (1) is what the
//! prerendered HTML already shows, so the entrance is skipped, with the final frame drawn at once,
//! when motion is unwanted, when the element is already on screen as the app starts (the reader
//! has seen the true figure; replaying it would distract), and when the element leaves the page.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::render::{request_animation_frame, AnimationFrame};
use wasm_bindgen::prelude::*;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};
use yew::prelude::*;

use crate::browser;
use crate::motion::eased_progress;
use crate::state::AppContext;

/// How much of an element must be visible before its entrance starts.
const VISIBLE_FRACTION: f64 = 0.35;

/// Runs `on_frame` through an entrance of `duration` ms for the element behind `node`; see the
/// module's documentation for when it runs at all.
#[hook]
pub fn use_entrance<F>(node: NodeRef, duration: f64, on_frame: F)
where
    F: Fn(f64) + 'static,
{
    let motion = use_context::<AppContext>().and_then(|state| state.motion);
    use_effect_with(motion, move |motion| {
        let on_frame: Rc<dyn Fn(f64)> = Rc::new(on_frame);
        let entrance = match (motion, node.cast::<Element>()) {
            // Not started yet: the prerendered final state stays.
            (None, _) | (_, None) => None,
            (Some(true), Some(element)) if !browser::is_on_screen(&element) => {
                Entrance::wait(&element, duration, on_frame)
            }
            (Some(_), Some(_)) => {
                on_frame(1.0);
                None
            }
        };
        move || drop(entrance)
    });
}

/// A waiting or running entrance; dropping it ends it on its final frame.
struct Entrance {
    observer: IntersectionObserver,
    _on_visible: Closure<dyn FnMut(js_sys::Array, IntersectionObserver)>,
    run: Rc<Run>,
}

struct Run {
    on_frame: Rc<dyn Fn(f64)>,
    duration: f64,
    frame: RefCell<Option<AnimationFrame>>,
    start: Cell<Option<f64>>,
    finished: Cell<bool>,
}

impl Entrance {
    /// Shows the first frame now and starts the run when the element comes into view.
    fn wait(element: &Element, duration: f64, on_frame: Rc<dyn Fn(f64)>) -> Option<Self> {
        on_frame(0.0);
        let run = Rc::new(Run {
            on_frame,
            duration,
            frame: RefCell::new(None),
            start: Cell::new(None),
            finished: Cell::new(false),
        });
        let starter = run.clone();
        let on_visible = Closure::<dyn FnMut(js_sys::Array, IntersectionObserver)>::new(
            move |entries: js_sys::Array, observer: IntersectionObserver| {
                let visible =
                    entries.iter().any(|entry| entry.unchecked_into::<IntersectionObserverEntry>().is_intersecting());
                if visible {
                    observer.disconnect();
                    Run::next_frame(&starter);
                }
            },
        );
        let options = IntersectionObserverInit::new();
        options.set_threshold(&JsValue::from(VISIBLE_FRACTION));
        let observer = match IntersectionObserver::new_with_options(on_visible.as_ref().unchecked_ref(), &options) {
            Ok(observer) => observer,
            Err(_) => {
                // No observer (a very old browser): show the final state rather than nothing.
                (run.on_frame)(1.0);
                return None;
            }
        };
        observer.observe(element);
        Some(Entrance { observer, _on_visible: on_visible, run })
    }
}

impl Run {
    fn next_frame(run: &Rc<Run>) {
        let this = run.clone();
        let frame = request_animation_frame(move |now| {
            let start = this.start.get().unwrap_or(now);
            this.start.set(Some(start));
            let progress = eased_progress(now - start, this.duration);
            (this.on_frame)(progress);
            if progress < 1.0 {
                Run::next_frame(&this);
            } else {
                this.finished.set(true);
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
            (self.run.on_frame)(1.0);
        }
    }
}
