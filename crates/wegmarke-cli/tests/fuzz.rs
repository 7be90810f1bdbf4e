//! No input may panic the importers: arbitrary bytes as a workbook, damaged real workbooks,
//! arbitrary CSV text, and arbitrary sheets (random headers and cells of every type, also
//! written to a real .xlsx and read back). Bounded case counts keep CI fast.

use std::sync::OnceLock;

use proptest::prelude::*;
use wegmarke_cli::files::canonical;
use wegmarke_cli::workbook::export::tables;
use wegmarke_cli::workbook::import::{import, Existing};
use wegmarke_cli::workbook::sheets::{sheet_names, ENTITY_SHEETS, PLAN_FIELDS};
use wegmarke_cli::workbook::{csv, read, xlsx, Cell, Column, Grid, GridRow, Style, Table};

mod common;

fn example_bytes() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| xlsx::to_bytes(&tables(Some(&common::example_data())).unwrap()).unwrap())
}

fn existing() -> &'static Existing {
    static E: OnceLock<Existing> = OnceLock::new();
    E.get_or_init(|| {
        let read = |f: &str| std::fs::read(common::example_dir().join(f)).ok();
        Existing::from_bytes(
            read("plan.json").as_deref(),
            read("measures.json").as_deref(),
            read("indicators.json").as_deref(),
        )
    })
}

/// Runs the whole import on sheets and, when it gives data, the app's validation on it.
fn import_all(sheets: &[Grid], with_existing: bool) {
    let empty = Existing::default();
    let e = if with_existing { existing() } else { &empty };
    let imported = import(sheets, e);
    if let Some(d) = imported.data {
        let texts = [
            canonical(&d.plan),
            canonical(&d.measures),
            canonical(&d.indicators),
        ];
        let ds = wegmarke_core::validate(
            &wegmarke_core::Inputs {
                plan: wegmarke_core::Input::Bytes(texts[0].as_bytes()),
                measures: wegmarke_core::Input::Bytes(texts[1].as_bytes()),
                indicators: wegmarke_core::Input::Bytes(texts[2].as_bytes()),
            },
            "",
        );
        let _ = wegmarke_cli::workbook::import::locate_problems(&ds.problems, &imported.locator);
    }
}

/// Every header the sheets know, so random sheets hit the real conversion paths.
fn headers() -> Vec<String> {
    let mut h: Vec<String> = vec![
        "Angabe".into(),
        "Schlüssel".into(),
        "Wert".into(),
        "Wert (de)".into(),
        "Weitere Felder (JSON)".into(),
    ];
    for s in ENTITY_SHEETS {
        h.extend(s.keys.iter().map(|k| k.header.to_owned()));
        for f in s.fields {
            h.push(f.header.to_owned());
            h.push(format!("{} (de)", f.header));
            h.push(format!("{} (en)", f.header));
        }
    }
    h.extend(PLAN_FIELDS.iter().map(|f| f.path.to_owned()));
    h
}

fn cell() -> impl Strategy<Value = Cell> {
    prop_oneof![
        3 => Just(Cell::Empty),
        3 => prop::sample::select(vec![
            "M-1.1", "sprache-1", "vhs", "geplant", "läuft – im Plan", "2023", "2023-06",
            "2023-02-30", "ja", "nein", "x", "1,5", "1.234,5", "[\"a\"]", "[{", "{\"x\": 1}",
            "{\"title\": 1}", "{\"budget\": {\"amount\": 1}}", "title", "default_language",
            "weitere Felder: plan", "weitere Felder: plan.json", "de", "I-alq-ausl", "gesamt",
        ])
        .prop_map(|s| Cell::Text(s.to_owned())),
        2 => ".{0,20}".prop_map(Cell::Text),
        1 => any::<f64>().prop_map(Cell::Number),
        1 => any::<i64>().prop_map(Cell::Int),
        1 => any::<bool>().prop_map(Cell::Bool),
        1 => Just(Cell::Date("2024-02-29".into())),
        1 => Just(Cell::Error("#NV".into())),
    ]
}

