//! A choropleth of values by district, drawn as SVG from the district boundaries
//! (`districts.geojson`, written by the staff tool's `boundaries` command): shown with the page,
//! without a map library. Colours come from a five-step sequential scale that stays apart for
//! every kind of colour blindness (viridis); "no data" is hatched grey, so it differs by pattern,
//! not only by colour. Every area takes keyboard focus (a link where it leads somewhere,
//! `tabindex="0"` otherwise) and is named by its `<title>`, district and value, so the map reads
//! by keyboard and screen reader as well as by eye. The `<svg>` is a named group, not an image:
//! an image's children are hidden from screen readers, and these children take focus.

use std::fmt::Write;

use serde_json::Value;

use crate::text::xml_escape;

/// The boundary file inside the data folder, as the staff tool's `boundaries` command writes it.
pub const FILE: &str = "districts.geojson";

/// The five steps, light to dark (viridis, reversed so that more reads darker).
pub const STEPS: [&str; 5] = ["#fde725", "#5ec962", "#21918c", "#3b528b", "#440154"];

/// The focused area's ring (style/main.css puts it on `.map-area:focus-visible path`): a black
/// band and a white one inside the area's edge, so it shows on the lightest and the darkest step
/// alike. Inside, because the areas drawn after it would cover a stroke or outline on its edge.
const FOCUS_RING: &str = r##"<filter id="map-focus" color-interpolation-filters="sRGB"><feMorphology in="SourceAlpha" operator="erode" radius="4" result="a"/><feMorphology in="SourceAlpha" operator="erode" radius="7" result="b"/><feComposite in="SourceAlpha" in2="a" operator="out" result="outer"/><feComposite in="a" in2="b" operator="out" result="inner"/><feFlood flood-color="#000000"/><feComposite in2="outer" operator="in" result="black"/><feFlood flood-color="#ffffff"/><feComposite in2="inner" operator="in" result="white"/><feMerge><feMergeNode in="SourceGraphic"/><feMergeNode in="black"/><feMergeNode in="white"/></feMerge></filter>"##;

/// One district's area: its id and the rings of its polygons, in longitude/latitude.
#[derive(Clone, Debug, PartialEq)]
pub struct Area {
    pub id: String,
    pub name: String,
    pub rings: Vec<Vec<[f64; 2]>>,
}

/// The areas of a GeoJSON FeatureCollection as the staff tool writes it (each feature with
/// `properties.id` and a Polygon or MultiPolygon); features it cannot read are skipped.
pub fn areas(geojson: &Value) -> Vec<Area> {
    let point = |p: &Value| Some([p.get(0)?.as_f64()?, p.get(1)?.as_f64()?]);
    let ring = |r: &Value| -> Option<Vec<[f64; 2]>> { r.as_array()?.iter().map(point).collect() };
    let polygon =
        |p: &Value| -> Option<Vec<Vec<[f64; 2]>>> { p.as_array()?.iter().map(ring).collect() };
    let features = geojson.get("features").and_then(Value::as_array);
    features
        .into_iter()
        .flatten()
        .filter_map(|f| {
            let props = f.get("properties");
            let id = props
                .and_then(|p| p.get("id"))
                .or_else(|| f.get("id"))?
                .as_str()?
                .to_owned();
            let name = props
                .and_then(|p| p.get("name"))
                .and_then(Value::as_str)
                .unwrap_or(&id)
                .to_owned();
            let g = f.get("geometry")?;
            let coords = g.get("coordinates")?;
            let rings = match g.get("type")?.as_str()? {
                "Polygon" => polygon(coords)?,
                "MultiPolygon" => coords
                    .as_array()?
                    .iter()
                    .map(polygon)
                    .collect::<Option<Vec<_>>>()?
                    .into_iter()
                    .flatten()
                    .collect(),
                _ => return None,
            };
            Some(Area { id, name, rings })
        })
        .collect()
}

/// The legend: each step that holds a value, with the lowest and highest value in it, in
/// order. Ranges of the values themselves rather than the steps' bounds: a bound is a value
/// nobody has (with counts of 0 to 4 the bounds would be 0.8, 1.6, …, and rounded for
/// reading two steps would start at „2“), so the legend says exactly what the colours mean.
pub fn legend(values: &[f64]) -> Vec<(usize, f64, f64)> {
    let min = values.iter().copied().fold(f64::INFINITY, f64::min);
    let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let mut steps: Vec<Option<(f64, f64)>> = vec![None; STEPS.len()];
    for &v in values {
        let slot = &mut steps[step(v, min, max)];
        *slot = Some(slot.map_or((v, v), |(lo, hi)| (lo.min(v), hi.max(v))));
    }
    steps
        .into_iter()
        .enumerate()
        .filter_map(|(i, range)| range.map(|(lo, hi)| (i, lo, hi)))
        .collect()
}

