//! Filling a built HTML page with its prerendered story: the story's markup goes into the page's
//! `#story` element and the story's own title and description into the head, so the page is
//! complete before any script runs and can never disagree with the story file.

use std::fmt;

use crate::content::model::Story;
use crate::embed::escape;
use crate::share;
use crate::view::View;

/// Why a page could not be filled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageError(pub String);

impl fmt::Display for PageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for PageError {}

const ROOT_OPEN: &str = "<div id=\"story\"";

/// Whether `html` is a story page (one with a `#story` element to fill); other pages of the site,
/// such as the embed preview, are left as they are.
pub fn is_story_page(html: &str) -> bool {
    html.contains(ROOT_OPEN)
}

/// The story a page asks for with `data-story` on its `#story` element, if any.
pub fn story_id(html: &str) -> Option<&str> {
    attribute(html, ROOT_OPEN, "data-story")
}

/// The value of attribute `name` on the first tag of `html` that starts with `tag`, if any.
fn attribute<'a>(html: &'a str, tag: &str, name: &str) -> Option<&'a str> {
    let start = html.find(tag)?;
    let tag = &html[start..start + html[start..].find('>')?];
    tag.split(&format!(" {name}=\"")).nth(1)?.split('"').next()
}

/// What the head says about the page beyond the story itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Head<'a> {
    /// The share image: a path relative to the page, or an absolute URL.
    pub image: &'a str,
    /// The page's public address, when the build knows it (`SITE_URL`).
    pub url: Option<&'a str>,
    /// The public address of the story's folder, when the build knows it (`SITE_URL`).
    pub folder_url: Option<&'a str>,
    /// This view in every edition of the story, this one included, as (language tag, address
    /// relative to the story's folder).
    pub editions: &'a [(&'a str, String)],
    /// The view the page shows.
    pub view: &'a View,
    /// The way back from the page to the story's folder (`../` for `embed/x.html`), where every
    /// address in the page starts: a frame's page is given it as its base.
    pub root: &'a str,
    /// On the story's own page: every view's page, by the view's name, so an older snippet's
    /// address (`?embed=1&block=…`) finds the page its view is published on.
    pub views: &'a [(String, String)],
    /// The page's icon, as a `data:` address ([`svg_data_url`]); a frame's page has none.
    pub icon: &'a str,
    /// The head's inline script (`head::script`).
    pub script: &'a str,
    /// The page's inline stylesheet (`head::stylesheet`).
    pub style: &'a str,
    /// The page's oEmbed response's absolute address, when the build knows the site's (`SITE_URL`).
    pub oembed: Option<&'a str>,
}

