//! The workbook as a folder of CSV files, one per sheet (`Maßnahmen.csv`), in one of two
//! dialects: German (the default: `;` between fields and a decimal comma, which German Excel
//! writes and opens with a double click) or standard (`,` and a decimal point). Both are UTF-8
//! with a byte-order mark. Reading accepts either, also `,` or tab between fields, no
//! byte-order mark, and Windows-1252 or UTF-16 text (older Excel versions).
//!
//! Cells follow the core's CSV rules (`wegmarke_core::csv`): a text a spreadsheet would run as
//! a formula is written with a leading `'` (and quoted), numbers never are; reading takes the
//! `'` away again, so export and import give back the same text.
//!
//! CSV files have no second header row: the explanations are in the xlsx template and in the
//! how-to (docs/daten-pflegen.md).

use wegmarke_core::csv::{self as core_csv, Dialect, Field};

use super::read::{Book, Source};
use super::{Cell, Finding, FindingKind, Grid, GridRow, Loc, Table};
use crate::msg;

/// The dialect written when none is asked for: what German spreadsheets open directly.
pub const DEFAULT_DIALECT: Dialect = Dialect::German;

/// The dialect as given on the command line (`--csv-dialect de|standard`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum CsvDialect {
    /// `;` between fields, decimal comma (German Excel, LibreOffice).
    #[default]
    De,
    /// `,` between fields, decimal point.
    Standard,
}

impl From<CsvDialect> for Dialect {
    fn from(d: CsvDialect) -> Dialect {
        match d {
            CsvDialect::De => Dialect::German,
            CsvDialect::Standard => Dialect::Standard,
        }
    }
}

/// A table as CSV bytes in the default dialect.
pub fn to_bytes(table: &Table) -> Result<Vec<u8>, String> {
    Ok(to_bytes_in(table, DEFAULT_DIALECT))
}

/// A table as CSV bytes in a dialect.
pub fn to_bytes_in(table: &Table, dialect: Dialect) -> Vec<u8> {
    let mut out = String::from(core_csv::BOM);
    let headers: Vec<Field> = table
        .columns
        .iter()
        .map(|c| Field::Text(&c.header))
        .collect();
    out.push_str(&core_csv::line(&headers, dialect));
    for row in &table.rows {
        let fields: Vec<Field> = (0..table.columns.len())
            .map(|i| field(row.get(i).unwrap_or(&Cell::Empty)))
            .collect();
        out.push_str(&core_csv::line(&fields, dialect));
    }
    out.into_bytes()
}

fn field(cell: &Cell) -> Field<'_> {
    match cell {
        Cell::Empty => Field::Empty,
        Cell::Text(s) | Cell::Date(s) | Cell::Error(s) => Field::Text(s),
        Cell::Number(f) => Field::Number(*f),
        Cell::Int(i) => Field::Integer(*i),
        Cell::Bool(b) => Field::Text(if *b { "ja" } else { "nein" }),
    }
}

/// The file name of a sheet's CSV file.
pub fn file_name(sheet: &str) -> String {
    format!("{sheet}.csv")
}

/// Reads CSV files as one sheet each, named like the file without `.csv` (`Maßnahmen.csv` is
/// the sheet „Maßnahmen“): the staff tool passes a folder's files, the Datenwerkstatt the files
/// a person chose. The caller says what it means when there are none.
pub fn read_files(files: &[(String, Vec<u8>)]) -> Result<Book, Finding> {
    let mut sheets = Vec::new();
    let mut notes = Vec::new();
    for (file, bytes) in files {
        let sheet = sheet_of_file(file);
        let unusable = truncated_encoding(bytes)
            .map(|m| ("cut off inside a character", m))
            .or_else(|| binary(bytes).map(|m| ("not a text file", m)));
        if let Some((detail, m)) = unusable {
            let kind = FindingKind::MalformedCsv {
                detail: detail.to_owned(),
            };
            return Err(Finding::fatal(Loc::sheet(sheet), kind, m));
        }
        let (text, note) = decode(bytes);
        if let Some(n) = note {
            notes.push(Finding::note(Loc::sheet(sheet), FindingKind::NotUtf8, n));
        }
        sheets.push(parse(sheet, &text)?);
    }
    Ok(Book {
        source: Source::CsvFolder,
        sheets,
        notes,
    })
}

/// The sheet a CSV file stands for: its name without folders and without `.csv`.
pub fn sheet_of_file(file: &str) -> &str {
    let base = file.rsplit(['/', '\\']).next().unwrap_or(file);
    match base.len().checked_sub(4) {
        Some(i) if base.is_char_boundary(i) && base[i..].eq_ignore_ascii_case(".csv") => &base[..i],
        _ => base,
    }
}

