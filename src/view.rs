//! What a page shows: the story's own page, or one view of it for another site's frame (the whole
//! story, one chapter, one chart or figure card). The view is an input to rendering, as the edition
//! is: the build writes one page per view and edition, and each page names its view on its root, so
//! the app renders exactly what the build rendered.
//!
//! One grammar, owned here: a view's name (`page`, `story`, `chapter:<slug>`, `block:<slug>`,
//! `missing`), which the pages, the embed control and the old addresses' table all use; and the
//! page each view is published on (`embed/<slug>.html`, `en/embed/<slug>.html`, see
//! [`View::page`]). The address older snippets used (`?embed=1&chapter=…`) is read by
//! `params::parse` into a view too, and its page is where such an address now leads.

use crate::content::model::{Block, Indicator, Slug, Story};

/// One page's view of the story.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum View {
    /// The story's own page: the whole story with its navigator and tools.
    Page,
    /// The whole story, in another site's frame.
    Story,
    /// One chapter, in a frame.
    Chapter(Slug),
    /// One chart or one figure card, in a frame.
    Block(Slug),
    /// A frame asked for a part the story does not have: the page says so.
    Missing,
}

impl View {
    /// The view's name: `page`, `story`, `chapter:<slug>`, `block:<slug>` or `missing`.
    pub fn name(&self) -> String {
        match self {
            View::Page => "page".to_owned(),
            View::Story => "story".to_owned(),
            View::Chapter(slug) => format!("chapter:{}", slug.as_str()),
            View::Block(slug) => format!("block:{}", slug.as_str()),
            View::Missing => "missing".to_owned(),
        }
    }

    /// The view `name` names, as [`View::name`] writes it; `None` for anything else.
    pub fn parse(name: &str) -> Option<View> {
        let slug = |id: &str| Slug::try_from(id.to_owned()).ok();
        match name.split_once(':') {
            Some(("chapter", id)) => slug(id).map(View::Chapter),
            Some(("block", id)) => slug(id).map(View::Block),
            Some(_) => None,
            None => match name {
                "page" => Some(View::Page),
                "story" => Some(View::Story),
                "missing" => Some(View::Missing),
                _ => None,
            },
        }
    }

    /// Whether the view is for another site's frame.
    pub fn is_embed(&self) -> bool {
        *self != View::Page
    }

