//! The chapter navigator: always shows where the reader is, how far they have read, and takes
//! them to any chapter by link, by the previous/next buttons or by the keyboard.

use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};
use yew::prelude::*;

use super::language_switch::LanguageSwitch;
use super::needs_app;
use crate::browser;
use crate::hooks::use_reading;
use crate::islands::Nav;
use crate::scroll::{key_step, step_target, Step};
use crate::state::use_app;
use crate::ui::labels;

/// What the navigator lists.
#[derive(Properties, PartialEq)]
pub struct ChapterNavProps {
    /// The chapters and the other editions.
    pub nav: Nav,
}

/// A sticky bar of chapter links between previous and next buttons, the switch to the other
/// edition, and a reading-progress line. The links work without the app; the buttons and the keys
/// → ← j k Home End once it is live.
///
/// Where the four labels cannot all fit on one line (below 42rem, every phone), the links give way
/// to a menu: a native disclosure whose summary names the current chapter and which lists every
/// chapter with its full label. It opens without the app too; choosing a chapter or Escape closes it.
#[component]
pub fn ChapterNav(props: &ChapterNavProps) -> Html {
    let nav = &props.nav;
    let words = labels(nav.lang);
    let app = use_app();
    let live = app.live;
    let motion = app.moves().unwrap_or(false);
    // Tracking starts at hydration, before the app is marked live, so a key pressed as the page
    // comes alive is not lost. (Only the story's own page has a navigator: in another site's frame
    // the address and the keyboard belong to the host page.)
    let ids = use_memo(nav.clone(), |nav| nav.chapters.iter().map(|c| c.id.as_str().to_owned()).collect::<Vec<_>>());
    let reading = use_reading(ids.clone());
    // Whole thousandths: an integer attribute, with no float formatting in the module.
    let permille = (reading.progress * 1000.0).round() as u32;
    let go = {
        let ids = ids.clone();
        move |step: Step| step_target(reading.active, ids.len(), step).map(|target| (target, ids.clone()))
    };
    {
        let go = go.clone();
        use_effect_with((reading.active, motion), move |_| {
            // Not passive: Home and End must not also scroll the page to its ends.
            let options = EventListenerOptions::enable_prevent_default();
            let document = gloo::utils::document();
            let listener = EventListener::new_with_options(&document, "keydown", options, move |event| {
                let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                if event.default_prevented() || event.ctrl_key() || event.alt_key() || event.meta_key() || typing(event)
                {
                    return;
                }
                if let Some((target, ids)) = key_step(&event.key()).and_then(&go) {
                    event.prevent_default();
                    browser::go_to_chapter(&ids[target], motion);
                }
            });
            move || drop(listener)
        });
    }
    // Always rendered, so nothing moves when the app starts; until then they cannot work, so they
    // are invisible, disabled and hidden from assistive technology.
    let step_button = |step: Step, label: &'static str, glyph: &'static str| {
        let target = go(step).filter(|_| live);
        let onclick = target.clone().map(|(target, ids): (usize, Rc<Vec<String>>)| {
            Callback::from(move |_| browser::go_to_chapter(&ids[target], motion))
        });
        html! {
            <button
                type="button"
                class={classes!("chapter-nav__step", needs_app(live))}
                aria-label={label}
                aria-hidden={(!live).then_some("true")}
                disabled={target.is_none()}
                {onclick}
            >
                { glyph }
            </button>
        }
    };
    let links = |class: &'static str, onclick: Option<Callback<MouseEvent>>| {
        html! {
            { for nav.chapters.iter().enumerate().map(|(index, chapter)| html! {
                <li>
                    <a
                        {class}
                        href={format!("#{}", chapter.id.as_str())}
                        aria-current={(reading.active == Some(index)).then_some("true")}
                        onclick={onclick.clone()}
                    >
                        <span class="chapter-nav__number" aria-hidden="true">{ format!("{:02}", index + 1) }</span>
                        { &chapter.nav }
                    </a>
                </li>
            }) }
        }
    };
    let menu = use_node_ref();
    // Choosing a chapter closes the menu, then goes there as the link would (a history entry, the
    // browser's own jump). Left to the link itself, the jump came while the focused link's menu was
    // closing, and landed a menu's height off.
    let choose = {
        let menu = menu.clone();
        Callback::from(move |event: MouseEvent| {
            // Yew delegates events to its root: the link is the target's closest `a`.
            let target = event.target().and_then(|t| t.dyn_into::<Element>().ok());
            let Some(link) = target.and_then(|t| t.closest("a").ok().flatten()) else {
                return;
            };
            let Some(hash) = link.get_attribute("href") else {
                return;
            };
            event.prevent_default();
            close(&menu);
            let _ = gloo::utils::window().location().set_hash(&hash);
        })
    };
    let menu_keys = {
        let menu = menu.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" && menu.cast::<Element>().is_some_and(|m| m.has_attribute("open")) {
                event.prevent_default();
                close(&menu);
                if let Some(summary) = menu.cast::<Element>().and_then(|m| m.query_selector("summary").ok().flatten()) {
                    let _ = summary.unchecked_into::<HtmlElement>().focus();
                }
            }
        })
    };
    let current = reading.active.and_then(|index| nav.chapters.get(index).map(|chapter| (index, chapter)));
    html! {
        <nav class={classes!("chapter-nav", live.then_some("chapter-nav--live"))} aria-label={words.chapters}>
            <div class="chapter-nav__bar">
                { step_button(Step::Previous, words.previous_chapter, "‹") }
                <ol class="chapter-nav__list">
                    { links("chapter-nav__link", None) }
                </ol>
                <details class="chapter-nav__menu" ref={menu} onkeydown={menu_keys}>
                    <summary class="chapter-nav__current">
                        if let Some((index, chapter)) = current {
                            <span class="visually-hidden">{ words.chapters }{ words.colon }</span>
                            <span class="chapter-nav__number" aria-hidden="true">{ format!("{:02}", index + 1) }</span>
                            <span class="chapter-nav__label">{ &chapter.nav }</span>
                        } else {
                            <span class="chapter-nav__label">{ words.chapters }</span>
                        }
                    </summary>
                    <ol class="chapter-nav__menu-list">
                        { links("chapter-nav__link chapter-nav__link--menu", Some(choose)) }
                    </ol>
                </details>
                { step_button(Step::Next, words.next_chapter, "›") }
                <LanguageSwitch editions={nav.editions.clone()} chapters={nav.chapters.iter().map(|c| c.id.clone()).collect::<Vec<_>>()} />
            </div>
            <progress class="chapter-nav__progress" max="1000" value={permille.to_string()} aria-hidden="true" />
        </nav>
    }
}

/// Closes the chapter menu.
fn close(menu: &NodeRef) {
    if let Some(menu) = menu.cast::<Element>() {
        let _ = menu.remove_attribute("open");
    }
}

/// Whether the key press is typing into a field, which the navigator must leave alone.
fn typing(event: &KeyboardEvent) -> bool {
    let Some(target) = event.target().and_then(|t| t.dyn_into::<HtmlElement>().ok()) else {
        return false;
    };
    matches!(target.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || target.is_content_editable()
}
