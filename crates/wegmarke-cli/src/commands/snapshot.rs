//! `snapshot`: freezes the current three files under `reports/<date>/` (byte for byte, as
//! published) and registers the report in plan.json, which is rewritten in canonical form under
//! the same rules as an import: overwrite only what the tool wrote (or with `--force`), the
//! previous version backed up outside the data folder first (see [`crate::files::Backups`]).

use std::path::Path;
use std::process::ExitCode;

use wegmarke_core::{Date, Report, Text};

use super::{fail, load_data, print_findings, write_error};
use crate::files::{self, Backups, Change, Manifest, Plan, DATA_FILES, PLAN_FILE};
use crate::msg::Lang;
use crate::workbook::{Finding, FindingKind, Loc};
use wegmarke_workbook::msg;

/// What to register.
pub struct Options<'a> {
    pub data_dir: &'a Path,
    pub title: &'a str,
    pub title_en: Option<&'a str>,
    pub reference: Option<&'a str>,
    pub date: Option<&'a str>,
    pub force: bool,
    /// Where the backups go (`--backup-dir`); by default a folder of the user's.
    pub backup_dir: Option<&'a Path>,
    pub lang: Lang,
}

/// Today (UTC) as YYYY-MM-DD.
pub fn today() -> String {
    let (y, m, d) = files::civil((files::now_secs() / 86_400) as i64);
    format!("{y:04}-{m:02}-{d:02}")
}

fn finding(name: &str, kind: FindingKind, m: crate::Msg) -> Finding {
    Finding::fatal(Loc::sheet(name), kind, m)
}

