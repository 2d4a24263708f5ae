//! The browser entry: the engine (`story::engine`) takes over the islands of the prerendered page.

use gloo::timers::callback::Timeout;

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
    Timeout::new(0, story::engine::run).forget();
}
