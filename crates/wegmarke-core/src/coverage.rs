//! The data situation ("Datenlage"): for every indicator, whether it has current data, is
//! overdue or has no data yet, with its latest period and next update; and the one-line count
//! the overview shows ("12 von 15 Indikatoren mit aktuellen Daten, 2 überfällig, 1 ohne Daten").

use crate::model::Indicator;
use crate::period::{Date, Period};
use crate::rating::is_overdue;

/// Where an indicator's data stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DataState {
    /// Values, and the next update not yet due.
    Current,
    /// Values, but the announced next update lies before the plan's "Stand".
    Overdue,
    /// Adopted, but no value yet.
    NoData,
}

impl DataState {
    /// Stable name (translation key suffix, CSS class).
    pub fn as_str(self) -> &'static str {
        match self {
            DataState::Current => "current",
            DataState::Overdue => "overdue",
            DataState::NoData => "no_data",
        }
    }
}

/// One indicator's data situation.
#[derive(Clone, Debug, PartialEq)]
pub struct Coverage<'a> {
    pub indicator: &'a Indicator,
    pub state: DataState,
    /// The latest period with a value in any series.
    pub latest: Option<Period>,
    /// How many series the indicator has, and how many of them have a value.
    pub series: usize,
    pub series_with_values: usize,
    /// How many values (not gaps) all series hold together.
    pub values: usize,
}

/// The data situation of one indicator, as of the plan's "Stand" (`as_of`).
pub fn coverage<'a>(ind: &'a Indicator, as_of: Option<&Date>) -> Coverage<'a> {
    // Values per series, counted once.
    let per_series: Vec<usize> = ind
        .series
        .iter()
        .map(|s| s.observations.iter().filter(|o| o.value.is_some()).count())
        .collect();
    let values: usize = per_series.iter().sum();
    let latest = ind
        .series
        .iter()
        .flat_map(|s| {
            s.observations
                .iter()
                .filter(|o| o.value.is_some())
                .map(|o| o.period)
        })
        .max();
    let state = if values == 0 {
        DataState::NoData
    } else if as_of.is_some_and(|d| is_overdue(ind, d)) {
        DataState::Overdue
    } else {
        DataState::Current
    };
    Coverage {
        indicator: ind,
        state,
        latest,
        series: ind.series.len(),
        series_with_values: per_series.iter().filter(|n| **n > 0).count(),
        values,
    }
}

/// How many indicators are in each state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CoverageCounts {
    pub total: usize,
    pub current: usize,
    pub overdue: usize,
    pub no_data: usize,
}

/// Counts the states of all indicators.
pub fn counts<'a>(
    indicators: impl IntoIterator<Item = &'a Indicator>,
    as_of: Option<&Date>,
) -> CoverageCounts {
    let mut c = CoverageCounts::default();
    for ind in indicators {
        c.total += 1;
        match coverage(ind, as_of).state {
            DataState::Current => c.current += 1,
            DataState::Overdue => c.overdue += 1,
            DataState::NoData => c.no_data += 1,
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn ind(next_update: Option<&str>, series: serde_json::Value) -> Indicator {
        serde_json::from_value(json!({
            "id": "i", "title": "t", "next_update": next_update, "series": series
        }))
        .unwrap()
    }

    #[test]
    fn states_from_values_and_the_next_update() {
        let stand = Date::parse("2026-10-31").unwrap();
        let two = json!([
            {"id": "a", "observations": [{"period": "2024", "value": 1.0}, {"period": "2025-Q2", "value": 2.0}]},
            {"id": "b", "observations": [{"period": "2025", "value": null, "flag": "suppressed"}]}
        ]);
        let current = ind(Some("2027-06"), two.clone());
        let c = coverage(&current, Some(&stand));
        assert_eq!(c.state, DataState::Current);
        assert_eq!(c.latest.map(|p| p.to_string()), Some("2025-Q2".into()));
        assert_eq!((c.series, c.series_with_values, c.values), (2, 1, 2));
        let due = ind(Some("2026-06"), two.clone());
        assert_eq!(coverage(&due, Some(&stand)).state, DataState::Overdue);
        // Without a "Stand" nothing is overdue.
        assert_eq!(
            coverage(&ind(Some("2026-06"), two), None).state,
            DataState::Current
        );
        // Series without a single value, or none at all: no data (never overdue).
        let empty = ind(
            Some("2020"),
            json!([{"id": "a", "observations": [{"period": "2024", "value": null}]}]),
        );
        assert_eq!(coverage(&empty, Some(&stand)).state, DataState::NoData);
        assert_eq!(coverage(&empty, Some(&stand)).latest, None);
        let none = ind(None, json!([]));
        assert_eq!(coverage(&none, Some(&stand)).state, DataState::NoData);
        let all = [
            ind(
                Some("2027"),
                json!([{"id": "a", "observations": [{"period": "2024", "value": 1.0}]}]),
            ),
            empty,
            none,
        ];
        assert_eq!(
            counts(&all, Some(&stand)),
            CoverageCounts {
                total: 3,
                current: 1,
                overdue: 0,
                no_data: 2
            }
        );
    }
}
