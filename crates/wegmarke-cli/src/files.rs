//! The data folder side: the canonical JSON the tool writes, atomic writes with a backup of the
//! previous version, and the manifest that tells files the tool wrote from files it did not.
//!
//! - Canonical JSON: the typed file as `serde_json::to_string_pretty` writes it, plus a final
//!   newline. Numbers are f64 in the contract types, so `55` becomes `55.0` on the first write.
//! - Atomic write: a temporary file in the same folder, flushed to disk, then renamed over the
//!   target; a crash leaves the old or the new file, never half of one.
//! - Backup: before a file is replaced, its previous content is kept as `<name>.bak` (one
//!   generation; the next write replaces it).
//! - Manifest: `.wegmarke-daten.json` in the data folder records the SHA-256 of every file the
//!   tool wrote. A file is replaced without `--force` only when it is missing, when it is still
//!   exactly what the tool wrote last time, or when the new content is identical. Anything else
//!   (written by hand, by another tool, or edited since) needs `--force`.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;
use sha2::{Digest, Sha256};

/// The manifest's file name.
pub const MANIFEST: &str = ".wegmarke-daten.json";
/// The data file names, from the core (one place for the app, the tool and the tests).
pub use wegmarke_core::{DATA_FILES, INDICATORS_FILE, MEASURES_FILE, PLAN_FILE};

/// The canonical JSON text of a data file: serde_json's pretty form of the typed file (two
/// spaces, fields in the order the contract types declare them, unknown fields sorted, numbers
/// with their shortest exact digits) and a final newline.
pub fn canonical<T: Serialize>(file: &T) -> String {
    let mut s = serde_json::to_string_pretty(file).unwrap_or_default();
    s.push('\n');
    s
}

/// The bytes of a data file without a leading UTF-8 byte-order mark, which editors on Windows
/// like to add: every command reads data files through this (validation does the same and
/// reports the mark), so a file that validates is also one every command can read.
pub fn without_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// A typed data file from its bytes, with or without a byte-order mark.
pub fn parse<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> serde_json::Result<T> {
    serde_json::from_slice(without_bom(bytes))
}

/// SHA-256 of some bytes, as lower-case hex.
pub fn sha256(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Writes a file atomically: temporary file in the same folder, fsync, rename, fsync folder.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "datei".into());
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, path)?;
        // Make the rename itself durable; not every platform can open a folder, so failure here
        // is not an error.
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// The backup path of a file: `measures.json` -> `measures.json.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(".bak");
    PathBuf::from(s)
}

/// What the tool wrote into a folder: file name -> SHA-256.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Manifest {
    #[serde(default)]
    pub written_by: String,
    #[serde(default)]
    pub files: BTreeMap<String, String>,
}

impl Manifest {
    /// The manifest of a folder (empty when there is none or it is unreadable).
    pub fn load(dir: &Path) -> Manifest {
        std::fs::read(dir.join(MANIFEST))
            .ok()
            .and_then(|b| parse(&b).ok())
            .unwrap_or_default()
    }

    /// Saves the manifest atomically.
    pub fn save(&mut self, dir: &Path) -> std::io::Result<()> {
        self.written_by = format!("wegmarke-daten {}", env!("CARGO_PKG_VERSION"));
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        write_atomic(&dir.join(MANIFEST), text.as_bytes())
    }

    /// Whether `bytes` are exactly what the tool last wrote to `name`.
    pub fn wrote(&self, name: &str, bytes: &[u8]) -> bool {
        self.files.get(name).is_some_and(|h| *h == sha256(bytes))
    }
}

/// What writing one file will do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Plan {
    /// The file does not exist yet.
    Create,
    /// Same content: nothing to do.
    Unchanged,
    /// Replace; the old content goes to the backup.
    Replace,
    /// The file was not written by the tool (or changed since): needs `--force`.
    Refuse,
}

/// Decides what to do with one file, given its current bytes (`None`: missing).
pub fn plan_write(
    name: &str,
    current: Option<&[u8]>,
    new: &[u8],
    manifest: &Manifest,
    force: bool,
) -> Plan {
    match current {
        None => Plan::Create,
        Some(c) if c == new => Plan::Unchanged,
        Some(c) if force || manifest.wrote(name, c) => Plan::Replace,
        Some(_) => Plan::Refuse,
    }
}

/// Replaces (or creates) a file: backup of the old content, then an atomic write.
pub fn replace(
    path: &Path,
    current: Option<&[u8]>,
    new: &[u8],
) -> std::io::Result<Option<PathBuf>> {
    let backup = match current {
        Some(old) => {
            let b = backup_path(path);
            write_atomic(&b, old)?;
            Some(b)
        }
        None => None,
    };
    write_atomic(path, new)?;
    Ok(backup)
}

/// Reads a file that may be missing; other errors are errors.
pub fn read_optional(path: &Path) -> std::io::Result<Option<Vec<u8>>> {
    match std::fs::read(path) {
        Ok(b) => Ok(Some(b)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_is_serde_jsons_pretty_form_with_a_newline() {
        let v = serde_json::json!({"a": 55.0, "b": 0.1, "c": -0.0, "d": 1e300});
        assert_eq!(
            canonical(&v),
            format!("{}\n", serde_json::to_string_pretty(&v).unwrap())
        );
        assert!(canonical(&v).contains("\"b\": 0.1,"));
    }

    #[test]
    fn overwrite_rules() {
        let mut m = Manifest::default();
        m.files.insert("plan.json".into(), sha256(b"old"));
        assert_eq!(
            plan_write("plan.json", None, b"new", &m, false),
            Plan::Create
        );
        assert_eq!(
            plan_write("plan.json", Some(b"new"), b"new", &m, false),
            Plan::Unchanged
        );
        assert_eq!(
            plan_write("plan.json", Some(b"old"), b"new", &m, false),
            Plan::Replace
        );
        assert_eq!(
            plan_write("plan.json", Some(b"hand"), b"new", &m, false),
            Plan::Refuse
        );
        assert_eq!(
            plan_write("plan.json", Some(b"hand"), b"new", &m, true),
            Plan::Replace
        );
    }
}
