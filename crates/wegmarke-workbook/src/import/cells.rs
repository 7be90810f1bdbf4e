//! One cell -> one JSON value, by the column's kind: texts, numbers as staff type them (comma
//! or point), whole numbers, dates and periods, yes/no, words of a drop-down list, lists, and
//! texts in several languages. Each conversion fails with a message about that cell alone.

use serde_json::{Map, Value};
use wegmarke_core::{Date, Period, ProblemKind};

use crate::msg;
use crate::msg::Msg;
use crate::sheets::{normalize, Kind, NO, YES};
use crate::{Cell, Finding, FindingKind, Level, Loc};

/// What is wrong with a cell, or worth a word about how it was read, before its place is
/// known: a finding without location.
#[derive(Clone, Debug, PartialEq)]
pub struct Issue {
    pub level: Level,
    pub kind: FindingKind,
    pub msg: Msg,
}

impl Issue {
    /// A cell that cannot be converted: nothing is written.
    pub fn fatal(kind: FindingKind, msg: Msg) -> Issue {
        Issue {
            level: Level::Fatal,
            kind,
            msg,
        }
    }

    /// A value that was read, but should be checked by a person.
    pub fn problem(kind: FindingKind, msg: Msg) -> Issue {
        Issue {
            level: Level::Problem,
            kind,
            msg,
        }
    }

    /// How a value was read, for information.
    pub fn note(kind: FindingKind, msg: Msg) -> Issue {
        Issue {
            level: Level::Note,
            kind,
            msg,
        }
    }

    /// The finding at its place.
    pub fn at(self, loc: Loc) -> Finding {
        Finding::new(self.level, loc, self.kind, self.msg)
    }
}

/// How the numbers of a sheet are written, decided from the sheet itself (see
/// [`Decimal::of_texts`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Decimal {
    /// German: decimal comma, points between thousands (`1.234.567,5`).
    #[default]
    Comma,
    /// Decimal point, as the standard CSV dialect and English programs write (`1234567.5`).
    Point,
}

impl Decimal {
    /// The convention of a sheet's number cells that are texts (CSV files, cells formatted as
    /// text): a decimal point where no German thousands point can be (`11.8`, `0.125`) means
    /// points are decimals; a comma, or nothing telling, means German.
    pub fn of_texts<'a>(texts: impl IntoIterator<Item = &'a str>) -> Decimal {
        let mut point = false;
        for t in texts {
            let t = t.trim();
            if t.contains(',') {
                return Decimal::Comma;
            }
            if t.contains('.') && parse_number(t).is_some() && grouped(t).is_none() {
                point = true;
            }
        }
        if point {
            Decimal::Point
        } else {
            Decimal::Comma
        }
    }
}

/// What converting a cell needs to know beyond the column's kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Reading {
    /// How the sheet writes numbers that are texts.
    pub decimal: Decimal,
    /// The column holds a percentage from 0 to 100 (progress).
    pub percent: bool,
}

/// Texts that spreadsheet programs write for an error value, also into CSV files: Excel in
/// German and English, LibreOffice (`Err:502`).
const ERROR_TEXTS: [&str; 22] = [
    "#NV",
    "#N/A",
    "#WERT!",
    "#VALUE!",
    "#BEZUG!",
    "#REF!",
    "#DIV/0!",
    "#NAME?",
    "#ZAHL!",
    "#NUM!",
    "#NULL!",
    "#ÜBERLAUF!",
    "#SPILL!",
    "#KALK!",
    "#CALC!",
    "#FELD!",
    "#FIELD!",
    "#UNBEKANNT!",
    "#UNKNOWN!",
    "#BLOCKIERT!",
    "#BLOCKED!",
    "#GETTING_DATA",
];

