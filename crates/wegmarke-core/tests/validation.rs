//! Every class of bad input yields its located message, and the rest of the data stays usable.

mod common;

use common::{check, pretty};
use serde_json::{json, Value};
use wegmarke_core::problem::RefKind;
use wegmarke_core::{validate, Dataset, Input, Inputs, Problem, ProblemKind, Severity};

fn plan() -> Value {
    json!({
        "format": "wegmarke/1",
        "plan": {"title": {"de": "Integrationsplan", "en": "Integration plan"}, "as_of": "2026-10-31"},
        "fields": [{"id": "sprache", "title": "Sprache"}, {"id": "arbeit", "title": "Arbeit"}],
        "goals": [
            {"id": "sprache-1", "field": "sprache", "title": "Deutsch lernen", "indicators": ["I-b1"]},
            {"id": "arbeit-1", "field": "arbeit", "title": "Arbeit finden"}
        ],
        "actors": [{"id": "vhs", "name": "VHS", "kind": "education"}, {"id": "jc", "name": "Jobcenter", "kind": "public"}],
        "reports": [{"date": "2026-05-12", "title": "Bericht", "path": "reports/2026-05-12/"}]
    })
}

fn measures() -> Value {
    json!({
        "format": "wegmarke/1",
        "measures": [
            {"id": "M-1", "goals": ["sprache-1"], "title": "Sprachkurse", "status": "on_track",
             "progress": 40, "start": "2025-01", "end": "2026-12", "lead": "vhs", "partners": ["jc"],
             "links": [{"title": "Kurse", "url": "https://example.org/kurse"}],
             "indicators": ["I-b1"]},
            {"id": "M-2", "goals": ["arbeit-1"], "title": "Jobmesse", "status": "completed"}
        ]
    })
}

fn indicators() -> Value {
    json!({
        "format": "wegmarke/1",
        "indicators": [{
            "id": "I-b1", "goals": ["sprache-1"], "title": "B1-Quote", "unit": "%", "kind": "outcome",
            "direction": "up", "baseline": {"period": "2019", "value": 50},
            "target": {"period": "2030", "value": 70, "series": "alle"},
            "series": [{"id": "alle", "observations": [
                {"period": "2019", "value": 50}, {"period": "2023", "value": 55, "flag": "provisional"},
                {"period": "2024", "value": null, "flag": "suppressed"}
            ]}]
        }]
    })
}

fn check_values(p: &Value, m: &Value, i: &Value) -> Dataset {
    check(&pretty(p), &pretty(m), &pretty(i))
}

/// The single problem of a data set (fails when there are none or several).
fn only_problem(ds: &Dataset) -> &Problem {
    assert_eq!(
        ds.problems.len(),
        1,
        "expected one problem, got {:#?}",
        ds.problems
    );
    &ds.problems[0]
}

#[test]
fn the_small_plan_is_clean() {
    let ds = check_values(&plan(), &measures(), &indicators());
    assert!(ds.problems.is_empty(), "{:#?}", ds.problems);
    assert_eq!(ds.measures().len(), 2);
}

#[test]
fn json_syntax_error_is_fatal_with_line_and_column_and_other_files_stay() {
    let broken = "{\n  \"format\": \"wegmarke/1\",\n  \"measures\": [\n    {\"id\": \"M-1\" \"title\": \"x\"}\n  ]\n}";
    let ds = check(&pretty(&plan()), broken, &pretty(&indicators()));
    let p = only_problem(&ds);
    assert_eq!(p.severity, Severity::Fatal);
    assert_eq!(p.file, "measures.json");
    assert_eq!((p.line, p.column), (Some(4), Some(18)));
    assert!(matches!(
        p.kind,
        ProblemKind::Syntax {
            truncated: false,
            ..
        }
    ));
    assert!(
        p.message("de").contains("kein gültiges JSON"),
        "{}",
        p.message("de")
    );
    assert!(p.message("en").contains("not valid JSON"));
    assert!(ds.measures.is_none());
    assert!(ds.plan.is_some() && ds.indicators.is_some());
}

#[test]
fn truncated_file_says_so() {
    let full = pretty(&measures());
    let ds = check(
        &pretty(&plan()),
        &full[..full.len() / 2],
        &pretty(&indicators()),
    );
    let p = only_problem(&ds);
    assert!(matches!(
        p.kind,
        ProblemKind::Syntax {
            truncated: true,
            ..
        }
    ));
    assert!(p.message("de").contains("unvollständig"));
}

