//! Tables -> data files. Every cell is converted on its own, so each problem is reported at its
//! sheet, row and column; then the app's own validation runs on the result and its JSON-path
//! problems are mapped back to cells.
//!
//! What the workbook does not contain is taken from the existing JSON files: a missing sheet,
//! a missing column (also a missing language column of a text), and unknown fields when the
//! sheet has no "Weitere Felder (JSON)" column.
//!
//! A finding is fatal (nothing is written) when a cell cannot be turned into the data format
//! (not a number, an unknown status word, a date that does not exist, a row whose parent is
//! missing). Problems the app itself would report (an unknown goal, a duplicate id) are not
//! fatal: the files are written, exactly as the app would then show them.

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use wegmarke_core::{
    Date, IndicatorsFile, JsonPath, MeasuresFile, Period, PlanFile, ProblemKind, Severity, FORMAT,
    INDICATORS_FILE, MEASURES_FILE, PLAN_FILE,
};

use super::export::{extras_of, get_path, representable_language, Data};
use super::sheets::*;
use super::{Cell, Finding, Grid, GridRow, Level, Loc};
use crate::msg;
use crate::msg::Msg;

/// The existing data files as JSON values, read leniently: what the workbook lacks is taken
/// from them. `None` where a file is missing or not JSON.
#[derive(Clone, Debug, Default)]
pub struct Existing {
    pub plan: Option<Map<String, Value>>,
    pub measures: Option<Map<String, Value>>,
    pub indicators: Option<Map<String, Value>>,
}

impl Existing {
    /// From the files' bytes (each may be missing).
    pub fn from_bytes(
        plan: Option<&[u8]>,
        measures: Option<&[u8]>,
        indicators: Option<&[u8]>,
    ) -> Existing {
        let parse = |b: Option<&[u8]>| -> Option<Map<String, Value>> {
            let b = b?;
            match serde_json::from_slice(b.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(b)) {
                Ok(Value::Object(o)) => Some(o),
                _ => None,
            }
        };
        Existing {
            plan: parse(plan),
            measures: parse(measures),
            indicators: parse(indicators),
        }
    }

    fn file(&self, name: &str) -> Option<&Map<String, Value>> {
        match name {
            PLAN_FILE => self.plan.as_ref(),
            MEASURES_FILE => self.measures.as_ref(),
            _ => self.indicators.as_ref(),
        }
    }
}

/// Where each part of the written JSON came from, to show core problems at their cell.
#[derive(Clone, Debug, Default)]
pub struct Locator {
    map: HashMap<String, Loc>,
}

impl Locator {
    fn put(&mut self, file: &str, path: &str, loc: Loc) {
        self.map.entry(format!("{file}|{path}")).or_insert(loc);
    }

    /// The cell or row of a JSON path, or of its nearest located parent.
    pub fn find(&self, file: &str, path: &JsonPath) -> Option<Loc> {
        (0..=path.0.len()).rev().find_map(|n| {
            let p = JsonPath(path.0[..n].to_vec());
            self.map.get(&format!("{file}|{p}")).cloned()
        })
    }
}

/// The result of an import: the data (when nothing was fatal), where things came from, and the
/// findings in sheet order.
#[derive(Clone, Debug, Default)]
pub struct Imported {
    pub data: Option<Data>,
    pub locator: Locator,
    pub findings: Vec<Finding>,
}

// ------------------------------------------------------------------ cells -> values

/// The text of a cell (numbers as their shortest exact form); `None` when empty.
pub fn cell_text(cell: &Cell) -> Result<Option<String>, Msg> {
    Ok(match cell {
        Cell::Empty => None,
        Cell::Text(s) if s.is_empty() => None,
        Cell::Text(s) => Some(s.clone()),
        Cell::Number(f) => Some(format_number(*f)),
        Cell::Int(i) => Some(i.to_string()),
        Cell::Bool(b) => Some(if *b { "true" } else { "false" }.to_owned()),
        Cell::Date(d) => Some(d.clone()),
        Cell::Error(e) => return Err(error_value(e)),
    })
}

fn error_value(e: &str) -> Msg {
    msg!(
        "Die Zelle enthält den Fehlerwert {e} statt eines Werts.",
        "The cell holds the error value {e} instead of a value.",
    )
}

/// The shortest text that reads back as exactly this number.
pub fn format_number(f: f64) -> String {
    let a = f.abs();
    if a != 0.0 && !(1e-5..1e16).contains(&a) {
        format!("{f:e}")
    } else {
        format!("{f}")
    }
}

/// A number as staff type it: "11.8" or "11,8", no thousands separators.
pub fn parse_number(s: &str) -> Option<f64> {
    let t = s.trim();
    if t.is_empty() || (t.contains(',') && t.contains('.')) {
        return None;
    }
    if !t
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '+' | 'e' | 'E'))
    {
        return None;
    }
    let v: f64 = t.replace(',', ".").parse().ok()?;
    v.is_finite().then_some(v)
}

/// A value and possibly a warning about how it was read.
type Converted = (Option<Value>, Option<Msg>);

fn not_a_number(found: &str) -> Msg {
    msg!(
        "„{found}“ ist keine Zahl (Dezimaltrennzeichen Komma oder Punkt, keine Tausenderpunkte).",
        "\"{found}\" is not a number (decimal comma or point, no thousands separators).",
    )
}

