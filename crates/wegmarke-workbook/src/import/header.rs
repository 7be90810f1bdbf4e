//! The top of an entity sheet: which column holds which field (also "Titel (en)" for one
//! language of a text), the explanation row the template puts under the headers, and finding
//! a sheet by a name spelled a little differently.

use std::collections::HashMap;

use super::cells::{cell_text, text_value, Converted, Issue};
use crate::export::representable_language;
use crate::msg;
use crate::sheets::{normalize, Kind, SheetSpec, EXTRA_EXPLAIN, EXTRA_HEADER};
use crate::{column_letter, Cell, Finding, FindingKind, Grid, GridRow, Loc};

/// Which columns hold a field.
#[derive(Clone, Debug, Default)]
pub(super) struct FieldCols {
    /// The column without language (for non-text fields: the column).
    pub(super) plain: Option<(u32, String)>,
    pub(super) langs: Vec<(String, u32, String)>,
}

impl FieldCols {
    pub(super) fn present(&self) -> bool {
        self.plain.is_some() || !self.langs.is_empty()
    }
}

/// The columns of one entity sheet.
#[derive(Clone, Debug, Default)]
pub(super) struct Header {
    pub(super) row: u32,
    pub(super) keys: Vec<Option<(u32, String)>>,
    pub(super) fields: Vec<FieldCols>,
    pub(super) extras: Option<(u32, String)>,
    pub(super) unknown: Vec<(u32, String)>,
}

/// A header cell's text, trimmed (empty for anything that is no text).
pub(super) fn header_text(cell: &Cell) -> String {
    cell_text(cell)
        .ok()
        .flatten()
        .unwrap_or_default()
        .trim()
        .to_owned()
}

/// Splits "Titel (de)" into ("Titel", "de").
pub(super) fn split_lang(h: &str) -> Option<(&str, &str)> {
    let inner = h.strip_suffix(')')?;
    let (base, lang) = inner.rsplit_once('(')?;
    let (base, lang) = (base.trim(), lang.trim());
    (!base.is_empty() && representable_language(lang)).then_some((base, lang))
}

fn matches_header(h: &str, header: &str, path: &str) -> bool {
    let n = normalize(h);
    n == normalize(header) || n == normalize(path)
}

/// Which column holds which key, field, language of a text, or unknown fields; a header that
/// appears twice is fatal.
pub(super) fn read_header(spec: &SheetSpec, row: &GridRow, findings: &mut Vec<Finding>) -> Header {
    let mut hdr = Header {
        row: row.number,
        keys: vec![None; spec.keys.len()],
        fields: vec![FieldCols::default(); spec.fields.len()],
        ..Header::default()
    };
    let mut seen: HashMap<String, u32> = HashMap::new();
    for (c, cell) in row.cells.iter().enumerate() {
        let c = c as u32;
        let h = header_text(cell);
        if h.is_empty() {
            continue;
        }
        if let Some(first) = seen.insert(normalize(&h), c) {
            let first = column_letter(first);
            findings.push(Finding::fatal(
                Loc::cell(spec.name, row.number, c, &h),
                FindingKind::DuplicateColumn { column: h.clone() },
                msg!(
                    "Die Spalte „{h}“ kommt doppelt vor (zuerst in Spalte {first}).",
                    "The column \"{h}\" appears twice (first in column {first}).",
                ),
            ));
            continue;
        }
        if let Some(i) = spec
            .keys
            .iter()
            .position(|k| normalize(k.header) == normalize(&h))
        {
            hdr.keys[i] = Some((c, h));
        } else if let Some(i) = spec
            .fields
            .iter()
            .position(|f| matches_header(&h, f.header, f.path))
        {
            hdr.fields[i].plain = Some((c, h));
        } else if matches_header(&h, EXTRA_HEADER, "extra") {
            hdr.extras = Some((c, h));
        } else if let Some((i, lang)) = split_lang(&h).and_then(|(base, lang)| {
            spec.fields
                .iter()
                .position(|f| {
                    matches!(f.kind, Kind::Text { .. }) && matches_header(base, f.header, f.path)
                })
                .map(|i| (i, lang.to_owned()))
        }) {
            hdr.fields[i].langs.push((lang, c, h));
        } else {
            hdr.unknown.push((c, h));
        }
    }
    hdr
}

