//! Reading a workbook: .xlsx and .ods (and old .xls) with calamine, or a folder of CSV files.
//! The file's content decides the format, not its name, and every way a file can be wrong
//! (missing, unreadable, locked, empty, encrypted, corrupt, not a spreadsheet) gets its own
//! message. No input may panic: calamine runs behind `catch_unwind` as a last line of defence.

use std::cell::Cell as StdCell;
use std::io::{Cursor, Read};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Once;

use calamine::{Data, DataRef, Ods, Reader, Xls, XlsError, Xlsx, XlsxError};

use super::sheets::{sheet_names, GUIDE_SHEET};
use super::{Cell, Finding, FindingKind, Grid, GridRow, Loc};
use crate::msg;

/// The kind of file a workbook came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Xlsx,
    Ods,
    Xls,
    CsvFolder,
}

/// A read workbook: its sheets and what was noticed while reading.
#[derive(Clone, Debug)]
pub struct Book {
    pub source: Source,
    pub sheets: Vec<Grid>,
    pub notes: Vec<Finding>,
}

/// Rows and columns a sheet may have; beyond that the file is taken for broken.
pub const MAX_ROWS: u32 = 200_000;
pub const MAX_COLS: u32 = 1_000;

const CFB_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

fn corrupt(name: &str, detail: &str) -> Finding {
    Finding::fatal(
        Loc::sheet(name),
        FindingKind::Corrupt {
            detail: detail.to_owned(),
        },
        msg!(
            "Die Datei „{name}“ ist beschädigt oder keine vollständige Arbeitsmappe ({detail}). Bitte im Tabellenprogramm öffnen und neu als .xlsx oder .ods speichern.",
            "The file \"{name}\" is damaged or not a complete workbook ({detail}). Please open it in the spreadsheet program and save it again as .xlsx or .ods.",
        ),
    )
}

fn password(name: &str) -> Finding {
    Finding::fatal(
        Loc::sheet(name),
        FindingKind::Password,
        msg!(
            "Die Arbeitsmappe „{name}“ ist mit einem Kennwort verschlüsselt und kann nicht gelesen werden. Bitte im Tabellenprogramm öffnen, den Kennwortschutz entfernen (Excel: Datei → Informationen → Arbeitsmappe schützen → Mit Kennwort verschlüsseln; LibreOffice: Speichern unter ohne „Mit Kennwort speichern“) und erneut importieren.",
            "The workbook \"{name}\" is encrypted with a password and cannot be read. Please open it in the spreadsheet program, remove the password (Excel: File → Info → Protect Workbook → Encrypt with Password; LibreOffice: Save As without \"Save with password\") and import again.",
        ),
    )
}

fn not_a_workbook(name: &str, what_de: &str, what_en: &str) -> Finding {
    Finding::fatal(
        Loc::sheet(name),
        FindingKind::NotAWorkbook {
            what: what_en.to_owned(),
        },
        msg!(
            "„{name}“ ist keine Arbeitsmappe, sondern {what_de}. Erwartet: eine .xlsx- oder .ods-Datei oder ein Ordner mit CSV-Dateien.",
            "\"{name}\" is not a workbook but {what_en}. Expected: an .xlsx or .ods file, or a folder of CSV files.",
        ),
    )
}

fn too_large(name: &str, sheet: &str) -> Finding {
    let (rows, cols) = (MAX_ROWS, MAX_COLS);
    Finding::fatal(
        Loc::sheet(name),
        FindingKind::TooLarge {
            sheet: sheet.to_owned(),
        },
        msg!(
            "Das Tabellenblatt „{sheet}“ ist zu groß (mehr als {rows} Zeilen oder {cols} Spalten belegt). Bitte leere, aber formatierte Bereiche löschen.",
            "The sheet \"{sheet}\" is too large (more than {rows} rows or {cols} columns in use). Please delete empty but formatted areas.",
        ),
    )
}

thread_local! {
    static QUIET: StdCell<bool> = const { StdCell::new(false) };
}
static HOOK: Once = Once::new();

