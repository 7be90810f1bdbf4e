//! `import`: a workbook (.xlsx, .ods) or a folder of CSV files into the three JSON files.
//! Problems are reported at sheet, row and column. Nothing published is lost without a person
//! saying so:
//! - every entry the existing files have and the workbook does not (a measure, an indicator, a
//!   series, a single value, …) is listed, and nothing is written unless `--confirm-removal` is
//!   given; a sheet saved empty or with only its header row shows up as the full list;
//! - the three files are written as one transaction (all or none), after the previous versions
//!   were saved as a backup outside the data folder (the last ten are kept);
//! - a file whose data did not change keeps its bytes; a file the tool did not write is
//!   replaced only with `--force` (see [`crate::files`]).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};
use serde_json::json;

use super::{exit_code, findings_json, print_findings, write_error, Format};
use crate::files::{self, BackupPlace, Backups, Change, Manifest, Plan, DATA_FILES};
use crate::input::read_path;
use crate::msg::Lang;
use crate::workbook::check::{question_findings, questions, validate_files};
use crate::workbook::import::{import, locate_problems, sort_findings, Existing};
use crate::workbook::json::file_text;
use crate::workbook::read::Source;
use crate::workbook::removals::{removed, summary, Removal};
use crate::workbook::{Finding, FindingKind, Level, Loc};
use wegmarke_workbook::msg;

/// What the import command was asked to do.
pub struct Options<'a> {
    pub workbook: &'a Path,
    pub out_dir: &'a Path,
    pub force: bool,
    pub dry_run: bool,
    /// The person has seen the list of removed entries and wants them gone.
    pub confirm_removal: bool,
    /// Where the backups go (`--backup-dir`); by default a folder of the user's.
    pub backup_dir: Option<&'a Path>,
    pub format: Format,
    pub lang: Lang,
}

/// What happened to one data file.
struct Outcome {
    name: &'static str,
    plan: Plan,
}

