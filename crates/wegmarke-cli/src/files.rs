//! The data folder side: reading and validating it as the app would ([`read_dataset`]), the
//! canonical JSON the tool writes, writing the three files as one transaction, the backups of
//! published versions, and the manifest that tells files the tool wrote from files it did not.
//!
//! - Canonical JSON: [`wegmarke_workbook::json::canonical`] (the browser page writes the same
//!   bytes); a file whose data did not change keeps its bytes.
//! - Transaction ([`write_all`]): every new file is first staged as a temporary file in the data
//!   folder and flushed to disk; only then are they renamed over the old ones. If staging fails,
//!   nothing was touched; if a rename fails, the files already replaced get their previous
//!   content back. A crash leaves each file old or new, never half of one.
//! - Backups ([`Backups`]): before a write, the current files are copied into a folder of their
//!   own, `<backups>/<UTC time>/`, and only the last [`Backups::KEEP`] are kept. Backups live
//!   OUTSIDE the data folder, because everything in the data folder is published (the build
//!   copies it whole): by default in the user's data folder
//!   (`~/.local/share/wegmarke-daten/sicherungen/<data folder>-<hash>/`, on Windows under
//!   `%LOCALAPPDATA%`), or where `--backup-dir` says.
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

/// Reads and validates the files of a data folder as the app would; `prefix` goes before each
/// file's name in the problems (a report snapshot's folder, or "" for the data folder).
pub fn read_dataset(dir: &Path, prefix: &str) -> wegmarke_core::Dataset {
    let read = |name: &str| {
        let path = dir.join(name);
        std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))
    };
    let files = DATA_FILES.map(read);
    wegmarke_core::validate(&wegmarke_core::Inputs::from_results(&files), prefix)
}

/// The config.json that belongs to a data folder: the one given, else the one next to the folder
/// (`public/data` -> `public/config.json`) if there is one.
pub fn config_path(dir: &Path, explicit: Option<&Path>) -> Option<PathBuf> {
    if let Some(p) = explicit {
        return Some(p.to_owned());
    }
    let beside = dir.parent()?.join("config.json");
    beside.is_file().then_some(beside)
}

/// The canonical JSON text of a data file: the workbook crate's writer (serde_json's pretty
/// form, whole numbers as integers, a final newline), so the staff tool and the browser page
/// publish the same bytes.
pub fn canonical<T: Serialize>(file: &T) -> String {
    wegmarke_workbook::json::canonical(file)
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
    /// Replace; the old content goes to a backup first.
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

/// One file of a transaction: its name in the data folder, its current content (`None`: it
/// does not exist yet) and its new content.
#[derive(Clone, Copy, Debug)]
pub struct Change<'a> {
    pub name: &'a str,
    pub old: Option<&'a [u8]>,
    pub new: &'a [u8],
}

/// Why a transaction did not go through, and whether the folder is as it was.
#[derive(Debug)]
pub struct TxError {
    /// The file that could not be staged or renamed.
    pub path: PathBuf,
    pub error: std::io::Error,
    /// Files whose previous content could not be put back (empty: the folder is as before).
    pub not_restored: Vec<(PathBuf, std::io::Error)>,
}

/// The temporary name a file is staged under, beside its target (same file system, so the
/// rename is atomic).
fn staged_path(dir: &Path, name: &str) -> PathBuf {
    dir.join(format!(".{name}.neu-{}", std::process::id()))
}

/// Writes all changed files or none (see the module doc).
pub fn write_all(dir: &Path, changes: &[Change]) -> Result<(), TxError> {
    write_all_with(dir, changes, |from, to| std::fs::rename(from, to))
}

