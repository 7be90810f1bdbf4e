//! "Methodik": how every number on the site is computed, in plain words, so a reader can
//! recompute it. The thresholds come from the code that applies them.

use std::sync::Arc;

use leptos::prelude::*;
use wegmarke_core::format;
use wegmarke_core::rating::{Rating, MODERATE, SUBSTANTIAL};

use crate::components::rating::RatingBadge;
use crate::components::text::block;
use crate::load::Loaded;
use crate::ui::{set_title, use_ui};

/// The method page.
#[component]
pub fn MethodPage(
    /// The loaded data.
    loaded: Arc<Loaded>,
) -> impl IntoView {
    let ui = use_ui();
    let lang = ui.lang();
    set_title(&ui.t("nav.method"));
    let d = loaded.data.default_lang();
    let pct = |x: f64| format::percent(x * 100.0, lang);
    let levels = [
        (Rating::Achieved, ui.t("method.level.achieved")),
        (Rating::Substantial, ui.tf("method.level.substantial", &[("a", &pct(SUBSTANTIAL))])),
        (Rating::Moderate, ui.tf("method.level.moderate", &[("a", &pct(MODERATE)), ("b", &pct(SUBSTANTIAL))])),
        (Rating::Limited, ui.tf("method.level.limited", &[("a", &pct(MODERATE))])),
        (Rating::Deterioration, ui.t("method.level.deterioration")),
        (Rating::NotAssessable, ui.t("rating.explain.not_assessable")),
        (Rating::NotRated, ui.t("rating.explain.not_rated")),
    ]
    .into_iter()
    .map(|(rating, text)| view! { <tr><th scope="row"><RatingBadge rating/></th><td>{text}</td></tr> })
    .collect_view();
    view! {
        <div class="wrap page method-page">
            <h1 data-testid="page-title">{ui.t("nav.method")}</h1>
            {loaded.data.plan.as_ref().and_then(|p| p.plan.method.as_ref()).map(|m| { let (marks, shown) = block(m, d, &ui); view! { <p class="lead" {..marks}>{shown}</p> } })}
            <h2>{ui.t("method.rollup.title")}</h2>
            <p>{ui.t("method.rollup.p1")}</p>
            <ul>
                <li>{ui.t("method.rollup.done")}</li>
                <li>{ui.t("method.rollup.planned")}</li>
                <li>{ui.t("method.rollup.dropped")}</li>
                <li>{ui.t("method.rollup.missing")}</li>
            </ul>
            <p>{ui.t("method.rollup.example")}</p>
            <h2>{ui.t("method.rating.title")}</h2>
            <p>{ui.t("method.rating.p1")}</p>
            <p>{ui.t("method.rating.formula")}</p>
            <div class="table-wrap" tabindex="0" role="region" aria-label=ui.t("method.rating.caption")>
            <table class="data-table" data-testid="rating-levels">
                <caption>{ui.t("method.rating.caption")}</caption>
                <thead><tr><th scope="col">{ui.t("method.rating.level")}</th><th scope="col">{ui.t("method.rating.rule")}</th></tr></thead>
                <tbody>{levels}</tbody>
            </table>
            </div>
            <h2 id="gaps">{ui.t("method.gap.title")}</h2>
            <p>{ui.t("method.gap.p1")}</p>
            <p>{ui.t("method.gap.p2")}</p>
            <h2>{ui.t("method.data.title")}</h2>
            <p>{ui.t("method.data.p1")}</p>
        </div>
    }
}
