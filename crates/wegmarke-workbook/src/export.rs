//! Data files -> tables. Works on the JSON values the typed files serialize to, so that every
//! field the sheets have no column for ends up in the "Weitere Felder (JSON)" column instead of
//! being dropped: the round trip is lossless by construction, not by care.

use std::collections::BTreeSet;

use serde_json::{Map, Value};
use wegmarke_core::{IndicatorsFile, MeasuresFile, PlanFile, PLAN_FILE};

use super::sheets::*;
use super::{Cell, Column, Finding, FindingKind, Loc, Style, Table};
use crate::msg;

/// The three data files, typed.
#[derive(Clone, Debug, PartialEq)]
pub struct Data {
    pub plan: PlanFile,
    pub measures: MeasuresFile,
    pub indicators: IndicatorsFile,
}

/// An entity's JSON object with the ids of its parents (for child sheets).
type KeyedRow = (Vec<String>, Map<String, Value>);

/// Languages of the template's text columns.
pub const TEMPLATE_LANGUAGES: [&str; 2] = ["de", "en"];

/// The tables of the workbook: filled from `data`, or empty (the template) when `None`.
pub fn tables(data: Option<&Data>) -> Result<Vec<Table>, Vec<Finding>> {
    let values = data.map(|d| {
        (
            to_object(&d.plan),
            to_object(&d.measures),
            to_object(&d.indicators),
        )
    });
    let empty = Map::new();
    let (plan, measures, indicators) = match &values {
        Some((p, m, i)) => (p, m, i),
        None => (&empty, &empty, &empty),
    };
    let default_lang = plan
        .get("plan")
        .and_then(|p| p.get("default_language"))
        .and_then(Value::as_str)
        .unwrap_or("de")
        .to_owned();
    let langs = if data.is_some() {
        languages(&default_lang, plan, measures, indicators)
    } else {
        TEMPLATE_LANGUAGES.iter().map(|s| (*s).to_owned()).collect()
    };

    let mut findings = Vec::new();
    for lang in &langs {
        if !representable_language(lang) {
            findings.push(Finding::fatal(
                Loc::default(),
                FindingKind::LanguageTag { tag: lang.clone() },
                msg!(
                    "Die Sprachkennung „{lang}“ kann nicht als Spaltenüberschrift dargestellt werden (erlaubt: Sprachkennungen wie de, en, tr).",
                    "The language tag \"{lang}\" cannot be shown as a column header (allowed: language tags such as de, en, tr).",
                ),
            ));
        }
    }
    if !findings.is_empty() {
        return Err(findings);
    }

    let mut tables = vec![plan_table(plan, measures, indicators, &langs)];
    let arr = |obj: &Map<String, Value>, key: &str| -> Vec<Map<String, Value>> {
        obj.get(key)
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(|v| v.as_object().cloned()).collect())
            .unwrap_or_default()
    };
    let id_of = |o: &Map<String, Value>| -> String {
        o.get("id")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    let top = |list: Vec<Map<String, Value>>| list.into_iter().map(|o| (Vec::new(), o)).collect();
    let children_by = |parents: &[Map<String, Value>], key: &str, parent_key: &str| {
        let mut rows = Vec::new();
        for p in parents {
            let name = p
                .get(parent_key)
                .and_then(Value::as_str)
                .unwrap_or_default();
            for c in arr(p, key) {
                rows.push((vec![name.to_owned()], c));
            }
        }
        rows
    };
    let children = |parents: &[Map<String, Value>], key: &str| children_by(parents, key, "id");

    let measure_list = arr(measures, "measures");
    let indicator_list = arr(indicators, "indicators");
    let mut values_rows = Vec::new();
    for ind in &indicator_list {
        for s in arr(ind, "series") {
            for o in arr(&s, "observations") {
                values_rows.push((vec![id_of(ind), id_of(&s)], o));
            }
        }
    }
    let mut district_rows = Vec::new();
    for ind in &indicator_list {
        if let Some(b) = ind.get("by_district").and_then(Value::as_object) {
            for v in arr(b, "values") {
                district_rows.push((vec![id_of(ind)], v));
            }
        }
    }
    let report_list = arr(plan, "reports");
    let sheets: [(&SheetSpec, Vec<KeyedRow>); 15] = [
        (&FIELDS, top(arr(plan, "fields"))),
        (&GOALS, top(arr(plan, "goals"))),
        (&ACTORS, top(arr(plan, "actors"))),
        (&DISTRICTS, top(arr(plan, "districts"))),
        (&REPORTS, top(report_list.clone())),
        // Reports have no id: their papers name them by date.
        (&REPORT_PAPERS, children_by(&report_list, "papers", "date")),
        (&MEASURES, top(measure_list.clone())),
        (&MILESTONES, children(&measure_list, "milestones")),
        (&UPDATES, children(&measure_list, "updates")),
        (&LINKS, children(&measure_list, "links")),
        (&MEASURE_PAPERS, children(&measure_list, "papers")),
        (&INDICATORS, top(indicator_list.clone())),
        (&SERIES, children(&indicator_list, "series")),
        (&VALUES, values_rows),
        (&DISTRICT_VALUES, district_rows),
    ];
    for (spec, rows) in sheets {
        tables.push(entity_table(spec, &rows, &langs));
    }
    Ok(tables)
}

