//! "Was hat sich geändert?": what changed between a council report's frozen snapshot and the
//! current data. Pure, so the changes page and the staff tool list exactly the same changes.
//!
//! The rules, shown to readers on the changes page:
//!
//! - **Progress** is the *stated* progress: the measure's `progress` figure, except that a
//!   completed or continued measure counts as 100 (as the data contract says). So "40 → 55" reads
//!   like the data, a measure without a figure shows as "–" rather than an invented 0, and
//!   finishing a measure shows as "80 → 100" even where the figure was not updated. This is not
//!   [`effective_progress`](crate::rollup::effective_progress), which also decides what the roll-up
//!   leaves out.
//! - **A new value** is an observation (series, period) that has a value now and had none then
//!   (absent or `null`), including every value of a series or period added since.
//! - **A revised value** is an observation that had a value then and now has a different value, a
//!   different flag (a provisional figure confirmed as final counts: readers should learn that a
//!   number they saw as provisional is now final), or no value any more (withdrawn or suppressed).
//!   Notes are not compared.
//! - Numbers count as equal when they differ by no more than rounding noise (a relative 1e-9), so
//!   a file rewritten by a tool does not show phantom changes.
//! - Other edits (texts, dates, targets, next update) are not listed; their effect on the rating
//!   is, as a rating change.

use std::collections::{HashMap, HashSet};

use crate::model::{Flag, Indicator, Measure, Observation, Report, Series, Status};
use crate::period::{Date, Period};
use crate::rating::{assess, Rating};
use crate::sort::sort_by;
use crate::validate::{is_safe_relative_path, Dataset};

/// Everything that changed between a snapshot and now, in the order of the current data
/// (entries that no longer exist follow, in the snapshot's order).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Changes {
    /// One entry per measure that changed.
    pub measures: Vec<MeasureChange>,
    /// One entry per indicator that changed.
    pub indicators: Vec<IndicatorChange>,
    /// Whether measures were compared: false when measures.json was unusable (fatal) on either
    /// side. Comparing against nothing would list every measure as added or removed.
    pub measures_compared: bool,
    /// Whether indicators were compared (as for measures).
    pub indicators_compared: bool,
}

/// One way a measure changed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum MeasureChangeKind {
    /// New since the snapshot (then the only kind listed).
    Added,
    /// In the snapshot, no longer in the data (then the only kind listed).
    Removed,
    /// The status changed.
    StatusChanged { from: Status, to: Status },
    /// The stated progress changed (see the module docs); `None` means no figure.
    ProgressChanged { from: Option<f64>, to: Option<f64> },
    /// Completed or continued now, neither then.
    Finished,
}

/// A measure that changed, with all its changes in the order status, progress, finished.
#[derive(Clone, Debug, PartialEq)]
pub struct MeasureChange {
    pub id: String,
    pub kinds: Vec<MeasureChangeKind>,
}

impl MeasureChange {
    /// Whether the measure is new since the snapshot.
    pub fn is_added(&self) -> bool {
        self.kinds.contains(&MeasureChangeKind::Added)
    }

    /// Whether the measure is no longer in the data.
    pub fn is_removed(&self) -> bool {
        self.kinds.contains(&MeasureChangeKind::Removed)
    }

    /// Whether the measure was finished since the snapshot.
    pub fn is_finished(&self) -> bool {
        self.kinds.contains(&MeasureChangeKind::Finished)
    }

    /// The status change, if any.
    pub fn status_change(&self) -> Option<(Status, Status)> {
        self.kinds.iter().find_map(|k| match *k {
            MeasureChangeKind::StatusChanged { from, to } => Some((from, to)),
            _ => None,
        })
    }

    /// The progress change, if any.
    pub fn progress_change(&self) -> Option<(Option<f64>, Option<f64>)> {
        self.kinds.iter().find_map(|k| match *k {
            MeasureChangeKind::ProgressChanged { from, to } => Some((from, to)),
            _ => None,
        })
    }
}

/// A value that is new since the snapshot.
#[derive(Clone, Debug, PartialEq)]
pub struct NewValue {
    pub series: String,
    pub period: Period,
    pub value: f64,
    pub flag: Option<Flag>,
}

/// A value that was revised since the snapshot (see the module docs).
#[derive(Clone, Debug, PartialEq)]
pub struct Revision {
    pub series: String,
    pub period: Period,
    /// The value then (never `None`: only values that existed can be revised).
    pub from: Option<f64>,
    /// The value now; `None` when withdrawn or suppressed.
    pub to: Option<f64>,
    pub from_flag: Option<Flag>,
    pub to_flag: Option<Flag>,
}

