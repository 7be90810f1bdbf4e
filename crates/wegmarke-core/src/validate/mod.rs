//! Validation: the three data files' bytes in, the usable data and a list of located problems
//! out. A file that cannot be read at all is fatal for that file only; a bad entry is left out or
//! flagged on its own, and everything else stays usable.
//!
//! The stages, one module each: `read` (bytes, encoding, JSON syntax, format), `lenient` (typing
//! each entry on its own), then the checks of `plan`, `measures` and `indicators`, which share the
//! per-file problem list and checks of `checker`; `config` validates config.json the same way.
//! `link` decides which links and paths are used, with `url` resolving paths as a browser does.
//! The quick check ([`validate_quick`]) passes only plainly written paths and names no entry in
//! a syntax error; anything else it leaves to the located check, so the resolver and
//! [`path_at`](crate::locate::path_at) are not in the dashboard's first download.

mod checker;
mod config;
mod indicators;
mod lenient;
mod link;
mod measures;
mod plan;
mod read;
pub mod url;

use std::collections::HashSet;

use serde_json::Value;

use crate::model::{Extra, IndicatorsFile, MeasuresFile, PlanFile, FORMAT};
use crate::problem::Problem;
use crate::DATA_FILES;
use checker::Checker;

pub use config::{validate_config, validate_config_quick};
pub use link::{
    check_data_location, check_email, check_link, check_path, check_phone, check_web_link,
    is_invisible, Fault, PathUse, MAX_LINK,
};

/// Longest title (characters); longer ones are cut.
pub const MAX_TITLE: usize = 300;
/// Longest other text (characters).
pub const MAX_TEXT: usize = 20_000;
/// Longest short string such as a unit, district or URL.
pub const MAX_SHORT: usize = 2_000;
/// Numbers beyond this are taken for mistakes.
pub const MAX_ABS_NUMBER: f64 = 1e15;
/// Problems listed per file; more are counted in one closing entry.
pub const MAX_PROBLEMS_PER_FILE: usize = 1_000;
/// Bad values cut out of one entry before the whole entry is left out (defined beside the
/// message that names it).
pub use crate::problem::MAX_CUTS_PER_ENTRY;
/// Problems per file that get a line and column (locating costs a pass over the text).
const MAX_LOCATED: usize = 200;
/// What a problem with a language tag names as allowed: the interface's languages, and that
/// others are fine too.
const LANGUAGE_TAGS: &str = "de, en, tr, ar, uk, …";

/// A data file as it arrived: its bytes, or why it could not be had.
#[derive(Clone, Debug)]
pub enum Input<'a> {
    Bytes(&'a [u8]),
    /// Fetching or reading failed (HTTP status, network error, missing file).
    Unreachable(String),
}

impl<'a> Input<'a> {
    /// The bytes of a read or fetch that worked, else its error as the reason.
    pub fn from_result<E: std::fmt::Display>(r: &'a Result<Vec<u8>, E>) -> Input<'a> {
        match r {
            Ok(bytes) => Input::Bytes(bytes),
            Err(e) => Input::Unreachable(e.to_string()),
        }
    }
}

/// The three data files of one data set.
#[derive(Clone, Debug)]
pub struct Inputs<'a> {
    pub plan: Input<'a>,
    pub measures: Input<'a>,
    pub indicators: Input<'a>,
}

impl<'a> Inputs<'a> {
    /// The files from the results of reading or fetching the [`DATA_FILES`], in that order.
    pub fn from_results<E: std::fmt::Display>(files: &'a [Result<Vec<u8>, E>; 3]) -> Inputs<'a> {
        let [plan, measures, indicators] = files;
        Inputs {
            plan: Input::from_result(plan),
            measures: Input::from_result(measures),
            indicators: Input::from_result(indicators),
        }
    }
}

/// The usable data and everything that was wrong with it. A file is `None` when it was fatal.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dataset {
    pub plan: Option<PlanFile>,
    pub measures: Option<MeasuresFile>,
    pub indicators: Option<IndicatorsFile>,
    pub problems: Vec<Problem>,
}

/// Whether an id has 1–64 characters from `[A-Za-z0-9._-]`.
pub fn is_valid_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

/// Whether a link may be shown (see [`check_link`]).
pub fn is_safe_link(url: &str) -> bool {
    check_link(url).is_ok()
}

/// Whether a snapshot path stays inside the data folder (see [`check_path`]), so a data file
/// cannot make the dashboard fetch from another host or folder.
pub fn is_safe_relative_path(p: &str) -> bool {
    check_path(p, PathUse::Folder).is_ok()
}

/// Validates the three files. `prefix` is put before the file names in problems (e.g.
/// `reports/2026-05-12/` for a snapshot).
pub fn validate(inputs: &Inputs, prefix: &str) -> Dataset {
    validate_with::<true>(inputs, prefix).0
}