fn to_object<T: serde::Serialize>(t: &T) -> Map<String, Value> {
    match serde_json::to_value(t) {
        Ok(Value::Object(o)) => o,
        _ => Map::new(),
    }
}

/// Whether a language tag can be a column header suffix "(tag)" and be read back.
pub fn representable_language(lang: &str) -> bool {
    !lang.is_empty()
        && lang.len() <= 35
        && lang
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Every language used in a text of the data set: the default language first, then the others
/// alphabetically.
fn languages(
    default: &str,
    plan: &Map<String, Value>,
    measures: &Map<String, Value>,
    indicators: &Map<String, Value>,
) -> Vec<String> {
    let mut found = BTreeSet::new();
    let mut add = |spec_fields: &[FieldSpec], obj: &Map<String, Value>| {
        for f in spec_fields {
            if let Kind::Text { .. } = f.kind {
                if let Some(Value::Object(m)) = get_path(obj, f.path) {
                    found.extend(m.keys().cloned());
                }
            }
        }
    };
    if let Some(Value::Object(p)) = plan.get("plan") {
        add(PLAN_FIELDS, p);
    }
    let each = |obj: &Map<String, Value>, key: &str| -> Vec<Map<String, Value>> {
        obj.get(key)
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(|v| v.as_object().cloned()).collect())
            .unwrap_or_default()
    };
    for (spec, key) in [
        (&FIELDS, "fields"),
        (&GOALS, "goals"),
        (&ACTORS, "actors"),
        (&DISTRICTS, "districts"),
        (&REPORTS, "reports"),
    ] {
        for o in each(plan, key) {
            add(spec.fields, &o);
            for c in each(&o, "papers") {
                add(REPORT_PAPERS.fields, &c);
            }
        }
    }
    for m in each(measures, "measures") {
        add(MEASURES.fields, &m);
        for (spec, key) in [
            (&MILESTONES, "milestones"),
            (&UPDATES, "updates"),
            (&LINKS, "links"),
            (&MEASURE_PAPERS, "papers"),
        ] {
            for c in each(&m, key) {
                add(spec.fields, &c);
            }
        }
    }
    for i in each(indicators, "indicators") {
        add(INDICATORS.fields, &i);
        for s in each(&i, "series") {
            add(SERIES.fields, &s);
            for o in each(&s, "observations") {
                add(VALUES.fields, &o);
            }
        }
    }
    let mut out = vec![default.to_owned()];
    out.extend(found.into_iter().filter(|l| l != default));
    out
}

/// The value at a dotted path.
pub fn get_path<'a>(obj: &'a Map<String, Value>, path: &str) -> Option<&'a Value> {
    match path.split_once('.') {
        None => obj.get(path),
        Some((top, rest)) => obj.get(top)?.as_object().and_then(|o| get_path(o, rest)),
    }
}

/// The fields of an entity the sheet has no column for, as one JSON object; a nested object
/// (`budget`) contributes its own unknown fields under its key, or `{}` when it exists without
/// any field the sheet knows (so that its presence survives).
pub fn extras_of(
    spec_known: &[&str],
    nested: &[(&str, Vec<&str>)],
    obj: &Map<String, Value>,
) -> Map<String, Value> {
    let mut out = Map::new();
    for (k, v) in obj {
        if !spec_known.contains(&k.as_str()) {
            out.insert(k.clone(), v.clone());
        }
    }
    for (top, subs) in nested {
        if let Some(Value::Object(o)) = obj.get(*top) {
            let rest = unknown_fields(o, subs);
            if !rest.is_empty() || subs.iter().all(|s| !o.contains_key(first_segment(s))) {
                out.insert((*top).to_owned(), Value::Object(rest));
            }
        }
    }
    out
}