/// Runs a reader, turning a panic inside it into an error without printing a backtrace.
fn guarded<R>(f: impl FnOnce() -> R) -> Option<R> {
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(StdCell::get) {
                previous(info);
            }
        }));
    });
    QUIET.with(|q| q.set(true));
    let r = catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(false));
    r.ok()
}

/// Reads a workbook from its bytes; `name` is used in messages. Never panics.
pub fn read_bytes(bytes: &[u8], name: &str) -> Result<Book, Finding> {
    if bytes.is_empty() {
        return Err(Finding::fatal(
            Loc::sheet(name),
            FindingKind::EmptyFile,
            msg!(
                "Die Datei „{name}“ ist leer (0 Bytes) – vermutlich wurde das Speichern abgebrochen.",
                "The file \"{name}\" is empty (0 bytes) – saving was probably interrupted.",
            ),
        ));
    }
    match guarded(|| sniff_and_read(bytes, name)) {
        Some(r) => r,
        None => Err(corrupt(name, "interner Lesefehler / internal reader error")),
    }
}

fn sniff_and_read(bytes: &[u8], name: &str) -> Result<Book, Finding> {
    if bytes.starts_with(&CFB_MAGIC) {
        if contains_utf16(bytes, "EncryptedPackage") || contains_utf16(bytes, "EncryptionInfo") {
            return Err(password(name));
        }
        return read_xls(bytes, name);
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return read_zip(bytes, name);
    }
    if bytes.starts_with(b"%PDF") {
        return Err(not_a_workbook(name, "ein PDF-Dokument", "a PDF document"));
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]);
    let head = head.trim_start_matches('\u{feff}').trim_start();
    if head.starts_with('<') {
        return Err(not_a_workbook(
            name,
            "eine XML- oder HTML-Datei (z. B. „Flache XML-Tabelle“); bitte als .xlsx oder .ods speichern",
            "an XML or HTML file (e.g. a \"flat XML spreadsheet\"); please save as .xlsx or .ods",
        ));
    }
    if head.starts_with('{') || head.starts_with('[') {
        return Err(not_a_workbook(
            name,
            "eine JSON-Datei (zum Prüfen von Datendateien: „wegmarke-daten validate“)",
            "a JSON file (to check data files: \"wegmarke-daten validate\")",
        ));
    }
    if std::str::from_utf8(bytes).is_ok() && head.contains([';', ',', '\t']) {
        return Err(not_a_workbook(
            name,
            "eine einzelne CSV-Datei; sie enthält nur ein Tabellenblatt – bitte den Ordner mit allen CSV-Dateien angeben",
            "a single CSV file, which holds only one sheet – please give the folder with all CSV files",
        ));
    }
    Err(not_a_workbook(
        name,
        "eine Datei unbekannten Formats",
        "a file of unknown format",
    ))
}

fn contains_utf16(bytes: &[u8], s: &str) -> bool {
    let needle: Vec<u8> = s.encode_utf16().flat_map(u16::to_le_bytes).collect();
    bytes.windows(needle.len()).any(|w| w == needle.as_slice())
}

/// What a ZIP file holds: an xlsx, an ods (maybe encrypted), or something else.
fn read_zip(bytes: &[u8], name: &str) -> Result<Book, Finding> {
    let mut zip =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| corrupt(name, &e.to_string()))?;
    let names: Vec<String> = zip
        .file_names()
        .filter_map(Result::ok)
        .map(|n| n.into_owned())
        .collect();
    let has = |n: &str| names.iter().any(|x| x == n);
    if has("mimetype") {
        let mime = read_entry(&mut zip, "mimetype", 200).unwrap_or_default();
        if mime.contains("opendocument.spreadsheet") {
            let manifest =
                read_entry(&mut zip, "META-INF/manifest.xml", 1 << 20).unwrap_or_default();
            if manifest.contains("encryption-data") {
                return Err(password(name));
            }
            return read_ods(bytes, name);
        }
        if mime.contains("opendocument.text") {
            return Err(not_a_workbook(
                name,
                "ein Textdokument (ODT)",
                "a text document (ODT)",
            ));
        }
    }
    if has("xl/workbook.xml") || has("xl/workbook.bin") {
        return read_xlsx(bytes, name);
    }
    if has("word/document.xml") {
        return Err(not_a_workbook(name, "ein Word-Dokument", "a Word document"));
    }
    if names.iter().any(|n| n.starts_with("ppt/")) {
        return Err(not_a_workbook(
            name,
            "eine PowerPoint-Präsentation",
            "a PowerPoint presentation",
        ));
    }
    Err(not_a_workbook(name, "ein ZIP-Archiv", "a ZIP archive"))
}