/// Whether a file name ends in `.csv` (any case).
pub fn is_csv_name(file: &str) -> bool {
    sheet_of_file(file).len() != file.rsplit(['/', '\\']).next().unwrap_or(file).len()
}

/// Text from UTF-8 (with or without byte-order mark), UTF-16 with byte-order mark, or
/// Windows-1252, with a note when it was not UTF-8.
pub fn decode(bytes: &[u8]) -> (String, Option<crate::Msg>) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        if let Ok(s) = std::str::from_utf8(rest) {
            return (s.to_owned(), None);
        }
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return (s.to_owned(), None);
    }
    let utf16 = |rest: &[u8], le: bool| -> String {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| {
                if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            })
            .collect();
        String::from_utf16_lossy(&units)
    };
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return (utf16(rest, true), None);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return (utf16(rest, false), None);
    }
    let text = bytes.iter().map(|&b| cp1252(b)).collect();
    (
        text,
        Some(msg!(
            "Die Datei ist nicht UTF-8-kodiert; sie wurde als Windows-1252 (ANSI) gelesen. Bitte Umlaute prüfen und künftig „CSV UTF-8“ speichern.",
            "The file is not UTF-8; it was read as Windows-1252 (ANSI). Please check umlauts and save as \"CSV UTF-8\" in future.",
        )),
    )
}

/// A file cut off in the middle of a character: UTF-8 whose only flaw is an incomplete
/// sequence at the very end, or UTF-16 with an odd number of bytes. Both happen when saving or
/// copying was interrupted; reading on would take a cut file for the whole sheet.
fn truncated_encoding(bytes: &[u8]) -> Option<crate::Msg> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let cut_utf8 = matches!(std::str::from_utf8(body), Err(e) if e.error_len().is_none());
    let utf16 = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
    (cut_utf8 || (utf16 && bytes.len() % 2 == 1)).then(|| {
        msg!(
            "Die Datei endet mitten in einem Zeichen – sie ist unvollständig (Speichern oder Kopieren abgebrochen?). Nichts wurde übernommen; bitte die Datei neu speichern.",
            "The file ends in the middle of a character – it is incomplete (saving or copying interrupted?). Nothing was taken; please save the file again.",
        )
    })
}

/// A file that is not text at all (a workbook or image renamed to .csv): NUL bytes, which no
/// CSV text holds, outside UTF-16.
fn binary(bytes: &[u8]) -> Option<crate::Msg> {
    let utf16 = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
    (!utf16 && bytes.contains(&0)).then(|| {
        let kind = if bytes.starts_with(b"PK\x03\x04") {
            " (eine ZIP-Datei, z. B. eine umbenannte Arbeitsmappe)"
        } else {
            ""
        };
        let kind_en = if kind.is_empty() {
            ""
        } else {
            " (a ZIP file, e.g. a renamed workbook)"
        };
        msg!(
            "Die Datei ist keine CSV-Textdatei{kind}. Nichts wurde übernommen.",
            "The file is not a CSV text file{kind_en}. Nothing was taken.",
        )
    })
}

/// The line where a quoted field starts that the text never closes, i.e. the file ends inside
/// quotes: it was cut off (a CSV reader would take the rest of the file as one cell).
fn unclosed_quote(text: &str, delimiter: u8) -> Option<u32> {
    let (mut line, mut opened_at) = (1u32, 0u32);
    let (mut in_quotes, mut field_start) = (false, true);
    let mut bytes = text.bytes().peekable();
    while let Some(b) = bytes.next() {
        if b == b'\n' {
            line += 1;
        }
        if in_quotes {
            if b == b'"' {
                if bytes.peek() == Some(&b'"') {
                    bytes.next();
                } else {
                    in_quotes = false;
                }
            }
            continue;
        }
        if field_start && b == b'"' {
            in_quotes = true;
            opened_at = line;
        }
        field_start = b == delimiter || b == b'\n' || b == b'\r';
    }
    in_quotes.then_some(opened_at)
}

fn cp1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

/// The separator of a CSV text: the most frequent of `;`, `,` and tab in its first line.
fn delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    let count = |c: char| first.matches(c).count();
    [(b';', count(';')), (b'\t', count('\t')), (b',', count(','))]
        .into_iter()
        .max_by_key(|(d, n)| (*n, *d == b';'))
        .map_or(b';', |(d, _)| d)
}

