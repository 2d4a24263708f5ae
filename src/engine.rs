//! The engine: what the WebAssembly does in a page. It knows no story. It finds the page's islands
//! (`crate::islands`), hydrates each from the data its root carries, and then starts the page's
//! state: the app is live, and the reader's motion and colour-scheme preferences are known and
//! followed.

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::{Element, MediaQueryList};

use crate::browser;
use crate::islands::{self, Island, IslandRoot, IslandRootProps, TAG};
use crate::state::{dispatch, Action};

/// Hydrates every island of the page, one a task in the page's order, then starts the state. Each
/// island is small, so no task is long, and a tap or a scroll is answered between two of them. An
/// island whose data cannot be read (a page altered on the way) is left as the build rendered it,
/// and said so in the console.
pub fn run() {
    mark("engine:start");
    let document = gloo::utils::document();
    let roots: Vec<Element> = document
        .query_selector_all(TAG)
        .map(|roots| (0..roots.length()).filter_map(|i| roots.item(i)?.dyn_into::<Element>().ok()).collect())
        .unwrap_or_default();
    let islands: Vec<(Element, Island)> = roots
        .into_iter()
        .filter_map(|root| {
            let data = root.get_attribute("data-island").unwrap_or_default();
            let island = js_sys::JSON::parse(&data)
                .map_err(|error| {
                    error.dyn_into::<js_sys::Error>().map_or_else(|_| "not JSON".into(), |e| e.message().into())
                })
                .and_then(|value| serde_wasm_bindgen::from_value::<Island>(value).map_err(|error| error.to_string()));
            match island {
                Ok(island) => Some((root, island)),
                Err(error) => {
                    web_sys::console::error_1(&format!("an island's data could not be read: {error}").into());
                    None
                }
            }
        })
        .collect();
    let root = document.document_element();
    // The state starts once every island has adopted its HTML as the build rendered it (not yet
    // live) and listens to it; once every island has rendered live, the page's root says so
    // (`app-live`), for what cannot read the state: the tests, on any view.
    let live = move || {
        if let Some(root) = root {
            let _ = root.class_list().add_1("app-live");
        }
        mark("engine:live");
    };
    if islands.is_empty() {
        start();
        live();
        return;
    }
    islands::expect(islands.len(), start, live);
    hydrate(islands.into_iter());
}

/// Hydrates the next island, and the rest in the tasks after it. Yew hydrates in the microtasks of
/// the task that asks, so each island's work stays in its own task.
fn hydrate(mut islands: impl Iterator<Item = (Element, Island)> + 'static) {
    let Some((root, island)) = islands.next() else {
        return;
    };
    let renderer = yew::Renderer::<IslandRoot>::with_root_and_props(root, IslandRootProps { island });
    // With `hydration` the island adopts the HTML the build prerendered.
    #[cfg(feature = "hydration")]
    renderer.hydrate();
    #[cfg(not(feature = "hydration"))]
    renderer.render();
    Timeout::new(0, move || hydrate(islands)).forget();
}

/// A mark on the page's performance timeline: the benchmark reads how long the engine took from
/// its start to every island live (`scripts/bench`).
fn mark(name: &str) {
    if let Some(performance) = gloo::utils::window().performance() {
        let _ = performance.mark(name);
    }
}

/// Records that the app is live, with the reader's preferences, and follows them.
fn start() {
    // static/head.js opens the edition ?lang= asks for before the first paint; should it not have
    // run (a host's stale policy refused it, say), the engine does it now, from the same list of
    // editions in the head.
    let root = gloo::utils::document().document_element();
    let lang = root.as_ref().map(|root| root.get_attribute("lang").unwrap_or_default()).unwrap_or_default();
    if let Some(asked) = browser::params().lang.filter(|asked| asked.tag() != lang) {
        let listed = gloo::utils::document().get_element_by_id("story-editions").and_then(|list| list.text_content());
        let page = listed
            .and_then(|list| js_sys::JSON::parse(&list).ok())
            .and_then(|pages| js_sys::Reflect::get(&pages, &asked.tag().into()).ok())
            .and_then(|page| page.as_string());
        if let Some(page) = page {
            browser::open_edition(&page);
        }
    }
    let motion_query = browser::reduced_motion_query();
    let motion = !motion_query.as_ref().is_some_and(|query| query.matches());
    let scheme = browser::dark_scheme_query();
    let dark = scheme.as_ref().is_some_and(|scheme| scheme.matches());
    // One action, so each island renders once as the app starts.
    dispatch(Action::Started { motion, dark });
    let follow = |query: Option<MediaQueryList>, action: fn(bool) -> Action| {
        if let Some(query) = query {
            EventListener::new(&query.clone(), "change", move |_| dispatch(action(query.matches()))).forget();
        }
    };
    follow(motion_query, |reduce| Action::Motion(!reduce));
    follow(scheme, Action::Dark);
}
