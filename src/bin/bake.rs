//! The build's last step, run by Trunk as a `post_build` hook with `TRUNK_STAGING_DIR` set (or given
//! the folder as its one argument): draws each story's share image, renders the story into every
//! story page (an HTML page with a `#story` element), so a reader sees the whole story before (and without) the WebAssembly, then writes
//! `.br` and `.gz` beside every text asset and the Wasm, so a static host or CDN can serve them as
//! they are. With `SITE_URL` set (the public address of the folder, ending in `/`), the share tags
//! carry absolute addresses, as some sites that show previews require.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::rc::Rc;

use story::{bake, page, share, stories};

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1).or_else(|| std::env::var("TRUNK_STAGING_DIR").ok()) else {
        eprintln!("usage: bake DIR (or set TRUNK_STAGING_DIR)");
        return ExitCode::FAILURE;
    };
    let dir = PathBuf::from(dir);
    let baked = prerender_all(&dir).and_then(|pages| {
        let sizes = compress_all(&dir)?;
        Ok((pages, sizes))
    });
    match baked {
        Ok((pages, (raw, gz, br))) => {
            eprintln!("bake: prerendered {pages} page(s); compressed {raw} bytes to {gz} (gzip), {br} (brotli)");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("bake: {error}");
            ExitCode::FAILURE
        }
    }
}

fn files_in(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut files: Vec<PathBuf> = entries.filter_map(|entry| entry.ok().map(|e| e.path())).collect();
    files.retain(|path| path.is_file());
    files.sort();
    Ok(files)
}

fn prerender_all(dir: &Path) -> Result<usize, String> {
    let fonts = share::Fonts::load()?;
    let site_url = std::env::var("SITE_URL").ok().filter(|url| !url.is_empty());
    let mut count = 0;
    for path in files_in(dir)?.into_iter().filter(|path| path.extension().is_some_and(|ext| ext == "html")) {
        let html = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        if !page::is_story_page(&html) {
            continue;
        }
        let story = Rc::new(stories::story_or_first(page::story_id(&html)));
        let body = bake::render(story.clone(), true);
        let image = share::render(&story, &fonts);
        let image_name = share::file_name(&image);
        std::fs::write(dir.join(&image_name), &image).map_err(|e| format!("{image_name}: {e}"))?;
        let image_url = format!("{}{image_name}", site_url.as_deref().unwrap_or(""));
        let head = page::Head { image: &image_url, url: site_url.as_deref() };
        let filled = page::fill(&html, &story, &body, &head).map_err(|e| format!("{}: {e}", path.display()))?;
        std::fs::write(&path, filled).map_err(|e| format!("{}: {e}", path.display()))?;
        count += 1;
    }
    Ok(count)
}

fn compress_all(dir: &Path) -> Result<(usize, usize, usize), String> {
    let mut total = (0, 0, 0);
    for path in files_in(dir)?.into_iter().filter(|path| bake::is_compressible(path)) {
        let (raw, gz, br) = bake::precompress(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        total = (total.0 + raw, total.1 + gz, total.2 + br);
    }
    Ok(total)
}
