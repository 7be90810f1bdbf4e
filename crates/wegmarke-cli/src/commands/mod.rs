//! The subcommands, one module each, and what they share: output format, printing findings
//! grouped by sheet, exit codes, loading a data folder for export and snapshot, and writing an
//! output file without clobbering one staff may still be working in.

pub mod boundaries;
pub mod export;
pub mod import;
pub mod publish;
pub mod schema;
pub mod snapshot;
pub mod template;
pub mod validate;

use std::path::Path;
use std::process::ExitCode;

use serde_json::json;
use wegmarke_core::{IndicatorsFile, MeasuresFile, PlanFile};

use crate::files::{self, INDICATORS_FILE, MEASURES_FILE, PLAN_FILE};
use crate::input::lock_file;
use crate::msg::Lang;
use crate::workbook::export::Data;
use crate::workbook::{Finding, FindingKind, Level, Loc};
use wegmarke_workbook::msg;

/// Output for people or for machines.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

/// 0 clean, 1 problems, 2 fatal.
pub fn exit_code(findings: &[Finding]) -> ExitCode {
    if findings.iter().any(|f| f.level == Level::Fatal) {
        ExitCode::from(2)
    } else if findings.iter().any(|f| f.level == Level::Problem) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn tag(level: Level, lang: Lang) -> &'static str {
    match level {
        Level::Fatal => lang.pick("FEHLER", "ERROR"),
        Level::Problem => lang.pick("Problem", "problem"),
        Level::Note => lang.pick("Hinweis", "note"),
    }
}

/// Prints findings grouped by sheet (in the order given), one line each.
pub fn print_findings(findings: &[Finding], lang: Lang) {
    let mut groups: Vec<(&str, Vec<&Finding>)> = Vec::new();
    for f in findings {
        let sheet = f.loc.sheet.as_str();
        match groups.iter_mut().find(|(s, _)| *s == sheet) {
            Some((_, v)) => v.push(f),
            None => groups.push((sheet, vec![f])),
        }
    }
    for (sheet, list) in groups {
        let serious = list.iter().filter(|f| f.level != Level::Note).count();
        let head = if sheet.is_empty() { "–" } else { sheet };
        if serious > 0 {
            crate::msg::say(&format!(
                "✘ {head}: {serious} {}",
                lang.pick("Problem(e)", "problem(s)")
            ));
        } else {
            crate::msg::say(&format!("ℹ {head}"));
        }
        for f in list {
            crate::msg::say(&format!("  [{}] {}", tag(f.level, lang), f.to_line(lang)));
        }
    }
}

/// Findings as JSON for machines.
pub fn findings_json(findings: &[Finding], lang: Lang) -> serde_json::Value {
    serde_json::Value::Array(
        findings
            .iter()
            .map(|f| {
                json!({
                    "severity": f.level,
                    "kind": f.kind,
                    "sheet": f.loc.sheet,
                    "cell": f.loc.cell_ref(),
                    "row": f.loc.row,
                    "column": f.loc.col.map(crate::workbook::column_letter),
                    "header": f.loc.header,
                    "file": f.json.as_ref().map(|j| j.0.clone()),
                    "path": f.json.as_ref().map(|j| j.1.clone()),
                    "message": f.msg.get(lang),
                    "location": f.loc.display(lang),
                })
            })
            .collect(),
    )
}

