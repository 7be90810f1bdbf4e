//! The staff tool: checks data files before they are published, with exactly the app's
//! messages, and writes the JSON Schemas.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use wegmarke_core::{validate, Dataset, Input, Inputs, Severity};

/// Wegmarke-Datenwerkzeug: Daten prüfen, bevor sie veröffentlicht werden.
#[derive(Parser)]
#[command(name = "wegmarke-daten", version)]
struct Cli {
    /// Sprache der Meldungen / language of the messages.
    #[arg(long, global = true, value_enum, default_value_t = Lang::De)]
    lang: Lang,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum Lang {
    De,
    En,
}

impl Lang {
    fn tag(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Prüft plan.json, measures.json und indicators.json. Exit: 0 fehlerfrei, 1 Probleme, 2 fatal.
    Validate {
        /// Datenordner (Standard: public/data).
        #[arg(default_value = "public/data")]
        data_dir: PathBuf,
        /// Ausgabe als Text oder JSON (für Maschinen).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Schreibt die JSON-Schemas der Datendateien in einen Ordner.
    Schema {
        /// Zielordner.
        out_dir: PathBuf,
    },
}

fn read(dir: &Path, name: &str) -> Result<Vec<u8>, String> {
    std::fs::read(dir.join(name)).map_err(|e| format!("{}: {e}", dir.join(name).display()))
}

fn check(dir: &Path) -> Dataset {
    let files = ["plan.json", "measures.json", "indicators.json"].map(|f| read(dir, f));
    validate(
        &Inputs {
            plan: Input::from_result(&files[0]),
            measures: Input::from_result(&files[1]),
            indicators: Input::from_result(&files[2]),
        },
        "",
    )
}

fn run_validate(dir: &Path, format: Format, lang: &str) -> ExitCode {
    let ds = check(dir);
    let fatal = ds.problems.iter().any(|p| p.severity == Severity::Fatal);
    match format {
        Format::Json => {
            let out = serde_json::json!({
                "data_dir": dir.display().to_string(),
                "fatal": fatal,
                "problems": ds.problems.iter().map(|p| {
                    let mut v = serde_json::to_value(p).unwrap_or_default();
                    v["message"] = serde_json::Value::String(p.message(lang));
                    v
                }).collect::<Vec<_>>(),
            });
            println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
        }
        Format::Text => {
            let de = lang == "de";
            for file in ["plan.json", "measures.json", "indicators.json"] {
                let mine: Vec<_> = ds.problems.iter().filter(|p| p.file == file).collect();
                if mine.is_empty() {
                    println!("✔ {file}: {}", if de { "in Ordnung" } else { "OK" });
                    continue;
                }
                println!(
                    "✘ {file}: {} {}",
                    mine.len(),
                    if de { "Problem(e)" } else { "problem(s)" }
                );
                for p in mine {
                    let tag = match (p.severity, de) {
                        (Severity::Fatal, _) => "FATAL",
                        (Severity::Problem, true) => "Problem",
                        (Severity::Problem, false) => "problem",
                    };
                    println!("  [{tag}] {}", p.to_line(lang));
                }
            }
            let summary = match (fatal, ds.problems.is_empty(), de) {
                (true, _, true) => "Nicht veröffentlichen: mindestens eine Datei ist unbrauchbar.",
                (true, _, false) => "Do not publish: at least one file cannot be used.",
                (false, true, true) => "Alles in Ordnung: die Dateien können veröffentlicht werden.",
                (false, true, false) => "All good: the files can be published.",
                (false, false, true) => "Veröffentlichung möglich, aber fehlerhafte Einträge werden ausgelassen oder markiert.",
                (false, false, false) => "Can be published, but entries with problems are left out or flagged.",
            };
            println!("{summary}");
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

fn run_schema(out: &Path) -> ExitCode {
    if let Err(e) = std::fs::create_dir_all(out) {
        eprintln!("{}: {e}", out.display());
        return ExitCode::from(2);
    }
    for (name, schema) in wegmarke_core::schema::all() {
        let path = out.join(name);
        if let Err(e) = std::fs::write(&path, schema) {
            eprintln!("{}: {e}", path.display());
            return ExitCode::from(2);
        }
        println!("{}", path.display());
    }
    ExitCode::SUCCESS
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Validate { data_dir, format } => run_validate(&data_dir, format, cli.lang.tag()),
        Command::Schema { out_dir } => run_schema(&out_dir),
    }
}
