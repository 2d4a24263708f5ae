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
    /// Colours, type, links, the credit line: every page.
    Core,
    /// What only a frame's page has: its margins, its credit line, the outline of a part, the
    /// notice for a missing part.
    Frame,
    /// The headline, and the dek and source line under it.
    Masthead,
    /// Figure cards and their count-ups.
    Figures,
    /// What only the story's own page has: its gutters, the skip link, the navigator and its menu,
    /// the edition switch, the next-chapter links, a chapter's stop below the navigator and its
    /// layout put off while off screen, the note on an app that cannot start.
    Nav,
    /// Chapters, pull quotes and notes.
    Chapter,
    /// Charts and their data tables.
    Charts,
    /// A sequence's steps, stacked or with their graphic held in view.
    Sequence,
    /// Chapter tools, the motion switch and the embed codes.
    Tools,
    /// On paper.
    Print,
    /// The site's page for an address that names none (`crate::not_found`); no view takes it.
    NotFound,
}

impl Part {
    /// Every part, in the cascade's order.
    pub const ALL: [Part; 11] = [
        Part::Core,
        Part::Frame,
        Part::Masthead,
        Part::Figures,
        Part::Nav,
        Part::Chapter,
        Part::Charts,
        Part::Sequence,
        Part::Tools,
        Part::Print,
        Part::NotFound,
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
            Part::Sequence => include_str!("../static/css/sequence.css"),
            Part::Tools => include_str!("../static/css/tools.css"),
            Part::Print => include_str!("../static/css/print.css"),
            Part::NotFound => include_str!("../static/css/not-found.css"),
        }
    }
}

/// The parts of the stylesheet the page of `view` needs.
pub fn parts(view: &View, story: &Story) -> Vec<Part> {
    use Part::*;
    match view {
        View::Page => Part::ALL.into_iter().filter(|part| ![Frame, NotFound].contains(part)).collect(),
        // A chart's frame has its Listen control (Tools).
        View::Story => vec![Core, Frame, Masthead, Figures, Chapter, Charts, Sequence, Tools, Print],
        // A part prints as the screen shows it, with its host's page: in the light colours (the
        // dark ones are for screens only), its figures at their final values (figures.css).
        View::Chapter(_) => vec![Core, Frame, Figures, Chapter, Charts, Sequence, Tools],
        View::Block(id) => {
            let chart = view::charts(story).any(|(chart, _)| chart == id);
            let kind: &[Part] = if chart { &[Charts, Tools] } else { &[Figures] };
            let chapter = view::chapter_of(story, id).map(|_| Chapter);
            [Some(Core), Some(Frame), chapter].into_iter().flatten().chain(kind.iter().copied()).collect()
        }
        View::Missing => vec![Core, Frame],
    }
}

/// The stylesheet of the page of `view`, whose `#story` holds `markup`: its parts in the cascade's
/// order, without comments or needless space. A frame's page keeps only the rules its markup can
/// match ([`matching_rules`]): nothing there renders new markup later but the address line for
/// paper (its other islands are figures and charts, which render what the build rendered), so
/// what it does not hold now it never will. The
/// story's own page keeps its parts whole (its controls render markup of their own once live) but
/// for the rules of a root in another language ([`for_root`]).
pub fn stylesheet(view: &View, story: &Story, markup: &str) -> String {
    let wanted = parts(view, story);
    let root = story.meta.lang.tag();
    let sheet = joined(&wanted, root);
    match view.is_embed() {
        true => matching_rules(&sheet, &format!("<html lang=\"{root}\">{markup}")),
        false => sheet,
    }
}

/// The stylesheet of the site's page for an address that names none (`crate::not_found`), whose
/// root is in the language `root` and whose body is `markup`: the core rules and its own, those its
/// markup can match ([`matching_rules`]).
pub fn not_found_stylesheet(root: &str, markup: &str) -> String {
    matching_rules(&joined(&[Part::Core, Part::NotFound], root), &format!("<html lang=\"{root}\">{markup}"))
}

