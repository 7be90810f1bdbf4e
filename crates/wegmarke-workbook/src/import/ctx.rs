//! What one import run carries from sheet to sheet: the default language, the existing files,
//! the findings so far and the language columns whose texts were kept.

use std::collections::{BTreeMap, BTreeSet};

use super::merge::Existing;
use crate::{msg, Finding, FindingKind, Loc};

/// The state of one import run.
pub(super) struct Ctx<'a> {
    pub(super) default_lang: String,
    pub(super) existing: &'a Existing,
    pub(super) findings: Vec<Finding>,
    /// Sheet -> "Titel (en)" columns whose texts were kept from the existing file.
    pub(super) kept_languages: BTreeMap<&'static str, BTreeSet<String>>,
}

impl Ctx<'_> {
    pub(super) fn push(&mut self, f: Finding) {
        self.findings.push(f);
    }
}

/// Says that a sheet is missing and whether its entries are kept from the existing file.
pub(super) fn missing_sheet_note(ctx: &mut Ctx, sheet: &str, file: &str) {
    let kept = ctx.existing.file(file).is_some();
    let m = if kept {
        msg!(
            "Das Tabellenblatt fehlt; die Einträge werden aus der bisherigen {file} übernommen.",
            "The sheet is missing; its entries are kept from the existing {file}.",
        )
    } else {
        msg!(
            "Das Tabellenblatt fehlt; es gibt keine bisherige {file}, die Einträge bleiben leer.",
            "The sheet is missing; there is no existing {file}, so there are no entries.",
        )
    };
    ctx.push(Finding::note(
        Loc::sheet(sheet),
        FindingKind::MissingSheet {
            sheet: sheet.to_owned(),
            kept,
        },
        m,
    ));
}
