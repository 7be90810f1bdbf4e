//! Writing the workbook as .xlsx (rust_xlsxwriter): an instructions sheet, then one sheet per
//! table with a bold header row, an explanation row, frozen headers, column widths, text
//! format for dates and ids (so "2023-06" is not turned into a date), and drop-down lists.
//! Numbers are written as numbers with their shortest exact digits, so they read back exactly.

use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, Format, FormatAlign, FormatBorder, Formula,
    Workbook, Worksheet, XlsxError,
};

use wegmarke_core::{MEASURES_FILE, PLAN_FILE};

use super::sheets::{GUIDE_SHEET, NO, STATUS, YES};
use super::{column_letter, Cell, Finding, FindingKind, Loc, Style, Table};
use crate::msg;

/// Rows below the data that still get drop-downs, for new entries.
const SPARE_ROWS: u32 = 500;
/// Excel's limit for the text of one cell.
pub const MAX_CELL_CHARS: usize = 32_767;
/// Largest integer a spreadsheet number holds exactly; larger ones are written as text.
const MAX_EXACT_INT: i64 = 1 << 53;

const BLUE: u32 = 0x00509B;

/// The workbook as bytes.
pub fn to_bytes(tables: &[Table]) -> Result<Vec<u8>, Finding> {
    let mut wb = Workbook::new();
    guide(wb.add_worksheet(), tables).map_err(internal)?;
    let rows = |name: &str| {
        tables
            .iter()
            .find(|t| t.name == name)
            .map_or(0, |t| t.rows.len() as u32)
    };
    for t in tables {
        let ws = wb.add_worksheet();
        sheet(ws, t, &rows)?;
    }
    wb.save_to_buffer().map_err(internal)
}

fn internal(e: XlsxError) -> Finding {
    Finding::fatal(
        Loc::default(),
        FindingKind::WriteFailed {
            detail: e.to_string(),
        },
        msg!(
            "Die Arbeitsmappe konnte nicht erzeugt werden ({e}).",
            "The workbook could not be created ({e}).",
        ),
    )
}

fn header_format() -> Format {
    Format::new()
        .set_bold()
        .set_font_color(Color::White)
        .set_background_color(Color::RGB(BLUE))
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin)
        .set_border_color(Color::RGB(0xBFBFBF))
}

fn explain_format() -> Format {
    Format::new()
        .set_italic()
        .set_font_size(9)
        .set_font_color(Color::RGB(0x404040))
        .set_background_color(Color::RGB(0xEEF3F8))
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin)
        .set_border_color(Color::RGB(0xBFBFBF))
}

fn width(style: &Style) -> f64 {
    match style {
        Style::Id => 16.0,
        Style::Text { long: true } => 48.0,
        Style::Text { long: false } => 34.0,
        Style::Number | Style::Integer => 12.0,
        Style::Date => 13.0,
        Style::Choice(_) => 20.0,
        Style::Ref { .. } => 16.0,
        Style::List => 24.0,
        Style::Json => 30.0,
        Style::Label => 24.0,
    }
}

/// Text-formatted columns keep what staff type as text.
fn is_text_column(style: &Style) -> bool {
    !matches!(style, Style::Number | Style::Integer)
}

