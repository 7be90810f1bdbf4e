//! A field of action: its goals, each with roll-up progress, measures and indicators.

use std::sync::Arc;

use leptos::prelude::*;
use wegmarke_core::districts::measure_counts;
use wegmarke_core::rollup::roll_up;
use wegmarke_core::{Dataset, Goal};

use crate::components::district_map::{boundaries_url, count_format, DistrictMap};
use crate::components::districts::{count_table, count_values};
use crate::components::embed::EmbedButton;
use crate::components::follow::Follow;
use crate::components::later::Later;
use crate::components::lists::{indicator_item, measure_item};
use crate::components::progress::ProgressBar;
use crate::components::text::{block, plain};
use crate::load::Loaded;
use crate::pages::not_found::NotFound;
use crate::route::{Embed, Location, Route};
use crate::ui::{set_title, use_ui, Ui};

/// Measures listed per goal; the link below the list opens all of them in the explorer.
const MAX_LISTED: usize = 50;

/// The page of one field of action.
#[component]
pub fn FieldPage(
    /// The loaded data.
    loaded: Arc<Loaded>,
    /// The field's id.
    id: String,
) -> impl IntoView {
    let ui = use_ui();
    let ds = &loaded.data;
    let d = ds.default_lang();
    let Some(field) = ds.field(&id) else {
        return view! { <NotFound/> }.into_any();
    };
    set_title(&plain(&field.title, d, &ui));
    // The first goal with the page's first screen, the others after it (`Later`).
    let first = ds
        .goals_of_field(&field.id)
        .next()
        .map(|g| goal_section(g, ds, &ui));
    view! {
        <div class="wrap page field-page">
            <nav class="breadcrumb" aria-label=ui.t("nav.breadcrumb")>
                <a href="#/">{ui.t("nav.overview")}</a>" › "
            </nav>
            { let (marks, shown) = block(&field.title, d, &ui); view! { <h1 data-testid="page-title" {..marks}>{shown}</h1> } }
            {field.description.as_ref().map(|t| { let (marks, shown) = block(t, d, &ui); view! { <p class="lead" {..marks}>{shown}</p> } })}
            <EmbedButton route=Route::Embed(Embed::Field(field.id.clone())) title=plain(&field.title, d, &ui)/>
            {first}
            <Later><FieldRest loaded=loaded.clone() id=id.clone()/></Later>
        </div>
    }
    .into_any()
}

/// One goal of the field: its text, progress, measures (the first [`MAX_LISTED`]) and
/// indicators.
fn goal_section(g: &Goal, ds: &Dataset, ui: &Ui) -> impl IntoView {
    let d = ds.default_lang();
    let measures: Vec<_> = ds.measures_of_goal(&g.id).collect();
    let rollup = roll_up(measures.iter().copied());
    let indicators = ds.indicators_of_goal(g);
    let label = ui.tf("progress.label", &[("value", &plain(&g.title, d, ui))]);
    let explore = Location::href_with(&Route::Measures, &[("goal", g.id.clone())]);
    view! {
        <section class="goal" data-testid="goal" data-id=g.id.clone() aria-labelledby=format!("goal-{}", g.id)>
            { let (marks, shown) = block(&g.title, d, ui); view! { <h2 id=format!("goal-{}", g.id) {..marks}>{shown}</h2> } }
            {g.description.as_ref().map(|t| { let (marks, shown) = block(t, d, ui); view! { <p {..marks}>{shown}</p> } })}
            {g.target_year.map(|y| view! { <p class="meta">{ui.tf("goal.target_year", &[("year", &y.to_string())])}</p> })}
            <ProgressBar rollup label/>
            <h3>{ui.tf("field.measures", &[("count", &measures.len().to_string())])}</h3>
            // A goal with thousands of measures shows the first ones; the explorer has all.
            <ul class="measure-list">{measures.iter().take(MAX_LISTED).map(|m| measure_item(m, ds, ui)).collect_view()}</ul>
            <p><a href=explore>{ui.t("field.explore")}</a></p>
            {(!indicators.is_empty()).then(|| view! {
                <h3>{ui.t("nav.indicators")}</h3>
                <ul class="indicator-list">{indicators.iter().map(|i| indicator_item(i, ds)).collect_view()}</ul>
            })}
        </section>
    }
}

/// The field page below its first screen: the other goals, where the measures are, and the
/// field's feed; built after the first screen is painted ([`Later`]).
#[component]
fn FieldRest(loaded: Arc<Loaded>, id: String) -> impl IntoView {
    let ui = use_ui();
    let ds = &loaded.data;
    let d = ds.default_lang();
    let Some(field) = ds.field(&id) else {
        return ().into_any();
    };
    let goals = ds
        .goals_of_field(&field.id)
        .skip(1)
        .map(|g| goal_section(g, ds, &ui))
        .collect_view();
    // Where the field's measures are, when the plan lists its districts.
    let districts = (!ds.districts().is_empty()).then(|| {
        let counts = measure_counts(ds.districts(), ds.measures_of_field(&field.id));
        // Each area leads to the explorer with this field's measures in that district.
        let map_values = count_values(&counts, d, &ui, |district| {
            Location::href_with(
                &Route::Measures,
                &[("field", field.id.clone()), ("district", district.to_owned())],
            )
        });
        view! {
            <section class="districts" aria-labelledby="districts-heading" data-testid="field-districts">
                <h2 id="districts-heading">{ui.t("districts.heading")}</h2>
                <DistrictMap id="field-map" boundaries=boundaries_url(&loaded) values=map_values label=ui.t("districts.caption") format=count_format(ui.lang())
                    data_lang=d.to_owned() hint=ui.t("map.field_hint")/>
                {count_table(&counts, ui.t("districts.caption"), "districts-caption", "district-table", d, &ui)}
            </section>
        }
    });
    view! {
        {goals}
        {districts}
        <Follow data_url=loaded.data_url.clone() fields=vec![(field.id.clone(), field.title.clone())] default_lang=d.to_owned()/>
    }
    .into_any()
}
