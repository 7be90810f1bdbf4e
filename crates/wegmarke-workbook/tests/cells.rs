//! Cells that Excel or LibreOffice turned into something else, read the way a person means
//! them: percentages kept as fractions, real dates, error values, German thousands points,
//! invisible spaces around ids and words, whole numbers stored as floats. Each case goes
//! through a real xlsx file (written, read back, imported) or a CSV-like text cell, and is
//! told apart by its finding's kind.

use serde_json::{json, Value};
use wegmarke_core::ProblemKind;
use wegmarke_workbook::export::{tables, Data};
use wegmarke_workbook::import::{
    convert, convert_in, import, read_number, Decimal, Existing, Reading,
};
use wegmarke_workbook::sheets::{Kind, STATUS};
use wegmarke_workbook::{read, xlsx, Cell, Finding, FindingKind, Level, Table};

mod common;
use common::example;

/// The example's workbook after `edit`, as an xlsx file read back, imported into `existing`.
fn imported(
    edit: impl FnOnce(&mut Vec<Table>),
    existing: &Existing,
) -> (Option<Data>, Vec<Finding>) {
    let mut t = tables(Some(&example())).unwrap();
    edit(&mut t);
    let bytes = xlsx::to_bytes(&t).unwrap();
    let book = read::read_bytes(&bytes, "t.xlsx").unwrap();
    let out = import(&book.sheets, existing);
    (out.data, out.findings)
}

/// The first measure's cell in a column (row 3 of the sheet: header and explanation above).
fn measure_cell<'a>(t: &'a mut [Table], header: &str) -> &'a mut Cell {
    let m = t.iter_mut().find(|t| t.name == "Maßnahmen").unwrap();
    let c = m.columns.iter().position(|c| c.header == header).unwrap();
    &mut m.rows[0][c]
}

fn kinds(f: &[Finding]) -> Vec<&FindingKind> {
    f.iter().map(|f| &f.kind).collect()
}

fn progress(d: &Data) -> Option<f64> {
    d.measures.measures[0].progress
}

// ------------------------------------------------------------------ percentages

#[test]
fn a_percent_formatted_progress_cell_becomes_its_percentage_with_a_note() {
    let (data, f) = imported(
        |t| *measure_cell(t, "Fortschritt (%)") = Cell::Number(0.45),
        &Existing::default(),
    );
    assert_eq!(progress(&data.unwrap()), Some(45.0));
    let note = f
        .iter()
        .find(|f| matches!(f.kind, FindingKind::PercentAsFraction { .. }))
        .expect("a note");
    assert_eq!(note.level, Level::Note);
    assert_eq!(
        note.kind,
        FindingKind::PercentAsFraction {
            found: 0.45,
            read: 45.0
        }
    );
    assert_eq!(
        (note.loc.sheet.as_str(), note.loc.row),
        ("Maßnahmen", Some(3))
    );
}

#[test]
fn a_fraction_that_is_the_existing_value_stays_and_one_no_one_types_too() {
    let mut d = example();
    d.measures.measures[0].progress = Some(0.5);
    let text = serde_json::to_string(&d.measures).unwrap();
    let existing = Existing::from_bytes(None, Some(text.as_bytes()), None);
    let (data, f) = imported(
        |t| *measure_cell(t, "Fortschritt (%)") = Cell::Number(0.5),
        &existing,
    );
    assert_eq!(progress(&data.unwrap()), Some(0.5));
    assert!(!kinds(&f)
        .iter()
        .any(|k| matches!(k, FindingKind::PercentAsFraction { .. })));

    let (data, _) = imported(
        |t| *measure_cell(t, "Fortschritt (%)") = Cell::Number(0.1 + 0.2),
        &Existing::default(),
    );
    assert_eq!(
        progress(&data.unwrap()),
        Some(0.1 + 0.2),
        "not a typed percentage"
    );
    let (data, _) = imported(
        |t| *measure_cell(t, "Fortschritt (%)") = Cell::Number(1.0),
        &Existing::default(),
    );
    assert_eq!(
        progress(&data.unwrap()),
        Some(1.0),
        "1 cannot be told from 100 %"
    );
}

#[test]
fn a_percent_text_from_a_csv_file_is_the_number_before_the_sign() {
    let how = Reading {
        decimal: Decimal::Comma,
        percent: true,
    };
    for s in ["45 %", "45%", "45,0 %"] {
        let (v, note) = convert_in(Kind::Number, &Cell::Text(s.into()), how).unwrap();
        assert_eq!(v, Some(json!(45)), "{s}");
        assert_eq!(note, None);
    }
    // Without a percent sign a text stays what it says: CSV has no formats to hide one.
    let (v, note) = convert_in(Kind::Number, &Cell::Text("0,45".into()), how).unwrap();
    assert_eq!((v, note), (Some(json!(0.45)), None));
    // Only the progress column takes a percent sign.
    assert!(convert(Kind::Number, &Cell::Text("45 %".into())).is_err());
}

