//! The bundled example plan is clean, and the committed JSON Schemas match the types.

use std::path::Path;

use wegmarke_core::changes::snapshot_prefix;
use wegmarke_core::{validate, Inputs, DATA_FILES};

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// Validates the three files in `dir`, naming them with `prefix` as the app does.
fn check_dir(dir: &Path, prefix: &str) -> wegmarke_core::Dataset {
    let files = DATA_FILES.map(|f| std::fs::read(dir.join(f)));
    validate(&Inputs::from_results(&files), prefix)
}

/// The one test that looks at the bundled example: it and every snapshot of a council report it
/// lists validate without problems. What the example holds is free to change.
#[test]
fn the_bundled_example_validates_without_problems() {
    let data = root().join("public/data");
    let ds = check_dir(&data, "");
    let mut sets = vec![ds.clone()];
    for prefix in ds.reports().into_iter().filter_map(snapshot_prefix) {
        sets.push(check_dir(&data.join(&prefix), &prefix));
    }
    for ds in &sets {
        let lines: Vec<String> = ds.problems.iter().map(|p| p.to_line("de")).collect();
        assert!(lines.is_empty(), "{lines:#?}");
        assert!(ds.plan.is_some() && ds.measures.is_some() && ds.indicators.is_some());
    }
}

#[test]
fn committed_schemas_are_current() {
    for (name, schema) in wegmarke_core::schema::all() {
        let path = root().join("docs/schema").join(name);
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == schema,
            "docs/schema/{name} is stale: run `cargo run -p wegmarke-cli -- schema docs/schema`"
        );
    }
}
