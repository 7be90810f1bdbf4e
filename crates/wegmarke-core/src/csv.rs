//! CSV downloads: the explorer's current selection of measures, and an indicator's
//! observations in long format, in two spreadsheet dialects. The staff tool writes and reads
//! its CSV workbook with the same cell rules ([`line`], [`restore`]).
//!
//! Rules, after OWASP's guidance on CSV injection (and ASVS 1.2.10):
//!
//! - Text is never run as a formula. A text cell is defused when it starts with `=`, `+`, `-`,
//!   `@`, tab, carriage return or NUL, also after leading whitespace, and also where a part of
//!   it after a `;` does (German spreadsheets split cells at `;`, so `a;=cmd` could become a
//!   cell `=cmd`). Defusing puts a single quote `'` before each such part and always quotes the
//!   cell; a text that already starts with `'` before such a part gets one more, so
//!   [`restore`] can take exactly one away again.
//! - Numbers are written as numbers and never defused: `-12.5` stays `-12.5` (`-12,5` in the
//!   German dialect).
//! - Both dialects are UTF-8 with a byte-order mark and CRLF line ends: [`Dialect::Standard`]
//!   has `,` between cells and a decimal point; [`Dialect::German`] has `;` and a decimal comma,
//!   which German Excel and LibreOffice open with a double click.

use crate::model::{Indicator, Measure};

/// A CSV dialect.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Dialect {
    /// `,` between cells, decimal point (RFC 4180; English-language spreadsheets, scripts).
    #[default]
    Standard,
    /// `;` between cells, decimal comma (German-language Excel and LibreOffice).
    German,
}

impl Dialect {
    /// Both dialects, the standard one first.
    pub const ALL: [Dialect; 2] = [Dialect::Standard, Dialect::German];

    /// The cell separator.
    pub fn separator(self) -> char {
        match self {
            Dialect::Standard => ',',
            Dialect::German => ';',
        }
    }

    /// The decimal separator of numbers.
    pub fn decimal(self) -> char {
        match self {
            Dialect::Standard => '.',
            Dialect::German => ',',
        }
    }

    /// Stable name (command-line value, translation key suffix, test id suffix).
    pub fn as_str(self) -> &'static str {
        match self {
            Dialect::Standard => "standard",
            Dialect::German => "de",
        }
    }
}

/// One cell to write, with its type: text is defused, numbers are not.
#[derive(Clone, Debug, PartialEq)]
pub enum Field<'a> {
    Empty,
    Text(&'a str),
    Number(f64),
    Integer(i64),
}

/// Characters that make a spreadsheet read a cell as a formula when they come first.
const TRIGGERS: [char; 7] = ['=', '+', '-', '@', '\t', '\r', '\0'];

/// Whether one `;`-separated part of a text would be read as a formula, or already carries the
/// quote that defusing puts before such a part.
fn needs_quote_mark(part: &str) -> bool {
    for (i, c) in part.char_indices() {
        if TRIGGERS.contains(&c) {
            return true;
        }
        if c == '\'' {
            return needs_quote_mark(&part[i + 1..]);
        }
        if !c.is_whitespace() {
            return false;
        }
    }
    false
}

/// Whether a text cell is defused when written (see the module rules).
pub fn is_risky(text: &str) -> bool {
    text.split(';').any(needs_quote_mark)
}

/// A text cell as a spreadsheet should see it: a `'` before every part that would be read as a
/// formula. [`restore`] undoes it.
pub fn defuse(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    for (i, part) in text.split(';').enumerate() {
        if i > 0 {
            out.push(';');
        }
        if needs_quote_mark(part) {
            out.push('\'');
        }
        out.push_str(part);
    }
    out
}

/// The text that [`defuse`] was given: takes the `'` away again. A text that `defuse` cannot
/// have written comes back unchanged, so hand-written CSV reads as it is, except that a `'`
/// right before a formula character is taken for the spreadsheet's text mark.
pub fn restore(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, part) in text.split(';').enumerate() {
        if i > 0 {
            out.push(';');
        }
        match part.strip_prefix('\'') {
            Some(rest) if needs_quote_mark(rest) => out.push_str(rest),
            _ => out.push_str(part),
        }
    }
    out
}

