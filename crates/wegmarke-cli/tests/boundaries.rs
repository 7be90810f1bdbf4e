//! `wegmarke-daten boundaries`: a city's district file checked against plan.json and written
//! simplified beside the data.

use std::path::Path;
use std::process::Command;

use serde_json::{json, Value};

fn ring(cx: f64, cy: f64, n: usize) -> Vec<[f64; 2]> {
    let mut r: Vec<[f64; 2]> = (0..n)
        .map(|i| {
            let a = i as f64 / n as f64 * std::f64::consts::TAU;
            [cx + 0.01 * a.cos(), cy + 0.008 * a.sin()]
        })
        .collect();
    r.push(r[0]);
    r
}

#[test]
fn a_boundary_file_is_matched_simplified_and_written_beside_the_data() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data");
    let tmp = std::env::temp_dir().join(format!("wegmarke-boundaries-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    std::fs::create_dir_all(&tmp).expect("temp folder");
    let mut plan: Value =
        serde_json::from_str(&std::fs::read_to_string(src.join("plan.json")).expect("plan"))
            .expect("JSON");
    plan["districts"] = json!([
        { "id": "nord", "name": "Nordstadt" },
        { "id": "sued", "name": { "de": "Südstadt", "en": "South" } },
        { "id": "maitis", "name": "Maitis" }
    ]);
    std::fs::write(tmp.join("plan.json"), plan.to_string()).expect("write");
    let features: Vec<Value> = [("nord", 48.71), ("sued", 48.69), ("anderswo", 48.6)]
        .iter()
        .map(|(id, lat)| {
            json!({ "type": "Feature", "properties": { "BEZ_ID": id },
                    "geometry": { "type": "Polygon", "coordinates": [ring(9.65, *lat, 5000)] } })
        })
        .collect();
    let input = tmp.join("grenzen.geojson");
    std::fs::write(
        &input,
        json!({ "type": "FeatureCollection", "features": features }).to_string(),
    )
    .expect("write");

    let out = Command::new(env!("CARGO_BIN_EXE_wegmarke-daten"))
        .args([
            "boundaries".as_ref(),
            input.as_os_str(),
            "--data".as_ref(),
            tmp.as_os_str(),
        ])
        .args([
            "--id-property",
            "BEZ_ID",
            "--max-kib",
            "20",
            "--title",
            "schematisch",
        ])
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    // Written, with two problems: an area of no district, a district without an area.
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("features[2]: \"anderswo\""), "{stdout}");
    assert!(stdout.contains("\"maitis\" hat keine Fläche"), "{stdout}");
    let written = std::fs::read_to_string(tmp.join("districts.geojson")).expect("written");
    assert!(written.len() <= 20 * 1024, "{} bytes", written.len());
    let v: Value = serde_json::from_str(&written).expect("GeoJSON");
    assert_eq!(v["name"], "schematisch");
    let names: Vec<&str> = v["features"]
        .as_array()
        .expect("features")
        .iter()
        .filter_map(|f| f["properties"]["name"].as_str())
        .collect();
    assert_eq!(names, ["Nordstadt", "Südstadt"]);
    let _ = std::fs::remove_dir_all(&tmp);
}
