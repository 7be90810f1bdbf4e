//! "Was hat sich geändert?" against the bundled example: the changes computed between the
//! council report of 2026-05-12 (public/data/reports/2026-05-12/) and the current data are
//! exactly the ones the two data sets imply. A change to either the data or the logic fails here.

use std::path::Path;

use wegmarke_core::changes::{
    compare, report_for, snapshot_prefix, ChangeCounts, IndicatorChange, MeasureChange,
    MeasureChangeKind, NewValue, RatingChange, Revision,
};
use wegmarke_core::rating::Rating;
use wegmarke_core::{validate, Dataset, Flag, Inputs, Period, Severity, Status};

fn data_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data"))
}

/// Validates the three files in `prefix` (relative to the data folder), as the app does; a
/// missing file becomes an unreachable input.
fn load(prefix: &str) -> Dataset {
    let dir = data_dir().join(prefix);
    let read = |f: &str| std::fs::read(dir.join(f));
    let files = [
        read("plan.json"),
        read("measures.json"),
        read("indicators.json"),
    ];
    validate(&Inputs::from_results(&files), prefix)
}

/// The current data and the snapshot of the latest report, found the way the changes page does.
fn example() -> (Dataset, Dataset) {
    let now = load("");
    let report = report_for(&now, None).expect("the example plan lists a report");
    assert_eq!(report.date.to_string(), "2026-05-12");
    let prefix = snapshot_prefix(report).expect("the report has a snapshot");
    assert_eq!(prefix, "reports/2026-05-12/");
    let before = load(&prefix);
    assert!(now.problems.is_empty() && before.problems.is_empty());
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
fn measure_changes_since_the_2026_05_12_report() {
    use MeasureChangeKind::{Added, Finished};
    use Status::*;
    let (before, now) = example();
    assert_eq!((before.measures().len(), now.measures().len()), (38, 40));
    let c = compare(&before, &now);
    assert!(c.measures_compared);

    let progress =
        |from: Option<f64>, to: f64| MeasureChangeKind::ProgressChanged { from, to: Some(to) };
    let m = |id: &str, kinds: Vec<MeasureChangeKind>| MeasureChange {
        id: id.into(),
        kinds,
    };
    let s = |from, to| MeasureChangeKind::StatusChanged { from, to };
    let expected = vec![
        m("M-1.1", vec![progress(Some(40.0), 55.0)]),
        m("M-1.3", vec![progress(Some(60.0), 70.0)]),
        m(
            "M-1.4",
            vec![s(OnTrack, Delayed), progress(Some(25.0), 30.0)],
        ),
        m(
            "M-1.5",
            vec![s(OnTrack, Completed), progress(Some(80.0), 100.0), Finished],
        ),
        m("M-2.2", vec![progress(Some(50.0), 60.0)]),
        m(
            "M-2.3",
            vec![s(Preparing, OnTrack), progress(Some(10.0), 25.0)],
        ),
        m("M-2.4", vec![progress(Some(30.0), 35.0)]),
        m("M-2.6", vec![progress(Some(5.0), 15.0)]),
        m("M-3.1", vec![progress(Some(55.0), 65.0)]),
        m(
            "M-3.4",
            vec![s(OnTrack, Delayed), progress(Some(35.0), 40.0)],
        ),
        // Progress stays at 20: only the status is listed.
        m("M-3.6", vec![s(Delayed, Paused)]),
        m("M-4.1", vec![progress(Some(40.0), 50.0)]),
        m("M-4.3", vec![progress(Some(65.0), 70.0)]),
        m("M-4.5", vec![Added]),
        m("M-5.1", vec![progress(Some(50.0), 60.0)]),
        // Planned without a figure: "– → 20", not "0 → 20".
        m("M-5.3", vec![s(Planned, Preparing), progress(None, 20.0)]),
        m("M-5.4", vec![progress(Some(30.0), 40.0)]),
        // Dropped keeps its figure of 15: only the status is listed.
        m("M-5.5", vec![s(Paused, Dropped)]),
        m("M-6.1", vec![progress(Some(45.0), 55.0)]),
        m("M-6.3", vec![progress(Some(20.0), 25.0)]),
        m("M-6.5", vec![Added]),
        m("M-7.1", vec![progress(Some(45.0), 50.0)]),
        m("M-7.3", vec![progress(Some(60.0), 75.0)]),
    ];
    assert_eq!(c.measures, expected);
}

#[test]
fn indicator_changes_since_the_2026_05_12_report() {
    let (before, now) = example();
    let c = compare(&before, &now);
    assert!(c.indicators_compared);
    let prov = Some(Flag::Provisional);

    let mut alq = changed(
        "I-alq-ausl",
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
    let mut einbuergerung = changed(
        "I-einbuergerung",
        vec![
            new_value("goeppingen", "2025", 2.1, prov),
            new_value("bw", "2025", 2.3, prov),
        ],
    );
    einbuergerung.rating = Some(RatingChange {
        from: Rating::Substantial,
        to: Rating::Achieved,
    });
    let mut anschluss = changed(
        "I-anschluss",
        vec![new_value("gesamt", "2025", 395.0, None)],
    );
    anschluss.rating = Some(RatingChange {
        from: Rating::Deterioration,
        to: Rating::Limited,
    });
    let expected = vec![
        alq,
        changed(
            "I-beschaeftigung",
            vec![
                new_value("deutsch", "2025", 65.1, prov),
                new_value("auslaendisch", "2025", 51.2, prov),
            ],
        ),
        einbuergerung,
        changed(
            "I-anteil-ausl",
            vec![new_value("gesamt", "2025", 23.4, None)],
        ),
        changed(
            "I-azubi-ausl",
            vec![new_value("gesamt", "2025", 12.4, None)],
        ),
        anschluss,
    ];
    assert_eq!(c.indicators, expected);
    assert!(c.indicators[0].revised[0].value_changed());
    assert!(!c.indicators[0].revised[1].value_changed());
}

#[test]
fn summary_counts_of_the_example() {
    let (before, now) = example();
    let c = compare(&before, &now);
    assert!(!c.is_empty());
    assert_eq!(
        c.counts(),
        ChangeCounts {
            measures_added: 2,
            measures_removed: 0,
            status_changed: 7,
            progress_changed: 19,
            finished: 1,
            indicators_added: 0,
            indicators_removed: 0,
            new_values: 9,
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
    assert_eq!(removed, ["M-4.5", "M-6.5"]);
    assert!(back.measures.iter().rev().take(2).all(|m| m.is_removed()));
}

#[test]
fn the_permalink_date_selects_the_report() {
    let now = load("");
    let r = report_for(&now, Some("2026-05-12")).expect("listed");
    assert_eq!(r.reference.as_deref(), Some("Drucksache 2026/087"));
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
