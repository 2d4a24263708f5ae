//! Where every mark of a chart goes at a given size, in device pixels. Pure geometry, so it is
//! tested natively at phone and desktop widths and at any device pixel ratio.

/// A rectangle: left, top, width, height.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

/// Font sizes and spacing, in CSS pixels; multiplied by the device pixel ratio when drawn.
pub mod metrics {
    /// Labels.
    pub const LABEL: f64 = 14.0;
    /// Values at the end of bars.
    pub const VALUE: f64 = 15.0;
    /// A bar's thickness.
    pub const BAR: f64 = 18.0;
    /// Space below a row of a bar chart.
    pub const ROW_GAP: f64 = 12.0;
}

/// One row of a bar chart: the label above (on one line or more), the bar, the value at the bar's end.
#[derive(Debug, Clone, PartialEq)]
pub struct BarRow {
    /// Where the label's first line has its bottom; each further line is [`LINE`] labels lower.
    pub label_at: (f64, f64),
    /// The bar, scaled by the entrance progress.
    pub bar: Rect,
    /// Where the value's text starts (left-aligned, vertically centred on the bar).
    pub value_at: (f64, f64),
}

/// The distance between two lines of a label, in label sizes.
pub const LINE: f64 = 1.25;

/// One bar to lay out: its value, the width of its value's text (to keep room for it at the bar's
/// end), and the lines its label takes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bar {
    /// The value.
    pub value: f64,
    /// The value's text's width, in CSS px, as written in the value's type (estimated: a Chinese
    /// unit such as 亿元 is twice as wide as two digits).
    pub value_width: f64,
    /// Lines the label is broken into (at least one).
    pub label_lines: usize,
}

/// Bars side by side in rows, from zero, labelled directly (no axis: every value is written).
/// `bars` are drawn into `width` × `height` device pixels at `scale` (device pixel ratio);
/// `progress` (0..=1) grows the bars for the entrance. Space is kept at the right for the widest
/// value text, and above each bar for every line of its label.
pub fn bars(bars: &[Bar], width: f64, height: f64, scale: f64, progress: f64) -> Vec<BarRow> {
    let label = metrics::LABEL * scale;
    let bar = metrics::BAR * scale;
    let gap = metrics::ROW_GAP * scale;
    let above = |row: &Bar| label * 1.5 + (row.label_lines.max(1) - 1) as f64 * label * LINE;
    let needed: f64 = bars.iter().map(|row| above(row) + bar + gap).sum();
    // Rows share out any height beyond what they need, so short charts do not bunch at the top.
    let spare = (height - needed).max(0.0) / bars.len().max(1) as f64;
    let widest_value = bars.iter().map(|row| row.value_width).fold(0.0, f64::max);
    let value_room = (widest_value + 8.0) * scale;
    let track = (width - value_room).max(width * 0.3);
    let max = bars.iter().map(|row| row.value).fold(0.0_f64, f64::max);
    let progress = progress.clamp(0.0, 1.0);
    let mut top = spare / 2.0;
    bars.iter()
        .map(|row| {
            let length = if max > 0.0 { track * (row.value.max(0.0) / max) * progress } else { 0.0 };
            let bar_top = top + above(row);
            let laid = BarRow {
                label_at: (0.0, top + label),
                bar: Rect { x: 0.0, y: bar_top, w: length, h: bar },
                value_at: (length + 6.0 * scale, bar_top + bar / 2.0),
            };
            top = bar_top + bar + gap + spare;
            laid
        })
        .collect()
}

/// A part of a whole as one track from 0 to 100 %: the known part solid, and (for a floor) the
/// rest of the track marked as unknown rather than as "the rest".
#[derive(Debug, Clone, PartialEq)]
pub struct PartOfWhole {
    /// The whole: 0 to 100 %.
    pub track: Rect,
    /// The known part, scaled by the entrance progress.
    pub part: Rect,
    /// Where the part ends at full progress: the tick for "40%".
    pub tick_x: f64,
}

/// The geometry of a part-of-whole bar for `percent` in `width` × `height` device pixels.
pub fn part_of_whole(percent: f64, width: f64, height: f64, scale: f64, progress: f64) -> PartOfWhole {
    let bar = 28.0 * scale;
    let top = (height - bar) / 2.0;
    let share = percent.clamp(0.0, 100.0) / 100.0;
    PartOfWhole {
        track: Rect { x: 0.0, y: top, w: width, h: bar },
        part: Rect { x: 0.0, y: top, w: width * share * progress.clamp(0.0, 1.0), h: bar },
        tick_x: width * share,
    }
}

/// A grid of unit cells: `count` cells in `columns` columns, each `cell` wide with `gap` between.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct UnitGrid {
    /// Cells in a row.
    pub columns: usize,
    /// Rows needed for every cell.
    pub rows: usize,
    /// A cell's side, without the gap.
    pub cell: f64,
    /// Space between cells.
    pub gap: f64,
}

impl UnitGrid {
    /// The top-left corner of cell `index`, filling rows left to right, top to bottom.
    pub fn cell_at(&self, index: usize) -> (f64, f64) {
        let pitch = self.cell + self.gap;
        ((index % self.columns) as f64 * pitch, (index / self.columns) as f64 * pitch)
    }
}

