//! Number formatting, written without the standard float formatter.
//!
//! Figures are shown at a fixed number of decimals, the precision the source uses, in every frame of
//! a count-up and in the final value alike. Rounding through integers keeps `22.3` from ever showing
//! as `22.2999` and keeps Rust's float-printing machinery out of the WebAssembly module.

/// `value` rounded to `precision` decimals, with a dot and no grouping: `fixed(22.34, 1) == "22.3"`.
///
/// Halves round away from zero. A value that rounds to zero prints without a minus sign.
pub fn fixed(value: f64, precision: u8) -> String {
    let scale = 10u64.pow(u32::from(precision));
    // `as` saturates: values beyond u64 are not figures a story shows.
    let scaled = (value.abs() * scale as f64).round() as u64;
    let mut out = String::new();
    if value < 0.0 && scaled != 0 {
        out.push('-');
    }
    out.push_str(&(scaled / scale).to_string());
    if precision > 0 {
        let fraction = (scaled % scale).to_string();
        out.push('.');
        out.extend(std::iter::repeat_n('0', usize::from(precision) - fraction.len()));
        out.push_str(&fraction);
    }
    out
}

/// Whether `value` has no digits beyond `precision` decimals.
pub fn is_exact_at(value: f64, precision: u8) -> bool {
    let scale = 10f64.powi(i32::from(precision));
    let scaled = value * scale;
    (scaled - scaled.round()).abs() < 1e-6
}

/// The Chinese numeral for a whole number from 0 to 10, as in "第三位".
pub fn zh_numeral(value: f64) -> Option<&'static str> {
    const NUMERALS: [&str; 11] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
    let whole = value.round();
    (whole == value && (0.0..=10.0).contains(&value)).then(|| NUMERALS[whole as usize])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_shows_exactly_the_precision_asked() {
        assert_eq!(fixed(22.3, 1), "22.3");
        assert_eq!(fixed(22.3, 0), "22");
        assert_eq!(fixed(22.3, 2), "22.30");
        assert_eq!(fixed(40.0, 0), "40");
        assert_eq!(fixed(86.8, 1), "86.8");
        assert_eq!(fixed(0.05, 2), "0.05");
        assert_eq!(fixed(650000.0, 0), "650000");
    }

    #[test]
    fn fixed_rounds_half_away_from_zero_and_never_shows_float_noise() {
        assert_eq!(fixed(22.299999999, 1), "22.3");
        assert_eq!(fixed(0.1 + 0.2, 1), "0.3");
        assert_eq!(fixed(2.25, 1), "2.3");
        assert_eq!(fixed(9.96, 1), "10.0");
    }

    #[test]
    fn fixed_keeps_the_sign_but_not_a_negative_zero() {
        assert_eq!(fixed(-3.46, 1), "-3.5");
        assert_eq!(fixed(-0.01, 1), "0.0");
        assert_eq!(fixed(-0.0, 0), "0");
    }

    #[test]
    fn every_precision_a_story_may_use_has_exactly_that_many_decimals() {
        for precision in 0..=3u8 {
            for value in [0.0, 0.5, 22.3, 92.1, 86.8, 650000.0, 1.2345] {
                let shown = fixed(value, precision);
                let decimals = shown.split('.').nth(1).map_or(0, str::len);
                assert_eq!(decimals, usize::from(precision), "{value} at {precision}: {shown}");
                assert!((shown.parse::<f64>().unwrap() - value).abs() <= 0.5 / 10f64.powi(i32::from(precision)) + 1e-9);
            }
        }
    }

    #[test]
    fn every_frame_of_a_count_up_has_the_final_precision() {
        for step in 0..=100 {
            let shown = fixed(92.1 * f64::from(step) / 100.0, 1);
            assert_eq!(shown.split('.').nth(1).map(str::len), Some(1), "{shown}");
        }
    }

    #[test]
    fn exactness_at_a_precision() {
        assert!(is_exact_at(22.3, 1));
        assert!(is_exact_at(40.0, 0));
        assert!(!is_exact_at(22.34, 1));
        assert!(!is_exact_at(40.5, 0));
    }

    #[test]
    fn chinese_numerals_for_small_whole_numbers() {
        assert_eq!(zh_numeral(3.0), Some("三"));
        assert_eq!(zh_numeral(10.0), Some("十"));
        assert_eq!(zh_numeral(11.0), None);
        assert_eq!(zh_numeral(2.5), None);
    }
}
