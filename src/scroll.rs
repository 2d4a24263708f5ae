//! Reading-position maths: which chapter is being read, how far through the story the reader is,
//! and where the keys take them. Pure, so it is tested without a browser.

/// Where the reading line sits, as a fraction of the viewport's height from its top: a chapter
/// becomes the current one when its top crosses this line.
pub const READING_LINE: f64 = 0.35;

/// The chapter being read: the last one whose top (px from the viewport's top) is at or above
/// `line`; `None` before the first chapter starts. `tops` are in reading order.
pub fn active_chapter(tops: &[f64], line: f64) -> Option<usize> {
    tops.iter().rposition(|&top| top <= line)
}

/// How much of the story has been scrolled through: 0 at the top, 1 at the bottom.
pub fn progress(scroll_y: f64, document_height: f64, viewport_height: f64) -> f64 {
    let scrollable = document_height - viewport_height;
    if scrollable <= 0.0 || !scroll_y.is_finite() {
        return 1.0;
    }
    (scroll_y / scrollable).clamp(0.0, 1.0)
}

/// A move between chapters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// To the following chapter.
    Next,
    /// To the one before.
    Previous,
    /// To the first chapter.
    First,
    /// To the last chapter.
    Last,
}

/// The move a key asks for: → and j forward, ← and k back, Home and End to the ends.
pub fn key_step(key: &str) -> Option<Step> {
    match key {
        "ArrowRight" | "j" => Some(Step::Next),
        "ArrowLeft" | "k" => Some(Step::Previous),
        "Home" => Some(Step::First),
        "End" => Some(Step::Last),
        _ => None,
    }
}

/// The chapter a step lands on from `current` among `count` chapters; `None` when there is
/// nowhere to go. Before the first chapter, Next goes to the first.
pub fn step_target(current: Option<usize>, count: usize, step: Step) -> Option<usize> {
    if count == 0 {
        return None;
    }
    let target = match (step, current) {
        (Step::First, _) | (Step::Next, None) => 0,
        (Step::Last, _) => count - 1,
        (Step::Next, Some(i)) => (i + 1).min(count - 1),
        (Step::Previous, Some(i)) => i.saturating_sub(1),
        (Step::Previous, None) => return None,
    };
    (Some(target) != current).then_some(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_current_chapter_is_the_last_to_cross_the_reading_line() {
        let tops = [120.0, 900.0, 1800.0, 2600.0];
        assert_eq!(active_chapter(&tops, 300.0), Some(0));
        let scrolled: Vec<f64> = tops.iter().map(|t| t - 1000.0).collect();
        assert_eq!(active_chapter(&scrolled, 300.0), Some(1));
        let at_end: Vec<f64> = tops.iter().map(|t| t - 5000.0).collect();
        assert_eq!(active_chapter(&at_end, 300.0), Some(3));
    }

    #[test]
    fn before_the_first_chapter_no_chapter_is_current() {
        assert_eq!(active_chapter(&[900.0, 1800.0], 300.0), None);
        assert_eq!(active_chapter(&[], 300.0), None);
    }

    #[test]
    fn a_chapter_exactly_on_the_line_is_current() {
        assert_eq!(active_chapter(&[300.0, 900.0], 300.0), Some(0));
    }

    #[test]
    fn progress_runs_from_zero_to_one() {
        assert_eq!(progress(0.0, 5000.0, 800.0), 0.0);
        assert_eq!(progress(2100.0, 5000.0, 800.0), 0.5);
        assert_eq!(progress(4200.0, 5000.0, 800.0), 1.0);
        assert_eq!(progress(9999.0, 5000.0, 800.0), 1.0);
        assert_eq!(progress(-50.0, 5000.0, 800.0), 0.0);
    }

    #[test]
    fn a_page_shorter_than_the_screen_is_fully_read() {
        assert_eq!(progress(0.0, 600.0, 800.0), 1.0);
        assert_eq!(progress(f64::NAN, 5000.0, 800.0), 1.0);
    }

    #[test]
    fn keys_map_to_steps() {
        assert_eq!(key_step("ArrowRight"), Some(Step::Next));
        assert_eq!(key_step("j"), Some(Step::Next));
        assert_eq!(key_step("ArrowLeft"), Some(Step::Previous));
        assert_eq!(key_step("k"), Some(Step::Previous));
        assert_eq!(key_step("Home"), Some(Step::First));
        assert_eq!(key_step("End"), Some(Step::Last));
        assert_eq!(key_step("J"), None);
        assert_eq!(key_step("Enter"), None);
    }

    #[test]
    fn steps_stay_inside_the_story() {
        assert_eq!(step_target(Some(1), 4, Step::Next), Some(2));
        assert_eq!(step_target(Some(3), 4, Step::Next), None);
        assert_eq!(step_target(Some(0), 4, Step::Previous), None);
        assert_eq!(step_target(Some(2), 4, Step::Previous), Some(1));
        assert_eq!(step_target(Some(2), 4, Step::First), Some(0));
        assert_eq!(step_target(Some(2), 4, Step::Last), Some(3));
        assert_eq!(step_target(None, 4, Step::Next), Some(0));
        assert_eq!(step_target(None, 4, Step::Previous), None);
        assert_eq!(step_target(None, 0, Step::Next), None);
    }
}
