//! Where things came from: every JSON path the import writes is tied to its sheet, row and
//! cell, so that the core validation's problems (which know only JSON paths) are shown where a
//! person can fix them; and findings are sorted into workbook order.

use std::collections::HashMap;

use wegmarke_core::{JsonPath, Severity};

use crate::msg::Msg;
use crate::sheets::sheet_names;
use crate::{Finding, FindingKind, Level, Loc};

/// Where each part of the written JSON came from, to show core problems at their cell.
#[derive(Clone, Debug, Default)]
pub struct Locator {
    map: HashMap<String, Loc>,
}

impl Locator {
    pub(super) fn put(&mut self, file: &str, path: &str, loc: Loc) {
        self.map.entry(format!("{file}|{path}")).or_insert(loc);
    }

    /// A row at `path` and each of its fields at `path.field`; `cols` holds the field path,
    /// column and header of every cell the row was read from.
    pub(super) fn put_row(
        &mut self,
        file: &str,
        path: &str,
        sheet: &str,
        row: u32,
        cols: &[(&'static str, u32, String)],
    ) {
        self.put(file, path, Loc::row(sheet, row));
        for (p, c, h) in cols {
            let at = Loc::cell(sheet, row, *c, h);
            self.put(file, &format!("{path}.{p}"), at.clone());
            // A problem inside a nested object (`budget`) without its own column points at the
            // first column of that object.
            if let Some((top, _)) = p.split_once('.') {
                self.put(file, &format!("{path}.{top}"), at);
            }
        }
    }

    /// The cell or row of a JSON path, or of its nearest located parent.
    pub fn find(&self, file: &str, path: &JsonPath) -> Option<Loc> {
        (0..=path.0.len()).rev().find_map(|n| {
            let p = JsonPath(path.0[..n].to_vec());
            self.map.get(&format!("{file}|{p}")).cloned()
        })
    }
}

/// Findings in workbook order: by sheet, then row, then column.
pub fn sort_findings(f: &mut [Finding]) {
    let names = sheet_names();
    let order = |s: &str| names.iter().position(|n| *n == s).unwrap_or(names.len());
    f.sort_by(|a, b| {
        (order(&a.loc.sheet), a.loc.row, a.loc.col, a.level).cmp(&(
            order(&b.loc.sheet),
            b.loc.row,
            b.loc.col,
            b.level,
        ))
    });
}

/// Turns core validation problems into findings at their cells.
pub fn locate_problems(problems: &[wegmarke_core::Problem], locator: &Locator) -> Vec<Finding> {
    problems
        .iter()
        .map(|p| {
            let loc = locator
                .find(&p.file, &p.path)
                .unwrap_or_else(|| Loc::sheet(&format!("{}: {}", p.file, p.path)));
            let level = match p.severity {
                Severity::Fatal => Level::Fatal,
                Severity::Problem => Level::Problem,
            };
            let msg = Msg::new(p.message("de"), p.message("en"));
            let mut f = Finding::new(level, loc, FindingKind::Core(p.kind.clone()), msg);
            f.json = Some((p.file.clone(), p.path.to_string()));
            f
        })
        .collect()
}
