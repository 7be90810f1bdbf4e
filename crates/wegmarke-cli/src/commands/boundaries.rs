//! `boundaries`: checks a city's district boundary file (GeoJSON) against the plan's districts
//! and writes it simplified to a size budget as `districts.geojson` in the data folder, where
//! the dashboard's maps read it. Exit code 0 written, 1 written with problems, 2 not written.

use std::path::Path;
use std::process::ExitCode;

use serde_json::Value;

use crate::boundaries::{check, simplified};
use crate::msg::{say, Lang};

/// The file the dashboard reads, inside the data folder.
pub use wegmarke_core::charts::map::FILE;

/// The plan's districts (id, name in the plan's default language), read from plan.json as it
/// is, so that a plan without districts gives a clear message.
fn districts(data_dir: &Path) -> Result<Vec<(String, String)>, String> {
    let path = data_dir.join(wegmarke_core::PLAN_FILE);
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let plan: Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let lang = plan["plan"]["default_language"]
        .as_str()
        .unwrap_or("de")
        .to_owned();
    let list = plan["districts"].as_array().cloned().unwrap_or_default();
    Ok(list
        .iter()
        .filter_map(|d| {
            let id = d["id"].as_str()?.to_owned();
            let name = match &d["name"] {
                Value::String(s) => s.clone(),
                Value::Object(m) => m
                    .get(&lang)
                    .or_else(|| m.values().next())
                    .and_then(Value::as_str)
                    .unwrap_or(&id)
                    .to_owned(),
                _ => id.clone(),
            };
            Some((id, name))
        })
        .collect())
}

/// What the command was asked to do.
pub struct Options<'a> {
    pub input: &'a Path,
    pub data_dir: &'a Path,
    pub id_property: &'a str,
    pub budget: usize,
    /// A note shown with the map (e.g. "schematische Darstellung, keine amtlichen Grenzen").
    pub title: Option<&'a str>,
    pub lang: Lang,
}

/// The `boundaries` command.
pub fn run(o: &Options) -> ExitCode {
    let lang = o.lang;
    let fail = |detail: String| {
        say(&detail);
        ExitCode::from(2)
    };
    let names = match districts(o.data_dir) {
        Ok(n) if n.is_empty() => {
            return fail(
                lang.pick(
                    "plan.json nennt keine Stadtteile (districts); ohne sie kann keine Fläche zugeordnet werden.",
                    "plan.json lists no districts; without them no area can be matched.",
                )
                .to_owned(),
            )
        }
        Ok(n) => n,
        Err(e) => return fail(e),
    };
    let text = match std::fs::read_to_string(o.input) {
        Ok(t) => t,
        Err(e) => return fail(format!("{}: {e}", o.input.display())),
    };
    let ids: Vec<String> = names.iter().map(|(id, _)| id.clone()).collect();
    let checked = check(&text, &ids, o.id_property);
    for p in &checked.problems {
        let at = if p.at.is_empty() {
            String::new()
        } else {
            format!("{}: ", p.at)
        };
        say(&format!(
            "  [{}] {at}{}",
            lang.pick("Problem", "problem"),
            lang.pick(&p.de, &p.en)
        ));
    }
    if checked.outlines.is_empty() {
        return fail(
            lang.pick(
                "Keine brauchbare Fläche; nichts geschrieben.",
                "No usable area; nothing written.",
            )
            .to_owned(),
        );
    }
    let (out, tolerance) = simplified(&checked.outlines, &names, o.title, o.budget);
    let target = o.data_dir.join(FILE);
    if let Err(e) = crate::files::write_atomic(&target, out.as_bytes()) {
        return fail(format!("{}: {e}", target.display()));
    }
    say(&format!(
        "{}: {} ({} {}, {:.1} KiB, {} {:.1} m)",
        lang.pick("geschrieben", "written"),
        target.display(),
        checked.outlines.len(),
        lang.pick("Stadtteile", "districts"),
        out.len() as f64 / 1024.0,
        lang.pick("vereinfacht um bis zu", "simplified by up to"),
        tolerance * 111_320.0,
    ));
    if out.len() > o.budget {
        say(lang.pick(
            "Hinweis: die Datei ist auch vereinfacht größer als erlaubt.",
            "Note: even simplified, the file is larger than allowed.",
        ));
    }
    if checked.problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
