//! The feeds, calendar and open-data package committed beside the example data are exactly what
//! `wegmarke-daten publish` writes for it: change the data, run `publish`, commit both.

use std::path::Path;

use wegmarke_cli::commands::{publish, validate};

#[test]
fn the_example_s_published_files_are_in_step_with_its_data() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data");
    let Ok(checked) = publish::write(&dir, None, true) else {
        panic!("the example publishes (config.json has a site_url)");
    };
    assert!(
        checked.changed.is_empty() && checked.removed.is_empty(),
        "out of step: {:?} {:?}; run `cargo run -p wegmarke-cli -- publish public/data`",
        checked.changed,
        checked.removed
    );
}

#[test]
fn publish_writes_removes_stale_feeds_and_is_then_in_step() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public");
    let tmp = std::env::temp_dir().join(format!("wegmarke-publish-{}", std::process::id()));
    let data = tmp.join("data");
    std::fs::create_dir_all(data.join("feeds")).expect("temp folder");
    for f in wegmarke_core::DATA_FILES {
        std::fs::copy(src.join("data").join(f), data.join(f)).expect("copy");
    }
    std::fs::copy(src.join("config.json"), tmp.join("config.json")).expect("copy");
    std::fs::write(data.join("feeds/field-gone.atom"), "<feed/>").expect("write");

    let Ok(first) = publish::write(&data, None, false) else {
        panic!("publishes");
    };
    assert!(first.changed.iter().any(|f| f == "feeds/plan.atom"));
    assert_eq!(first.removed.len(), 1);
    assert!(!data.join("feeds/field-gone.atom").exists());
    let Ok(again) = publish::write(&data, None, true) else {
        panic!("publishes");
    };
    assert!(again.changed.is_empty() && again.removed.is_empty());
    assert!(validate::out_of_step(&data, None).is_empty());

    // Data edited by hand after publishing: validate names what is out of step.
    let path = data.join("plan.json");
    let plan = std::fs::read_to_string(&path).expect("plan");
    std::fs::write(&path, plan.replacen("Göppingen", "Goeppingen", 1)).expect("write");
    let stale = validate::out_of_step(&data, None);
    assert!(stale.iter().any(|f| f == "feeds/plan.atom"), "{stale:?}");
    let _ = std::fs::remove_dir_all(&tmp);
}

#[test]
fn an_import_publishes_beside_the_data_it_writes() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public");
    let tmp = std::env::temp_dir().join(format!("wegmarke-import-publish-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    std::fs::create_dir_all(&tmp).expect("temp folder");
    std::fs::copy(src.join("config.json"), tmp.join("config.json")).expect("copy");
    let tool = env!("CARGO_BIN_EXE_wegmarke-daten");
    let book = tmp.join("plan.xlsx");
    let run = |args: &[&std::ffi::OsStr]| {
        std::process::Command::new(tool)
            .args(args)
            .output()
            .expect("the tool runs")
    };
    let exported = run(&[
        "export".as_ref(),
        src.join("data").as_os_str(),
        "-o".as_ref(),
        book.as_os_str(),
    ]);
    assert!(exported.status.success(), "{exported:?}");
    let data = tmp.join("data");
    let imported = run(&[
        "import".as_ref(),
        book.as_os_str(),
        "--out".as_ref(),
        data.as_os_str(),
        "--backup-dir".as_ref(),
        tmp.join("backups").as_os_str(),
    ]);
    assert!(imported.status.success(), "{imported:?}");
    // The same data as the example, so the same published files, byte for byte.
    for f in [
        "feeds/plan.atom",
        "feeds/plan.ics",
        "open-data/values.csv",
        "open-data/dcat.jsonld",
    ] {
        let written = std::fs::read(data.join(f)).expect("written by the import");
        let example = std::fs::read(src.join("data").join(f)).expect("the example's");
        assert!(written == example, "{f} differs");
    }
    let _ = std::fs::remove_dir_all(&tmp);
}
