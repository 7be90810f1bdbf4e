//! The sheets of the workbook and their columns: German headers (what staff see), the JSON field
//! each column holds, short explanations, and the word lists behind the drop-downs. Export,
//! import and the template all read these definitions, so a column exists in exactly one place.

use std::sync::OnceLock;

use wegmarke_core::i18n::Catalog;
use wegmarke_core::{
    ActorKind, Direction, Flag, GapMeasure, IndicatorKind, Status, INDICATORS_FILE, MEASURES_FILE,
    PLAN_FILE,
};

/// What a column holds, which decides how cells and JSON values convert.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// An id (a string).
    Id,
    /// The id of a row in another sheet.
    Ref(&'static str),
    /// A plain string (URL, e-mail, unit …).
    Str,
    /// A translatable text: a column without language for a plain string, and one column per
    /// language ("Titel (de)", "Titel (en)") for a language map.
    Text {
        long: bool,
    },
    Number,
    Integer,
    Date,
    Period,
    /// "ja"/"nein".
    Bool,
    /// One of the words of a vocabulary.
    Choice(&'static Vocab),
    /// Ids, separated by commas or semicolons.
    IdList,
    /// Free words (districts), separated by semicolons.
    StrList,
    /// Texts (target groups), separated by semicolons; language maps as a JSON list.
    TextList,
}

/// A list of allowed values: the variants of one enum of the data contract. The word a
/// spreadsheet shows for a value is the German UI text of that value (`locales/de.json`), so the
/// workbook and the dashboard say the same; nothing here restates the variants or their words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Vocab {
    /// [`Status`] of a measure or an update.
    Status,
    /// [`ActorKind`].
    ActorKind,
    /// [`IndicatorKind`].
    IndicatorKind,
    /// [`Direction`] of an indicator.
    Direction,
    /// [`Flag`] of an observation.
    Flag,
    /// [`GapMeasure`] of an indicator's gap.
    GapMeasure,
}

/// One value of a vocabulary with the words that stand for it.
#[derive(Debug)]
struct Word {
    code: &'static str,
    /// The German UI text: what the drop-down offers and the export writes.
    label: String,
    /// Everything import takes for this value, normalised.
    accepted: Vec<String>,
}

impl Vocab {
    /// Every vocabulary.
    pub const ALL: [Vocab; 6] = [
        Vocab::Status,
        Vocab::ActorKind,
        Vocab::IndicatorKind,
        Vocab::Direction,
        Vocab::Flag,
        Vocab::GapMeasure,
    ];

    /// The data values, in the order of the contract's enum.
    pub fn codes(self) -> Vec<&'static str> {
        match self {
            Vocab::Status => Status::ALL.map(Status::as_str).to_vec(),
            Vocab::ActorKind => ActorKind::ALL.map(ActorKind::as_str).to_vec(),
            Vocab::IndicatorKind => IndicatorKind::ALL.map(IndicatorKind::as_str).to_vec(),
            Vocab::Direction => Direction::ALL.map(Direction::as_str).to_vec(),
            Vocab::Flag => Flag::ALL.map(Flag::as_str).to_vec(),
            Vocab::GapMeasure => GapMeasure::ALL.map(GapMeasure::as_str).to_vec(),
        }
    }

    /// The key of a value's text in the UI translations, as the app looks it up.
    pub fn text_key(self, code: &str) -> String {
        let prefix = match self {
            Vocab::Status => "status",
            Vocab::ActorKind => "actor.kind",
            Vocab::IndicatorKind => "indicator.kind",
            Vocab::Direction => "indicator.direction",
            Vocab::Flag => "flag",
            Vocab::GapMeasure => "gap.measure",
        };
        format!("{prefix}.{code}")
    }

    /// The value an empty cell stands for (the enum's default), if the data has one.
    pub fn default_code(self) -> Option<&'static str> {
        match self {
            Vocab::Status | Vocab::Flag => None,
            Vocab::ActorKind => Some(ActorKind::default().as_str()),
            Vocab::IndicatorKind => Some(IndicatorKind::default().as_str()),
            Vocab::Direction => Some(Direction::default().as_str()),
            Vocab::GapMeasure => Some(GapMeasure::default().as_str()),
        }
    }

    /// Words that workbooks written by earlier versions of this tool hold and that are no UI
    /// text: import keeps taking them.
    fn former_words(self, code: &str) -> &'static [&'static str] {
        match (self, code) {
            (Vocab::Status, "on_track") => &["on track"],
            (Vocab::ActorKind, "public") => &["andere öffentliche Stelle"],
            (Vocab::ActorKind, "education") => &["Bildung"],
            (Vocab::ActorKind, "civil") => &["Zivilgesellschaft", "civil society"],
            (Vocab::IndicatorKind, "outcome") => &["Wirkung"],
            (Vocab::IndicatorKind, "output") => &["Leistung"],
            (Vocab::IndicatorKind, "context") => &["Kontext"],
            (Vocab::Direction, "up") => &["steigen"],
            (Vocab::Direction, "down") => &["sinken"],
            (Vocab::Direction, "none") => &["keine Richtung"],
            (Vocab::Flag, "break") => &["Zeitreihenbruch"],
            _ => &[],
        }
    }

    /// The values with their words, built once from the UI texts.
    fn words(self) -> &'static [Word] {
        static WORDS: [OnceLock<Vec<Word>>; Vocab::ALL.len()] =
            [const { OnceLock::new() }; Vocab::ALL.len()];
        WORDS[self as usize].get_or_init(|| {
            let de = Catalog::german();
            // English words are accepted too; compiled in here, as the web app's core keeps
            // its other languages out of the wasm.
            let en = Catalog::from_json("en", include_str!("../../../locales/en.json"))
                .unwrap_or_else(Catalog::german);
            self.codes()
                .into_iter()
                .map(|code| {
                    let key = self.text_key(code);
                    let (label, english) = (de.t(&key).to_owned(), en.t(&key));
                    let accepted = [code, label.as_str(), english]
                        .into_iter()
                        .chain(self.former_words(code).iter().copied())
                        .map(normalize)
                        .collect();
                    Word {
                        code,
                        label,
                        accepted,
                    }
                })
                .collect()
        })
    }

    /// The German word of a data value (the value itself when unknown).
    pub fn label(&self, code: &str) -> String {
        self.words()
            .iter()
            .find(|w| w.code == code)
            .map_or_else(|| code.to_owned(), |w| w.label.clone())
    }

    /// The data value of a cell: the value itself, its German or its English UI text, or a
    /// word earlier workbooks used, ignoring case, spaces and the kind of dash.
    pub fn parse(&self, cell: &str) -> Option<&'static str> {
        let norm = normalize(cell);
        self.words()
            .iter()
            .find(|w| w.accepted.contains(&norm))
            .map(|w| w.code)
    }

    /// The German words, for the drop-down and for messages.
    pub fn labels(&self) -> Vec<String> {
        self.words().iter().map(|w| w.label.clone()).collect()
    }

    /// Each data value with its German word.
    pub fn entries(&self) -> impl Iterator<Item = (&'static str, &'static str)> {
        self.words().iter().map(|w| (w.code, w.label.as_str()))
    }
}

