//! The staff tool's output is safe to open and to read: CSV exports defuse formulas and come
//! back unchanged in both dialects, data printed to a terminal cannot steer it, every command
//! reads data files with a byte-order mark, and a panic can be caught in release builds too.

use std::path::Path;
use std::process::Output;

use wegmarke_cli::commands::template::data_from;
use wegmarke_cli::files::canonical;
use wegmarke_cli::workbook::import::Existing;
use wegmarke_core::{Text, PLAN_FILE};

mod common;

use common::{bin, copy_fixture, fixture_data, tempdir, FILES};

fn run(args: &[&std::ffi::OsStr]) -> Output {
    bin().args(args).output().unwrap()
}

fn os(s: &str) -> &std::ffi::OsStr {
    s.as_ref()
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// Writes the fixture plan in canonical form, with titles a spreadsheet would run as formulas
/// and a negative value.
fn hostile_plan(dir: &Path) {
    let mut data = fixture_data();
    let texts = [
        ["=1+1", "-Minus", "+Plus"],
        ["@SUM(A1)", " =Leer", "\tTab"],
        ["a;=b", "'=q", "-"],
        ["=HYPERLINK(\"http://x\")", "''@", "a; -b"],
    ];
    assert_eq!(data.measures.measures.len(), texts.len());
    let plain = |s: &str| Text::Plain(s.to_owned());
    for (m, [title, summary, note]) in data.measures.measures.iter_mut().zip(texts) {
        m.title = plain(title);
        m.summary = Some(plain(summary));
        m.status_note = Some(plain(note));
    }
    let obs = &mut data.indicators.indicators[0].series[0].observations[0];
    obs.value = Some(-12.5);
    for (name, json) in FILES.iter().zip([
        canonical(&data.plan),
        canonical(&data.measures),
        canonical(&data.indicators),
    ]) {
        std::fs::write(dir.join(name), json).unwrap();
    }
}

fn csv_round_trip(dialect: &str, separator: char) {
    let tmp = tempdir(&format!("csv-{dialect}"));
    let (data, sheets, back) = (tmp.join("data"), tmp.join("csv"), tmp.join("back"));
    std::fs::create_dir_all(&data).unwrap();
    hostile_plan(&data);
    let o = run(&[
        os("export"),
        data.as_os_str(),
        os("--csv"),
        sheets.as_os_str(),
        os("--csv-dialect"),
        os(dialect),
    ]);
    assert!(o.status.success(), "{}", text(&o));
    let measures = std::fs::read_to_string(sheets.join("Maßnahmen.csv")).unwrap();
    assert!(measures.starts_with('\u{feff}'));
    assert!(measures.contains("\"'=1+1\""), "{measures}");
    assert!(measures.contains("\"a;'=b\""), "{measures}");
    assert!(measures.contains("\"''=q\""), "{measures}");
    let values = std::fs::read_dir(&sheets)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect::<String>();
    let negative = format!(
        "{separator}-12{}5",
        if separator == ';' { ',' } else { '.' }
    );
    assert!(values.contains(&negative), "no {negative} in the CSV files");
    assert!(!values.contains("'-12"), "a number was defused");
    let o = run(&[os("import"), sheets.as_os_str(), os("-o"), back.as_os_str()]);
    assert!(o.status.code() != Some(2), "{}", text(&o));
    for f in FILES {
        assert_eq!(
            std::fs::read_to_string(back.join(f)).unwrap(),
            std::fs::read_to_string(data.join(f)).unwrap(),
            "{f} changed on the way through CSV ({dialect})"
        );
    }
}

#[test]
fn csv_export_and_import_keep_formula_titles_in_the_german_dialect() {
    csv_round_trip("de", ';');
}

#[test]
fn csv_export_and_import_keep_formula_titles_in_the_standard_dialect() {
    csv_round_trip("standard", ',');
}

/// The fixture plan with a byte-order mark before each file.
fn plan_with_bom(dir: &Path) {
    copy_fixture(dir);
    for f in FILES {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend(std::fs::read(dir.join(f)).unwrap());
        std::fs::write(dir.join(f), bytes).unwrap();
    }
}

#[test]
fn every_command_reads_data_files_with_a_byte_order_mark() {
    let tmp = tempdir("bom");
    let data = tmp.join("data");
    std::fs::create_dir_all(&data).unwrap();
    plan_with_bom(&data);

    let o = run(&[os("validate"), data.as_os_str()]);
    assert_ne!(o.status.code(), Some(2), "validate: {}", text(&o));

    let xlsx = tmp.join("plan.xlsx");
    let o = run(&[os("export"), data.as_os_str(), os("-o"), xlsx.as_os_str()]);
    assert!(o.status.success(), "export: {}", text(&o));
    let o = run(&[
        os("export"),
        data.as_os_str(),
        os("--csv"),
        tmp.join("csv").as_os_str(),
    ]);
    assert!(o.status.success(), "export --csv: {}", text(&o));

    // Import reads the existing files (to keep their unknown fields) with the mark too.
    let bytes = |f: &str| std::fs::read(data.join(f)).unwrap();
    let existing = Existing::from_bytes(
        Some(&bytes(FILES[0])),
        Some(&bytes(FILES[1])),
        Some(&bytes(FILES[2])),
    );
    assert_ne!(
        format!("{existing:?}"),
        format!("{:?}", Existing::default())
    );
    let o = run(&[
        os("import"),
        xlsx.as_os_str(),
        os("-o"),
        data.as_os_str(),
        os("--force"),
    ]);
    assert!(o.status.success(), "import: {}", text(&o));
    plan_with_bom(&data);

    let o = run(&[
        os("snapshot"),
        data.as_os_str(),
        os("--title"),
        os("Bericht"),
        os("--date"),
        os("2026-05-12"),
        os("--force"),
    ]);
    assert!(o.status.success(), "snapshot: {}", text(&o));
    assert!(std::fs::read_to_string(data.join(PLAN_FILE))
        .unwrap()
        .contains("reports/2026-05-12/"));

    // The template's example is read the same way.
    assert!(data_from(&bytes(FILES[0]), &bytes(FILES[1]), &bytes(FILES[2])).is_some());
}

/// Characters that must never reach a terminal raw.
const STEERING: [char; 5] = ['\u{1b}', '\u{9b}', '\u{7f}', '\u{202e}', '\u{2066}'];

fn assert_inert(o: &Output, what: &str) {
    let out = text(o);
    for c in STEERING {
        assert!(!out.contains(c), "{what}: raw {c:?} in\n{out}");
    }
}

#[test]
fn data_printed_to_the_terminal_cannot_steer_it() {
    let tmp = tempdir("inert");
    // A folder name from the data's world: paths are printed by every command.
    let data = tmp.join("daten\u{1b}[2J\u{9b}31m\u{7f}\u{202e}\u{2066}");
    std::fs::create_dir_all(&data).unwrap();
    copy_fixture(&data);
    let measures = std::fs::read_to_string(data.join(FILES[1]))
        .unwrap()
        .replace("\"sprache-1\"", "\"sprache-\\u001b[31m\\u202e\"");
    std::fs::write(data.join(FILES[1]), measures).unwrap();

    let o = run(&[os("validate"), data.as_os_str()]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("\\u{1b}"), "{}", text(&o));
    assert_inert(&o, "validate");

    let o = run(&[os("validate"), data.as_os_str(), os("--format"), os("json")]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v["data_dir"].as_str().unwrap().contains('\u{1b}'));
    assert_inert(&o, "validate --format json");

    let xlsx = data.join("plan\u{1b}[2J.xlsx");
    let o = run(&[os("export"), data.as_os_str(), os("-o"), xlsx.as_os_str()]);
    assert!(o.status.success(), "{}", text(&o));
    assert_inert(&o, "export");
    let o = run(&[os("export"), data.as_os_str(), os("-o"), xlsx.as_os_str()]);
    assert_eq!(o.status.code(), Some(2), "refuses to overwrite");
    assert_inert(&o, "export refused");

    let o = run(&[
        os("import"),
        xlsx.as_os_str(),
        os("-o"),
        data.as_os_str(),
        os("--dry-run"),
    ]);
    assert_inert(&o, "import");
    assert!(text(&o).contains("\\u{1b}"), "{}", text(&o));
    let o = run(&[
        os("import"),
        data.join("fehlt\u{1b}.xlsx").as_os_str(),
        os("-o"),
        data.as_os_str(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert_inert(&o, "import of a missing file");

    let o = run(&[os("template"), tmp.join("vorlage\u{202e}.xlsx").as_os_str()]);
    assert!(o.status.success(), "{}", text(&o));
    assert_inert(&o, "template");

    let o = run(&[
        os("snapshot"),
        data.as_os_str(),
        os("--title"),
        os("Bericht\u{1b}[2J"),
        os("--date"),
        os("2026-05-12"),
        os("--force"),
    ]);
    assert_inert(&o, "snapshot");

    let o = run(&[os("schema"), tmp.join("schema\u{1b}").as_os_str()]);
    assert!(o.status.success(), "{}", text(&o));
    assert_inert(&o, "schema");
}

#[test]
fn the_release_profile_lets_the_staff_tool_unwind() {
    // Cargo cannot set `panic` per package, so the shared release profile must leave it at
    // unwinding (the wasm target aborts by default); the reader's panic guard depends on it.
    let manifest =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../Cargo.toml"))
            .unwrap();
    let mut section = String::new();
    for line in manifest.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.starts_with('[') {
            section = line.to_owned();
            continue;
        }
        if section.starts_with("[profile.release") || section.starts_with("[profile.dev") {
            let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
            assert_ne!(
                compact, "panic=\"abort\"",
                "{section} sets panic = \"abort\": the staff tool's panic guard needs unwinding"
            );
        }
    }
    const { assert!(cfg!(panic = "unwind")) };
}
