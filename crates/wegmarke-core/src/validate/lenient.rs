//! Lenient typing: each entry of a file is deserialized on its own, and a value of the wrong type
//! costs only itself (cut out and reported at its path) or, when required, only its entry.

use std::collections::{HashMap, HashSet};

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::checker::Checker;
use super::MAX_CUTS_PER_ENTRY;
use crate::period::{DATE_ERROR_TAG, PERIOD_ERROR_TAG};
use crate::problem::{JsonPath, LeftOutReason, ProblemKind, Segment};

/// Parts cut out of a value during lenient deserialization, to report later errors at the
/// indices of the original file.
#[derive(Default)]
struct Cuts {
    /// Array path (current indices) -> original indices removed from it, ascending.
    removed: HashMap<String, Vec<usize>>,
    /// Object keys removed (paths in current indices).
    cut_keys: HashSet<JsonPath>,
}

impl Cuts {
    /// Removes the value at `path`; false when there is nothing to remove.
    fn cut(&mut self, root: &mut Value, path: &JsonPath) -> bool {
        let Some((last, parent)) = path.0.split_last() else {
            return false;
        };
        let mut node = root;
        for seg in parent {
            node = match (seg, node) {
                (Segment::Key(k), Value::Object(o)) => match o.get_mut(k) {
                    Some(n) => n,
                    None => return false,
                },
                (Segment::Index(i), Value::Array(a)) => match a.get_mut(*i) {
                    Some(n) => n,
                    None => return false,
                },
                _ => return false,
            };
        }
        match (last, node) {
            (Segment::Key(k), Value::Object(o)) => {
                self.cut_keys.insert(path.clone());
                o.remove(k).is_some()
            }
            (Segment::Index(i), Value::Array(a)) if *i < a.len() => {
                let key = JsonPath(parent.to_vec()).to_string();
                let orig = Self::map_index(self.removed.get(&key), *i);
                let list = self.removed.entry(key).or_default();
                let pos = list.partition_point(|&r| r < orig);
                list.insert(pos, orig);
                a.remove(*i);
                true
            }
            _ => false,
        }
    }

    fn map_index(removed: Option<&Vec<usize>>, current: usize) -> usize {
        let mut orig = current;
        for &r in removed.into_iter().flatten() {
            if r <= orig {
                orig += 1;
            }
        }
        orig
    }

    /// `path` (current indices) in the original file's indices.
    fn original(&self, path: &JsonPath) -> JsonPath {
        let segs = path.0.iter().enumerate().map(|(n, seg)| match seg {
            Segment::Index(i) => {
                let array = JsonPath(path.0[..n].to_vec()).to_string();
                Segment::Index(Self::map_index(self.removed.get(&array), *i))
            }
            other => other.clone(),
        });
        JsonPath(segs.collect())
    }
}

impl<const LOCATED: bool> Checker<LOCATED> {
    /// Deserializes one value, turning each serde error into a located problem. A bad part is
    /// cut out and the rest tried again, so a bad date or one bad observation costs only itself;
    /// only when a required part is bad, or more than [`MAX_CUTS_PER_ENTRY`] parts, is the whole
    /// value left out (`None`, recorded with [`Checker::leave_out`]).
    pub(super) fn typed<T: DeserializeOwned>(&mut self, value: &Value, at: &JsonPath) -> Option<T> {
        let typed = self.try_typed(value, at);
        if typed.is_none() {
            self.leave_out(at);
        }
        typed
    }

    fn try_typed<T: DeserializeOwned>(&mut self, value: &Value, at: &JsonPath) -> Option<T> {
        if !LOCATED {
            return match T::deserialize(value) {
                Ok(t) => Some(t),
                Err(e) => {
                    self.unlocated = true;
                    self.problem(at.clone(), classify(&e.to_string()));
                    None
                }
            };
        }
        let first = match serde_path_to_error::deserialize::<_, T>(value) {
            Ok(t) => return Some(t),
            Err(e) => e,
        };
        let mut value = value.clone();
        let mut cuts = Cuts::default();
        let mut err = first;
        for _ in 0..MAX_CUTS_PER_ENTRY {
            let path = to_json_path(err.path());
            let kind = classify(&err.inner().to_string());
            // Cutting a required field shows up as "missing field": the cause was reported.
            let consequence = matches!(&kind, ProblemKind::MissingField { field } if cuts.cut_keys.contains(&path.key(field)));
            if !consequence {
                self.problem(at.join(&cuts.original(&path)), kind.clone());
            }
            // The bad value is cut; for a missing field, the object that lacks it.
            if path.0.is_empty() || !cuts.cut(&mut value, &path) {
                return None;
            }
            match serde_path_to_error::deserialize::<_, T>(&value) {
                Ok(t) => return Some(t),
                Err(e) => err = e,
            }
        }
        self.problem(
            at.clone(),
            ProblemKind::EntryLeftOut {
                reason: LeftOutReason::TooManyBadValues,
            },
        );
        None
    }

    /// The entries of a top-level array, each deserialized on its own; bad ones are left out.
    pub(super) fn entries<T: DeserializeOwned>(
        &mut self,
        value: &Value,
        key: &str,
        required: bool,
    ) -> Vec<T> {
        let path = JsonPath::root().key(key);
        match value.get(key) {
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .filter_map(|(i, v)| self.typed(v, &path.index(i)))
                .collect(),
            None if !required => Vec::new(),
            None => {
                self.problem(
                    JsonPath::root(),
                    ProblemKind::MissingField {
                        field: key.to_owned(),
                    },
                );
                Vec::new()
            }
            Some(other) => {
                self.problem(
                    path,
                    ProblemKind::WrongType {
                        found: json_type(other).to_owned(),
                        expected: "a sequence".to_owned(),
                    },
                );
                Vec::new()
            }
        }
    }
}

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a sequence",
        Value::Object(_) => "a map",
    }
}

fn to_json_path(p: &serde_path_to_error::Path) -> JsonPath {
    use serde_path_to_error::Segment as S;
    JsonPath(
        p.iter()
            .filter_map(|s| match s {
                S::Seq { index } => Some(Segment::Index(*index)),
                S::Map { key } => Some(Segment::Key(key.clone())),
                S::Enum { variant } => Some(Segment::Key(variant.clone())),
                S::Unknown => None,
            })
            .collect(),
    )
}

/// Turns serde's English message into a problem kind with its own translations.
fn classify(msg: &str) -> ProblemKind {
    let between = |s: &str| -> String { s.split('`').nth(1).unwrap_or(s).to_owned() };
    if let Some(v) = msg.strip_prefix(DATE_ERROR_TAG) {
        ProblemKind::InvalidDate {
            value: v.to_owned(),
        }
    } else if let Some(v) = msg.strip_prefix(PERIOD_ERROR_TAG) {
        ProblemKind::InvalidPeriod {
            value: v.to_owned(),
        }
    } else if msg.starts_with("missing field") {
        ProblemKind::MissingField {
            field: between(msg),
        }
    } else if let Some(rest) = msg.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, "?"));
        ProblemKind::WrongType {
            found: found.to_owned(),
            expected: expected.to_owned(),
        }
    } else if let Some(rest) = msg.strip_prefix("unknown variant ") {
        let found = between(rest);
        let allowed = rest
            .split_once("expected one of ")
            .map(|(_, a)| a.replace('`', ""))
            .unwrap_or_default();
        ProblemKind::UnknownValue { found, allowed }
    } else {
        ProblemKind::Other {
            detail: msg.to_owned(),
        }
    }
}
