//! Chart builders: pure functions from an indicator to an ECharts option, built with charming
//! and handed to ECharts as JSON, and the one-sentence summary shown under every chart. Tested
//! natively on their JSON, whole options against a committed snapshot.

pub mod map;
pub mod svg;

use charming::component::{Axis, Grid, Legend, Title};
use charming::datatype::{DataPoint, DataPointItem};
use charming::element::{
    AxisType, ItemStyle, Label, LineStyle, LineStyleType, MarkLine, MarkLineData, MarkLineVariant,
    Symbol, Tooltip, Trigger,
};
use charming::series::Line;
use charming::Chart;
use serde_json::Value;

use crate::format;
use crate::i18n::Catalog;
use crate::model::{Flag, Indicator};
use crate::period::Period;
use crate::sort::sort_by;

/// Series colours: colour-blind-safe hues (after Okabe–Ito), darkened to at least 3:1 on white.
pub const PALETTE: [&str; 6] = [
    "#0072b2", "#c0500a", "#007a5a", "#aa3377", "#6b4c9a", "#8c6d1f",
];
/// Colour of the target path and markers.
pub const TARGET_COLOR: &str = "#3d3d3d";

/// How the chart is drawn for the reader.
#[derive(Clone, Copy, Debug)]
pub struct ChartOptions {
    /// Animation (off when the reader prefers reduced motion).
    pub animate: bool,
    /// Right-to-left: the time axis runs from right to left.
    pub rtl: bool,
}

/// Every period that appears in the chart, in order: observations, baseline and target.
pub fn periods(ind: &Indicator) -> Vec<Period> {
    let mut ps: Vec<Period> = ind
        .series
        .iter()
        .flat_map(|s| s.observations.iter().map(|o| o.period))
        .chain(ind.baseline.as_ref().map(|b| b.period))
        .chain(ind.target.as_ref().map(|t| t.period))
        .collect();
    sort_by(&mut ps, |a, b| a.cmp(b));
    ps.dedup();
    ps
}

/// The line chart of an indicator, built with charming: every series, the baseline and target,
/// the straight path between them; provisional values hollow, breaks marked, suppressed values
/// as gaps. Only the indicator page's part calls it, so charming's code is in that part alone.
pub fn indicator_chart(
    ind: &Indicator,
    cat: &Catalog,
    default_lang: &str,
    opts: ChartOptions,
) -> Chart {
    let lang = cat.lang.tag;
    let ps = periods(ind);
    let labels: Vec<String> = ps.iter().map(|p| format::period(p, lang)).collect();
    let idx = |p: &Period| ps.iter().position(|q| q == p);
    let mut chart = Chart::new()
        .animation(opts.animate)
        .color(
            PALETTE
                .iter()
                .map(|c| charming::element::Color::from(*c))
                .collect(),
        )
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        // A centred legend that wraps inside the chart's width (phones, right-to-left).
        .legend(Legend::new().bottom(0).left("center").width("90%"))
        .grid(
            Grid::new()
                .left(if opts.rtl { "2%" } else { "4%" })
                .right("4%")
                .top(30)
                .bottom(60)
                .contain_label(true),
        )
        .x_axis(
            Axis::new()
                .type_(AxisType::Category)
                .data(labels.clone())
                .inverse(opts.rtl),
        )
        .y_axis(
            Axis::new()
                .type_(AxisType::Value)
                .name(ind.unit.clone().unwrap_or_default())
                .position(if opts.rtl { "right" } else { "left" }),
        );
    for (n, s) in ind.series.iter().enumerate() {
        let color = PALETTE[n % PALETTE.len()];
        let mut data: Vec<DataPoint> = vec![DataPoint::Value(None::<f64>.into()); ps.len()];
        let mut breaks = Vec::new();
        for o in &s.observations {
            let Some(i) = idx(&o.period) else { continue };
            data[i] = match (o.value, o.flag) {
                (Some(v), Some(Flag::Provisional | Flag::Estimated)) => DataPoint::Item(
                    DataPointItem::new(v).item_style(
                        ItemStyle::new()
                            .color("#ffffff")
                            .border_color(color)
                            .border_width(2),
                    ),
                ),
                (v, _) => DataPoint::Value(v.into()),
            };
            if o.flag == Some(Flag::Break) {
                breaks.push(MarkLineVariant::Simple(
                    MarkLineData::new()
                        .x_axis(labels[i].clone())
                        .name(cat.t("chart.break")),
                ));
            }
        }
        let label = s
            .label
            .as_ref()
            .map(|l| l.resolve(lang, default_lang).to_owned())
            .unwrap_or_else(|| s.id.clone());
        let mut line = Line::new()
            .name(label)
            .symbol(Symbol::Circle)
            .symbol_size(8)
            .connect_nulls(false)
            .data(data);
        if !breaks.is_empty() {
            line = line.mark_line(
                MarkLine::new()
                    .silent(true)
                    .symbol(vec![Symbol::None, Symbol::None])
                    .line_style(
                        LineStyle::new()
                            .color(TARGET_COLOR)
                            .type_(LineStyleType::Dotted),
                    )
                    .label(Label::new().formatter(cat.t("chart.break")))
                    .data(breaks),
            );
        }
        chart = chart.series(line);
    }
    if let (Some(b), Some(t)) = (&ind.baseline, &ind.target) {
        if let (Some(bi), Some(ti)) = (idx(&b.period), idx(&t.period)) {
            let mut path: Vec<DataPoint> = vec![DataPoint::Value(None::<f64>.into()); ps.len()];
            path[bi] = DataPoint::Item(DataPointItem::new(b.value).name(cat.t("chart.baseline")));
            path[ti] = DataPoint::Item(
                DataPointItem::new(t.value)
                    .name(cat.t("chart.target"))
                    .item_style(ItemStyle::new().color(TARGET_COLOR)),
            );
            chart = chart.series(
                Line::new()
                    .name(cat.t("chart.target_path"))
                    .symbol(Symbol::Diamond)
                    .symbol_size(12)
                    .connect_nulls(true)
                    .line_style(
                        LineStyle::new()
                            .color(TARGET_COLOR)
                            .type_(LineStyleType::Dashed)
                            .width(2),
                    )
                    .item_style(ItemStyle::new().color(TARGET_COLOR))
                    .data(path),
            );
        }
    }
    chart.title(Title::new().show(false))
}

