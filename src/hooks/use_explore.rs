//! Exploring a chart (charts::explore): a mouse pointing at a figure shows its detail while it
//! points at it or at the detail; a tap or a click keeps the detail until Escape or a tap or click
//! elsewhere; the chart is one tab stop whose keys walk its figures, and each figure reached by a
//! key is announced once. The reader's choice lives in plain cells that the listeners share; the
//! component renders what the hook returns.
//!
//! Linked: the figure chosen on a chart marks its card (`data-linked`), and pointing at a card rings
//! its figure on the chart, wherever the story file ties them by an indicator's id (the table's
//! rows carry it: components::chart).
//!
//! Listen: the chart's notes (charts::sound) played with Web Audio when the reader presses its
//! control, and only then; each note's figure announced as it plays; a second press, or the page's
//! switch that stops motion, stops it.
//!
//! The listeners are the browser's own (gloo), installed once the engine runs, in one effect: one
//! small closure each rather than a component listener per event type, which cost the engine 8 KB.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::{AudioContext, Element, Event, KeyboardEvent, Node, OscillatorType, PointerEvent};
use yew::prelude::*;

use crate::charts::explore::{step, Command};
use crate::charts::sound::{self, Sound};
use crate::components::chart_canvas::ChartView;
use crate::state::use_app;
use crate::ui;

/// A figure the reader has chosen, with its words as the chart's own data table gives them (the
/// page's words: none are compiled into the engine).
#[derive(Debug, Clone, PartialEq)]
pub struct Chosen {
    /// The figure's index in the chart's data.
    pub datum: usize,
    /// Kept open until dismissed (a tap, a click, Enter), not only while pointed at.
    pub pinned: bool,
    /// Its row of the data table.
    pub row: Row,
}

/// One row of a chart's data table.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Row {
    /// The indicator.
    pub label: String,
    /// The value as the edition writes it.
    pub value: String,
    /// Its period.
    pub period: String,
    /// Its comparison basis.
    pub basis: String,
}

impl Row {
    /// A row of a chart's data table, as the page has it.
    fn of(row: &Element) -> Row {
        let text = |selector: &str| {
            let cell = row.query_selector(selector).ok().flatten();
            cell.and_then(|cell| cell.text_content()).unwrap_or_default().trim().to_owned()
        };
        Row {
            label: text("th"),
            value: text(".figure-text"),
            period: text("td:nth-of-type(2)"),
            basis: text("td:nth-of-type(3)"),
        }
    }
}

/// The rows of the data table of the chart `id`, in order: the build's prose, never re-rendered.
fn table_rows(id: &str) -> Vec<Element> {
    let rows = gloo::utils::document().query_selector_all(&format!("#{id} .chart__data tbody tr")).ok();
    rows.map(|rows| (0..rows.length()).filter_map(|i| rows.item(i)?.dyn_into::<Element>().ok()).collect())
        .unwrap_or_default()
}

/// What a chart being explored shows: its chosen figure, the last announcement, and whether the
/// engine runs (until then the chart is the build's, and no tab stop).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Explored {
    /// The figure whose detail is open.
    pub chosen: Option<Chosen>,
    /// What the live region says.
    pub announced: String,
    /// Whether the chart can be explored yet.
    pub live: bool,
    /// Whether its sound is playing.
    pub playing: bool,
}

/// A chart's sound being played: its audio context, and the timers that announce each note and
/// end it (dropped, they never fire).
struct Playback {
    context: AudioContext,
    _timers: Vec<Timeout>,
}

/// The reader's choice, shared by the listeners.
struct Explorer {
    view: Rc<ChartView>,
    canvas: NodeRef,
    detail: NodeRef,
    /// The table's row of each figure, which names its indicator.
    rows: Vec<Element>,
    /// The figure chosen and whether it is pinned.
    current: Cell<Option<(usize, bool)>>,
    /// The Listen control.
    listen: NodeRef,
    /// The figure a mouse moved onto, and the task that will show it (see `pointer_move`).
    pointed: RefCell<Option<(usize, Timeout)>>,
    /// The sound playing, if it is.
    playback: RefCell<Option<Playback>>,
    /// Itself, for the timers of its sound.
    me: Weak<Explorer>,
    /// What the component shows, kept here and handed to it whole (one state for the component:
    /// each of its states costs the engine its own code).
    shown: RefCell<Explored>,
    show: UseStateSetter<Explored>,
}

impl Explorer {
    fn choose(&self, datum: Option<usize>, pinned: bool) {
        let next = datum.map(|datum| (datum, pinned));
        let before = self.current.replace(next);
        if before != next {
            self.view.choose(datum);
            self.raise(datum.is_some());
            self.link(before.map(|(at, _)| at), false);
            self.link(datum, true);
            let chosen = datum.map(|datum| Chosen { datum, pinned, row: self.row(datum) });
            self.publish(|shown| shown.chosen = chosen);
        }
    }

