//! Islands: the parts of a page that move (count-ups, charts, the navigator, the controls). The
//! build renders the page as finished HTML, which no script touches, and marks each island with a
//! root of its own, `<story-island data-island="…">`, whose attribute holds, as JSON, everything
//! the island needs: the browser's engine (`src/bin/app.rs`) reads it and hydrates each root with
//! [`IslandRoot`]. So the WebAssembly holds no story: it is the same for every story and edition.

use serde::{Deserialize, Serialize};
use yew::prelude::*;

use crate::charts::ChartData;
use crate::components::chapter_nav::ChapterNav;
use crate::components::chapter_tools::ChapterTools;
use crate::components::chart_canvas::ChartCanvas;
use crate::components::count_up::CountUp;
use crate::components::embed_codes::EmbedCodes;
use crate::components::live_address::LiveAddress;
use crate::components::motion_toggle::MotionToggle;
use crate::components::sequence_steps::SequenceSteps;
use crate::content::model::{Lang, Slug};

/// The tag of an island's root: phrasing content, so it may stand inside a paragraph, and laid out
/// as its contents (the stylesheet's `display: contents`), so it changes nothing on the page.
pub const TAG: &str = "story-island";

/// A chapter as the navigator lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NavChapter {
    /// The chapter's anchor.
    pub id: Slug,
    /// Its short label.
    pub nav: String,
}

/// Another edition of the story, as the navigator's switch links to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EditionLink {
    /// Its language.
    pub lang: Lang,
    /// Its page, relative to this one.
    pub href: String,
}

/// What the navigator shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Nav {
    /// The story's language.
    pub lang: Lang,
    /// Every chapter, in order.
    pub chapters: Vec<NavChapter>,
    /// Every other edition.
    pub editions: Vec<EditionLink>,
}

/// What a chapter's tools need.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tools {
    /// The story's language.
    pub lang: Lang,
    /// The chapter's index in the story.
    pub index: usize,
    /// The chapter's anchor, for the address shared.
    pub chapter: Slug,
    /// The title shared with the address: the story's and the chapter's.
    pub title: String,
}

/// One view the embed control offers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EmbedChoice {
    /// The view's name (`crate::view::View::name`).
    pub view: String,
    /// How the control lists it.
    pub label: String,
    /// The iframe's accessible name.
    pub title: String,
    /// The view's page's height in the columns the snippet is written for; none if not measured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height: Option<crate::embed::FrameHeight>,
}

/// What the embed control offers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Embeds {
    /// The story's language.
    pub lang: Lang,
    /// The edition's own page (`index.html`, `en.html`), whose views the codes embed.
    pub page: String,
    /// The whole story.
    pub story: EmbedChoice,
    /// Each chapter, in order (a chapter's tools offer the chapter by its index).
    pub chapters: Vec<EmbedChoice>,
    /// Each chart.
    pub charts: Vec<EmbedChoice>,
    /// Each figure card.
    pub cards: Vec<EmbedChoice>,
}

/// One island and its data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Island {
    /// A figure that counts up.
    CountUp {
        /// The final value.
        value: f64,
        /// Decimals shown.
        precision: u8,
        /// How the number is written.
        lang: Lang,
    },
    /// A chart's live canvas.
    Chart {
        /// The chart's id (its title and caption are `<id>-title`, `<id>-caption`).
        id: Slug,
        /// What it draws.
        data: ChartData,
    },
    /// The chapter navigator.
    Nav(Nav),
    /// A chapter's tools.
    Tools(Tools),
    /// The switch that stops motion.
    Motion {
        /// The story's language.
        lang: Lang,
    },
    /// The embed control.
    Embeds(Embeds),
    /// The page's address, written out for paper.
    Address {
        /// The story's language.
        lang: Lang,
    },
    /// A sequence's steps, driven by the scroll.
    Sequence {
        /// The sequence's element id.
        id: Slug,
    },
}

/// One island to hydrate.
#[derive(Properties, PartialEq)]
pub struct IslandRootProps {
    /// The island, as its root's `data-island` says.
    pub island: Island,
}

/// How far the page's islands have come: how many have yet to adopt their HTML, and how many
/// have yet to render live, with what to do when none is left of each.
#[derive(Default)]
struct Progress {
    hydrating: usize,
    starting: usize,
    hydrated: Option<Box<dyn FnOnce()>>,
    live: Option<Box<dyn FnOnce()>>,
}

thread_local! {
    static PROGRESS: std::cell::RefCell<Progress> = std::cell::RefCell::default();
}

/// Before the engine mounts `count` islands: `hydrated` runs once every one has adopted its HTML
/// (Yew hydrates in turns of its own, so only the islands can say when), `live` once every one has
/// rendered with the app live.
pub fn expect(count: usize, hydrated: impl FnOnce() + 'static, live: impl FnOnce() + 'static) {
    PROGRESS.with(|progress| {
        *progress.borrow_mut() = Progress {
            hydrating: count,
            starting: count,
            hydrated: Some(Box::new(hydrated)),
            live: Some(Box::new(live)),
        }
    });
}

