//! Number, date and period formatting per UI language: "10,2 %" and "31. Oktober 2026" in
//! German, "10.2%" and "31 October 2026" in English, and so on. Pure and locale-table driven,
//! so the wasm app needs no ICU data.

use crate::period::{Date, Period, Span};

/// A UI language's formatting conventions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Locale {
    De,
    En,
    Tr,
    Ar,
    Uk,
}

impl Locale {
    /// The locale for a language tag; unknown tags format like English.
    pub fn from_tag(tag: &str) -> Locale {
        match tag.split('-').next().unwrap_or("") {
            "de" => Locale::De,
            "tr" => Locale::Tr,
            "ar" => Locale::Ar,
            "uk" => Locale::Uk,
            _ => Locale::En,
        }
    }

    /// (thousands separator, decimal separator).
    fn separators(self) -> (&'static str, char) {
        match self {
            Locale::De | Locale::Tr => (".", ','),
            Locale::Uk => ("\u{a0}", ','),
            Locale::En | Locale::Ar => (",", '.'),
        }
    }

    /// Month names: (in a full date, standing alone).
    fn month(self, m: u8) -> (&'static str, &'static str) {
        let i = (m.clamp(1, 12) - 1) as usize;
        match self {
            Locale::De => {
                const N: [&str; 12] = [
                    "Januar",
                    "Februar",
                    "März",
                    "April",
                    "Mai",
                    "Juni",
                    "Juli",
                    "August",
                    "September",
                    "Oktober",
                    "November",
                    "Dezember",
                ];
                (N[i], N[i])
            }
            Locale::En => {
                const N: [&str; 12] = [
                    "January",
                    "February",
                    "March",
                    "April",
                    "May",
                    "June",
                    "July",
                    "August",
                    "September",
                    "October",
                    "November",
                    "December",
                ];
                (N[i], N[i])
            }
            Locale::Tr => {
                const N: [&str; 12] = [
                    "Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos",
                    "Eylül", "Ekim", "Kasım", "Aralık",
                ];
                (N[i], N[i])
            }
            Locale::Ar => {
                const N: [&str; 12] = [
                    "يناير",
                    "فبراير",
                    "مارس",
                    "أبريل",
                    "مايو",
                    "يونيو",
                    "يوليو",
                    "أغسطس",
                    "سبتمبر",
                    "أكتوبر",
                    "نوفمبر",
                    "ديسمبر",
                ];
                (N[i], N[i])
            }
            Locale::Uk => {
                const GEN: [&str; 12] = [
                    "січня",
                    "лютого",
                    "березня",
                    "квітня",
                    "травня",
                    "червня",
                    "липня",
                    "серпня",
                    "вересня",
                    "жовтня",
                    "листопада",
                    "грудня",
                ];
                const NOM: [&str; 12] = [
                    "січень",
                    "лютий",
                    "березень",
                    "квітень",
                    "травень",
                    "червень",
                    "липень",
                    "серпень",
                    "вересень",
                    "жовтень",
                    "листопад",
                    "грудень",
                ];
                (GEN[i], NOM[i])
            }
        }
    }
}

/// A number with the locale's separators, rounded to `decimals` (default: as needed, at most 2).
pub fn number(value: f64, decimals: Option<u8>, lang: &str) -> String {
    if !value.is_finite() {
        return "–".to_owned();
    }
    let (thousands, decimal) = Locale::from_tag(lang).separators();
    let raw = match decimals {
        Some(d) => format!("{:.*}", d as usize, value.abs()),
        None => {
            let s = format!("{:.2}", value.abs());
            s.trim_end_matches('0').trim_end_matches('.').to_owned()
        }
    };
    let (int, frac) = raw.split_once('.').unwrap_or((&raw, ""));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push_str(thousands);
        }
        grouped.push(c);
    }
    let negative =
        value < 0.0 && (int.bytes().any(|b| b != b'0') || frac.bytes().any(|b| b != b'0'));
    let mut out = String::new();
    if negative {
        out.push('−');
    }
    out.push_str(&grouped);
    if !frac.is_empty() {
        out.push(decimal);
        out.push_str(frac);
    }
    out
}

/// A value with its unit: "10,2 %" (de), "10.2%" (en), "%10,2" (tr), "1.234 Personen".
pub fn value_with_unit(value: f64, decimals: Option<u8>, unit: Option<&str>, lang: &str) -> String {
    let n = number(value, decimals, lang);
    match unit.map(str::trim).filter(|u| !u.is_empty()) {
        None => n,
        Some("%") => match Locale::from_tag(lang) {
            Locale::De | Locale::Uk => format!("{n}\u{a0}%"),
            Locale::Tr => format!("%{n}"),
            Locale::En | Locale::Ar => format!("{n}%"),
        },
        Some(u) => format!("{n}\u{a0}{u}"),
    }
}

