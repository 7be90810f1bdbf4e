//! Gaps between groups: is the distance between a group's series and a reference series (people
//! without a migration history, say) closing? The gap is a series of its own, for every period
//! both series have, and is drawn, summarised and rated as an indicator of its own, with the same
//! chart builder and the same rating method as every level.

use std::collections::BTreeMap;

use crate::i18n::Catalog;
use crate::model::{
    Baseline, Direction, Flag, Gap, GapMeasure, Indicator, IndicatorKind, Observation, Series,
    Target,
};
use crate::period::Period;
use crate::sort::sort_by_key;
use crate::text::Text;

/// The gap in one period, with the two values it is computed from.
#[derive(Clone, Debug, PartialEq)]
pub struct GapPoint {
    pub period: Period,
    pub series: Option<f64>,
    pub reference: Option<f64>,
    /// The gap; `None` where either value is missing or suppressed (or the ratio's reference
    /// is zero).
    pub value: Option<f64>,
    /// The weightier of the two values' flags: suppressed, then break, provisional, estimated.
    pub flag: Option<Flag>,
}

/// The indicator's declared gap with its two series, if both exist.
pub fn compared(ind: &Indicator) -> Option<(&Gap, &Series, &Series)> {
    let gap = ind.gap.as_ref()?;
    let series = match gap.series.as_deref() {
        Some(id) => ind.series.iter().find(|s| s.id == id)?,
        None => ind.target_series()?,
    };
    let reference = ind.series.iter().find(|s| s.id == gap.reference)?;
    (series.id != reference.id).then_some((gap, series, reference))
}

fn weight(flag: Option<Flag>) -> u8 {
    match flag {
        Some(Flag::Suppressed) => 4,
        Some(Flag::Break) => 3,
        Some(Flag::Provisional) => 2,
        Some(Flag::Estimated) => 1,
        None => 0,
    }
}

/// The gap for every period that both series have an observation for (a quarter and a year
/// are different periods: series of different period lengths have no gap), in order.
pub fn points(ind: &Indicator) -> Vec<GapPoint> {
    let Some((gap, series, reference)) = compared(ind) else {
        return Vec::new();
    };
    let refs: BTreeMap<Period, &Observation> = reference
        .observations
        .iter()
        .map(|o| (o.period, o))
        .collect();
    let mut out: Vec<GapPoint> = series
        .observations
        .iter()
        .filter_map(|o| {
            let r = refs.get(&o.period)?;
            let flag = [o.flag, r.flag].into_iter().max_by_key(|f| weight(*f))?;
            let value = match (o.value, r.value, gap.measure) {
                _ if flag == Some(Flag::Suppressed) => None,
                (Some(a), Some(b), GapMeasure::Difference) => Some(a - b),
                (Some(a), Some(b), GapMeasure::Ratio) if b != 0.0 => Some(a / b),
                _ => None,
            }
            .filter(|v| v.is_finite());
            Some(GapPoint {
                period: o.period,
                series: o.value,
                reference: r.value,
                value,
                flag,
            })
        })
        .collect();
    sort_by_key(&mut out, |p| p.period);
    out
}

/// The value at which a gap is closed: no difference, or a ratio of one.
pub fn closed(measure: GapMeasure) -> f64 {
    match measure {
        GapMeasure::Difference => 0.0,
        GapMeasure::Ratio => 1.0,
    }
}

