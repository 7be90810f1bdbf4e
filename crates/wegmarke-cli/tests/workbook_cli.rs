//! The workbook commands as staff run them: template, export, import and snapshot, with every
//! error class (missing, empty, corrupt, encrypted, wrong kind of file, locked, a bad cell, a
//! missing column, a file the tool did not write) and the promises around writing (nothing
//! written when fatal, atomic replace with backup, unknown fields and missing columns kept).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use wegmarke_cli::files::canonical;
use wegmarke_cli::workbook::export::tables;
use wegmarke_cli::workbook::{column_letter, xlsx, Cell, Table};

mod common;

use common::{
    bin, copy_fixture, example_data, example_dir, fixture_data, fixture_dir, tempdir, FILES,
};

fn canonical_example() -> [String; 3] {
    let d = example_data();
    [
        canonical(&d.plan),
        canonical(&d.measures),
        canonical(&d.indicators),
    ]
}

fn run(cmd: &mut Command) -> (i32, String) {
    let Output {
        status,
        stdout,
        stderr,
    } = cmd.output().unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&stdout),
        String::from_utf8_lossy(&stderr)
    );
    (status.code().unwrap_or(-1), text)
}

/// The small plan's workbook after `edit`, written to `dir/name`.
fn workbook(dir: &Path, name: &str, edit: impl FnOnce(&mut Vec<Table>)) -> PathBuf {
    let mut t = tables(Some(&fixture_data())).unwrap();
    edit(&mut t);
    let path = dir.join(name);
    std::fs::write(&path, xlsx::to_bytes(&t).unwrap()).unwrap();
    path
}

/// The example plan (which has council papers) as a workbook, edited.
fn example_workbook(dir: &Path, edit: impl FnOnce(&mut Vec<Table>)) -> PathBuf {
    let mut t = tables(Some(&common::example_data())).unwrap();
    edit(&mut t);
    let path = dir.join("beispiel.xlsx");
    std::fs::write(&path, xlsx::to_bytes(&t).unwrap()).unwrap();
    path
}

fn sheet<'a>(t: &'a mut [Table], name: &str) -> &'a mut Table {
    t.iter_mut().find(|t| t.name == name).unwrap()
}

fn col(t: &Table, header: &str) -> usize {
    t.columns.iter().position(|c| c.header == header).unwrap()
}

fn remove_column(t: &mut Table, header: &str) {
    let c = col(t, header);
    t.columns.remove(c);
    for r in &mut t.rows {
        if c < r.len() {
            r.remove(c);
        }
    }
}

/// The backup versions in a backup folder, oldest first.
fn backup_versions(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|it| it.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    v.retain(|p| p.join("sicherung.json").exists());
    v.sort();
    v
}

fn no_json_in(dir: &Path) -> bool {
    FILES.iter().all(|f| !dir.join(f).exists())
}

// ------------------------------------------------------------------ round trip through the CLI

#[test]
fn export_then_import_gives_byte_identical_json() {
    let dir = tempdir("cli-rt");
    let (code, out) = run(bin()
        .args(["export"])
        .arg(example_dir())
        .arg("-o")
        .arg(dir.join("plan.xlsx"))
        .arg("--csv")
        .arg(dir.join("csv")));
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("17 Tabellenblätter"), "{out}");
    for (source, target) in [("plan.xlsx", "from-xlsx"), ("csv", "from-csv")] {
        let (code, out) = run(bin()
            .arg("import")
            .arg(dir.join(source))
            .arg("-o")
            .arg(dir.join(target)));
        assert_eq!(code, 0, "{out}");
        assert!(out.contains("keine Probleme"), "{out}");
        for (f, expected) in FILES.iter().zip(canonical_example()) {
            let got = std::fs::read_to_string(dir.join(target).join(f)).unwrap();
            assert!(got == expected, "{source}: {f} differs");
        }
    }
    // The written files are what the app accepts without a word, published beside the report
    // snapshots that plan.json lists (an import writes the three files, not the snapshots).
    let reports = example_dir().join("reports");
    for entry in std::fs::read_dir(&reports).unwrap() {
        let folder = entry.unwrap().path();
        let target = dir
            .join("from-xlsx/reports")
            .join(folder.file_name().unwrap());
        std::fs::create_dir_all(&target).unwrap();
        for f in FILES {
            std::fs::copy(folder.join(f), target.join(f)).unwrap();
        }
    }
    let (code, out) = run(bin().arg("validate").arg(dir.join("from-xlsx")));
    assert_eq!(code, 0, "{out}");
}

