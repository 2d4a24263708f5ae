//! The browser entry: takes over the prerendered story (or the view of it the page was built for)
//! in the page's `#story` element.

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use story::components::app::{App, AppProps};
use story::view::View;

fn main() {
    // A panic stops the app, never the page: the prerendered story stays as it is, the error goes
    // to the console, and the note that interactive features are off appears (static/css/core.css).
    // Through Yew, which would otherwise put its own hook in place when it starts.
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("The interactive features stopped: {info}").into());
        if let Some(root) = gloo::utils::document().document_element() {
            let _ = root.class_list().add_1("app-off");
        }
    }));
    // Hydrate in a task of its own, after the one that instantiated the module: the page stays
    // responsive between the two, and neither is long enough to block a tap on a slow phone.
    Timeout::new(0, start).forget();
}

fn start() {
    let document = gloo::utils::document();
    let root = document.get_element_by_id("story").unwrap_or_else(|| gloo::utils::body().into());
    // The page names its story; a missing or unknown name shows the first story, never nothing.
    let story = story::stories::story_or_first(root.get_attribute("data-story").as_deref());
    // And the view it was built for: the app renders what the build rendered.
    let view = root.get_attribute("data-view").and_then(|name| View::parse(&name)).unwrap_or(View::Page);
    let renderer = yew::Renderer::<App>::with_root_and_props(root, AppProps { story: Rc::new(story), view });
    // With `hydration` the app adopts the HTML the build prerendered instead of drawing it again.
    #[cfg(feature = "hydration")]
    renderer.hydrate();
    #[cfg(not(feature = "hydration"))]
    renderer.render();
}