impl Revision {
    /// Whether the number itself changed (not only its flag).
    pub fn value_changed(&self) -> bool {
        !same_opt(self.from, self.to)
    }

    /// Whether only the flag changed: the same value (or none both times), so a reader should
    /// see the value once with its old and new flag, not "3,8 % → 3,8 %".
    pub fn flag_only(&self) -> bool {
        !self.value_changed() && self.from_flag != self.to_flag
    }
}

/// An indicator's rating then and now (only listed when they differ).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RatingChange {
    pub from: Rating,
    pub to: Rating,
}

/// An indicator that changed. An added or removed indicator lists nothing else: its values are
/// not "new values" of something the reader knew.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorChange {
    pub id: String,
    /// New since the snapshot.
    pub added: bool,
    /// In the snapshot, no longer in the data.
    pub removed: bool,
    /// In the current order of series, then by period.
    pub new_values: Vec<NewValue>,
    /// In the current order of series (removed series last), then by period.
    pub revised: Vec<Revision>,
    pub rating: Option<RatingChange>,
}

/// How many changes of each kind, for a summary line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ChangeCounts {
    pub measures_added: usize,
    pub measures_removed: usize,
    pub status_changed: usize,
    pub progress_changed: usize,
    pub finished: usize,
    pub indicators_added: usize,
    pub indicators_removed: usize,
    pub new_values: usize,
    pub revised_values: usize,
    pub ratings_changed: usize,
}

impl Changes {
    /// Whether nothing changed (in what could be compared).
    pub fn is_empty(&self) -> bool {
        self.measures.is_empty() && self.indicators.is_empty()
    }

    /// Counts of each kind of change.
    pub fn counts(&self) -> ChangeCounts {
        let mut c = ChangeCounts::default();
        for k in self.measures.iter().flat_map(|m| &m.kinds) {
            match k {
                MeasureChangeKind::Added => c.measures_added += 1,
                MeasureChangeKind::Removed => c.measures_removed += 1,
                MeasureChangeKind::StatusChanged { .. } => c.status_changed += 1,
                MeasureChangeKind::ProgressChanged { .. } => c.progress_changed += 1,
                MeasureChangeKind::Finished => c.finished += 1,
            }
        }
        for i in &self.indicators {
            c.indicators_added += usize::from(i.added);
            c.indicators_removed += usize::from(i.removed);
            c.new_values += i.new_values.len();
            c.revised_values += i.revised.len();
            c.ratings_changed += usize::from(i.rating.is_some());
        }
        c
    }

    /// The change of one measure, if it changed.
    pub fn measure(&self, id: &str) -> Option<&MeasureChange> {
        self.measures.iter().find(|m| m.id == id)
    }

    /// The change of one indicator, if it changed.
    pub fn indicator(&self, id: &str) -> Option<&IndicatorChange> {
        self.indicators.iter().find(|i| i.id == id)
    }
}

/// Compares a report's snapshot (`before`) with the current data (`now`). A file that was
/// unusable on either side is not compared (see [`Changes::measures_compared`]); the caller shows
/// the snapshot's fatal problems instead.
pub fn compare(before: &Dataset, now: &Dataset) -> Changes {
    let (measures, measures_compared) = match (&before.measures, &now.measures) {
        (Some(b), Some(n)) => (compare_measures(&b.measures, &n.measures), true),
        _ => (Vec::new(), false),
    };
    let (indicators, indicators_compared) = match (&before.indicators, &now.indicators) {
        (Some(b), Some(n)) => (compare_indicators(&b.indicators, &n.indicators), true),
        _ => (Vec::new(), false),
    };
    Changes {
        measures,
        indicators,
        measures_compared,
        indicators_compared,
    }
}

/// The report a changes page shows: the one dated `date` (the permalink's date, e.g.
/// "2026-05-12"), or by default the newest report that has a snapshot, else the newest report
/// (so the page can say that it has no snapshot). `None` for an unknown date or no reports.
pub fn report_for<'a>(ds: &'a Dataset, date: Option<&str>) -> Option<&'a Report> {
    let reports = ds.reports();
    match date {
        Some(d) => {
            let d = Date::parse(d.trim())?;
            reports.into_iter().find(|r| r.date == d)
        }
        None => reports
            .iter()
            .find(|r| r.path.is_some())
            .or(reports.first())
            .copied(),
    }
}