#[test]
fn wrong_or_missing_format_is_fatal() {
    let mut m = measures();
    m["format"] = json!("wegmarke/2");
    let ds = check_values(&plan(), &m, &indicators());
    let p = only_problem(&ds);
    assert_eq!(p.severity, Severity::Fatal);
    assert_eq!(
        p.kind,
        ProblemKind::FormatUnknown {
            found: "wegmarke/2".into()
        }
    );
    assert_eq!(p.path.to_string(), "format");
    assert_eq!(p.line, Some(2));

    m.as_object_mut().unwrap().remove("format");
    let ds = check_values(&plan(), &m, &indicators());
    assert_eq!(only_problem(&ds).kind, ProblemKind::FormatMissing);
}

#[test]
fn not_an_object_html_empty_bom_and_non_utf8() {
    let ok_p = pretty(&plan());
    let ok_i = pretty(&indicators());
    let kinds = |m: &[u8]| {
        let ds = validate(
            &Inputs {
                plan: Input::Bytes(ok_p.as_bytes()),
                measures: Input::Bytes(m),
                indicators: Input::Bytes(ok_i.as_bytes()),
            },
            "",
        );
        ds.problems.into_iter().map(|p| p.kind).collect::<Vec<_>>()
    };
    assert_eq!(kinds(b"[1, 2]"), vec![ProblemKind::NotAnObject]);
    assert_eq!(
        kinds(b"<!DOCTYPE html><html>404</html>"),
        vec![ProblemKind::LooksLikeHtml]
    );
    assert_eq!(kinds(b"  \n"), vec![ProblemKind::Empty]);
    assert_eq!(
        kinds(b"{\"format\": \"wegmarke/1\", \"measures\": [\xff]}"),
        vec![ProblemKind::NotUtf8 { offset: 38 }]
    );
    let with_bom = format!("\u{feff}{}", pretty(&measures()));
    assert_eq!(kinds(with_bom.as_bytes()), vec![ProblemKind::ByteOrderMark]);
}

#[test]
fn unreachable_file_is_fatal_for_that_file_only() {
    let p = pretty(&plan());
    let m = pretty(&measures());
    let ds = validate(
        &Inputs {
            plan: Input::Bytes(p.as_bytes()),
            measures: Input::Bytes(m.as_bytes()),
            indicators: Input::Unreachable("HTTP 404".into()),
        },
        "",
    );
    let prob = only_problem(&ds);
    assert_eq!(prob.file, "indicators.json");
    assert!(prob.message("de").contains("HTTP 404"));
    // References to indicators cannot be checked and are not reported as unknown.
    assert_eq!(ds.measures().len(), 2);
}

#[test]
fn wrong_types_drop_only_their_entry_with_path_and_line() {
    let mut m = measures();
    m["measures"][1]["title"] = json!(5);
    let text = pretty(&m);
    let ds = check(&pretty(&plan()), &text, &pretty(&indicators()));
    let p = only_problem(&ds);
    assert_eq!(p.path.to_string(), "measures[1].title");
    assert!(matches!(&p.kind, ProblemKind::WrongType { found, .. } if found.contains("integer")));
    assert!(
        p.message("de").starts_with("falscher Typ: "),
        "{}",
        p.message("de")
    );
    let line = text
        .lines()
        .position(|l| l.contains("\"title\": 5"))
        .unwrap()
        + 1;
    assert_eq!(p.line, Some(line));
    assert_eq!(ds.measures().len(), 1);
    assert_eq!(ds.measures()[0].id, "M-1");

    let mut m = measures();
    m["measures"] = json!({"M-1": {}});
    let ds = check_values(&plan(), &m, &indicators());
    assert_eq!(only_problem(&ds).path.to_string(), "measures");
}

#[test]
fn missing_required_fields_and_unknown_status() {
    let mut m = measures();
    m["measures"][0].as_object_mut().unwrap().remove("title");
    m["measures"][1]["status"] = json!("finished");
    let ds = check_values(&plan(), &m, &indicators());
    assert_eq!(ds.problems.len(), 2);
    assert_eq!(ds.problems[0].path.to_string(), "measures[0]");
    assert_eq!(
        ds.problems[0].kind,
        ProblemKind::MissingField {
            field: "title".into()
        }
    );
    assert!(ds.problems[0]
        .message("de")
        .contains("Pflichtfeld \"title\" fehlt"));
    assert_eq!(ds.problems[1].path.to_string(), "measures[1].status");
    assert!(
        matches!(&ds.problems[1].kind, ProblemKind::UnknownValue { found, allowed } if found == "finished" && allowed.contains("on_track"))
    );
    assert!(ds.measures().is_empty());
}

