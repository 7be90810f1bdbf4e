//! A chart's first view, drawn as SVG markup from its ECharts option: the page shows the chart
//! with its text, without waiting for ECharts (150 KiB) to load. It reads the same option the
//! live chart is given, so both show the same data, series, colours and labels; the layout
//! follows ECharts' defaults for what the option leaves open (grid with its labels inside,
//! "nice" value ticks, category bands, the legend's rows), so the live chart takes its place
//! without a jump. It draws what the indicator charts use: line series on a category axis,
//! gaps, hollow or coloured points, circle and diamond symbols, solid, dashed and dotted lines,
//! vertical mark lines with a label, the value axis' name and a legend.

use std::fmt::Write;

use serde_json::Value;

use crate::text::xml_escape;

/// ECharts' default colours for axes, split lines and legend text.
const AXIS: &str = "#6E7079";
const SPLIT: &str = "#E0E6F1";
const LEGEND_TEXT: &str = "#333";
/// ECharts' default font size, and the distance of axis labels from their axis.
const FONT: f64 = 12.0;
const LABEL_MARGIN: f64 = 8.0;
/// The legend's icon box, the gap to its text and between items (ECharts' defaults), and the
/// distance between its rows (as ECharts draws them).
const ICON_W: f64 = 25.0;
const ICON_H: f64 = 14.0;
const ICON_GAP: f64 = 5.0;
const ITEM_GAP: f64 = 10.0;
const LEGEND_PADDING: f64 = 5.0;
const ROW_PITCH: f64 = 20.0;

/// The option's first entry of a component that may be given as one object or a list.
fn first(v: &Value) -> &Value {
    match v {
        Value::Array(a) => a.first().unwrap_or(&Value::Null),
        other => other,
    }
}

/// A length given as pixels or as a percentage of `whole`.
fn length(v: &Value, whole: f64, default: f64) -> f64 {
    match v {
        Value::Number(n) => n.as_f64().unwrap_or(default),
        Value::String(s) => s
            .strip_suffix('%')
            .and_then(|p| p.trim().parse::<f64>().ok())
            .map_or(default, |p| p / 100.0 * whole),
        _ => default,
    }
}

/// The width of a text at 12 px in a sans-serif face, estimated by kind of character: for
/// drawing where no font can measure (tests, tools); the page measures with the browser's font.
pub fn estimated_width(text: &str) -> f64 {
    text_width(text, FONT)
}

fn text_width(text: &str, size: f64) -> f64 {
    text.chars()
        .map(|c| match c {
            ' ' | '.' | ',' | ':' | ';' | '\'' | '|' | 'i' | 'j' | 'l' | 'I' => 0.28,
            'f' | 't' | 'r' | '(' | ')' | '/' | '-' => 0.36,
            'm' | 'w' | 'M' | 'W' | '%' => 0.86,
            '0'..='9' => 0.556,
            c if c.is_ascii_uppercase() => 0.68,
            _ => 0.6,
        })
        .sum::<f64>()
        * size
}

/// The value axis: its extent and tick step, "nice" numbers as ECharts chooses them for about
/// five intervals, zero always included.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ValueScale {
    pub min: f64,
    pub max: f64,
    pub step: f64,
    /// Decimals of the step (for the tick labels).
    pub decimals: usize,
}

impl ValueScale {
    pub fn new(values: impl IntoIterator<Item = f64>) -> ValueScale {
        let (mut lo, mut hi) = values
            .into_iter()
            .filter(|v| v.is_finite())
            .fold((0.0f64, 0.0f64), |(l, h), v| (l.min(v), h.max(v)));
        if hi - lo <= f64::EPSILON {
            hi = lo + 1.0;
        }
        let raw = (hi - lo) / 5.0;
        let exp = raw.log10().floor();
        let f = raw / 10f64.powf(exp);
        let nice = match f {
            f if f < 1.5 => 1.0,
            f if f < 2.5 => 2.0,
            f if f < 4.0 => 3.0,
            f if f < 7.0 => 5.0,
            _ => 10.0,
        };
        let decimals = if exp < 0.0 { (-exp) as usize } else { 0 };
        let step = round(nice * 10f64.powf(exp), decimals);
        lo = round((lo / step).floor() * step, decimals);
        hi = round((hi / step).ceil() * step, decimals);
        ValueScale {
            min: lo,
            max: hi,
            step,
            decimals,
        }
    }

