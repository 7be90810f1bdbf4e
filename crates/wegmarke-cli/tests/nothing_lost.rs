//! Nothing published is lost, tried as staff would: a sheet saved empty or with only its header
//! row, a CSV file cut off or not text at all, a round trip that must not change a byte,
//! backups outside the data folder, and hostile workbooks (zip bombs, a sheet that declares
//! every cell there is, a shared-string table of a billion entries, one text referenced a
//! hundred thousand times) that must be refused within a 3 GB memory limit and a few seconds.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use wegmarke_cli::workbook::export::tables;
use wegmarke_cli::workbook::{csv, xlsx, Table};

mod common;

use common::{bin, example_data, example_dir, tempdir, FILES};

fn run(cmd: &mut Command) -> (i32, String) {
    let o = cmd.output().unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    (o.status.code().unwrap_or(-1), text)
}

/// A copy of the example's three files in `dir`, byte for byte.
fn copy_example(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    for f in FILES {
        std::fs::copy(example_dir().join(f), dir.join(f)).unwrap();
    }
}

fn bytes_of(dir: &Path) -> Vec<Vec<u8>> {
    FILES
        .iter()
        .map(|f| std::fs::read(dir.join(f)).unwrap())
        .collect()
}

/// The example's sheets with the measures (and their child sheets) cut to the header row.
fn without_measures() -> Vec<Table> {
    let mut t = tables(Some(&example_data())).unwrap();
    for s in &mut t {
        if matches!(
            s.name.as_str(),
            "Maßnahmen" | "Meilensteine" | "Aktualisierungen" | "Links" | "Drucksachen Maßnahmen"
        ) {
            s.rows.clear();
        }
    }
    t
}

fn import(wb: &Path, data: &Path, backups: &Path) -> Command {
    let mut c = bin();
    c.arg("import")
        .arg(wb)
        .arg("-o")
        .arg(data)
        .arg("--backup-dir")
        .arg(backups);
    c
}

fn versions(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|it| it.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    v.retain(|p| p.join("sicherung.json").exists());
    v.sort();
    v
}

// ------------------------------------------------------------------ removals

#[test]
fn a_header_only_measures_sheet_lists_every_measure_and_writes_nothing() {
    let tmp = tempdir("header-only");
    let (data, backups) = (tmp.join("data"), tmp.join("sicherungen"));
    copy_example(&data);
    let before = bytes_of(&data);
    let wb = tmp.join("leer.xlsx");
    std::fs::write(&wb, xlsx::to_bytes(&without_measures()).unwrap()).unwrap();

    let (code, out) = run(&mut import(&wb, &data, &backups));
    assert_eq!(code, 2, "{out}");
    let measures = example_data().measures.measures;
    for m in &measures {
        assert!(
            out.contains(&format!("„{}“", m.id)),
            "{} not listed: {out}",
            m.id
        );
    }
    assert!(out.contains("--confirm-removal"), "{out}");
    assert_eq!(bytes_of(&data), before, "nothing written");
    assert!(versions(&backups).is_empty(), "nothing backed up");

    // Machines get the same list.
    let (code, out) = run(import(&wb, &data, &backups).args(["--format", "json"]));
    assert_eq!(code, 2);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let removals = v["removals"].as_array().unwrap();
    assert_eq!(removals.len(), measures.len());
    assert_eq!(removals[0]["kind"], "measure");
    assert_eq!(removals[0]["ids"][0], measures[0].id.as_str());
    assert_eq!(removals[0]["file"], "measures.json");
    assert_eq!(v["written"], false);

    // A dry run says the same and writes nothing.
    let (code, _) = run(import(&wb, &data, &backups).arg("--dry-run"));
    assert_eq!(code, 2);
    assert_eq!(bytes_of(&data), before);

    // Confirmed, they go, and the previous version is kept.
    let (code, out) = run(import(&wb, &data, &backups)
        .arg("--confirm-removal")
        .arg("--force"));
    assert_ne!(code, 2, "{out}");
    let now: serde_json::Value =
        serde_json::from_slice(&std::fs::read(data.join("measures.json")).unwrap()).unwrap();
    assert_eq!(now["measures"].as_array().unwrap().len(), 0);
    let kept = versions(&backups);
    assert_eq!(kept.len(), 1, "{out}");
    assert_eq!(
        bytes_of(&kept[0]),
        before,
        "the backup is the published version"
    );
}