/// `html` with `body` inside its empty `#story` element (which is told the page's view), and the
/// story's title, description, language and share tags in the head. A frame's page is marked as
/// one (`data-embed`, light until the address asks otherwise), is not indexed, takes the story's
/// folder as its base and opens links in a new tab. Refuses a page without an empty `#story`
/// element, or one already filled.
pub fn fill(html: &str, story: &Story, body: &str, head: &Head) -> Result<String, PageError> {
    let start = html.find(ROOT_OPEN).ok_or_else(|| PageError("the page has no <div id=\"story\"> to fill".into()))?;
    let open_end = start + html[start..].find('>').ok_or_else(|| PageError("the #story tag is not closed".into()))? + 1;
    if !html[open_end..].starts_with("</div>") {
        return Err(PageError("the #story element is not empty: was the page prerendered already?".into()));
    }
    let view = head.view;
    let root = format!("{} data-view=\"{}\">", &html[start..open_end - 1], escape(&view.name()));
    let mut page = format!("{}{root}{body}{}", &html[..start], &html[open_end..]);
    let meta = &story.meta;
    replace_between(&mut page, "<title>", "</title>", &escape(&view.title(story)))?;
    // The icon is in the page, so it costs no request; no browser shows a frame's icon, so a
    // frame's is empty (and a frame's page opened on its own does not ask for /favicon.ico).
    let icon = if view.is_embed() { "data:," } else { head.icon };
    replace_tag(&mut page, "<link rel=\"icon\"", &format!("<link rel=\"icon\" href=\"{}\">", escape(icon)));
    if view.is_embed() {
        // A frame's page is not indexed: no search result or preview shows its description.
        replace_tag(&mut page, "<meta name=\"description\"", "");
    } else {
        replace_between(&mut page, "<meta name=\"description\" content=\"", "\"", &escape(&meta.dek))?;
    }
    replace_between(&mut page, "<html lang=\"", "\"", meta.lang.tag())?;
    if let Some(frame) = view.frame() {
        page = page.replacen("<html ", &format!("<html data-embed=\"{frame}\" data-theme=\"light\" "), 1);
    }
    if !view.is_embed() {
        let end = page.find("</head>").ok_or_else(|| PageError("the page has no </head>".into()))?;
        page.insert_str(end, &share_tags(story, head));
        let end = page.find("</head>").ok_or_else(|| PageError("the page has no </head>".into()))?;
        page.insert_str(end, &structured_data(story, head));
    }
    if let Some(oembed) = head.oembed {
        // oEmbed's discovery: a publishing system given this page's address finds the code here.
        let end = page.find("</head>").ok_or_else(|| PageError("the page has no </head>".into()))?;
        let link = format!(
            "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}\" title=\"{}\">",
            escape(oembed),
            escape(&view.title(story))
        );
        page.insert_str(end, &link);
    }
    // Right after the character set (which must come within the first 1024 bytes): a frame's base,
    // before any address in the page is read; then the editions and the views, which the head's
    // script (static/head.js) looks up; then that script and the page's stylesheet, inline, so
    // nothing delays the first paint.
    let charset = page.find("<meta charset").ok_or_else(|| PageError("the page has no <meta charset>".into()))?;
    let after = charset + page[charset..].find('>').ok_or_else(|| PageError("<meta charset is not closed".into()))? + 1;
    let base = match view.is_embed() {
        true => {
            format!("<base href=\"{}\" target=\"_blank\"><meta name=\"robots\" content=\"noindex\">", escape(head.root))
        }
        false => String::new(),
    };
    if head.script.contains("</") || head.style.contains("</") {
        return Err(PageError("an inline script or style cannot hold \"</\"".into()));
    }
    let inline = format!("<script>{}</script><style>{}</style>", head.script, head.style);
    page.insert_str(after, &format!("{base}{}{}{}{inline}", alternates(head), editions(head), views(head)));
    Ok(page)
}

/// `href`, an address relative to the story's folder, made absolute with the folder's public
/// address `folder_url`.
pub fn absolute(folder_url: &str, href: &str) -> String {
    format!("{folder_url}{}", href.trim_start_matches("./"))
}

/// Every edition's page of this view by its language tag, as data (never run) for
/// static/head.js, which opens the one `?lang=` asks for; none when the story has one edition.
fn editions(head: &Head) -> String {
    if head.editions.len() < 2 {
        return String::new();
    }
    data_block("story-editions", head.editions.iter().map(|(tag, page)| (*tag, page.as_str())))
}

/// Every view's page by the view's name, as data (never run) for static/head.js; `missing` is the
/// page for a part the story does not have.
fn views(head: &Head) -> String {
    if head.views.is_empty() {
        return String::new();
    }
    data_block("story-views", head.views.iter().map(|(name, page)| (name.as_str(), page.as_str())))
}

/// A JSON object of `entries` in a data block with `id`: read by static/head.js, never run.
fn data_block<'a>(id: &str, entries: impl Iterator<Item = (&'a str, &'a str)>) -> String {
    let json = crate::data::string;
    let entries: Vec<String> = entries.map(|(key, value)| format!("{}:{}", json(key), json(value))).collect();
    format!("<script type=\"application/json\" id=\"{id}\">{{{}}}</script>", entries.join(","))
}

