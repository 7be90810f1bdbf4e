//! UI translations. The texts live in `locales/<lang>.json` (flat key -> text, `{name}` for
//! values) so translators edit them without touching Rust; they are compiled into the app.

use std::collections::HashMap;

/// A UI language: tag, own name, and whether it is written right to left.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Language {
    pub tag: &'static str,
    pub name: &'static str,
    pub rtl: bool,
}

/// The UI languages, German first (the default).
pub const LANGUAGES: &[Language] = &[
    Language {
        tag: "de",
        name: "Deutsch",
        rtl: false,
    },
    Language {
        tag: "en",
        name: "English",
        rtl: false,
    },
    Language {
        tag: "tr",
        name: "Türkçe",
        rtl: false,
    },
    Language {
        tag: "ar",
        name: "العربية",
        rtl: true,
    },
    Language {
        tag: "uk",
        name: "Українська",
        rtl: false,
    },
];

/// The language for a tag, or German.
pub fn language(tag: &str) -> Language {
    LANGUAGES
        .iter()
        .copied()
        .find(|l| l.tag == tag)
        .unwrap_or(LANGUAGES[0])
}

fn source(tag: &str) -> &'static str {
    match tag {
        "en" => include_str!("../../../locales/en.json"),
        "tr" => include_str!("../../../locales/tr.json"),
        "ar" => include_str!("../../../locales/ar.json"),
        "uk" => include_str!("../../../locales/uk.json"),
        _ => include_str!("../../../locales/de.json"),
    }
}

/// The texts of one language, falling back to German for a missing key.
#[derive(Clone, Debug)]
pub struct Catalog {
    pub lang: Language,
    texts: HashMap<String, String>,
    fallback: HashMap<String, String>,
}

fn parse(tag: &str) -> HashMap<String, String> {
    serde_json::from_str(source(tag)).unwrap_or_default()
}

impl Catalog {
    /// The catalog for a language tag (unknown tags: German).
    pub fn new(tag: &str) -> Catalog {
        let lang = language(tag);
        Catalog {
            lang,
            texts: parse(lang.tag),
            fallback: if lang.tag == "de" {
                HashMap::new()
            } else {
                parse("de")
            },
        }
    }

    /// The text for `key`; the key itself if no language has it (visible, never blank).
    pub fn t<'a>(&'a self, key: &'a str) -> &'a str {
        self.texts
            .get(key)
            .or_else(|| self.fallback.get(key))
            .map_or(key, String::as_str)
    }

    /// The text for `key` with `{name}` placeholders filled in.
    pub fn tf(&self, key: &str, args: &[(&str, &str)]) -> String {
        let mut s = self.t(key).to_owned();
        for (name, value) in args {
            s = s.replace(&format!("{{{name}}}"), value);
        }
        s
    }

    /// All keys of this language's file.
    pub fn keys(&self) -> Vec<&str> {
        let mut k: Vec<&str> = self.texts.keys().map(String::as_str).collect();
        k.sort_unstable();
        k
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_file_parses_and_has_every_key() {
        let de = Catalog::new("de");
        assert!(de.keys().len() > 20);
        for lang in LANGUAGES {
            let c = Catalog::new(lang.tag);
            assert_eq!(c.lang.tag, lang.tag);
            assert_eq!(
                c.keys(),
                de.keys(),
                "{} must have exactly the German keys",
                lang.tag
            );
            for key in c.keys() {
                assert!(!c.t(key).trim().is_empty(), "{}: {key} is empty", lang.tag);
                // Placeholders must match, or a value would go missing in one language.
                let names = |s: &str| {
                    let mut v: Vec<String> = s
                        .split('{')
                        .skip(1)
                        .filter_map(|p| p.split_once('}').map(|(n, _)| n.to_owned()))
                        .collect();
                    v.sort();
                    v
                };
                assert_eq!(
                    names(c.t(key)),
                    names(de.t(key)),
                    "{}: placeholders of {key}",
                    lang.tag
                );
            }
        }
    }

    #[test]
    fn placeholders_and_fallbacks() {
        let en = Catalog::new("en");
        assert_eq!(
            en.tf("overview.measures_total", &[("count", "40")]),
            "40 measures"
        );
        assert_eq!(en.t("no.such.key"), "no.such.key");
        assert_eq!(Catalog::new("xx").lang.tag, "de");
    }
}
