//! The page's address read into typed values. Every parameter a reader or a host page can put in
//! the query (`embed`, `chapter`, `block`, `theme`, `lang`) goes through [`parse`], and the
//! fragment through [`chapter_in_hash`]; neither fails: a value they do not understand is ignored,
//! and the page falls back to its default.
//!
//! The rules follow the browser's own `URLSearchParams` (`+` is a space, a broken `%` escape is
//! kept as written, the first of repeated keys wins), because `static/head.js` reads the same
//! address with it before the app starts, and both must agree on what the page shows.

use crate::content::model::{Lang, Slug};
use crate::view::View;

/// A colour theme a host page can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    /// Dark text on a light page.
    Light,
    /// Light text on a dark page.
    Dark,
    /// Whatever the reader's system asks for (`theme=auto`).
    Auto,
}

impl Theme {
    /// Every theme, in the order the embed control offers them.
    pub const ALL: [Theme; 3] = [Theme::Light, Theme::Dark, Theme::Auto];

    /// The theme `value` names, as `theme=` writes it.
    pub fn parse(value: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|theme| theme.value() == value)
    }

    /// The value of `theme=` that asks for this theme.
    pub fn value(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }
}

/// What the address asks for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Params {
    /// The embed view an older snippet's address asks for (`embed=1`, with `chapter=` or
    /// `block=`): the page that view is now published on is where such an address leads.
    pub embed: Option<View>,
    /// The theme, when one is asked for; otherwise the reader's own setting decides.
    pub theme: Option<Theme>,
    /// The edition asked for (`en`, `zh` or `zh-CN`); otherwise the page's own.
    pub lang: Option<Lang>,
}

/// Reads a query string (with or without its leading `?`). Never fails and never panics.
pub fn parse(query: &str) -> Params {
    let pairs = pairs(query.strip_prefix('?').unwrap_or(query));
    let get = |key: &str| pairs.iter().find(|(name, _)| name == key).map(|(_, value)| value.as_str());
    let named = |key: &str| get(key).filter(|value| !value.is_empty()).map(|value| Slug::try_from(value.to_owned()));
    let embed = (get("embed") == Some("1")).then(|| match (named("block"), named("chapter")) {
        (Some(Ok(block)), _) => View::Block(block),
        (Some(Err(_)), _) => View::Missing,
        (None, Some(Ok(chapter))) => View::Chapter(chapter),
        (None, Some(Err(_))) => View::Missing,
        (None, None) => View::Story,
    });
    let theme = get("theme").and_then(Theme::parse);
    let lang = match get("lang") {
        Some("en") => Some(Lang::En),
        Some("zh" | "zh-CN") => Some(Lang::Zh),
        _ => None,
    };
    Params { embed, theme, lang }
}

impl Params {
    /// The colours the page is drawn in: the theme asked for; otherwise, in an embed, light (most
    /// host pages are light, and a dark block in one is jarring: a host asks for `dark`, or for the
    /// reader's own setting with `auto`), and on the story's own page the reader's setting. `Auto`
    /// means the reader's setting. `static/head.js` applies the same rule before the first paint.
    pub fn colours(&self) -> Theme {
        match (self.theme, &self.embed) {
            (Some(theme), _) => theme,
            (None, Some(_)) => Theme::Light,
            (None, None) => Theme::Auto,
        }
    }
}

/// The chapter a fragment (`#slug`, with or without its `#`) names, if it is written as a slug
/// can be. Whether the story has that chapter is the caller's question.
pub fn chapter_in_hash(hash: &str) -> Option<Slug> {
    Slug::try_from(hash.strip_prefix('#').unwrap_or(hash).to_owned()).ok()
}

/// The query's name–value pairs, decoded as `application/x-www-form-urlencoded`.
fn pairs(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(name), decode(value))
        })
        .collect()
}

