//! Reading a workbook: .xlsx and .ods (and old .xls) with calamine, or a folder of CSV files.
//! The file's content decides the format, not its name, and every way a file can be wrong
//! (missing, unreadable, locked, empty, encrypted, corrupt, not a spreadsheet) gets its own
//! message. No input may panic: calamine runs behind `catch_unwind` as a last line of defence.
//! No input may exhaust the memory either: what a ZIP-based workbook declares and unpacks to
//! is checked before calamine reads it (see "hostile files" below). Hidden rows of an xlsx are
//! read like the others, with a note naming them.

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

type Zip<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

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
    check_directory(&mut zip, name)?;
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
            inspect_ods(&mut zip, name)?;
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
        let inspection = inspect_xlsx(&mut zip, name)?;
        let mut book = read_xlsx(bytes, name)?;
        book.notes = hidden_notes(&inspection.hidden, &book.sheets);
        return Ok(book);
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
    let mut budget = Budget::default();
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
        let mut grid = Filling::new(&sheet);
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
            grid.put(r, c, value, &mut budget, name)?;
        }
        sheets.push(grid.finish());
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
    let mut budget = Budget::default();
    for sheet in wb.sheet_names() {
        let mut grid = Filling::new(&sheet);
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
                        grid.put(r0 + i as u32, c0 + j as u32, value, &mut budget, name)?;
                    }
                }
            }
        }
        sheets.push(grid.finish());
    }
    Ok(sheets)
}

/// A sheet being filled: its rows, found by number without a search (rows arrive in order
/// mostly, but a crafted file may send them backwards).
struct Filling {
    grid: Grid,
    index: std::collections::HashMap<u32, usize>,
}

impl Filling {
    fn new(sheet: &str) -> Filling {
        Filling {
            grid: Grid {
                name: sheet.to_owned(),
                rows: Vec::new(),
            },
            index: std::collections::HashMap::new(),
        }
    }

    /// Puts a cell at a 0-based position; every slot of the row up to it counts against the
    /// budget (a row with one cell in column ALL holds a thousand).
    fn put(
        &mut self,
        r: u32,
        c: u32,
        value: Cell,
        budget: &mut Budget,
        name: &str,
    ) -> Result<(), Finding> {
        let number = r + 1;
        let rows = &mut self.grid.rows;
        let idx = *self.index.entry(number).or_insert_with(|| {
            rows.push(GridRow {
                number,
                cells: Vec::new(),
            });
            rows.len() - 1
        });
        let cells = &mut rows[idx].cells;
        let c = c as usize;
        if cells.len() <= c {
            budget.slots((c + 1 - cells.len()) as u64, name, &self.grid.name)?;
            cells.resize(c + 1, Cell::Empty);
        }
        budget.take(&value, name, &self.grid.name)?;
        cells[c] = value;
        Ok(())
    }

    fn finish(mut self) -> Grid {
        self.grid.rows.sort_by_key(|r| r.number);
        self.grid
    }
}

// ------------------------------------------------------------------ hostile files
//
// An xlsx or ods file is a ZIP of XML parts, and the reader trusts what they declare: a part
// may unpack to gigabytes from a few kilobytes, a shared-string table may declare a billion
// entries (the reader reserves memory for them up front), a sheet may say it spans every cell
// there is, a few shared strings may be referenced a million times each. Before calamine
// reads anything, the ZIP's directory and every XML part it will read are checked here, by
// streaming through them with a byte budget; while reading, cells and text are counted. What
// exceeds a limit is refused at once, with a message, in bounded memory and time.

/// What one XML part of a workbook may unpack to.
pub const MAX_PART_BYTES: u64 = 64 << 20;
/// What all parts of a workbook may unpack to together.
pub const MAX_TOTAL_BYTES: u64 = 256 << 20;
/// How many times larger than its compressed size a part over 1 MiB may unpack to (XML
/// compresses about 10 to 30 times; zip bombs a thousand times and more).
pub const MAX_RATIO: u64 = 250;
/// Parts in one ZIP.
pub const MAX_PARTS: usize = 10_000;
/// Entries of the shared-string table (declared or present).
pub const MAX_SHARED_STRINGS: u64 = 1_000_000;
/// Cells kept from all sheets together, empty ones left of a filled one included (one row of
/// a data file has a few dozen).
pub const MAX_CELLS: u64 = 2_000_000;
/// Text kept from all cells together, in bytes.
pub const MAX_TEXT_BYTES: u64 = 128 << 20;
/// Longest tag the scanner looks into; longer ones are skipped (the tags it needs are short).
const MAX_TAG: usize = 64 << 10;

