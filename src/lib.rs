//! An interactive data story of Fushun's economic review for the first half of 2023.
//!
//! The library holds everything; the binaries are thin entry points. `content` is the story model
//! (no Yew), `stories` the checked stories compiled in (natively only: the build's), `components`
//! the Yew view, `format` the number formatting. The build renders each page (`ssr`); in the
//! browser the engine (`engine`, `islands`) takes over only the parts that move (`hydration`),
//! from data the page carries, so the WebAssembly holds no story.

#[cfg(feature = "ssr")]
pub mod bake;
pub mod browser;
pub mod charts;
pub mod components;
pub mod content;
pub mod data;
#[cfg(feature = "ssr")]
pub mod deploy;
pub mod embed;
#[cfg(target_arch = "wasm32")]
pub mod engine;
pub mod format;
#[cfg(feature = "ssr")]
pub mod head;
pub mod hooks;
pub mod islands;
pub mod motion;
#[cfg(feature = "ssr")]
pub mod not_found;
#[cfg(feature = "ssr")]
pub mod page;
pub mod params;
pub mod scroll;
#[cfg(feature = "ssr")]
pub mod share;
pub mod state;
#[cfg(not(target_arch = "wasm32"))]
pub mod stories;
#[cfg(feature = "ssr")]
pub mod typeset;
pub mod ui;
pub mod view;
pub mod wrap;

#[cfg(feature = "ssr")]
pub use components::app::App;