#[test]
fn duplicate_and_invalid_ids() {
    let mut m = measures();
    m["measures"][1]["id"] = json!("M-1");
    let ds = check_values(&plan(), &m, &indicators());
    let p = only_problem(&ds);
    assert_eq!(p.path.to_string(), "measures[1].id");
    assert_eq!(
        p.kind,
        ProblemKind::DuplicateId {
            id: "M-1".into(),
            first: "measures[0]".into()
        }
    );
    assert_eq!(ds.measures().len(), 1);

    let mut m = measures();
    m["measures"][1]["id"] = json!("M 2/<script>");
    let ds = check_values(&plan(), &m, &indicators());
    assert!(matches!(
        only_problem(&ds).kind,
        ProblemKind::InvalidId { .. }
    ));
}

#[test]
fn every_dangling_reference_is_located() {
    let mut p = plan();
    p["goals"][1]["field"] = json!("wohnen");
    p["goals"][0]["indicators"] = json!(["I-b1", "I-nix"]);
    let mut m = measures();
    m["measures"][0]["goals"] = json!(["sprache-9", "sprache-1"]);
    m["measures"][0]["lead"] = json!("caritas");
    m["measures"][0]["partners"] = json!(["jc", "diakonie"]);
    m["measures"][0]["indicators"] = json!(["I-zzz"]);
    let mut i = indicators();
    i["indicators"][0]["goals"] = json!(["bildung-1"]);
    i["indicators"][0]["target"]["series"] = json!("maenner");
    let ds = check_values(&p, &m, &i);
    let lines: Vec<String> = ds
        .problems
        .iter()
        .map(|p| format!("{}: {} | {}", p.file, p.path, p.message("de")))
        .collect();
    let expected = [
        "plan.json: goals[0].indicators[1] | unbekannter Indikator \"I-nix\"",
        "plan.json: goals[1].field | unbekanntes Handlungsfeld \"wohnen\"",
        "measures.json: measures[0].goals[0] | unbekanntes Ziel \"sprache-9\"",
        "measures.json: measures[0].lead | unbekannter Akteur \"caritas\"",
        "measures.json: measures[0].partners[1] | unbekannter Akteur \"diakonie\"",
        "measures.json: measures[0].indicators[0] | unbekannter Indikator \"I-zzz\"",
        "indicators.json: indicators[0].goals[0] | unbekanntes Ziel \"bildung-1\"",
        "indicators.json: indicators[0].target.series | unbekannte Datenreihe \"maenner\"",
    ];
    assert_eq!(lines, expected);
    assert!(ds.problems.iter().all(|p| p.line.is_some()));
    // The goal without its field is left out; the measure keeps its valid goal.
    let plan_file = ds.plan.as_ref().unwrap();
    assert_eq!(plan_file.goals.len(), 1);
    assert_eq!(ds.measures()[0].goals, vec!["sprache-1".to_string()]);
    assert_eq!(ds.measures()[0].lead, None);
    assert!(ds.indicators.as_ref().unwrap().indicators[0]
        .target
        .is_none());
    assert!(matches!(
        ds.problems[1].kind,
        ProblemKind::UnknownReference {
            target: RefKind::Field,
            ..
        }
    ));
}

#[test]
fn progress_out_of_range_and_absurd_numbers() {
    let mut m = measures();
    m["measures"][0]["progress"] = json!(140);
    m["measures"][1]["budget"] = json!({"amount": 1e300});
    let mut i = indicators();
    i["indicators"][0]["series"][0]["observations"][1]["value"] = json!(-2e20);
    let ds = check_values(&plan(), &m, &i);
    let kinds: Vec<(String, &ProblemKind)> = ds
        .problems
        .iter()
        .map(|p| (p.path.to_string(), &p.kind))
        .collect();
    assert_eq!(
        kinds[0],
        (
            "measures[0].progress".into(),
            &ProblemKind::OutOfRange {
                value: 140.0,
                min: 0.0,
                max: 100.0
            }
        )
    );
    assert!(ds.problems[0]
        .message("de")
        .contains("außerhalb von 0 bis 100"));
    assert_eq!(
        kinds[1],
        (
            "measures[1].budget.amount".into(),
            &ProblemKind::AbsurdNumber { value: 1e300 }
        )
    );
    assert_eq!(kinds[2].0, "indicators[0].series[0].observations[1].value");
    assert_eq!(ds.measures()[0].progress, None);
    assert_eq!(
        ds.indicators.as_ref().unwrap().indicators[0].series[0]
            .observations
            .len(),
        2
    );
}

