//! `validate`: checks the three data files, config.json beside the data folder and the report
//! snapshots plan.json lists, with exactly the app's checks and messages, grouped per file.
//! Exit code 0 clean, 1 problems, 2 fatal.

use std::path::Path;
use std::process::ExitCode;

use wegmarke_core::changes::snapshot_prefix;
use wegmarke_core::plausibility::{self, Note};
use wegmarke_core::validate::{check_path, PathUse};
use wegmarke_core::{validate_config, Dataset, Date, Input, Problem, Severity};

use super::Format;
use crate::files::{config_path, read_dataset, DATA_FILES};
use crate::msg::Lang;

/// What `validate` looked at, in order (`config.json`, the data files, each snapshot's files),
/// and every problem found.
pub struct Checked {
    pub files: Vec<String>,
    pub problems: Vec<Problem>,
    /// What a careful colleague would ask before publishing the data folder (not problems).
    pub notes: Vec<Note>,
}

/// Today's date (UTC) from the system clock, for the plausibility notes.
pub fn today() -> Option<Date> {
    let (y, m, d) = crate::files::civil((crate::files::now_secs() / 86_400) as i64);
    Date::parse(&format!("{y:04}-{m:02}-{d:02}"))
}

/// Validates a site as the app would: config.json (if found), the data folder, and the snapshot
/// folder of every report plan.json lists with a usable path.
pub fn check_site(dir: &Path, config: Option<&Path>) -> Checked {
    let mut checked = Checked {
        files: Vec::new(),
        problems: Vec::new(),
        notes: Vec::new(),
    };
    if let Some(path) = config_path(dir, config) {
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()));
        let (_, problems) = validate_config(&Input::from_result(&bytes));
        checked.files.push("config.json".to_owned());
        checked.problems.extend(problems);
    }
    let ds = read_dataset(dir, "");
    if let Some(today) = today() {
        checked.notes = plausibility::check(&ds, None, today);
    }
    checked.files.extend(DATA_FILES.map(str::to_owned));
    checked.problems.extend(ds.problems.iter().cloned());
    for report in ds.reports() {
        let (Some(prefix), Some(path)) = (snapshot_prefix(report), report.path.as_deref()) else {
            continue;
        };
        // Validation kept only paths inside the data folder; their segments are decoded.
        let Ok(segments) = check_path(path, PathUse::Folder) else {
            continue;
        };
        let folder = segments.iter().fold(dir.to_owned(), |d, s| d.join(s));
        let snapshot = read_dataset(&folder, &prefix);
        checked
            .files
            .extend(DATA_FILES.map(|f| format!("{prefix}{f}")));
        checked.problems.extend(snapshot.problems);
    }
    checked
}

/// Prints the problems of a data set grouped per file; returns whether one was fatal.
pub fn print_dataset(ds: &Dataset, lang: Lang) -> bool {
    let files = DATA_FILES.map(str::to_owned);
    print_files(&files, &ds.problems, lang)
}

/// Prints problems grouped per file, in the order of `files`; returns whether one was fatal.
fn print_files(files: &[String], problems: &[Problem], lang: Lang) -> bool {
    let de = lang == Lang::De;
    for file in files {
        let mine: Vec<_> = problems.iter().filter(|p| &p.file == file).collect();
        if mine.is_empty() {
            crate::msg::say(&format!(
                "✔ {file}: {}",
                if de { "in Ordnung" } else { "OK" }
            ));
            continue;
        }
        crate::msg::say(&format!(
            "✘ {file}: {} {}",
            mine.len(),
            if de { "Problem(e)" } else { "problem(s)" }
        ));
        for p in mine {
            let tag = match (p.severity, de) {
                (Severity::Fatal, _) => "FATAL",
                (Severity::Problem, true) => "Problem",
                (Severity::Problem, false) => "problem",
            };
            crate::msg::say(&format!("  [{tag}] {}", p.to_line(lang.tag())));
        }
    }
    problems.iter().any(|p| p.severity == Severity::Fatal)
}

