//! The printable council report (A4 portrait): the plan's "Stand" and, per field of action,
//! the status distribution, delayed and paused measures with their notes, indicator ratings,
//! and the changes since a chosen report.

use std::sync::Arc;

use leptos::prelude::*;
use wegmarke_core::changes::{compare, report_for, snapshot_prefix};
use wegmarke_core::rating::assess;
use wegmarke_core::rollup::{roll_up, StatusCounts};
use wegmarke_core::{format, Status};

use crate::browser;
use crate::components::later::Later;
use crate::components::papers::paper_list;
use crate::components::progress::StatusBar;
use crate::components::rating::RatingBadge;
use crate::components::status::StatusBadge;
use crate::components::text::{block, plain, txt};
use crate::load::Loaded;
use crate::pages::changes::{load_snapshot, render_changes};
use crate::ui::{set_title, use_location, use_ui};

/// The report page.
#[component]
pub fn ReportPage(
    /// The loaded data.
    loaded: Arc<Loaded>,
) -> impl IntoView {
    let ui = use_ui();
    let lang = ui.lang();
    let ds = &loaded.data;
    let d = ds.default_lang();
    let title = ds
        .plan
        .as_ref()
        .map(|p| plain(&p.plan.title, d, &ui))
        .unwrap_or_default();
    set_title(&format!("{} – {}", ui.t("report.title"), title));
    let heading = ds.plan.as_ref().map(|p| txt(&p.plan.title, d, &ui));
    let stand = ds.plan.as_ref().and_then(|p| p.plan.as_of);

    let print = |_| browser::print();
    view! {
        <article class="wrap page report-page" data-testid="report">
            <header class="report-head">
                <h1 data-testid="page-title">{ui.t("report.title")}{heading.map(|t| view! { ": "{t} })}</h1>
                {stand.map(|s| view! { <p class="stand">{ui.t("overview.stand")}": "{format::date(&s, lang)}</p> })}
                <p class="no-print"><button type="button" class="button" on:click=print>{ui.t("report.print")}</button></p>
            </header>
            <Later>
                <ReportFields loaded=loaded.clone()/>
                <ReportChanges loaded=loaded.clone()/>
            </Later>
        </article>
    }
}

/// Each field of action's part of the report: counts, progress, the measures that need
/// attention and the indicators; built after the report's first screen is painted ([`Later`]).
#[component]
fn ReportFields(loaded: Arc<Loaded>) -> impl IntoView {
    let ui = use_ui();
    let lang = ui.lang();
    let ds = &loaded.data;
    let d = ds.default_lang();
    ds
        .fields()
        .into_iter()
        .map(|f| {
            let measures: Vec<_> = ds.measures_of_field(&f.id).collect();
            let counts = StatusCounts::of(measures.iter().copied());
            let rollup = roll_up(measures.iter().copied());
            let attention: Vec<_> = measures.iter().filter(|m| matches!(m.status, Status::Delayed | Status::Paused)).collect();
            let indicators = ds.indicators_of_field(&f.id);
            view! {
                <section class="report-field" data-testid="report-field">
                    { let (marks, shown) = block(&f.title, d, &ui); view! { <h2 {..marks}>{shown}</h2> } }
                    <p>
                        {ui.tf("overview.measures_count", &[("count", &measures.len().to_string())])}
                        {rollup.percent.map(|p| format!(" · {}: {}", ui.t("overview.progress"), format::percent(p, lang)))}
                    </p>
                    <StatusBar counts/>
                    {(!attention.is_empty()).then(|| view! {
                        <div class="table-wrap" tabindex="0" role="region" aria-label=format!("{} – {}", plain(&f.title, d, &ui), ui.t("report.attention"))>
                        <table class="data-table">
                            <caption>{ui.t("report.attention")}</caption>
                            <thead><tr><th scope="col">{ui.t("changes.measure")}</th><th scope="col">{ui.t("explore.status")}</th><th scope="col">{ui.t("measure.status_note")}</th></tr></thead>
                            <tbody>
                                {attention.iter().map(|m| view! {
                                    <tr>
                                        <th scope="row">{txt(&m.title, d, &ui)}</th>
                                        <td><StatusBadge status=m.status/></td>
                                        <td>{m.status_note.as_ref().map(|t| txt(t, d, &ui))}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                        </div>
                    })}
                    {(!indicators.is_empty()).then(|| view! {
                        <div class="table-wrap" tabindex="0" role="region" aria-label=format!("{} – {}", plain(&f.title, d, &ui), ui.t("nav.indicators"))>
                        <table class="data-table">
                            <caption>{ui.t("nav.indicators")}</caption>
                            <thead><tr><th scope="col">{ui.t("changes.indicator")}</th><th scope="col">{ui.t("report.latest")}</th><th scope="col">{ui.t("changes.rating")}</th></tr></thead>
                            <tbody>
                                {indicators.iter().map(|i| view! {
                                    <tr>
                                        <th scope="row">{txt(i.short_title.as_ref().unwrap_or(&i.title), d, &ui)}</th>
                                        <td>{crate::components::lists::latest_text(i, lang)}</td>
                                        <td><RatingBadge rating=assess(i).rating/></td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                        </div>
                    })}
                </section>
            }
        })
        .collect_view()
}

/// What changed since the council report the address names (`?seit=`), or since the latest:
/// its snapshot is fetched when the report's first screen is on screen ([`Later`]), so that
/// the first screen does not wait for it.
#[component]
fn ReportChanges(loaded: Arc<Loaded>) -> impl IntoView {
    let location = use_location();
    let since = Memo::new(move |_| location.with(|l| l.param("seit").map(str::to_owned)));
    let data_url = loaded.data_url.clone();
    let snapshot = {
        let loaded = loaded.clone();
        LocalResource::new(move || {
            let report = report_for(&loaded.data, since.get().as_deref()).cloned();
            let data_url = data_url.clone();
            async move {
                let report = report?;
                let prefix = snapshot_prefix(&report)?;
                Some((report, load_snapshot(data_url, prefix).await))
            }
        })
    };
    let changes = {
        let loaded = loaded.clone();
        move || {
            let ui = use_ui();
            snapshot.get().flatten().map(|(report, before)| {
                let c = compare(&before, &loaded.data);
                let d = loaded.data.default_lang();
                view! {
                    <section class="report-changes">
                        <h2>{ui.tf("changes.since", &[("date", &format::date(&report.date, ui.lang()))])}</h2>
                        {(!report.papers.is_empty()).then(|| view! {
                            <section aria-labelledby="report-papers-title" data-testid="report-papers">
                                <h3 id="report-papers-title">{ui.t("papers.of_report")}</h3>
                                {paper_list(&report.papers, d, &ui)}
                            </section>
                        })}
                        {render_changes(&c, &loaded, &before, &ui)}
                    </section>
                }
            })
        }
    };
    view! {
        <Suspense fallback=move || view! { <p role="status">{use_ui().t("load.loading")}</p> }>{changes}</Suspense>
    }
}
