//! The build's last step, run by Trunk as a `post_build` hook with `TRUNK_STAGING_DIR` set (or given
//! the folder as its one argument). For each story page (an HTML page with a `#story` element) it
//! writes a page for every edition of its story (`index.html`, `en.html`), each with its own share
//! image and its figures as CSV and JSON, and a page for every view of each edition that another
//! site can frame (`embed/<id>.html`, `en/embed/<id>.html`; see `story::view`). It renders the story
//! into each, so a reader sees it before (and without) the WebAssembly, with the head's script
//! and the page's stylesheet inline (`story::head`), and writes the Content-Security-Policy that
//! allows exactly those to `content-security-policy.txt`. Then it writes `.br` and `.gz` beside
//! every text asset and the Wasm, in every folder, so a static host or CDN can serve them as they
//! are, and the headers to serve them with, for nginx and for a CDN (`story::deploy`). With
//! `SITE_URL` set (the public address of the folder, ending in `/`), the share tags carry absolute
//! addresses, as some sites that show previews require, every page has an oEmbed response, and each
//! edition's page links every edition for search engines (hreflang, which must be absolute).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::rc::Rc;

use story::data::{self, Format};
use story::view::View;
use story::{bake, deploy, embed, head, not_found, page, share, stories, typeset};

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1).or_else(|| std::env::var("TRUNK_STAGING_DIR").ok()) else {
        eprintln!("usage: bake DIR (or set TRUNK_STAGING_DIR)");
        return ExitCode::FAILURE;
    };
    let dir = PathBuf::from(dir);
    let baked = prerender_all(&dir).and_then(|(pages, folders)| {
        write_heights(&dir, &folders)?;
        strip_scripts(&dir)?;
        let sizes = compress_all(&dir)?;
        write_host_files(&dir, &folders)?;
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

/// The files in `dir`, sorted; with `deep`, in its folders too.
fn files_in(dir: &Path, deep: bool) -> Result<Vec<PathBuf>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut files = Vec::new();
    for path in entries.filter_map(|entry| entry.ok().map(|e| e.path())) {
        if path.is_dir() && deep {
            files.extend(files_in(&path, deep)?);
        } else if path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> Result<(), String> {
    let path = dir.join(name);
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    }
    std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}

/// Writes every page of every story; returns how many, and the stories published each in a folder
/// of its own ([`in_own_folders`]).
fn prerender_all(dir: &Path) -> Result<(usize, Vec<&'static str>), String> {
    let fonts = share::Fonts::load()?;
    let site_url = std::env::var("SITE_URL").ok().filter(|url| !url.is_empty());
    if site_url.is_none() {
        eprintln!(
            "bake: SITE_URL is not set: no oEmbed responses, discovery links or links between the editions \
             for search engines (they need the site's public address), and the share tags are relative"
        );
    }
    let mut site = Site {
        dir,
        site_url: site_url.as_deref(),
        fonts: &fonts,
        scripts: Default::default(),
        styles: Default::default(),
    };
    let mut count = 0;
    let mut published = Vec::new();
    let mut first = None;
    for path in files_in(dir, false)?.into_iter().filter(|path| path.extension().is_some_and(|ext| ext == "html")) {
        let template = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        if !page::is_story_page(&template) {
            continue;
        }
        // The page names a story; it and each of its translations get a page of their own, and so
        // does each view of each.
        let named = stories::story_or_first(page::story_id(&template)).meta.id.as_str().to_owned();
        let icon = icon(dir, &template)?;
        count += site.publish(&template, &icon, &named, "").map_err(|e| format!("{}: {e}", path.display()))?;
        published.push(named);
        first.get_or_insert((template, icon));
    }
    // Every other story the build holds is published in a folder of its own, `<id>/`, laid out as
    // the first story page's folder is, and reaching the site's shared files (the engine among
    // them) one folder up: a reader who has read one story has the engine for the next.
    let folders = in_own_folders(&published);
    if let Some((template, icon)) = first {
        for &story in &folders {
            let template = page::in_folder(&template);
            count += site.publish(&template, &icon, story, &format!("{story}/"))?;
        }
    }
    let (scripts, styles): (Vec<String>, Vec<String>) =
        (site.scripts.into_iter().collect(), site.styles.into_iter().collect());
    let policy = head::content_security_policy(&scripts, &styles);
    write(dir, "content-security-policy.txt", format!("{policy}\n").as_bytes())?;
    Ok((count, folders))
}

/// The stories published each in a folder of its own (`<id>/`): every original story the build
/// holds but those of `at_root`, published in the site's folder.
fn in_own_folders(at_root: &[String]) -> Vec<&'static str> {
    stories::EDITIONS
        .iter()
        .filter(|edition| edition.story == edition.original && !at_root.iter().any(|id| id == edition.story))
        .map(|edition| edition.story)
        .collect()
}

/// The icon the page `template` of the site's folder names, as a `data:` address to write into
/// every page (page::fill): one request fewer before a page is whole.
fn icon(dir: &Path, template: &str) -> Result<String, String> {
    let Some(href) = page::icon_href(template) else {
        return Ok(String::new());
    };
    let path = dir.join(href);
    let svg = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(page::svg_data_url(&svg))
}

/// The site being written: where, at what public address, and the inline scripts and styles its
/// pages carry so far (their hashes), for the policy.
struct Site<'a> {
    dir: &'a Path,
    site_url: Option<&'a str>,
    fonts: &'a share::Fonts,
    scripts: std::collections::BTreeSet<String>,
    styles: std::collections::BTreeSet<String>,
}