/// The folder of a report's snapshot relative to the data folder, ending in '/' (the prefix for
/// [`validate`](crate::validate::validate) and for fetching). `None` without a path, or for a
/// path that would leave the data folder (validation already drops those; this guards reports
/// built elsewhere).
pub fn snapshot_prefix(report: &Report) -> Option<String> {
    let path = report.path.as_deref()?;
    if !is_safe_relative_path(path) {
        return None;
    }
    let mut p = path.to_owned();
    if !p.ends_with('/') {
        p.push('/');
    }
    Some(p)
}

/// Progress as a reader sees it: the figure, or 100 for finished measures.
fn stated_progress(m: &Measure) -> Option<f64> {
    if m.status.is_done() {
        Some(100.0)
    } else {
        m.progress
    }
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

fn same_opt(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => same(a, b),
        (None, None) => true,
        _ => false,
    }
}

/// The first entry of each id, so unvalidated duplicates cannot make the result depend on order.
fn by_id<T>(items: &[T], id: impl Fn(&T) -> &str) -> HashMap<&str, &T> {
    let mut map = HashMap::new();
    for item in items {
        map.entry(id(item)).or_insert(item);
    }
    map
}

fn compare_measures(before: &[Measure], now: &[Measure]) -> Vec<MeasureChange> {
    let then = by_id(before, |m| &m.id);
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for m in now {
        if !seen.insert(m.id.as_str()) {
            continue;
        }
        let kinds = match then.get(m.id.as_str()) {
            None => vec![MeasureChangeKind::Added],
            Some(b) => measure_kinds(b, m),
        };
        if !kinds.is_empty() {
            out.push(MeasureChange {
                id: m.id.clone(),
                kinds,
            });
        }
    }
    for b in before {
        if seen.insert(b.id.as_str()) {
            out.push(MeasureChange {
                id: b.id.clone(),
                kinds: vec![MeasureChangeKind::Removed],
            });
        }
    }
    out
}

fn measure_kinds(before: &Measure, now: &Measure) -> Vec<MeasureChangeKind> {
    let mut kinds = Vec::new();
    if before.status != now.status {
        kinds.push(MeasureChangeKind::StatusChanged {
            from: before.status,
            to: now.status,
        });
    }
    let (from, to) = (stated_progress(before), stated_progress(now));
    if !same_opt(from, to) {
        kinds.push(MeasureChangeKind::ProgressChanged { from, to });
    }
    if now.status.is_done() && !before.status.is_done() {
        kinds.push(MeasureChangeKind::Finished);
    }
    kinds
}

fn compare_indicators(before: &[Indicator], now: &[Indicator]) -> Vec<IndicatorChange> {
    let then = by_id(before, |i| &i.id);
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    let bare = |id: &str| IndicatorChange {
        id: id.to_owned(),
        added: false,
        removed: false,
        new_values: Vec::new(),
        revised: Vec::new(),
        rating: None,
    };
    for ind in now {
        if !seen.insert(ind.id.as_str()) {
            continue;
        }
        let mut change = bare(&ind.id);
        match then.get(ind.id.as_str()) {
            None => change.added = true,
            Some(b) => {
                (change.new_values, change.revised) = compare_values(&b.series, &ind.series);
                let (from, to) = (assess(b).rating, assess(ind).rating);
                change.rating = (from != to).then_some(RatingChange { from, to });
            }
        }
        if change.added
            || !change.new_values.is_empty()
            || !change.revised.is_empty()
            || change.rating.is_some()
        {
            out.push(change);
        }
    }
    for b in before {
        if seen.insert(b.id.as_str()) {
            out.push(IndicatorChange {
                removed: true,
                ..bare(&b.id)
            });
        }
    }
    out
}

fn at(observations: &[Observation], period: Period) -> Option<&Observation> {
    observations.iter().find(|o| o.period == period)
}

