//! The indicator list (grouped by field of action) and the page of one indicator with its chart,
//! data table, one-sentence summary, metadata and downloads.

use std::sync::Arc;

use leptos::prelude::*;
use wegmarke_core::charts::{
    indicator_option, latest_period, period_values, periods, summary, ChartOptions,
};
use wegmarke_core::districts::district_values;
use wegmarke_core::rating::{assess, counts, is_overdue};
use wegmarke_core::{csv, format, Flag, Indicator};

use crate::browser::{self, prefers_reduced_motion};
use crate::components::chart::EChart;
use crate::components::district_map::boundaries_url;
use crate::components::districts::values_section;
use crate::components::embed::EmbedButton;
use crate::components::later::Later;
use crate::components::lazy::from_part;
use crate::components::lists::indicator_item;
use crate::components::rating::{explanation, RatingBadge, RatingHistory};
use crate::components::text::{block, default_txt, plain, series_label, txt, with_text};
use crate::load::Loaded;
use crate::pages::gap::GapSection;
use crate::pages::not_found::NotFound;
use crate::route::{Embed, Route};
use crate::split::split_points;
use crate::ui::{set_title, use_ui};

/// All indicators, by field of action, with their ratings.
#[component]
pub fn IndicatorsPage(
    /// The loaded data.
    loaded: Arc<Loaded>,
) -> impl IntoView {
    let ui = use_ui();
    let ds = &loaded.data;
    let d = ds.default_lang();
    set_title(&ui.t("nav.indicators"));
    let mut shown = std::collections::HashSet::new();
    let groups = ds
        .fields()
        .into_iter()
        .map(|f| {
            let inds = ds.indicators_of_field(&f.id);
            for i in &inds {
                shown.insert(i.id.clone());
            }
            (!inds.is_empty()).then(|| view! {
                <section>
                    { let (marks, shown) = block(&f.title, d, &ui); view! { <h2 {..marks}>{shown}</h2> } }
                    <ul class="indicator-list">{inds.iter().map(|i| indicator_item(i, ds)).collect_view()}</ul>
                </section>
            })
        })
        .collect_view();
    let rest: Vec<&Indicator> = ds
        .indicators()
        .iter()
        .filter(|i| !shown.contains(&i.id))
        .collect();
    let counts = counts(ds.indicators());
    let counts = counts
        .present()
        .map(|(rating, n)| view! { <li><strong>{n}</strong>" "<RatingBadge rating/></li> })
        .collect_view();
    view! {
        <div class="wrap page indicators-page">
            <h1 data-testid="page-title">{ui.t("nav.indicators")}</h1>
            <p>{ui.t("indicators.intro")}" "<a href=Route::Method.href()>{ui.t("nav.method")}</a>" · "<a href=Route::Coverage.href()>{ui.t("nav.coverage")}</a></p>
            <ul class="rating-counts" data-testid="rating-counts">{counts}</ul>
            {groups}
            {(!rest.is_empty()).then(|| view! {
                <section>
                    <h2>{ui.t("indicators.other")}</h2>
                    <ul class="indicator-list">{rest.iter().map(|i| indicator_item(i, ds)).collect_view()}</ul>
                </section>
            })}
        </div>
    }
}

/// The page of one indicator: its heading and rating here, the chart and the details from a
/// part of their own ([`chart_and_details`]), asked for once the heading is painted.
#[component]
pub fn IndicatorPage(
    /// The loaded data.
    loaded: Arc<Loaded>,
    /// The indicator's id.
    id: String,
) -> impl IntoView {
    let ui = use_ui();
    let ds = &loaded.data;
    let Some(ind) = ds.indicator(&id) else {
        return view! { <NotFound/> }.into_any();
    };
    let d = ds.default_lang();
    set_title(&plain(&ind.title, d, &ui));
    let assessment = assess(ind);
    let overdue = ds
        .plan
        .as_ref()
        .and_then(|p| p.plan.as_of)
        .is_some_and(|s| is_overdue(ind, &s));

    let rating_text = explanation(&assessment, ind, &ui);
    view! {
        <article class="wrap page indicator-page" data-testid="indicator">
            <nav class="breadcrumb" aria-label=ui.t("nav.breadcrumb")>
                <a href="#/">{ui.t("nav.overview")}</a>" › "<a href=Route::Indicators.href()>{ui.t("nav.indicators")}</a>" › "
            </nav>
            { let (marks, shown) = block(&ind.title, d, &ui); view! { <h1 data-testid="page-title" {..marks}>{shown}</h1> }.attr("elementtiming", FIRST_SCREEN) }
            <div class="status-line">
                <RatingBadge rating=assessment.rating/>
                {overdue.then(|| view! { <span class="overdue" data-testid="overdue">{ui.t("indicator.overdue")}</span> })}
            </div>
            <p class="rating-explain" data-testid="rating-explain">{rating_text}" "<a href=Route::Method.href()>{ui.t("rating.how")}</a></p>
            <RatingHistory indicator=ind.clone() label=ui.t("rating.history") id="rating-history"/>
            <Later after=FIRST_SCREEN>{from_part(chart_and_details(loaded.clone(), id.clone()))}</Later>
        </article>
    }
    .into_any()
}

