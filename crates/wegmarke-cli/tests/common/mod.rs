//! What the staff tool's test files share: the binary, the example plan, temporary folders.
// Each test file is its own crate and uses only some of these.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use wegmarke_cli::workbook::export::Data;

/// The data files of a plan folder.
pub const FILES: [&str; 3] = ["plan.json", "measures.json", "indicators.json"];

/// The staff tool as built by this test run.
pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_wegmarke-daten"))
}

/// The bundled example plan's folder.
pub fn example_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data")
}

/// The example plan's three files, parsed.
pub fn example_data() -> Data {
    let read = |f: &str| std::fs::read(example_dir().join(f)).unwrap();
    Data {
        plan: serde_json::from_slice(&read("plan.json")).unwrap(),
        measures: serde_json::from_slice(&read("measures.json")).unwrap(),
        indicators: serde_json::from_slice(&read("indicators.json")).unwrap(),
    }
}

/// Copies the example plan's three files into `dir`.
pub fn copy_example(dir: &Path) {
    for f in FILES {
        std::fs::copy(example_dir().join(f), dir.join(f)).unwrap();
    }
}

/// A temporary folder, removed when the test ends.
pub struct Tmp(PathBuf);

impl Drop for Tmp {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

impl std::ops::Deref for Tmp {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl AsRef<Path> for Tmp {
    fn as_ref(&self) -> &Path {
        &self.0
    }
}

impl AsRef<std::ffi::OsStr> for Tmp {
    fn as_ref(&self) -> &std::ffi::OsStr {
        self.0.as_os_str()
    }
}

/// A new empty temporary folder; the test binary's name and process id keep parallel test
/// binaries apart.
pub fn tempdir(name: &str) -> Tmp {
    let binary = std::env::current_exe()
        .ok()
        .and_then(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .unwrap_or_default();
    let d = std::env::temp_dir().join(format!("wegmarke-{binary}-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    Tmp(d)
}