/// The chart's ECharts option with the settings for the web page. Tooltips render as rich text,
/// not HTML, so no inline style attribute is created (strict CSP; charming has no setting for
/// it, so it is set on the JSON, like the ARIA switch), and ECharts' own ARIA description is off in favour of ours:
/// the summary sentence in the reader's language and the data table.
pub fn indicator_option(
    ind: &Indicator,
    cat: &Catalog,
    default_lang: &str,
    opts: ChartOptions,
) -> Value {
    let chart = indicator_chart(ind, cat, default_lang, opts);
    // Through text rather than `to_value`: charming's many `Serialize` impls are then built for
    // serde_json's text writer, which needs less code per field than its `Value` builder, and
    // the text is read by the `Value` parser the main module has anyway: the indicator page's
    // part and chunks are 2.2 KB (brotli) smaller (measured 3 December 2026).
    let mut v = serde_json::to_string(&chart)
        .ok()
        .and_then(|text| serde_json::from_str::<Value>(&text).ok())
        .unwrap_or(Value::Null);
    v["tooltip"]["renderMode"] = "richText".into();
    // The unit above the value axis starts at the axis and runs into the chart, so a long one
    // ("Prozentpunkte") is not cut off at the chart's edge (charming's text style has no
    // alignment).
    v["yAxis"]["nameTextStyle"] =
        serde_json::json!({"align": if opts.rtl { "right" } else { "left" }});
    // charming's `Aria` would also write `"label": null` and `"decal": null`.
    v["aria"] = serde_json::json!({"enabled": false});
    v
}

/// What the chart's tooltip shows for one period: each series' value (`None`: no value, a gap
/// in the line) with its flag, and the baseline or target when they fall on that period. The
/// indicator page offers the same by keyboard beside the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct PeriodValues {
    pub period: Period,
    /// One entry per series, in the chart's order: (value, flag).
    pub series: Vec<(Option<f64>, Option<Flag>)>,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
}

