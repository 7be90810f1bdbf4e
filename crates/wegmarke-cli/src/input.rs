//! Reading a workbook from the file system: a file (xlsx, ods, xls, found by its content) or a
//! folder of CSV files. The formats themselves are the workbook crate's; this is the part only
//! a program with a file system has: paths, permissions and the lock files spreadsheet programs
//! leave beside an open file.

use std::path::{Path, PathBuf};

use wegmarke_core::{MEASURES_FILE, PLAN_FILE};

use crate::workbook::csv::{is_csv_name, read_files};
use crate::workbook::read::{read_bytes, Book};
use crate::workbook::{Finding, FindingKind, Loc};
use wegmarke_workbook::msg;

/// Reads a workbook file or a folder of CSV files.
pub fn read_path(path: &Path) -> Result<Book, Finding> {
    let name = path.display().to_string();
    if path.is_dir() {
        return read_folder(path);
    }
    let bytes = std::fs::read(path).map_err(|e| io_error(&name, &e))?;
    let mut book = read_bytes(&bytes, &name)?;
    if let Some(lock) = lock_file(path) {
        let lock = lock.display().to_string();
        book.notes.push(Finding::note(
            Loc::sheet(&name),
            FindingKind::OpenElsewhere,
            msg!(
                "Die Arbeitsmappe ist gerade in einem Tabellenprogramm geöffnet (Sperrdatei {lock}). Gelesen wird der zuletzt gespeicherte Stand – ungespeicherte Änderungen fehlen.",
                "The workbook is open in a spreadsheet program (lock file {lock}). The last saved state is read – unsaved changes are missing.",
            ),
        ));
    }
    Ok(book)
}

/// Reads every `*.csv` file of a folder as one sheet named like the file.
fn read_folder(dir: &Path) -> Result<Book, Finding> {
    let name = dir.display().to_string();
    let entries = std::fs::read_dir(dir).map_err(|e| io_error(&name, &e))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && is_csv_name(&p.to_string_lossy()))
        .collect();
    paths.sort();
    if paths.is_empty() {
        let is_data = dir.join(PLAN_FILE).exists() || dir.join(MEASURES_FILE).exists();
        let m = if is_data {
            msg!(
                "„{name}“ ist ein Datenordner mit JSON-Dateien, keine Arbeitsmappe. Zum Exportieren: „wegmarke-daten export {name} -o plan.xlsx“.",
                "\"{name}\" is a data folder with JSON files, not a workbook. To export it: \"wegmarke-daten export {name} -o plan.xlsx\".",
            )
        } else {
            msg!(
                "Der Ordner „{name}“ enthält keine CSV-Dateien.",
                "The folder \"{name}\" holds no CSV files.",
            )
        };
        let kind = FindingKind::NoCsvFiles {
            data_folder: is_data,
        };
        return Err(Finding::fatal(Loc::sheet(&name), kind, m));
    }
    let mut files = Vec::with_capacity(paths.len());
    for path in paths {
        let file = path.display().to_string();
        let bytes = std::fs::read(&path).map_err(|e| io_error(&file, &e))?;
        files.push((file, bytes));
    }
    read_files(&files)
}

/// The lock file LibreOffice (`.~lock.NAME#`) or Excel (`~$NAME`) keeps next to an open file.
pub fn lock_file(path: &Path) -> Option<PathBuf> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name()?.to_string_lossy();
    [format!(".~lock.{name}#"), format!("~${name}")]
        .into_iter()
        .map(|n| dir.join(n))
        .find(|p| p.exists())
}

/// The message for a file that cannot be read at all.
pub fn io_error(name: &str, e: &std::io::Error) -> Finding {
    use std::io::ErrorKind;
    let (kind, m) = match e.kind() {
        ErrorKind::NotFound => (FindingKind::FileNotFound, msg!(
            "Die Datei „{name}“ gibt es nicht. Bitte Pfad und Namen prüfen.",
            "The file \"{name}\" does not exist. Please check the path and name.",
        )),
        ErrorKind::PermissionDenied => (FindingKind::NoPermission, msg!(
            "Die Datei „{name}“ kann nicht gelesen werden: keine Berechtigung, oder ein anderes Programm sperrt sie. Bitte das Programm schließen bzw. die Berechtigung prüfen.",
            "The file \"{name}\" cannot be read: no permission, or another program locks it. Please close that program or check the permission.",
        )),
        _ => (FindingKind::Unreadable { detail: e.to_string() }, msg!(
            "Die Datei „{name}“ kann nicht gelesen werden ({e}).",
            "The file \"{name}\" cannot be read ({e}).",
        )),
    };
    Finding::fatal(Loc::sheet(name), kind, m)
}