fn refused(name: &str, part: &str, de: &str, en: &str) -> Finding {
    Finding::fatal(
        Loc::sheet(name),
        FindingKind::TooLarge {
            sheet: part.to_owned(),
        },
        msg!(
            "Die Datei „{name}“ wird nicht gelesen: {de}. So etwas entsteht nicht beim normalen Speichern; die Datei ist beschädigt oder absichtlich so gebaut. Bitte die Arbeitsmappe im Tabellenprogramm öffnen, prüfen und neu speichern – oder neu exportieren.",
            "The file \"{name}\" is not read: {en}. Normal saving does not produce this; the file is damaged or built that way on purpose. Please open the workbook in the spreadsheet program, check it and save it again – or export again.",
        ),
    )
}

fn mib(bytes: u64) -> u64 {
    bytes >> 20
}

/// Checks what the ZIP's directory declares: the number of parts, each part's unpacked size
/// and its compression ratio, and the total.
fn check_directory(zip: &mut Zip<'_>, name: &str) -> Result<(), Finding> {
    if zip.len() > MAX_PARTS {
        let n = zip.len();
        return Err(refused(
            name,
            "",
            &format!("sie besteht aus {n} Teilen (höchstens {MAX_PARTS})"),
            &format!("it consists of {n} parts (at most {MAX_PARTS})"),
        ));
    }
    let mut total = 0u64;
    for i in 0..zip.len() {
        let Ok(f) = zip.by_index_raw(i) else {
            continue;
        };
        let part = f.name().map(|n| n.into_owned()).unwrap_or_default();
        let (size, packed) = (f.size(), f.compressed_size());
        let (limit, ratio) = (mib(MAX_PART_BYTES), MAX_RATIO);
        if size > MAX_PART_BYTES {
            let n = mib(size);
            return Err(refused(
                name,
                &part,
                &format!("der Teil „{part}“ würde entpackt {n} MiB groß (höchstens {limit} MiB)"),
                &format!("the part \"{part}\" would unpack to {n} MiB (at most {limit} MiB)"),
            ));
        }
        if size > 1 << 20 && size / packed.max(1) > MAX_RATIO {
            let r = size / packed.max(1);
            return Err(refused(
                name,
                &part,
                &format!("der Teil „{part}“ würde entpackt {r}-mal so groß wie gepackt (höchstens {ratio}-mal) – eine sogenannte ZIP-Bombe"),
                &format!("the part \"{part}\" would unpack to {r} times its packed size (at most {ratio} times) – a so-called zip bomb"),
            ));
        }
        total = total.saturating_add(size);
    }
    if total > MAX_TOTAL_BYTES {
        let (n, limit) = (mib(total), mib(MAX_TOTAL_BYTES));
        return Err(refused(
            name,
            "",
            &format!("sie würde entpackt {n} MiB groß (höchstens {limit} MiB)"),
            &format!("it would unpack to {n} MiB (at most {limit} MiB)"),
        ));
    }
    Ok(())
}

/// Why a scan stopped early.
enum Stop {
    /// The part unpacks to more than it may (its directory entry understated it).
    TooBig,
    /// The tag handler found what it refuses.
    Refused(Box<Finding>),
    /// The part cannot be unpacked.
    Broken(String),
}

