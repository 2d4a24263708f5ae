//! The two pieces only an embed shows: a credit line that leads to the full story, and the notice
//! for an address that names no part of the story. Both are in every prerendered page and hidden
//! by the stylesheet unless `static/view.js` marks the page as an embed, so an embed reads right
//! before the app starts, and the app's first render matches the HTML it takes over.
//!
//! Plain functions, like the blocks: they hold no state.

use yew::prelude::*;

use super::source_credit::source_line;
use crate::content::model::Story;
use crate::stories;
use crate::ui::labels;

/// A link to the full story in a new tab, with the source and its date: in an embed the page's
/// own masthead and footer may be out of view, but the credit never is.
pub fn embed_credit(story: &Story) -> Html {
    html! {
        <p class="embed-credit">
            { full_story_link(story) }{ " · " }{ source_line(story) }
        </p>
    }
}

/// Said instead of a blank frame when the address asks for a chapter or block the story lacks.
pub fn view_missing(story: &Story) -> Html {
    let words = labels(story.meta.lang);
    html! {
        <div class="view-missing">
            <p>{ words.view_missing }</p>
            <p>{ full_story_link(story) }</p>
        </div>
    }
}

/// The full story is this edition's page without the query; from an iframe it opens in a new tab.
fn full_story_link(story: &Story) -> Html {
    let words = labels(story.meta.lang);
    let href = stories::edition(story.meta.id.as_str()).map_or("./", |edition| edition.href());
    html! {
        <a {href} target="_blank" rel="noopener">
            { words.full_story }{ " ↗" }<span class="visually-hidden">{ words.new_tab }</span>
        </a>
    }
}
