//! Checks every story in `stories/` and compiles it into the app as Rust data.
//!
//! A broken story file stops the build here, with the file, the path to the field and the rule it
//! breaks, so no broken story can reach a reader and no parser needs to ship to the browser.

// The build script compiles the story model and loader from `src/`; the parts it does not use
// here (rendering helpers) are used by the library, so unused code in these modules is expected.
#[allow(dead_code)]
#[path = "src/format.rs"]
mod format;

#[allow(dead_code)]
#[path = "src/content/mod.rs"]
mod content;

// How the edition writes a figure (a floor's words, a rank), which the story's rules check.
#[allow(dead_code)]
#[path = "src/ui.rs"]
mod ui;

use std::path::{Path, PathBuf};

fn main() {
    println!("cargo::rerun-if-changed=src/content");
    println!("cargo::rerun-if-changed=src/format.rs");
    println!("cargo::rerun-if-changed=src/ui.rs");
    // More folders of stories beside `stories/`, separated by `:`: how a test builds with a second
    // story present (scripts/engine-check.sh), without publishing it.
    println!("cargo::rerun-if-env-changed=STORY_DIRS");
    let extra = std::env::var("STORY_DIRS").unwrap_or_default();
    let folders = std::iter::once("stories").chain(extra.split(':').filter(|folder| !folder.is_empty()));

    let mut files: Vec<PathBuf> = Vec::new();
    for folder in folders {
        println!("cargo::rerun-if-changed={folder}");
        let entries = std::fs::read_dir(folder).unwrap_or_else(|e| panic!("{folder}/: cannot list the stories: {e}"));
        files.extend(
            entries
                .map(|entry| entry.expect("cannot list a folder of stories").path())
                .filter(|path| path.extension().is_some_and(|ext| ext == "toml")),
        );
    }
    files.sort();
    if files.is_empty() {
        eprintln!("stories/: no story file (*.toml); the app has nothing to tell");
        std::process::exit(1);
    }

    let mut failed = false;
    let stories = content::load::load_all(&files).unwrap_or_else(|errors| {
        for error in errors {
            eprintln!("{error}");
        }
        failed = true;
        Vec::new()
    });
    if let Some(id) = duplicate_id(&stories) {
        eprintln!("stories/: story.id {id:?} is used by two story files; each story needs its own id");
        failed = true;
    }
    if failed {
        eprintln!("The story files above are broken; fix them and build again.");
        std::process::exit(1);
    }

    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("stories.rs");
    std::fs::write(out, generate(&stories)).expect("cannot write the generated stories");
}

fn duplicate_id(stories: &[content::model::Story]) -> Option<&str> {
    let mut seen = std::collections::HashSet::new();
    stories.iter().map(|story| story.meta.id.as_str()).find(|id| !seen.insert(*id))
}

fn generate(stories: &[content::model::Story]) -> String {
    let ids: Vec<String> = stories.iter().map(|s| format!("{:?}", s.meta.id.as_str())).collect();
    let arms: String =
        stories.iter().map(|s| format!("{:?} => Some({}),\n", s.meta.id.as_str(), content::emit::to_rust(s))).collect();
    // A story is published as index.html; a translation of it beside it, as <language>.html.
    let editions: String = stories
        .iter()
        .map(|s| {
            let original = s.meta.original.as_ref().unwrap_or(&s.meta.id).as_str();
            let page =
                if s.meta.original.is_some() { format!("{}.html", s.meta.lang.tag()) } else { "index.html".into() };
            format!(
                "    Edition {{ story: {:?}, original: {original:?}, lang: Lang::{:?}, page: {page:?} }},\n",
                s.meta.id.as_str(),
                s.meta.lang
            )
        })
        .collect();
    format!(
        "/// The ids of the stories: the originals in file-name order, then the translations.\n\
         pub const IDS: &[&str] = &[{}];\n\n\
         /// Every story's edition: its language and the page it is published on.\n\
         pub const EDITIONS: &[Edition] = &[\n{editions}];\n\n\
         /// Builds the story called `id`, if there is one.\n\
         pub fn build(id: &str) -> Option<Story> {{\n    match id {{\n{arms}        _ => None,\n    }}\n}}\n",
        ids.join(", ")
    )
}
