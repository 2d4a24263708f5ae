//! Hooks: where the app meets time, scrolling and the keyboard. Each does its browser work in
//! effects only, so components that use them still prerender to the same HTML.

mod use_entrance;
mod use_explore;
mod use_reading;
mod use_sequence;

pub use use_entrance::use_entrance;
pub use use_explore::{use_explore, Chosen, Explored, Row};
pub use use_reading::{use_reading, Reading};
pub use use_sequence::use_sequence;