/// The values of `period`, as the tooltip lists them.
pub fn period_values(ind: &Indicator, period: &Period) -> PeriodValues {
    let series = ind
        .series
        .iter()
        .map(|s| {
            s.observations
                .iter()
                .find(|o| o.period == *period)
                .map_or((None, None), |o| (o.value, o.flag))
        })
        .collect();
    PeriodValues {
        period: *period,
        series,
        baseline: ind
            .baseline
            .as_ref()
            .filter(|b| b.period == *period)
            .map(|b| b.value),
        target: ind
            .target
            .as_ref()
            .filter(|t| t.period == *period)
            .map(|t| t.value),
    }
}

/// The period the reader sees first beside the chart: the latest with a value in any series
/// (else the last on the axis).
pub fn latest_period(ind: &Indicator) -> Option<Period> {
    let ps = periods(ind);
    ps.iter()
        .rev()
        .find(|p| {
            period_values(ind, p)
                .series
                .iter()
                .any(|(v, _)| v.is_some())
        })
        .or(ps.last())
        .copied()
}

/// Points of a sparkline of the target series in a `width` × `height` box (SVG coordinates,
/// y downwards), or `None` with fewer than two values.
pub fn sparkline(ind: &Indicator, width: f64, height: f64) -> Option<Vec<(f64, f64)>> {
    let s = ind.target_series()?;
    let pts: Vec<(f64, f64)> = s
        .observations
        .iter()
        .filter_map(|o| o.value.map(|v| (o.period.midpoint(), v)))
        .collect();
    if pts.len() < 2 {
        return None;
    }
    let (x0, x1) = (pts[0].0, pts[pts.len() - 1].0);
    let (lo, hi) = pts
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), p| {
            (l.min(p.1), h.max(p.1))
        });
    let span_y = if hi > lo { hi - lo } else { 1.0 };
    let pad = 2.0;
    Some(
        pts.iter()
            .map(|(x, y)| {
                let sx = pad + (x - x0) / (x1 - x0).max(f64::EPSILON) * (width - 2.0 * pad);
                let sy = pad + (hi - y) / span_y * (height - 2.0 * pad);
                (sx, sy)
            })
            .collect(),
    )
}

/// The latest non-null observation and the first one, of the target series.
fn first_and_latest(ind: &Indicator) -> Option<((Period, f64), (Period, f64))> {
    let s = ind.target_series()?;
    let mut values = s
        .observations
        .iter()
        .filter_map(|o| o.value.map(|v| (o.period, v)));
    let first = values.next()?;
    let last = values.next_back().unwrap_or(first);
    Some((first, last))
}

