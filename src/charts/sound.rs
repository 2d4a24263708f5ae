//! A chart as sound, for the "Listen" control (hooks::use_explore plays it with Web Audio): each
//! figure a note whose pitch rises with its value, in the chart's reading order. The scale is the
//! one the control's description states (ui::Labels::sound_scale): zero at 220 Hz, the chart's own
//! whole (100% for a share, the whole list for a part of it, the largest bar) two octaves up at
//! 880 Hz. A floor ("40%以上") is sounded as a floor: its note rises at the end, softening, and is
//! never held at a pitch above the floor; what the article leaves unknown (the rest of a share it
//! gives only a floor for) is a rest, silence, never a note.

use super::ChartData;
use crate::content::model::{Bound, ChartKind};

/// The pitch of zero, in hertz.
pub const LOW: f64 = 220.0;
/// Octaves from zero to the chart's whole.
pub const OCTAVES: f64 = 2.0;
/// A note's length, in seconds.
pub const NOTE: f64 = 0.5;
/// The silence between two notes, in seconds.
pub const GAP: f64 = 0.2;
/// How far a floor's note rises at its end: a minor third (three semitones).
pub const FLOOR_RISE: f64 = 3.0 / 12.0;

/// What is heard.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Sound {
    /// A tone at `hz`, rising at its end to `rise_to` when the value is only a floor.
    Tone {
        /// Its pitch.
        hz: f64,
        /// Where a floor's note rises to.
        rise_to: Option<f64>,
    },
    /// Nothing: a part the article does not give.
    Rest,
}

/// One note of a chart's sound.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Note {
    /// The figure it sounds, `None` for a rest.
    pub datum: Option<usize>,
    /// When it starts, in seconds from the first.
    pub start: f64,
    /// How long it lasts, in seconds.
    pub length: f64,
    /// What is heard.
    pub sound: Sound,
}

/// The pitch of `value` on a scale whose `whole` is two octaves above zero.
pub fn pitch(value: f64, whole: f64) -> f64 {
    let share = if whole > 0.0 { (value / whole).clamp(0.0, 1.0) } else { 0.0 };
    LOW * exp2(OCTAVES * share)
}

/// 2 to the power `x`, within a millionth: the whole powers exactly, the fraction by its series
/// (to the ninth power). The standard library's `exp2` brings a 4 KB table into the engine.
fn exp2(x: f64) -> f64 {
    let whole = x.floor();
    let y = (x - whole) * std::f64::consts::LN_2;
    let mut term = 1.0;
    let mut sum = 1.0;
    for n in 1..=9 {
        term *= y / f64::from(n);
        sum += term;
    }
    sum * 2f64.powi(whole as i32)
}

/// The notes of `chart`, in its reading order.
pub fn notes(chart: &ChartData) -> Vec<Note> {
    let whole = match chart.kind {
        ChartKind::PartOfWhole => 100.0,
        ChartKind::Bars | ChartKind::Units => chart.data.iter().map(|datum| datum.value).fold(0.0, f64::max),
    };
    let mut sounds: Vec<(Option<usize>, Sound)> = chart
        .data
        .iter()
        .enumerate()
        .map(|(index, datum)| {
            let hz = pitch(datum.value, whole);
            let rise_to = (datum.bound == Bound::AtLeast).then(|| hz * exp2(FLOOR_RISE));
            (Some(index), Sound::Tone { hz, rise_to })
        })
        .collect();
    // The rest of a share given only as a floor is unknown: silence, not "the other 60%".
    let floor = chart.data.first().is_some_and(|datum| datum.bound == Bound::AtLeast);
    if chart.kind == ChartKind::PartOfWhole && floor {
        sounds.push((None, Sound::Rest));
    }
    sounds
        .into_iter()
        .enumerate()
        .map(|(i, (datum, sound))| Note { datum, start: i as f64 * (NOTE + GAP), length: NOTE, sound })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::Datum;
    use crate::content::model::Lang;

    fn chart(kind: ChartKind, data: &[(f64, Bound)]) -> ChartData {
        let data = data
            .iter()
            .map(|&(value, bound)| Datum { label: String::new(), value, display: String::new(), bound })
            .collect();
        ChartData { kind, data, lang: Lang::Zh }
    }

    #[test]
    fn powers_of_two_are_exact_and_every_other_within_a_millionth() {
        for i in -3..=3 {
            assert_eq!(exp2(f64::from(i)), f64::from(i).exp2());
        }
        for step in 0..=2000 {
            let x = -2.0 + f64::from(step) / 500.0;
            assert!((exp2(x) / x.exp2() - 1.0).abs() < 1e-6, "{x}");
        }
    }

    #[test]
    fn pitch_rises_with_the_value_from_220_hz_to_two_octaves_up_at_the_whole() {
        assert_eq!(pitch(0.0, 92.1), 220.0);
        assert_eq!(pitch(92.1, 92.1), 880.0);
        assert!((pitch(50.0, 100.0) - 440.0).abs() < 1e-9);
        assert_eq!(pitch(120.0, 100.0), 880.0);
        assert_eq!(pitch(5.0, 0.0), 220.0);
    }

    #[test]
    fn bars_sound_in_reading_order_the_largest_at_the_top_of_the_scale() {
        let notes = notes(&chart(ChartKind::Bars, &[(22.3, Bound::Exact), (92.1, Bound::Exact), (39.4, Bound::Exact)]));
        assert_eq!(notes.iter().map(|n| n.datum).collect::<Vec<_>>(), [Some(0), Some(1), Some(2)]);
        let Sound::Tone { hz, rise_to: None } = notes[1].sound else { panic!("{:?}", notes[1]) };
        assert_eq!(hz, 880.0);
        assert!(notes.windows(2).all(|pair| pair[1].start >= pair[0].start + pair[0].length));
    }

    #[test]
    fn a_floor_is_sounded_as_a_floor_and_the_unknown_rest_as_silence() {
        let notes = notes(&chart(ChartKind::PartOfWhole, &[(40.0, Bound::AtLeast)]));
        assert_eq!(notes.len(), 2);
        let Sound::Tone { hz, rise_to: Some(rise) } = notes[0].sound else { panic!("{:?}", notes[0]) };
        // At the floor's own pitch on the 0-100% scale, rising a minor third at its end.
        assert!((hz - pitch(40.0, 100.0)).abs() < 1e-9);
        assert!((rise / hz - 2f64.powf(0.25)).abs() < 1e-9);
        assert_eq!(notes[1].datum, None);
        assert_eq!(notes[1].sound, Sound::Rest);
        // An exact share has no rest: its rest is known.
        assert_eq!(notes_of(ChartKind::PartOfWhole, 40.0).len(), 1);
    }

    fn notes_of(kind: ChartKind, value: f64) -> Vec<Note> {
        notes(&chart(kind, &[(value, Bound::Exact)]))
    }

    #[test]
    fn a_part_of_a_list_sounds_against_the_whole_list() {
        let notes = notes(&chart(ChartKind::Units, &[(20.0, Bound::Exact), (300.0, Bound::Exact)]));
        let hz: Vec<f64> = notes.iter().map(|n| if let Sound::Tone { hz, .. } = n.sound { hz } else { 0.0 }).collect();
        assert!((hz[0] - pitch(20.0, 300.0)).abs() < 1e-9 && hz[1] == 880.0);
    }
}
