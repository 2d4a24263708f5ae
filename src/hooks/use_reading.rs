//! Where the reader is: the chapter being read and how far through the story they are, updated
//! at most once a frame while scrolling. When the current chapter changes because the reader
//! scrolled, the address bar follows (`#chapter`) without adding history entries.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use yew::prelude::*;

use crate::browser;
use crate::scroll::{active_chapter, progress, READING_LINE};

/// The reader's position in the story.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Reading {
    /// The chapter being read, by index; `None` above the first chapter.
    pub active: Option<usize>,
    /// The share of the page scrolled through, to the nearest thousandth.
    pub progress: f64,
}

/// Tracks the reading position over the chapters with these element ids.
#[hook]
pub fn use_reading(ids: Rc<Vec<String>>) -> Reading {
    let reading = use_state_eq(Reading::default);
    {
        let setter = reading.setter();
        use_effect_with(ids, move |ids| {
            let listeners = {
                let ids = ids.clone();
                // The first measure only reports: the page may have opened on a #chapter link.
                let last = RefCell::new(None::<Option<usize>>);
                let measure = move || {
                    let now = measure(&ids);
                    let previous = last.borrow_mut().replace(now.active);
                    if previous.is_some_and(|previous| previous != now.active) {
                        browser::set_hash(now.active.map(|i| ids[i].as_str()));
                    }
                    setter.set(now);
                };
                measure();
                let on_change = browser::once_a_frame(measure);
                // gloo's listeners are passive by default: scrolling never waits for us.
                let window = gloo::utils::window();
                [
                    EventListener::new(&window, "scroll", on_change.clone()),
                    EventListener::new(&window, "resize", on_change),
                ]
            };
            move || drop(listeners)
        });
    }
    *reading
}

fn measure(ids: &[String]) -> Reading {
    let document = gloo::utils::document();
    let tops: Vec<f64> = ids
        .iter()
        .filter_map(|id| document.get_element_by_id(id))
        .map(|section| section.get_bounding_client_rect().top())
        .collect();
    let viewport = browser::viewport_height();
    let scroll_y = gloo::utils::window().scroll_y().unwrap_or(0.0);
    let height = document.document_element().map_or(0.0, |root| f64::from(root.scroll_height()));
    Reading {
        active: active_chapter(&tops, viewport * READING_LINE),
        progress: (progress(scroll_y, height, viewport) * 1000.0).round() / 1000.0,
    }
}
