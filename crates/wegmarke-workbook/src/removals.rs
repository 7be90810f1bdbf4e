//! What an import would take away from the published data: every field of action, goal, actor,
//! council report, measure, indicator, series and observation that the existing files hold and
//! the new data does not. Ids are public (links and embeds use them), so an entry that is gone,
//! or whose id changed, is a removal; the staff tool writes nothing until a person confirms them,
//! so a sheet saved empty by mistake can never silently unpublish a plan.
//!
//! The rules:
//! - An entry is identified by its id; a council report by its date; a series by its
//!   indicator's id and its own; an observation by indicator, series and period.
//! - An entry present in both is not a removal, whatever else changed in it.
//! - What goes with its parent is counted in the parent's removal (an indicator with its series
//!   and their observations), not listed one by one.
//! - The existing files are read leniently (JSON values, as [`Existing`] holds them), so even a
//!   file the app would partly reject is protected.

use std::collections::HashSet;

use serde_json::{Map, Value};
use wegmarke_core::{INDICATORS_FILE, MEASURES_FILE, PLAN_FILE};

use crate::export::Data;
use crate::import::Existing;
use crate::{msg, Msg};

/// What kind of entry is removed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RemovalKind {
    Field,
    Goal,
    Actor,
    Report,
    Measure,
    Indicator,
    Series,
    Observation,
}

impl RemovalKind {
    /// The machine name (JSON output).
    pub fn as_str(self) -> &'static str {
        match self {
            RemovalKind::Field => "field",
            RemovalKind::Goal => "goal",
            RemovalKind::Actor => "actor",
            RemovalKind::Report => "report",
            RemovalKind::Measure => "measure",
            RemovalKind::Indicator => "indicator",
            RemovalKind::Series => "series",
            RemovalKind::Observation => "observation",
        }
    }

    /// The word for one entry of this kind.
    pub fn label(self) -> Msg {
        let (de, en) = match self {
            RemovalKind::Field => ("Handlungsfeld", "field of action"),
            RemovalKind::Goal => ("Ziel", "goal"),
            RemovalKind::Actor => ("Akteur", "actor"),
            RemovalKind::Report => ("Bericht", "report"),
            RemovalKind::Measure => ("Maßnahme", "measure"),
            RemovalKind::Indicator => ("Indikator", "indicator"),
            RemovalKind::Series => ("Reihe", "series"),
            RemovalKind::Observation => ("Wert", "observation"),
        };
        Msg::new(de, en)
    }

    /// The word for several entries of this kind.
    pub fn plural(self) -> Msg {
        let (de, en) = match self {
            RemovalKind::Field => ("Handlungsfelder", "fields of action"),
            RemovalKind::Goal => ("Ziele", "goals"),
            RemovalKind::Actor => ("Akteure", "actors"),
            RemovalKind::Report => ("Berichte", "reports"),
            RemovalKind::Measure => ("Maßnahmen", "measures"),
            RemovalKind::Indicator => ("Indikatoren", "indicators"),
            RemovalKind::Series => ("Reihen", "series"),
            RemovalKind::Observation => ("Werte", "observations"),
        };
        Msg::new(de, en)
    }

    /// The sheet that holds entries of this kind.
    pub fn sheet(self) -> &'static str {
        match self {
            RemovalKind::Field => "Handlungsfelder",
            RemovalKind::Goal => "Ziele",
            RemovalKind::Actor => "Akteure",
            RemovalKind::Report => "Berichte",
            RemovalKind::Measure => "Maßnahmen",
            RemovalKind::Indicator => "Indikatoren",
            RemovalKind::Series => "Reihen",
            RemovalKind::Observation => "Werte",
        }
    }

    /// The data file that holds entries of this kind.
    pub fn file(self) -> &'static str {
        match self {
            RemovalKind::Field | RemovalKind::Goal | RemovalKind::Actor | RemovalKind::Report => {
                PLAN_FILE
            }
            RemovalKind::Measure => MEASURES_FILE,
            _ => INDICATORS_FILE,
        }
    }
}