#[test]
fn numbers_beyond_f64_are_a_syntax_problem() {
    let text = "{\"format\": \"wegmarke/1\", \"measures\": [{\"id\": \"a\", \"title\": \"t\", \"status\": \"planned\", \"progress\": 1e999}]}";
    let ds = check(&pretty(&plan()), text, &pretty(&indicators()));
    assert!(matches!(only_problem(&ds).kind, ProblemKind::Syntax { .. }));
    let text = "{\"format\": \"wegmarke/1\", \"measures\": [{\"progress\": NaN}]}";
    let ds = check(&pretty(&plan()), text, &pretty(&indicators()));
    assert!(matches!(only_problem(&ds).kind, ProblemKind::Syntax { .. }));
}

#[test]
fn impossible_dates_and_periods() {
    let mut m = measures();
    m["measures"][0]["start"] = json!("2023-02-30");
    let mut i = indicators();
    i["indicators"][0]["series"][0]["observations"][0]["period"] = json!("2023-Q5");
    let ds = check_values(&plan(), &m, &i);
    assert_eq!(ds.problems.len(), 2, "{:#?}", ds.problems);
    assert_eq!(ds.problems[0].path.to_string(), "measures[0].start");
    assert_eq!(
        ds.problems[0].kind,
        ProblemKind::InvalidDate {
            value: "2023-02-30".into()
        }
    );
    assert!(ds.problems[0]
        .message("de")
        .contains("ungültiges Datum \"2023-02-30\""));
    assert_eq!(
        ds.problems[1].path.to_string(),
        "indicators[0].series[0].observations[0].period"
    );
    assert_eq!(
        ds.problems[1].kind,
        ProblemKind::InvalidPeriod {
            value: "2023-Q5".into()
        }
    );
}

#[test]
fn end_before_start() {
    let mut m = measures();
    m["measures"][0]["end"] = json!("2024-06");
    let ds = check_values(&plan(), &m, &indicators());
    let p = only_problem(&ds);
    assert_eq!(p.path.to_string(), "measures[0].end");
    assert_eq!(p.message("de"), "Ende 2024-06 liegt vor dem Beginn 2025-01");
    assert_eq!(ds.measures()[0].end, None);
}

#[test]
fn suppressed_values_must_be_null() {
    let mut i = indicators();
    i["indicators"][0]["series"][0]["observations"][2]["value"] = json!(3);
    let ds = check_values(&plan(), &measures(), &i);
    let p = only_problem(&ds);
    assert_eq!(
        p.path.to_string(),
        "indicators[0].series[0].observations[2].value"
    );
    assert_eq!(p.kind, ProblemKind::SuppressedNotNull);
    let obs = &ds.indicators.as_ref().unwrap().indicators[0].series[0].observations[2];
    assert_eq!(obs.value, None);
}

/// An indicator with two series and a gap between them.
fn with_gap(gap: Value) -> Value {
    let mut i = indicators();
    i["indicators"][0]["series"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "ohne", "observations": [{"period": "2019", "value": 60}]}));
    i["indicators"][0]["gap"] = gap;
    i
}