/// [`write_all`] with the rename step given, so tests can make it fail half-way.
pub fn write_all_with(
    dir: &Path,
    changes: &[Change],
    mut rename: impl FnMut(&Path, &Path) -> std::io::Result<()>,
) -> Result<(), TxError> {
    let staged: Vec<PathBuf> = changes.iter().map(|c| staged_path(dir, c.name)).collect();
    let clean = |from: usize| {
        for p in &staged[from..] {
            let _ = std::fs::remove_file(p);
        }
    };
    // 1. Stage: nothing visible has changed until every new file is on disk.
    for (i, c) in changes.iter().enumerate() {
        let written = (|| {
            let mut f = std::fs::File::create(&staged[i])?;
            f.write_all(c.new)?;
            f.sync_all()
        })();
        if let Err(error) = written {
            clean(0);
            return Err(TxError {
                path: dir.join(c.name),
                error,
                not_restored: Vec::new(),
            });
        }
    }
    // 2. Commit: rename each over its target; on failure put back what was already replaced.
    for (i, c) in changes.iter().enumerate() {
        let target = dir.join(c.name);
        if let Err(error) = rename(&staged[i], &target) {
            clean(i);
            let mut not_restored = Vec::new();
            for done in &changes[..i] {
                let path = dir.join(done.name);
                let back = match done.old {
                    Some(old) => write_atomic(&path, old),
                    None => std::fs::remove_file(&path),
                };
                if let Err(e) = back {
                    not_restored.push((path, e));
                }
            }
            return Err(TxError {
                path: target,
                error,
                not_restored,
            });
        }
    }
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// The published versions kept for one data folder: one folder per write, named by its UTC
/// time (`2026-05-12T14-03-07Z`), holding the data files as they were before it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Backups {
    pub dir: PathBuf,
}

/// Why no backup folder could be chosen.
#[derive(Debug, PartialEq, Eq)]
pub enum BackupPlace {
    /// No home or application data folder is known: `--backup-dir` is needed.
    NoHome,
    /// The folder is inside the data folder, so it would be published.
    InsideData(PathBuf),
}

/// A path made absolute (and resolved where it exists), for comparing folders.
fn absolute(p: &Path) -> PathBuf {
    if let Ok(c) = std::fs::canonicalize(p) {
        return c;
    }
    // Not there yet: resolve the nearest existing parent and append the rest.
    let abs = if p.is_absolute() {
        p.to_owned()
    } else {
        std::env::current_dir().unwrap_or_default().join(p)
    };
    let mut rest = Vec::new();
    let mut base = abs.as_path();
    while let Some(parent) = base.parent() {
        rest.push(base.file_name().map(|n| n.to_owned()).unwrap_or_default());
        if let Ok(c) = std::fs::canonicalize(parent) {
            return rest.iter().rev().fold(c, |acc, n| acc.join(n));
        }
        base = parent;
    }
    abs
}

/// The user's folder for application data: `$XDG_DATA_HOME` or `~/.local/share` (Linux and
/// other Unix), `~/Library/Application Support` (macOS), `%LOCALAPPDATA%` (Windows).
fn user_data_dir() -> Option<PathBuf> {
    let env = |k: &str| {
        std::env::var_os(k)
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
    };
    if cfg!(windows) {
        return env("LOCALAPPDATA").or_else(|| env("APPDATA"));
    }
    if cfg!(target_os = "macos") {
        return env("HOME").map(|h| h.join("Library/Application Support"));
    }
    env("XDG_DATA_HOME").or_else(|| env("HOME").map(|h| h.join(".local/share")))
}

impl Backups {
    /// How many published versions are kept.
    pub const KEEP: usize = 10;

    /// The backups of a data folder: `explicit` (`--backup-dir`) as given, or a folder of its
    /// own under the user's data folder, named after the data folder and a hash of its full
    /// path (so two plans never share one). Never inside the data folder.
    pub fn for_data_dir(data_dir: &Path, explicit: Option<&Path>) -> Result<Backups, BackupPlace> {
        let data = absolute(data_dir);
        let dir = match explicit {
            Some(d) => absolute(d),
            None => {
                let root = user_data_dir().ok_or(BackupPlace::NoHome)?;
                let slug: String = data
                    .components()
                    .rev()
                    .take(2)
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect::<Vec<_>>()
                    .join("-")
                    .chars()
                    .map(|c| {
                        if c.is_alphanumeric() || c == '-' || c == '_' {
                            c
                        } else {
                            '_'
                        }
                    })
                    .take(60)
                    .collect();
                let hash = sha256(data.to_string_lossy().as_bytes());
                absolute(&root)
                    .join("wegmarke-daten")
                    .join("sicherungen")
                    .join(format!("{slug}-{}", &hash[..10]))
            }
        };
        if dir.starts_with(&data) {
            return Err(BackupPlace::InsideData(dir));
        }
        Ok(Backups { dir })
    }

