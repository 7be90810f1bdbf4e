//! `validate` lists the plausibility notes under their own heading, in text and JSON, without
//! changing the exit code: they are questions, not problems.

use std::path::{Path, PathBuf};
use std::process::Command;

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data")
}

/// A copy of the example's data files in a fresh folder, with `edit` applied to measures.json.
fn folder_with(edit: impl Fn(&mut serde_json::Value)) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "wegmarke-plausibility-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for f in ["plan.json", "indicators.json"] {
        std::fs::copy(example().join(f), dir.join(f)).expect("copy");
    }
    // The council report's snapshot, which plan.json lists.
    let snap = Path::new("reports/2026-05-12");
    std::fs::create_dir_all(dir.join(snap)).expect("snapshot dir");
    for f in ["plan.json", "measures.json", "indicators.json"] {
        std::fs::copy(example().join(snap).join(f), dir.join(snap).join(f)).expect("copy");
    }
    let text = std::fs::read_to_string(example().join("measures.json")).expect("measures");
    let mut v: serde_json::Value = serde_json::from_str(&text).expect("json");
    edit(&mut v);
    std::fs::write(dir.join("measures.json"), v.to_string()).expect("write");
    dir
}

fn validate(dir: &Path, args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_wegmarke-daten"))
        .args(args)
        .arg("validate")
        .arg(dir)
        .output()
        .expect("run");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

fn validate_json(dir: &Path) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_wegmarke-daten"))
        .args(["--lang", "en", "validate"])
        .arg(dir)
        .args(["--format", "json"])
        .output()
        .expect("run");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn a_finished_measure_below_100_percent_is_a_note_not_a_problem() {
    let dir = folder_with(|v| {
        let m = &mut v["measures"][0];
        m["status"] = "completed".into();
        m["progress"] = 80.into();
    });
    let (code, text) = validate(&dir, &[]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("Vor dem Veröffentlichen zu fragen"), "{text}");
    let line = text
        .lines()
        .find(|l| l.contains("measures[0].progress"))
        .unwrap_or_else(|| panic!("no note at measures[0].progress:\n{text}"));
    assert!(line.contains("[Hinweis]") && line.contains("M-1.1") && line.contains("80"));

    let (code, json) = validate_json(&dir);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&json).expect("json output");
    let note = v["notes"]
        .as_array()
        .expect("notes")
        .iter()
        .find(|n| n["path"] == "measures[0].progress")
        .expect("the note");
    assert_eq!(note["kind"], "finished_below_full");
    assert_eq!(note["id"], "M-1.1");
    assert!(note["message"].as_str().unwrap_or("").contains("80"));
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn a_delayed_measure_without_a_reason_is_asked_about() {
    let dir = folder_with(|v| {
        let m = &mut v["measures"][1];
        m["status"] = "delayed".into();
        m.as_object_mut().expect("object").remove("status_note");
    });
    let (code, text) = validate(&dir, &["--lang", "en"]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("To ask before publishing"), "{text}");
    assert!(
        text.lines()
            .any(|l| l.contains("[note]") && l.contains("measures[1].status")),
        "{text}"
    );
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn import_asks_about_progress_below_the_published_figure_at_its_cell() {
    use wegmarke_cli::workbook::export::{tables, Data};
    use wegmarke_cli::workbook::{xlsx, Cell};

    let dir = folder_with(|_| {});
    let read = |f: &str| std::fs::read(example().join(f)).expect("example");
    let data = Data {
        plan: serde_json::from_slice(&read("plan.json")).expect("plan"),
        measures: serde_json::from_slice(&read("measures.json")).expect("measures"),
        indicators: serde_json::from_slice(&read("indicators.json")).expect("indicators"),
    };
    let mut t = tables(Some(&data)).expect("tables");
    let sheet = t.iter_mut().find(|t| t.name == "Maßnahmen").expect("sheet");
    let col = sheet
        .columns
        .iter()
        .position(|c| c.header.starts_with("Fortschritt"))
        .expect("progress column");
    // M-1.1, published with 55 %.
    sheet.rows[0][col] = Cell::Int(45);
    let book = dir.with_extension("xlsx");
    std::fs::write(&book, xlsx::to_bytes(&t).expect("xlsx")).expect("write");

    let out = Command::new(env!("CARGO_BIN_EXE_wegmarke-daten"))
        .args(["--lang", "en", "import"])
        .arg(&book)
        .arg("--out")
        .arg(&dir)
        .args(["--dry-run", "--force", "--format", "json"])
        .output()
        .expect("run");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json output");
    let findings = v["problems"].as_array().expect("problems");
    let q = findings
        .iter()
        .find(|f| f["kind"]["kind"] == "question")
        .unwrap_or_else(|| panic!("no question in {findings:#?}"));
    assert_eq!(q["severity"], "note");
    assert_eq!(q["sheet"], "Maßnahmen");
    assert_eq!(q["row"], 3);
    assert_eq!(q["kind"]["detail"]["kind"], "progress_fell");
    assert!(q["message"].as_str().unwrap_or("").contains("M-1.1"));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::remove_file(&book).ok();
}