/// Whether a text is a spreadsheet's error value rather than data.
pub fn is_error_text(s: &str) -> bool {
    let t = s.trim();
    ERROR_TEXTS.iter().any(|e| e.eq_ignore_ascii_case(t))
        || t.strip_prefix("Err:")
            .is_some_and(|n| n.len() == 3 && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The text of a cell (numbers as their shortest exact form); `None` when empty. An error
/// value, also one a CSV file holds as text, is refused.
pub fn cell_text(cell: &Cell) -> Result<Option<String>, Issue> {
    Ok(match cell {
        Cell::Empty => None,
        Cell::Text(s) if s.is_empty() => None,
        Cell::Text(s) if is_error_text(s) => return Err(error_value(s.trim())),
        Cell::Text(s) => Some(s.clone()),
        Cell::Number(f) => Some(format_number(*f)),
        Cell::Int(i) => Some(i.to_string()),
        Cell::Bool(b) => Some(if *b { "true" } else { "false" }.to_owned()),
        Cell::Date(d) => Some(d.clone()),
        Cell::Error(e) => return Err(error_value(e)),
    })
}

fn error_value(e: &str) -> Issue {
    Issue::fatal(
        FindingKind::ErrorValue {
            value: e.to_owned(),
        },
        msg!(
            "Die Zelle enthält den Fehlerwert {e} statt eines Werts; bitte die Formel korrigieren oder den Wert eintragen.",
            "The cell holds the error value {e} instead of a value; please correct the formula or enter the value.",
        ),
    )
}

/// Characters around an id that no one sees: spaces, non-breaking and zero-width spaces,
/// byte-order marks.
fn invisible(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}' | '\u{2060}' | '\u{feff}')
}

/// An id without the invisible characters around it, with a note when there were any.
pub fn trim_id(s: &str) -> (String, Option<Issue>) {
    let t = s.trim_matches(invisible);
    if t.len() == s.len() {
        return (s.to_owned(), None);
    }
    let note = Issue::note(
        FindingKind::Trimmed {
            found: s.to_owned(),
        },
        msg!(
            "Leerzeichen am Anfang oder Ende der Kennung „{t}“ wurden entfernt.",
            "Spaces at the start or end of the id \"{t}\" were removed.",
        ),
    );
    (t.to_owned(), Some(note))
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

/// A number as a program writes it: "11.8", "11,8" or "1e300", without thousands separators.
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

/// A number with German thousands points: `1.234.567`, `1.234,5`, `-45.000`. Returns the
/// value and the number of point groups; `None` for anything else.
fn grouped(t: &str) -> Option<(f64, usize)> {
    let (sign, rest) = match t.strip_prefix(['-', '+']) {
        Some(r) => (&t[..1], r),
        None => ("", t),
    };
    let (int, frac) = match rest.split_once(',') {
        Some((i, f)) if !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()) => (i, Some(f)),
        Some(_) => return None,
        None => (rest, None),
    };
    let mut groups = int.split('.');
    let lead = groups.next()?;
    let lead_ok = (1..=3).contains(&lead.len())
        && lead.bytes().all(|b| b.is_ascii_digit())
        && !lead.starts_with('0');
    let rest: Vec<&str> = groups.collect();
    if !lead_ok
        || rest.is_empty()
        || !rest
            .iter()
            .all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let digits = format!("{sign}{lead}{}.{}", rest.concat(), frac.unwrap_or("0"));
    let v: f64 = digits.parse().ok()?;
    v.is_finite().then_some((v, rest.len()))
}

/// A number typed as text, as staff write it: decimal comma or point, and in a German sheet
/// thousands points. `1.234` is the one ambiguous form: in a German sheet (the default) it is
/// one thousand two hundred thirty-four, with a note; where the sheet writes decimal points
/// it is 1.234. `45.000` (a group of three zeros) is read as 45000 without a note, since no
/// one writes a decimal that way.
pub fn read_number(s: &str, decimal: Decimal) -> Option<(f64, Option<Issue>)> {
    let t = s.trim_matches(invisible);
    if let Some((v, groups)) = grouped(t) {
        let ambiguous = groups == 1 && !t.contains(',');
        if !ambiguous {
            return Some((v, None));
        }
        if decimal == Decimal::Point {
            return parse_number(t).map(|v| (v, None));
        }
        if t.ends_with(".000") {
            return Some((v, None));
        }
        let shown = format_number(v);
        let note = Issue::note(
            FindingKind::AmbiguousNumber {
                found: t.to_owned(),
                read: v,
            },
            msg!(
                "„{t}“ wurde mit Tausenderpunkt als {shown} gelesen. War eine Dezimalzahl gemeint, bitte mit Komma schreiben.",
                "\"{t}\" was read with a German thousands point as {shown}. If a decimal was meant, please write it with a comma.",
            ),
        );
        return Some((v, Some(note)));
    }
    parse_number(t).map(|v| (v, None))
}

/// A value and possibly a word about how it was read.
pub type Converted = (Option<Value>, Option<Issue>);

fn not_a_number(found: &str) -> Issue {
    Issue::fatal(
        FindingKind::NotANumber {
            found: found.to_owned(),
        },
        msg!(
            "„{found}“ ist keine Zahl (Dezimaltrennzeichen Komma oder Punkt, Tausenderpunkte nur mit Dezimalkomma).",
            "\"{found}\" is not a number (decimal comma or point, German thousands points only with a decimal comma).",
        ),
    )
}

fn excel_date_warning(d: &str) -> Issue {
    Issue::problem(
        FindingKind::StoredAsDate {
            value: d.to_owned(),
        },
        msg!(
            "Das Tabellenprogramm hat den Wert als Datum gespeichert; übernommen als {d}. Bitte prüfen und die Zelle als Text formatieren (z. B. „2023-06“ für einen Monat).",
            "The spreadsheet program stored the value as a date; read as {d}. Please check it and format the cell as text (e.g. \"2023-06\" for a month).",
        ),
    )
}

/// A number JSON holds as an integer when it is whole (45.0 from a program that writes every
/// number as a float becomes 45), else as a float.
pub fn number_value(v: f64) -> Option<Value> {
    // -0.0 stays a float: an integer has no sign of zero.
    if v.fract() == 0.0 && v.abs() < 9.0e15 && !(v == 0.0 && v.is_sign_negative()) {
        Some(Value::from(v as i64))
    } else {
        serde_json::Number::from_f64(v).map(Value::Number)
    }
}

/// A percentage as a fraction: typing "45 %" makes Excel keep 0.45 with a percent format,
/// and the reader does not see the format. In a percentage column a number cell strictly
/// between 0 and 1 that is a typed percentage (at most two decimals of a percent: 0.45, 0.455,
/// 0.1225) is taken for such a cell and multiplied by 100, with a note. 1 stays 1 (it cannot
/// be told from 100 %), and so does a fraction no one types (0.30000000000000004); an entry
/// whose existing value is exactly the fraction keeps it (see `entities::restore_row`).
fn percent(v: f64, found: &str) -> (f64, Option<Issue>) {
    // 0.45 * 100 is 45.00000000000001 in binary: round to the two decimals a percent has.
    let read = (v * 100.0 * 100.0).round() / 100.0;
    if !(v > 0.0 && v < 1.0) || read / 100.0 != v {
        return (v, None);
    }
    let shown = format_number(read);
    let note = Issue::note(
        FindingKind::PercentAsFraction { found: v, read },
        msg!(
            "„{found}“ wurde als Prozentangabe gelesen: {shown} %. Das Tabellenprogramm speichert 45 % als 0,45; gemeint sind Zahlen von 0 bis 100.",
            "\"{found}\" was read as a percentage: {shown} %. Spreadsheet programs store 45 % as 0.45; the column takes numbers from 0 to 100.",
        ),
    );
    (read, Some(note))
}

/// Converts one cell of a non-text field, with a German sheet's numbers and no percentage.
pub fn convert(kind: Kind, cell: &Cell) -> Result<Converted, Issue> {
    convert_in(kind, cell, Reading::default())
}

/// Converts one cell of a non-text field.
pub fn convert_in(kind: Kind, cell: &Cell, how: Reading) -> Result<Converted, Issue> {
    if let Cell::Error(e) = cell {
        return Err(error_value(e));
    }
    if cell.is_empty() {
        return Ok((None, None));
    }
    match kind {
        Kind::Id | Kind::Ref(_) => {
            let Some(t) = cell_text(cell)? else {
                return Ok((None, None));
            };
            let (t, note) = trim_id(&t);
            Ok(((!t.is_empty()).then_some(Value::String(t)), note))
        }
        Kind::Str => Ok((cell_text(cell)?.map(Value::String), None)),
        Kind::Number => {
            let (v, mut note) = match cell {
                Cell::Number(f) if f.is_finite() => (*f, None),
                Cell::Int(i) => (*i as f64, None),
                Cell::Text(s) => {
                    let _ = cell_text(cell)?;
                    if how.percent {
                        if let Some(n) = s.trim().strip_suffix('%') {
                            // "45 %" or "45%": what a CSV file from a percent-formatted cell
                            // holds; the number is meant as it stands.
                            let (v, note) =
                                read_number(n, how.decimal).ok_or_else(|| not_a_number(s))?;
                            return Ok((number_value(v), note));
                        }
                    }
                    read_number(s, how.decimal).ok_or_else(|| not_a_number(s))?
                }
                other => {
                    let t = cell_text(other)?.unwrap_or_default();
                    return Err(not_a_number(&t));
                }
            };
            let mut v = v;
            if how.percent && matches!(cell, Cell::Number(_)) {
                let found = cell_text(cell)?.unwrap_or_default();
                let (p, pnote) = percent(v, found.trim());
                v = p;
                note = pnote.or(note);
            }
            Ok((number_value(v), note))
        }
        Kind::Integer => {
            let bad = |t: &str| {
                Issue::fatal(
                    FindingKind::NotAnInteger {
                        found: t.to_owned(),
                    },
                    msg!(
                        "„{t}“ ist keine ganze Zahl.",
                        "\"{t}\" is not a whole number.",
                    ),
                )
            };
            let (v, note) = match cell {
                Cell::Int(i) => (*i, None),
                Cell::Number(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => (*f as i64, None),
                Cell::Text(s) => {
                    let _ = cell_text(cell)?;
                    match s.trim_matches(invisible).parse::<i64>() {
                        Ok(i) => (i, None),
                        Err(_) => match read_number(s, how.decimal) {
                            Some((f, note)) if f.fract() == 0.0 && f.abs() < 9.0e15 => {
                                (f as i64, note)
                            }
                            _ => return Err(bad(s)),
                        },
                    }
                }
                other => return Err(bad(&cell_text(other)?.unwrap_or_default())),
            };
            Ok((Some(Value::from(v)), note))
        }
        Kind::Date | Kind::Period => {
            let is_date = kind == Kind::Date;
            let (text, warn) = match cell {
                Cell::Date(d) => stored_date(d, is_date),
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
                return Err(Issue::fatal(
                    FindingKind::Core(kind.clone()),
                    Msg::core(&kind),
                ));
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
                None => Err(unknown_choice(
                    cell_text(cell)?.unwrap_or_default(),
                    vec![YES.to_owned(), NO.to_owned()],
                )),
            }
        }
        Kind::Choice(vocab) => {
            let t = cell_text(cell)?.unwrap_or_default();
            match vocab.parse(&t) {
                Some(code) => Ok((Some(Value::String(code.to_owned())), None)),
                None => Err(unknown_choice(t, vocab.labels())),
            }
        }
        Kind::IdList => list(cell, &[',', ';', '\n', '\r'], false),
        Kind::StrList => list(cell, &[';', '\n', '\r'], false),
        Kind::TextList => list(cell, &[';', '\n', '\r'], true),
        Kind::Text { .. } => Ok((cell_text(cell)?.map(Value::String), None)),
    }
}

/// A date the spreadsheet program stored as a date. In a date column it is what was meant,
/// unless it is the first of a month (typing "2027-03" gives 2027-03-01): then a person should
/// look. In a period column the first of a month is that month ("2023-06" typed), with the
/// same request; another day stays a day.
fn stored_date(d: &str, is_date: bool) -> (String, Option<Issue>) {
    let first = d.len() == 10 && d.ends_with("-01");
    match (is_date, first) {
        (true, false) => (d.to_owned(), None),
        (false, true) => {
            let month = d[..7].to_owned();
            let warn = excel_date_warning(&month);
            (month, Some(warn))
        }
        _ => (d.to_owned(), Some(excel_date_warning(d))),
    }
}

fn unknown_choice(found: String, allowed: Vec<String>) -> Issue {
    let kind = ProblemKind::UnknownValue {
        found: found.clone(),
        allowed: allowed.join(", "),
    };
    Issue::fatal(
        FindingKind::UnknownChoice { found, allowed },
        Msg::core(&kind),
    )
}

/// A list cell: "a, b" (split and trimmed, also of non-breaking spaces) or a JSON list (what
/// export writes when an item would not survive splitting).
fn list(cell: &Cell, split: &[char], texts: bool) -> Result<Converted, Issue> {
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
                return Err(Issue::fatal(
                    FindingKind::InvalidList,
                    msg!(
                        "Die Liste in JSON-Form darf nur Texte enthalten.",
                        "A list in JSON form may only hold texts.",
                    ),
                ));
            }
            return Ok(((!items.is_empty()).then_some(Value::Array(items)), None));
        }
    }
    let items: Vec<Value> = t
        .split(split)
        .map(|s| s.trim_matches(invisible))
        .filter(|s| !s.is_empty())
        .map(|s| Value::String(s.to_owned()))
        .collect();
    Ok(((!items.is_empty()).then_some(Value::Array(items)), None))
}