/// Lower case, one kind of dash, no spaces: "Läuft - im  Plan" == "läuft – im Plan".
pub fn normalize(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '–' | '—' | '‐' | '‑' | '_' => '-',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

pub static STATUS: Vocab = Vocab::Status;
pub static ACTOR_KIND: Vocab = Vocab::ActorKind;
pub static INDICATOR_KIND: Vocab = Vocab::IndicatorKind;
pub static DIRECTION: Vocab = Vocab::Direction;
pub static FLAG: Vocab = Vocab::Flag;
pub static GAP_MEASURE: Vocab = Vocab::GapMeasure;

/// The words of a yes/no column.
pub const YES: &str = "ja";
pub const NO: &str = "nein";

/// One field of an entity and the column(s) that hold it.
#[derive(Debug, PartialEq, Eq)]
pub struct FieldSpec {
    /// Dotted path in the entity's JSON object, e.g. `budget.amount`.
    pub path: &'static str,
    pub header: &'static str,
    pub kind: Kind,
    pub required: bool,
    pub explain: &'static str,
}

impl FieldSpec {
    /// The explanation under the header. For a choice with a default it says which word an
    /// empty cell stands for, taken from the contract's default.
    pub fn explanation(&self) -> String {
        match self.kind {
            Kind::Choice(v) => match v.default_code() {
                Some(code) => format!("{} Leer: {}.", self.explain, v.label(code)),
                None => self.explain.to_owned(),
            },
            _ => self.explain.to_owned(),
        }
    }
}

const fn f(
    path: &'static str,
    header: &'static str,
    kind: Kind,
    required: bool,
    explain: &'static str,
) -> FieldSpec {
    FieldSpec {
        path,
        header,
        kind,
        required,
        explain,
    }
}

/// A column that names the parent row of a child sheet (e.g. the measure of a milestone).
#[derive(Debug, PartialEq, Eq)]
pub struct KeySpec {
    pub header: &'static str,
    /// The sheet whose id it names.
    pub target: &'static str,
    pub explain: &'static str,
}

/// One sheet of entities (one row each).
#[derive(Debug, PartialEq, Eq)]
pub struct SheetSpec {
    pub name: &'static str,
    /// The data file the rows end up in.
    pub file: &'static str,
    /// What the sheet holds.
    pub about: &'static str,
    /// Parent key columns (child sheets only), outermost first.
    pub keys: &'static [KeySpec],
    pub fields: &'static [FieldSpec],
    /// JSON keys filled from other sheets, so they are not taken for unknown fields; a dotted
    /// one (`by_district.values`) is a list inside an object the sheet has columns for.
    pub children: &'static [&'static str],
}

impl SheetSpec {
    /// The first path segments of the fields: the JSON keys this sheet knows.
    pub fn known_keys(&self) -> Vec<&'static str> {
        let mut keys: Vec<&'static str> = Vec::new();
        for field in self.fields {
            let top = field.path.split('.').next().unwrap_or(field.path);
            if !keys.contains(&top) {
                keys.push(top);
            }
        }
        for child in self.children {
            let top = child.split('.').next().unwrap_or(child);
            if !keys.contains(&top) {
                keys.push(top);
            }
        }
        keys
    }

    /// The nested objects (`budget`) with the sub-keys the sheet has columns for, or another
    /// sheet fills (`by_district.values`).
    pub fn nested(&self) -> Vec<(&'static str, Vec<&'static str>)> {
        let mut out: Vec<(&'static str, Vec<&'static str>)> = Vec::new();
        let paths = self.fields.iter().map(|f| f.path);
        for path in paths.chain(self.children.iter().copied()) {
            if let Some((top, sub)) = path.split_once('.') {
                match out.iter_mut().find(|(t, _)| *t == top) {
                    Some((_, subs)) => subs.push(sub),
                    None => out.push((top, vec![sub])),
                }
            }
        }
        out
    }

    /// The field with this path.
    pub fn field(&self, path: &str) -> Option<&FieldSpec> {
        self.fields.iter().find(|f| f.path == path)
    }
}

/// The header of the column that keeps unknown fields.
pub const EXTRA_HEADER: &str = "Weitere Felder (JSON)";
pub const EXTRA_EXPLAIN: &str = "Felder, die dieses Werkzeug nicht kennt, als JSON. Nicht ändern – sie werden unverändert zurückgeschrieben.";

