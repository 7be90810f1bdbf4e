//! The hostile-input corpus: broken, hostile and absurd data sets, each with the located message
//! it must get, and the promise that the other files stay usable. Then a bounded mutation fuzz:
//! the base files with random bytes flipped, inserted and deleted never make validation panic.
//!
//! Each case replaces one file of a clean base data set (`tests/fixtures/corpus/`: a cut-down
//! plan with ten measures and six indicators of varied kinds) or its config.json. The browser test
//! `tests/e2e/hostile.test.mjs` publishes a subset of the same cases and checks that the page
//! shows the message, stays up and runs nothing.

use std::time::{Duration, Instant};

use proptest::prelude::*;
use serde_json::{json, Value};
use wegmarke_core::problem::RefKind;
use wegmarke_core::{
    validate, validate_config, validate_config_quick, validate_quick, Dataset, Input, Inputs,
    Problem, ProblemKind, Severity, INDICATORS_FILE, MEASURES_FILE, PLAN_FILE,
};

const PLAN: &str = include_str!("fixtures/corpus/plan.json");
const MEASURES: &str = include_str!("fixtures/corpus/measures.json");
const INDICATORS: &str = include_str!("fixtures/corpus/indicators.json");
const CONFIG: &str = include_str!("fixtures/corpus/config.json");

/// Markup and script in a text: must stay text (the app never sets inner HTML).
const SCRIPT: &str = r#"<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1"><svg onload="window.__pwned=1"></svg><a href="javascript:window.__pwned=1">x</a>{{7*7}}${7*7}"#;
/// Right-to-left override, isolates and a zero-width joiner: shown as text, never reorders the page.
const BIDI: &str = "Kurs \u{202E}gnulletsuA\u{202C} \u{2067}فارسی\u{2069} \u{200D}Ende";
/// A family emoji (zero-width joiners), a flag, and stacked combining marks.
const EMOJI: &str = "👩‍👩‍👧‍👦 🇺🇦 Z\u{0338}\u{0322}\u{0349}a\u{0336}l\u{0335}g\u{0337}o – Türkçe ✓";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum File {
    Plan,
    Measures,
    Indicators,
    Config,
}

impl File {
    fn name(self) -> &'static str {
        match self {
            File::Plan => PLAN_FILE,
            File::Measures => MEASURES_FILE,
            File::Indicators => INDICATORS_FILE,
            File::Config => "config.json",
        }
    }

    fn base(self) -> &'static str {
        match self {
            File::Plan => PLAN,
            File::Measures => MEASURES,
            File::Indicators => INDICATORS,
            File::Config => CONFIG,
        }
    }
}