impl Site<'_> {
    /// Writes every edition of the story `id` and every view of each into `folder` (`""`, the
    /// site's own, or `<id>/`), from `template` with `icon`: the pages, share images and data
    /// files. Returns how many pages it wrote.
    fn publish(&mut self, template: &str, icon: &str, id: &str, folder: &str) -> Result<usize, String> {
        let dir = self.dir.join(folder);
        let editions: Vec<_> = stories::editions(id).collect();
        let folder_url = self.site_url.map(|site| format!("{site}{folder}"));
        let address = |href: &str| match &folder_url {
            Some(folder_url) => page::absolute(folder_url, href),
            None => href.to_owned(),
        };
        let mut count = 0;
        // The folder's page for an address that names none offers every edition, in the original's
        // typesetting.
        let mut offers = Vec::new();
        let mut words = None;
        for edition in &editions {
            let story = Rc::new(stories::story_or_first(Some(edition.story)));
            offers.push(not_found::Offer {
                lang: edition.lang,
                title: story.meta.title.clone(),
                href: address(edition.href()),
            });
            words.get_or_insert_with(|| story.typesetting.words.clone());
            let html = page::with_story(template, edition.story).map_err(|e| e.to_string())?;
            let image = share::render(&story, self.fonts);
            let image_name = share::file_name(&image);
            write(&dir, &image_name, &image)?;
            let image_url = address(&image_name);
            for format in [Format::Csv, Format::Json] {
                write(&dir, &data::file_name(&story, format), format.render(&story).as_bytes())?;
            }
            let views = View::all(&story);
            let table: Vec<(String, String)> = views
                .iter()
                .filter(|view| view.is_embed())
                .map(|view| (view.name(), view.page(edition.page)))
                .collect();
            for view in views {
                // The same view in every edition.
                let pages: Vec<(&str, String)> = editions.iter().map(|e| (e.lang.tag(), view.href(e.page))).collect();
                let url = self.site_url.map(|_| address(&view.href(edition.page)));
                let root = view.root(edition.page);
                let body = bake::render(story.clone(), view.clone());
                // Chinese set as clreq asks, in every engine: all of a Chinese page, the Chinese
                // names and title in an English one.
                let body = typeset::typeset(&body, story.meta.lang, &story.typesetting.words);
                let style = head::stylesheet(&view, &story, &format!("{html}{body}"));
                self.styles.insert(head::hash_source(&style));
                let script = head::script(&view);
                self.scripts.insert(head::hash_source(&script));
                let name = view.page(edition.page);
                // The story's own page offers its whole story as an embed; a frame's page, itself.
                let embedded = if view.is_embed() { view.clone() } else { View::Story };
                let oembed_name = name.replace(".html", ".oembed.json");
                let oembed_url = self.site_url.map(|_| address(&oembed_name));
                if let (Some(site), Some(folder_url)) = (self.site_url, &folder_url) {
                    let embed_page = embedded.page(edition.page);
                    let json = embed::oembed(
                        (folder_url, site),
                        &embed_page,
                        &embedded.title(&story),
                        stories::frame_height(edition.story, &embed_page),
                        &image_url,
                        (share::WIDTH, share::HEIGHT),
                    );
                    write(&dir, &oembed_name, json.as_bytes())?;
                }
                let head = page::Head {
                    image: &image_url,
                    url: url.as_deref(),
                    folder_url: folder_url.as_deref(),
                    editions: &pages,
                    view: &view,
                    root: &root,
                    views: if view.is_embed() { &[] } else { &table },
                    icon,
                    script: &script,
                    style: &style,
                    oembed: oembed_url.as_deref(),
                };
                let filled = page::fill(&html, &story, &body, &head).map_err(|e| format!("{folder}{name}: {e}"))?;
                write(&dir, &name, filled.as_bytes())?;
                if let Some(not_found) = deploy::not_found_page(&view, &name) {
                    write(&dir, &not_found, filled.as_bytes())?;
                }
                count += 1;
            }
        }
        let (page, style) = not_found::page(&offers, icon, &words.unwrap_or_default());
        self.styles.insert(head::hash_source(&style));
        write(&dir, deploy::NOT_FOUND, page.as_bytes())?;
        Ok(count)
    }
}