// ------------------------------------------------------------------ plan.json

/// The Plan sheet lists the plan's properties one per row ("key/value"), not one entity per row.
pub const PLAN_SHEET: &str = "Plan";
pub const PLAN_ABOUT: &str = "Angaben zum Plan: eine Zeile je Angabe. Text in Spalte „Wert“ (ohne Sprache) oder in den Sprachspalten.";
/// Headers of the Plan sheet.
pub const PLAN_LABEL: &str = "Angabe";
pub const PLAN_KEY: &str = "Schlüssel";
pub const PLAN_EXPLAIN: &str = "Erläuterung";
pub const PLAN_VALUE: &str = "Wert";
/// What the Plan sheet's explanation row says under each header (the reader recognises the row
/// by the text under "Schlüssel").
pub const PLAN_LABEL_EXPLAIN: &str = "Was die Zeile angibt.";
pub const PLAN_KEY_EXPLAIN: &str = "Technischer Name – bitte nicht ändern.";
pub const PLAN_EXPLAIN_EXPLAIN: &str = "Was einzutragen ist.";
pub const PLAN_VALUE_EXPLAIN: &str =
    "Der Wert; bei Texten: Text ohne Sprachangabe (gilt in der Standardsprache).";
/// Keys of the Plan sheet rows that keep unknown fields.
pub const PLAN_EXTRA_PLAN: &str = "weitere Felder: plan";
pub const PLAN_EXTRA_FILE: [(&str, &str); 3] = [
    (PLAN_FILE, "weitere Felder: plan.json"),
    (MEASURES_FILE, "weitere Felder: measures.json"),
    (INDICATORS_FILE, "weitere Felder: indicators.json"),
];

/// The plan's properties (paths inside `plan`).
pub static PLAN_FIELDS: &[FieldSpec] = &[
    f(
        "title",
        "Titel",
        Kind::Text { long: false },
        true,
        "Pflicht. Name des Plans, z. B. „Integrationsplan der Stadt Göppingen“.",
    ),
    f(
        "subtitle",
        "Untertitel",
        Kind::Text { long: false },
        false,
        "Zeile unter dem Titel.",
    ),
    f(
        "publisher",
        "Herausgeber",
        Kind::Text { long: false },
        false,
        "Wer den Plan herausgibt (Amt, Stabsstelle).",
    ),
    f(
        "adopted.by",
        "Beschlossen von",
        Kind::Text { long: false },
        false,
        "Gremium, z. B. Gemeinderat.",
    ),
    f(
        "adopted.date",
        "Beschlossen am",
        Kind::Date,
        false,
        "Datum des Beschlusses: 2019-04-11, 2019-04 oder 2019.",
    ),
    f(
        "period.from",
        "Laufzeit von",
        Kind::Period,
        false,
        "Beginn der Laufzeit, z. B. 2024 (mit „Laufzeit bis“).",
    ),
    f(
        "period.to",
        "Laufzeit bis",
        Kind::Period,
        false,
        "Ende der Laufzeit, z. B. 2030.",
    ),
    f(
        "as_of",
        "Stand",
        Kind::Date,
        false,
        "Stand der Daten, z. B. 2026-10-31.",
    ),
    f(
        "default_language",
        "Standardsprache",
        Kind::Str,
        false,
        "Sprache der Texte ohne Sprachangabe (Standard: de).",
    ),
    f(
        "description",
        "Beschreibung",
        Kind::Text { long: true },
        false,
        "Einleitung; Leerzeilen trennen Absätze.",
    ),
    f(
        "contact.name",
        "Kontakt: Name",
        Kind::Text { long: false },
        false,
        "Öffentlicher Kontakt (Stelle oder Person).",
    ),
    f(
        "contact.email",
        "Kontakt: E-Mail",
        Kind::Str,
        false,
        "E-Mail-Adresse.",
    ),
    f(
        "contact.phone",
        "Kontakt: Telefon",
        Kind::Str,
        false,
        "Telefonnummer.",
    ),
    f(
        "contact.url",
        "Kontakt: Webseite",
        Kind::Str,
        false,
        "Adresse mit https://.",
    ),
    f(
        "method",
        "Methode",
        Kind::Text { long: true },
        false,
        "Wie der Fortschritt berechnet und gewichtet wird (öffentlich).",
    ),
];

pub static FIELDS: SheetSpec = SheetSpec {
    name: "Handlungsfelder",
    file: PLAN_FILE,
    about: "Die Handlungsfelder des Plans, eine Zeile je Handlungsfeld.",
    keys: &[],
    fields: &[
        f(
            "id",
            "Kennung",
            Kind::Id,
            true,
            "Pflicht. Eindeutig, dauerhaft: A–Z, a–z, 0–9, . _ - (z. B. sprache).",
        ),
        f(
            "title",
            "Titel",
            Kind::Text { long: false },
            true,
            "Pflicht.",
        ),
        f(
            "description",
            "Beschreibung",
            Kind::Text { long: true },
            false,
            "Kurze Beschreibung.",
        ),
        f(
            "icon",
            "Symbol",
            Kind::Str,
            false,
            "Name des Symbols, z. B. speech.",
        ),
        f(
            "order",
            "Reihenfolge",
            Kind::Integer,
            false,
            "Ganze Zahl für die Anzeige-Reihenfolge.",
        ),
    ],
    children: &[],
};

