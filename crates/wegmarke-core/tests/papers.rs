//! Council papers (Drucksachen) on measures and reports: kept as written when valid; an empty or
//! repeated reference, a bad date and a link that is no web page are located problems that cost
//! only their own value or paper.

mod common;

use common::{check, pretty};
use serde_json::{json, Value};
use wegmarke_core::problem::LinkFault;
use wegmarke_core::{Dataset, ProblemKind, Text};

fn plan(papers: Value) -> Value {
    json!({
        "format": "wegmarke/1",
        "plan": {"title": "Integrationsplan"},
        "fields": [{"id": "sprache", "title": "Sprache"}],
        "goals": [{"id": "sprache-1", "field": "sprache", "title": "Deutsch lernen"}],
        "reports": [{"date": "2026-05-12", "title": "Zwischenbericht", "papers": papers}]
    })
}

fn measures(papers: Value) -> Value {
    json!({
        "format": "wegmarke/1",
        "measures": [{"id": "M-1", "goals": ["sprache-1"], "title": "Sprachkurse",
                      "status": "on_track", "papers": papers}]
    })
}

fn indicators() -> Value {
    json!({"format": "wegmarke/1", "indicators": []})
}

fn run(report_papers: Value, measure_papers: Value) -> Dataset {
    check(
        &pretty(&plan(report_papers)),
        &pretty(&measures(measure_papers)),
        &pretty(&indicators()),
    )
}

fn good() -> Value {
    json!([
        {"reference": "GR 2025/117", "name": {"de": "Sprachkurse: Beschluss", "en": "Language courses: decision"},
         "date": "2025-03-20", "web": "https://www.example.org/ratsinfo/2025-117",
         "id": "https://www.example.org/oparl/paper/117"},
        {"reference": "GR 2026/012", "name": "Sachstand"}
    ])
}

/// The problems as `path: kind` pairs, for compact assertions.
fn located(ds: &Dataset) -> Vec<(String, ProblemKind)> {
    ds.problems
        .iter()
        .map(|p| (format!("{}: {}", p.file, p.path), p.kind.clone()))
        .collect()
}

#[test]
fn valid_papers_on_a_measure_and_a_report_are_kept_as_written() {
    let ds = run(good(), good());
    assert!(ds.problems.is_empty(), "{:#?}", ds.problems);
    let m = &ds.measures()[0];
    assert_eq!(m.papers.len(), 2);
    assert_eq!(m.papers[0].reference, "GR 2025/117");
    assert_eq!(
        m.papers[0].web.as_deref(),
        Some("https://www.example.org/ratsinfo/2025-117")
    );
    assert_eq!(
        m.papers[0].date.map(|d| d.to_string()).as_deref(),
        Some("2025-03-20")
    );
    assert_eq!(m.papers[1].name, Text::Plain("Sachstand".into()));
    let plan = ds.plan.as_ref().expect("plan");
    assert_eq!(plan.reports[0].papers, m.papers);
}

#[test]
fn a_paper_without_reference_is_left_out_with_its_location() {
    let ds = run(
        json!([]),
        json!([{"reference": " ", "name": "Ohne Nummer"}, {"reference": "GR 1", "name": "Mit"}]),
    );
    assert_eq!(
        located(&ds),
        vec![(
            "measures.json: measures[0].papers[0].reference".to_owned(),
            ProblemKind::EmptyReference
        )]
    );
    let papers = &ds.measures()[0].papers;
    assert_eq!(papers.len(), 1);
    assert_eq!(papers[0].reference, "GR 1");
    // The problem names its line, and reads in both languages.
    let p = &ds.problems[0];
    assert!(p.line.is_some());
    assert!(
        p.message("de").contains("Drucksache ohne Nummer"),
        "{}",
        p.message("de")
    );
    assert!(p.message("en").contains("council paper without its number"));
}

#[test]
fn a_repeated_reference_in_one_list_is_left_out_and_names_the_first() {
    let ds = run(
        json!([{"reference": "GR 7", "name": "A"}, {"reference": "GR 7", "name": "B"}]),
        json!([]),
    );
    assert_eq!(
        located(&ds),
        vec![(
            "plan.json: reports[0].papers[1].reference".to_owned(),
            ProblemKind::DuplicateReference {
                reference: "GR 7".into(),
                first: "reports[0].papers[0]".into()
            }
        )]
    );
    assert_eq!(ds.plan.as_ref().expect("plan").reports[0].papers.len(), 1);
    assert!(ds.problems[0]
        .message("en")
        .contains("\"GR 7\" is listed twice"));
}

#[test]
fn the_same_reference_on_a_measure_and_its_report_is_no_problem() {
    let one = json!([{"reference": "GR 7", "name": "A"}]);
    let ds = run(one.clone(), one);
    assert!(ds.problems.is_empty(), "{:#?}", ds.problems);
}

#[test]
fn a_bad_date_costs_only_the_date() {
    let ds = run(
        json!([]),
        json!([{"reference": "GR 1", "name": "A", "date": "2025-02-30"}]),
    );
    assert_eq!(
        located(&ds),
        vec![(
            "measures.json: measures[0].papers[0].date".to_owned(),
            ProblemKind::InvalidDate {
                value: "2025-02-30".into()
            }
        )]
    );
    let p = &ds.measures()[0].papers[0];
    assert_eq!(p.reference, "GR 1");
    assert!(p.date.is_none());
}

#[test]
fn a_web_link_must_be_an_http_or_https_page_else_it_is_cleared() {
    let ds = run(
        json!([{"reference": "GR 1", "name": "A", "web": "mailto:rat@example.org"}]),
        json!([
            {"reference": "GR 2", "name": "B", "web": "javascript:alert(1)"},
            {"reference": "GR 3", "name": "C", "web": "http://www.example.org/ok"}
        ]),
    );
    let kinds: Vec<(String, Option<LinkFault>)> = ds
        .problems
        .iter()
        .map(|p| {
            let fault = match &p.kind {
                ProblemKind::BadLink { fault, .. } => Some(*fault),
                _ => None,
            };
            (format!("{}: {}", p.file, p.path), fault)
        })
        .collect();
    assert_eq!(
        kinds,
        vec![
            (
                "plan.json: reports[0].papers[0].web".to_owned(),
                Some(LinkFault::WebOnly)
            ),
            (
                "measures.json: measures[0].papers[0].web".to_owned(),
                Some(LinkFault::Scheme)
            ),
        ]
    );
    let ms = &ds.measures()[0].papers;
    assert_eq!(ms.len(), 2, "the papers stay, without their link");
    assert!(ms[0].web.is_none());
    assert_eq!(ms[1].web.as_deref(), Some("http://www.example.org/ok"));
    assert!(ds.plan.as_ref().expect("plan").reports[0].papers[0]
        .web
        .is_none());
    assert!(ds.problems[0]
        .message("de")
        .contains("nur eine Webseite mit http oder https"));
}

#[test]
fn a_paper_without_title_is_reported_and_a_missing_reference_leaves_it_out() {
    // Typing problems come first, then the checks of what was typed.
    let ds = run(
        json!([]),
        json!([{"reference": "GR 1", "name": ""}, {"name": "Ohne Feld"}]),
    );
    assert_eq!(
        located(&ds),
        vec![
            (
                "measures.json: measures[0].papers[1]".to_owned(),
                ProblemKind::MissingField {
                    field: "reference".into()
                }
            ),
            (
                "measures.json: measures[0].papers[0].name".to_owned(),
                ProblemKind::EmptyText
            ),
        ]
    );
    assert_eq!(ds.measures()[0].papers.len(), 1);
}