/// For search engines, links to every edition of the story, when it has more than one: on an
/// indexed page (not a frame's), and only where the build knows the site's address, as a link
/// between editions must be absolute.
fn alternates(head: &Head) -> String {
    let Some(folder_url) = head.folder_url.filter(|_| head.editions.len() > 1 && !head.view.is_embed()) else {
        return String::new();
    };
    head.editions
        .iter()
        .map(|(tag, href)| {
            format!("<link rel=\"alternate\" hreflang=\"{tag}\" href=\"{}\">", escape(&absolute(folder_url, href)))
        })
        .collect()
}

/// The story as schema.org structured data (JSON-LD), for search engines: a `NewsArticle` based
/// on the source article, and its figures as a `Dataset` with the CSV and JSON downloads. Written
/// for what the build knows, nothing more: no author or date of our own, addresses relative to
/// the page unless the build was given the site's (`SITE_URL`). A data block: no policy runs it.
fn structured_data(story: &Story, head: &Head) -> String {
    let meta = &story.meta;
    let words = crate::ui::labels(meta.lang);
    let source = &meta.source;
    let source_title = source.original_title.as_deref().unwrap_or(&source.title);
    let based_on = serde_json::json!({
        "@type": "NewsArticle",
        "headline": source_title,
        "datePublished": source.date.as_str(),
        "publisher": { "@type": "GovernmentOrganization", "name": source.publisher },
    });
    // The files sit beside the page's edition, in the story's folder.
    let folder = head.image.rsplit_once('/').map_or("", |(folder, _)| folder);
    let file = |format: crate::data::Format| {
        let name = crate::data::file_name(story, format);
        if folder.is_empty() {
            name
        } else {
            format!("{folder}/{name}")
        }
    };
    let credit = format!(
        "{}{}{}{}{}{}{}{}{}{}{}{}",
        words.source,
        words.colon,
        source.publisher,
        words.publisher_gap,
        words.title_open,
        source.title,
        words.title_close,
        words.comma,
        words.published,
        words.date_gap,
        crate::ui::date(meta.lang, &source.date),
        words.stop
    );
    let mut article = serde_json::json!({
        "@type": "NewsArticle",
        "headline": meta.title,
        "description": meta.dek,
        "inLanguage": meta.lang.tag(),
        "image": [head.image],
        "isBasedOn": based_on,
    });
    if let Some(url) = head.url {
        article["url"] = url.into();
    }
    let downloads: Vec<serde_json::Value> = [crate::data::Format::Csv, crate::data::Format::Json]
        .map(|format| {
            serde_json::json!({ "@type": "DataDownload", "encodingFormat": format.media_type(), "contentUrl": file(format) })
        })
        .into();
    let mut dataset = serde_json::json!({
        "@type": "Dataset",
        "name": format!("{}{}", meta.title, words.dataset_name),
        "description": format!("{}{}", words.dataset_description, credit),
        "inLanguage": meta.lang.tag(),
        "isBasedOn": based_on,
        "distribution": downloads,
    });
    if let Some(coverage) = &meta.coverage {
        dataset["temporalCoverage"] = coverage.period.as_str().into();
        dataset["spatialCoverage"] = serde_json::json!({ "@type": "Place", "name": coverage.place });
    }
    let graph = serde_json::json!({ "@context": "https://schema.org", "@graph": [article, dataset] });
    // `<` written as an escape: nothing in the data can close the element.
    let json = graph.to_string().replace('<', "\\u003c");
    format!("<script type=\"application/ld+json\">{json}</script>")
}