    /// The tick values from the minimum to the maximum.
    pub fn ticks(&self) -> Vec<f64> {
        let n = ((self.max - self.min) / self.step).round() as usize;
        (0..=n)
            .map(|i| round(self.min + i as f64 * self.step, self.decimals))
            .collect()
    }
}

fn round(v: f64, decimals: usize) -> f64 {
    let f = 10f64.powi(decimals as i32);
    (v * f).round() / f
}

/// A tick label as ECharts writes it: the shortest decimals, thousands with commas.
pub fn tick_label(v: f64, decimals: usize) -> String {
    let s = format!("{:.*}", decimals, v);
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        s
    };
    let (sign, s) = match s.strip_prefix('-') {
        Some(rest) if rest.chars().any(|c| c != '0' && c != '.') => ("-", rest),
        Some(rest) => ("", rest),
        None => ("", s.as_str()),
    };
    let (int, frac) = s.split_once('.').map_or((s, None), |(i, f)| (i, Some(f)));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// A point of a series: its value and how its symbol is filled.
struct Point {
    value: f64,
    fill: Option<String>,
    border: Option<(String, f64)>,
}

/// A series as the first view draws it.
struct Series {
    name: String,
    color: String,
    width: f64,
    dash: Option<String>,
    symbol: String,
    symbol_size: f64,
    connect_nulls: bool,
    /// The symbols' colour (the series' own, else the palette's).
    fill: String,
    points: Vec<Option<Point>>,
    /// Vertical mark lines: (category, label text).
    marks: Vec<(String, String)>,
    mark_color: String,
    mark_dash: Option<String>,
}

/// ECharts' dash pattern for a line type and width.
fn dash(kind: &Value, width: f64) -> Option<String> {
    match kind.as_str() {
        Some("dashed") => Some(format!("{} {}", fmt(4.0 * width), fmt(2.0 * width))),
        Some("dotted") => Some(format!("{} {}", fmt(width), fmt(width))),
        _ => None,
    }
}

fn color(v: &Value) -> Option<String> {
    v.as_str().map(str::to_owned)
}

fn series(option: &Value) -> Vec<Series> {
    let palette: Vec<String> = option["color"]
        .as_array()
        .map(|a| a.iter().filter_map(color).collect())
        .unwrap_or_default();
    let list = match &option["series"] {
        Value::Array(a) => a.as_slice(),
        _ => &[],
    };
    list.iter()
        .enumerate()
        .map(|(n, s)| {
            let own = color(&s["itemStyle"]["color"]).or_else(|| color(&s["lineStyle"]["color"]));
            let series_color = own
                .clone()
                .or_else(|| palette.get(n % palette.len().max(1)).cloned())
                .unwrap_or_else(|| AXIS.to_owned());
            let line_color =
                color(&s["lineStyle"]["color"]).unwrap_or_else(|| series_color.clone());
            let width = s["lineStyle"]["width"].as_f64().unwrap_or(2.0);
            let points = s["data"]
                .as_array()
                .map(|data| {
                    data.iter()
                        .map(|d| match d {
                            Value::Number(v) => v.as_f64().map(|value| Point {
                                value,
                                fill: None,
                                border: None,
                            }),
                            Value::Object(o) => {
                                o.get("value").and_then(Value::as_f64).map(|value| Point {
                                    value,
                                    fill: o.get("itemStyle").and_then(|i| color(&i["color"])),
                                    border: o.get("itemStyle").and_then(|i| {
                                        color(&i["borderColor"])
                                            .map(|c| (c, i["borderWidth"].as_f64().unwrap_or(1.0)))
                                    }),
                                })
                            }
                            _ => None,
                        })
                        .collect()
                })
                .unwrap_or_default();
            let mark = &s["markLine"];
            let mark_label = mark["label"]["formatter"].as_str();
            let marks = mark["data"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|m| {
                            let at = m["xAxis"].as_str()?.to_owned();
                            let text = mark_label
                                .or_else(|| m["name"].as_str())
                                .unwrap_or_default()
                                .to_owned();
                            Some((at, text))
                        })
                        .collect()
                })
                .unwrap_or_default();
            let mark_width = mark["lineStyle"]["width"].as_f64().unwrap_or(1.0);
            Series {
                name: s["name"].as_str().unwrap_or_default().to_owned(),
                color: line_color,
                width,
                dash: dash(&s["lineStyle"]["type"], width),
                symbol: s["symbol"].as_str().unwrap_or("emptyCircle").to_owned(),
                symbol_size: s["symbolSize"].as_f64().unwrap_or(4.0),
                connect_nulls: s["connectNulls"].as_bool().unwrap_or(false),
                fill: series_color,
                points,
                marks,
                mark_color: color(&mark["lineStyle"]["color"]).unwrap_or_else(|| AXIS.to_owned()),
                mark_dash: dash(&mark["lineStyle"]["type"], mark_width),
            }
        })
        .collect()
}