/// The largest square cells that fit `count` units into `width` × `height` device pixels, with a
/// gap of a fifth of a cell. Used to show a part of a list (20 of 300) without inventing the rest.
pub fn unit_grid(count: usize, width: f64, height: f64) -> UnitGrid {
    let count = count.max(1);
    let mut best = UnitGrid { columns: count, rows: 1, cell: 0.0, gap: 0.0 };
    for columns in 1..=count {
        let rows = count.div_ceil(columns);
        // Pitch p = cell * 1.2 must fit both ways.
        let pitch = (width / columns as f64).min(height / rows as f64);
        let cell = pitch / 1.2;
        if cell > best.cell {
            best = UnitGrid { columns, rows, cell, gap: pitch - cell };
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(value: f64, value_chars: usize) -> Bar {
        Bar { value, value_width: value_chars as f64 * metrics::VALUE * 0.62, label_lines: 1 }
    }

    #[test]
    fn a_label_on_two_lines_gets_the_room_of_its_second_line() {
        let one = bars(&[bar(1.0, 4), bar(2.0, 4), bar(3.0, 4)], 343.0, 200.0, 1.0, 1.0);
        let two = bars(&[bar(1.0, 4), Bar { label_lines: 2, ..bar(2.0, 4) }, bar(3.0, 4)], 343.0, 200.0, 1.0, 1.0);
        let room = |rows: &[BarRow], i: usize| rows[i].bar.y - rows[i].label_at.1;
        assert!((room(&two, 1) - room(&one, 1) - metrics::LABEL * LINE).abs() < 1e-9);
        // The label's last line still ends above its bar, clear of the row above.
        assert!(two[1].label_at.1 + metrics::LABEL * LINE < two[1].bar.y);
        assert!(two[0].bar.y + two[0].bar.h < two[1].label_at.1 - metrics::LABEL);
        assert!(two[2].bar.y + two[2].bar.h <= 200.0);
    }

    #[test]
    fn bars_are_proportional_to_their_values_and_fit_the_width() {
        for (width, scale) in [(343.0, 1.0), (686.0, 2.0), (640.0, 1.0), (1920.0, 3.0)] {
            let rows = bars(&[bar(22.3, 5), bar(92.1, 5), bar(39.4, 5)], width, 180.0 * scale, scale, 1.0);
            let ratio = rows[0].bar.w / rows[1].bar.w;
            assert!((ratio - 22.3 / 92.1).abs() < 1e-9, "{ratio}");
            for row in &rows {
                let value_end = row.value_at.0 + 5.0 * metrics::VALUE * 0.62 * scale;
                assert!(value_end <= width + 1e-9, "the value text overflows at {width}px");
            }
        }
    }

    #[test]
    fn bar_rows_do_not_overlap_and_stay_inside_the_height() {
        let rows = bars(&[bar(1.0, 4), bar(2.0, 4), bar(3.0, 4)], 343.0, 180.0, 1.0, 1.0);
        for pair in rows.windows(2) {
            assert!(pair[0].bar.y + pair[0].bar.h < pair[1].label_at.1 - metrics::LABEL);
        }
        let last = rows.last().unwrap();
        assert!(last.bar.y + last.bar.h <= 180.0);
    }

    #[test]
    fn bars_grow_with_the_entrance_and_scale_with_the_pixel_ratio() {
        let at = |progress, scale| bars(&[bar(50.0, 3), bar(100.0, 3)], 400.0 * scale, 200.0 * scale, scale, progress);
        assert_eq!(at(0.0, 1.0)[1].bar.w, 0.0);
        assert!((at(0.5, 1.0)[1].bar.w * 2.0 - at(1.0, 1.0)[1].bar.w).abs() < 1e-9);
        assert!((at(1.0, 2.0)[1].bar.h - 2.0 * at(1.0, 1.0)[1].bar.h).abs() < 1e-9);
    }

    #[test]
    fn a_part_of_whole_marks_its_share_of_the_track() {
        let geometry = part_of_whole(40.0, 500.0, 100.0, 1.0, 1.0);
        assert_eq!(geometry.tick_x, 200.0);
        assert_eq!(geometry.part.w, 200.0);
        assert_eq!(geometry.track.w, 500.0);
        assert_eq!(part_of_whole(40.0, 500.0, 100.0, 1.0, 0.0).part.w, 0.0);
        assert_eq!(part_of_whole(140.0, 500.0, 100.0, 1.0, 1.0).tick_x, 500.0);
    }

    #[test]
    fn every_unit_cell_fits_at_phone_and_desktop_sizes() {
        for (width, height) in [(288.0, 150.0), (343.0, 150.0), (640.0, 150.0), (1280.0, 300.0)] {
            let grid = unit_grid(300, width, height);
            assert!(grid.columns * grid.rows >= 300);
            let (x, y) = grid.cell_at(299);
            assert!(x + grid.cell <= width + 1e-9 && y + grid.cell <= height + 1e-9, "{grid:?} at {width}×{height}");
            assert!(grid.cell >= 4.0, "cells too small to see at {width}×{height}: {grid:?}");
        }
    }

    #[test]
    fn units_fill_rows_left_to_right() {
        let grid = UnitGrid { columns: 10, rows: 3, cell: 5.0, gap: 1.0 };
        assert_eq!(grid.cell_at(0), (0.0, 0.0));
        assert_eq!(grid.cell_at(9), (54.0, 0.0));
        assert_eq!(grid.cell_at(10), (0.0, 6.0));
    }
}