/// One sheet; `rows_of` gives the number of data rows of another sheet (for drop-downs that
/// list its ids).
fn sheet(ws: &mut Worksheet, t: &Table, rows_of: &dyn Fn(&str) -> u32) -> Result<(), Finding> {
    let fail = |e: XlsxError| internal(e);
    ws.set_name(&t.name).map_err(fail)?;
    ws.set_tab_color(Color::RGB(match t.file {
        PLAN_FILE => BLUE,
        MEASURES_FILE => 0x2E7D32,
        _ => 0xB45F06,
    }));
    let head = header_format();
    let explain = explain_format();
    let text = Format::new()
        .set_num_format("@")
        .set_align(FormatAlign::Top);
    // Numbers keep a little room on the right, so they do not touch the text next to them.
    let plain = Format::new()
        .set_align(FormatAlign::Top)
        .set_align(FormatAlign::Right)
        .set_indent(1);
    let label = Format::new()
        .set_num_format("@")
        .set_font_color(Color::RGB(0x404040))
        .set_align(FormatAlign::Top);
    let key_value = t.name == super::sheets::PLAN_SHEET;
    let col_width = |col: &super::Column| {
        if key_value && col.header == super::sheets::PLAN_EXPLAIN {
            return 66.0;
        }
        // Wide enough that no word of the bold header is broken.
        let longest = col
            .header
            .split_whitespace()
            .map(|w| w.chars().count())
            .max()
            .unwrap_or(0);
        width(&col.style).max(longest as f64 * 1.15 + 2.0)
    };
    // The explanation row is as tall as its longest wrapped text (9 pt italic fits about 1.15
    // characters per unit of column width).
    let lines = t
        .columns
        .iter()
        .map(|c| (c.explain.chars().count() as f64 / (col_width(c) * 1.15)).ceil())
        .fold(1.0, f64::max);
    ws.set_row_height(0, 32).map_err(fail)?;
    ws.set_row_height(1, (lines * 12.0 + 4.0).clamp(24.0, 120.0))
        .map_err(fail)?;
    for (c, col) in t.columns.iter().enumerate() {
        let c = c as u16;
        ws.write_string_with_format(0, c, &col.header, &head)
            .map_err(fail)?;
        ws.write_string_with_format(1, c, &col.explain, &explain)
            .map_err(fail)?;
        ws.set_column_width(c, col_width(col)).map_err(fail)?;
        let fmt = match col.style {
            Style::Label => &label,
            ref s if is_text_column(s) => &text,
            _ => &plain,
        };
        ws.set_column_format(c, fmt).map_err(fail)?;
    }
    let last_row = t.rows.len() as u32 + 1 + SPARE_ROWS;
    for (r, row) in t.rows.iter().enumerate() {
        let r = r as u32 + 2;
        for (c, cell) in row.iter().enumerate() {
            let Some(col) = t.columns.get(c) else {
                continue;
            };
            let fmt = if col.style == Style::Label {
                &label
            } else if is_text_column(&col.style) {
                &text
            } else {
                &plain
            };
            let c16 = c as u16;
            let too_long = |s: &str| {
                if s.chars().count() > MAX_CELL_CHARS {
                    let cell = format!("{}{}", column_letter(c as u32), r + 1);
                    let sheet = &t.name;
                    Err(Finding::fatal(
                        Loc::sheet(sheet),
                        FindingKind::CellTooLong {
                            cell: format!("{sheet}!{cell}"),
                        },
                        msg!(
                            "Der Text für {sheet}!{cell} ist länger als die {MAX_CELL_CHARS} Zeichen, die eine Excel-Zelle fasst. Bitte als CSV exportieren (--csv).",
                            "The text for {sheet}!{cell} is longer than the {MAX_CELL_CHARS} characters an Excel cell holds. Please export as CSV (--csv).",
                        ),
                    ))
                } else {
                    Ok(())
                }
            };
            match cell {
                Cell::Empty => {}
                Cell::Text(s) | Cell::Date(s) | Cell::Error(s) => {
                    too_long(s)?;
                    ws.write_string_with_format(r, c16, s, fmt).map_err(fail)?;
                }
                Cell::Number(f) => {
                    ws.write_number_with_format(r, c16, *f, fmt).map_err(fail)?;
                }
                Cell::Int(i) if i.abs() <= MAX_EXACT_INT => {
                    ws.write_number_with_format(r, c16, *i as f64, fmt)
                        .map_err(fail)?;
                }
                Cell::Int(i) => {
                    ws.write_string_with_format(r, c16, i.to_string(), &text)
                        .map_err(fail)?;
                }
                Cell::Bool(b) => {
                    ws.write_string_with_format(r, c16, if *b { YES } else { NO }, fmt)
                        .map_err(fail)?;
                }
            }
        }
    }
    for (c, col) in t.columns.iter().enumerate() {
        let c = c as u16;
        let v = match &col.style {
            Style::Choice(words) => Some(
                DataValidation::new()
                    .allow_list_strings(words)
                    .map_err(fail)?
                    .set_error_title("Ungültiger Wert")
                    .map_err(fail)?
                    .set_error_message("Bitte einen Wert aus der Liste wählen.")
                    .map_err(fail)?,
            ),
            Style::Ref { sheet, column } => {
                let end = rows_of(sheet) + 2 + SPARE_ROWS;
                let formula = format!("='{sheet}'!${column}$3:${column}${end}");
                Some(
                    DataValidation::new()
                        .allow_list_formula(Formula::new(formula))
                        .set_error_style(DataValidationErrorStyle::Warning)
                        .set_error_title("Unbekannte Kennung")
                        .map_err(fail)?
                        .set_error_message(format!(
                            "Diese Kennung steht (noch) nicht im Blatt {sheet}."
                        ))
                        .map_err(fail)?,
                )
            }
            _ => None,
        };
        if let Some(v) = v {
            ws.add_data_validation(2, c, last_row, c, &v)
                .map_err(fail)?;
        }
    }
    ws.set_freeze_panes(2, 1).map_err(fail)?;
    ws.set_landscape();
    // Printed, the two header rows repeat on every page.
    ws.set_repeat_rows(0, 1).map_err(fail)?;
    Ok(())
}

