//! Helpers the core's integration tests share: data files as text, validated.
#![allow(dead_code)]

use serde_json::Value;
use wegmarke_core::{validate, Dataset, Input, Inputs};

/// A JSON value as a data file's text (pretty, so problems have distinct lines).
pub fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).expect("a JSON value serializes")
}

/// Validates the three files given as text.
pub fn check(plan: &str, measures: &str, indicators: &str) -> Dataset {
    validate(
        &Inputs {
            plan: Input::Bytes(plan.as_bytes()),
            measures: Input::Bytes(measures.as_bytes()),
            indicators: Input::Bytes(indicators.as_bytes()),
        },
        "",
    )
}
