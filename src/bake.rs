//! Baking the built site: what `src/bin/bake.rs` does to Trunk's output after every build.
//! Rendering and precompressing live here so they are tested natively; the binary only walks the
//! folder.

use std::io::Write;
use std::path::Path;
use std::rc::Rc;

use crate::components::app::{App, AppProps};
use crate::content::model::Story;
use crate::view::View;

/// The story's `view` rendered to HTML by the app's own components, as the build prerenders it:
/// finished HTML, with each island's own HTML (and the markers the browser needs to take it over)
/// in its root.
pub fn render(story: Rc<Story>, view: View) -> String {
    crate::islands::render_islands(|| {
        let runtime = tokio::runtime::Builder::new_current_thread().build().expect("a tokio runtime");
        let renderer = yew::LocalServerRenderer::<App>::with_props(AppProps { story, view }).hydratable(false);
        tokio::task::LocalSet::new().block_on(&runtime, renderer.render())
    })
}

/// File types worth compressing: text, and the WebAssembly module. Images are compressed already.
const COMPRESSIBLE: &[&str] = &["html", "js", "css", "svg", "wasm", "json", "txt", "csv", "xml"];

/// Whether a file at `path` should get `.br` and `.gz` siblings.
pub fn is_compressible(path: &Path) -> bool {
    path.extension().and_then(|ext| ext.to_str()).is_some_and(|ext| COMPRESSIBLE.contains(&ext))
}

/// The site's script files as they are sent (`static/boot.js`, the page's; `static/embed.js`, the
/// host page's): their comments are for us, not for readers on a slow network to download.
pub const SCRIPT_FILES: [&str; 2] = ["boot.js", "embed.js"];

/// `js` without its comment lines, blank lines and indentation. Every other line stays whole and on
/// a line of its own, so no statement changes how it ends.
pub fn without_comments(js: &str) -> String {
    js.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with("//"))
        .map(|line| format!("{line}\n"))
        .collect()
}

/// `bytes` compressed with Brotli at its highest quality (a one-off cost at build time).
pub fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        writer.write_all(bytes).expect("writing to memory cannot fail");
    }
    out
}

/// `bytes` gzipped at the best compression, for clients without Brotli.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).expect("writing to memory cannot fail");
    encoder.finish().expect("writing to memory cannot fail")
}

/// Writes `path.br` and `path.gz` beside `path`. Returns the sizes: raw, gzip, brotli.
pub fn precompress(path: &Path) -> std::io::Result<(usize, usize, usize)> {
    let raw = std::fs::read(path)?;
    let (gz, br) = (gzip(&raw), brotli(&raw));
    let sibling = |ext: &str| {
        let mut name = path.as_os_str().to_owned();
        name.push(ext);
        name
    };
    std::fs::write(sibling(".gz"), &gz)?;
    std::fs::write(sibling(".br"), &br)?;
    Ok((raw.len(), gz.len(), br.len()))
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    #[test]
    fn a_script_file_loses_its_comments_and_keeps_every_line_of_code() {
        let js = "// Why.\nconst a = 1; // a note stays: it may be inside a string\n\n  if (a) {\n    // More.\n    go('//x');\n  }\n";
        assert_eq!(
            without_comments(js),
            "const a = 1; // a note stays: it may be inside a string\nif (a) {\ngo('//x');\n}\n"
        );
        for name in SCRIPT_FILES {
            let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("static").join(name);
            let source = std::fs::read_to_string(path).unwrap();
            let code: Vec<&str> =
                source.lines().map(str::trim).filter(|line| !line.is_empty() && !line.starts_with("//")).collect();
            let sent = without_comments(&source);
            assert_eq!(sent.lines().collect::<Vec<_>>(), code, "{name}");
            // Both are more comment than code.
            assert!(sent.len() * 10 < source.len() * 7, "{name}: {} of {} bytes", sent.len(), source.len());
        }
    }

    fn sample() -> Vec<u8> {
        "抚顺固定资产投资增速22.3%，域外引资到位额增长92.1%。".repeat(40).into_bytes()
    }

    #[test]
    fn brotli_and_gzip_round_trip_and_shrink_text() {
        let raw = sample();
        let mut unbrotli = Vec::new();
        brotli::Decompressor::new(brotli(&raw).as_slice(), 4096).read_to_end(&mut unbrotli).unwrap();
        assert_eq!(unbrotli, raw);
        let mut ungzip = Vec::new();
        flate2::read::GzDecoder::new(gzip(&raw).as_slice()).read_to_end(&mut ungzip).unwrap();
        assert_eq!(ungzip, raw);
        assert!(brotli(&raw).len() < raw.len() / 5);
    }

    #[test]
    fn text_and_wasm_are_compressed_images_are_not() {
        for name in ["index.html", "app-1.js", "style.css", "app_bg.wasm", "favicon.svg"] {
            assert!(is_compressible(Path::new(name)), "{name}");
        }
        for name in ["share.png", "index.html.br", "index.html.gz", "README"] {
            assert!(!is_compressible(Path::new(name)), "{name}");
        }
    }

    #[test]
    fn precompressed_siblings_are_written_beside_the_file() {
        let dir = std::env::temp_dir().join(format!("bake-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("index.html");
        std::fs::write(&file, sample()).unwrap();
        let (raw, gz, br) = precompress(&file).unwrap();
        assert_eq!(raw, sample().len());
        assert_eq!(std::fs::metadata(dir.join("index.html.gz")).unwrap().len() as usize, gz);
        assert_eq!(std::fs::metadata(dir.join("index.html.br")).unwrap().len() as usize, br);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
