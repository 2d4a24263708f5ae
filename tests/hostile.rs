//! Hostile input breaks nothing: the address parser (query and fragment) and the story loader are
//! run through at least 10,000 generated inputs each, built from the pieces that break parsers
//! (markup, scripts, `javascript:` URLs, very long and malformed values, repeated keys, broken
//! percent-encoding, stray TOML and markup marks), and must return typed values or typed errors,
//! never panic.

use story::content::load::{check, parse};
use story::content::model::Slug;
use story::params;
use story::view::View;

/// A small, seeded generator (SplitMix64): the same inputs on every run, so a failure repeats.
struct Gen(u64);

impl Gen {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const KEYS: &[&str] =
    &["embed", "chapter", "block", "chapter", "block", "theme", "lang", "EMBED", "", "%65mbed", "embed[]", "x"];
const VALUES: &[&str] = &[
    "1",
    "0",
    "",
    "projects",
    "growth-rates",
    "dark",
    "light",
    "en",
    "zh",
    "<script>alert(1)</script>",
    "javascript:alert(1)",
    "%",
    "%2",
    "%zz",
    "%E4%B8%AD",
    "%FF%FE",
    "%00",
    "+",
    "a+b",
    "\"]{}*",
    "a--b",
    "-x",
    "Projects",
    "中文",
    "🙂",
    "\u{0}",
    "..%2F..%2F",
    "&",
    "=",
    "#frag",
];

fn query(gen: &mut Gen) -> String {
    let pairs = gen.below(8);
    let mut text = String::from(if gen.below(2) == 0 { "?" } else { "" });
    // Half the addresses ask for an embed first, so the chapter and block values are read.
    if gen.below(2) == 0 {
        text.push_str("embed=1&");
    }
    for i in 0..pairs {
        if i > 0 {
            text.push_str(gen.pick(&["&", "&&", ";", "&amp;"]));
        }
        text.push_str(gen.pick(KEYS));
        if gen.below(5) > 0 {
            text.push('=');
        }
        let value = gen.pick(VALUES);
        // Sometimes very long: a value far beyond any id.
        let times = if gen.below(20) == 0 { 500 } else { 1 };
        text.push_str(&value.repeat(times));
    }
    text
}

#[test]
fn ten_thousand_hostile_addresses_give_typed_values_and_never_panic() {
    let mut gen = Gen(20230725);
    let mut seen = [0usize; 4];
    let story = story::stories::story_or_first(None);
    for _ in 0..10_000 {
        let text = query(&mut gen);
        let parsed = params::parse(&text);
        match &parsed.embed {
            None => seen[0] += 1,
            Some(View::Story) => seen[1] += 1,
            Some(View::Chapter(slug) | View::Block(slug)) => {
                seen[2] += 1;
                // A named part is always a well-formed slug: safe in a selector, an id or a URL.
                let ok = slug.as_str().bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
                assert!(ok && slug.as_str().len() <= 40, "{text:?} gave {slug:?}");
            }
            Some(View::Missing) => seen[3] += 1,
            Some(View::Page) => panic!("{text:?}: an address asks for a frame or for nothing"),
        }
        // Every view an address asks for is published on one page the build writes, inside the
        // story's folder, named by the view's name, which reads back as the view.
        if let Some(view) = &parsed.embed {
            assert_eq!(View::parse(&view.name()).as_ref(), Some(view), "{text:?}");
            let view = view.clone().in_story(&story);
            for edition in story::stories::EDITIONS {
                let page = view.page(edition.page);
                let (folder, file) = page.rsplit_once('/').expect("a frame's page is in a folder");
                assert!(["embed", "en/embed"].contains(&folder), "{text:?} leads to {page}");
                let name = file.strip_suffix(".html").map(|name| Slug::try_from(name.to_owned()));
                assert!(name.is_some_and(|name| name.is_ok()), "{text:?} leads to {page}");
            }
        }
        // Reading it again gives the same answer.
        assert_eq!(params::parse(&text), parsed);
        // The same text as a fragment names a chapter only as a slug.
        if let Some(slug) = params::chapter_in_hash(&text) {
            assert!(text.trim_start_matches('#') == slug.as_str(), "{text:?} gave {slug:?}");
        }
    }
    assert!(seen.iter().all(|&n| n > 300), "every outcome was exercised: {seen:?}");
}

/// The story file with one generated fault: a mark, a line, a value or a byte changed.
fn broken_story(gen: &mut Gen, story: &str) -> String {
    let lines: Vec<&str> = story.lines().collect();
    let at = gen.below(lines.len());
    let mut out: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
    match gen.below(6) {
        0 => {
            out.remove(at);
        }
        1 => out.insert(
            at,
            gen.pick(&["[[chapters]]", "[story]", "type = \"chart\"", "value = -1", "x = ", "\"", "[[", "id = \"a\""])
                .to_owned(),
        ),
        2 => {
            let mark = gen.pick(&["「", "」", "**", "[", "](", "〔", "<script>", "\\", "\"", "'''", "\u{0}"]);
            let line = &mut out[at];
            let cut = line.char_indices().map(|(i, _)| i).nth(gen.below(line.chars().count().max(1))).unwrap_or(0);
            line.insert_str(cut, mark);
        }
        3 => {
            let value =
                gen.pick(&["1e309", "-0", "nan", "\"22.3\"", "9999999999999999999999", "22.31", "[]", "{}", "true"]);
            if let Some(eq) = out[at].find(" = ") {
                out[at].replace_range(eq + 3.., value);
            }
        }
        4 => {
            let other = gen.below(lines.len());
            out.swap(at, other);
        }
        _ => {
            let long = "长".repeat(5000);
            out[at].push_str(&long);
        }
    }
    out.join("\n")
}

#[test]
fn ten_thousand_broken_story_files_are_refused_with_typed_errors_and_never_panic() {
    let story = include_str!("../stories/fushun-2023h1.toml");
    let source = include_str!("../stories/fushun-2023h1.source.txt");
    let mut gen = Gen(7_25);
    let (mut refused, mut accepted) = (0, 0);
    for _ in 0..10_000 {
        let text = broken_story(&mut gen, story);
        match parse("fuzz.toml", &text).and_then(|parsed| check("fuzz.toml", parsed, source)) {
            Ok(_) => accepted += 1,
            Err(error) => {
                refused += 1;
                assert!(!error.problems.is_empty());
                assert!(error.to_string().starts_with("fuzz.toml: "), "{error}");
            }
        }
    }
    // Many faults are harmless (a comment line removed, two blank lines swapped); most are not.
    assert!(refused > 5_000, "refused {refused}, accepted {accepted}");
}
