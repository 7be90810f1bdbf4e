//! The data page: the three files as published, CSV of measures and of indicator
//! observations in long format, with the "Stand" and the licence.

use std::sync::Arc;

use leptos::prelude::*;
use wegmarke_core::{csv, format, DATA_FILES};

use crate::browser;
use crate::load::Loaded;
use crate::ui::{set_title, use_ui};

/// The data page.
#[component]
pub fn DataPage(
    /// The loaded data.
    loaded: Arc<Loaded>,
) -> impl IntoView {
    let ui = use_ui();
    set_title(&ui.t("data.title"));
    let ds = &loaded.data;
    let base = loaded.data_url.clone();
    let stand = ds.plan.as_ref().and_then(|p| p.plan.as_of);
    let all: Vec<_> = ds.measures().iter().collect();
    let measures_csv = browser::download_href(
        "text/csv",
        &csv::measures(&all, ui.lang(), ds.default_lang()),
    );
    let obs_csv = browser::download_href("text/csv", &csv::observations(ds.indicators()));
    // The licence is a deployment setting: config.json may name it ("licence": {"name", "url"}).
    let licence = loaded.config.extra.get("licence").and_then(|l| {
        let name = l.get("name")?.as_str()?.to_owned();
        let url = l
            .get("url")
            .and_then(|u| u.as_str())
            .filter(|u| wegmarke_core::validate::is_safe_link(u))
            .map(str::to_owned);
        Some((name, url))
    });
    view! {
        <div class="wrap page data-page">
            <h1 data-testid="page-title">{ui.t("data.title")}</h1>
            <p>{ui.t("data.intro")}</p>
            {stand.map(|s| view! { <p class="stand">{ui.t("overview.stand")}": "{format::date(&s, ui.lang())}</p> })}
            <h2>{ui.t("data.json")}</h2>
            <ul data-testid="json-files">
                {DATA_FILES.map(|f| view! { <li><a href=format!("{base}{f}") download=f>{f}</a></li> }).collect_view()}
            </ul>
            <h2>{ui.t("data.csv")}</h2>
            <ul>
                <li><a href=measures_csv download=csv::file_name("massnahmen", stand.as_ref(), "csv") data-testid="csv-measures">{ui.t("data.csv_measures")}</a></li>
                <li><a href=obs_csv download=csv::file_name("indikatorwerte", stand.as_ref(), "csv") data-testid="csv-observations">{ui.t("data.csv_observations")}</a></li>
            </ul>
            <h2>{ui.t("data.licence")}</h2>
            <p data-testid="licence">
                {match licence {
                    Some((name, Some(url))) => view! { <a href=url>{name}</a> }.into_any(),
                    Some((name, None)) => view! { {name} }.into_any(),
                    None => view! { {ui.t("data.licence_unknown")} }.into_any(),
                }}
            </p>
            <p>{ui.t("data.format")}</p>
        </div>
    }
}