#[test]
fn an_empty_csv_file_is_not_taken_as_delete_everything() {
    let tmp = tempdir("empty-csv");
    let (data, backups, dir) = (tmp.join("data"), tmp.join("b"), tmp.join("csv"));
    copy_example(&data);
    let before = bytes_of(&data);
    let (code, out) = run(bin().arg("export").arg(&data).arg("--csv").arg(&dir));
    assert_eq!(code, 0, "{out}");
    for (content, what) in [(&b""[..], "0 bytes"), (&b"\xEF\xBB\xBF"[..], "only a BOM")] {
        std::fs::write(dir.join("Indikatoren.csv"), content).unwrap();
        for child in ["Reihen.csv", "Werte.csv", "Werte nach Stadtteil.csv"] {
            std::fs::write(dir.join(child), content).unwrap();
        }
        let (code, out) = run(&mut import(&dir, &data, &backups));
        assert_eq!(code, 2, "{what}: {out}");
        for i in &example_data().indicators.indicators {
            assert!(out.contains(&i.id), "{what}: {} not listed", i.id);
        }
        assert_eq!(bytes_of(&data), before, "{what}: nothing written");
    }
}

#[test]
fn a_cut_off_or_binary_csv_file_is_fatal() {
    let tmp = tempdir("cut-csv");
    let (data, backups, dir) = (tmp.join("data"), tmp.join("b"), tmp.join("csv"));
    copy_example(&data);
    let before = bytes_of(&data);
    let sheets = tables(Some(&example_data())).unwrap();
    std::fs::create_dir_all(&dir).unwrap();
    for t in &sheets {
        std::fs::write(dir.join(csv::file_name(&t.name)), csv::to_bytes(t).unwrap()).unwrap();
    }
    let path = dir.join("Maßnahmen.csv");
    let full = std::fs::read(&path).unwrap();
    // Cut inside a quoted field: a description with a line break is quoted.
    let text = String::from_utf8(full.clone()).unwrap();
    let quote = text.find(";\"").expect("a quoted field") + 5;
    std::fs::write(&path, &full[..quote]).unwrap();
    let (code, out) = run(&mut import(&dir, &data, &backups));
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("abgeschnitten"), "{out}");
    // Cut inside a character.
    let umlaut = full.iter().position(|&b| b >= 0xC0).unwrap() + 1;
    std::fs::write(&path, &full[..umlaut]).unwrap();
    let (code, out) = run(&mut import(&dir, &data, &backups));
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("mitten in einem Zeichen"), "{out}");
    // Not text at all.
    std::fs::write(&path, b"PK\x03\x04\x14\0\0\0\x08\0").unwrap();
    let (code, out) = run(&mut import(&dir, &data, &backups));
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("keine CSV-Textdatei"), "{out}");
    assert_eq!(bytes_of(&data), before);
    assert!(versions(&backups).is_empty());
}

// ------------------------------------------------------------------ writing

#[test]
fn export_then_import_leaves_every_file_byte_identical() {
    let tmp = tempdir("cmp");
    let (data, backups) = (tmp.join("data"), tmp.join("b"));
    copy_example(&data);
    let wb = tmp.join("plan.xlsx");
    let (code, out) = run(bin().arg("export").arg(example_dir()).arg("-o").arg(&wb));
    assert_eq!(code, 0, "{out}");
    let (code, out) = run(&mut import(&wb, &data, &backups));
    assert_eq!(code, 0, "{out}");
    assert_eq!(bytes_of(&data), bytes_of(&example_dir()), "cmp: {out}");
    assert!(out.contains("unverändert"), "{out}");
    assert!(
        versions(&backups).is_empty(),
        "nothing changed, nothing to back up"
    );
    // The example is in canonical form: a fresh folder gets the same bytes.
    let fresh = tmp.join("fresh");
    let (code, out) = run(&mut import(&wb, &fresh, &backups));
    assert_eq!(code, 0, "{out}");
    assert_eq!(bytes_of(&fresh), bytes_of(&example_dir()));
}