/// The `elementtiming` mark of an indicator page's heading: the chart's part is asked for once
/// the heading is on screen.
const FIRST_SCREEN: &str = "indicator-heading";

split_points! {
    /// An indicator page below its rating: the chart and the details. In a part of their own:
    /// the chart's options are built with charming, most of an indicator page's code, and a
    /// phone on a slow line shows the heading and the rating without waiting for it.
    chart fn chart_and_details(loaded: Arc<Loaded>, id: String) -> AnyView {
        view! { <ChartAndDetails loaded id/> }.into_any()
    }
}

/// The chart of an indicator with its one-sentence summary, then [`IndicatorDetails`].
#[component]
fn ChartAndDetails(loaded: Arc<Loaded>, id: String) -> impl IntoView {
    let ui = use_ui();
    let ds = &loaded.data;
    let Some(ind) = ds.indicator(&id) else {
        return ().into_any();
    };
    let cat = ui.cat.clone();
    let sentence = summary(ind, &cat);
    let option = indicator_option(
        ind,
        &cat,
        ds.default_lang(),
        ChartOptions {
            animate: !prefers_reduced_motion(),
            rtl: cat.lang.rtl,
        },
    );
    view! {
        <figure class="chart-figure">
            <EChart option=option label=sentence.clone() file_name=format!("{}.svg", ind.id)/>
            <figcaption data-testid="summary">{sentence}</figcaption>
        </figure>
        <Later><IndicatorDetails loaded=loaded.clone() id=id.clone()/></Later>
    }
    .into_any()
}

