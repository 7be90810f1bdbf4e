//! `validate` checks the whole site as the app reads it: config.json beside the data folder (or
//! `--config`) and the report snapshots plan.json lists, with the app's messages.

mod common;

use std::path::{Path, PathBuf};

use common::{bin, copy_fixture, tempdir, FILES};
use wegmarke_core::{validate_config, Input};

/// A site folder `<tmp>/site` with the small plan in `site/data`; returns (site, data).
fn site(name: &str) -> (common::Tmp, PathBuf, PathBuf) {
    let tmp = tempdir(name);
    let site = tmp.join("site");
    let data = site.join("data");
    std::fs::create_dir_all(&data).unwrap();
    copy_fixture(&data);
    (tmp, site, data)
}

fn run(args: &[&str], data: &Path) -> (Option<i32>, String) {
    let out = bin().args(args).arg(data).output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

/// Adds a report with `path` to the plan in `data`.
fn add_report(data: &Path, path: &str) {
    let file = data.join("plan.json");
    let mut plan: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    plan["reports"] = serde_json::json!([
        {"date": "2026-05-12", "title": "Zwischenbericht", "path": path}
    ]);
    std::fs::write(&file, serde_json::to_string_pretty(&plan).unwrap()).unwrap();
}

const BAD_CONFIG: &str = r#"{
  "languages": ["de", "xx"],
  "theme": {"logo": "%2e%2e/%2e%2e/evil.svg"},
  "links": {"imprint": "https://user:pw@example.org/"}
}"#;

#[test]
fn config_beside_the_data_folder_is_checked_with_the_apps_messages() {
    let (_tmp, site, data) = site("config");
    std::fs::write(site.join("config.json"), BAD_CONFIG).unwrap();
    let (code, text) = run(&["validate"], &data);
    assert_eq!(code, Some(1), "{text}");
    assert!(text.contains("✘ config.json: 3 Problem(e)"), "{text}");
    // The same lines the app shows.
    let (_, problems) = validate_config(&Input::Bytes(BAD_CONFIG.as_bytes()));
    assert_eq!(problems.len(), 3);
    for p in &problems {
        assert!(
            text.contains(&p.to_line("de")),
            "{}\n{text}",
            p.to_line("de")
        );
    }
    assert!(
        text.contains("config.json:2:23: languages[1]: unbekannte Sprache \"xx\""),
        "{text}"
    );
    assert!(
        text.contains("theme.logo: unzulässiger Pfad \"%2e%2e/%2e%2e/evil.svg\""),
        "{text}"
    );
    assert!(text.contains("links.imprint: unzulässiger Link"), "{text}");

    let (_, text) = run(&["--lang", "en", "validate"], &data);
    assert!(text.contains("unknown language \"xx\""), "{text}");
    assert!(
        text.contains("a user name or password in the address"),
        "{text}"
    );
}

#[test]
fn an_explicit_config_is_checked_and_a_missing_one_is_fatal() {
    let (tmp, _site, data) = site("explicit");
    let elsewhere = tmp.join("andere.json");
    std::fs::write(&elsewhere, BAD_CONFIG).unwrap();
    let (code, text) = run(
        &["validate", "--config", elsewhere.to_str().unwrap()],
        &data,
    );
    assert_eq!(code, Some(1), "{text}");
    assert!(text.contains("✘ config.json: 3 Problem(e)"), "{text}");

    let missing = tmp.join("fehlt.json");
    let (code, text) = run(&["validate", "--config", missing.to_str().unwrap()], &data);
    assert_eq!(code, Some(2), "{text}");
    assert!(
        text.contains("[FATAL] config.json: Die Datei konnte nicht geladen werden"),
        "{text}"
    );
}

#[test]
fn without_a_config_only_the_data_is_checked() {
    let (_tmp, _site, data) = site("noconfig");
    let (code, text) = run(&["validate"], &data);
    assert_eq!(code, Some(0), "{text}");
    assert!(!text.contains("config.json"), "{text}");
}

#[test]
fn report_snapshots_are_checked_under_their_folder_name() {
    let (_tmp, _site, data) = site("snapshots");
    add_report(&data, "reports/2026-05-12/");
    let snap = data.join("reports/2026-05-12");
    std::fs::create_dir_all(&snap).unwrap();
    copy_fixture(&snap);
    let (code, text) = run(&["validate"], &data);
    assert_eq!(code, Some(0), "{text}");
    assert!(
        text.contains("✔ reports/2026-05-12/measures.json: in Ordnung"),
        "{text}"
    );

    std::fs::write(
        snap.join("measures.json"),
        "{\"format\": \"wegmarke/1\", \"measures\": [",
    )
    .unwrap();
    let (code, text) = run(&["validate", "--format", "json"], &data);
    assert_eq!(code, Some(2), "{text}");
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["problems"][0]["file"], "reports/2026-05-12/measures.json");
    assert_eq!(v["problems"][0]["severity"], "fatal");
    assert!(v["files"]
        .as_array()
        .unwrap()
        .contains(&"reports/2026-05-12/plan.json".into()));
}

#[test]
fn a_listed_snapshot_folder_that_is_missing_is_fatal() {
    let (_tmp, _site, data) = site("nosnapshot");
    add_report(&data, "reports/2026-05-12");
    let (code, text) = run(&["validate"], &data);
    assert_eq!(code, Some(2), "{text}");
    for f in FILES {
        assert!(
            text.contains(&format!(
                "[FATAL] reports/2026-05-12/{f}: Die Datei konnte nicht geladen werden"
            )),
            "{text}"
        );
    }
}

#[test]
fn a_snapshot_path_leaving_the_data_folder_is_reported_and_never_read() {
    let (tmp, site, data) = site("escape");
    // A complete, broken data set outside the data folder: reading it would show its problems.
    let outside = site.join("geheim");
    std::fs::create_dir_all(&outside).unwrap();
    for f in FILES {
        std::fs::write(outside.join(f), "{").unwrap();
    }
    for path in [
        "../geheim/",
        "%2e%2e/geheim/",
        "..\\geheim\\",
        "reports/..%2f..%2fgeheim/",
    ] {
        add_report(&data, path);
        let (code, text) = run(&["validate"], &data);
        assert_eq!(code, Some(1), "{path}: {text}");
        assert!(
            text.contains("reports[0].path: unzulässiger Pfad"),
            "{path}: {text}"
        );
        assert!(!text.contains("geheim/plan.json"), "{path}: {text}");
        assert!(!text.contains("FATAL"), "{path}: {text}");
    }
    drop(tmp);
}