/// The `wanted` parts in the cascade's order, minified, for a page whose root is in the language
/// `root`: the page's root takes it when the page is filled (src/page.rs) and keeps it, so a rule
/// for a root in another language is dropped.
fn joined(wanted: &[Part], root: &str) -> String {
    let css: String = Part::ALL.into_iter().filter(|part| wanted.contains(part)).map(Part::source).collect();
    rules(&minify_css(&css), &|selector| for_root(selector, root))
}

/// Whether `selector` can match on a page whose root is in the language `root`: one that asks for
/// a root in another language (`:root:lang(en)` on a Chinese page) cannot.
fn for_root(selector: &str, root: &str) -> bool {
    const ROOT: &str = ":root:lang(";
    let Some(at) = selector.find(ROOT) else {
        return true;
    };
    let start = at + ROOT.len() - 1;
    let range = &selector[start + 1..closing(selector, start, ('(', ')'))];
    let names = std::collections::HashSet::from([format!(":lang{root}")]);
    split_list(range).iter().any(|range| in_language(range, &names))
}

/// The classes that come after the build on a frame's page: the root's, once the app runs
/// (`app-live`, the engine) or cannot (`app-off`, static/boot.js), and the line the page's address
/// island writes for paper (`print-only`, src/components/live_address.rs), the one island of a
/// frame that renders markup the build did not.
const LATER: [&str; 3] = ["app-live", "app-off", "print-only"];

/// The rules of `sheet` (minified) that an element of `markup`, or the page's root, can match: a
/// selector naming a class or an id that no element has (nor the root later, [`LATER`]), or a
/// language (`:lang(en)`) no element is in, is dropped, then a rule with no selector left, then an
/// `@media` or `@supports` block with no rule left. Inside `:not()` a name is not needed; inside
/// `:is()` or `:where()`, one of the list is. Then the custom properties nothing reads
/// ([`read_properties`]).
pub fn matching_rules(sheet: &str, markup: &str) -> String {
    let mut names: std::collections::HashSet<String> = LATER.iter().map(|name| format!(".{name}")).collect();
    for (attribute, mark) in [(" class=\"", "."), (" id=\"", "#"), (" lang=\"", ":lang")] {
        for value in markup.split(attribute).skip(1).filter_map(|rest| rest.split('"').next()) {
            names.extend(value.split_whitespace().map(|name| format!("{mark}{name}")));
        }
    }
    read_properties(&rules(sheet, &|selector| selector_can_match(selector, &names)))
}

/// `css` (minified) without the declarations of custom properties that nothing reads: neither a
/// declaration of a standard property (through `var()`), nor a custom property that is read, nor
/// the engine, which reads a chart's inks from the page ([`Ink::property`]). A rule with no
/// declaration left goes, then a block with no rule left.
///
/// [`Ink::property`]: crate::charts::paint::Ink::property
fn read_properties(css: &str) -> String {
    // Every declaration of every rule, at any depth.
    let declarations = std::cell::RefCell::new(Vec::new());
    rewritten(css, &|_, body| {
        declarations.borrow_mut().extend(split_declarations(body).into_iter().map(str::to_owned));
        None
    });
    let declarations = declarations.into_inner();
    let mut read: std::collections::HashSet<&str> =
        crate::charts::paint::Ink::ALL.iter().map(|ink| ink.property()).collect();
    read.extend(declarations.iter().filter(|d| custom(d).is_none()).flat_map(|d| var_names(d)));
    // A custom property read only by one that is read: until no more are found.
    loop {
        let more: Vec<&str> = declarations
            .iter()
            .filter(|d| custom(d).is_some_and(|name| read.contains(name)))
            .flat_map(|d| var_names(d))
            .filter(|name| !read.contains(name))
            .collect();
        if more.is_empty() {
            break;
        }
        read.extend(more);
    }
    rewritten(css, &|head, body| {
        let kept: Vec<&str> = split_declarations(body)
            .into_iter()
            .filter(|declaration| custom(declaration).is_none_or(|name| read.contains(name)))
            .collect();
        let end = if body.ends_with(';') { ";" } else { "" };
        (!kept.is_empty()).then(|| format!("{head}{{{}{end}}}", kept.join(";")))
    })
}

