//! Reusable pieces of the pages.

pub mod chart;
pub mod lists;
pub mod problems;
pub mod progress;
pub mod rating;
pub mod status;
pub mod text;