fn grid() -> impl Strategy<Value = Grid> {
    let names: Vec<String> = sheet_names()
        .into_iter()
        .map(str::to_owned)
        .chain(["Anleitung".to_owned(), "Fremd".to_owned()])
        .collect();
    (
        prop::sample::select(names),
        prop::collection::vec(prop::sample::select(headers()), 0..8),
        prop::collection::vec(prop::collection::vec(cell(), 0..9), 0..8),
        any::<bool>(),
    )
        .prop_map(|(name, header, rows, gap)| {
            let mut out = vec![GridRow {
                number: 1,
                cells: header.into_iter().map(Cell::Text).collect(),
            }];
            for (i, cells) in rows.into_iter().enumerate() {
                let number = i as u32 + if gap { 5 } else { 2 };
                out.push(GridRow { number, cells });
            }
            Grid { name, rows: out }
        })
}

fn book() -> impl Strategy<Value = Vec<Grid>> {
    prop::collection::vec(grid(), 0..8)
}

fn to_table(g: &Grid) -> Table {
    let width = g.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    let header = g.rows.first().cloned().unwrap_or_default();
    Table {
        name: g.name.clone(),
        about: String::new(),
        columns: (0..width)
            .map(|c| Column {
                header: match header.cell(c as u32) {
                    Cell::Text(t) => t.clone(),
                    _ => String::new(),
                },
                explain: String::new(),
                style: Style::Text { long: false },
                required: false,
            })
            .collect(),
        rows: g.rows.iter().skip(1).map(|r| r.cells.clone()).collect(),
        file: "plan.json",
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(
        prefix in prop::sample::select(vec![&b""[..], b"PK\x03\x04", b"PK\x05\x06", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", b"\xEF\xBB\xBF"]),
        body in prop::collection::vec(any::<u8>(), 0..2048),
    ) {
        let mut bytes = prefix.to_vec();
        bytes.extend(body);
        if let Ok(book) = read::read_bytes(&bytes, "fuzz.xlsx") {
            import_all(&book.sheets, false);
        }
    }

    #[test]
    fn damaged_workbooks_never_panic(
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
        cut in prop::option::of(any::<prop::sample::Index>()),
    ) {
        let mut bytes = example_bytes().to_vec();
        for (i, b) in flips {
            let at = i.index(bytes.len());
            bytes[at] = b;
        }
        if let Some(c) = cut {
            bytes.truncate(c.index(bytes.len()));
        }
        if let Ok(book) = read::read_bytes(&bytes, "fuzz.xlsx") {
            import_all(&book.sheets, true);
        }
    }

    #[test]
    fn arbitrary_csv_never_panics(text in "(.|\n|;|\"|,){0,400}", sheet in prop::sample::select(sheet_names())) {
        if let Ok(g) = csv::parse(sheet, &text) {
            import_all(&[g], true);
        }
        let (decoded, _) = csv::decode(text.as_bytes());
        let _ = csv::parse(sheet, &decoded);
    }

    #[test]
    fn arbitrary_sheets_never_panic(sheets in book(), with_existing in any::<bool>()) {
        import_all(&sheets, with_existing);
    }

    #[test]
    fn arbitrary_workbooks_never_panic(sheets in book()) {
        // Random sheets written to a real .xlsx and read back (duplicate sheet names and
        // strings over Excel's limit are refused by the writer, which is fine).
        let mut seen = std::collections::HashSet::new();
        let tables: Vec<Table> = sheets.iter().filter(|g| seen.insert(g.name.clone())).map(to_table).collect();
        if let Ok(bytes) = xlsx::to_bytes(&tables) {
            let book = read::read_bytes(&bytes, "fuzz.xlsx");
            prop_assert!(book.is_ok(), "{:?}", book.err());
            import_all(&book.unwrap().sheets, false);
        }
    }
}
