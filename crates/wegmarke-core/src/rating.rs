//! Indicator rating: compares the change achieved since the baseline with the change needed by
//! now on the straight line from baseline to target (in the spirit of Eurostat's SDG progress
//! assessment and Open SDG's progress calculation, with a linear path instead of growth rates so
//! that readers can recompute it from the table).

use crate::model::{Direction, Indicator, IndicatorKind};
use crate::period::{Date, Period};

/// At or above this share of the needed change: substantial progress.
pub const SUBSTANTIAL: f64 = 0.95;
/// At or above this share: moderate progress; below it (but not backwards): limited progress.
pub const MODERATE: f64 = 0.6;

/// How far an indicator has come toward its target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rating {
    Achieved,
    Substantial,
    Moderate,
    Limited,
    Deterioration,
    /// Baseline, target or a newer value is missing.
    NotAssessable,
    /// Context indicators and indicators without a desired direction are not rated.
    NotRated,
}

impl Rating {
    /// Every rating, best first.
    pub const ALL: [Rating; 7] = [
        Rating::Achieved,
        Rating::Substantial,
        Rating::Moderate,
        Rating::Limited,
        Rating::Deterioration,
        Rating::NotAssessable,
        Rating::NotRated,
    ];

    /// Stable name (translation key suffix, CSS class).
    pub fn as_str(self) -> &'static str {
        match self {
            Rating::Achieved => "achieved",
            Rating::Substantial => "substantial",
            Rating::Moderate => "moderate",
            Rating::Limited => "limited",
            Rating::Deterioration => "deterioration",
            Rating::NotAssessable => "not_assessable",
            Rating::NotRated => "not_rated",
        }
    }

    /// A symbol that tells ratings apart without colour.
    pub fn icon(self) -> &'static str {
        match self {
            Rating::Achieved => "★",
            Rating::Substantial => "▲",
            Rating::Moderate => "◆",
            Rating::Limited => "▶",
            Rating::Deterioration => "▼",
            Rating::NotAssessable => "?",
            Rating::NotRated => "–",
        }
    }
}

/// A rating with the numbers behind it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Assessment {
    pub rating: Rating,
    /// The latest value of the target series used.
    pub latest: Option<(Period, f64)>,
    /// Where the straight line from baseline to target stands at the latest period.
    pub expected: Option<f64>,
    /// Achieved change / needed change by now.
    pub ratio: Option<f64>,
}

impl Assessment {
    fn only(rating: Rating) -> Self {
        Assessment {
            rating,
            latest: None,
            expected: None,
            ratio: None,
        }
    }
}

/// The latest non-null observation of the indicator's target series.
pub fn latest_value(ind: &Indicator) -> Option<(Period, f64)> {
    ind.target_series()?
        .observations
        .iter()
        .filter_map(|o| o.value.map(|v| (o.period, v)))
        .max_by(|a, b| a.0.cmp(&b.0))
}

/// Rates an indicator.
///
/// Only a value from a period that begins after the baseline's period has ended counts as
/// newer (a quarter inside the baseline year does not). Without time elapsed since the baseline,
/// or without a change needed in the desired direction, the rating is "not assessable", never a
/// level computed by dividing by zero; the arithmetic works on halves and mixes baseline and
/// target so that no finite input overflows.
pub fn assess(ind: &Indicator) -> Assessment {
    let sign = match (ind.kind, ind.direction) {
        (IndicatorKind::Context, _) | (_, Direction::None) => {
            return Assessment::only(Rating::NotRated)
        }
        (_, Direction::Up) => 1.0,
        (_, Direction::Down) => -1.0,
    };
    let (Some(base), Some(target)) = (&ind.baseline, &ind.target) else {
        return Assessment::only(Rating::NotAssessable);
    };
    let Some((period, value)) = latest_value(ind).filter(|(p, _)| p.start() > base.period.end())
    else {
        return Assessment::only(Rating::NotAssessable);
    };
    let latest = Some((period, value));
    let not_assessable = Assessment {
        rating: Rating::NotAssessable,
        latest,
        expected: None,
        ratio: None,
    };
    let finite = value.is_finite() && base.value.is_finite() && target.value.is_finite();
    if !finite {
        return not_assessable;
    }
    if (value - target.value) * sign >= 0.0 {
        return Assessment {
            rating: Rating::Achieved,
            latest,
            expected: None,
            ratio: None,
        };
    }
    let (t0, t1, t) = (
        base.period.midpoint(),
        target.period.midpoint(),
        period.midpoint(),
    );
    // Halves: the difference of two finite numbers can overflow, that of their halves cannot.
    let needed = (target.value / 2.0 - base.value / 2.0) * sign;
    let share_of_time = ((t - t0) / (t1 - t0)).clamp(0.0, 1.0);
    if t1 <= t0 || needed <= 0.0 || share_of_time.is_nan() || share_of_time <= 0.0 {
        return not_assessable;
    }
    let achieved = (value / 2.0 - base.value / 2.0) * sign;
    let ratio = achieved / (needed * share_of_time);
    let expected = base.value * (1.0 - share_of_time) + target.value * share_of_time;
    let rating = if ratio.is_nan() {
        return not_assessable;
    } else if ratio >= SUBSTANTIAL {
        Rating::Substantial
    } else if ratio >= MODERATE {
        Rating::Moderate
    } else if achieved >= 0.0 {
        Rating::Limited
    } else {
        Rating::Deterioration
    };
    Assessment {
        rating,
        latest,
        expected: Some(expected),
        // Infinite when the change needed by now is too small for a float: no share to show.
        ratio: ratio.is_finite().then_some(ratio),
    }
}

