//! "Was hat sich geändert?": the changes since a council report, computed by the domain crate
//! against the report's frozen snapshot. The report is in the address (`?bericht=2026-05-12`),
//! so every view has a permalink. A missing or broken snapshot gets its located message.

use std::sync::Arc;

use leptos::prelude::*;
use wegmarke_core::changes::{
    compare, report_for, snapshot_prefix, Changes, IndicatorChange, MeasureChange,
};
use wegmarke_core::format::Correction;
use wegmarke_core::{format, Dataset, Flag, Severity};

use crate::components::later::Later;
use crate::components::papers::paper_list;
use crate::components::rating::RatingBadge;
use crate::components::status::StatusBadge;
use crate::components::text::{series_label, txt, with_text};
use crate::load::{fetch_dataset, Loaded};
use crate::route::{Location, Route};
use crate::ui::{set_title, use_location, use_ui, Ui};

/// Fetches and validates a report's snapshot (the three files under its path).
pub(crate) async fn load_snapshot(data_url: String, prefix: String) -> Arc<Dataset> {
    let snapshot = fetch_dataset(&data_url, &prefix).await;
    // Comparing and drawing the changes is a task of its own, not the one that checked the
    // snapshot: the page stays responsive between the two.
    crate::browser::next_task().await;
    Arc::new(snapshot)
}

/// The changes page.
#[component]
pub fn ChangesPage(
    /// The loaded data.
    loaded: Arc<Loaded>,
) -> impl IntoView {
    let ui = use_ui();
    set_title(&ui.t("changes.title"));
    let location = use_location();
    let chosen = Memo::new(move |_| location.with(|l| l.param("bericht").map(str::to_owned)));
    let ds = &loaded.data;
    let d = ds.default_lang().to_owned();
    let reports: Vec<_> = ds.reports().into_iter().cloned().collect();
    if reports.is_empty() {
        return view! {
            <div class="wrap page"><h1 data-testid="page-title">{ui.t("changes.title")}</h1><p>{ui.t("changes.no_reports")}</p></div>
        }
        .into_any();
    }
    let picker = {
        let (ui, d) = (ui.clone(), d.clone());
        reports
            .iter()
            .map(|r| {
                let date = r.date.to_string();
                let href = Location::href_with(&Route::Changes, &[("bericht", date.clone())]);
                let latest = reports.first().map(|f| f.date) == Some(r.date);
                let current = move || {
                    chosen.with(|c| c.as_deref() == Some(date.as_str()) || (c.is_none() && latest))
                };
                view! {
                    <li>
                        <a href=href aria-current=move || current().then_some("true")>
                            {format::date(&r.date, ui.lang())}": "{txt(&r.title, &d, &ui)}
                            {r.reference.clone().map(|x| format!(" ({x})"))}
                        </a>
                    </li>
                }
            })
            .collect_view()
    };
    let data_url = loaded.data_url.clone();
    let snapshot = {
        let loaded = loaded.clone();
        LocalResource::new(move || {
            let report = report_for(&loaded.data, chosen.get().as_deref()).cloned();
            let data_url = data_url.clone();
            async move {
                let report = report?;
                let prefix = snapshot_prefix(&report)?;
                Some((report, load_snapshot(data_url, prefix).await))
            }
        })
    };
    let body = move || {
        let ui = use_ui();
        snapshot.get().map(|s| match s {
            None => view! { <p class="notice" data-testid="changes-missing">{ui.t("changes.no_snapshot")}</p> }.into_any(),
            Some((report, before)) => {
                let fatal: Vec<_> = before.problems.iter().filter(|p| p.severity == Severity::Fatal).cloned().collect();
                let changes = compare(&before, &loaded.data);
                // The summary is the first screen's; the tables follow once it is painted.
                let summary = changes_summary(&changes, &ui);
                let loaded = loaded.clone();
                let msg_lang = if ui.lang() == "de" { "de" } else { "en" };
                let broken = (!fatal.is_empty()).then(|| view! {
                    <section class="notice notice-fatal" role="alert" data-testid="snapshot-fatal">
                        <h2>{ui.t("changes.snapshot_broken")}</h2>
                        <ul class="problem-list">
                            {fatal.iter().map(|p| view! { <li><code dir="ltr">{p.location()}</code>" "{p.message(msg_lang)}</li> }).collect_view()}
                        </ul>
                    </section>
                });
                let stand = before.plan.as_ref().and_then(|p| p.plan.as_of);
                let d = loaded.data.default_lang();
                view! {
                    {broken}
                    <p class="lead" data-testid="changes-since">
                        {ui.tf("changes.since", &[("date", &format::date(&report.date, ui.lang()))])}
                        {stand.map(|s| format!(" ({}: {})", ui.t("overview.stand"), format::date(&s, ui.lang())))}
                    </p>
                    {(!report.papers.is_empty()).then(|| view! {
                        <section aria-labelledby="report-papers-title" data-testid="report-papers">
                            <h2 id="report-papers-title">{ui.t("papers.of_report")}</h2>
                            {paper_list(&report.papers, d, &ui)}
                        </section>
                    })}
                    {summary}
                    <Later>{changes_tables(&changes, &loaded, &before, &use_ui())}</Later>
                }
                .into_any()
            }
        })
    };
    view! {
        <div class="wrap page changes-page">
            <h1 data-testid="page-title">{ui.t("changes.title")}</h1>
            <nav aria-label=ui.t("changes.reports")><ul class="report-picker">{picker}</ul></nav>
            <p><a href=move || Location::href_with(&Route::Report, &[("seit", chosen.get().unwrap_or_default())]) data-testid="report-link">{ui.t("report.print")}</a></p>
            <Suspense fallback=move || view! { <p role="status">{use_ui().t("load.loading")}</p> }>{body}</Suspense>
        </div>
    }
    .into_any()
}