fn excel_date_warning(d: &str) -> Msg {
    msg!(
        "Das Tabellenprogramm hat den Wert als Datum gespeichert; übernommen als {d}. Bitte prüfen und die Zelle als Text formatieren (z. B. „2023-06“ für einen Monat).",
        "The spreadsheet program stored the value as a date; read as {d}. Please check it and format the cell as text (e.g. \"2023-06\" for a month).",
    )
}

/// Converts one cell of a non-text field.
pub fn convert(kind: Kind, cell: &Cell) -> Result<Converted, Msg> {
    if let Cell::Error(e) = cell {
        return Err(error_value(e));
    }
    if cell.is_empty() {
        return Ok((None, None));
    }
    match kind {
        Kind::Id | Kind::Str | Kind::Ref(_) => Ok((cell_text(cell)?.map(Value::String), None)),
        Kind::Number => {
            let v = match cell {
                Cell::Number(f) if f.is_finite() => *f,
                Cell::Int(i) => *i as f64,
                Cell::Text(s) => parse_number(s).ok_or_else(|| not_a_number(s))?,
                other => {
                    let t = cell_text(other)?.unwrap_or_default();
                    return Err(not_a_number(&t));
                }
            };
            Ok((serde_json::Number::from_f64(v).map(Value::Number), None))
        }
        Kind::Integer => {
            let bad = |t: &str| {
                msg!(
                    "„{t}“ ist keine ganze Zahl.",
                    "\"{t}\" is not a whole number.",
                )
            };
            let v = match cell {
                Cell::Int(i) => *i,
                Cell::Number(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => *f as i64,
                Cell::Text(s) => match s.trim().parse::<i64>() {
                    Ok(i) => i,
                    Err(_) => match parse_number(s) {
                        Some(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => f as i64,
                        _ => return Err(bad(s)),
                    },
                },
                other => return Err(bad(&cell_text(other)?.unwrap_or_default())),
            };
            Ok((Some(Value::from(v)), None))
        }
        Kind::Date | Kind::Period => {
            let is_date = kind == Kind::Date;
            let (text, warn) = match cell {
                Cell::Date(d) => (d.clone(), Some(excel_date_warning(d))),
                Cell::Number(f) if f.fract() == 0.0 && (1000.0..10000.0).contains(f) => {
                    (format!("{f}"), None)
                }
                Cell::Int(i) if (1000..10000).contains(i) => (i.to_string(), None),
                other => (
                    cell_text(other)?.unwrap_or_default().trim().to_owned(),
                    None,
                ),
            };
            let ok = if is_date {
                Date::parse(&text).is_some()
            } else {
                Period::parse(&text).is_some()
            };
            if !ok {
                let kind = if is_date {
                    ProblemKind::InvalidDate { value: text }
                } else {
                    ProblemKind::InvalidPeriod { value: text }
                };
                return Err(Msg::core(&kind));
            }
            Ok((Some(Value::String(text)), warn))
        }
        Kind::Bool => {
            let b = match cell {
                Cell::Bool(b) => Some(*b),
                Cell::Int(1) => Some(true),
                Cell::Int(0) => Some(false),
                Cell::Number(f) if *f == 1.0 => Some(true),
                Cell::Number(f) if *f == 0.0 => Some(false),
                other => {
                    let t = normalize(&cell_text(other)?.unwrap_or_default());
                    match t.as_str() {
                        "ja" | "j" | "yes" | "y" | "true" | "wahr" | "x" | "1" => Some(true),
                        "nein" | "n" | "no" | "false" | "falsch" | "0" | "-" => Some(false),
                        _ => None,
                    }
                }
            };
            match b {
                Some(b) => Ok((Some(Value::Bool(b)), None)),
                None => Err(Msg::core(&ProblemKind::UnknownValue {
                    found: cell_text(cell)?.unwrap_or_default(),
                    allowed: format!("{YES}, {NO}"),
                })),
            }
        }
        Kind::Choice(vocab) => {
            let t = cell_text(cell)?.unwrap_or_default();
            match vocab.parse(&t) {
                Some(code) => Ok((Some(Value::String(code.to_owned())), None)),
                None => Err(Msg::core(&ProblemKind::UnknownValue {
                    found: t,
                    allowed: vocab.labels().join(", "),
                })),
            }
        }
        Kind::IdList => list(cell, &[',', ';', '\n', '\r'], false),
        Kind::StrList => list(cell, &[';', '\n', '\r'], false),
        Kind::TextList => list(cell, &[';', '\n', '\r'], true),
        Kind::Text { .. } => Ok((cell_text(cell)?.map(Value::String), None)),
    }
}

/// A list cell: "a, b" (split and trimmed) or a JSON list (what export writes when an item
/// would not survive splitting).
fn list(cell: &Cell, split: &[char], texts: bool) -> Result<Converted, Msg> {
    let Some(t) = cell_text(cell)? else {
        return Ok((None, None));
    };
    if t.trim_start().starts_with('[') {
        if let Ok(Value::Array(items)) = serde_json::from_str::<Value>(&t) {
            let ok = items.iter().all(|v| match v {
                Value::String(_) => true,
                Value::Object(m) => texts && m.values().all(Value::is_string),
                _ => false,
            });
            if !ok {
                return Err(msg!(
                    "Die Liste in JSON-Form darf nur Texte enthalten.",
                    "A list in JSON form may only hold texts.",
                ));
            }
            return Ok(((!items.is_empty()).then_some(Value::Array(items)), None));
        }
    }
    let items: Vec<Value> = t
        .split(split)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| Value::String(s.to_owned()))
        .collect();
    Ok(((!items.is_empty()).then_some(Value::Array(items)), None))
}

/// A text from its column without language and its language columns: a plain string, or a map
/// from language to text. A plain text next to other languages counts as the default language.
fn text_value(
    plain: Option<String>,
    langs: Vec<(String, String)>,
    default_lang: &str,
) -> Result<Option<Value>, Msg> {
    let mut map = Map::new();
    for (l, t) in langs {
        map.insert(l, Value::String(t));
    }
    match plain {
        None if map.is_empty() => Ok(None),
        None => Ok(Some(Value::Object(map))),
        Some(p) if map.is_empty() => Ok(Some(Value::String(p))),
        Some(p) => {
            if map.contains_key(default_lang) {
                return Err(msg!(
                    "Der Text steht sowohl in der Spalte ohne Sprache als auch in der Spalte der Standardsprache ({default_lang}); bitte nur eine füllen.",
                    "The text is in both the column without language and the default language's column ({default_lang}); please fill only one.",
                ));
            }
            map.insert(default_lang.to_owned(), Value::String(p));
            Ok(Some(Value::Object(map)))
        }
    }
}

/// Adds the languages of an existing text that the workbook has no column for.
fn keep_missing_languages(
    built: Option<Value>,
    existing: Option<&Value>,
    known: &[String],
    default_lang: &str,
) -> (Option<Value>, Vec<String>) {
    let missing: Vec<(String, Value)> = match existing {
        Some(Value::Object(m)) => m
            .iter()
            .filter(|(l, _)| !known.contains(l))
            .map(|(l, v)| (l.clone(), v.clone()))
            .collect(),
        Some(Value::String(p)) if !known.iter().any(|l| l == default_lang) => {
            if built.is_none() {
                return (
                    Some(Value::String(p.clone())),
                    vec![default_lang.to_owned()],
                );
            }
            vec![(default_lang.to_owned(), Value::String(p.clone()))]
        }
        _ => Vec::new(),
    };
    if missing.is_empty() {
        return (built, Vec::new());
    }
    let langs = missing.iter().map(|(l, _)| l.clone()).collect();
    let mut map = match built {
        None => Map::new(),
        Some(Value::Object(m)) => m,
        Some(Value::String(p)) => {
            let mut m = Map::new();
            m.insert(default_lang.to_owned(), Value::String(p));
            m
        }
        Some(other) => return (Some(other), Vec::new()),
    };
    for (l, v) in missing {
        map.entry(l).or_insert(v);
    }
    (Some(Value::Object(map)), langs)
}

/// Sets a value at a dotted path, creating nested objects.
pub fn set_path(obj: &mut Map<String, Value>, path: &str, v: Value) {
    match path.split_once('.') {
        None => {
            obj.insert(path.to_owned(), v);
        }
        Some((top, rest)) => {
            let entry = obj
                .entry(top.to_owned())
                .or_insert_with(|| Value::Object(Map::new()));
            if !entry.is_object() {
                *entry = Value::Object(Map::new());
            }
            if let Value::Object(o) = entry {
                set_path(o, rest, v);
            }
        }
    }
}

// ------------------------------------------------------------------ headers

/// Which columns hold a field.
#[derive(Clone, Debug, Default)]
struct FieldCols {
    /// The column without language (for non-text fields: the column).
    plain: Option<(u32, String)>,
    langs: Vec<(String, u32, String)>,
}

impl FieldCols {
    fn present(&self) -> bool {
        self.plain.is_some() || !self.langs.is_empty()
    }
}

/// The columns of one entity sheet.
#[derive(Clone, Debug, Default)]
struct Header {
    row: u32,
    keys: Vec<Option<(u32, String)>>,
    fields: Vec<FieldCols>,
    extras: Option<(u32, String)>,
    unknown: Vec<(u32, String)>,
}

fn header_text(cell: &Cell) -> String {
    cell_text(cell)
        .ok()
        .flatten()
        .unwrap_or_default()
        .trim()
        .to_owned()
}

/// Splits "Titel (de)" into ("Titel", "de").
fn split_lang(h: &str) -> Option<(&str, &str)> {
    let inner = h.strip_suffix(')')?;
    let (base, lang) = inner.rsplit_once('(')?;
    let (base, lang) = (base.trim(), lang.trim());
    (!base.is_empty() && representable_language(lang)).then_some((base, lang))
}

fn matches_header(h: &str, header: &str, path: &str) -> bool {
    let n = normalize(h);
    n == normalize(header) || n == normalize(path)
}

fn read_header(spec: &SheetSpec, row: &GridRow, findings: &mut Vec<Finding>) -> Header {
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
            let first = super::column_letter(first);
            findings.push(Finding::fatal(
                Loc::cell(spec.name, row.number, c, &h),
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
fn is_explanation_row(spec: &SheetSpec, hdr: &Header, row: &GridRow) -> bool {
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

// ------------------------------------------------------------------ rows

/// One entity row as read.
#[derive(Clone, Debug, Default)]
struct Row {
    number: u32,
    keys: Vec<String>,
    obj: Map<String, Value>,
    /// The unknown-fields cell: `None` when the sheet has no such column.
    extras: Option<Map<String, Value>>,
    /// Field path -> (column, header) that held it.
    cols: Vec<(&'static str, u32, String)>,
    /// Whether the row converted without a fatal finding.
    ok: bool,
}

/// A row and the existing entry it was matched with.
type Entry = (Row, Option<Map<String, Value>>);

/// One entity sheet as read.
#[derive(Clone, Debug, Default)]
struct Sheet {
    present: bool,
    hdr: Header,
    rows: Vec<Row>,
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

struct Ctx<'a> {
    default_lang: String,
    existing: &'a Existing,
    findings: Vec<Finding>,
    /// Sheet -> "Titel (en)" columns whose texts were kept from the existing file.
    kept_languages: BTreeMap<&'static str, BTreeSet<String>>,
}

impl Ctx<'_> {
    fn push(&mut self, f: Finding) {
        self.findings.push(f);
    }
}

fn read_sheet(spec: &SheetSpec, grid: Option<&Grid>, ctx: &mut Ctx) -> Sheet {
    let Some(grid) = grid else {
        return Sheet::default();
    };
    let mut rows = grid.rows.iter().filter(|r| !r.is_blank());
    let Some(first) = rows.next() else {
        ctx.push(Finding::note(
            Loc::sheet(spec.name),
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
                msg!(
                    "Unbekannte Spalte „{h}“: ihr Inhalt wird nicht übernommen.",
                    "Unknown column \"{h}\": its content is not imported.",
                ),
            ));
        }
    }
    let mut out = Vec::with_capacity(data_rows.len());
    for r in data_rows {
        out.push(read_row(spec, &hdr, r, ctx));
    }
    Sheet {
        present: true,
        hdr,
        rows: out,
    }
}

fn read_row(spec: &SheetSpec, hdr: &Header, r: &GridRow, ctx: &mut Ctx) -> Row {
    let mut row = Row {
        number: r.number,
        ok: true,
        ..Row::default()
    };
    let sheet = spec.name;
    for (i, k) in hdr.keys.iter().enumerate() {
        let Some((c, h)) = k else { continue };
        match cell_text(r.cell(*c)) {
            Ok(Some(t)) => row.keys.push(t),
            Ok(None) => {
                let what = spec.keys[i].header;
                ctx.push(Finding::fatal(
                    Loc::cell(sheet, r.number, *c, h),
                    msg!(
                        "Pflichtangabe „{what}“ fehlt: die Zeile kann keinem Eintrag zugeordnet werden.",
                        "Required value \"{what}\" is missing: the row cannot be attached to an entry.",
                    ),
                ));
                row.ok = false;
            }
            Err(m) => {
                ctx.push(Finding::fatal(Loc::cell(sheet, r.number, *c, h), m));
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
                convert(kind, r.cell(*c)).map_err(|m| (*c, h.clone(), m))
            }
        };
        match result {
            Ok((v, warn)) => {
                let (c, h) = first_filled(fc, r);
                if let Some(w) = warn {
                    ctx.push(Finding::problem(Loc::cell(sheet, r.number, c, &h), w));
                }
                row.cols.push((field.path, c, h));
                if let Some(v) = v {
                    set_path(&mut row.obj, field.path, v);
                }
            }
            Err((c, h, m)) => {
                ctx.push(Finding::fatal(Loc::cell(sheet, r.number, c, &h), m));
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
                        msg!(
                            "Kein gültiges JSON-Objekt {{ … }}; diese Spalte bitte nicht von Hand ändern.",
                            "Not a valid JSON object {{ … }}; please do not edit this column by hand.",
                        ),
                    ));
                    row.ok = false;
                }
            },
            Err(m) => {
                ctx.push(Finding::fatal(Loc::cell(sheet, r.number, *c, h), m));
                row.ok = false;
            }
        }
    }
    row
}

/// The column of a field that has content (for locating problems), else its first column.
fn first_filled(fc: &FieldCols, r: &GridRow) -> (u32, String) {
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

type CellError = (u32, String, Msg);

fn read_text(fc: &FieldCols, r: &GridRow, default_lang: &str) -> Result<Converted, CellError> {
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

// ------------------------------------------------------------------ restoring from existing JSON

/// The key an existing child entry is matched by (children have no ids of their own).
fn match_key(spec: &SheetSpec) -> &'static str {
    match spec.name {
        "Meilensteine" | "Aktualisierungen" | "Berichte" => "date",
        "Links" => "url",
        "Werte" => "period",
        _ => "id",
    }
}

/// Matches rows to existing entries by their match key, each entry at most once, in order.
/// The index is built on first use, so matching stays linear for large plans.
#[derive(Clone, Debug, Default)]
struct Matcher {
    index: Option<HashMap<String, VecDeque<usize>>>,
}

/// The first existing entry with the same match key that is not taken yet.
fn pick_existing<'a>(
    spec: &SheetSpec,
    candidates: &'a [Value],
    obj: &Map<String, Value>,
    matcher: &mut Matcher,
) -> Option<&'a Map<String, Value>> {
    let key = match_key(spec);
    let want = obj.get(key)?.to_string();
    let index = matcher.index.get_or_insert_with(|| {
        let mut h: HashMap<String, VecDeque<usize>> = HashMap::new();
        for (i, v) in candidates.iter().enumerate() {
            if let Some(k) = v.get(key) {
                h.entry(k.to_string()).or_default().push_back(i);
            }
        }
        h
    });
    let i = index.get_mut(&want)?.pop_front()?;
    candidates.get(i)?.as_object()
}