/// One sentence from the data: "2019: 11,8 % → 2024: 10,2 %; Ziel 2030: 8,0 %".
pub fn summary(ind: &Indicator, cat: &Catalog) -> String {
    let lang = cat.lang.tag;
    let v = |x: f64| format::value_with_unit(x, ind.decimals, ind.unit.as_deref(), lang);
    let mut s = match first_and_latest(ind) {
        Some((first, last)) if first.0 != last.0 => format!(
            "{}: {}{}{}: {}",
            format::period(&first.0, lang),
            v(first.1),
            // In right-to-left text the arrow points left, toward the newer value.
            if cat.lang.rtl { " ← " } else { " → " },
            format::period(&last.0, lang),
            v(last.1)
        ),
        Some((only, _)) => format!("{}: {}", format::period(&only.0, lang), v(only.1)),
        None => cat.t("summary.no_values").to_owned(),
    };
    if let Some(t) = &ind.target {
        s.push_str("; ");
        s.push_str(&cat.tf(
            "summary.target",
            &[
                ("period", &format::period(&t.period, lang)),
                ("value", &v(t.value)),
            ],
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    fn ind() -> Indicator {
        serde_json::from_value(json!({
            "id": "I-alq", "title": "ALQ", "unit": "%", "decimals": 1, "direction": "down",
            "baseline": {"period": "2019", "value": 11.8},
            "target": {"period": "2030", "value": 8.0, "series": "a"},
            "series": [
                {"id": "a", "label": {"de": "Ausländer/-innen", "en": "Foreigners"}, "observations": [
                    {"period": "2019", "value": 11.8}, {"period": "2021", "value": null, "flag": "suppressed"},
                    {"period": "2022", "value": 10.9, "flag": "break"}, {"period": "2024", "value": 10.2, "flag": "provisional"}]},
                {"id": "b", "label": {"de": "Deutsche"}, "observations": [{"period": "2019", "value": 3.9}]}
            ]
        }))
        .unwrap()
    }

    fn option(lang: &str, rtl: bool) -> Value {
        indicator_option(
            &ind(),
            &Catalog::new(lang),
            "de",
            ChartOptions {
                animate: false,
                rtl,
            },
        )
    }

    /// The options the app is given for every indicator of the test corpus (six of varied kinds,
    /// units, decimals and flags) and of `ind()`, in German, Arabic (right to left) and English,
    /// as committed in `tests/snapshots/indicator-options.json`: a change to any chart shows up
    /// as a diff there. `UPDATE_SNAPSHOTS=1 cargo test -p wegmarke-core --lib charts` writes the
    /// file anew (review the diff before committing it).
    /// The options of every indicator of the test corpus (six of varied kinds, units, decimals
    /// and flags) and of `ind()`, in German, Arabic (right to left) and English.
    fn corpus_options() -> serde_json::Map<String, Value> {
        let ds = crate::validate::validate(
            &crate::validate::Inputs {
                plan: crate::validate::Input::Bytes(include_bytes!(
                    "../../tests/fixtures/corpus/plan.json"
                )),
                measures: crate::validate::Input::Bytes(include_bytes!(
                    "../../tests/fixtures/corpus/measures.json"
                )),
                indicators: crate::validate::Input::Bytes(include_bytes!(
                    "../../tests/fixtures/corpus/indicators.json"
                )),
            },
            "",
        );
        assert!(ds.problems.is_empty(), "{:#?}", ds.problems);
        let mut all = serde_json::Map::new();
        for ind in ds.indicators().iter().chain([&ind()]) {
            for (lang, rtl, animate) in [
                ("de", false, true),
                ("ar", true, false),
                ("en", false, false),
            ] {
                let option = indicator_option(
                    ind,
                    &Catalog::new(lang),
                    "de",
                    ChartOptions { animate, rtl },
                );
                all.insert(format!("{} {lang}", ind.id), option);
            }
        }
        all
    }

    /// The options the app is given for the corpus, as committed in
    /// `tests/snapshots/indicator-options.json`: a change to any chart shows up as a diff
    /// there. `UPDATE_SNAPSHOTS=1 cargo test -p wegmarke-core --lib charts` writes the file anew
    /// (review the diff before committing it).
    #[test]
    fn options_match_the_committed_snapshot() {
        let all = corpus_options();
        let now = serde_json::to_string_pretty(&Value::Object(all)).unwrap() + "\n";
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/snapshots/indicator-options.json");
        if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &now).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == now,
            "the chart options differ from {} (UPDATE_SNAPSHOTS=1 writes them anew)",
            path.display()
        );
    }

    #[test]
    fn series_gaps_provisional_and_break() {
        let o = option("de", false);
        assert_eq!(
            o["xAxis"]["data"],
            json!(["2019", "2021", "2022", "2024", "2030"])
        );
        assert_eq!(o["animation"], json!(false));
        let a = &o["series"][0];
        assert_eq!(a["name"], "Ausländer/-innen");
        assert_eq!(a["data"][0], json!(11.8));
        assert_eq!(a["data"][1], Value::Null, "suppressed value is a gap");
        assert_eq!(a["data"][3]["value"], json!(10.2));
        assert_eq!(
            a["data"][3]["itemStyle"]["color"], "#ffffff",
            "provisional is hollow"
        );
        assert_eq!(a["markLine"]["data"][0]["xAxis"], "2022");
        assert_eq!(o["series"][1]["data"], json!([3.9, null, null, null, null]));
    }

    #[test]
    fn target_path_runs_from_baseline_to_target() {
        let o = option("en", false);
        let path = &o["series"][2];
        assert_eq!(path["name"], "Path to target");
        assert_eq!(path["connectNulls"], json!(true));
        assert_eq!(path["lineStyle"]["type"], "dashed");
        assert_eq!(path["data"][0]["value"], json!(11.8));
        assert_eq!(path["data"][4]["value"], json!(8.0));
        assert_eq!(path["data"][2], Value::Null);
    }

    #[test]
    fn right_to_left_mirrors_the_axes() {
        let o = option("de", true);
        assert_eq!(o["xAxis"]["inverse"], json!(true));
        assert_eq!(o["yAxis"]["position"], "right");
    }

    #[test]
    fn option_avoids_html_tooltips() {
        let v = indicator_option(
            &ind(),
            &Catalog::new("de"),
            "de",
            ChartOptions {
                animate: true,
                rtl: false,
            },
        );
        assert_eq!(v["tooltip"]["renderMode"], "richText");
        assert_eq!(v["aria"]["enabled"], json!(false));
    }

    #[test]
    fn period_values_are_what_the_tooltip_lists() {
        let i = ind();
        let p = |s: &str| Period::parse(s).unwrap();
        // 2019: both series, and the baseline.
        assert_eq!(
            period_values(&i, &p("2019")),
            PeriodValues {
                period: p("2019"),
                series: vec![(Some(11.8), None), (Some(3.9), None)],
                baseline: Some(11.8),
                target: None,
            }
        );
        // 2021: suppressed (no value, its flag); the second series has no observation.
        let v = period_values(&i, &p("2021"));
        assert_eq!(v.series, vec![(None, Some(Flag::Suppressed)), (None, None)]);
        // 2030: only the target.
        let v = period_values(&i, &p("2030"));
        assert_eq!(
            (v.series, v.target),
            (vec![(None, None), (None, None)], Some(8.0))
        );
        assert_eq!(
            period_values(&i, &p("2024")).series[0],
            (Some(10.2), Some(Flag::Provisional))
        );
        // The latest period with a value, not the target's year.
        assert_eq!(latest_period(&i), Some(p("2024")));
        let mut empty = i.clone();
        empty.series.clear();
        assert_eq!(latest_period(&empty), Some(p("2030")));
    }

    /// The first view of every corpus chart shows each value once (a circle or a diamond),
    /// every series in the legend and the break labels, at phone and desktop width.
    #[test]
    fn first_views_draw_every_value_of_the_corpus() {
        for (key, option) in corpus_options() {
            for width in [390.0, 1280.0] {
                let drawn = svg::first_view(&option, width, 352.0, &svg::estimated_width);
                let series = option["series"].as_array().unwrap();
                let values = |symbol: &str| {
                    series
                        .iter()
                        .filter(|s| s["symbol"] == symbol)
                        .flat_map(|s| s["data"].as_array().unwrap())
                        .filter(|d| d.as_f64().is_some() || d["value"].as_f64().is_some())
                        .count()
                };
                let in_legend =
                    |symbol: &str| series.iter().filter(|s| s["symbol"] == symbol).count();
                assert_eq!(
                    drawn.matches("<circle ").count(),
                    values("circle") + in_legend("circle"),
                    "{key} at {width}"
                );
                assert_eq!(
                    drawn.matches("Z\" fill=").count(),
                    values("diamond") + in_legend("diamond"),
                    "{key} at {width}"
                );
                for s in series {
                    let name = s["name"].as_str().unwrap().replace('&', "&amp;");
                    assert!(drawn.contains(&format!(">{name}</text>")), "{key}: {name}");
                    if let Some(label) = s["markLine"]["label"]["formatter"].as_str() {
                        assert!(
                            drawn.contains(&format!(">{label}</text>")),
                            "{key}: {label}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn sparkline_fits_its_box() {
        let pts = sparkline(&ind(), 100.0, 20.0).unwrap();
        assert_eq!(pts.len(), 3);
        assert_eq!(pts[0], (2.0, 2.0)); // highest value at the top left
        assert!((pts[2].0 - 98.0).abs() < 1e-9 && (pts[2].1 - 18.0).abs() < 1e-9);
        let mut one = ind();
        one.series[0].observations.truncate(1);
        assert_eq!(sparkline(&one, 100.0, 20.0), None);
    }

    #[test]
    fn one_sentence_summaries() {
        assert_eq!(
            summary(&ind(), &Catalog::new("de")),
            "2019: 11,8\u{a0}% → 2024: 10,2\u{a0}%; Ziel 2030: 8,0\u{a0}%"
        );
        assert_eq!(
            summary(&ind(), &Catalog::new("en")),
            "2019: 11.8% → 2024: 10.2%; target 2030: 8.0%"
        );
        let mut empty = ind();
        empty.series.clear();
        empty.target = None;
        assert_eq!(summary(&empty, &Catalog::new("en")), "No values yet.");
    }
}
