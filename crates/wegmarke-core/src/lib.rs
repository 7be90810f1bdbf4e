//! Wegmarke's domain: the data contract v1, validation with located problems, progress roll-up,
//! indicator rating and formatting. No web dependency: the app and the staff tool share it.

pub mod changes;
pub mod charts;
pub mod contrast;
pub mod csv;
pub mod explore;
pub mod format;
pub mod i18n;
pub mod locate;
pub mod lookup;
pub mod model;
pub mod period;
pub mod problem;
pub mod rating;
pub mod rollup;
#[cfg(feature = "schema")]
pub mod schema;
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