/// What the run did besides the files: removals and the backup.
#[derive(Default)]
struct Extra {
    removals: Vec<Removal>,
    backup: Option<PathBuf>,
    pruned: usize,
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

/// The findings that list removals: fatal until confirmed, then notes; one more that sums up.
fn removal_findings(removals: &[Removal], confirmed: bool) -> Vec<Finding> {
    if removals.is_empty() {
        return Vec::new();
    }
    let level = if confirmed { Level::Note } else { Level::Fatal };
    let mut out: Vec<Finding> = removals
        .iter()
        .map(|r| {
            Finding::new(
                level,
                Loc::sheet(r.kind.sheet()),
                FindingKind::Removed,
                r.msg.clone(),
            )
        })
        .collect();
    let n = removals.len();
    let (de, en) = {
        let s = summary(removals);
        (s.de, s.en)
    };
    out.push(Finding::new(
        level,
        Loc::default(),
        FindingKind::Removals {
            count: n,
            confirmed,
        },
        if confirmed {
            msg!(
                "{n} veröffentlichte Einträge werden wie bestätigt entfernt ({de}).",
                "{n} published entries are removed as confirmed ({en}).",
            )
        } else {
            msg!(
                "Die Arbeitsmappe enthält {n} veröffentlichte Einträge nicht mehr ({de}); sie würden von der Seite verschwinden. Nichts wurde geschrieben. Fehlen sie versehentlich (z. B. ein leer gespeichertes Blatt), bitte die Arbeitsmappe ergänzen oder neu exportieren; sollen sie wirklich entfernt werden, erneut mit --confirm-removal importieren.",
                "The workbook no longer holds {n} published entries ({en}); they would disappear from the site. Nothing was written. If they are missing by mistake (e.g. a sheet saved empty), please complete the workbook or export again; if they are to be removed, import again with --confirm-removal.",
            )
        },
    ));
    out
}

pub(crate) fn backup_place_finding(e: &BackupPlace) -> Finding {
    let m = match e {
        BackupPlace::NoHome => msg!(
            "Es ist kein Benutzerordner bekannt, in dem die Sicherungen der bisherigen Fassungen abgelegt werden können. Bitte einen Ordner außerhalb des Datenordners mit --backup-dir angeben.",
            "No user folder is known to keep the backups of the previous versions in. Please give a folder outside the data folder with --backup-dir.",
        ),
        BackupPlace::InsideData(p) => {
            let p = p.display();
            msg!(
                "Der Sicherungsordner {p} liegt im Datenordner und würde mit veröffentlicht. Bitte einen Ordner außerhalb angeben.",
                "The backup folder {p} is inside the data folder and would be published with it. Please give a folder outside it.",
            )
        }
    };
    Finding::fatal(Loc::sheet("--backup-dir"), FindingKind::BackupPlace, m)
}

/// `.bak` files an older version of the tool left in the data folder: they are published.
fn old_bak_files(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .map(|it| {
            it.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".json.bak"))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// The `import` command.
pub fn run(o: &Options) -> ExitCode {
    let lang = o.lang;
    let mut extra = Extra::default();
    let pb = progress(o.format);
    pb.set_message(
        lang.pick("Arbeitsmappe lesen", "reading the workbook")
            .to_owned(),
    );
    let book = match read_path(o.workbook) {
        Ok(b) => b,
        Err(f) => {
            pb.finish_and_clear();
            return report(o, &[f], &[], &extra, None);
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
                return report(o, &[f], &[], &extra, Some(book.source));
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
        return report(o, &findings, &[], &extra, Some(book.source));
    };

    pb.set_message(lang.pick("Daten prüfen", "checking the data").to_owned());
    // A file whose data did not change keeps its bytes, so an import changes only what a
    // person changed (and a hand-written file is not reformatted for nothing).
    let texts: [Vec<u8>; 3] = [
        file_text(&data.plan, current[0].as_deref()).into_bytes(),
        file_text(&data.measures, current[1].as_deref()).into_bytes(),
        file_text(&data.indicators, current[2].as_deref()).into_bytes(),
    ];
    let ds = validate_files(texts.each_ref().map(|t| Some(t.as_slice())));
    findings.extend(locate_problems(&ds.problems, &imported.locator));
    extra.removals = removed(&existing, &data);
    // Questions before publishing: the new data against what is published in the folder now.
    if let Some(today) = super::validate::today() {
        let published = current.iter().any(Option::is_some).then(|| {
            validate_files([
                current[0].as_deref(),
                current[1].as_deref(),
                current[2].as_deref(),
            ])
        });
        let notes = questions(&ds, published.as_ref(), today, &imported.locator);
        findings.extend(question_findings(&notes));
    }
    findings.extend(removal_findings(&extra.removals, o.confirm_removal));
    let bak = old_bak_files(o.out_dir);
    if !bak.is_empty() {
        let list = bak.join(", ");
        findings.push(Finding::note(
            Loc::sheet(&o.out_dir.display().to_string()),
            FindingKind::OldBackups,
            msg!(
                "Im Datenordner liegen alte Sicherungen ({list}); sie würden mit veröffentlicht. Sie werden nicht mehr gebraucht – bitte löschen oder verschieben. Sicherungen legt das Werkzeug jetzt außerhalb des Datenordners ab.",
                "The data folder holds old backups ({list}); they would be published. They are no longer needed – please delete or move them. The tool now keeps backups outside the data folder.",
            ),
        ));
    }
    sort_findings(&mut findings);
    pb.inc(1);

    // Decide for every file before writing any, so that a refusal writes nothing.
    let manifest = Manifest::load(o.out_dir);
    let mut outcomes = Vec::new();
    for (i, name) in DATA_FILES.into_iter().enumerate() {
        let plan = files::plan_write(name, current[i].as_deref(), &texts[i], &manifest, o.force);
        if plan == Plan::Refuse {
            findings.push(Finding::fatal(
                Loc::sheet(&o.out_dir.join(name).display().to_string()),
                FindingKind::NotWrittenByTool,
                msg!(
                    "Die Datei wurde nicht von wegmarke-daten geschrieben oder seitdem von Hand geändert; sie wird nicht überschrieben. Änderungen darin bitte in die Arbeitsmappe übernehmen (oder zuerst exportieren) – oder mit --force überschreiben (die bisherige Fassung wird vorher gesichert).",
                    "The file was not written by wegmarke-daten or was edited by hand since; it is not overwritten. Please bring its changes into the workbook (or export first) – or overwrite with --force (the previous version is backed up first).",
                ),
            ));
        }
        outcomes.push(Outcome { name, plan });
    }
    let writes = outcomes
        .iter()
        .any(|x| matches!(x.plan, Plan::Create | Plan::Replace));
    let has_old = current.iter().any(Option::is_some);
    let backups = if writes && has_old {
        match Backups::for_data_dir(o.out_dir, o.backup_dir) {
            Ok(b) => Some(b),
            Err(e) => {
                findings.push(backup_place_finding(&e));
                None
            }
        }
    } else {
        None
    };
    if findings.iter().any(|f| f.level == Level::Fatal) || o.dry_run {
        pb.finish_and_clear();
        return report(o, &findings, &outcomes, &extra, Some(book.source));
    }

    pb.set_message(
        lang.pick("Dateien schreiben", "writing the files")
            .to_owned(),
    );
    if let Err(e) = std::fs::create_dir_all(o.out_dir) {
        pb.finish_and_clear();
        findings.push(write_error(o.out_dir, &e));
        return report(o, &findings, &outcomes, &extra, Some(book.source));
    }
    if let Some(b) = &backups {
        let old: Vec<(&str, &[u8])> = DATA_FILES
            .iter()
            .zip(&current)
            .filter_map(|(n, c)| c.as_deref().map(|c| (*n, c)))
            .collect();
        match b.save(&old, o.out_dir) {
            Ok(folder) => extra.backup = Some(folder),
            Err(e) => {
                pb.finish_and_clear();
                let dir = b.dir.display().to_string();
                findings.push(Finding::fatal(
                    Loc::sheet(&dir),
                    FindingKind::BackupFailed {
                        detail: e.to_string(),
                    },
                    msg!(
                        "Die bisherige Fassung konnte nicht gesichert werden ({e}); deshalb wurde nichts geschrieben. Bitte den Sicherungsordner prüfen oder mit --backup-dir einen anderen angeben.",
                        "The previous version could not be backed up ({e}); so nothing was written. Please check the backup folder or give another with --backup-dir.",
                    ),
                ));
                return report(o, &findings, &outcomes, &extra, Some(book.source));
            }
        }
    }
    let changes: Vec<Change> = outcomes
        .iter()
        .enumerate()
        .filter(|(_, x)| matches!(x.plan, Plan::Create | Plan::Replace))
        .map(|(i, x)| Change {
            name: x.name,
            old: current[i].as_deref(),
            new: &texts[i],
        })
        .collect();
    if let Err(e) = files::write_all(o.out_dir, &changes) {
        pb.finish_and_clear();
        let mut f = write_error(&e.path, &e.error);
        let backup = extra
            .backup
            .as_ref()
            .map(|b| b.display().to_string())
            .unwrap_or_default();
        f.msg = if e.not_restored.is_empty() {
            let (de, en) = (f.msg.de.clone(), f.msg.en.clone());
            msg!(
                "{de} Keine Datei wurde geändert (alle drei bleiben in der bisherigen Fassung).",
                "{en} No file was changed (all three keep their previous version).",
            )
        } else {
            let list = e
                .not_restored
                .iter()
                .map(|(p, err)| format!("{} ({err})", p.display()))
                .collect::<Vec<_>>()
                .join(", ");
            let (de, en) = (f.msg.de.clone(), f.msg.en.clone());
            msg!(
                "{de} Die bisherige Fassung konnte nicht überall zurückgeschrieben werden: {list}. Sie liegt vollständig in {backup}; bitte von dort zurückkopieren.",
                "{en} The previous version could not be put back everywhere: {list}. It is complete in {backup}; please copy it back from there.",
            )
        };
        findings.push(f);
        return report(o, &findings, &outcomes, &extra, Some(book.source));
    }
    if let Some(b) = &backups {
        match b.prune() {
            Ok(removed) => extra.pruned = removed.len(),
            Err(e) => findings.push(Finding::note(
                Loc::sheet(&b.dir.display().to_string()),
                FindingKind::CleanupFailed {
                    detail: e.to_string(),
                },
                msg!(
                    "Ältere Sicherungen konnten nicht aufgeräumt werden ({e}).",
                    "Older backups could not be cleaned up ({e}).",
                ),
            )),
        }
    }
    let mut manifest = manifest;
    for (i, out) in outcomes.iter().enumerate() {
        if out.plan != Plan::Refuse {
            // Unchanged files count as written by the tool from now on.
            manifest
                .files
                .insert(out.name.to_owned(), files::sha256(&texts[i]));
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
    // Feeds, calendar and the open-data package follow the data they describe.
    let published = super::publish::write(o.out_dir, None, false);
    findings.push(super::publish::finding(o.out_dir, &published));
    pb.inc(1);
    pb.finish_and_clear();
    report(o, &findings, &outcomes, &extra, Some(book.source))
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
        (Plan::Replace, false) => lang.pick("geschrieben", "written").to_owned(),
        (Plan::Refuse, _) => lang.pick("nicht geschrieben", "not written").to_owned(),
    }
}

fn report(
    o: &Options,
    findings: &[Finding],
    outcomes: &[Outcome],
    extra: &Extra,
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
                    })
                })
                .collect();
            let removals: Vec<_> = extra
                .removals
                .iter()
                .map(|r| {
                    json!({
                        "kind": r.kind.as_str(),
                        "ids": r.ids,
                        "file": r.file,
                        "title": r.title,
                        "series": r.series,
                        "observations": r.observations,
                        "message": r.msg.get(lang),
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
                "removals": removals,
                "removal_confirmed": o.confirm_removal,
                "backup": extra.backup.as_ref().map(|b| b.display().to_string()),
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
                if let Some(b) = &extra.backup {
                    let keep = Backups::KEEP;
                    crate::msg::say(&format!(
                        "✔ {} {} ({})",
                        lang.pick(
                            "Vorherige Fassung gesichert in",
                            "Previous version backed up in"
                        ),
                        b.display(),
                        match lang {
                            Lang::De => format!("die letzten {keep} Fassungen werden aufbewahrt"),
                            Lang::En => format!("the last {keep} versions are kept"),
                        }
                    ));
                }
            }
            let problems = findings.iter().any(|f| f.level == Level::Problem);
            let unconfirmed = !extra.removals.is_empty() && !o.confirm_removal;
            let summary = match (fatal, o.dry_run, problems) {
                (true, _, _) if unconfirmed => lang.pick(
                    "Nichts geschrieben: veröffentlichte Einträge fehlen in der Arbeitsmappe (Liste oben). Ergänzen – oder das Entfernen mit --confirm-removal bestätigen.",
                    "Nothing written: published entries are missing from the workbook (list above). Add them back – or confirm the removal with --confirm-removal.",
                ),
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
