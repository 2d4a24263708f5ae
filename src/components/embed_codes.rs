//! The "Embed" control for editors of other sites: pick the whole story, a chapter, a chart or a
//! figure, and its colours, and copy the code that embeds it. It needs the address the page is
//! served from, so it appears only once the app runs (at the foot of the page, where its arrival
//! moves nothing), and never inside an embed. Each chapter's "Embed this chapter" button opens it
//! on that chapter.

use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::{use_labels, use_story};
use crate::browser;
use crate::content::model::{Block, Indicator, Slug, Story};
use crate::embed::{snippet, story_address};
use crate::params::{Theme, View};
use crate::state::{Action, AppContext};
use crate::ui;

/// What the copy button last achieved.
#[derive(Clone, Copy, PartialEq)]
enum Copied {
    Not,
    Done,
    Failed,
}

/// A `<details>` with the choice of view, the code for it, and a copy button.
#[component]
pub fn EmbedCodes() -> Html {
    let story = use_story();
    let words = use_labels();
    let app = use_context::<AppContext>();
    let view = use_state(|| View::Story);
    let theme = use_state(|| Theme::Light);
    let copied = use_state(|| Copied::Not);
    let code = use_node_ref();
    let details = use_node_ref();
    let what = use_node_ref();
    {
        // A chapter's button asked for its code: show it, open, and bring the choice into view.
        let (view, copied, story, details, what, app) =
            (view.clone(), copied.clone(), story.clone(), details.clone(), what.clone(), app.clone());
        let offer = app.as_ref().and_then(|state| state.embed_offer);
        use_effect_with(offer, move |&offer| {
            if let (Some(index), Some(app)) = (offer, app.clone()) {
                if let Some(chapter) = story.chapters.get(index) {
                    view.set(View::Chapter(chapter.id.clone()));
                    copied.set(Copied::Not);
                }
                if let Some(details) = details.cast::<web_sys::Element>() {
                    let _ = details.set_attribute("open", "");
                }
                if let Some(select) = what.cast::<HtmlSelectElement>() {
                    let _ = select.focus();
                }
                app.dispatch(Action::EmbedOffered);
            }
        });
    }
    if !app.as_ref().is_some_and(|state| state.live && !state.embedded) {
        return Html::default();
    }
    let location = gloo::utils::window().location();
    let address = story_address(&location.origin().unwrap_or_default(), &location.pathname().unwrap_or_default());
    // Each edition is embedded from its own page, so the frame loads it without a redirect.
    let page = crate::stories::edition(story.meta.id.as_str()).map_or("index.html", |edition| edition.page);
    let text = snippet(&address, page, &view, Some(*theme), &title(&story, &view));

    let onchange = {
        let (view, copied) = (view.clone(), copied.clone());
        Callback::from(move |event: Event| {
            let Some(select) = event.target_dyn_into::<HtmlSelectElement>() else {
                return;
            };
            view.set(choice(&select.value()));
            copied.set(Copied::Not);
        })
    };
    let on_theme = {
        let (theme, copied) = (theme.clone(), copied.clone());
        Callback::from(move |event: Event| {
            let Some(select) = event.target_dyn_into::<HtmlSelectElement>() else {
                return;
            };
            theme.set(Theme::parse(&select.value()).unwrap_or(Theme::Light));
            copied.set(Copied::Not);
        })
    };
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
    let option = |value: String, label: String| {
        let selected = choice(&value) == *view;
        html! { <option {value} {selected}>{ label }</option> }
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
                { option("story".to_owned(), words.whole_story.to_owned()) }
                <optgroup label={words.chapters_group}>
                    { for story.chapters.iter().enumerate().map(|(index, chapter)| option(
                        format!("chapter:{}", chapter.id.as_str()),
                        format!("{:02} {}", index + 1, chapter.title),
                    )) }
                </optgroup>
                <optgroup label={words.charts_group}>
                    { for charts(&story).map(|(id, title)| option(format!("block:{}", id.as_str()), title.to_owned())) }
                </optgroup>
                <optgroup label={words.figures_group}>
                    { for cards(&story).map(|indicator| option(
                        format!("block:{}", indicator.id.as_str()),
                        format!("{} {}", indicator.label, ui::figure(story.meta.lang, indicator)),
                    )) }
                </optgroup>
            </select>
            <label for="embed-theme">{ words.embed_theme }</label>
            <select id="embed-theme" onchange={on_theme}>
                { theme_option(Theme::Light, words.theme_light) }
                { theme_option(Theme::Dark, words.theme_dark) }
                { theme_option(Theme::Auto, words.theme_auto) }
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

/// The view a `<select>` value names: `story`, `chapter:<slug>` or `block:<id>`.
fn choice(value: &str) -> View {
    let slug = |id: &str| Slug::try_from(id.to_owned()).ok();
    match value.split_once(':') {
        Some(("chapter", id)) => slug(id).map_or(View::Story, View::Chapter),
        Some(("block", id)) => slug(id).map_or(View::Story, View::Block),
        _ => View::Story,
    }
}

/// Every chart of the story, in reading order, with its title.
fn charts(story: &Story) -> impl Iterator<Item = (&Slug, &str)> {
    story.blocks().filter_map(|block| match block {
        Block::Chart(chart) => Some((&chart.id, chart.title.as_str())),
        _ => None,
    })
}

/// Every figure shown as a card (the headline's, then the rest in reading order): each is a view
/// of its own, `block=<id>`.
fn cards(story: &Story) -> impl Iterator<Item = &Indicator> {
    let shown = story.blocks().flat_map(|block| match block {
        Block::Indicators(group) => group.ids.as_slice(),
        _ => &[],
    });
    story.meta.headline.iter().chain(shown).filter_map(|id| story.indicator(id))
}

/// The iframe's accessible name: the story's title, with the chapter's, chart's or figure's.
fn title(story: &Story, view: &View) -> String {
    let part = match view {
        View::Chapter(slug) => story.chapters.iter().find(|c| c.id == *slug).map(|c| c.title.as_str()),
        View::Block(slug) => charts(story)
            .find(|(id, _)| *id == slug)
            .map(|(_, title)| title)
            .or_else(|| story.indicator(slug).map(|indicator| indicator.label.as_str())),
        View::Story | View::Unknown => None,
    };
    part.map_or_else(|| story.meta.title.clone(), |part| ui::part_title(story, part))
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