#[test]
fn the_last_ten_versions_are_kept_outside_the_data_folder() {
    let tmp = tempdir("ten");
    let (data, backups) = (tmp.join("data"), tmp.join("b"));
    copy_example(&data);
    let mut published = Vec::new();
    for i in 0..12 {
        let mut t = tables(Some(&example_data())).unwrap();
        let m = t.iter_mut().find(|t| t.name == "Maßnahmen").unwrap();
        let c = m
            .columns
            .iter()
            .position(|c| c.header.starts_with("Fortschritt"))
            .unwrap();
        m.rows[0][c] = wegmarke_cli::workbook::Cell::Number(f64::from(i));
        let wb = tmp.join(format!("v{i}.xlsx"));
        std::fs::write(&wb, xlsx::to_bytes(&t).unwrap()).unwrap();
        published.push(bytes_of(&data));
        let (code, out) = run(import(&wb, &data, &backups).arg("--force"));
        assert!(code < 2, "{out}");
    }
    let kept = versions(&backups);
    assert_eq!(kept.len(), 10);
    for (k, p) in kept.iter().zip(&published[2..]) {
        assert_eq!(&bytes_of(k), p);
    }
    let in_data: Vec<String> = std::fs::read_dir(&data)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        in_data
            .iter()
            .all(|n| FILES.contains(&n.as_str()) || n == ".wegmarke-daten.json"),
        "{in_data:?}"
    );

    // Without --backup-dir: the user's data folder, never the data folder.
    let (code, out) = run(bin()
        .arg("import")
        .arg(tmp.join("v0.xlsx"))
        .arg("-o")
        .arg(&data));
    assert!(code < 2, "{out}");
    assert!(out.contains("wegmarke-daten/sicherungen"), "{out}");
    let (code, out) = run(&mut import(&tmp.join("v1.xlsx"), &data, &data.join("x")));
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("würde mit veröffentlicht"), "{out}");
}

// ------------------------------------------------------------------ hostile workbooks

/// CRC-32 (IEEE), bitwise: test files are small except where the CRC is left wrong on purpose.
fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// One part of a hand-made ZIP: stored as is, or raw deflate data with declared sizes.
struct Part {
    name: String,
    method: u16,
    data: Vec<u8>,
    crc: u32,
    size: u32,
}

impl Part {
    fn stored(name: &str, data: Vec<u8>) -> Part {
        Part {
            name: name.to_owned(),
            method: 0,
            crc: crc32(&data),
            size: data.len() as u32,
            data,
        }
    }
}

fn zip_bytes(parts: &[Part]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for p in parts {
        let offset = out.len() as u32;
        let header = |sig: u32, central: bool| {
            let mut h = Vec::new();
            h.extend(sig.to_le_bytes());
            if central {
                h.extend(20u16.to_le_bytes());
            }
            h.extend(20u16.to_le_bytes());
            h.extend(0u16.to_le_bytes());
            h.extend(p.method.to_le_bytes());
            h.extend([0u8; 4]);
            h.extend(p.crc.to_le_bytes());
            h.extend((p.data.len() as u32).to_le_bytes());
            h.extend(p.size.to_le_bytes());
            h.extend((p.name.len() as u16).to_le_bytes());
            h.extend(0u16.to_le_bytes());
            if central {
                // Comment length, disk, internal and external attributes.
                h.extend([0u8; 10]);
                h.extend(offset.to_le_bytes());
            }
            h.extend(p.name.as_bytes());
            h
        };
        out.extend(header(0x0403_4b50, false));
        out.extend(&p.data);
        central.extend(header(0x0201_4b50, true));
    }
    let (cd_offset, cd_len) = (out.len() as u32, central.len() as u32);
    out.extend(central);
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend([0u8; 4]);
    out.extend((parts.len() as u16).to_le_bytes());
    out.extend((parts.len() as u16).to_le_bytes());
    out.extend(cd_len.to_le_bytes());
    out.extend(cd_offset.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

/// Raw deflate data that unpacks to `n` spaces: one literal, then matches of 258 bytes at
/// distance 1 in a fixed-Huffman block (13 bits each), so gigabytes take megabytes.
fn deflated_spaces(n: u64) -> Vec<u8> {
    struct Bits {
        out: Vec<u8>,
        acc: u64,
        len: u32,
    }
    impl Bits {
        fn put(&mut self, value: u64, n: u32) {
            self.acc |= value << self.len;
            self.len += n;
            while self.len >= 8 {
                self.out.push(self.acc as u8);
                self.acc >>= 8;
                self.len -= 8;
            }
        }
        /// A Huffman code, most significant bit first.
        fn code(&mut self, code: u64, n: u32) {
            let rev = (0..n).fold(0, |r, i| (r << 1) | ((code >> i) & 1));
            self.put(rev, n);
        }
    }
    let mut b = Bits {
        out: Vec::with_capacity((n / 258 * 13 / 8) as usize + 16),
        acc: 0,
        len: 0,
    };
    b.put(1, 1); // last block
    b.put(1, 2); // fixed Huffman
    b.code(0x30 + u64::from(b' '), 8);
    let mut left = n - 1;
    while left >= 258 {
        b.code(0b1100_0101, 8); // length 258
        b.code(0, 5); // distance 1
        left -= 258;
    }
    for _ in 0..left {
        b.code(0x30 + u64::from(b' '), 8);
    }
    b.code(0, 7); // end of block
    b.put(0, 7);
    b.out
}

/// The parts of a small real workbook (the example's sheets), with `edit` applied to each
/// part's text.
fn workbook_parts(edit: impl Fn(&str, String) -> String) -> Vec<Part> {
    let bytes = xlsx::to_bytes(&tables(Some(&example_data())).unwrap()).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let name = f.name().unwrap().into_owned();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            let data = match String::from_utf8(data) {
                Ok(text) => edit(&name, text).into_bytes(),
                Err(e) => e.into_bytes(),
            };
            Part::stored(&name, data)
        })
        .collect()
}

