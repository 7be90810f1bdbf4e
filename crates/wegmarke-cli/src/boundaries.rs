//! District boundaries for the dashboard's maps: a GeoJSON file the city supplies, checked
//! against the plan's districts and simplified to a size budget, so that a phone downloads and
//! draws it quickly. Pure functions; the `boundaries` command reads and writes the files.
//!
//! Simplification is Douglas–Peucker per ring with a tolerance that grows until the file fits.
//! Written here rather than taken from the `geo` crate: the algorithm is a few lines, and `geo`
//! would add a dozen crates to every CI build for it. Each ring is simplified on its own, so the
//! border between two districts may differ slightly on either side: fine for a map that shows
//! values per district, not for surveying.

use serde_json::{json, Map, Value};

/// The default budget of the written file (the "300 KiB renders in under 200 ms").
pub const DEFAULT_BUDGET: usize = 300 * 1024;

/// One problem in the boundary file, located at a feature, in German and English.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// Where: `features[3]` or `features[3].geometry`, or the file itself (`""`).
    pub at: String,
    pub de: String,
    pub en: String,
}

fn problem(at: impl Into<String>, de: String, en: String) -> Problem {
    Problem {
        at: at.into(),
        de,
        en,
    }
}

/// A district's outline: its id and its polygons (each a list of rings of [lon, lat]).
#[derive(Clone, Debug, PartialEq)]
pub struct Outline {
    pub id: String,
    pub polygons: Vec<Vec<Vec<[f64; 2]>>>,
}

/// What was read: the usable outlines, and every problem (features with problems are left out).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Checked {
    pub outlines: Vec<Outline>,
    pub problems: Vec<Problem>,
}

/// Reads a GeoJSON FeatureCollection: each feature names its district in the property
/// `id_property` (or as the feature's `id`) and has a Polygon or MultiPolygon in WGS 84
/// longitude/latitude. Checks the names against the plan's `districts`.
pub fn check(text: &str, districts: &[String], id_property: &str) -> Checked {
    let mut out = Checked::default();
    let root: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            out.problems.push(problem(
                "",
                format!("keine gültige JSON-Datei ({e})"),
                format!("not a valid JSON file ({e})"),
            ));
            return out;
        }
    };
    let Some(features) = root
        .get("features")
        .and_then(Value::as_array)
        .filter(|_| root.get("type").and_then(Value::as_str) == Some("FeatureCollection"))
    else {
        out.problems.push(problem(
            "",
            "keine GeoJSON-FeatureCollection (\"type\": \"FeatureCollection\" mit \"features\")"
                .into(),
            "not a GeoJSON FeatureCollection (\"type\": \"FeatureCollection\" with \"features\")"
                .into(),
        ));
        return out;
    };
    for (i, f) in features.iter().enumerate() {
        let at = format!("features[{i}]");
        let id = f
            .get("properties")
            .and_then(|p| p.get(id_property))
            .or_else(|| f.get("id"))
            .and_then(|v| {
                v.as_str()
                    .map(str::to_owned)
                    .or_else(|| v.as_i64().map(|n| n.to_string()))
            });
        let Some(id) = id else {
            out.problems.push(problem(
                &at,
                format!("Fläche ohne Stadtteil-Kennung (Eigenschaft \"{id_property}\"); sie wird ausgelassen"),
                format!("area without a district id (property \"{id_property}\"); it is left out"),
            ));
            continue;
        };
        if !districts.contains(&id) {
            out.problems.push(problem(
                &at,
                format!("\"{id}\" ist kein Stadtteil aus plan.json (districts); die Fläche wird ausgelassen"),
                format!("\"{id}\" is not a district in plan.json (districts); the area is left out"),
            ));
            continue;
        }
        if out.outlines.iter().any(|o| o.id == id) {
            out.problems.push(problem(
                &at,
                format!("Stadtteil \"{id}\" hat schon eine Fläche; diese wird ausgelassen"),
                format!("district \"{id}\" already has an area; this one is left out"),
            ));
            continue;
        }
        match polygons(f.get("geometry")) {
            Ok(polygons) => out.outlines.push(Outline { id, polygons }),
            Err((de, en)) => out.problems.push(problem(format!("{at}.geometry"), de, en)),
        }
    }
    for d in districts {
        if !out.outlines.iter().any(|o| &o.id == d) {
            out.problems.push(problem(
                "",
                format!("Stadtteil \"{d}\" hat keine Fläche; die Karte zeigt ihn nicht (die Tabelle schon)"),
                format!("district \"{d}\" has no area; the map does not show it (the table does)"),
            ));
        }
    }
    out
}

