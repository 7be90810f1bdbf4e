//! The staff tool as staff run it: messages, grouping and exit codes.

mod common;

use common::{bin, copy_fixture, fixture_dir, tempdir};

#[test]
fn a_clean_plan_exits_0() {
    let out = bin().arg("validate").arg(fixture_dir()).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("✔ measures.json: in Ordnung"));
    assert!(text.contains("Alles in Ordnung"));
}

#[test]
fn content_problem_exit_1_with_location_in_german_and_english() {
    let dir = tempdir("problem");
    copy_fixture(&dir);
    let m = std::fs::read_to_string(dir.join("measures.json")).unwrap();
    let first_goal = m.find("\"sprache-1\"").unwrap();
    let m = format!(
        "{}\"sprache-9\"{}",
        &m[..first_goal],
        &m[first_goal + "\"sprache-1\"".len()..]
    );
    std::fs::write(dir.join("measures.json"), &m).unwrap();
    let line = m[..first_goal].lines().count();

    let out = bin().arg("validate").arg(&dir).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("✘ measures.json: 1 Problem(e)"), "{text}");
    assert!(text.contains(&format!("measures.json:{line}:")), "{text}");
    assert!(text.contains("unbekanntes Ziel \"sprache-9\""), "{text}");

    let out = bin()
        .args(["--lang", "en", "validate"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("unknown goal \"sprache-9\""));
}

#[test]
fn fatal_exit_2_and_json_output() {
    let dir = tempdir("fatal");
    copy_fixture(&dir);
    std::fs::write(
        dir.join("plan.json"),
        "{\n  \"format\": \"wegmarke/1\",\n  \"plan\": \n",
    )
    .unwrap();
    let out = bin()
        .args(["validate", "--format", "json"])
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["fatal"], true);
    let p = &v["problems"][0];
    assert_eq!(p["file"], "plan.json");
    assert_eq!(p["severity"], "fatal");
    assert_eq!(p["kind"], "syntax");
    assert_eq!(p["line"], 4);
    assert!(p["message"].as_str().unwrap().contains("unvollständig"));
}

#[test]
fn missing_folder_is_fatal_not_a_panic() {
    let out = bin()
        .arg("validate")
        .arg("/nonexistent/wegmarke")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stdout).contains("konnte nicht geladen werden"));
}
