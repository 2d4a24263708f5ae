//! What every page carries inline in its head, so that nothing delays its first paint: the script
//! that reads the address (`static/head.js`) and the stylesheet its view needs, put together from
//! the parts in `static/css/`. And the Content-Security-Policy that allows exactly these inline
//! elements, by their hashes, and nothing else inline: the build writes it beside the pages.

use base64::Engine;
use sha2::{Digest, Sha256};

use crate::content::model::Story;
use crate::view::{self, View};

/// A part of the stylesheet. The parts are written in this order on every page (the cascade's
/// order), each page taking the ones its view shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Colours, type, the page's frame, links, the credit line, the notes on an app that cannot
    /// start: every page.
    Core,
    /// What only a frame's page has: its margins, its credit line, the outline of a part, the
    /// notice for a missing part.
    Frame,
    /// The dek and source line under the headline.
    Masthead,
    /// Figure cards and their count-ups.
    Figures,
    /// The skip link, the navigator and its menu, the edition switch, the next-chapter links.
    Nav,
    /// Chapters, pull quotes and notes.
    Chapter,
    /// Charts and their data tables.
    Charts,
    /// Chapter tools, the motion switch and the embed codes.
    Tools,
    /// On paper.
    Print,
}

impl Part {
    /// Every part, in the cascade's order.
    pub const ALL: [Part; 9] = [
        Part::Core,
        Part::Frame,
        Part::Masthead,
        Part::Figures,
        Part::Nav,
        Part::Chapter,
        Part::Charts,
        Part::Tools,
        Part::Print,
    ];

    /// The part's rules as written.
    pub fn source(self) -> &'static str {
        match self {
            Part::Core => include_str!("../static/css/core.css"),
            Part::Frame => include_str!("../static/css/frame.css"),
            Part::Masthead => include_str!("../static/css/masthead.css"),
            Part::Figures => include_str!("../static/css/figures.css"),
            Part::Nav => include_str!("../static/css/nav.css"),
            Part::Chapter => include_str!("../static/css/chapter.css"),
            Part::Charts => include_str!("../static/css/charts.css"),
            Part::Tools => include_str!("../static/css/tools.css"),
            Part::Print => include_str!("../static/css/print.css"),
        }
    }
}

/// The parts of the stylesheet the page of `view` needs.
pub fn parts(view: &View, story: &Story) -> Vec<Part> {
    use Part::*;
    match view {
        View::Page => Part::ALL.into_iter().filter(|part| *part != Frame).collect(),
        View::Story => vec![Core, Frame, Masthead, Figures, Chapter, Charts, Print],
        View::Chapter(_) => vec![Core, Frame, Figures, Chapter, Charts, Print],
        // One chart or card is the frame's whole content: on paper it prints as the screen shows it.
        View::Block(id) => {
            let kind = if view::charts(story).any(|(chart, _)| chart == id) { Charts } else { Figures };
            let chapter = view::chapter_of(story, id).map(|_| Chapter);
            [Some(Core), Some(Frame), chapter, Some(kind)].into_iter().flatten().collect()
        }
        View::Missing => vec![Core, Frame],
    }
}

/// The stylesheet of the page of `view`: its parts in the cascade's order, without comments or
/// needless space.
pub fn stylesheet(view: &View, story: &Story) -> String {
    let wanted = parts(view, story);
    let css: String = Part::ALL.into_iter().filter(|part| wanted.contains(part)).map(Part::source).collect();
    minify_css(&css)
}

/// `css` without comments, with runs of white space made one space, and none around the marks
/// that need none (`{`, `}`, `;`, `,`) or after a `:`. Text in quotes is kept as written. Space
/// before a `:` is kept: in a selector it is a descendant combinator (`.chart__data :is(th, td)`).
pub fn minify_css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for next in chars.by_ref() {
                    if last == '*' && next == '/' {
                        break;
                    }
                    last = next;
                }
                space = true;
            }
            '"' | '\'' => {
                push_space(&mut out, &mut space, c);
                out.push(c);
                for next in chars.by_ref() {
                    out.push(next);
                    if next == c {
                        break;
                    }
                }
            }
            c if c.is_whitespace() => space = true,
            c => {
                push_space(&mut out, &mut space, c);
                out.push(c);
            }
        }
    }
    out
}

/// Writes the pending space before `next`, unless either side is a mark that needs none.
fn push_space(out: &mut String, space: &mut bool, next: char) {
    const TIGHT: [char; 4] = ['{', '}', ';', ','];
    let after = out.ends_with(TIGHT) || out.ends_with(':');
    if std::mem::take(space) && !out.is_empty() && !after && !TIGHT.contains(&next) {
        out.push(' ');
    }
}