#[test]
fn a_gap_needs_two_different_series_of_its_indicator() {
    let ok = check_values(
        &plan(),
        &measures(),
        &with_gap(json!({"reference": "ohne"})),
    );
    assert!(ok.problems.is_empty(), "{:#?}", ok.problems);
    assert!(ok.indicators()[0].gap.is_some());
    for (gap, path, message) in [
        (
            json!({"reference": "keine"}),
            "indicators[0].gap.reference",
            "unbekannte Datenreihe \"keine\"",
        ),
        (
            json!({"reference": "ohne", "series": "x"}),
            "indicators[0].gap.series",
            "unbekannte Datenreihe \"x\"",
        ),
        (
            json!({"reference": "alle"}),
            "indicators[0].gap.reference",
            "der Abstand vergleicht die Reihe \"alle\" mit sich selbst; der Abstand wird nicht gezeigt",
        ),
    ] {
        let ds = check_values(&plan(), &measures(), &with_gap(gap));
        let p = only_problem(&ds);
        assert_eq!(p.path.to_string(), path);
        assert!(p.message("de").contains(message), "{}", p.message("de"));
        assert_eq!(ds.indicators()[0].gap, None, "the gap is left out");
    }
    // An absurd target for the gap is dropped, the gap stays.
    let ds = check_values(
        &plan(),
        &measures(),
        &with_gap(json!({"reference": "ohne", "target": {"period": "2030", "value": 1e300}})),
    );
    assert_eq!(
        only_problem(&ds).path.to_string(),
        "indicators[0].gap.target.value"
    );
    let gap = ds.indicators()[0].gap.as_ref().unwrap();
    assert_eq!(
        (gap.reference.as_str(), gap.target.is_none()),
        ("ohne", true)
    );
    // A measure the contract does not know is a located type problem.
    let ds = check_values(
        &plan(),
        &measures(),
        &with_gap(json!({"reference": "ohne", "measure": "quotient"})),
    );
    assert!(
        ds.problems
            .iter()
            .any(|p| p.path.to_string().starts_with("indicators[0].gap")),
        "{:#?}",
        ds.problems
    );
}

#[test]
fn links_with_other_schemes_are_left_out() {
    let mut m = measures();
    m["measures"][0]["links"] = json!([
        {"title": "böse", "url": "javascript:alert(1)"},
        {"title": "gut", "url": "mailto:integration@example.org"},
        {"title": "data", "url": "data:text/html,<script>alert(1)</script>"}
    ]);
    let mut p = plan();
    p["actors"][0]["url"] = json!("JavaScript:alert(1)");
    p["reports"][0]["path"] = json!("https://evil.example/");
    let ds = check_values(&p, &m, &indicators());
    let paths: Vec<String> = ds.problems.iter().map(|p| p.path.to_string()).collect();
    assert_eq!(
        paths,
        [
            "actors[0].url",
            "reports[0].path",
            "measures[0].links[0].url",
            "measures[0].links[2].url"
        ]
    );
    assert!(ds
        .problems
        .iter()
        .all(|p| match p.path.to_string().as_str() {
            "reports[0].path" => matches!(p.kind, ProblemKind::BadPath { .. }),
            _ => matches!(p.kind, ProblemKind::BadLink { .. }),
        }));
    assert_eq!(ds.measures()[0].links.len(), 1);
    assert_eq!(
        ds.measures()[0].links[0].url,
        "mailto:integration@example.org"
    );
}

#[test]
fn unreasonably_long_texts_are_cut() {
    let mut m = measures();
    m["measures"][0]["title"] = json!("x".repeat(10_000));
    m["measures"][0]["description"] = json!("y".repeat(1_000_000));
    let ds = check_values(&plan(), &m, &indicators());
    assert_eq!(ds.problems.len(), 2);
    assert_eq!(
        ds.problems[0].kind,
        ProblemKind::TooLong {
            length: 10_000,
            max: 300
        }
    );
    assert_eq!(ds.problems[1].path.to_string(), "measures[0].description");
    let title = ds.measures()[0].title.resolve("de", "de");
    assert_eq!(title.chars().count(), 301);
}

#[test]
fn unknown_fields_are_kept_for_tools() {
    let mut m = measures();
    m["measures"][0]["x_internal"] = json!({"owner": "Frau Muster"});
    m["generated_by"] = json!("Excel-Export");
    let ds = check_values(&plan(), &m, &indicators());
    assert!(ds.problems.is_empty());
    let file = ds.measures.as_ref().unwrap();
    assert_eq!(file.extra["generated_by"], json!("Excel-Export"));
    assert_eq!(
        file.measures[0].extra["x_internal"]["owner"],
        json!("Frau Muster")
    );
    let back = serde_json::to_value(file).unwrap();
    assert_eq!(
        back["measures"][0]["x_internal"],
        m["measures"][0]["x_internal"]
    );
}

#[test]
fn problem_flood_is_capped_with_a_count() {
    let many: Vec<Value> = (0..1500).map(|i| json!({"id": format!("M-{i}"), "title": "t", "status": "planned", "goals": ["nope"]})).collect();
    let m = json!({"format": "wegmarke/1", "measures": many});
    let ds = check_values(&plan(), &m, &indicators());
    assert_eq!(ds.problems.len(), 1001);
    assert_eq!(
        ds.problems.last().unwrap().kind,
        ProblemKind::TooManyProblems { more: 500 }
    );
    assert_eq!(ds.measures().len(), 1500);
}