#[test]
fn csv_files_are_one_per_sheet_with_bom_semicolons_and_decimal_commas() {
    let dir = tempdir("csv-form");
    let (code, out) = run(bin()
        .args(["export"])
        .arg(fixture_dir())
        .arg("-o")
        .arg(dir.join("plan.xlsx"))
        .arg("--csv")
        .arg(dir.join("csv")));
    assert_eq!(code, 0, "{out}");
    let werte = std::fs::read(dir.join("csv").join("Werte.csv")).unwrap();
    assert!(werte.starts_with(b"\xEF\xBB\xBFIndikator;Reihe;Zeitraum;Wert"));
    // The small plan's unemployment rate of 2024 is 11.8.
    assert!(String::from_utf8_lossy(&werte).contains("I-alq;gesamt;2024;11,8;"));
}

#[test]
fn template_is_written_once_and_an_empty_one_imports_to_a_clear_error() {
    let dir = tempdir("template");
    let out_path = dir.join("vorlage.xlsx");
    let (code, out) = run(bin().arg("template").arg(&out_path));
    assert_eq!(code, 0, "{out}");
    let (code, out) = run(bin().arg("template").arg(&out_path));
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("gibt es schon"), "{out}");
    let (code, out) = run(bin().arg("template").arg(dir.join("vorlage.ods")));
    assert_eq!(code, 2, "{out}");
    assert!(out.contains(".xlsx"), "{out}");

    let (code, out) = run(bin()
        .arg("import")
        .arg(&out_path)
        .arg("-o")
        .arg(dir.join("data")));
    assert_eq!(code, 2, "{out}");
    assert!(
        out.contains("Plan!B3 (Wert): Pflichtangabe „Titel“ fehlt."),
        "{out}"
    );
    assert!(no_json_in(&dir.join("data")));

    let (code, out) = run(bin()
        .args(["template", "--example"])
        .arg(dir.join("beispiel.xlsx")));
    assert_eq!(code, 0, "{out}");
    let (code, out) = run(bin()
        .arg("import")
        .arg(dir.join("beispiel.xlsx"))
        .arg("-o")
        .arg(dir.join("beispiel")));
    assert_eq!(code, 0, "{out}");
}

// ------------------------------------------------------------------ problems at their cells

#[test]
fn unknown_goal_is_reported_at_its_cell_and_the_files_are_written() {
    let dir = tempdir("unknown-goal");
    let wb = workbook(&dir, "plan.xlsx", |t| {
        let m = sheet(t, "Maßnahmen");
        let c = col(m, "Ziele");
        assert_eq!(c, 2, "Ziele is column C");
        // Row 6 of the sheet: two header rows, so the 4th measure.
        m.rows[3][c] = Cell::Text("sprache-9".into());
    });
    let data = dir.join("data");
    let (code, out) = run(bin().arg("import").arg(&wb).arg("-o").arg(&data));
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("[Problem] Maßnahmen!C6 (Ziele): unbekanntes Ziel \"sprache-9\""),
        "{out}"
    );
    assert!(out.contains("✘ Maßnahmen: 1 Problem(e)"), "{out}");
    assert!(
        !no_json_in(&data),
        "content problems do not stop the import"
    );

    let (code, out) = run(bin()
        .args(["--lang", "en", "import", "--dry-run", "--format", "json"])
        .arg(&wb)
        .arg("-o")
        .arg(dir.join("dry")));
    assert_eq!(code, 1, "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let p = &v["problems"][0];
    assert_eq!(p["cell"], "C6");
    assert_eq!(p["sheet"], "Maßnahmen");
    assert_eq!(p["header"], "Ziele");
    assert_eq!(p["file"], "measures.json");
    assert_eq!(p["path"], "measures[3].goals[0]");
    assert_eq!(p["message"], "unknown goal \"sprache-9\"");
    assert_eq!(v["written"], false);
    assert!(no_json_in(&dir.join("dry")), "a dry run writes nothing");
}