/// The indicator page below its first screen: the period reader, the data table, gaps and
/// districts, downloads, facts and links, built after the first screen is painted ([`Later`]).
#[component]
fn IndicatorDetails(loaded: Arc<Loaded>, id: String) -> impl IntoView {
    let ui = use_ui();
    let ds = &loaded.data;
    let Some(ind) = ds.indicator(&id) else {
        return ().into_any();
    };
    let d = ds.default_lang();
    let lang = ui.lang();
    let v = |x: f64| format::value_with_unit(x, ind.decimals, ind.unit.as_deref(), lang);

    // Data table: one row per period, one column per series, flags as words.
    let ps = periods(ind);
    let head = ind
        .series
        .iter()
        .map(|s| view! { <th scope="col">{series_label(s, d, &ui)}</th> })
        .collect_view();
    let rows = ps
        .iter()
        .filter(|p| {
            ind.series
                .iter()
                .any(|s| s.observations.iter().any(|o| o.period == **p))
        })
        .map(|p| {
            let cells = ind
                .series
                .iter()
                .map(|s| {
                    let o = s.observations.iter().find(|o| o.period == *p);
                    let value = o.and_then(|o| o.value).map(v).unwrap_or_else(|| "–".into());
                    let flag = o
                        .and_then(|o| o.flag)
                        .map(|f| ui.t(&format!("flag.{}", f.as_str())));
                    let note = o.and_then(|o| o.note.as_ref()).map(|n| txt(n, d, &ui));
                    let class = o
                        .and_then(|o| o.flag)
                        .map(|f| format!("flag-{}", f.as_str()));
                    view! {
                        <td class=class>
                            {value}
                            {flag.map(|f| view! { " "<span class="flag">"("{f}")"</span> })}
                            {note.map(|n| view! { <span class="note">{n}</span> })}
                        </td>
                    }
                })
                .collect_view();
            view! { <tr><th scope="row">{format::period(p, lang)}</th>{cells}</tr> }
        })
        .collect_view();
    let suppressed = ind
        .series
        .iter()
        .flat_map(|s| &s.observations)
        .any(|o| o.flag == Some(Flag::Suppressed));

    let stand = ds.plan.as_ref().and_then(|p| p.plan.as_of);
    // The files are built when a link is clicked.
    let csv_name = move |dialect| csv::csv_file_name(&ind.id, stand.as_ref(), dialect);
    let json_name = csv::file_name(&ind.id, stand.as_ref(), "json");
    let download_csv = |dialect: csv::Dialect| {
        let (loaded, id, name) = (loaded.clone(), id.clone(), csv_name(dialect));
        move |ev: leptos::ev::MouseEvent| {
            ev.prevent_default();
            if let Some(ind) = loaded.data.indicator(&id) {
                browser::download(&name, "text/csv", &csv::observations([ind], dialect));
            }
        }
    };
    let download_json = {
        let (loaded, id, name) = (loaded.clone(), id.clone(), json_name.clone());
        move |ev: leptos::ev::MouseEvent| {
            ev.prevent_default();
            if let Some(ind) = loaded.data.indicator(&id) {
                let text = serde_json::to_string_pretty(ind).unwrap_or_default();
                browser::download(&name, "application/json", &text);
            }
        }
    };
    let goals = ind.goals.iter().filter_map(|g| ds.goal(g)).map(|g| {
        view! { <li><a href=Route::Field(g.field.clone()).href()>{txt(&g.title, d, &ui)}</a></li> }
    }).collect_view();
    let measures = ds.measures().iter().filter(|m| m.indicators.contains(&ind.id)).map(|m| {
        view! { <li><a href=Route::Measure(m.id.clone()).href()>{txt(&m.title, d, &ui)}</a></li> }
    }).collect_view();

    view! {
        <PeriodReader indicator=ind.clone() default_lang=d.to_owned()/>
        {suppressed.then(|| view! { <p class="note-box">{ui.t("indicator.suppressed_note")}</p> })}
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="data-caption">
            <table class="data-table" data-testid="data-table">
                <caption id="data-caption">{with_text(&ui.t("indicator.table_caption"), "title", txt(&ind.title, d, &ui))}</caption>
                <thead><tr><th scope="col">{ui.t("indicator.period")}</th>{head}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <GapSection indicator=ind.clone() default_lang=d.to_owned()/>
        {district_values(ind, ds.districts()).map(|v| values_section(ind, &v, d, &ui, boundaries_url(&loaded)))}
        <EmbedButton route=Route::Embed(Embed::Indicator(ind.id.clone())) title=plain(&ind.title, d, &ui)/>
        <p class="downloads">
            {ui.t("indicator.download_csv")}": "
            <a href="#" download=csv_name(csv::Dialect::Standard) data-testid="download-csv" on:click=download_csv(csv::Dialect::Standard)>{ui.t("csv.standard")}</a>
            " · "
            <a href="#" download=csv_name(csv::Dialect::German) data-testid="download-csv-de" on:click=download_csv(csv::Dialect::German)>{ui.t("csv.excel_de")}</a>
            " · "
            <a href="#" download=json_name data-testid="download-json" on:click=download_json>{ui.t("indicator.download_json")}</a>
        </p>
        <dl class="facts">
            {ind.definition.as_ref().map(|t| view! { <dt>{ui.t("indicator.definition")}</dt>{ let (marks, shown) = block(t, d, &ui); view! { <dd {..marks}>{shown}</dd> } } })}
            {ind.unit.as_ref().map(|u| view! { <dt>{ui.t("indicator.unit")}</dt><dd>{default_txt(u, d, &ui)}</dd> })}
            {ind.baseline.as_ref().map(|b| view! { <dt>{ui.t("chart.baseline")}</dt><dd>{format!("{}: {}", format::period(&b.period, lang), v(b.value))}</dd> })}
            {ind.target.as_ref().map(|t| view! { <dt>{ui.t("chart.target")}</dt><dd>{format!("{}: {}", format::period(&t.period, lang), v(t.value))}</dd> })}
            <dt>{ui.t("indicator.kind")}</dt><dd>{ui.t(&format!("indicator.kind.{}", ind.kind.as_str()))}", "{ui.t(&format!("indicator.direction.{}", ind.direction.as_str()))}</dd>
            {ind.source.as_ref().map(|s| view! {
                <dt>{ui.t("indicator.source")}</dt>
                <dd>
                    {match s.url.clone() {
                        Some(u) => view! { <a href=u rel="noopener noreferrer">{txt(&s.name, d, &ui)}</a> }.into_any(),
                        None => txt(&s.name, d, &ui).into_any(),
                    }}
                    {s.table.as_ref().map(|t| view! { ", "{txt(t, d, &ui)} })}
                </dd>
            })}
            {ind.frequency.clone().map(|f| view! { <dt>{ui.t("indicator.frequency")}</dt><dd>{ui.t(&format!("indicator.frequency.{f}"))}</dd> })}
            {ind.next_update.map(|n| view! { <dt>{ui.t("indicator.next_update")}</dt><dd data-testid="next-update">{format::date(&n, lang)}</dd> })}
            {ind.notes.as_ref().map(|t| view! { <dt>{ui.t("indicator.notes")}</dt>{ let (marks, shown) = block(t, d, &ui); view! { <dd {..marks}>{shown}</dd> } } })}
        </dl>
        <h2>{ui.t("indicator.goals")}</h2>
        <ul>{goals}</ul>
        <h2>{ui.t("indicator.measures")}</h2>
        <ul>{measures}</ul>
    }
    .into_any()
}