/// The custom property `declaration` sets (`--ink` of `--ink:#1b1b1b`), if it sets one.
fn custom(declaration: &str) -> Option<&str> {
    declaration.starts_with("--").then(|| declaration.split(':').next()).flatten()
}

/// The custom properties `declaration` reads through `var()` (`--ink` of `color:var(--ink)`).
fn var_names(declaration: &str) -> Vec<&str> {
    declaration
        .split("var(")
        .skip(1)
        .map(|rest| rest.trim_start())
        .map(|rest| &rest[..rest.find([',', ')', ' ']).unwrap_or(rest.len())])
        .collect()
}

/// The declarations of a rule's body ([`split_at`] its semicolons), without empty ones.
fn split_declarations(body: &str) -> Vec<&str> {
    split_at(body, ';').into_iter().filter(|part| !part.trim().is_empty()).collect()
}

/// Whether an element of one of the languages among `names` (`:langzh-CN`) is in `range`, as
/// `:lang()` reads it: the tag itself or one under it (`en` holds `en-GB`), in any case.
fn in_language(range: &str, names: &std::collections::HashSet<String>) -> bool {
    let range = range.trim().trim_matches(['"', '\'']).to_ascii_lowercase();
    names.iter().filter_map(|name| name.strip_prefix(":lang")).any(|tag| {
        let tag = tag.to_ascii_lowercase();
        tag == range || tag.strip_prefix(&range).is_some_and(|rest| rest.starts_with('-'))
    })
}

/// `css` with each rule's selectors filtered by `keep`, recursing into `@media` and `@supports`.
fn rules(css: &str, keep: &dyn Fn(&str) -> bool) -> String {
    rewritten(css, &|head, body| {
        let kept: Vec<&str> = split_list(head).into_iter().filter(|selector| keep(selector)).collect();
        (!kept.is_empty()).then(|| format!("{}{{{body}}}", kept.join(",")))
    })
}

/// `css` (minified) with each rule rewritten by `rule` from its selectors and its body, or gone
/// where it gives none, recursing into `@media` and `@supports`: a block with no rule left goes.
/// Other at-rules stay as they are.
fn rewritten(css: &str, rule: &dyn Fn(&str, &str) -> Option<String>) -> String {
    let mut out = String::new();
    let mut rest = css;
    while let Some(open) = rest.find('{') {
        let head = &rest[..open];
        let close = closing(rest, open, ('{', '}'));
        let body = &rest[open + 1..close];
        if head.starts_with("@media") || head.starts_with("@supports") {
            let inner = rewritten(body, rule);
            if !inner.is_empty() {
                out.push_str(&format!("{head}{{{inner}}}"));
            }
        } else if head.starts_with('@') {
            out.push_str(&rest[..=close]);
        } else if let Some(kept) = rule(head, body) {
            out.push_str(&kept);
        }
        rest = rest.get(close + 1..).unwrap_or_default();
    }
    out
}

/// The index in `text` of the bracket that closes the one at `open`, brackets being the pair
/// `(opening, closed)`, or of the text's last character if none does.
fn closing(text: &str, open: usize, (opening, closed): (char, char)) -> usize {
    let mut depth = 0;
    text[open..]
        .char_indices()
        .find(|&(_, c)| {
            depth += i32::from(c == opening) - i32::from(c == closed);
            depth == 0
        })
        .map_or(text.len() - 1, |(i, _)| open + i)
}

/// A comma-separated list ([`split_at`] its commas).
fn split_list(list: &str) -> Vec<&str> {
    split_at(list, ',')
}

