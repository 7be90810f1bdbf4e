//! `wegmarke-daten`, the staff tool: checks data files before they are published, converts
//! between the JSON files and a workbook staff edit in Excel or LibreOffice, freezes the data
//! of a council report, and writes the JSON Schemas. This file is only the command line; the
//! work is in the library (`wegmarke_cli::commands`).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{ArgGroup, Parser, Subcommand};
use wegmarke_cli::commands::{self, Format};
use wegmarke_cli::workbook::csv::CsvDialect;
use wegmarke_cli::Lang;

/// Wegmarke-Datenwerkzeug: Daten prüfen, als Arbeitsmappe bearbeiten, einfrieren.
#[derive(Parser)]
#[command(name = "wegmarke-daten", version)]
struct Cli {
    /// Sprache der Meldungen / language of the messages.
    #[arg(long, global = true, value_enum, default_value_t = Lang::De)]
    lang: Lang,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Prüft plan.json, measures.json, indicators.json, die Berichtsstände und config.json. Exit: 0 fehlerfrei, 1 Probleme, 2 fatal.
    Validate {
        /// Datenordner (Standard: public/data).
        #[arg(default_value = "public/data")]
        data_dir: PathBuf,
        /// config.json der Seite (Standard: config.json neben dem Datenordner, falls vorhanden).
        #[arg(long)]
        config: Option<PathBuf>,
        /// Ausgabe als Text oder JSON (für Maschinen).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Schreibt eine Arbeitsmappen-Vorlage (.xlsx) mit allen Blättern, Erläuterungen und Auswahllisten.
    Template {
        /// Ziel, z. B. vorlage.xlsx.
        out: PathBuf,
        /// Mit dem Beispielplan gefüllt.
        #[arg(long)]
        example: bool,
        /// Eine vorhandene Datei überschreiben.
        #[arg(long)]
        force: bool,
    },
    /// Liest eine Arbeitsmappe (.xlsx, .ods) oder einen Ordner mit CSV-Dateien und schreibt die drei JSON-Dateien. Exit: 0 fehlerfrei, 1 Probleme, 2 nichts geschrieben.
    Import {
        /// Arbeitsmappe oder Ordner mit CSV-Dateien.
        workbook: PathBuf,
        /// Datenordner, in den geschrieben wird.
        #[arg(short = 'o', long = "out")]
        out_dir: PathBuf,
        /// Auch Dateien überschreiben, die nicht von diesem Werkzeug stammen (die bisherige Fassung wird vorher gesichert).
        #[arg(long)]
        force: bool,
        /// Nur prüfen, nichts schreiben.
        #[arg(long)]
        dry_run: bool,
        /// Einträge, die in der Arbeitsmappe fehlen, wirklich von der Seite entfernen (ohne diese Angabe wird dann nichts geschrieben).
        #[arg(long)]
        confirm_removal: bool,
        /// Ordner für die Sicherungen der bisherigen Fassungen (Standard: im Benutzerordner, nie im Datenordner).
        #[arg(long)]
        backup_dir: Option<PathBuf>,
        /// Ausgabe als Text oder JSON (für Maschinen).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Schreibt die Daten als Arbeitsmappe (.xlsx) und/oder als CSV-Dateien – verlustfrei.
    #[command(group(ArgGroup::new("target").required(true).multiple(true).args(["out", "csv"])))]
    Export {
        /// Datenordner (Standard: public/data).
        #[arg(default_value = "public/data")]
        data_dir: PathBuf,
        /// Ziel-Arbeitsmappe, z. B. plan.xlsx.
        #[arg(short = 'o', long = "out")]
        out: Option<PathBuf>,
        /// Zielordner für CSV-Dateien (eine je Blatt, UTF-8 mit BOM).
        #[arg(long)]
        csv: Option<PathBuf>,
        /// CSV-Variante: de = Semikolon und Dezimalkomma (deutsches Excel/LibreOffice, Standard), standard = Komma und Dezimalpunkt.
        #[arg(long, value_enum, default_value_t = CsvDialect::De)]
        csv_dialect: CsvDialect,
        /// Vorhandene Dateien überschreiben.
        #[arg(long)]
        force: bool,
    },
    /// Friert den aktuellen Datenstand unter reports/<Datum>/ ein und trägt den Bericht in plan.json ein.
    Snapshot {
        /// Datenordner (Standard: public/data).
        #[arg(default_value = "public/data")]
        data_dir: PathBuf,
        /// Titel des Berichts (in der Standardsprache).
        #[arg(long)]
        title: String,
        /// Titel auf Englisch (optional).
        #[arg(long)]
        title_en: Option<String>,
        /// Drucksache / Aktenzeichen.
        #[arg(long)]
        reference: Option<String>,
        /// Datum des Berichts, z. B. 2026-05-12 (Standard: heute).
        #[arg(long)]
        date: Option<String>,
        /// Vorhandenen Stand bzw. Eintrag ersetzen; plan.json auch neu schreiben, wenn sie von Hand gepflegt ist.
        #[arg(long)]
        force: bool,
        /// Ordner für die Sicherungen der bisherigen Fassungen (Standard: im Benutzerordner, nie im Datenordner).
        #[arg(long)]
        backup_dir: Option<PathBuf>,
    },
    /// Schreibt Feeds (Atom), Kalender (iCal) und das Open-Data-Paket (CSV, datapackage.json, DCAT-AP.de) neben die Daten. Exit: 0 geschrieben, 1 nicht aktuell (--check), 2 nichts geschrieben.
    Publish {
        /// Datenordner (Standard: public/data).
        #[arg(default_value = "public/data")]
        data_dir: PathBuf,
        /// config.json der Seite (Standard: config.json neben dem Datenordner); braucht "site_url".
        #[arg(long)]
        config: Option<PathBuf>,
        /// Nichts schreiben, nur prüfen, ob die Dateien zu den Daten passen.
        #[arg(long)]
        check: bool,
    },
    /// Prüft eine Stadtteil-Grenzdatei (GeoJSON, WGS 84) gegen die Stadtteile in plan.json und schreibt sie vereinfacht als districts.geojson in den Datenordner. Exit: 0 geschrieben, 1 mit Problemen geschrieben, 2 nichts geschrieben.
    Boundaries {
        /// Die Grenzdatei der Stadt (GeoJSON FeatureCollection mit Polygonen).
        input: PathBuf,
        /// Datenordner (Standard: public/data).
        #[arg(long, default_value = "public/data")]
        data: PathBuf,
        /// Eigenschaft der Flächen mit der Stadtteil-Kennung.
        #[arg(long, default_value = "id")]
        id_property: String,
        /// Höchstgröße der geschriebenen Datei in KiB.
        #[arg(long, default_value_t = 300)]
        max_kib: usize,
        /// Hinweis zur Karte, z. B. "schematische Darstellung, keine amtlichen Grenzen".
        #[arg(long)]
        title: Option<String>,
    },
    /// Schreibt die JSON-Schemas der Datendateien in einen Ordner.
    Schema {
        /// Zielordner.
        out_dir: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = cli.lang;
    match cli.command {
        Command::Validate {
            data_dir,
            config,
            format,
        } => commands::validate::run(&data_dir, config.as_deref(), format, lang),
        Command::Template {
            out,
            example,
            force,
        } => commands::template::run(&out, example, force, lang),
        Command::Import {
            workbook,
            out_dir,
            force,
            dry_run,
            confirm_removal,
            backup_dir,
            format,
        } => commands::import::run(&commands::import::Options {
            workbook: &workbook,
            out_dir: &out_dir,
            force,
            dry_run,
            confirm_removal,
            backup_dir: backup_dir.as_deref(),
            format,
            lang,
        }),
        Command::Export {
            data_dir,
            out,
            csv,
            csv_dialect,
            force,
        } => commands::export::run(
            &data_dir,
            out.as_deref(),
            csv.as_deref(),
            csv_dialect,
            force,
            lang,
        ),
        Command::Snapshot {
            data_dir,
            title,
            title_en,
            reference,
            date,
            force,
            backup_dir,
        } => commands::snapshot::run(&commands::snapshot::Options {
            data_dir: &data_dir,
            title: &title,
            title_en: title_en.as_deref(),
            reference: reference.as_deref(),
            date: date.as_deref(),
            force,
            backup_dir: backup_dir.as_deref(),
            lang,
        }),
        Command::Publish {
            data_dir,
            config,
            check,
        } => commands::publish::run(&data_dir, config.as_deref(), check, lang),
        Command::Boundaries {
            input,
            data,
            id_property,
            max_kib,
            title,
        } => commands::boundaries::run(&commands::boundaries::Options {
            input: &input,
            data_dir: &data,
            id_property: &id_property,
            budget: max_kib * 1024,
            title: title.as_deref(),
            lang,
        }),
        Command::Schema { out_dir } => commands::schema::run(&out_dir),
    }
}
