//! The switch to the story's other editions, in the sticky navigator, so it is at hand at every
//! point of the story. Each edition is a page of its own, so the switch is a plain link that works
//! without the app; once the app runs, it takes the reader's chapter (the address's `#slug`) along,
//! so the other edition opens at the same place.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::content::model::Slug;
use crate::islands::EditionLink;
use crate::params;
use crate::ui::labels;

/// The other editions, and the chapters whose anchors may go along.
#[derive(Properties, PartialEq)]
pub struct LanguageSwitchProps {
    /// Every other edition.
    pub editions: Vec<EditionLink>,
    /// The story's chapters.
    pub chapters: Vec<Slug>,
}

/// Links to every other edition of the story, each named in its own language.
#[component]
pub fn LanguageSwitch(props: &LanguageSwitchProps) -> Html {
    if props.editions.is_empty() {
        return Html::default();
    }
    // Read at the moment of the click: the address follows the chapter being read.
    let chapters = props.chapters.clone();
    let onclick = Callback::from(move |event: MouseEvent| {
        // Yew delegates events from the root, so the link is found from the target.
        let link = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|element| element.closest("a").ok().flatten());
        // Only a fragment that names one of the story's chapters goes along.
        let hash = gloo::utils::window().location().hash().unwrap_or_default();
        let hash = params::chapter_in_hash(&hash)
            .filter(|slug| chapters.contains(slug))
            .map(|slug| format!("#{}", slug.as_str()))
            .unwrap_or_default();
        if let Some(link) = link {
            let page = link.get_attribute("href").unwrap_or_default();
            let page = page.split('#').next().unwrap_or_default();
            let _ = link.set_attribute("href", &format!("{page}{hash}"));
        }
    });
    html! {
        <>
            { for props.editions.iter().map(|edition| {
                let words = labels(edition.lang);
                html! {
                    <a
                        class="editions"
                        href={edition.href.clone()}
                        hreflang={edition.lang.tag()}
                        lang={edition.lang.tag()}
                        title={words.language_name}
                        onclick={onclick.clone()}
                    >{ words.language_short }</a>
                }
            }) }
        </>
    }
}
