//! A map of values by district, where config.json names the district boundaries in the data
//! folder (`district_boundaries`, a file the staff tool's `boundaries` command writes). Without
//! them the page shows its table alone. The map is SVG drawn by the core (`charts::map`): no map
//! library to load. Every area takes keyboard focus and is named with its district and value;
//! the table beside it stays, for reading the values in order.

use std::sync::Arc;

use leptos::html::Div;
use leptos::prelude::*;
use serde_json::Value;
use wasm_bindgen::JsCast;
use wegmarke_core::charts::map::{areas, choropleth, legend, Area, Choropleth, MapValue};
use wegmarke_core::Text;

use crate::browser;
use crate::components::text::block;
use crate::load::fetch_bytes;
use crate::ui::use_ui;

/// The address of the boundary file config.json names, if it names one.
pub fn boundaries_url(loaded: &crate::load::Loaded) -> Option<String> {
    let file = loaded.config.district_boundaries.as_deref()?;
    Some(format!("{}{file}", loaded.data_url))
}

/// A value as the reader reads it (with its unit).
pub type Format = Arc<dyn Fn(f64) -> String + Send + Sync>;

/// A count of measures, formatted for the reader's language.
pub fn count_format(lang: &str) -> Format {
    let lang = lang.to_owned();
    Arc::new(move |x| wegmarke_core::format::number(x, Some(0), &lang))
}

/// The map with its legend and the boundary file's own note (e.g. that it is schematic).
#[component]
pub fn DistrictMap(
    /// Prefix of the ids inside the map, unique on the page.
    id: &'static str,
    /// The boundary file's address (the data folder and config.json's `district_boundaries`);
    /// `None`: no map and no request, the table stands alone.
    boundaries: Option<String>,
    /// The districts' values (names in the reader's language, links where areas lead somewhere).
    #[prop(into)]
    values: Signal<Vec<MapValue>>,
    /// The sentence that says what the map shows (its text alternative).
    label: String,
    /// Formats a value with its unit.
    format: Format,
    /// The plan's default language: the boundary file's note (its `name`, a plain string like
    /// the data's) is marked with it where it is not the reader's.
    data_lang: String,
    /// What choosing an area does, where the areas are links.
    #[prop(optional)]
    hint: Option<String>,
) -> impl IntoView {
    let file = boundaries;
    let boundaries = LocalResource::new(move || {
        let url = file.clone();
        async move {
            let bytes = fetch_bytes(&url?).await.ok()?;
            serde_json::from_slice::<Value>(&bytes).ok()
        }
    });
    // Read once per file, not on every change of the values (the explorer's filters).
    let drawn = Memo::new(move |_| {
        let geo = boundaries.get().flatten()?;
        let areas: Vec<Area> = areas(&geo);
        let note = geo.get("name").and_then(Value::as_str).map(str::to_owned);
        (!areas.is_empty()).then_some((areas, note))
    });

    // New values redraw the SVG, which removes the area that had focus (after Enter on a link
    // in the explorer): focus returns to the same district's area instead of the page's start.
    let container = NodeRef::<Div>::new();
    let focused = StoredValue::new(None::<String>);
    let on_focusin = move |ev: leptos::ev::FocusEvent| {
        let area = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("[data-area]").ok().flatten())
            .and_then(|e| e.get_attribute("data-area"));
        focused.set_value(area);
    };
    let on_focusout = move |ev: leptos::ev::FocusEvent| {
        // Focus moving elsewhere forgets the area; an area removed by a redraw has no next target.
        if ev.related_target().is_some() {
            focused.set_value(None);
        }
    };
    Effect::new(move |_| {
        values.track();
        let (Some(el), Some(district)) = (container.get(), focused.get_value()) else {
            return;
        };
        if browser::focus_lost() {
            browser::focus_where(&el, "data-area", &district);
        }
    });

    move || {
        let ui = use_ui();
        drawn.with(|drawn| {
            let (areas, note) = drawn.as_ref()?;
            let no_data = ui.t("map.no_data");
            values.with(|values| {
                let svg = choropleth(
                    areas,
                    &Choropleth {
                        values,
                        id,
                        width: 640.0,
                        label: &label,
                        no_data: &no_data,
                        format: &*format,
                    },
                );
                let known: Vec<f64> = values.iter().filter_map(|v| v.value).collect();
                // The swatches' colours are classes (style/main.css), as the CSP allows no inline style.
                let legend = legend(&known)
                    .into_iter()
                    .map(|(i, lo, hi)| {
                        let class = format!("swatch swatch-{i}");
                        let (lo, hi) = (format(lo), format(hi));
                        let text = if lo == hi { lo } else { format!("{lo} – {hi}") };
                        view! { <li><span class=class aria-hidden="true"></span>{text}</li> }
                    })
                    .collect_view();
                Some(view! {
                    <figure class="district-map" data-testid="district-map">
                        <div class="district-map-svg" inner_html=svg node_ref=container
                            on:focusin=on_focusin on:focusout=on_focusout></div>
                        <figcaption>
                            <ul class="map-legend">
                                {legend}
                                <li><span class="swatch swatch-no-data" aria-hidden="true"></span>{no_data.clone()}</li>
                            </ul>
                            {hint.clone().map(|h| view! { <p class="meta" data-testid="district-map-hint">{h}</p> })}
                            {note.clone().map(|n| {
                                let (marks, shown) = block(&Text::Plain(n), &data_lang, &ui);
                                view! { <p class="meta" data-testid="district-map-note" {..marks}>{shown}</p> }
                            })}
                        </figcaption>
                    </figure>
                })
            })
        })
    }
}