/// The same checks as [`validate`] without tracking where in an entry a value of the wrong
/// type sits, with a flag `complete`: when true, the result is exactly `validate`'s; when
/// false, the entries with such a value were left out and reported as a whole. Much less code
/// in the dashboard's first download, which takes the located messages from [`validate`] only
/// when the data needs them.
pub fn validate_quick(inputs: &Inputs, prefix: &str) -> (Dataset, bool) {
    let (data, unlocated) = validate_with::<false>(inputs, prefix);
    (data, !unlocated)
}

/// Validates; the flag says whether an entry was left out unlocated (only when `!LOCATED`).
fn validate_with<const LOCATED: bool>(inputs: &Inputs, prefix: &str) -> (Dataset, bool) {
    // DATA_FILES is in the order plan, measures, indicators.
    let [mut plan_ck, mut measures_ck, mut indicators_ck] =
        DATA_FILES.map(|name| Checker::<LOCATED>::new(&format!("{prefix}{name}")));

    let plan_doc = plan_ck.read(&inputs.plan);
    let measures_doc = measures_ck.read(&inputs.measures);
    let indicators_doc = indicators_ck.read(&inputs.indicators);

    let mut plan = plan_doc.as_ref().map(|d| plan_ck.plan_file(&d.value));
    let mut measures = measures_doc.as_ref().map(|d| MeasuresFile {
        format: FORMAT.to_owned(),
        measures: measures_ck.entries(&d.value, "measures", true),
        extra: extra_of(&d.value, crate::FILE_KEYS[1]),
    });
    let mut indicators = indicators_doc.as_ref().map(|d| IndicatorsFile {
        format: FORMAT.to_owned(),
        indicators: indicators_ck.entries(&d.value, "indicators", true),
        extra: extra_of(&d.value, crate::FILE_KEYS[2]),
    });

    // Ids first, so references can be checked against what survived.
    let known = Known {
        fields: plan.as_ref().map(|p| ids(&p.fields, |f| &f.id)),
        goals: plan.as_ref().map(|p| ids(&p.goals, |g| &g.id)),
        actors: plan.as_ref().map(|p| ids(&p.actors, |a| &a.id)),
        indicators: indicators.as_ref().map(|f| ids(&f.indicators, |i| &i.id)),
        // Without declared districts, a measure's districts are free words.
        districts: plan
            .as_ref()
            .filter(|p| !p.districts.is_empty())
            .map(|p| ids(&p.districts, |d| &d.id)),
    };
    if let Some(p) = plan.as_mut() {
        plan_ck.check_plan(p, &known);
    }
    if let Some(m) = measures.as_mut() {
        measures_ck.check_measures(&mut m.measures, &known);
    }
    if let Some(i) = indicators.as_mut() {
        indicators_ck.check_indicators(&mut i.indicators, &known);
    }

    let unlocated = plan_ck.unlocated || measures_ck.unlocated || indicators_ck.unlocated;
    let mut problems = Vec::new();
    for (ck, doc) in [
        (plan_ck, plan_doc),
        (measures_ck, measures_doc),
        (indicators_ck, indicators_doc),
    ] {
        problems.extend(ck.finish(doc.as_ref().map(|d| d.text.as_str())));
    }
    let data = Dataset {
        plan,
        measures,
        indicators,
        problems,
    };
    (data, unlocated)
}

/// Ids known per kind; `None` where the file holding them was fatal (then references to them
/// are not checked, rather than all reported as unknown).
struct Known {
    fields: Option<HashSet<String>>,
    goals: Option<HashSet<String>>,
    actors: Option<HashSet<String>>,
    indicators: Option<HashSet<String>>,
    districts: Option<HashSet<String>>,
}

fn ids<T>(items: &[T], id: impl Fn(&T) -> &String) -> HashSet<String> {
    items.iter().map(|t| id(t).clone()).collect()
}

/// The top-level keys of a file that the contract does not name, kept for tools.
fn extra_of(value: &Value, known: &[&str]) -> Extra {
    value
        .as_object()
        .map(|o| {
            o.iter()
                .filter(|(k, _)| !known.contains(&k.as_str()))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect()
        })
        .unwrap_or_default()
}

/// A data set from three JSON values, for the unit tests of the modules that work on one.
#[cfg(test)]
pub(crate) fn from_json(
    plan: &serde_json::Value,
    measures: &serde_json::Value,
    indicators: &serde_json::Value,
) -> Dataset {
    let (p, m, i) = (
        plan.to_string(),
        measures.to_string(),
        indicators.to_string(),
    );
    validate(
        &Inputs {
            plan: Input::Bytes(p.as_bytes()),
            measures: Input::Bytes(m.as_bytes()),
            indicators: Input::Bytes(i.as_bytes()),
        },
        "",
    )
}
