//! Merging with the existing data: what the workbook does not hold (a missing sheet or
//! column, a language without a column, unknown fields) is taken from the existing JSON files.
//! Rows are matched to existing entries by id, or for children by date, address, period or
//! paper reference.

use std::collections::{HashMap, VecDeque};

use serde_json::{Map, Value};
use wegmarke_core::{MEASURES_FILE, PLAN_FILE};

use super::cells::{keep_missing_languages, set_path, Issue};
use super::header::Header;
use crate::export::{extras_of, first_segment, get_path, tails};
use crate::msg;
use crate::sheets::{Kind, SheetSpec};
use crate::FindingKind;

/// The existing data files as JSON values, read leniently: what the workbook lacks is taken
/// from them. `None` where a file is missing or not JSON.
#[derive(Clone, Debug, Default)]
pub struct Existing {
    pub plan: Option<Map<String, Value>>,
    pub measures: Option<Map<String, Value>>,
    pub indicators: Option<Map<String, Value>>,
}

impl Existing {
    /// From the files' bytes (each may be missing).
    pub fn from_bytes(
        plan: Option<&[u8]>,
        measures: Option<&[u8]>,
        indicators: Option<&[u8]>,
    ) -> Existing {
        let parse = |b: Option<&[u8]>| -> Option<Map<String, Value>> {
            let b = b?;
            match serde_json::from_slice(b.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(b)) {
                Ok(Value::Object(o)) => Some(o),
                _ => None,
            }
        };
        Existing {
            plan: parse(plan),
            measures: parse(measures),
            indicators: parse(indicators),
        }
    }

    pub(super) fn file(&self, name: &str) -> Option<&Map<String, Value>> {
        match name {
            PLAN_FILE => self.plan.as_ref(),
            MEASURES_FILE => self.measures.as_ref(),
            _ => self.indicators.as_ref(),
        }
    }
}

/// The key an existing child entry is matched by (children have no ids of their own).
fn match_key(spec: &SheetSpec) -> &'static str {
    match spec.name {
        "Meilensteine" | "Aktualisierungen" | "Berichte" => "date",
        "Links" => "url",
        "Drucksachen Maßnahmen" | "Drucksachen Berichte" => "reference",
        "Werte" => "period",
        "Werte nach Stadtteil" => "district",
        _ => "id",
    }
}

/// Matches rows to existing entries by their match key, each entry at most once, in order.
/// The index is built on first use, so matching stays linear for large plans.
#[derive(Clone, Debug, Default)]
pub(super) struct Matcher {
    index: Option<HashMap<String, VecDeque<usize>>>,
}

/// The first existing entry with the same match key that is not taken yet.
pub(super) fn pick_existing<'a>(
    spec: &SheetSpec,
    candidates: &'a [Value],
    obj: &Map<String, Value>,
    matcher: &mut Matcher,
) -> Option<&'a Map<String, Value>> {
    let key = match_key(spec);
    let want = obj.get(key)?.to_string();
    let index = matcher.index.get_or_insert_with(|| {
        let mut h: HashMap<String, VecDeque<usize>> = HashMap::new();
        for (i, v) in candidates.iter().enumerate() {
            if let Some(k) = v.get(key) {
                h.entry(k.to_string()).or_default().push_back(i);
            }
        }
        h
    });
    let i = index.get_mut(&want)?.pop_front()?;
    candidates.get(i)?.as_object()
}

pub(super) fn array_of<'a>(obj: Option<&'a Map<String, Value>>, key: &str) -> &'a [Value] {
    obj.and_then(|o| o.get(key))
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// What [`restore`] did to a row.
#[derive(Debug, Default)]
pub(super) struct Restored {
    /// Columns such as "Titel (en)" whose texts were taken from the existing entry.
    pub(super) kept_languages: Vec<String>,
    /// Why the unknown fields could not be put back (a fatal finding at the extras cell).
    pub(super) conflict: Option<Issue>,
}

