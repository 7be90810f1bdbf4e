//! UI translations. The texts live in `locales/<lang>.json` (flat key -> text, `{name}` for
//! values) so translators edit them without touching Rust; they are compiled into the app.

use std::collections::HashMap;

/// A UI language: tag, own name, and whether it is written right to left.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Language {
    pub tag: &'static str,
    pub name: &'static str,
    pub rtl: bool,
    /// Said in this language when its file could not be loaded and the page falls back to
    /// German (compiled in, so it is there exactly when the file is not).
    pub unavailable: &'static str,
    /// "Loading data …" in this language, shown while its file is being fetched (the same text
    /// as its `load.loading`; a test keeps the two equal).
    pub loading: &'static str,
}

/// The UI languages, German first (the default).
pub const LANGUAGES: &[Language] = &[
    Language {
        tag: "de",
        name: "Deutsch",
        rtl: false,
        unavailable: "",
        loading: "Daten werden geladen …",
    },
    Language {
        tag: "en",
        name: "English",
        rtl: false,
        unavailable: "English could not be loaded, so the page is shown in German.",
        loading: "Loading data …",
    },
    Language {
        tag: "tr",
        name: "Türkçe",
        rtl: false,
        unavailable: "Türkçe yüklenemedi, bu yüzden sayfa Almanca gösteriliyor.",
        loading: "Veriler yükleniyor …",
    },
    Language {
        tag: "ar",
        name: "العربية",
        rtl: true,
        unavailable: "تعذّر تحميل العربية، لذلك تُعرض الصفحة بالألمانية.",
        loading: "جارٍ تحميل البيانات …",
    },
    Language {
        tag: "uk",
        name: "Українська",
        rtl: false,
        unavailable: "Не вдалося завантажити українську, тому сторінку показано німецькою.",
        loading: "Завантаження даних …",
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

/// Whether `s` looks like a BCP 47 language tag as the data contract uses them (`de`, `en-GB`,
/// `sr-Latn`): a lower-case language of two or three letters, then subtags of letters and digits.
/// Text maps are looked up by exact key, so `DE` or `de_DE` would never be found for a reader.
pub fn is_language_tag(s: &str) -> bool {
    let mut parts = s.split('-');
    let first_ok = parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_lowercase()));
    first_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Languages written right to left (primary subtags of BCP 47): Arabic and its varieties,
/// Persian and Dari, Hebrew and Yiddish, Urdu, Pashto, Sorani Kurdish, Sindhi, Uyghur, Dhivehi,
/// Syriac, Balochi, Punjabi in Shahmukhi, Mazanderani, Gilaki, Northern Luri.
const RTL_LANGUAGES: &[&str] = &[
    "ar", "arz", "ary", "arq", "apc", "ajp", "acm", "aeb", "fa", "prs", "pes", "he", "iw", "yi",
    "ur", "ps", "pbt", "ckb", "sd", "ug", "dv", "syr", "bal", "pnb", "mzn", "glk", "lrc",
];

/// Scripts written right to left (ISO 15924).
const RTL_SCRIPTS: &[&str] = &[
    "arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg", "mand", "samr",
];

/// Whether a text in the language `tag` (any BCP 47 tag a data file uses, e.g. `fa`, `ar-SY`,
/// `ku-Arab`) is written right to left: a script subtag decides where there is one, else the
/// language. Data texts may come in languages the interface does not have, so this knows more
/// than [`LANGUAGES`].
pub fn is_rtl(tag: &str) -> bool {
    let mut subtags = tag.split(['-', '_']).map(str::to_ascii_lowercase);
    let Some(primary) = subtags.next() else {
        return false;
    };
    match subtags.find(|s| s.len() == 4 && s.chars().all(|c| c.is_ascii_alphabetic())) {
        Some(script) => RTL_SCRIPTS.contains(&script.as_str()),
        None => RTL_LANGUAGES.contains(&primary.as_str()),
    }
}

/// German, the default and every language's fallback, is compiled in everywhere. The other
/// languages are compiled in only natively (staff tool, tests); the web app keeps them out of
/// its wasm and fetches just the reader's one (see [`Catalog::from_json`]).
fn source(tag: &str) -> Option<&'static str> {
    match tag {
        "de" => Some(include_str!("../../../locales/de.json")),
        #[cfg(not(target_arch = "wasm32"))]
        "en" => Some(include_str!("../../../locales/en.json")),
        #[cfg(not(target_arch = "wasm32"))]
        "tr" => Some(include_str!("../../../locales/tr.json")),
        #[cfg(not(target_arch = "wasm32"))]
        "ar" => Some(include_str!("../../../locales/ar.json")),
        #[cfg(not(target_arch = "wasm32"))]
        "uk" => Some(include_str!("../../../locales/uk.json")),
        _ => None,
    }
}

