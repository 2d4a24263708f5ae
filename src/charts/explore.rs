//! Exploring a chart: which figure is under a pointer or a tap, which one the keys go to next, and
//! where the figure's detail is shown. Pure geometry over the targets the marks are laid out with
//! ([`super::paint::targets`]), so it is tested natively at every pixel ratio and size.

use super::layout::Rect;
use super::paint::Target;

/// The smallest area a reader is asked to hit, in CSS pixels (WCAG 2.2, 2.5.8): a smaller mark,
/// such as one unit of a grid, is hit anywhere within this square around it.
pub const MIN_TARGET: f64 = 24.0;

/// What a key does to a chart that has the focus. The chart's keys are its own while it has the
/// focus: the story's chapter keys (→ ← j k) move between its figures instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// To the next figure, in reading order (→ ↓ j).
    Next,
    /// To the previous figure (← ↑ k).
    Previous,
    /// To the first figure (Home).
    First,
    /// To the last figure (End).
    Last,
    /// Pins the figure's detail, or unpins it (Enter, Space).
    Pin,
    /// Closes the detail (Escape).
    Dismiss,
}

impl Command {
    /// The command of a `KeyboardEvent.key`, if the chart has one for it.
    pub fn from_key(key: &str) -> Option<Command> {
        Some(match key {
            "ArrowRight" | "ArrowDown" | "j" => Command::Next,
            "ArrowLeft" | "ArrowUp" | "k" => Command::Previous,
            "Home" => Command::First,
            "End" => Command::Last,
            "Enter" | " " => Command::Pin,
            "Escape" => Command::Dismiss,
            _ => return None,
        })
    }
}

/// The figure `command` moves to from `current` among `count` figures: it stops at either end
/// (a chart of three bars is not a carousel); with none focused yet, forward starts at the first
/// and back at the last. `None` for a command that does not move.
pub fn step(current: Option<usize>, count: usize, command: Command) -> Option<usize> {
    let last = count.checked_sub(1)?;
    match (command, current) {
        (Command::First, _) | (Command::Next, None) => Some(0),
        (Command::Last, _) | (Command::Previous, None) => Some(last),
        (Command::Next, Some(at)) => Some((at + 1).min(last)),
        (Command::Previous, Some(at)) => Some(at.saturating_sub(1).min(last)),
        (Command::Pin | Command::Dismiss, _) => None,
    }
}

/// The figure at `point`, in the targets' units at `scale` of them per CSS pixel: of the areas
/// that hold it (each grown to [`MIN_TARGET`]), the smallest, so that a unit of the part is the
/// part even inside the whole's grid.
pub fn hit(targets: &[Target], point: (f64, f64), scale: f64) -> Option<usize> {
    targets
        .iter()
        .flat_map(|target| target.areas.iter().map(move |area| (target.datum, grown(*area, MIN_TARGET * scale))))
        .filter(|(_, area)| contains(area, point))
        .min_by(|(_, a), (_, b)| (a.w * a.h).total_cmp(&(b.w * b.h)))
        .map(|(datum, _)| datum)
}

/// The box around every area of `target`: where its focus ring is drawn.
pub fn bounds(target: &Target) -> Rect {
    let left = target.areas.iter().map(|a| a.x).fold(f64::INFINITY, f64::min);
    let top = target.areas.iter().map(|a| a.y).fold(f64::INFINITY, f64::min);
    let right = target.areas.iter().map(|a| a.x + a.w).fold(f64::NEG_INFINITY, f64::max);
    let bottom = target.areas.iter().map(|a| a.y + a.h).fold(f64::NEG_INFINITY, f64::max);
    Rect { x: left, y: top, w: right - left, h: bottom - top }
}

/// Where a detail `detail_width` wide goes for `mark`, in a chart box of `width` × `height` (CSS
/// pixels): under the chart, `gap` below its box, so that it covers neither its own mark nor any
/// other a pointer may go to next (a detail is hoverable, WCAG 1.4.13: one laid over the next bar
/// would keep the pointer from it). Across, it starts at the mark and moves left as far as needed
/// to end inside the box, which is inside the screen.
pub fn place(mark: Rect, detail_width: f64, width: f64, height: f64, gap: f64) -> (f64, f64) {
    (mark.x.min(width - detail_width).max(0.0), height + gap)
}

fn grown(area: Rect, min: f64) -> Rect {
    let (w, h) = (area.w.max(min), area.h.max(min));
    Rect { x: area.x - (w - area.w) / 2.0, y: area.y - (h - area.h) / 2.0, w, h }
}

