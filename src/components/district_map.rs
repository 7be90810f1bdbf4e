//! A map of values by district, where config.json names the district boundaries in the data
//! folder (`district_boundaries`, a file the staff tool's `boundaries` command writes). Without
//! them the page shows its table alone. The map is SVG drawn by the core (`charts::map`): no map library
//! to load, and the table beside it is where keyboard and screen reader users get the values.

use std::sync::Arc;

use leptos::prelude::*;
use serde_json::Value;
use wegmarke_core::charts::map::{areas, choropleth, step_starts, Choropleth};

use crate::load::fetch_bytes;
use crate::ui::use_ui;

/// The address of the boundary file config.json names, if it names one.
pub fn boundaries_url(loaded: &crate::load::Loaded) -> Option<String> {
    let file = loaded.config.district_boundaries.as_deref()?;
    Some(format!("{}{file}", loaded.data_url))
}

/// A value as the reader reads it (with its unit).
pub type Format = Arc<dyn Fn(f64) -> String + Send + Sync>;

/// The map with its legend and the boundary file's own note (e.g. that it is schematic).
#[component]
pub fn DistrictMap(
    /// The boundary file's address (the data folder and config.json's `district_boundaries`);
    /// `None`: no map, the table stands alone.
    boundaries: Option<String>,
    /// Value per district id; `None` where there is no data.
    values: Vec<(String, Option<f64>)>,
    /// The sentence that says what the map shows (its text alternative).
    label: String,
    /// Formats a value with its unit.
    format: Format,
) -> impl IntoView {
    let file = boundaries;
    let boundaries = LocalResource::new(move || {
        let url = file.clone();
        async move {
            let bytes = fetch_bytes(&url?).await.ok()?;
            serde_json::from_slice::<Value>(&bytes).ok()
        }
    });
    move || {
        let ui = use_ui();
        let geo = boundaries.get().flatten()?;
        let areas = areas(&geo);
        if areas.is_empty() {
            return None;
        }
        let no_data = ui.t("map.no_data");
        let svg = choropleth(
            &areas,
            &Choropleth {
                values: &values,
                width: 640.0,
                label: &label,
                no_data: &no_data,
                format: &*format,
            },
        );
        let known: Vec<f64> = values.iter().filter_map(|(_, v)| *v).collect();
        let min = known.iter().copied().fold(f64::INFINITY, f64::min);
        let max = known.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let legend = (!known.is_empty()).then(|| {
            // The swatches' colours are classes (style/main.css), as the CSP allows no inline style.
            step_starts(min, max)
                .iter()
                .enumerate()
                .map(|(i, from)| {
                    let class = format!("swatch swatch-{i}");
                    view! { <li><span class=class aria-hidden="true"></span>{format!("≥ {}", format(*from))}</li> }
                })
                .collect_view()
        });
        let note = geo.get("name").and_then(Value::as_str).map(str::to_owned);
        Some(view! {
            <figure class="district-map" data-testid="district-map">
                <div class="district-map-svg" inner_html=svg></div>
                <figcaption>
                    <ul class="map-legend">
                        {legend}
                        <li><span class="swatch swatch-no-data" aria-hidden="true"></span>{no_data.clone()}</li>
                    </ul>
                    {note.map(|n| view! { <p class="meta" data-testid="district-map-note" lang="de">{n}</p> })}
                </figcaption>
            </figure>
        })
    }
}
