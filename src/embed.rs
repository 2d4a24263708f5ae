//! The code a news site pastes to embed the story: an iframe for one view and the host script
//! that keeps the iframe as tall as its content (`static/embed.js`). Pure text, tested natively;
//! the "Embed" control in the page fills in the address it is served from.

use crate::params::Theme;

/// The address of the full story for a page at `origin` and `path`: the folder the page is in,
/// so `https://news.example/story/index.html` and `…/story/` both give `https://news.example/story/`.
pub fn story_address(origin: &str, path: &str) -> String {
    let folder = path.rfind('/').map_or("/", |end| &path[..=end]);
    format!("{origin}{folder}")
}

/// The scroll relay, version 2 of the embed protocol (README, "Embedding"): a frame whose page has
/// a sequence asks the host script to follow it (`{type: FOLLOW, v: 2}`), and the host script then
/// tells it, at most once an animation frame, where it sits in the host page's viewport
/// (`{type: VIEWPORT, v: 2, top, height}`). Version 1, the height, is unchanged beside it.
pub mod relay {
    use crate::scroll::Viewport;

    /// The protocol's version these messages belong to.
    pub const VERSION: f64 = 2.0;
    /// A frame asks to be told where it sits.
    pub const FOLLOW: &str = "story-embed:follow";
    /// The host script tells a frame where it sits.
    pub const VIEWPORT: &str = "story-embed:viewport";
    /// The host script asks its frames to tell their heights (version 1): a frame asks again to
    /// be followed then too, as the host script may have loaded after the frame asked.
    pub const HELLO: &str = "story-embed:hello";

    /// No screen is taller than this, in px.
    const MAX_HEIGHT: f64 = 100_000.0;
    /// Nor is a frame further than this from the viewport.
    const MAX_OFFSET: f64 = 10_000_000.0;

    /// The viewport a `VIEWPORT` message's fields describe, or `None` for any other message or one
    /// out of range: a frame ignores it and keeps the last it had.
    pub fn viewport(
        kind: Option<&str>,
        version: Option<f64>,
        top: Option<f64>,
        height: Option<f64>,
    ) -> Option<Viewport> {
        let (top, height) = (top?, height?);
        let ours = kind == Some(VIEWPORT) && version == Some(VERSION);
        let sane = top.abs() <= MAX_OFFSET && height > 0.0 && height <= MAX_HEIGHT;
        (ours && sane).then_some(Viewport { offset: top, height })
    }
}

/// The margins a news page keeps either side of its column on a phone, together: the snippet takes
/// a column to be the window's width less these where it can tell no better.
const MARGINS: u32 = 32;
/// The column of a 320 px phone.
pub const NARROW_COLUMN: u32 = 320 - MARGINS;
/// The column of a 375 px phone, the one the snippet's `height` attribute is for (and the width the
/// story's charts are drawn for in its pages).
pub const PHONE_COLUMN: u32 = 375 - MARGINS;
/// A column at which a frame's page is at its measure (40rem and its 4 px margins): no wider
/// column makes it shorter.
pub const WIDE_COLUMN: u32 = 648;

/// A frame's page's height in a 320 px phone's column, a 375 px phone's and a wide one, from which
/// the snippet reserves its space before anything loads. Written in a page's data as the three
/// numbers in that order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(from = "[u32; 3]", into = "[u32; 3]")]
pub struct FrameHeight {
    /// At [`NARROW_COLUMN`].
    pub narrow: u32,
    /// At [`PHONE_COLUMN`].
    pub phone: u32,
    /// At [`WIDE_COLUMN`] and wider.
    pub wide: u32,
}

impl From<[u32; 3]> for FrameHeight {
    fn from([narrow, phone, wide]: [u32; 3]) -> Self {
        FrameHeight { narrow, phone, wide }
    }
}

impl From<FrameHeight> for [u32; 3] {
    fn from(height: FrameHeight) -> Self {
        [height.narrow, height.phone, height.wide]
    }
}

impl FrameHeight {
    /// From a page's steps ([`height_at`]); none without steps.
    pub fn from_steps(steps: &[u32]) -> Option<Self> {
        Some(FrameHeight {
            narrow: height_at(steps, NARROW_COLUMN)?,
            phone: height_at(steps, PHONE_COLUMN)?,
            wide: height_at(steps, WIDE_COLUMN)?,
        })
    }