/// The explanation the writer puts under a header, to recognise (and skip) that row.
pub(super) fn is_explanation_row(spec: &SheetSpec, hdr: &Header, row: &GridRow) -> bool {
    let expected = |c: u32| -> Vec<String> {
        let mut out = Vec::new();
        for (i, k) in hdr.keys.iter().enumerate() {
            if k.as_ref().is_some_and(|(col, _)| *col == c) {
                out.push(spec.keys[i].explain.to_owned());
            }
        }
        for (i, fc) in hdr.fields.iter().enumerate() {
            let f = &spec.fields[i];
            if fc.plain.as_ref().is_some_and(|(col, _)| *col == c) {
                out.push(f.explanation());
                out.push(format!(
                    "{} Text ohne Sprachangabe (gilt in der Standardsprache).",
                    f.explain
                ));
            }
            for (lang, col, _) in &fc.langs {
                if *col == c {
                    out.push(format!("{} Sprache: {lang}.", f.explain));
                }
            }
        }
        if hdr.extras.as_ref().is_some_and(|(col, _)| *col == c) {
            out.push(EXTRA_EXPLAIN.to_owned());
        }
        out
    };
    row.cells.iter().enumerate().any(|(c, cell)| match cell {
        Cell::Text(t) if !t.is_empty() => expected(c as u32).iter().any(|e| e == t),
        _ => false,
    })
}

/// A sheet by name: exact, else ignoring case, spaces and umlaut spelling.
pub fn find_sheet<'a>(book: &'a [Grid], name: &str) -> Option<&'a Grid> {
    book.iter()
        .find(|g| g.name == name)
        .or_else(|| book.iter().find(|g| fold_name(&g.name) == fold_name(name)))
}

/// "Maßnahmen" and "massnahmen" are the same sheet (CSV file names are often folded).
pub fn fold_name(s: &str) -> String {
    normalize(s)
        .replace('ß', "ss")
        .replace('ä', "ae")
        .replace('ö', "oe")
        .replace('ü', "ue")
}
/// The column of a field that has content (for locating problems), else its first column.
pub(super) fn first_filled(fc: &FieldCols, r: &GridRow) -> (u32, String) {
    let all: Vec<(u32, &String)> = fc
        .plain
        .iter()
        .map(|(c, h)| (*c, h))
        .chain(fc.langs.iter().map(|(_, c, h)| (*c, h)))
        .collect();
    all.iter()
        .find(|(c, _)| !r.cell(*c).is_empty())
        .or(all.first())
        .map(|(c, h)| (*c, (*h).clone()))
        .unwrap_or_default()
}

/// A cell that could not be read: its column, header and why.
pub(super) type CellError = (u32, String, Issue);

/// A text field from its column without language and its language columns.
pub(super) fn read_text(
    fc: &FieldCols,
    r: &GridRow,
    default_lang: &str,
) -> Result<Converted, CellError> {
    let text_of = |c: u32, h: &String| cell_text(r.cell(c)).map_err(|m| (c, h.clone(), m));
    let plain = match &fc.plain {
        Some((c, h)) => text_of(*c, h)?,
        None => None,
    };
    let mut langs = Vec::new();
    for (l, c, h) in &fc.langs {
        if let Some(t) = text_of(*c, h)? {
            langs.push((l.clone(), t));
        }
    }
    let at = fc
        .plain
        .clone()
        .or_else(|| fc.langs.first().map(|(_, c, h)| (*c, h.clone())))
        .unwrap_or_default();
    text_value(plain, langs, default_lang)
        .map(|v| (v, None))
        .map_err(|m| (at.0, at.1, m))
}
