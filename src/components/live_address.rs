//! The page's own address, written at the foot of the story for a reader on paper, who needs it to
//! come back. Only the running app knows where the page is served from, so it is an island that
//! prerenders nothing.

use yew::prelude::*;

use crate::browser;
use crate::content::model::Lang;
use crate::state::use_app;
use crate::ui::labels;

/// The line's language.
#[derive(Properties, PartialEq)]
pub struct LiveAddressProps {
    /// The story's language.
    pub lang: Lang,
}

/// "本页地址：…", shown only in print (the stylesheet), once the app is live.
#[component]
pub fn LiveAddress(props: &LiveAddressProps) -> Html {
    let words = labels(props.lang);
    if !use_app().live {
        return Html::default();
    }
    html! { <p class="print-only">{ words.this_page }{ words.colon }{ browser::address(None) }</p> }
}