type Fault = (String, String);

fn polygons(geometry: Option<&Value>) -> Result<Vec<Vec<Vec<[f64; 2]>>>, Fault> {
    let g =
        geometry.ok_or_else(|| ("Geometrie fehlt".to_owned(), "geometry missing".to_owned()))?;
    let coords = g.get("coordinates");
    match g.get("type").and_then(Value::as_str) {
        Some("Polygon") => Ok(vec![polygon(coords)?]),
        Some("MultiPolygon") => coords
            .and_then(Value::as_array)
            .ok_or_else(bad_coordinates)?
            .iter()
            .map(|p| polygon(Some(p)))
            .collect(),
        other => Err((
            format!(
                "Geometrie {} statt Polygon oder MultiPolygon",
                other.unwrap_or("ohne Typ")
            ),
            format!(
                "geometry {} instead of Polygon or MultiPolygon",
                other.unwrap_or("without type")
            ),
        )),
    }
}

fn bad_coordinates() -> Fault {
    (
        "Koordinaten sind keine Liste von Ringen aus [Länge, Breite]".to_owned(),
        "coordinates are not a list of rings of [longitude, latitude]".to_owned(),
    )
}

fn polygon(v: Option<&Value>) -> Result<Vec<Vec<[f64; 2]>>, Fault> {
    let rings = v.and_then(Value::as_array).ok_or_else(bad_coordinates)?;
    if rings.is_empty() {
        return Err(bad_coordinates());
    }
    rings.iter().map(ring).collect()
}

fn ring(v: &Value) -> Result<Vec<[f64; 2]>, Fault> {
    let points = v.as_array().ok_or_else(bad_coordinates)?;
    let mut out = Vec::with_capacity(points.len());
    for p in points {
        let (Some(lon), Some(lat)) = (
            p.get(0).and_then(Value::as_f64),
            p.get(1).and_then(Value::as_f64),
        ) else {
            return Err(bad_coordinates());
        };
        if !(-180.0..=180.0).contains(&lon) || !(-90.0..=90.0).contains(&lat) {
            return Err((
                format!("Koordinate [{lon}, {lat}] liegt nicht in Länge/Breite (WGS 84); bitte die Datei in EPSG:4326 umrechnen"),
                format!("coordinate [{lon}, {lat}] is not longitude/latitude (WGS 84); please convert the file to EPSG:4326"),
            ));
        }
        out.push([lon, lat]);
    }
    if out.len() < 4 || out.first() != out.last() {
        return Err((
            "ein Ring ist nicht geschlossen (mindestens 4 Punkte, der letzte gleich dem ersten)"
                .to_owned(),
            "a ring is not closed (at least 4 points, the last equal to the first)".to_owned(),
        ));
    }
    Ok(out)
}

/// Distance of `p` from the segment `a`–`b`, in degrees (longitude scaled by the latitude's
/// cosine, so that a tolerance means the same on the ground in both directions).
fn distance(p: [f64; 2], a: [f64; 2], b: [f64; 2], lon_scale: f64) -> f64 {
    let (px, py) = (p[0] * lon_scale, p[1]);
    let (ax, ay) = (a[0] * lon_scale, a[1]);
    let (bx, by) = (b[0] * lon_scale, b[1]);
    let (dx, dy) = (bx - ax, by - ay);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 {
        0.0
    } else {
        (((px - ax) * dx + (py - ay) * dy) / len2).clamp(0.0, 1.0)
    };
    ((px - ax - t * dx).powi(2) + (py - ay - t * dy).powi(2)).sqrt()
}

