//! What the staff tool's test files share: the binary, the bundled example plan (for tests whose
//! point is that the whole example survives), the small plan `fixtures/gueltig` (for tests that
//! edit or look at particular entries), temporary folders.
// Each test file is its own crate and uses only some of these.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use wegmarke_cli::workbook::export::Data;

/// The data files of a plan folder.
pub use wegmarke_core::DATA_FILES as FILES;

/// The staff tool as built by this test run. Its backups go to a folder of the test run's
/// (`backup_root`), never into the user's own.
pub fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_wegmarke-daten"));
    c.env("XDG_DATA_HOME", backup_root())
        .env("LOCALAPPDATA", backup_root())
        .env("HOME", backup_root());
    c
}

/// Where the tool keeps backups during tests (one folder per test binary and process).
pub fn backup_root() -> PathBuf {
    std::env::temp_dir().join(format!("wegmarke-test-home-{}", std::process::id()))
}

/// The bundled example plan's folder.
pub fn example_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data")
}

/// The example plan's three files, parsed.
pub fn example_data() -> Data {
    data_of(&example_dir())
}

/// The small plan: two fields of action, four measures, two indicators, written by hand (not in
/// the tool's canonical form) and free of problems.
pub fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/gueltig")
}

/// The small plan's three files, parsed.
pub fn fixture_data() -> Data {
    data_of(&fixture_dir())
}

/// Copies the small plan's three files into `dir`.
pub fn copy_fixture(dir: &Path) {
    for f in FILES {
        std::fs::copy(fixture_dir().join(f), dir.join(f)).unwrap();
    }
}

fn data_of(dir: &Path) -> Data {
    let [plan, measures, indicators] = FILES.map(|f| std::fs::read(dir.join(f)).unwrap());
    Data {
        plan: serde_json::from_slice(&plan).unwrap(),
        measures: serde_json::from_slice(&measures).unwrap(),
        indicators: serde_json::from_slice(&indicators).unwrap(),
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
