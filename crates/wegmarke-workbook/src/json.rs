//! The canonical JSON text of a data file, one writer for the staff tool and the Datenwerkstatt
//! page, so both publish the same bytes for the same data.
//!
//! Canonical means: serde_json's pretty form of the typed file (two spaces, fields in the order
//! the contract types declare them, unknown fields sorted), a final newline, and numbers as a
//! person writes them: the contract keeps numbers as `f64`, but a whole number is printed as
//! `55`, never `55.0`. Other numbers keep their shortest exact digits (`0.1`, `1e+300`), so
//! every number reads back as exactly the same value.

use std::io;

use serde::Serialize;

/// Whole numbers up to 2^53 are printed without a fraction: every integer of that size is an
/// exact `f64`, so `55` reads back as `55.0`. Larger ones keep serde_json's form (`1e+300`).
const EXACT_INTEGER: f64 = 9_007_199_254_740_992.0;

/// serde_json's pretty printer with whole numbers written as integers.
struct Canonical<'a>(serde_json::ser::PrettyFormatter<'a>);

/// The digits of a whole `f64` as an integer, when it is one (not `-0.0`, which keeps its sign
/// only in the `-0.0` form).
fn integral(value: f64) -> Option<i64> {
    let whole = value.is_finite() && value.fract() == 0.0 && value.abs() <= EXACT_INTEGER;
    let negative_zero = value == 0.0 && value.is_sign_negative();
    (whole && !negative_zero).then_some(value as i64)
}

impl serde_json::ser::Formatter for Canonical<'_> {
    fn write_f64<W: ?Sized + io::Write>(&mut self, w: &mut W, value: f64) -> io::Result<()> {
        match integral(value) {
            Some(i) => self.0.write_i64(w, i),
            None => self.0.write_f64(w, value),
        }
    }

    fn write_f32<W: ?Sized + io::Write>(&mut self, w: &mut W, value: f32) -> io::Result<()> {
        self.write_f64(w, f64::from(value))
    }

    // Everything else exactly as the pretty printer does it.
    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// The canonical JSON text of a data file (see the module doc), with a final newline.
pub fn canonical<T: Serialize + ?Sized>(file: &T) -> String {
    let mut out = Vec::with_capacity(4096);
    let mut ser = serde_json::Serializer::with_formatter(&mut out, Canonical(Default::default()));
    // Serializing the contract types cannot fail: their maps have string keys.
    if file.serialize(&mut ser).is_err() {
        out.clear();
    }
    let mut s = String::from_utf8(out).unwrap_or_default();
    s.push('\n');
    s
}

/// Whether `existing` (a file's current bytes) holds exactly the data of `new`: then the file
/// is left as it is, byte for byte, even where it is not in canonical form, so an import
/// changes only what a person changed. A file with a byte-order mark is not left as it is: the
/// app reports the mark, and rewriting the file removes it.
pub fn same_data<T>(existing: &[u8], new: &T) -> bool
where
    T: serde::de::DeserializeOwned + PartialEq,
{
    !existing.starts_with(b"\xEF\xBB\xBF")
        && serde_json::from_slice::<T>(existing).is_ok_and(|old| old == *new)
}

/// The text to publish for a data file: `existing` itself when it holds exactly the data of
/// `new` ([`same_data`]), otherwise the [`canonical`] text of `new`. The staff tool and the
/// Datenwerkstatt write files through this.
pub fn file_text<T>(new: &T, existing: Option<&[u8]>) -> String
where
    T: Serialize + serde::de::DeserializeOwned + PartialEq,
{
    match existing.map(|old| (std::str::from_utf8(old), old)) {
        Some((Ok(text), old)) if same_data(old, new) => text.to_owned(),
        _ => canonical(new),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn whole_numbers_are_written_as_integers() {
        let v = json!({"a": 55.0, "b": 0.1, "c": -3.0, "d": 1e300, "e": 1.5, "f": 7});
        let text = canonical(&v);
        assert!(text.contains("\"a\": 55,"), "{text}");
        assert!(text.contains("\"b\": 0.1,"), "{text}");
        assert!(text.contains("\"c\": -3,"), "{text}");
        assert!(text.contains("\"d\": 1e+300,"), "{text}");
        assert!(text.contains("\"e\": 1.5,"), "{text}");
        assert!(text.ends_with("}\n"));
    }

    #[test]
    fn every_number_reads_back_as_the_same_value() {
        for x in [
            0.0_f64,
            -0.0,
            55.0,
            0.1,
            1.0 / 3.0,
            1e300,
            5e-324,
            9.007_199_254_740_992e15,
            2e16,
        ] {
            let text = canonical(&[x]);
            let back: Vec<f64> = serde_json::from_str(&text).unwrap();
            assert_eq!(back[0].to_bits(), x.to_bits(), "{x} -> {text}");
        }
    }

    #[test]
    fn layout_is_serde_jsons_pretty_form() {
        let v = json!({"a": [1, {"b": "x"}], "c": {}, "d": []});
        assert_eq!(
            canonical(&v),
            format!("{}\n", serde_json::to_string_pretty(&v).unwrap())
        );
    }

    #[test]
    fn same_data_ignores_formatting_but_not_content() {
        #[derive(serde::Deserialize, PartialEq)]
        struct P {
            progress: f64,
        }
        assert!(same_data(b"{\"progress\": 55}", &P { progress: 55.0 }));
        assert!(same_data(b"{\"progress\":55.0}", &P { progress: 55.0 }));
        assert!(!same_data(
            b"\xEF\xBB\xBF{\"progress\":55.0}",
            &P { progress: 55.0 }
        ));
        assert!(!same_data(b"{\"progress\": 56}", &P { progress: 55.0 }));
        assert!(!same_data(b"{\"progress\": ", &P { progress: 55.0 }));
    }
}