pub static GOALS: SheetSpec = SheetSpec {
    name: "Ziele",
    file: PLAN_FILE,
    about: "Die Ziele, jedes in einem Handlungsfeld.",
    keys: &[],
    fields: &[
        f(
            "id",
            "Kennung",
            Kind::Id,
            true,
            "Pflicht. Eindeutig, dauerhaft (z. B. sprache-1).",
        ),
        f(
            "field",
            "Handlungsfeld",
            Kind::Ref("Handlungsfelder"),
            true,
            "Pflicht. Kennung des Handlungsfelds.",
        ),
        f(
            "title",
            "Titel",
            Kind::Text { long: false },
            true,
            "Pflicht.",
        ),
        f(
            "description",
            "Beschreibung",
            Kind::Text { long: true },
            false,
            "Kurze Beschreibung.",
        ),
        f(
            "target_year",
            "Zieljahr",
            Kind::Integer,
            false,
            "Jahr, bis zu dem das Ziel erreicht sein soll.",
        ),
        f(
            "indicators",
            "Indikatoren",
            Kind::IdList,
            false,
            "Kennungen der Indikatoren, mit Komma getrennt.",
        ),
    ],
    children: &[],
};

pub static ACTORS: SheetSpec = SheetSpec {
    name: "Akteure",
    file: PLAN_FILE,
    about: "Die Akteure, die Maßnahmen umsetzen.",
    keys: &[],
    fields: &[
        f(
            "id",
            "Kennung",
            Kind::Id,
            true,
            "Pflicht. Eindeutig, dauerhaft (z. B. vhs).",
        ),
        f("name", "Name", Kind::Text { long: false }, true, "Pflicht."),
        f(
            "kind",
            "Art",
            Kind::Choice(&ACTOR_KIND),
            false,
            "Auswahl aus der Liste.",
        ),
        f("url", "Webseite", Kind::Str, false, "Adresse mit https://."),
    ],
    children: &[],
};

pub static DISTRICTS: SheetSpec = SheetSpec {
    name: "Stadtteile",
    file: PLAN_FILE,
    about: "Die Stadtteile; Maßnahmen und Werte nach Stadtteil nennen sie mit ihrer Kennung.",
    keys: &[],
    fields: &[
        f(
            "id",
            "Kennung",
            Kind::Id,
            true,
            "Pflicht. Eindeutig, dauerhaft (z. B. nordstadt).",
        ),
        f("name", "Name", Kind::Text { long: false }, true, "Pflicht."),
    ],
    children: &[],
};

pub static REPORTS: SheetSpec = SheetSpec {
    name: "Berichte",
    file: PLAN_FILE,
    about: "Berichte an den Gemeinderat mit eingefrorenem Datenstand (neu anlegen mit „wegmarke-daten snapshot“).",
    keys: &[],
    fields: &[
        f("date", "Datum", Kind::Date, true, "Pflicht. Datum des Berichts, z. B. 2026-05-12."),
        f("title", "Titel", Kind::Text { long: false }, true, "Pflicht."),
        f("reference", "Drucksache", Kind::Str, false, "Aktenzeichen, z. B. Drucksache 2026/087."),
        f("path", "Pfad", Kind::Str, false, "Ordner des eingefrorenen Stands, z. B. reports/2026-05-12/."),
    ],
    children: &["papers"],
};

/// The columns of a council paper (Drucksache), named after OParl's `Paper`; the same for a
/// measure's papers and a report's.
static PAPER_FIELDS: &[FieldSpec] = &[
    f(
        "reference",
        "Drucksache",
        Kind::Str,
        true,
        "Pflicht. Nummer der Drucksache, z. B. GR 2025/117; je Eintrag nur einmal.",
    ),
    f(
        "name",
        "Titel",
        Kind::Text { long: false },
        true,
        "Pflicht. Betreff der Drucksache.",
    ),
    f(
        "date",
        "Datum",
        Kind::Date,
        false,
        "Datum der Drucksache: 2025-03-20, 2025-03 oder 2025.",
    ),
    f(
        "web",
        "Webseite",
        Kind::Str,
        false,
        "Seite der Drucksache im Ratsinformationssystem, mit https://.",
    ),
    f(
        "id",
        "OParl-Kennung",
        Kind::Str,
        false,
        "Adresse des OParl-Objekts, für den Abgleich mit dem Ratsinformationssystem (wird nicht angezeigt).",
    ),
];

pub static REPORT_PAPERS: SheetSpec = SheetSpec {
    name: "Drucksachen Berichte",
    file: PLAN_FILE,
    about: "Ratsdokumente (Drucksachen) zu den Berichten, in der Reihenfolge der Zeilen.",
    keys: &[KeySpec {
        header: "Bericht",
        target: "Berichte",
        explain: "Pflicht. Datum des Berichts, wie im Blatt Berichte.",
    }],
    fields: PAPER_FIELDS,
    children: &[],
};

// ------------------------------------------------------------------ measures.json

