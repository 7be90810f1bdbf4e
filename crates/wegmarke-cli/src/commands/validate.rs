//! `validate`: checks the three data files with exactly the app's checks and messages, grouped
//! per file. Exit code 0 clean, 1 problems, 2 fatal.

use std::path::Path;
use std::process::ExitCode;

use wegmarke_core::{validate, Dataset, Inputs, Severity};

use super::Format;
use crate::files::DATA_FILES;
use crate::msg::Lang;

fn read(dir: &Path, name: &str) -> Result<Vec<u8>, String> {
    std::fs::read(dir.join(name)).map_err(|e| format!("{}: {e}", dir.join(name).display()))
}

/// Validates the files of a data folder as the app would.
pub fn check(dir: &Path) -> Dataset {
    let files = DATA_FILES.map(|f| read(dir, f));
    validate(&Inputs::from_results(&files), "")
}

/// Prints the problems of a data set grouped per file; returns whether one was fatal.
pub fn print_dataset(ds: &Dataset, lang: Lang) -> bool {
    let de = lang == Lang::De;
    for file in DATA_FILES {
        let mine: Vec<_> = ds.problems.iter().filter(|p| p.file == file).collect();
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
    ds.problems.iter().any(|p| p.severity == Severity::Fatal)
}

/// The `validate` command.
pub fn run(dir: &Path, format: Format, lang: Lang) -> ExitCode {
    let ds = check(dir);
    let fatal = ds.problems.iter().any(|p| p.severity == Severity::Fatal);
    match format {
        Format::Json => {
            let out = serde_json::json!({
                "data_dir": dir.display().to_string(),
                "fatal": fatal,
                "problems": ds.problems.iter().map(|p| {
                    let mut v = serde_json::to_value(p).unwrap_or_default();
                    v["message"] = serde_json::Value::String(p.message(lang.tag()));
                    v
                }).collect::<Vec<_>>(),
            });
            crate::msg::say_json(&out);
        }
        Format::Text => {
            print_dataset(&ds, lang);
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
