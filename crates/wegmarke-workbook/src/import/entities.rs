//! The entity sheets (fields of action, goals, actors, reports, measures, indicators) and their
//! children (milestones, updates, links; series and their values): rows are read cell by cell,
//! completed from the existing entries, checked against the contract types, and children are
//! put into their parents.

use std::collections::HashMap;

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use wegmarke_core::INDICATORS_FILE;

use super::cells::{cell_text, convert_in, number_value, set_path, trim_id, Decimal, Reading};
use super::ctx::{missing_sheet_note, Ctx};
use super::header::{
    find_sheet, first_filled, is_explanation_row, read_header, read_text, FieldCols, Header,
};
use super::locate::Locator;
use super::merge::{array_of, pick_existing, restore, Matcher};
use crate::export::get_path;
use crate::msg;
use crate::sheets::{FieldSpec, Kind, SheetSpec, DISTRICT_VALUES, INDICATORS, SERIES, VALUES};
use crate::{Cell, Finding, FindingKind, Grid, GridRow, Loc};

/// One entity row as read.
#[derive(Clone, Debug, Default)]
pub(super) struct Row {
    pub(super) number: u32,
    pub(super) keys: Vec<String>,
    pub(super) obj: Map<String, Value>,
    /// The unknown-fields cell: `None` when the sheet has no such column.
    pub(super) extras: Option<Map<String, Value>>,
    /// Field path -> (column, header) that held it.
    pub(super) cols: Vec<(&'static str, u32, String)>,
    /// Percentages read from fractions (field, the cell's fraction, the note), decided when
    /// the existing entry is known.
    pub(super) fractions: Vec<(&'static str, f64, Finding)>,
    /// Whether the row converted without a fatal finding.
    pub(super) ok: bool,
}

/// A row and the existing entry it was matched with.
pub(super) type Entry = (Row, Option<Map<String, Value>>);

/// One entity sheet as read.
#[derive(Clone, Debug, Default)]
pub(super) struct Sheet {
    pub(super) present: bool,
    pub(super) hdr: Header,
    pub(super) rows: Vec<Row>,
}

pub(super) fn read_sheet(spec: &SheetSpec, grid: Option<&Grid>, ctx: &mut Ctx) -> Sheet {
    let Some(grid) = grid else {
        return Sheet::default();
    };
    let mut rows = grid.rows.iter().filter(|r| !r.is_blank());
    let Some(first) = rows.next() else {
        ctx.push(Finding::note(
            Loc::sheet(spec.name),
            FindingKind::EmptySheet,
            msg!(
                "Das Tabellenblatt ist leer; es enthält keine Einträge.",
                "The sheet is empty; it holds no entries.",
            ),
        ));
        return Sheet {
            present: true,
            ..Sheet::default()
        };
    };
    let hdr = read_header(spec, first, &mut ctx.findings);
    let any_known =
        hdr.keys.iter().any(Option::is_some) || hdr.fields.iter().any(FieldCols::present);
    if !any_known {
        let expected: Vec<&str> = spec
            .keys
            .iter()
            .map(|k| k.header)
            .chain(spec.fields.iter().map(|f| f.header))
            .take(4)
            .collect();
        let expected = expected.join(", ");
        let row = first.number;
        ctx.push(Finding::fatal(
            Loc::row(spec.name, row),
            FindingKind::NoHeaderRow,
            msg!(
                "Keine Kopfzeile gefunden: Zeile {row} muss die Spaltenüberschriften enthalten (z. B. {expected}).",
                "No header row found: row {row} must hold the column headers (e.g. {expected}).",
            ),
        ));
        return Sheet {
            present: true,
            hdr,
            rows: Vec::new(),
        };
    }
    for (i, k) in spec.keys.iter().enumerate() {
        if hdr.keys[i].is_none() {
            let h = k.header;
            ctx.push(Finding::fatal(
                Loc::row(spec.name, hdr.row),
                FindingKind::MissingColumn {
                    column: h.to_owned(),
                },
                msg!(
                    "Pflichtspalte „{h}“ fehlt.",
                    "Required column \"{h}\" is missing.",
                ),
            ));
        }
    }
    if spec.field("id").is_some() && !hdr.fields.first().is_some_and(FieldCols::present) {
        ctx.push(Finding::fatal(
            Loc::row(spec.name, hdr.row),
            FindingKind::MissingColumn {
                column: "Kennung".to_owned(),
            },
            msg!(
                "Pflichtspalte „Kennung“ fehlt.",
                "Required column \"Kennung\" (id) is missing.",
            ),
        ));
    }
    let mut data_rows: Vec<&GridRow> = rows.collect();
    if data_rows
        .first()
        .is_some_and(|r| is_explanation_row(spec, &hdr, r))
    {
        data_rows.remove(0);
    }
    // Unknown columns lose their content: say so once per column.
    for (c, h) in &hdr.unknown {
        if let Some(r) = data_rows.iter().find(|r| !r.cell(*c).is_empty()) {
            ctx.push(Finding::problem(
                Loc::cell(spec.name, r.number, *c, h),
                FindingKind::UnknownColumn { column: h.clone() },
                msg!(
                    "Unbekannte Spalte „{h}“: ihr Inhalt wird nicht übernommen.",
                    "Unknown column \"{h}\": its content is not imported.",
                ),
            ));
        }
    }
    let decimal = decimal_of(spec, &hdr, &data_rows);
    let mut out = Vec::with_capacity(data_rows.len());
    for r in data_rows {
        out.push(read_row(spec, &hdr, r, decimal, ctx));
    }
    Sheet {
        present: true,
        hdr,
        rows: out,
    }
}

/// How the sheet writes numbers, from the texts in its number columns.
fn decimal_of(spec: &SheetSpec, hdr: &Header, rows: &[&GridRow]) -> Decimal {
    let cols: Vec<u32> = spec
        .fields
        .iter()
        .zip(&hdr.fields)
        .filter(|(f, _)| matches!(f.kind, Kind::Number | Kind::Integer))
        .filter_map(|(_, fc)| fc.plain.as_ref().map(|(c, _)| *c))
        .collect();
    Decimal::of_texts(rows.iter().flat_map(|r| {
        cols.iter().filter_map(|c| match r.cell(*c) {
            Cell::Text(t) => Some(t.as_str()),
            _ => None,
        })
    }))
}

fn read_row(spec: &SheetSpec, hdr: &Header, r: &GridRow, decimal: Decimal, ctx: &mut Ctx) -> Row {
    let mut row = Row {
        number: r.number,
        ok: true,
        ..Row::default()
    };
    let sheet = spec.name;
    for (i, k) in hdr.keys.iter().enumerate() {
        let Some((c, h)) = k else { continue };
        let at = Loc::cell(sheet, r.number, *c, h);
        let key = cell_text(r.cell(*c)).map(|t| t.map(|t| trim_id(&t)));
        match key {
            Ok(Some((t, note))) if !t.is_empty() => {
                if let Some(n) = note {
                    ctx.push(n.at(at));
                }
                row.keys.push(t);
            }
            Ok(_) => {
                let what = spec.keys[i].header;
                ctx.push(Finding::fatal(
                    at,
                    FindingKind::MissingValue {
                        column: what.to_owned(),
                    },
                    msg!(
                        "Pflichtangabe „{what}“ fehlt: die Zeile kann keinem Eintrag zugeordnet werden.",
                        "Required value \"{what}\" is missing: the row cannot be attached to an entry.",
                    ),
                ));
                row.ok = false;
            }
            Err(m) => {
                ctx.push(m.at(at));
                row.ok = false;
            }
        }
    }
    for (i, field) in spec.fields.iter().enumerate() {
        let fc = &hdr.fields[i];
        if !fc.present() {
            continue;
        }
        let result = match field.kind {
            Kind::Text { .. } => read_text(fc, r, &ctx.default_lang),
            kind => {
                let Some((c, h)) = &fc.plain else { continue };
                let how = Reading {
                    decimal,
                    percent: field.path == "progress",
                };
                convert_in(kind, r.cell(*c), how).map_err(|m| (*c, h.clone(), m))
            }
        };
        match result {
            Ok((v, warn)) => {
                let (c, h) = first_filled(fc, r);
                if let Some(w) = warn {
                    let at = Loc::cell(sheet, r.number, c, &h);
                    match w.kind {
                        FindingKind::PercentAsFraction { found, .. } => {
                            row.fractions.push((field.path, found, w.at(at)))
                        }
                        _ => ctx.push(w.at(at)),
                    }
                }
                row.cols.push((field.path, c, h));
                if let Some(v) = v {
                    set_path(&mut row.obj, field.path, v);
                }
            }
            Err((c, h, m)) => {
                ctx.push(m.at(Loc::cell(sheet, r.number, c, &h)));
                row.cols.push((field.path, c, h));
                row.ok = false;
            }
        }
    }
    if let Some((c, h)) = &hdr.extras {
        row.extras = Some(Map::new());
        match cell_text(r.cell(*c)) {
            Ok(None) => {}
            Ok(Some(t)) => match serde_json::from_str::<Value>(&t) {
                Ok(Value::Object(o)) => row.extras = Some(o),
                _ => {
                    ctx.push(Finding::fatal(
                        Loc::cell(sheet, r.number, *c, h),
                        FindingKind::InvalidExtras,
                        msg!(
                            "Kein gültiges JSON-Objekt {{ … }}; diese Spalte bitte nicht von Hand ändern.",
                            "Not a valid JSON object {{ … }}; please do not edit this column by hand.",
                        ),
                    ));
                    row.ok = false;
                }
            },
            Err(m) => {
                ctx.push(m.at(Loc::cell(sheet, r.number, *c, h)));
                row.ok = false;
            }
        }
    }
    row
}

/// Deserializes an entity into its contract type, reporting a missing required value at its
/// cell. `cols` holds the cells of the fields the workbook has; `fallback` is the row.
pub(super) fn check_typed<T: DeserializeOwned>(
    obj: &Map<String, Value>,
    fields: &[FieldSpec],
    cols: &[(&'static str, Loc)],
    fallback: Loc,
    ctx: &mut Ctx,
) -> bool {
    let Err(e) = serde_path_to_error::deserialize::<_, T>(Value::Object(obj.clone())) else {
        return true;
    };
    let inner = e.inner().to_string();
    let prefix: Vec<String> = e
        .path()
        .iter()
        .filter_map(|s| match s {
            serde_path_to_error::Segment::Map { key } => Some(key.clone()),
            _ => None,
        })
        .collect();
    let missing = inner
        .strip_prefix("missing field `")
        .and_then(|r| r.split('`').next());
    let path = match missing {
        Some(m) => prefix
            .iter()
            .cloned()
            .chain([m.to_owned()])
            .collect::<Vec<_>>()
            .join("."),
        None => prefix.join("."),
    };
    let header = fields
        .iter()
        .find(|f| f.path == path)
        .map_or(path.as_str(), |f| f.header)
        .to_owned();
    let col = cols.iter().find(|(p, _)| *p == path);
    let loc = col.map_or(fallback, |(_, l)| l.clone());
    let kind = match missing {
        Some(_) => FindingKind::MissingValue {
            column: header.clone(),
        },
        None => FindingKind::InvalidContent {
            column: header.clone(),
            detail: inner.clone(),
        },
    };
    let m = match (missing, col.is_some()) {
        (Some(_), true) => msg!(
            "Pflichtangabe „{header}“ fehlt.",
            "Required value \"{header}\" is missing.",
        ),
        (Some(_), false) => msg!(
            "Pflichtangabe „{header}“ fehlt – die Arbeitsmappe hat dafür keine Spalte oder Zeile.",
            "Required value \"{header}\" is missing – the workbook has no column or row for it.",
        ),
        (None, _) => msg!(
            "Ungültiger Inhalt bei „{header}“ ({inner}).",
            "Invalid content in \"{header}\" ({inner}).",
        ),
    };
    ctx.push(Finding::fatal(loc, kind, m));
    false
}

/// Says which optional columns are missing (their values are kept from the existing file).
fn missing_columns_note(spec: &SheetSpec, sheet: &Sheet, ctx: &mut Ctx) {
    if !sheet.present || sheet.rows.is_empty() && sheet.hdr.row == 0 {
        return;
    }
    let missing: Vec<&str> = spec
        .fields
        .iter()
        .zip(&sheet.hdr.fields)
        .filter(|(f, fc)| !fc.present() && f.path != "id")
        .map(|(f, _)| f.header)
        .collect();
    if missing.is_empty() {
        return;
    }
    let list = missing.join(", ");
    let file = spec.file;
    ctx.push(Finding::note(
        Loc::sheet(spec.name),
        FindingKind::ColumnsMissing {
            columns: missing.iter().map(|h| (*h).to_owned()).collect(),
        },
        msg!(
            "Spalten fehlen ({list}); ihre Werte werden, wo vorhanden, aus der bisherigen {file} übernommen.",
            "Columns are missing ({list}); their values are kept from the existing {file} where there are any.",
        ),
    ));
}

/// Rows of a top-level sheet, completed from the existing entries (matched by id). A missing
/// sheet keeps the existing entries.
pub(super) fn top_level_rows(
    spec: &SheetSpec,
    book: &[Grid],
    old_file: Option<&Map<String, Value>>,
    key: &str,
    ctx: &mut Ctx,
) -> Vec<Entry> {
    let old_list = array_of(old_file, key);
    let sheet = read_sheet(spec, find_sheet(book, spec.name), ctx);
    if !sheet.present {
        missing_sheet_note(ctx, spec.name, spec.file);
        return old_list
            .iter()
            .filter_map(Value::as_object)
            .map(|o| {
                (
                    Row {
                        obj: o.clone(),
                        ok: true,
                        ..Row::default()
                    },
                    Some(o.clone()),
                )
            })
            .collect();
    }
    missing_columns_note(spec, &sheet, ctx);
    let mut used = Matcher::default();
    let mut out = Vec::with_capacity(sheet.rows.len());
    for mut row in sheet.rows.clone() {
        let old = pick_existing(spec, old_list, &row.obj, &mut used).cloned();
        restore_row(spec, &sheet, &mut row, old.as_ref(), ctx);
        if row.ok {
            check_row(spec, &row, ctx);
        }
        out.push((row, old));
    }
    out
}

fn check_row(spec: &SheetSpec, row: &Row, ctx: &mut Ctx) {
    use wegmarke_core as c;
    let cols: Vec<(&'static str, Loc)> = row
        .cols
        .iter()
        .map(|(p, col, h)| (*p, Loc::cell(spec.name, row.number, *col, h)))
        .collect();
    let o = &row.obj;
    let fb = Loc::row(spec.name, row.number);
    let f = spec.fields;
    match spec.name {
        "Handlungsfelder" => check_typed::<c::Field>(o, f, &cols, fb, ctx),
        "Ziele" => check_typed::<c::Goal>(o, f, &cols, fb, ctx),
        "Akteure" => check_typed::<c::Actor>(o, f, &cols, fb, ctx),
        "Berichte" => check_typed::<c::Report>(o, f, &cols, fb, ctx),
        "Maßnahmen" => check_typed::<c::Measure>(o, f, &cols, fb, ctx),
        "Meilensteine" => check_typed::<c::Milestone>(o, f, &cols, fb, ctx),
        "Aktualisierungen" => check_typed::<c::Update>(o, f, &cols, fb, ctx),
        "Links" => check_typed::<c::Link>(o, f, &cols, fb, ctx),
        "Drucksachen Maßnahmen" | "Drucksachen Berichte" => {
            check_typed::<c::Paper>(o, f, &cols, fb, ctx)
        }
        "Indikatoren" => check_typed::<c::Indicator>(o, f, &cols, fb, ctx),
        "Reihen" => check_typed::<c::Series>(o, f, &cols, fb, ctx),
        "Stadtteile" => check_typed::<c::District>(o, f, &cols, fb, ctx),
        "Werte nach Stadtteil" => check_typed::<c::DistrictValue>(o, f, &cols, fb, ctx),
        _ => check_typed::<c::Observation>(o, f, &cols, fb, ctx),
    };
}

/// A top-level list of plan.json (fields, goals, actors, reports), with locations.
pub(super) fn top_level(
    spec: &SheetSpec,
    book: &[Grid],
    old_file: Option<&Map<String, Value>>,
    key: &str,
    file: &str,
    locator: &mut Locator,
    ctx: &mut Ctx,
) -> Vec<Value> {
    let rows = top_level_rows(spec, book, old_file, key, ctx);
    rows.into_iter()
        .enumerate()
        .map(|(i, (row, _))| {
            if row.number > 0 {
                locate_row(locator, file, &format!("{key}[{i}]"), spec.name, &row);
            }
            Value::Object(row.obj)
        })
        .collect()
}

fn id_of(obj: &Map<String, Value>) -> Option<&str> {
    obj.get("id").and_then(Value::as_str)
}

fn unknown_parent(spec: &SheetSpec, row: &Row, sheet: &Sheet, which: usize, id: &str) -> Finding {
    let target = spec.keys.get(which).map_or("", |k| k.target);
    let loc = match sheet.hdr.keys.get(which).cloned().flatten() {
        Some((c, h)) => Loc::cell(spec.name, row.number, c, &h),
        None => Loc::row(spec.name, row.number),
    };
    Finding::fatal(
        loc,
        FindingKind::UnknownParent {
            id: id.to_owned(),
            sheet: target.to_owned(),
        },
        msg!(
            "„{id}“ gibt es im Blatt {target} nicht: die Zeile kann keinem Eintrag zugeordnet werden.",
            "\"{id}\" does not exist in the sheet {target}: the row cannot be attached to an entry.",
        ),
    )
}

/// Puts the rows of a child sheet (milestones, updates, links, papers) into their parents,
/// found by `parent_key`: the id, or for a report (which has none) its date.
#[allow(clippy::too_many_arguments)]
pub(super) fn attach_children(
    spec: &SheetSpec,
    key: &str,
    book: &[Grid],
    parents: &mut [Entry],
    file: &str,
    (list_key, parent_key): (&str, &str),
    locator: &mut Locator,
    ctx: &mut Ctx,
) {
    let sheet = read_sheet(spec, find_sheet(book, spec.name), ctx);
    if !sheet.present {
        missing_sheet_note(ctx, spec.name, spec.file);
        for (row, old) in parents.iter_mut() {
            if let Some(v) = old.as_ref().and_then(|o| o.get(key)) {
                row.obj.insert(key.to_owned(), v.clone());
            }
        }
        return;
    }
    missing_columns_note(spec, &sheet, ctx);
    let mut first_index: HashMap<String, usize> = HashMap::new();
    for (i, (row, _)) in parents.iter().enumerate() {
        if let Some(id) = row.obj.get(parent_key).and_then(Value::as_str) {
            first_index.entry(id.to_owned()).or_insert(i);
        }
    }
    let mut children: Vec<Vec<Row>> = vec![Vec::new(); parents.len()];
    let mut used: Vec<Matcher> = vec![Matcher::default(); parents.len()];
    for mut row in sheet.rows.clone() {
        if !row.ok {
            continue;
        }
        let parent_id = row.keys.first().cloned().unwrap_or_default();
        let Some(&p) = first_index.get(&parent_id) else {
            ctx.push(unknown_parent(spec, &row, &sheet, 0, &parent_id));
            continue;
        };
        let old_list = array_of(parents[p].1.as_ref(), key);
        let old = pick_existing(spec, old_list, &row.obj, &mut used[p]).cloned();
        restore_row(spec, &sheet, &mut row, old.as_ref(), ctx);
        if row.ok {
            check_row(spec, &row, ctx);
        }
        children[p].push(row);
    }
    for (p, kids) in children.into_iter().enumerate() {
        for (j, kid) in kids.iter().enumerate() {
            locate_row(
                locator,
                file,
                &format!("{list_key}[{p}].{key}[{j}]"),
                spec.name,
                kid,
            );
        }
        // The sheet is the whole truth about these children (also for a parent kept from the
        // existing file).
        parents[p].0.obj.remove(key);
        if !kids.is_empty() {
            parents[p].0.obj.insert(
                key.to_owned(),
                Value::Array(kids.into_iter().map(|k| Value::Object(k.obj)).collect()),
            );
        }
    }
}

/// Puts series (sheet Reihen) into indicators and values (sheet Werte) into series.
pub(super) fn attach_series(
    book: &[Grid],
    indicators: &mut [Entry],
    locator: &mut Locator,
    ctx: &mut Ctx,
) {
    let file = INDICATORS_FILE;
    let series_sheet = read_sheet(&SERIES, find_sheet(book, SERIES.name), ctx);
    let values_sheet = read_sheet(&VALUES, find_sheet(book, VALUES.name), ctx);
    if !series_sheet.present {
        missing_sheet_note(ctx, SERIES.name, file);
    } else {
        missing_columns_note(&SERIES, &series_sheet, ctx);
    }
    if !values_sheet.present {
        missing_sheet_note(ctx, VALUES.name, file);
    } else {
        missing_columns_note(&VALUES, &values_sheet, ctx);
    }

    let mut first_index: HashMap<String, usize> = HashMap::new();
    for (i, (row, _)) in indicators.iter().enumerate() {
        if let Some(id) = id_of(&row.obj) {
            first_index.entry(id.to_owned()).or_insert(i);
        }
    }

    // Series per indicator: from the sheet, or kept from the existing file.
    let mut series: Vec<Vec<Entry>> = vec![Vec::new(); indicators.len()];
    if series_sheet.present {
        let mut used: Vec<Matcher> = vec![Matcher::default(); indicators.len()];
        for mut row in series_sheet.rows.clone() {
            if !row.ok {
                continue;
            }
            let parent_id = row.keys.first().cloned().unwrap_or_default();
            let Some(&p) = first_index.get(&parent_id) else {
                ctx.push(unknown_parent(&SERIES, &row, &series_sheet, 0, &parent_id));
                continue;
            };
            let old_list = array_of(indicators[p].1.as_ref(), "series");
            let old = pick_existing(&SERIES, old_list, &row.obj, &mut used[p]).cloned();
            restore_row(&SERIES, &series_sheet, &mut row, old.as_ref(), ctx);
            if row.ok {
                check_row(&SERIES, &row, ctx);
            }
            series[p].push((row, old));
        }
    } else {
        for (p, (_, old)) in indicators.iter().enumerate() {
            for s in array_of(old.as_ref(), "series")
                .iter()
                .filter_map(Value::as_object)
            {
                let mut obj = s.clone();
                if values_sheet.present {
                    obj.remove("observations");
                }
                series[p].push((
                    Row {
                        obj,
                        ok: true,
                        ..Row::default()
                    },
                    Some(s.clone()),
                ));
            }
        }
    }

    // Values per series.
    let mut values: Vec<Vec<Vec<Row>>> = series.iter().map(|s| vec![Vec::new(); s.len()]).collect();
    if values_sheet.present {
        let mut used: HashMap<(usize, usize), Matcher> = HashMap::new();
        for mut row in values_sheet.rows.clone() {
            if !row.ok {
                continue;
            }
            let ind_id = row.keys.first().cloned().unwrap_or_default();
            let series_id = row.keys.get(1).cloned().unwrap_or_default();
            let Some(&p) = first_index.get(&ind_id) else {
                ctx.push(unknown_parent(&VALUES, &row, &values_sheet, 0, &ind_id));
                continue;
            };
            let Some(s) = series[p]
                .iter()
                .position(|(r, _)| id_of(&r.obj) == Some(series_id.as_str()))
            else {
                ctx.push(unknown_parent(&VALUES, &row, &values_sheet, 1, &series_id));
                continue;
            };
            let old_list = array_of(series[p][s].1.as_ref(), "observations");
            let old = pick_existing(&VALUES, old_list, &row.obj, used.entry((p, s)).or_default())
                .cloned();
            restore_row(&VALUES, &values_sheet, &mut row, old.as_ref(), ctx);
            if row.ok {
                check_row(&VALUES, &row, ctx);
            }
            values[p][s].push(row);
        }
    }

    for (p, list) in series.into_iter().enumerate() {
        let mut out = Vec::with_capacity(list.len());
        for (s, (mut srow, old)) in list.into_iter().enumerate() {
            let path = format!("indicators[{p}].series[{s}]");
            if srow.number > 0 {
                locate_row(locator, file, &path, SERIES.name, &srow);
            }
            if values_sheet.present {
                let kids = std::mem::take(&mut values[p][s]);
                for (k, kid) in kids.iter().enumerate() {
                    locate_row(
                        locator,
                        file,
                        &format!("{path}.observations[{k}]"),
                        VALUES.name,
                        kid,
                    );
                }
                srow.obj.insert(
                    "observations".into(),
                    Value::Array(kids.into_iter().map(|k| Value::Object(k.obj)).collect()),
                );
            } else if let Some(v) = old.as_ref().and_then(|o| o.get("observations")) {
                srow.obj.insert("observations".into(), v.clone());
            }
            out.push(Value::Object(srow.obj));
        }
        indicators[p].0.obj.remove("series");
        if !out.is_empty() {
            indicators[p]
                .0
                .obj
                .insert("series".into(), Value::Array(out));
        }
    }
}

/// Completes a row from its existing entry (see [`restore`]), reporting a conflict in the
/// unknown fields at their cell.
fn restore_row(
    spec: &SheetSpec,
    sheet: &Sheet,
    row: &mut Row,
    existing: Option<&Map<String, Value>>,
    ctx: &mut Ctx,
) {
    // A fraction that is exactly the existing value is that value (an export of data whose
    // progress is below 1 %), not a percentage.
    for (path, raw, note) in std::mem::take(&mut row.fractions) {
        let old = existing
            .and_then(|e| get_path(e, path))
            .and_then(Value::as_f64);
        if old == Some(raw) {
            if let Some(v) = number_value(raw) {
                set_path(&mut row.obj, path, v);
            }
        } else {
            ctx.push(note);
        }
    }
    let extras = row.extras.take();
    let done = restore(
        spec,
        &sheet.hdr,
        &mut row.obj,
        extras,
        existing,
        &ctx.default_lang,
    );
    if !done.kept_languages.is_empty() {
        ctx.kept_languages
            .entry(spec.name)
            .or_default()
            .extend(done.kept_languages);
    }
    if let Some(m) = done.conflict {
        let loc = match &sheet.hdr.extras {
            Some((c, h)) => Loc::cell(spec.name, row.number, *c, h),
            None => Loc::row(spec.name, row.number),
        };
        ctx.push(m.at(loc));
        row.ok = false;
    }
}

pub(super) fn locate_row(locator: &mut Locator, file: &str, path: &str, sheet: &str, row: &Row) {
    locator.put_row(file, path, sheet, row.number, &row.cols);
}

/// Puts the values by district (sheet Werte nach Stadtteil) into their indicators'
/// `by_district` object, whose period and series the Indikatoren sheet holds. Values without
/// that period cannot be placed: the indicator's row is named.
pub(super) fn attach_district_values(
    book: &[Grid],
    indicators: &mut [Entry],
    locator: &mut Locator,
    ctx: &mut Ctx,
) {
    // The child list under one dotted key, so rows are located at by_district.values[j] and
    // matched with the existing values.
    const KEY: &str = "by_district.values";
    for (_, old) in indicators.iter_mut() {
        if let Some(o) = old.as_mut() {
            let values = o.get("by_district").and_then(|b| b.get("values")).cloned();
            if let Some(v) = values {
                o.insert(KEY.to_owned(), v);
            }
        }
    }
    attach_children(
        &DISTRICT_VALUES,
        KEY,
        book,
        indicators,
        INDICATORS_FILE,
        ("indicators", "id"),
        locator,
        ctx,
    );
    for (row, old) in indicators.iter_mut() {
        if let Some(o) = old.as_mut() {
            o.remove(KEY);
        }
        let Some(values) = row.obj.remove(KEY) else {
            continue;
        };
        match row.obj.get_mut("by_district") {
            // Without its period (the series given) the row's own check names the cell.
            Some(Value::Object(b)) => {
                b.insert("values".to_owned(), values);
            }
            _ => {
                let column = "Stadtteilwerte: Zeitraum";
                let sheet = DISTRICT_VALUES.name;
                ctx.push(Finding::fatal(
                    Loc::row(INDICATORS.name, row.number),
                    FindingKind::MissingValue {
                        column: column.to_owned(),
                    },
                    msg!(
                        "Dieser Indikator hat Werte im Blatt {sheet}, aber keinen Zeitraum in der Spalte „{column}“.",
                        "This indicator has values in the sheet {sheet}, but no period in the column \"{column}\".",
                    ),
                ));
            }
        }
    }
}
