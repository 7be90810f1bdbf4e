//! "Was hat sich geändert?" on a small plan with a council report (tests/fixtures/council/): the
//! changes computed between the report's snapshot (reports/2026-05-12/) and the current data are
//! exactly the ones the two data sets imply, one measure or indicator for each rule.

use std::path::Path;

use wegmarke_core::changes::{
    compare, report_for, snapshot_prefix, ChangeCounts, IndicatorChange, MeasureChange,
    MeasureChangeKind, NewValue, RatingChange, Revision,
};
use wegmarke_core::rating::Rating;
use wegmarke_core::{validate, Dataset, Flag, Inputs, Period, Severity, Status, DATA_FILES};

fn data_dir() -> &'static Path {
    Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/council"
    ))
}

/// Validates the three files in `prefix` (relative to the data folder), as the app does; a
/// missing file becomes an unreachable input.
fn load(prefix: &str) -> Dataset {
    let dir = data_dir().join(prefix);
    let files = DATA_FILES.map(|f| std::fs::read(dir.join(f)));
    validate(&Inputs::from_results(&files), prefix)
}

/// The current data and the snapshot of the latest report, found the way the changes page does.
fn council() -> (Dataset, Dataset) {
    let now = load("");
    let report = report_for(&now, None).expect("the plan lists a report");
    assert_eq!(report.date.to_string(), "2026-05-12");
    let prefix = snapshot_prefix(report).expect("the report has a snapshot");
    assert_eq!(prefix, "reports/2026-05-12/");
    let before = load(&prefix);
    assert!(now.problems.is_empty(), "{:#?}", now.problems);
    assert!(before.problems.is_empty(), "{:#?}", before.problems);
    (before, now)
}

fn period(s: &str) -> Period {
    Period::parse(s).unwrap()
}

fn new_value(series: &str, p: &str, value: f64, flag: Option<Flag>) -> NewValue {
    NewValue {
        series: series.into(),
        period: period(p),
        value,
        flag,
    }
}

fn changed(id: &str, new_values: Vec<NewValue>) -> IndicatorChange {
    IndicatorChange {
        id: id.into(),
        added: false,
        removed: false,
        new_values,
        revised: Vec::new(),
        rating: None,
    }
}

#[test]
fn measure_changes_since_the_report() {
    use MeasureChangeKind::{Added, Finished};
    use Status::*;
    let (before, now) = council();
    assert_eq!((before.measures().len(), now.measures().len()), (7, 9));
    let c = compare(&before, &now);
    assert!(c.measures_compared);

    let progress =
        |from: Option<f64>, to: f64| MeasureChangeKind::ProgressChanged { from, to: Some(to) };
    let m = |id: &str, kinds: Vec<MeasureChangeKind>| MeasureChange {
        id: id.into(),
        kinds,
    };
    let s = |from, to| MeasureChangeKind::StatusChanged { from, to };
    // In the order of the current file; M-7 did not change.
    let expected = vec![
        m("M-1", vec![progress(Some(40.0), 55.0)]),
        m("M-2", vec![s(OnTrack, Delayed), progress(Some(25.0), 30.0)]),
        // Completed counts 100 although the figure still says 80.
        m(
            "M-3",
            vec![s(OnTrack, Completed), progress(Some(80.0), 100.0), Finished],
        ),
        // Planned without a figure: "– → 20", not "0 → 20".
        m("M-4", vec![s(Planned, Preparing), progress(None, 20.0)]),
        m("M-8", vec![Added]),
        // Dropped keeps its figure of 15: only the status is listed.
        m("M-5", vec![s(Paused, Dropped)]),
        // Progress stays at 20: only the status is listed.
        m("M-6", vec![s(Delayed, Paused)]),
        m("M-9", vec![Added]),
    ];
    assert_eq!(c.measures, expected);
}

