//! Districts: the plan's list, measures that name them and an indicator's values by district.
//! A district that is not declared, a district listed twice and a series that does not exist
//! are located problems that cost only their own value; without declared districts a measure's
//! districts stay free words.

mod common;

use common::{check, pretty};
use serde_json::{json, Value};
use wegmarke_core::problem::RefKind;
use wegmarke_core::{Dataset, ProblemKind};

fn plan(districts: Value) -> Value {
    json!({
        "format": "wegmarke/1",
        "plan": {"title": "Integrationsplan"},
        "fields": [{"id": "sprache", "title": "Sprache"}],
        "goals": [{"id": "sprache-1", "field": "sprache", "title": "Deutsch lernen"}],
        "districts": districts
    })
}

fn measures(districts: Value) -> Value {
    json!({
        "format": "wegmarke/1",
        "measures": [{"id": "M-1", "goals": ["sprache-1"], "title": "Sprachkurse",
                      "status": "on_track", "districts": districts}]
    })
}

fn indicators(by_district: Value) -> Value {
    json!({"format": "wegmarke/1", "indicators": [
        {"id": "I-1", "title": "Anteil", "unit": "%",
         "series": [{"id": "gesamt", "observations": [{"period": "2025", "value": 12.0}]}],
         "by_district": by_district}
    ]})
}

fn declared() -> Value {
    json!([
        {"id": "altstadt", "name": {"de": "Altstadt", "en": "Old town"}},
        {"id": "nordstadt", "name": "Nordstadt"},
        {"id": "maitis", "name": "Maitis"}
    ])
}

fn run(districts: Value, measure_districts: Value, by_district: Value) -> Dataset {
    check(
        &pretty(&plan(districts)),
        &pretty(&measures(measure_districts)),
        &pretty(&indicators(by_district)),
    )
}

fn located(ds: &Dataset) -> Vec<(String, ProblemKind)> {
    ds.problems
        .iter()
        .map(|p| (format!("{}: {}", p.file, p.path), p.kind.clone()))
        .collect()
}

fn unknown(id: &str) -> ProblemKind {
    ProblemKind::UnknownReference {
        target: RefKind::District,
        id: id.into(),
    }
}

#[test]
fn declared_districts_and_their_values_are_kept_as_written() {
    let ds = run(
        declared(),
        json!(["altstadt", "maitis"]),
        json!({"period": "2025", "series": "gesamt", "values": [
            {"district": "altstadt", "value": 20.5},
            {"district": "nordstadt", "value": null, "flag": "suppressed"},
            {"district": "maitis", "value": 3.0, "flag": "provisional"}
        ]}),
    );
    assert!(ds.problems.is_empty(), "{:#?}", ds.problems);
    assert_eq!(ds.districts().len(), 3);
    assert_eq!(
        ds.district("altstadt").map(|d| d.name.resolve("en", "de")),
        Some("Old town")
    );
    assert_eq!(ds.measures()[0].districts, ["altstadt", "maitis"]);
    let b = ds.indicators()[0].by_district.as_ref();
    assert_eq!(b.map(|b| b.period.to_string()).as_deref(), Some("2025"));
    assert_eq!(b.map(|b| b.values.len()), Some(3));
}

#[test]
fn a_district_that_is_not_declared_is_reported_and_left_out() {
    let ds = run(
        declared(),
        json!(["altstadt", "Südstadt"]),
        json!({"period": "2025", "values": [
            {"district": "reusch", "value": 1.0},
            {"district": "maitis", "value": 2.0}
        ]}),
    );
    assert_eq!(
        located(&ds),
        [
            (
                "measures.json: measures[0].districts[1]".to_owned(),
                unknown("Südstadt")
            ),
            (
                "indicators.json: indicators[0].by_district.values[0].district".to_owned(),
                unknown("reusch")
            ),
        ]
    );
    assert_eq!(ds.measures()[0].districts, ["altstadt"]);
    let values = &ds.indicators()[0]
        .by_district
        .as_ref()
        .map(|b| b.values.clone());
    assert_eq!(
        values
            .iter()
            .flatten()
            .map(|v| v.district.as_str())
            .collect::<Vec<_>>(),
        ["maitis"]
    );
}