/// `text` split at its own `mark`s: not those inside parentheses, brackets or quotes.
fn split_at(text: &str, mark: char) -> Vec<&str> {
    let (mut parts, mut depth, mut start, mut quote) = (Vec::new(), 0, 0, None);
    for (i, c) in text.char_indices() {
        match (quote, c) {
            (Some(open), c) if c == open => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '(' | '[') => depth += 1,
            (None, ')' | ']') => depth -= 1,
            (None, c) if c == mark && depth == 0 => {
                parts.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
}

/// Whether every class and id `selector` needs is among `names` (`.class`, `#id`).
fn selector_can_match(selector: &str, names: &std::collections::HashSet<String>) -> bool {
    let mut chars = selector.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            // An attribute's value may hold any character: skip it whole.
            '[' => {
                for (_, next) in chars.by_ref() {
                    if next == ']' {
                        break;
                    }
                }
            }
            '.' | '#' => {
                let end = selector[i + 1..]
                    .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_'))
                    .map_or(selector.len(), |end| i + 1 + end);
                if !names.contains(&selector[i..end]) {
                    return false;
                }
                while chars.peek().is_some_and(|&(j, _)| j < end) {
                    chars.next();
                }
            }
            ':' => {
                // A pseudo-class or pseudo-element (`::before`): its colons, then its name.
                let start = i + 1 + selector[i + 1..].len() - selector[i + 1..].trim_start_matches(':').len();
                let name_end = selector[start..]
                    .find(|c: char| !(c.is_alphanumeric() || c == '-'))
                    .map_or(selector.len(), |end| start + end);
                let function = &selector[start..name_end];
                if selector[name_end..].starts_with('(') {
                    let close = closing(selector, name_end, ('(', ')'));
                    let inner = &selector[name_end + 1..close];
                    let met = match function {
                        "is" | "where" => split_list(inner).iter().any(|option| selector_can_match(option, names)),
                        "lang" => split_list(inner).iter().any(|range| in_language(range, names)),
                        // `:not()` and the like ask for no name.
                        _ => true,
                    };
                    if !met {
                        return false;
                    }
                    while chars.peek().is_some_and(|&(j, _)| j <= close) {
                        chars.next();
                    }
                } else {
                    while chars.peek().is_some_and(|&(j, _)| j < name_end) {
                        chars.next();
                    }
                }
            }
            _ => {}
        }
    }
    true
}

/// `css` without comments, with runs of white space made one space, and none around the marks
/// that need none (`{`, `}`, `;`, `,`) or after a `:`. Text in quotes is kept as written. Space
/// before a `:` is kept: in a selector it is a descendant combinator (`.chart :focus-visible`).
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