/// A number as the shortest text that reads back as exactly this number (exponent form for very
/// large and very small magnitudes), with the dialect's decimal separator. Numbers that are not
/// finite have no CSV form and give an empty cell.
pub fn number(v: f64, dialect: Dialect) -> String {
    if !v.is_finite() {
        return String::new();
    }
    let a = v.abs();
    let s = if a != 0.0 && !(1e-5..1e16).contains(&a) {
        format!("{v:e}")
    } else {
        format!("{v}")
    };
    match dialect.decimal() {
        '.' => s,
        d => s.replace('.', &d.to_string()),
    }
}

/// One written cell: text defused and quoted where needed, numbers as they are.
pub fn field(f: &Field, dialect: Dialect) -> String {
    match f {
        Field::Empty => String::new(),
        Field::Number(v) => number(*v, dialect),
        Field::Integer(i) => i.to_string(),
        Field::Text(s) => {
            let risky = is_risky(s);
            let s = if risky { defuse(s) } else { (*s).to_owned() };
            // Both separators force quotes, so a file opened with the other dialect's
            // separator still keeps the cell whole.
            if risky || s.contains([',', ';', '"', '\n', '\r', dialect.separator()]) {
                format!("\"{}\"", s.replace('"', "\"\""))
            } else {
                s
            }
        }
    }
}

/// One CSV line (with CRLF) in a dialect.
pub fn line(fields: &[Field], dialect: Dialect) -> String {
    let mut out = String::new();
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(dialect.separator());
        }
        out.push_str(&field(f, dialect));
    }
    out.push_str("\r\n");
    out
}

/// The byte-order mark every CSV starts with, so spreadsheet programs detect UTF-8.
pub const BOM: &str = "\u{feff}";

fn header(names: &[&str], dialect: Dialect) -> String {
    let fields: Vec<Field> = names.iter().map(|n| Field::Text(n)).collect();
    line(&fields, dialect)
}

fn text_or_empty(s: &str) -> Field<'_> {
    if s.is_empty() {
        Field::Empty
    } else {
        Field::Text(s)
    }
}

/// Measures as CSV.
pub fn measures(measures: &[&Measure], lang: &str, default: &str, dialect: Dialect) -> String {
    let mut out = String::from(BOM);
    out.push_str(&header(
        &[
            "id",
            "title",
            "status",
            "progress",
            "start",
            "end",
            "lead",
            "partners",
            "goals",
            "target_groups",
            "districts",
            "last_updated",
        ],
        dialect,
    ));
    for m in measures {
        let start = m.start.map(|d| d.to_string()).unwrap_or_default();
        let end = m.end.map(|d| d.to_string()).unwrap_or_default();
        let partners = m.partners.join(" ");
        let goals = m.goals.join(" ");
        let groups = m
            .target_groups
            .iter()
            .map(|t| t.resolve(lang, default))
            .collect::<Vec<_>>()
            .join("; ");
        let districts = m.districts.join("; ");
        let updated = m.last_updated().map(|d| d.to_string()).unwrap_or_default();
        out.push_str(&line(
            &[
                text_or_empty(&m.id),
                text_or_empty(m.title.resolve(lang, default)),
                Field::Text(m.status.as_str()),
                m.progress.map_or(Field::Empty, Field::Number),
                text_or_empty(&start),
                text_or_empty(&end),
                text_or_empty(m.lead.as_deref().unwrap_or_default()),
                text_or_empty(&partners),
                text_or_empty(&goals),
                text_or_empty(&groups),
                text_or_empty(&districts),
                text_or_empty(&updated),
            ],
            dialect,
        ));
    }
    out
}

/// Observations in long format: indicator, series, period, value, flag.
pub fn observations<'a>(
    indicators: impl IntoIterator<Item = &'a Indicator>,
    dialect: Dialect,
) -> String {
    let mut out = String::from(BOM);
    out.push_str(&header(
        &["indicator", "series", "period", "value", "flag"],
        dialect,
    ));
    for ind in indicators {
        for s in &ind.series {
            for o in &s.observations {
                let period = o.period.to_string();
                out.push_str(&line(
                    &[
                        text_or_empty(&ind.id),
                        text_or_empty(&s.id),
                        text_or_empty(&period),
                        o.value.map_or(Field::Empty, Field::Number),
                        o.flag.map_or(Field::Empty, |f| Field::Text(f.as_str())),
                    ],
                    dialect,
                ));
            }
        }
    }
    out
}