    /// What kind of frame the view is (`story`, `chapter`, `block`, `missing`), as the page's
    /// `data-embed` says to the stylesheet; `None` for the story's own page.
    pub fn frame(&self) -> Option<&'static str> {
        match self {
            View::Page => None,
            View::Story => Some("story"),
            View::Chapter(_) => Some("chapter"),
            View::Block(_) => Some("block"),
            View::Missing => Some("missing"),
        }
    }

    /// The file this view is published as, relative to the story's folder, for the edition whose
    /// own page is `edition_page` (`index.html` for the original, `en.html` for a translation):
    /// the edition's page itself; `embed/index.html` for the whole story; `embed/<slug>.html` for a
    /// chapter, chart or card (they share one set of ids); `embed/missing.html`. A translation's
    /// embeds are in a folder named as its page: `en/embed/…`.
    pub fn page(&self, edition_page: &str) -> String {
        let file = match self {
            View::Page => return edition_page.to_owned(),
            View::Story => "index",
            View::Chapter(slug) | View::Block(slug) => slug.as_str(),
            View::Missing => "missing",
        };
        match edition_page.strip_suffix(".html").filter(|stem| *stem != "index") {
            Some(stem) => format!("{stem}/embed/{file}.html"),
            None => format!("embed/{file}.html"),
        }
    }

    /// The address of the view's page relative to the story's folder: [`View::page`], except that
    /// the original edition's own page is the folder itself (`./`), the address readers see.
    pub fn href(&self, edition_page: &str) -> String {
        match self.page(edition_page) {
            page if page == "index.html" => "./".to_owned(),
            page => page,
        }
    }

    /// How to get from the view's page back to the story's folder: `../` for `embed/x.html`.
    pub fn root(&self, edition_page: &str) -> String {
        "../".repeat(self.page(edition_page).matches('/').count())
    }

    /// The address older snippets used for this view, without the `?`: `embed=1`,
    /// `embed=1&chapter=<slug>`, `embed=1&block=<id>`; `None` for the story's own page and for a
    /// missing part. Such addresses still work: they lead to [`View::page`].
    pub fn legacy_query(&self) -> Option<String> {
        match self {
            View::Story => Some("embed=1".to_owned()),
            View::Chapter(slug) => Some(format!("embed=1&chapter={}", slug.as_str())),
            View::Block(slug) => Some(format!("embed=1&block={}", slug.as_str())),
            View::Page | View::Missing => None,
        }
    }

    /// Every view `story` has, each with a page: its own page, the whole story, each chapter, each
    /// chart and each figure card, and the page for a missing part.
    pub fn all(story: &Story) -> Vec<View> {
        let chapters = story.chapters.iter().map(|chapter| View::Chapter(chapter.id.clone()));
        let charts = charts(story).map(|(id, _)| View::Block(id.clone()));
        let cards = cards(story).map(|indicator| View::Block(indicator.id.clone()));
        [View::Page, View::Story]
            .into_iter()
            .chain(chapters)
            .chain(charts)
            .chain(cards)
            .chain([View::Missing])
            .collect()
    }

    /// This view if `story` has it, or [`View::Missing`]: a chapter that is no chapter, or a block
    /// that is neither a chart nor a card, is missing.
    pub fn in_story(self, story: &Story) -> View {
        let has = match &self {
            View::Chapter(slug) => story.chapters.iter().any(|chapter| chapter.id == *slug),
            View::Block(slug) => charts(story).any(|(id, _)| id == slug) || cards(story).any(|card| card.id == *slug),
            View::Page | View::Story | View::Missing => true,
        };
        if has {
            self
        } else {
            View::Missing
        }
    }

    /// The view's title: the story's, followed for a part by the part's own (a frame's document
    /// title, an iframe's accessible name).
    pub fn title(&self, story: &Story) -> String {
        self.part_title(story).map_or_else(|| story.meta.title.clone(), |part| crate::ui::part_title(story, part))
    }

    /// The part's own title: the chapter's, the chart's or the figure's label; `None` for the
    /// whole story and for a missing part.
    pub fn part_title<'a>(&self, story: &'a Story) -> Option<&'a str> {
        match self {
            View::Chapter(slug) => story.chapters.iter().find(|c| c.id == *slug).map(|c| c.title.as_str()),
            View::Block(slug) => charts(story)
                .find(|(id, _)| *id == slug)
                .map(|(_, title)| title)
                .or_else(|| cards(story).find(|card| card.id == *slug).map(|card| card.label.as_str())),
            View::Page | View::Story | View::Missing => None,
        }
    }
}

/// The chapter (by index) that shows the chart or card `id`; `None` for one in the opening or the
/// headline, or one the story does not show.
pub fn chapter_of(story: &Story, id: &Slug) -> Option<usize> {
    story.chapters.iter().position(|chapter| chapter.blocks.iter().any(|block| block.shows(id)))
}

/// Every chart of the story, in reading order, with its title.
pub fn charts(story: &Story) -> impl Iterator<Item = (&Slug, &str)> {
    story.charts().map(|chart| (&chart.id, chart.title.as_str()))
}

