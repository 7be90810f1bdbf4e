//! The route → part table exists once, in `src/route-parts.json`, which the build reads to
//! fetch a deep link's part early; these tests prove the Rust router agrees with it for every
//! page and every case listed there (unknown pages included). `scripts/tests/` checks the
//! JavaScript side against the same cases.

#![cfg(not(target_arch = "wasm32"))]

use wegmarke::route::{Embed, Location, Route};

/// One page of each kind, with ids that need encoding; the match in
/// `every_page_is_in_the_build_table` fails to compile when a kind is added and not listed here.
fn one_of_each_page() -> Vec<Route> {
    vec![
        Route::Overview,
        Route::Field("werte".into()),
        Route::Measures,
        Route::Measure("M 1/ä".into()),
        Route::Search,
        Route::Indicators,
        Route::Indicator("I-1".into()),
        Route::Actors,
        Route::Actor("vhs&co".into()),
        Route::Method,
        Route::Coverage,
        Route::Accessibility,
        Route::EasyLanguage,
        Route::SignLanguage,
        Route::Data,
        Route::Changes,
        Route::Report,
        Route::Workshop,
        Route::Embed(Embed::KeyFigures),
        Route::Embed(Embed::Field("sprache".into())),
        Route::Embed(Embed::Measure("M-1?x=1".into())),
        Route::Embed(Embed::Indicator("I-1#2".into())),
    ]
}

#[test]
fn every_page_link_leads_back_to_its_page() {
    for route in one_of_each_page() {
        assert_eq!(
            Location::parse(&route.href()).route,
            route,
            "{}",
            route.href()
        );
    }
}

/// `src/route-parts.json`, which the build reads to fetch a deep link's part early.
fn route_parts() -> serde_json::Value {
    serde_json::from_str(include_str!("../src/route-parts.json")).expect("route-parts.json is JSON")
}

fn part_name(route: &Route) -> serde_json::Value {
    route
        .part()
        .map_or(serde_json::Value::Null, |p| p.as_str().into())
}

#[test]
fn every_case_of_the_build_table_gives_the_same_part_here() {
    let table = route_parts();
    let cases = table["cases"].as_object().expect("cases");
    assert!(cases.len() > 20);
    for (hash, part) in cases {
        let route = Location::parse(hash).route;
        assert_eq!(&part_name(&route), part, "{hash} ({route:?})");
    }
}

#[test]
fn every_route_of_the_build_table_is_a_page_with_that_part() {
    let table = route_parts();
    for entry in table["routes"].as_array().expect("routes") {
        let path = entry["path"].as_str().expect("path");
        let route = Location::parse(&format!("#/{}", path.replace('*', "x-1"))).route;
        assert!(!matches!(route, Route::NotFound(_)), "{path} is no page");
        assert_eq!(part_name(&route), entry["part"], "{path}");
    }
}

#[test]
fn every_page_is_in_the_build_table() {
    let table = route_parts();
    let patterns: Vec<Vec<&str>> = table["routes"]
        .as_array()
        .expect("routes")
        .iter()
        .map(|e| {
            e["path"]
                .as_str()
                .expect("path")
                .split('/')
                .filter(|s| !s.is_empty())
                .collect()
        })
        .collect();
    // One of each kind of page; the match below fails to compile when a kind is added.
    for route in &one_of_each_page() {
        match route {
            Route::Overview
            | Route::Field(_)
            | Route::Measures
            | Route::Measure(_)
            | Route::Search
            | Route::Indicators
            | Route::Indicator(_)
            | Route::Actors
            | Route::Actor(_)
            | Route::Method
            | Route::Coverage
            | Route::Accessibility
            | Route::EasyLanguage
            | Route::SignLanguage
            | Route::Data
            | Route::Changes
            | Route::Report
            | Route::Workshop
            | Route::Embed(
                Embed::KeyFigures | Embed::Field(_) | Embed::Measure(_) | Embed::Indicator(_),
            )
            | Route::NotFound(_) => {}
        }
        let href = route.href();
        let segments: Vec<&str> = href
            .trim_start_matches("#/")
            .split('/')
            .filter(|s| !s.is_empty())
            .collect();
        let matched = patterns.iter().any(|p| {
            p.len() == segments.len() && p.iter().zip(&segments).all(|(p, s)| *p == "*" || p == s)
        });
        assert!(matched, "{href} is missing from route-parts.json");
    }
}