/// A coordinate, short: one decimal at most.
fn fmt(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

/// A symbol's markup at (x, y).
fn symbol(
    out: &mut String,
    kind: &str,
    size: f64,
    x: f64,
    y: f64,
    fill: &str,
    border: Option<&(String, f64)>,
) {
    let stroke = border.map_or(String::new(), |(c, w)| {
        format!(" stroke=\"{}\" stroke-width=\"{}\"", xml_escape(c), fmt(*w))
    });
    let r = size / 2.0;
    match kind {
        "none" => {}
        "diamond" => {
            let _ = write!(
                out,
                "<path d=\"M{} {}L{} {}L{} {}L{} {}Z\" fill=\"{}\"{stroke}/>",
                fmt(x),
                fmt(y - r),
                fmt(x + r * 0.8),
                fmt(y),
                fmt(x),
                fmt(y + r),
                fmt(x - r * 0.8),
                fmt(y),
                xml_escape(fill)
            );
        }
        "emptyCircle" => {
            let _ = write!(
                out,
                "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"#fff\" stroke=\"{}\" stroke-width=\"2\"/>",
                fmt(x),
                fmt(y),
                fmt(r),
                xml_escape(fill)
            );
        }
        _ => {
            let _ = write!(
                out,
                "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{}\"{stroke}/>",
                fmt(x),
                fmt(y),
                fmt(r),
                xml_escape(fill)
            );
        }
    }
}

fn text(out: &mut String, x: f64, y: f64, anchor: &str, fill: &str, content: &str) {
    let _ = write!(
        out,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\" dominant-baseline=\"central\" fill=\"{fill}\">{}</text>",
        fmt(x),
        fmt(y),
        xml_escape(content)
    );
}

fn line(out: &mut String, d: &str, stroke: &str, width: f64, dash: Option<&str>) {
    let dash = dash.map_or(String::new(), |d| format!(" stroke-dasharray=\"{d}\""));
    let _ = write!(
        out,
        "<path d=\"{d}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"{dash} stroke-linejoin=\"round\"/>",
        xml_escape(stroke),
        fmt(width)
    );
}

/// The chart of `option` as an SVG document of `width` × `height` pixels. `measure`: the width
/// of a text in 12 px sans-serif (where labels fit, how the legend wraps), as ECharts measures
/// it in the page: a canvas' `measureText`, or [`estimated_width`].
pub fn first_view(
    option: &Value,
    width: f64,
    height: f64,
    measure: &dyn Fn(&str) -> f64,
) -> String {
    let (w, h) = (width.max(1.0), height.max(1.0));
    let x_axis = first(&option["xAxis"]);
    let y_axis = first(&option["yAxis"]);
    let grid = first(&option["grid"]);
    let legend = first(&option["legend"]);
    let categories: Vec<String> = x_axis["data"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|c| match c {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .collect()
        })
        .unwrap_or_default();
    let inverse = x_axis["inverse"].as_bool().unwrap_or(false);
    let right = y_axis["position"].as_str() == Some("right");
    let all = series(option);
    let scale = ValueScale::new(
        all.iter()
            .flat_map(|s| s.points.iter().flatten().map(|p| p.value)),
    );
    let ticks = scale.ticks();
    let labels: Vec<String> = ticks
        .iter()
        .map(|t| tick_label(*t, scale.decimals))
        .collect();
    let label_w = labels.iter().map(|l| measure(l)).fold(0.0, f64::max);

    // The grid with its labels inside it (containLabel).
    let g_left = length(&grid["left"], w, 0.1 * w);
    let g_right = length(&grid["right"], w, 0.1 * w);
    let g_top = length(&grid["top"], h, 60.0);
    let g_bottom = length(&grid["bottom"], h, 60.0);
    let room = label_w + LABEL_MARGIN;
    let left = g_left + if right { 0.0 } else { room };
    let right_edge = (w - g_right - if right { room } else { 0.0 }).max(left + 1.0);
    let top = g_top;
    // ECharts keeps half a label's height below the axis' labels inside the grid.
    let bottom = (h - g_bottom - LABEL_MARGIN - FONT / 2.0 - 0.5).max(top + 1.0);
    let y = |v: f64| bottom - (v - scale.min) / (scale.max - scale.min) * (bottom - top);
    let n = categories.len().max(1);
    let band = (right_edge - left) / n as f64;
    let x = |i: usize| {
        if inverse {
            right_edge - band * (i as f64 + 0.5)
        } else {
            left + band * (i as f64 + 0.5)
        }
    };

    let mut out = String::with_capacity(8 * 1024);
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" font-family=\"sans-serif\" font-size=\"{}px\" aria-hidden=\"true\" focusable=\"false\">",
        fmt(w),
        fmt(h),
        fmt(w),
        fmt(h),
        fmt(FONT)
    );

    // Value axis: split lines, tick labels, its name above it.
    let label_x = if right {
        right_edge + LABEL_MARGIN
    } else {
        left - LABEL_MARGIN
    };
    let anchor = if right { "start" } else { "end" };
    for (t, l) in ticks.iter().zip(&labels) {
        let ty = y(*t);
        line(
            &mut out,
            &format!("M{} {}L{} {}", fmt(left), fmt(ty), fmt(right_edge), fmt(ty)),
            SPLIT,
            1.0,
            None,
        );
        text(&mut out, label_x, ty, anchor, AXIS, l);
    }
    if let Some(name) = y_axis["name"].as_str().filter(|s| !s.is_empty()) {
        let ax = if right { right_edge } else { left };
        let anchor = match y_axis["nameTextStyle"]["align"].as_str() {
            Some("left") => "start",
            Some("right") => "end",
            _ => "middle",
        };
        text(&mut out, ax, top - 18.0, anchor, AXIS, name);
    }

    // Category axis on the zero line: the line, ticks between the bands, labels that fit.
    let zero = y(0f64.clamp(scale.min, scale.max));
    line(
        &mut out,
        &format!(
            "M{} {}L{} {}",
            fmt(left),
            fmt(zero),
            fmt(right_edge),
            fmt(zero)
        ),
        AXIS,
        1.0,
        None,
    );
    let mut ticks_d = String::new();
    for j in 0..=n {
        let tx = left + band * j as f64;
        let _ = write!(
            ticks_d,
            "M{} {}L{} {}",
            fmt(tx),
            fmt(zero),
            fmt(tx),
            fmt(zero + 5.0)
        );
    }
    line(&mut out, &ticks_d, AXIS, 1.0, None);
    let widest = categories.iter().map(|c| measure(c)).fold(0.0, f64::max);
    let every = ((widest + 4.0) / band.max(1.0)).ceil().max(1.0) as usize;
    for (i, c) in categories
        .iter()
        .enumerate()
        .filter(|(i, _)| i % every == 0)
    {
        text(
            &mut out,
            x(i),
            zero + LABEL_MARGIN + FONT / 2.0,
            "middle",
            AXIS,
            c,
        );
    }

    // Lines first, then every symbol above them (as ECharts layers them). A gap ends a line
    // unless the series connects over it; a value alone between gaps is a symbol only.
    for s in &all {
        let mut runs: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
        for (i, p) in s.points.iter().enumerate() {
            match p {
                Some(p) => runs
                    .last_mut()
                    .into_iter()
                    .for_each(|r| r.push((x(i), y(p.value)))),
                None if !s.connect_nulls => runs.push(Vec::new()),
                None => {}
            }
        }
        let mut d = String::new();
        for run in runs.iter().filter(|r| r.len() > 1) {
            for (k, (px, py)) in run.iter().enumerate() {
                let _ = write!(
                    d,
                    "{}{} {}",
                    if k == 0 { "M" } else { "L" },
                    fmt(*px),
                    fmt(*py)
                );
            }
        }
        if !d.is_empty() {
            line(&mut out, &d, &s.color, s.width, s.dash.as_deref());
        }
    }
    for s in &all {
        for (i, p) in s.points.iter().enumerate() {
            let Some(p) = p else { continue };
            let fill = p.fill.as_deref().unwrap_or(&s.fill);
            symbol(
                &mut out,
                &s.symbol,
                s.symbol_size,
                x(i),
                y(p.value),
                fill,
                p.border.as_ref(),
            );
        }
    }
    // Vertical mark lines (a break in a series) with their label above the grid's top.
    for s in &all {
        for (at, label) in &s.marks {
            let Some(i) = categories.iter().position(|c| c == at) else {
                continue;
            };
            let mx = x(i);
            line(
                &mut out,
                &format!("M{} {}L{} {}", fmt(mx), fmt(zero), fmt(mx), fmt(top)),
                &s.mark_color,
                1.0,
                s.mark_dash.as_deref(),
            );
            text(
                &mut out,
                mx,
                top - 5.0 - FONT / 2.0,
                "middle",
                &s.mark_color,
                label,
            );
        }
    }

    // The legend: items in rows that fit its width, the block centred, at the bottom.
    if legend["show"].as_bool() != Some(false) && !all.is_empty() {
        let max_w = length(&legend["width"], w, w - 2.0 * LEGEND_PADDING);
        let items: Vec<(usize, f64)> = all
            .iter()
            .enumerate()
            .map(|(k, s)| (k, ICON_W + ICON_GAP + measure(&s.name)))
            .collect();
        let mut rows: Vec<Vec<(usize, f64)>> = vec![Vec::new()];
        let mut used = 0.0;
        for (k, iw) in items {
            let need = if used > 0.0 { ITEM_GAP + iw } else { iw };
            if used > 0.0 && used + need > max_w {
                rows.push(Vec::new());
                used = iw;
            } else {
                used += need;
            }
            if let Some(row) = rows.last_mut() {
                row.push((k, iw));
            }
        }
        let row_w = |r: &Vec<(usize, f64)>| {
            r.iter().map(|(_, iw)| iw).sum::<f64>() + ITEM_GAP * r.len().saturating_sub(1) as f64
        };
        let block_w = rows.iter().map(row_w).fold(0.0, f64::max);
        let block_h = ICON_H + (rows.len() - 1) as f64 * ROW_PITCH;
        let x0 = (w - block_w) / 2.0;
        let y0 = h - LEGEND_PADDING - block_h;
        for (r, row) in rows.iter().enumerate() {
            let cy = y0 + r as f64 * ROW_PITCH + ICON_H / 2.0;
            let mut ix = x0;
            for (k, iw) in row {
                let s = &all[*k];
                line(
                    &mut out,
                    &format!("M{} {}L{} {}", fmt(ix), fmt(cy), fmt(ix + ICON_W), fmt(cy)),
                    &s.color,
                    s.width,
                    s.dash.as_deref(),
                );
                symbol(
                    &mut out,
                    &s.symbol,
                    ICON_H * 0.8,
                    ix + ICON_W / 2.0,
                    cy,
                    &s.fill,
                    None,
                );
                text(
                    &mut out,
                    ix + ICON_W + ICON_GAP,
                    cy,
                    "start",
                    LEGEND_TEXT,
                    &s.name,
                );
                ix += iw + ITEM_GAP;
            }
        }
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn nice_scales_as_echarts_chooses_them() {
        let s = ValueScale::new([11.8, 13.4, 3.9]);
        assert_eq!((s.min, s.max, s.step), (0.0, 15.0, 3.0));
        assert_eq!(s.ticks(), vec![0.0, 3.0, 6.0, 9.0, 12.0, 15.0]);
        let s = ValueScale::new([0.87, 0.2]);
        assert_eq!((s.min, s.max, s.step, s.decimals), (0.0, 1.0, 0.2, 1));
        assert_eq!(s.ticks().len(), 6);
        let s = ValueScale::new([-2.0, 5.0]);
        assert_eq!((s.min, s.max, s.step), (-2.0, 5.0, 1.0));
        let s = ValueScale::new([1250.0, 4800.0]);
        assert_eq!((s.min, s.max, s.step), (0.0, 5000.0, 1000.0));
        // No values, or only zeros: a unit range, not a division by zero.
        assert_eq!(ValueScale::new([]).max, 1.0);
        assert_eq!(ValueScale::new([0.0, 0.0]).ticks().len(), 6);
        assert_eq!(ValueScale::new([f64::NAN, 2.0]).max, 2.0);
    }

    #[test]
    fn tick_labels_as_echarts_writes_them() {
        assert_eq!(tick_label(15.0, 0), "15");
        assert_eq!(tick_label(0.4, 1), "0.4");
        assert_eq!(tick_label(1.0, 1), "1");
        assert_eq!(tick_label(5000.0, 0), "5,000");
        assert_eq!(tick_label(1234567.5, 1), "1,234,567.5");
        assert_eq!(tick_label(-2000.0, 0), "-2,000");
        assert_eq!(tick_label(-0.0, 1), "0");
    }

    fn option() -> Value {
        json!({
            "color": ["#0072b2", "#c0500a"],
            "grid": [{"left": "4%", "right": "4%", "top": 30, "bottom": 60, "containLabel": true}],
            "legend": {"bottom": 0, "left": "center", "width": "90%"},
            "xAxis": {"type": "category", "data": ["2019", "2020", "2021", "2022", "2030"]},
            "yAxis": {"type": "value", "name": "%"},
            "series": [
                {"type": "line", "name": "A & B", "symbol": "circle", "symbolSize": 8.0,
                 "connectNulls": false,
                 "data": [11.8, null, 10.9, {"value": 10.2, "itemStyle": {"color": "#ffffff", "borderColor": "#0072b2", "borderWidth": 2.0}}, null],
                 "markLine": {"data": [{"xAxis": "2021", "name": "Bruch"}], "label": {"formatter": "Bruch"},
                              "lineStyle": {"color": "#3d3d3d", "type": "dotted"}}},
                {"type": "line", "name": "Pfad", "symbol": "diamond", "symbolSize": 12.0, "connectNulls": true,
                 "itemStyle": {"color": "#3d3d3d"}, "lineStyle": {"color": "#3d3d3d", "type": "dashed", "width": 2.0},
                 "data": [{"value": 11.8, "name": "Ausgangswert"}, null, null, null, {"value": 8.0}]}
            ]
        })
    }

    /// The x coordinates of the circles of a drawing, in order.
    fn circles(svg: &str) -> Vec<(f64, f64, String)> {
        svg.split("<circle ")
            .skip(1)
            .map(|c| {
                let attr = |name: &str| {
                    let start = c.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
                    c[start..].split('"').next().unwrap().to_owned()
                };
                (
                    attr("cx").parse().unwrap(),
                    attr("cy").parse().unwrap(),
                    attr("fill"),
                )
            })
            .collect()
    }

    #[test]
    fn draws_every_value_gaps_and_hollow_points() {
        let svg = first_view(&option(), 800.0, 350.0, &estimated_width);
        assert!(svg
            .starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"800\" height=\"350\""));
        assert!(!svg.contains("style="), "no style attributes (CSP)");
        let c = circles(&svg);
        // Three points of the series and one in its legend icon.
        assert_eq!(c.len(), 4);
        assert!(c[0].0 < c[1].0 && c[1].0 < c[2].0, "left to right");
        assert_eq!(c[2].2, "#ffffff", "the provisional value is hollow");
        assert!(c[0].1 < c[2].1, "11.8 is drawn higher than 10.2");
        // The gap at 2020 splits the line: "M 2019" then "M 2021 L 2022".
        let series_line = svg
            .split("<path d=\"")
            .find(|p| p.contains("stroke=\"#0072b2\" stroke-width=\"2\" stroke-linejoin"))
            .unwrap();
        assert_eq!(
            series_line.split('"').next().unwrap().matches('M').count(),
            1
        );
        // The dashed path joins baseline and target across the empty periods.
        assert!(svg.contains("stroke=\"#3d3d3d\" stroke-width=\"2\" stroke-dasharray=\"8 4\""));
        assert!(svg.contains(">A &amp; B</text>"), "legend text escaped");
        assert!(svg.contains(">Pfad</text>"));
        assert!(svg.contains(">Bruch</text>"), "the break's label");
        assert!(
            svg.contains("stroke-dasharray=\"1 1\""),
            "the break line is dotted"
        );
        assert!(svg.contains(">%</text>"), "the unit above the value axis");
        let mut o = option();
        o["yAxis"]["nameTextStyle"] = json!({"align": "left"});
        let aligned = first_view(&o, 800.0, 350.0, &estimated_width);
        assert!(aligned.contains(
            "text-anchor=\"start\" dominant-baseline=\"central\" fill=\"#6E7079\">%</text>"
        ));
        for t in ["0", "2", "4", "6", "8", "10", "12"] {
            assert!(svg.contains(&format!(">{t}</text>")), "tick {t}");
        }
    }

    #[test]
    fn right_to_left_mirrors_the_time_axis() {
        let mut o = option();
        o["xAxis"]["inverse"] = json!(true);
        o["yAxis"]["position"] = json!("right");
        let svg = first_view(&o, 800.0, 350.0, &estimated_width);
        let c = circles(&svg);
        assert!(c[0].0 > c[1].0, "the first period on the right");
        // The tick labels start right of the plot.
        assert!(svg
            .contains("text-anchor=\"start\" dominant-baseline=\"central\" fill=\"#6E7079\">12<"));
    }

    #[test]
    fn narrow_charts_skip_category_labels_and_wrap_the_legend() {
        let mut o = option();
        let years: Vec<String> = (2010..2031).map(|y| y.to_string()).collect();
        o["xAxis"]["data"] = json!(years);
        o["series"][0]["name"] = json!("Ausländerinnen und Ausländer in Göppingen");
        o["series"][1]["name"] = json!("Pfad zum Ziel mit langem Namen");
        let narrow = first_view(&o, 390.0, 352.0, &estimated_width);
        let wide = first_view(&o, 1280.0, 352.0, &estimated_width);
        let shown = |svg: &str| {
            years
                .iter()
                .filter(|y| svg.contains(&format!(">{y}</text>")))
                .count()
        };
        assert_eq!(shown(&wide), 21);
        assert!(
            shown(&narrow) < 21 && shown(&narrow) >= 5,
            "{}",
            shown(&narrow)
        );
        // Two legend rows on a phone: the second item's text is lower than the first's.
        let y_of = |svg: &str, t: &str| -> f64 {
            let at = svg.find(&format!(">{t}</text>")).unwrap();
            let open = svg[..at].rfind("<text ").unwrap();
            let y = &svg[open..at];
            let s = y.find("y=\"").unwrap() + 3;
            y[s..].split('"').next().unwrap().parse().unwrap()
        };
        let (a, b) = (
            "Ausländerinnen und Ausländer in Göppingen",
            "Pfad zum Ziel mit langem Namen",
        );
        assert!(y_of(&narrow, b) > y_of(&narrow, a));
        assert_eq!(y_of(&wide, b), y_of(&wide, a));
    }

    #[test]
    fn odd_options_draw_without_panicking() {
        for o in [
            json!({}),
            json!({"series": [{"data": [1.0]}]}),
            json!({"xAxis": [{"data": [1, 2]}], "series": [{"data": ["x", null, {"value": "y"}]}]}),
            json!({"color": [], "series": [{"data": [1.0, 2.0]}, {"data": [3.0]}]}),
        ] {
            let svg = first_view(&o, 0.0, 0.0, &estimated_width);
            assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        }
    }
}