#[test]
fn indicator_changes_since_the_report() {
    let (before, now) = council();
    let c = compare(&before, &now);
    assert!(c.indicators_compared);
    let prov = Some(Flag::Provisional);

    let mut alq = changed(
        "I-alq",
        vec![
            new_value("auslaendisch", "2025", 10.1, prov),
            new_value("deutsch", "2025", 3.9, prov),
        ],
    );
    alq.revised = vec![
        // Revised from the provisional 10.5 to a final 10.4.
        Revision {
            series: "auslaendisch".into(),
            period: period("2024"),
            from: Some(10.5),
            to: Some(10.4),
            from_flag: prov,
            to_flag: None,
        },
        // Same value, confirmed as final.
        Revision {
            series: "deutsch".into(),
            period: period("2024"),
            from: Some(3.8),
            to: Some(3.8),
            from_flag: prov,
            to_flag: None,
        },
    ];
    // 1.5 of 1.45 expected by 2024, then 2.1 against a target of 2.0.
    let mut einb = changed(
        "I-einb",
        vec![
            new_value("goeppingen", "2025", 2.1, prov),
            new_value("bw", "2025", 2.3, prov),
        ],
    );
    einb.rating = Some(RatingChange {
        from: Rating::Substantial,
        to: Rating::Achieved,
    });
    // Below the baseline of 390 in 2024, a little above it in 2025.
    let mut anschluss = changed(
        "I-anschluss",
        vec![new_value("gesamt", "2025", 395.0, None)],
    );
    anschluss.rating = Some(RatingChange {
        from: Rating::Deterioration,
        to: Rating::Limited,
    });
    // I-alq keeps its rating (moderate); I-still did not change.
    let expected = vec![
        alq,
        einb,
        anschluss,
        changed("I-anteil", vec![new_value("gesamt", "2025", 23.4, None)]),
    ];
    assert_eq!(c.indicators, expected);
    assert!(c.indicators[0].revised[0].value_changed());
    assert!(!c.indicators[0].revised[1].value_changed());
}

#[test]
fn summary_counts() {
    let (before, now) = council();
    let c = compare(&before, &now);
    assert!(!c.is_empty());
    assert_eq!(
        c.counts(),
        ChangeCounts {
            measures_added: 2,
            measures_removed: 0,
            status_changed: 5,
            progress_changed: 4,
            finished: 1,
            indicators_added: 0,
            indicators_removed: 0,
            new_values: 6,
            revised_values: 2,
            ratings_changed: 2,
        }
    );
    // Against itself nothing changed.
    assert!(compare(&now, &now).is_empty());
    // The other way round, the two measures added since are the ones removed, listed last.
    let back = compare(&now, &before);
    let removed: Vec<&str> = back
        .measures
        .iter()
        .filter(|m| m.is_removed())
        .map(|m| m.id.as_str())
        .collect();
    assert_eq!(removed, ["M-8", "M-9"]);
    assert!(back.measures.iter().rev().take(2).all(|m| m.is_removed()));
}

#[test]
fn the_permalink_date_selects_the_report() {
    let now = load("");
    let r = report_for(&now, Some("2026-05-12")).expect("listed");
    assert_eq!(r.reference.as_deref(), Some("Drucksache 2026/087"));
    // A listed report without a snapshot can be chosen too; the page then says so.
    let older = report_for(&now, Some("2025-11-20")).expect("listed");
    assert_eq!(snapshot_prefix(older), None);
    assert_eq!(report_for(&now, Some("2025-01-01")), None);
    assert_eq!(report_for(&now, Some("not a date")), None);
}

#[test]
fn a_missing_snapshot_is_reported_and_not_compared() {
    let now = load("");
    // A report whose snapshot folder does not exist: every file is fatal, with its location.
    let missing = load("reports/1999-01-01/");
    assert!(missing.measures.is_none() && missing.indicators.is_none());
    assert!(missing
        .problems
        .iter()
        .any(|p| p.severity == Severity::Fatal && p.file == "reports/1999-01-01/measures.json"));
    let c = compare(&missing, &now);
    assert!(!c.measures_compared && !c.indicators_compared);
    assert!(
        c.is_empty(),
        "nothing is listed as added against a missing snapshot"
    );
}