/// The head's script for the page of `view`: `static/head.js` on one line, without its comment
/// lines and indentation (every statement of it ends in `;` or a block, which a test holds, so
/// the lines join as they are), and on a frame's page without the section marked `// <page>` …
/// `// </page>`, which only the story's own page needs (it sends an older snippet's address on
/// to its view's page).
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
    lines.concat()
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
    fn the_storys_own_page_has_every_part_but_a_frames_and_the_not_found_pages_and_a_part_only_its_own() {
        let story = stories::story_or_first(None);
        let all_but_frame: Vec<Part> =
            Part::ALL.into_iter().filter(|part| ![Part::Frame, Part::NotFound].contains(part)).collect();
        assert_eq!(parts(&View::Page, &story), all_but_frame);
        for view in View::all(&story) {
            assert!(!parts(&view, &story).contains(&Part::NotFound), "{}", view.name());
        }
        let chart = View::parse("block:growth-rates").unwrap();
        let card = View::parse("block:fai-total").unwrap();
        assert!(parts(&chart, &story).contains(&Part::Charts) && !parts(&chart, &story).contains(&Part::Figures));
        assert!(parts(&card, &story).contains(&Part::Figures) && !parts(&card, &story).contains(&Part::Charts));
        for view in View::all(&story) {
            let sheet = stylesheet(&view, &story, &page_markup(&story, &view));
            assert!(!sheet.contains("/*") && !sheet.contains("\n"), "{}", view.name());
            assert!(sheet.contains(":root{"), "{}: every page has the colours", view.name());
            // A frame is as tall as all it holds: nothing in it waits off screen to be laid out.
            assert_eq!(sheet.contains("content-visibility:auto"), view == View::Page, "{}", view.name());
            assert_eq!(sheet.contains("html[data-embed]"), view.is_embed(), "{}: a frame's rules", view.name());
            assert_eq!(
                sheet.contains(".chapter-nav__link"),
                view == View::Page,
                "{}: the navigator's rules",
                view.name()
            );
        }
    }

    /// The markup of the page of `view` as the build fills it: the page's template and the story.
    fn page_markup(story: &Story, view: &View) -> String {
        format!(
            "{}{}",
            include_str!("../index.html"),
            crate::bake::render(std::rc::Rc::new(story.clone()), view.clone())
        )
    }

    #[test]
    fn a_rule_stays_when_an_element_can_match_it() {
        let markup =
            r#"<html lang="zh-CN"><div id="story"><p class="a b">x</p><span class="c" lang="en-GB"></span></div>"#;
        let sheet = ".a{x:1}.gone{x:2}.a .c,.gone .c{x:3}#story{x:4}#gone{x:5}p.b:not(.gone){x:6}\
                     :is(.gone,.c) a{x:7}:where(.gone,.none){x:8}[href$=\".gone\"]{x:9}html.app-off .a{x:10}\
                     .a::before{x:11}:root:lang(en){x:12}:lang(zh){x:13}:lang(fr){x:14}:lang(e){x:15}\
                     :lang(fr,\"ZH-cn\"){x:16}";
        assert_eq!(
            matching_rules(sheet, markup),
            ".a{x:1}.a .c{x:3}#story{x:4}p.b:not(.gone){x:6}:is(.gone,.c) a{x:7}[href$=\".gone\"]{x:9}\
             html.app-off .a{x:10}.a::before{x:11}:root:lang(en){x:12}:lang(zh){x:13}:lang(fr,\"ZH-cn\"){x:16}"
        );
    }

    #[test]
    fn a_block_with_no_rule_left_goes_and_other_at_rules_stay() {
        let markup = r#"<p class="a"></p>"#;
        let sheet = "@media print{.gone{x:1}}@media (min-width:48rem){.a{x:2}.gone{x:3}}@supports (x:y){.gone{x:4}}\
                     @page{margin:1cm}";
        assert_eq!(matching_rules(sheet, markup), "@media (min-width:48rem){.a{x:2}}@page{margin:1cm}");
    }

    #[test]
    fn a_custom_property_that_nothing_reads_goes_and_the_engines_inks_stay() {
        let markup = r#"<p class="x y z"></p>"#;
        let sheet = ":root{--a:1;--b:var(--c);--c:2;--d:var(--gone);--gone:3;--ink:#000;--track:#111}\
                     @media screen{:root{--gone:4;--d:5}}.x{color:var(--a);margin:var( --b,0)}\
                     .y{--gone:1;color:red}.z{content:\";--gone:x\";--gone:2;}.unused{color:var(--d)}";
        assert_eq!(
            matching_rules(sheet, markup),
            ":root{--a:1;--b:var(--c);--c:2;--ink:#000;--track:#111}.x{color:var(--a);margin:var( --b,0)}\
             .y{color:red}.z{content:\";--gone:x\";}"
        );
    }

    #[test]
    fn a_frames_page_keeps_only_what_its_markup_can_match_and_the_storys_page_keeps_all_for_its_root() {
        let story = stories::story_or_first(None);
        for view in View::all(&story) {
            let markup = page_markup(&story, &view);
            let wanted = parts(&view, &story);
            let whole: String = Part::ALL.into_iter().filter(|part| wanted.contains(part)).map(Part::source).collect();
            let whole = rules(&minify_css(&whole), &|selector| for_root(selector, story.meta.lang.tag()));
            let sheet = stylesheet(&view, &story, &markup);
            assert_eq!(sheet == whole, !view.is_embed(), "{}", view.name());
            // Nothing on a frame's page renders new markup later but the address line for paper
            // (`LATER`): its other islands are figures and charts, which render what the build did,
            // and sequences, which render nothing (they set attributes the stylesheet reads).
            if view.is_embed() {
                // Every custom property it sets is read: by a rule or by the engine.
                for name in sheet.split(['{', ';']).filter_map(custom) {
                    let ink = crate::charts::paint::Ink::ALL.iter().any(|ink| ink.property() == name);
                    assert!(ink || sheet.contains(&format!("var({name}")), "{}: {name} is never read", view.name());
                }
                let islands = markup.matches("<story-island").count();
                let known = ["count-up", "chart", "address", "sequence"]
                    .map(|kind| markup.matches(&format!("data-island=\"{{&quot;{kind}&quot;")).count());
                assert_eq!(
                    islands,
                    known.iter().sum::<usize>(),
                    "{}: only figures, charts, sequences and the address",
                    view.name()
                );
            }
        }
    }

    #[test]
    fn a_page_has_the_rules_for_a_root_in_its_own_language_only() {
        // Each edition is a page of its own: its root's language never changes. The English page
        // has the English type and lines; the Chinese page, the Chinese spacing and words.
        for edition in stories::EDITIONS {
            let story = stories::story_or_first(Some(edition.story));
            let english = edition.lang == crate::content::model::Lang::En;
            for view in [View::Page, View::parse("block:growth-rates").unwrap()] {
                let sheet = stylesheet(&view, &story, &page_markup(&story, &view));
                let label = format!("{} {}", edition.story, view.name());
                assert_eq!(sheet.contains(":root:lang(en){"), english, "{label}");
                assert_eq!(sheet.contains(":root:lang(en) p,"), english, "{label}");
                assert_eq!(sheet.contains(":root:lang(zh){"), !english, "{label}");
                assert_eq!(sheet.contains(":root:lang(zh) h1,"), !english, "{label}");
            }
        }
        assert!(for_root(":root:lang(zh-CN) p", "zh-CN") && for_root(":root:lang(zh) p", "zh-CN"));
        assert!(!for_root(":root:lang(en) p", "zh-CN") && for_root(".a :lang(en)", "zh-CN"));
    }

    #[test]
    fn a_chart_is_set_in_its_editions_type_on_the_canvas_and_in_the_svg() {
        use crate::content::model::Lang;
        let rule = |css: &str, selector: &str| {
            css.split(&format!("{selector}{{"))
                .nth(1)
                .and_then(|rest| rest.split('}').next())
                .unwrap_or_default()
                .to_owned()
        };
        // The SVG has no type of its own: it takes the page's.
        let svg = rule(&minify_css(Part::Charts.source()), ".chart__svg");
        assert!(!svg.is_empty() && !svg.contains("font-family"), ".chart__svg{{{svg}}}");
        let core = minify_css(Part::Core.source());
        for (root, lang) in [(":root", Lang::Zh), (":root:lang(en)", Lang::En)] {
            let page = rule(&core, root);
            let font = minify_css(&format!("a{{font-family:{}}}", crate::charts::paint::font(lang)));
            let font = font.trim_start_matches("a{").trim_end_matches('}');
            assert!(page.split(';').any(|declaration| declaration == font), "{root}{{{page}}} has not {font}");
        }
    }

    #[test]
    fn every_rule_of_the_stylesheet_is_in_one_part() {
        // The parts between them set each property of a selector once: no part repeats another's.
        // A selector may have a rule in a part only some pages take, for what only they need (the
        // story's own page lays out `.chapter`s off screen later: nav.css).
        let mut seen = std::collections::HashSet::new();
        for part in Part::ALL {
            let sheet = minify_css(part.source());
            let mut rest = sheet.as_str();
            while let Some(open) = rest.find('{') {
                let close = closing(rest, open, ('{', '}'));
                let (head, body) = (&rest[..open], &rest[open + 1..close]);
                if !head.starts_with('@') {
                    for declaration in body.split(';').filter(|d| !d.is_empty()) {
                        let property = declaration.split(':').next().unwrap_or_default();
                        assert!(
                            seen.insert(format!("{head}{{{property}")),
                            "{head} {{ {property} }} is set in two parts"
                        );
                    }
                }
                rest = &rest[close + 1..];
            }
        }
    }

    #[test]
    fn a_unit_an_older_engine_lacks_is_used_only_behind_a_feature_query() {
        // Older Android WebViews and in-app browsers (Chromium before 105 and 108) know neither
        // the container units nor the small, large and dynamic viewport units. An engine drops a
        // declaration that uses an unknown unit, or, through a custom property, computes it to
        // nothing; so such a unit is written only inside `@supports`, with a fallback before it.
        const NEWER: [&str; 18] = [
            "svh", "lvh", "dvh", "svw", "lvw", "dvw", "svmin", "lvmin", "dvmin", "svmax", "lvmax", "dvmax", "cqw",
            "cqh", "cqi", "cqb", "cqmin", "cqmax",
        ];
        let uses = |css: &str, unit: &str| {
            css.match_indices(unit).any(|(at, _)| {
                css[..at].ends_with(|c: char| c.is_ascii_digit())
                    && !css[at + unit.len()..].starts_with(|c: char| c.is_ascii_alphabetic())
            })
        };
        assert!(uses("a{b:var(--c,100svh)}", "svh") && !uses("a{b:1svhx}", "svh") && !uses("a{b:x.svh}", "svh"));
        for part in Part::ALL {
            let mut outside = minify_css(part.source());
            while let Some(at) = outside.find("@supports") {
                let open = at + outside[at..].find('{').unwrap_or_default();
                let close = closing(&outside, open, ('{', '}'));
                outside.replace_range(at..=close, "");
            }
            for unit in NEWER {
                assert!(!uses(&outside, unit), "{part:?}: {unit} outside @supports");
            }
        }
    }

    #[test]
    fn no_selector_needs_a_pseudo_class_an_older_engine_lacks() {
        // Chromium before 88 (older Android WebViews and in-app browsers) and Safari before 14
        // know neither `:is()` nor `:where()`, and drop a whole rule whose list has one: a frame
        // showed the story's headline above its part, and a data table kept four columns on a
        // phone. The selectors are written out instead.
        for part in Part::ALL {
            let sheet = minify_css(part.source());
            for pseudo in [":is(", ":where("] {
                assert!(!sheet.contains(pseudo), "{part:?}: a selector with {pseudo}");
            }
        }
    }

    #[test]
    fn the_script_keeps_its_code_and_drops_its_comments() {
        let story = stories::story_or_first(None);
        for view in View::all(&story) {
            let script = script(&view);
            assert!(script.starts_with("(function () {") && script.ends_with("})();"), "{script}");
            assert!(script.contains("root.setAttribute('data-theme', theme);"), "{}: the theme", view.name());
            assert!(script.contains("location.replace(edition + location.search"), "{}: the edition", view.name());
            // Only the story's own page sends an older snippet's address on.
            let legacy = script.contains("location.replace(page + location.search + location.hash);");
            assert_eq!(legacy, view == View::Page, "{}", view.name());
            assert!(!script.contains("//") && !script.contains('\n'), "{script}");
        }
        // Joined without a line break, no statement may rely on one to end.
        let code = include_str!("../static/head.js").lines().map(str::trim);
        for line in code.filter(|line| !line.is_empty() && !line.starts_with("//")) {
            assert!(line.ends_with([';', '{', '}']), "{line:?} ends a statement without `;`");
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
