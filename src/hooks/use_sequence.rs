//! A sequence's steps (components::sequence): the graphic held in view while the steps' texts
//! scroll past, showing the state of the step being read (scroll::active_step).
//!
//! On a page of its own the stylesheet holds the graphic (`position: sticky`) and this hook only
//! says which step is active. In a frame the host page scrolls, not the frame, so nothing is sticky
//! there: the frame asks the host script to follow it (embed::relay, version 2 of the embed
//! protocol), and from each message saying where the frame sits in the host's viewport, says which
//! step is active and where the graphic stands. Until a message comes (no host script, or an old
//! one) the steps stay as the build wrote them, each chart after its text: so they are without
//! the engine, with scripts off and on paper.
//!
//! The state lives in the page's own attributes, which the stylesheet reads: `data-live` (held),
//! `data-relayed` (held by the host's messages), `data-moves` (the graphic may fade), and
//! `data-active` on the step shown. Nothing is rendered: the steps are the build's HTML.

use std::cell::Cell;
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement, MessageEvent, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;

use crate::browser;
use crate::content::model::Slug;
use crate::embed::relay;
use crate::scroll::{active_step, held_graphic, Viewport};
use crate::state::use_app;

/// One sequence of the page, as the build wrote it.
struct Steps {
    sequence: HtmlElement,
    steps: Vec<Element>,
    texts: Vec<Element>,
    graphics: Vec<Element>,
    /// In a frame: the host page's viewport, once its script has said; `None` on a page of its own.
    host: Option<Cell<Option<Viewport>>>,
    active: Cell<Option<usize>>,
}

impl Steps {
    fn find(id: &Slug, framed: bool) -> Option<Steps> {
        let sequence = gloo::utils::document().get_element_by_id(id.as_str())?.dyn_into::<HtmlElement>().ok()?;
        let all = |selector: &str| {
            let list = sequence.query_selector_all(selector).ok();
            let list = list.map(|list| (0..list.length()).filter_map(|i| list.item(i)?.dyn_into().ok()).collect());
            list.unwrap_or_default()
        };
        let (steps, texts, graphics) = (all(":scope > .step"), all(".step__text"), all(".step__graphic"));
        let host = framed.then(|| Cell::new(None));
        Some(Steps { sequence, steps, texts, graphics, host, active: Cell::new(None) })
    }

    /// The viewport the reader sees the page through; `None` in a frame the host has not told of.
    fn viewport(&self) -> Option<Viewport> {
        match &self.host {
            Some(host) => host.get(),
            None => Some(Viewport { offset: 0.0, height: browser::viewport_height() }),
        }
    }

    /// Shows the step the reader is at: the sequence held, the step marked, and in a frame the
    /// graphic placed.
    fn update(&self) {
        let Some(viewport) = self.viewport() else { return };
        // Held first, then measured: the steps' places are the held layout's.
        if self.active.get().is_none() {
            let _ = self.sequence.set_attribute("data-live", "");
            if self.host.is_some() {
                let _ = self.sequence.set_attribute("data-relayed", "");
            }
        }
        let tops: Vec<f64> = self.texts.iter().map(|text| text.get_bounding_client_rect().top()).collect();
        let active = active_step(&tops, viewport);
        if self.active.replace(Some(active)) != Some(active) {
            for (i, step) in self.steps.iter().enumerate() {
                let _ = match i == active {
                    true => step.set_attribute("data-active", ""),
                    false => step.remove_attribute("data-active"),
                };
            }
        }
        if self.host.is_some() {
            let graphic = self.graphics.get(active).map_or(0.0, |g| g.get_bounding_client_rect().height());
            let own = self.sequence.get_bounding_client_rect();
            let held = held_graphic(own.top(), own.height(), graphic, 0.0, viewport);
            let style = self.sequence.style();
            let _ = style.set_property("--held", &format!("{held:.1}px"));
            // The steps are spaced by the reader's screen, the host's: the frame's own height is
            // its content's, which that spacing makes (so `svh` there would grow without end).
            let _ = style.set_property("--screen", &format!("{:.0}px", viewport.height));
        }
    }