/// A text from its column without language and its language columns: a plain string, or a map
/// from language to text. A plain text next to other languages counts as the default language.
pub(super) fn text_value(
    plain: Option<String>,
    langs: Vec<(String, String)>,
    default_lang: &str,
) -> Result<Option<Value>, Issue> {
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
                return Err(Issue::fatal(
                    FindingKind::TextTwice {
                        lang: default_lang.to_owned(),
                    },
                    msg!(
                        "Der Text steht sowohl in der Spalte ohne Sprache als auch in der Spalte der Standardsprache ({default_lang}); bitte nur eine füllen.",
                        "The text is in both the column without language and the default language's column ({default_lang}); please fill only one.",
                    ),
                ));
            }
            map.insert(default_lang.to_owned(), Value::String(p));
            Ok(Some(Value::Object(map)))
        }
    }
}

/// Adds the languages of an existing text that the workbook has no column for.
pub(super) fn keep_missing_languages(
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sheets::STATUS;

    #[test]
    fn numbers_read_with_comma_or_point_and_nothing_else() {
        assert_eq!(parse_number("11,8"), Some(11.8));
        assert_eq!(parse_number(" 11.8 "), Some(11.8));
        assert_eq!(parse_number("1e300"), Some(1e300));
        assert_eq!(
            parse_number("1.234,5"),
            None,
            "thousands only in read_number"
        );
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
        assert!(
            matches!(&e.kind, FindingKind::UnknownChoice { found, .. } if found == "läuft"),
            "{e:?}"
        );
        let e = convert(Kind::Date, &Cell::Text("2023-02-30".into())).unwrap_err();
        assert_eq!(
            e.kind,
            FindingKind::Core(ProblemKind::InvalidDate {
                value: "2023-02-30".into()
            })
        );
        assert_eq!(
            convert(Kind::Period, &Cell::Number(2023.0)).unwrap().0,
            Some(Value::String("2023".into()))
        );
        let (v, warn) = convert(Kind::Date, &Cell::Date("2027-03-01".into())).unwrap();
        assert_eq!(v, Some(Value::String("2027-03-01".into())));
        assert!(warn.is_some());
        assert_eq!(
            convert(Kind::Number, &Cell::Text("viel".into()))
                .unwrap_err()
                .kind,
            FindingKind::NotANumber {
                found: "viel".into()
            }
        );
        assert_eq!(
            convert(Kind::Integer, &Cell::Number(2.5)).unwrap_err().kind,
            FindingKind::NotAnInteger {
                found: "2.5".into()
            }
        );
        assert_eq!(
            convert(Kind::Bool, &Cell::Text("Ja".into())).unwrap().0,
            Some(Value::Bool(true))
        );
        assert_eq!(
            convert(Kind::Number, &Cell::Error("#NV".into()))
                .unwrap_err()
                .kind,
            FindingKind::ErrorValue {
                value: "#NV".into()
            }
        );
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
        assert_eq!(
            text_value(Some("Hallo".into()), vec![("de".into(), "Hi".into())], "de")
                .unwrap_err()
                .kind,
            FindingKind::TextTwice { lang: "de".into() }
        );
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