pub static MEASURES: SheetSpec = SheetSpec {
    name: "Maßnahmen",
    file: MEASURES_FILE,
    about: "Die Maßnahmen, eine Zeile je Maßnahme.",
    keys: &[],
    fields: &[
        f(
            "id",
            "Kennung",
            Kind::Id,
            true,
            "Pflicht. Eindeutig, dauerhaft (z. B. M-1.2).",
        ),
        f(
            "status",
            "Status",
            Kind::Choice(&STATUS),
            true,
            "Pflicht. Auswahl aus der Liste.",
        ),
        f(
            "goals",
            "Ziele",
            Kind::IdList,
            false,
            "Kennungen der Ziele, mit Komma getrennt.",
        ),
        f(
            "title",
            "Titel",
            Kind::Text { long: false },
            true,
            "Pflicht.",
        ),
        f(
            "progress",
            "Fortschritt (%)",
            Kind::Number,
            false,
            "Zahl von 0 bis 100.",
        ),
        f(
            "weight",
            "Gewicht",
            Kind::Number,
            false,
            "Anteil am Ziel (leer: 1).",
        ),
        f(
            "start",
            "Beginn",
            Kind::Date,
            false,
            "2025-01-15, 2025-01 oder 2025.",
        ),
        f(
            "end",
            "Ende (geplant)",
            Kind::Date,
            false,
            "2025-01-15, 2025-01 oder 2025.",
        ),
        f(
            "actual_end",
            "Ende (tatsächlich)",
            Kind::Date,
            false,
            "Wann die Maßnahme wirklich endete.",
        ),
        f(
            "lead",
            "Federführung",
            Kind::Ref("Akteure"),
            false,
            "Kennung des federführenden Akteurs.",
        ),
        f(
            "partners",
            "Partner",
            Kind::IdList,
            false,
            "Kennungen der Akteure, mit Komma getrennt.",
        ),
        f(
            "target_groups",
            "Zielgruppen",
            Kind::TextList,
            false,
            "Mit Semikolon getrennt, z. B. Eltern; Frauen.",
        ),
        f(
            "districts",
            "Stadtteile",
            Kind::StrList,
            false,
            "Mit Semikolon getrennt.",
        ),
        f(
            "indicators",
            "Indikatoren",
            Kind::IdList,
            false,
            "Kennungen der Indikatoren, mit Komma getrennt.",
        ),
        f(
            "summary",
            "Kurzbeschreibung",
            Kind::Text { long: true },
            false,
            "Ein bis zwei Sätze.",
        ),
        f(
            "easy_summary",
            "Leichte Sprache",
            Kind::Text { long: true },
            false,
            "Die Kurzbeschreibung in Leichter Sprache.",
        ),
        f(
            "description",
            "Beschreibung",
            Kind::Text { long: true },
            false,
            "Ausführlich; Leerzeilen trennen Absätze.",
        ),
        f(
            "status_note",
            "Hinweis zum Status",
            Kind::Text { long: true },
            false,
            "Warum verzögert, warum entfallen.",
        ),
        f(
            "budget.amount",
            "Budget: Betrag",
            Kind::Number,
            false,
            "Zahl ohne Tausenderpunkte (Pflicht, wenn ein Budget angegeben ist).",
        ),
        f(
            "budget.currency",
            "Budget: Währung",
            Kind::Str,
            false,
            "z. B. EUR.",
        ),
        f(
            "budget.funding",
            "Budget: Finanzierung",
            Kind::Text { long: false },
            false,
            "Wer bezahlt.",
        ),
    ],
    children: &["milestones", "updates", "links", "papers"],
};

pub static MILESTONES: SheetSpec = SheetSpec {
    name: "Meilensteine",
    file: MEASURES_FILE,
    about: "Meilensteine der Maßnahmen, in der Reihenfolge der Zeilen.",
    keys: &[KeySpec {
        header: "Maßnahme",
        target: "Maßnahmen",
        explain: "Pflicht. Kennung der Maßnahme.",
    }],
    fields: &[
        f(
            "date",
            "Datum",
            Kind::Date,
            true,
            "Pflicht. 2025-09-30, 2025-09 oder 2025.",
        ),
        f(
            "title",
            "Titel",
            Kind::Text { long: false },
            true,
            "Pflicht.",
        ),
        f(
            "done",
            "Erledigt",
            Kind::Bool,
            false,
            "ja oder nein (leer: nein).",
        ),
    ],
    children: &[],
};

pub static UPDATES: SheetSpec = SheetSpec {
    name: "Aktualisierungen",
    file: MEASURES_FILE,
    about:
        "Öffentliches Protokoll der Maßnahmen; das jüngste Datum gilt als „zuletzt aktualisiert“.",
    keys: &[KeySpec {
        header: "Maßnahme",
        target: "Maßnahmen",
        explain: "Pflicht. Kennung der Maßnahme.",
    }],
    fields: &[
        f(
            "date",
            "Datum",
            Kind::Date,
            true,
            "Pflicht. 2026-03-01, 2026-03 oder 2026.",
        ),
        f(
            "status",
            "Status",
            Kind::Choice(&STATUS),
            false,
            "Status zu diesem Zeitpunkt.",
        ),
        f(
            "progress",
            "Fortschritt (%)",
            Kind::Number,
            false,
            "Zahl von 0 bis 100.",
        ),
        f(
            "text",
            "Text",
            Kind::Text { long: true },
            false,
            "Was sich getan hat.",
        ),
    ],
    children: &[],
};

pub static LINKS: SheetSpec = SheetSpec {
    name: "Links",
    file: MEASURES_FILE,
    about: "Weiterführende Links der Maßnahmen (nur http, https, mailto).",
    keys: &[KeySpec {
        header: "Maßnahme",
        target: "Maßnahmen",
        explain: "Pflicht. Kennung der Maßnahme.",
    }],
    fields: &[
        f(
            "title",
            "Titel",
            Kind::Text { long: false },
            true,
            "Pflicht. Linktext.",
        ),
        f(
            "url",
            "Adresse (URL)",
            Kind::Str,
            true,
            "Pflicht. https://…, http://… oder mailto:…",
        ),
    ],
    children: &[],
};

pub static MEASURE_PAPERS: SheetSpec = SheetSpec {
    name: "Drucksachen Maßnahmen",
    file: MEASURES_FILE,
    about: "Ratsdokumente (Drucksachen), die eine Maßnahme beschlossen oder über sie berichtet haben, in der Reihenfolge der Zeilen.",
    keys: &[KeySpec {
        header: "Maßnahme",
        target: "Maßnahmen",
        explain: "Pflicht. Kennung der Maßnahme.",
    }],
    fields: PAPER_FIELDS,
    children: &[],
};

// ------------------------------------------------------------------ indicators.json

