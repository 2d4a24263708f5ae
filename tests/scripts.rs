//! The page's own scripts (`static/*.js`) must parse in the browsers the story's readers have,
//! older Android WebViews and in-app browsers among them: one token a browser does not know makes
//! it refuse the whole file, and with it the embed's height and the engine, not one feature. They
//! keep to what every browser with module scripts parses (ES2017): no `??` or `?.` (ES2020), no
//! logical assignment (ES2021).

use std::path::Path;

#[test]
fn the_pages_scripts_use_no_syntax_an_older_webview_cannot_parse() {
    for name in ["boot.js", "head.js", "embed.js"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("static").join(name);
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for (number, line) in text.lines().enumerate() {
            // A comment may say anything.
            let code = line.split("//").next().unwrap_or_default();
            for token in ["??", "?.", "||=", "&&="] {
                assert!(!code.contains(token), "static/{name}:{}: {token} in {line:?}", number + 1);
            }
        }
    }
}
