//! Translatable text: a plain string in the plan's default language, or a map from language tag
//! to string. Also the search folding that lets "turkisch" find "Türkisch".

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A text as the data contract defines it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Text {
    /// A string in the plan's default language.
    Plain(String),
    /// Language tag -> string, e.g. {"de": "Sprache", "en": "Language"}.
    Map(BTreeMap<String, String>),
}

/// A text resolved for one reader: the string and the language it is actually in, so the page can
/// mark fallback text with its own `lang` attribute (WCAG 3.1.2, language of parts).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Localized<'a> {
    pub text: &'a str,
    /// The language tag of `text`: the map's key it came from, or the plan's default language for
    /// a plain string (and for a map without any entry).
    pub lang: &'a str,
}

impl Text {
    /// The text in `lang`, else in `default`, else in any language present (the first by tag),
    /// with the language it is in.
    pub fn get<'a>(&'a self, lang: &str, default: &'a str) -> Localized<'a> {
        let (tag, text) = self.find(lang, default).unwrap_or((None, ""));
        Localized {
            text,
            lang: tag.unwrap_or(default),
        }
    }

    /// The text in `lang` with fallback, as a plain string.
    pub fn resolve<'a>(&'a self, lang: &str, default: &str) -> &'a str {
        self.find(lang, default).map_or("", |(_, text)| text)
    }

    /// The string [`get`](Self::get) shows and its map key (`None` for a plain string).
    fn find<'a>(&'a self, lang: &str, default: &str) -> Option<(Option<&'a str>, &'a str)> {
        match self {
            Text::Plain(s) => Some((None, s)),
            Text::Map(m) => m
                .get_key_value(lang)
                .or_else(|| m.get_key_value(default))
                .or_else(|| m.iter().next())
                .map(|(k, v)| (Some(k.as_str()), v.as_str())),
        }
    }

    /// Every string this text holds, in all languages.
    pub fn variants(&self) -> Vec<&str> {
        match self {
            Text::Plain(s) => vec![s],
            Text::Map(m) => m.values().map(String::as_str).collect(),
        }
    }

    /// Mutable access to every string, for truncating over-long texts in place.
    pub fn variants_mut(&mut self) -> Vec<&mut String> {
        match self {
            Text::Plain(s) => vec![s],
            Text::Map(m) => m.values_mut().collect(),
        }
    }

    /// Whether the text has no characters in any language.
    pub fn is_blank(&self) -> bool {
        self.variants().iter().all(|s| s.trim().is_empty())
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text::Plain(s.to_owned())
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Text::Plain(v) => s.serialize_str(v),
            Text::Map(m) => m.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a text (a string, or an object from language to string)")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text::Plain(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Text, E> {
                Ok(Text::Plain(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                let mut out = BTreeMap::new();
                while let Some((k, v)) = map.next_entry::<String, String>()? {
                    out.insert(k, v);
                }
                Ok(Text::Map(out))
            }
        }
        d.deserialize_any(TextVisitor)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Text {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Text".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A string in the plan's default language, or an object from language tag to string.",
            "oneOf": [
                {"type": "string"},
                {"type": "object", "additionalProperties": {"type": "string"}}
            ]
        })
    }
}

/// Escapes text for XML content and attribute values (SVG, Atom); drops the characters XML 1.0
/// cannot carry, so a data text can never break the document.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a string for search: lower case, without diacritics, ß as ss. "Türkisch" -> "turkisch".
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            'ß' => out.push_str("ss"),
            'æ' | 'Æ' => out.push_str("ae"),
            'œ' | 'Œ' => out.push_str("oe"),
            'ı' | 'İ' => out.push('i'),
            // Combining marks (U+0300–U+036F) carry only the accent.
            '\u{0300}'..='\u{036F}' => {}
            _ => {
                for l in c.to_lowercase() {
                    out.push(strip_accent(l));
                }
            }
        }
    }
    out
}

/// One word of a search query, folded, in the spellings it may stand for: as typed, and with
/// "ae", "oe" and "ue" read as "ä", "ö" and "ü" (a keyboard without umlauts, or a reader who
/// learnt that spelling: "tuerkisch" finds "Türkisch", "Goeppingen" finds "Göppingen"). The
/// typed spelling is always tried, so "aktuell" still finds "aktuell".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchWord {
    typed: String,
    umlauts: Option<String>,
}

impl SearchWord {
    /// Whether `text` (folded with [`fold`]) contains the word in one of its spellings.
    pub fn is_in(&self, text: &str) -> bool {
        text.contains(&self.typed) || self.umlauts.as_ref().is_some_and(|u| text.contains(u))
    }
}

/// The words of a search query (split at white space), folded.
pub fn search_words(query: &str) -> Vec<SearchWord> {
    fold(query)
        .split_whitespace()
        .map(|w| {
            let umlauts = w.replace("ae", "a").replace("oe", "o").replace("ue", "u");
            SearchWord {
                umlauts: (umlauts != w).then_some(umlauts),
                typed: w.to_owned(),
            }
        })
        .collect()
}

/// The base letter of a Latin letter with a diacritic; other characters unchanged.
fn strip_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ğ' | 'ĝ' | 'ġ' | 'ģ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' => 'i',
        'ł' | 'ľ' | 'ĺ' | 'ļ' => 'l',
        'ñ' | 'ń' | 'ň' | 'ņ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ř' | 'ŕ' => 'r',
        'ś' | 'š' | 'ş' | 'ș' => 's',
        'ť' | 'ţ' | 'ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        other => other,
    }
}

