//! Districts as tables with bars: the measures per district (field page, explorer) and an
//! indicator's values by district, each with a summary sentence. The bar is decoration
//! (`aria-hidden`); the numbers are in the cells.

use std::sync::Arc;

use leptos::prelude::*;
use wegmarke_core::charts::map::MapValue;
use wegmarke_core::districts::{count_summary, DistrictCount, DistrictValues};
use wegmarke_core::{format, District, Indicator};

use crate::components::district_map::{DistrictMap, Format};
use crate::components::text::{plain, series_label, txt, with_texts};
use crate::ui::Ui;

/// Measures per district as the map's values: each area named in the reader's language (`d`:
/// the plan's default language) and leading to `href(district id)`.
pub fn count_values(
    counts: &[DistrictCount<'_>],
    d: &str,
    ui: &Ui,
    href: impl Fn(&str) -> String,
) -> Vec<MapValue> {
    counts
        .iter()
        .map(|c| MapValue {
            name: Some(plain(&c.district.name, d, ui)),
            href: Some(href(&c.district.id)),
            ..MapValue::new(&c.district.id, Some(c.measures as f64))
        })
        .collect()
}

/// A bar of `share` (0–1) of the cell's width, drawn as SVG (the page's policy allows no
/// inline styles); mirrored for right-to-left pages by the stylesheet.
fn bar(share: f64) -> impl IntoView {
    let width = format!("{:.2}", (share.clamp(0.0, 1.0) * 100.0));
    view! {
        <svg class="district-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
            <rect x="0" y="0" width=width height="10"/>
        </svg>
    }
}

/// District names, each marked with its language, separated by commas.
fn names(list: &[&District], d: &str, ui: &Ui) -> AnyView {
    list.iter()
        .enumerate()
        .map(|(i, x)| view! { {(i > 0).then_some(", ")}{txt(&x.name, d, ui)} })
        .collect_view()
        .into_any()
}

/// The sentence under a count table: the districts with the most measures and those without.
fn count_sentence(counts: &[DistrictCount<'_>], d: &str, ui: &Ui) -> AnyView {
    let s = count_summary(counts);
    if s.most.is_empty() {
        return ui.t("districts.none").into_any();
    }
    let most = with_texts(
        &ui.tf("districts.most", &[("count", &s.most_count.to_string())]),
        vec![("names", names(&s.most, d, ui))],
    );
    let without = (!s.without.is_empty()).then(|| {
        with_texts(
            &ui.t("districts.without"),
            vec![("names", names(&s.without, d, ui))],
        )
    });
    view! { {most}{without.map(|w| view! { " "{w} })} }.into_any()
}

/// The measures per district as a table with a bar per row and a summary sentence above it.
/// `id` names the caption (unique on the page), `test_id` the table for the browser tests.
pub fn count_table(
    counts: &[DistrictCount<'_>],
    caption: String,
    id: &'static str,
    test_id: &'static str,
    d: &str,
    ui: &Ui,
) -> AnyView {
    let max = counts.iter().map(|c| c.measures).max().unwrap_or(0).max(1) as f64;
    let rows = counts
        .iter()
        .map(|c| {
            view! {
                <tr data-district=c.district.id.clone()>
                    <th scope="row">{txt(&c.district.name, d, ui)}</th>
                    <td class="num" data-testid="district-measures">{c.measures}</td>
                    <td class="num">{c.running}</td>
                    <td class="bar-cell">{bar(c.measures as f64 / max)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class="district-summary" data-testid=format!("{test_id}-summary")>{count_sentence(counts, d, ui)}</p>
        <div class="table-wrap district-wrap" tabindex="0" role="region" aria-labelledby=id>
            <table class="data-table district-table" data-testid=test_id>
                <caption id=id>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{ui.t("districts.district")}</th>
                        <th scope="col">{ui.t("districts.measures")}</th>
                        <th scope="col">{ui.t("districts.running")}</th>
                        <th scope="col" class="bar-cell"><span class="visually-hidden">{ui.t("districts.bar")}</span></th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// An indicator's values by district: heading, summary sentence, and a table with the value
/// (unit, decimals, flag as a word), "no data" for districts without one, and a bar.
pub fn values_section(
    ind: &Indicator,
    v: &DistrictValues<'_>,
    d: &str,
    ui: &Ui,
    boundaries: Option<String>,
) -> AnyView {
    let lang = ui.lang();
    let fmt = |x: f64| format::value_with_unit(x, ind.decimals, ind.unit.as_deref(), lang);
    let period = format::period(&v.period, lang);
    let name = |r: &wegmarke_core::districts::ValueRow<'_>| match r.name {
        Some(n) => txt(n, d, ui).into_any(),
        None => r.id.to_owned().into_any(),
    };
    let list = |rows: Vec<&wegmarke_core::districts::ValueRow<'_>>| {
        rows.into_iter()
            .enumerate()
            .map(|(i, r)| view! { {(i > 0).then_some(", ")}{name(r)} })
            .collect_view()
            .into_any()
    };
    let summary = match (v.max, v.min, v.median) {
        (Some(max), Some(min), Some(median)) => with_texts(
            &ui.tf(
                "districts.values_summary",
                &[
                    ("max", &fmt(max)),
                    ("min", &fmt(min)),
                    ("median", &fmt(median)),
                    ("with", &v.with_data().to_string()),
                    ("total", &v.rows.len().to_string()),
                ],
            ),
            vec![("highest", list(v.highest())), ("lowest", list(v.lowest()))],
        ),
        _ => ui
            .tf("districts.values_none", &[("period", &period)])
            .into_any(),
    };
    // Bars from zero to the highest value; negative values get none.
    let top = v.max.filter(|m| *m > 0.0).unwrap_or(1.0);
    let rows = v
        .rows
        .iter()
        .map(|r| {
            let flag = r.flag.map(|f| ui.t(&format!("flag.{}", f.as_str())));
            let class = r.flag.map(|f| format!("flag-{}", f.as_str()));
            let cell = match r.value {
                Some(x) => view! {
                    <td class=class data-testid="district-value">
                        {fmt(x)}
                        {flag.map(|f| view! { " "<span class="flag">"("{f}")"</span> })}
                    </td>
                    <td class="bar-cell">{bar(x / top)}</td>
                }
                .into_any(),
                None => view! {
                    <td class="no-data" data-testid="district-value">
                        {ui.t("districts.no_data")}
                        {flag.map(|f| view! { " "<span class="flag">"("{f}")"</span> })}
                    </td>
                    <td class="bar-cell"></td>
                }
                .into_any(),
            };
            view! { <tr data-district=r.id.to_owned()><th scope="row">{name(r)}</th>{cell}</tr> }
        })
        .collect_view();
    let several = ind.series.len() > 1;
    // With the district boundaries beside the data, a map above the table (the same values).
    let caption = ui.tf("districts.values_caption", &[("period", &period)]);
    // Not links (the values have no page of their own), but focusable and named on the map.
    let map_values: Vec<MapValue> = v
        .rows
        .iter()
        .map(|r| MapValue {
            name: r.name.map(|n| plain(n, d, ui)),
            ..MapValue::new(r.id, r.value)
        })
        .collect();
    let map_format: Format = {
        let (decimals, unit, lang) = (ind.decimals, ind.unit.clone(), lang.to_owned());
        Arc::new(move |x| format::value_with_unit(x, decimals, unit.as_deref(), &lang))
    };
    view! {
        <section class="district-values" aria-labelledby="district-values-heading" data-testid="district-values">
            <h2 id="district-values-heading">{ui.tf("districts.values_heading", &[("period", &period)])}</h2>
            {v.series.filter(|_| several).map(|s| view! {
                <p class="meta">{with_texts(&ui.t("districts.series"), vec![("series", series_label(s, d, ui))])}</p>
            })}
            <p class="district-summary" data-testid="district-values-summary">{summary}</p>
            <DistrictMap id="indicator-map" boundaries values=map_values label=caption.clone() format=map_format
                data_lang=d.to_owned()/>
            <div class="table-wrap district-wrap" tabindex="0" role="region" aria-labelledby="district-values-caption">
                <table class="data-table district-table" data-testid="district-values-table">
                    <caption id="district-values-caption">{caption}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ui.t("districts.district")}</th>
                            <th scope="col">{ui.t("districts.value")}</th>
                            <th scope="col" class="bar-cell"><span class="visually-hidden">{ui.t("districts.bar")}</span></th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}