#[test]
fn a_cell_that_cannot_be_converted_is_fatal_and_nothing_is_written() {
    let dir = tempdir("fatal-cell");
    // Where the progress column is depends on which text columns the plan needs.
    let mut progress = 0;
    let wb = workbook(&dir, "plan.xlsx", |t| {
        let m = sheet(t, "Maßnahmen");
        let c = col(m, "Status");
        m.rows[2][c] = Cell::Text("läuft".into());
        progress = col(m, "Fortschritt (%)");
        m.rows[3][progress] = Cell::Text("viel".into());
        let w = sheet(t, "Werte");
        let c = col(w, "Zeitraum");
        w.rows[0][c] = Cell::Text("2023-13".into());
        let ms = sheet(t, "Meilensteine");
        let c = col(ms, "Maßnahme");
        ms.rows[0][c] = Cell::Text("M-9.9".into());
    });
    let data = dir.join("data");
    let (code, out) = run(bin().arg("import").arg(&wb).arg("-o").arg(&data));
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("Maßnahmen!B5 (Status): unzulässiger Wert \"läuft\"; erlaubt: geplant, in Vorbereitung, läuft – im Plan"), "{out}");
    assert!(
        out.contains(&format!(
            "Maßnahmen!{}6 (Fortschritt (%)): „viel“ ist keine Zahl",
            column_letter(progress as u32)
        )),
        "{out}"
    );
    assert!(
        out.contains("Werte!C3 (Zeitraum): ungültiger Zeitraum \"2023-13\""),
        "{out}"
    );
    assert!(
        out.contains("Meilensteine!A3 (Maßnahme): „M-9.9“ gibt es im Blatt Maßnahmen nicht"),
        "{out}"
    );
    assert!(out.contains("Nichts geschrieben"), "{out}");
    assert!(no_json_in(&data));
}

#[test]
fn missing_required_columns_are_named() {
    let dir = tempdir("missing-column");
    let wb = workbook(&dir, "ohne-status.xlsx", |t| {
        remove_column(sheet(t, "Maßnahmen"), "Status")
    });
    let (code, out) = run(bin().arg("import").arg(&wb).arg("-o").arg(dir.join("a")));
    assert_eq!(code, 2, "{out}");
    assert!(
        out.contains("Maßnahmen, Zeile 3: Pflichtangabe „Status“ fehlt – die Arbeitsmappe hat dafür keine Spalte oder Zeile."),
        "{out}"
    );
    assert!(no_json_in(&dir.join("a")));

    let wb = workbook(&dir, "ohne-kennung.xlsx", |t| {
        remove_column(sheet(t, "Akteure"), "Kennung")
    });
    let (code, out) = run(bin().arg("import").arg(&wb).arg("-o").arg(dir.join("b")));
    assert_eq!(code, 2, "{out}");
    assert!(
        out.contains("Akteure, Zeile 1: Pflichtspalte „Kennung“ fehlt."),
        "{out}"
    );

    let wb = workbook(&dir, "ohne-massnahme.xlsx", |t| {
        remove_column(sheet(t, "Links"), "Maßnahme")
    });
    let (code, out) = run(bin().arg("import").arg(&wb).arg("-o").arg(dir.join("c")));
    assert_eq!(code, 2, "{out}");
    assert!(
        out.contains("Links, Zeile 1: Pflichtspalte „Maßnahme“ fehlt."),
        "{out}"
    );
}

// ------------------------------------------------------------------ files that cannot be read

