//! indicators.json: each indicator's references, texts, baseline and target checked, then its
//! series (unique ids) and their observations (plausible values, suppressed ones empty), and
//! its values by district (declared districts, each once).

use std::collections::{HashMap, HashSet};

use super::checker::{retain_indexed, Checker};
use super::{is_valid_id, Known, MAX_TEXT, MAX_TITLE};
use crate::model::{Flag, Indicator, Series};
use crate::problem::{JsonPath, ProblemKind, RefKind};
use crate::sort::sort_by_key;

impl<const LOCATED: bool> Checker<LOCATED> {
    pub(super) fn check_indicators(&mut self, indicators: &mut Vec<Indicator>, known: &Known) {
        self.unique_ids(indicators, "indicators", |i| &i.id);
        for (i, ind) in indicators.iter_mut().enumerate() {
            let at = JsonPath::root().key("indicators").index(i);
            self.refs(
                &mut ind.goals,
                &known.goals,
                RefKind::Goal,
                &at.key("goals"),
            );
            self.check_title(&mut ind.title, &at.key("title"));
            self.check_opt_text(&mut ind.short_title, MAX_TITLE, &at.key("short_title"));
            self.check_opt_text(&mut ind.definition, MAX_TEXT, &at.key("definition"));
            self.check_opt_text(&mut ind.notes, MAX_TEXT, &at.key("notes"));
            self.check_opt_text(&mut ind.no_data_reason, MAX_TEXT, &at.key("no_data_reason"));
            if let Some(u) = ind.unit.as_mut() {
                self.check_short(u, &at.key("unit"));
            }
            self.check_int(&mut ind.decimals, 0, 6, &at.key("decimals"));
            if let Some(s) = ind.source.as_mut() {
                self.check_url(&mut s.url, &at.key("source").key("url"));
            }
            if let Some(b) = ind.baseline.as_ref() {
                if !self.plausible(b.value, &at.key("baseline").key("value")) {
                    ind.baseline = None;
                }
            }
            self.check_target(ind, &at);
            let mut seen = HashMap::new();
            retain_indexed(&mut ind.series, |j, s| {
                self.check_series(s, j, &mut seen, &at)
            });
            self.check_gap(ind, &at);
            self.check_by_district(ind, &known.districts, &at);
        }
    }

    /// Values by district: a series that does not exist clears them all; a district that is not
    /// declared, or listed before, costs its value; suppressed values are emptied.
    fn check_by_district(
        &mut self,
        ind: &mut Indicator,
        districts: &Option<HashSet<String>>,
        at: &JsonPath,
    ) {
        let bp = at.key("by_district");
        let series_ok = match ind.by_district.as_ref().and_then(|b| b.series.as_deref()) {
            Some(id) => ind.series.iter().any(|s| s.id == id),
            None => true,
        };
        let Some(b) = ind.by_district.as_mut() else {
            return;
        };
        if !series_ok {
            let id = b.series.clone().unwrap_or_default();
            self.problem(
                bp.key("series"),
                ProblemKind::UnknownReference {
                    target: RefKind::Series,
                    id,
                },
            );
            ind.by_district = None;
            return;
        }
        let vp = bp.key("values");
        let mut seen: HashMap<String, usize> = HashMap::new();
        retain_indexed(&mut b.values, |j, v| {
            let at = vp.index(j);
            if districts.as_ref().is_some_and(|d| !d.contains(&v.district)) {
                self.problem(
                    at.key("district"),
                    ProblemKind::UnknownReference {
                        target: RefKind::District,
                        id: v.district.clone(),
                    },
                );
                self.leave_out(&at);
                return false;
            }
            if let Some(first) = seen.get(&v.district) {
                self.problem(
                    at.key("district"),
                    ProblemKind::DuplicateDistrict {
                        district: v.district.clone(),
                        first: vp.index(*first).to_string(),
                    },
                );
                self.leave_out(&at);
                return false;
            }
            seen.insert(v.district.clone(), j);
            self.check_short(&mut v.district, &at.key("district"));
            if v.flag == Some(Flag::Suppressed) && v.value.is_some() {
                self.problem(at.key("value"), ProblemKind::SuppressedNotNull);
                v.value = None;
            }
            if v.value
                .is_some_and(|x| !self.plausible(x, &at.key("value")))
            {
                v.value = None;
            }
            true
        });
    }

