//! Wegmarke, the public dashboard of a city's integration plan: views, routing, fetching and
//! browser glue. All domain logic lives in `wegmarke-core`.

pub mod app;
pub mod components;
pub mod load;
pub mod pages;
pub mod parts;
pub mod route;

pub use app::App;
