//! The few browser facts and moves the app needs, in one place. Called from effects and event
//! handlers only, never while rendering, so prerendering never touches them.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, MediaQueryList, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};

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

/// The chart colours, read from the CSS custom properties in force on `element`.
pub fn palette(element: &Element) -> Palette {
    let fallback = Palette::default();
    let Ok(Some(style)) = gloo::utils::window().get_computed_style(element) else {
        return fallback;
    };
    let colour =
        |name: &str, default| style.get_property_value(name).ok().and_then(|v| parse_hex(&v)).unwrap_or(default);
    Palette {
        ink: colour("--ink", fallback.ink),
        muted: colour("--ink-soft", fallback.muted),
        accent: colour("--accent", fallback.accent),
        track: colour("--track", fallback.track),
        quiet: colour("--mark-quiet", fallback.quiet),
    }
}
