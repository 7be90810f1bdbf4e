//! `template`: an empty workbook with every sheet, header, explanation and drop-down, or with
//! the bundled example plan filled in (`--example`).

use std::path::Path;
use std::process::ExitCode;

use super::{fail, may_write_output, write_output};
use crate::msg::Lang;
use crate::workbook::export::{tables, Data};
use crate::workbook::{xlsx, Finding, FindingKind, Loc};
use wegmarke_workbook::msg;

/// The example plan shipped with the app (public/data), compiled in.
pub fn example() -> Option<Data> {
    data_from(
        include_bytes!("../../../../public/data/plan.json"),
        include_bytes!("../../../../public/data/measures.json"),
        include_bytes!("../../../../public/data/indicators.json"),
    )
}

/// The three data files from their bytes (a byte-order mark is accepted, as everywhere).
pub fn data_from(plan: &[u8], measures: &[u8], indicators: &[u8]) -> Option<Data> {
    Some(Data {
        plan: crate::files::parse(plan).ok()?,
        measures: crate::files::parse(measures).ok()?,
        indicators: crate::files::parse(indicators).ok()?,
    })
}

/// Refuses output names that are not .xlsx, so nobody gets an xlsx called `plan.ods`.
pub fn check_xlsx_name(out: &Path) -> Result<(), Finding> {
    let ok = out
        .extension()
        .is_some_and(|e| e.to_string_lossy().eq_ignore_ascii_case("xlsx"));
    if ok {
        return Ok(());
    }
    let name = out.display().to_string();
    Err(Finding::fatal(
        Loc::sheet(&name),
        FindingKind::WrongExtension,
        msg!(
            "„{name}“: die Arbeitsmappe wird als .xlsx geschrieben; bitte einen Namen mit der Endung .xlsx angeben (LibreOffice öffnet .xlsx ebenfalls).",
            "\"{name}\": the workbook is written as .xlsx; please give a name ending in .xlsx (LibreOffice opens .xlsx too).",
        ),
    ))
}

/// The `template` command.
pub fn run(out: &Path, with_example: bool, force: bool, lang: Lang) -> ExitCode {
    if let Err(f) = check_xlsx_name(out).and_then(|_| may_write_output(out, force)) {
        return fail(f, lang);
    }
    let data = if with_example {
        match example() {
            Some(d) => Some(d),
            None => {
                return fail(
                    Finding::fatal(
                        Loc::default(),
                        FindingKind::Internal {
                            detail: "example".to_owned(),
                        },
                        msg!(
                            "Das eingebaute Beispiel ist ungültig.",
                            "The built-in example is invalid.",
                        ),
                    ),
                    lang,
                )
            }
        }
    } else {
        None
    };
    let tables = match tables(data.as_ref()) {
        Ok(t) => t,
        Err(f) => {
            super::print_findings(&f, lang);
            return ExitCode::from(2);
        }
    };
    let bytes = match xlsx::to_bytes(&tables) {
        Ok(b) => b,
        Err(f) => return fail(f, lang),
    };
    if let Err(f) = write_output(out, &bytes) {
        return fail(f, lang);
    }
    let name = out.display();
    let sheets = tables.len() + 1;
    crate::msg::say(&format!(
        "✔ {}",
        if with_example {
            lang.pick(
                "Vorlage mit Beispielplan geschrieben",
                "Template with the example plan written",
            )
        } else {
            lang.pick("Leere Vorlage geschrieben", "Empty template written")
        }
    ));
    crate::msg::say(&format!(
        "  {name} ({sheets} {})",
        lang.pick("Tabellenblätter", "sheets")
    ));
    ExitCode::SUCCESS
}