#[test]
fn a_district_listed_twice_keeps_its_first_value() {
    let ds = run(
        declared(),
        json!([]),
        json!({"period": "2025", "values": [
            {"district": "altstadt", "value": 1.0},
            {"district": "altstadt", "value": 2.0}
        ]}),
    );
    assert_eq!(
        located(&ds),
        [(
            "indicators.json: indicators[0].by_district.values[1].district".to_owned(),
            ProblemKind::DuplicateDistrict {
                district: "altstadt".into(),
                first: "indicators[0].by_district.values[0]".into()
            }
        )]
    );
    let b = ds.indicators()[0].by_district.as_ref();
    assert_eq!(b.map(|b| b.values.len()), Some(1));
    assert_eq!(b.and_then(|b| b.values[0].value), Some(1.0));
}

#[test]
fn an_unknown_series_clears_the_values_and_a_suppressed_value_is_emptied() {
    let ds = run(
        declared(),
        json!([]),
        json!({"period": "2025", "series": "keine", "values": [{"district": "altstadt", "value": 1.0}]}),
    );
    assert_eq!(
        located(&ds),
        [(
            "indicators.json: indicators[0].by_district.series".to_owned(),
            ProblemKind::UnknownReference {
                target: RefKind::Series,
                id: "keine".into()
            }
        )]
    );
    assert!(ds.indicators()[0].by_district.is_none());

    let ds = run(
        declared(),
        json!([]),
        json!({"period": "2025", "values": [{"district": "altstadt", "value": 1.0, "flag": "suppressed"}]}),
    );
    assert_eq!(
        located(&ds),
        [(
            "indicators.json: indicators[0].by_district.values[0].value".to_owned(),
            ProblemKind::SuppressedNotNull
        )]
    );
    let b = ds.indicators()[0].by_district.as_ref();
    assert_eq!(b.map(|b| b.values[0].value), Some(None));
}

#[test]
fn a_bad_period_costs_the_values_by_district_not_the_indicator() {
    let ds = run(
        declared(),
        json!([]),
        json!({"period": "im Frühjahr", "values": []}),
    );
    assert_eq!(ds.indicators().len(), 1);
    assert!(ds.indicators()[0].by_district.is_none());
    assert_eq!(ds.problems.len(), 1, "{:#?}", ds.problems);
    assert!(ds.problems[0]
        .path
        .to_string()
        .starts_with("indicators[0].by_district"));
}

#[test]
fn a_bad_or_repeated_district_id_is_left_out_of_the_plan() {
    let ds = run(
        json!([{"id": "alt stadt", "name": "Altstadt"}, {"id": "maitis", "name": "Maitis"},
               {"id": "maitis", "name": "Maitis 2"}]),
        json!(["maitis"]),
        json!(null),
    );
    assert_eq!(ds.districts().len(), 1);
    assert_eq!(ds.problems.len(), 2, "{:#?}", ds.problems);
}

#[test]
fn without_declared_districts_a_measure_names_them_freely() {
    let ds = run(json!([]), json!(["Innenstadt", "Südstadt"]), json!(null));
    assert!(ds.problems.is_empty(), "{:#?}", ds.problems);
    assert_eq!(ds.measures()[0].districts, ["Innenstadt", "Südstadt"]);
}

// ------------------------------------------------------------------ computations

use wegmarke_core::districts::{count_summary, district_values, measure_counts};

fn counted() -> Dataset {
    check(
        &pretty(&plan(declared())),
        &pretty(&json!({"format": "wegmarke/1", "measures": [
            {"id": "M-1", "goals": ["sprache-1"], "title": "A", "status": "on_track", "districts": ["altstadt", "nordstadt"]},
            {"id": "M-2", "goals": ["sprache-1"], "title": "B", "status": "completed", "districts": ["nordstadt"]},
            {"id": "M-3", "goals": ["sprache-1"], "title": "C", "status": "delayed", "districts": ["nordstadt", "nordstadt"]},
            {"id": "M-4", "goals": ["sprache-1"], "title": "D", "status": "planned"}
        ]})),
        &pretty(&indicators(json!(null))),
    )
}

