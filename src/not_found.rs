//! The site's page for an address that names no page (`404.html` in a story's folder): a reader who
//! followed a mistyped or outdated link is told so, in every edition's language, and given the
//! story in each. Hosts send it with the status 404: nginx for any such address
//! (`crate::deploy::nginx`), Cloudflare Pages the nearest one up the address's folders, Netlify as
//! the build's `_redirects` says (`crate::deploy::cdn_redirects`). Nothing on it moves, so it loads
//! no script; its stylesheet is inline, allowed by its hash like every page's.

use crate::content::model::Lang;
use crate::embed::escape;
use crate::{head, typeset, ui};

/// One edition of the story, as the page offers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offer {
    /// The edition's language.
    pub lang: Lang,
    /// The edition's title.
    pub title: String,
    /// The edition's page: absolute where the build knows the site's address, since the page is
    /// sent for addresses at any depth; else relative to the story's folder, right for an address
    /// in it (`/zh.html`, `/en.htm`).
    pub href: String,
}

/// The page offering `editions` (the original first), with the site's `icon` (a `data:` address)
/// and the original's typesetting `words`; and its inline stylesheet, for the policy.
pub fn page(editions: &[Offer], icon: &str, words: &[String]) -> (String, String) {
    let root = editions.first().map_or(Lang::Zh, |offer| offer.lang);
    let sections: String = editions
        .iter()
        .enumerate()
        .map(|(index, offer)| {
            let said = ui::labels(offer.lang);
            // One heading for the page; the others say the same in their language under it.
            let heading = if index == 0 { "h1" } else { "h2" };
            format!(
                "<section lang=\"{lang}\"><{heading}>{title}</{heading}><p>{text}</p>\
                 <p class=\"not-found__story by-words\"><a href=\"{href}\">{story}</a></p></section>",
                lang = offer.lang.tag(),
                title = escape(said.not_found_title),
                text = escape(said.not_found),
                href = escape(&offer.href),
                story = escape(&offer.title),
            )
        })
        .collect();
    let body = typeset::typeset(&format!("<main class=\"not-found\">{sections}</main>"), root, words);
    let style = head::not_found_stylesheet(root.tag(), &body);
    let title: Vec<&str> = editions.iter().map(|offer| ui::labels(offer.lang).not_found_title).collect();
    let page = format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n  <meta charset=\"utf-8\">\n  \
         <meta name=\"robots\" content=\"noindex\">\n  \
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1, viewport-fit=cover\">\n  \
         <meta name=\"color-scheme\" content=\"light dark\">\n  <title>{title}</title>\n  \
         <link rel=\"icon\" href=\"{icon}\">\n  <style>{style}</style>\n</head>\n<body>\n  {body}\n</body>\n</html>\n",
        lang = root.tag(),
        title = escape(&title.join(" · ")),
        icon = escape(icon),
    );
    (page, style)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stories;

    /// The page of the example story's editions, and what it offers.
    fn example() -> (String, String, Vec<(Lang, String, String)>) {
        let editions: Vec<(Lang, String, String)> = stories::editions(stories::EDITIONS[0].story)
            .map(|edition| {
                let title = stories::story_or_first(Some(edition.story)).meta.title;
                (edition.lang, title, edition.href().to_owned())
            })
            .collect();
        let offers: Vec<Offer> = editions
            .iter()
            .map(|(lang, title, href)| Offer { lang: *lang, title: title.clone(), href: href.clone() })
            .collect();
        let (page, style) = page(&offers, "data:,", &[]);
        (page, style, editions)
    }

    #[test]
    fn the_page_says_so_in_every_editions_language_and_leads_to_each_edition() {
        let (page, _, offers) = example();
        assert!(offers.len() > 1, "the example story has a translation");
        assert!(page.starts_with("<!doctype html>\n<html lang=\"zh-CN\">"), "{page}");
        assert!(page.contains("<meta name=\"robots\" content=\"noindex\">"));
        assert!(page.contains("<title>找不到这个页面 · Page not found</title>"), "{page}");
        assert_eq!(page.matches("<h1>").count(), 1, "one heading for the page");
        for (lang, _, href) in &offers {
            let section = format!("<section lang=\"{}\">", lang.tag());
            let at = page.find(&section).unwrap_or_else(|| panic!("no {section}"));
            let own = &page[at..at + page[at..].find("</section>").unwrap()];
            assert!(own.contains(&format!("<a href=\"{href}\">")), "{own}");
            let text: String =
                own.split('<').map(|piece| piece.split_once('>').map_or(piece, |(_, text)| text)).collect();
            assert!(text.contains(ui::labels(*lang).not_found_title), "{text}");
        }
        assert!(!page.contains("<script"), "nothing on the page moves");
    }

    #[test]
    fn the_stylesheet_is_inline_and_only_what_the_page_can_match() {
        let (page, style, _) = example();
        assert!(page.contains(&format!("<style>{style}</style>")));
        assert!(style.contains(".not-found{"), "{style}");
        assert!(style.contains(".not-found :lang(en){"), "the English edition's face: {style}");
        assert!(style.contains("@media screen and (prefers-color-scheme:dark)"), "the reader's dark setting: {style}");
        assert!(!style.contains(".chapter") && !style.contains(".embed-credit"), "{style}");
    }

    #[test]
    fn what_the_page_shows_is_escaped() {
        let offers =
            [Offer { lang: Lang::En, title: "A <b> & \"c\"".to_owned(), href: "x.html?a=1&b=\"2\"".to_owned() }];
        let (page, _) = page(&offers, "data:,", &[]);
        assert!(
            page.contains("<a href=\"x.html?a=1&amp;b=&quot;2&quot;\">A &lt;b&gt; &amp; &quot;c&quot;</a>"),
            "{page}"
        );
    }
}