fn compare_values(before: &[Series], now: &[Series]) -> (Vec<NewValue>, Vec<Revision>) {
    let then = by_id(before, |s| &s.id);
    let mut seen = HashSet::new();
    let (mut new_values, mut revised) = (Vec::new(), Vec::new());
    let no_observations: &[Observation] = &[];
    for s in now {
        if !seen.insert(s.id.as_str()) {
            continue;
        }
        let old = then
            .get(s.id.as_str())
            .map_or(no_observations, |b| &b.observations);
        let mut periods: Vec<Period> = s.observations.iter().chain(old).map(|o| o.period).collect();
        sort_by(&mut periods, |a, b| a.cmp(b));
        periods.dedup();
        for period in periods {
            let (was, is) = (at(old, period), at(&s.observations, period));
            let (was_value, was_flag) = (was.and_then(|o| o.value), was.and_then(|o| o.flag));
            let (is_value, is_flag) = (is.and_then(|o| o.value), is.and_then(|o| o.flag));
            match (was_value, is_value) {
                (None, Some(value)) => new_values.push(NewValue {
                    series: s.id.clone(),
                    period,
                    value,
                    flag: is_flag,
                }),
                (Some(from), to) if !same_opt(Some(from), to) || was_flag != is_flag => revised
                    .push(Revision {
                        series: s.id.clone(),
                        period,
                        from: Some(from),
                        to,
                        from_flag: was_flag,
                        to_flag: is_flag,
                    }),
                _ => {}
            }
        }
    }
    // A series that is gone takes its values with it: each is a withdrawn value.
    for b in before {
        if !seen.insert(b.id.as_str()) {
            continue;
        }
        for o in &b.observations {
            if let Some(from) = o.value {
                revised.push(Revision {
                    series: b.id.clone(),
                    period: o.period,
                    from: Some(from),
                    to: None,
                    from_flag: o.flag,
                    to_flag: None,
                });
            }
        }
    }
    (new_values, revised)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{IndicatorsFile, MeasuresFile, PlanFile};
    use serde_json::{json, Value};

    fn measures(list: Value) -> Option<MeasuresFile> {
        serde_json::from_value(json!({"format": "wegmarke/1", "measures": list})).ok()
    }

    fn indicators(list: Value) -> Option<IndicatorsFile> {
        serde_json::from_value(json!({"format": "wegmarke/1", "indicators": list})).ok()
    }

    fn ds(m: Value, i: Value) -> Dataset {
        Dataset {
            measures: measures(m),
            indicators: indicators(i),
            ..Dataset::default()
        }
    }

    fn m(id: &str, status: &str, progress: Option<f64>) -> Value {
        json!({"id": id, "title": "t", "status": status, "progress": progress})
    }

    fn p(s: &str) -> Period {
        Period::parse(s).unwrap()
    }

    /// An outcome indicator going up from 10 (2020) to 20 (2030), series "a".
    fn ind(id: &str, obs: Value) -> Value {
        json!({
            "id": id, "title": "t", "kind": "outcome", "direction": "up",
            "baseline": {"period": "2020", "value": 10.0},
            "target": {"period": "2030", "value": 20.0},
            "series": [{"id": "a", "observations": obs}]
        })
    }

    #[test]
    fn measure_changes_in_current_order_removed_last() {
        let before = ds(
            json!([
                m("A", "on_track", Some(40.0)),
                m("B", "on_track", Some(80.0)),
                m("C", "planned", None),
                m("Gone", "paused", Some(10.0)),
                m("Same", "delayed", Some(30.0)),
            ]),
            json!([]),
        );
        let now = ds(
            json!([
                m("New", "planned", None),
                m("C", "preparing", Some(20.0)),
                m("B", "completed", None),
                m("A", "on_track", Some(55.0)),
                m("Same", "delayed", Some(30.0)),
            ]),
            json!([]),
        );
        let c = compare(&before, &now);
        use MeasureChangeKind::*;
        let got: Vec<(&str, &[MeasureChangeKind])> = c
            .measures
            .iter()
            .map(|m| (m.id.as_str(), m.kinds.as_slice()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("New", &[Added][..]),
                (
                    "C",
                    &[
                        StatusChanged {
                            from: Status::Planned,
                            to: Status::Preparing
                        },
                        ProgressChanged {
                            from: None,
                            to: Some(20.0)
                        }
                    ][..]
                ),
                (
                    "B",
                    // No figure now, but completed counts as 100.
                    &[
                        StatusChanged {
                            from: Status::OnTrack,
                            to: Status::Completed
                        },
                        ProgressChanged {
                            from: Some(80.0),
                            to: Some(100.0)
                        },
                        Finished
                    ][..]
                ),
                (
                    "A",
                    &[ProgressChanged {
                        from: Some(40.0),
                        to: Some(55.0)
                    }][..]
                ),
                ("Gone", &[Removed][..]),
            ]
        );
        assert!(c.measures_compared && c.indicators_compared);
        let b = c.measure("B").unwrap();
        assert!(b.is_finished() && !b.is_added());
        assert_eq!(
            b.status_change(),
            Some((Status::OnTrack, Status::Completed))
        );
        assert_eq!(
            c.counts(),
            ChangeCounts {
                measures_added: 1,
                measures_removed: 1,
                status_changed: 2,
                progress_changed: 3,
                finished: 1,
                ..ChangeCounts::default()
            }
        );
    }

    #[test]
    fn finished_only_from_unfinished_and_rounding_noise_is_no_change() {
        let before = ds(
            json!([
                m("A", "completed", Some(90.0)),
                m("B", "on_track", Some(0.1 + 0.2))
            ]),
            json!([]),
        );
        let now = ds(
            json!([
                // completed -> continued: a status change, both count 100, not "finished" again.
                m("A", "continued", None),
                m("B", "on_track", Some(0.3)),
            ]),
            json!([]),
        );
        let c = compare(&before, &now);
        assert_eq!(c.measures.len(), 1);
        assert_eq!(
            c.measures[0].kinds,
            vec![MeasureChangeKind::StatusChanged {
                from: Status::Completed,
                to: Status::Continued
            }]
        );
    }

    #[test]
    fn identical_data_has_no_changes() {
        let d = ds(
            json!([m("A", "on_track", Some(40.0))]),
            json!([ind("I", json!([{"period": "2024", "value": 12.0}]))]),
        );
        let c = compare(&d, &d.clone());
        assert!(c.is_empty());
        assert_eq!(c.counts(), ChangeCounts::default());
    }

    #[test]
    fn a_fatal_file_is_not_compared_instead_of_everything_added() {
        let now = ds(json!([m("A", "on_track", Some(40.0))]), json!([]));
        let broken = Dataset {
            measures: None,
            ..now.clone()
        };
        let c = compare(&broken, &now);
        assert!(!c.measures_compared && c.indicators_compared);
        assert!(c.is_empty());
        assert!(!compare(&now, &broken).measures_compared);
    }

    #[test]
    fn new_revised_confirmed_and_withdrawn_values() {
        let before = ds(
            json!([]),
            json!([ind(
                "I",
                json!([
                    {"period": "2022", "value": 11.0},
                    {"period": "2023", "value": 12.0, "flag": "provisional"},
                    {"period": "2024", "value": 13.0, "flag": "provisional", "note": "x"},
                    {"period": "2025", "value": null},
                    {"period": "2019", "value": 9.0}
                ])
            )]),
        );
        let now = ds(
            json!([]),
            json!([ind(
                "I",
                json!([
                    {"period": "2022", "value": 11.0, "note": "notes are not compared"},
                    {"period": "2023", "value": 12.5},
                    {"period": "2024", "value": 13.0},
                    {"period": "2025", "value": 14.0, "flag": "provisional"},
                    {"period": "2026", "value": null, "flag": "suppressed"},
                    {"period": "2019", "value": null, "flag": "suppressed"}
                ])
            )]),
        );
        let c = compare(&before, &now);
        let i = c.indicator("I").unwrap();
        assert_eq!(
            i.new_values,
            vec![NewValue {
                series: "a".into(),
                period: p("2025"),
                value: 14.0,
                flag: Some(Flag::Provisional)
            }]
        );
        let rev = |period, from, to, from_flag, to_flag| Revision {
            series: "a".into(),
            period: p(period),
            from: Some(from),
            to,
            from_flag,
            to_flag,
        };
        assert_eq!(
            i.revised,
            vec![
                rev("2019", 9.0, None, None, Some(Flag::Suppressed)),
                rev("2023", 12.0, Some(12.5), Some(Flag::Provisional), None),
                rev("2024", 13.0, Some(13.0), Some(Flag::Provisional), None),
            ]
        );
        assert!(i.revised[1].value_changed() && !i.revised[2].value_changed());
        // 2024 kept its value and lost its "provisional": only the flag changed.
        let only: Vec<bool> = i.revised.iter().map(Revision::flag_only).collect();
        assert_eq!(only, [false, false, true]);
        assert!(!i.added && !i.removed);
    }

    #[test]
    fn rating_change_is_listed_only_when_different() {
        let before = ds(
            json!([]),
            json!([ind("I", json!([{"period": "2025", "value": 11.0}]))]),
        );
        let now = ds(
            json!([]),
            json!([ind(
                "I",
                json!([{"period": "2025", "value": 11.0}, {"period": "2026", "value": 21.0}])
            )]),
        );
        let c = compare(&before, &now);
        assert_eq!(
            c.indicator("I").unwrap().rating,
            Some(RatingChange {
                from: Rating::Limited,
                to: Rating::Achieved
            })
        );
        // A new value that keeps the rating lists no rating change.
        let same_rating = ds(
            json!([]),
            json!([ind(
                "I",
                json!([{"period": "2025", "value": 11.0}, {"period": "2026", "value": 11.5}])
            )]),
        );
        let c = compare(&before, &same_rating);
        assert_eq!(c.indicator("I").unwrap().rating, None);
        assert_eq!(c.counts().new_values, 1);
    }

    #[test]
    fn added_removed_indicators_and_series() {
        let mut two_series = ind("K", json!([{"period": "2024", "value": 12.0}]));
        two_series["series"]
            .as_array_mut()
            .unwrap()
            .push(json!({"id": "b", "observations": [{"period": "2024", "value": 5.0}]}));
        let before = ds(
            json!([]),
            json!([
                ind("Old", json!([{"period": "2024", "value": 1.0}])),
                two_series
            ]),
        );
        let now = ds(
            json!([]),
            json!([
                ind("K", json!([{"period": "2024", "value": 12.0}])),
                ind("Fresh", json!([{"period": "2024", "value": 1.0}]))
            ]),
        );
        let c = compare(&before, &now);
        let ids: Vec<(&str, bool, bool)> = c
            .indicators
            .iter()
            .map(|i| (i.id.as_str(), i.added, i.removed))
            .collect();
        assert_eq!(
            ids,
            vec![
                ("K", false, false),
                ("Fresh", true, false),
                ("Old", false, true)
            ]
        );
        // The series "b" is gone: its value is withdrawn.
        assert_eq!(c.indicators[0].revised.len(), 1);
        assert_eq!(c.indicators[0].revised[0].series, "b");
        assert_eq!(c.indicators[0].revised[0].to, None);
        assert!(c.indicators[1].new_values.is_empty());
        let counts = c.counts();
        assert_eq!((counts.indicators_added, counts.indicators_removed), (1, 1));
    }

    fn with_reports(reports: Value) -> Dataset {
        let plan: PlanFile = serde_json::from_value(json!({
            "format": "wegmarke/1", "plan": {"title": "t"}, "reports": reports
        }))
        .unwrap();
        Dataset {
            plan: Some(plan),
            ..Dataset::default()
        }
    }

    #[test]
    fn report_for_picks_the_dated_or_the_latest_with_a_snapshot() {
        let d = with_reports(json!([
            {"date": "2025-05-10", "title": "a", "path": "reports/2025-05-10"},
            {"date": "2026-11-20", "title": "c"},
            {"date": "2026-05-12", "title": "b", "path": "reports/2026-05-12/"}
        ]));
        let date = |r: Option<&Report>| r.map(|r| r.date.to_string());
        assert_eq!(date(report_for(&d, None)), Some("2026-05-12".into()));
        assert_eq!(
            date(report_for(&d, Some("2026-11-20"))),
            Some("2026-11-20".into())
        );
        assert_eq!(
            date(report_for(&d, Some("2025-05-10"))),
            Some("2025-05-10".into())
        );
        assert_eq!(report_for(&d, Some("2024-01-01")), None);
        assert_eq!(report_for(&d, Some("../../etc")), None);
        // Without any snapshot the newest report is still the default, so the page can say why.
        let none = with_reports(json!([
            {"date": "2025-05-10", "title": "a"},
            {"date": "2026-11-20", "title": "c"}
        ]));
        assert_eq!(date(report_for(&none, None)), Some("2026-11-20".into()));
        assert_eq!(report_for(&Dataset::default(), None), None);
    }

    #[test]
    fn snapshot_prefix_ends_with_a_slash_and_stays_inside() {
        let d = with_reports(json!([
            {"date": "2025-05-10", "title": "a", "path": "reports/2025-05-10"},
            {"date": "2026-05-12", "title": "b", "path": "reports/2026-05-12/"}
        ]));
        let prefixes: Vec<Option<String>> = d.reports().into_iter().map(snapshot_prefix).collect();
        assert_eq!(
            prefixes,
            vec![
                Some("reports/2026-05-12/".into()),
                Some("reports/2025-05-10/".into())
            ]
        );
        let mut r = d.reports()[0].clone();
        for bad in ["../secret/", "https://evil.example/", "/abs/", ""] {
            r.path = Some(bad.into());
            assert_eq!(snapshot_prefix(&r), None, "{bad}");
        }
        r.path = None;
        assert_eq!(snapshot_prefix(&r), None);
    }
}