/// The step (0–4) of `value` between `min` and `max` (equal intervals).
pub fn step(value: f64, min: f64, max: f64) -> usize {
    if max <= min {
        return 2;
    }
    (((value - min) / (max - min)) * STEPS.len() as f64)
        .floor()
        .clamp(0.0, 4.0) as usize
}

/// One district on the map.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MapValue {
    /// The district's id, as in the boundary file.
    pub district: String,
    /// `None`: no data.
    pub value: Option<f64>,
    /// The name in the reader's language; the boundary file's name where `None`.
    pub name: Option<String>,
    /// Where the area leads (it is drawn as a link); `None`: focusable, but no link.
    pub href: Option<String>,
}

impl MapValue {
    /// A district's value, with the boundary file's name and no link.
    pub fn new(district: impl Into<String>, value: Option<f64>) -> Self {
        MapValue {
            district: district.into(),
            value,
            ..MapValue::default()
        }
    }
}

/// What the map needs besides the areas.
pub struct Choropleth<'a> {
    /// The districts' values; an area without an entry has no data.
    pub values: &'a [MapValue],
    /// Prefix of the ids inside the SVG (each area's name), unique on the page.
    pub id: &'a str,
    pub width: f64,
    /// The sentence that says what the map shows (its text alternative).
    pub label: &'a str,
    /// "keine Daten" in the reader's language.
    pub no_data: &'a str,
    /// A value as the reader reads it (with unit).
    pub format: &'a dyn Fn(f64) -> String,
}