/// Open Graph and Twitter card tags: how the story looks when shared.
fn share_tags(story: &Story, head: &Head) -> String {
    let meta = &story.meta;
    let (title, dek, image) = (escape(&meta.title), escape(&meta.dek), escape(head.image));
    let locale = meta.lang.tag().replace('-', "_");
    let mut tags = format!(
        "<meta property=\"og:type\" content=\"article\">\
         <meta property=\"og:title\" content=\"{title}\">\
         <meta property=\"og:description\" content=\"{dek}\">\
         <meta property=\"og:locale\" content=\"{locale}\">\
         <meta property=\"og:image\" content=\"{image}\">\
         <meta property=\"og:image:width\" content=\"{}\">\
         <meta property=\"og:image:height\" content=\"{}\">\
         <meta property=\"og:image:alt\" content=\"{title}\">\
         <meta name=\"twitter:card\" content=\"summary_large_image\">\
         <meta name=\"twitter:title\" content=\"{title}\">\
         <meta name=\"twitter:description\" content=\"{dek}\">\
         <meta name=\"twitter:image\" content=\"{image}\">",
        share::WIDTH,
        share::HEIGHT
    );
    if let Some(url) = head.url {
        let url = escape(url);
        tags.push_str(&format!("<meta property=\"og:url\" content=\"{url}\"><link rel=\"canonical\" href=\"{url}\">"));
    }
    tags
}

/// The page `html` set to show story `id` (its `#story` element's `data-story`), so one built page
/// serves as the template of every edition.
pub fn with_story(html: &str, id: &str) -> Result<String, PageError> {
    let start = html.find(ROOT_OPEN).ok_or_else(|| PageError("the page has no <div id=\"story\"> to fill".into()))?;
    let mut page = html.to_owned();
    let mut tail = page.split_off(start);
    replace_between(&mut tail, "data-story=\"", "\"", id)?;
    page.push_str(&tail);
    Ok(page)
}

/// `html`, a page of the site's folder, as a page of a folder inside it: the addresses the build
/// wrote into it for the site's own files (`./boot.js`, the engine, the icon) go one folder up.
pub fn in_folder(html: &str) -> String {
    html.replace("=\"./", "=\"../")
}

/// Replaces the tag of `page` that starts with `start`, if there is one, with `with`.
fn replace_tag(page: &mut String, start: &str, with: &str) {
    if let Some(at) = page.find(start) {
        let end = at + page[at..].find('>').map_or(page.len() - at, |end| end + 1);
        page.replace_range(at..end, with);
    }
}

/// The address of the page's icon as the built page names it (`./favicon-….svg`), if it has one.
pub fn icon_href(html: &str) -> Option<&str> {
    attribute(html, "<link rel=\"icon\"", "href")
}

/// `svg` as a `data:` address, with every character that is not plainly safe in one escaped.
pub fn svg_data_url(svg: &str) -> String {
    let mut url = String::from("data:image/svg+xml,");
    for byte in svg.trim().replace('"', "'").bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' | b':' | b'=' | b'\'' | b',' => {
                url.push(byte as char)
            }
            _ => url.push_str(&format!("%{byte:02X}")),
        }
    }
    url
}

