//! A choropleth of values by district, drawn as SVG from the district boundaries
//! (`districts.geojson`, written by the staff tool's `boundaries` command): shown with the page,
//! without a map library. Colours come from a five-step sequential scale that stays apart for
//! every kind of colour blindness (viridis); "no data" is hatched grey, so it differs by pattern,
//! not only by colour. Each area carries its name and value as a `<title>`.

use std::fmt::Write;

use serde_json::Value;

use crate::text::xml_escape;

/// The boundary file inside the data folder, as the staff tool's `boundaries` command writes it.
pub const FILE: &str = "districts.geojson";

/// The five steps, light to dark (viridis, reversed so that more reads darker).
pub const STEPS: [&str; 5] = ["#fde725", "#5ec962", "#21918c", "#3b528b", "#440154"];

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

/// The lower bound of each step between `min` and `max` (equal intervals), for the legend.
pub fn step_starts(min: f64, max: f64) -> [f64; 5] {
    let width = (max - min) / STEPS.len() as f64;
    std::array::from_fn(|i| min + width * i as f64)
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

/// What the map needs besides the areas.
pub struct Choropleth<'a> {
    /// Value per district id (`None`: no data).
    pub values: &'a [(String, Option<f64>)],
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
    let known: Vec<f64> = c.values.iter().filter_map(|(_, v)| *v).collect();
    let min = known.iter().copied().fold(f64::INFINITY, f64::min);
    let max = known.iter().copied().fold(f64::NEG_INFINITY, f64::max);

    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {:.1} {:.1}" width="{:.0}" height="{:.0}" role="img" aria-label="{}">"#,
        c.width,
        height,
        c.width,
        height,
        xml_escape(c.label)
    );
    out.push_str(r##"<defs><pattern id="no-data" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#e5e5e5"/><line x1="0" y1="0" x2="0" y2="6" stroke="#767676" stroke-width="2"/></pattern></defs>"##);
    for a in areas {
        let value = c
            .values
            .iter()
            .find(|(id, _)| *id == a.id)
            .and_then(|(_, v)| *v);
        let (fill, shown) = match value {
            Some(v) => (STEPS[step(v, min, max)], (c.format)(v)),
            None => ("url(#no-data)", c.no_data.to_owned()),
        };
        let mut d = String::new();
        for ring in &a.rings {
            for (i, p) in ring.iter().enumerate() {
                let (x, y) = xy(p);
                let _ = write!(d, "{}{x:.1},{y:.1}", if i == 0 { "M" } else { "L" });
            }
            d.push('Z');
        }
        let _ = write!(
            out,
            r##"<path d="{d}" fill="{fill}" stroke="#ffffff" stroke-width="1.5" data-district="{}"><title>{}: {}</title></path>"##,
            xml_escape(&a.id),
            xml_escape(&a.name),
            xml_escape(&shown)
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

    #[test]
    fn values_get_their_step_and_missing_ones_the_hatching() {
        let values = vec![
            ("nord".to_owned(), Some(10.0)),
            ("sued".to_owned(), Some(2.0)),
            ("maitis".to_owned(), None),
        ];
        let format = |v: f64| format!("{v} %");
        let svg = choropleth(
            &areas(&sample()),
            &Choropleth {
                values: &values,
                width: 400.0,
                label: "Anteil <nach> Stadtteil",
                no_data: "keine Daten",
                format: &format,
            },
        );
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains(r#"aria-label="Anteil &lt;nach&gt; Stadtteil""#));
        assert!(svg.contains(&format!(
            r##"fill="{}" stroke="#ffffff" stroke-width="1.5" data-district="nord""##,
            STEPS[4]
        )));
        assert!(svg.contains(&format!(
            r##"fill="{}" stroke="#ffffff" stroke-width="1.5" data-district="sued""##,
            STEPS[0]
        )));
        assert!(svg.contains(r##"fill="url(#no-data)" stroke="#ffffff" stroke-width="1.5" data-district="maitis"><title>maitis: keine Daten</title>"##));
        assert!(svg.contains("<title>Süd&lt;stadt&gt;: 2 %</title>"));
    }

    #[test]
    fn the_map_keeps_the_city_s_proportions() {
        let svg = choropleth(
            &areas(&sample()),
            &Choropleth {
                values: &[],
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
}