// ------------------------------------------------------------------ dates

#[test]
fn a_real_date_in_a_date_column_is_that_day_without_a_finding() {
    let (v, note) = convert(Kind::Date, &Cell::Date("2026-05-12".into())).unwrap();
    assert_eq!((v, note), (Some(json!("2026-05-12")), None));
    // The first of a month may have been a month typed as "2027-03": a person should look.
    let (v, note) = convert(Kind::Date, &Cell::Date("2027-03-01".into())).unwrap();
    assert_eq!(v, Some(json!("2027-03-01")));
    assert_eq!(
        note.unwrap().kind,
        FindingKind::StoredAsDate {
            value: "2027-03-01".into()
        }
    );
}

#[test]
fn a_date_in_a_period_column_on_the_first_is_its_month() {
    let (v, note) = convert(Kind::Period, &Cell::Date("2023-06-01".into())).unwrap();
    assert_eq!(v, Some(json!("2023-06")));
    assert_eq!(
        note.unwrap().kind,
        FindingKind::StoredAsDate {
            value: "2023-06".into()
        }
    );
    let (v, _) = convert(Kind::Period, &Cell::Date("2023-06-30".into())).unwrap();
    assert_eq!(v, Some(json!("2023-06-30")), "another day stays a day");
}

#[test]
fn a_date_through_an_xlsx_file_arrives_as_a_date() {
    let (data, f) = imported(
        |t| *measure_cell(t, "Beginn") = Cell::Date("2025-02-17".into()),
        &Existing::default(),
    );
    let d = data.unwrap();
    assert_eq!(
        serde_json::to_value(&d.measures.measures[0]).unwrap()["start"],
        json!("2025-02-17")
    );
    assert!(!kinds(&f)
        .iter()
        .any(|k| matches!(k, FindingKind::StoredAsDate { .. })));
}

// ------------------------------------------------------------------ error values

#[test]
fn error_values_are_located_problems_of_their_own_kind() {
    for e in [
        "#NAME?", "#WERT!", "#NV", "#DIV/0!", "#BEZUG!", "#N/A", "Err:502",
    ] {
        for cell in [Cell::Error(e.into()), Cell::Text(format!(" {e} "))] {
            for kind in [Kind::Number, Kind::Id, Kind::Choice(&STATUS), Kind::Date] {
                let err = convert(kind, &cell).unwrap_err();
                assert_eq!(
                    err.kind,
                    FindingKind::ErrorValue { value: e.into() },
                    "{cell:?}"
                );
                assert_eq!(err.level, Level::Fatal);
            }
        }
    }
    assert!(convert(Kind::Str, &Cell::Text("#1 in der Stadt".into())).is_ok());
}

#[test]
fn an_error_value_in_a_workbook_is_reported_at_its_cell_and_nothing_is_written() {
    let (data, f) = imported(
        |t| *measure_cell(t, "Fortschritt (%)") = Cell::Text("#DIV/0!".into()),
        &Existing::default(),
    );
    assert!(data.is_none());
    let e = f.iter().find(|f| f.level == Level::Fatal).unwrap();
    assert_eq!(
        e.kind,
        FindingKind::ErrorValue {
            value: "#DIV/0!".into()
        }
    );
    assert_eq!(e.loc.header.as_deref(), Some("Fortschritt (%)"));
    assert_eq!(e.loc.row, Some(3));
}

// ------------------------------------------------------------------ German numbers

#[test]
fn german_thousands_points_are_read_and_the_ambiguous_one_is_noted() {
    let german = |s: &str| read_number(s, Decimal::Comma);
    assert_eq!(german("1.234.567"), Some((1_234_567.0, None)));
    assert_eq!(german("1.234,5"), Some((1234.5, None)));
    assert_eq!(german("45.000"), Some((45_000.0, None)));
    assert_eq!(german("-2.500,75"), Some((-2500.75, None)));
    assert_eq!(german("11,8"), Some((11.8, None)));
    assert_eq!(
        german("0.125"),
        Some((0.125, None)),
        "no thousands group starts with 0"
    );
    let (v, note) = german("1.234").unwrap();
    assert_eq!(v, 1234.0);
    assert_eq!(
        note.unwrap().kind,
        FindingKind::AmbiguousNumber {
            found: "1.234".into(),
            read: 1234.0
        }
    );
    // A sheet that writes decimal points elsewhere means 1.234.
    assert_eq!(read_number("1.234", Decimal::Point), Some((1.234, None)));
    assert_eq!(
        read_number("1.234.567", Decimal::Point),
        Some((1_234_567.0, None))
    );
    assert_eq!(german("1.23.4"), None);
    assert_eq!(german("1,234,567"), None);
}

