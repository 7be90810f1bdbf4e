//! Rows that several pages list: a measure (status, title, progress) and an indicator (title,
//! sparkline, latest value, rating).

use leptos::prelude::*;
use wegmarke_core::rating::{assess, is_overdue};
use wegmarke_core::{format, Dataset, Indicator, Measure};

use crate::components::rating::{RatingBadge, Sparkline};
use crate::components::status::StatusBadge;
use crate::components::text::txt;
use crate::route::Route;
use crate::ui::{use_ui, Ui};

/// A measure in a list.
pub fn measure_item(m: &Measure, ds: &Dataset, ui: &Ui) -> impl IntoView {
    let d = ds.default_lang();
    let progress =
        wegmarke_core::rollup::effective_progress(m).map(|p| format::percent(p, ui.lang()));
    view! {
        <li class="measure-item" data-testid="measure-item" data-id=m.id.clone()>
            <StatusBadge status=m.status/>
            <a class="measure-link" href=Route::Measure(m.id.clone()).href()>{txt(&m.title, d, ui)}</a>
            {progress.map(|p| view! { <span class="measure-progress">{p}</span> })}
        </li>
    }
}

/// The latest value of an indicator's target series with its unit and period.
pub fn latest_text(ind: &Indicator, lang: &str) -> Option<String> {
    let (p, v) = wegmarke_core::rating::latest_value(ind)?;
    Some(format!(
        "{} ({})",
        format::value_with_unit(v, ind.decimals, ind.unit.as_deref(), lang),
        format::period(&p, lang)
    ))
}

/// An indicator in a list.
pub fn indicator_item(ind: &Indicator, ds: &Dataset) -> impl IntoView {
    let ui = use_ui();
    let d = ds.default_lang();
    let rating = assess(ind).rating;
    let gap = wegmarke_core::gap::as_indicator(ind, &ui.cat).map(|g| assess(&g).rating);
    let overdue = ds
        .plan
        .as_ref()
        .and_then(|p| p.plan.as_of)
        .is_some_and(|stand| is_overdue(ind, &stand));
    let title = ind.short_title.as_ref().unwrap_or(&ind.title);
    view! {
        <li class="indicator-item" data-testid="indicator-item" data-id=ind.id.clone()>
            <a class="indicator-link" href=Route::Indicator(ind.id.clone()).href()>{txt(title, d, &ui)}</a>
            <Sparkline indicator=ind.clone()/>
            <span class="indicator-latest">{latest_text(ind, ui.lang())}</span>
            <RatingBadge rating/>
            {gap.map(|rating| view! { <span class="gap-rating" data-testid="gap-rating">{ui.t("gap.series")}": "<RatingBadge rating/></span> })}
            {overdue.then(|| view! { <span class="overdue" data-testid="overdue">{ui.t("indicator.overdue")}</span> })}
        </li>
    }
}
