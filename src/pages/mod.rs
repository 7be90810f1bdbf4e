//! One module per page.

pub mod actors;
pub mod changes;
pub mod coverage;
pub mod data;
pub mod embed;
pub mod field;
pub mod gap;
pub mod indicators;
pub mod measure;
pub mod measures;
pub mod method;
pub mod not_found;
pub mod overview;
pub mod report;
pub mod search;
pub mod statement;
pub mod workshop;
