//! Wegmarke's spreadsheet side, for the staff tool and the Datenwerkstatt page alike: one table model shared by the xlsx writer, the
//! xlsx/ods reader and CSV, the sheet definitions, and the conversion between the three JSON
//! files and the sheets.
//!
//! - [`sheets`]: which sheets and columns exist, with German headers, explanations and word lists
//! - [`export`]: data files -> tables (also the template)
//! - [`import`]: tables -> data files, with every problem located at sheet, row and column
//! - [`xlsx`], [`read`], [`csv`]: the file formats
//! - [`removals`]: what an import would take away from the published data
//! - [`json`]: the canonical JSON text the data files are written in

// Errors are located findings with messages in two languages; they are built once per problem,
// never in a hot loop, so their size does not matter.
#![allow(clippy::result_large_err)]

pub mod check;
pub mod csv;
pub mod export;
pub mod import;
pub mod json;
mod kind;
mod msg;
pub mod read;
pub mod removals;
pub mod sheets;
pub mod xlsx;

use std::fmt;

pub use kind::FindingKind;
pub use msg::{Lang, Msg};

/// One cell, independent of the file format.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// An integer (also what calamine reports for some numbers).
    Int(i64),
    Bool(bool),
    /// A value the spreadsheet program stored as a date, as `YYYY-MM-DD` (time of day cut).
    Date(String),
    /// An error value such as `#NV`.
    Error(String),
}

impl Cell {
    /// Whether the cell holds nothing (an empty string counts as nothing).
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.is_empty(),
            _ => false,
        }
    }
}

/// How a column looks and what a spreadsheet program offers when typing into it.
#[derive(Clone, Debug, PartialEq)]
pub enum Style {
    /// An id: short text.
    Id,
    /// A text; `long` for descriptions.
    Text {
        long: bool,
    },
    Number,
    Integer,
    /// A date or period, kept as text so "2023-06" stays "2023-06".
    Date,
    /// One of the given words (a drop-down list).
    Choice(Vec<String>),
    /// The id of a row in another sheet (a drop-down list over that sheet's first column).
    Ref {
        sheet: String,
        column: String,
    },
    /// Several ids or words in one cell.
    List,
    /// Unknown fields as JSON (kept, rarely edited).
    Json,
    /// A label that explains a row (the Plan sheet's first columns).
    Label,
}

/// A column of a table to write.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub header: String,
    pub explain: String,
    pub style: Style,
    pub required: bool,
}

/// A table to write: one sheet, or one CSV file.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub name: String,
    /// One sentence on what the sheet holds.
    pub about: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
    /// Which data file the sheet belongs to (for the tab colour).
    pub file: &'static str,
}

/// A sheet as read: the rows that hold anything, with their numbers in the sheet.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Grid {
    pub name: String,
    pub rows: Vec<GridRow>,
}

/// One read row: its 1-based number in the sheet (or line in the CSV file) and its cells from
/// column A on.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GridRow {
    pub number: u32,
    pub cells: Vec<Cell>,
}

impl GridRow {
    /// The cell in a 0-based column (empty beyond the row's end).
    pub fn cell(&self, col: u32) -> &Cell {
        self.cells.get(col as usize).unwrap_or(&Cell::Empty)
    }

    /// Whether every cell is empty.
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(Cell::is_empty)
    }
}

/// The column letters of a 0-based column: 0 -> A, 26 -> AA.
pub fn column_letter(col: u32) -> String {
    let mut n = col as u64 + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        out.push(b'A' + rem);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Where something is in a workbook.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Loc {
    /// Sheet name, CSV file or workbook; empty when the finding is about the whole run.
    pub sheet: String,
    /// 1-based row number.
    pub row: Option<u32>,
    /// 0-based column.
    pub col: Option<u32>,
    /// The header of the column, shown to help find it.
    pub header: Option<String>,
}

impl Loc {
    /// A whole sheet (or file).
    pub fn sheet(sheet: &str) -> Loc {
        Loc {
            sheet: sheet.to_owned(),
            ..Loc::default()
        }
    }

    /// One row of a sheet.
    pub fn row(sheet: &str, row: u32) -> Loc {
        Loc {
            sheet: sheet.to_owned(),
            row: Some(row),
            ..Loc::default()
        }
    }

    /// One cell.
    pub fn cell(sheet: &str, row: u32, col: u32, header: &str) -> Loc {
        Loc {
            sheet: sheet.to_owned(),
            row: Some(row),
            col: Some(col),
            header: Some(header.to_owned()),
        }
    }

    /// `A14`-style reference, when row and column are known.
    pub fn cell_ref(&self) -> Option<String> {
        match (self.row, self.col) {
            (Some(r), Some(c)) => Some(format!("{}{r}", column_letter(c))),
            _ => None,
        }
    }

    /// `Maßnahmen!C14 (Ziele)`, `Maßnahmen, Zeile 14`, `Maßnahmen`.
    pub fn display(&self, lang: Lang) -> String {
        let mut s = self.sheet.clone();
        match (self.cell_ref(), self.row) {
            (Some(r), _) => {
                s.push('!');
                s.push_str(&r);
                if let Some(h) = &self.header {
                    s.push_str(&format!(" ({h})"));
                }
            }
            (None, Some(row)) => s.push_str(&format!(", {} {row}", lang.pick("Zeile", "row"))),
            (None, None) => {}
        }
        s
    }
}

/// How bad a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Nothing is written.
    Fatal,
    /// The files are written; the app leaves the entry out or flags it (exit code 1).
    Problem,
    /// For information only.
    Note,
}

/// One located finding of an import or export.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub level: Level,
    pub loc: Loc,
    /// What the finding is about, as data: code tells findings apart by this, never by the
    /// message.
    pub kind: FindingKind,
    pub msg: Msg,
    /// For problems the core validation found: the data file and JSON path.
    pub json: Option<(String, String)>,
}

impl Finding {
    /// A finding of a level.
    pub fn new(level: Level, loc: Loc, kind: FindingKind, msg: Msg) -> Finding {
        Finding {
            level,
            loc,
            kind,
            msg,
            json: None,
        }
    }

    /// Nothing is written.
    pub fn fatal(loc: Loc, kind: FindingKind, msg: Msg) -> Finding {
        Finding::new(Level::Fatal, loc, kind, msg)
    }

    /// Written, but the app leaves the entry out or flags it.
    pub fn problem(loc: Loc, kind: FindingKind, msg: Msg) -> Finding {
        Finding::new(Level::Problem, loc, kind, msg)
    }

    /// For information.
    pub fn note(loc: Loc, kind: FindingKind, msg: Msg) -> Finding {
        Finding::new(Level::Note, loc, kind, msg)
    }

    /// `Maßnahmen!C14 (Ziele): unbekanntes Ziel "sprache-9"`.
    pub fn to_line(&self, lang: Lang) -> String {
        let loc = self.loc.display(lang);
        if loc.is_empty() {
            self.msg.get(lang).to_owned()
        } else {
            format!("{loc}: {}", self.msg.get(lang))
        }
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_line(Lang::De))
    }
}

/// Whether any finding is fatal.
pub fn any_fatal(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.level == Level::Fatal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(2), "C");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }

    #[test]
    fn locations_read_like_spreadsheet_references() {
        let l = Loc::cell("Maßnahmen", 14, 2, "Ziele");
        assert_eq!(l.display(Lang::De), "Maßnahmen!C14 (Ziele)");
        assert_eq!(Loc::row("Werte", 3).display(Lang::En), "Werte, row 3");
    }
}