/// Douglas–Peucker on a closed ring; keeps it closed and never below 4 points (a triangle).
pub fn simplify_ring(ring: &[[f64; 2]], tolerance: f64) -> Vec<[f64; 2]> {
    if ring.len() <= 4 || tolerance <= 0.0 {
        return ring.to_vec();
    }
    let lon_scale = ring[0][1].to_radians().cos().abs().max(0.01);
    let mut keep = vec![false; ring.len()];
    keep[0] = true;
    keep[ring.len() - 1] = true;
    // A closed ring's ends coincide: split it at the point farthest from its start as well.
    let far = (1..ring.len() - 1)
        .max_by(|&i, &j| {
            let di = distance(ring[i], ring[0], ring[0], lon_scale);
            let dj = distance(ring[j], ring[0], ring[0], lon_scale);
            di.total_cmp(&dj)
        })
        .unwrap_or(1);
    keep[far] = true;
    let mut stack = vec![(0, far), (far, ring.len() - 1)];
    while let Some((a, b)) = stack.pop() {
        let mut best = (0.0, 0);
        for i in a + 1..b {
            let d = distance(ring[i], ring[a], ring[b], lon_scale);
            if d > best.0 {
                best = (d, i);
            }
        }
        if best.0 > tolerance {
            keep[best.1] = true;
            stack.push((a, best.1));
            stack.push((best.1, b));
        }
    }
    let mut out: Vec<[f64; 2]> = ring
        .iter()
        .zip(&keep)
        .filter(|(_, k)| **k)
        .map(|(p, _)| *p)
        .collect();
    if out.len() < 4 {
        // Too few left for a ring: keep the original's first, two spread points and the end.
        let n = ring.len();
        out = vec![ring[0], ring[n / 3], ring[2 * n / 3], ring[n - 1]];
    }
    out
}

/// Rounds to 5 decimals (about a metre), as the written file carries them.
fn round(x: f64) -> f64 {
    (x * 1e5).round() / 1e5
}

/// The GeoJSON text for the outlines, simplified with `tolerance` (degrees), with the names.
fn text_with(
    outlines: &[Outline],
    names: &[(String, String)],
    title: Option<&str>,
    tolerance: f64,
) -> String {
    let features: Vec<Value> = outlines
        .iter()
        .map(|o| {
            let polys: Vec<Value> = o
                .polygons
                .iter()
                .map(|p| {
                    Value::Array(
                        p.iter()
                            .map(|r| {
                                let mut ring = simplify_ring(r, tolerance);
                                for pt in &mut ring {
                                    *pt = [round(pt[0]), round(pt[1])];
                                }
                                ring.dedup();
                                json!(ring)
                            })
                            .collect(),
                    )
                })
                .collect();
            let name = names
                .iter()
                .find(|(id, _)| id == &o.id)
                .map_or(o.id.as_str(), |(_, n)| n.as_str());
            json!({
                "type": "Feature",
                "id": o.id,
                "properties": { "id": o.id, "name": name },
                "geometry": { "type": "MultiPolygon", "coordinates": polys },
            })
        })
        .collect();
    let mut root = Map::new();
    root.insert("type".into(), json!("FeatureCollection"));
    if let Some(t) = title {
        root.insert("name".into(), json!(t));
    }
    root.insert("features".into(), json!(features));
    let mut s = serde_json::to_string(&Value::Object(root)).unwrap_or_default();
    s.push('\n');
    s
}