pub static INDICATORS: SheetSpec = SheetSpec {
    name: "Indikatoren",
    file: INDICATORS_FILE,
    about: "Die Indikatoren; ihre Datenreihen und Werte stehen in den Blättern Reihen und Werte.",
    keys: &[],
    fields: &[
        f(
            "id",
            "Kennung",
            Kind::Id,
            true,
            "Pflicht. Eindeutig, dauerhaft (z. B. I-alq-ausl).",
        ),
        f(
            "goals",
            "Ziele",
            Kind::IdList,
            false,
            "Kennungen der Ziele, mit Komma getrennt.",
        ),
        f(
            "title",
            "Titel",
            Kind::Text { long: false },
            true,
            "Pflicht.",
        ),
        f(
            "short_title",
            "Kurztitel",
            Kind::Text { long: false },
            false,
            "Für Diagramme und Tabellen.",
        ),
        f(
            "kind",
            "Art",
            Kind::Choice(&INDICATOR_KIND),
            false,
            "Auswahl aus der Liste. Kontextindikatoren werden nicht bewertet.",
        ),
        f(
            "direction",
            "Gewünschte Richtung",
            Kind::Choice(&DIRECTION),
            false,
            "Auswahl aus der Liste.",
        ),
        f(
            "unit",
            "Einheit",
            Kind::Str,
            false,
            "z. B. % oder Personen.",
        ),
        f(
            "decimals",
            "Nachkommastellen",
            Kind::Integer,
            false,
            "0 bis 6.",
        ),
        f(
            "baseline.period",
            "Ausgangswert: Zeitraum",
            Kind::Period,
            false,
            "z. B. 2019 (mit „Ausgangswert: Wert“).",
        ),
        f(
            "baseline.value",
            "Ausgangswert: Wert",
            Kind::Number,
            false,
            "Zahl.",
        ),
        f(
            "target.period",
            "Zielwert: Zeitraum",
            Kind::Period,
            false,
            "z. B. 2030 (mit „Zielwert: Wert“).",
        ),
        f(
            "target.value",
            "Zielwert: Wert",
            Kind::Number,
            false,
            "Zahl.",
        ),
        f(
            "target.series",
            "Zielwert: Reihe",
            Kind::Id,
            false,
            "Kennung der Reihe (leer: die erste).",
        ),
        f(
            "gap.series",
            "Abstand: Reihe",
            Kind::Id,
            false,
            "Kennung der verglichenen Reihe (leer: die des Zielwerts).",
        ),
        f(
            "gap.reference",
            "Abstand: Vergleichsreihe",
            Kind::Id,
            false,
            "Kennung der Reihe, mit der verglichen wird (z. B. deutsch); leer: kein Abstand.",
        ),
        f(
            "gap.measure",
            "Abstand: Art",
            Kind::Choice(&GAP_MEASURE),
            false,
            "Auswahl aus der Liste (leer: Differenz).",
        ),
        f(
            "gap.target.period",
            "Abstand: Ziel-Zeitraum",
            Kind::Period,
            false,
            "z. B. 2030 (mit „Abstand: Zielwert“).",
        ),
        f(
            "gap.target.value",
            "Abstand: Zielwert",
            Kind::Number,
            false,
            "Zahl, z. B. 4 (Prozentpunkte).",
        ),
        f(
            "source.name",
            "Quelle",
            Kind::Text { long: false },
            false,
            "Name der Quelle (Pflicht, wenn eine Quelle angegeben ist).",
        ),
        f(
            "source.table",
            "Quelle: Tabelle",
            Kind::Text { long: false },
            false,
            "Tabelle oder Veröffentlichung.",
        ),
        f(
            "source.url",
            "Quelle: Webseite",
            Kind::Str,
            false,
            "Adresse mit https://.",
        ),
        f(
            "frequency",
            "Turnus",
            Kind::Str,
            false,
            "Wie oft neue Werte kommen, z. B. yearly.",
        ),
        f(
            "next_update",
            "Nächste Aktualisierung",
            Kind::Date,
            false,
            "z. B. 2027-06.",
        ),
        f(
            "expected_from",
            "Daten erwartet ab",
            Kind::Date,
            false,
            "Für einen beschlossenen Indikator noch ohne Werte: wann die ersten kommen, z. B. 2027.",
        ),
        f(
            "no_data_reason",
            "Grund für fehlende Daten",
            Kind::Text { long: true },
            false,
            "Für einen beschlossenen Indikator noch ohne Werte: warum es noch keine gibt.",
        ),
        f(
            "definition",
            "Definition",
            Kind::Text { long: true },
            false,
            "Was genau gemessen wird.",
        ),
        f(
            "notes",
            "Anmerkungen",
            Kind::Text { long: true },
            false,
            "Hinweise zur Deutung.",
        ),
        f(
            "by_district.period",
            "Stadtteilwerte: Zeitraum",
            Kind::Period,
            false,
            "Zeitraum der Werte nach Stadtteil (Blatt Werte nach Stadtteil), z. B. 2025.",
        ),
        f(
            "by_district.series",
            "Stadtteilwerte: Reihe",
            Kind::Id,
            false,
            "Kennung der Reihe, zu der die Werte nach Stadtteil gehören (leer: die des Zielwerts).",
        ),
    ],
    children: &["series", "by_district.values"],
};

pub static SERIES: SheetSpec = SheetSpec {
    name: "Reihen",
    file: INDICATORS_FILE,
    about: "Die Datenreihen der Indikatoren (z. B. eine je Bevölkerungsgruppe), in der Reihenfolge der Zeilen.",
    keys: &[KeySpec {
        header: "Indikator",
        target: "Indikatoren",
        explain: "Pflicht. Kennung des Indikators.",
    }],
    fields: &[
        f("id", "Kennung", Kind::Id, true, "Pflicht. Eindeutig je Indikator (z. B. gesamt)."),
        f("label", "Bezeichnung", Kind::Text { long: false }, false, "Name der Reihe in Diagrammen."),
    ],
    children: &["observations"],
};