#[test]
fn every_unreadable_file_gets_its_own_message() {
    let dir = tempdir("unreadable");
    let out_dir = dir.join("data");
    let import = |path: &Path| run(bin().arg("import").arg(path).arg("-o").arg(&out_dir));

    let (code, out) = import(&dir.join("fehlt.xlsx"));
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("gibt es nicht"), "{out}");

    std::fs::write(dir.join("leer.xlsx"), b"").unwrap();
    let (code, out) = import(&dir.join("leer.xlsx"));
    assert_eq!(code, 2);
    assert!(out.contains("ist leer"), "{out}");

    // A workbook cut off in the middle (an interrupted copy or upload).
    let good = workbook(&dir, "gut.xlsx", |_| {});
    let bytes = std::fs::read(&good).unwrap();
    std::fs::write(dir.join("kaputt.xlsx"), &bytes[..bytes.len() / 2]).unwrap();
    let (code, out) = import(&dir.join("kaputt.xlsx"));
    assert_eq!(code, 2);
    assert!(out.contains("ist beschädigt"), "{out}");

    // Excel's "Encrypt with password" makes an OLE compound file with an EncryptedPackage.
    let mut cfb = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    cfb.resize(1024, 0);
    cfb.extend("EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes));
    cfb.extend([0u8; 64]);
    cfb.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    cfb.resize(4096, 0);
    std::fs::write(dir.join("geheim.xlsx"), &cfb).unwrap();
    let (code, out) = import(&dir.join("geheim.xlsx"));
    assert_eq!(code, 2);
    assert!(out.contains("mit einem Kennwort verschlüsselt"), "{out}");
    let (_, out) = run(bin()
        .args(["--lang", "en", "import"])
        .arg(dir.join("geheim.xlsx"))
        .arg("-o")
        .arg(&out_dir));
    assert!(out.contains("encrypted with a password"), "{out}");

    // The wrong kind of file, whatever its name says.
    std::fs::write(dir.join("bericht.xlsx"), b"%PDF-1.7\n...").unwrap();
    let (_, out) = import(&dir.join("bericht.xlsx"));
    assert!(out.contains("sondern ein PDF-Dokument"), "{out}");
    let docx = {
        let mut buf = std::io::Cursor::new(Vec::new());
        let mut z = zip::ZipWriter::new(&mut buf);
        z.start_file(
            "word/document.xml",
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
        z.write_all(b"<w:document/>").unwrap();
        z.finish().unwrap();
        buf.into_inner()
    };
    std::fs::write(dir.join("plan.docx"), docx).unwrap();
    let (_, out) = import(&dir.join("plan.docx"));
    assert!(out.contains("sondern ein Word-Dokument"), "{out}");
    let (_, out) = import(&fixture_dir().join("plan.json"));
    assert!(out.contains("JSON-Datei"), "{out}");
    let (_, out) = import(&fixture_dir());
    assert!(out.contains("ist ein Datenordner"), "{out}");
    std::fs::write(dir.join("Maßnahmen.csv"), "Kennung;Status\nM-1;geplant\n").unwrap();
    let (_, out) = import(&dir.join("Maßnahmen.csv"));
    assert!(out.contains("einzelne CSV-Datei"), "{out}");

    assert!(no_json_in(&out_dir));
}

#[test]
fn an_open_workbook_is_noticed() {
    let dir = tempdir("locked");
    let wb = workbook(&dir, "plan.xlsx", |_| {});
    std::fs::write(dir.join(".~lock.plan.xlsx#"), "Staff,host,...").unwrap();
    // Importing reads the saved state, and says so.
    let (code, out) = run(bin().arg("import").arg(&wb).arg("-o").arg(dir.join("data")));
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("gerade in einem Tabellenprogramm geöffnet"),
        "{out}"
    );
    // Exporting over it is refused, even with a name that is new to the folder check.
    let (code, out) = run(bin()
        .arg("export")
        .arg(fixture_dir())
        .arg("-o")
        .arg(&wb)
        .arg("--force"));
    assert_eq!(code, 0, "--force overrides: {out}");
    let (code, out) = run(bin().arg("export").arg(fixture_dir()).arg("-o").arg(&wb));
    assert_eq!(code, 2, "{out}");
    assert!(
        out.contains("gerade in einem Tabellenprogramm geöffnet"),
        "{out}"
    );
}

#[cfg(unix)]
#[test]
fn a_file_without_permission_is_explained() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempdir("permission");
    let wb = workbook(&dir, "plan.xlsx", |_| {});
    std::fs::set_permissions(&wb, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&wb).is_ok() {
        // Running as root: permissions do not apply; nothing to test here.
        return;
    }
    let (code, out) = run(bin().arg("import").arg(&wb).arg("-o").arg(dir.join("data")));
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("keine Berechtigung"), "{out}");
}