/// Prints the plausibility notes, if any, under their own heading: questions, not problems.
pub fn print_notes(notes: &[Note], lang: Lang) {
    if notes.is_empty() {
        return;
    }
    crate::msg::say(&format!(
        "? {} ({}):",
        lang.pick(
            "Vor dem Veröffentlichen zu fragen",
            "To ask before publishing"
        ),
        notes.len()
    ));
    for n in notes {
        crate::msg::say(&format!(
            "  [{}] {}",
            lang.pick("Hinweis", "note"),
            n.to_line(lang.tag())
        ));
    }
}

/// The files `publish` writes that no longer match the data (a data file edited by hand since),
/// when the folder has any: staff are reminded to publish again. Empty when in step, when
/// nothing was ever published, or when the site has no `site_url`.
pub fn out_of_step(dir: &Path, config: Option<&Path>) -> Vec<String> {
    let published = [wegmarke_publish::FEEDS_DIR, wegmarke_publish::OPEN_DATA_DIR]
        .iter()
        .any(|d| dir.join(d).is_dir());
    match super::publish::write(dir, config, true) {
        Ok(p) if published => p.changed.into_iter().chain(p.removed).collect(),
        _ => Vec::new(),
    }
}

/// The `validate` command; `config` is config.json's path if given (`--config`).
pub fn run(dir: &Path, config: Option<&Path>, format: Format, lang: Lang) -> ExitCode {
    let ds = check_site(dir, config);
    let fatal = ds.problems.iter().any(|p| p.severity == Severity::Fatal);
    let stale = if fatal {
        Vec::new()
    } else {
        out_of_step(dir, config)
    };
    match format {
        Format::Json => {
            let out = serde_json::json!({
                "data_dir": dir.display().to_string(),
                "files": ds.files,
                "fatal": fatal,
                "problems": ds.problems.iter().map(|p| {
                    let mut v = serde_json::to_value(p).unwrap_or_default();
                    v["message"] = serde_json::Value::String(p.message(lang.tag()));
                    v
                }).collect::<Vec<_>>(),
                "notes": ds.notes.iter().map(|n| {
                    let mut v = serde_json::to_value(n).unwrap_or_default();
                    v["location"] = serde_json::Value::String(n.location());
                    v["message"] = serde_json::Value::String(n.message(lang.tag()));
                    v
                }).collect::<Vec<_>>(),
                "published_out_of_step": stale,
            });
            crate::msg::say_json(&out);
        }
        Format::Text => {
            print_files(&ds.files, &ds.problems, lang);
            print_notes(&ds.notes, lang);
            if !stale.is_empty() {
                crate::msg::say(&format!(
                    "? {} {}",
                    lang.pick(
                        "Feeds, Kalender und Open-Data-Paket passen nicht mehr zu den Daten; bitte `wegmarke-daten publish` ausführen:",
                        "Feeds, calendar and open-data package no longer match the data; please run `wegmarke-daten publish`:",
                    ),
                    stale.join(", ")
                ));
            }
            let summary = match (fatal, ds.problems.is_empty()) {
                (true, _) => lang.pick(
                    "Nicht veröffentlichen: mindestens eine Datei ist unbrauchbar.",
                    "Do not publish: at least one file cannot be used.",
                ),
                (false, true) => lang.pick(
                    "Alles in Ordnung: die Dateien können veröffentlicht werden.",
                    "All good: the files can be published.",
                ),
                (false, false) => lang.pick(
                    "Veröffentlichung möglich, aber fehlerhafte Einträge werden ausgelassen oder markiert.",
                    "Can be published, but entries with problems are left out or flagged.",
                ),
            };
            crate::msg::say(summary);
        }
    }
    if fatal {
        ExitCode::from(2)
    } else if ds.problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
