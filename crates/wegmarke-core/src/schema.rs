//! JSON Schemas of the data files, generated from the serde types so they cannot drift apart.

use schemars::schema_for;

use crate::model::{Config, IndicatorsFile, MeasuresFile, PlanFile};

/// (file name, pretty-printed schema) for each data file.
pub fn all() -> Vec<(&'static str, String)> {
    let pretty = |s: schemars::Schema| {
        let mut text = serde_json::to_string_pretty(&s).unwrap_or_default();
        text.push('\n');
        text
    };
    vec![
        ("plan.schema.json", pretty(schema_for!(PlanFile))),
        ("measures.schema.json", pretty(schema_for!(MeasuresFile))),
        (
            "indicators.schema.json",
            pretty(schema_for!(IndicatorsFile)),
        ),
        ("config.schema.json", pretty(schema_for!(Config))),
    ]
}