/// The gap as an indicator of its own, to draw, summarise and rate like any other: one series
/// (the gap), its baseline the gap at the indicator's baseline period (else at the first period
/// with a gap), its target the gap's target, and the desired direction toward that target (or
/// toward a closed gap). A difference of percentages is in percentage points. `None` without a
/// declared gap whose series both exist.
pub fn as_indicator(ind: &Indicator, cat: &Catalog) -> Option<Indicator> {
    let (gap, ..) = compared(ind)?;
    let pts = points(ind);
    let valued = |p: &&GapPoint| p.value.is_some();
    let base = ind
        .baseline
        .as_ref()
        .and_then(|b| pts.iter().filter(valued).find(|p| p.period == b.period))
        .or_else(|| pts.iter().find(valued))
        .and_then(|p| {
            Some(Baseline {
                period: p.period,
                value: p.value?,
                extra: Default::default(),
            })
        });
    let toward = gap.target.as_ref().map_or(closed(gap.measure), |t| t.value);
    let direction = match &base {
        Some(b) if toward > b.value => Direction::Up,
        _ => Direction::Down,
    };
    let (unit, decimals) = match gap.measure {
        GapMeasure::Difference if ind.unit.as_deref().map(str::trim) == Some("%") => {
            (Some(cat.t("gap.points").to_owned()), ind.decimals)
        }
        GapMeasure::Difference => (ind.unit.clone(), ind.decimals),
        GapMeasure::Ratio => (None, Some(2)),
    };
    let label = Text::Map(BTreeMap::from([(
        cat.lang.tag.to_owned(),
        cat.t("gap.series").to_owned(),
    )]));
    Some(Indicator {
        id: ind.id.clone(),
        goals: ind.goals.clone(),
        title: ind.title.clone(),
        short_title: None,
        definition: None,
        unit,
        decimals,
        kind: match ind.kind {
            IndicatorKind::Context => IndicatorKind::Context,
            _ => IndicatorKind::Outcome,
        },
        direction,
        baseline: base,
        target: gap.target.as_ref().map(|t| Target {
            period: t.period,
            value: t.value,
            series: None,
            extra: Default::default(),
        }),
        source: None,
        frequency: None,
        next_update: None,
        expected_from: None,
        no_data_reason: None,
        series: vec![Series {
            id: "gap".into(),
            label: Some(label),
            observations: pts
                .iter()
                .map(|p| Observation {
                    period: p.period,
                    value: p.value,
                    flag: p.flag,
                    note: None,
                    extra: Default::default(),
                })
                .collect(),
            extra: Default::default(),
        }],
        gap: None,
        notes: None,
        by_district: None,
        extra: Default::default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rating::{assess, Rating};
    use serde_json::json;

    fn ind(gap: serde_json::Value) -> Indicator {
        serde_json::from_value(json!({
            "id": "I-alq", "title": "ALQ", "unit": "%", "decimals": 1, "direction": "down",
            "kind": "outcome",
            "baseline": {"period": "2016", "value": 13.1},
            "target": {"period": "2030", "value": 8.0, "series": "a"},
            "gap": gap,
            "series": [
                {"id": "a", "observations": [
                    {"period": "2016", "value": 13.1}, {"period": "2019", "value": 11.8},
                    {"period": "2021", "value": null, "flag": "suppressed"},
                    {"period": "2022", "value": 10.9, "flag": "break"},
                    {"period": "2025", "value": 10.1, "flag": "provisional"},
                    {"period": "2026-Q1", "value": 10.0}]},
                {"id": "b", "observations": [
                    {"period": "2016", "value": 4.6}, {"period": "2019", "value": 3.9},
                    {"period": "2021", "value": 3.8}, {"period": "2022", "value": 3.8},
                    {"period": "2025", "value": 3.9}, {"period": "2026", "value": 3.9}]}
            ]
        }))
        .unwrap()
    }

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-9)
    }

    #[test]
    fn differences_for_common_periods_with_flags_and_gaps() {
        let i = ind(json!({"reference": "b"}));
        let pts = points(&i);
        let periods: Vec<String> = pts.iter().map(|p| p.period.to_string()).collect();
        // 2026-Q1 and 2026 are different periods: no gap for either.
        assert_eq!(periods, ["2016", "2019", "2021", "2022", "2025"]);
        assert!(close(pts[0].value, 8.5));
        assert!(close(pts[4].value, 6.2));
        assert_eq!(pts[2].value, None, "a suppressed value leaves a gap");
        assert_eq!(pts[2].flag, Some(Flag::Suppressed));
        assert_eq!(pts[3].flag, Some(Flag::Break));
        assert_eq!(pts[4].flag, Some(Flag::Provisional));
        assert_eq!((pts[0].series, pts[0].reference), (Some(13.1), Some(4.6)));
    }

    #[test]
    fn ratios_and_a_zero_reference() {
        let mut i = ind(json!({"reference": "b", "measure": "ratio"}));
        i.series[1].observations[1].value = Some(0.0);
        let pts = points(&i);
        assert!(close(pts[0].value, 13.1 / 4.6));
        assert_eq!(pts[1].value, None, "no ratio to zero");
    }

    #[test]
    fn no_gap_without_both_series() {
        assert!(points(&ind(json!({"reference": "x"}))).is_empty());
        assert!(
            points(&ind(json!({"reference": "a"}))).is_empty(),
            "a series with itself"
        );
        assert!(points(&ind(json!(null))).is_empty());
        assert!(as_indicator(&ind(json!({"reference": "x"})), &Catalog::new("de")).is_none());
    }

    #[test]
    fn the_gap_as_an_indicator_is_rated_like_a_level() {
        let cat = Catalog::new("de");
        // Closing from 8.5 (2016) toward 4.0 (2030): by 2025, 9/14 of the way, the line stands
        // at 8.5 - 4.5 * 9/14 = 5.61; 6.2 is 2.3 of 2.89 needed = 0.80: moderate.
        let i = ind(json!({"reference": "b", "target": {"period": "2030", "value": 4.0}}));
        let g = as_indicator(&i, &cat).unwrap();
        assert_eq!(g.unit.as_deref(), Some("Prozentpunkte"));
        assert_eq!(g.direction, Direction::Down);
        assert!(close(g.baseline.as_ref().map(|b| b.value), 8.5));
        let a = assess(&g);
        assert_eq!(a.rating, Rating::Moderate);
        assert!(a.ratio.is_some_and(|r| (r - 0.7959).abs() < 1e-3), "{a:?}");
        assert_eq!(
            crate::charts::summary(&g, &cat),
            "2016: 8,5\u{a0}Prozentpunkte → 2025: 6,2\u{a0}Prozentpunkte; Ziel 2030: 4,0\u{a0}Prozentpunkte"
        );
        // A widening gap deteriorates.
        let mut w = i.clone();
        w.series[0].observations[4].value = Some(13.0);
        assert_eq!(
            assess(&as_indicator(&w, &cat).unwrap()).rating,
            Rating::Deterioration
        );
        // Without a target the gap is shown but not assessable; context indicators not rated.
        let n = as_indicator(&ind(json!({"reference": "b"})), &cat).unwrap();
        assert_eq!(assess(&n).rating, Rating::NotAssessable);
        let mut c = i.clone();
        c.kind = IndicatorKind::Context;
        assert_eq!(
            assess(&as_indicator(&c, &cat).unwrap()).rating,
            Rating::NotRated
        );
    }

    #[test]
    fn baseline_falls_back_to_the_first_gap_and_other_units_stay() {
        let cat = Catalog::new("en");
        let mut i = ind(json!({"reference": "b", "measure": "difference"}));
        i.baseline = None;
        i.unit = Some("Personen".into());
        let g = as_indicator(&i, &cat).unwrap();
        assert_eq!(
            g.baseline.map(|b| b.period.to_string()),
            Some("2016".into())
        );
        assert_eq!(g.unit.as_deref(), Some("Personen"));
        let r = as_indicator(&ind(json!({"reference": "b", "measure": "ratio"})), &cat).unwrap();
        assert_eq!((r.unit, r.decimals), (None, Some(2)));
    }
}
