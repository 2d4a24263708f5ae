//! The few browser facts and moves the app needs, in one place. Called from effects and event
//! handlers only, never while rendering, so prerendering never touches them.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::ShareData;
use web_sys::{Element, HtmlElement, MediaQueryList, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};

use crate::charts::paint::Ink;
use crate::charts::{parse_hex, Palette};
use crate::params::{self, Params};

/// What the page's address asks for (see [`params`]).
pub fn params() -> Params {
    params::parse(&gloo::utils::window().location().search().unwrap_or_default())
}

/// The media query for the reader's reduced-motion setting: `matches()` tells it now, and its
/// `change` event tells when the reader changes it.
pub fn reduced_motion_query() -> Option<MediaQueryList> {
    gloo::utils::window().match_media("(prefers-reduced-motion: reduce)").ok().flatten()
}

/// The media query for the reader's dark colour scheme, in the same way.
pub fn dark_scheme_query() -> Option<MediaQueryList> {
    gloo::utils::window().match_media("(prefers-color-scheme: dark)").ok().flatten()
}

/// A listener for events that come many times a frame (scroll, resize) that runs `then` once in
/// the next animation frame, however many came before it: the page is measured once a frame, as
/// it is painted.
pub fn once_a_frame(then: impl Fn() + 'static) -> impl Fn(&web_sys::Event) + Clone {
    let then = Rc::new(then);
    let pending = Rc::new(RefCell::new(None::<gloo::render::AnimationFrame>));
    move |_| {
        if pending.borrow().is_some() {
            return;
        }
        let (then, done) = (then.clone(), pending.clone());
        *pending.borrow_mut() = Some(gloo::render::request_animation_frame(move |_| {
            done.borrow_mut().take();
            then();
        }));
    }
}

/// Tells `on_size` the size of `element`'s box in CSS pixels, and again whenever it changes, until
/// dropped: as a `ResizeObserver` reports it, or where the browser has none (an older in-app
/// browser), measured now and after each resize of the window, once a frame.
pub fn watch_size(element: &Element, on_size: impl Fn(f64, f64) + 'static) -> SizeWatch {
    let on_size = Rc::new(on_size);
    let report = on_size.clone();
    let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Some(entry) = entries.iter().last() {
            let rect = entry.unchecked_into::<web_sys::ResizeObserverEntry>().content_rect();
            report(rect.width(), rect.height());
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(element);
        return SizeWatch::Observed(observer, on_resize);
    }
    let element = element.clone();
    let measure = move || {
        let rect = element.get_bounding_client_rect();
        on_size(rect.width(), rect.height());
    };
    measure();
    SizeWatch::Measured(gloo::events::EventListener::new(&gloo::utils::window(), "resize", once_a_frame(measure)))
}

/// A size watched by [`watch_size`]; dropping it ends the watch.
pub enum SizeWatch {
    /// By the browser's `ResizeObserver`.
    Observed(web_sys::ResizeObserver, Closure<dyn FnMut(js_sys::Array)>),
    /// By measuring after each resize of the window.
    Measured(gloo::events::EventListener),
}

impl Drop for SizeWatch {
    fn drop(&mut self) {
        if let SizeWatch::Observed(observer, _) = self {
            observer.disconnect();
        }
    }
}

/// The viewport's height in CSS pixels.
pub fn viewport_height() -> f64 {
    gloo::utils::window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0)
}

/// The device pixel ratio, at least 1.
pub fn pixel_ratio() -> f64 {
    gloo::utils::window().device_pixel_ratio().max(1.0)
}

/// Scrolls chapter `id` to the top and moves focus to its heading, as a reader who pressed a key
/// or a button expects: a screen reader follows, and Tab continues from there.
pub fn go_to_chapter(id: &str, motion: bool) {
    let document = gloo::utils::document();
    let Some(section) = document.get_element_by_id(id) else {
        return;
    };
    let options = ScrollIntoViewOptions::new();
    options.set_behavior(if motion { ScrollBehavior::Smooth } else { ScrollBehavior::Instant });
    options.set_block(ScrollLogicalPosition::Start);
    section.scroll_into_view_with_scroll_into_view_options(&options);
    if let Some(heading) =
        document.get_element_by_id(&format!("{id}-title")).and_then(|h| h.dyn_into::<HtmlElement>().ok())
    {
        let focus = web_sys::FocusOptions::new();
        focus.set_prevent_scroll(true);
        let _ = heading.focus_with_options(&focus);
    }
    set_hash(Some(id));
}