/// One published entry the new data no longer has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Removal {
    pub kind: RemovalKind,
    /// The entry's key, outermost first: `[id]`, `[date]` for a report, `[indicator, series]`,
    /// `[indicator, series, period]`.
    pub ids: Vec<String>,
    /// The data file it is removed from.
    pub file: &'static str,
    /// Its title in the plan's default language (or any), to recognise it; clipped.
    pub title: Option<String>,
    /// Series removed with it (an indicator's).
    pub series: usize,
    /// Observations removed with it (an indicator's or a series').
    pub observations: usize,
    /// What is removed, in words.
    pub msg: Msg,
}

impl Removal {
    /// The key as one text: `M-1.2`, `I-alq / deutsch / 2023`.
    pub fn key(&self) -> String {
        self.ids.join(" / ")
    }
}

/// The existing data as [`Existing`] holds it, from the typed files (for callers that have
/// typed data on both sides, such as tests or a page comparing two versions).
pub fn existing_of(data: &Data) -> Existing {
    let obj = |v: serde_json::Result<Value>| match v {
        Ok(Value::Object(o)) => Some(o),
        _ => None,
    };
    Existing {
        plan: obj(serde_json::to_value(&data.plan)),
        measures: obj(serde_json::to_value(&data.measures)),
        indicators: obj(serde_json::to_value(&data.indicators)),
    }
}

/// Every entry of `existing` that `new` no longer has, in the order of the existing files
/// (plan.json, measures.json, indicators.json).
pub fn removed(existing: &Existing, new: &Data) -> Vec<Removal> {
    let new = existing_of(new);
    let mut out = Vec::new();
    let (old_plan, new_plan) = (existing.plan.as_ref(), new.plan.as_ref());
    for (kind, key, id_field) in [
        (RemovalKind::Field, "fields", "id"),
        (RemovalKind::Goal, "goals", "id"),
        (RemovalKind::Actor, "actors", "id"),
        (RemovalKind::Report, "reports", "date"),
    ] {
        let title_field = match kind {
            RemovalKind::Actor => "name",
            _ => "title",
        };
        let kept = ids(list(new_plan, key), id_field);
        for entry in list(old_plan, key) {
            let Some(id) = str_of(entry, id_field) else {
                continue;
            };
            if !kept.contains(id) {
                out.push(removal(
                    kind,
                    vec![id.to_owned()],
                    title(entry, title_field),
                    0,
                    0,
                ));
            }
        }
    }

    let kept = ids(list(new.measures.as_ref(), "measures"), "id");
    for m in list(existing.measures.as_ref(), "measures") {
        if let Some(id) = str_of(m, "id") {
            if !kept.contains(id) {
                out.push(removal(
                    RemovalKind::Measure,
                    vec![id.to_owned()],
                    title(m, "title"),
                    0,
                    0,
                ));
            }
        }
    }

    let new_indicators = list(new.indicators.as_ref(), "indicators");
    for ind in list(existing.indicators.as_ref(), "indicators") {
        let Some(id) = str_of(ind, "id") else {
            continue;
        };
        let old_series = list(Some(ind), "series");
        let Some(kept) = new_indicators.iter().find(|n| str_of(n, "id") == Some(id)) else {
            let observations = old_series
                .iter()
                .map(|s| list(Some(s), "observations").len())
                .sum();
            out.push(removal(
                RemovalKind::Indicator,
                vec![id.to_owned()],
                title(ind, "title"),
                old_series.len(),
                observations,
            ));
            continue;
        };
        let kept_series = list(Some(kept), "series");
        for s in old_series {
            let Some(sid) = str_of(s, "id") else {
                continue;
            };
            let old_obs = list(Some(s), "observations");
            let Some(ks) = kept_series.iter().find(|k| str_of(k, "id") == Some(sid)) else {
                out.push(removal(
                    RemovalKind::Series,
                    vec![id.to_owned(), sid.to_owned()],
                    title(s, "label"),
                    0,
                    old_obs.len(),
                ));
                continue;
            };
            let kept_periods = ids(list(Some(ks), "observations"), "period");
            for o in old_obs {
                if let Some(p) = str_of(o, "period") {
                    if !kept_periods.contains(p) {
                        out.push(removal(
                            RemovalKind::Observation,
                            vec![id.to_owned(), sid.to_owned(), p.to_owned()],
                            None,
                            0,
                            0,
                        ));
                    }
                }
            }
        }
    }
    out
}

