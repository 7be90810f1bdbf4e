//! The data page: the three files as published, CSV of measures and of indicator
//! observations in long format, the open-data package and the feeds the publish step writes
//! beside the data, with the "Stand" and the licence.

use std::sync::Arc;

use leptos::prelude::*;
use wegmarke_core::{csv, format, DATA_FILES};

use wegmarke_publish::package::{table_path, TABLES};
use wegmarke_publish::{DATA_PACKAGE, DCAT_RECORD};

use crate::browser;
use crate::components::follow::Follow;
use crate::components::text::txt;
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
    // The files are built when a link is clicked: the page itself stays light.
    let lang = ui.lang();
    let download = |what: Table, dialect: csv::Dialect| {
        let loaded = loaded.clone();
        move |ev: leptos::ev::MouseEvent| {
            ev.prevent_default();
            let ds = &loaded.data;
            let text = match what {
                Table::Measures => {
                    let all: Vec<_> = ds.measures().iter().collect();
                    csv::measures(&all, lang, ds.default_lang(), dialect)
                }
                Table::Observations => csv::observations(ds.indicators(), dialect),
            };
            browser::download(&what.file_name(ds, dialect), "text/csv", &text);
        }
    };
    let (standard_label, german_label) = (ui.t("csv.standard"), ui.t("csv.excel_de"));
    let links = |what: Table| {
        let (standard, german) = what.test_ids();
        view! {
            <a href="#" download=what.file_name(ds, csv::Dialect::Standard) data-testid=standard on:click=download(what, csv::Dialect::Standard)>{standard_label.clone()}</a>
            " · "
            <a href="#" download=what.file_name(ds, csv::Dialect::German) data-testid=german on:click=download(what, csv::Dialect::German)>{german_label.clone()}</a>
        }
    };
    // The licence is a deployment setting (config.json `licence`); validation checked its link.
    let licence = loaded.config.licence.as_ref().map(|l| {
        let name = txt(&l.name, ds.default_lang(), &ui);
        (name, l.url.clone())
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
                <li>{ui.t("data.csv_measures")}": "{links(Table::Measures)}</li>
                <li>{ui.t("data.csv_observations")}": "{links(Table::Observations)}</li>
            </ul>
            <p data-testid="csv-dialects">{ui.t("csv.dialects")}</p>
            <h2>{ui.t("opendata.title")}</h2>
            <p>{ui.t("opendata.intro")}</p>
            <ul data-testid="open-data">
                {TABLES.map(|t| view! {
                    <li><a href=format!("{base}{}", table_path(t)) type="text/csv" data-table=t>{ui.t(&format!("opendata.table.{t}"))}" (CSV)"</a></li>
                }).collect_view()}
                <li><a href=format!("{base}{DATA_PACKAGE}") type="application/json" data-testid="datapackage">{ui.t("opendata.package")}</a></li>
                <li><a href=format!("{base}{DCAT_RECORD}") type="application/ld+json" data-testid="dcat">{ui.t("opendata.dcat")}</a></li>
            </ul>
            <Follow data_url=base.clone()/>
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

/// The two tables offered as CSV.
#[derive(Clone, Copy)]
enum Table {
    Measures,
    Observations,
}

impl Table {
    /// The download's file name, with the data's "Stand".
    fn file_name(self, ds: &wegmarke_core::Dataset, dialect: csv::Dialect) -> String {
        let stand = ds.plan.as_ref().and_then(|p| p.plan.as_of);
        let prefix = match self {
            Table::Measures => "massnahmen",
            Table::Observations => "indikatorwerte",
        };
        csv::csv_file_name(prefix, stand.as_ref(), dialect)
    }

    /// The test ids of the standard and the German link.
    fn test_ids(self) -> (&'static str, &'static str) {
        match self {
            Table::Measures => ("csv-measures", "csv-measures-de"),
            Table::Observations => ("csv-observations", "csv-observations-de"),
        }
    }
}