// ------------------------------------------------------------------ writing safely

#[test]
fn hand_written_files_are_only_replaced_with_force_and_kept_as_backup() {
    let dir = tempdir("force");
    copy_fixture(&dir);
    let backups = tempdir("force-backups");
    let wb = workbook(&dir, "plan.xlsx", |t| {
        let m = sheet(t, "Maßnahmen");
        let c = col(m, "Fortschritt (%)");
        m.rows[0][c] = Cell::Number(60.0);
    });
    let (code, out) = run(bin()
        .arg("import")
        .arg(&wb)
        .arg("-o")
        .arg(&dir)
        .arg("--backup-dir")
        .arg(&*backups));
    assert_eq!(code, 2, "{out}");
    assert!(
        out.contains("nicht von wegmarke-daten geschrieben"),
        "{out}"
    );
    assert!(
        backup_versions(&backups).is_empty(),
        "nothing written, nothing backed up"
    );
    for f in FILES {
        assert_eq!(
            std::fs::read(dir.join(f)).unwrap(),
            std::fs::read(fixture_dir().join(f)).unwrap(),
            "{f} untouched"
        );
    }

    let (code, out) = run(bin()
        .arg("import")
        .arg(&wb)
        .arg("-o")
        .arg(&dir)
        .arg("--force")
        .arg("--backup-dir")
        .arg(&*backups));
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("measures.json: geschrieben"), "{out}");
    assert!(out.contains("Vorherige Fassung gesichert in"), "{out}");
    let versions = backup_versions(&backups);
    assert_eq!(versions.len(), 1);
    for f in FILES {
        assert_eq!(
            std::fs::read(versions[0].join(f)).unwrap(),
            std::fs::read(fixture_dir().join(f)).unwrap(),
            "the backup holds the previous {f}"
        );
    }
    let measures = std::fs::read_to_string(dir.join("measures.json")).unwrap();
    assert!(measures.contains("\"progress\": 60,"), "the edit arrived");
    assert_eq!(
        std::fs::read(dir.join("plan.json")).unwrap(),
        std::fs::read(fixture_dir().join("plan.json")).unwrap(),
        "an unchanged file keeps its bytes, even hand-written"
    );
    assert!(!std::fs::read_dir(&dir).unwrap().any(|e| {
        let n = e.unwrap().file_name().to_string_lossy().into_owned();
        n.contains(".neu-") || n.ends_with(".bak")
    }));

    // Files the tool wrote are replaced without --force; identical ones are left alone.
    let (code, out) = run(bin().arg("import").arg(&wb).arg("-o").arg(&dir));
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("measures.json: unverändert"), "{out}");
    let wb2 = workbook(&dir, "plan2.xlsx", |t| {
        let m = sheet(t, "Maßnahmen");
        let c = col(m, "Fortschritt (%)");
        m.rows[0][c] = Cell::Number(70.0);
    });
    let (code, out) = run(bin()
        .arg("import")
        .arg(&wb2)
        .arg("-o")
        .arg(&dir)
        .arg("--backup-dir")
        .arg(&*backups));
    assert_eq!(code, 0, "{out}");
    let versions = backup_versions(&backups);
    assert_eq!(versions.len(), 2);
    assert!(std::fs::read_to_string(versions[1].join("measures.json"))
        .unwrap()
        .contains("\"progress\": 60,"));

    // A hand edit since the last import is protected again.
    let mut m = std::fs::read_to_string(dir.join("measures.json")).unwrap();
    m.push('\n');
    std::fs::write(dir.join("measures.json"), &m).unwrap();
    let (code, out) = run(bin().arg("import").arg(&wb).arg("-o").arg(&dir));
    assert_eq!(code, 2, "{out}");
    assert_eq!(
        std::fs::read_to_string(dir.join("measures.json")).unwrap(),
        m
    );
}