    /// The CSS height, a function of the window's width (`vw`: the column taken to be the window
    /// less [`MARGINS`]), that is the page's height at the three columns and straight lines between
    /// them, and the wide height from the wide column on; what the snippet's `style` holds, so a
    /// host's page at any width keeps about the right space before any script runs.
    pub fn style(&self) -> String {
        // The straight line through (column a, height a) and (column b, height b), in vw.
        let line = |(a, ha): (u32, u32), (b, hb): (u32, u32)| {
            let (wa, wb) = (f64::from(a + MARGINS), f64::from(b + MARGINS));
            let slope = (f64::from(hb) - f64::from(ha)) / (wb - wa);
            let at_zero = f64::from(ha) - slope * wa;
            let sign = if slope < 0.0 { '-' } else { '+' };
            format!("calc({}px {sign} {}vw)", round(at_zero), round((slope * 100.0).abs()))
        };
        let narrow = (NARROW_COLUMN, self.narrow);
        let phone = (PHONE_COLUMN, self.phone);
        let wide = (WIDE_COLUMN, self.wide);
        // Falling more steeply at first (as text does: it wraps less as its column widens), the
        // higher of the two lines is the height; otherwise the lower.
        let fall = |(a, ha): (u32, u32), (b, hb): (u32, u32)| (f64::from(ha) - f64::from(hb)) / f64::from(b - a);
        let steeper_first = fall(narrow, phone) >= fall(phone, wide);
        let pick = if steeper_first { "max" } else { "min" };
        let (low, high) = (self.narrow.min(self.wide).min(self.phone), self.narrow.max(self.wide).max(self.phone));
        format!("height:clamp({low}px,{pick}({},{}),{high}px)", line(narrow, phone), line(phone, wide))
    }
}

