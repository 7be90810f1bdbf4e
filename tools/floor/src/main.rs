//! Three stand-ins for the overview's main module, smallest first (scripts/floor.sh):
//! - no feature: Leptos mounting one heading, with the panic hook;
//! - `parse`: plus fetching the three data files and reading them into the contract's model;
//! - `checks`: reading them through the app's quick checks (`validate_quick`) instead.
//!
//! Each shows the plan's title and its fields with a count, so that nothing it reads is
//! optimised away; none has the app's pages, translations, routing or formatting.

use leptos::prelude::*;

#[cfg(not(any(feature = "parse", feature = "checks")))]
fn main() {
    console_error_panic_hook::set_once();
    mount_to_body(|| view! { <main><h1>"Wegmarke"</h1></main> });
}

#[cfg(any(feature = "parse", feature = "checks"))]
fn main() {
    console_error_panic_hook::set_once();
    mount_to_body(|| {
        let data = LocalResource::new(read);
        view! {
            <main>
                {move || data.get().map(|(title, fields)| view! {
                    <h1>{title}</h1>
                    <ul>{fields.into_iter().map(|(t, n)| view! { <li>{t}": "{n}</li> }).collect_view()}</ul>
                })}
            </main>
        }
    });
}

#[cfg(any(feature = "parse", feature = "checks"))]
async fn get(url: &str) -> Result<Vec<u8>, String> {
    let response = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(|e| e.to_string())?;
    response.binary().await.map_err(|e| e.to_string())
}

/// The plan's title and each field's title with its number of measures.
#[cfg(any(feature = "parse", feature = "checks"))]
async fn read() -> (String, Vec<(String, usize)>) {
    let (plan, measures, indicators) = futures::join!(
        get("data/plan.json"),
        get("data/measures.json"),
        get("data/indicators.json")
    );
    summarise([plan, measures, indicators])
}

#[cfg(feature = "checks")]
fn summarise(files: [Result<Vec<u8>, String>; 3]) -> (String, Vec<(String, usize)>) {
    use wegmarke_core::{validate_quick, Inputs};
    let (ds, _) = validate_quick(&Inputs::from_results(&files), "");
    let d = ds.default_lang();
    let title = ds
        .plan
        .as_ref()
        .map(|p| p.plan.title.resolve(d, d).to_owned())
        .unwrap_or_default();
    let fields = ds
        .fields()
        .into_iter()
        .map(|f| {
            (
                f.title.resolve(d, d).to_owned(),
                ds.measures_of_field(&f.id).count(),
            )
        })
        .collect();
    (title, fields)
}

#[cfg(all(feature = "parse", not(feature = "checks")))]
fn summarise(files: [Result<Vec<u8>, String>; 3]) -> (String, Vec<(String, usize)>) {
    use wegmarke_core::{IndicatorsFile, MeasuresFile, PlanFile};
    let [plan, measures, indicators] = &files;
    let bytes = |f: &Result<Vec<u8>, String>| f.clone().unwrap_or_default();
    let plan = serde_json::from_slice::<PlanFile>(&bytes(plan)).ok();
    let measures = serde_json::from_slice::<MeasuresFile>(&bytes(measures)).ok();
    let indicators = serde_json::from_slice::<IndicatorsFile>(&bytes(indicators)).ok();
    let title = plan
        .as_ref()
        .map(|p| p.plan.title.resolve("de", "de").to_owned())
        .unwrap_or_default();
    let mut rows: Vec<(String, usize)> = plan
        .iter()
        .flat_map(|p| &p.fields)
        .map(|f| (f.title.resolve("de", "de").to_owned(), f.id.len()))
        .collect();
    rows.push(("measures".into(), measures.map_or(0, |m| m.measures.len())));
    rows.push((
        "indicators".into(),
        indicators.map_or(0, |i| i.indicators.len()),
    ));
    (title, rows)
}
