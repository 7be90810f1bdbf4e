//! The dashboard's addresses for a page, as the app's router reads them: `#/massnahme/M-1.2`.
//! The app's links, the feeds, the calendar and the open-data record all take them from here.

/// Percent-encodes everything but unreserved characters (ids are plain already; anything else
/// stays one path segment).
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The overview.
pub const OVERVIEW: &str = "#/";
/// The changes since the last council report.
pub const CHANGES: &str = "#/aenderungen";
/// The printable report.
pub const REPORT: &str = "#/bericht";
/// The data page (downloads, feeds, open data).
pub const DATA: &str = "#/daten";

/// A field of action's page.
pub fn field(id: &str) -> String {
    format!("#/handlungsfeld/{}", encode(id))
}

/// A measure's page.
pub fn measure(id: &str) -> String {
    format!("#/massnahme/{}", encode(id))
}

/// An indicator's page.
pub fn indicator(id: &str) -> String {
    format!("#/indikator/{}", encode(id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_stay_one_segment() {
        assert_eq!(measure("M-1.2"), "#/massnahme/M-1.2");
        assert_eq!(field("a b/ü"), "#/handlungsfeld/a%20b%2F%C3%BC");
        assert_eq!(indicator("I_x~1"), "#/indikator/I_x~1");
    }
}
