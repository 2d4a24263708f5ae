//! Number formatting, written without the standard float formatter, and the one place where a
//! figure moves between languages.
//!
//! Figures are shown at a fixed number of decimals, the precision the source uses, in every frame of
//! a count-up and in the final value alike. Rounding through integers keeps `22.3` from ever showing
//! as `22.2999` and keeps Rust's float-printing machinery out of the WebAssembly module.
//!
//! [`to_english`] converts a figure as the Chinese source writes it (`81.8亿元`) into the figure an
//! English reader expects (`8.18 billion yuan`) by moving the decimal point, never by rounding, so
//! the two editions always show the same number.

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

/// `fixed`, with the integer part grouped in threes by commas as English writes numbers:
/// `grouped(fixed(650000.0, 0)) == "650,000"`. Four-digit numbers are grouped too ("1,000").
pub fn grouped(fixed: &str) -> String {
    let (sign, unsigned) = fixed.strip_prefix('-').map_or(("", fixed), |rest| ("-", rest));
    let (whole, fraction) = unsigned.split_once('.').map_or((unsigned, None), |(w, f)| (w, Some(f)));
    let mut out = String::from(sign);
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    if let Some(fraction) = fraction {
        out.push('.');
        out.push_str(fraction);
    }
    out
}

/// A figure as one language writes it: the number, its decimals, and the unit written after it,
/// with any space it needs (`"%"`, `" billion yuan"`, `"rd"`).
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The number.
    pub value: f64,
    /// Its decimals.
    pub precision: u8,
    /// What follows the number, spacing included.
    pub unit: String,
    /// When the number was converted, the source's own figure in this language's words
    /// ("81.8 × 100 million yuan"), so a reader can see what was derived from what.
    pub converted_from: Option<String>,
}

/// The English form of a figure the source writes as `value` at `precision` decimals in the Chinese
/// unit `zh_unit`. `noun` is the English name of the unit without any magnitude (`"yuan"` for 亿元,
/// `"tonnes"` for 万吨, `"projects"` for 个, `"%"` for %); `ordinal` asks for a rank ("3rd").
///
/// 万 (10⁴) and 亿 (10⁸) become thousands, millions or billions by moving the decimal point: the
/// digits stay the same, so 81.8亿元 is 8.18 billion yuan and 65万吨 is 650,000 tonnes.
pub fn to_english(value: f64, precision: u8, zh_unit: &str, noun: &str, ordinal: bool) -> Figure {
    if ordinal {
        return Figure { value, precision, unit: ordinal_suffix(value).to_owned(), converted_from: None };
    }
    let (magnitude, magnitude_words): (i32, &str) = match zh_unit.chars().next() {
        Some('亿') if zh_unit.chars().count() > 1 => (8, "100 million"),
        Some('万') if zh_unit.chars().count() > 1 => (4, "10,000"),
        _ => (0, ""),
    };
    let spaced = |words: &str| if words == "%" { "%".to_owned() } else { format!(" {words}") };
    if magnitude == 0 {
        return Figure { value, precision, unit: spaced(noun), converted_from: None };
    }
    let converted_from = Some(format!("{} × {magnitude_words} {noun}", grouped(&fixed(value, precision))));
    // value = digits × 10^exponent, exactly.
    let digits = (value.abs() * 10f64.powi(i32::from(precision))).round();
    let exponent = magnitude - i32::from(precision);
    // How many digits the number has left of the point, counted in the base unit.
    let total_digits = digits.max(1.0).log10().floor() as i32 + 1 + exponent;
    let (scale, word) = match total_digits {
        10.. => (9, "billion "),
        7.. => (6, "million "),
        _ => (0, ""),
    };
    let shift = exponent - scale;
    let (magnitude_value, precision) =
        if shift >= 0 { (digits * 10f64.powi(shift), 0) } else { (digits / 10f64.powi(-shift), (-shift) as u8) };
    Figure { value: magnitude_value.copysign(value), precision, unit: format!(" {word}{noun}"), converted_from }
}