/// The smallest simplification that fits `budget` bytes: the tolerance doubles from about a
/// tenth of a metre until the text fits, or until every ring is down to a triangle (a degree).
/// Returns the text and the tolerance used (0 when the file fitted as it was).
pub fn simplified(
    outlines: &[Outline],
    names: &[(String, String)],
    title: Option<&str>,
    budget: usize,
) -> (String, f64) {
    let mut tolerance = 0.0;
    let mut text = text_with(outlines, names, title, tolerance);
    let mut next = 1e-6;
    while text.len() > budget && next <= 1.0 {
        text = text_with(outlines, names, title, next);
        tolerance = next;
        next *= 2.0;
    }
    (text, tolerance)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(x: f64, y: f64) -> Vec<[f64; 2]> {
        vec![
            [x, y],
            [x + 0.01, y],
            [x + 0.01, y + 0.01],
            [x, y + 0.01],
            [x, y],
        ]
    }

    /// A circle-like ring with many points.
    fn wiggly(n: usize) -> Vec<[f64; 2]> {
        let mut r: Vec<[f64; 2]> = (0..n)
            .map(|i| {
                let a = i as f64 / n as f64 * std::f64::consts::TAU;
                let wobble = 1.0 + 0.001 * ((i * 7) % 5) as f64;
                [
                    9.65 + 0.02 * a.cos() * wobble,
                    48.7 + 0.015 * a.sin() * wobble,
                ]
            })
            .collect();
        r.push(r[0]);
        r
    }

    fn fc(features: Vec<Value>) -> String {
        json!({ "type": "FeatureCollection", "features": features }).to_string()
    }

    fn feature(id: &str, ring: &[[f64; 2]]) -> Value {
        json!({ "type": "Feature", "properties": { "id": id }, "geometry": { "type": "Polygon", "coordinates": [ring] } })
    }

    #[test]
    fn districts_are_matched_and_every_mismatch_is_located() {
        let ids = vec!["nord".to_owned(), "sued".to_owned(), "mitte".to_owned()];
        let text = fc(vec![
            feature("nord", &square(9.6, 48.7)),
            feature("west", &square(9.5, 48.7)),
            feature("nord", &square(9.7, 48.7)),
            json!({ "type": "Feature", "properties": {}, "geometry": { "type": "Polygon", "coordinates": [square(9.6, 48.6)] } }),
            feature("sued", &[[9.6, 48.6], [9.7, 48.6], [9.7, 48.7]]),
        ]);
        let c = check(&text, &ids, "id");
        assert_eq!(
            c.outlines.iter().map(|o| o.id.as_str()).collect::<Vec<_>>(),
            ["nord"]
        );
        let at: Vec<&str> = c.problems.iter().map(|p| p.at.as_str()).collect();
        assert_eq!(
            at,
            [
                "features[1]",
                "features[2]",
                "features[3]",
                "features[4].geometry",
                "",
                ""
            ]
        );
        assert!(c.problems[3].en.contains("not closed"));
        assert!(c.problems[4].de.contains("\"sued\" hat keine Fläche"));
    }

    #[test]
    fn projected_coordinates_and_other_geometries_are_refused_with_the_reason() {
        let ids = vec!["a".to_owned(), "b".to_owned()];
        let text = fc(vec![
            feature(
                "a",
                &[
                    [512000.0, 5394000.0],
                    [513000.0, 5394000.0],
                    [513000.0, 5395000.0],
                    [512000.0, 5394000.0],
                ],
            ),
            json!({ "type": "Feature", "id": "b", "properties": {}, "geometry": { "type": "Point", "coordinates": [9.6, 48.7] } }),
        ]);
        let c = check(&text, &ids, "id");
        assert!(c.outlines.is_empty());
        assert!(c.problems[0].en.contains("EPSG:4326"));
        assert!(c.problems[1].en.contains("Point instead of Polygon"));
        assert!(check("{", &ids, "id").problems[0]
            .en
            .starts_with("not a valid JSON file"));
        assert!(check("[]", &ids, "id").problems[0]
            .en
            .contains("FeatureCollection"));
    }

    #[test]
    fn simplification_keeps_rings_closed_and_near_the_original() {
        let ring = wiggly(2000);
        let s = simplify_ring(&ring, 2e-4);
        assert!(s.len() < ring.len() / 10, "{} points", s.len());
        assert!(s.len() >= 4);
        assert_eq!(s.first(), s.last());
        let lon_scale = ring[0][1].to_radians().cos();
        // Every original point lies within the tolerance of the simplified outline.
        for p in &ring {
            let d = s
                .windows(2)
                .map(|w| distance(*p, w[0], w[1], lon_scale))
                .fold(f64::INFINITY, f64::min);
            assert!(d <= 2e-4 + 1e-12, "{d}");
        }
        // A huge tolerance leaves a triangle, still a closed ring.
        let tiny = simplify_ring(&square(9.6, 48.7), 1.0);
        assert_eq!(tiny.len(), 4);
        assert_eq!(tiny.first(), tiny.last());
    }

    #[test]
    fn the_file_fits_the_budget_and_keeps_every_district() {
        let outlines: Vec<Outline> = (0..20)
            .map(|i| Outline {
                id: format!("d{i}"),
                polygons: vec![vec![wiggly(3000)]],
            })
            .collect();
        let names: Vec<(String, String)> = (0..20)
            .map(|i| (format!("d{i}"), format!("Bezirk {i}")))
            .collect();
        let (full, _) = simplified(&outlines, &names, None, usize::MAX);
        assert!(full.len() > 1_000_000);
        let (text, tolerance) = simplified(&outlines, &names, Some("schematisch"), 100 * 1024);
        assert!(text.len() <= 100 * 1024, "{} bytes", text.len());
        assert!(tolerance > 0.0);
        let v: Value = serde_json::from_str(&text).expect("JSON");
        assert_eq!(v["name"], "schematisch");
        assert_eq!(v["features"].as_array().map(Vec::len), Some(20));
        assert_eq!(v["features"][3]["properties"]["name"], "Bezirk 3");
    }
}