/// The changes since a report: the summary, then a table of the measures and one of the
/// indicators that changed.
pub(crate) fn render_changes(
    c: &Changes,
    loaded: &Loaded,
    before: &Dataset,
    ui: &Ui,
) -> impl IntoView {
    view! { {changes_summary(c, ui)}{changes_tables(c, loaded, before, ui)} }
}

/// The changes counted in one sentence (or that there are none).
fn changes_summary(c: &Changes, ui: &Ui) -> impl IntoView {
    let counts = c.counts();
    let summary = ui.tf(
        "changes.summary",
        &[
            ("status", &counts.status_changed.to_string()),
            ("progress", &counts.progress_changed.to_string()),
            ("added", &counts.measures_added.to_string()),
            ("finished", &counts.finished.to_string()),
            ("values", &counts.new_values.to_string()),
            ("revised", &counts.revised_values.to_string()),
            ("ratings", &counts.ratings_changed.to_string()),
        ],
    );
    view! {
        <p data-testid="changes-summary">{summary}</p>
        {c.is_empty().then(|| view! { <p>{ui.t("changes.none")}</p> })}
    }
}

/// The measures and the indicators that changed, a table each (none for no changes).
fn changes_tables(c: &Changes, loaded: &Loaded, before: &Dataset, ui: &Ui) -> impl IntoView {
    let measures = c
        .measures
        .iter()
        .map(|m| measure_row(m, loaded, before, ui))
        .collect_view();
    let indicators = c
        .indicators
        .iter()
        .map(|i| indicator_row(i, loaded, before, ui))
        .collect_view();
    view! {
        {(!c.measures.is_empty()).then(|| view! {
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="changes-m-caption">
                <table class="data-table" data-testid="measure-changes">
                    <caption id="changes-m-caption">{ui.t("changes.measures")}</caption>
                    <thead><tr>
                        <th scope="col">{ui.t("changes.measure")}</th>
                        <th scope="col">{ui.t("explore.status")}</th>
                        <th scope="col">{ui.t("overview.progress")}</th>
                        <th scope="col">{ui.t("papers.title")}</th>
                    </tr></thead>
                    <tbody>{measures}</tbody>
                </table>
            </div>
        })}
        {(!c.indicators.is_empty()).then(|| view! {
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="changes-i-caption">
                <table class="data-table" data-testid="indicator-changes">
                    <caption id="changes-i-caption">{ui.t("changes.indicators")}</caption>
                    <thead><tr>
                        <th scope="col">{ui.t("changes.indicator")}</th>
                        <th scope="col">{ui.t("changes.values")}</th>
                        <th scope="col">{ui.t("changes.rating")}</th>
                    </tr></thead>
                    <tbody>{indicators}</tbody>
                </table>
            </div>
        })}
    }
}

/// "From → to" in reading direction: in right-to-left languages the arrow points left.
fn arrow(ui: &Ui) -> &'static str {
    if ui.cat.lang.rtl {
        " ← "
    } else {
        " → "
    }
}