fn array_of<'a>(obj: Option<&'a Map<String, Value>>, key: &str) -> &'a [Value] {
    obj.and_then(|o| o.get(key))
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// Completes a row from its existing entry: fields without a column, languages without a
/// column, and unknown fields when the sheet has no column for them.
fn restore(
    spec: &SheetSpec,
    sheet: &Sheet,
    row: &mut Row,
    existing: Option<&Map<String, Value>>,
    ctx: &mut Ctx,
) {
    for (i, field) in spec.fields.iter().enumerate() {
        let fc = &sheet.hdr.fields[i];
        let old = existing.and_then(|e| get_path(e, field.path));
        if !fc.present() {
            if let Some(v) = old {
                set_path(&mut row.obj, field.path, v.clone());
            }
        } else if matches!(field.kind, Kind::Text { .. }) {
            let mut known: Vec<String> = fc.langs.iter().map(|(l, _, _)| l.clone()).collect();
            if fc.plain.is_some() {
                known.push(ctx.default_lang.clone());
            }
            let built = get_path(&row.obj, field.path).cloned();
            let (v, kept) = keep_missing_languages(built.clone(), old, &known, &ctx.default_lang);
            for l in kept {
                ctx.kept_languages
                    .entry(spec.name)
                    .or_default()
                    .insert(format!("{} ({l})", field.header));
            }
            if v != built {
                if let Some(v) = v {
                    set_path(&mut row.obj, field.path, v);
                }
            }
        }
    }
    let explicit = row.extras.is_some();
    let extras = match row.extras.take() {
        Some(x) => x,
        None => existing
            .map(|e| extras_of(&spec.known_keys(), &spec.nested(), e))
            .unwrap_or_default(),
    };
    if let Err(m) = merge_extras(spec, &mut row.obj, extras, explicit, existing) {
        let loc = match &sheet.hdr.extras {
            Some((c, h)) => Loc::cell(spec.name, row.number, *c, h),
            None => Loc::row(spec.name, row.number),
        };
        ctx.push(Finding::fatal(loc, m));
        row.ok = false;
    }
}

