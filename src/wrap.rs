//! Breaking text into lines, for the places where the browser cannot do it: chart labels drawn on
//! a canvas and the share image drawn at build time. Chinese breaks between any two characters,
//! other scripts at spaces.

use crate::content::script::is_han;

/// `text` broken into lines no wider than `width`: between any two Chinese characters, and at
/// spaces in other scripts. As few lines as filling each to the width takes, and of those breaks
/// the most even, as an editor breaks a heading: no last line left with one word ("…does not say /
/// where"), and a break after a comma or a colon before one inside a phrase. At most
/// `max_lines`; the last line ends in "…" if text was left over.
pub fn wrap(text: &str, width: f64, max_lines: usize, measure: impl Fn(&str) -> f64) -> Vec<String> {
    let units = breakable_units(text);
    let mut lines = fill(&units, width, &measure);
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        let last = lines.last_mut().expect("max_lines is at least one");
        while !last.is_empty() && measure(&format!("{last}…")) > width {
            last.pop();
        }
        last.push('…');
        return lines;
    }
    if lines.len() < 2 {
        return lines;
    }
    even(&units, lines.len(), width, &measure).unwrap_or(lines)
}

/// The `count` lines of `units` no wider than `width` (a unit wider alone on its line, as
/// filling sets it) that leave the least room: the sum of each line's room squared, the last
/// line's too, so the lines come out even. A line that ends inside a phrase, not after a mark
/// that closes a clause, costs as much more as a line leaving a fifth of the width.
fn even(units: &[String], count: usize, width: f64, measure: &impl Fn(&str) -> f64) -> Option<Vec<String>> {
    let line = |from: usize, to: usize| units[from..to].concat().trim().to_owned();
    // best[k][i]: the least cost of the first `i` units in `k` lines, and where the last starts.
    let mut best = vec![vec![None::<(f64, usize)>; units.len() + 1]; count + 1];
    best[0][0] = Some((0.0, 0));
    for k in 1..=count {
        for to in k..=units.len() {
            for from in k - 1..to {
                let Some((before, _)) = best[k - 1][from] else { continue };
                let text = line(from, to);
                let taken = measure(&text);
                if taken > width && to - from > 1 {
                    continue;
                }
                let room = (width - taken).max(0.0);
                let inside_a_phrase = to < units.len() && !text.ends_with(CLAUSE_ENDS);
                let penalty = if inside_a_phrase { width / 5.0 } else { 0.0 };
                let cost = before + room * room + penalty * penalty;
                // Of two as even (to rounding), the one whose last line is shorter, as filling would set it.
                if best[k][to].is_none_or(|(least, _)| cost <= least + width * width * 1e-9) {
                    best[k][to] = Some((cost, from));
                }
            }
        }
    }
    let mut lines = Vec::with_capacity(count);
    let mut to = units.len();
    for k in (1..=count).rev() {
        let (_, from) = best[k][to]?;
        lines.push(line(from, to));
        to = from;
    }
    lines.reverse();
    Some(lines)
}

/// The marks after which a line may end at a clause's end, in either script.
const CLAUSE_ENDS: &[char] = &[',', ':', ';', '.', '，', '：', '；', '、', '。', '）', ')'];

/// `units` filled into lines no wider than `width`, each taking as much as fits.
fn fill(units: &[String], width: f64, measure: &impl Fn(&str) -> f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in units {
        let candidate = format!("{line}{word}");
        if !line.is_empty() && measure(candidate.trim_end()) > width {
            lines.push(line.trim_end().to_owned());
            line = word.trim_start().to_owned();
        } else {
            line = candidate;
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_owned());
    }
    lines
}

/// Pieces of text between which a line may break: each Chinese character on its own, a word of
/// any other script with the spaces after it; as clreq asks, a mark that closes or parts (，”) with
/// what it follows, one that opens (“《) with what follows it, and a figure with the Chinese
/// character after it, its unit or measure word (20个).
fn breakable_units(text: &str) -> Vec<String> {
    let mut units: Vec<String> = Vec::new();
    for c in text.chars() {
        let joins_last = units.last().is_some_and(|last| {
            let ends_word = !last.ends_with(' ') && !last.chars().any(is_wide);
            let unit_of_figure = last.ends_with(|d: char| d.is_ascii_digit()) && is_han(c);
            c == ' ' || (!is_wide(c) && ends_word) || CLOSING.contains(&c) || last.ends_with(OPENING) || unit_of_figure
        });
        match units.last_mut() {
            Some(last) if joins_last => last.push(c),
            _ => units.push(c.to_string()),
        }
    }
    units
}

/// Whether `c` is set a full em wide: CJK punctuation, ideographs and what follows them in Unicode.
pub fn is_wide(c: char) -> bool {
    c > '\u{2E7F}'
}

/// Chinese marks no line starts with: those that close or part.
const CLOSING: &[char] = &['，', '。', '、', '：', '；', '！', '？', '）', '》', '」', '』', '”', '’'];
/// Chinese marks no line ends with: those that open.
const OPENING: &[char] = &['（', '《', '「', '『', '“', '‘'];