/// A date: "31. Oktober 2026", "31 October 2026", "Oktober 2026", "2026".
pub fn date(d: &Date, lang: &str) -> String {
    let locale = Locale::from_tag(lang);
    let p = d.period();
    match p.span {
        Span::Day(m, day) => {
            let (name, _) = locale.month(m);
            match locale {
                Locale::De => format!("{day}. {name} {}", p.year),
                _ => format!("{day} {name} {}", p.year),
            }
        }
        Span::Month(m) => format!("{} {}", locale.month(m).1, p.year),
        _ => p.year.to_string(),
    }
}

/// A period as readers say it: "2023", "1. Halbjahr 2023", "Q2 2023", "Juni 2023".
pub fn period(p: &Period, lang: &str) -> String {
    let locale = Locale::from_tag(lang);
    let y = p.year;
    match p.span {
        Span::Year => y.to_string(),
        Span::Half(h) => match locale {
            Locale::De => format!("{h}. Halbjahr {y}"),
            Locale::Tr => format!("{y} {h}. yarıyıl"),
            Locale::Uk => format!("{h}-ше півріччя {y}"),
            Locale::En | Locale::Ar => format!("H{h} {y}"),
        },
        Span::Quarter(q) => match locale {
            Locale::De => format!("{q}. Quartal {y}"),
            Locale::Tr => format!("{y} {q}. çeyrek"),
            Locale::Uk => format!("{q}-й квартал {y}"),
            Locale::En | Locale::Ar => format!("Q{q} {y}"),
        },
        Span::Month(_) | Span::Day(..) => match Date::parse(&p.to_string()) {
            Some(d) => date(&d, lang),
            None => p.to_string(),
        },
    }
}

/// A percentage of progress, rounded to a whole number: "40 %" / "40%".
pub fn percent(value: f64, lang: &str) -> String {
    value_with_unit(value.round(), Some(0), Some("%"), lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_and_english_numbers() {
        assert_eq!(
            value_with_unit(10.2, Some(1), Some("%"), "de"),
            "10,2\u{a0}%"
        );
        assert_eq!(value_with_unit(10.2, Some(1), Some("%"), "en"), "10.2%");
        assert_eq!(value_with_unit(10.2, Some(1), Some("%"), "tr"), "%10,2");
        assert_eq!(number(1234567.891, Some(2), "de"), "1.234.567,89");
        assert_eq!(number(1234567.891, Some(2), "en"), "1,234,567.89");
        assert_eq!(number(2000.0, Some(0), "uk"), "2\u{a0}000");
        assert_eq!(number(-3.5, Some(1), "de"), "−3,5");
        assert_eq!(number(-0.01, Some(1), "de"), "0,0");
        assert_eq!(number(12.0, None, "de"), "12");
        assert_eq!(number(12.25, None, "de"), "12,25");
        assert_eq!(number(f64::NAN, None, "de"), "–");
        assert_eq!(
            value_with_unit(45000.0, Some(0), Some("EUR"), "de"),
            "45.000\u{a0}EUR"
        );
    }

    #[test]
    fn dates_per_language() {
        let d = Date::parse("2026-10-31").unwrap();
        assert_eq!(date(&d, "de"), "31. Oktober 2026");
        assert_eq!(date(&d, "en"), "31 October 2026");
        assert_eq!(date(&d, "tr"), "31 Ekim 2026");
        assert_eq!(date(&d, "uk"), "31 жовтня 2026");
        assert_eq!(date(&Date::parse("2026-03").unwrap(), "de"), "März 2026");
        assert_eq!(
            date(&Date::parse("2026-03").unwrap(), "uk"),
            "березень 2026"
        );
        assert_eq!(date(&Date::parse("2026").unwrap(), "en"), "2026");
    }

    #[test]
    fn periods_per_language() {
        let p = |s| Period::parse(s).unwrap();
        assert_eq!(period(&p("2023-H1"), "de"), "1. Halbjahr 2023");
        assert_eq!(period(&p("2023-Q2"), "en"), "Q2 2023");
        assert_eq!(period(&p("2023-06"), "de"), "Juni 2023");
        assert_eq!(period(&p("2023"), "ar"), "2023");
    }
}