/// Puts unknown fields back into an entity. From the column (`explicit`), a field that has its
/// own column is refused; restored ones never override what the workbook says.
fn merge_extras(
    spec: &SheetSpec,
    obj: &mut Map<String, Value>,
    extras: Map<String, Value>,
    explicit: bool,
    existing: Option<&Map<String, Value>>,
) -> Result<(), Msg> {
    let known = spec.known_keys();
    let nested = spec.nested();
    for (k, v) in extras {
        if let Some((_, subs)) = nested.iter().find(|(t, _)| *t == k) {
            let Value::Object(sub) = v else {
                if explicit {
                    return Err(conflict(&k));
                }
                continue;
            };
            match obj.get_mut(&k) {
                Some(Value::Object(target)) => {
                    for (sk, sv) in sub {
                        if subs.contains(&sk.as_str()) {
                            if explicit {
                                return Err(conflict(&format!("{k}.{sk}")));
                            }
                            continue;
                        }
                        target.insert(sk, sv);
                    }
                }
                _ => {
                    // Restored: only recreate an object the workbook could not show (no field
                    // with a column); one whose cells were emptied stays removed.
                    let had_known = existing
                        .and_then(|e| e.get(&k))
                        .and_then(Value::as_object)
                        .is_some_and(|o| subs.iter().any(|s| o.contains_key(*s)));
                    if explicit || !had_known {
                        obj.insert(k, Value::Object(sub));
                    }
                }
            }
        } else if known.contains(&k.as_str()) {
            if explicit {
                return Err(conflict(&k));
            }
        } else {
            obj.insert(k, v);
        }
    }
    Ok(())
}