/// Every figure shown as a card: the headline's, then the rest in reading order.
pub fn cards(story: &Story) -> impl Iterator<Item = &Indicator> {
    let shown = story.blocks().flat_map(|block| match block {
        Block::Indicators(group) => group.ids.as_slice(),
        _ => &[],
    });
    story.meta.headline.iter().chain(shown).filter_map(|id| story.indicator(id))
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::stories;

    fn slug(text: &str) -> Slug {
        Slug::try_from(text.to_owned()).unwrap()
    }

    #[test]
    fn every_views_name_reads_back_as_itself() {
        for edition in stories::EDITIONS {
            let story = stories::story_or_first(Some(edition.story));
            for view in View::all(&story) {
                assert_eq!(View::parse(&view.name()), Some(view.clone()), "{}", view.name());
            }
        }
    }

    #[test]
    fn a_name_that_is_no_view_is_refused() {
        for bad in ["", "Page", "chapter", "chapter:", "chapter:Projects", "block:<script>", "part:x", "story:x", ":"] {
            assert_eq!(View::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn every_view_of_every_edition_has_a_page_of_its_own() {
        let mut pages = HashSet::new();
        for edition in stories::EDITIONS {
            let story = stories::story_or_first(Some(edition.story));
            let views = View::all(&story);
            assert_eq!(views.iter().filter(|v| matches!(v, View::Chapter(_))).count(), story.chapters.len());
            assert_eq!(
                views.iter().filter(|v| matches!(v, View::Block(_))).count(),
                charts(&story).count() + cards(&story).count()
            );
            for view in views {
                let page = view.page(edition.page);
                assert!(pages.insert(page.clone()), "{page} is written twice");
                assert_eq!(view.clone().in_story(&story), view, "{page}: the story has this view");
            }
        }
    }

    #[test]
    fn pages_are_laid_out_by_edition_then_view() {
        let projects = View::Chapter(slug("projects"));
        assert_eq!(View::Page.page("index.html"), "index.html");
        assert_eq!(View::Page.page("en.html"), "en.html");
        assert_eq!(View::Story.page("index.html"), "embed/index.html");
        assert_eq!(projects.page("index.html"), "embed/projects.html");
        assert_eq!(View::Block(slug("growth-rates")).page("en.html"), "en/embed/growth-rates.html");
        assert_eq!(View::Missing.page("en.html"), "en/embed/missing.html");
        assert_eq!(View::Page.href("index.html"), "./");
        assert_eq!(View::Page.href("en.html"), "en.html");
        assert_eq!(View::Story.href("index.html"), "embed/index.html");
        assert_eq!(View::Page.root("index.html"), "");
        assert_eq!(projects.root("index.html"), "../");
        assert_eq!(projects.root("en.html"), "../../");
    }

    #[test]
    fn a_block_is_found_in_its_chapter_or_in_the_opening() {
        let story = stories::story_or_first(None);
        let at = |id: &str| chapter_of(&story, &slug(id)).map(|index| story.chapters[index].id.as_str());
        assert_eq!(at("growth-rates"), None, "a chart of the opening");
        assert_eq!(at("fai-growth"), None, "a headline figure");
        assert_eq!(at("provincial-list"), Some("projects"));
        assert_eq!(at("fai-total"), Some("projects"));
        assert_eq!(at("nope"), None);
    }

    #[test]
    fn a_part_the_story_lacks_is_missing() {
        let story = stories::story_or_first(None);
        assert_eq!(View::Chapter(slug("nope")).in_story(&story), View::Missing);
        assert_eq!(View::Chapter(slug("growth-rates")).in_story(&story), View::Missing, "a chart is not a chapter");
        assert_eq!(View::Block(slug("projects")).in_story(&story), View::Missing, "a chapter is not a block");
        assert_eq!(View::Block(slug("fai-total")).in_story(&story), View::Block(slug("fai-total")));
    }

    #[test]
    fn old_addresses_are_printed_for_every_view_a_snippet_could_name() {
        assert_eq!(View::Story.legacy_query().as_deref(), Some("embed=1"));
        assert_eq!(View::Chapter(slug("cadres")).legacy_query().as_deref(), Some("embed=1&chapter=cadres"));
        assert_eq!(View::Block(slug("fai-total")).legacy_query().as_deref(), Some("embed=1&block=fai-total"));
        assert_eq!(View::Page.legacy_query(), None);
        assert_eq!(View::Missing.legacy_query(), None);
    }
}
