//! Hash routing: every page lives at `index.html#/…`, so permalinks work on any static web
//! server, under any sub-path, without rewrite rules; back and forward are the browser's own.
//! The language stays in the real query (`?lang=en`), which hash links keep automatically.

pub use wegmarke_core::permalink::{self, encode};

/// A page of the dashboard.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Overview,
    Field(String),
    Measures,
    Measure(String),
    /// The site search over every kind of entry (`#/suche?q=…`).
    Search,
    Indicators,
    Indicator(String),
    Actors,
    Actor(String),
    Method,
    /// The data situation of every indicator (`#/datenlage`).
    Coverage,
    Accessibility,
    EasyLanguage,
    SignLanguage,
    Data,
    Changes,
    Report,
    /// The Datenwerkstatt: staff check, preview and download new data in the browser.
    Workshop,
    /// A chromeless view for the city website.
    Embed(Embed),
    NotFound(String),
}

/// What an embed shows (`#/embed/kennzahlen`, `#/embed/handlungsfeld/<id>`, …).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Embed {
    KeyFigures,
    Field(String),
    Measure(String),
    Indicator(String),
}

/// The WebAssembly part a page's code lives in (`src/parts.rs`); the overview and the
/// not-found page live in the main module. `src/route-parts.json` holds the same mapping for
/// the build, and a test below keeps the two in step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// Every page but the overview, the explorer, the search and the council pages.
    Pages,
    /// The measures explorer.
    Explorer,
    /// The site search: its page, and the index the overview's search field warms.
    Search,
    /// The changes page and the printable report.
    Council,
    /// The Datenwerkstatt's page (for staff; it shows the changes as the council pages do, from
    /// a chunk they share). Its spreadsheet tools are a part of their own again, fetched by the
    /// page on demand (`src/pages/workshop.rs`).
    Workshop,
    /// An indicator's page and embed: the heading and rating. The chart, whose options charming
    /// builds, and the details are a part of their own, fetched once the heading is painted
    /// (`src/pages/indicators.rs`).
    Indicator,
}

impl Part {
    /// The part's name, as in `src/parts.rs` and `src/route-parts.json`.
    pub fn as_str(self) -> &'static str {
        match self {
            Part::Pages => "pages",
            Part::Explorer => "explorer",
            Part::Search => "search",
            Part::Council => "council",
            Part::Workshop => "workshop",
            Part::Indicator => "indicator",
        }
    }
}

/// A parsed location hash: the page and its query parameters (filters).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    pub route: Route,
    pub query: Vec<(String, String)>,
}

impl Location {
    /// Parses `#/massnahme/M-1.2?x=y` (with or without the leading `#`).
    pub fn parse(hash: &str) -> Location {
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        let (path, query) = hash.split_once('?').unwrap_or((hash, ""));
        let parts: Vec<String> = path
            .split('/')
            .filter(|s| !s.is_empty())
            .map(decode)
            .collect();
        let route = match parts
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .as_slice()
        {
            [] => Route::Overview,
            ["handlungsfeld", id] => Route::Field(id.to_string()),
            ["massnahmen"] => Route::Measures,
            ["massnahme", id] => Route::Measure(id.to_string()),
            ["suche"] => Route::Search,
            ["indikatoren"] => Route::Indicators,
            ["indikator", id] => Route::Indicator(id.to_string()),
            ["akteure"] => Route::Actors,
            ["akteur", id] => Route::Actor(id.to_string()),
            ["methodik"] => Route::Method,
            ["datenlage"] => Route::Coverage,
            ["barrierefreiheit"] => Route::Accessibility,
            ["leichte-sprache"] => Route::EasyLanguage,
            ["gebaerdensprache"] => Route::SignLanguage,
            ["daten"] => Route::Data,
            ["datenwerkstatt"] => Route::Workshop,
            ["aenderungen"] => Route::Changes,
            ["bericht"] => Route::Report,
            ["embed", "kennzahlen"] => Route::Embed(Embed::KeyFigures),
            ["embed", "handlungsfeld", id] => Route::Embed(Embed::Field(id.to_string())),
            ["embed", "massnahme", id] => Route::Embed(Embed::Measure(id.to_string())),
            ["embed", "indikator", id] => Route::Embed(Embed::Indicator(id.to_string())),
            _ => Route::NotFound(path.to_owned()),
        };
        let query = query
            .split('&')
            .filter(|s| !s.is_empty())
            .map(|kv| {
                let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
                (decode(k), decode(v))
            })
            .collect();
        Location { route, query }
    }

    /// The first value of a query parameter.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

impl Location {
    /// The hash for this page with the given query parameters (empty values left out).
    pub fn href_with(route: &Route, query: &[(&str, String)]) -> String {
        let q: Vec<String> = query
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
            .collect();
        if q.is_empty() {
            route.href()
        } else {
            format!("{}?{}", route.href(), q.join("&"))
        }
    }