fn read_entry(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, entry: &str, limit: u64) -> Option<String> {
    let f = zip.by_name(entry).ok()?;
    let mut s = String::new();
    f.take(limit).read_to_string(&mut s).ok()?;
    Some(s)
}

/// Only the sheets the data format has are read; other sheets are listed empty so that the
/// import can say they were skipped.
fn wanted(sheet: &str) -> bool {
    let f = super::import::fold_name(sheet);
    sheet_names()
        .iter()
        .any(|n| super::import::fold_name(n) == f)
        && f != super::import::fold_name(GUIDE_SHEET)
}

fn read_xlsx(bytes: &[u8], name: &str) -> Result<Book, Finding> {
    let mut wb: Xlsx<_> =
        calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| match e {
            XlsxError::Password => password(name),
            e => corrupt(name, &e.to_string()),
        })?;
    let mut sheets = Vec::new();
    for sheet in wb.sheet_names() {
        if !wanted(&sheet) {
            sheets.push(Grid {
                name: sheet,
                rows: Vec::new(),
            });
            continue;
        }
        // The cell reader streams, so a sheet with one cell in its far corner costs one cell
        // and not a million empty ones.
        let mut reader = wb
            .worksheet_cells_reader(&sheet)
            .map_err(|e| corrupt(name, &e.to_string()))?;
        let mut grid = Grid {
            name: sheet.clone(),
            rows: Vec::new(),
        };
        while let Some(cell) = reader
            .next_cell()
            .map_err(|e| corrupt(name, &e.to_string()))?
        {
            let (r, c) = cell.get_position();
            let value = from_ref(cell.get_value());
            if value.is_empty() {
                continue;
            }
            if r >= MAX_ROWS || c >= MAX_COLS {
                return Err(too_large(name, &sheet));
            }
            put(&mut grid, r, c, value);
        }
        grid.rows.sort_by_key(|r| r.number);
        sheets.push(grid);
    }
    Ok(Book {
        source: Source::Xlsx,
        sheets,
        notes: Vec::new(),
    })
}

fn read_ods(bytes: &[u8], name: &str) -> Result<Book, Finding> {
    let mut wb: Ods<_> = calamine::open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e: calamine::OdsError| corrupt(name, &e.to_string()))?;
    let sheets = ranges(&mut wb, name)?;
    Ok(Book {
        source: Source::Ods,
        sheets,
        notes: Vec::new(),
    })
}

fn read_xls(bytes: &[u8], name: &str) -> Result<Book, Finding> {
    let mut wb: Xls<_> =
        calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| match e {
            XlsError::Password => password(name),
            e => corrupt(name, &e.to_string()),
        })?;
    let sheets = ranges(&mut wb, name)?;
    Ok(Book {
        source: Source::Xls,
        sheets,
        notes: Vec::new(),
    })
}

fn ranges<RS, R>(wb: &mut R, name: &str) -> Result<Vec<Grid>, Finding>
where
    RS: std::io::Read + std::io::Seek,
    R: Reader<RS>,
    R::Error: std::fmt::Display,
{
    let mut sheets = Vec::new();
    for sheet in wb.sheet_names() {
        let mut grid = Grid {
            name: sheet.clone(),
            rows: Vec::new(),
        };
        if wanted(&sheet) {
            let range = wb
                .worksheet_range(&sheet)
                .map_err(|e| corrupt(name, &e.to_string()))?;
            let (r0, c0) = range.start().unwrap_or((0, 0));
            let (h, w) = range.get_size();
            if h as u64 + r0 as u64 > MAX_ROWS as u64 || w as u64 + c0 as u64 > MAX_COLS as u64 {
                return Err(too_large(name, &sheet));
            }
            for (i, row) in range.rows().enumerate() {
                for (j, d) in row.iter().enumerate() {
                    let value = from_data(d);
                    if !value.is_empty() {
                        put(&mut grid, r0 + i as u32, c0 + j as u32, value);
                    }
                }
            }
        }
        sheets.push(grid);
    }
    Ok(sheets)
}

