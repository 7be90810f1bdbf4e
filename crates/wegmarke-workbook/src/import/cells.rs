//! One cell -> one JSON value, by the column's kind: texts, numbers as staff type them (comma
//! or point), whole numbers, dates and periods, yes/no, words of a drop-down list, lists, and
//! texts in several languages. Each conversion fails with a message about that cell alone.

use serde_json::{Map, Value};
use wegmarke_core::{Date, Period, ProblemKind};

use crate::msg;
use crate::msg::Msg;
use crate::sheets::{normalize, Kind, NO, YES};
use crate::Cell;

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
pub type Converted = (Option<Value>, Option<Msg>);

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
pub(super) fn text_value(
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