/// Runs the import of a hostile workbook under a 3 GB address-space limit; returns exit code,
/// output and time.
fn import_limited(wb: &Path, tmp: &Path) -> (i32, String, Duration) {
    let data = tmp.join("data");
    copy_example(&data);
    let start = Instant::now();
    // Where GNU time is there, it reports the peak memory (for the record, not asserted).
    let time = Path::new("/usr/bin/time");
    let mut cmd = if time.exists() {
        let mut c = Command::new(time);
        c.args(["-f", "peak memory: %M KiB", "prlimit"]);
        c
    } else {
        Command::new("prlimit")
    };
    let (code, out) = run(cmd
        .arg("--as=3221225472")
        .arg("--")
        .arg(env!("CARGO_BIN_EXE_wegmarke-daten"))
        .arg("import")
        .arg(wb)
        .arg("-o")
        .arg(&data)
        .arg("--backup-dir")
        .arg(tmp.join("b")));
    let took = start.elapsed();
    assert_eq!(bytes_of(&data), bytes_of(&example_dir()), "nothing written");
    (code, out, took)
}

fn prlimit_available() -> bool {
    Command::new("prlimit").arg("--version").output().is_ok()
}

fn assert_refused(name: &str, wb: &Path, tmp: &Path, expected: &str) {
    let (code, out, took) = import_limited(wb, tmp);
    assert_eq!(code, 2, "{name}: {out}");
    assert!(out.contains(expected), "{name}: {out}");
    assert!(!out.contains("panicked"), "{name}: {out}");
    assert!(took < Duration::from_secs(8), "{name} took {took:?}");
    let said: Vec<&str> = out
        .lines()
        .filter(|l| l.contains("FEHLER") || l.starts_with("peak memory"))
        .collect();
    eprintln!("{name}: refused in {took:?}: {said:?}");
}

