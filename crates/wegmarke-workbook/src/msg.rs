//! Messages in German (the default) and English: the workbook code builds both, and the staff
//! tool or the Datenwerkstatt shows the one asked for, so a message never depends on where it
//! was made.

use std::fmt;

/// Language of the messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum Lang {
    De,
    En,
}

impl Lang {
    /// The language tag the core messages take.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
        }
    }

    /// The German or the English text.
    pub fn pick<'a>(self, de: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::De => de,
            Lang::En => en,
        }
    }
}

/// A text in both languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Msg {
    pub de: String,
    pub en: String,
}

impl Msg {
    /// A message from its German and English wording.
    pub fn new(de: impl Into<String>, en: impl Into<String>) -> Msg {
        Msg {
            de: de.into(),
            en: en.into(),
        }
    }

    /// The message of a core problem kind (exactly the app's wording).
    pub fn core(kind: &wegmarke_core::ProblemKind) -> Msg {
        let p = wegmarke_core::Problem::new(
            wegmarke_core::Severity::Problem,
            "",
            wegmarke_core::JsonPath::root(),
            kind.clone(),
        );
        Msg::new(p.message("de"), p.message("en"))
    }

    /// The text in one language.
    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.de, &self.en)
    }
}

impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.de)
    }
}

/// Builds a [`Msg`] from two format strings sharing the same arguments in scope.
#[macro_export]
macro_rules! msg {
    ($de:literal, $en:literal $(,)?) => {
        $crate::Msg::new(format!($de), format!($en))
    };
}
