//! The build's prerender step: renders the story into every HTML page Trunk built, so a reader sees
//! the whole story before (and without) the WebAssembly. Trunk runs it as a `post_build` hook with
//! `TRUNK_STAGING_DIR` set; it also takes the folder as its one argument.

use std::path::PathBuf;
use std::process::ExitCode;
use std::rc::Rc;

use story::components::app::{App, AppProps};
use story::{page, stories};

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1).or_else(|| std::env::var("TRUNK_STAGING_DIR").ok()) else {
        eprintln!("usage: prerender DIR (or set TRUNK_STAGING_DIR)");
        return ExitCode::FAILURE;
    };
    let runtime = tokio::runtime::Builder::new_current_thread().build().expect("a tokio runtime");
    let local = tokio::task::LocalSet::new();
    match local.block_on(&runtime, prerender_all(PathBuf::from(dir))) {
        Ok(count) => {
            eprintln!("prerendered {count} page(s)");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("prerender: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn prerender_all(dir: PathBuf) -> Result<usize, String> {
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.extension().is_none_or(|ext| ext != "html") {
            continue;
        }
        let html = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let story = Rc::new(stories::story_or_first(page::story_id(&html)));
        let body = yew::LocalServerRenderer::<App>::with_props(AppProps { story: story.clone() }).render().await;
        let filled = page::fill(&html, &story, &body).map_err(|e| format!("{}: {e}", path.display()))?;
        std::fs::write(&path, filled).map_err(|e| format!("{}: {e}", path.display()))?;
        count += 1;
    }
    Ok(count)
}
