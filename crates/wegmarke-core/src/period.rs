//! Periods ("2023", "2023-H1", "2023-Q2", "2023-06", "2023-06-30") and dates (the year, month and
//! day forms only). Both parse strictly and print back exactly what they parsed.

use std::cmp::Ordering;
use std::fmt;

use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

/// Prefix of the serde error text a bad period or date produces, so that validation can turn it
/// into a located, translated problem instead of a raw serde message.
pub(crate) const PERIOD_ERROR_TAG: &str = "wegmarke:period:";
pub(crate) const DATE_ERROR_TAG: &str = "wegmarke:date:";

/// Which part of a year a period covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Span {
    Year,
    Half(u8),
    Quarter(u8),
    Month(u8),
    Day(u8, u8),
}

/// A reporting period, from a whole year down to one day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Period {
    pub year: i32,
    pub span: Span,
}

/// A calendar date; where only the month or the year is known, a coarser one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Date(Period);

/// Days in a month, with leap years.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

fn digits(s: &str, len: usize) -> Option<u32> {
    if s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

impl Period {
    /// Parses one of the five period forms; anything else (including 2023-02-30) is `None`.
    pub fn parse(s: &str) -> Option<Period> {
        let year = digits(s.get(..4)?, 4)? as i32;
        let rest = &s[4..];
        let span = if rest.is_empty() {
            Span::Year
        } else {
            let rest = rest.strip_prefix('-')?;
            match rest.as_bytes() {
                [b'H', h @ (b'1' | b'2')] => Span::Half(h - b'0'),
                [b'Q', q @ b'1'..=b'4'] => Span::Quarter(q - b'0'),
                _ => {
                    let month = digits(rest.get(..2)?, 2)? as u8;
                    if !(1..=12).contains(&month) {
                        return None;
                    }
                    let after = &rest[2..];
                    if after.is_empty() {
                        Span::Month(month)
                    } else {
                        let day = digits(after.strip_prefix('-')?, 2)? as u8;
                        if day == 0 || day > days_in_month(year, month) {
                            return None;
                        }
                        Span::Day(month, day)
                    }
                }
            }
        };
        Some(Period { year, span })
    }

    /// First (month, day) covered.
    fn first_day(&self) -> (u8, u8) {
        match self.span {
            Span::Year => (1, 1),
            Span::Half(h) => (1 + (h - 1) * 6, 1),
            Span::Quarter(q) => (1 + (q - 1) * 3, 1),
            Span::Month(m) => (m, 1),
            Span::Day(m, d) => (m, d),
        }
    }

    /// Last (month, day) covered.
    fn last_day(&self) -> (u8, u8) {
        let month = match self.span {
            Span::Year => 12,
            Span::Half(h) => h * 6,
            Span::Quarter(q) => q * 3,
            Span::Month(m) => m,
            Span::Day(m, d) => return (m, d),
        };
        (month, days_in_month(self.year, month))
    }

    /// The first day of the period as (year, month, day), for ordering.
    pub fn start(&self) -> (i32, u8, u8) {
        let (m, d) = self.first_day();
        (self.year, m, d)
    }

    /// The last day of the period as (year, month, day).
    pub fn end(&self) -> (i32, u8, u8) {
        let (m, d) = self.last_day();
        (self.year, m, d)
    }

    /// The middle of the period as a decimal year (2023 -> 2023.5), used to measure time between
    /// observations in the indicator rating.
    pub fn midpoint(&self) -> f64 {
        let days_in_year: u32 = (1..=12).map(|m| days_in_month(self.year, m) as u32).sum();
        let day_of_year = |(m, d): (u8, u8)| -> u32 {
            (1..m)
                .map(|mm| days_in_month(self.year, mm) as u32)
                .sum::<u32>()
                + d as u32
        };
        let first = (day_of_year(self.first_day()) - 1) as f64;
        let last = day_of_year(self.last_day()) as f64;
        self.year as f64 + (first + last) / 2.0 / days_in_year as f64
    }

    /// The period's month, if it names one (for dates).
    pub fn month(&self) -> Option<u8> {
        match self.span {
            Span::Month(m) | Span::Day(m, _) => Some(m),
            _ => None,
        }
    }

    /// Compares by start day, then by end day, so that "2023" sorts before "2023-06".
    pub fn chronological(&self, other: &Period) -> Ordering {
        self.start()
            .cmp(&other.start())
            .then(self.end().cmp(&other.end()))
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        match self.span {
            Span::Year => Ok(()),
            Span::Half(h) => write!(f, "-H{h}"),
            Span::Quarter(q) => write!(f, "-Q{q}"),
            Span::Month(m) => write!(f, "-{m:02}"),
            Span::Day(m, d) => write!(f, "-{m:02}-{d:02}"),
        }
    }
}

impl Date {
    /// Parses "2023-06-30", "2023-06" or "2023"; half years and quarters are not dates.
    pub fn parse(s: &str) -> Option<Date> {
        Period::parse(s)
            .filter(|p| matches!(p.span, Span::Year | Span::Month(_) | Span::Day(..)))
            .map(Date)
    }

    /// The date as a period (a day, a month or a year).
    pub fn period(&self) -> &Period {
        &self.0
    }

    /// A full date from its parts, if it exists in the calendar.
    pub fn ymd(year: i32, month: u8, day: u8) -> Option<Date> {
        Date::parse(&format!("{year:04}-{month:02}-{day:02}"))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Period {
    fn cmp(&self, other: &Self) -> Ordering {
        self.chronological(other)
    }
}

impl PartialOrd for Date {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Date {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.cmp(&other.0)
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Period::parse(&s).ok_or_else(|| de::Error::custom(format!("{PERIOD_ERROR_TAG}{s}")))
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse(&s).ok_or_else(|| de::Error::custom(format!("{DATE_ERROR_TAG}{s}")))
    }
}

#[cfg(feature = "schema")]
mod schema {
    use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
    use std::borrow::Cow;

    impl JsonSchema for super::Period {
        fn schema_name() -> Cow<'static, str> {
            "Period".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "type": "string",
                "description": "A year (2023), half year (2023-H1), quarter (2023-Q2), month (2023-06) or day (2023-06-30).",
                "pattern": "^[0-9]{4}(-(H[12]|Q[1-4]|(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?))?$"
            })
        }
    }

    impl JsonSchema for super::Date {
        fn schema_name() -> Cow<'static, str> {
            "Date".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "type": "string",
                "description": "A date (2023-06-30); where only the month or year is known, 2023-06 or 2023.",
                "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_round_trips() {
        for s in [
            "2023",
            "2023-H1",
            "2023-H2",
            "2023-Q4",
            "2023-06",
            "2024-02-29",
            "2023-12-31",
        ] {
            let p = Period::parse(s).unwrap_or_else(|| panic!("{s} should parse"));
            assert_eq!(p.to_string(), s);
        }
    }

    #[test]
    fn impossible_and_malformed_periods_are_refused() {
        for s in [
            "",
            "23",
            "2023-",
            "2023-H3",
            "2023-Q0",
            "2023-Q5",
            "2023-13",
            "2023-00",
            "2023-6",
            "2023-02-29",
            "2023-02-30",
            "2023-04-31",
            "2023-06-00",
            "2023-06-1",
            "2023-06-30x",
            "２０２３",
            "2023/06",
            " 2023",
            "-2023",
        ] {
            assert_eq!(Period::parse(s), None, "{s:?} must be refused");
        }
    }

    #[test]
    fn dates_refuse_halves_and_quarters() {
        assert!(Date::parse("2023-06-30").is_some());
        assert!(Date::parse("2023-06").is_some());
        assert!(Date::parse("2023").is_some());
        assert!(Date::parse("2023-H1").is_none());
        assert!(Date::parse("2023-Q2").is_none());
    }

    #[test]
    fn ordering_is_chronological() {
        let p = |s| Period::parse(s).unwrap();
        assert!(p("2023") < p("2023-06"));
        assert!(p("2023-H1") < p("2023-Q3"));
        assert!(p("2023-12-31") < p("2024"));
        assert_eq!(p("2023-Q2").end(), (2023, 6, 30));
        assert_eq!(p("2024-H1").end(), (2024, 6, 30));
        assert_eq!(p("2024-02").end(), (2024, 2, 29));
    }

    #[test]
    fn midpoints_lie_inside_their_period() {
        let p = |s| Period::parse(s).unwrap();
        assert!((p("2023").midpoint() - 2023.5).abs() < 0.01);
        assert!(p("2023-H1").midpoint() < p("2023-H2").midpoint());
        assert!((p("2023-01-01").midpoint() - 2023.0).abs() < 0.01);
    }
}