fn measure_row(m: &MeasureChange, loaded: &Loaded, before: &Dataset, ui: &Ui) -> impl IntoView {
    let d = loaded.data.default_lang();
    let measure = loaded.data.measure(&m.id).or_else(|| before.measure(&m.id));
    let title = measure.map(|x| txt(&x.title, d, ui).into_any());
    // The papers the measure names now (or named, when it is gone): what the council decided
    // or was told about it.
    let papers = match measure {
        Some(x) if !x.papers.is_empty() => paper_list(&x.papers, d, ui).into_any(),
        _ => "–".into_any(),
    };
    let pct = |p: Option<f64>| {
        p.map(|p| format::percent(p, ui.lang()))
            .unwrap_or_else(|| "–".into())
    };
    let status = if m.is_added() {
        view! { <strong>{ui.t("changes.added")}</strong> }.into_any()
    } else if m.is_removed() {
        view! { <strong>{ui.t("changes.removed")}</strong> }.into_any()
    } else {
        match m.status_change() {
            Some((from, to)) => {
                view! { <StatusBadge status=from/>" → "<StatusBadge status=to/> }.into_any()
            }
            None => view! { "–" }.into_any(),
        }
    };
    let progress = m
        .progress_change()
        .map(|(a, b)| format!("{} → {}", pct(a), pct(b)))
        .unwrap_or_else(|| "–".into());
    view! {
        <tr data-testid="measure-change" data-id=m.id.clone()>
            <th scope="row"><a href=Route::Measure(m.id.clone()).href()>{title}</a>{m.is_finished().then(|| view! { " "<span class="tag">{use_ui().t("changes.finished")}</span> })}</th>
            <td>{status}</td>
            <td>{progress}</td>
            <td data-testid="measure-change-papers">{papers}</td>
        </tr>
    }
}

fn indicator_row(i: &IndicatorChange, loaded: &Loaded, before: &Dataset, ui: &Ui) -> impl IntoView {
    let d = loaded.data.default_lang();
    let ind = loaded
        .data
        .indicator(&i.id)
        .or_else(|| before.indicator(&i.id));
    let title = ind.map(|x| txt(x.short_title.as_ref().unwrap_or(&x.title), d, ui).into_any());
    let (dec, unit) = (
        ind.and_then(|x| x.decimals),
        ind.and_then(|x| x.unit.clone()),
    );
    let v = |x: Option<f64>| {
        x.map(|x| format::value_with_unit(x, dec, unit.as_deref(), ui.lang()))
            .unwrap_or_else(|| "–".into())
    };
    // A series' label (marked with its language), or its id where the data names none.
    let series = |s: &str| match ind.and_then(|x| x.series.iter().find(|y| y.id == s)) {
        Some(y) => series_label(y, d, ui),
        None => s.to_owned().into_any(),
    };
    let mut lines: Vec<AnyView> = i
        .new_values
        .iter()
        .map(|n| {
            let sentence = ui.tf(
                "changes.new_value",
                &[
                    ("period", &format::period(&n.period, ui.lang())),
                    ("value", &v(Some(n.value))),
                ],
            );
            with_text(&sentence, "series", series(&n.series))
        })
        .collect();
    lines.extend(i.revised.iter().map(|r| {
        let period = format::period(&r.period, ui.lang());
        let sentence = match (r.from, r.to) {
            // Values that look alike at the indicator's decimals get the decimals that tell them
            // apart, or are named a minor correction.
            (Some(from), Some(to)) if r.value_changed() => {
                match format::correction(from, to, dec, unit.as_deref(), ui.lang()) {
                    Correction::Differs { from, to } => ui.tf(
                        "changes.revised_value",
                        &[("period", &period), ("from", &from), ("to", &to)],
                    ),
                    Correction::BelowPrecision { value } | Correction::Same { value } => ui.tf(
                        "changes.revised_minor",
                        &[("period", &period), ("value", &value)],
                    ),
                }
            }
            // Only the flag changed (a provisional figure confirmed, say): the value once, and
            // what its flag was and is, not "3,8 % → 3,8 %".
            _ if r.flag_only() => {
                let flag =
                    |f: Option<Flag>| ui.t(&format!("flag.{}", f.map_or("none", Flag::as_str)));
                ui.tf(
                    "changes.revised_flag",
                    &[
                        ("period", &period),
                        ("value", &v(r.to)),
                        ("from", &flag(r.from_flag)),
                        ("to", &flag(r.to_flag)),
                    ],
                )
            }
            _ => ui.tf(
                "changes.revised_value",
                &[("period", &period), ("from", &v(r.from)), ("to", &v(r.to))],
            ),
        };
        with_text(&sentence, "series", series(&r.series))
    }));
    if i.added {
        lines.push(ui.t("changes.added").into_any());
    }
    if i.removed {
        lines.push(ui.t("changes.removed").into_any());
    }
    view! {
        <tr data-testid="indicator-change" data-id=i.id.clone()>
            <th scope="row"><a href=Route::Indicator(i.id.clone()).href()>{title}</a></th>
            <td><ul class="plain">{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul></td>
            <td>{i.rating.map(|r| view! { <RatingBadge rating=r.from/>{arrow(ui)}<RatingBadge rating=r.to/> })}</td>
        </tr>
    }
}