    /// Saves the current files (`name`, content) as a new version; returns its folder.
    pub fn save(&self, files: &[(&str, &[u8])], data_dir: &Path) -> std::io::Result<PathBuf> {
        std::fs::create_dir_all(&self.dir)?;
        let stamp = utc_stamp(now_secs());
        // Numbered after every kept version of the same second (a pruned name is not reused,
        // so the newest always sorts last); create_dir (not _all) fails when the folder exists,
        // so two processes each get their own.
        let mut n = self
            .list()
            .iter()
            .map(|p| stamp_order(&p.file_name().unwrap_or_default().to_string_lossy()))
            .filter(|(t, _)| *t == stamp)
            .map(|(_, n)| n)
            .max()
            .unwrap_or(0);
        let folder = loop {
            n += 1;
            let folder = if n == 1 {
                self.dir.join(&stamp)
            } else {
                self.dir.join(format!("{stamp}-{n}"))
            };
            match std::fs::create_dir(&folder) {
                Ok(()) => break folder,
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && n < 10_000 => {}
                Err(e) => return Err(e),
            }
        };
        let result = (|| {
            for (name, bytes) in files {
                write_atomic(&folder.join(name), bytes)?;
            }
            let info = serde_json::json!({
                "data_dir": absolute(data_dir).display().to_string(),
                "saved": stamp,
                "files": files.iter().map(|(n, _)| *n).collect::<Vec<_>>(),
                "written_by": format!("wegmarke-daten {}", env!("CARGO_PKG_VERSION")),
            });
            write_atomic(&folder.join(BACKUP_INFO), canonical(&info).as_bytes())
        })();
        if let Err(e) = result {
            let _ = std::fs::remove_dir_all(&folder);
            return Err(e);
        }
        Ok(folder)
    }

    /// The kept versions, oldest first (only folders named like a backup).
    pub fn list(&self) -> Vec<PathBuf> {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut v: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .filter(|e| e.path().is_dir() && is_stamp(&e.file_name().to_string_lossy()))
            .map(|e| e.path())
            .collect();
        v.sort_by_key(|p| stamp_order(&p.file_name().unwrap_or_default().to_string_lossy()));
        v
    }

    /// Removes all but the newest [`Backups::KEEP`] versions; returns the removed folders.
    pub fn prune(&self) -> std::io::Result<Vec<PathBuf>> {
        let all = self.list();
        let old = all.len().saturating_sub(Self::KEEP);
        let mut removed = Vec::new();
        for p in &all[..old] {
            std::fs::remove_dir_all(p)?;
            removed.push(p.clone());
        }
        Ok(removed)
    }
}

/// The file in each backup folder that says what it holds.
pub const BACKUP_INFO: &str = "sicherung.json";

/// `2026-05-12T14-03-07Z`, optionally with `-N`.
fn is_stamp(name: &str) -> bool {
    let b = name.as_bytes();
    b.len() >= 20
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[10] == b'T'
        && b[19] == b'Z'
        && (b.len() == 20 || (b[20] == b'-' && name[21..].bytes().all(|c| c.is_ascii_digit())))
}

/// Sort key of a backup folder name: its time, then its number within the second.
fn stamp_order(name: &str) -> (String, u32) {
    let (time, n) = name.split_at(name.len().min(20));
    (
        time.to_owned(),
        n.trim_start_matches('-').parse().unwrap_or(1),
    )
}