/// Streams one part, unpacking at most `cap` bytes, and hands every tag (the text between `<`
/// and `>`) to `on_tag`. Returns the unpacked size; a missing part is `Ok(None)`.
fn scan_part(
    zip: &mut Zip<'_>,
    part: &str,
    cap: u64,
    mut on_tag: impl FnMut(&[u8]) -> Result<(), Finding>,
) -> Result<Option<u64>, Stop> {
    let Ok(f) = zip.by_name(part) else {
        return Ok(None);
    };
    let mut reader = f.take(cap + 1);
    let mut chunk = vec![0u8; 64 << 10];
    let mut carry: Vec<u8> = Vec::new();
    let mut total = 0u64;
    loop {
        let n = match reader.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(Stop::Broken(e.to_string())),
        };
        total += n as u64;
        if total > cap {
            return Err(Stop::TooBig);
        }
        carry.extend_from_slice(&chunk[..n]);
        let mut pos = 0;
        let mut rest = carry.len();
        while let Some(lt) = carry[pos..].iter().position(|&b| b == b'<') {
            let start = pos + lt + 1;
            match carry[start..].iter().position(|&b| b == b'>') {
                Some(gt) => {
                    on_tag(&carry[start..start + gt]).map_err(|f| Stop::Refused(Box::new(f)))?;
                    pos = start + gt + 1;
                    rest = carry.len();
                }
                None => {
                    rest = pos + lt;
                    break;
                }
            }
        }
        // Keep only an unfinished tag (and not one longer than any tag worth reading).
        if rest < carry.len() && carry.len() - rest <= MAX_TAG {
            carry.drain(..rest);
        } else {
            carry.clear();
        }
    }
    Ok(Some(total))
}

/// The name of a tag without its namespace prefix, and whether it is an end tag.
fn tag_name(tag: &[u8]) -> (&[u8], bool) {
    let (tag, end) = match tag.strip_prefix(b"/") {
        Some(t) => (t, true),
        None => (tag, false),
    };
    let len = tag
        .iter()
        .position(|b| b.is_ascii_whitespace() || *b == b'/')
        .unwrap_or(tag.len());
    (&tag[..len], end)
}

/// The local part of a name: `x:row` -> `row`.
fn local(name: &[u8]) -> &[u8] {
    match name.iter().rposition(|&b| b == b':') {
        Some(i) => &name[i + 1..],
        None => name,
    }
}

/// An attribute's raw value, by its full name (`r`, `table:number-rows-repeated`).
fn attr<'a>(tag: &'a [u8], key: &str) -> Option<&'a [u8]> {
    let key = key.as_bytes();
    let mut i = 0;
    while let Some(p) = tag[i..].windows(key.len()).position(|w| w == key) {
        let at = i + p;
        let before_ok = at > 0 && tag[at - 1].is_ascii_whitespace();
        let after = &tag[at + key.len()..];
        let eq = after.iter().position(|b| !b.is_ascii_whitespace());
        if before_ok && eq.is_some_and(|e| after[e] == b'=') {
            let after = &after[eq.unwrap_or(0) + 1..];
            let q = after.iter().position(|b| !b.is_ascii_whitespace())?;
            let quote = after[q];
            if quote != b'"' && quote != b'\'' {
                return None;
            }
            let value = &after[q + 1..];
            let end = value.iter().position(|&b| b == quote)?;
            return Some(&value[..end]);
        }
        i = at + 1;
    }
    None
}

fn attr_u64(tag: &[u8], key: &str) -> Option<u64> {
    std::str::from_utf8(attr(tag, key)?)
        .ok()?
        .trim()
        .parse()
        .ok()
}

