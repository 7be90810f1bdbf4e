//! `publish`: writes the files that let people follow and reuse the plan next to the data:
//! Atom feeds, the calendar, the open-data package and its DCAT-AP.de record
//! ([`wegmarke_publish`]). `import` runs it after writing the data; `--check` only compares,
//! for a test or a CI step that keeps committed files in step with the data.
//! Exit code 0 written (or in step), 1 out of step (`--check`), 2 nothing written.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use wegmarke_core::i18n::Catalog;
use wegmarke_core::{validate_config, Config, Input};
use wegmarke_publish::{files, File, FEEDS_DIR, OPEN_DATA_DIR};

use crate::files::{config_path, read_dataset};
use crate::msg::Lang;
use crate::workbook::{Finding, FindingKind, Loc};
use wegmarke_workbook::msg;

/// What publishing did: the files written (or that differ, for a check).
pub struct Published {
    pub changed: Vec<String>,
    pub removed: Vec<String>,
}

/// The settings of a data folder ([`config_path`]), or the defaults where there are none.
fn read_config(dir: &Path, explicit: Option<&Path>) -> Config {
    let Some(path) = config_path(dir, explicit).filter(|p| p.is_file()) else {
        return Config::default();
    };
    let bytes = std::fs::read(&path).map_err(|e| e.to_string());
    validate_config(&Input::from_result(&bytes)).0
}

/// Why nothing was published.
pub enum Failure {
    /// The settings or the data do not allow it (no `site_url`, no plan): a note for `import`.
    Missing(wegmarke_publish::Missing),
    /// A file could not be written or removed.
    Io(String),
}

impl Failure {
    fn text(&self, lang: Lang) -> String {
        match self {
            Failure::Missing(m) => m.message(lang == Lang::En).to_owned(),
            Failure::Io(detail) => detail.clone(),
        }
    }
}

/// The files for the data in `dir`, or why there are none.
pub fn generate(dir: &Path, config: Option<&Path>) -> Result<Vec<File>, Failure> {
    let ds = read_dataset(dir, "");
    let config = read_config(dir, config);
    let cat = Catalog::new(ds.default_lang());
    files(&ds, &config, &cat).map_err(Failure::Missing)
}

/// Files in the publish folders that this data would not write (a field of action removed).
fn stale(dir: &Path, wanted: &[File]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for folder in [FEEDS_DIR, OPEN_DATA_DIR] {
        let Ok(entries) = std::fs::read_dir(dir.join(folder)) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = format!("{folder}/{}", entry.file_name().to_string_lossy());
            let ours = name.ends_with(".atom")
                || name.ends_with(".ics")
                || name.ends_with(".csv")
                || name.ends_with(".json")
                || name.ends_with(".jsonld");
            if ours && !wanted.iter().any(|f| f.path == name) {
                out.push(entry.path());
            }
        }
    }
    out.sort();
    out
}

/// Writes the files next to the data (only those whose bytes change) and removes stale ones;
/// with `check`, writes nothing and lists what differs.
pub fn write(dir: &Path, config: Option<&Path>, check: bool) -> Result<Published, Failure> {
    let io = |path: &Path, e: std::io::Error| Failure::Io(format!("{}: {e}", path.display()));
    let wanted = generate(dir, config)?;
    let mut changed = Vec::new();
    for f in &wanted {
        let path = dir.join(&f.path);
        if std::fs::read(&path).ok().as_deref() == Some(f.text.as_bytes()) {
            continue;
        }
        changed.push(f.path.clone());
        if check {
            continue;
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| io(parent, e))?;
        }
        crate::files::write_atomic(&path, f.text.as_bytes()).map_err(|e| io(&path, e))?;
    }
    let mut removed = Vec::new();
    for path in stale(dir, &wanted) {
        removed.push(path.display().to_string());
        if !check {
            std::fs::remove_file(&path).map_err(|e| io(&path, e))?;
        }
    }
    Ok(Published { changed, removed })
}

/// The finding `import` reports after publishing.
pub fn finding(dir: &Path, outcome: &Result<Published, Failure>) -> Finding {
    let at = Loc::sheet(&dir.display().to_string());
    match outcome {
        Ok(p) => {
            let n = p.changed.len() + p.removed.len();
            Finding::note(
                at,
                FindingKind::Published { changed: n },
                msg!(
                    "Feeds, Kalender und Open-Data-Paket neben den Daten: {n} Dateien geändert.",
                    "Feeds, calendar and open-data package beside the data: {n} files changed.",
                ),
            )
        }
        Err(failure) => {
            let (de, en) = (failure.text(Lang::De), failure.text(Lang::En));
            let kind = FindingKind::NotPublished { detail: en.clone() };
            let message = msg!("{de}", "{en}");
            match failure {
                Failure::Missing(_) => Finding::note(at, kind, message),
                Failure::Io(_) => Finding::problem(at, kind, message),
            }
        }
    }
}

/// The `publish` command.
pub fn run(dir: &Path, config: Option<&Path>, check: bool, lang: Lang) -> ExitCode {
    match write(dir, config, check) {
        Err(failure) => {
            eprintln!("{}", failure.text(lang));
            ExitCode::from(2)
        }
        Ok(p) if check => {
            if p.changed.is_empty() && p.removed.is_empty() {
                println!(
                    "{}",
                    lang.pick("Alle Dateien sind aktuell.", "All files are in step.")
                );
                return ExitCode::SUCCESS;
            }
            for f in p.changed.iter().chain(&p.removed) {
                println!("{}: {f}", lang.pick("nicht aktuell", "out of step"));
            }
            ExitCode::from(1)
        }
        Ok(p) => {
            for f in &p.changed {
                println!("{}: {f}", lang.pick("geschrieben", "written"));
            }
            for f in &p.removed {
                println!("{}: {f}", lang.pick("entfernt", "removed"));
            }
            if p.changed.is_empty() && p.removed.is_empty() {
                println!(
                    "{}",
                    lang.pick(
                        "Alle Dateien waren schon aktuell.",
                        "All files were in step already."
                    )
                );
            }
            ExitCode::SUCCESS
        }
    }
}