/// How the rating developed: the rating as it was with the values known after each of the last
/// `last` periods of the target series that have a value and lie after the baseline's period,
/// oldest first (the newest is today's rating).
pub fn history(ind: &Indicator, last: usize) -> Vec<(Period, Rating)> {
    let Some(series) = ind.target_series() else {
        return Vec::new();
    };
    let after = ind.baseline.as_ref().map(|b| b.period.end());
    let mut periods: Vec<Period> = series
        .observations
        .iter()
        .filter(|o| o.value.is_some() && after.is_none_or(|end| o.period.start() > end))
        .map(|o| o.period)
        .collect();
    periods.sort();
    periods.dedup();
    let skip = periods.len().saturating_sub(last);
    let id = series.id.clone();
    periods[skip..]
        .iter()
        .map(|p| {
            let mut then = ind.clone();
            for s in then.series.iter_mut().filter(|s| s.id == id) {
                s.observations.retain(|o| o.period <= *p);
            }
            (*p, assess(&then).rating)
        })
        .collect()
}

/// How many indicators have each rating.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RatingCounts([usize; Rating::ALL.len()]);

impl RatingCounts {
    /// How many have `rating`.
    pub fn get(&self, rating: Rating) -> usize {
        self.0[rating as usize]
    }

    /// All indicators counted.
    pub fn total(&self) -> usize {
        self.0.iter().sum()
    }

    /// The ratings that occur, best first (the order of [`Rating::ALL`]), with their count.
    pub fn present(&self) -> impl Iterator<Item = (Rating, usize)> + '_ {
        Rating::ALL
            .into_iter()
            .map(|r| (r, self.get(r)))
            .filter(|(_, n)| *n > 0)
    }
}

/// Rates each indicator and counts how many have each rating.
pub fn counts<'a>(indicators: impl IntoIterator<Item = &'a Indicator>) -> RatingCounts {
    let mut c = RatingCounts::default();
    for ind in indicators {
        c.0[assess(ind).rating as usize] += 1;
    }
    c
}

