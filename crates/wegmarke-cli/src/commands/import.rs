//! `import`: a workbook (.xlsx, .ods) or a folder of CSV files into the three JSON files.
//! Problems are reported at sheet, row and column; the files are written only when nothing is
//! fatal, atomically, with the previous version kept as `<name>.bak`, and a file the tool did
//! not write is replaced only with `--force` (see [`crate::files`]).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};
use serde_json::json;
use wegmarke_core::{validate, Input, Inputs};

use super::{exit_code, findings_json, print_findings, write_error, Format};
use crate::files::{self, Manifest, Plan, DATA_FILES};
use crate::input::read_path;
use crate::msg::Lang;
use crate::workbook::import::{import, locate_problems, sort_findings, Existing};
use crate::workbook::read::Source;
use crate::workbook::{Finding, FindingKind, Level, Loc};
use wegmarke_workbook::msg;

/// What the import command was asked to do.
pub struct Options<'a> {
    pub workbook: &'a Path,
    pub out_dir: &'a Path,
    pub force: bool,
    pub dry_run: bool,
    pub format: Format,
    pub lang: Lang,
}

/// What happened to one data file.
struct Outcome {
    name: &'static str,
    plan: Plan,
    backup: Option<PathBuf>,
}

fn progress(format: Format) -> ProgressBar {
    // Hidden when stderr is not a terminal (scripts, tests) or for JSON output.
    let pb = if format == Format::Json {
        ProgressBar::hidden()
    } else {
        ProgressBar::new(5)
    };
    pb.set_style(
        ProgressStyle::with_template("{spinner} {msg:32} [{bar:24}] {pos}/{len}")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    pb.enable_steady_tick(Duration::from_millis(120));
    pb
}

/// The `import` command.
pub fn run(o: &Options) -> ExitCode {
    let lang = o.lang;
    let pb = progress(o.format);
    pb.set_message(
        lang.pick("Arbeitsmappe lesen", "reading the workbook")
            .to_owned(),
    );
    let book = match read_path(o.workbook) {
        Ok(b) => b,
        Err(f) => {
            pb.finish_and_clear();
            return report(o, &[f], &[], None);
        }
    };
    pb.inc(1);

    pb.set_message(
        lang.pick("bisherige Dateien lesen", "reading the existing files")
            .to_owned(),
    );
    let mut current: Vec<Option<Vec<u8>>> = Vec::new();
    for name in DATA_FILES {
        let path = o.out_dir.join(name);
        match files::read_optional(&path) {
            Ok(b) => current.push(b),
            Err(e) => {
                pb.finish_and_clear();
                let f = crate::input::io_error(&path.display().to_string(), &e);
                return report(o, &[f], &[], Some(book.source));
            }
        }
    }
    let existing = Existing::from_bytes(
        current[0].as_deref(),
        current[1].as_deref(),
        current[2].as_deref(),
    );
    pb.inc(1);

    pb.set_message(
        lang.pick("Tabellen umwandeln", "converting the sheets")
            .to_owned(),
    );
    let imported = import(&book.sheets, &existing);
    let mut findings = book.notes.clone();
    findings.extend(imported.findings.iter().cloned());
    pb.inc(1);

    let Some(data) = imported.data else {
        pb.finish_and_clear();
        sort_findings(&mut findings);
        return report(o, &findings, &[], Some(book.source));
    };

    pb.set_message(lang.pick("Daten prüfen", "checking the data").to_owned());
    let texts = [
        files::canonical(&data.plan),
        files::canonical(&data.measures),
        files::canonical(&data.indicators),
    ];
    let ds = validate(
        &Inputs {
            plan: Input::Bytes(texts[0].as_bytes()),
            measures: Input::Bytes(texts[1].as_bytes()),
            indicators: Input::Bytes(texts[2].as_bytes()),
        },
        "",
    );
    findings.extend(locate_problems(&ds.problems, &imported.locator));
    sort_findings(&mut findings);
    pb.inc(1);

    // Decide for every file before writing any, so that a refusal writes nothing.
    let manifest = Manifest::load(o.out_dir);
    let mut outcomes = Vec::new();
    for (i, name) in DATA_FILES.into_iter().enumerate() {
        let plan = files::plan_write(
            name,
            current[i].as_deref(),
            texts[i].as_bytes(),
            &manifest,
            o.force,
        );
        if plan == Plan::Refuse {
            let bak = format!("{name}.bak");
            findings.push(Finding::fatal(
                Loc::sheet(&o.out_dir.join(name).display().to_string()),
                FindingKind::NotWrittenByTool,
                msg!(
                    "Die Datei wurde nicht von wegmarke-daten geschrieben oder seitdem von Hand geändert; sie wird nicht überschrieben. Änderungen darin bitte in die Arbeitsmappe übernehmen (oder zuerst exportieren) – oder mit --force überschreiben (die bisherige Fassung bleibt als {bak} erhalten).",
                    "The file was not written by wegmarke-daten or was edited by hand since; it is not overwritten. Please bring its changes into the workbook (or export first) – or overwrite with --force (the previous version is kept as {bak}).",
                ),
            ));
        }
        outcomes.push(Outcome {
            name,
            plan,
            backup: None,
        });
    }
    if findings.iter().any(|f| f.level == Level::Fatal) || o.dry_run {
        pb.finish_and_clear();
        return report(o, &findings, &outcomes, Some(book.source));
    }

    pb.set_message(
        lang.pick("Dateien schreiben", "writing the files")
            .to_owned(),
    );
    if let Err(e) = std::fs::create_dir_all(o.out_dir) {
        pb.finish_and_clear();
        findings.push(write_error(o.out_dir, &e));
        return report(o, &findings, &outcomes, Some(book.source));
    }
    let mut manifest = manifest;
    for (i, out) in outcomes.iter_mut().enumerate() {
        if !matches!(out.plan, Plan::Create | Plan::Replace) {
            continue;
        }
        let path = o.out_dir.join(out.name);
        match files::replace(&path, current[i].as_deref(), texts[i].as_bytes()) {
            Ok(b) => {
                out.backup = b;
                manifest
                    .files
                    .insert(out.name.to_owned(), files::sha256(texts[i].as_bytes()));
            }
            Err(e) => {
                pb.finish_and_clear();
                findings.push(write_error(&path, &e));
                // Later files are not written; say which ones were.
                out.plan = Plan::Refuse;
                let _ = manifest.save(o.out_dir);
                return report(o, &findings, &outcomes[..i], Some(book.source));
            }
        }
    }
    // Unchanged files count as written by the tool from now on.
    for (i, out) in outcomes.iter().enumerate() {
        if out.plan == Plan::Unchanged {
            manifest
                .files
                .insert(out.name.to_owned(), files::sha256(texts[i].as_bytes()));
        }
    }
    if let Err(e) = manifest.save(o.out_dir) {
        findings.push(Finding::problem(
            Loc::sheet(files::MANIFEST),
            FindingKind::ManifestNotSaved {
                detail: e.to_string(),
            },
            msg!(
                "Die Liste der geschriebenen Dateien konnte nicht gespeichert werden ({e}); beim nächsten Import ist --force nötig.",
                "The list of written files could not be saved ({e}); the next import will need --force.",
            ),
        ));
    }
    pb.inc(1);
    pb.finish_and_clear();
    report(o, &findings, &outcomes, Some(book.source))
}

fn source_name(s: Option<Source>) -> &'static str {
    match s {
        Some(Source::Xlsx) => "xlsx",
        Some(Source::Ods) => "ods",
        Some(Source::Xls) => "xls",
        Some(Source::CsvFolder) => "csv",
        None => "",
    }
}