fn conflict(k: &str) -> Msg {
    msg!(
        "„Weitere Felder“ enthält das Feld „{k}“, das eine eigene Spalte oder ein eigenes Blatt hat.",
        "\"Weitere Felder\" holds the field \"{k}\", which has its own column or sheet.",
    )
}

// ------------------------------------------------------------------ typed check

/// Deserializes an entity into its contract type, reporting a missing required value at its
/// cell. `cols` holds the cells of the fields the workbook has; `fallback` is the row.
fn check_typed<T: DeserializeOwned>(
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
    ctx.push(Finding::fatal(loc, m));
    false
}

fn locate_row(loc: &mut Locator, file: &str, path: &str, sheet: &str, row: &Row) {
    loc.put(file, path, Loc::row(sheet, row.number));
    for (p, c, h) in &row.cols {
        loc.put(
            file,
            &format!("{path}.{p}"),
            Loc::cell(sheet, row.number, *c, h),
        );
        // A problem inside a nested object (`budget`) without its own column points at the
        // first column of that object.
        if let Some((top, _)) = p.split_once('.') {
            loc.put(
                file,
                &format!("{path}.{top}"),
                Loc::cell(sheet, row.number, *c, h),
            );
        }
    }
}

// ------------------------------------------------------------------ the Plan sheet

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
                        Err((c, h, m)) => {
                            ctx.push(Finding::fatal(Loc::cell(sheet, r.number, c, &h), m))
                        }
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
                                ctx.push(Finding::problem(Loc::cell(sheet, r.number, c, &h), w));
                            }
                            out.cells.push((field.path, r.number, c, h));
                            if let Some(v) = v {
                                set_path(&mut out.plan, field.path, v);
                            }
                        }
                        Err(m) => ctx.push(Finding::fatal(Loc::cell(sheet, r.number, c, &h), m)),
                    }
                }
            }
        } else if let Some(slot) = extra_slot {
            let Some((c, h)) = value_cell else { continue };
            let parsed = match cell_text(r.cell(c)) {
                Ok(None) => Ok(Map::new()),
                Ok(Some(t)) => match serde_json::from_str::<Value>(&t) {
                    Ok(Value::Object(o)) => Ok(o),
                    _ => Err(msg!(
                        "Kein gültiges JSON-Objekt {{ … }}; diese Zeile bitte nicht von Hand ändern.",
                        "Not a valid JSON object {{ … }}; please do not edit this row by hand.",
                    )),
                },
                Err(m) => Err(m),
            };
            match parsed {
                Ok(o) => match slot {
                    None => out.plan_extra = Some(o),
                    Some(i) => out.file_extra[i] = Some(o),
                },
                Err(m) => ctx.push(Finding::fatal(Loc::cell(sheet, r.number, c, &h), m)),
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

// ------------------------------------------------------------------ assembly

/// Reads the workbook's sheets into the three data files.
pub fn import(book: &[Grid], existing: &Existing) -> Imported {
    let mut ctx = Ctx {
        default_lang: "de".to_owned(),
        existing,
        findings: Vec::new(),
        kept_languages: BTreeMap::new(),
    };
    let mut locator = Locator::default();

    let names = sheet_names();
    for g in book {
        let known = names.iter().any(|n| fold_name(n) == fold_name(&g.name))
            || fold_name(&g.name) == fold_name(GUIDE_SHEET);
        if !known && g.rows.iter().any(|r| !r.is_blank()) {
            let n = &g.name;
            ctx.push(Finding::note(
                Loc::sheet(n),
                msg!(
                    "Das Tabellenblatt „{n}“ gehört nicht zum Datenformat und wird nicht gelesen.",
                    "The sheet \"{n}\" is not part of the data format and is not read.",
                ),
            ));
        }
    }

    // ---- plan.json
    let old_plan_file = existing.plan.as_ref();
    let old_plan = old_plan_file
        .and_then(|p| p.get("plan"))
        .and_then(Value::as_object);
    let mut ps = read_plan_sheet(find_sheet(book, PLAN_SHEET), &mut ctx);
    if !ps.present {
        missing_sheet_note(&mut ctx, PLAN_SHEET, PLAN_FILE);
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
            ctx.push(Finding::fatal(Loc::sheet(PLAN_SHEET), m));
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
            &mut ctx,
        );
    }

    let mut plan_file = Map::new();
    plan_file.insert("format".into(), Value::String(FORMAT.into()));
    plan_file.insert("plan".into(), Value::Object(ps.plan.clone()));
    for (spec, key) in [
        (&FIELDS, "fields"),
        (&GOALS, "goals"),
        (&ACTORS, "actors"),
        (&REPORTS, "reports"),
    ] {
        let list = top_level(
            spec,
            book,
            old_plan_file,
            key,
            PLAN_FILE,
            &mut locator,
            &mut ctx,
        );
        plan_file.insert(key.into(), Value::Array(list));
    }

    // ---- measures.json
    let old_measures = existing.measures.as_ref();
    let mut measures = top_level_rows(&MEASURES, book, old_measures, "measures", &mut ctx);
    for (spec, key) in [
        (&MILESTONES, "milestones"),
        (&UPDATES, "updates"),
        (&LINKS, "links"),
    ] {
        attach_children(
            spec,
            key,
            book,
            &mut measures,
            MEASURES_FILE,
            "measures",
            &mut locator,
            &mut ctx,
        );
    }
    for (i, (row, _)) in measures
        .iter()
        .enumerate()
        .filter(|(_, (r, _))| r.number > 0)
    {
        locate_row(
            &mut locator,
            MEASURES_FILE,
            &format!("measures[{i}]"),
            MEASURES.name,
            row,
        );
    }
    let mut measures_file = Map::new();
    measures_file.insert("format".into(), Value::String(FORMAT.into()));
    measures_file.insert(
        "measures".into(),
        Value::Array(
            measures
                .into_iter()
                .map(|(r, _)| Value::Object(r.obj))
                .collect(),
        ),
    );

    // ---- indicators.json
    let old_indicators = existing.indicators.as_ref();
    let mut indicators = top_level_rows(&INDICATORS, book, old_indicators, "indicators", &mut ctx);
    attach_series(book, &mut indicators, &mut locator, &mut ctx);
    for (i, (row, _)) in indicators
        .iter()
        .enumerate()
        .filter(|(_, (r, _))| r.number > 0)
    {
        locate_row(
            &mut locator,
            INDICATORS_FILE,
            &format!("indicators[{i}]"),
            INDICATORS.name,
            row,
        );
    }
    let mut indicators_file = Map::new();
    indicators_file.insert("format".into(), Value::String(FORMAT.into()));
    indicators_file.insert(
        "indicators".into(),
        Value::Array(
            indicators
                .into_iter()
                .map(|(r, _)| Value::Object(r.obj))
                .collect(),
        ),
    );

    // ---- unknown fields of the files themselves
    let file_known: [&[&str]; 3] = [
        &["format", "plan", "fields", "goals", "actors", "reports"],
        &["format", "measures"],
        &["format", "indicators"],
    ];
    for (i, target) in [&mut plan_file, &mut measures_file, &mut indicators_file]
        .into_iter()
        .enumerate()
    {
        let name = PLAN_EXTRA_FILE[i].0;
        let (extras, explicit) = match ps.file_extra[i].take() {
            Some(x) => (x, true),
            None => (
                existing
                    .file(name)
                    .map(|e| extras_of(file_known[i], &[], e))
                    .unwrap_or_default(),
                false,
            ),
        };
        for (k, v) in extras {
            if file_known[i].contains(&k.as_str()) {
                if explicit {
                    ctx.push(Finding::fatal(Loc::sheet(PLAN_SHEET), conflict(&k)));
                }
                continue;
            }
            target.insert(k, v);
        }
    }

    for (sheet, cols) in std::mem::take(&mut ctx.kept_languages) {
        let list = cols.into_iter().collect::<Vec<_>>().join(", ");
        ctx.push(Finding::note(
            Loc::sheet(sheet),
            msg!(
                "Sprachspalten fehlen ({list}); Texte in diesen Sprachen werden aus der bisherigen Datei übernommen.",
                "Language columns are missing ({list}); texts in these languages are kept from the existing file.",
            ),
        ));
    }
    let mut findings = std::mem::take(&mut ctx.findings);
    if any_fatal_in(&findings) {
        sort_findings(&mut findings);
        return Imported {
            data: None,
            locator,
            findings,
        };
    }
    let typed = (
        serde_json::from_value::<PlanFile>(Value::Object(plan_file)),
        serde_json::from_value::<MeasuresFile>(Value::Object(measures_file)),
        serde_json::from_value::<IndicatorsFile>(Value::Object(indicators_file)),
    );
    let data = match typed {
        (Ok(plan), Ok(measures), Ok(indicators)) => Some(Data {
            plan,
            measures,
            indicators,
        }),
        (p, m, i) => {
            // Every row passed its own check; what fails here came from an existing file the
            // workbook did not replace.
            for (name, e) in [
                (PLAN_FILE, p.err()),
                (MEASURES_FILE, m.err()),
                (INDICATORS_FILE, i.err()),
            ] {
                if let Some(e) = e {
                    findings.push(Finding::fatal(
                        Loc::sheet(name),
                        msg!(
                            "Die Daten aus der bisherigen Datei, die die Arbeitsmappe nicht enthält, sind ungültig ({e}). Bitte die Datei mit „validate“ prüfen.",
                            "The data kept from the existing file (not in the workbook) is invalid ({e}). Please check the file with \"validate\".",
                        ),
                    ));
                }
            }
            None
        }
    };
    sort_findings(&mut findings);
    Imported {
        data,
        locator,
        findings,
    }
}

fn any_fatal_in(f: &[Finding]) -> bool {
    f.iter().any(|x| x.level == Level::Fatal)
}

/// Findings in workbook order: by sheet, then row, then column.
pub fn sort_findings(f: &mut [Finding]) {
    let names = sheet_names();
    let order = |s: &str| names.iter().position(|n| *n == s).unwrap_or(names.len());
    f.sort_by(|a, b| {
        (order(&a.loc.sheet), a.loc.row, a.loc.col, a.level).cmp(&(
            order(&b.loc.sheet),
            b.loc.row,
            b.loc.col,
            b.level,
        ))
    });
}

fn missing_sheet_note(ctx: &mut Ctx, sheet: &str, file: &str) {
    let kept = ctx.existing.file(file).is_some();
    let m = if kept {
        msg!(
            "Das Tabellenblatt fehlt; die Einträge werden aus der bisherigen {file} übernommen.",
            "The sheet is missing; its entries are kept from the existing {file}.",
        )
    } else {
        msg!(
            "Das Tabellenblatt fehlt; es gibt keine bisherige {file}, die Einträge bleiben leer.",
            "The sheet is missing; there is no existing {file}, so there are no entries.",
        )
    };
    ctx.push(Finding::note(Loc::sheet(sheet), m));
}

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
        msg!(
            "Spalten fehlen ({list}); ihre Werte werden, wo vorhanden, aus der bisherigen {file} übernommen.",
            "Columns are missing ({list}); their values are kept from the existing {file} where there are any.",
        ),
    ));
}