    /// The step that holds `target`, if any.
    fn step_of(&self, target: &JsValue) -> Option<usize> {
        let node = target.dyn_ref::<web_sys::Node>()?;
        self.steps.iter().position(|step| step.contains(Some(node)))
    }
}

/// Asks the host script to follow this frame (embed::relay).
fn ask_to_follow() {
    let window = gloo::utils::window();
    let Ok(Some(parent)) = window.parent() else { return };
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &relay::FOLLOW.into());
    let _ = js_sys::Reflect::set(&message, &"v".into(), &relay::VERSION.into());
    // The request carries nothing: any origin may see it. The answer is checked for its source.
    let _ = parent.post_message(&message, "*");
}

/// A field of a message, if it is an object.
fn field(data: &JsValue, name: &str) -> Option<JsValue> {
    data.is_object().then(|| js_sys::Reflect::get(data, &name.into()).ok()).flatten()
}

/// Drives the sequence whose element has the id `id`.
#[hook]
pub fn use_sequence(id: Slug) {
    let moves = use_app().moves() == Some(true);
    // The graphic fades from one state to the next only where things may move.
    use_effect_with((id.clone(), moves), |(id, moves)| {
        if let Some(sequence) = gloo::utils::document().get_element_by_id(id.as_str()) {
            let _ = match moves {
                true => sequence.set_attribute("data-moves", ""),
                false => sequence.remove_attribute("data-moves"),
            };
        }
    });
    // The active step, from the page's own scroll, or in a frame from the host's messages.
    use_effect_with(id, move |id| {
        let window = gloo::utils::window();
        let framed = window.parent().ok().flatten().is_some_and(|parent| !js_sys::Object::is(&parent, &window));
        let listeners = Steps::find(id, framed).map(|steps| {
            let steps = Rc::new(steps);
            let mut listeners = Vec::new();
            // A keyboard reader on a step (its text, or a control of its chart) reads that step:
            // bring its text to the middle of the screen, above the step line.
            let focused = steps.clone();
            listeners.push(EventListener::new(&steps.sequence, "focusin", move |event| {
                let Some(step) = event.target().and_then(|target| focused.step_of(&target)) else { return };
                if focused.active.get() != Some(step) && focused.viewport().is_some() {
                    let options = ScrollIntoViewOptions::new();
                    options.set_block(ScrollLogicalPosition::Center);
                    focused.texts[step].scroll_into_view_with_scroll_into_view_options(&options);
                    focused.update();
                }
            }));
            // At most once a frame while scrolling; gloo's listeners are passive.
            let measured = steps.clone();
            let on_change = browser::once_a_frame(move || measured.update());
            listeners.push(EventListener::new(&window, "resize", on_change.clone()));
            if framed {
                let told = steps.clone();
                listeners.push(EventListener::new(&window, "message", move |event| {
                    let Some(event) = event.dyn_ref::<MessageEvent>() else { return };
                    let parent = gloo::utils::window().parent().ok().flatten();
                    let from_parent =
                        event.source().zip(parent).is_some_and(|(source, parent)| js_sys::Object::is(&source, &parent));
                    if !from_parent {
                        return;
                    }
                    let data = event.data();
                    let text = |name| field(&data, name).and_then(|value| value.as_string());
                    let number = |name| field(&data, name).and_then(|value| value.as_f64());
                    let kind = text("type");
                    if kind.as_deref() == Some(relay::HELLO) {
                        return ask_to_follow();
                    }
                    if let Some(viewport) =
                        relay::viewport(kind.as_deref(), number("v"), number("top"), number("height"))
                    {
                        if let Some(host) = &told.host {
                            host.set(Some(viewport));
                        }
                        told.update();
                    }
                }));
                ask_to_follow();
            } else {
                listeners.push(EventListener::new(&window, "scroll", on_change));
                steps.update();
            }
            (steps, listeners)
        });
        move || drop(listeners)
    });
}
