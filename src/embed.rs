//! The code a news site pastes to embed the story: an iframe for one view and the host script
//! that keeps the iframe as tall as its content (`static/embed.js`). Pure text, tested natively;
//! the "Embed" control in the page fills in the address it is served from.

use crate::params::{Theme, View};

/// The address of the full story for a page at `origin` and `path`: the folder the page is in,
/// so `https://news.example/story/index.html` and `…/story/` both give `https://news.example/story/`.
pub fn story_address(origin: &str, path: &str) -> String {
    let folder = path.rfind('/').map_or("/", |end| &path[..=end]);
    format!("{origin}{folder}")
}

/// The snippet embedding `view` of the story at `address` (from [`story_address`]) from the
/// edition's own `page` (`index.html`, `en.html`: no redirect on the way), in `theme` (none: the
/// embed's default, light), with `title` as the iframe's accessible name. An unknown view embeds
/// the whole story.
pub fn snippet(address: &str, page: &str, view: &View, theme: Option<Theme>, title: &str) -> String {
    let mut query = view.query().or_else(|| View::Story.query()).unwrap_or_default();
    if let Some(theme) = theme.filter(|theme| *theme != Theme::Light) {
        query.push_str("&theme=");
        query.push_str(theme.value());
    }
    let page = if page == "index.html" { "" } else { page };
    let src = escape(&format!("{address}{page}?{query}"));
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
            snippet(ADDRESS, "index.html", &View::Story, None, "抚顺的上半年"),
            "<iframe src=\"https://news.example/story/?embed=1\" title=\"抚顺的上半年\" \
             style=\"width:100%;border:0\" loading=\"lazy\"></iframe>\n\
             <script src=\"https://news.example/story/embed.js\" async></script>"
        );
    }

    #[test]
    fn a_part_is_named_in_the_query_and_the_ampersand_is_escaped() {
        let block = View::Block(Slug::try_from("growth-rates".to_owned()).unwrap());
        let code = snippet(ADDRESS, "index.html", &block, None, "三项增速");
        assert!(code.contains("src=\"https://news.example/story/?embed=1&amp;block=growth-rates\""), "{code}");
        assert!(snippet(ADDRESS, "index.html", &View::Unknown, None, "t").contains("?embed=1\""));
    }

    #[test]
    fn another_edition_is_embedded_from_its_own_page_with_no_redirect() {
        let code = snippet(ADDRESS, "en.html", &View::Story, None, "Fushun");
        assert!(code.contains("src=\"https://news.example/story/en.html?embed=1\""), "{code}");
        assert!(!code.contains("lang="), "{code}");
    }

    #[test]
    fn a_theme_other_than_the_light_default_is_asked_for() {
        let theme = |theme| snippet(ADDRESS, "index.html", &View::Story, theme, "t");
        assert!(theme(None).contains("?embed=1\""));
        assert!(theme(Some(Theme::Light)).contains("?embed=1\""), "light is the default: not written");
        assert!(theme(Some(Theme::Dark)).contains("?embed=1&amp;theme=dark\""));
        assert!(theme(Some(Theme::Auto)).contains("?embed=1&amp;theme=auto\""));
    }

    #[test]
    fn a_title_cannot_break_out_of_its_attribute() {
        let code = snippet(ADDRESS, "index.html", &View::Story, None, "\"><script>alert(1)</script>");
        assert!(code.contains("title=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""), "{code}");
        assert_eq!(code.matches("<script").count(), 1);
    }
}