fn replace_between(page: &mut String, before: &str, after: &str, with: &str) -> Result<(), PageError> {
    let start = page.find(before).ok_or_else(|| PageError(format!("the page has no {before}")))? + before.len();
    let end = start + page[start..].find(after).ok_or_else(|| PageError(format!("{before} is not closed")))?;
    page.replace_range(start..end, with);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Old</title>\
        <meta name=\"description\" content=\"old\"><link rel=\"icon\" href=\"./favicon.svg\"></head>\
        <body><div id=\"story\" data-story=\"fushun-2023h1\"></div><script></script></body></html>";

    fn story() -> Story {
        crate::stories::story_or_first(None)
    }

    const HEAD: Head = Head {
        image: "share-0123456789abcdef.png",
        url: None,
        folder_url: None,
        editions: &[],
        view: &View::Page,
        root: "",
        views: &[],
        icon: "data:image/svg+xml,%3Csvg/%3E",
        script: "",
        style: "",
        oembed: None,
    };

    #[test]
    fn the_page_names_its_story() {
        assert_eq!(story_id(PAGE), Some("fushun-2023h1"));
        assert_eq!(story_id("<div id=\"story\"></div>"), None);
        assert_eq!(story_id("<p>"), None);
    }

    #[test]
    fn a_page_can_be_set_to_another_story_and_lists_every_edition() {
        let english = with_story(PAGE, "fushun-2023h1-en").unwrap();
        assert_eq!(story_id(&english), Some("fushun-2023h1-en"));
        let editions = [("zh-CN", "./".to_owned()), ("en", "en.html".to_owned())];
        let head = Head { editions: &editions, ..HEAD };
        let page = fill(PAGE, &story(), "", &head).unwrap();
        let listed = "<meta charset=\"utf-8\"><script type=\"application/json\" id=\"story-editions\">\
            {\"zh-CN\":\"./\",\"en\":\"en.html\"}</script>";
        assert!(page.contains(listed), "{page}");
        assert!(!page.contains("hreflang"), "without the site's address, no relative links for search engines: {page}");
        let head = Head { folder_url: Some("https://example.org/fushun/"), ..head };
        let page = fill(PAGE, &story(), "", &head).unwrap();
        let linked = "<meta charset=\"utf-8\"><link rel=\"alternate\" hreflang=\"zh-CN\" \
            href=\"https://example.org/fushun/\"><link rel=\"alternate\" hreflang=\"en\" \
            href=\"https://example.org/fushun/en.html\"><script type=\"application/json\" id=\"story-editions\">";
        assert!(page.contains(linked), "{page}");
        let alone = fill(PAGE, &story(), "", &Head { folder_url: head.folder_url, ..HEAD }).unwrap();
        assert!(!alone.contains("hreflang") && !alone.contains("story-editions"), "one edition lists none");
    }

    #[test]
    fn only_pages_with_a_story_root_are_story_pages() {
        assert!(is_story_page(PAGE));
        assert!(!is_story_page(include_str!("../static/embed-preview.html")), "the embed preview is left alone");
    }

    #[test]
    fn the_story_goes_into_the_root_and_its_words_into_the_head() {
        let page = fill(PAGE, &story(), "<h1>T</h1>", &HEAD).unwrap();
        assert!(page.contains("data-story=\"fushun-2023h1\" data-view=\"page\"><h1>T</h1></div><script>"), "{page}");
        assert!(page.contains(&format!("<title>{}</title>", story().meta.title)));
        assert!(page.contains(&format!("content=\"{}\"", story().meta.dek)));
        assert!(page.contains("<html lang=\"zh-CN\">"));
        assert!(
            page.contains("<link rel=\"icon\" href=\"data:image/svg+xml,%3Csvg/%3E\">"),
            "the icon, in the page: {page}"
        );
        assert!(!page.contains("favicon"), "{page}");
    }

    #[test]
    fn a_page_is_filled_only_once() {
        let page = fill(PAGE, &story(), "<h1>T</h1>", &HEAD).unwrap();
        assert!(fill(&page, &story(), "<h1>T</h1>", &HEAD).unwrap_err().0.contains("already"));
    }

    #[test]
    fn a_page_without_a_root_is_refused() {
        let page = "<html lang=\"x\"><title></title></html>";
        assert!(fill(page, &story(), "", &HEAD).unwrap_err().0.contains("no <div"));
    }

    #[test]
    fn the_storys_page_describes_the_story_and_its_figures_for_search_engines_and_a_frame_does_not() {
        let page = fill(PAGE, &story(), "", &HEAD).unwrap();
        let json = page
            .split("<script type=\"application/ld+json\">")
            .nth(1)
            .and_then(|rest| rest.split("</script>").next())
            .unwrap();
        let data: serde_json::Value = serde_json::from_str(json).unwrap();
        let graph = data["@graph"].as_array().unwrap();
        assert_eq!(data["@context"], "https://schema.org");
        assert_eq!(graph[0]["@type"], "NewsArticle");
        assert_eq!(graph[0]["headline"], story().meta.title.as_str());
        assert_eq!(graph[0]["isBasedOn"]["datePublished"], story().meta.source.date.as_str());
        assert_eq!(graph[0]["isBasedOn"]["publisher"]["name"], story().meta.source.publisher.as_str());
        assert!(
            graph[0].get("url").is_none()
                && graph[0].get("author").is_none()
                && graph[0].get("datePublished").is_none()
        );
        assert_eq!(graph[1]["@type"], "Dataset");
        let files: Vec<&str> =
            graph[1]["distribution"].as_array().unwrap().iter().map(|d| d["contentUrl"].as_str().unwrap()).collect();
        let id = story().meta.id.as_str().to_owned();
        assert_eq!(files, [format!("{id}.csv"), format!("{id}.json")]);
        let description = graph[1]["description"].as_str().unwrap();
        assert!(description.chars().count() >= 50);
        assert!(description.ends_with("发布于2023年7月25日。"), "no space typed before the date: {description}");
        assert_eq!(graph[1]["temporalCoverage"], "2023-01/2023-06");
        assert_eq!(graph[1]["spatialCoverage"]["@type"], "Place");
        assert_eq!(graph[1]["spatialCoverage"]["name"], "辽宁省抚顺市");
        assert!(!json.contains('<'), "{json}");
        let mut uncovered = story();
        uncovered.meta.coverage = None;
        let page = fill(PAGE, &uncovered, "", &HEAD).unwrap();
        assert!(!page.contains("Coverage"), "a story that does not say what it covers is not given a coverage");
        let view = View::parse("block:growth-rates").unwrap();
        let frame = fill(PAGE, &story(), "", &Head { view: &view, ..HEAD }).unwrap();
        assert!(!frame.contains("ld+json"), "a frame is not indexed");
        let head =
            Head { url: Some("https://example.org/fushun/"), image: "https://example.org/fushun/share-1.png", ..HEAD };
        let page = fill(PAGE, &story(), "", &head).unwrap();
        assert!(page.contains("\"url\":\"https://example.org/fushun/\""), "{page}");
        assert!(page.contains(&format!("\"contentUrl\":\"https://example.org/fushun/{id}.csv\"")), "{page}");
    }

    #[test]
    fn share_tags_name_the_story_and_its_image() {
        let page = fill(PAGE, &story(), "", &HEAD).unwrap();
        let title = story().meta.title;
        assert!(page.contains(&format!("<meta property=\"og:title\" content=\"{title}\">")));
        assert!(page.contains("<meta property=\"og:image\" content=\"share-0123456789abcdef.png\">"));
        assert!(page.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"));
        assert!(page.contains("<meta property=\"og:locale\" content=\"zh_CN\">"));
        assert!(!page.contains("og:url"), "no address is invented when the build was not given one");
        let head = Head { url: Some("https://example.org/fushun/"), ..HEAD };
        let page = fill(PAGE, &story(), "", &head).unwrap();
        assert!(page.contains("<link rel=\"canonical\" href=\"https://example.org/fushun/\">"));
        assert!(page.find("og:title").unwrap() < page.find("</head>").unwrap());
        assert!(!page.contains("json+oembed"), "no discovery without the site's address");
        let head = Head { oembed: Some("https://example.org/fushun/index.oembed.json"), ..head };
        let page = fill(PAGE, &story(), "", &head).unwrap();
        assert!(page.contains(&format!(
            "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"https://example.org/fushun/index.oembed.json\" title=\"{}\">",
            story().meta.title
        )));
    }

    #[test]
    fn head_text_is_escaped() {
        assert_eq!(escape("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
    }

    #[test]
    fn the_icon_is_found_and_written_into_the_page() {
        assert_eq!(icon_href(PAGE), Some("./favicon.svg"));
        assert_eq!(icon_href("<head></head>"), None);
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect fill=\"#9e2a1f\" width=\"32\"/></svg>\n";
        assert_eq!(
            svg_data_url(svg),
            "data:image/svg+xml,%3Csvg%20xmlns='http://www.w3.org/2000/svg'%3E%3Crect%20fill='%239e2a1f'%20width='32'/%3E%3C/svg%3E"
        );
    }

    #[test]
    fn a_page_in_a_folder_of_its_own_reaches_the_sites_files_one_folder_up() {
        let site = "<link rel=\"icon\" href=\"./favicon-0123456789abcdef.svg\"><script type=\"module\" \
            src=\"./boot.js\" data-js=\"./app-0123456789abcdef.js\" data-wasm=\"./app-0123456789abcdef_bg.wasm\"></script>";
        assert_eq!(
            in_folder(site),
            "<link rel=\"icon\" href=\"../favicon-0123456789abcdef.svg\"><script type=\"module\" src=\"../boot.js\" \
             data-js=\"../app-0123456789abcdef.js\" data-wasm=\"../app-0123456789abcdef_bg.wasm\"></script>"
        );
    }

    #[test]
    fn a_frames_page_is_marked_based_on_the_story_folder_and_not_indexed() {
        let view = View::Block(crate::content::model::Slug::try_from("growth-rates".to_owned()).unwrap());
        let editions =
            [("zh-CN", "embed/growth-rates.html".to_owned()), ("en", "en/embed/growth-rates.html".to_owned())];
        let head = Head { view: &view, root: "../", editions: &editions, folder_url: Some("https://x.org/"), ..HEAD };
        let page = fill(PAGE, &story(), "<p>chart</p>", &head).unwrap();
        assert!(
            page.starts_with("<!doctype html><html data-embed=\"block\" data-theme=\"light\" lang=\"zh-CN\">"),
            "{page}"
        );
        let base =
            "<meta charset=\"utf-8\"><base href=\"../\" target=\"_blank\"><meta name=\"robots\" content=\"noindex\">\
            <script type=\"application/json\" id=\"story-editions\">{\"zh-CN\":\"embed/growth-rates.html\",";
        assert!(page.contains(base), "the base comes before every address: {page}");
        assert!(page.contains("data-view=\"block:growth-rates\"><p>chart</p>"), "{page}");
        assert!(page.contains(&format!("<title>{}：上半年三项增速</title>", story().meta.title)), "{page}");
        assert!(!page.contains("og:"), "a frame is not shared: {page}");
        assert!(!page.contains("story-views"), "{page}");
        assert!(page.contains("<link rel=\"icon\" href=\"data:,\">") && !page.contains("favicon"), "no icon: {page}");
        assert!(!page.contains("name=\"description\""), "no description: {page}");
    }

    #[test]
    fn the_storys_own_page_lists_every_views_page_as_data_after_the_character_set() {
        let views = [
            ("block:a".to_owned(), "embed/a.html".to_owned()),
            ("missing".to_owned(), "embed/<missing>.html".to_owned()),
        ];
        let page = fill(PAGE, &story(), "", &Head { views: &views, ..HEAD }).unwrap();
        let table = "<script type=\"application/json\" id=\"story-views\">\
            {\"block:a\":\"embed/a.html\",\"missing\":\"embed/\\u003cmissing>.html\"}</script>";
        assert!(page.contains(table), "{page}");
        assert!(page.find("<meta charset").unwrap() < page.find("story-views").unwrap());
        assert!(!page.contains("<base"), "{page}");
    }

    #[test]
    fn the_script_and_the_stylesheet_are_inline_after_the_data_they_read() {
        let head = Head { script: "go()", style: "p{margin:0}", ..HEAD };
        let page = fill(PAGE, &story(), "", &head).unwrap();
        assert!(page.contains("<meta charset=\"utf-8\"><script>go()</script><style>p{margin:0}</style>"), "{page}");
        let broken = Head { script: "x='</script><script>alert(1)'", ..HEAD };
        assert!(fill(PAGE, &story(), "", &broken).unwrap_err().0.contains("</"));
    }
}