    /// In a held sequence, the chart comes over the step's card while a figure's detail is open
    /// (static/css/sequence.css reads `data-exploring` on the held chart).
    fn raise(&self, open: bool) {
        let Some(canvas) = self.canvas.cast::<Element>() else { return };
        if let Ok(Some(held)) = canvas.closest(".step__graphic") {
            let _ =
                if open { held.set_attribute("data-exploring", "") } else { held.remove_attribute("data-exploring") };
        }
    }

    fn row(&self, datum: usize) -> Row {
        self.rows.get(datum).map(Row::of).unwrap_or_default()
    }

    /// The indicator of figure `datum`.
    fn indicator(&self, datum: usize) -> Option<String> {
        self.rows.get(datum)?.get_attribute("data-indicator-row")
    }

    /// Marks (or unmarks) the cards of figure `datum` as the chart's chosen one.
    fn link(&self, datum: Option<usize>, on: bool) {
        let Some(id) = datum.and_then(|datum| self.indicator(datum)) else { return };
        let Ok(cards) = gloo::utils::document().query_selector_all(&format!(".indicator[data-indicator=\"{id}\"]"))
        else {
            return;
        };
        for card in (0..cards.length()).filter_map(|i| cards.item(i)?.dyn_into::<Element>().ok()) {
            let _ = if on { card.set_attribute("data-linked", "") } else { card.remove_attribute("data-linked") };
        }
    }

    /// A pointer over a card, or off it: its figure is ringed on the chart while it is pointed at,
    /// and the chosen one (if any) again after. Moving between the parts of one card changes
    /// nothing.
    fn card_pointed(&self, event: &Event) {
        let card_of = |target: Option<web_sys::EventTarget>| {
            let element = target.and_then(|target| target.dyn_into::<Element>().ok());
            element.and_then(|element| element.closest(".indicator[data-indicator]").ok().flatten())
        };
        let card = card_of(event.target());
        let other = event.dyn_ref::<PointerEvent>().and_then(|event| card_of(event.related_target()));
        if card.is_some() && card == other {
            return;
        }
        let Some(id) = card.and_then(|card| card.get_attribute("data-indicator")) else { return };
        let Some(datum) = (0..self.count()).find(|&datum| self.indicator(datum).as_deref() == Some(id.as_str())) else {
            return;
        };
        let chosen = self.current.get().map(|(at, _)| at);
        self.view.choose(if event.type_() == "pointerover" { Some(datum) } else { chosen });
    }

    fn publish(&self, change: impl FnOnce(&mut Explored)) {
        let mut shown = self.shown.borrow_mut();
        change(&mut shown);
        self.show.set(shown.clone());
    }

    /// How many figures the chart draws.
    fn count(&self) -> usize {
        self.view.data().data.len()
    }

    fn pinned(&self) -> bool {
        self.current.get().is_some_and(|(_, pinned)| pinned)
    }

    fn at(&self, event: &PointerEvent) -> Option<usize> {
        self.view.at(f64::from(event.offset_x()), f64::from(event.offset_y()))
    }

    /// Whether `node` is in the element behind `element`.
    fn holds(element: &NodeRef, node: Option<Node>) -> bool {
        element.get().is_some_and(|element| node.is_some_and(|node| element.contains(Some(&node))))
    }

    fn pointer_move(&self, event: &PointerEvent) {
        // Over a gap between marks the detail stays: it goes when another mark is pointed at, or
        // when the pointer leaves the chart for anywhere but the detail.
        if event.pointer_type() != "mouse" || self.pinned() {
            return;
        }
        let Some(datum) = self.at(event) else { return };
        // Shown in a task of its own: the browser handles a pointer's moves in the task that
        // draws the frame, and the detail's rendering there besides the frame's own work made a
        // long task on a slow phone while a pointer crossed a chart. Moves before it runs only
        // change the figure it shows.
        let mut pointed = self.pointed.borrow_mut();
        match pointed.as_mut() {
            Some((waiting, _)) => *waiting = datum,
            None => {
                let me = self.me.clone();
                let task = Timeout::new(0, move || {
                    let Some(explorer) = me.upgrade() else { return };
                    let datum = explorer.pointed.borrow_mut().take().map(|(datum, _)| datum);
                    if let (Some(datum), false) = (datum, explorer.pinned()) {
                        explorer.choose(Some(datum), false);
                    }
                });
                *pointed = Some((datum, task));
            }
        }
    }