/// What a host reads to serve the site as it is built (src/deploy.rs): `nginx.conf` for the server
/// block in deploy/nginx.conf, `_headers` and `_redirects` for a CDN; with the policy the pages were
/// built for.
/// The stories of `folders` are each published in a folder of that name.
fn write_host_files(dir: &Path, folders: &[&str]) -> Result<(), String> {
    let policy = std::fs::read_to_string(dir.join("content-security-policy.txt"))
        .map_err(|e| format!("content-security-policy.txt: {e}"))?;
    let policy = policy.trim();
    let mut files = Vec::new();
    for path in files_in(dir, true)? {
        let relative = path.strip_prefix(dir).map_err(|e| e.to_string())?.to_string_lossy().replace('\\', "/");
        let sibling = path.extension().is_some_and(|ext| ext == "br" || ext == "gz");
        if !sibling && !deploy::HOST_FILES.contains(&relative.as_str()) {
            files.push(relative);
        }
    }
    write(dir, "nginx.conf", deploy::nginx(policy, folders).as_bytes())?;
    write(dir, "_headers", deploy::cdn_headers(&files, policy).as_bytes())?;
    write(dir, "_redirects", deploy::cdn_redirects(&files, folders).as_bytes())
}

/// The heights of the frames' pages by width (static/embed-heights.json, measured in Chromium by
/// scripts/measure-heights.sh), written into the host page's embed.js by each page's address in
/// the site's folder: it sizes each iframe before its page loads. The stories of `folders` are
/// published each in a folder of its own (`<id>/`, with its translations), every other in the
/// site's.
fn write_heights(dir: &Path, folders: &[&str]) -> Result<(), String> {
    let heights = story::embed::read_heights(include_str!("../../static/embed-heights.json"))?;
    let mut pages = std::collections::BTreeMap::new();
    for (id, own) in heights {
        let original = stories::edition(&id).map_or(id.clone(), |edition| edition.original.to_owned());
        let folder = if folders.contains(&original.as_str()) { format!("{original}/") } else { String::new() };
        pages.extend(own.into_iter().map(|(page, steps)| (format!("{folder}{page}"), steps)));
    }
    let path = dir.join("embed.js");
    let script = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let filled = story::embed::with_heights(&script, &pages)?;
    std::fs::write(&path, filled).map_err(|e| format!("{}: {e}", path.display()))
}

/// The site's script files without the comments written for us (`bake::without_comments`).
fn strip_scripts(dir: &Path) -> Result<(), String> {
    for name in bake::SCRIPT_FILES {
        let path = dir.join(name);
        let script = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        std::fs::write(&path, bake::without_comments(&script)).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

fn compress_all(dir: &Path) -> Result<(usize, usize, usize), String> {
    let mut total = (0, 0, 0);
    for path in files_in(dir, true)?.into_iter().filter(|path| bake::is_compressible(path)) {
        let (raw, gz, br) = bake::precompress(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        total = (total.0 + raw, total.1 + gz, total.2 + br);
    }
    Ok(total)
}