fn contains(area: &Rect, (x, y): (f64, f64)) -> bool {
    x >= area.x && x <= area.x + area.w && y >= area.y && y <= area.y + area.h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::paint::targets;
    use crate::charts::{svg, ChartData};
    use crate::content::model::ChartKind;
    use crate::stories;

    /// Every chart of every edition.
    fn charts() -> Vec<ChartData> {
        stories::EDITIONS
            .iter()
            .flat_map(|edition| {
                let story = stories::story_or_first(Some(edition.story));
                story.charts().map(|chart| ChartData::new(&story, chart)).collect::<Vec<_>>()
            })
            .collect()
    }

    fn centre(area: &Rect) -> (f64, f64) {
        (area.x + area.w / 2.0, area.y + area.h / 2.0)
    }

    #[test]
    fn every_figure_of_every_chart_is_hit_at_its_marks_at_every_pixel_ratio_and_size() {
        for chart in charts() {
            let height = svg::height(chart.kind);
            for width in [288.0, 343.0, 640.0] {
                let css = targets(&chart, width, height, 1.0);
                assert_eq!(css.len(), chart.data.len(), "{:?}: a target per figure", chart.kind);
                for scale in [1.0, 2.0, 3.0] {
                    let device = targets(&chart, width * scale, height * scale, scale);
                    for target in &css {
                        for area in &target.areas {
                            let (x, y) = centre(area);
                            // The same figure, at the same place in CSS pixels, whatever the ratio.
                            assert_eq!(hit(&css, (x, y), 1.0), Some(target.datum), "{:?} {width}", chart.kind);
                            assert_eq!(hit(&device, (x * scale, y * scale), scale), Some(target.datum), "×{scale}");
                        }
                    }
                }
                // Far outside the chart: nothing.
                assert_eq!(hit(&css, (width + 100.0, height + 100.0), 1.0), None);
            }
        }
    }

    #[test]
    fn a_small_mark_is_hit_within_a_target_of_24_css_pixels_and_the_part_wins_inside_the_whole() {
        let chart = charts().into_iter().find(|chart| chart.kind == ChartKind::Units).expect("a grid of units");
        for scale in [1.0, 2.0, 3.0] {
            let laid = targets(&chart, 343.0 * scale, svg::height(chart.kind) * scale, scale);
            let first = laid[0].areas[0];
            assert!(first.h < MIN_TARGET * scale, "a unit is smaller than a target: {first:?}");
            // Just above the first row of the part's units (outside the grid) still hits the part.
            let above = (first.x + first.h / 2.0, first.y - (MIN_TARGET * scale - first.h) / 2.0 + 0.5);
            assert_eq!(hit(&laid, above, scale), Some(0));
            // Inside the whole's grid, far from the part: the whole.
            let whole = laid[1].areas[0];
            assert_eq!(hit(&laid, (whole.x + whole.w - 1.0, whole.y + whole.h - 1.0), scale), Some(1));
            // On a unit of the part, inside the whole's grid: the part.
            assert_eq!(hit(&laid, centre(&first), scale), Some(0));
        }
    }

    #[test]
    fn a_focus_ring_goes_round_every_area_of_its_figure() {
        let target = Target {
            datum: 0,
            areas: vec![Rect { x: 10.0, y: 40.0, w: 100.0, h: 10.0 }, Rect { x: 0.0, y: 52.0, w: 30.0, h: 10.0 }],
        };
        assert_eq!(bounds(&target), Rect { x: 0.0, y: 40.0, w: 110.0, h: 22.0 });
    }

    #[test]
    fn the_keys_walk_the_figures_in_reading_order_and_stop_at_either_end() {
        use Command::*;
        assert_eq!(step(None, 3, Next), Some(0));
        assert_eq!(step(None, 3, Previous), Some(2));
        assert_eq!(step(Some(0), 3, Next), Some(1));
        assert_eq!(step(Some(2), 3, Next), Some(2));
        assert_eq!(step(Some(0), 3, Previous), Some(0));
        assert_eq!(step(Some(1), 3, First), Some(0));
        assert_eq!(step(Some(0), 3, Last), Some(2));
        assert_eq!(step(Some(1), 3, Pin), None);
        assert_eq!(step(None, 0, Next), None);
        // A stale index after the data changed is brought back inside.
        assert_eq!(step(Some(9), 3, Previous), Some(2));
        let keys = ["ArrowRight", "ArrowDown", "j", "ArrowLeft", "ArrowUp", "k", "Home", "End", "Enter", " ", "Escape"];
        let commands: Vec<Command> = keys.iter().filter_map(|key| Command::from_key(key)).collect();
        assert_eq!(commands, [Next, Next, Next, Previous, Previous, Previous, First, Last, Pin, Pin, Dismiss]);
        assert_eq!(Command::from_key("Tab"), None);
        assert_eq!(Command::from_key("l"), None);
    }

    #[test]
    fn a_detail_goes_under_the_chart_and_ends_inside_the_box() {
        let mark = Rect { x: 200.0, y: 20.0, w: 100.0, h: 30.0 };
        assert_eq!(place(mark, 180.0, 288.0, 200.0, 8.0), (108.0, 208.0));
        assert_eq!(place(Rect { x: 4.0, ..mark }, 180.0, 288.0, 200.0, 8.0), (4.0, 208.0));
        // Wider than the box (a 320 px phone's column): from the box's start.
        assert_eq!(place(mark, 300.0, 288.0, 200.0, 8.0), (0.0, 208.0));
    }
}