#[test]
fn snapshot_problems_name_the_snapshot_file() {
    let ds = validate(
        &Inputs {
            plan: Input::Unreachable("HTTP 404".into()),
            measures: Input::Unreachable("HTTP 404".into()),
            indicators: Input::Unreachable("HTTP 404".into()),
        },
        "reports/2026-05-12/",
    );
    assert_eq!(ds.problems[0].file, "reports/2026-05-12/plan.json");
    assert_eq!(ds.problems[0].to_line("en"), "reports/2026-05-12/plan.json: The file could not be loaded (HTTP 404). Please check that it is on the server and try again.");
}

#[test]
fn a_bad_part_costs_only_itself_and_later_paths_keep_file_indices() {
    let mut m = measures();
    m["measures"][0]["start"] = json!("2023-02-30");
    let mut i = indicators();
    let obs = &mut i["indicators"][0]["series"][0]["observations"];
    obs[0]["period"] = json!("2019-13");
    obs[1]["value"] = json!("viel");
    let ds = check_values(&plan(), &m, &i);
    let paths: Vec<String> = ds.problems.iter().map(|p| p.path.to_string()).collect();
    assert_eq!(
        paths,
        [
            "measures[0].start",
            "indicators[0].series[0].observations[0].period",
            "indicators[0].series[0].observations[1].value",
        ]
    );
    // The measure stays without its start; the observation with a bad period is left out and the
    // one with a bad value stays as a gap.
    assert_eq!(ds.measures()[0].id, "M-1");
    assert_eq!(ds.measures()[0].start, None);
    let ind = &ds.indicators.as_ref().unwrap().indicators[0];
    let kept: Vec<(String, Option<f64>)> = ind.series[0]
        .observations
        .iter()
        .map(|o| (o.period.to_string(), o.value))
        .collect();
    assert_eq!(
        kept,
        [("2023".to_string(), None), ("2024".to_string(), None)]
    );
}

#[test]
fn theme_colours_with_too_little_contrast_are_reported_and_not_used() {
    use wegmarke_core::validate_config;
    let text = "{\n  \"theme\": {\"primary\": \"#8ab4f8\", \"accent\": \"#e2001a\"}\n}";
    let (config, problems) = validate_config(&Input::Bytes(text.as_bytes()));
    assert_eq!(problems.len(), 1, "{problems:#?}");
    let p = &problems[0];
    assert_eq!(p.to_line("de").split(": ").next(), Some("config.json:2:24"));
    assert_eq!(p.path.to_string(), "theme.primary");
    assert!(
        p.message("de").contains("Kontrast zu Weiß"),
        "{}",
        p.message("de")
    );
    assert!(p.message("en").contains("contrast with white"));
    let theme = config.theme.unwrap();
    assert_eq!(theme.primary, None);
    assert_eq!(theme.accent.as_deref(), Some("#e2001a"));
}

#[test]
fn text_keys_that_are_no_language_tags_are_reported_where_they_are() {
    let mut m = measures();
    m["measures"][0]["title"] =
        json!({"de": "Sprachkurse", "Deutsch": "Sprachkurse", "EN": "Language courses"});
    m["measures"][1]["summary"] = json!({"de_DE": "Eine Messe"});
    let ds = check_values(&plan(), &m, &indicators());
    let found: Vec<(String, String)> = ds
        .problems
        .iter()
        .map(|p| match &p.kind {
            ProblemKind::UnknownValue { found, .. } => (p.path.to_string(), found.clone()),
            other => panic!("unexpected problem {other:?}"),
        })
        .collect();
    assert_eq!(
        found,
        [
            ("measures[0].title.Deutsch".to_owned(), "Deutsch".to_owned()),
            ("measures[0].title.EN".to_owned(), "EN".to_owned()),
            ("measures[1].summary.de_DE".to_owned(), "de_DE".to_owned()),
        ]
    );
    // Located in the file, and the texts stay: nothing is dropped for a wrong key.
    assert!(
        ds.problems.iter().all(|p| p.line.is_some()),
        "{:?}",
        ds.problems
    );
    let measure = ds
        .measures()
        .iter()
        .find(|x| x.id == "M-1")
        .expect("M-1 kept");
    assert_eq!(measure.title.resolve("de", "de"), "Sprachkurse");
}
