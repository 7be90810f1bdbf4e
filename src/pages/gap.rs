//! The gap between two groups on an indicator's page: how it is computed, its rating with the
//! reason and its history, its chart (the same pipeline as the level's) with a one-sentence
//! summary, and a table of both groups' values and the gap for every period.

use leptos::prelude::*;
use wegmarke_core::charts::{indicator_option, summary, ChartOptions};
use wegmarke_core::gap::{as_indicator, compared, points};
use wegmarke_core::rating::assess;
use wegmarke_core::{format, GapMeasure, Indicator};

use crate::browser::prefers_reduced_motion;
use crate::components::chart::EChart;
use crate::components::rating::{explanation, RatingBadge, RatingHistory};
use crate::components::text::{series_label, txt, with_text, with_texts};
use crate::route::Route;
use crate::ui::use_ui;

/// The section, for an indicator that declares a gap whose two series exist; nothing otherwise.
#[component]
pub fn GapSection(
    /// The indicator with its `gap`.
    indicator: Indicator,
    /// The plan's default language.
    default_lang: String,
) -> impl IntoView {
    let ui = use_ui();
    let d = default_lang.as_str();
    let lang = ui.lang();
    let (Some((declared, series, reference)), Some(gap)) =
        (compared(&indicator), as_indicator(&indicator, &ui.cat))
    else {
        return ().into_any();
    };
    let intro_key = match declared.measure {
        GapMeasure::Difference => "gap.intro.difference",
        GapMeasure::Ratio => "gap.intro.ratio",
    };
    let intro = with_texts(
        &ui.t(intro_key),
        vec![
            ("series", series_label(series, d, &ui)),
            ("reference", series_label(reference, d, &ui)),
        ],
    );
    let pts = points(&indicator);
    if pts.iter().all(|p| p.value.is_none()) {
        return view! {
            <section class="gap-section" aria-labelledby="gap-heading" data-testid="gap">
                <h2 id="gap-heading">{ui.t("gap.heading")}</h2>
                <p>{intro}</p>
                <p data-testid="gap-none">{ui.t("gap.none")}</p>
            </section>
        }
        .into_any();
    }
    let assessment = assess(&gap);
    let sentence = summary(&gap, &ui.cat);
    let option = indicator_option(
        &gap,
        &ui.cat,
        d,
        ChartOptions {
            animate: !prefers_reduced_motion(),
            rtl: ui.cat.lang.rtl,
        },
    );
    let level = |x: Option<f64>| {
        x.map_or_else(
            || "–".to_owned(),
            |x| format::value_with_unit(x, indicator.decimals, indicator.unit.as_deref(), lang),
        )
    };
    let rows = pts
        .iter()
        .map(|p| {
            let value = p.value.map_or_else(
                || "–".to_owned(),
                |x| format::value_with_unit(x, gap.decimals, gap.unit.as_deref(), lang),
            );
            let flag = p.flag.map(|f| ui.t(&format!("flag.{}", f.as_str())));
            view! {
                <tr>
                    <th scope="row">{format::period(&p.period, lang)}</th>
                    <td>{level(p.series)}</td>
                    <td>{level(p.reference)}</td>
                    <td>{value}{flag.map(|f| view! { " "<span class="flag">"("{f}")"</span> })}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="gap-section" aria-labelledby="gap-heading" data-testid="gap">
            <h2 id="gap-heading">{ui.t("gap.heading")}</h2>
            <p>{intro}</p>
            <div class="status-line"><RatingBadge rating=assessment.rating/></div>
            <p class="rating-explain" data-testid="gap-explain">{explanation(&assessment, &gap, &ui)}" "<a href=Route::Method.href()>{ui.t("rating.how")}</a></p>
            <RatingHistory indicator=gap.clone() label=ui.t("rating.history_gap") id="gap-history"/>
            <figure class="chart-figure">
                <EChart option=option label=sentence.clone() file_name=format!("{}-abstand.svg", indicator.id) test_id="gap-chart"/>
                <figcaption data-testid="gap-summary">{sentence.clone()}</figcaption>
            </figure>
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="gap-caption">
                <table class="data-table" data-testid="gap-table">
                    <caption id="gap-caption">{with_text(&ui.t("gap.table_caption"), "title", txt(&indicator.title, d, &ui))}</caption>
                    <thead><tr>
                        <th scope="col">{ui.t("indicator.period")}</th>
                        <th scope="col">{series_label(series, d, &ui)}</th>
                        <th scope="col">{series_label(reference, d, &ui)}</th>
                        <th scope="col">{ui.t("gap.series")}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}