/// The texts of one language, falling back to German for a missing key.
#[derive(Clone, Debug)]
pub struct Catalog {
    pub lang: Language,
    texts: HashMap<String, String>,
    fallback: HashMap<String, String>,
}

/// A language file's texts; `None` if it is not a flat JSON object of strings.
fn parse(json: &str) -> Option<HashMap<String, String>> {
    serde_json::from_str(json).ok()
}

impl Catalog {
    /// German, the default language.
    pub fn german() -> Catalog {
        Catalog {
            lang: LANGUAGES[0],
            texts: source("de").and_then(parse).unwrap_or_default(),
            fallback: HashMap::new(),
        }
    }

    /// The catalog for a language tag (unknown tags: German), from the compiled-in files.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn new(tag: &str) -> Catalog {
        let lang = language(tag);
        source(lang.tag)
            .and_then(|json| Catalog::from_json(lang.tag, json))
            .unwrap_or_else(Catalog::german)
    }

    /// The catalog for a language tag from the text of its language file, with German as the
    /// fallback for missing keys. `None` if the file is not a flat JSON object of strings.
    /// Unknown tags give German.
    pub fn from_json(tag: &str, json: &str) -> Option<Catalog> {
        let lang = language(tag);
        if lang.tag == "de" {
            return Some(Catalog::german());
        }
        Some(Catalog {
            lang,
            texts: parse(json)?,
            fallback: Catalog::german().texts,
        })
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
    fn language_tags_as_the_contract_uses_them() {
        for tag in ["de", "en-GB", "sr-Latn", "ckb", "ku-Arab", "de-CH-1996"] {
            assert!(is_language_tag(tag), "{tag}");
        }
        for tag in [
            "",
            "DE",
            "de_DE",
            "Deutsch",
            "d",
            "de-",
            "de--x",
            "dé",
            "en-verylongsub",
        ] {
            assert!(!is_language_tag(tag), "{tag}");
        }
    }

    #[test]
    fn text_direction_follows_script_then_language() {
        for tag in [
            "ar", "ar-SY", "fa", "he", "ur", "ps", "ckb", "ku-Arab", "AR", "fa_IR",
        ] {
            assert!(is_rtl(tag), "{tag}");
        }
        for tag in [
            "de", "en", "tr", "uk", "ku", "ar-Latn", "az", "", "x", "de-CH",
        ] {
            assert!(!is_rtl(tag), "{tag}");
        }
        // The interface's own languages agree.
        for lang in LANGUAGES {
            assert_eq!(is_rtl(lang.tag), lang.rtl, "{}", lang.tag);
        }
    }

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

    #[test]
    fn the_compiled_in_loading_text_is_the_language_files_one() {
        for lang in LANGUAGES {
            assert_eq!(
                lang.loading,
                Catalog::new(lang.tag).t("load.loading"),
                "{}",
                lang.tag
            );
            assert_eq!(
                lang.unavailable.is_empty(),
                lang.tag == "de",
                "{}",
                lang.tag
            );
        }
    }

    #[test]
    fn a_fetched_language_file_falls_back_to_german_and_bad_files_are_refused() {
        let tr =
            Catalog::from_json("tr", r#"{"nav.skip": "Ana içeriğe geç"}"#).expect("valid file");
        assert_eq!(tr.lang.tag, "tr");
        assert_eq!(tr.t("nav.skip"), "Ana içeriğe geç");
        // Missing in the file: the German text, not the key.
        assert_eq!(tr.t("app.name"), Catalog::german().t("app.name"));
        assert!(Catalog::from_json("tr", "<html>404</html>").is_none());
        assert!(Catalog::from_json("tr", r#"{"nav.skip": 3}"#).is_none());
        assert_eq!(
            Catalog::from_json("xx", "{}").map(|c| c.lang.tag),
            Some("de")
        );
    }
}