/// One island more has reached a stage: runs the stage's task once no island is left before it.
fn reached(live: bool) {
    let task = PROGRESS.with(|progress| {
        let progress = &mut *progress.borrow_mut();
        let (left, task) = match live {
            false => (&mut progress.hydrating, &mut progress.hydrated),
            true => (&mut progress.starting, &mut progress.live),
        };
        *left = left.saturating_sub(1);
        if *left == 0 {
            task.take()
        } else {
            None
        }
    });
    if let Some(task) = task {
        task();
    }
}

/// The component of an island: the one mechanism that mounts every kind, and tells the engine when
/// it has adopted its HTML and when it has rendered live.
#[component]
pub fn IslandRoot(props: &IslandRootProps) -> Html {
    let app = crate::state::use_app();
    use_effect_with(app.live, |&live| reached(live));
    match &props.island {
        Island::CountUp { value, precision, lang } => {
            html! { <CountUp value={*value} precision={*precision} lang={*lang} /> }
        }
        Island::Chart { id, data } => html! { <ChartCanvas id={id.clone()} data={data.clone()} /> },
        Island::Nav(nav) => html! { <ChapterNav nav={nav.clone()} /> },
        Island::Tools(tools) => html! { <ChapterTools tools={tools.clone()} /> },
        Island::Motion { lang } => html! { <MotionToggle lang={*lang} /> },
        Island::Embeds(embeds) => html! { <EmbedCodes embeds={embeds.clone()} /> },
        Island::Address { lang } => html! { <LiveAddress lang={*lang} /> },
        Island::Sequence { id } => html! { <SequenceSteps id={id.clone()} /> },
    }
}

#[cfg(feature = "ssr")]
pub use build::{embeds, island, nav, render_islands};

/// Placing islands in the page the build renders.
#[cfg(feature = "ssr")]
mod build {
    use std::cell::RefCell;

    use yew::prelude::*;

    use super::{EditionLink, EmbedChoice, Embeds, Island, IslandRoot, IslandRootProps, Nav, NavChapter, TAG};
    use crate::content::model::Story;
    use crate::view::{cards, charts, View};
    use crate::{stories, ui};

    /// The navigator's data: the story's chapters and its other editions.
    pub fn nav(story: &Story) -> Nav {
        let id = story.meta.id.as_str();
        Nav {
            lang: story.meta.lang,
            chapters: story.chapters.iter().map(|c| NavChapter { id: c.id.clone(), nav: c.nav.clone() }).collect(),
            editions: stories::editions(id)
                .filter(|edition| edition.story != id)
                .map(|edition| EditionLink { lang: edition.lang, href: edition.href().to_owned() })
                .collect(),
        }
    }

    /// The embed control's data: every view of the story, by group.
    pub fn embeds(story: &Story) -> Embeds {
        let words = ui::labels(story.meta.lang);
        let page = stories::edition(story.meta.id.as_str()).map_or("index.html", |edition| edition.page);
        let choice = |view: View, label: String| EmbedChoice {
            height: stories::frame_height(story.meta.id.as_str(), &view.page(page)),
            view: view.name(),
            label,
            title: view.title(story),
        };
        Embeds {
            lang: story.meta.lang,
            page: page.to_owned(),
            story: choice(View::Story, words.whole_story.to_owned()),
            chapters: story
                .chapters
                .iter()
                .enumerate()
                .map(|(index, c)| choice(View::Chapter(c.id.clone()), format!("{:02} {}", index + 1, c.title)))
                .collect(),
            charts: charts(story).map(|(id, title)| choice(View::Block(id.clone()), title.to_owned())).collect(),
            cards: cards(story)
                .map(|card| {
                    let label = format!("{} {}", card.label, ui::figure(story.meta.lang, card));
                    choice(View::Block(card.id.clone()), label)
                })
                .collect(),
        }
    }

    thread_local! {
        /// The islands of the page being rendered, in the order they were placed.
        static PLACED: RefCell<Vec<Island>> = const { RefCell::new(Vec::new()) };
    }

    fn placeholder(index: usize) -> String {
        format!("<!--island {index}-->")
    }

    /// `island`'s root in the page: its data in the root's attribute, and a placeholder that
    /// [`render_islands`] replaces with the island's own hydratable HTML.
    pub fn island(island: Island) -> Html {
        let json = serde_json::to_string(&island).expect("an island's data is plain data");
        let index = PLACED.with(|placed| {
            let mut placed = placed.borrow_mut();
            placed.push(island);
            placed.len() - 1
        });
        html! {
            <@{TAG} data-island={json}>{ Html::from_html_unchecked(placeholder(index).into()) }</@>
        }
    }

    /// Renders the page with `render` (which places islands with [`island`]), then each island,
    /// hydratable, into its place.
    pub fn render_islands(render: impl FnOnce() -> String) -> String {
        PLACED.with(|placed| placed.borrow_mut().clear());
        let mut page = render();
        let placed = PLACED.with(|placed| placed.take());
        let runtime = tokio::runtime::Builder::new_current_thread().build().expect("a tokio runtime");
        for (index, island) in placed.into_iter().enumerate() {
            let renderer =
                yew::LocalServerRenderer::<IslandRoot>::with_props(IslandRootProps { island }).hydratable(true);
            let html = tokio::task::LocalSet::new().block_on(&runtime, renderer.render());
            page = page.replacen(&placeholder(index), &html, 1);
        }
        page
    }
}