/// Whether the indicator's next update lies before the plan's "Stand" date.
pub fn is_overdue(ind: &Indicator, as_of: &Date) -> bool {
    ind.next_update
        .is_some_and(|n| n.period().end() < as_of.period().start())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn ind(direction: &str, values: &[(&str, Option<f64>)]) -> Indicator {
        let obs: Vec<_> = values
            .iter()
            .map(|(p, v)| json!({"period": p, "value": v}))
            .collect();
        serde_json::from_value(json!({
            "id": "i", "title": "t", "kind": "outcome", "direction": direction,
            "baseline": {"period": "2020", "value": 10.0},
            "target": {"period": "2030", "value": 20.0},
            "series": [{"id": "s", "observations": obs}]
        }))
        .unwrap()
    }

    #[test]
    fn levels_follow_the_share_of_needed_change() {
        // Halfway in time (2025) the line stands at 15: the needed change is 5.
        let r = |v| assess(&ind("up", &[("2020", Some(10.0)), ("2025", Some(v))]));
        assert_eq!(r(20.0).rating, Rating::Achieved);
        assert_eq!(r(15.0).rating, Rating::Substantial);
        assert_eq!(r(14.75).rating, Rating::Substantial); // 0.95
        assert_eq!(r(13.5).rating, Rating::Moderate); // 0.7
        assert_eq!(r(11.0).rating, Rating::Limited); // 0.2
        assert_eq!(r(10.0).rating, Rating::Limited); // 0: no change
        assert_eq!(r(9.0).rating, Rating::Deterioration);
        let a = r(13.5);
        assert!((a.expected.unwrap() - 15.0).abs() < 1e-9);
        assert!((a.ratio.unwrap() - 0.7).abs() < 1e-9);
    }

    #[test]
    fn history_rates_with_the_values_known_then() {
        let i = ind(
            "up",
            &[
                ("2020", Some(10.0)),
                ("2021", Some(11.0)),
                ("2022", None),
                ("2023", Some(9.0)),
                ("2025", Some(15.0)),
            ],
        );
        let h = history(&i, 5);
        let periods: Vec<String> = h.iter().map(|(p, _)| p.to_string()).collect();
        // 2020 is the baseline's period, 2022 has no value.
        assert_eq!(periods, ["2021", "2023", "2025"]);
        assert_eq!(h[0].1, Rating::Substantial, "2021: 1 of 1 needed");
        assert_eq!(h[1].1, Rating::Deterioration, "2023: below the baseline");
        assert_eq!(h[2].1, assess(&i).rating, "the newest is today's rating");
        assert_eq!(history(&i, 2).len(), 2);
        assert_eq!(history(&i, 2)[0].0.to_string(), "2023");
        let mut none = i.clone();
        none.series.clear();
        assert!(history(&none, 5).is_empty());
    }

    #[test]
    fn downward_targets_mirror() {
        let mut i = ind("down", &[("2025", Some(9.0))]);
        i.baseline.as_mut().unwrap().value = 12.0;
        i.target.as_mut().unwrap().value = 8.0;
        // Expected at 2025: 10; achieved 3 of 2 needed.
        assert_eq!(assess(&i).rating, Rating::Substantial);
        i.series[0].observations[0].value = Some(13.0);
        assert_eq!(assess(&i).rating, Rating::Deterioration);
        i.series[0].observations[0].value = Some(7.5);
        assert_eq!(assess(&i).rating, Rating::Achieved);
    }

    #[test]
    fn not_assessable_without_newer_values_and_not_rated_for_context() {
        assert_eq!(
            assess(&ind("up", &[("2020", Some(10.0))])).rating,
            Rating::NotAssessable
        );
        assert_eq!(
            assess(&ind("up", &[("2024", None)])).rating,
            Rating::NotAssessable
        );
        let mut no_target = ind("up", &[("2025", Some(12.0))]);
        no_target.target = None;
        assert_eq!(assess(&no_target).rating, Rating::NotAssessable);
        assert_eq!(
            assess(&ind("none", &[("2025", Some(12.0))])).rating,
            Rating::NotRated
        );
        let mut context = ind("up", &[("2025", Some(12.0))]);
        context.kind = IndicatorKind::Context;
        assert_eq!(assess(&context).rating, Rating::NotRated);
    }

    #[test]
    fn uses_the_latest_non_null_value_of_the_target_series() {
        let i = ind(
            "up",
            &[("2024", Some(14.0)), ("2025", None), ("2022", Some(19.0))],
        );
        assert_eq!(
            latest_value(&i).map(|(p, v)| (p.to_string(), v)),
            Some(("2024".into(), 14.0))
        );
    }

    #[test]
    fn overdue_when_next_update_lies_before_stand() {
        let mut i = ind("up", &[]);
        let stand = Date::parse("2026-10-31").unwrap();
        i.next_update = Date::parse("2026-06");
        assert!(is_overdue(&i, &stand));
        i.next_update = Date::parse("2026-10");
        assert!(!is_overdue(&i, &stand));
        i.next_update = None;
        assert!(!is_overdue(&i, &stand));
    }

    #[test]
    fn counts_per_rating_in_the_order_of_all() {
        // Each rating's index in the count is its place in `Rating::ALL`.
        for (n, r) in Rating::ALL.into_iter().enumerate() {
            assert_eq!(r as usize, n, "{r:?}");
        }
        let achieved = ind("up", &[("2025", Some(20.0))]);
        let limited = ind("up", &[("2025", Some(11.0))]);
        let context = {
            let mut c = ind("up", &[("2025", Some(12.0))]);
            c.kind = IndicatorKind::Context;
            c
        };
        let all = [achieved.clone(), limited, achieved, context];
        let c = counts(&all);
        assert_eq!(c.get(Rating::Achieved), 2);
        assert_eq!(c.get(Rating::Limited), 1);
        assert_eq!(c.get(Rating::NotRated), 1);
        assert_eq!(c.get(Rating::Substantial), 0);
        assert_eq!(c.total(), 4);
        assert_eq!(
            c.present().collect::<Vec<_>>(),
            [
                (Rating::Achieved, 2),
                (Rating::Limited, 1),
                (Rating::NotRated, 1)
            ]
        );
        assert_eq!(counts([]).total(), 0);
        assert_eq!(counts([]).present().count(), 0);
    }
}
