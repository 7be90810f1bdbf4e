//! The bundled example plan is clean, and the committed JSON Schemas match the types.

use std::path::Path;

use wegmarke_core::{validate, Input, Inputs};

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn check_dir(dir: &Path, prefix: &str) -> wegmarke_core::Dataset {
    let read = |f: &str| std::fs::read(dir.join(f)).unwrap_or_else(|e| panic!("{f}: {e}"));
    let (p, m, i) = (
        read("plan.json"),
        read("measures.json"),
        read("indicators.json"),
    );
    validate(
        &Inputs {
            plan: Input::Bytes(&p),
            measures: Input::Bytes(&m),
            indicators: Input::Bytes(&i),
        },
        prefix,
    )
}

#[test]
fn example_plan_validates_without_problems() {
    let ds = check_dir(&root().join("public/data"), "");
    let lines: Vec<String> = ds.problems.iter().map(|p| p.to_line("de")).collect();
    assert!(lines.is_empty(), "{lines:#?}");
    assert_eq!(ds.measures().len(), 40);
    assert_eq!(ds.plan.as_ref().map(|p| p.fields.len()), Some(7));
    assert_eq!(ds.indicators.as_ref().map(|i| i.indicators.len()), Some(15));
}

#[test]
fn example_snapshot_validates_without_problems() {
    let ds = check_dir(
        &root().join("public/data/reports/2026-05-12"),
        "reports/2026-05-12/",
    );
    let lines: Vec<String> = ds.problems.iter().map(|p| p.to_line("de")).collect();
    assert!(lines.is_empty(), "{lines:#?}");
    assert_eq!(ds.measures().len(), 38);
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
