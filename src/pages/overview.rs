//! The overview: the plan at a glance, with its "Stand", measures by status and every field of
//! action with its roll-up progress.

use std::sync::Arc;

use leptos::prelude::*;
use wegmarke_core::rating::{counts, RatingCounts};
use wegmarke_core::rollup::{roll_up, StatusCounts};
use wegmarke_core::sort::{sort_by, sort_by_key};
use wegmarke_core::{format, Field, Indicator, PlanFile};

use crate::components::embed::EmbedButton;
use crate::components::follow::Follow;
use crate::components::key_figures::KeyFigures;
use crate::components::progress::{ProgressBar, StatusBar};
use crate::components::rating::RatingBadge;
use crate::components::search::SearchForm;
use crate::components::status::StatusBadge;
use crate::components::text::{block, plain, txt};
use crate::load::Loaded;
use crate::route::{Embed, Route};
use crate::ui::{set_title, use_ui, Ui};

/// The start page.
#[component]
pub fn Overview(
    /// The loaded data.
    loaded: Arc<Loaded>,
) -> impl IntoView {
    let ui = use_ui();
    let data = &loaded.data;
    let plan = data.plan.as_ref();
    set_title(
        &plan
            .map(|p| plain(&p.plan.title, &p.plan.default_language, &ui))
            .unwrap_or_default(),
    );

    let head = plan.map(|p| plan_head(p, &ui));
    let fields = match plan {
        Some(p) => {
            let mut fields: Vec<&Field> = p.fields.iter().collect();
            sort_by_key(&mut fields, |f| f.order.unwrap_or(i64::MAX));
            let cards = fields
                .into_iter()
                .map(|f| field_card(&loaded, p, f, &ui))
                .collect_view();
            view! { <ul class="field-grid" data-testid="fields">{cards}</ul> }.into_any()
        }
        None => view! { <p class="notice">{ui.t("overview.no_plan")}</p> }.into_any(),
    };

    view! {
        <div class="wrap page overview">
            {head}
            <SearchForm loaded=loaded.clone()/>
            <ul class="entry-points" data-testid="entry-points">
                <li><a href=Route::EasyLanguage.href() lang="de">
                    // An open book; drawn, not an emoji (no emoji font on many kiosks and Linux desktops).
                    <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                        <path d="M3 5l8 2v13l-8-2zM21 5l-8 2v13l8-2z"/>
                    </svg>
                    "Leichte Sprache"
                </a></li>
                <li><a href=Route::SignLanguage.href()>
                    // A raised hand.
                    <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                        <path d="M8 11V4M11 10V3M14 10V4M17 11V6M6 14l-3-3"/>
                        <rect x="6" y="10" width="12" height="11" rx="3"/>
                    </svg>
                    {ui.t("sign.title")}
                </a></li>
                {loaded.data.reports().first().map(|r| {
                    let text = ui.tf("changes.since", &[("date", &format::date(&r.date, ui.lang()))]);
                    view! { <li><a href=Route::Changes.href() data-testid="changes-teaser"><span aria-hidden="true">"⟳ "</span>{text}</a></li> }
                })}
            </ul>
            <KeyFigures loaded=loaded.clone()/>
            <EmbedButton route=Route::Embed(Embed::KeyFigures) title=ui.t("overview.by_status")/>
            <p><a href=Route::Measures.href()>{ui.t("overview.all_measures")}</a></p>
            <section aria-labelledby="fields-title">
                <h2 id="fields-title">{ui.t("overview.fields")}</h2>
                {fields}
            </section>
            {indicator_figures(&loaded, &ui)}
            {latest_updates(&loaded, &ui)}
            {latest_report(&loaded, &ui)}
            <Follow data_url=loaded.data_url.clone()/>
        </div>
    }
}

/// How many indicators have each rating.
fn indicator_figures(loaded: &Loaded, ui: &Ui) -> impl IntoView {
    let inds = loaded.data.indicators();
    let list = |c: RatingCounts| {
        c.present()
            .map(|(rating, n)| view! { <li data-rating=rating.as_str()><span class="count">{n}</span><RatingBadge rating/></li> })
            .collect_view()
    };
    let items = list(counts(inds));
    // The gaps between groups, rated like levels, beside them.
    let gaps: Vec<Indicator> = inds
        .iter()
        .filter_map(|i| wegmarke_core::gap::as_indicator(i, &ui.cat))
        .collect();
    let gap_items = (!gaps.is_empty()).then(|| {
        view! {
            <h3 id="gap-title">{ui.t("overview.gaps_by_rating")}</h3>
            <ul class="status-counts" data-testid="gap-rating-counts" aria-labelledby="gap-title">{list(counts(&gaps))}</ul>
        }
    });
    (!inds.is_empty()).then(|| {
        view! {
            <section aria-labelledby="ind-title">
                <h2 id="ind-title">{ui.t("overview.indicators_by_rating")}</h2>
                <ul class="status-counts" data-testid="rating-counts">{items}</ul>
                {gap_items}
                <p><a href=Route::Indicators.href()>{ui.t("overview.all_indicators")}</a></p>
                {crate::pages::coverage::summary_line(loaded, ui).map(|line| view! {
                    <p>{ui.t("nav.coverage")}": "<a href=Route::Coverage.href() data-testid="coverage-link">{line}</a></p>
                })}
            </section>
        }
    })
}