/// The `snapshot` command.
pub fn run(o: &Options) -> ExitCode {
    let lang = o.lang;
    let date = o.date.map_or_else(today, str::to_owned);
    if date.len() != 10 || Date::parse(&date).is_none() {
        return fail(
            finding(
                "--date",
                FindingKind::NotADay {
                    value: date.clone(),
                },
                msg!(
                    "„{date}“ ist kein Tagesdatum; erwartet wird z. B. 2026-05-12.",
                    "\"{date}\" is not a day; expected e.g. 2026-05-12.",
                ),
            ),
            lang,
        );
    }
    let Some(parsed_date) = Date::parse(&date) else {
        return ExitCode::from(2);
    };
    let data = match load_data(o.data_dir, lang) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let rel = format!("reports/{date}/");
    let snap_dir = o.data_dir.join("reports").join(&date);
    let frozen = DATA_FILES.iter().all(|f| snap_dir.join(f).exists());

    // The current files, byte for byte.
    let mut originals = Vec::new();
    for name in DATA_FILES {
        let path = o.data_dir.join(name);
        match std::fs::read(&path) {
            Ok(b) => originals.push(b),
            Err(e) => {
                return fail(
                    crate::input::io_error(&path.display().to_string(), &e),
                    lang,
                )
            }
        }
    }

    // The snapshot folder may only be written where it is new or identical.
    let mut findings = Vec::new();
    for (name, bytes) in DATA_FILES.iter().zip(&originals) {
        let path = snap_dir.join(name);
        match files::read_optional(&path) {
            Ok(Some(old)) if old != *bytes && !o.force => findings.push(finding(
                &path.display().to_string(),
                FindingKind::SnapshotExists,
                msg!(
                    "Für {date} gibt es schon einen eingefrorenen Stand mit anderem Inhalt; er wird nicht überschrieben (mit --force doch).",
                    "There already is a frozen state for {date} with different content; it is not overwritten (use --force to do so).",
                ),
            )),
            Ok(_) => {}
            Err(e) => findings.push(crate::input::io_error(&path.display().to_string(), &e)),
        }
    }

    // Register the report.
    let title = match o.title_en {
        Some(en) => {
            let default = data.plan.plan.default_language.clone();
            Text::Map(
                [
                    (default, o.title.to_owned()),
                    ("en".to_owned(), en.to_owned()),
                ]
                .into_iter()
                .collect(),
            )
        }
        None => Text::Plain(o.title.to_owned()),
    };
    let report = Report {
        date: parsed_date,
        title,
        reference: o.reference.map(str::to_owned),
        path: Some(rel.clone()),
        papers: Vec::new(),
        extra: Default::default(),
    };
    let mut plan = data.plan.clone();
    let registered = plan.reports.contains(&report);
    if registered && frozen && !o.force {
        // Registering changed plan.json, so the current files differ from the frozen ones by
        // that entry: running the same command again is a no-op, not a conflict.
        crate::msg::say(&format!(
            "✔ {} {} – {}",
            lang.pick(
                "Schon eingefroren und eingetragen:",
                "Already frozen and registered:"
            ),
            snap_dir.display(),
            lang.pick(
                "nichts geändert (mit --force neu einfrieren).",
                "nothing changed (use --force to freeze again).",
            )
        ));
        return ExitCode::SUCCESS;
    }
    let mut changed = true;
    match plan.reports.iter().position(|r| r.path.as_deref() == Some(rel.as_str())) {
        Some(i) if plan.reports[i] == report => changed = false,
        Some(_) if !o.force => findings.push(finding(
            PLAN_FILE,
            FindingKind::SnapshotExists,
            msg!(
                "Für {rel} ist schon ein Bericht mit anderem Titel oder anderer Drucksache eingetragen; mit --force wird er ersetzt.",
                "A report with another title or reference is already registered for {rel}; --force replaces it.",
            ),
        )),
        Some(i) => plan.reports[i] = report,
        None => plan.reports.push(report),
    }
    let plan_path = o.data_dir.join(PLAN_FILE);
    let new_plan = files::canonical(&plan);
    let manifest = Manifest::load(o.data_dir);
    let write = if changed {
        files::plan_write(
            PLAN_FILE,
            Some(&originals[0]),
            new_plan.as_bytes(),
            &manifest,
            o.force,
        )
    } else {
        Plan::Unchanged
    };
    if write == Plan::Refuse {
        findings.push(finding(
            &plan_path.display().to_string(),
            FindingKind::NotWrittenByTool,
            msg!(
                "plan.json wurde nicht von wegmarke-daten geschrieben oder seitdem von Hand geändert. Der Bericht wird eingetragen, indem die Datei neu geschrieben wird (Inhalt bleibt erhalten, die Formatierung wird vereinheitlicht) – dazu bitte --force angeben; die bisherige Fassung wird vorher gesichert.",
                "plan.json was not written by wegmarke-daten or was edited by hand since. Registering the report rewrites the file (content kept, formatting normalised) – please give --force for that; the previous version is backed up first.",
            ),
        ));
    }
    let backups = if matches!(write, Plan::Replace) {
        match Backups::for_data_dir(o.data_dir, o.backup_dir) {
            Ok(b) => Some(b),
            Err(e) => {
                findings.push(super::import::backup_place_finding(&e));
                None
            }
        }
    } else {
        None
    };
    if !findings.is_empty() {
        print_findings(&findings, lang);
        return ExitCode::from(2);
    }

    // Freeze first, then register: a report never points at a missing snapshot.
    if let Err(e) = std::fs::create_dir_all(&snap_dir) {
        return fail(write_error(&snap_dir, &e), lang);
    }
    let mut manifest = manifest;
    for (name, bytes) in DATA_FILES.iter().zip(&originals) {
        let path = snap_dir.join(name);
        if let Err(e) = files::write_atomic(&path, bytes) {
            return fail(write_error(&path, &e), lang);
        }
        manifest
            .files
            .insert(format!("{rel}{name}"), files::sha256(bytes));
    }
    if let Some(b) = &backups {
        let old: Vec<(&str, &[u8])> = DATA_FILES
            .iter()
            .zip(&originals)
            .map(|(n, c)| (*n, c.as_slice()))
            .collect();
        let folder = match b.save(&old, o.data_dir) {
            Ok(f) => f,
            Err(e) => return fail(write_error(&b.dir, &e), lang),
        };
        let change = Change {
            name: PLAN_FILE,
            old: Some(&originals[0]),
            new: new_plan.as_bytes(),
        };
        if let Err(e) = files::write_all(o.data_dir, &[change]) {
            return fail(write_error(&e.path, &e.error), lang);
        }
        let _ = b.prune();
        crate::msg::say(&format!(
            "✔ {} {}",
            lang.pick(
                "Vorherige Fassung gesichert in",
                "Previous version backed up in"
            ),
            folder.display()
        ));
    }
    if matches!(write, Plan::Replace) {
        manifest
            .files
            .insert(PLAN_FILE.to_owned(), files::sha256(new_plan.as_bytes()));
    }
    let _ = manifest.save(o.data_dir);
    crate::msg::say(&format!(
        "✔ {} {}",
        lang.pick("Stand eingefroren:", "State frozen:"),
        snap_dir.display()
    ));
    crate::msg::say(&format!(
        "✔ plan.json: {} {rel}",
        lang.pick(
            "Bericht eingetragen mit Pfad",
            "report registered with path"
        ),
    ));
    ExitCode::SUCCESS
}