    /// Clears a target whose series does not exist or whose value is absurd.
    fn check_target(&mut self, ind: &mut Indicator, at: &JsonPath) {
        let Some(t) = ind.target.as_ref() else { return };
        let series_ok = match t.series.as_deref() {
            Some(s) => ind.series.iter().any(|x| x.id == s),
            None => true,
        };
        if !series_ok {
            let id = t.series.clone().unwrap_or_default();
            self.problem(
                at.key("target").key("series"),
                ProblemKind::UnknownReference {
                    target: RefKind::Series,
                    id,
                },
            );
            ind.target = None;
        } else if !self.plausible(t.value, &at.key("target").key("value")) {
            ind.target = None;
        }
    }

    /// Clears a gap whose series do not exist (after the series' own checks), that compares a
    /// series with itself, or whose target is absurd.
    fn check_gap(&mut self, ind: &mut Indicator, at: &JsonPath) {
        let Some(g) = ind.gap.as_ref() else { return };
        let gp = at.key("gap");
        let exists = |id: &str| ind.series.iter().any(|s| s.id == id);
        let missing = [
            ("series", g.series.as_deref()),
            ("reference", Some(g.reference.as_str())),
        ]
        .into_iter()
        .find_map(|(key, id)| id.filter(|id| !exists(id)).map(|id| (key, id.to_owned())));
        let compared = g
            .series
            .clone()
            .or_else(|| ind.target_series().map(|s| s.id.clone()));
        if let Some((key, id)) = missing {
            self.problem(
                gp.key(key),
                ProblemKind::UnknownReference {
                    target: RefKind::Series,
                    id,
                },
            );
            ind.gap = None;
        } else if compared.as_deref() == Some(g.reference.as_str()) {
            self.problem(
                gp.key("reference"),
                ProblemKind::GapWithItself {
                    series: g.reference.clone(),
                },
            );
            ind.gap = None;
        } else if let Some(t) = g.target.as_ref() {
            if !self.plausible(t.value, &gp.key("target").key("value")) {
                if let Some(g) = ind.gap.as_mut() {
                    g.target = None;
                }
            }
        }
    }

    /// Whether series `j` of the indicator at `at` is kept: its id must be valid and not `seen`
    /// before. A kept series gets its label and observations checked and sorted by period.
    fn check_series(
        &mut self,
        s: &mut Series,
        j: usize,
        seen: &mut HashMap<String, usize>,
        at: &JsonPath,
    ) -> bool {
        let sp = at.key("series").index(j);
        if !is_valid_id(&s.id) {
            self.problem(
                sp.key("id"),
                ProblemKind::InvalidId {
                    value: s.id.clone(),
                },
            );
            self.leave_out(&sp);
            return false;
        }
        // `first` names the previous series with this id (for top-level ids, the first one).
        if let Some(first) = seen.insert(s.id.clone(), j) {
            self.problem(
                sp.key("id"),
                ProblemKind::DuplicateId {
                    id: s.id.clone(),
                    first: at.key("series").index(first).to_string(),
                },
            );
            self.leave_out(&sp);
            return false;
        }
        self.check_opt_text(&mut s.label, MAX_TITLE, &sp.key("label"));
        retain_indexed(&mut s.observations, |k, o| {
            let op = sp.key("observations").index(k);
            if o.flag == Some(Flag::Suppressed) && o.value.is_some() {
                self.problem(op.key("value"), ProblemKind::SuppressedNotNull);
                o.value = None;
            }
            if o.value
                .is_some_and(|v| !self.plausible(v, &op.key("value")))
            {
                self.leave_out(&op);
                return false;
            }
            self.check_opt_text(&mut o.note, MAX_TEXT, &op.key("note"));
            true
        });
        sort_by_key(&mut s.observations, |o| o.period);
        true
    }
}