fn outcome_text(o: &Outcome, dry_run: bool, lang: Lang) -> String {
    match (&o.plan, dry_run) {
        (Plan::Unchanged, _) => lang.pick("unverändert", "unchanged").to_owned(),
        (Plan::Create, true) => lang
            .pick("würde neu angelegt", "would be created")
            .to_owned(),
        (Plan::Replace, true) => lang.pick("würde ersetzt", "would be replaced").to_owned(),
        (Plan::Create, false) => lang.pick("neu angelegt", "created").to_owned(),
        (Plan::Replace, false) => match &o.backup {
            Some(b) => format!(
                "{} {})",
                lang.pick(
                    "geschrieben (vorherige Fassung:",
                    "written (previous version:"
                ),
                b.file_name()
                    .map(|n| n.to_string_lossy())
                    .unwrap_or_default()
            ),
            None => lang.pick("geschrieben", "written").to_owned(),
        },
        (Plan::Refuse, _) => lang.pick("nicht geschrieben", "not written").to_owned(),
    }
}

fn report(
    o: &Options,
    findings: &[Finding],
    outcomes: &[Outcome],
    source: Option<Source>,
) -> ExitCode {
    let lang = o.lang;
    let fatal = findings.iter().any(|f| f.level == Level::Fatal);
    let written = !fatal && !o.dry_run;
    match o.format {
        Format::Json => {
            let files: Vec<_> = outcomes
                .iter()
                .map(|x| {
                    json!({
                        "file": x.name,
                        "result": match (&x.plan, fatal, o.dry_run) {
                            (Plan::Unchanged, _, _) => "unchanged",
                            (_, true, _) => "not_written",
                            (Plan::Create, false, false) => "created",
                            (Plan::Replace, false, false) => "replaced",
                            (Plan::Create | Plan::Replace, false, true) => "would_write",
                            (Plan::Refuse, _, _) => "refused",
                        },
                        "backup": x.backup.as_ref().map(|b| b.display().to_string()),
                    })
                })
                .collect();
            let out = json!({
                "workbook": o.workbook.display().to_string(),
                "format": source_name(source),
                "data_dir": o.out_dir.display().to_string(),
                "fatal": fatal,
                "written": written,
                "files": files,
                "problems": findings_json(findings, lang),
            });
            crate::msg::say_json(&out);
        }
        Format::Text => {
            if source.is_some() {
                crate::msg::say(&format!(
                    "{} {} ({})",
                    lang.pick("Arbeitsmappe:", "Workbook:"),
                    o.workbook.display(),
                    source_name(source)
                ));
            }
            print_findings(findings, lang);
            if !fatal {
                for x in outcomes {
                    crate::msg::say(&format!(
                        "✔ {}: {}",
                        x.name,
                        outcome_text(x, o.dry_run, lang)
                    ));
                }
            }
            let problems = findings.iter().any(|f| f.level == Level::Problem);
            let summary = match (fatal, o.dry_run, problems) {
                (true, _, _) => lang.pick(
                    "Nichts geschrieben: bitte die FEHLER oben in der Arbeitsmappe beheben und erneut importieren.",
                    "Nothing written: please fix the ERRORS above in the workbook and import again.",
                ),
                (false, true, false) => lang.pick(
                    "Probelauf: keine Probleme; ohne --dry-run werden die Dateien geschrieben.",
                    "Dry run: no problems; without --dry-run the files are written.",
                ),
                (false, true, true) => lang.pick(
                    "Probelauf: die Dateien könnten geschrieben werden, aber die Einträge mit Problemen würden in der App ausgelassen oder markiert.",
                    "Dry run: the files could be written, but entries with problems would be left out or flagged by the app.",
                ),
                (false, false, false) => lang.pick(
                    "Import abgeschlossen, keine Probleme. Vor dem Veröffentlichen: wegmarke-daten validate.",
                    "Import done, no problems. Before publishing: wegmarke-daten validate.",
                ),
                (false, false, true) => lang.pick(
                    "Import abgeschlossen, aber Einträge mit Problemen werden in der App ausgelassen oder markiert – bitte in der Arbeitsmappe korrigieren.",
                    "Import done, but entries with problems are left out or flagged by the app – please correct them in the workbook.",
                ),
            };
            crate::msg::say(summary);
        }
    }
    exit_code(findings)
}
