//! Motion maths: the easing curve and the value a count-up shows at a moment of its run.
//! Pure functions, so every frame can be checked without a browser.

/// How long a count-up runs, in milliseconds.
pub const COUNT_UP_MS: f64 = 1000.0;
/// How long a chart's entrance runs, in milliseconds.
pub const CHART_ENTRANCE_MS: f64 = 700.0;

/// Ease-out cubic: fast at first, settling gently. Maps 0..=1 onto 0..=1; outside is clamped.
pub fn ease_out(t: f64) -> f64 {
    let t = if t.is_nan() { 1.0 } else { t.clamp(0.0, 1.0) };
    1.0 - (1.0 - t).powi(3)
}

/// How far along a run of `duration` ms is after `elapsed` ms, eased: 0 at the start, exactly 1
/// from the end on.
pub fn eased_progress(elapsed: f64, duration: f64) -> f64 {
    if duration <= 0.0 {
        return 1.0;
    }
    ease_out(elapsed / duration)
}

/// The value a count-up to `target` shows at eased `progress` (0..=1): from 0, and exactly
/// `target` once the run is over (never a float a hair away from it).
pub fn count_up_value(target: f64, progress: f64) -> f64 {
    if progress >= 1.0 {
        target
    } else {
        target * progress.max(0.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::fixed;

    #[test]
    fn easing_starts_at_zero_ends_at_one_and_never_goes_back() {
        assert_eq!(ease_out(0.0), 0.0);
        assert_eq!(ease_out(1.0), 1.0);
        let mut last = 0.0;
        for step in 0..=100 {
            let value = ease_out(f64::from(step) / 100.0);
            assert!(value >= last, "eases backwards at {step}");
            last = value;
        }
    }

    #[test]
    fn easing_is_an_ease_out_fast_then_slow() {
        assert!(ease_out(0.5) > 0.8);
        assert!(ease_out(0.1) - ease_out(0.0) > ease_out(1.0) - ease_out(0.9));
    }

    #[test]
    fn easing_clamps_what_is_out_of_range() {
        assert_eq!(ease_out(-2.0), 0.0);
        assert_eq!(ease_out(7.0), 1.0);
        assert_eq!(ease_out(f64::NAN), 1.0);
    }

    #[test]
    fn a_count_up_ends_on_exactly_its_target() {
        for target in [22.3, 40.0, 92.1, 39.4, 81.8, 86.8, -3.5] {
            assert_eq!(count_up_value(target, eased_progress(COUNT_UP_MS, COUNT_UP_MS)), target);
            assert_eq!(count_up_value(target, eased_progress(3.0 * COUNT_UP_MS, COUNT_UP_MS)), target);
        }
    }

    #[test]
    fn a_count_up_starts_from_zero_and_rises_monotonically() {
        assert_eq!(count_up_value(92.1, 0.0), 0.0);
        let at = |frame: u32| count_up_value(92.1, eased_progress(f64::from(frame) * 16.7, COUNT_UP_MS));
        let frames: Vec<String> = (0..=60).map(|frame| fixed(at(frame), 1)).collect();
        let values: Vec<f64> = frames.iter().map(|f| f.parse().unwrap()).collect();
        assert!(values.windows(2).all(|w| w[0] <= w[1]), "{frames:?}");
        assert_eq!(frames.last().unwrap(), "92.1");
    }

    #[test]
    fn a_zero_length_run_is_already_over() {
        assert_eq!(eased_progress(0.0, 0.0), 1.0);
        assert_eq!(count_up_value(22.3, eased_progress(0.0, 0.0)), 22.3);
    }
}
