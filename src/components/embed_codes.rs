//! The "Embed" control for editors of other sites: pick the whole story, a chapter, a chart or a
//! figure, and its colours, and copy the code that embeds it. It needs the address the page is
//! served from, so it appears only once the app runs (at the foot of the page, where its arrival
//! moves nothing), and never inside an embed. Each chapter's "Embed this chapter" button opens it
//! on that chapter.

use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::browser;
use crate::embed::{amp_snippet, snippet, story_address};
use crate::islands::{EmbedChoice, Embeds};
use crate::params::Theme;
use crate::state::{dispatch, use_app, Action};
use crate::ui::labels;
use crate::view::View;

/// The kind of page the code is for.
#[derive(Clone, Copy, PartialEq)]
enum Page {
    /// Any web page: an iframe and embed.js.
    Html,
    /// An AMP page: an amp-iframe.
    Amp,
}

/// What the copy button last achieved.
#[derive(Clone, Copy, PartialEq)]
enum Copied {
    Not,
    Done,
    Failed,
}

/// What the control offers.
#[derive(Properties, PartialEq)]
pub struct EmbedCodesProps {
    /// Every view, by group, with its label and its iframe's title.
    pub embeds: Embeds,
}

/// A `<details>` with the choice of view, the code for it, and a copy button.
#[component]
pub fn EmbedCodes(props: &EmbedCodesProps) -> Html {
    let embeds = &props.embeds;
    let words = labels(embeds.lang);
    let app = use_app();
    let view = use_state(|| View::Story);
    let theme = use_state(|| Theme::Light);
    let kind = use_state(|| Page::Html);
    let copied = use_state(|| Copied::Not);
    let code = use_node_ref();
    let details = use_node_ref();
    let what = use_node_ref();
    {
        // A chapter's button asked for its code: show it, open, and bring the choice into view.
        let (view, copied, details, what) = (view.clone(), copied.clone(), details.clone(), what.clone());
        let chapters = embeds.chapters.clone();
        let offer = app.embed_offer;
        use_effect_with(offer, move |&offer| {
            if let Some(index) = offer {
                if let Some(chapter) = chapters.get(index).and_then(|choice| View::parse(&choice.view)) {
                    view.set(chapter);
                    copied.set(Copied::Not);
                }
                if let Some(details) = details.cast::<web_sys::Element>() {
                    let _ = details.set_attribute("open", "");
                }
                if let Some(select) = what.cast::<HtmlSelectElement>() {
                    let _ = select.focus();
                }
                dispatch(Action::EmbedOffered);
            }
        });
    }
    if !app.live {
        return Html::default();
    }
    let location = gloo::utils::window().location();
    let address = story_address(&location.origin().unwrap_or_default(), &location.pathname().unwrap_or_default());
    // Each edition's views are pages of their own, so the frame loads one without a redirect.
    let choices = || std::iter::once(&embeds.story).chain(&embeds.chapters).chain(&embeds.charts).chain(&embeds.cards);
    let chosen = choices().find(|choice| choice.view == view.name());
    let title = chosen.map_or(&embeds.story.title, |choice| &choice.title);
    let height = chosen.and_then(|choice| choice.height);
    let page = view.page(&embeds.page);
    let text = match *kind {
        Page::Html => {
            let shared = browser::shared_folder().unwrap_or_else(|| address.clone());
            snippet((&address, &shared), &page, Some(*theme), title, height)
        }
        Page::Amp => {
            let image = browser::share_image(&address);
            amp_snippet(&address, &page, Some(*theme), title, height, words.show_all, image.as_deref())
        }
    };

    let onchange = chosen_by(&view, &copied, choice);
    let on_theme = chosen_by(&theme, &copied, |value| Theme::parse(value).unwrap_or(Theme::Light));
    let on_kind = chosen_by(&kind, &copied, |value| if value == "amp" { Page::Amp } else { Page::Html });
    let theme_option = |value: Theme, label: &'static str| {
        html! { <option value={value.value()} selected={*theme == value}>{ label }</option> }
    };
    let select_all = Callback::from(|event: FocusEvent| {
        if let Some(area) = event.target_dyn_into::<HtmlTextAreaElement>() {
            area.select();
        }
    });
    let onclick = {
        let (text, copied, code) = (text.clone(), copied.clone(), code.clone());
        Callback::from(move |_| copy(&text, &code, copied.clone()))
    };
    let option = |choice: &EmbedChoice| {
        let selected = choice.view == view.name();
        html! { <option value={choice.view.clone()} {selected}>{ &choice.label }</option> }
    };
    let status = match *copied {
        Copied::Not => "",
        Copied::Done => words.copied,
        Copied::Failed => words.copy_failed,
    };
    html! {
        <aside class="embed-codes" aria-labelledby="embed-summary">
        <details id="embed" ref={details}>
            <summary id="embed-summary">{ words.embed }</summary>
            <p>{ words.embed_help }</p>
            <label for="embed-what">{ words.embed_what }</label>
            <select id="embed-what" ref={what} {onchange}>
                { option(&embeds.story) }
                <optgroup label={words.chapters_group}>{ for embeds.chapters.iter().map(option) }</optgroup>
                <optgroup label={words.charts_group}>{ for embeds.charts.iter().map(option) }</optgroup>
                <optgroup label={words.figures_group}>{ for embeds.cards.iter().map(option) }</optgroup>
            </select>
            <label for="embed-theme">{ words.embed_theme }</label>
            <select id="embed-theme" onchange={on_theme}>
                { theme_option(Theme::Light, words.theme_light) }
                { theme_option(Theme::Dark, words.theme_dark) }
                { theme_option(Theme::Auto, words.theme_auto) }
            </select>
            <label for="embed-format">{ words.embed_format }</label>
            <select id="embed-format" onchange={on_kind}>
                <option value="html" selected={*kind == Page::Html}>{ words.format_html }</option>
                <option value="amp" selected={*kind == Page::Amp}>{ words.format_amp }</option>
            </select>
            <label for="embed-code">{ words.embed_code }</label>
            <textarea id="embed-code" ref={code} readonly=true rows="5" value={text} onfocus={select_all} />
            <p class="embed-codes__actions">
                <button type="button" {onclick}>{ words.copy }</button>
                <span role="status">{ status }</span>
            </p>
            <p><a href="embed-preview.html">{ words.embed_preview }</a></p>
        </details>
        </aside>
    }
}

/// A `<select>`'s change: `state` takes what `read` makes of the value chosen, and the code shown
/// is new, not yet copied.
fn chosen_by<T: 'static>(
    state: &UseStateHandle<T>,
    copied: &UseStateHandle<Copied>,
    read: fn(&str) -> T,
) -> Callback<Event> {
    let (state, copied) = (state.clone(), copied.clone());
    Callback::from(move |event: Event| {
        let Some(select) = event.target_dyn_into::<HtmlSelectElement>() else {
            return;
        };
        state.set(read(&select.value()));
        copied.set(Copied::Not);
    })
}

/// The view a `<select>` value names; the whole story for anything else.
fn choice(value: &str) -> View {
    View::parse(value).filter(View::is_embed).unwrap_or(View::Story)
}

/// Puts `text` on the clipboard; where the browser will not, selects the code for the reader.
fn copy(text: &str, code: &NodeRef, copied: UseStateHandle<Copied>) {
    let code = code.clone();
    browser::copy_text(text, move |worked| {
        if !worked {
            if let Some(area) = code.cast::<HtmlTextAreaElement>() {
                let _ = area.focus();
                area.select();
            }
        }
        copied.set(if worked { Copied::Done } else { Copied::Failed });
    });
}