/// Loads a data folder for export or snapshot: the app's validation must find nothing fatal,
/// and every file must read completely into the typed model (an entry the app would leave
/// out cannot be put in a sheet without losing it). Prints the problems otherwise.
pub fn load_data(dir: &Path, lang: Lang) -> Result<Data, ExitCode> {
    let ds = files::read_dataset(dir, "");
    let fatal = ds
        .problems
        .iter()
        .any(|p| p.severity == wegmarke_core::Severity::Fatal);
    if fatal {
        validate::print_dataset(&ds, lang);
        crate::msg::say(lang.pick(
            "Abgebrochen: mindestens eine Datei ist unbrauchbar.",
            "Stopped: at least one file cannot be used.",
        ));
        return Err(ExitCode::from(2));
    }
    let read = |name: &str| std::fs::read(dir.join(name)).unwrap_or_default();
    let plan = files::parse::<PlanFile>(&read(PLAN_FILE));
    let measures = files::parse::<MeasuresFile>(&read(MEASURES_FILE));
    let indicators = files::parse::<IndicatorsFile>(&read(INDICATORS_FILE));
    match (plan, measures, indicators) {
        (Ok(plan), Ok(measures), Ok(indicators)) => Ok(Data {
            plan,
            measures,
            indicators,
        }),
        _ => {
            validate::print_dataset(&ds, lang);
            crate::msg::say(lang.pick(
                    "Abgebrochen: Einträge mit ungültigem Inhalt (oben gemeldet) können nicht verlustfrei übernommen werden. Bitte zuerst in den JSON-Dateien korrigieren.",
                    "Stopped: entries with invalid content (reported above) cannot be taken over without loss. Please correct them in the JSON files first.",
                ));
            Err(ExitCode::from(2))
        }
    }
}

/// Checks that an output file may be written: not open in a spreadsheet program, and not an
/// existing file unless `force`.
pub fn may_write_output(path: &Path, force: bool) -> Result<(), Finding> {
    let name = path.display().to_string();
    if let Some(lock) = lock_file(path) {
        if !force {
            let lock = lock.display().to_string();
            return Err(Finding::fatal(
                Loc::sheet(&name),
                FindingKind::OpenElsewhere,
                msg!(
                    "„{name}“ ist gerade in einem Tabellenprogramm geöffnet (Sperrdatei {lock}). Bitte schließen – oder mit --force trotzdem überschreiben.",
                    "\"{name}\" is open in a spreadsheet program (lock file {lock}). Please close it – or overwrite anyway with --force.",
                ),
            ));
        }
    }
    if path.exists() && !force {
        return Err(Finding::fatal(
            Loc::sheet(&name),
            FindingKind::OutputExists,
            msg!(
                "„{name}“ gibt es schon; sie könnte Änderungen enthalten, die noch nicht importiert sind. Bitte einen anderen Namen wählen – oder mit --force überschreiben.",
                "\"{name}\" already exists; it may hold changes not imported yet. Please choose another name – or overwrite with --force.",
            ),
        ));
    }
    Ok(())
}

/// Writes an output file atomically, with a clear message on failure.
pub fn write_output(path: &Path, bytes: &[u8]) -> Result<(), Finding> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| write_error(path, &e))?;
    }
    files::write_atomic(path, bytes).map_err(|e| write_error(path, &e))
}

/// The message for a file that cannot be written.
pub fn write_error(path: &Path, e: &std::io::Error) -> Finding {
    let name = path.display().to_string();
    let m = if e.kind() == std::io::ErrorKind::PermissionDenied {
        msg!(
            "„{name}“ kann nicht geschrieben werden: keine Schreibberechtigung, oder ein anderes Programm sperrt die Datei.",
            "\"{name}\" cannot be written: no write permission, or another program locks the file.",
        )
    } else {
        msg!(
            "„{name}“ kann nicht geschrieben werden ({e}).",
            "\"{name}\" cannot be written ({e}).",
        )
    };
    let kind = if e.kind() == std::io::ErrorKind::PermissionDenied {
        FindingKind::NoPermission
    } else {
        FindingKind::WriteFailed {
            detail: e.to_string(),
        }
    };
    Finding::fatal(Loc::sheet(&name), kind, m)
}

/// Prints one fatal finding and returns exit code 2.
pub fn fail(f: Finding, lang: Lang) -> ExitCode {
    print_findings(std::slice::from_ref(&f), lang);
    ExitCode::from(2)
}