/// The width of `text` at `size` pixels, estimated without a font, as the widest face a page may
/// get sets it (DejaVu Sans, a Linux desktop's system-ui; Noto Sans CJK, SF, Roboto and Segoe UI
/// are narrower): a Chinese character one em, a figure under two thirds, a percent sign nearly
/// one, a point or comma and a space about a third, anything else just over half. Good enough to
/// choose line breaks on a canvas, and to leave a figure beside its bar room enough in any face.
pub fn estimated_width(text: &str, size: f64) -> f64 {
    let em = |c: char| match c {
        c if is_wide(c) => 1.0,
        '0'..='9' => 0.64,
        '%' => 0.96,
        '.' | ',' => 0.35,
        ' ' => 0.3,
        _ => 0.56,
    };
    text.chars().map(em).sum::<f64>() * size
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One unit per character: enough to test where lines break.
    fn chars(text: &str) -> f64 {
        text.chars().count() as f64
    }

    #[test]
    fn chinese_breaks_between_any_characters() {
        assert_eq!(wrap("抚顺的上半年投资", 3.0, 5, chars), ["抚顺的", "上半年", "投资"]);
    }

    #[test]
    fn other_scripts_break_at_spaces() {
        assert_eq!(wrap("Fushun first half", 12.0, 5, chars), ["Fushun", "first half"]);
        assert_eq!(wrap("增速 22.3% 之后", 8.0, 5, chars), ["增速 22.3%", "之后"]);
    }

    #[test]
    fn lines_are_even_break_after_a_clause_and_are_never_more_than_filling_takes() {
        // Filled, the last line would be one word: "…does not say" / "where".
        let note = "The exact share lies here; the review does not say where";
        let lines = wrap(note, 52.0, 2, chars);
        assert_eq!(lines, ["The exact share lies here;", "the review does not say where"]);
        assert_eq!(wrap("抚顺的上半年投资", 6.0, 5, chars), ["抚顺的上", "半年投资"]);
        // Of breaks near as even, one after a clause's mark, not inside the quotation.
        let title = "Fushun’s first half: ‘inspiring figures’, credited to Party leadership";
        assert_eq!(
            wrap(title, 60.0, 2, chars),
            ["Fushun’s first half: ‘inspiring figures’,", "credited to Party leadership"]
        );
        assert_eq!(wrap("抚顺的上半年：一组振奋人心的数字", 12.0, 2, chars), ["抚顺的上半年：", "一组振奋人心的数字"]);
        // A line that fits stays one line; no line is wider than the measure.
        assert_eq!(wrap(note, 60.0, 2, chars), [note]);
        for width in 8..60 {
            let lines = wrap(note, f64::from(width), 20, chars);
            assert!(lines.iter().all(|line| chars(line) <= f64::from(width).max(7.0)), "{width}: {lines:?}");
            let filled = fill(&breakable_units(note), f64::from(width), &chars);
            assert_eq!(lines.len(), filled.len(), "{width}: {lines:?} against {filled:?}");
        }
    }

    #[test]
    fn no_line_starts_with_a_closing_mark_ends_with_an_opening_one_or_parts_a_figure_from_its_unit() {
        let text = "抚顺的上半年：一组“振奋人心的数字”，全市20个项目列入省300个重大工程项目清单（排名全省第三位）";
        for width in 3..40 {
            let lines = wrap(text, f64::from(width), 40, chars);
            assert_eq!(lines.concat(), text, "{width}: nothing lost");
            for pair in lines.windows(2) {
                let (end, start) = (pair[0].chars().last().unwrap(), pair[1].chars().next().unwrap());
                assert!(!CLOSING.contains(&start) && !OPENING.contains(&end), "{width}: {lines:?}");
                assert!(!(end.is_ascii_digit() && is_han(start)), "{width}: a figure parted from its unit: {lines:?}");
            }
        }
        assert_eq!(wrap("清单的项目：20个", 6.0, 3, chars), ["清单的项", "目：20个"]);
    }

    #[test]
    fn text_beyond_the_last_line_ends_in_an_ellipsis() {
        let lines = wrap("一二三四五六七八九十", 4.0, 2, chars);
        assert_eq!(lines, ["一二三四", "五六七…"]);
    }

    #[test]
    fn estimated_widths_put_chinese_at_one_em() {
        assert_eq!(estimated_width("抚顺", 10.0), 20.0);
        assert!((estimated_width("ab c", 10.0) - 19.8).abs() < 1e-9);
    }

    #[test]
    fn a_figure_is_estimated_no_narrower_than_the_widest_face_sets_it() {
        // DejaVu Sans as measured: "92.1%" bold (the estimate's tenth wider) 3.47 em, "100%" 2.86 em,
        // "0%" 1.59 em; Noto Sans CJK SC Bold "86.8亿元" 4.10 em.
        for (text, bold, measured) in
            [("92.1%", true, 3.47), ("100%", false, 2.86), ("0%", false, 1.59), ("86.8亿元", true, 4.10)]
        {
            let size = if bold { 1.1 } else { 1.0 };
            let estimate = estimated_width(text, size);
            assert!(estimate >= measured, "{text}: {estimate} em, narrower than {measured}");
        }
    }
}