/// XML text with the five predefined entities and numeric references decoded.
fn unescape(raw: &[u8]) -> String {
    let s = String::from_utf8_lossy(raw);
    if !s.contains('&') {
        return s.into_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = &*s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(end) = rest.find(';').filter(|e| *e <= 10) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..end];
        let c = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A cell reference's 0-based row and column: `XFD1048576` -> (1048575, 16383).
fn cell_position(r: &[u8]) -> Option<(u64, u64)> {
    let letters = r.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    if letters == 0 || letters > 3 {
        return None;
    }
    let col = r[..letters].iter().fold(0u64, |acc, b| {
        acc * 26 + u64::from(b.to_ascii_uppercase() - b'A' + 1)
    });
    let row: u64 = std::str::from_utf8(r[letters..].strip_prefix(b"$").unwrap_or(&r[letters..]))
        .ok()?
        .parse()
        .ok()?;
    (row >= 1).then(|| (row - 1, col - 1))
}

/// What the parts of an xlsx declare, found before reading it.
#[derive(Default)]
struct XlsxInspection {
    /// Sheet name -> its rows marked hidden (1-based).
    hidden: Vec<(String, Vec<u32>)>,
}

/// The checks above for an xlsx: the shared-string table, and every wanted sheet's declared
/// size and hidden rows; every XML part is unpacked once within its budget.
fn inspect_xlsx(zip: &mut Zip<'_>, name: &str) -> Result<XlsxInspection, Finding> {
    let stop = |part: &str, s: Stop| match s {
        Stop::TooBig => {
            let limit = mib(MAX_PART_BYTES);
            refused(
                name,
                part,
                &format!("der Teil „{part}“ entpackt sich zu mehr als {limit} MiB, obwohl er weniger angibt – eine sogenannte ZIP-Bombe"),
                &format!("the part \"{part}\" unpacks to more than {limit} MiB although it declares less – a so-called zip bomb"),
            )
        }
        Stop::Refused(f) => *f,
        Stop::Broken(detail) => corrupt(name, &detail),
    };
    // Which part holds which sheet: workbook.xml names them, its relationships locate them.
    let mut sheets: Vec<(String, String)> = Vec::new();
    scan_part(zip, "xl/workbook.xml", MAX_PART_BYTES, |tag| {
        let (n, _) = tag_name(tag);
        if local(n) == b"sheet" {
            if let (Some(sheet), Some(id)) = (attr(tag, "name"), attr(tag, "r:id")) {
                sheets.push((unescape(sheet), unescape(id)));
            }
        }
        Ok(())
    })
    .map_err(|s| stop("xl/workbook.xml", s))?;
    let mut targets: Vec<(String, String)> = Vec::new();
    scan_part(zip, "xl/_rels/workbook.xml.rels", MAX_PART_BYTES, |tag| {
        let (n, _) = tag_name(tag);
        if local(n) == b"Relationship" {
            if let (Some(id), Some(t)) = (attr(tag, "Id"), attr(tag, "Target")) {
                let t = unescape(t);
                let path = match t.strip_prefix('/') {
                    Some(abs) => abs.to_owned(),
                    None => format!("xl/{t}"),
                };
                targets.push((unescape(id), path));
            }
        }
        Ok(())
    })
    .map_err(|s| stop("xl/_rels/workbook.xml.rels", s))?;

    let mut total = 0u64;
    let mut count = |part: &str, n: Option<u64>| -> Result<(), Finding> {
        total += n.unwrap_or(0);
        if total > MAX_TOTAL_BYTES {
            let limit = mib(MAX_TOTAL_BYTES);
            return Err(refused(
                name,
                part,
                &format!("sie entpackt sich zu mehr als {limit} MiB"),
                &format!("it unpacks to more than {limit} MiB"),
            ));
        }
        Ok(())
    };

    // The shared strings: the reader reserves room for as many as the table declares.
    let part = "xl/sharedStrings.xml";
    let mut strings = 0u64;
    let too_many = |n: u64| {
        refused(
            name,
            part,
            &format!("die Tabelle der Texte gibt {n} Einträge an (höchstens {MAX_SHARED_STRINGS})"),
            &format!("the table of texts declares {n} entries (at most {MAX_SHARED_STRINGS})"),
        )
    };
    let n = scan_part(zip, part, MAX_PART_BYTES, |tag| {
        let (n, end) = tag_name(tag);
        match local(n) {
            b"sst" if !end => {
                if let Some(declared) = attr_u64(tag, "uniqueCount") {
                    if declared > MAX_SHARED_STRINGS {
                        return Err(too_many(declared));
                    }
                }
            }
            b"si" if !end => {
                strings += 1;
                if strings > MAX_SHARED_STRINGS {
                    return Err(refused(
                        name,
                        part,
                        &format!(
                            "die Tabelle der Texte enthält mehr als {MAX_SHARED_STRINGS} Einträge"
                        ),
                        &format!("the table of texts holds more than {MAX_SHARED_STRINGS} entries"),
                    ));
                }
            }
            _ => {}
        }
        Ok(())
    })
    .map_err(|s| stop(part, s))?;
    count(part, n)?;

    // The wanted sheets: declared size and hidden rows.
    let mut out = XlsxInspection::default();
    for (sheet, id) in &sheets {
        let Some((_, path)) = targets.iter().find(|(i, _)| i == id) else {
            continue;
        };
        let check = wanted(sheet);
        let mut hidden = Vec::new();
        let mut last_row = 0u32;
        let n = scan_part(zip, path, MAX_PART_BYTES, |tag| {
            let (n, end) = tag_name(tag);
            if end || !check {
                return Ok(());
            }
            match local(n) {
                b"dimension" => {
                    let last = attr(tag, "ref")
                        .and_then(|r| r.split(|&b| b == b':').next_back())
                        .and_then(cell_position);
                    if let Some((r, c)) = last {
                        if r >= u64::from(MAX_ROWS) || c >= u64::from(MAX_COLS) {
                            return Err(too_large(name, sheet));
                        }
                    }
                }
                b"row" => {
                    let r = attr_u64(tag, "r")
                        .and_then(|r| u32::try_from(r).ok())
                        .unwrap_or(last_row.saturating_add(1));
                    last_row = r;
                    let h = attr(tag, "hidden");
                    if matches!(h, Some(b"1" | b"true")) && hidden.len() < MAX_ROWS as usize {
                        hidden.push(r);
                    }
                }
                _ => {}
            }
            Ok(())
        })
        .map_err(|s| stop(path, s))?;
        count(path, n)?;
        if !hidden.is_empty() {
            out.hidden.push((sheet.clone(), hidden));
        }
    }

    // Every other XML part the reader may open (styles, theme, …) within the same budgets.
    let others: Vec<String> = zip
        .file_names()
        .filter_map(Result::ok)
        .filter(|p| {
            (p.ends_with(".xml") || p.ends_with(".rels"))
                && *p != "xl/sharedStrings.xml"
                && !targets.iter().any(|(_, t)| t == p)
        })
        .map(|p| p.into_owned())
        .collect();
    for part in others {
        let n = scan_part(zip, &part, MAX_PART_BYTES, |_| Ok(())).map_err(|s| stop(&part, s))?;
        count(&part, n)?;
    }
    Ok(out)
}

/// The checks above for an ods: every XML part within its budget, and for each sheet of
/// content.xml the area the reader will fill (repeated rows and columns are expanded between
/// the first and the last filled cell).
fn inspect_ods(zip: &mut Zip<'_>, name: &str) -> Result<(), Finding> {
    let parts: Vec<String> = zip
        .file_names()
        .filter_map(Result::ok)
        .filter(|p| p.ends_with(".xml"))
        .map(|p| p.into_owned())
        .collect();
    let mut total = 0u64;
    for part in parts {
        let mut sheet = String::new();
        let (mut row, mut row_repeat, mut col, mut filled_to) = (0u64, 1u64, 0u64, 0u64);
        let (mut first, mut last, mut width) = (None::<u64>, 0u64, 0u64);
        let area = |first: Option<u64>,
                    last: u64,
                    width: u64,
                    sheet: &str|
         -> Result<(), Finding> {
            let Some(first) = first else {
                return Ok(());
            };
            let cells = (last - first).saturating_mul(width);
            if last > u64::from(MAX_ROWS) || width > u64::from(MAX_COLS) {
                return Err(too_large(name, sheet));
            }
            if cells > MAX_CELLS {
                return Err(refused(
                    name,
                    sheet,
                    &format!("das Tabellenblatt „{sheet}“ würde mit seinen Wiederholungen {cells} Zellen umfassen (höchstens {MAX_CELLS})"),
                    &format!("the sheet \"{sheet}\" would span {cells} cells with its repetitions (at most {MAX_CELLS})"),
                ));
            }
            Ok(())
        };
        let n = scan_part(zip, &part, MAX_PART_BYTES, |tag| {
            let (n, end) = tag_name(tag);
            let closed = tag.ends_with(b"/");
            match n {
                b"table:table" if end => {
                    area(first, last, width, &sheet)?;
                }
                b"table:table" => {
                    sheet = attr(tag, "table:name").map(unescape).unwrap_or_default();
                    (row, first, last, width) = (0, None, 0, 0);
                }
                b"table:table-row" if !end => {
                    row_repeat = attr_u64(tag, "table:number-rows-repeated").unwrap_or(1).max(1);
                    (col, filled_to) = (0, 0);
                    if closed {
                        row = row.saturating_add(row_repeat);
                    }
                }
                b"table:table-row" => {
                    if filled_to > 0 {
                        first.get_or_insert(row);
                        last = row.saturating_add(row_repeat);
                        width = width.max(filled_to);
                    }
                    row = row.saturating_add(row_repeat);
                }
                b"table:table-cell" | b"table:covered-table-cell" if !end => {
                    let repeat = attr_u64(tag, "table:number-columns-repeated").unwrap_or(1).max(1);
                    col = col.saturating_add(repeat);
                    if !closed || attr(tag, "office:value-type").is_some() {
                        filled_to = col;
                    }
                }
                _ => {}
            }
            Ok(())
        })
        .map_err(|s| match s {
            Stop::TooBig => {
                let limit = mib(MAX_PART_BYTES);
                refused(
                    name,
                    &part,
                    &format!("der Teil „{part}“ entpackt sich zu mehr als {limit} MiB, obwohl er weniger angibt – eine sogenannte ZIP-Bombe"),
                    &format!("the part \"{part}\" unpacks to more than {limit} MiB although it declares less – a so-called zip bomb"),
                )
            }
            Stop::Refused(f) => *f,
            Stop::Broken(detail) => corrupt(name, &detail),
        })?;
        total += n.unwrap_or(0);
        if total > MAX_TOTAL_BYTES {
            let limit = mib(MAX_TOTAL_BYTES);
            return Err(refused(
                name,
                &part,
                &format!("sie entpackt sich zu mehr als {limit} MiB"),
                &format!("it unpacks to more than {limit} MiB"),
            ));
        }
    }
    Ok(())
}

/// Cells and text kept so far; a workbook whose few shared strings are referenced millions of
/// times is stopped here, before it fills the memory.
#[derive(Default)]
struct Budget {
    cells: u64,
    text: u64,
}

impl Budget {
    /// Room for `n` cells of a row (empty ones before a filled one included).
    fn slots(&mut self, n: u64, name: &str, sheet: &str) -> Result<(), Finding> {
        self.cells += n;
        if self.cells > MAX_CELLS {
            return Err(refused(
                name,
                sheet,
                &format!("ihre Tabellenblätter umfassen mehr als {MAX_CELLS} Zellen"),
                &format!("its sheets span more than {MAX_CELLS} cells"),
            ));
        }
        Ok(())
    }

    fn take(&mut self, cell: &Cell, name: &str, sheet: &str) -> Result<(), Finding> {
        if let Cell::Text(s) | Cell::Date(s) | Cell::Error(s) = cell {
            self.text += s.len() as u64;
        }
        if self.text > MAX_TEXT_BYTES {
            let limit = mib(MAX_TEXT_BYTES);
            return Err(refused(
                name,
                sheet,
                &format!("ihre Zellen enthalten zusammen mehr als {limit} MiB Text"),
                &format!("its cells hold more than {limit} MiB of text together"),
            ));
        }
        Ok(())
    }
}

/// The notes on hidden rows that hold something: they are read like every other row, but a
/// person looking at the sheet does not see them.
fn hidden_notes(hidden: &[(String, Vec<u32>)], sheets: &[Grid]) -> Vec<Finding> {
    let mut out = Vec::new();
    for (sheet, rows) in hidden {
        let Some(grid) = sheets.iter().find(|g| g.name == *sheet) else {
            continue;
        };
        let filled: Vec<u32> = grid
            .rows
            .iter()
            .filter(|r| !r.is_blank() && rows.binary_search(&r.number).is_ok())
            .map(|r| r.number)
            .collect();
        if filled.is_empty() {
            continue;
        }
        let shown = 20;
        let mut list = filled
            .iter()
            .take(shown)
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        let n = filled.len();
        let (mut de_more, mut en_more) = (String::new(), String::new());
        if n > shown {
            list.push_str(", …");
            de_more = format!(" ({n} insgesamt)");
            en_more = format!(" ({n} in all)");
        }
        let m = if n == 1 {
            msg!(
                "Zeile {list} ist ausgeblendet – sie wird trotzdem übernommen. Bitte prüfen, ob sie veröffentlicht werden soll (Zeile einblenden: Rechtsklick auf die Zeilennummern → Einblenden).",
                "Row {list} is hidden – it is imported all the same. Please check that it is meant to be published (to show it: right-click the row numbers → Unhide).",
            )
        } else {
            msg!(
                "Zeilen {list}{de_more} sind ausgeblendet – sie werden trotzdem übernommen. Bitte prüfen, ob sie veröffentlicht werden sollen (Zeilen einblenden: Rechtsklick auf die Zeilennummern → Einblenden).",
                "Rows {list}{en_more} are hidden – they are imported all the same. Please check that they are meant to be published (to show them: right-click the row numbers → Unhide).",
            )
        };
        out.push(Finding::note(
            Loc::sheet(sheet),
            FindingKind::HiddenRows { rows: filled },
            m,
        ));
    }
    out
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