/// Decodes `+` and `%XX`; a `%` not followed by two hex digits stays as it is, and bytes that are
/// not UTF-8 become U+FFFD, as in the browser.
fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        let escaped = (byte == b'%')
            .then(|| bytes.get(i + 1..i + 3))
            .flatten()
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .and_then(|hex| u8::from_str_radix(hex, 16).ok().filter(|_| hex.bytes().all(|b| b.is_ascii_hexdigit())));
        match (byte, escaped) {
            (_, Some(decoded)) => {
                out.push(decoded);
                i += 3;
            }
            (b'+', None) => {
                out.push(b' ');
                i += 1;
            }
            (other, None) => {
                out.push(other);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slug(text: &str) -> Slug {
        Slug::try_from(text.to_owned()).unwrap()
    }

    fn view(query: &str) -> Option<View> {
        parse(query).embed
    }

    #[test]
    fn no_query_is_the_full_story_in_the_readers_theme() {
        assert_eq!(parse(""), Params::default());
        assert_eq!(parse("?"), Params::default());
        assert_eq!(parse("?utm_source=news&x"), Params::default());
    }

    #[test]
    fn embed_1_asks_for_an_embed_and_nothing_else_does() {
        assert_eq!(view("?embed=1"), Some(View::Story));
        assert_eq!(view("embed=1"), Some(View::Story), "the leading ? is optional");
        for other in ["?embed=0", "?embed=true", "?embed=", "?embed", "?EMBED=1", "?embed=1%20"] {
            assert_eq!(view(other), None, "{other}");
        }
    }

    #[test]
    fn an_embed_is_light_unless_its_host_asks_for_dark_or_the_readers_setting() {
        let colours = |query: &str| parse(query).colours();
        assert_eq!(colours("?embed=1"), Theme::Light);
        assert_eq!(colours("?embed=1&block=fai-total"), Theme::Light);
        assert_eq!(colours("?embed=1&theme=dark"), Theme::Dark);
        assert_eq!(colours("?embed=1&theme=auto"), Theme::Auto);
        assert_eq!(colours("?embed=1&theme=Dark"), Theme::Light, "values are lower case, as head.js reads them");
        assert_eq!(colours(""), Theme::Auto, "the story's own page follows the reader");
        assert_eq!(colours("?theme=light"), Theme::Light);
        for theme in [Theme::Light, Theme::Dark, Theme::Auto] {
            assert_eq!(parse(&format!("theme={}", theme.value())).theme, Some(theme), "round trip");
        }
    }

    #[test]
    fn a_chapter_or_block_embed_names_its_part() {
        assert_eq!(view("?embed=1&chapter=projects"), Some(View::Chapter(slug("projects"))));
        assert_eq!(view("?chapter=projects&embed=1"), Some(View::Chapter(slug("projects"))));
        assert_eq!(view("?embed=1&block=growth-rates"), Some(View::Block(slug("growth-rates"))));
        assert_eq!(view("?chapter=projects"), None, "a chapter alone is not an embed");
    }

    #[test]
    fn a_block_is_narrower_than_a_chapter_and_wins() {
        assert_eq!(view("?embed=1&chapter=projects&block=provincial-list"), Some(View::Block(slug("provincial-list"))));
    }

    #[test]
    fn a_name_no_id_can_have_is_an_unknown_view_and_an_empty_one_is_ignored() {
        for bad in ["<script>", "Projects", "a--b", "-a", "javascript:alert(1)", "%E4%B8%AD", "%zz"] {
            assert_eq!(view(&format!("?embed=1&chapter={bad}")), Some(View::Missing), "{bad}");
            assert_eq!(view(&format!("?embed=1&block={bad}")), Some(View::Missing), "{bad}");
        }
        assert_eq!(view(&format!("?embed=1&block={}", "a".repeat(41))), Some(View::Missing));
        assert_eq!(view("?embed=1&chapter="), Some(View::Story));
    }

    #[test]
    fn the_first_of_repeated_keys_wins_as_in_the_browser() {
        assert_eq!(view("?embed=1&embed=0"), Some(View::Story));
        assert_eq!(view("?embed=0&embed=1"), None);
        assert_eq!(view("?embed=1&chapter=cadres&chapter=projects"), Some(View::Chapter(slug("cadres"))));
    }

    #[test]
    fn escapes_are_decoded_as_the_browser_decodes_them() {
        assert_eq!(view("?%65mbed=%31"), Some(View::Story));
        assert_eq!(decode("a+b%20c"), "a b c");
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz%4"), "%zz%4");
        assert_eq!(decode("%E4%B8%AD"), "中");
        assert_eq!(decode("%FF"), "\u{FFFD}");
        assert_eq!(decode("%+1"), "% 1");
    }

    #[test]
    fn a_theme_is_light_or_dark_or_the_readers_own() {
        assert_eq!(parse("?theme=dark").theme, Some(Theme::Dark));
        assert_eq!(parse("?embed=1&theme=light").theme, Some(Theme::Light));
        assert_eq!(parse("?theme=blue").theme, None);
        assert_eq!(parse("?theme=Dark").theme, None);
    }

    #[test]
    fn an_edition_is_english_or_chinese_or_the_pages_own() {
        assert_eq!(parse("?lang=en").lang, Some(Lang::En));
        assert_eq!(parse("?lang=zh").lang, Some(Lang::Zh));
        assert_eq!(parse("?lang=zh-CN").lang, Some(Lang::Zh));
        for other in ["?lang=fr", "?lang=EN", "?lang=", "?lang=javascript:alert(1)"] {
            assert_eq!(parse(other).lang, None, "{other}");
        }
    }

    #[test]
    fn a_fragment_names_a_chapter_only_when_written_as_a_slug() {
        assert_eq!(chapter_in_hash("#projects"), Some(slug("projects")));
        assert_eq!(chapter_in_hash("projects"), Some(slug("projects")));
        for bad in ["", "#", "#<img src=x>", "#Projects", "#projects?x", "#%70rojects", "##projects"] {
            assert_eq!(chapter_in_hash(bad), None, "{bad}");
        }
    }

    #[test]
    fn every_old_address_a_snippet_printed_reads_back_as_its_view() {
        for edition in crate::stories::EDITIONS {
            let story = crate::stories::story_or_first(Some(edition.story));
            for wanted in View::all(&story) {
                match wanted.legacy_query() {
                    Some(query) => assert_eq!(view(&query), Some(wanted)),
                    None => assert!(matches!(wanted, View::Page | View::Missing)),
                }
            }
        }
    }

    /// The same table as the browser test of the page's own script (tests/browser/embed.test.mjs,
    /// OLD_ADDRESSES): where each old address lands, so the script and the app agree.
    #[test]
    fn old_addresses_lead_to_the_page_of_their_view() {
        let table = [
            ("?embed=1", "embed/index.html"),
            ("index.html?embed=1", "embed/index.html"),
            ("?embed=1&chapter=projects", "embed/projects.html"),
            ("?chapter=projects&embed=1", "embed/projects.html"),
            ("?embed=1&block=growth-rates", "embed/growth-rates.html"),
            ("?embed=1&block=fai-total&theme=dark", "embed/fai-total.html"),
            ("?embed=1&chapter=projects&block=provincial-list", "embed/provincial-list.html"),
            ("?embed=1&chapter=", "embed/index.html"),
            ("?embed=1&chapter=nope", "embed/missing.html"),
            ("?embed=1&chapter=growth-rates", "embed/missing.html"),
            ("?embed=1&block=projects", "embed/missing.html"),
            ("?embed=1&block=%3Cscript%3E", "embed/missing.html"),
            ("?embed=1&embed=0", "embed/index.html"),
            ("?%65mbed=%31", "embed/index.html"),
            ("?embed=1#projects", "embed/index.html"),
            ("en.html?embed=1&chapter=projects", "en/embed/projects.html"),
            ("?embed=1&lang=en&block=fai-total", "en/embed/fai-total.html"),
            ("en.html?embed=1&lang=zh&block=nope", "embed/missing.html"),
            ("?embed=0&embed=1", "index.html"),
            ("?embed=true", "index.html"),
            ("en.html?embed=2", "en.html"),
        ];
        for (address, expected) in table {
            let (page, rest) = address.split_once('?').unwrap_or((address, ""));
            let query = rest.split('#').next().unwrap_or_default();
            let params = parse(query);
            // The edition asked for, else the page's own.
            let page = if page.is_empty() { "index.html" } else { page };
            let edition = params
                .lang
                .and_then(|lang| crate::stories::EDITIONS.iter().find(|edition| edition.lang == lang))
                .or_else(|| crate::stories::EDITIONS.iter().find(|edition| edition.page == page))
                .unwrap_or_else(|| panic!("{address}: no such edition"));
            let story = crate::stories::story_or_first(Some(edition.story));
            let landed =
                params.embed.map_or_else(|| edition.page.to_owned(), |view| view.in_story(&story).page(edition.page));
            assert_eq!(landed, expected, "{address}");
        }
    }
}