/// `value` to two decimals, without trailing zeros.
fn round(value: f64) -> String {
    let text = format!("{:.2}", value);
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// The height of a frame's page in a column `width` CSS pixels wide, from its `steps`
/// (`[width, height, width, height, …]`, each height from its width on; measured by
/// tests/browser/heights.mjs): below the first width, the first height. None without steps.
pub fn height_at(steps: &[u32], width: u32) -> Option<u32> {
    let first = steps.get(1).copied()?;
    Some(steps.chunks_exact(2).take_while(|pair| pair[0] <= width).last().map_or(first, |pair| pair[1]))
}

/// The snippet embedding the view published as `page` (from [`View::page`], relative to the
/// story's folder) of the story at `address` (from [`story_address`]), whose site keeps its
/// shared files, `embed.js` among them, at `shared` (the same folder, or the one above a story
/// published in a folder of its own), in `theme` (none: the
/// embed's default, light), with `title` as the iframe's accessible name. With the page's
/// `height`, the host's page keeps the page's space before anything loads: the iframe's `style`
/// gives its height at any width ([`FrameHeight::style`]), and its `height` attribute its height
/// in a phone's column, for the publishing systems whose editors strip `style` but keep that
/// attribute (WordPress's among them); `embed.js` then sets the height measured at the iframe's
/// real width, and the page its own once loaded.
///
/// [`View::page`]: crate::view::View::page
pub fn snippet(
    (address, shared): (&str, &str),
    page: &str,
    theme: Option<Theme>,
    title: &str,
    height: Option<FrameHeight>,
) -> String {
    let src = escape(&format!("{address}{page}{}", theme_query(theme)));
    let script = escape(&format!("{shared}embed.js"));
    let title = escape(title);
    let (style, height) = match height {
        Some(height) => (format!(";{}", height.style()), format!(" height=\"{}\"", height.phone)),
        None => (String::new(), String::new()),
    };
    format!(
        "<iframe src=\"{src}\" title=\"{title}\" style=\"width:100%;border:0{style}\"{height} loading=\"lazy\"></iframe>\n\
         <script src=\"{script}\" async></script>"
    )
}

/// The code an AMP page pastes to embed the same view as [`snippet`]: an `amp-iframe` (the page
/// loads AMP's `amp-iframe` extension) of the page's height in a phone's column at any width,
/// `resizable`, so the frame's `embed-size` request (static/boot.js) makes it as tall as its
/// content, with the element AMP shows when it will not grow the frame unasked (`overflow`,
/// labelled `show_all`), and, when the story has one, its share image (`image`, an absolute
/// address) as the placeholder AMP shows until the frame loads. AMP asks for an `https` address
/// on another origin than the AMP page's.
pub fn amp_snippet(
    address: &str,
    page: &str,
    theme: Option<Theme>,
    title: &str,
    height: Option<FrameHeight>,
    show_all: &str,
    image: Option<&str>,
) -> String {
    let src = escape(&format!("{address}{page}{}", theme_query(theme)));
    let (title, show_all) = (escape(title), escape(show_all));
    let height = height.map_or(400, |height| height.phone);
    let placeholder = image
        .map(|image| format!("\n  <amp-img placeholder layout=\"fill\" src=\"{}\" alt=\"\"></amp-img>", escape(image)))
        .unwrap_or_default();
    format!(
        "<amp-iframe src=\"{src}\" title=\"{title}\" width=\"auto\" height=\"{height}\" layout=\"fixed-height\" \
         sandbox=\"allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox\" resizable frameborder=\"0\">\n  \
         <div overflow tabindex=\"0\" role=\"button\" aria-label=\"{show_all}\">{show_all}</div>{placeholder}\n</amp-iframe>"
    )
}

/// The query asking a frame's page for `theme`; none for the light default.
fn theme_query(theme: Option<Theme>) -> String {
    match theme.filter(|theme| *theme != Theme::Light) {
        Some(theme) => format!("?theme={}", theme.value()),
        None => String::new(),
    }
}

/// An oEmbed response (oembed.com, 1.0, type `rich`) for a view of a story: what a publishing
/// system that is given the address of one of the story's pages finds through the page's discovery
/// link, and embeds. Its fields, as the build writes them ([`oembed`]).
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct OEmbed {
    /// Always "1.0".
    pub version: String,
    /// Always "rich": HTML to paste.
    #[serde(rename = "type")]
    pub kind: String,
    /// The view's title.
    pub title: String,
    /// Who serves the story: the host of its address.
    pub provider_name: String,
    /// The site's address.
    pub provider_url: String,
    /// The code, as the embed control gives it for a web page.
    pub html: String,
    /// The width the code is laid out for: a column at which the frame's page is at its measure.
    pub width: u32,
    /// The page's height at that width.
    pub height: u32,
    /// The story's share image.
    pub thumbnail_url: String,
    /// Its width.
    pub thumbnail_width: u32,
    /// Its height.
    pub thumbnail_height: u32,
}

/// The oEmbed response, as JSON, for the frame's page `page` (in the story's folder, `folder`, an
/// absolute address ending in `/`, of the site at `site`) titled `title`, of `height`, with the share image `image` of
/// `image_size` (an absolute address). The provider is the host of `folder`.
#[cfg(not(target_arch = "wasm32"))]
pub fn oembed(
    (folder, site): (&str, &str),
    page: &str,
    title: &str,
    height: Option<FrameHeight>,
    image: &str,
    image_size: (u32, u32),
) -> String {
    let origin_end = folder.find("://").map_or(0, |scheme| scheme + 3);
    let host_end = folder[origin_end..].find('/').map_or(folder.len(), |slash| origin_end + slash);
    let response = OEmbed {
        version: "1.0".to_owned(),
        kind: "rich".to_owned(),
        title: title.to_owned(),
        provider_name: folder[origin_end..host_end].to_owned(),
        provider_url: format!("{}/", &folder[..host_end]),
        html: snippet((folder, site), page, None, title, height),
        width: WIDE_COLUMN,
        height: height.map_or(400, |height| height.wide),
        thumbnail_url: image.to_owned(),
        thumbnail_width: image_size.0,
        thumbnail_height: image_size.1,
    };
    serde_json::to_string(&response).expect("plain data")
}

/// The heights of every frame's page the site publishes, by story id and by the page's address in
/// its story's folder (static/embed-heights.json): each page's steps ([`height_at`]).
#[cfg(not(target_arch = "wasm32"))]
pub type Heights = std::collections::BTreeMap<String, std::collections::BTreeMap<String, Vec<u32>>>;

/// `json` (static/embed-heights.json) read as [`Heights`], or why it is not: every page's steps
/// are pairs, their widths rising.
#[cfg(not(target_arch = "wasm32"))]
pub fn read_heights(json: &str) -> Result<Heights, String> {
    let heights: Heights = serde_json::from_str(json).map_err(|e| format!("static/embed-heights.json: {e}"))?;
    for (story, pages) in &heights {
        for (page, steps) in pages {
            let widths: Vec<u32> = steps.iter().step_by(2).copied().collect();
            if steps.is_empty() || steps.len() % 2 != 0 || widths.windows(2).any(|pair| pair[0] >= pair[1]) {
                return Err(format!(
                    "static/embed-heights.json: {story}: {page}: not [width, height, …] with widths rising"
                ));
            }
        }
    }
    Ok(heights)
}

/// Escapes text for an HTML element or an attribute value in double quotes: the one function for
/// the few places that write HTML as text (this snippet, and the prerendered page's head).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// The line of `static/embed.js` the build fills with the heights of the site's frames' pages.
#[cfg(not(target_arch = "wasm32"))]
const HEIGHTS: &str = "var HEIGHTS = {};";

/// `script` (static/embed.js) with `pages`, each frame's page's address in the site's folder and
/// its steps ([`height_at`]), written into its [`HEIGHTS`] line. Refuses a script without that line.
#[cfg(not(target_arch = "wasm32"))]
pub fn with_heights(script: &str, pages: &std::collections::BTreeMap<String, Vec<u32>>) -> Result<String, String> {
    if script.matches(HEIGHTS).count() != 1 {
        return Err(format!("embed.js: no single `{HEIGHTS}` line to fill"));
    }
    let json = serde_json::to_string(pages).map_err(|e| e.to_string())?;
    Ok(script.replace(HEIGHTS, &format!("var HEIGHTS = {json};")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::model::Slug;
    use crate::scroll::Viewport;
    use crate::view::View;

    #[test]
    fn a_frame_takes_the_host_pages_viewport_only_from_a_well_formed_version_2_message() {
        let read = |kind, version, top, height| relay::viewport(kind, version, top, height);
        let ok = Some(Viewport { offset: -420.5, height: 812.0 });
        assert_eq!(read(Some(relay::VIEWPORT), Some(2.0), Some(-420.5), Some(812.0)), ok);
        assert_eq!(read(Some(relay::VIEWPORT), Some(1.0), Some(-420.5), Some(812.0)), None, "version 1");
        assert_eq!(read(Some("story-embed:height"), Some(2.0), Some(0.0), Some(812.0)), None);
        assert_eq!(read(None, Some(2.0), Some(0.0), Some(812.0)), None);
        assert_eq!(read(Some(relay::VIEWPORT), None, Some(0.0), Some(812.0)), None);
        assert_eq!(read(Some(relay::VIEWPORT), Some(2.0), None, Some(812.0)), None);
        for (top, height) in [
            (f64::NAN, 812.0),
            (0.0, f64::NAN),
            (f64::INFINITY, 812.0),
            (0.0, 0.0),
            (0.0, -5.0),
            (0.0, 1e9),
            (1e12, 812.0),
        ] {
            assert_eq!(read(Some(relay::VIEWPORT), Some(2.0), Some(top), Some(height)), None, "{top} {height}");
        }
    }

    const ADDRESS: &str = "https://news.example/story/";

    #[test]
    fn a_height_is_the_last_step_at_or_below_the_width() {
        let steps = [280, 606, 301, 580, 343, 556];
        assert_eq!(height_at(&steps, 200), Some(606));
        assert_eq!(height_at(&steps, 300), Some(606));
        assert_eq!(height_at(&steps, 301), Some(580));
        assert_eq!(height_at(&steps, 342), Some(580));
        assert_eq!(height_at(&steps, PHONE_COLUMN), Some(556));
        assert_eq!(height_at(&steps, 2000), Some(556));
        assert_eq!(height_at(&[], 343), None);
    }

    #[test]
    fn the_host_script_gets_the_heights_and_the_file_must_be_steps() {
        let script = include_str!("../static/embed.js");
        let pages = std::collections::BTreeMap::from([("embed/a.html".to_owned(), vec![280, 600, 300, 580])]);
        let filled = with_heights(script, &pages).unwrap();
        assert!(filled.contains(r#"var HEIGHTS = {"embed/a.html":[280,600,300,580]};"#));
        assert!(with_heights("(function () {})();", &pages).unwrap_err().contains("HEIGHTS"));
        let read = read_heights(r#"{"s": {"embed/a.html": [280, 600, 300, 580]}}"#).unwrap();
        assert_eq!(read["s"]["embed/a.html"], vec![280, 600, 300, 580]);
        for bad in [
            r#"{"s": {"a": [280]}}"#,
            r#"{"s": {"a": [300, 1, 280, 2]}}"#,
            r#"{"s": {"a": []}}"#,
            r#"{"s": {"a": [-1, 2]}}"#,
            "[]",
            "{",
        ] {
            assert!(read_heights(bad).unwrap_err().starts_with("static/embed-heights.json"), "{bad}");
        }
        // The file the build holds is such steps, for every frame's page of every edition.
        let held = read_heights(include_str!("../static/embed-heights.json")).unwrap();
        for edition in crate::stories::EDITIONS.iter().filter(|e| held.contains_key(e.story)) {
            let story = crate::stories::story_or_first(Some(edition.story));
            for view in crate::view::View::all(&story).into_iter().filter(|view| view.is_embed()) {
                assert!(
                    held[edition.story].contains_key(&view.page(edition.page)),
                    "{}: {}",
                    edition.story,
                    view.name()
                );
            }
        }
    }

    #[test]
    fn the_story_address_is_the_folder_of_the_page() {
        assert_eq!(story_address("https://news.example", "/story/"), ADDRESS);
        assert_eq!(story_address("https://news.example", "/story/index.html"), ADDRESS);
        assert_eq!(story_address("http://127.0.0.1:8080", "/"), "http://127.0.0.1:8080/");
        assert_eq!(story_address("http://127.0.0.1:8080", ""), "http://127.0.0.1:8080/");
    }

    #[test]
    fn the_whole_story_snippet_is_the_documented_one() {
        assert_eq!(
            snippet((ADDRESS, ADDRESS), &View::Story.page("index.html"), None, "抚顺的上半年", None),
            "<iframe src=\"https://news.example/story/embed/index.html\" title=\"抚顺的上半年\" \
             style=\"width:100%;border:0\" loading=\"lazy\"></iframe>\n\
             <script src=\"https://news.example/story/embed.js\" async></script>"
        );
    }

    #[test]
    fn a_part_and_an_edition_are_pages_of_their_own() {
        let block = View::Block(Slug::try_from("growth-rates".to_owned()).unwrap());
        let code = snippet((ADDRESS, ADDRESS), &block.page("index.html"), None, "三项增速", None);
        assert!(code.contains("src=\"https://news.example/story/embed/growth-rates.html\""), "{code}");
        let code = snippet((ADDRESS, ADDRESS), &block.page("en.html"), None, "Growth", None);
        assert!(code.contains("src=\"https://news.example/story/en/embed/growth-rates.html\""), "{code}");
        assert!(!code.contains('?'), "no query: {code}");
        // A story in a folder of its own reaches the site's embed.js one folder up.
        let code = snippet(("https://news.example/story/other/", ADDRESS), &block.page("index.html"), None, "x", None);
        assert!(code.contains("src=\"https://news.example/story/other/embed/growth-rates.html\""), "{code}");
        assert!(code.contains("<script src=\"https://news.example/story/embed.js\" async>"), "{code}");
        // With its page's heights, the iframe keeps the page's height at every width, and in a
        // phone's column without its style.
        let height = FrameHeight { narrow: 606, phone: 580, wide: 479 };
        let code = snippet((ADDRESS, ADDRESS), &block.page("index.html"), None, "三项增速", Some(height));
        assert!(
            code.contains(&format!("style=\"width:100%;border:0;{}\" height=\"580\" loading=", height.style())),
            "{code}"
        );
    }

    /// The height `style` gives at a window `width` px wide: its clamp of the max or min of its
    /// two lines, read back from the text.
    fn styled(style: &str, width: f64) -> f64 {
        let numbers: Vec<f64> = style
            .split(|c: char| !(c.is_ascii_digit() || c == '.'))
            .filter(|part| !part.is_empty())
            .map(|part| part.parse().unwrap())
            .collect();
        let [low, a1, s1, a2, s2, high] = numbers[..] else { panic!("{style}") };
        let signs: Vec<bool> = style.match_indices(" - ").map(|_| true).collect();
        assert_eq!(signs.len(), 2, "both lines fall: {style}");
        let (l1, l2) = (a1 - s1 * width / 100.0, a2 - s2 * width / 100.0);
        let line = if style.contains("max(") { l1.max(l2) } else { l1.min(l2) };
        line.clamp(low, high)
    }

    #[test]
    fn the_style_gives_the_height_at_each_measured_column_and_lines_between() {
        for height in [
            FrameHeight { narrow: 606, phone: 556, wide: 479 },
            FrameHeight { narrow: 335, phone: 292, wide: 268 },
            FrameHeight { narrow: 700, phone: 519, wide: 349 },
        ] {
            let style = height.style();
            for (column, expected) in
                [(NARROW_COLUMN, height.narrow), (PHONE_COLUMN, height.phone), (WIDE_COLUMN, height.wide)]
            {
                let at = styled(&style, f64::from(column + MARGINS));
                assert!(
                    (at - f64::from(expected)).abs() < 0.6,
                    "{style} at the {column} px column: {at}, not {expected}"
                );
            }
            assert!((styled(&style, 1280.0) - f64::from(height.wide)).abs() < 0.6, "{style}");
            assert!((styled(&style, 280.0) - f64::from(height.narrow)).abs() < 0.6, "{style}");
            let middle = styled(&style, f64::from(PHONE_COLUMN + WIDE_COLUMN) / 2.0 + f64::from(MARGINS));
            assert!(middle < f64::from(height.phone) && middle > f64::from(height.wide), "{style}: {middle}");
        }
        assert_eq!(
            FrameHeight::from_steps(&[280, 606, 301, 580, 344, 556, 600, 479]),
            Some(FrameHeight { narrow: 606, phone: 580, wide: 479 })
        );
        assert_eq!(FrameHeight::from_steps(&[]), None);
    }

    #[test]
    fn a_theme_other_than_the_light_default_is_asked_for() {
        let theme = |theme| snippet((ADDRESS, ADDRESS), "embed/index.html", theme, "t", None);
        assert!(theme(None).contains("embed/index.html\""));
        assert!(theme(Some(Theme::Light)).contains("embed/index.html\""), "light is the default: not written");
        assert!(theme(Some(Theme::Dark)).contains("embed/index.html?theme=dark\""));
        assert!(theme(Some(Theme::Auto)).contains("embed/index.html?theme=auto\""));
    }

    #[test]
    fn the_amp_code_is_a_resizable_amp_iframe_with_its_overflow_button_and_placeholder() {
        let height = FrameHeight { narrow: 606, phone: 556, wide: 479 };
        let image = "https://news.example/story/share-0123456789abcdef.png";
        let code = amp_snippet(
            ADDRESS,
            "embed/growth-rates.html",
            Some(Theme::Dark),
            "三项增速",
            Some(height),
            "展开全部",
            Some(image),
        );
        assert_eq!(
            code,
            "<amp-iframe src=\"https://news.example/story/embed/growth-rates.html?theme=dark\" title=\"三项增速\" width=\"auto\" \
             height=\"556\" layout=\"fixed-height\" sandbox=\"allow-scripts allow-same-origin allow-popups \
             allow-popups-to-escape-sandbox\" resizable frameborder=\"0\">\n  \
             <div overflow tabindex=\"0\" role=\"button\" aria-label=\"展开全部\">展开全部</div>\n  \
             <amp-img placeholder layout=\"fill\" src=\"https://news.example/story/share-0123456789abcdef.png\" alt=\"\"></amp-img>\n\
             </amp-iframe>"
        );
        let plain = amp_snippet(ADDRESS, "embed/index.html", None, "\"><b>", None, "<Show>", None);
        assert!(
            plain.contains("title=\"&quot;&gt;&lt;b&gt;\"") && plain.contains("&lt;Show&gt;</div>\n</amp-iframe>"),
            "{plain}"
        );
        assert!(!plain.contains("amp-img") && !plain.contains("<b>"), "{plain}");
    }

    #[test]
    fn an_oembed_response_is_rich_html_with_its_size_provider_and_thumbnail() {
        let height = FrameHeight { narrow: 606, phone: 556, wide: 479 };
        let json = oembed(
            (ADDRESS, ADDRESS),
            "embed/growth-rates.html",
            "三项增速",
            Some(height),
            "https://news.example/story/share-1.png",
            (1200, 630),
        );
        let response: OEmbed = serde_json::from_str(&json).unwrap();
        assert_eq!((response.version.as_str(), response.kind.as_str()), ("1.0", "rich"));
        assert_eq!(
            response.html,
            snippet((ADDRESS, ADDRESS), "embed/growth-rates.html", None, "三项增速", Some(height))
        );
        assert_eq!((response.width, response.height), (WIDE_COLUMN, 479));
        assert_eq!(
            (response.provider_name.as_str(), response.provider_url.as_str()),
            ("news.example", "https://news.example/")
        );
        assert_eq!(
            (response.thumbnail_url.as_str(), response.thumbnail_width, response.thumbnail_height),
            ("https://news.example/story/share-1.png", 1200, 630)
        );
        assert!(json.contains("\"type\":\"rich\""), "{json}");
    }

    #[test]
    fn a_title_cannot_break_out_of_its_attribute() {
        let code = snippet((ADDRESS, ADDRESS), "embed/index.html", None, "\"><script>alert(1)</script>", None);
        assert!(code.contains("title=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""), "{code}");
        assert_eq!(code.matches("<script").count(), 1);
    }
}
