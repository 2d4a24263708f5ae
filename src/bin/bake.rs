//! The build's last step, run by Trunk as a `post_build` hook with `TRUNK_STAGING_DIR` set (or given
//! the folder as its one argument). For each story page (an HTML page with a `#story` element) it
//! writes a page for every edition of its story (`index.html`, `en.html`), each with its own share
//! image and its figures as CSV and JSON, and renders the story into it, so a reader sees the whole
//! story before (and without) the WebAssembly. Then it writes `.br` and `.gz` beside every text
//! asset and the Wasm, so a static host or CDN can serve them as they are. With `SITE_URL` set (the
//! public address of the folder, ending in `/`), the share tags carry absolute addresses, as some
//! sites that show previews require.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::rc::Rc;

use story::data::{self, Format};
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
        let template = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        if !page::is_story_page(&template) {
            continue;
        }
        // The page names a story; it and each of its translations get a page of their own.
        let named = stories::story_or_first(page::story_id(&template));
        let editions: Vec<_> = stories::editions(named.meta.id.as_str()).collect();
        let address = |href: &str| match &site_url {
            Some(site) => format!("{site}{}", href.trim_start_matches("./")),
            None => href.to_owned(),
        };
        let alternates: Vec<(&str, String)> = editions.iter().map(|e| (e.lang.tag(), address(e.href()))).collect();
        for edition in &editions {
            let story = Rc::new(stories::story_or_first(Some(edition.story)));
            let html = page::with_story(&template, edition.story).map_err(|e| format!("{}: {e}", path.display()))?;
            let body = bake::render(story.clone(), true);
            let image = share::render(&story, &fonts);
            let image_name = share::file_name(&image);
            std::fs::write(dir.join(&image_name), &image).map_err(|e| format!("{image_name}: {e}"))?;
            let image_url = address(&image_name);
            let url = site_url.as_ref().map(|_| address(edition.href()));
            let head = page::Head { image: &image_url, url: url.as_deref(), alternates: &alternates };
            for format in [Format::Csv, Format::Json] {
                let name = data::file_name(&story, format);
                std::fs::write(dir.join(&name), format.render(&story)).map_err(|e| format!("{name}: {e}"))?;
            }
            let out = dir.join(edition.page);
            let filled = page::fill(&html, &story, &body, &head).map_err(|e| format!("{}: {e}", out.display()))?;
            std::fs::write(&out, filled).map_err(|e| format!("{}: {e}", out.display()))?;
            count += 1;
        }
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
