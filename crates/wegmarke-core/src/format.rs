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

/// Digits of `value` rounded to `places` decimals (half away from zero), without sign:
/// "1234.50" for (−1234.5, 2). Integer arithmetic only (no float formatting in the wasm app);
/// values beyond 10^38 lose their decimals and, past that, turn into "1.79e308"; infinity and
/// NaN are "inf" and "NaN", as Rust writes them.
pub fn fixed_digits(value: f64, places: u8) -> String {
    if value.is_nan() {
        return "NaN".to_owned();
    }
    if value.is_infinite() {
        return "inf".to_owned();
    }
    let places = places.min(9);
    let scaled = (value.abs() * 10f64.powi(places.into())).round();
    // u128 holds every integer below 3.4e38 exactly enough for display.
    if scaled >= 3.4e38 {
        return if places > 0 {
            fixed_digits(value, 0)
        } else {
            scientific(value.abs())
        };
    }
    let digits = (scaled as u128).to_string();
    let places = usize::from(places);
    if places == 0 {
        return digits;
    }
    let padded = format!("{digits:0>width$}", width = places + 1);
    let (int, frac) = padded.split_at(padded.len() - places);
    format!("{int}.{frac}")
}

/// [`fixed_digits`] with at most `places` decimals: trailing zeros and a bare point dropped.
fn fixed_digits_trimmed(value: f64, places: u8) -> String {
    let digits = fixed_digits(value, places);
    if digits.contains('.') {
        digits
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_owned()
    } else {
        digits
    }
}

/// Whether `value`, written as `digits`, takes a minus: not when it rounds to zero ("-0.0").
fn shows_minus(value: f64, digits: &str) -> bool {
    value < 0.0 && digits.bytes().any(|b| b != b'0' && b != b'.')
}

/// `value` rounded to `places` decimals with '.' and '-': "12.3", "-0.5" (SVG coordinates).
pub fn fixed(value: f64, places: u8) -> String {
    let digits = fixed_digits(value, places);
    if shows_minus(value, &digits) {
        format!("-{digits}")
    } else {
        digits
    }
}

/// A number in scientific notation with two decimals at most: "1.5e16", "-2e300".
pub fn scientific(value: f64) -> String {
    if !value.is_finite() || value == 0.0 {
        return fixed(value, 0);
    }
    let (mut mantissa, mut exponent) = (value.abs(), 0i32);
    while mantissa >= 10.0 {
        mantissa /= 10.0;
        exponent += 1;
    }
    while mantissa < 1.0 {
        mantissa *= 10.0;
        exponent -= 1;
    }
    let digits = fixed_digits_trimmed(mantissa, 2);
    let sign = if value < 0.0 { "-" } else { "" };
    format!("{sign}{digits}e{exponent}")
}

/// A number with the locale's separators, rounded to `decimals` (default: as needed, at most 2).
pub fn number(value: f64, decimals: Option<u8>, lang: &str) -> String {
    match decimals {
        Some(d) => number_at(value, d, false, lang),
        None => number_at(value, 2, true, lang),
    }
}

/// `value` with `places` decimals (trailing zeros dropped when `trim`), grouped per locale.
fn number_at(value: f64, places: u8, trim: bool, lang: &str) -> String {
    if !value.is_finite() {
        return "–".to_owned();
    }
    let (thousands, decimal) = Locale::from_tag(lang).separators();
    let raw = if trim {
        fixed_digits_trimmed(value, places)
    } else {
        fixed_digits(value, places)
    };
    let (int, frac) = raw.split_once('.').unwrap_or((&raw, ""));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push_str(thousands);
        }
        grouped.push(c);
    }
    let mut out = String::new();
    if shows_minus(value, &raw) {
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
    with_unit(number(value, decimals, lang), unit, lang)
}

