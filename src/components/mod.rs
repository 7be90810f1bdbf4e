//! Reusable pieces of the pages.

pub mod problems;
pub mod progress;
pub mod status;
pub mod text;