/// Completes an entity from its existing entry: fields without a column, languages without a
/// column, and unknown fields when the sheet has no column for them (`extras` is `None`).
pub(super) fn restore(
    spec: &SheetSpec,
    hdr: &Header,
    obj: &mut Map<String, Value>,
    extras: Option<Map<String, Value>>,
    existing: Option<&Map<String, Value>>,
    default_lang: &str,
) -> Restored {
    let mut out = Restored::default();
    for (i, field) in spec.fields.iter().enumerate() {
        let fc = &hdr.fields[i];
        let old = existing.and_then(|e| get_path(e, field.path));
        if !fc.present() {
            if let Some(v) = old {
                set_path(obj, field.path, v.clone());
            }
        } else if matches!(field.kind, Kind::Text { .. }) {
            let mut known: Vec<String> = fc.langs.iter().map(|(l, _, _)| l.clone()).collect();
            if fc.plain.is_some() {
                known.push(default_lang.to_owned());
            }
            let built = get_path(obj, field.path).cloned();
            let (v, kept) = keep_missing_languages(built.clone(), old, &known, default_lang);
            out.kept_languages
                .extend(kept.into_iter().map(|l| format!("{} ({l})", field.header)));
            if v != built {
                if let Some(v) = v {
                    set_path(obj, field.path, v);
                }
            }
        }
    }
    let explicit = extras.is_some();
    let extras = match extras {
        Some(x) => x,
        None => existing
            .map(|e| extras_of(&spec.known_keys(), &spec.nested(), e))
            .unwrap_or_default(),
    };
    out.conflict = merge_extras(spec, obj, extras, explicit, existing).err();
    out
}

/// Puts the fields of `extra` into the object `target` at `path`: fields with a column (`subs`)
/// are refused from the column (`explicit`) and skipped when restored; an object that columns
/// reach into (`target` of `target.period`) gets its own unknown fields the same way.
fn merge_unknown(
    target: &mut Map<String, Value>,
    extra: Map<String, Value>,
    subs: &[&str],
    explicit: bool,
    path: &str,
) -> Result<(), Issue> {
    for (k, v) in extra {
        let at = format!("{path}.{k}");
        if subs.contains(&k.as_str()) {
            if explicit {
                return Err(conflict(&at));
            }
            continue;
        }
        let deeper = tails(subs, &k);
        match (v, target.get_mut(&k)) {
            (Value::Object(inner), Some(Value::Object(t))) if !deeper.is_empty() => {
                merge_unknown(t, inner, &deeper, explicit, &at)?;
            }
            (v, _) => {
                target.insert(k, v);
            }
        }
    }
    Ok(())
}

/// Puts unknown fields back into an entity. From the column (`explicit`), a field that has its
/// own column is refused; restored ones never override what the workbook says.
pub(super) fn merge_extras(
    spec: &SheetSpec,
    obj: &mut Map<String, Value>,
    extras: Map<String, Value>,
    explicit: bool,
    existing: Option<&Map<String, Value>>,
) -> Result<(), Issue> {
    let known = spec.known_keys();
    let nested = spec.nested();
    for (k, v) in extras {
        if let Some((_, subs)) = nested.iter().find(|(t, _)| *t == k) {
            let Value::Object(sub) = v else {
                if explicit {
                    return Err(conflict(&k));
                }
                continue;
            };
            match obj.get_mut(&k) {
                Some(Value::Object(target)) => merge_unknown(target, sub, subs, explicit, &k)?,
                _ => {
                    // Restored: only recreate an object the workbook could not show (no field
                    // with a column); one whose cells were emptied stays removed.
                    let had_known = existing
                        .and_then(|e| e.get(&k))
                        .and_then(Value::as_object)
                        .is_some_and(|o| subs.iter().any(|s| o.contains_key(first_segment(s))));
                    if explicit || !had_known {
                        obj.insert(k, Value::Object(sub));
                    }
                }
            }
        } else if known.contains(&k.as_str()) {
            if explicit {
                return Err(conflict(&k));
            }
        } else {
            obj.insert(k, v);
        }
    }
    Ok(())
}

pub(super) fn conflict(k: &str) -> Issue {
    Issue::fatal(
        FindingKind::Conflict {
            field: k.to_owned(),
        },
        msg!(
        "„Weitere Felder“ enthält das Feld „{k}“, das eine eigene Spalte oder ein eigenes Blatt hat.",
        "\"Weitere Felder\" holds the field \"{k}\", which has its own column or sheet.",
    ),
    )
}