/// A formatted number with its unit, placed as the locale writes it.
fn with_unit(n: String, unit: Option<&str>, lang: &str) -> String {
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

/// How many decimals beyond the indicator's own a correction may show to tell its values apart.
pub const CORRECTION_EXTRA_DECIMALS: u8 = 4;

/// A corrected value as readers see it, so that a correction never reads "3,8 % → 3,8 %".
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Correction {
    /// The value then and now, with the fewest decimals (the indicator's own, or up to
    /// [`CORRECTION_EXTRA_DECIMALS`] more) at which they differ.
    Differs { from: String, to: String },
    /// The values differ, but not even at [`CORRECTION_EXTRA_DECIMALS`] more decimals: a minor
    /// correction below the display precision; `value` is the value now as usually shown.
    BelowPrecision { value: String },
    /// The very same number (only its flag can have changed); `value` as usually shown.
    Same { value: String },
}

/// The rule for showing a corrected value `from` → `to` of an indicator with `decimals` display
/// decimals (`None`: up to two, trailing zeros dropped): show both at the display precision if
/// they differ there; else add one decimal at a time, up to [`CORRECTION_EXTRA_DECIMALS`] (and
/// never beyond nine), until they differ; else it is a correction below display precision.
pub fn correction(
    from: f64,
    to: f64,
    decimals: Option<u8>,
    unit: Option<&str>,
    lang: &str,
) -> Correction {
    let shown = || value_with_unit(to, decimals, unit, lang);
    if from == to || (from.is_nan() && to.is_nan()) {
        return Correction::Same { value: shown() };
    }
    let (base, trim) = match decimals {
        Some(d) => (d, false),
        None => (2, true),
    };
    let most = base
        .saturating_add(CORRECTION_EXTRA_DECIMALS)
        .min(9)
        .max(base);
    for places in base..=most {
        let (a, b) = (
            number_at(from, places, trim, lang),
            number_at(to, places, trim, lang),
        );
        if a != b {
            return Correction::Differs {
                from: with_unit(a, unit, lang),
                to: with_unit(b, unit, lang),
            };
        }
    }
    Correction::BelowPrecision { value: shown() }
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

/// A moment on the reader's clock (the browser knows the reader's time zone, the core does not).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Moment {
    pub year: u32,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
}

/// A moment as readers say it: "3. Dezember 2026, 17:45" (24 hours in every UI language; the
/// Arabic comma in Arabic). `None` for a day or a time that does not exist.
pub fn date_time(m: Moment, lang: &str) -> Option<String> {
    let d = Date::parse(&format!("{:04}-{:02}-{:02}", m.year, m.month, m.day))?;
    let comma = match Locale::from_tag(lang) {
        Locale::Ar => "،",
        _ => ",",
    };
    (m.hour < 24 && m.minute < 60)
        .then(|| format!("{}{comma} {:02}:{:02}", date(&d, lang), m.hour, m.minute))
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

    fn differs(from: &str, to: &str) -> Correction {
        Correction::Differs {
            from: from.to_owned(),
            to: to.to_owned(),
        }
    }

    #[test]
    fn a_correction_visible_at_display_precision_keeps_it() {
        assert_eq!(
            correction(10.5, 10.4, Some(1), Some("%"), "de"),
            differs("10,5\u{a0}%", "10,4\u{a0}%")
        );
        assert_eq!(
            correction(1200.0, 1250.0, Some(0), None, "en"),
            differs("1,200", "1,250")
        );
    }

    #[test]
    fn values_equal_after_rounding_get_the_decimals_that_tell_them_apart() {
        // 3,8 % → 3,8 % at one decimal; apart at two.
        assert_eq!(
            correction(3.81, 3.84, Some(1), Some("%"), "de"),
            differs("3,81\u{a0}%", "3,84\u{a0}%")
        );
        // Only the fourth extra decimal tells them apart.
        assert_eq!(
            correction(3.80001, 3.80004, Some(1), None, "de"),
            differs("3,80001", "3,80004")
        );
        // Whole numbers get decimals too.
        assert_eq!(
            correction(12.2, 11.9, Some(0), Some("Personen"), "de"),
            differs("12,2\u{a0}Personen", "11,9\u{a0}Personen")
        );
    }

    #[test]
    fn without_declared_decimals_trailing_zeros_stay_dropped() {
        // Shown as "3,8" both; with three decimals "3,8" and "3,801".
        assert_eq!(
            correction(3.8, 3.801, None, None, "de"),
            differs("3,8", "3,801")
        );
    }

    #[test]
    fn a_difference_beyond_four_more_decimals_is_a_minor_correction() {
        assert_eq!(
            correction(3.8, 3.800001, Some(1), Some("%"), "de"),
            Correction::BelowPrecision {
                value: "3,8\u{a0}%".to_owned()
            }
        );
        assert_eq!(
            correction(3.8, 3.8000004, None, None, "en"),
            Correction::BelowPrecision {
                value: "3.8".to_owned()
            }
        );
    }

    #[test]
    fn the_same_number_is_no_correction_of_the_value() {
        assert_eq!(
            correction(3.8, 3.8, Some(1), Some("%"), "en"),
            Correction::Same {
                value: "3.8%".to_owned()
            }
        );
    }

    #[test]
    fn negative_values_keep_their_minus_and_lose_it_only_at_zero() {
        assert_eq!(
            correction(-1.23, -1.21, Some(1), None, "de"),
            differs("−1,23", "−1,21")
        );
        // -0.04 shows as "0,0" at one decimal (no "−0,0"), then as "−0,04" next to "0,03".
        assert_eq!(
            correction(-0.04, 0.03, Some(1), None, "de"),
            differs("−0,04", "0,03")
        );
        assert_eq!(
            correction(-0.4, 0.4, Some(0), Some("%"), "en"),
            differs("−0.4%", "0.4%")
        );
    }

    #[test]
    fn corrections_use_the_readers_separators_and_unit_place() {
        assert_eq!(
            correction(1234.51, 1234.54, Some(1), None, "de"),
            differs("1.234,51", "1.234,54")
        );
        assert_eq!(
            correction(1234.51, 1234.54, Some(1), None, "en"),
            differs("1,234.51", "1,234.54")
        );
        assert_eq!(
            correction(3.81, 3.84, Some(1), Some("%"), "tr"),
            differs("%3,81", "%3,84")
        );
    }

    #[test]
    fn never_more_than_nine_decimals() {
        // Eight declared decimals: at most nine, where these still look alike.
        assert_eq!(
            correction(1.0, 1.0 + 1e-12, Some(8), None, "en"),
            Correction::BelowPrecision {
                value: "1.00000000".to_owned()
            }
        );
    }

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
    fn fixed_and_scientific() {
        assert_eq!(fixed(12.345, 1), "12.3");
        assert_eq!(fixed(-0.04, 1), "0.0");
        assert_eq!(fixed(-2.5, 0), "-3", "half away from zero");
        assert_eq!(fixed(0.125, 2), "0.13");
        assert_eq!(fixed(7.0, 3), "7.000");
        assert_eq!(fixed(0.001, 3), "0.001");
        assert_eq!(scientific(1.5e16), "1.5e16");
        assert_eq!(scientific(-2e300), "-2e300");
        assert_eq!(scientific(0.00123), "1.23e-3");
        assert_eq!(fixed(f64::MAX, 2), "1.8e308");
        assert_eq!(fixed(f64::INFINITY, 2), "inf");
        assert_eq!(fixed(f64::NEG_INFINITY, 0), "-inf");
        assert_eq!(scientific(f64::NAN), "NaN");
        assert_eq!(scientific(f64::NEG_INFINITY), "-inf");
    }

    proptest::proptest! {
        /// Where the standard library's formatting has no tie to round, both agree (within the
        /// 15 significant digits an f64 holds: |value| × 10^places below 2^53).
        #[test]
        fn fixed_agrees_with_std_formatting(value in -1e12f64..1e12, places in 0u8..4) {
            let scaled = value.abs() * 10f64.powi(places.into());
            proptest::prop_assume!((scaled.fract() - 0.5).abs() > 1e-6);
            let std = format!("{:.*}", usize::from(places), value);
            let std = if std.trim_start_matches('-').bytes().all(|b| b == b'0' || b == b'.') {
                std.trim_start_matches('-').to_owned()
            } else {
                std
            };
            proptest::prop_assert_eq!(fixed(value, places), std);
        }
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

    fn at(year: u32, month: u32, day: u32, hour: u32, minute: u32) -> Moment {
        Moment {
            year,
            month,
            day,
            hour,
            minute,
        }
    }

    #[test]
    fn a_moment_is_the_day_and_the_time_on_24_hours() {
        assert_eq!(
            date_time(at(2026, 12, 3, 17, 5), "de").as_deref(),
            Some("3. Dezember 2026, 17:05")
        );
        assert_eq!(
            date_time(at(2026, 12, 3, 0, 0), "en").as_deref(),
            Some("3 December 2026, 00:00")
        );
        assert_eq!(
            date_time(at(2026, 5, 12, 9, 30), "tr").as_deref(),
            Some("12 Mayıs 2026, 09:30")
        );
        assert!(
            date_time(at(2026, 5, 12, 9, 30), "ar").is_some_and(|s| s.ends_with(" 2026، 09:30"))
        );
    }

    #[test]
    fn a_moment_that_does_not_exist_is_none() {
        assert_eq!(date_time(at(2026, 2, 30, 12, 0), "de"), None);
        assert_eq!(date_time(at(2026, 13, 1, 12, 0), "de"), None);
        assert_eq!(date_time(at(2026, 1, 1, 24, 0), "de"), None);
        assert_eq!(date_time(at(2026, 1, 1, 12, 60), "de"), None);
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
