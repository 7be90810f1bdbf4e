//! Wegmarke's domain: the data contract v1, validation with located problems, progress roll-up,
//! indicator rating and formatting. No web dependency: the app and the staff tool share it.

pub mod changes;
pub mod charts;
pub mod contrast;
pub mod coverage;
pub mod csv;
pub mod districts;
pub mod explore;
pub mod format;
pub mod gap;
pub mod i18n;
pub mod locate;
pub mod lookup;
pub mod model;
pub mod period;
pub mod permalink;
pub mod plausibility;
pub mod problem;
pub mod rating;
pub mod rollup;
#[cfg(feature = "schema")]
pub mod schema;
pub mod search;
pub mod sort;
pub mod text;
pub mod validate;

pub use model::*;
pub use period::{Date, Period};
pub use problem::{JsonPath, Problem, ProblemKind, Severity};
pub use text::Text;
pub use validate::{
    validate, validate_config, validate_config_quick, validate_quick, Dataset, Input, Inputs,
};

/// The plan file: fields of action, goals, actors, reports.
pub const PLAN_FILE: &str = "plan.json";
/// The measures file.
pub const MEASURES_FILE: &str = "measures.json";
/// The indicators file.
pub const INDICATORS_FILE: &str = "indicators.json";
/// The keys the contract defines at the top of each data file, in [`DATA_FILES`]' order; any
/// other key is an unknown field, kept as it is (validation, workbook export and import).
pub const FILE_KEYS: [&[&str]; 3] = [
    &[
        "format",
        "plan",
        "fields",
        "goals",
        "actors",
        "reports",
        "districts",
    ],
    &["format", "measures"],
    &["format", "indicators"],
];
/// The three data files of a data folder, in the order every reader takes them.
pub const DATA_FILES: [&str; 3] = [PLAN_FILE, MEASURES_FILE, INDICATORS_FILE];
