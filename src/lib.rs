//! Wegmarke, the public dashboard of a city's integration plan: views, routing, fetching and
//! browser glue. All domain logic lives in `wegmarke-core`. Imports run one way (see
//! docs/architecture.md): `app → parts → pages → components → (ui, browser, load, theme,
//! route, split) → wegmarke_core`; `tests/imports.rs` checks it.

pub mod app;
pub mod browser;
pub mod components;
pub mod load;
pub mod pages;
pub mod parts;
pub mod route;
mod split;
pub mod theme;
pub mod ui;

pub use app::App;
