//! The Plan sheet: one row per field of the plan (key, label, value, and a value column per
//! language for texts), not one row per entry like the other sheets. It also holds the unknown
//! fields of the plan and of the three files as JSON rows.

use std::collections::HashMap;

use serde_json::{Map, Value};
use wegmarke_core::PLAN_FILE;

use super::cells::{cell_text, convert, set_path, Issue};
use super::ctx::{missing_sheet_note, Ctx};
use super::entities::check_typed;
use super::header::{find_sheet, first_filled, header_text, read_text, split_lang, FieldCols};
use super::locate::Locator;
use super::merge::merge_extras;
use crate::export::{extras_of, get_path};
use crate::msg;
use crate::sheets::{
    normalize, FieldSpec, Kind, SheetSpec, PLAN_EXTRA_FILE, PLAN_EXTRA_PLAN, PLAN_FIELDS, PLAN_KEY,
    PLAN_KEY_EXPLAIN, PLAN_LABEL, PLAN_SHEET, PLAN_VALUE,
};
use crate::{Finding, FindingKind, Grid, GridRow, Loc};

struct PlanSheet {
    plan: Map<String, Value>,
    /// Unknown fields of the plan object and the three files, where the sheet has rows for them.
    plan_extra: Option<Map<String, Value>>,
    file_extra: [Option<Map<String, Value>>; 3],
    /// Field path -> (row, column, header).
    cells: Vec<(&'static str, u32, u32, String)>,
    missing: Vec<&'static FieldSpec>,
    present: bool,
}

fn read_plan_sheet(grid: Option<&Grid>, ctx: &mut Ctx) -> PlanSheet {
    let mut out = PlanSheet {
        plan: Map::new(),
        plan_extra: None,
        file_extra: [None, None, None],
        cells: Vec::new(),
        missing: Vec::new(),
        present: grid.is_some(),
    };
    let Some(grid) = grid else {
        out.missing = PLAN_FIELDS.iter().collect();
        return out;
    };
    let sheet = PLAN_SHEET;
    let mut rows = grid.rows.iter().filter(|r| !r.is_blank());
    let Some(first) = rows.next() else {
        out.missing = PLAN_FIELDS.iter().collect();
        return out;
    };
    let (mut key_col, mut label_col, mut value_col) = (None, None, None);
    let mut lang_cols: Vec<(String, u32, String)> = Vec::new();
    for (c, cell) in first.cells.iter().enumerate() {
        let c = c as u32;
        let h = header_text(cell);
        let n = normalize(&h);
        if n == normalize(PLAN_KEY) || n == "key" {
            key_col = Some(c);
        } else if n == normalize(PLAN_LABEL) {
            label_col = Some(c);
        } else if n == normalize(PLAN_VALUE) || n == "value" {
            value_col = Some((c, h));
        } else if let Some((base, lang)) = split_lang(&h) {
            if normalize(base) == normalize(PLAN_VALUE) || normalize(base) == "value" {
                lang_cols.push((lang.to_owned(), c, h.clone()));
            }
        }
    }
    if key_col.is_none() && label_col.is_none() || value_col.is_none() && lang_cols.is_empty() {
        let row = first.number;
        ctx.push(Finding::fatal(
            Loc::row(sheet, row),
            FindingKind::NoHeaderRow,
            msg!(
                "Keine Kopfzeile gefunden: Zeile {row} muss die Spalten „Schlüssel“ und „Wert“ enthalten.",
                "No header row found: row {row} must hold the columns \"Schlüssel\" and \"Wert\".",
            ),
        ));
        return out;
    }
    let key_of = |r: &GridRow| -> String {
        key_col
            .and_then(|c| cell_text(r.cell(c)).ok().flatten())
            .map(|s| s.trim().to_owned())
            .unwrap_or_default()
    };
    let mut data_rows: Vec<&GridRow> = rows.collect();
    if data_rows
        .first()
        .is_some_and(|r| key_of(r) == PLAN_KEY_EXPLAIN)
    {
        data_rows.remove(0);
    }
    // The default language decides how a plain text next to language columns is read, and it
    // is itself a row of this sheet: read it first.
    let default_row = data_rows
        .iter()
        .find(|r| normalize(&key_of(r)) == normalize("default_language"));
    let from_sheet = default_row
        .zip(value_col.as_ref())
        .and_then(|(r, (c, _))| cell_text(r.cell(*c)).ok().flatten());
    let from_existing = ctx
        .existing
        .plan
        .as_ref()
        .and_then(|p| p.get("plan"))
        .and_then(|p| p.get("default_language"))
        .and_then(Value::as_str)
        .map(str::to_owned);
    ctx.default_lang = from_sheet
        .or(from_existing)
        .unwrap_or_else(|| "de".to_owned());

    let mut seen: HashMap<String, u32> = HashMap::new();
    let mut found_fields: Vec<&'static FieldSpec> = Vec::new();
    for r in data_rows {
        let key = key_of(r);
        let label = label_col
            .and_then(|c| cell_text(r.cell(c)).ok().flatten())
            .map(|s| s.trim().to_owned())
            .unwrap_or_default();
        let field = PLAN_FIELDS.iter().find(|f| {
            (!key.is_empty() && normalize(f.path) == normalize(&key))
                || (key.is_empty() && !label.is_empty() && normalize(f.header) == normalize(&label))
        });
        let extra_slot = if normalize(&key) == normalize(PLAN_EXTRA_PLAN) {
            Some(None)
        } else {
            PLAN_EXTRA_FILE
                .iter()
                .position(|(_, k)| normalize(k) == normalize(&key))
                .map(Some)
        };
        let id = field.map_or(key.clone(), |f| f.path.to_owned());
        if field.is_some() || extra_slot.is_some() {
            if let Some(first_row) = seen.insert(id.clone(), r.number) {
                ctx.push(Finding::fatal(
                    Loc::row(sheet, r.number),
                    FindingKind::DuplicateEntry { key: id.clone() },
                    msg!(
                        "Die Angabe „{id}“ kommt doppelt vor (zuerst in Zeile {first_row}).",
                        "The entry \"{id}\" appears twice (first in row {first_row}).",
                    ),
                ));
                continue;
            }
        }
        let value_cell = value_col.as_ref().map(|(c, h)| (*c, h.clone()));
        if let Some(field) = field {
            found_fields.push(field);
            match field.kind {
                Kind::Text { .. } => {
                    let fc = FieldCols {
                        plain: value_cell.clone(),
                        langs: lang_cols.clone(),
                    };
                    match read_text(&fc, r, &ctx.default_lang) {
                        Ok((v, _)) => {
                            let (c, h) = first_filled(&fc, r);
                            out.cells.push((field.path, r.number, c, h));
                            if let Some(v) = v {
                                set_path(&mut out.plan, field.path, v);
                            }
                        }
                        Err((c, h, m)) => ctx.push(m.at(Loc::cell(sheet, r.number, c, &h))),
                    }
                }
                kind => {
                    if let Some((c, h)) = lang_cols
                        .iter()
                        .find(|(_, c, _)| !r.cell(*c).is_empty())
                        .map(|(_, c, h)| (*c, h.clone()))
                    {
                        let what = field.header;
                        ctx.push(Finding::fatal(
                            Loc::cell(sheet, r.number, c, &h),
                            FindingKind::ValueInLanguageColumn {
                                field: what.to_owned(),
                            },
                            msg!(
                                "„{what}“ ist kein Text: bitte in die Spalte „Wert“ eintragen.",
                                "\"{what}\" is not a text: please put it in the column \"Wert\".",
                            ),
                        ));
                        continue;
                    }
                    let Some((c, h)) = value_cell else { continue };
                    match convert(kind, r.cell(c)) {
                        Ok((v, warn)) => {
                            if let Some(w) = warn {
                                ctx.push(w.at(Loc::cell(sheet, r.number, c, &h)));
                            }
                            out.cells.push((field.path, r.number, c, h));
                            if let Some(v) = v {
                                set_path(&mut out.plan, field.path, v);
                            }
                        }
                        Err(m) => ctx.push(m.at(Loc::cell(sheet, r.number, c, &h))),
                    }
                }
            }
        } else if let Some(slot) = extra_slot {
            let Some((c, h)) = value_cell else { continue };
            let parsed = match cell_text(r.cell(c)) {
                Ok(None) => Ok(Map::new()),
                Ok(Some(t)) => match serde_json::from_str::<Value>(&t) {
                    Ok(Value::Object(o)) => Ok(o),
                    _ => Err(Issue::fatal(
                        FindingKind::InvalidExtras,
                        msg!(
                            "Kein gültiges JSON-Objekt {{ … }}; diese Zeile bitte nicht von Hand ändern.",
                            "Not a valid JSON object {{ … }}; please do not edit this row by hand.",
                        ),
                    )),
                },
                Err(m) => Err(m),
            };
            match parsed {
                Ok(o) => match slot {
                    None => out.plan_extra = Some(o),
                    Some(i) => out.file_extra[i] = Some(o),
                },
                Err(m) => ctx.push(m.at(Loc::cell(sheet, r.number, c, &h))),
            }
        } else if !key.is_empty() || !label.is_empty() {
            // An unknown row with a value loses it.
            let has_value = value_col
                .as_ref()
                .is_some_and(|(c, _)| !r.cell(*c).is_empty())
                || lang_cols.iter().any(|(_, c, _)| !r.cell(*c).is_empty());
            if has_value {
                let what = if key.is_empty() { label } else { key };
                ctx.push(Finding::problem(
                    Loc::row(sheet, r.number),
                    FindingKind::UnknownEntry { key: what.clone() },
                    msg!(
                        "Unbekannte Angabe „{what}“: sie wird nicht übernommen.",
                        "Unknown entry \"{what}\": it is not imported.",
                    ),
                ));
            }
        }
    }
    out.missing = PLAN_FIELDS
        .iter()
        .filter(|f| !found_fields.iter().any(|g| g.path == f.path))
        .collect();
    out
}

/// The plan object and the unknown fields of the three files (plan, measures, indicators) that
/// the Plan sheet has rows for.
pub(super) struct PlanObject {
    pub(super) plan: Map<String, Value>,
    pub(super) file_extra: [Option<Map<String, Value>>; 3],
}

/// The plan object: the Plan sheet completed from the existing plan.json, its cells located
/// and checked against the contract; and the unknown fields of the three files where the sheet
/// has rows for them.
pub(super) fn plan_object(book: &[Grid], locator: &mut Locator, ctx: &mut Ctx) -> PlanObject {
    let existing = ctx.existing;
    let old_plan = existing
        .plan
        .as_ref()
        .and_then(|p| p.get("plan"))
        .and_then(Value::as_object);
    let mut ps = read_plan_sheet(find_sheet(book, PLAN_SHEET), ctx);
    if !ps.present {
        missing_sheet_note(ctx, PLAN_SHEET, PLAN_FILE);
    }
    for f in &ps.missing {
        if let Some(v) = old_plan.and_then(|p| get_path(p, f.path)) {
            set_path(&mut ps.plan, f.path, v.clone());
        }
    }
    if let Some(l) = ps.plan.get("default_language").and_then(Value::as_str) {
        ctx.default_lang = l.to_owned();
    }
    let plan_spec = SheetSpec {
        name: PLAN_SHEET,
        file: PLAN_FILE,
        about: "",
        keys: &[],
        fields: PLAN_FIELDS,
        children: &[],
    };
    {
        let explicit = ps.plan_extra.is_some();
        let extras = match ps.plan_extra.take() {
            Some(x) => x,
            None => old_plan
                .map(|e| extras_of(&plan_spec.known_keys(), &plan_spec.nested(), e))
                .unwrap_or_default(),
        };
        if let Err(m) = merge_extras(&plan_spec, &mut ps.plan, extras, explicit, old_plan) {
            ctx.push(m.at(Loc::sheet(PLAN_SHEET)));
        }
    }
    locator.put(PLAN_FILE, "plan", Loc::sheet(PLAN_SHEET));
    for (p, r, c, h) in &ps.cells {
        locator.put(
            PLAN_FILE,
            &format!("plan.{p}"),
            Loc::cell(PLAN_SHEET, *r, *c, h),
        );
        if let Some((top, _)) = p.split_once('.') {
            locator.put(
                PLAN_FILE,
                &format!("plan.{top}"),
                Loc::cell(PLAN_SHEET, *r, *c, h),
            );
        }
    }
    {
        let cols: Vec<(&'static str, Loc)> = ps
            .cells
            .iter()
            .map(|(p, r, c, h)| (*p, Loc::cell(PLAN_SHEET, *r, *c, h)))
            .collect();
        check_typed::<wegmarke_core::Plan>(
            &ps.plan,
            PLAN_FIELDS,
            &cols,
            Loc::sheet(PLAN_SHEET),
            ctx,
        );
    }

    PlanObject {
        plan: ps.plan,
        file_extra: ps.file_extra,
    }
}