/// Shows `#id` in the address bar (or no fragment) without adding a history entry.
pub fn set_hash(id: Option<&str>) {
    let window = gloo::utils::window();
    let location = window.location();
    let wanted = id.map(|id| format!("#{id}")).unwrap_or_default();
    if location.hash().unwrap_or_default() == wanted {
        return;
    }
    let url = match id {
        Some(_) => wanted,
        // Dropping the fragment: keep the path and query as they are.
        None => format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default()),
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// Puts `text` on the clipboard, then calls `done` with whether it worked. Outside a secure
/// context `navigator.clipboard` is missing (calling it would throw): that is a failure too.
pub fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    let navigator = gloo::utils::window().navigator();
    if !has(&navigator, "clipboard") {
        return done(false);
    }
    settle(navigator.clipboard().write_text(text), done);
}

/// Offers `url` to the system's share sheet where the browser has one (phones, mostly), then calls
/// `done` with whether it was shared; `None` when there is no share sheet, so the caller can copy.
pub fn share(title: &str, url: &str, done: impl FnOnce(bool) + 'static) -> Option<()> {
    let navigator = gloo::utils::window().navigator();
    if !has(&navigator, "share") {
        return None;
    }
    let data = ShareData::new();
    data.set_title(title);
    data.set_url(url);
    settle(navigator.share_with_data(&data), done);
    Some(())
}

/// Whether `object` has the property `name`.
fn has(object: &JsValue, name: &str) -> bool {
    Reflect::get(object, &JsValue::from_str(name)).is_ok_and(|value| !value.is_undefined())
}

/// Calls `done` once `promise` settles: `true` when it resolved.
fn settle(promise: Promise, done: impl FnOnce(bool) + 'static) {
    let done = Rc::new(RefCell::new(Some(done)));
    let call = |outcome: bool| -> Closure<dyn FnMut(JsValue)> {
        let done = done.clone();
        Closure::once(move |_: JsValue| {
            if let Some(done) = done.borrow_mut().take() {
                done(outcome);
            }
        })
    };
    let (resolved, rejected) = (call(true), call(false));
    let _ = promise.then2(&resolved, &rejected);
    // The promise settles after this returns, and runs one of the two once: a few bytes a call.
    resolved.forget();
    rejected.forget();
}

/// Replaces the page with the edition's page at `href` (relative to the site's folder, which is a
/// frame's base), keeping the query and the fragment, as `static/head.js` does.
pub fn open_edition(href: &str) {
    let location = gloo::utils::window().location();
    let url = format!("{href}{}{}", location.search().unwrap_or_default(), location.hash().unwrap_or_default());
    let _ = location.replace(&url);
}

/// The address of the folder of the site's shared files (the engine, `boot.js`, `embed.js`): the
/// folder of the page's `boot.js`, which a story published in a folder of its own reaches one
/// folder up.
pub fn shared_folder() -> Option<String> {
    let boot = gloo::utils::document().query_selector("script[data-wasm]").ok().flatten()?;
    let src = js_sys::Reflect::get(&boot, &"src".into()).ok()?.as_string()?;
    Some(src[..=src.rfind('/')?].to_owned())
}

/// The page's share image (its `og:image`), as an absolute address: the page writes it relative
/// to its folder, `folder`, unless the build was given the site's address.
pub fn share_image(folder: &str) -> Option<String> {
    let meta = gloo::utils::document().query_selector("meta[property=\"og:image\"]").ok().flatten()?;
    let image = meta.get_attribute("content").filter(|image| !image.is_empty())?;
    Some(match image.starts_with("https://") || image.starts_with("http://") {
        true => image,
        false => format!("{folder}{}", image.trim_start_matches("./")),
    })
}

/// The page's own address, without its query and fragment, with `#id` when given.
pub fn address(id: Option<&str>) -> String {
    let location = gloo::utils::window().location();
    let page = format!("{}{}", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default());
    match id {
        Some(id) => format!("{page}#{id}"),
        None => page,
    }
}

/// The chart colours, read from the CSS custom properties in force on `element`.
pub fn palette(element: &Element) -> Palette {
    let fallback = Palette::default();
    let Ok(Some(style)) = gloo::utils::window().get_computed_style(element) else {
        return fallback;
    };
    let colour = |ink: Ink| {
        style.get_property_value(ink.property()).ok().and_then(|v| parse_hex(&v)).unwrap_or(fallback.colour(ink))
    };
    Palette {
        ink: colour(Ink::Text),
        muted: colour(Ink::Muted),
        accent: colour(Ink::Accent),
        track: colour(Ink::Track),
        quiet: colour(Ink::Quiet),
    }
}