#[test]
fn unknown_fields_and_missing_columns_are_kept_from_the_existing_json() {
    let dir = tempdir("keep");
    // A workbook without the unknown-fields column and without two columns.
    let wb = workbook(&dir, "plan.xlsx", |t| {
        let m = sheet(t, "Maßnahmen");
        remove_column(m, "Leichte Sprache (de)");
        remove_column(m, "Budget: Betrag");
        remove_column(m, "Titel (en)");
    });
    let (code, out) = run(bin().arg("import").arg(&wb).arg("-o").arg(&dir));
    assert_eq!(code, 2, "no existing budget amounts to keep: {out}");

    copy_fixture(&dir);
    let mut measures: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("measures.json")).unwrap()).unwrap();
    measures["x_quelle"] = "Fachverfahren".into();
    measures["measures"][0]["x_kostenstelle"] = "4711".into();
    measures["measures"][0]["budget"]["x_haushaltsjahr"] = 2026.into();
    measures["measures"][0]["milestones"][1]["x_intern"] = true.into();
    std::fs::write(
        dir.join("measures.json"),
        serde_json::to_string_pretty(&measures).unwrap(),
    )
    .unwrap();
    let (code, out) = run(bin()
        .arg("import")
        .arg(&wb)
        .arg("-o")
        .arg(&dir)
        .arg("--force"));
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("Spalten fehlen (Budget: Betrag)"), "{out}");
    assert!(
        out.contains("Sprachspalten fehlen (Leichte Sprache (de), Titel (en))"),
        "{out}"
    );
    let back: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("measures.json")).unwrap()).unwrap();
    assert_eq!(back["x_quelle"], "Fachverfahren");
    assert_eq!(back["measures"][0]["x_kostenstelle"], "4711");
    assert_eq!(back["measures"][0]["budget"]["x_haushaltsjahr"], 2026);
    assert_eq!(back["measures"][0]["milestones"][1]["x_intern"], true);
    // Kept from the existing file: the column's values and the missing language.
    assert_eq!(
        back["measures"][0]["budget"]["amount"],
        measures["measures"][0]["budget"]["amount"]
            .as_f64()
            .unwrap()
    );
    assert_eq!(
        back["measures"][0]["easy_summary"],
        measures["measures"][0]["easy_summary"]
    );
    assert_eq!(
        back["measures"][0]["title"],
        measures["measures"][0]["title"]
    );
}

// ------------------------------------------------------------------ snapshot

#[test]
fn snapshot_freezes_the_files_and_registers_the_report() {
    let dir = tempdir("snapshot");
    copy_fixture(&dir);
    let backups = tempdir("snapshot-backups");
    let args = |force: bool| {
        let mut c = bin();
        c.arg("snapshot")
            .arg(&dir)
            .arg("--backup-dir")
            .arg(&*backups)
            .args([
                "--title",
                "Bericht an den Gemeinderat",
                "--title-en",
                "Report to the council",
            ])
            .args(["--reference", "Drucksache 2026/140", "--date", "2026-11-01"]);
        if force {
            c.arg("--force");
        }
        c
    };
    // plan.json is hand-written: rewriting it needs --force, and then nothing is half done.
    let (code, out) = run(&mut args(false));
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("--force"), "{out}");
    assert!(!dir.join("reports/2026-11-01").exists());

    let (code, out) = run(&mut args(true));
    assert_eq!(code, 0, "{out}");
    for f in FILES {
        assert_eq!(
            std::fs::read(dir.join("reports/2026-11-01").join(f)).unwrap(),
            std::fs::read(fixture_dir().join(f)).unwrap(),
            "{f} frozen byte for byte"
        );
    }
    let plan: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("plan.json")).unwrap()).unwrap();
    let report = plan["reports"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        report,
        serde_json::json!({
            "date": "2026-11-01",
            "title": {"de": "Bericht an den Gemeinderat", "en": "Report to the council"},
            "reference": "Drucksache 2026/140",
            "path": "reports/2026-11-01/"
        })
    );
    let versions = backup_versions(&backups);
    assert_eq!(versions.len(), 1, "{out}");
    assert_eq!(
        std::fs::read(versions[0].join("plan.json")).unwrap(),
        std::fs::read(fixture_dir().join("plan.json")).unwrap()
    );
    let (code, out) = run(bin().arg("validate").arg(&dir));
    assert_eq!(code, 0, "{out}");

    // Running it again changes nothing; another title for the same day needs --force.
    let (code, out) = run(&mut args(false));
    assert_eq!(code, 0, "{out}");
    let (code, out) = run(bin().arg("snapshot").arg(&dir).args([
        "--title",
        "Anderer Titel",
        "--date",
        "2026-11-01",
    ]));
    assert_eq!(code, 2, "{out}");
    let (code, out) =
        run(bin()
            .arg("snapshot")
            .arg(&dir)
            .args(["--title", "x", "--date", "2026-02-30"]));
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("kein Tagesdatum"), "{out}");
}

