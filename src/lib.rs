//! An interactive data story of Fushun's economic review for the first half of 2023.
//!
//! The library holds everything; the binaries are thin entry points. `content` is the story model
//! (no Yew), `stories` the checked stories compiled in, `components` the Yew view, `format` the
//! number formatting. Rendering is pure, so the same components render natively to HTML (`ssr`)
//! and take over that HTML in the browser (`hydration`).

#[cfg(feature = "ssr")]
pub mod bake;
pub mod browser;
pub mod charts;
pub mod components;
pub mod content;
pub mod data;
pub mod embed;
pub mod format;
#[cfg(feature = "ssr")]
pub mod head;
pub mod hooks;
pub mod motion;
#[cfg(feature = "ssr")]
pub mod page;
pub mod params;
pub mod scroll;
#[cfg(feature = "ssr")]
pub mod share;
pub mod state;
pub mod stories;
pub mod ui;
pub mod view;
pub mod wrap;

pub use components::app::App;
