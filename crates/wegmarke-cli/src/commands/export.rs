//! `export`: the data folder as a workbook (.xlsx) and/or a folder of CSV files (German or
//! standard dialect). Lossless: importing the result gives byte-identical JSON.

use std::path::Path;
use std::process::ExitCode;

use super::{fail, load_data, may_write_output, print_findings, write_output};
use crate::msg::Lang;
use crate::workbook::{csv, export::tables, xlsx};

/// The `export` command.
pub fn run(
    data_dir: &Path,
    out: Option<&Path>,
    csv_dir: Option<&Path>,
    dialect: csv::CsvDialect,
    force: bool,
    lang: Lang,
) -> ExitCode {
    if let Some(out) = out {
        if let Err(f) =
            super::template::check_xlsx_name(out).and_then(|_| may_write_output(out, force))
        {
            return fail(f, lang);
        }
    }
    let csv_files: Vec<std::path::PathBuf> = match csv_dir {
        Some(dir) => crate::workbook::sheets::sheet_names()
            .iter()
            .map(|s| dir.join(csv::file_name(s)))
            .collect(),
        None => Vec::new(),
    };
    for f in &csv_files {
        if let Err(f) = may_write_output(f, force) {
            return fail(f, lang);
        }
    }
    let data = match load_data(data_dir, lang) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let tables = match tables(Some(&data)) {
        Ok(t) => t,
        Err(f) => {
            print_findings(&f, lang);
            return ExitCode::from(2);
        }
    };
    let rows: usize = tables.iter().map(|t| t.rows.len()).sum();
    if let Some(out) = out {
        let bytes = match xlsx::to_bytes(&tables) {
            Ok(b) => b,
            Err(f) => return fail(f, lang),
        };
        if let Err(f) = write_output(out, &bytes) {
            return fail(f, lang);
        }
        crate::msg::say(&format!(
            "✔ {} ({} {}, {rows} {})",
            out.display(),
            tables.len() + 1,
            lang.pick("Tabellenblätter", "sheets"),
            lang.pick("Zeilen", "rows"),
        ));
    }
    if csv_dir.is_some() {
        for (t, path) in tables.iter().zip(&csv_files) {
            let bytes = csv::to_bytes_in(t, dialect.into());
            if let Err(f) = write_output(path, &bytes) {
                return fail(f, lang);
            }
        }
        if let Some(dir) = csv_dir {
            crate::msg::say(&format!(
                "✔ {} ({} {}, {rows} {})",
                dir.display(),
                csv_files.len(),
                lang.pick("CSV-Dateien", "CSV files"),
                lang.pick("Zeilen", "rows"),
            ));
        }
    }
    ExitCode::SUCCESS
}