/// A file name for a download: `<prefix>-<stand>.csv`, safe for every file system.
pub fn file_name(prefix: &str, stand: Option<&crate::Date>, ext: &str) -> String {
    let safe: String = prefix
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    match stand {
        Some(d) => format!("{safe}-{d}.{ext}"),
        None => format!("{safe}.{ext}"),
    }
}

/// The file name of a CSV download in a dialect: the standard one as [`file_name`] gives it,
/// the German one with `-excel-de` before the extension.
pub fn csv_file_name(prefix: &str, stand: Option<&crate::Date>, dialect: Dialect) -> String {
    match dialect {
        Dialect::Standard => file_name(prefix, stand, "csv"),
        Dialect::German => file_name(&format!("{prefix}-excel-de"), stand, "csv"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_cells_are_quoted_and_formulas_defused() {
        let t = |s| field(&Field::Text(s), Dialect::Standard);
        assert_eq!(t("plain"), "plain");
        assert_eq!(t("a,b"), "\"a,b\"");
        assert_eq!(t("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(t("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(t("-5"), "\"'-5\"");
        assert_eq!(t("  @SUM(A1)"), "\"'  @SUM(A1)\"");
        assert_eq!(t("a;=cmd"), "\"a;'=cmd\"");
        assert_eq!(t("a; +cmd"), "\"a;' +cmd\"");
        assert_eq!(t("'=x"), "\"''=x\"");
        assert_eq!(t("it's"), "it's");
        assert_eq!(t("line\nbreak"), "\"line\nbreak\"");
    }

    #[test]
    fn numbers_are_never_defused() {
        assert_eq!(field(&Field::Number(-12.5), Dialect::Standard), "-12.5");
        assert_eq!(field(&Field::Number(-12.5), Dialect::German), "-12,5");
        assert_eq!(field(&Field::Integer(-3), Dialect::German), "-3");
        assert_eq!(field(&Field::Number(1e300), Dialect::Standard), "1e300");
        assert_eq!(field(&Field::Number(f64::NAN), Dialect::Standard), "");
    }

    #[test]
    fn restore_undoes_defuse() {
        for s in [
            "=1+2", "'=1", "''-1", "a;=b", " ;-", "it's", "'plain", "-", ";;@",
        ] {
            assert_eq!(restore(&defuse(s)), s, "{s:?}");
        }
        // Hand-written text without a formula character keeps its quote mark.
        assert_eq!(restore("'plain"), "'plain");
    }

    #[test]
    fn observations_in_long_format() {
        let ind: Indicator = serde_json::from_value(serde_json::json!({
            "id": "I-1", "title": "t", "series": [{"id": "a", "observations": [
                {"period": "2023", "value": -10.5, "flag": "provisional"}, {"period": "2024", "value": null, "flag": "suppressed"}]}]
        })).unwrap();
        assert_eq!(
            observations([&ind], Dialect::Standard),
            "\u{feff}indicator,series,period,value,flag\r\nI-1,a,2023,-10.5,provisional\r\nI-1,a,2024,,suppressed\r\n"
        );
        assert_eq!(
            observations([&ind], Dialect::German),
            "\u{feff}indicator;series;period;value;flag\r\nI-1;a;2023;-10,5;provisional\r\nI-1;a;2024;;suppressed\r\n"
        );
    }

    #[test]
    fn file_names_tell_the_dialects_apart() {
        let d = crate::Date::parse("2026-10-31");
        assert_eq!(
            csv_file_name("massnahmen", d.as_ref(), Dialect::Standard),
            "massnahmen-2026-10-31.csv"
        );
        assert_eq!(
            csv_file_name("massnahmen", d.as_ref(), Dialect::German),
            "massnahmen-excel-de-2026-10-31.csv"
        );
    }
}
