//! The switch to the story's other editions, at the top of the page. Each edition is a page of its
//! own, so the switch is a plain link that works without the app; once the app runs, it takes the
//! reader's chapter (the address's `#slug`) along, so the other edition opens at the same place.

use yew::prelude::*;

use super::use_story;
use crate::stories;
use crate::ui::labels;

/// Links to every other edition of the story, each named in its own language.
#[component]
pub fn LanguageSwitch() -> Html {
    let story = use_story();
    let others: Vec<_> =
        stories::editions(story.meta.id.as_str()).filter(|edition| edition.story != story.meta.id.as_str()).collect();
    if others.is_empty() {
        return Html::default();
    }
    // Read at the moment of the click: the address follows the chapter being read.
    let onclick = Callback::from(|event: MouseEvent| {
        let hash = gloo::utils::window().location().hash().unwrap_or_default();
        if let Some(link) =
            event.current_target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
        {
            if let Some(href) = link.get_attribute("href") {
                let page = href.split('#').next().unwrap_or_default().to_owned();
                let _ = link.set_attribute("href", &format!("{page}{hash}"));
            }
        }
    });
    html! {
        <p class="editions">
            { for others.into_iter().map(|edition| html! {
                <a
                    href={edition.href()}
                    hreflang={edition.lang.tag()}
                    lang={edition.lang.tag()}
                    onclick={onclick.clone()}
                >{ labels(edition.lang).language_name }</a>
            }) }
        </p>
    }
}