/// "st", "nd", "rd" or "th" for a whole number, as in 1st, 2nd, 3rd, 11th, 22nd.
pub fn ordinal_suffix(value: f64) -> &'static str {
    let whole = value.abs().round() as u64;
    match (whole % 10, whole % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

/// English words for whole numbers from 1 to 10, cardinal and ordinal ("three", "third"), as a
/// translated quotation may write them.
pub fn en_words(value: f64) -> Option<(&'static str, &'static str)> {
    const WORDS: [(&str, &str); 10] = [
        ("one", "first"),
        ("two", "second"),
        ("three", "third"),
        ("four", "fourth"),
        ("five", "fifth"),
        ("six", "sixth"),
        ("seven", "seventh"),
        ("eight", "eighth"),
        ("nine", "ninth"),
        ("ten", "tenth"),
    ];
    let whole = value.round();
    (whole == value && (1.0..=10.0).contains(&value)).then(|| WORDS[whole as usize - 1])
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

    #[test]
    fn english_groups_thousands() {
        assert_eq!(grouped("650000"), "650,000");
        assert_eq!(grouped("1000"), "1,000");
        assert_eq!(grouped("999"), "999");
        assert_eq!(grouped("1234567.25"), "1,234,567.25");
        assert_eq!(grouped("-12000.5"), "-12,000.5");
        assert_eq!(grouped("8.18"), "8.18");
    }

    fn english(value: f64, precision: u8, zh_unit: &str, noun: &str) -> (String, String) {
        let figure = to_english(value, precision, zh_unit, noun, false);
        (grouped(&fixed(figure.value, figure.precision)), figure.unit)
    }

    #[test]
    fn yi_and_wan_become_billions_millions_or_plain_numbers_by_moving_the_point() {
        assert_eq!(english(81.8, 1, "亿元", "yuan"), ("8.18".into(), " billion yuan".into()));
        assert_eq!(english(86.8, 1, "亿元", "yuan"), ("8.68".into(), " billion yuan".into()));
        assert_eq!(english(65.0, 0, "万吨", "tonnes"), ("650,000".into(), " tonnes".into()));
        assert_eq!(english(5.0, 0, "亿元", "yuan"), ("500".into(), " million yuan".into()));
        assert_eq!(english(150.0, 0, "万元", "yuan"), ("1.50".into(), " million yuan".into()));
        assert_eq!(english(80.0, 0, "亿元", "yuan"), ("8.0".into(), " billion yuan".into()));
        assert_eq!(english(1200.5, 1, "亿元", "yuan"), ("120.05".into(), " billion yuan".into()));
    }

    #[test]
    fn a_conversion_keeps_every_digit_the_source_gives() {
        for (value, precision, unit) in [(81.8, 1, "亿元"), (86.8, 1, "亿元"), (65.0, 0, "万吨"), (0.35, 2, "亿元")]
        {
            let figure = to_english(value, precision, unit, "x", false);
            let source_digits: String = fixed(value, precision).chars().filter(char::is_ascii_digit).collect();
            let shown_digits: String =
                fixed(figure.value, figure.precision).chars().filter(char::is_ascii_digit).collect();
            assert!(
                shown_digits.trim_start_matches('0').starts_with(source_digits.trim_start_matches('0')),
                "{value}{unit}"
            );
        }
    }

    #[test]
    fn units_without_a_magnitude_keep_the_number() {
        assert_eq!(english(22.3, 1, "%", "%"), ("22.3".into(), "%".into()));
        assert_eq!(english(20.0, 0, "个", "projects"), ("20".into(), " projects".into()));
        assert_eq!(english(4.0, 0, "个月", "months"), ("4".into(), " months".into()));
        assert_eq!(english(12.0, 0, "次", "meetings"), ("12".into(), " meetings".into()));
        assert_eq!(to_english(3.0, 0, "位", "", true).unit, "rd");
        assert_eq!(to_english(22.3, 1, "%", "%", false).converted_from, None);
    }

    #[test]
    fn a_converted_figure_says_what_it_was_converted_from() {
        assert_eq!(
            to_english(81.8, 1, "亿元", "yuan", false).converted_from.as_deref(),
            Some("81.8 × 100 million yuan")
        );
        assert_eq!(to_english(65.0, 0, "万吨", "tonnes", false).converted_from.as_deref(), Some("65 × 10,000 tonnes"));
    }

    #[test]
    fn ordinals_in_english() {
        let suffixes: Vec<&str> =
            [1.0, 2.0, 3.0, 4.0, 11.0, 12.0, 13.0, 21.0, 22.0, 101.0].map(ordinal_suffix).to_vec();
        assert_eq!(suffixes, ["st", "nd", "rd", "th", "th", "th", "th", "st", "nd", "st"]);
        assert_eq!(en_words(3.0), Some(("three", "third")));
        assert_eq!(en_words(11.0), None);
    }
}
