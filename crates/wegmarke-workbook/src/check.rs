//! One check of what a staff member wants to publish, for the Datenwerkstatt page (in the
//! browser, nothing leaves it) and the staff tool alike: read the chosen files (a workbook,
//! CSV files, or the three JSON files), turn sheets into the data files, validate them with the
//! core and locate every problem where the person can fix it (`Maßnahmen!C14`).
//!
//! Two steps, so that a page can let the browser breathe between them: [`read`] the files,
//! then [`check`] what was read against what is published now.

use wegmarke_core::plausibility::{self, Note};
use wegmarke_core::{validate, Dataset, Date, Input, Inputs, Problem, DATA_FILES};

use crate::csv::{is_csv_name, read_files};
use crate::import::{import, locate_problems, sort_findings, Existing, Locator};
use crate::read::{read_bytes, Book, Source};
use crate::removals::{removed, Removal};
use crate::{any_fatal, msg, Finding, FindingKind, Loc};

/// A file a person chose or dropped: its name and its bytes.
#[derive(Clone, Debug)]
pub struct Upload {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// What the chosen files were.
#[derive(Clone, Debug)]
pub enum Read {
    /// A workbook (xlsx, ods, xls) or CSV files, one per sheet.
    Sheets(Book),
    /// Data files by name (`plan.json`, …); a file not chosen is `None` and stays as published.
    Json([Option<Vec<u8>>; 3]),
}

/// The result of a check.
#[derive(Clone, Debug, Default)]
pub struct Checked {
    /// Every finding, located, in sheet (or file) order; fatal ones mean nothing can be used.
    pub findings: Vec<Finding>,
    /// The three files to publish (plan, measures, indicators), when nothing was fatal.
    pub texts: Option<[String; 3]>,
    /// The new data as the dashboard reads it, when nothing was fatal.
    pub data: Option<Dataset>,
    /// Where each entry came from (empty for JSON files: their problems name file and path).
    pub locator: Locator,
    /// Published entries the new data no longer has: nothing may be published from this
    /// check until a person has confirmed each (the staff tool's `--confirm-removal`, the
    /// Datenwerkstatt's checkbox).
    pub removals: Vec<Removal>,
    /// What a careful colleague would ask before publishing, each where it can be changed.
    pub notes: Vec<(Loc, Note)>,
}

/// The plausibility notes as findings of level note, each at its cell (or file and path), for
/// a list that holds everything: the staff tool's output.
pub fn question_findings(notes: &[(Loc, Note)]) -> Vec<Finding> {
    notes
        .iter()
        .map(|(loc, note)| {
            let id = &note.id;
            Finding::note(
                loc.clone(),
                FindingKind::Question(note.kind.clone()),
                crate::Msg::new(
                    format!("({id}) {}", note.message("de")),
                    format!("({id}) {}", note.message("en")),
                ),
            )
        })
        .collect()
}

/// The plausibility notes of `now` against `before`, each at the cell it comes from (else at
/// its file and path).
pub fn questions(
    now: &Dataset,
    before: Option<&Dataset>,
    today: Date,
    locator: &Locator,
) -> Vec<(Loc, Note)> {
    plausibility::check(now, before, today)
        .into_iter()
        .map(|n| {
            let loc = locator
                .find(n.file, &n.path)
                .unwrap_or_else(|| Loc::sheet(&n.location()));
            (loc, n)
        })
        .collect()
}

/// What the new data is checked against.
pub struct Published<'a> {
    /// The published files' bytes (plan, measures, indicators; each may be missing).
    pub files: [Option<&'a [u8]>; 3],
    /// The published data as the dashboard read it, if at hand (else read from `files`).
    pub data: Option<&'a Dataset>,
    /// Today, for the plausibility notes' dates.
    pub today: Date,
}

/// Reads the chosen files: one workbook, CSV files (each a sheet), or JSON data files. Mixing
/// kinds, or several workbooks, is refused with a message saying what to choose.
pub fn read(uploads: &[Upload]) -> Result<Read, Finding> {
    let json: Vec<&Upload> = uploads.iter().filter(|u| is_json_name(&u.name)).collect();
    let csv: Vec<&Upload> = uploads.iter().filter(|u| is_csv_name(&u.name)).collect();
    let other: Vec<&Upload> = uploads
        .iter()
        .filter(|u| !is_json_name(&u.name) && !is_csv_name(&u.name))
        .collect();
    match (other.as_slice(), csv.is_empty(), json.is_empty()) {
        ([], true, true) => Err(Finding::fatal(
            Loc::default(),
            FindingKind::NoFile,
            msg!(
                "Keine Datei gewählt. Bitte eine Arbeitsmappe (.xlsx, .ods), die CSV-Dateien eines Ordners oder die drei JSON-Dateien wählen.",
                "No file chosen. Please choose a workbook (.xlsx, .ods), a folder's CSV files or the three JSON files.",
            ),
        )),
        ([one], true, true) => read_bytes(&one.bytes, &one.name).map(Read::Sheets),
        ([], false, true) => {
            let files: Vec<(String, Vec<u8>)> = csv
                .iter()
                .map(|u| (u.name.clone(), u.bytes.clone()))
                .collect();
            read_files(&files).map(Read::Sheets)
        }
        ([], true, false) => read_json(&json),
        _ => {
            let names = uploads
                .iter()
                .map(|u| u.name.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            Err(Finding::fatal(
                Loc::default(),
                FindingKind::MixedFiles,
                msg!(
                    "Bitte nur eine Art von Dateien wählen: eine Arbeitsmappe, oder CSV-Dateien, oder JSON-Dateien (gewählt: {names}).",
                    "Please choose one kind of files only: one workbook, or CSV files, or JSON files (chosen: {names}).",
                ),
            ))
        }
    }
}

fn is_json_name(name: &str) -> bool {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    base.len() > 5 && base[base.len() - 5..].eq_ignore_ascii_case(".json")
}

fn read_json(files: &[&Upload]) -> Result<Read, Finding> {
    let mut out: [Option<Vec<u8>>; 3] = Default::default();
    for u in files {
        let base = u.name.rsplit(['/', '\\']).next().unwrap_or(&u.name);
        let Some(i) = DATA_FILES.iter().position(|f| f.eq_ignore_ascii_case(base)) else {
            let expected = DATA_FILES.join(", ");
            let name = &u.name;
            return Err(Finding::fatal(
                Loc::sheet(name),
                FindingKind::NotADataFile {
                    name: name.to_string(),
                },
                msg!(
                    "„{name}“ ist keine Datendatei des Dashboards; erwartet werden {expected}.",
                    "\"{name}\" is not one of the dashboard's data files; expected are {expected}.",
                ),
            ));
        };
        out[i] = Some(u.bytes.clone());
    }
    Ok(Read::Json(out))
}

/// Checks what was read against the published files (`plan`, `measures`, `indicators`; each
/// may be missing): the sheets are converted into the three files, keeping what the sheets do
/// not hold from the published data, and the files are validated like the dashboard does.
pub fn check(read: &Read, published: &Published) -> Checked {
    let mut checked = convert(read, published.files);
    review(&mut checked, published);
    checked
}

/// The first half of [`check`]: the chosen files converted into the three data files and
/// validated, every finding located.
pub fn convert(read: &Read, published: [Option<&[u8]>; 3]) -> Checked {
    match read {
        Read::Sheets(book) => check_sheets(book, published),
        Read::Json(files) => check_json(files, published),
    }
}

/// The second half of [`check`]: what the converted data would remove from the published
/// data, and the questions before publishing. Nothing to do when the data is not usable.
pub fn review(checked: &mut Checked, published: &Published) {
    let Some(now) = &checked.data else {
        return;
    };
    if let Some(new) = checked
        .texts
        .as_ref()
        .and_then(|t| data_of(t.each_ref().map(|t| Some(t.as_bytes()))))
    {
        let existing =
            Existing::from_bytes(published.files[0], published.files[1], published.files[2]);
        checked.removals = removed(&existing, &new);
    }
    let read_published;
    let before = match published.data {
        Some(d) => Some(d),
        None if published.files.iter().any(Option::is_some) => {
            read_published = validate_files(published.files);
            Some(&read_published)
        }
        None => None,
    };
    checked.notes = questions(now, before, published.today, &checked.locator);
}

fn check_sheets(book: &Book, published: [Option<&[u8]>; 3]) -> Checked {
    let existing = Existing::from_bytes(published[0], published[1], published[2]);
    let imported = import(&book.sheets, &existing);
    let mut findings = book.notes.clone();
    findings.extend(imported.findings.iter().cloned());
    let Some(data) = imported.data.filter(|_| !any_fatal(&findings)) else {
        sort_findings(&mut findings);
        return Checked {
            findings,
            locator: imported.locator,
            ..Checked::default()
        };
    };
    let texts = [
        crate::json::file_text(&data.plan, published[0]),
        crate::json::file_text(&data.measures, published[1]),
        crate::json::file_text(&data.indicators, published[2]),
    ];
    let ds = validate_texts(&texts);
    findings.extend(locate_problems(&ds.problems, &imported.locator));
    sort_findings(&mut findings);
    Checked {
        findings,
        texts: Some(texts),
        data: Some(ds),
        locator: imported.locator,
        ..Checked::default()
    }
}

fn check_json(files: &[Option<Vec<u8>>; 3], published: [Option<&[u8]>; 3]) -> Checked {
    let mut findings = Vec::new();
    let mut texts: [String; 3] = Default::default();
    for (i, name) in DATA_FILES.iter().enumerate() {
        let bytes = match (&files[i], published[i]) {
            (Some(b), _) => b.as_slice(),
            (None, Some(b)) => {
                findings.push(Finding::note(
                    Loc::sheet(name),
                    FindingKind::NotChosen,
                    msg!(
                        "Nicht gewählt: die veröffentlichte Fassung bleibt.",
                        "Not chosen: the published version stays.",
                    ),
                ));
                b
            }
            (None, None) => &[],
        };
        texts[i] = String::from_utf8_lossy(bytes).into_owned();
    }
    let ds = validate_texts(&texts);
    findings.extend(ds.problems.iter().map(json_finding));
    let fatal = any_fatal(&findings);
    Checked {
        findings,
        texts: (!fatal).then_some(texts),
        data: (!fatal).then_some(ds),
        ..Checked::default()
    }
}

fn validate_texts(texts: &[String; 3]) -> Dataset {
    validate_files(texts.each_ref().map(|t| Some(t.as_bytes())))
}

/// The three data files (plan, measures, indicators) validated as the dashboard does; a
/// missing file is a file that could not be read.
pub fn validate_files(files: [Option<&[u8]>; 3]) -> Dataset {
    let [plan, measures, indicators] =
        files.map(|f| f.map_or(Input::Unreachable(String::new()), Input::Bytes));
    validate(
        &Inputs {
            plan,
            measures,
            indicators,
        },
        "",
    )
}

/// A core problem of a chosen JSON file, located at its file, path and line.
fn json_finding(p: &Problem) -> Finding {
    let level = match p.severity {
        wegmarke_core::Severity::Fatal => crate::Level::Fatal,
        wegmarke_core::Severity::Problem => crate::Level::Problem,
    };
    let mut f = Finding::new(
        level,
        Loc::sheet(&p.location()),
        FindingKind::Core(p.kind.clone()),
        crate::Msg::new(p.message("de"), p.message("en")),
    );
    f.json = Some((p.file.clone(), p.path.to_string()));
    f
}

/// What a source is called in the staff member's language.
pub fn source_name(source: Source, lang: crate::Lang) -> &'static str {
    match source {
        Source::Xlsx => lang.pick("Excel-Arbeitsmappe (.xlsx)", "Excel workbook (.xlsx)"),
        Source::Ods => lang.pick(
            "OpenDocument-Tabelle (.ods)",
            "OpenDocument spreadsheet (.ods)",
        ),
        Source::Xls => lang.pick("ältere Excel-Mappe (.xls)", "older Excel workbook (.xls)"),
        Source::CsvFolder => lang.pick("CSV-Dateien", "CSV files"),
    }
}

/// The published files, typed, for writing them as a workbook; `None` if one cannot be read
/// as its type (then the staff tool's `validate` says why).
pub fn data_of(files: [Option<&[u8]>; 3]) -> Option<crate::export::Data> {
    fn typed<T: serde::de::DeserializeOwned>(b: Option<&[u8]>) -> Option<T> {
        let b = b?;
        serde_json::from_slice(b.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(b)).ok()
    }
    Some(crate::export::Data {
        plan: typed(files[0])?,
        measures: typed(files[1])?,
        indicators: typed(files[2])?,
    })
}

/// An xlsx workbook of `data`, or the empty template when `None`.
pub fn workbook(data: Option<&crate::export::Data>) -> Result<Vec<u8>, Vec<Finding>> {
    let tables = crate::export::tables(data)?;
    crate::xlsx::to_bytes(&tables).map_err(|f| vec![f])
}

/// One ZIP file with the three data files at its top level and `beside` (path inside the data
/// folder, text: the feeds and the open-data package) after them, to unpack into the data
/// folder. Entries carry no time (1980-01-01, ZIP's zero): the same files give the same bytes.
/// `None` only if the ZIP writer fails (it writes to memory).
pub fn package(texts: &[String; 3], beside: &[(String, String)]) -> Option<Vec<u8>> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .unix_permissions(0o644);
    let named = DATA_FILES.iter().map(|n| n.to_string()).zip(texts.iter());
    for (name, text) in named.chain(beside.iter().map(|(n, t)| (n.clone(), t))) {
        zip.start_file(name, options).ok()?;
        zip.write_all(text.as_bytes()).ok()?;
    }
    zip.finish().ok().map(|c| c.into_inner())
}