// ------------------------------------------------------------------ real spreadsheet programs

#[test]
fn workbooks_saved_by_libreoffice_import_byte_identical() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let dir = tempdir("libreoffice");
    for (i, wb) in ["klein-libreoffice.ods", "klein-libreoffice.xlsx"]
        .iter()
        .enumerate()
    {
        let target = dir.join(format!("out{i}"));
        let (code, out) = run(bin()
            .arg("import")
            .arg(fixtures.join(wb))
            .arg("-o")
            .arg(&target));
        // The small plan refers to indicators it leaves out: problems, not errors.
        assert_eq!(code, 1, "{wb}: {out}");
        assert!(out.contains("unbekannter Indikator"), "{out}");
        for f in FILES {
            assert!(
                std::fs::read(target.join(f)).unwrap()
                    == std::fs::read(fixtures.join("klein").join(f)).unwrap(),
                "{wb}: {f} differs"
            );
        }
    }
}

#[test]
fn a_date_the_spreadsheet_program_made_is_taken_and_reported_and_missing_sheets_are_kept() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let dir = tempdir("excel-date");
    // The data folder as the tool wrote it.
    let full = workbook(&dir, "voll.xlsx", |_| {});
    let (code, out) = run(bin().arg("import").arg(&full).arg("-o").arg(&dir));
    assert_eq!(code, 0, "{out}");
    let before: Vec<Vec<u8>> = FILES
        .iter()
        .map(|f| std::fs::read(dir.join(f)).unwrap())
        .collect();

    // A workbook with only the milestones, where someone typed a date into a text cell after
    // Excel had turned the column into dates.
    let t = tables(Some(&fixture_data())).unwrap();
    let ms = t.iter().find(|t| t.name == "Meilensteine").unwrap();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Meilensteine").unwrap();
    for (c, col) in ms.columns.iter().enumerate() {
        ws.write_string(0, c as u16, &col.header).unwrap();
    }
    let date_format = Format::new().set_num_format("yyyy-mm-dd");
    for (r, row) in ms.rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32 + 1, c as u16);
            match cell {
                _ if r == 1 && c == 1 => {
                    let d = ExcelDateTime::from_ymd(2027, 3, 1).unwrap();
                    ws.write_datetime_with_format(r, c, &d, &date_format)
                        .unwrap();
                }
                Cell::Text(s) => {
                    ws.write_string(r, c, s).unwrap();
                }
                _ => {}
            }
        }
    }
    let path = dir.join("nur-meilensteine.xlsx");
    wb.save(&path).unwrap();

    let (code, out) = run(bin().arg("import").arg(&path).arg("-o").arg(&dir));
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("Meilensteine!B2 (Datum): Das Tabellenprogramm hat den Wert als Datum gespeichert; übernommen als 2027-03-01."),
        "{out}"
    );
    assert!(
        out.contains("Maßnahmen: Das Tabellenblatt fehlt; die Einträge werden aus der bisherigen measures.json übernommen."),
        "{out}"
    );
    let measures: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("measures.json")).unwrap()).unwrap();
    assert_eq!(
        measures["measures"][0]["milestones"][0]["date"],
        "2027-03-01"
    );
    // Everything else is as before.
    assert_eq!(std::fs::read(dir.join("plan.json")).unwrap(), before[0]);
    assert_eq!(
        std::fs::read(dir.join("indicators.json")).unwrap(),
        before[2]
    );
    let mut expected: serde_json::Value = serde_json::from_slice(&before[1]).unwrap();
    expected["measures"][0]["milestones"][0]["date"] = "2027-03-01".into();
    assert_eq!(measures, expected);
}