/// Puts a cell at a 0-based position (rows arrive in order, mostly).
fn put(grid: &mut Grid, r: u32, c: u32, value: Cell) {
    let number = r + 1;
    let idx = match grid.rows.iter().rposition(|row| row.number == number) {
        Some(i) => i,
        None => {
            grid.rows.push(GridRow {
                number,
                cells: Vec::new(),
            });
            grid.rows.len() - 1
        }
    };
    let cells = &mut grid.rows[idx].cells;
    let c = c as usize;
    if cells.len() <= c {
        cells.resize(c + 1, Cell::Empty);
    }
    cells[c] = value;
}

fn date_cell(dt: &calamine::ExcelDateTime) -> Cell {
    if dt.is_duration() {
        return Cell::Text(dt.as_f64().to_string());
    }
    let (y, m, d, ..) = dt.to_ymd_hms_milli();
    Cell::Date(format!("{y:04}-{m:02}-{d:02}"))
}

fn iso_cell(s: &str) -> Cell {
    // "2023-06-30" or "2023-06-30T00:00:00": the date part; anything else stays text.
    let date = s.get(..10).unwrap_or(s);
    if date.len() == 10 && wegmarke_core::Date::parse(date).is_some() {
        Cell::Date(date.to_owned())
    } else {
        Cell::Text(s.to_owned())
    }
}

fn from_ref(d: &DataRef) -> Cell {
    match d {
        DataRef::Int(i) => Cell::Int(*i),
        DataRef::Float(f) => Cell::Number(*f),
        DataRef::String(s) => Cell::Text(s.clone()),
        DataRef::SharedString(s) => Cell::Text((*s).to_owned()),
        DataRef::Bool(b) => Cell::Bool(*b),
        DataRef::DateTime(dt) => date_cell(dt),
        DataRef::DateTimeIso(s) => iso_cell(s),
        DataRef::DurationIso(s) => Cell::Text(s.clone()),
        DataRef::Error(e) => Cell::Error(e.to_string()),
        DataRef::Empty => Cell::Empty,
    }
}

fn from_data(d: &Data) -> Cell {
    match d {
        Data::Int(i) => Cell::Int(*i),
        Data::Float(f) => Cell::Number(*f),
        Data::String(s) => Cell::Text(s.clone()),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) => date_cell(dt),
        Data::DateTimeIso(s) => iso_cell(s),
        Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Error(e.to_string()),
        Data::Empty => Cell::Empty,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_what_a_file_is() {
        let e = read_bytes(b"", "a.xlsx").unwrap_err();
        assert!(e.msg.de.contains("leer"));
        let e = read_bytes(b"%PDF-1.7 ...", "a.xlsx").unwrap_err();
        assert!(e.msg.de.contains("PDF"));
        let e = read_bytes(b"Kennung;Titel\nM-1;x\n", "a.csv").unwrap_err();
        assert!(e.msg.de.contains("CSV"));
        let e = read_bytes(b"PK\x03\x04garbage", "a.xlsx").unwrap_err();
        assert!(e.msg.de.contains("beschädigt"), "{}", e.msg.de);
    }

    #[test]
    fn encrypted_office_files_are_recognised() {
        let mut bytes = CFB_MAGIC.to_vec();
        bytes.resize(512, 0);
        bytes.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
        let e = read_bytes(&bytes, "geheim.xlsx").unwrap_err();
        assert!(e.msg.de.contains("Kennwort"), "{}", e.msg.de);
    }

    #[test]
    fn the_guard_turns_a_reader_panic_into_none() {
        // Needs unwinding: the root Cargo.toml's release profile must not set panic = "abort"
        // (tests/safety.rs checks that).
        assert_eq!(guarded(|| -> u8 { panic!("a reader bug") }), None);
        assert_eq!(guarded(|| 7), Some(7));
    }
}