/// Zero-width and direction-changing characters: invisible, and able to make a value read
/// differently from what it is.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00ad}' | '\u{061c}' | '\u{180e}'
        | '\u{200b}'..='\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{feff}')
}

#[cfg(test)]
mod tests {

    #[test]
    fn markup_and_control_characters_cannot_break_xml() {
        assert_eq!(xml_escape("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&apos;");
        assert_eq!(xml_escape("x\u{1}y\u{FFFF}z\n"), "xyz\n");
        assert_eq!(xml_escape("Ü ü ✔"), "Ü ü ✔");
    }

    use super::*;

    #[test]
    fn search_words_read_ae_oe_ue_as_umlauts_and_keep_what_was_typed() {
        let matches = |q: &str, text: &str| search_words(q).iter().all(|w| w.is_in(&fold(text)));
        assert!(matches("tuerkisch", "Elterncafé auf Türkisch"));
        assert!(matches("Goeppingen", "Volkshochschule Göppingen"));
        assert!(matches("SPRACHFOERDERUNG", "Sprachförderung in Kitas"));
        assert!(matches("Kaese", "Käse"));
        // What was typed is always tried: "ue" that is not an umlaut still matches.
        assert!(matches("aktuell", "Aktuelle Zahlen"));
        assert!(matches("quelle", "Quelle: Statistik"));
        assert!(matches("türkisch", "Türkisch"));
        assert!(!matches("tuerkisch", "Arabisch"));
        assert_eq!(search_words("  "), vec![]);
        assert_eq!(
            search_words("Grüße Tuer"),
            vec![
                SearchWord {
                    typed: "grusse".into(),
                    umlauts: None
                },
                SearchWord {
                    typed: "tuer".into(),
                    umlauts: Some("tur".into())
                },
            ]
        );
    }

    fn map(pairs: &[(&str, &str)]) -> Text {
        Text::Map(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    #[test]
    fn falls_back_to_default_then_any_language() {
        let t = map(&[("de", "Sprache"), ("en", "Language")]);
        assert_eq!(t.get("en", "de").text, "Language");
        assert_eq!(t.resolve("tr", "de"), "Sprache");
        let only_tr = map(&[("tr", "Dil")]);
        assert_eq!(only_tr.get("en", "de").text, "Dil");
    }

    #[test]
    fn tells_the_language_a_text_is_actually_in() {
        let t = map(&[("de", "Sprache"), ("en", "Language")]);
        let found = |lang| t.get(lang, "de");
        assert_eq!(
            found("en"),
            Localized {
                text: "Language",
                lang: "en"
            }
        );
        assert_eq!(
            found("de"),
            Localized {
                text: "Sprache",
                lang: "de"
            }
        );
        // Arabic reader, no Arabic in the data: German, and it says so.
        assert_eq!(
            found("ar"),
            Localized {
                text: "Sprache",
                lang: "de"
            }
        );
    }

    #[test]
    fn a_fallback_to_any_language_names_that_language() {
        let only_tr = map(&[("tr", "Dil")]);
        assert_eq!(
            only_tr.get("en", "de"),
            Localized {
                text: "Dil",
                lang: "tr"
            }
        );
        // The first by tag when neither the reader's nor the default language is there.
        let two = map(&[("uk", "Мова"), ("tr", "Dil")]);
        assert_eq!(
            two.get("ar", "de"),
            Localized {
                text: "Dil",
                lang: "tr"
            }
        );
    }

    #[test]
    fn a_plain_string_is_in_the_plans_default_language() {
        let plain = Text::from("Sprache");
        assert_eq!(
            plain.get("en", "de"),
            Localized {
                text: "Sprache",
                lang: "de"
            }
        );
        assert_eq!(
            plain.get("ar", "en"),
            Localized {
                text: "Sprache",
                lang: "en"
            }
        );
        // Whatever the reader's language: the string says nothing else about itself.
        assert_eq!(plain.get("de", "de").lang, "de");
    }

    #[test]
    fn an_empty_map_is_empty_text_in_the_default_language() {
        let empty = Text::Map(BTreeMap::new());
        assert_eq!(
            empty.get("ar", "de"),
            Localized {
                text: "",
                lang: "de"
            }
        );
    }

    #[test]
    fn reads_both_shapes_and_refuses_others() {
        let plain: Text = serde_json::from_str("\"Sprache\"").unwrap();
        assert_eq!(plain, Text::from("Sprache"));
        let m: Text = serde_json::from_str(r#"{"de":"Sprache","en":"Language"}"#).unwrap();
        assert_eq!(m, map(&[("de", "Sprache"), ("en", "Language")]));
        assert!(serde_json::from_str::<Text>("5").is_err());
        assert!(serde_json::from_str::<Text>(r#"{"de": 5}"#).is_err());
        assert_eq!(
            serde_json::to_string(&m).unwrap(),
            r#"{"de":"Sprache","en":"Language"}"#
        );
    }

    #[test]
    fn folding_ignores_case_and_diacritics() {
        assert_eq!(fold("Türkisch"), "turkisch");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("ÇOCUK Eğitimi"), "cocuk egitimi");
        assert_eq!(fold("Tu\u{0308}rkisch"), "turkisch");
        assert_eq!(fold("Українська"), "українська");
    }
}