pub static VALUES: SheetSpec = SheetSpec {
    name: "Werte",
    file: INDICATORS_FILE,
    about: "Die beobachteten Werte, eine Zeile je Zeitraum und Reihe.",
    keys: &[
        KeySpec {
            header: "Indikator",
            target: "Indikatoren",
            explain: "Pflicht. Kennung des Indikators.",
        },
        KeySpec {
            header: "Reihe",
            target: "Reihen",
            explain: "Pflicht. Kennung der Reihe (Blatt Reihen).",
        },
    ],
    fields: &[
        f(
            "period",
            "Zeitraum",
            Kind::Period,
            true,
            "Pflicht. 2023, 2023-H1, 2023-Q2, 2023-06 oder 2023-06-30.",
        ),
        f(
            "value",
            "Wert",
            Kind::Number,
            false,
            "Zahl; leer, wenn unbekannt oder gesperrt.",
        ),
        f(
            "flag",
            "Kennzeichen",
            Kind::Choice(&FLAG),
            false,
            "Auswahl aus der Liste; ein gesperrter Wert bleibt leer.",
        ),
        f(
            "note",
            "Anmerkung",
            Kind::Text { long: false },
            false,
            "Fußnote zum Wert.",
        ),
    ],
    children: &[],
};

pub static DISTRICT_VALUES: SheetSpec = SheetSpec {
    name: "Werte nach Stadtteil",
    file: INDICATORS_FILE,
    about: "Die Werte eines Indikators je Stadtteil, für den Zeitraum in „Stadtteilwerte: Zeitraum“ (Blatt Indikatoren), eine Zeile je Stadtteil.",
    keys: &[KeySpec {
        header: "Indikator",
        target: "Indikatoren",
        explain: "Pflicht. Kennung des Indikators.",
    }],
    fields: &[
        f(
            "district",
            "Stadtteil",
            Kind::Ref("Stadtteile"),
            true,
            "Pflicht. Kennung des Stadtteils (Blatt Stadtteile); je Indikator nur einmal.",
        ),
        f(
            "value",
            "Wert",
            Kind::Number,
            false,
            "Zahl; leer, wenn unbekannt oder gesperrt.",
        ),
        f(
            "flag",
            "Kennzeichen",
            Kind::Choice(&FLAG),
            false,
            "Auswahl aus der Liste; ein gesperrter Wert bleibt leer.",
        ),
    ],
    children: &[],
};

/// The entity sheets in workbook order (the Plan sheet comes first, before these).
pub static ENTITY_SHEETS: [&SheetSpec; 15] = [
    &FIELDS,
    &GOALS,
    &ACTORS,
    &DISTRICTS,
    &REPORTS,
    &REPORT_PAPERS,
    &MEASURES,
    &MILESTONES,
    &UPDATES,
    &LINKS,
    &MEASURE_PAPERS,
    &INDICATORS,
    &SERIES,
    &VALUES,
    &DISTRICT_VALUES,
];

/// Every sheet name the tool reads, in order.
pub fn sheet_names() -> Vec<&'static str> {
    std::iter::once(PLAN_SHEET)
        .chain(ENTITY_SHEETS.iter().map(|s| s.name))
        .collect()
}