/// Rows of a top-level sheet, completed from the existing entries (matched by id). A missing
/// sheet keeps the existing entries.
fn top_level_rows(
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
        restore(spec, &sheet, &mut row, old.as_ref(), ctx);
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
        "Indikatoren" => check_typed::<c::Indicator>(o, f, &cols, fb, ctx),
        "Reihen" => check_typed::<c::Series>(o, f, &cols, fb, ctx),
        _ => check_typed::<c::Observation>(o, f, &cols, fb, ctx),
    };
}

/// A top-level list of plan.json (fields, goals, actors, reports), with locations.
fn top_level(
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
        msg!(
            "„{id}“ gibt es im Blatt {target} nicht: die Zeile kann keinem Eintrag zugeordnet werden.",
            "\"{id}\" does not exist in the sheet {target}: the row cannot be attached to an entry.",
        ),
    )
}

/// Puts the rows of a child sheet (milestones, updates, links) into their measures.
#[allow(clippy::too_many_arguments)]
fn attach_children(
    spec: &SheetSpec,
    key: &str,
    book: &[Grid],
    parents: &mut [Entry],
    file: &str,
    list_key: &str,
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
        if let Some(id) = id_of(&row.obj) {
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
        restore(spec, &sheet, &mut row, old.as_ref(), ctx);
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
fn attach_series(book: &[Grid], indicators: &mut [Entry], locator: &mut Locator, ctx: &mut Ctx) {
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
            restore(&SERIES, &series_sheet, &mut row, old.as_ref(), ctx);
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
            restore(&VALUES, &values_sheet, &mut row, old.as_ref(), ctx);
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

/// Turns core validation problems into findings at their cells.
pub fn locate_problems(problems: &[wegmarke_core::Problem], locator: &Locator) -> Vec<Finding> {
    problems
        .iter()
        .map(|p| {
            let loc = locator
                .find(&p.file, &p.path)
                .unwrap_or_else(|| Loc::sheet(&format!("{}: {}", p.file, p.path)));
            let level = match p.severity {
                Severity::Fatal => Level::Fatal,
                Severity::Problem => Level::Problem,
            };
            let mut f = Finding::new(level, loc, Msg::new(p.message("de"), p.message("en")));
            f.json = Some((p.file.clone(), p.path.to_string()));
            f
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_with_comma_or_point_and_nothing_else() {
        assert_eq!(parse_number("11,8"), Some(11.8));
        assert_eq!(parse_number(" 11.8 "), Some(11.8));
        assert_eq!(parse_number("1e300"), Some(1e300));
        assert_eq!(parse_number("1.234,5"), None);
        assert_eq!(parse_number("inf"), None);
        assert_eq!(parse_number("NaN"), None);
        assert_eq!(parse_number("12 %"), None);
        for x in [0.1, 1.0 / 3.0, 1e-7, 123456789.123, 5e-324, f64::MAX, -0.0] {
            assert_eq!(
                parse_number(&format_number(x)).map(f64::to_bits),
                Some(x.to_bits())
            );
            assert_eq!(
                parse_number(&format_number(x).replace('.', ",")).map(f64::to_bits),
                Some(x.to_bits())
            );
        }
    }

    #[test]
    fn lists_split_or_read_json() {
        let c = Cell::Text("a, b;c".into());
        assert_eq!(
            convert(Kind::IdList, &c).unwrap().0,
            Some(serde_json::json!(["a", "b", "c"]))
        );
        let c = Cell::Text("Nord, Süd; West".into());
        assert_eq!(
            convert(Kind::StrList, &c).unwrap().0,
            Some(serde_json::json!(["Nord, Süd", "West"]))
        );
        let c = Cell::Text(r#"[{"de":"Eltern","en":"Parents"},"Frauen"]"#.into());
        assert_eq!(
            convert(Kind::TextList, &c).unwrap().0,
            Some(serde_json::json!([{"de":"Eltern","en":"Parents"},"Frauen"]))
        );
    }

    #[test]
    fn cells_convert_or_say_why_not() {
        assert_eq!(
            convert(Kind::Choice(&STATUS), &Cell::Text("läuft – im Plan".into()))
                .unwrap()
                .0,
            Some(Value::String("on_track".into()))
        );
        let e = convert(Kind::Choice(&STATUS), &Cell::Text("läuft".into())).unwrap_err();
        assert!(e.de.contains("unzulässiger Wert \"läuft\""), "{}", e.de);
        let e = convert(Kind::Date, &Cell::Text("2023-02-30".into())).unwrap_err();
        assert!(e.de.contains("ungültiges Datum"), "{}", e.de);
        assert_eq!(
            convert(Kind::Period, &Cell::Number(2023.0)).unwrap().0,
            Some(Value::String("2023".into()))
        );
        let (v, warn) = convert(Kind::Date, &Cell::Date("2027-03-01".into())).unwrap();
        assert_eq!(v, Some(Value::String("2027-03-01".into())));
        assert!(warn.is_some());
        assert!(convert(Kind::Number, &Cell::Text("viel".into())).is_err());
        assert!(convert(Kind::Integer, &Cell::Number(2.5)).is_err());
        assert_eq!(
            convert(Kind::Bool, &Cell::Text("Ja".into())).unwrap().0,
            Some(Value::Bool(true))
        );
        assert!(convert(Kind::Number, &Cell::Error("#NV".into())).is_err());
    }

    #[test]
    fn plain_text_next_to_languages_is_the_default_language() {
        let v = text_value(
            Some("Hallo".into()),
            vec![("en".into(), "Hello".into())],
            "de",
        )
        .unwrap();
        assert_eq!(v, Some(serde_json::json!({"de": "Hallo", "en": "Hello"})));
        assert!(text_value(Some("Hallo".into()), vec![("de".into(), "Hi".into())], "de").is_err());
        assert_eq!(
            text_value(Some("Hallo".into()), vec![], "de").unwrap(),
            Some(Value::String("Hallo".into()))
        );
    }

    #[test]
    fn languages_without_a_column_are_kept() {
        let old = serde_json::json!({"de": "Alt", "tr": "Eski"});
        let (v, langs) = keep_missing_languages(
            Some(serde_json::json!({"de": "Neu"})),
            Some(&old),
            &["de".into(), "en".into()],
            "de",
        );
        assert_eq!(v, Some(serde_json::json!({"de": "Neu", "tr": "Eski"})));
        assert_eq!(langs, vec!["tr".to_owned()]);
    }
}
