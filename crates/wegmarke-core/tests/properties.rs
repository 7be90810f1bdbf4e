//! Property tests: validation never panics on arbitrary input, and every valid data set
//! survives parse -> serialize -> parse unchanged.

use proptest::prelude::*;
use serde_json::{json, Value};
use wegmarke_core::{validate, Input, Inputs, Status};

/// Arbitrary JSON, biased toward the contract's keys so the validator's deeper paths are hit.
fn arb_json() -> impl Strategy<Value = Value> {
    let key = prop_oneof![
        Just("format".to_string()),
        Just("plan".to_string()),
        Just("measures".to_string()),
        Just("indicators".to_string()),
        Just("id".to_string()),
        Just("title".to_string()),
        Just("status".to_string()),
        Just("goals".to_string()),
        Just("series".to_string()),
        Just("observations".to_string()),
        Just("period".to_string()),
        Just("value".to_string()),
        Just("progress".to_string()),
        Just("start".to_string()),
        Just("end".to_string()),
        Just("links".to_string()),
        Just("url".to_string()),
        Just("flag".to_string()),
        "[a-z_]{1,8}",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| json!(f)),
        Just(json!("wegmarke/1")),
        Just(json!("on_track")),
        Just(json!("2023-02-30")),
        "[0-9]{4}(-[0-9]{2}){0,2}".prop_map(Value::String),
        ".{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(key.clone(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn run(p: &[u8], m: &[u8], i: &[u8]) -> wegmarke_core::Dataset {
    validate(
        &Inputs {
            plan: Input::Bytes(p),
            measures: Input::Bytes(m),
            indicators: Input::Bytes(i),
        },
        "",
    )
}

fn status() -> impl Strategy<Value = Status> {
    prop::sample::select(Status::ALL.to_vec())
}

fn date() -> impl Strategy<Value = String> {
    prop_oneof![
        (2000..2040i32).prop_map(|y| y.to_string()),
        (2000..2040i32, 1..=12u8).prop_map(|(y, m)| format!("{y}-{m:02}")),
        (2000..2040i32, 1..=12u8, 1..=28u8).prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}")),
    ]
}

fn text() -> impl Strategy<Value = Value> {
    prop_oneof![
        "[A-Za-zÄÖÜäöüß][A-Za-zÄÖÜäöüß ]{0,19}".prop_map(Value::String),
        ("[A-Za-z][A-Za-z ]{0,19}", "[A-Za-z][A-Za-z ]{0,19}")
            .prop_map(|(de, en)| json!({"de": de, "en": en})),
    ]
}

/// A valid data set: two fields and goals, actors, measures and indicators that refer to them.
fn valid_set() -> impl Strategy<Value = (Value, Value, Value)> {
    let measure = (
        status(),
        text(),
        prop::option::of(0..=100u8),
        prop::option::of(date()),
        prop::option::of(1..5u8),
        any::<bool>(),
    );
    let obs = prop::collection::vec((2000..2030i32, prop::option::of(-1000.0..1000.0f64)), 0..8);
    (prop::collection::vec(measure, 0..12), prop::collection::vec(obs, 0..4), text()).prop_map(|(measures, inds, title)| {
        let plan = json!({
            "format": "wegmarke/1",
            "plan": {"title": title, "as_of": "2026-10-31", "x_extra": {"kept": true}},
            "fields": [{"id": "f1", "title": "Sprache", "order": 1}, {"id": "f2", "title": {"de": "Arbeit"}}],
            "goals": [{"id": "g1", "field": "f1", "title": "Z1"}, {"id": "g2", "field": "f2", "title": "Z2", "target_year": 2030}],
            "actors": [{"id": "a1", "name": "VHS", "kind": "education"}, {"id": "a2", "name": "Stadt"}]
        });
        let ms: Vec<Value> = measures.into_iter().enumerate().map(|(n, (st, title, progress, start, weight, extra))| {
            let mut m = json!({"id": format!("M-{n}"), "goals": ["g1"], "title": title, "status": st.as_str(), "lead": "a1", "partners": ["a2"]});
            if let Some(p) = progress { m["progress"] = json!(p); }
            if let Some(s) = start { m["start"] = json!(s); }
            if let Some(w) = weight { m["weight"] = json!(w); }
            if extra { m["x_note"] = json!("unknown field"); m["links"] = json!([{"title": "L", "url": "https://example.org/"}]); }
            m
        }).collect();
        let is: Vec<Value> = inds.into_iter().enumerate().map(|(n, obs)| {
            let mut seen = std::collections::BTreeMap::new();
            for (y, v) in obs { seen.insert(y, v); }
            let observations: Vec<Value> = seen.into_iter().map(|(y, v)| json!({"period": y.to_string(), "value": v})).collect();
            json!({"id": format!("I-{n}"), "goals": ["g2"], "title": "Quote", "unit": "%", "direction": "up",
                   "baseline": {"period": "2019", "value": 1.5}, "target": {"period": "2030", "value": 3.0, "series": "s"},
                   "series": [{"id": "s", "label": {"de": "Alle"}, "observations": observations}]})
        }).collect();
        (plan, json!({"format": "wegmarke/1", "measures": ms}), json!({"format": "wegmarke/1", "indicators": is}))
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn validation_never_panics_on_arbitrary_json(p in arb_json(), m in arb_json(), i in arb_json()) {
        let (p, m, i) = (p.to_string(), m.to_string(), i.to_string());
        let _ = run(p.as_bytes(), m.as_bytes(), i.as_bytes());
    }

    #[test]
    fn validation_never_panics_on_arbitrary_bytes(b in prop::collection::vec(any::<u8>(), 0..256)) {
        let _ = run(&b, &b, &b);
    }

    #[test]
    fn valid_sets_round_trip_unchanged((p, m, i) in valid_set()) {
        let first = run(p.to_string().as_bytes(), m.to_string().as_bytes(), i.to_string().as_bytes());
        prop_assert!(first.problems.is_empty(), "{:#?}", first.problems);
        let again = |v: &dyn erased::Ser| v.json();
        let p2 = again(first.plan.as_ref().unwrap());
        let m2 = again(first.measures.as_ref().unwrap());
        let i2 = again(first.indicators.as_ref().unwrap());
        let second = run(p2.as_bytes(), m2.as_bytes(), i2.as_bytes());
        prop_assert_eq!(&second, &first);
        // The serialized form is stable too (a tool that rewrites a file changes nothing).
        prop_assert_eq!(again(second.measures.as_ref().unwrap()), m2);
    }
}

mod erased {
    /// Serializes any of the three file types to pretty JSON.
    pub trait Ser {
        fn json(&self) -> String;
    }
    impl<T: serde::Serialize> Ser for T {
        fn json(&self) -> String {
            serde_json::to_string_pretty(self).unwrap()
        }
    }
}