/// Seconds since 1970 (0 if the clock is before that).
pub fn now_secs() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// The civil date (year, month, day) of a day count since 1970-01-01 (H. Hinnant's algorithm).
pub fn civil(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// A UTC time as a folder name: `2026-05-12T14-03-07Z` (no `:`, which Windows forbids).
pub fn utc_stamp(secs: u64) -> String {
    let (y, m, d) = civil((secs / 86_400) as i64);
    let s = secs % 86_400;
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}-{:02}-{:02}Z",
        s / 3600,
        s % 3600 / 60,
        s % 60
    )
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
    fn canonical_is_the_workbook_crates_writer() {
        let v = serde_json::json!({"a": 55.0, "b": 0.1, "c": -0.0, "d": 1e300});
        assert_eq!(canonical(&v), wegmarke_workbook::json::canonical(&v));
        assert!(canonical(&v).contains("\"a\": 55,"));
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

    fn scratch(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("wegmarke-files-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn a_transaction_writes_every_file() {
        let d = scratch("tx-ok");
        std::fs::write(d.join("a.json"), "old a").unwrap();
        let changes = [
            Change {
                name: "a.json",
                old: Some(b"old a"),
                new: b"new a",
            },
            Change {
                name: "b.json",
                old: None,
                new: b"new b",
            },
        ];
        write_all(&d, &changes).unwrap();
        assert_eq!(std::fs::read(d.join("a.json")).unwrap(), b"new a");
        assert_eq!(std::fs::read(d.join("b.json")).unwrap(), b"new b");
        assert_eq!(names(&d), ["a.json", "b.json"], "no staged file left");
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn a_failed_rename_puts_back_what_was_already_replaced() {
        let d = scratch("tx-fail");
        for f in ["plan.json", "measures.json"] {
            std::fs::write(d.join(f), format!("old {f}")).unwrap();
        }
        let changes = [
            Change {
                name: "plan.json",
                old: Some(b"old plan.json"),
                new: b"new plan",
            },
            Change {
                name: "indicators.json",
                old: None,
                new: b"new indicators",
            },
            Change {
                name: "measures.json",
                old: Some(b"old measures.json"),
                new: b"new m",
            },
        ];
        let mut calls = 0;
        let e = write_all_with(&d, &changes, |from, to| {
            calls += 1;
            if calls == 3 {
                Err(std::io::Error::other("disk gone"))
            } else {
                std::fs::rename(from, to)
            }
        })
        .unwrap_err();
        assert!(e.path.ends_with("measures.json"), "{e:?}");
        assert!(e.not_restored.is_empty(), "{e:?}");
        assert_eq!(
            std::fs::read(d.join("plan.json")).unwrap(),
            b"old plan.json"
        );
        assert_eq!(
            std::fs::read(d.join("measures.json")).unwrap(),
            b"old measures.json"
        );
        assert!(
            !d.join("indicators.json").exists(),
            "a new file is taken away again"
        );
        assert_eq!(
            names(&d),
            ["measures.json", "plan.json"],
            "no staged file left"
        );
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn backups_keep_the_last_ten_versions_outside_the_data_folder() {
        let root = scratch("backups");
        let data = root.join("data");
        std::fs::create_dir_all(&data).unwrap();
        let b = Backups::for_data_dir(&data, Some(&root.join("sicherungen"))).unwrap();
        for i in 0..12 {
            let content = format!("version {i}");
            let folder = b.save(&[("plan.json", content.as_bytes())], &data).unwrap();
            assert_eq!(
                std::fs::read_to_string(folder.join("plan.json")).unwrap(),
                content
            );
            assert!(folder.join(BACKUP_INFO).exists());
            b.prune().unwrap();
        }
        let kept = b.list();
        assert_eq!(kept.len(), Backups::KEEP);
        let oldest = std::fs::read_to_string(kept[0].join("plan.json")).unwrap();
        let newest = std::fs::read_to_string(kept[9].join("plan.json")).unwrap();
        assert_eq!(
            (oldest.as_str(), newest.as_str()),
            ("version 2", "version 11")
        );
        // A folder not named like a backup is never touched.
        std::fs::create_dir_all(b.dir.join("eigene Notizen")).unwrap();
        b.prune().unwrap();
        assert!(b.dir.join("eigene Notizen").exists());
        assert_eq!(
            Backups::for_data_dir(&data, Some(&data.join("sicherungen"))),
            Err(BackupPlace::InsideData(absolute(&data.join("sicherungen"))))
        );
        let _ = std::fs::remove_dir_all(&root);
    }

    #[test]
    fn the_default_backup_folder_is_the_users_and_differs_per_data_folder() {
        let a = Backups::for_data_dir(Path::new("/srv/a/data"), None).unwrap();
        let b = Backups::for_data_dir(Path::new("/srv/b/data"), None).unwrap();
        assert_ne!(a.dir, b.dir);
        assert!(a.dir.to_string_lossy().contains("wegmarke-daten"), "{a:?}");
        assert!(!a.dir.starts_with("/srv/a/data"));
    }

    #[test]
    fn stamps_sort_and_read_like_times() {
        assert_eq!(utc_stamp(0), "1970-01-01T00-00-00Z");
        assert_eq!(civil(59), (1970, 3, 1));
        assert_eq!(civil(11_016), (2000, 2, 29));
        assert_eq!(civil(20_790), (2026, 12, 3));
        assert_eq!(civil(-1), (1969, 12, 31));
        assert_eq!(utc_stamp(1_778_594_587), "2026-05-12T14-03-07Z");
        assert!(is_stamp("2026-05-12T14-03-07Z") && is_stamp("2026-05-12T14-03-07Z-12"));
        assert!(!is_stamp("notizen") && !is_stamp("2026-05-12T14-03-07Z-x"));
        assert!(stamp_order("2026-05-12T14-03-07Z-2") < stamp_order("2026-05-12T14-03-07Z-10"));
        assert!(stamp_order("2026-05-12T14-03-07Z") < stamp_order("2026-05-12T14-03-07Z-2"));
    }
}