    /// All values of a repeated query parameter.
    pub fn params(&self, name: &str) -> Vec<&str> {
        self.query
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }
}

impl Route {
    /// The hash link to this page, e.g. `#/massnahme/M-1.2`.
    pub fn href(&self) -> String {
        match self {
            Route::Overview => permalink::OVERVIEW.to_owned(),
            Route::Field(id) => permalink::field(id),
            Route::Measures => "#/massnahmen".to_owned(),
            Route::Measure(id) => permalink::measure(id),
            Route::Search => "#/suche".to_owned(),
            Route::Indicators => "#/indikatoren".to_owned(),
            Route::Indicator(id) => permalink::indicator(id),
            Route::Actors => "#/akteure".to_owned(),
            Route::Actor(id) => format!("#/akteur/{}", encode(id)),
            Route::Method => "#/methodik".to_owned(),
            Route::Coverage => "#/datenlage".to_owned(),
            Route::Accessibility => "#/barrierefreiheit".to_owned(),
            Route::EasyLanguage => "#/leichte-sprache".to_owned(),
            Route::SignLanguage => "#/gebaerdensprache".to_owned(),
            Route::Data => permalink::DATA.to_owned(),
            Route::Workshop => "#/datenwerkstatt".to_owned(),
            Route::Changes => permalink::CHANGES.to_owned(),
            Route::Report => permalink::REPORT.to_owned(),
            Route::Embed(Embed::KeyFigures) => "#/embed/kennzahlen".to_owned(),
            Route::Embed(Embed::Field(id)) => format!("#/embed/handlungsfeld/{}", encode(id)),
            Route::Embed(Embed::Measure(id)) => format!("#/embed/massnahme/{}", encode(id)),
            Route::Embed(Embed::Indicator(id)) => format!("#/embed/indikator/{}", encode(id)),
            Route::NotFound(p) => format!("#{p}"),
        }
    }

    /// The part this page's code lives in; `None` for the main module's pages.
    pub fn part(&self) -> Option<Part> {
        match self {
            Route::Overview | Route::NotFound(_) => None,
            Route::Measures => Some(Part::Explorer),
            Route::Search => Some(Part::Search),
            Route::Changes | Route::Report => Some(Part::Council),
            Route::Workshop => Some(Part::Workshop),
            Route::Indicator(_) | Route::Embed(Embed::Indicator(_)) => Some(Part::Indicator),
            Route::Field(_)
            | Route::Measure(_)
            | Route::Indicators
            | Route::Actors
            | Route::Actor(_)
            | Route::Method
            | Route::Coverage
            | Route::Accessibility
            | Route::EasyLanguage
            | Route::SignLanguage
            | Route::Data
            | Route::Embed(_) => Some(Part::Pages),
        }
    }
}

/// Decodes percent-encoding (and `+` as space); invalid sequences stay as they are.
pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = bytes
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(v) => {
                        out.push(v);
                        i += 3;
                        continue;
                    }
                    None => out.push(b'%'),
                }
            }
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_page() {
        let r = |h| Location::parse(h).route;
        assert_eq!(r(""), Route::Overview);
        assert_eq!(r("#/"), Route::Overview);
        assert_eq!(r("#/handlungsfeld/sprache"), Route::Field("sprache".into()));
        assert_eq!(r("#/massnahmen?status=delayed"), Route::Measures);
        assert_eq!(r("#/massnahme/M-1.2"), Route::Measure("M-1.2".into()));
        assert_eq!(r("#/suche?q=kurs"), Route::Search);
        assert_eq!(r("#/indikatoren"), Route::Indicators);
        assert_eq!(r("#/indikator/I-alq"), Route::Indicator("I-alq".into()));
        assert_eq!(r("#/akteure"), Route::Actors);
        assert_eq!(r("#/akteur/vhs"), Route::Actor("vhs".into()));
        assert_eq!(r("#/methodik"), Route::Method);
        assert_eq!(r("#/datenlage"), Route::Coverage);
        assert_eq!(r("#/gibtsnicht/1"), Route::NotFound("/gibtsnicht/1".into()));
    }

    #[test]
    fn links_with_query_round_trip() {
        let href = Location::href_with(
            &Route::Measures,
            &[
                ("q", "türkisch kurs".into()),
                ("status", "delayed".into()),
                ("status", "paused".into()),
                ("lead", String::new()),
            ],
        );
        assert_eq!(
            href,
            "#/massnahmen?q=t%C3%BCrkisch%20kurs&status=delayed&status=paused"
        );
        let l = Location::parse(&href);
        assert_eq!(l.param("q"), Some("türkisch kurs"));
        assert_eq!(l.params("status"), ["delayed", "paused"]);
    }

    #[test]
    fn query_parameters_are_decoded() {
        let l = Location::parse("#/massnahmen?q=t%C3%BCrkisch+kurs&status=delayed&status=paused");
        assert_eq!(l.param("q"), Some("türkisch kurs"));
        assert_eq!(l.param("status"), Some("delayed"));
        assert_eq!(l.query.len(), 3);
        assert_eq!(decode("%zz%"), "%zz%");
    }
}
