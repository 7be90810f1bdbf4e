//! CSV downloads: the explorer's current selection of measures, and an indicator's
//! observations in long format. Cells that a spreadsheet would run as a formula are defused.

use crate::model::{Indicator, Measure};

/// Quotes a cell for CSV and defuses formula injection (=, +, -, @ at the start).
pub fn cell(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_owned()
    };
    if s.contains([',', '"', '\n', '\r', ';']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

fn row(cells: &[String]) -> String {
    let mut line = cells.iter().map(|c| cell(c)).collect::<Vec<_>>().join(",");
    line.push_str("\r\n");
    line
}

/// Measures as CSV (UTF-8 with BOM so spreadsheet programs detect the encoding).
pub fn measures(measures: &[&Measure], lang: &str, default: &str) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&row(&[
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
    ]
    .map(str::to_owned)));
    for m in measures {
        out.push_str(&row(&[
            m.id.clone(),
            m.title.resolve(lang, default).to_owned(),
            m.status.as_str().to_owned(),
            m.progress.map(|p| p.to_string()).unwrap_or_default(),
            m.start.map(|d| d.to_string()).unwrap_or_default(),
            m.end.map(|d| d.to_string()).unwrap_or_default(),
            m.lead.clone().unwrap_or_default(),
            m.partners.join(" "),
            m.goals.join(" "),
            m.target_groups
                .iter()
                .map(|t| t.resolve(lang, default))
                .collect::<Vec<_>>()
                .join("; "),
            m.districts.join("; "),
            m.last_updated().map(|d| d.to_string()).unwrap_or_default(),
        ]));
    }
    out
}

/// Observations in long format: indicator, series, period, value, flag.
pub fn observations<'a>(indicators: impl IntoIterator<Item = &'a Indicator>) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&row(
        &["indicator", "series", "period", "value", "flag"].map(str::to_owned)
    ));
    for ind in indicators {
        for s in &ind.series {
            for o in &s.observations {
                out.push_str(&row(&[
                    ind.id.clone(),
                    s.id.clone(),
                    o.period.to_string(),
                    o.value.map(|v| format!("{v}")).unwrap_or_default(),
                    o.flag.map(|f| f.as_str().to_owned()).unwrap_or_default(),
                ]));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_and_formulas_defused() {
        assert_eq!(cell("plain"), "plain");
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell("-5"), "'-5");
        assert_eq!(cell("line\nbreak"), "\"line\nbreak\"");
    }

    #[test]
    fn observations_in_long_format() {
        let ind: Indicator = serde_json::from_value(serde_json::json!({
            "id": "I-1", "title": "t", "series": [{"id": "a", "observations": [
                {"period": "2023", "value": 10.5, "flag": "provisional"}, {"period": "2024", "value": null, "flag": "suppressed"}]}]
        })).unwrap();
        let csv = observations([&ind]);
        assert_eq!(csv, "\u{feff}indicator,series,period,value,flag\r\nI-1,a,2023,10.5,provisional\r\nI-1,a,2024,,suppressed\r\n");
    }
}