/// Where the problem must be reported.
#[derive(Clone, Copy, Debug)]
enum Line {
    /// No line (the file could not be read as text, or was unreachable).
    None,
    /// Some line, not checked further.
    Any,
    /// The line holding the first occurrence of this marker in the case's bytes.
    Of(&'static str),
    /// This line.
    At(usize),
}

/// What the case's file must get.
enum Expect {
    /// Nothing to report: hostile text is data, rendered as text.
    Clean,
    /// The file is unusable: a fatal problem of this kind, at this line.
    Fatal(fn(&ProblemKind) -> bool, Line),
    /// The file is used; among its problems one of this kind at this JSON path and line.
    Problem(fn(&ProblemKind) -> bool, &'static str, Line),
}

/// What happens to the other files.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Others {
    /// Exactly as without the case: same data, no problems.
    Same,
    /// Still there and non-empty (e.g. their references to an entry left out are flagged).
    Usable,
}

struct Case {
    name: &'static str,
    file: File,
    bytes: fn() -> Vec<u8>,
    expect: Expect,
    others: Others,
    /// Further checks on the result.
    check: fn(&Dataset),
}

fn nothing(_: &Dataset) {}

/// The base file parsed, changed and pretty-printed.
fn edit(file: File, f: impl FnOnce(&mut Value)) -> Vec<u8> {
    let mut v: Value = serde_json::from_str(file.base()).unwrap();
    f(&mut v);
    serde_json::to_vec_pretty(&v).unwrap()
}

/// The base file's text with the first `from` replaced.
fn replace(file: File, from: &str, to: &str) -> Vec<u8> {
    let text = file.base();
    assert!(text.contains(from), "{from:?} not in {}", file.name());
    text.replacen(from, to, 1).into_bytes()
}

/// Ten mebibytes of text.
fn ten_mib() -> String {
    let unit = "Wegmarke ä ";
    unit.repeat((10 << 20) / unit.len() + 1)
}

/// Every text the contract has in a file (titles, summaries, labels, names, units, notes, …)
/// replaced by `payload`, in every language, at every level.
fn poison(v: &mut Value, payload: &str) {
    const TEXT_KEYS: &[&str] = &[
        "title",
        "subtitle",
        "publisher",
        "description",
        "method",
        "by",
        "name",
        "summary",
        "easy_summary",
        "status_note",
        "target_groups",
        "districts",
        "funding",
        "currency",
        "text",
        "reference",
        "short_title",
        "definition",
        "unit",
        "frequency",
        "label",
        "note",
        "notes",
        "table",
        "icon",
    ];
    fn all_strings(v: &mut Value, payload: &str) {
        match v {
            Value::String(s) => *s = payload.to_owned(),
            Value::Array(a) => a.iter_mut().for_each(|x| all_strings(x, payload)),
            Value::Object(o) => o.values_mut().for_each(|x| all_strings(x, payload)),
            _ => {}
        }
    }
    match v {
        Value::Object(o) => {
            for (k, child) in o.iter_mut() {
                if TEXT_KEYS.contains(&k.as_str()) {
                    all_strings(child, payload);
                } else {
                    poison(child, payload);
                }
            }
        }
        Value::Array(a) => a.iter_mut().for_each(|x| poison(x, payload)),
        _ => {}
    }
}

/// Every string a file's data holds after validation, as JSON text, to look for a payload.
fn strings_of(v: &impl serde::Serialize) -> Vec<String> {
    fn walk(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::String(s) => out.push(s.clone()),
            Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            Value::Object(o) => o.values().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(&serde_json::to_value(v).unwrap(), &mut out);
    out
}

/// `n` small measures, each referring to `goal`.
fn many_measures(n: usize, goal: &str) -> Vec<u8> {
    let mut s = String::with_capacity(n * 90);
    s.push_str("{\"format\": \"wegmarke/1\", \"measures\": [\n");
    for i in 0..n {
        if i > 0 {
            s.push_str(",\n");
        }
        s.push_str(&format!(
            "{{\"id\": \"M-{i}\", \"goals\": [\"{goal}\"], \"title\": \"Maßnahme {i}\", \"status\": \"planned\", \"progress\": {}}}",
            i % 101
        ));
    }
    s.push_str("\n]}\n");
    s.into_bytes()
}

macro_rules! kind {
    ($p:pat) => {
        |k: &ProblemKind| matches!(k, $p)
    };
}

fn cases() -> Vec<Case> {
    use Expect::*;
    use File::*;
    use ProblemKind as K;
    let c = |name, file, bytes, expect, others| Case {
        name,
        file,
        bytes,
        expect,
        others,
        check: nothing,
    };
    vec![
        // --- JSON syntax: start, middle, end ---
        c(
            "syntax error at the start",
            Measures,
            || {
                let mut b = b",".to_vec();
                b.extend_from_slice(MEASURES.as_bytes());
                b
            },
            Fatal(
                kind!(K::Syntax {
                    truncated: false,
                    ..
                }),
                Line::At(1),
            ),
            Others::Same,
        ),
        c(
            "syntax error in the middle (stray characters)",
            Measures,
            || {
                let lines: Vec<&str> = MEASURES.lines().collect();
                let mid = lines.len() / 2;
                let mut out = lines[..mid].join("\n");
                out.push_str("\n@@ ");
                out.push_str(&lines[mid..].join("\n"));
                out.into_bytes()
            },
            Fatal(
                kind!(K::Syntax {
                    truncated: false,
                    ..
                }),
                Line::Of("@@"),
            ),
            Others::Same,
        ),
        c(
            "syntax error in the middle (missing comma)",
            Plan,
            || {
                replace(
                    Plan,
                    "\"as_of\": \"2026-10-31\",",
                    "\"as_of\": \"2026-10-31\"",
                )
            },
            Fatal(
                kind!(K::Syntax {
                    truncated: false,
                    ..
                }),
                Line::Any,
            ),
            Others::Same,
        ),
        c(
            "syntax error at the end (extra brace)",
            Indicators,
            || {
                let mut b = INDICATORS.trim_end().as_bytes().to_vec();
                b.extend_from_slice(b"\n}\n");
                b
            },
            Fatal(
                kind!(K::Syntax {
                    truncated: false,
                    ..
                }),
                Line::At(INDICATORS.trim_end().lines().count() + 1),
            ),
            Others::Same,
        ),
        c(
            "trailing comma",
            Measures,
            || br#"{"format": "wegmarke/1", "measures": [],}"#.to_vec(),
            Fatal(kind!(K::Syntax { .. }), Line::At(1)),
            Others::Usable,
        ),
        c(
            "single quotes instead of double quotes",
            Plan,
            || b"{'format': 'wegmarke/1'}".to_vec(),
            Fatal(kind!(K::Syntax { .. }), Line::At(1)),
            Others::Same,
        ),
        c(
            "comment in JSON",
            Indicators,
            || {
                let mut b = b"// Stand Oktober\n".to_vec();
                b.extend_from_slice(INDICATORS.as_bytes());
                b
            },
            Fatal(kind!(K::Syntax { .. }), Line::At(1)),
            Others::Same,
        ),
        c(
            "NUL byte at the start",
            Measures,
            || {
                let mut b = vec![0u8];
                b.extend_from_slice(MEASURES.as_bytes());
                b
            },
            Fatal(kind!(K::Syntax { .. }), Line::At(1)),
            Others::Same,
        ),
        // --- truncated files ---
        c(
            "truncated in the middle",
            Measures,
            || {
                let mut cut = MEASURES.len() / 2;
                while !MEASURES.is_char_boundary(cut) {
                    cut -= 1;
                }
                MEASURES.as_bytes()[..cut].to_vec()
            },
            Fatal(
                kind!(K::Syntax {
                    truncated: true,
                    ..
                }),
                Line::Any,
            ),
            Others::Same,
        ),
        c(
            "truncated after one byte",
            Indicators,
            || b"{".to_vec(),
            Fatal(
                kind!(K::Syntax {
                    truncated: true,
                    ..
                }),
                Line::At(1),
            ),
            Others::Same,
        ),
        c(
            "truncated inside a string",
            Plan,
            || {
                let at = PLAN.find("Göppingen").unwrap() + 3;
                PLAN.as_bytes()[..at].to_vec()
            },
            Fatal(
                kind!(K::Syntax {
                    truncated: true,
                    ..
                }),
                Line::Any,
            ),
            Others::Same,
        ),
        c(
            "truncated one byte before the end",
            Measures,
            || MEASURES.trim_end().as_bytes()[..MEASURES.trim_end().len() - 1].to_vec(),
            Fatal(
                kind!(K::Syntax {
                    truncated: true,
                    ..
                }),
                Line::Any,
            ),
            Others::Same,
        ),
        // --- empty, encodings ---
        c(
            "empty file",
            Plan,
            Vec::new,
            Fatal(kind!(K::Empty), Line::None),
            Others::Same,
        ),
        c(
            "only whitespace",
            Measures,
            || b" \n\t\r\n".to_vec(),
            Fatal(kind!(K::Empty), Line::None),
            Others::Same,
        ),
        c(
            "byte-order mark (ignored, data used)",
            Plan,
            || {
                let mut b = "\u{feff}".as_bytes().to_vec();
                b.extend_from_slice(PLAN.as_bytes());
                b
            },
            Problem(kind!(K::ByteOrderMark), "", Line::None),
            Others::Same,
        ),
        c(
            "two byte-order marks",
            Indicators,
            || {
                let mut b = "\u{feff}\u{feff}".as_bytes().to_vec();
                b.extend_from_slice(INDICATORS.as_bytes());
                b
            },
            Fatal(kind!(K::Syntax { .. }), Line::At(1)),
            Others::Same,
        ),
        c(
            "Latin-1 instead of UTF-8",
            Plan,
            || {
                let text = PLAN.replacen("Göppingen", "G\u{1}ppingen", 1);
                text.into_bytes()
                    .into_iter()
                    .map(|b| if b == 1 { 0xF6 } else { b })
                    .collect()
            },
            Fatal(kind!(K::NotUtf8 { .. }), Line::Of("G")),
            Others::Same,
        ),
        c(
            "UTF-16 with byte-order mark",
            Measures,
            || {
                let mut b = vec![0xFF, 0xFE];
                for u in MEASURES.encode_utf16().take(500) {
                    b.extend_from_slice(&u.to_le_bytes());
                }
                b
            },
            Fatal(kind!(K::NotUtf8 { offset: 0 }), Line::At(1)),
            Others::Same,
        ),
        c(
            "a lone continuation byte at the end",
            Indicators,
            || {
                let mut b = INDICATORS.as_bytes().to_vec();
                b.push(0xC3);
                b
            },
            Fatal(kind!(K::NotUtf8 { .. }), Line::Any),
            Others::Same,
        ),
        // --- not the right kind of document ---
        c(
            "HTML error page instead of JSON",
            Measures,
            || {
                b"<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body><script>window.__pwned=1</script></body></html>".to_vec()
            },
            Fatal(kind!(K::LooksLikeHtml), Line::None),
            Others::Same,
        ),
        c(
            "HTML with leading blank lines",
            Plan,
            || b"\n\n   <html><body>Wartungsarbeiten</body></html>".to_vec(),
            Fatal(kind!(K::LooksLikeHtml), Line::None),
            Others::Same,
        ),
        c(
            "XML instead of JSON",
            Indicators,
            || b"<?xml version=\"1.0\"?><indicators/>".to_vec(),
            Fatal(kind!(K::LooksLikeHtml), Line::None),
            Others::Same,
        ),
        c(
            "CSV instead of JSON",
            Measures,
            || b"id;title;status\nM-1;Sprachkurse;on_track\n".to_vec(),
            Fatal(kind!(K::Syntax { .. }), Line::At(1)),
            Others::Same,
        ),
        c(
            "a JSON array at the top",
            Measures,
            || b"[]".to_vec(),
            Fatal(kind!(K::NotAnObject), Line::None),
            Others::Same,
        ),
        c(
            "a JSON string at the top",
            Plan,
            || b"\"plan\"".to_vec(),
            Fatal(kind!(K::NotAnObject), Line::None),
            Others::Same,
        ),
        c(
            "JSON null at the top",
            Indicators,
            || b"null".to_vec(),
            Fatal(kind!(K::NotAnObject), Line::None),
            Others::Same,
        ),
        c(
            "format missing",
            Measures,
            || {
                edit(Measures, |v| {
                    v.as_object_mut().unwrap().remove("format");
                })
            },
            Fatal(kind!(K::FormatMissing), Line::None),
            Others::Same,
        ),
        c(
            "format of a future major version",
            Indicators,
            || replace(Indicators, "\"wegmarke/1\"", "\"wegmarke/2\""),
            Fatal(kind!(K::FormatUnknown { .. }), Line::Of("wegmarke/2")),
            Others::Same,
        ),
        c(
            "format as a number",
            Plan,
            || replace(Plan, "\"wegmarke/1\"", "1"),
            Fatal(kind!(K::FormatUnknown { .. }), Line::At(2)),
            Others::Same,
        ),
        // --- missing files ---
        c(
            "plan.json missing (HTTP 404)",
            Plan,
            Vec::new,
            Fatal(kind!(K::Unreachable { .. }), Line::None),
            Others::Same,
        ),
        c(
            "measures.json missing (HTTP 404)",
            Measures,
            Vec::new,
            Fatal(kind!(K::Unreachable { .. }), Line::None),
            Others::Same,
        ),
        c(
            "indicators.json missing (HTTP 404)",
            Indicators,
            Vec::new,
            Fatal(kind!(K::Unreachable { .. }), Line::None),
            Others::Same,
        ),
        // --- wrong types at every level ---
        c(
            "measures is an object, not a list",
            Measures,
            || replace(Measures, "\"measures\": [", "\"measures\": {\"x\": ["),
            Fatal(kind!(K::Syntax { .. }), Line::Any),
            Others::Same,
        ),
        c(
            "measures is a string",
            Measures,
            || br#"{"format": "wegmarke/1", "measures": "alle"}"#.to_vec(),
            Problem(kind!(K::WrongType { .. }), "measures", Line::At(1)),
            Others::Usable,
        ),
        c(
            "measures list missing",
            Measures,
            || br#"{"format": "wegmarke/1"}"#.to_vec(),
            Problem(kind!(K::MissingField { .. }), "", Line::None),
            Others::Usable,
        ),
        c(
            "plan metadata is a string",
            Plan,
            || edit(Plan, |v| v["plan"] = json!("Integrationsplan")),
            Problem(
                kind!(K::WrongType { .. }),
                "plan",
                Line::Of("\"plan\": \"Integrationsplan\""),
            ),
            Others::Same,
        ),
        c(
            "fields is a number",
            Plan,
            || edit(Plan, |v| v["fields"] = json!(7)),
            Problem(
                kind!(K::WrongType { .. }),
                "fields",
                Line::Of("\"fields\": 7"),
            ),
            Others::Usable,
        ),
        c(
            "a measure is a string",
            Measures,
            || edit(Measures, |v| v["measures"][3] = json!("M-1.4")),
            Problem(
                kind!(K::WrongType { .. }),
                "measures[3]",
                Line::Of("\"M-1.4\""),
            ),
            Others::Same,
        ),
        c(
            "a title is a number",
            Measures,
            || edit(Measures, |v| v["measures"][0]["title"] = json!(42)),
            Problem(
                kind!(K::WrongType { .. }),
                "measures[0].title",
                Line::Of("\"title\": 42"),
            ),
            Others::Same,
        ),
        c(
            "a text map holds a number",
            Plan,
            || edit(Plan, |v| v["fields"][0]["title"]["en"] = json!(1)),
            Problem(
                kind!(K::WrongType { .. }),
                "fields[0].title.en",
                Line::Of("\"en\": 1"),
            ),
            Others::Usable,
        ),
        c(
            "goals is a string, not a list",
            Measures,
            || edit(Measures, |v| v["measures"][0]["goals"] = json!("sprache-1")),
            Problem(
                kind!(K::WrongType { .. }),
                "measures[0].goals",
                Line::Of("\"goals\": \"sprache-1\""),
            ),
            Others::Same,
        ),
        c(
            "a reference is a number",
            Measures,
            || edit(Measures, |v| v["measures"][0]["goals"] = json!([1])),
            Problem(
                kind!(K::WrongType { .. }),
                "measures[0].goals[0]",
                Line::Any,
            ),
            Others::Same,
        ),
        c(
            "progress as a string",
            Measures,
            || edit(Measures, |v| v["measures"][0]["progress"] = json!("40 %")),
            Problem(
                kind!(K::WrongType { .. }),
                "measures[0].progress",
                Line::Of("\"40 %\""),
            ),
            Others::Same,
        ),
        c(
            "milestone done as a string",
            Measures,
            || {
                edit(Measures, |v| {
                    v["measures"][0]["milestones"][0]["done"] = json!("ja")
                })
            },
            Problem(
                kind!(K::WrongType { .. }),
                "measures[0].milestones[0].done",
                Line::Of("\"ja\""),
            ),
            Others::Same,
        ),
        c(
            "an observed value as a string",
            Indicators,
            || {
                edit(Indicators, |v| {
                    v["indicators"][0]["series"][0]["observations"][1]["value"] = json!("12,6")
                })
            },
            Problem(
                kind!(K::WrongType { .. }),
                "indicators[0].series[0].observations[1].value",
                Line::Of("\"12,6\""),
            ),
            Others::Same,
        ),
        c(
            "series is an object",
            Indicators,
            || {
                edit(Indicators, |v| {
                    v["indicators"][1]["series"] = json!({"id": "x"})
                })
            },
            Problem(
                kind!(K::WrongType { .. }),
                "indicators[1].series",
                Line::Any,
            ),
            Others::Usable,
        ),
        c(
            "status unknown",
            Measures,
            || edit(Measures, |v| v["measures"][2]["status"] = json!("finished")),
            Problem(
                kind!(K::UnknownValue { .. }),
                "measures[2].status",
                Line::Of("\"finished\""),
            ),
            Others::Same,
        ),
        c(
            "status null",
            Measures,
            || edit(Measures, |v| v["measures"][2]["status"] = json!(null)),
            Problem(
                kind!(K::WrongType { .. }),
                "measures[2].status",
                Line::Of("\"status\": null"),
            ),
            Others::Same,
        ),
        c(
            "a required id missing",
            Indicators,
            || {
                edit(Indicators, |v| {
                    v["indicators"][2].as_object_mut().unwrap().remove("id");
                })
            },
            Problem(kind!(K::MissingField { .. }), "indicators[2]", Line::Any),
            Others::Usable,
        ),
        // --- empty lists and texts ---
        c(
            "no measures at all",
            Measures,
            || br#"{"format": "wegmarke/1", "measures": []}"#.to_vec(),
            Clean,
            Others::Same,
        ),
        c(
            "no indicators at all (goals refer to them)",
            Indicators,
            || br#"{"format": "wegmarke/1", "indicators": []}"#.to_vec(),
            Clean,
            Others::Usable,
        ),
        c(
            "a series without observations",
            Indicators,
            || {
                edit(Indicators, |v| {
                    v["indicators"][0]["series"][0]["observations"] = json!([])
                })
            },
            Clean,
            Others::Same,
        ),
        c(
            "an empty title",
            Measures,
            || edit(Measures, |v| v["measures"][0]["title"] = json!("")),
            Problem(
                kind!(K::EmptyText),
                "measures[0].title",
                Line::Of("\"title\": \"\""),
            ),
            Others::Same,
        ),
        c(
            "an empty id",
            Measures,
            || edit(Measures, |v| v["measures"][5]["id"] = json!("")),
            Problem(
                kind!(K::InvalidId { .. }),
                "measures[5].id",
                Line::Of("\"id\": \"\""),
            ),
            Others::Same,
        ),
        // --- numbers ---
        c(
            "NaN",
            Measures,
            || replace(Measures, "\"progress\": 40", "\"progress\": NaN"),
            Fatal(kind!(K::Syntax { .. }), Line::Of("NaN")),
            Others::Same,
        ),
        c(
            "Infinity",
            Indicators,
            || replace(Indicators, "\"value\": 11.8", "\"value\": Infinity"),
            Fatal(kind!(K::Syntax { .. }), Line::Of("Infinity")),
            Others::Same,
        ),
        c(
            "a number beyond f64 (1e400)",
            Indicators,
            || replace(Indicators, "\"value\": 11.8", "\"value\": 1e400"),
            Fatal(kind!(K::Syntax { .. }), Line::Of("1e400")),
            Others::Same,
        ),
        c(
            "negative progress",
            Measures,
            || edit(Measures, |v| v["measures"][0]["progress"] = json!(-5)),
            Problem(
                kind!(K::OutOfRange { .. }),
                "measures[0].progress",
                Line::Of("-5"),
            ),
            Others::Same,
        ),
        c(
            "progress of 1e300",
            Measures,
            || edit(Measures, |v| v["measures"][0]["progress"] = json!(1e300)),
            Problem(
                kind!(K::AbsurdNumber { .. }),
                "measures[0].progress",
                Line::Any,
            ),
            Others::Same,
        ),
        c(
            "negative weight",
            Measures,
            || edit(Measures, |v| v["measures"][1]["weight"] = json!(-1)),
            Problem(
                kind!(K::OutOfRange { .. }),
                "measures[1].weight",
                Line::Of("\"weight\": -1"),
            ),
            Others::Same,
        ),
        c(
            "a budget of 1e20",
            Measures,
            || {
                edit(Measures, |v| {
                    v["measures"][0]["budget"] = json!({"amount": 1e20, "currency": "EUR"})
                })
            },
            Problem(
                kind!(K::AbsurdNumber { .. }),
                "measures[0].budget.amount",
                Line::Any,
            ),
            Others::Same,
        ),
        c(
            "decimals of 99",
            Indicators,
            || edit(Indicators, |v| v["indicators"][0]["decimals"] = json!(99)),
            Problem(
                kind!(K::OutOfRange { .. }),
                "indicators[0].decimals",
                Line::Of("99"),
            ),
            Others::Same,
        ),
        c(
            "decimals negative",
            Indicators,
            || edit(Indicators, |v| v["indicators"][0]["decimals"] = json!(-1)),
            Problem(
                kind!(K::WrongType { .. } | K::Other { .. } | K::OutOfRange { .. }),
                "indicators[0].decimals",
                Line::Any,
            ),
            Others::Same,
        ),
        c(
            "a target year with 20 digits",
            Plan,
            || {
                replace(
                    Plan,
                    "\"target_year\": 2030",
                    "\"target_year\": 99999999999999999999",
                )
            },
            Problem(
                kind!(K::WrongType { .. }),
                "goals[1].target_year",
                Line::Of("99999999999999999999"),
            ),
            Others::Same,
        ),
        c(
            "an observed value of -1e16",
            Indicators,
            || {
                edit(Indicators, |v| {
                    v["indicators"][0]["series"][0]["observations"][0]["value"] = json!(-1e16)
                })
            },
            Problem(
                kind!(K::AbsurdNumber { .. }),
                "indicators[0].series[0].observations[0].value",
                Line::Any,
            ),
            Others::Same,
        ),
        c(
            "a suppressed value that is not null",
            Indicators,
            || {
                edit(Indicators, |v| {
                    v["indicators"][0]["series"][0]["observations"][0]["flag"] = json!("suppressed")
                })
            },
            Problem(
                kind!(K::SuppressedNotNull),
                "indicators[0].series[0].observations[0].value",
                Line::Any,
            ),
            Others::Same,
        ),
        // --- impossible dates ---
        c(
            "30 February",
            Measures,
            || {
                edit(Measures, |v| {
                    v["measures"][0]["start"] = json!("2025-02-30")
                })
            },
            Problem(
                kind!(K::InvalidDate { .. }),
                "measures[0].start",
                Line::Of("2025-02-30"),
            ),
            Others::Same,
        ),
        c(
            "29 February of a common year",
            Plan,
            || edit(Plan, |v| v["plan"]["as_of"] = json!("2026-02-29")),
            Problem(
                kind!(K::InvalidDate { .. }),
                "plan.as_of",
                Line::Of("2026-02-29"),
            ),
            Others::Same,
        ),
        c(
            "month 13",
            Measures,
            || edit(Measures, |v| v["measures"][1]["end"] = json!("2026-13")),
            Problem(
                kind!(K::InvalidDate { .. }),
                "measures[1].end",
                Line::Of("2026-13"),
            ),
            Others::Same,
        ),
        c(
            "a date in words",
            Plan,
            || edit(Plan, |v| v["plan"]["as_of"] = json!("gestern")),
            Problem(
                kind!(K::InvalidDate { .. }),
                "plan.as_of",
                Line::Of("gestern"),
            ),
            Others::Same,
        ),
        c(
            "a German date",
            Measures,
            || {
                edit(Measures, |v| {
                    v["measures"][0]["updates"][0]["date"] = json!("01.03.2026")
                })
            },
            Problem(
                kind!(K::InvalidDate { .. }),
                "measures[0].updates[0].date",
                Line::Of("01.03.2026"),
            ),
            Others::Same,
        ),
        c(
            "quarter 5",
            Indicators,
            || {
                edit(Indicators, |v| {
                    v["indicators"][0]["series"][0]["observations"][0]["period"] = json!("2023-Q5")
                })
            },
            Problem(
                kind!(K::InvalidPeriod { .. }),
                "indicators[0].series[0].observations[0].period",
                Line::Of("2023-Q5"),
            ),
            Others::Same,
        ),
        c(
            "end before start",
            Measures,
            || {
                edit(Measures, |v| {
                    v["measures"][0]["start"] = json!("2026-01");
                    v["measures"][0]["end"] = json!("2025-01");
                })
            },
            Problem(
                kind!(K::EndBeforeStart { .. }),
                "measures[0].end",
                Line::Of("\"end\": \"2025-01\""),
            ),
            Others::Same,
        ),
        // --- links ---
        c(
            "a javascript: link",
            Measures,
            || {
                edit(
                    Measures,
                    |v| {
                        v["measures"][0]["links"] =
                            json!([{"title": "Kurse", "url": "javascript:window.__pwned=1"}])
                    },
                )
            },
            Problem(
                kind!(K::BadLink { .. }),
                "measures[0].links[0].url",
                Line::Of("javascript:"),
            ),
            Others::Same,
        ),
        c(
            "a JavaScript: link with spaces and capitals",
            Plan,
            || {
                edit(Plan, |v| {
                    v["plan"]["contact"]["url"] = json!("  JaVaScRiPt:window.__pwned=1")
                })
            },
            Problem(
                kind!(K::BadLink { .. }),
                "plan.contact.url",
                Line::Of("JaVaScRiPt"),
            ),
            Others::Same,
        ),
        c(
            "a javascript: link hidden by a tab",
            Plan,
            || {
                edit(Plan, |v| {
                    v["actors"][0]["url"] = json!("java\tscript:window.__pwned=1")
                })
            },
            Problem(kind!(K::BadLink { .. }), "actors[0].url", Line::Any),
            Others::Same,
        ),
        c(
            "a data: URL",
            Indicators,
            || {
                edit(Indicators, |v| {
                    v["indicators"][0]["source"]["url"] =
                        json!("data:text/html,<script>window.__pwned=1</script>")
                })
            },
            Problem(
                kind!(K::BadLink { .. }),
                "indicators[0].source.url",
                Line::Of("data:text/html"),
            ),
            Others::Same,
        ),
        c(
            "an https link with a line break",
            Measures,
            || {
                edit(
                    Measures,
                    |v| {
                        v["measures"][0]["links"] =
                            json!([{"title": "x", "url": "https://example.org/\n<script>"}])
                    },
                )
            },
            Problem(
                kind!(K::BadLink { .. }),
                "measures[0].links[0].url",
                Line::Any,
            ),
            Others::Same,
        ),
        c(
            "a report path leaving the data folder",
            Plan,
            || edit(Plan, |v| v["reports"][0]["path"] = json!("../../../etc/")),
            Problem(
                kind!(K::BadPath { .. }),
                "reports[0].path",
                Line::Of("../../../etc/"),
            ),
            Others::Same,
        ),
        c(
            "a report path on another host",
            Plan,
            || {
                edit(Plan, |v| {
                    v["reports"][0]["path"] = json!("//evil.example/reports/")
                })
            },
            Problem(
                kind!(K::BadPath { .. }),
                "reports[0].path",
                Line::Of("evil.example"),
            ),
            Others::Same,
        ),
        c(
            "a report path leaving the data folder percent-encoded",
            Plan,
            || {
                edit(Plan, |v| {
                    v["reports"][0]["path"] = json!("%2e%2e/%2E%2e/etc/")
                })
            },
            Problem(
                kind!(K::BadPath { .. }),
                "reports[0].path",
                Line::Of("%2e%2e/"),
            ),
            Others::Same,
        ),
        c(
            "a contact email with a hidden bcc",
            Plan,
            || {
                edit(Plan, |v| {
                    v["plan"]["contact"]["email"] =
                        json!("integration@example.org?bcc=spy@evil.example")
                })
            },
            Problem(
                kind!(K::BadLink { .. }),
                "plan.contact.email",
                Line::Of("bcc="),
            ),
            Others::Same,
        ),
        c(
            "config: a javascript: imprint link",
            Config,
            || {
                br#"{"links": {"imprint": "javascript:window.__pwned=1", "privacy": "https://example.org/datenschutz"}}"#.to_vec()
            },
            Problem(kind!(K::BadLink { .. }), "links.imprint", Line::At(1)),
            Others::Same,
        ),
        c(
            "config: a logo from another host",
            Config,
            || br#"{"theme": {"logo": "https://evil.example/logo.svg"}}"#.to_vec(),
            Problem(kind!(K::BadPath { .. }), "theme.logo", Line::At(1)),
            Others::Same,
        ),
        c(
            "config: HTML instead of JSON",
            Config,
            || b"<html><body>Not found</body></html>".to_vec(),
            Fatal(kind!(K::LooksLikeHtml), Line::None),
            Others::Same,
        ),
        c(
            "config: a syntax error",
            Config,
            || b"{\"languages\": [\"de\",]}".to_vec(),
            Fatal(kind!(K::Syntax { .. }), Line::At(1)),
            Others::Same,
        ),
        // --- hostile text: stays text ---
        Case {
            check: |ds| {
                let m = ds.measures.as_ref().unwrap();
                assert_eq!(m.measures[0].title.resolve("de", "de"), SCRIPT);
                assert!(m.measures.iter().all(|m| m
                    .summary
                    .as_ref()
                    .is_none_or(|s| s.resolve("en", "de") == SCRIPT)));
            },
            ..c(
                "script and HTML in every text field of measures.json",
                Measures,
                || edit(Measures, |v| poison(v, SCRIPT)),
                Clean,
                Others::Same,
            )
        },
        Case {
            check: |ds| {
                let p = ds.plan.as_ref().unwrap();
                assert_eq!(p.plan.title.resolve("en", "de"), SCRIPT);
                assert_eq!(p.fields[0].title.resolve("de", "de"), SCRIPT);
            },
            ..c(
                "script and HTML in every text field of plan.json",
                Plan,
                || edit(Plan, |v| poison(v, SCRIPT)),
                Clean,
                Others::Same,
            )
        },
        Case {
            check: |ds| {
                let i = ds.indicators.as_ref().unwrap();
                assert_eq!(i.indicators[0].unit.as_deref(), Some(SCRIPT));
            },
            ..c(
                "script and HTML in every text field of indicators.json",
                Indicators,
                || edit(Indicators, |v| poison(v, SCRIPT)),
                Clean,
                Others::Same,
            )
        },
        c(
            "script in an id",
            Measures,
            || {
                edit(Measures, |v| {
                    v["measures"][0]["id"] = json!("<script>window.__pwned=1</script>")
                })
            },
            Problem(
                kind!(K::InvalidId { .. }),
                "measures[0].id",
                Line::Of("<script>"),
            ),
            Others::Same,
        ),
        c(
            "script in a status",
            Measures,
            || {
                edit(Measures, |v| {
                    v["measures"][0]["status"] = json!("<img src=x onerror=window.__pwned=1>")
                })
            },
            Problem(
                kind!(K::UnknownValue { .. }),
                "measures[0].status",
                Line::Of("onerror"),
            ),
            Others::Same,
        ),
        c(
            "script as a reference",
            Measures,
            || {
                edit(Measures, |v| {
                    v["measures"][0]["goals"] = json!(["<script>window.__pwned=1</script>"])
                })
            },
            Problem(
                kind!(K::UnknownReference {
                    target: RefKind::Goal,
                    ..
                }),
                "measures[0].goals[0]",
                Line::Of("<script>"),
            ),
            Others::Same,
        ),
        Case {
            check: |ds| {
                assert_eq!(
                    ds.plan.as_ref().unwrap().plan.title.resolve("de", "de"),
                    BIDI
                );
            },
            ..c(
                "bidirectional overrides in every text field",
                Plan,
                || edit(Plan, |v| poison(v, BIDI)),
                Clean,
                Others::Same,
            )
        },
        c(
            "a bidirectional override in an id",
            Measures,
            || {
                edit(Measures, |v| {
                    v["measures"][0]["id"] = json!("M-1.1\u{202E}")
                })
            },
            Problem(kind!(K::InvalidId { .. }), "measures[0].id", Line::Any),
            Others::Same,
        ),
        Case {
            check: |ds| {
                assert_eq!(
                    ds.measures.as_ref().unwrap().measures[0]
                        .title
                        .resolve("de", "de"),
                    EMOJI
                );
            },
            ..c(
                "emoji and combining characters in every text field",
                Measures,
                || edit(Measures, |v| poison(v, EMOJI)),
                Clean,
                Others::Same,
            )
        },
        c(
            "a title of 400 emoji (counted in characters, cut)",
            Measures,
            || {
                edit(Measures, |v| {
                    v["measures"][0]["title"] = json!("🙂".repeat(400))
                })
            },
            Problem(
                kind!(K::TooLong {
                    length: 400,
                    max: 300
                }),
                "measures[0].title",
                Line::Any,
            ),
            Others::Same,
        ),
        c(
            "emoji in an id",
            Indicators,
            || edit(Indicators, |v| v["indicators"][0]["id"] = json!("I-🙂")),
            Problem(kind!(K::InvalidId { .. }), "indicators[0].id", Line::Any),
            Others::Usable,
        ),
        // --- size ---
        Case {
            check: |ds| {
                let t = ds.measures.as_ref().unwrap().measures[0]
                    .title
                    .resolve("de", "de");
                assert_eq!(
                    t.chars().count(),
                    301,
                    "cut to 300 characters and an ellipsis"
                );
            },
            ..c(
                "a 10 MB title",
                Measures,
                || edit(Measures, |v| v["measures"][0]["title"] = json!(ten_mib())),
                Problem(
                    kind!(K::TooLong { max: 300, .. }),
                    "measures[0].title",
                    Line::Any,
                ),
                Others::Same,
            )
        },
        c(
            "a 10 MB description",
            Plan,
            || edit(Plan, |v| v["plan"]["description"] = json!(ten_mib())),
            Problem(
                kind!(K::TooLong { max: 20_000, .. }),
                "plan.description",
                Line::Any,
            ),
            Others::Same,
        ),
        c(
            "a 10 MB status",
            Measures,
            || edit(Measures, |v| v["measures"][0]["status"] = json!(ten_mib())),
            Problem(
                kind!(K::UnknownValue { .. }),
                "measures[0].status",
                Line::Any,
            ),
            Others::Same,
        ),
        c(
            "a 10 MB id",
            Indicators,
            || edit(Indicators, |v| v["indicators"][0]["id"] = json!(ten_mib())),
            Problem(kind!(K::InvalidId { .. }), "indicators[0].id", Line::Any),
            Others::Usable,
        ),
        c(
            "a 10 MB format",
            Plan,
            || replace(Plan, "\"wegmarke/1\"", &format!("\"{}\"", ten_mib())),
            Fatal(kind!(K::FormatUnknown { .. }), Line::At(2)),
            Others::Same,
        ),
        c(
            "a 10 MB link",
            Measures,
            || {
                edit(
                    Measures,
                    |v| v["measures"][0]["links"] = json!([{"title": "x", "url": format!("https://example.org/{}", ten_mib())}]),
                )
            },
            Problem(
                kind!(K::BadLink { .. }),
                "measures[0].links[0].url",
                Line::Any,
            ),
            Others::Same,
        ),
        c(
            "a 10 MB number",
            Measures,
            || {
                replace(
                    Measures,
                    "\"progress\": 40",
                    &format!("\"progress\": {}", "9".repeat(10 << 20)),
                )
            },
            Fatal(kind!(K::Syntax { .. }), Line::Of("999")),
            Others::Same,
        ),
        Case {
            check: |ds| {
                assert_eq!(ds.measures.as_ref().unwrap().measures.len(), 100_000);
            },
            ..c(
                "100,000 measures",
                Measures,
                || many_measures(100_000, "sprache-1"),
                Clean,
                Others::Same,
            )
        },
        Case {
            check: |ds| {
                let listed = ds
                    .problems
                    .iter()
                    .filter(|p| p.file == "measures.json")
                    .count();
                assert_eq!(listed, 1_001, "1,000 problems and one closing count");
                assert!(ds
                    .problems
                    .iter()
                    .any(|p| p.kind == ProblemKind::TooManyProblems { more: 99_000 }));
            },
            ..c(
                "100,000 measures, each with an unknown goal",
                Measures,
                || many_measures(100_000, "sprache-9"),
                Problem(
                    kind!(K::UnknownReference { .. }),
                    "measures[0].goals[0]",
                    Line::At(2),
                ),
                Others::Same,
            )
        },
        // --- nesting and keys ---
        c(
            "100,000 nested arrays",
            Measures,
            || {
                let mut s = String::from("{\"format\": \"wegmarke/1\", \"measures\": ");
                s.push_str(&"[".repeat(100_000));
                s.push_str(&"]".repeat(100_000));
                s.push('}');
                s.into_bytes()
            },
            Fatal(kind!(K::Syntax { .. }), Line::At(1)),
            Others::Same,
        ),
        c(
            "100,000 nested objects",
            Plan,
            || {
                let mut s = String::new();
                s.push_str(&"{\"a\":".repeat(100_000));
                s.push('1');
                s.push_str(&"}".repeat(100_000));
                s.into_bytes()
            },
            Fatal(kind!(K::Syntax { .. }), Line::At(1)),
            Others::Same,
        ),
        c(
            "deep nesting in an unknown field (kept, harmless)",
            Measures,
            || {
                let deep = format!("{}1{}", "[".repeat(100), "]".repeat(100));
                replace(
                    Measures,
                    "\"id\": \"M-1.1\",",
                    &format!("\"id\": \"M-1.1\", \"x_deep\": {deep},"),
                )
            },
            Clean,
            Others::Same,
        ),
        c(
            "duplicate ids",
            Measures,
            || edit(Measures, |v| v["measures"][1]["id"] = json!("M-1.1")),
            Problem(kind!(K::DuplicateId { .. }), "measures[1].id", Line::Any),
            Others::Same,
        ),
        c(
            "a duplicate key (the later value is used, and reported)",
            Measures,
            || {
                replace(
                    Measures,
                    "\"id\": \"M-1.1\",",
                    "\"id\": \"M-1.1\", \"id\": \"M-1.1\",",
                )
            },
            Problem(kind!(K::DuplicateKey { .. }), "measures[0].id", Line::Any),
            Others::Same,
        ),
        c(
            "unknown fields everywhere (kept for tools)",
            Plan,
            || {
                replace(Plan, "\"format\": \"wegmarke/1\",", "\"format\": \"wegmarke/1\", \"x_tool\": {\"version\": 3, \"script\": \"<script>window.__pwned=1</script>\"},")
            },
            Clean,
            Others::Same,
        ),
        c(
            "a whole file on one line with an error at the end",
            Indicators,
            || {
                let v: Value = serde_json::from_str(INDICATORS).unwrap();
                let mut s = serde_json::to_string(&v).unwrap();
                s.pop();
                s.push(']');
                s.into_bytes()
            },
            Fatal(kind!(K::Syntax { .. }), Line::At(1)),
            Others::Same,
        ),
        c(
            "Windows line endings with an error",
            Plan,
            || {
                PLAN.replace('\n', "\r\n")
                    .replacen("\"as_of\"", "as_of", 1)
                    .into_bytes()
            },
            Fatal(kind!(K::Syntax { .. }), Line::Of("as_of")),
            Others::Same,
        ),
    ]
}

/// Runs one case: the base files with the case's file replaced.
fn run(case: &Case) -> Dataset {
    with_case(case, |inputs, config| {
        let mut ds = validate(inputs, "");
        let (_, mut config_problems) = validate_config(&Input::Bytes(config));
        config_problems.append(&mut ds.problems);
        ds.problems = config_problems;
        ds
    })
}

/// Calls `f` with the case's data files and config.json (the base's where the case has
/// no file of its own).
fn with_case<R>(case: &Case, f: impl FnOnce(&Inputs, &[u8]) -> R) -> R {
    let bytes = (case.bytes)();
    let plan = PLAN.as_bytes();
    let measures = MEASURES.as_bytes();
    let indicators = INDICATORS.as_bytes();
    let pick = |f: File, own: &'static [u8]| -> Input<'_> {
        if case.file != f {
            Input::Bytes(own)
        } else if case.name.ends_with("(HTTP 404)") {
            Input::Unreachable(format!("HTTP 404 Not Found – data/{}", f.name()))
        } else {
            Input::Bytes(&bytes)
        }
    };
    let inputs = Inputs {
        plan: pick(File::Plan, plan),
        measures: pick(File::Measures, measures),
        indicators: pick(File::Indicators, indicators),
    };
    let config = if case.file == File::Config {
        &bytes[..]
    } else {
        CONFIG.as_bytes()
    };
    f(&inputs, config)
}

/// The dashboard checks with `validate_quick` first (it leaves the code that locates a value of
/// the wrong type out of the first download). When it says it is complete it must give exactly
/// what `validate` gives; when not, each of its problems must be one `validate` reports, name
/// an entry that `validate` reports a problem inside, or be a reference to such an entry (which
/// the quick check leaves out as a whole), or be a syntax error that `validate` reports with the
/// entry it is in named (the quick check leaves naming it to the located one).
#[test]
fn the_quick_check_agrees_with_the_full_one_or_says_it_is_incomplete() {
    let mut incomplete = 0;
    for case in cases() {
        with_case(&case, |inputs, config| {
            let full = validate(inputs, "");
            let full_config = validate_config(&Input::Bytes(config));
            let (quick, complete) = validate_quick(inputs, "");
            if complete {
                assert_eq!(quick, full, "{}", case.name);
            } else {
                assert!(quick.plan.is_some() == full.plan.is_some(), "{}", case.name);
            }
            let (config_quick, config_complete) = validate_config_quick(&Input::Bytes(config));
            let results = [
                (quick.problems, complete, full.problems),
                (config_quick.1, config_complete, full_config.1),
            ];
            for (quick, complete, full) in results {
                if complete {
                    assert_eq!(quick, full, "{}", case.name);
                    continue;
                }
                incomplete += 1;
                for p in &quick {
                    assert_presentable(p);
                    assert!(
                        full.contains(p)
                            || matches!(p.kind, ProblemKind::UnknownReference { .. })
                            || full.iter().any(|f| names_the_entry(p, f))
                            || full.iter().any(|f| f.file == p.file
                                && f.path.0.len() > p.path.0.len()
                                && f.path.0.starts_with(&p.path.0)),
                        "{}: the quick check reports {p:?}, which the full one does not locate",
                        case.name
                    );
                }
            }
        });
    }
    assert!(
        incomplete >= 5,
        "the corpus has values of the wrong type ({incomplete} found)"
    );
}

/// Whether `full` is the syntax error `quick` with the entry it is in named.
fn names_the_entry(quick: &Problem, full: &Problem) -> bool {
    let (
        ProblemKind::Syntax {
            detail: q,
            truncated: qt,
        },
        ProblemKind::Syntax {
            detail: f,
            truncated: ft,
        },
    ) = (&quick.kind, &full.kind)
    else {
        return false;
    };
    let named = f == q
        || f.strip_prefix(q.as_str())
            .is_some_and(|r| r.starts_with(", in "));
    named
        && qt == ft
        && (
            &quick.severity,
            &quick.file,
            &quick.path,
            quick.line,
            quick.column,
        ) == (
            &full.severity,
            &full.file,
            &full.path,
            full.line,
            full.column,
        )
}

fn baseline() -> Dataset {
    let ds = validate(
        &Inputs {
            plan: Input::Bytes(PLAN.as_bytes()),
            measures: Input::Bytes(MEASURES.as_bytes()),
            indicators: Input::Bytes(INDICATORS.as_bytes()),
        },
        "",
    );
    assert!(
        ds.problems.is_empty(),
        "the base data set is clean: {:#?}",
        ds.problems
    );
    ds
}

/// The line of the first occurrence of `marker` in `bytes` (1-based).
fn line_of(bytes: &[u8], marker: &str) -> usize {
    let at = bytes
        .windows(marker.len())
        .position(|w| w == marker.as_bytes())
        .unwrap_or_else(|| panic!("marker {marker:?} not in the case's bytes"));
    bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1
}

/// What every problem must be, whatever the input: located in a named file, with a short
/// message in both languages (a hostile value never floods the page).
fn assert_presentable(p: &Problem) {
    assert!(!p.file.is_empty());
    assert!(p.location().starts_with(&p.file));
    if let Some(line) = p.line {
        assert!(line >= 1 && p.column.is_some_and(|c| c >= 1), "{p:?}");
    }
    for lang in ["de", "en"] {
        let m = p.message(lang);
        assert!(!m.trim().is_empty());
        assert!(
            m.chars().count() <= 600,
            "{lang} message of {} characters for {:?}: {}…",
            m.chars().count(),
            p.kind_name(),
            m.chars().take(120).collect::<String>()
        );
    }
    assert!(p.location().chars().count() <= 400, "location too long");
}

trait KindName {
    fn kind_name(&self) -> String;
}

impl KindName for Problem {
    fn kind_name(&self) -> String {
        let s = format!("{:?}", self.kind);
        s.split([' ', '{', '(']).next().unwrap_or("").to_owned()
    }
}

fn check_case(case: &Case, base: &Dataset) -> Result<Duration, String> {
    let bytes = (case.bytes)();
    let started = Instant::now();
    let ds = run(case);
    let took = started.elapsed();
    let file = case.file.name();
    let own: Vec<&Problem> = ds.problems.iter().filter(|p| p.file == file).collect();
    let dump = || {
        ds.problems
            .iter()
            .take(8)
            .map(|p| format!("  {} [{}]", p.to_line("en"), p.kind_name()))
            .collect::<Vec<_>>()
            .join("\n")
    };
    for p in &ds.problems {
        assert_presentable(p);
    }
    let usable = |f: File| match f {
        File::Plan => ds.plan.is_some(),
        File::Measures => ds.measures.is_some(),
        File::Indicators => ds.indicators.is_some(),
        File::Config => true,
    };
    let line_ok = |p: &Problem, line: Line| match line {
        Line::None => p.line.is_none(),
        Line::Any => true,
        Line::At(n) => p.line == Some(n),
        Line::Of(marker) => p.line == Some(line_of(&bytes, marker)),
    };
    match &case.expect {
        Expect::Clean => {
            if !own.is_empty() {
                return Err(format!("expected no problem, got:\n{}", dump()));
            }
        }
        Expect::Fatal(kind, line) => {
            let fatal: Vec<&&Problem> = own
                .iter()
                .filter(|p| p.severity == Severity::Fatal)
                .collect();
            if fatal.len() != 1 || !kind(&fatal[0].kind) || !line_ok(fatal[0], *line) {
                return Err(format!(
                    "expected one fatal problem of the kind at {line:?}, got:\n{}",
                    dump()
                ));
            }
            if case.file != File::Config && usable(case.file) {
                return Err("a fatal file must not be used".into());
            }
        }
        Expect::Problem(kind, path, line) => {
            let found = own.iter().any(|p| {
                p.severity == Severity::Problem
                    && kind(&p.kind)
                    && p.path.to_string() == *path
                    && line_ok(p, *line)
            });
            if !found {
                return Err(format!(
                    "expected a problem of the kind at {path} {line:?}, got:\n{}",
                    dump()
                ));
            }
            if !usable(case.file) {
                return Err("the file must stay usable".into());
            }
        }
    }
    // The other files.
    let others = [File::Plan, File::Measures, File::Indicators]
        .into_iter()
        .filter(|&f| f != case.file);
    for f in others {
        let theirs = ds.problems.iter().filter(|p| p.file == f.name()).count();
        let (same, non_empty) = match f {
            File::Plan => (
                ds.plan == base.plan,
                ds.plan.as_ref().is_some_and(|p| !p.fields.is_empty()),
            ),
            File::Measures => (
                ds.measures == base.measures,
                ds.measures.as_ref().is_some_and(|m| !m.measures.is_empty()),
            ),
            File::Indicators => (
                ds.indicators == base.indicators,
                ds.indicators
                    .as_ref()
                    .is_some_and(|i| !i.indicators.is_empty()),
            ),
            File::Config => (true, true),
        };
        match case.others {
            Others::Same if !same || theirs > 0 => {
                return Err(format!("{} changed or got problems:\n{}", f.name(), dump()))
            }
            Others::Usable if !non_empty => {
                return Err(format!("{} is no longer usable", f.name()))
            }
            _ => {}
        }
    }
    (case.check)(&ds);
    Ok(took)
}

#[test]
fn the_corpus_has_at_least_sixty_cases_with_distinct_names() {
    let cases = cases();
    eprintln!("corpus: {} cases", cases.len());
    assert!(cases.len() >= 60, "{} cases", cases.len());
    let mut names: Vec<_> = cases.iter().map(|c| c.name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), cases.len(), "case names are unique");
}

#[test]
fn every_hostile_input_gets_its_located_message_and_the_rest_stays_usable() {
    let base = baseline();
    let mut failures = Vec::new();
    for case in cases() {
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check_case(&case, &base))) {
            // Speed is measured in the benchmark and in the browser test (long tasks), not
            // here: a timed assertion in a unit test only measures how busy the machine is.
            Ok(Ok(_took)) => {}
            Ok(Err(why)) => failures.push(format!("{} ({}): {why}", case.name, case.file.name())),
            Err(_) => failures.push(format!("{} ({}): panicked", case.name, case.file.name())),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of the corpus failed:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn hostile_text_is_kept_verbatim_so_the_page_can_escape_it() {
    // The validator does not "sanitise" (that would corrupt legitimate text such as "<5 Jahre"):
    // the page renders text nodes only. What it keeps is exactly what was written.
    let case = cases()
        .into_iter()
        .find(|c| {
            c.name
                .starts_with("script and HTML in every text field of measures")
        })
        .unwrap();
    let ds = run(&case);
    let strings = strings_of(ds.measures.as_ref().unwrap());
    assert!(strings.iter().filter(|s| *s == SCRIPT).count() > 100);
}

/// One edit of a mutation.
#[derive(Clone, Debug)]
enum Edit {
    Flip(usize, u8),
    Insert(usize, u8),
    Delete(usize, usize),
    /// Inserts a piece of JSON syntax, to reach deeper than random bytes do.
    Token(usize, usize),
}

const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "null",
    "true",
    "-",
    "1e999",
    "0.0",
    "\"\"",
    "\\u0000",
    "\\ud800",
    "\u{202E}",
    "<script>",
    "NaN",
    "\u{feff}",
    "\"status\": 1",
    "[[[[[[",
    "]]]",
    "\"2023-02-30\"",
    "\"javascript:x\"",
    "\n",
    "\"id\": \"M-1.1\"",
];

fn mutate(text: &str, edits: &[Edit]) -> Vec<u8> {
    let mut b = text.as_bytes().to_vec();
    for e in edits {
        let at = |p: usize, len: usize| if len == 0 { 0 } else { p % len };
        match *e {
            Edit::Flip(p, bit) => {
                if !b.is_empty() {
                    let i = at(p, b.len());
                    b[i] ^= 1 << (bit % 8);
                }
            }
            Edit::Insert(p, byte) => {
                let i = at(p, b.len() + 1);
                b.insert(i, byte);
            }
            Edit::Delete(p, n) => {
                if !b.is_empty() {
                    let i = at(p, b.len());
                    let end = (i + n % 64 + 1).min(b.len());
                    b.drain(i..end);
                }
            }
            Edit::Token(p, t) => {
                let i = at(p, b.len() + 1);
                let tok = TOKENS[t % TOKENS.len()].as_bytes();
                b.splice(i..i, tok.iter().copied());
            }
        }
    }
    b
}

fn edit_strategy() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(p, b)| Edit::Flip(p, b)),
        (any::<usize>(), any::<u8>()).prop_map(|(p, b)| Edit::Insert(p, b)),
        (any::<usize>(), any::<usize>()).prop_map(|(p, n)| Edit::Delete(p, n)),
        (any::<usize>(), any::<usize>()).prop_map(|(p, t)| Edit::Token(p, t)),
    ]
}