/// The map as an SVG document fragment, scaled to `width` with the height the areas need.
pub fn choropleth(areas: &[Area], c: &Choropleth) -> String {
    let points = areas.iter().flat_map(|a| a.rings.iter().flatten());
    let (mut w, mut s, mut e, mut n) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for p in points {
        w = w.min(p[0]);
        e = e.max(p[0]);
        s = s.min(p[1]);
        n = n.max(p[1]);
    }
    if areas.is_empty() || w >= e || s >= n {
        return String::new();
    }
    // Longitude shrinks with the cosine of the latitude: without it the city looks stretched.
    let k = ((s + n) / 2.0).to_radians().cos();
    let scale = c.width / ((e - w) * k);
    let height = (n - s) * scale;
    let xy = |p: &[f64; 2]| ((p[0] - w) * k * scale, (n - p[1]) * scale);
    let known: Vec<f64> = c.values.iter().filter_map(|v| v.value).collect();
    let min = known.iter().copied().fold(f64::INFINITY, f64::min);
    let max = known.iter().copied().fold(f64::NEG_INFINITY, f64::max);

    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {:.1} {:.1}" width="{:.0}" height="{:.0}" role="group" aria-label="{}">"#,
        c.width,
        height,
        c.width,
        height,
        xml_escape(c.label)
    );
    out.push_str(r##"<defs><pattern id="no-data" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#e5e5e5"/><line x1="0" y1="0" x2="0" y2="6" stroke="#767676" stroke-width="2"/></pattern>"##);
    out.push_str(FOCUS_RING);
    out.push_str("</defs>");
    for (i, a) in areas.iter().enumerate() {
        let entry = c.values.iter().find(|v| v.district == a.id);
        let (fill, shown) = match entry.and_then(|v| v.value) {
            Some(v) => (STEPS[step(v, min, max)], (c.format)(v)),
            None => ("url(#no-data)", c.no_data.to_owned()),
        };
        let name = entry.and_then(|v| v.name.as_deref()).unwrap_or(&a.name);
        let mut d = String::new();
        for ring in &a.rings {
            for (i, p) in ring.iter().enumerate() {
                let (x, y) = xy(p);
                let _ = write!(d, "{}{x:.1},{y:.1}", if i == 0 { "M" } else { "L" });
            }
            d.push('Z');
        }
        // The title names the area (aria-labelledby, which every screen reader and axe-core
        // read) and is the tooltip for the mouse.
        let title = format!("{}-{i}", c.id);
        let (open, close) = match entry.and_then(|v| v.href.as_deref()) {
            Some(href) => (format!(r#"<a href="{}""#, xml_escape(href)), "a"),
            None => (r#"<g role="img" tabindex="0""#.to_owned(), "g"),
        };
        let _ = write!(
            out,
            r##"{open} class="map-area" data-area="{id}" aria-labelledby="{title}"><title id="{title}">{}: {}</title><path d="{d}" fill="{fill}" stroke="#ffffff" stroke-width="1.5" data-district="{id}"/></{close}>"##,
            xml_escape(name),
            xml_escape(&shown),
            id = xml_escape(&a.id),
            title = xml_escape(&title),
        );
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn square(x: f64, y: f64) -> Value {
        json!([[
            [x, y],
            [x + 0.01, y],
            [x + 0.01, y + 0.01],
            [x, y + 0.01],
            [x, y]
        ]])
    }

    fn sample() -> Value {
        json!({ "type": "FeatureCollection", "features": [
            { "type": "Feature", "properties": { "id": "nord", "name": "Nordstadt" },
              "geometry": { "type": "Polygon", "coordinates": square(9.65, 48.71) } },
            { "type": "Feature", "properties": { "id": "sued", "name": "Süd<stadt>" },
              "geometry": { "type": "MultiPolygon", "coordinates": [square(9.65, 48.69), square(9.67, 48.69)] } },
            { "type": "Feature", "properties": { "id": "maitis" },
              "geometry": { "type": "Polygon", "coordinates": square(9.70, 48.73) } },
            { "type": "Feature", "properties": { "id": "kaputt" }, "geometry": { "type": "Point", "coordinates": [9.6, 48.7] } }
        ]})
    }

    #[test]
    fn areas_are_read_from_polygons_and_multipolygons() {
        let a = areas(&sample());
        assert_eq!(
            a.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(),
            ["nord", "sued", "maitis"]
        );
        assert_eq!(a[1].rings.len(), 2);
        assert_eq!(a[2].name, "maitis");
    }

    fn draw(values: &[MapValue]) -> String {
        let format = |v: f64| format!("{v} %");
        choropleth(
            &areas(&sample()),
            &Choropleth {
                values,
                id: "karte",
                width: 400.0,
                label: "Anteil <nach> Stadtteil",
                no_data: "keine Daten",
                format: &format,
            },
        )
    }

    #[test]
    fn values_get_their_step_and_missing_ones_the_hatching() {
        let svg = draw(&[
            MapValue::new("nord", Some(10.0)),
            MapValue::new("sued", Some(2.0)),
            MapValue::new("maitis", None),
        ]);
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains(&format!(
            r##"fill="{}" stroke="#ffffff" stroke-width="1.5" data-district="nord""##,
            STEPS[4]
        )));
        assert!(svg.contains(&format!(
            r##"fill="{}" stroke="#ffffff" stroke-width="1.5" data-district="sued""##,
            STEPS[0]
        )));
        assert!(svg.contains(r##"<title id="karte-2">maitis: keine Daten</title><path d="##));
        assert!(svg.contains(
            r##"fill="url(#no-data)" stroke="#ffffff" stroke-width="1.5" data-district="maitis"/>"##
        ));
        assert!(svg.contains(r#"<title id="karte-1">Süd&lt;stadt&gt;: 2 %</title>"#));
    }

    #[test]
    fn the_map_is_a_named_group_not_an_image_as_its_areas_take_focus() {
        let svg = draw(&[]);
        assert!(svg.contains(r#"role="group" aria-label="Anteil &lt;nach&gt; Stadtteil""#));
        assert!(!svg.contains(r#"<svg xmlns="http://www.w3.org/2000/svg" role="img""#));
    }

    #[test]
    fn the_focus_ring_is_defined_once_inside_the_map() {
        let svg = draw(&[]);
        assert_eq!(svg.matches(r#"<filter id="map-focus""#).count(), 1);
        assert!(svg.find("map-focus") < svg.find("</defs>"));
    }

    #[test]
    fn every_area_without_a_link_takes_focus_and_is_named_by_its_title() {
        let svg = draw(&[MapValue::new("nord", Some(10.0))]);
        assert_eq!(svg.matches(r#"tabindex="0""#).count(), 3);
        assert!(!svg.contains("<a "));
        assert!(svg.contains(r#"<g role="img" tabindex="0" class="map-area" data-area="nord" aria-labelledby="karte-0"><title id="karte-0">Nordstadt: 10 %</title>"#));
        // An area missing from the values is named with "no data" too.
        assert!(svg.contains(
            r#"aria-labelledby="karte-2"><title id="karte-2">maitis: keine Daten</title>"#
        ));
    }

    #[test]
    fn an_area_with_an_address_is_a_link_named_in_the_reader_s_language() {
        let svg = draw(&[MapValue {
            district: "nord".into(),
            value: Some(3.0),
            name: Some("North town".into()),
            href: Some("#/massnahmen?q=a&district=nord".into()),
        }]);
        assert!(svg.contains(r##"<a href="#/massnahmen?q=a&amp;district=nord" class="map-area" data-area="nord" aria-labelledby="karte-0"><title id="karte-0">North town: 3 %</title>"##));
        assert!(svg.contains(r#"data-district="nord"/></a>"#));
        // The link takes focus by itself; only the other areas need a tabindex.
        assert_eq!(svg.matches(r#"tabindex="0""#).count(), 2);
    }

    #[test]
    fn hostile_names_ids_and_addresses_stay_text() {
        let geo = json!({ "type": "FeatureCollection", "features": [
            { "type": "Feature", "properties": { "id": "x\"><script>alert(1)</script>", "name": "</title><a href=\"javascript:alert(1)\">&" },
              "geometry": { "type": "Polygon", "coordinates": square(9.65, 48.71) } },
            { "type": "Feature", "properties": { "id": "y" },
              "geometry": { "type": "Polygon", "coordinates": square(9.67, 48.73) } }
        ]});
        let values = [MapValue {
            district: "y".into(),
            value: None,
            name: Some("O'Neil \"Süd\" <b>".into()),
            href: Some("\"><script>".into()),
        }];
        let svg = choropleth(
            &areas(&geo),
            &Choropleth {
                values: &values,
                id: "m\"x",
                width: 300.0,
                label: "",
                no_data: "<keine>",
                format: &|v| v.to_string(),
            },
        );
        for bad in ["<script", "</title><a", "<b>", "<keine>"] {
            assert!(!svg.contains(bad), "{bad} in {svg}");
        }
        assert!(svg.contains(r#"data-area="x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;""#));
        assert!(svg.contains("&lt;/title&gt;&lt;a href=&quot;javascript:alert(1)&quot;&gt;&amp;: &lt;keine&gt;</title>"));
        assert!(svg.contains("O&apos;Neil &quot;Süd&quot; &lt;b&gt;: &lt;keine&gt;</title>"));
        assert!(svg.contains(r#"<a href="&quot;&gt;&lt;script&gt;""#));
        assert!(svg.contains(r#"aria-labelledby="m&quot;x-1""#));
    }

    #[test]
    fn the_map_keeps_the_city_s_proportions() {
        let svg = choropleth(
            &areas(&sample()),
            &Choropleth {
                values: &[],
                id: "m",
                width: 500.0,
                label: "",
                no_data: "",
                format: &|v| v.to_string(),
            },
        );
        // 0.06° of longitude at 48.71° is 0.06 · cos(48.71°) ≈ 0.0396 "degrees of latitude"; the
        // areas span 0.05° of latitude: height / width = 0.05 / 0.0396.
        let k = 48.71f64.to_radians().cos();
        let expected = 500.0 * 0.05 / (0.06 * k);
        assert!(
            svg.contains(&format!(r#"height="{expected:.0}""#)),
            "{}",
            &svg[..200]
        );
    }

    #[test]
    fn equal_intervals_and_a_single_value() {
        assert_eq!(step(0.0, 0.0, 10.0), 0);
        assert_eq!(step(5.0, 0.0, 10.0), 2);
        assert_eq!(step(10.0, 0.0, 10.0), 4);
        assert_eq!(step(7.0, 7.0, 7.0), 2);
    }
    #[test]
    fn the_legend_names_the_values_in_each_step_never_a_bound_nobody_has() {
        // Counts of 0 to 4: five equal steps of 0.8; each count is alone in its step.
        assert_eq!(
            legend(&[0.0, 1.0, 2.0, 3.0, 4.0, 4.0]),
            vec![
                (0, 0.0, 0.0),
                (1, 1.0, 1.0),
                (2, 2.0, 2.0),
                (3, 3.0, 3.0),
                (4, 4.0, 4.0)
            ]
        );
        // Steps without a value are left out; a step's range spans its values.
        assert_eq!(
            legend(&[10.0, 11.0, 19.5, 20.0]),
            vec![(0, 10.0, 11.0), (4, 19.5, 20.0)]
        );
        // One value, or all the same: one entry, in the middle step the map colours them with.
        assert_eq!(legend(&[7.0, 7.0]), vec![(2, 7.0, 7.0)]);
        assert_eq!(legend(&[]), vec![]);
        // Every value lands in the step the map colours it with.
        let values = [3.2, 8.9, 1.0, 5.5, 7.7];
        for (i, lo, hi) in legend(&values) {
            assert_eq!(step(lo, 1.0, 8.9), i);
            assert_eq!(step(hi, 1.0, 8.9), i);
        }
    }
}
