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

/// Where a sequence's step becomes the active one, as a fraction of the viewport's height from its
/// top: a step's text turns the graphic when its top comes up to this line. Below the graphic held
/// at the top of a phone's screen, so the reader sees the text that changes it arrive.
pub const STEP_LINE: f64 = 0.7;

/// The viewport a reader sees a page through: the window's own, or, for a page in a frame of
/// another site, the host page's, where the host script says the frame sits.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    /// Where the page's top is, px down from the viewport's top: 0 for a page's own window (its
    /// elements' places are already the viewport's), the frame's top for a frame.
    pub offset: f64,
    /// The viewport's height, px.
    pub height: f64,
}

impl Viewport {
    /// The line a step's top crosses to become active, px down from the page's own top.
    fn step_line(self) -> f64 {
        self.height * STEP_LINE - self.offset
    }
}

/// The active step of a sequence whose steps' texts have these tops (px from the top of the page's
/// own viewport, in reading order): the last one at or above the step line; the first one before
/// any has reached it, so the graphic never stands empty.
pub fn active_step(tops: &[f64], viewport: Viewport) -> usize {
    active_chapter(tops, viewport.step_line()).unwrap_or(0)
}

/// Where the graphic stands, px down from the sequence's top, for it to stay at `inset` from the
/// viewport's top while the sequence (whose top is at `sequence_top` in the page's own viewport,
/// `height` tall) passes: what `position: sticky` does in a page that scrolls itself, done for a
/// frame that the host page scrolls. It never leaves the sequence.
pub fn held_graphic(sequence_top: f64, height: f64, graphic: f64, inset: f64, viewport: Viewport) -> f64 {
    let room = (height - graphic).max(0.0);
    let wanted = inset - (viewport.offset + sequence_top);
    if wanted.is_finite() {
        wanted.clamp(0.0, room)
    } else {
        0.0
    }
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

    const PHONE: Viewport = Viewport { offset: 0.0, height: 812.0 };

    #[test]
    fn the_active_step_is_the_last_whose_text_has_come_up_to_the_step_line() {
        // 812 × 0.7 = 568.4.
        assert_eq!(active_step(&[900.0, 1700.0, 2500.0], PHONE), 0, "none yet: the first");
        assert_eq!(active_step(&[568.0, 1368.0, 2168.0], PHONE), 0);
        assert_eq!(active_step(&[-300.0, 500.0, 1300.0], PHONE), 1);
        assert_eq!(active_step(&[-2000.0, -1200.0, -400.0], PHONE), 2, "past the end: the last");
        assert_eq!(active_step(&[], PHONE), 0);
    }

    #[test]
    fn in_a_frame_the_step_line_is_the_host_pages() {
        // A frame whose top is 1000 px below the host viewport's top: nothing has reached the line.
        let below = Viewport { offset: 1000.0, height: 800.0 };
        assert_eq!(active_step(&[100.0, 900.0, 1700.0], below), 0);
        // Scrolled so the frame's top is 500 px above the viewport: the second step (900 - 500 =
        // 400 px down the host's screen) is past 560.
        let scrolled = Viewport { offset: -500.0, height: 800.0 };
        assert_eq!(active_step(&[100.0, 900.0, 1700.0], scrolled), 1);
        let far = Viewport { offset: -1200.0, height: 800.0 };
        assert_eq!(active_step(&[100.0, 900.0, 1700.0], far), 2);
    }

    #[test]
    fn a_held_graphic_stays_at_the_inset_and_inside_its_sequence() {
        let host = |offset| Viewport { offset, height: 800.0 };
        // Sequence 2000 px tall at 300 px down the frame; graphic 400 px.
        assert_eq!(held_graphic(300.0, 2000.0, 400.0, 0.0, host(0.0)), 0.0, "not reached: in place");
        assert_eq!(held_graphic(300.0, 2000.0, 400.0, 0.0, host(-800.0)), 500.0, "held at the top");
        assert_eq!(held_graphic(300.0, 2000.0, 400.0, 52.0, host(-800.0)), 552.0, "under a bar of 52 px");
        assert_eq!(held_graphic(300.0, 2000.0, 400.0, 0.0, host(-5000.0)), 1600.0, "at the sequence's end");
        assert_eq!(held_graphic(300.0, 300.0, 400.0, 0.0, host(-5000.0)), 0.0, "taller than its sequence");
        assert_eq!(held_graphic(300.0, 2000.0, 400.0, 0.0, host(f64::NAN)), 0.0);
    }
}