/// The head's script for the page of `view`: `static/head.js` without its comment lines and
/// indentation, and on a frame's page without the section marked `// <page>` … `// </page>`, which
/// only the story's own page needs (it sends an older snippet's address on to its view's page).
pub fn script(view: &View) -> String {
    let mut own = true;
    let mut lines = Vec::new();
    for line in include_str!("../static/head.js").lines().map(str::trim) {
        match line {
            "// <page>" => own = *view == View::Page,
            "// </page>" => own = true,
            _ if own && !line.is_empty() && !line.starts_with("//") => lines.push(line),
            _ => {}
        }
    }
    lines.join("\n")
}

/// The source that allows an inline element with exactly this `text` under a
/// Content-Security-Policy: `'sha256-…'`.
pub fn hash_source(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(digest))
}

/// The policy every page of the site is served with: its own files only, the WebAssembly, and the
/// inline scripts and styles whose `hash_source`s are given, nothing else inline, no `eval`, no
/// other origin; any site may frame the pages, embedding being the point.
pub fn content_security_policy(scripts: &[String], styles: &[String]) -> String {
    let list = |sources: &[String]| sources.iter().map(|source| format!(" {source}")).collect::<String>();
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{}; style-src 'self'{}; img-src 'self' data:; \
         object-src 'none'; base-uri 'self'; frame-ancestors *",
        list(scripts),
        list(styles)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stories;

    #[test]
    fn comments_and_needless_space_go_and_quoted_text_stays() {
        let css = "/* a note */\n.a ,\n.b  {\n  content: \" (\"  attr(href) \")\";\n  margin: 0 auto;\n}\n\
                   .c :is(th, td) { x: 1 } /* end */";
        assert_eq!(minify_css(css), ".a,.b{content:\" (\" attr(href) \")\";margin:0 auto;}.c :is(th,td){x:1}");
    }

    #[test]
    fn the_storys_own_page_has_every_part_but_a_frames_and_a_part_only_its_own() {
        let story = stories::story_or_first(None);
        let all_but_frame: Vec<Part> = Part::ALL.into_iter().filter(|part| *part != Part::Frame).collect();
        assert_eq!(parts(&View::Page, &story), all_but_frame);
        let chart = View::parse("block:growth-rates").unwrap();
        let card = View::parse("block:fai-total").unwrap();
        assert!(parts(&chart, &story).contains(&Part::Charts) && !parts(&chart, &story).contains(&Part::Figures));
        assert!(parts(&card, &story).contains(&Part::Figures) && !parts(&card, &story).contains(&Part::Charts));
        for view in View::all(&story) {
            let sheet = stylesheet(&view, &story);
            assert!(!sheet.contains("/*") && !sheet.contains("\n"), "{}", view.name());
            assert!(sheet.contains(":root{"), "{}: every page has the colours", view.name());
            assert_eq!(sheet.contains("html[data-embed]"), view.is_embed(), "{}: a frame's rules", view.name());
            assert_eq!(
                sheet.contains(".chapter-nav__link"),
                view == View::Page,
                "{}: the navigator's rules",
                view.name()
            );
        }
    }

    #[test]
    fn every_rule_of_the_stylesheet_is_in_one_part() {
        // The parts between them hold each rule once: no part repeats another's.
        let all: String = Part::ALL.into_iter().map(Part::source).collect();
        let rules: Vec<&str> = all.lines().filter(|line| line.ends_with('{') && !line.starts_with('@')).collect();
        let mut seen = std::collections::HashSet::new();
        for rule in rules {
            assert!(seen.insert(rule), "{rule} is in two parts");
        }
    }

    #[test]
    fn the_script_keeps_its_code_and_drops_its_comments() {
        let story = stories::story_or_first(None);
        for view in View::all(&story) {
            let script = script(&view);
            assert!(script.starts_with("(function () {") && script.ends_with("})();"), "{script}");
            assert!(script.contains("root.setAttribute('data-theme', theme);"), "{}: the theme", view.name());
            assert!(script.contains("location.replace(edition.href"), "{}: the edition", view.name());
            // Only the story's own page sends an older snippet's address on.
            let legacy = script.contains("location.replace(page + location.search + location.hash);");
            assert_eq!(legacy, view == View::Page, "{}", view.name());
            assert!(!script.lines().any(|line| line.starts_with("//") || line.starts_with(' ')));
        }
    }

    #[test]
    fn a_hash_source_is_the_base64_sha256_of_the_exact_text() {
        // The value the CSP specification gives for `alert('Hello, world.');`.
        assert_eq!(hash_source("alert('Hello, world.');"), "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='");
    }

    #[test]
    fn the_policy_allows_exactly_the_hashes_it_is_given() {
        let policy = content_security_policy(&["'sha256-a'".into()], &["'sha256-b'".into(), "'sha256-c'".into()]);
        assert_eq!(
            policy,
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-a'; style-src 'self' 'sha256-b' \
             'sha256-c'; img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors *"
        );
        assert!(!policy.contains("unsafe-inline"));
    }
}