/// The first sheet: what the workbook is and how to use it.
fn guide(ws: &mut Worksheet, tables: &[Table]) -> Result<(), XlsxError> {
    ws.set_name(GUIDE_SHEET)?;
    ws.set_tab_color(Color::RGB(0x7F7F7F));
    let title = Format::new()
        .set_bold()
        .set_font_size(16)
        .set_font_color(Color::RGB(BLUE));
    let bold = Format::new().set_bold().set_align(FormatAlign::Top);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let top = Format::new().set_align(FormatAlign::Top);
    ws.set_column_width(0, 28)?;
    ws.set_column_width(1, 100)?;
    ws.write_string_with_format(0, 0, "Wegmarke – Daten pflegen", &title)?;
    let steps = [
        ("1. Exportieren", "wegmarke-daten export public/data -o plan.xlsx – oder diese Vorlage verwenden."),
        ("2. Bearbeiten", "Eine Zeile je Eintrag. Zeile 1: Spaltenname, Zeile 2: Erläuterung. Die Auswahllisten nutzen. Spalten nicht umbenennen."),
        ("3. Speichern", "Als .xlsx oder .ods speichern (kein Kennwortschutz)."),
        ("4. Importieren", "wegmarke-daten import plan.xlsx -o public/data – Probleme werden mit Blatt und Zelle gemeldet, z. B. Maßnahmen!C14."),
        ("5. Prüfen und veröffentlichen", "wegmarke-daten validate public/data – dann die drei Dateien hochladen."),
    ];
    let mut r = 2;
    for (a, b) in steps {
        ws.write_string_with_format(r, 0, a, &bold)?;
        wrapped(ws, r, 1, b, &wrap)?;
        r += 1;
    }
    r += 1;
    ws.write_string_with_format(r, 0, "Regeln", &bold)?;
    r += 1;
    let rules = [
        "Texte: eine Spalte je Sprache, z. B. „Titel (de)“ und „Titel (en)“. Eine Spalte ohne Sprache (z. B. „Beschreibung“) gilt für die Standardsprache.",
        "Daten: 2025-06-30, 2025-06 oder 2025. Zeiträume zusätzlich 2025-H1 und 2025-Q2. Die Spalten sind als Text formatiert.",
        "Zahlen: ohne Tausenderpunkte; Komma oder Punkt als Dezimalzeichen.",
        "Listen (Ziele, Partner, Indikatoren): Kennungen mit Komma getrennt. Zielgruppen und Stadtteile: mit Semikolon getrennt.",
        "„Weitere Felder (JSON)“: Angaben, die dieses Werkzeug nicht kennt. Bitte nicht ändern.",
        "Fehlt eine Spalte oder ein Blatt, bleibt beim Import der bisherige Inhalt der JSON-Dateien erhalten.",
    ];
    for rule in rules {
        wrapped(ws, r, 1, rule, &wrap)?;
        r += 1;
    }
    r += 1;
    ws.write_string_with_format(r, 0, "Blätter", &bold)?;
    r += 1;
    for t in tables {
        ws.write_string_with_format(r, 0, &t.name, &top)?;
        wrapped(ws, r, 1, &t.about, &wrap)?;
        r += 1;
    }
    r += 1;
    ws.write_string_with_format(r, 0, "Status", &bold)?;
    r += 1;
    for (code, de) in STATUS.entries() {
        ws.write_string(r, 0, de)?;
        ws.write_string(r, 1, format!("(im JSON: {code})"))?;
        r += 1;
    }
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    Ok(())
}

/// Writes a wrapped text and makes its row tall enough (spreadsheet programs do not always
/// grow rows written by a program).
fn wrapped(ws: &mut Worksheet, r: u32, c: u16, text: &str, fmt: &Format) -> Result<(), XlsxError> {
    const CHARS_PER_LINE: usize = 125;
    let lines = text.chars().count().div_ceil(CHARS_PER_LINE).max(1);
    ws.write_string_with_format(r, c, text, fmt)?;
    if lines > 1 {
        ws.set_row_height(r, 15.0 * lines as f64)?;
    }
    Ok(())
}