    fn pointer_down(&self, event: &PointerEvent) {
        let datum = self.at(event);
        // A second click on a pinned figure lets it go.
        let again = self.current.get().is_some_and(|(at, pinned)| pinned && Some(at) == datum);
        self.choose(datum.filter(|_| !again), true);
    }

    /// The pointer left the chart or the detail for `into`: a detail shown only while pointed at
    /// goes, unless the pointer went from one to the other.
    fn pointer_left(&self, event: &PointerEvent) {
        let into = event.related_target().and_then(|target| target.dyn_into::<Node>().ok());
        let between = Self::holds(&self.canvas, into.clone()) || Self::holds(&self.detail, into);
        if event.pointer_type() == "mouse" && !self.pinned() && !between {
            // A figure pointed at on the way out is not shown after.
            self.pointed.borrow_mut().take();
            self.choose(None, false);
        }
    }

    fn key(&self, event: &KeyboardEvent) {
        if event.ctrl_key() || event.alt_key() || event.meta_key() {
            return;
        }
        let Some(command) = Command::from_key(&event.key()) else { return };
        let current = self.current.get();
        let at = current.map(|(at, _)| at);
        match command {
            Command::Dismiss if current.is_none() => return,
            Command::Dismiss => self.choose(None, false),
            Command::Pin => self.choose(at.or(Some(0)), !self.pinned() || at.is_none()),
            _ => {
                if let Some(next) = step(at, self.count(), command) {
                    self.choose(Some(next), self.pinned());
                    let said = self.describe(next);
                    self.publish(|shown| shown.announced = said);
                }
            }
        }
        // The chart's keys are its own: the navigator leaves a handled key alone.
        event.prevent_default();
    }

    /// Figure `datum` in words, as its table's row gives it: what the live region says of it.
    fn describe(&self, datum: usize) -> String {
        let row = self.row(datum);
        let words = ui::labels(self.view.data().lang);
        let (colon, comma) = (words.colon, words.comma);
        [&row.label, colon, &row.value, comma, words.period, colon, &row.period, comma, words.basis, colon, &row.basis]
            .concat()
    }

    /// The Listen control pressed: plays the chart's notes, or stops them if they are playing.
    fn listen(&self) {
        if self.playback.borrow().is_some() {
            self.stop();
            return;
        }
        // Made only now, on the reader's press: no sound, and no audio context, before it.
        let Ok(context) = AudioContext::new() else { return };
        let notes = sound::notes(self.view.data());
        let begin = context.current_time() + 0.05;
        for note in &notes {
            if let Sound::Tone { hz, rise_to } = note.sound {
                let _ = tone(&context, begin + note.start, note.length, hz, rise_to);
            }
        }
        // Each note announced as it starts; the end stops the sound and says so.
        let mut timers: Vec<Timeout> = notes
            .iter()
            .map(|note| {
                let (me, datum) = (self.me.clone(), note.datum);
                Timeout::new((note.start * 1000.0) as u32, move || {
                    if let Some(me) = me.upgrade() {
                        let said = datum.map_or_else(
                            || ui::labels(me.view.data().lang).sound_rest.to_owned(),
                            |datum| me.describe(datum),
                        );
                        me.publish(|shown| shown.announced = said);
                    }
                })
            })
            .collect();
        let end = notes.last().map_or(0.0, |note| note.start + note.length);
        let me = self.me.clone();
        timers.push(Timeout::new((end * 1000.0) as u32 + 100, move || {
            if let Some(me) = me.upgrade() {
                me.stop();
            }
        }));
        self.playback.replace(Some(Playback { context, _timers: timers }));
        self.publish(|shown| shown.playing = true);
    }

    /// Stops the sound, if it plays.
    fn stop(&self) {
        let Some(playback) = self.playback.take() else { return };
        let _ = playback.context.close();
        self.publish(|shown| shown.playing = false);
    }

    /// Anywhere in the page: Escape closes the detail, and so does a tap or click outside the chart
    /// and the detail.
    fn page_event(&self, event: &Event) {
        if self.current.get().is_none() {
            return;
        }
        let escape = event.dyn_ref::<KeyboardEvent>().is_some_and(|key| key.key() == "Escape");
        let target = event.target().and_then(|target| target.dyn_into::<Node>().ok());
        let outside = event.type_() == "pointerdown"
            && !Self::holds(&self.canvas, target.clone())
            && !Self::holds(&self.detail, target);
        if escape || outside {
            self.choose(None, false);
        }
    }
}

