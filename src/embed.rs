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

/// The snippet embedding the view published as `page` (from [`View::page`], relative to the
/// story's folder) of the story at `address` (from [`story_address`]), in `theme` (none: the
/// embed's default, light), with `title` as the iframe's accessible name.
///
/// [`View::page`]: crate::view::View::page
pub fn snippet(address: &str, page: &str, theme: Option<Theme>, title: &str) -> String {
    let query = match theme.filter(|theme| *theme != Theme::Light) {
        Some(theme) => format!("?theme={}", theme.value()),
        None => String::new(),
    };
    let src = escape(&format!("{address}{page}{query}"));
    let script = escape(&format!("{address}embed.js"));
    let title = escape(title);
    format!(
        "<iframe src=\"{src}\" title=\"{title}\" style=\"width:100%;border:0\" loading=\"lazy\"></iframe>\n\
         <script src=\"{script}\" async></script>"
    )
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::model::Slug;
    use crate::view::View;

    const ADDRESS: &str = "https://news.example/story/";

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
            snippet(ADDRESS, &View::Story.page("index.html"), None, "抚顺的上半年"),
            "<iframe src=\"https://news.example/story/embed/index.html\" title=\"抚顺的上半年\" \
             style=\"width:100%;border:0\" loading=\"lazy\"></iframe>\n\
             <script src=\"https://news.example/story/embed.js\" async></script>"
        );
    }

    #[test]
    fn a_part_and_an_edition_are_pages_of_their_own() {
        let block = View::Block(Slug::try_from("growth-rates".to_owned()).unwrap());
        let code = snippet(ADDRESS, &block.page("index.html"), None, "三项增速");
        assert!(code.contains("src=\"https://news.example/story/embed/growth-rates.html\""), "{code}");
        let code = snippet(ADDRESS, &block.page("en.html"), None, "Growth");
        assert!(code.contains("src=\"https://news.example/story/en/embed/growth-rates.html\""), "{code}");
        assert!(!code.contains('?'), "no query: {code}");
    }

    #[test]
    fn a_theme_other_than_the_light_default_is_asked_for() {
        let theme = |theme| snippet(ADDRESS, "embed/index.html", theme, "t");
        assert!(theme(None).contains("embed/index.html\""));
        assert!(theme(Some(Theme::Light)).contains("embed/index.html\""), "light is the default: not written");
        assert!(theme(Some(Theme::Dark)).contains("embed/index.html?theme=dark\""));
        assert!(theme(Some(Theme::Auto)).contains("embed/index.html?theme=auto\""));
    }

    #[test]
    fn a_title_cannot_break_out_of_its_attribute() {
        let code = snippet(ADDRESS, "embed/index.html", None, "\"><script>alert(1)</script>");
        assert!(code.contains("title=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""), "{code}");
        assert_eq!(code.matches("<script").count(), 1);
    }
}