#[test]
fn the_sheet_decides_how_its_numbers_are_written() {
    assert_eq!(Decimal::of_texts(["1.234", "11,8"]), Decimal::Comma);
    assert_eq!(Decimal::of_texts(["1.234", "11.8"]), Decimal::Point);
    assert_eq!(
        Decimal::of_texts(["1.234", "45.000"]),
        Decimal::Comma,
        "German by default"
    );
    assert_eq!(Decimal::of_texts([]), Decimal::Comma);
}

#[test]
fn a_thousands_point_in_a_budget_cell_of_a_workbook() {
    let (data, f) = imported(
        |t| *measure_cell(t, "Budget: Betrag") = Cell::Text("45.000".into()),
        &Existing::default(),
    );
    let d = data.unwrap();
    let m = serde_json::to_value(&d.measures.measures[0]).unwrap();
    assert_eq!(m["budget"]["amount"], json!(45000.0));
    assert!(!kinds(&f)
        .iter()
        .any(|k| matches!(k, FindingKind::AmbiguousNumber { .. })));
}

// ------------------------------------------------------------------ spaces

#[test]
fn spaces_around_ids_are_trimmed_with_a_note() {
    let (v, note) = convert(Kind::Id, &Cell::Text("\u{a0}M-1.2 ".into())).unwrap();
    assert_eq!(v, Some(json!("M-1.2")));
    assert_eq!(
        note.unwrap().kind,
        FindingKind::Trimmed {
            found: "\u{a0}M-1.2 ".into()
        }
    );
    let (v, note) = convert(
        Kind::IdList,
        &Cell::Text("a-1,\u{a0}b-2 ;\u{200b}c-3".into()),
    )
    .unwrap();
    assert_eq!(v, Some(json!(["a-1", "b-2", "c-3"])));
    assert_eq!(note, None, "separators come with spaces; no note");
}

#[test]
fn a_padded_id_in_a_workbook_is_the_id() {
    let id = example().measures.measures[0].id.clone();
    let (data, f) = imported(
        |t| *measure_cell(t, "Kennung") = Cell::Text(format!(" {id}\u{a0}")),
        &Existing::default(),
    );
    assert_eq!(data.unwrap().measures.measures[0].id, id);
    let note = f
        .iter()
        .find(|f| matches!(f.kind, FindingKind::Trimmed { .. }))
        .unwrap();
    assert_eq!((note.level, note.loc.row), (Level::Note, Some(3)));
}

#[test]
fn choice_words_ignore_non_breaking_spaces() {
    let cell = Cell::Text("\u{a0}läuft\u{a0}–\u{a0}im Plan ".into());
    assert_eq!(
        convert(Kind::Choice(&STATUS), &cell).unwrap().0,
        Some(json!("on_track"))
    );
    assert_eq!(
        convert(Kind::Bool, &Cell::Text(" ja\u{a0}".into()))
            .unwrap()
            .0,
        Some(json!(true))
    );
    let e = convert(Kind::Choice(&STATUS), &Cell::Text("läuft".into())).unwrap_err();
    assert!(
        matches!(e.kind, FindingKind::UnknownChoice { ref found, ref allowed }
        if found == "läuft" && allowed.len() == STATUS.labels().len())
    );
}

// ------------------------------------------------------------------ whole numbers

#[test]
fn a_whole_float_is_an_integer_where_json_sees_it() {
    assert_eq!(
        convert(Kind::Integer, &Cell::Number(45.0)).unwrap().0,
        Some(json!(45))
    );
    assert_eq!(
        convert(Kind::Integer, &Cell::Text("45,0".into()))
            .unwrap()
            .0,
        Some(json!(45))
    );
    assert_eq!(
        convert(Kind::Number, &Cell::Number(45.0)).unwrap().0,
        Some(json!(45))
    );
    assert!(convert(Kind::Number, &Cell::Number(45.0))
        .unwrap()
        .0
        .unwrap()
        .is_i64());
    assert_eq!(
        convert(Kind::Number, &Cell::Number(-0.0)).unwrap().0,
        Some(json!(-0.0))
    );
    assert_eq!(
        convert(Kind::Id, &Cell::Number(45.0)).unwrap().0,
        Some(json!("45"))
    );
    assert_eq!(
        convert(Kind::Str, &Cell::Number(2024.0)).unwrap().0,
        Some(json!("2024"))
    );
}

#[test]
fn a_whole_progress_from_another_program_round_trips_as_an_integer() {
    let (data, _) = imported(
        |t| *measure_cell(t, "Fortschritt (%)") = Cell::Number(45.0),
        &Existing::default(),
    );
    let v: Value = serde_json::to_value(&data.unwrap().measures.measures[0]).unwrap();
    assert_eq!(v["progress"], json!(45.0));
}

#[test]
fn an_invalid_date_is_the_core_s_problem() {
    let e = convert(Kind::Date, &Cell::Text("2023-02-30".into())).unwrap_err();
    assert_eq!(
        e.kind,
        FindingKind::Core(ProblemKind::InvalidDate {
            value: "2023-02-30".into()
        })
    );
}
