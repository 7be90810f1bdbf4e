//! CSV downloads open safely in a spreadsheet: no text cell is run as a formula (also not a
//! part after `;`, where German spreadsheets split), numbers stay numbers, and the staff tool
//! gets every text back exactly as it was.

use proptest::prelude::*;
use wegmarke_core::csv::{self, Dialect, Field};
use wegmarke_core::{Indicator, Measure};

/// Reads one written cell back as a spreadsheet's CSV reader does (RFC 4180 quotes).
fn unquote(cell: &str) -> String {
    match cell.strip_prefix('"').and_then(|c| c.strip_suffix('"')) {
        Some(inner) => inner.replace("\"\"", "\""),
        None => cell.to_owned(),
    }
}

/// Whether a spreadsheet would see a formula at the start of the cell or of a `;` part.
fn looks_like_formula(cell: &str) -> bool {
    cell.split(';').any(|part| {
        part.trim_start_matches(|c: char| c.is_whitespace() && c != '\t' && c != '\r')
            .starts_with(['=', '+', '-', '@', '\t', '\r', '\0'])
    })
}

/// Text biased toward formula characters, quote marks, separators and whitespace.
fn arb_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[=+\\-@'; \t\r\n\",a-z0-9]{0,12}",
        any::<String>(),
        "(=|\\+|-|@)[A-Z]{1,6}\\(.{0,8}\\)",
    ]
}

proptest! {
    #[test]
    fn any_text_cell_survives_export_and_import(s in arb_text()) {
        for d in Dialect::ALL {
            let written = csv::field(&Field::Text(&s), d);
            prop_assert_eq!(csv::restore(&unquote(&written)), s.clone());
        }
    }

    #[test]
    fn no_written_text_cell_is_read_as_a_formula(s in arb_text()) {
        for d in Dialect::ALL {
            let written = csv::field(&Field::Text(&s), d);
            let seen = unquote(&written);
            prop_assert!(!looks_like_formula(&seen), "{:?} -> {:?}", s, written);
            if csv::is_risky(&s) {
                prop_assert!(written.starts_with('"'), "a defused cell is always quoted: {:?}", written);
            }
        }
    }

    #[test]
    fn any_number_is_written_as_a_number(v in any::<f64>().prop_filter("finite", |v| v.is_finite())) {
        for d in Dialect::ALL {
            let written = csv::field(&Field::Number(v), d);
            prop_assert!(!written.starts_with(['\'', '"']), "{:?}", written);
            prop_assert!(!written.contains(d.separator()), "{:?}", written);
            let back: f64 = written.replace(',', ".").parse().map_err(|e| TestCaseError::fail(format!("{written}: {e}")))?;
            prop_assert_eq!(back, v);
        }
    }

    #[test]
    fn any_integer_is_written_as_is(i in any::<i64>()) {
        for d in Dialect::ALL {
            prop_assert_eq!(csv::field(&Field::Integer(i), d), i.to_string());
        }
    }
}

#[test]
fn formula_cells_get_a_quote_mark_and_quotes() {
    for (text, written) in [
        ("=1+1", "\"'=1+1\""),
        ("+1", "\"'+1\""),
        ("-1", "\"'-1\""),
        ("@SUM(A1)", "\"'@SUM(A1)\""),
        ("\tx", "\"'\tx\""),
        ("\rx", "\"'\rx\""),
        ("  =1", "\"'  =1\""),
        ("a;=cmd", "\"a;'=cmd\""),
        ("Eltern; -Kinder", "\"Eltern;' -Kinder\""),
    ] {
        assert_eq!(csv::field(&Field::Text(text), Dialect::German), written);
        assert_eq!(csv::field(&Field::Text(text), Dialect::Standard), written);
    }
}

#[test]
fn negative_values_in_the_observations_csv_stay_numbers() {
    let ind: Indicator = serde_json::from_value(serde_json::json!({
        "id": "-I", "title": "t", "series": [{"id": "=s", "observations": [
            {"period": "2023", "value": -12.5}]}]
    }))
    .unwrap();
    let std = csv::observations([&ind], Dialect::Standard);
    assert!(std.ends_with("\"'-I\",\"'=s\",2023,-12.5,\r\n"), "{std}");
    let de = csv::observations([&ind], Dialect::German);
    assert!(de.ends_with("\"'-I\";\"'=s\";2023;-12,5;\r\n"), "{de}");
    assert!(std.starts_with('\u{feff}') && de.starts_with('\u{feff}'));
}

#[test]
fn measure_titles_are_defused_and_progress_is_a_number() {
    let m: Measure = serde_json::from_value(serde_json::json!({
        "id": "M-1", "title": "=HYPERLINK(\"http://x\")", "status": "on_track", "progress": 40,
        "target_groups": ["Eltern", "-Kinder"]
    }))
    .unwrap();
    let text = csv::measures(&[&m], "de", "de", Dialect::German);
    let row = text.lines().nth(1).unwrap();
    assert!(
        row.starts_with("M-1;\"'=HYPERLINK(\"\"http://x\"\")\";on_track;40;"),
        "{row}"
    );
    assert!(row.contains(";\"Eltern;' -Kinder\";"), "{row}");
}