#[test]
fn hostile_workbooks_are_refused_within_3_gb_and_seconds() {
    if !prlimit_available() {
        eprintln!("prlimit is missing; hostile workbook test skipped");
        return;
    }
    let tmp = tempdir("hostile");

    // A sheet that declares 2 GiB unpacked: refused by the ZIP directory alone.
    let mut parts = workbook_parts(|_, t| t);
    let bomb = deflated_spaces(2 << 30);
    let sheet = parts
        .iter_mut()
        .find(|p| p.name.starts_with("xl/worksheets/sheet"))
        .unwrap();
    sheet.method = 8;
    sheet.size = 2 << 30;
    sheet.crc = 0;
    sheet.data = bomb.clone();
    let wb = tmp.join("bombe.xlsx");
    std::fs::write(&wb, zip_bytes(&parts)).unwrap();
    assert_refused("zip bomb", &wb, &tmp, "würde entpackt 2048 MiB groß");

    // The same part declaring only 10 kB: caught while unpacking.
    let sheet = parts
        .iter_mut()
        .find(|p| p.name.starts_with("xl/worksheets/sheet"))
        .unwrap();
    sheet.size = 10_000;
    let wb = tmp.join("bombe-gelogen.xlsx");
    std::fs::write(&wb, zip_bytes(&parts)).unwrap();
    let (code, out, took) = import_limited(&wb, &tmp);
    assert_eq!(code, 2, "lying zip bomb: {out}");
    assert!(!out.contains("panicked"), "{out}");
    assert!(
        took < Duration::from_secs(8),
        "lying zip bomb took {took:?}"
    );
    let said: Vec<&str> = out
        .lines()
        .filter(|l| l.contains("FEHLER") || l.starts_with("peak memory"))
        .collect();
    eprintln!("lying zip bomb: refused in {took:?}: {said:?}");

    // Every sheet declares every cell there is.
    let parts = workbook_parts(|name, t| {
        if !name.starts_with("xl/worksheets/") {
            return t;
        }
        let Some(start) = t.find("<dimension ref=\"") else {
            return t;
        };
        let end = start + t[start..].find("/>").unwrap() + 2;
        format!(
            "{}<dimension ref=\"A1:XFD1048576\"/>{}",
            &t[..start],
            &t[end..]
        )
    });
    let wb = tmp.join("dimension.xlsx");
    std::fs::write(&wb, zip_bytes(&parts)).unwrap();
    assert_refused("dimension", &wb, &tmp, "zu groß");

    // A shared-string table that declares four billion entries.
    let parts = workbook_parts(|name, t| {
        if name != "xl/sharedStrings.xml" {
            return t;
        }
        let start = t.find("uniqueCount=\"").unwrap() + 13;
        let end = start + t[start..].find('"').unwrap();
        format!("{}4000000000{}", &t[..start], &t[end..])
    });
    let wb = tmp.join("sst.xlsx");
    std::fs::write(&wb, zip_bytes(&parts)).unwrap();
    assert_refused("declared shared strings", &wb, &tmp, "Tabelle der Texte");

    // A shared-string table that holds 1.1 million entries.
    let parts = workbook_parts(|name, t| {
        if name != "xl/sharedStrings.xml" {
            return t;
        }
        let start = t.find("</sst>").unwrap();
        format!(
            "{}{}</sst>",
            &t[..start],
            "<si><t>x</t></si>".repeat(1_100_000)
        )
    });
    let wb = tmp.join("sst-voll.xlsx");
    std::fs::write(&wb, zip_bytes(&parts)).unwrap();
    assert_refused("many shared strings", &wb, &tmp, "Tabelle der Texte");

    // One 30 kB text referenced by 100,000 cells (3 GB of text once copied into cells).
    let long = "x".repeat(30_000);
    let rows: String = (1..=100_000)
        .map(|r| format!("<row r=\"{r}\"><c r=\"A{r}\" t=\"s\"><v>0</v></c></row>"))
        .collect();
    let parts = workbook_parts(|name, t| {
        if name == "xl/sharedStrings.xml" {
            let start = t.find("<si>").unwrap();
            return format!("{}<si><t>{long}</t></si>{}", &t[..start], &t[start..]);
        }
        if name.starts_with("xl/worksheets/sheet") {
            if let (Some(a), Some(b)) = (t.find("<sheetData>"), t.find("</sheetData>")) {
                return format!("{}<sheetData>{rows}{}", &t[..a], &t[b..]);
            }
        }
        t
    });
    let wb = tmp.join("text.xlsx");
    std::fs::write(&wb, zip_bytes(&parts)).unwrap();
    assert_refused("shared text amplification", &wb, &tmp, "MiB Text");
}

#[test]
fn hidden_rows_are_imported_with_a_note_per_sheet() {
    let tmp = tempdir("hidden");
    let (data, backups) = (tmp.join("data"), tmp.join("b"));
    copy_example(&data);
    let parts = workbook_parts(|name, t| {
        if name.starts_with("xl/worksheets/") {
            t.replace("<row r=\"3\"", "<row hidden=\"1\" r=\"3\"")
                .replace("<row r=\"4\"", "<row r=\"4\" hidden=\"1\"")
        } else {
            t
        }
    });
    let wb = tmp.join("versteckt.xlsx");
    std::fs::write(&wb, zip_bytes(&parts)).unwrap();
    let (code, out) = run(&mut import(&wb, &data, &backups));
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("Zeilen 3, 4 sind ausgeblendet – sie werden trotzdem übernommen"),
        "{out}"
    );
    assert!(out.contains("ℹ Maßnahmen"), "one note per sheet: {out}");
    assert_eq!(
        bytes_of(&data),
        bytes_of(&example_dir()),
        "the rows are kept"
    );
}