/// The first segment of a dotted path: `target` of `target.period`.
pub fn first_segment(path: &str) -> &str {
    path.split('.').next().unwrap_or(path)
}

/// The paths of `subs` below `key`, without it: `["period"]` for `target` of `target.period`.
pub fn tails<'a>(subs: &[&'a str], key: &str) -> Vec<&'a str> {
    subs.iter()
        .filter_map(|s| s.strip_prefix(key).and_then(|r| r.strip_prefix('.')))
        .collect()
}

/// The fields of `o` that no path of `subs` covers; an object that paths reach into (`target`
/// of `target.period`) contributes its own uncovered fields, if it has any.
pub fn unknown_fields(o: &Map<String, Value>, subs: &[&str]) -> Map<String, Value> {
    let mut rest = Map::new();
    for (k, v) in o {
        if subs.contains(&k.as_str()) {
            continue;
        }
        let deeper = tails(subs, k);
        match v {
            Value::Object(inner) if !deeper.is_empty() => {
                let r = unknown_fields(inner, &deeper);
                if !r.is_empty() {
                    rest.insert(k.clone(), Value::Object(r));
                }
            }
            _ => {
                rest.insert(k.clone(), v.clone());
            }
        }
    }
    rest
}

/// The header of a text column in one language.
pub fn lang_header(base: &str, lang: &str) -> String {
    format!("{base} ({lang})")
}

fn lang_explain(explain: &str, lang: &str) -> String {
    format!("{explain} Sprache: {lang}.")
}

fn plain_explain(explain: &str) -> String {
    format!("{explain} Text ohne Sprachangabe (gilt in der Standardsprache).")
}

/// The style of a field's column.
fn style(kind: Kind) -> Style {
    match kind {
        Kind::Id | Kind::Str => Style::Id,
        Kind::Ref(sheet) => Style::Ref {
            sheet: sheet.to_owned(),
            column: "A".to_owned(),
        },
        Kind::Text { long } => Style::Text { long },
        Kind::Number => Style::Number,
        Kind::Integer => Style::Integer,
        Kind::Date | Kind::Period => Style::Date,
        Kind::Bool => Style::Choice(vec![YES.to_owned(), NO.to_owned()]),
        Kind::Choice(v) => Style::Choice(v.labels()),
        Kind::IdList | Kind::StrList | Kind::TextList => Style::List,
    }
}

/// The column of the parent key in the target sheet: its id column, after its own keys.
fn key_column(target: &str) -> String {
    let keys = ENTITY_SHEETS
        .iter()
        .find(|s| s.name == target)
        .map_or(0, |s| s.keys.len());
    super::column_letter(keys as u32)
}

/// The columns of an entity sheet, given which text fields need a column without language and
/// whether the unknown-fields column is needed.
fn entity_columns(spec: &SheetSpec, plain: &[bool], extras: bool, langs: &[String]) -> Vec<Column> {
    let mut cols: Vec<Column> = spec
        .keys
        .iter()
        .map(|k| Column {
            header: k.header.to_owned(),
            explain: k.explain.to_owned(),
            style: Style::Ref {
                sheet: k.target.to_owned(),
                column: key_column(k.target),
            },
            required: true,
        })
        .collect();
    for (i, field) in spec.fields.iter().enumerate() {
        match field.kind {
            Kind::Text { .. } => {
                if plain.get(i).copied().unwrap_or(false) {
                    cols.push(Column {
                        header: field.header.to_owned(),
                        explain: plain_explain(field.explain),
                        style: style(field.kind),
                        required: field.required,
                    });
                }
                for lang in langs {
                    cols.push(Column {
                        header: lang_header(field.header, lang),
                        explain: lang_explain(field.explain, lang),
                        style: style(field.kind),
                        required: field.required,
                    });
                }
            }
            kind => cols.push(Column {
                header: field.header.to_owned(),
                explain: field.explanation(),
                style: style(kind),
                required: field.required,
            }),
        }
    }
    if extras {
        cols.push(Column {
            header: EXTRA_HEADER.to_owned(),
            explain: EXTRA_EXPLAIN.to_owned(),
            style: Style::Json,
            required: false,
        });
    }
    cols
}