/// What the chart's tooltip tells a pointer user, for keyboard and screen reader users beside
/// the chart: a period to choose (a native select: arrow keys step through the periods) and the
/// values of every series in it, with flags, baseline and target, announced when they change.
#[component]
fn PeriodReader(indicator: Indicator, default_lang: String) -> impl IntoView {
    let ui = use_ui();
    let lang = ui.lang();
    let ps = periods(&indicator);
    if ps.is_empty() {
        return ().into_any();
    }
    let first = latest_period(&indicator)
        .and_then(|p| ps.iter().position(|q| *q == p))
        .unwrap_or(0);
    let chosen = RwSignal::new(first);
    let options = ps
        .iter()
        .enumerate()
        .map(|(i, p)| view! { <option value=i.to_string() selected=i == first>{format::period(p, lang)}</option> })
        .collect_view();
    let values = move || {
        let ui = use_ui();
        let d = default_lang.as_str();
        let Some(p) = ps.get(chosen.get()) else {
            return ().into_any();
        };
        let pv = period_values(&indicator, p);
        let v = |x: f64| {
            format::value_with_unit(x, indicator.decimals, indicator.unit.as_deref(), lang)
        };
        let mut items: Vec<AnyView> = indicator
            .series
            .iter()
            .zip(pv.series)
            .map(|(s, (value, flag))| {
                let value = value.map(v).unwrap_or_else(|| "–".into());
                let flag = flag.map(|f| format!(" ({})", ui.t(&format!("flag.{}", f.as_str()))));
                view! { <li>{series_label(s, d, &ui)}": "{value}{flag}</li> }.into_any()
            })
            .collect();
        for (key, value) in [("chart.baseline", pv.baseline), ("chart.target", pv.target)] {
            if let Some(x) = value {
                items.push(view! { <li>{ui.t(key)}": "{v(x)}</li> }.into_any());
            }
        }
        view! {
            <strong>{format::period(&pv.period, lang)}</strong>
            <ul class="plain">{items}</ul>
        }
        .into_any()
    };
    view! {
        <div class="chart-reader no-print" data-testid="chart-reader">
            <label for="chart-period">{ui.t("chart.period_values")}</label>
            <select id="chart-period" data-testid="chart-period" on:change=move |ev| {
                if let Ok(i) = event_target_value(&ev).parse() {
                    chosen.set(i);
                }
            }>{options}</select>
            <div class="chart-reader-values" role="status" data-testid="chart-period-values">{values}</div>
        </div>
    }
    .into_any()
}
