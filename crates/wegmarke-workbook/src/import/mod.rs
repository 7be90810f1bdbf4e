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

//! The stages, each in its own module, imports running one way
//! (`mod` -> `plan_sheet` -> `entities` -> `ctx`/`merge`/`locate` -> `header` -> `cells`):
//!
//! - [`cells`]: one cell -> one value
//! - [`header`]: which column holds which field; finding a sheet by name
//! - `plan_sheet`: the Plan sheet (one row per field)
//! - `entities`: entity sheets, their rows and children (milestones, series, values)
//! - `merge`: completing rows from the existing files
//! - [`locate`]: JSON paths back to cells, and the order of findings

mod cells;
mod ctx;
mod entities;
mod header;
mod locate;
mod merge;
mod plan_sheet;

use std::collections::BTreeMap;

use serde_json::{Map, Value};
use wegmarke_core::{
    IndicatorsFile, MeasuresFile, PlanFile, FORMAT, INDICATORS_FILE, MEASURES_FILE, PLAN_FILE,
};

pub use cells::{
    cell_text, convert, convert_in, format_number, is_error_text, number_value, parse_number,
    read_number, set_path, trim_id, Converted, Decimal, Issue, Reading,
};
pub use header::{find_sheet, fold_name};
pub use locate::{locate_problems, sort_findings, Locator};
pub use merge::Existing;

use crate::export::{extras_of, Data};
use crate::sheets::{
    sheet_names, ACTORS, DISTRICTS, FIELDS, GOALS, GUIDE_SHEET, INDICATORS, LINKS, MEASURES,
    MEASURE_PAPERS, MILESTONES, PLAN_EXTRA_FILE, PLAN_SHEET, REPORTS, REPORT_PAPERS, UPDATES,
};
use crate::{msg, Finding, FindingKind, Grid, Level, Loc};
use ctx::Ctx;
use entities::{
    attach_children, attach_district_values, attach_series, locate_row, top_level, top_level_rows,
};
use merge::conflict;
use plan_sheet::{plan_object, PlanObject};

/// The result of an import: the data (when nothing was fatal), where things came from, and the
/// findings in sheet order.
#[derive(Clone, Debug, Default)]
pub struct Imported {
    pub data: Option<Data>,
    pub locator: Locator,
    pub findings: Vec<Finding>,
}

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
                FindingKind::UnknownSheet { sheet: n.clone() },
                msg!(
                    "Das Tabellenblatt „{n}“ gehört nicht zum Datenformat und wird nicht gelesen.",
                    "The sheet \"{n}\" is not part of the data format and is not read.",
                ),
            ));
        }
    }

    // ---- plan.json
    let old_plan_file = existing.plan.as_ref();
    let PlanObject {
        plan,
        mut file_extra,
    } = plan_object(book, &mut locator, &mut ctx);
    let mut plan_file = Map::new();
    plan_file.insert("format".into(), Value::String(FORMAT.into()));
    plan_file.insert("plan".into(), Value::Object(plan));
    for (spec, key) in [
        (&FIELDS, "fields"),
        (&GOALS, "goals"),
        (&ACTORS, "actors"),
        (&DISTRICTS, "districts"),
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
    // Reports with their papers, which name them by date.
    let mut reports = top_level_rows(&REPORTS, book, old_plan_file, "reports", &mut ctx);
    attach_children(
        &REPORT_PAPERS,
        "papers",
        book,
        &mut reports,
        PLAN_FILE,
        ("reports", "date"),
        &mut locator,
        &mut ctx,
    );
    let reports = reports
        .into_iter()
        .enumerate()
        .map(|(i, (row, _))| {
            if row.number > 0 {
                locate_row(
                    &mut locator,
                    PLAN_FILE,
                    &format!("reports[{i}]"),
                    REPORTS.name,
                    &row,
                );
            }
            Value::Object(row.obj)
        })
        .collect();
    plan_file.insert("reports".into(), Value::Array(reports));

    // ---- measures.json
    let old_measures = existing.measures.as_ref();
    let mut measures = top_level_rows(&MEASURES, book, old_measures, "measures", &mut ctx);
    for (spec, key) in [
        (&MILESTONES, "milestones"),
        (&UPDATES, "updates"),
        (&LINKS, "links"),
        (&MEASURE_PAPERS, "papers"),
    ] {
        attach_children(
            spec,
            key,
            book,
            &mut measures,
            MEASURES_FILE,
            ("measures", "id"),
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
    attach_district_values(book, &mut indicators, &mut locator, &mut ctx);
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
    let file_known = wegmarke_core::FILE_KEYS;
    for (i, target) in [&mut plan_file, &mut measures_file, &mut indicators_file]
        .into_iter()
        .enumerate()
    {
        let name = PLAN_EXTRA_FILE[i].0;
        let (extras, explicit) = match file_extra[i].take() {
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
                    ctx.push(conflict(&k).at(Loc::sheet(PLAN_SHEET)));
                }
                continue;
            }
            target.insert(k, v);
        }
    }

    for (sheet, cols) in std::mem::take(&mut ctx.kept_languages) {
        let columns: Vec<String> = cols.into_iter().collect();
        let list = columns.join(", ");
        ctx.push(Finding::note(
            Loc::sheet(sheet),
            FindingKind::LanguagesKept { columns },
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
                    let detail = e.to_string();
                    findings.push(Finding::fatal(
                        Loc::sheet(name),
                        FindingKind::ExistingInvalid {
                            file: name.to_owned(),
                            detail,
                        },
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