/// Makes the chart `id` (its figure and table) explorable once the engine runs: `nodes` are its
/// canvas (drawn by `view`), its detail and its Listen control.
#[hook]
pub fn use_explore(id: &str, view: Rc<ChartView>, nodes: [NodeRef; 3]) -> Explored {
    let [canvas, detail, listen] = nodes;
    // The first render is the build's, as hydration needs; the listeners come after it.
    let shown = use_state_eq(Explored::default);
    // The explorer, once the engine runs: the page's switch that stops motion stops its sound.
    let running = use_mut_ref(|| None::<Rc<Explorer>>);
    let moves = use_app().moves();
    {
        let running = running.clone();
        use_effect_with(moves, move |moves| {
            if *moves == Some(false) {
                if let Some(explorer) = running.borrow().as_ref() {
                    explorer.stop();
                }
            }
        });
    }
    {
        let (id, show) = (id.to_owned(), shown.setter());
        use_effect_with(view, move |view| {
            let shown = RefCell::new(Explored::default());
            let rows = table_rows(&id);
            let explorer = Rc::new_cyclic(|me| Explorer {
                rows,
                view: view.clone(),
                canvas,
                detail,
                listen,
                pointed: RefCell::new(None),
                playback: RefCell::new(None),
                me: me.clone(),
                current: Cell::new(None),
                shown,
                show,
            });
            explorer.publish(|shown| shown.live = true);
            running.replace(Some(explorer.clone()));
            let mut listeners = Vec::new();
            let document = gloo::utils::document();
            // Not passive: a handled key must not also scroll the page.
            let active = EventListenerOptions::enable_prevent_default();
            let on = |target: &web_sys::EventTarget, kind: &'static str, handle: fn(&Explorer, &Event)| {
                let explorer = explorer.clone();
                EventListener::new_with_options(target, kind, active, move |event| handle(&explorer, event))
            };
            if let (Some(canvas), Some(detail)) = (explorer.canvas.get(), explorer.detail.get()) {
                listeners.push(on(&canvas, "pointermove", |e, ev| {
                    ev.dyn_ref().into_iter().for_each(|ev| e.pointer_move(ev))
                }));
                listeners.push(on(&canvas, "pointerdown", |e, ev| {
                    ev.dyn_ref().into_iter().for_each(|ev| e.pointer_down(ev))
                }));
                listeners.push(on(&canvas, "pointerleave", |e, ev| {
                    ev.dyn_ref().into_iter().for_each(|ev| e.pointer_left(ev))
                }));
                listeners.push(on(&detail, "pointerleave", |e, ev| {
                    ev.dyn_ref().into_iter().for_each(|ev| e.pointer_left(ev))
                }));
                listeners.push(on(&canvas, "keydown", |e, ev| ev.dyn_ref().into_iter().for_each(|ev| e.key(ev))));
                listeners.push(on(&canvas, "blur", |e, _| {
                    if !e.pinned() {
                        e.choose(None, false);
                    }
                }));
                listeners.push(on(&document, "keydown", Explorer::page_event));
                listeners.push(on(&document, "pointerdown", Explorer::page_event));
                listeners.push(on(&document, "pointerover", Explorer::card_pointed));
                listeners.push(on(&document, "pointerout", Explorer::card_pointed));
                if let Some(button) = explorer.listen.get() {
                    listeners.push(on(&button, "click", |e, _| e.listen()));
                }
            }
            move || {
                drop(listeners);
                if let Some(explorer) = running.take() {
                    explorer.stop();
                }
            }
        });
    }
    (*shown).clone()
}

/// Schedules one note: a sine at `hz` from `at` for `length` seconds, faded in and out so that it
/// does not click; a floor's note rises to `rise_to` over its last 40%, fading as it goes.
fn tone(
    context: &AudioContext,
    at: f64,
    length: f64,
    hz: f64,
    rise_to: Option<f64>,
) -> Result<(), wasm_bindgen::JsValue> {
    const VOLUME: f32 = 0.25;
    let oscillator = context.create_oscillator()?;
    oscillator.set_type(OscillatorType::Sine);
    let gain = context.create_gain()?;
    let (frequency, volume) = (oscillator.frequency(), gain.gain());
    frequency.set_value_at_time(hz as f32, at)?;
    volume.set_value_at_time(0.0, at)?;
    volume.linear_ramp_to_value_at_time(VOLUME, at + 0.03)?;
    let fade = match rise_to {
        Some(rise) => {
            let from = at + length * 0.6;
            frequency.set_value_at_time(hz as f32, from)?;
            frequency.linear_ramp_to_value_at_time(rise as f32, at + length)?;
            from
        }
        None => at + length - 0.06,
    };
    volume.set_value_at_time(VOLUME, fade)?;
    volume.linear_ramp_to_value_at_time(0.0, at + length)?;
    oscillator.connect_with_audio_node(&gain)?;
    gain.connect_with_audio_node(&context.destination())?;
    let source: &web_sys::AudioScheduledSourceNode = oscillator.unchecked_ref();
    source.start_with_when(at)?;
    source.stop_with_when(at + length)
}
