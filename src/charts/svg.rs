//! A chart as SVG, from the same marks the canvas draws ([`super::paint`]), for the page the build
//! prerenders: the chart is in the first paint, with no script at all, sharp at any pixel ratio,
//! and the canvas later takes its place exactly. Drawn for a phone's column; in a wider or narrower
//! box it keeps its proportions, set at the start of the box.
//!
//! Its inks are classes, so the stylesheet colours it in the page's theme, as it does the canvas.

use super::layout::Rect;
use super::paint::{marks, Across, Down, Mark};
use super::ChartData;
use crate::content::model::ChartKind;
use crate::embed::escape;

/// The width the SVG is drawn for, in CSS pixels: the story's column on a 375 px phone (the page's
/// 16 px margins either side).
pub const WIDTH: f64 = 343.0;

/// The height of a chart's box, in CSS pixels, by its kind: the stylesheet's
/// `.chart__canvas--bars` (12.5rem) and its siblings, which a browser test holds to these.
pub fn height(kind: ChartKind) -> f64 {
    match kind {
        ChartKind::Bars => 200.0,
        ChartKind::PartOfWhole => 152.0,
        ChartKind::Units => 208.0,
    }
}

/// The chart `chart` as an `<svg>` element: hidden from assistive technology (the canvas beside
/// it carries the chart's name and description, the table its values); in the page's type, which
/// the canvas draws in too ([`super::paint::font`]). Rectangles painted one after another in the
/// same ink are one path: a grid of 300 units is one element, not 300.
pub fn svg(chart: &ChartData) -> String {
    let (width, height) = (WIDTH, height(chart.kind));
    let mut out = format!(
        "<svg class=\"chart__svg\" viewBox=\"0 0 {width} {height}\" preserveAspectRatio=\"xMinYMid meet\" \
         aria-hidden=\"true\">"
    );
    let mut path: Option<(String, Path)> = None;
    for mark in marks(chart, width, height, 1.0, 1.0) {
        let (class, area) = match &mark {
            Mark::Fill(area, ink) => (format!("chart-ink--{}", ink.name()), *area),
            Mark::Outline(area, ink, stroke) => {
                let inner =
                    Rect { x: area.x + stroke / 2.0, y: area.y + stroke / 2.0, w: area.w - stroke, h: area.h - stroke };
                (format!("chart-line--{}\" stroke-width=\"{stroke}", ink.name()), inner)
            }
            Mark::Text { .. } => {
                out.push_str(&finish(path.take()));
                out.push_str(&text(&mark));
                continue;
            }
        };
        match &mut path {
            Some((same, joined)) if *same == class => joined.add(area),
            _ => {
                let mut joined = Path::default();
                joined.add(area);
                out.push_str(&finish(path.replace((class, joined))));
            }
        }
    }
    out.push_str(&finish(path));
    out.push_str("</svg>");
    out
}

/// A coordinate as the canvas rounds it: to the pixel.
fn px(value: f64) -> i64 {
    value.round() as i64
}

/// Rectangles in one path, their corners rounded to the pixel as the canvas rounds them. Each after
/// the first starts from the one before it (`m`, relative: a closed rectangle leaves the pen at its
/// corner), so a grid's rows are written alike and compress to little more than one row.
#[derive(Default)]
struct Path {
    data: String,
    pen: Option<(i64, i64)>,
}

impl Path {
    fn add(&mut self, rect: Rect) {
        let (x, y) = (px(rect.x), px(rect.y));
        let (w, h) = (px(rect.x + rect.w) - x, px(rect.y + rect.h) - y);
        let start = match self.pen.replace((x, y)) {
            None => format!("M{x} {y}"),
            Some((from_x, from_y)) => format!("m{} {}", x - from_x, y - from_y),
        };
        self.data.push_str(&format!("{start}h{w}v{h}h-{w}z"));
    }
}

fn finish(path: Option<(String, Path)>) -> String {
    path.map(|(class, path)| format!("<path class=\"{class}\" d=\"{}\"/>", path.data)).unwrap_or_default()
}