#[test]
fn council_papers_are_attached_by_measure_id_and_report_date_and_located_by_cell() {
    let dir = tempdir("papers");
    let wb = example_workbook(&dir, |t| {
        let rp = sheet(t, "Drucksachen Berichte");
        let c = col(rp, "Bericht");
        rp.rows[0][c] = Cell::Text("2026-01-01".into());
    });
    let data = dir.join("data");
    let (code, out) = run(bin().arg("import").arg(&wb).arg("-o").arg(&data));
    assert_eq!(code, 2, "{out}");
    assert!(
        out.contains(
            "Drucksachen Berichte!A3 (Bericht): „2026-01-01“ gibt es im Blatt Berichte nicht"
        ),
        "{out}"
    );
    assert!(no_json_in(&data));

    // A link that is no web page is the app's own problem: written, and named at its cell.
    let dir = tempdir("papers-web");
    let mut web = 0;
    let wb = example_workbook(&dir, |t| {
        let mp = sheet(t, "Drucksachen Maßnahmen");
        web = col(mp, "Webseite");
        mp.rows[1][web] = Cell::Text("mailto:rat@example.org".into());
    });
    let data = dir.join("data");
    let (code, out) = run(bin().arg("import").arg(&wb).arg("-o").arg(&data));
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(&format!(
            "Drucksachen Maßnahmen!{}4 (Webseite)",
            column_letter(web as u32)
        )),
        "{out}"
    );
    assert!(
        out.contains("nur eine Webseite mit http oder https"),
        "{out}"
    );
}

#[test]
fn values_by_district_need_their_period_and_a_declared_district_is_named_at_its_cell() {
    // Values without the period on the Indikatoren sheet cannot be placed: nothing is written.
    let dir = tempdir("districts-period");
    let (mut row, mut c) = (0, 0);
    let wb = example_workbook(&dir, |t| {
        let ind = sheet(t, "Indikatoren");
        c = col(ind, "Stadtteilwerte: Zeitraum");
        row = ind.rows.iter().position(|r| r[c] != Cell::Empty).unwrap();
        ind.rows[row][c] = Cell::Empty;
    });
    let data = dir.join("data");
    let (code, out) = run(bin().arg("import").arg(&wb).arg("-o").arg(&data));
    assert_eq!(code, 2, "{out}");
    let cell = format!(
        "Indikatoren!{}{} (Stadtteilwerte: Zeitraum)",
        column_letter(c as u32),
        row + 3
    );
    assert!(out.contains(&cell), "{cell}: {out}");
    assert!(no_json_in(&data));

    // Without period and series there is no object to check: the row is named.
    let dir = tempdir("districts-no-object");
    let mut row = 0;
    let wb = example_workbook(&dir, |t| {
        let ind = sheet(t, "Indikatoren");
        let (c, s) = (
            col(ind, "Stadtteilwerte: Zeitraum"),
            col(ind, "Stadtteilwerte: Reihe"),
        );
        row = ind
            .rows
            .iter()
            .position(|r| r[c] != Cell::Empty && r[s] == Cell::Empty)
            .unwrap();
        ind.rows[row][c] = Cell::Empty;
    });
    let data = dir.join("data");
    let (code, out) = run(bin().arg("import").arg(&wb).arg("-o").arg(&data));
    assert_eq!(code, 2, "{out}");
    assert!(
        out.contains(&format!(
            "Indikatoren, Zeile {}: Dieser Indikator hat Werte im Blatt Werte nach Stadtteil",
            row + 3
        )),
        "{out}"
    );
    assert!(no_json_in(&data));

    // A district the plan does not declare is the app's own problem: written without that
    // value, and named at its cell.
    let dir = tempdir("districts-unknown");
    let mut district = 0;
    let wb = example_workbook(&dir, |t| {
        let v = sheet(t, "Werte nach Stadtteil");
        district = col(v, "Stadtteil");
        v.rows[1][district] = Cell::Text("reusch".into());
    });
    let data = dir.join("data");
    let (code, out) = run(bin().arg("import").arg(&wb).arg("-o").arg(&data));
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(&format!(
            "Werte nach Stadtteil!{}4 (Stadtteil)",
            column_letter(district as u32)
        )),
        "{out}"
    );
    assert!(out.contains("unbekannter Stadtteil"), "{out}");
}