#[test]
fn measures_are_counted_per_district_with_the_running_ones() {
    let ds = counted();
    let counts = measure_counts(ds.districts(), ds.measures());
    let got: Vec<(&str, usize, usize)> = counts
        .iter()
        .map(|c| (c.district.id.as_str(), c.measures, c.running))
        .collect();
    // Plan order; a district named twice on one measure counts once; completed is not running.
    assert_eq!(
        got,
        [("altstadt", 1, 1), ("nordstadt", 3, 2), ("maitis", 0, 0)]
    );
    let s = count_summary(&counts);
    assert_eq!(s.most_count, 3);
    assert_eq!(
        s.most.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(),
        ["nordstadt"]
    );
    assert_eq!(
        s.without.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(),
        ["maitis"]
    );

    // A subset (the explorer's filtered measures): only those count.
    let subset = ds.measures().iter().filter(|m| m.id == "M-1");
    let counts = measure_counts(ds.districts(), subset);
    let s = count_summary(&counts);
    assert_eq!(s.most_count, 1);
    assert_eq!(s.most.len(), 2, "a tie names every district with the most");
    assert_eq!(s.without.len(), 1);

    // No measures at all: nobody has the most, everybody is without.
    let s = count_summary(&measure_counts(ds.districts(), []));
    assert!(s.most.is_empty());
    assert_eq!(s.without.len(), 3);
}

#[test]
fn values_by_district_are_sorted_with_missing_and_suppressed_ones_last() {
    let ds = run(
        json!([
            {"id": "a", "name": "A"}, {"id": "b", "name": "B"}, {"id": "c", "name": "C"},
            {"id": "d", "name": "D"}, {"id": "e", "name": "E"}, {"id": "f", "name": "F"}
        ]),
        json!([]),
        json!({"period": "2025", "values": [
            {"district": "a", "value": 2.0},
            {"district": "b", "value": null, "flag": "suppressed"},
            {"district": "c", "value": 9.5, "flag": "provisional"},
            {"district": "d", "value": 2.0},
            {"district": "f", "value": null}
        ]}),
    );
    let v = district_values(&ds.indicators()[0], ds.districts()).unwrap();
    assert_eq!(v.period.to_string(), "2025");
    assert_eq!(v.series.map(|s| s.id.as_str()), Some("gesamt"));
    let ids: Vec<&str> = v.rows.iter().map(|r| r.id).collect();
    // Highest first, ties in plan order, then b (suppressed), e (no entry), f (null).
    assert_eq!(ids, ["c", "a", "d", "b", "e", "f"]);
    assert_eq!(v.rows[3].flag, Some(wegmarke_core::Flag::Suppressed));
    assert_eq!((v.max, v.min, v.median), (Some(9.5), Some(2.0), Some(2.0)));
    assert_eq!(v.highest().iter().map(|r| r.id).collect::<Vec<_>>(), ["c"]);
    assert_eq!(
        v.lowest().iter().map(|r| r.id).collect::<Vec<_>>(),
        ["a", "d"]
    );
    assert_eq!(v.with_data(), 3);
}

#[test]
fn an_even_number_of_values_has_the_mean_of_the_middle_two_as_median_and_none_has_none() {
    let ds = run(
        declared(),
        json!([]),
        json!({"period": "2025", "values": [
            {"district": "altstadt", "value": 1.0}, {"district": "maitis", "value": 4.0}
        ]}),
    );
    let v = district_values(&ds.indicators()[0], ds.districts()).unwrap();
    assert_eq!(v.median, Some(2.5));

    let ds = run(
        declared(),
        json!([]),
        json!({"period": "2025", "values": []}),
    );
    let v = district_values(&ds.indicators()[0], ds.districts()).unwrap();
    assert_eq!((v.max, v.min, v.median), (None, None, None));
    assert_eq!(v.rows.len(), 3, "every declared district, without data");
    assert!(v.highest().is_empty());

    let ds = run(declared(), json!([]), json!(null));
    assert!(district_values(&ds.indicators()[0], ds.districts()).is_none());
}