/// The table of one entity sheet.
fn entity_table(spec: &SheetSpec, rows: &[KeyedRow], langs: &[String]) -> Table {
    let known = spec.known_keys();
    let nested = spec.nested();
    let plain: Vec<bool> = spec
        .fields
        .iter()
        .map(|f| {
            matches!(f.kind, Kind::Text { .. })
                && rows
                    .iter()
                    .any(|(_, o)| matches!(get_path(o, f.path), Some(Value::String(_))))
        })
        .collect();
    let extras: Vec<Map<String, Value>> = rows
        .iter()
        .map(|(_, o)| extras_of(&known, &nested, o))
        .collect();
    let has_extras = extras.iter().any(|e| !e.is_empty());
    let columns = entity_columns(spec, &plain, has_extras, langs);

    let mut out_rows = Vec::with_capacity(rows.len());
    for ((keys, obj), extra) in rows.iter().zip(&extras) {
        let mut cells: Vec<Cell> = keys.iter().map(|k| Cell::Text(k.clone())).collect();
        for (i, field) in spec.fields.iter().enumerate() {
            let v = get_path(obj, field.path);
            match field.kind {
                Kind::Text { .. } => {
                    if plain.get(i).copied().unwrap_or(false) {
                        cells.push(match v {
                            Some(Value::String(s)) => Cell::Text(s.clone()),
                            _ => Cell::Empty,
                        });
                    }
                    for lang in langs {
                        cells.push(match v {
                            Some(Value::Object(m)) => m
                                .get(lang)
                                .and_then(Value::as_str)
                                .map_or(Cell::Empty, |s| Cell::Text(s.to_owned())),
                            _ => Cell::Empty,
                        });
                    }
                }
                kind => cells.push(value_cell(kind, v)),
            }
        }
        if has_extras {
            cells.push(if extra.is_empty() {
                Cell::Empty
            } else {
                Cell::Text(Value::Object(extra.clone()).to_string())
            });
        }
        out_rows.push(cells);
    }
    Table {
        name: spec.name.to_owned(),
        about: spec.about.to_owned(),
        columns,
        rows: out_rows,
        file: spec.file,
    }
}

/// The cell of a non-text field.
pub fn value_cell(kind: Kind, v: Option<&Value>) -> Cell {
    let Some(v) = v else { return Cell::Empty };
    match (kind, v) {
        (_, Value::Null) => Cell::Empty,
        (Kind::Bool, Value::Bool(b)) => Cell::Text(if *b { YES } else { NO }.to_owned()),
        (Kind::Choice(vocab), Value::String(s)) => Cell::Text(vocab.label(s)),
        (Kind::Integer, Value::Number(n)) => match n.as_i64() {
            Some(i) => Cell::Int(i),
            None => n.as_f64().map_or(Cell::Empty, Cell::Number),
        },
        (Kind::Number, Value::Number(n)) => n.as_f64().map_or(Cell::Empty, Cell::Number),
        (Kind::IdList, Value::Array(items)) => list_cell(items, ", ", &[',', ';']),
        (Kind::StrList | Kind::TextList, Value::Array(items)) => list_cell(items, "; ", &[';']),
        (_, Value::String(s)) => Cell::Text(s.clone()),
        // Only a malformed value gets here; JSON keeps it exact.
        (_, other) => Cell::Text(other.to_string()),
    }
}

/// A list as "a, b, c", or as a JSON list when an item could not be read back from that form
/// (empty, with a separator or line break, with spaces around it, a language map …).
fn list_cell(items: &[Value], sep: &str, split: &[char]) -> Cell {
    if items.is_empty() {
        return Cell::Empty;
    }
    let simple = items.iter().enumerate().all(|(i, v)| match v {
        Value::String(s) => {
            let unsafe_item = s.is_empty()
                || s.trim() != s
                || s.contains(split)
                || s.contains(['\n', '\r'])
                || (i == 0 && s.starts_with('['));
            !unsafe_item
        }
        _ => false,
    });
    if simple {
        let parts: Vec<&str> = items.iter().filter_map(Value::as_str).collect();
        Cell::Text(parts.join(sep))
    } else {
        Cell::Text(Value::Array(items.to_vec()).to_string())
    }
}

