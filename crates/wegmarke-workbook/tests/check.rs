//! The Datenwerkstatt's check (`check::read` + `check::check`), natively: what kind of files
//! were chosen, the example's own workbook giving the published files byte for byte, removals,
//! JSON files beside the published ones, plausibility notes at their cells, and the ZIP.

use std::io::Read as _;

use wegmarke_core::plausibility::NoteKind;
use wegmarke_core::{Date, DATA_FILES};
use wegmarke_workbook::check::{self, Published, Read, Upload};
use wegmarke_workbook::export::tables;
use wegmarke_workbook::removals::RemovalKind;
use wegmarke_workbook::{xlsx, Cell, FindingKind, Level, Table};

mod common;
use common::example_files as published;

fn upload(name: &str, bytes: Vec<u8>) -> Upload {
    Upload {
        name: name.to_owned(),
        bytes,
    }
}

/// The example's workbook, as the Werkstatt offers it for download, after `edit`.
fn workbook(edit: impl FnOnce(&mut Vec<Table>)) -> Vec<u8> {
    let files = published();
    let data = check::data_of(files.each_ref().map(|f| Some(f.as_slice()))).expect("typed");
    let mut t = tables(Some(&data)).expect("tables");
    edit(&mut t);
    xlsx::to_bytes(&t).expect("xlsx")
}

fn today() -> Date {
    Date::parse("2026-12-03").expect("date")
}

fn run(uploads: &[Upload]) -> check::Checked {
    let files = published();
    let read = check::read(uploads).expect("read");
    check::check(
        &read,
        &Published {
            files: files.each_ref().map(|f| Some(f.as_slice())),
            data: None,
            today: today(),
        },
    )
}

fn sheet<'a>(t: &'a mut [Table], name: &str) -> &'a mut Table {
    t.iter_mut().find(|t| t.name == name).expect("sheet")
}

#[test]
fn what_was_chosen_decides_how_it_is_read() {
    let kind = |uploads: &[Upload]| check::read(uploads).err().map(|f| f.kind);
    assert_eq!(kind(&[]), Some(FindingKind::NoFile));
    assert_eq!(
        kind(&[
            upload("a.csv", b"x;y\n".to_vec()),
            upload("plan.json", b"{}".to_vec())
        ]),
        Some(FindingKind::MixedFiles)
    );
    assert!(matches!(
        kind(&[upload("daten.json", b"{}".to_vec())]),
        Some(FindingKind::NotADataFile { .. })
    ));
    assert!(matches!(
        check::read(&[upload("Maßnahmen.CSV", b"Kennung;Status\n".to_vec())]),
        Ok(Read::Sheets(_))
    ));
    assert!(matches!(
        check::read(&[upload("ordner/MEASURES.json", b"{}".to_vec())]),
        Ok(Read::Json([None, Some(_), None]))
    ));
}

#[test]
fn the_examples_own_workbook_gives_the_published_files_byte_for_byte() {
    let checked = run(&[upload("plan.xlsx", workbook(|_| {}))]);
    let fatal: Vec<_> = checked
        .findings
        .iter()
        .filter(|f| f.level != Level::Note)
        .collect();
    assert!(fatal.is_empty(), "{fatal:#?}");
    assert!(checked.removals.is_empty(), "{:#?}", checked.removals);
    let texts = checked.texts.expect("texts");
    for (text, file) in texts.iter().zip(published()) {
        assert_eq!(text.as_bytes(), file.as_slice());
    }
    assert_eq!(checked.data.expect("data").measures().len(), 40);
}