/// The name of the instructions sheet (written, never read).
pub const GUIDE_SHEET: &str = "Anleitung";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vocabularies_accept_values_and_both_languages() {
        assert_eq!(STATUS.parse("on_track"), Some("on_track"));
        assert_eq!(STATUS.parse("läuft - im Plan"), Some("on_track"));
        assert_eq!(STATUS.parse(" Läuft – im Plan "), Some("on_track"));
        assert_eq!(STATUS.parse("on track"), Some("on_track"));
        assert_eq!(STATUS.parse("läuft"), None);
        assert_eq!(ACTOR_KIND.parse("migrant_org"), Some("migrant_org"));
        assert_eq!(STATUS.label("delayed"), "läuft – verzögert");
    }

    /// The German UI texts as the app's translators wrote them.
    fn german_ui_texts() -> std::collections::HashMap<String, String> {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../locales/de.json");
        let text = std::fs::read_to_string(path).expect("locales/de.json");
        serde_json::from_str(&text).expect("a flat JSON object of strings")
    }

    #[test]
    fn every_spreadsheet_word_is_the_german_ui_text_of_its_variant() {
        let de = german_ui_texts();
        // Each vocabulary with the variants of its enum and the UI text key of each, spelled out
        // here as the app's views spell them, so neither side can drift alone.
        let cases: Vec<(&Vocab, Vec<(&str, String)>)> = vec![
            (
                &STATUS,
                Status::ALL
                    .iter()
                    .map(|s| (s.as_str(), format!("status.{}", s.as_str())))
                    .collect(),
            ),
            (
                &ACTOR_KIND,
                ActorKind::ALL
                    .iter()
                    .map(|k| (k.as_str(), format!("actor.kind.{}", k.as_str())))
                    .collect(),
            ),
            (
                &INDICATOR_KIND,
                IndicatorKind::ALL
                    .iter()
                    .map(|k| (k.as_str(), format!("indicator.kind.{}", k.as_str())))
                    .collect(),
            ),
            (
                &DIRECTION,
                Direction::ALL
                    .iter()
                    .map(|d| (d.as_str(), format!("indicator.direction.{}", d.as_str())))
                    .collect(),
            ),
            (
                &FLAG,
                Flag::ALL
                    .iter()
                    .map(|f| (f.as_str(), format!("flag.{}", f.as_str())))
                    .collect(),
            ),
            (
                &GAP_MEASURE,
                GapMeasure::ALL
                    .iter()
                    .map(|m| (m.as_str(), format!("gap.measure.{}", m.as_str())))
                    .collect(),
            ),
        ];
        assert_eq!(cases.len(), Vocab::ALL.len());
        for (vocab, variants) in cases {
            let mut expected = Vec::new();
            for (code, key) in variants {
                let text = de
                    .get(&key)
                    .unwrap_or_else(|| panic!("{key} missing in de.json"));
                assert_eq!(&vocab.label(code), text, "{vocab:?} {code}");
                assert_eq!(vocab.parse(text), Some(code), "{vocab:?} {text}");
                expected.push(text.clone());
            }
            // The drop-down offers exactly the variants, in the enum's order.
            assert_eq!(vocab.labels(), expected, "{vocab:?}");
        }
    }

    /// A value with its German and its English word.
    type Words = (&'static str, &'static str, &'static str);

    #[test]
    fn words_of_earlier_workbooks_and_english_words_still_import() {
        // Every word the drop-downs offered or import took before the words came from the UI
        // texts: (value, German word, English word).
        let earlier: [(&Vocab, &[Words]); 5] = [
            (
                &STATUS,
                &[
                    ("planned", "geplant", "planned"),
                    ("preparing", "in Vorbereitung", "preparing"),
                    ("on_track", "läuft – im Plan", "on track"),
                    ("delayed", "läuft – verzögert", "delayed"),
                    ("completed", "abgeschlossen", "completed"),
                    ("continued", "verstetigt", "continued"),
                    ("paused", "zurückgestellt", "paused"),
                    ("dropped", "entfallen", "dropped"),
                ],
            ),
            (
                &ACTOR_KIND,
                &[
                    ("city", "Stadtverwaltung", "city"),
                    ("public", "andere öffentliche Stelle", "public body"),
                    ("education", "Bildung", "education"),
                    ("welfare", "Wohlfahrtsverband", "welfare"),
                    (
                        "migrant_org",
                        "Migrantenorganisation",
                        "migrant organisation",
                    ),
                    ("civil", "Zivilgesellschaft", "civil society"),
                    ("business", "Wirtschaft", "business"),
                    ("other", "Sonstige", "other"),
                ],
            ),
            (
                &INDICATOR_KIND,
                &[
                    ("outcome", "Wirkung", "outcome"),
                    ("output", "Leistung", "output"),
                    ("context", "Kontext", "context"),
                ],
            ),
            (
                &DIRECTION,
                &[
                    ("up", "steigen", "up"),
                    ("down", "sinken", "down"),
                    ("none", "keine Richtung", "none"),
                ],
            ),
            (
                &FLAG,
                &[
                    ("provisional", "vorläufig", "provisional"),
                    ("estimated", "geschätzt", "estimated"),
                    ("break", "Zeitreihenbruch", "break"),
                    ("suppressed", "gesperrt", "suppressed"),
                ],
            ),
        ];
        for (vocab, words) in earlier {
            for (code, de, en) in words {
                for w in [code, de, en] {
                    assert_eq!(vocab.parse(w), Some(*code), "{vocab:?} {w}");
                }
            }
        }
        // And the English UI texts.
        let en = wegmarke_core::i18n::Catalog::new("en");
        assert_eq!(STATUS.parse(en.t("status.paused")), Some("paused"));
        assert_eq!(DIRECTION.parse(en.t("indicator.direction.up")), Some("up"));
    }

    #[test]
    fn no_word_stands_for_two_values() {
        for vocab in Vocab::ALL {
            let mut seen: Vec<(String, &str)> = Vec::new();
            for w in vocab.words() {
                for a in &w.accepted {
                    if let Some((_, other)) = seen.iter().find(|(s, c)| s == a && *c != w.code) {
                        panic!("{vocab:?}: „{a}“ means {other} and {}", w.code);
                    }
                    seen.push((a.clone(), w.code));
                }
            }
        }
    }

    #[test]
    fn an_empty_choice_is_explained_with_the_word_of_the_contracts_default() {
        let kind = INDICATORS.field("kind").expect("kind column");
        let de = german_ui_texts();
        assert_eq!(
            kind.explanation(),
            format!("{} Leer: {}.", kind.explain, de["indicator.kind.outcome"])
        );
        let status = MEASURES.field("status").expect("status column");
        assert_eq!(status.explanation(), status.explain);
    }

    #[test]
    fn drop_down_lists_fit_excel_limits() {
        // Excel allows 255 characters in a list validation, and no commas in the words.
        for v in [&STATUS, &ACTOR_KIND, &INDICATOR_KIND, &DIRECTION, &FLAG] {
            let labels = v.labels();
            assert!(labels.join(",").chars().count() < 255);
            assert!(labels.iter().all(|l| !l.contains(',')));
        }
    }

    #[test]
    fn every_entity_sheet_and_unknown_fields_row_names_one_of_the_data_files() {
        for s in ENTITY_SHEETS {
            assert!(wegmarke_core::DATA_FILES.contains(&s.file), "{}", s.name);
        }
        for ((file, key), name) in PLAN_EXTRA_FILE.iter().zip(wegmarke_core::DATA_FILES) {
            assert_eq!(*file, name);
            assert_eq!(*key, format!("weitere Felder: {name}"));
        }
    }

    #[test]
    fn headers_are_unique_per_sheet() {
        for s in ENTITY_SHEETS {
            let mut seen: Vec<String> = s.keys.iter().map(|k| normalize(k.header)).collect();
            for f in s.fields {
                let h = normalize(f.header);
                assert!(!seen.contains(&h), "{} {}", s.name, f.header);
                seen.push(h);
            }
        }
    }
}