fn text(mark: &Mark) -> String {
    let Mark::Text { text, at, size, ink, anchor, bold } = mark else {
        return String::new();
    };
    // Start is SVG's own default: said only when it is not.
    let across = match anchor.0 {
        Across::Start => "",
        Across::Middle => " text-anchor=\"middle\"",
        Across::End => " text-anchor=\"end\"",
    };
    let down = match anchor.1 {
        Down::Top => "text-before-edge",
        Down::Middle => "central",
        Down::Bottom => "text-after-edge",
    };
    let weight = if *bold { " font-weight=\"bold\"" } else { "" };
    format!(
        "<text class=\"chart-ink--{}\" x=\"{}\" y=\"{}\" font-size=\"{size}\"{across} \
         dominant-baseline=\"{down}\"{weight}>{}</text>",
        ink.name(),
        px(at.0),
        px(at.1),
        escape(text)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::paint::Ink;
    use crate::stories;

    fn charts() -> Vec<ChartData> {
        let mut all = Vec::new();
        for edition in stories::EDITIONS {
            let story = stories::story_or_first(Some(edition.story));
            all.extend(story.charts().map(|chart| ChartData::new(&story, chart)));
        }
        all
    }

    #[test]
    fn every_mark_of_the_final_drawing_is_in_the_svg_in_its_ink() {
        for chart in charts() {
            let drawn = svg(&chart);
            let marks = marks(&chart, WIDTH, height(chart.kind), 1.0, 1.0);
            let rectangles = marks.iter().filter(|mark| !matches!(mark, Mark::Text { .. })).count();
            let texts = marks.len() - rectangles;
            let paths: usize = drawn
                .split(" d=\"")
                .skip(1)
                .map(|rest| rest.split('"').next().unwrap_or("").matches('z').count())
                .sum();
            assert_eq!(paths, rectangles, "every rectangle is in a path: {drawn}");
            assert_eq!(drawn.matches("<text ").count(), texts, "{drawn}");
            // Every figure is written, whole, even where a line breaks inside it.
            let written: String = marks
                .iter()
                .filter_map(|mark| match mark {
                    Mark::Text { text, .. } => Some(text.replace(' ', "")),
                    _ => None,
                })
                .collect();
            for datum in &chart.data {
                assert!(written.contains(&datum.display.replace(' ', "")), "{} is written: {written}", datum.display);
            }
            assert!(drawn.contains("class=\"chart-ink--accent\""), "the figures are in the accent ink");
        }
    }

    #[test]
    fn a_grid_of_units_is_a_path_for_each_ink_not_an_element_for_each_unit() {
        let units = charts().into_iter().find(|chart| chart.kind == ChartKind::Units).unwrap();
        let drawn = svg(&units);
        assert!(drawn.matches("<path ").count() <= 4, "{drawn}");
        assert!(drawn.len() < 12_000, "{} bytes", drawn.len());
        // Each full row of the grid is written the same, so the page compresses it to about one.
        let rows: Vec<&str> = drawn
            .split("m-")
            .skip(1)
            .map(|row| row.split('"').next().unwrap_or(""))
            .filter(|row| row.matches('z').count() > 20)
            .collect();
        assert!(rows.len() >= 10, "{drawn}");
        assert!(rows.windows(2).filter(|pair| pair[0] == pair[1]).count() >= rows.len() - 3, "{rows:#?}");
    }

    #[test]
    fn a_grid_s_key_gives_each_figure_after_its_name_as_the_edition_writes_them() {
        for units in charts().into_iter().filter(|chart| chart.kind == ChartKind::Units) {
            // The key's lines, read on: a name wrapped over two lines is one text again.
            let key: String = marks(&units, WIDTH, height(units.kind), 1.0, 1.0)
                .iter()
                .filter_map(|mark| match mark {
                    Mark::Text { text, .. } => Some(text.as_str()),
                    _ => None,
                })
                .collect::<Vec<_>>()
                .join(" ");
            let colon = crate::ui::labels(units.lang).colon;
            for datum in &units.data {
                let entry = [datum.label.as_str(), colon, datum.display.as_str()].concat();
                let unwrapped = |text: &str| text.split_whitespace().collect::<String>();
                assert!(unwrapped(&key).contains(&unwrapped(&entry)), "{entry:?} in the key: {key}");
            }
        }
    }

    #[test]
    fn every_mark_lies_inside_the_box() {
        for chart in charts() {
            let (width, height) = (WIDTH, height(chart.kind));
            for mark in marks(&chart, width, height, 1.0, 1.0) {
                if let Mark::Fill(r, _) | Mark::Outline(r, _, _) = mark {
                    assert!(
                        r.x >= 0.0 && r.y >= -0.5 && r.x + r.w <= width + 0.5 && r.y + r.h <= height + 0.5,
                        "{r:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_rectangle_is_rounded_to_the_pixel_as_the_canvas_rounds_it_and_the_next_starts_from_it() {
        let mut path = Path::default();
        path.add(Rect { x: 0.4, y: 10.6, w: 100.2, h: 17.8 });
        path.add(Rect { x: 102.6, y: 10.6, w: 100.2, h: 17.8 });
        path.add(Rect { x: 0.4, y: 30.2, w: 9.0, h: 9.0 });
        assert_eq!(path.data, "M0 11h101v17h-101zm103 0h100v17h-100zm-103 19h9v9h-9z");
    }

    #[test]
    fn text_is_escaped() {
        let mark = Mark::Text {
            text: "<b>&".into(),
            at: (1.0, 2.0),
            size: 14.0,
            ink: Ink::Text,
            anchor: (Across::Start, Down::Top),
            bold: false,
        };
        assert!(text(&mark).contains(">&lt;b&gt;&amp;</text>"));
    }
}