proptest! {
    // Bounded so it fits in CI (a few seconds); raise with PROPTEST_CASES=100000 for a long run.
    #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_base_files_never_panic_and_a_fatal_file_costs_only_itself(
        which in 0..3usize,
        edits in prop::collection::vec(edit_strategy(), 1..8),
    ) {
        let base = baseline();
        let file = [File::Plan, File::Measures, File::Indicators][which];
        let bytes = mutate(file.base(), &edits);
        let input = |f: File| if f == file { Input::Bytes(&bytes) } else { Input::Bytes(f.base().as_bytes()) };
        let ds = validate(&Inputs { plan: input(File::Plan), measures: input(File::Measures), indicators: input(File::Indicators) }, "");
        for p in &ds.problems {
            assert_presentable(p);
        }
        let fatal = ds.problems.iter().any(|p| p.severity == Severity::Fatal);
        if fatal {
            prop_assert!(ds.problems.iter().filter(|p| p.severity == Severity::Fatal).all(|p| p.file == file.name()));
            if file != File::Plan { prop_assert_eq!(&ds.plan, &base.plan); }
            if file != File::Measures { prop_assert_eq!(&ds.measures, &base.measures); }
            if file != File::Indicators { prop_assert_eq!(&ds.indicators, &base.indicators); }
        }
    }

    #[test]
    fn mutated_config_never_panics(edits in prop::collection::vec(edit_strategy(), 1..8)) {
        let bytes = mutate(CONFIG, &edits);
        let (_, problems) = validate_config(&Input::Bytes(&bytes));
        for p in &problems {
            assert_presentable(p);
        }
    }
}
