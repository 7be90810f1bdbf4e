//! Property tests of the indicator rating: every input gives a defined rating with finite
//! numbers, a value that moved the desired way is never rated "deterioration", and an
//! observation without time elapsed since the baseline or a target without a needed change is
//! "not assessable" rather than a level made from a division by zero.

use proptest::prelude::*;
use serde_json::json;
use wegmarke_core::rating::{assess, Rating};
use wegmarke_core::Indicator;

fn arb_period() -> impl Strategy<Value = String> {
    (2018i32..2032, 0u8..4, 1u8..13).prop_map(|(y, kind, n)| match kind {
        0 => format!("{y}"),
        1 => format!("{y}-H{}", 1 + n % 2),
        2 => format!("{y}-Q{}", 1 + n % 4),
        _ => format!("{y}-{n:02}"),
    })
}

fn arb_value() -> impl Strategy<Value = f64> {
    prop_oneof![
        -100.0..100.0f64,
        (-5i32..5).prop_map(f64::from),
        any::<f64>().prop_filter("finite", |v| v.is_finite()),
        Just(f64::MAX),
        Just(-f64::MAX),
        Just(f64::MIN_POSITIVE),
    ]
}

#[derive(Clone, Debug)]
struct Case {
    up: bool,
    base: (String, f64),
    target: (String, f64),
    obs: (String, f64),
}

fn arb_case() -> impl Strategy<Value = Case> {
    (
        any::<bool>(),
        (arb_period(), arb_value()),
        (arb_period(), arb_value()),
        (arb_period(), arb_value()),
        0u8..4,
    )
        .prop_map(|(up, base, mut target, mut obs, twist)| {
            // Bias toward the edge cases: no change needed, no change made, no time elapsed.
            match twist {
                0 => target.1 = base.1,
                1 => obs.1 = base.1,
                2 => obs.0 = base.0.clone(),
                _ => {}
            }
            Case {
                up,
                base,
                target,
                obs,
            }
        })
}

fn indicator(c: &Case) -> Indicator {
    serde_json::from_value(json!({
        "id": "i", "title": "t", "kind": "outcome",
        "direction": if c.up { "up" } else { "down" },
        "baseline": {"period": c.base.0, "value": c.base.1},
        "target": {"period": c.target.0, "value": c.target.1},
        "series": [{"id": "s", "observations": [{"period": c.obs.0, "value": c.obs.1}]}]
    }))
    .unwrap()
}

/// Whether the value moved the desired way since the baseline (or stayed).
fn moved_the_desired_way(c: &Case) -> bool {
    if c.up {
        c.obs.1 >= c.base.1
    } else {
        c.obs.1 <= c.base.1
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn every_rating_is_defined_with_finite_numbers(c in arb_case()) {
        let a = assess(&indicator(&c));
        prop_assert!(Rating::ALL.contains(&a.rating));
        if let Some(r) = a.ratio {
            prop_assert!(r.is_finite(), "{c:?}: ratio {r}");
        }
        if let Some(e) = a.expected {
            prop_assert!(e.is_finite(), "{c:?}: expected {e}");
        }
    }

    #[test]
    fn never_worse_than_limited_when_the_value_moved_the_desired_way(c in arb_case()) {
        let a = assess(&indicator(&c));
        if moved_the_desired_way(&c) {
            prop_assert_ne!(a.rating, Rating::Deterioration, "{:?}", c);
        }
        if a.rating == Rating::Deterioration {
            prop_assert!(!moved_the_desired_way(&c), "{:?}", c);
        }
    }

    #[test]
    fn no_change_needed_is_achieved_or_not_assessable(c in arb_case()) {
        let c = Case { target: (c.target.0.clone(), c.base.1), ..c };
        let a = assess(&indicator(&c));
        prop_assert!(matches!(a.rating, Rating::Achieved | Rating::NotAssessable), "{:?}: {:?}", c, a);
    }

    #[test]
    fn a_value_from_the_baselines_own_period_is_not_newer(c in arb_case()) {
        let c = Case { obs: (c.base.0.clone(), c.obs.1), ..c };
        prop_assert_eq!(assess(&indicator(&c)).rating, Rating::NotAssessable, "{:?}", c);
    }
}

fn case(base: (&str, f64), target: (&str, f64), obs: (&str, f64)) -> Case {
    Case {
        up: true,
        base: (base.0.into(), base.1),
        target: (target.0.into(), target.1),
        obs: (obs.0.into(), obs.1),
    }
}

#[test]
fn a_quarter_inside_the_baseline_year_is_not_a_change() {
    // The quarter's midpoint lies before the year's: no time elapsed, no rating.
    let c = case(("2023", 10.0), ("2030", 20.0), ("2023-Q2", 10.0));
    assert_eq!(assess(&indicator(&c)).rating, Rating::NotAssessable);
    let c = case(("2023", 10.0), ("2030", 20.0), ("2023-12", 12.0));
    assert_eq!(assess(&indicator(&c)).rating, Rating::NotAssessable);
    let c = case(("2023", 10.0), ("2030", 20.0), ("2024-01", 10.0));
    assert_eq!(assess(&indicator(&c)).rating, Rating::Limited);
}

#[test]
fn huge_values_do_not_overflow_into_a_wrong_level() {
    let c = case(("2020", -f64::MAX), ("2030", f64::MAX), ("2025", 0.0));
    let a = assess(&indicator(&c));
    assert_eq!(a.rating, Rating::Substantial, "{a:?}");
    assert!(a.ratio.is_some_and(|r| (r - 1.0).abs() < 1e-9), "{a:?}");
}