/// Parses one CSV text into a sheet; rows are numbered by their line in the file.
pub fn parse(sheet: &str, text: &str) -> Result<Grid, Finding> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let delim = delimiter(text);
    if let Some(line) = unclosed_quote(text, delim) {
        return Err(Finding::fatal(
            Loc::row(sheet, line),
            FindingKind::MalformedCsv {
                detail: format!("ends inside a quoted field opened on line {line}"),
            },
            msg!(
                "Die CSV-Datei endet in einem Feld in Anführungszeichen, das in Zeile {line} beginnt und nie geschlossen wird – sie ist vermutlich abgeschnitten (Speichern oder Kopieren abgebrochen?). Nichts wurde übernommen; bitte die Datei neu speichern.",
                "The CSV file ends inside a quoted field that starts on line {line} and is never closed – it was probably cut off (saving or copying interrupted?). Nothing was taken; please save the file again.",
            ),
        ));
    }
    let mut r = csv::ReaderBuilder::new()
        .delimiter(delim)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut grid = Grid {
        name: sheet.to_owned(),
        rows: Vec::new(),
    };
    let mut rec = csv::StringRecord::new();
    let bytes = text.as_bytes();
    let (mut seen, mut newlines) = (0usize, 0u32);
    loop {
        // A record starts after the line break(s) at the reader's position (the reader stops
        // between "\r" and "\n"); a quoted field may span lines, so records are not lines.
        let mut start = (r.position().byte() as usize).min(bytes.len());
        while matches!(bytes.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        newlines += bytes[seen.min(start)..start]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u32;
        seen = seen.max(start);
        let number = newlines + 1;
        match r.read_record(&mut rec) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                return Err(Finding::fatal(
                    Loc::row(sheet, number),
                    FindingKind::MalformedCsv {
                        detail: e.to_string(),
                    },
                    msg!(
                        "Die CSV-Datei ist fehlerhaft ({e}).",
                        "The CSV file is malformed ({e}).",
                    ),
                ))
            }
        }
        if grid.rows.len() as u32 >= super::read::MAX_ROWS {
            break;
        }
        let cells = rec
            .iter()
            .take(super::read::MAX_COLS as usize)
            .map(|f| {
                if f.is_empty() {
                    Cell::Empty
                } else {
                    Cell::Text(core_csv::restore(f))
                }
            })
            .collect();
        grid.rows.push(GridRow { number, cells });
    }
    Ok(grid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_german_excel_writes() {
        let bytes = b"Kennung;Titel (de)\r\nM-1;Gr\xfc\xdfe\r\n";
        let (text, note) = decode(bytes);
        assert!(note.is_some());
        let g = parse("Maßnahmen", &text).unwrap();
        assert_eq!(g.rows[1].cells[1], Cell::Text("Grüße".into()));
        assert_eq!(g.rows[1].number, 2, "{g:?}");
    }

    #[test]
    fn a_file_cut_inside_quotes_is_fatal_and_names_the_line() {
        let e = parse("Maßnahmen", "Kennung;Titel\nM-1;\"ein\nlanger \"\"Titel").unwrap_err();
        assert_eq!(e.loc.row, Some(2));
        assert!(e.msg.de.contains("abgeschnitten"), "{}", e.msg.de);
        // Closed quotes, doubled quotes and a quote inside an unquoted field are fine.
        assert!(parse("M", "a;\"b;\"\"c\"\"\"\nx;5\" Bildschirm\n").is_ok());
        assert!(parse("M", "a,\"b\"\r\n\"\",c").is_ok());
    }

    #[test]
    fn a_file_cut_inside_a_character_or_not_text_is_refused() {
        let cut = "Kennung;Titel\nM-1;Grü".as_bytes();
        let e = read_files(&[("Maßnahmen.csv".into(), cut[..cut.len() - 1].to_vec())]).unwrap_err();
        assert!(e.msg.de.contains("mitten in einem Zeichen"), "{}", e.msg.de);
        let e = read_files(&[("Maßnahmen.csv".into(), b"\xFF\xFEK\0e".to_vec())]).unwrap_err();
        assert!(e.msg.de.contains("mitten in einem Zeichen"), "{}", e.msg.de);
        let e = read_files(&[("Maßnahmen.csv".into(), b"PK\x03\x04\0\0".to_vec())]).unwrap_err();
        assert!(e.msg.de.contains("keine CSV-Textdatei"), "{}", e.msg.de);
        // Windows-1252 is not taken for a cut file.
        assert!(
            read_files(&[("M.csv".into(), b"Kennung;Titel\nM-1;Gr\xfc\xdfe\n".to_vec())]).is_ok()
        );
    }

    #[test]
    fn finds_the_separator() {
        assert_eq!(delimiter("a;b;c"), b';');
        assert_eq!(delimiter("a,b,c"), b',');
        assert_eq!(delimiter("a\tb"), b'\t');
        assert_eq!(delimiter("a"), b';');
    }
}