/// The removals counted by kind, in words: `40 Maßnahmen, 1 Indikator`.
pub fn summary(removals: &[Removal]) -> Msg {
    let mut counts: Vec<(RemovalKind, usize)> = Vec::new();
    for r in removals {
        match counts.iter_mut().find(|(k, _)| *k == r.kind) {
            Some((_, n)) => *n += 1,
            None => counts.push((r.kind, 1)),
        }
    }
    let part = |lang: crate::Lang| {
        counts
            .iter()
            .map(|(k, n)| {
                let word = if *n == 1 { k.label() } else { k.plural() };
                format!("{n} {}", word.get(lang))
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    Msg::new(part(crate::Lang::De), part(crate::Lang::En))
}

fn removal(
    kind: RemovalKind,
    ids: Vec<String>,
    title: Option<String>,
    series: usize,
    observations: usize,
) -> Removal {
    let file = kind.file();
    let (label_de, label_en) = {
        let l = kind.label();
        (l.de, l.en)
    };
    let shown = match &title {
        Some(t) => format!(" ({t})"),
        None => String::new(),
    };
    let with_de = contents(
        series,
        observations,
        "Reihe",
        "Reihen",
        "Wert",
        "Werten",
        "mit",
        "und",
    );
    let with_en = contents(
        series,
        observations,
        "series",
        "series",
        "observation",
        "observations",
        "with",
        "and",
    );
    let msg = match ids.as_slice() {
        [indicator, series, period] => msg!(
            "Wert {period} der Reihe „{series}“ von Indikator „{indicator}“ fehlt und wird aus {file} entfernt.",
            "Observation {period} of series \"{series}\" of indicator \"{indicator}\" is missing and is removed from {file}.",
        ),
        [indicator, series] => msg!(
            "Reihe „{series}“{shown} von Indikator „{indicator}“{with_de} fehlt und wird aus {file} entfernt.",
            "Series \"{series}\"{shown} of indicator \"{indicator}\"{with_en} is missing and is removed from {file}.",
        ),
        _ => {
            let id = ids.first().cloned().unwrap_or_default();
            msg!(
                "{label_de} „{id}“{shown}{with_de} fehlt und wird aus {file} entfernt.",
                "{label_en} \"{id}\"{shown}{with_en} is missing and is removed from {file}.",
            )
        }
    };
    Removal {
        kind,
        ids,
        file,
        title,
        series,
        observations,
        msg,
    }
}

/// ` mit 2 Reihen und 14 Werten`, or nothing.
#[allow(clippy::too_many_arguments)]
fn contents(
    series: usize,
    observations: usize,
    s1: &str,
    sn: &str,
    o1: &str,
    on: &str,
    with: &str,
    and: &str,
) -> String {
    let mut parts = Vec::new();
    if series > 0 {
        parts.push(format!("{series} {}", if series == 1 { s1 } else { sn }));
    }
    if observations > 0 {
        parts.push(format!(
            "{observations} {}",
            if observations == 1 { o1 } else { on }
        ));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" {with} {}", parts.join(&format!(" {and} ")))
    }
}

fn list<'a>(obj: Option<&'a Map<String, Value>>, key: &str) -> Vec<&'a Map<String, Value>> {
    obj.and_then(|o| o.get(key))
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_object).collect())
        .unwrap_or_default()
}

fn str_of<'a>(obj: &'a Map<String, Value>, key: &str) -> Option<&'a str> {
    obj.get(key).and_then(Value::as_str)
}

fn ids<'a>(list: Vec<&'a Map<String, Value>>, key: &str) -> HashSet<&'a str> {
    list.into_iter().filter_map(|o| str_of(o, key)).collect()
}

/// A title to recognise an entry by: the German text, or the first of any language, clipped to
/// 60 characters.
fn title(obj: &Map<String, Value>, key: &str) -> Option<String> {
    let t = match obj.get(key)? {
        Value::String(s) => s.as_str(),
        Value::Object(m) => m
            .get("de")
            .and_then(Value::as_str)
            .or_else(|| m.values().find_map(Value::as_str))?,
        _ => return None,
    };
    let t = t.trim();
    if t.is_empty() {
        return None;
    }
    let mut clipped: String = t.chars().take(60).collect();
    if clipped.len() < t.len() {
        clipped.push('…');
    }
    Some(clipped)
}