/// The five newest entries of all measures' update logs.
fn latest_updates(loaded: &Loaded, ui: &Ui) -> impl IntoView {
    let ds = &loaded.data;
    let d = ds.default_lang();
    let mut updates: Vec<_> = ds
        .measures()
        .iter()
        .flat_map(|m| m.updates.iter().map(move |u| (u, m)))
        .collect();
    sort_by(&mut updates, |a, b| {
        b.0.date.cmp(&a.0.date).then(a.1.id.cmp(&b.1.id))
    });
    let items = updates
        .into_iter()
        .take(5)
        .map(|(u, m)| {
            view! {
                <li>
                    <time datetime=u.date.to_string()>{format::date(&u.date, ui.lang())}</time>" "
                    <a href=Route::Measure(m.id.clone()).href()>{txt(&m.title, d, ui)}</a>
                    {u.status.map(|s| view! { " "<StatusBadge status=s/> })}
                    {u.text.as_ref().map(|t| { let (marks, shown) = block(t, d, ui); view! { <p class="update-text" {..marks}>{shown}</p> } })}
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="updates-title">
            <h2 id="updates-title">{ui.t("overview.latest_updates")}</h2>
            <ul class="updates" data-testid="latest-updates">{items}</ul>
        </section>
    }
}

/// The latest council report.
fn latest_report(loaded: &Loaded, ui: &Ui) -> impl IntoView {
    let d = loaded.data.default_lang();
    loaded.data.reports().first().map(|r| {
        view! {
            <section aria-labelledby="report-title" data-testid="latest-report">
                <h2 id="report-title">{ui.t("overview.latest_report")}</h2>
                <p>
                    <time datetime=r.date.to_string()>{format::date(&r.date, ui.lang())}</time>": "
                    {txt(&r.title, d, ui)}
                    {r.reference.clone().map(|x| format!(" ({x})"))}
                </p>
            </section>
        }
    })
}

/// Title, subtitle, publisher and the "Stand" date.
fn plan_head(p: &PlanFile, ui: &Ui) -> impl IntoView {
    let d = &p.plan.default_language;
    let stand = p.plan.as_of.map(|date| {
        view! {
            <p class="stand" data-testid="stand">
                {ui.t("overview.stand")}": "
                <time datetime=date.to_string()>{format::date(&date, ui.lang())}</time>
            </p>
        }
    });
    view! {
        <header class="plan-head">
            { let (marks, shown) = block(&p.plan.title, d, ui); view! { <h1 data-testid="plan-title" {..marks}>{shown}</h1> } }
            {p.plan.subtitle.as_ref().map(|s| { let (marks, shown) = block(s, d, ui); view! { <p class="subtitle" {..marks}>{shown}</p> } })}
            {p.plan.publisher.as_ref().map(|s| { let (marks, shown) = block(s, d, ui); view! { <p class="publisher" {..marks}>{shown}</p> } })}
            {stand}
        </header>
    }
}

/// One field of action with its roll-up progress and status distribution.
fn field_card(loaded: &Loaded, p: &PlanFile, f: &Field, ui: &Ui) -> impl IntoView {
    let d = &p.plan.default_language;
    let measures: Vec<_> = loaded.data.measures_of_field(&f.id).collect();
    let rollup = roll_up(measures.iter().copied());
    let counts = StatusCounts::of(measures.iter().copied());
    let goals = loaded.data.goals_of_field(&f.id).count();
    let title = plain(&f.title, d, ui);
    let meta = format!(
        "{} · {}",
        ui.tf("overview.goals_count", &[("count", &goals.to_string())]),
        ui.tf(
            "overview.measures_count",
            &[("count", &measures.len().to_string())]
        )
    );
    view! {
        <li class="field-card" data-testid="field-card" data-field=f.id.clone()>
            <h3><a href=Route::Field(f.id.clone()).href()>{txt(&f.title, d, ui)}</a></h3>
            <p class="field-meta">{meta}</p>
            <ProgressBar rollup label=ui.tf("progress.label", &[("value", &title)])/>
            <StatusBar counts/>
        </li>
    }
}