/// The Plan sheet: one row per property of the plan, then rows for unknown fields.
fn plan_table(
    plan_file: &Map<String, Value>,
    measures: &Map<String, Value>,
    indicators: &Map<String, Value>,
    langs: &[String],
) -> Table {
    let empty = Map::new();
    let plan = plan_file
        .get("plan")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let label = |h: &str, e: &str| Column {
        header: h.to_owned(),
        explain: e.to_owned(),
        style: Style::Label,
        required: false,
    };
    // Staff read the label and fill the values; the explanation and the technical key (what
    // the import goes by) come last.
    let mut columns = vec![
        label(PLAN_LABEL, PLAN_LABEL_EXPLAIN),
        Column {
            header: PLAN_VALUE.to_owned(),
            explain: PLAN_VALUE_EXPLAIN.to_owned(),
            style: Style::Text { long: true },
            required: false,
        },
    ];
    for lang in langs {
        columns.push(Column {
            header: lang_header(PLAN_VALUE, lang),
            explain: format!("Nur bei Texten: der Text in der Sprache {lang}."),
            style: Style::Text { long: true },
            required: false,
        });
    }
    columns.push(label(PLAN_EXPLAIN, PLAN_EXPLAIN_EXPLAIN));
    columns.push(label(PLAN_KEY, PLAN_KEY_EXPLAIN));
    let row = |label: &str, key: &str, explain: &str, values: Vec<Cell>| -> Vec<Cell> {
        let mut cells = vec![Cell::Text(label.to_owned())];
        cells.extend(values);
        cells.push(Cell::Text(explain.to_owned()));
        cells.push(Cell::Text(key.to_owned()));
        cells
    };
    let mut rows = Vec::new();
    for field in PLAN_FIELDS {
        let v = get_path(plan, field.path);
        let mut values = Vec::new();
        match (field.kind, v) {
            (Kind::Text { .. }, Some(Value::Object(m))) => {
                values.push(Cell::Empty);
                for lang in langs {
                    values.push(
                        m.get(lang)
                            .and_then(Value::as_str)
                            .map_or(Cell::Empty, |s| Cell::Text(s.to_owned())),
                    );
                }
            }
            (kind, v) => {
                values.push(value_cell(kind, v));
                values.extend(langs.iter().map(|_| Cell::Empty));
            }
        }
        rows.push(row(field.header, field.path, field.explain, values));
    }
    let plan_known: Vec<&str> = {
        let mut k: Vec<&str> = Vec::new();
        for f in PLAN_FIELDS {
            let top = f.path.split('.').next().unwrap_or(f.path);
            if !k.contains(&top) {
                k.push(top);
            }
        }
        k
    };
    let plan_nested: Vec<(&str, Vec<&str>)> = {
        let mut out: Vec<(&str, Vec<&str>)> = Vec::new();
        for f in PLAN_FIELDS {
            if let Some((top, sub)) = f.path.split_once('.') {
                match out.iter_mut().find(|(t, _)| *t == top) {
                    Some((_, s)) => s.push(sub),
                    None => out.push((top, vec![sub])),
                }
            }
        }
        out
    };
    let mut extra_rows = vec![(
        "Weitere Felder (Plan)",
        PLAN_EXTRA_PLAN,
        extras_of(&plan_known, &plan_nested, plan),
    )];
    let file_known: [(&Map<String, Value>, &[&str]); 3] = [
        (plan_file, wegmarke_core::FILE_KEYS[0]),
        (measures, wegmarke_core::FILE_KEYS[1]),
        (indicators, wegmarke_core::FILE_KEYS[2]),
    ];
    for ((obj, known), (_, key)) in file_known.iter().zip(PLAN_EXTRA_FILE) {
        extra_rows.push(("Weitere Felder (Datei)", key, extras_of(known, &[], obj)));
    }
    for (label, key, extra) in extra_rows {
        if extra.is_empty() {
            continue;
        }
        let mut values = vec![Cell::Text(Value::Object(extra).to_string())];
        values.extend(langs.iter().map(|_| Cell::Empty));
        rows.push(row(label, key, EXTRA_EXPLAIN, values));
    }
    Table {
        name: PLAN_SHEET.to_owned(),
        about: PLAN_ABOUT.to_owned(),
        columns,
        rows,
        file: PLAN_FILE,
    }
}