#[test]
fn a_header_only_measures_sheet_lists_every_measure_as_removed() {
    let bytes = workbook(|t| {
        for name in [
            "Maßnahmen",
            "Meilensteine",
            "Aktualisierungen",
            "Links",
            "Drucksachen Maßnahmen",
        ] {
            sheet(t, name).rows.clear();
        }
    });
    let checked = run(&[upload("leer.xlsx", bytes)]);
    let measures: Vec<_> = checked
        .removals
        .iter()
        .filter(|r| r.kind == RemovalKind::Measure)
        .map(|r| r.key())
        .collect();
    assert_eq!(measures.len(), 40, "{measures:?}");
    assert!(measures.contains(&"M-1.1".to_owned()));
    // The data itself is usable: the removals are the only thing between it and publishing.
    assert!(checked.texts.is_some());
}

#[test]
fn json_files_not_chosen_stay_as_published() {
    let files = published();
    let checked = run(&[upload("measures.json", files[1].clone())]);
    let not_chosen = checked
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::NotChosen)
        .count();
    assert_eq!(not_chosen, 2);
    let texts = checked.texts.expect("texts");
    assert_eq!(texts[0].as_bytes(), files[0].as_slice());
    assert_eq!(texts[2].as_bytes(), files[2].as_slice());
}

#[test]
fn a_broken_json_file_is_fatal_at_its_file() {
    let checked = run(&[upload("measures.json", b"{\"format\": ".to_vec())]);
    assert!(checked.texts.is_none());
    let fatal = checked
        .findings
        .iter()
        .find(|f| f.level == Level::Fatal)
        .expect("fatal");
    assert!(fatal.loc.sheet.starts_with("measures.json"), "{fatal:?}");
}

#[test]
fn plausibility_notes_point_at_the_cell_to_change() {
    // M-1.1 (row 3 of "Maßnahmen") marked completed while its progress stays 55.
    let bytes = workbook(|t| {
        let m = sheet(t, "Maßnahmen");
        let status = m
            .columns
            .iter()
            .position(|c| c.header == "Status")
            .expect("status column");
        m.rows[0][status] = Cell::Text("abgeschlossen".into());
    });
    let checked = run(&[upload("plan.xlsx", bytes)]);
    let (loc, note) = checked
        .notes
        .iter()
        .find(|(_, n)| n.id == "M-1.1" && matches!(n.kind, NoteKind::FinishedBelowFull { .. }))
        .expect("note");
    assert_eq!(loc.sheet, "Maßnahmen");
    assert_eq!(loc.row, Some(3));
    assert!(note.message("de").contains("55"));
}

#[test]
fn progress_below_the_published_figure_is_asked_about() {
    let bytes = workbook(|t| {
        let m = sheet(t, "Maßnahmen");
        let progress = m
            .columns
            .iter()
            .position(|c| c.header.starts_with("Fortschritt"))
            .expect("progress column");
        m.rows[0][progress] = Cell::Int(45);
    });
    let checked = run(&[upload("plan.xlsx", bytes)]);
    assert!(checked.notes.iter().any(|(loc, n)| n.id == "M-1.1"
        && matches!(n.kind, NoteKind::ProgressFell { before, now } if before == 55.0 && now == 45.0)
        && loc.cell_ref().is_some()));
}

#[test]
fn the_zip_holds_the_three_files_and_is_the_same_every_time() {
    let files = published();
    let texts = files
        .each_ref()
        .map(|f| String::from_utf8(f.clone()).expect("utf-8"));
    let beside = [("feeds/plan.atom".to_owned(), "<feed/>".to_owned())];
    let zip = check::package(&texts, &beside).expect("zip");
    assert_eq!(check::package(&texts, &beside).expect("zip"), zip);
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).expect("archive");
    assert_eq!(archive.len(), 4);
    let mut feed = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("feeds/plan.atom").expect("feed"),
        &mut feed,
    )
    .expect("read");
    assert_eq!(feed, "<feed/>");
    for (name, file) in DATA_FILES.iter().zip(&files) {
        let mut inner = Vec::new();
        archive
            .by_name(name)
            .expect("entry")
            .read_to_end(&mut inner)
            .expect("read");
        assert_eq!(&inner, file);
    }
}
