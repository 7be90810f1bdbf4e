//! An entry is never dropped silently: a syntax error names the entry it is in, an entry with
//! too many bad values says it is left out, and entries dropped past the problem cap are named.

mod common;

use common::{check, pretty};
use serde_json::{json, Value};
use wegmarke_core::problem::{LeftOutReason, Segment};
use wegmarke_core::{Dataset, Problem, ProblemKind, Severity};

fn plan() -> Value {
    json!({
        "format": "wegmarke/1",
        "plan": {"title": "Integrationsplan", "as_of": "2026-10-31"},
        "fields": [{"id": "arbeit", "title": "Arbeit"}],
        "goals": [{"id": "arbeit-1", "field": "arbeit", "title": "Arbeit finden"}]
    })
}

fn measure(id: &str) -> Value {
    json!({"id": id, "goals": ["arbeit-1"], "title": "Jobmesse", "status": "on_track"})
}

fn measures(n: usize) -> Value {
    let list: Vec<Value> = (0..n).map(|i| measure(&format!("M-{i}"))).collect();
    json!({"format": "wegmarke/1", "measures": list})
}

fn indicator(observations: Vec<Value>) -> Value {
    json!({
        "id": "I-1", "goals": ["arbeit-1"], "title": "Quote", "unit": "%", "kind": "outcome",
        "direction": "up", "series": [{"id": "alle", "observations": observations}]
    })
}

fn indicators() -> Value {
    let obs = vec![json!({"period": "2019", "value": 50})];
    json!({"format": "wegmarke/1", "indicators": [indicator(obs.clone()), indicator(obs)]})
}

/// The 1-based line of the first `marker` in `text`.
fn line_of(text: &str, marker: &str) -> usize {
    let at = text.find(marker).expect("marker in text");
    text[..at].matches('\n').count() + 1
}

fn entry(key: &str, i: usize) -> Vec<Segment> {
    vec![Segment::Key(key.into()), Segment::Index(i)]
}

/// The one fatal problem of `file`; asserts it is a syntax error in entry `i` of `key` on the
/// line of `marker`.
fn assert_fatal_in_entry(ds: &Dataset, file: &str, text: &str, marker: &str, key: &str, i: usize) {
    let fatal: Vec<&Problem> = ds
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Fatal)
        .collect();
    assert_eq!(fatal.len(), 1, "{:#?}", ds.problems);
    let p = fatal[0];
    assert_eq!(p.file, file);
    let ProblemKind::Syntax { detail, .. } = &p.kind else {
        panic!("not a syntax error: {p:#?}");
    };
    // The file stays fatal at its root; the message names the entry.
    assert!(p.path.0.is_empty(), "{p:#?}");
    assert!(
        detail.contains(&format!(", in {key}[{i}]")),
        "{detail} does not name {key}[{i}]"
    );
    assert_eq!(p.line, Some(line_of(text, marker)), "{p:#?}");
    assert!(p.column.is_some());
}

#[test]
fn an_unreadable_number_names_its_measure_and_line() {
    let mut m = measures(3);
    m["measures"][1]["progress"] = json!("NUMBER");
    let text = pretty(&m).replace("\"NUMBER\"", "1e400");
    let ds = check(&pretty(&plan()), &text, &pretty(&indicators()));
    assert_fatal_in_entry(&ds, "measures.json", &text, "1e400", "measures", 1);
    assert!(ds.measures.is_none());
}

#[test]
fn an_unpaired_surrogate_names_its_measure_and_line() {
    let mut m = measures(4);
    m["measures"][2]["title"] = json!("Jobmesse SURROGATE");
    let text = pretty(&m).replace("SURROGATE", "\\ud800");
    let ds = check(&pretty(&plan()), &text, &pretty(&indicators()));
    assert_fatal_in_entry(&ds, "measures.json", &text, "\\ud800", "measures", 2);
    let p = &ds.problems[0];
    assert!(
        p.message("en").contains(", in measures[2].title)"),
        "{}",
        p.message("en")
    );
}

#[test]
fn a_raw_control_character_names_its_indicator_and_line() {
    let mut i = indicators();
    i["indicators"][0]["unit"] = json!("Pro CONTROL zent");
    let text = pretty(&i).replace("CONTROL", "\u{1}");
    let ds = check(&pretty(&plan()), &pretty(&measures(1)), &text);
    assert_fatal_in_entry(&ds, "indicators.json", &text, "\u{1}", "indicators", 0);
    assert!(ds.indicators.is_none());
}

#[test]
fn an_indicator_with_too_many_bad_values_says_it_is_left_out() {
    let bad: Vec<Value> = (0..70)
        .map(|k| json!({"period": (1950 + k).to_string(), "value": "viel"}))
        .collect();
    let good = vec![json!({"period": "2019", "value": 50})];
    let mut i = indicators();
    i["indicators"] = json!([indicator(good), indicator(bad)]);
    i["indicators"][0]["id"] = json!("I-0");
    let ds = check(&pretty(&plan()), &pretty(&measures(1)), &pretty(&i));
    let left_out: Vec<&Problem> = ds
        .problems
        .iter()
        .filter(|p| p.path.to_string() == "indicators[1]")
        .collect();
    assert_eq!(left_out.len(), 1, "{:#?}", ds.problems);
    let p = left_out[0];
    assert_eq!(
        p.kind,
        ProblemKind::EntryLeftOut {
            reason: LeftOutReason::TooManyBadValues
        }
    );
    assert_eq!(p.severity, Severity::Problem);
    assert!(p.line.is_some());
    assert!(
        p.message("de")
            .contains("zu viele fehlerhafte Werte (mehr als 64) und wird ausgelassen"),
        "{}",
        p.message("de")
    );
    assert!(p.message("en").contains("left out"), "{}", p.message("en"));
    let kept: Vec<&str> = ds.indicators().iter().map(|x| x.id.as_str()).collect();
    assert_eq!(kept, ["I-0"]);
}

#[test]
fn every_entry_dropped_past_the_problem_cap_is_named() {
    let list: Vec<Value> = (0..1100).map(|i| measure(&format!("bad id {i}"))).collect();
    let m = json!({"format": "wegmarke/1", "measures": list});
    let ds = check(&pretty(&plan()), &pretty(&m), &pretty(&indicators()));
    assert!(ds.measures().is_empty());
    assert!(
        ds.problems
            .iter()
            .any(|p| matches!(p.kind, ProblemKind::TooManyProblems { .. })),
        "the cap was not reached: the test would prove nothing"
    );
    for i in 0..1100 {
        assert!(
            ds.problems
                .iter()
                .any(|p| p.path.0.starts_with(&entry("measures", i))),
            "measures[{i}] is dropped without a message"
        );
    }
    let past_cap = ds
        .problems
        .iter()
        .find(|p| p.path.to_string() == "measures[1099]")
        .expect("a problem names measures[1099]");
    assert_eq!(
        past_cap.kind,
        ProblemKind::EntryLeftOut {
            reason: LeftOutReason::TooManyProblems
        }
    );
    assert!(past_cap
        .message("de")
        .contains("zu viele Probleme in dieser Datei"));
    assert!(past_cap.line.is_some());
}
