//! Component tests in headless Chromium (wasm-bindgen-test): components render the data they
//! are given, status is icon + word, and problems show with their location.
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use wegmarke::components::problems::DataNotices;
use wegmarke::components::status::StatusBadge;
use wegmarke::load::Loaded;
use wegmarke::pages::overview::Overview;
use wegmarke_core::{validate, Input, Inputs, Status};

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> web_sys::HtmlElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let el = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    el.dyn_into().unwrap()
}

fn example() -> Arc<Loaded> {
    let data = validate(
        &Inputs {
            plan: Input::Bytes(include_bytes!("../public/data/plan.json")),
            measures: Input::Bytes(include_bytes!("../public/data/measures.json")),
            indicators: Input::Bytes(include_bytes!("../public/data/indicators.json")),
        },
        "",
    );
    Arc::new(Loaded {
        data,
        ..Loaded::default()
    })
}

#[wasm_bindgen_test]
fn status_badge_shows_icon_and_word() {
    let el = container();
    let _mounted = leptos::mount::mount_to(
        el.clone(),
        || view! { <StatusBadge status=Status::Delayed/> },
    );
    let badge = el.query_selector(".status").unwrap().unwrap();
    assert_eq!(
        badge.get_attribute("data-status").as_deref(),
        Some("delayed")
    );
    let text = badge.text_content().unwrap();
    assert!(text.contains("⚠"), "{text}");
    assert!(text.contains("läuft – verzögert"), "{text}");
}

#[wasm_bindgen_test]
fn overview_renders_the_example_plan() {
    let el = container();
    let loaded = example();
    let _mounted = leptos::mount::mount_to(el.clone(), move || view! { <Overview loaded/> });
    let text = |sel: &str| {
        el.query_selector(sel)
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    };
    assert_eq!(
        text("[data-testid=plan-title]"),
        "Integrationsplan der Stadt Göppingen"
    );
    assert_eq!(text("[data-testid=measures-total]"), "40");
    assert!(text("[data-testid=stand]").contains("31. Oktober 2026"));
    assert_eq!(
        el.query_selector_all("[data-testid=field-card]")
            .unwrap()
            .length(),
        7
    );
    let sprache = el
        .query_selector("[data-field=sprache] progress")
        .unwrap()
        .unwrap();
    assert_eq!(sprache.get_attribute("value").as_deref(), Some("68"));
}

#[wasm_bindgen_test]
fn fatal_problems_show_location_and_retry() {
    let el = container();
    let data = validate(
        &Inputs {
            plan: Input::Bytes(b"{\"format\": \"wegmarke/1\",\n \"plan\": }"),
            measures: Input::Bytes(include_bytes!("../public/data/measures.json")),
            indicators: Input::Unreachable("HTTP 404".into()),
        },
        "",
    );
    let loaded = Arc::new(Loaded {
        data,
        ..Loaded::default()
    });
    let retried = RwSignal::new(0);
    let retry = Callback::new(move |_: ()| retried.update(|n| *n += 1));
    let _mounted =
        leptos::mount::mount_to(el.clone(), move || view! { <DataNotices loaded retry/> });
    let fatal = el.query_selector("[data-testid=fatal]").unwrap().unwrap();
    assert_eq!(fatal.get_attribute("role").as_deref(), Some("alert"));
    let text = fatal.text_content().unwrap();
    assert!(text.contains("plan.json:2:10"), "{text}");
    assert!(text.contains("indicators.json"), "{text}");
    assert!(text.contains("HTTP 404"), "{text}");
    let button: web_sys::HtmlElement = fatal
        .query_selector("button")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    button.click();
    assert_eq!(retried.get_untracked(), 1);
}
