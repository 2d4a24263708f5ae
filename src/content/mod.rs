//! Stories as data: the typed model, its light text markup, and (natively) the loader that turns
//! a story file into the model and refuses a broken one with the file, the field and the rule.
//!
//! Nothing here knows about Yew. The build script compiles this module too (see `build.rs`), so
//! modules here refer to each other through `super::` and to the crate only for `crate::format`.

pub mod model;
pub mod rich;
pub mod script;

#[cfg(not(target_arch = "wasm32"))]
pub mod emit;
#[cfg(not(target_arch = "wasm32"))]
pub mod load;
#[cfg(not(target_arch = "wasm32"))]
pub mod translate;
#[cfg(not(target_arch = "wasm32"))]
pub mod validate;
