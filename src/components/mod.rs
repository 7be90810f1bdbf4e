//! Reusable pieces of the pages, and the site's frame.

pub mod chart;
pub mod district_map;
pub mod districts;
pub mod embed;
pub mod follow;
pub mod key_figures;
pub mod later;
pub mod lazy;
pub mod lists;
pub mod loading;
pub mod offline;
pub mod papers;
pub mod problems;
pub mod progress;
pub mod rating;
pub mod search;
pub mod site;
pub mod status;
pub mod text;
