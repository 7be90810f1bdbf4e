//! A data problem: what is wrong, where (file, JSON path, line and column) and how bad, with a
//! message in German and English. The app and the staff tool show exactly these.

use std::fmt;

use serde::Serialize;

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The file cannot be used at all.
    Fatal,
    /// One entry or value is left out or flagged; the rest is used.
    Problem,
}

/// One step of a JSON path.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Segment {
    Key(String),
    Index(usize),
}

/// A path into a JSON document, printed as `measures[12].goals[0]`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct JsonPath(pub Vec<Segment>);

impl JsonPath {
    /// The empty path (the whole file).
    pub fn root() -> Self {
        JsonPath(Vec::new())
    }

    /// This path with a key appended.
    pub fn key(&self, k: &str) -> Self {
        let mut v = self.0.clone();
        v.push(Segment::Key(k.to_owned()));
        JsonPath(v)
    }

    /// This path with an array index appended.
    pub fn index(&self, i: usize) -> Self {
        let mut v = self.0.clone();
        v.push(Segment::Index(i));
        JsonPath(v)
    }

    /// This path followed by another.
    pub fn join(&self, other: &JsonPath) -> Self {
        let mut v = self.0.clone();
        v.extend(other.0.iter().cloned());
        JsonPath(v)
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                Segment::Key(k) if i == 0 => write!(f, "{k}")?,
                Segment::Key(k) => write!(f, ".{k}")?,
                Segment::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

impl Serialize for JsonPath {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// What a reference points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RefKind {
    Field,
    Goal,
    Actor,
    Indicator,
    Series,
    District,
}

impl RefKind {
    fn de(self) -> &'static str {
        match self {
            RefKind::Field => "unbekanntes Handlungsfeld",
            RefKind::Goal => "unbekanntes Ziel",
            RefKind::Actor => "unbekannter Akteur",
            RefKind::Indicator => "unbekannter Indikator",
            RefKind::Series => "unbekannte Datenreihe",
            RefKind::District => "unbekannter Stadtteil",
        }
    }
    fn en(self) -> &'static str {
        match self {
            RefKind::Field => "unknown field of action",
            RefKind::Goal => "unknown goal",
            RefKind::Actor => "unknown actor",
            RefKind::Indicator => "unknown indicator",
            RefKind::Series => "unknown series",
            RefKind::District => "unknown district",
        }
    }
}

/// Why a link is not shown (see [`check_link`](crate::validate::check_link)).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkFault {
    /// A scheme other than http, https, mailto or tel (`javascript:`, `data:`, none at all).
    Scheme,
    /// Spaces at the start or end, or control, line-break or invisible characters anywhere.
    Whitespace,
    /// Longer than [`MAX_LINK`](crate::validate::MAX_LINK) characters.
    TooLong,
    /// A web address without `//` and a plain host name, or with a backslash.
    Host,
    /// A user name or password before the host (`https://user:pw@host`).
    Credentials,
    /// A mail link or address that is not exactly one plain address.
    MailAddress,
    /// A mail link with something other than one `subject` (`cc`, `bcc`, `body`, …).
    MailQuery,
    /// A phone number with characters other than `+`, digits, spaces, `-`, `(`, `)`, `/`.
    Phone,
    /// A `mailto:` or `tel:` link where only a web page (http, https) fits.
    WebOnly,
}

impl LinkFault {
    fn de(self) -> &'static str {
        match self {
            LinkFault::Scheme => "nur http, https, mailto oder tel",
            LinkFault::Whitespace => {
                "Leerzeichen am Anfang oder Ende, Zeilenumbruch, Steuer- oder unsichtbares Zeichen"
            }
            LinkFault::TooLong => "länger als 2000 Zeichen",
            LinkFault::Host => {
                "eine Webadresse braucht \"//\" und einen Servernamen, ohne Backslash"
            }
            LinkFault::Credentials => "Benutzername oder Passwort in der Adresse",
            LinkFault::MailAddress => "genau eine E-Mail-Adresse der Form name@beispiel.de",
            LinkFault::MailQuery => {
                "nach der E-Mail-Adresse ist nur ?subject=… erlaubt, kein cc, bcc oder body"
            }
            LinkFault::Phone => "eine Telefonnummer aus +, Ziffern, Leerzeichen, -, (, ) und /",
            LinkFault::WebOnly => "hier nur eine Webseite mit http oder https",
        }
    }
    fn en(self) -> &'static str {
        match self {
            LinkFault::Scheme => "only http, https, mailto or tel",
            LinkFault::Whitespace => {
                "a space at the start or end, a line break, a control or an invisible character"
            }
            LinkFault::TooLong => "longer than 2,000 characters",
            LinkFault::Host => "a web address needs \"//\" and a server name, without backslashes",
            LinkFault::Credentials => "a user name or password in the address",
            LinkFault::MailAddress => "exactly one email address such as name@example.org",
            LinkFault::MailQuery => {
                "after the email address only ?subject=… is allowed, no cc, bcc or body"
            }
            LinkFault::Phone => "a phone number of +, digits, spaces, -, (, ) and /",
            LinkFault::WebOnly => "only a web page with http or https here",
        }
    }
}

/// Why a path is not used (see [`check_path`](crate::validate::check_path)).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PathFault {
    /// Empty, or naming the folder itself rather than something in it.
    Empty,
    /// Spaces at the start or end, or control, line-break or invisible characters anywhere.
    Whitespace,
    /// A backslash (`\`); paths use `/`.
    Backslash,
    /// An address with a scheme (`https:`, `javascript:`, `data:`, `C:`).
    Scheme,
    /// Starts with `//` (or `/\`): another server.
    OtherHost,
    /// Resolves outside its folder (`..`, also percent-encoded as `%2e%2e`, or a leading `/`).
    Outside,
    /// A percent-encoded `/`, `\`, `.` or `..` segment or control character (`%2f`, `%5c`).
    Encoded,
    /// A `?` or `#`: a path names a file or folder, nothing more.
    QueryOrFragment,
    /// Longer than [`MAX_LINK`](crate::validate::MAX_LINK) characters.
    TooLong,
}

impl PathFault {
    fn de(self) -> &'static str {
        match self {
            PathFault::Empty => "leer oder nur der Ordner selbst",
            PathFault::Whitespace => {
                "Leerzeichen am Anfang oder Ende, Zeilenumbruch, Steuer- oder unsichtbares Zeichen"
            }
            PathFault::Backslash => "Backslash \\; Pfade verwenden /",
            PathFault::Scheme => {
                "eine Adresse mit Schema wie https: oder javascript: statt eines relativen Pfads"
            }
            PathFault::OtherHost => "beginnt mit // und zeigt damit auf einen anderen Server",
            PathFault::Outside => "führt aus dem Ordner hinaus, mit .. oder / am Anfang",
            PathFault::Encoded => {
                "kodierter Schrägstrich, Backslash, Punkt oder Steuerzeichen wie %2f, %5c, %2e"
            }
            PathFault::QueryOrFragment => "enthält ? oder #",
            PathFault::TooLong => "länger als 2000 Zeichen",
        }
    }
    fn en(self) -> &'static str {
        match self {
            PathFault::Empty => "empty, or only the folder itself",
            PathFault::Whitespace => {
                "a space at the start or end, a line break, a control or an invisible character"
            }
            PathFault::Backslash => "a backslash \\; paths use /",
            PathFault::Scheme => {
                "an address with a scheme such as https: or javascript: instead of a relative path"
            }
            PathFault::OtherHost => "starts with // and so points to another server",
            PathFault::Outside => "leads out of the folder, with .. or a leading /",
            PathFault::Encoded => {
                "an encoded slash, backslash, dot or control character such as %2f, %5c, %2e"
            }
            PathFault::QueryOrFragment => "contains ? or #",
            PathFault::TooLong => "longer than 2,000 characters",
        }
    }
}

/// Why an entry is left out without a problem of its own that says so.
/// Bad values cut out of one entry before the whole entry is left out: validation's limit,
/// named in the message of [`LeftOutReason::TooManyBadValues`].
pub const MAX_CUTS_PER_ENTRY: usize = 64;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LeftOutReason {
    /// More bad values than are cut out of one entry ([`MAX_CUTS_PER_ENTRY`]).
    TooManyBadValues,
    /// Its problem is past [`MAX_PROBLEMS_PER_FILE`](crate::validate::MAX_PROBLEMS_PER_FILE)
    /// and only counted.
    TooManyProblems,
}

/// What is wrong. Each kind has a German and an English message.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ProblemKind {
    /// The file could not be fetched or read (HTTP status, network, file system).
    Unreachable { detail: String },
    /// The file is not UTF-8 text.
    NotUtf8 { offset: usize },
    /// The file starts with a byte-order mark (ignored).
    ByteOrderMark,
    /// The server sent an HTML page instead of JSON.
    LooksLikeHtml,
    /// The file is empty.
    Empty,
    /// JSON syntax error; `truncated` when the file ends too early.
    Syntax { detail: String, truncated: bool },
    /// The top level is not a JSON object.
    NotAnObject,
    /// No `format` field.
    FormatMissing,
    /// A `format` this version does not read.
    FormatUnknown { found: String },
    /// A required field is missing.
    MissingField { field: String },
    /// A value of the wrong JSON type.
    WrongType { found: String, expected: String },
    /// A value that is not one of the allowed words.
    UnknownValue { found: String, allowed: String },
    /// A period that does not exist or is not in one of the five forms.
    InvalidPeriod { value: String },
    /// A date that does not exist or is not in one of the three forms.
    InvalidDate { value: String },
    /// An id with characters other than A–Z, a–z, 0–9, '.', '_', '-' or of a wrong length.
    InvalidId { value: String },
    /// The same id twice; the later entry is left out.
    DuplicateId { id: String, first: String },
    /// A reference to something that does not exist.
    UnknownReference { target: RefKind, id: String },
    /// A number outside its allowed range.
    OutOfRange { value: f64, min: f64, max: f64 },
    /// A number too large to be meant.
    AbsurdNumber { value: f64 },
    /// An end date before the start date.
    EndBeforeStart { start: String, end: String },
    /// A suppressed observation with a value.
    SuppressedNotNull,
    /// A gap that compares a series with itself; the gap is left out.
    GapWithItself { series: String },
    /// A link (or email address, phone number) the dashboard does not show, and why.
    BadLink { url: String, fault: LinkFault },
    /// A path that would leave its folder or is not a plain relative path, and why; not used.
    BadPath { path: String, fault: PathFault },
    /// A language in config.json's `languages` the dashboard does not have; not offered.
    UnknownLanguage { tag: String },
    /// A licence id with other characters than letters, digits and `. _ - / + :`, or too long.
    InvalidLicenceId { value: String },
    /// A municipality key that is not 8 or 12 digits.
    InvalidMunicipalityKey { value: String },
    /// A text longer than allowed; it is cut.
    TooLong { length: usize, max: usize },
    /// A required text that is empty.
    EmptyText,
    /// A council paper without its reference (Drucksache number); the paper is left out.
    EmptyReference,
    /// The same council paper twice in one list; the later one is left out.
    DuplicateReference { reference: String, first: String },
    /// The same district twice in an indicator's values by district; the later is left out.
    DuplicateDistrict { district: String, first: String },
    /// The same key twice in one object; the later value is used.
    DuplicateKey { key: String },
    /// A theme colour that is not `#rrggbb` or has too little contrast; the default is used.
    LowContrast {
        key: String,
        color: String,
        ratio: Option<f64>,
    },
    /// More problems than are listed.
    TooManyProblems { more: usize },
    /// An entry (a measure, an indicator, an observation, …) that is left out, and why.
    EntryLeftOut { reason: LeftOutReason },
    /// Anything else the JSON reader reported.
    Other { detail: String },
}

/// One located problem in one file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Problem {
    pub severity: Severity,
    /// The file name relative to the data folder, e.g. `measures.json`.
    pub file: String,
    pub path: JsonPath,
    pub line: Option<usize>,
    pub column: Option<usize>,
    #[serde(flatten)]
    pub kind: ProblemKind,
}

impl Problem {
    /// A problem without line and column (they are filled in by validation where the text is known).
    pub fn new(severity: Severity, file: &str, path: JsonPath, kind: ProblemKind) -> Self {
        Problem {
            severity,
            file: file.to_owned(),
            path,
            line: None,
            column: None,
            kind,
        }
    }

    /// Where the problem is: `measures.json: measures[12].goals[0]` or `plan.json, 3:14`.
    pub fn location(&self) -> String {
        let mut s = self.file.clone();
        if let (Some(l), Some(c)) = (self.line, self.column) {
            s.push_str(&format!(":{l}:{c}"));
        }
        if !self.path.0.is_empty() {
            s.push_str(&format!(": {}", self.path));
        }
        s
    }

    /// The message in German ("de") or English (any other language tag).
    pub fn message(&self, lang: &str) -> String {
        if lang == "de" {
            message_de(&self.kind)
        } else {
            message_en(&self.kind)
        }
    }

    /// Location and message on one line, as the staff tool prints it.
    pub fn to_line(&self, lang: &str) -> String {
        format!("{}: {}", self.location(), self.message(lang))
    }
}

fn num(v: f64) -> String {
    crate::format::number(v, None, "en")
}

fn message_de(k: &ProblemKind) -> String {
    use ProblemKind::*;
    match k {
        Unreachable { detail } => format!("Die Datei konnte nicht geladen werden ({detail}). Bitte prüfen Sie, ob sie auf dem Server liegt, und versuchen Sie es erneut."),
        NotUtf8 { offset } => format!("Die Datei ist kein UTF-8-Text (ungültiges Byte an Position {offset}). Bitte als UTF-8 speichern."),
        ByteOrderMark => "Die Datei beginnt mit einer Byte-Order-Markierung (BOM); sie wurde ignoriert. Bitte als UTF-8 ohne BOM speichern.".into(),
        LooksLikeHtml => "Statt JSON wurde eine HTML-Seite geliefert (falscher Pfad oder Fehlerseite des Servers).".into(),
        Empty => "Die Datei ist leer.".into(),
        Syntax { detail, truncated: true } => format!("Die Datei endet mitten im JSON – sie ist vermutlich unvollständig hochgeladen ({detail})."),
        Syntax { detail, .. } => format!("Die Datei ist kein gültiges JSON ({detail}). Häufige Ursachen: fehlendes Komma, Anführungszeichen oder Klammer."),
        NotAnObject => "Die Datei muss ein JSON-Objekt { … } enthalten.".into(),
        FormatMissing => "Das Feld \"format\" fehlt; erwartet wird \"wegmarke/1\".".into(),
        FormatUnknown { found } => format!("Unbekanntes Format \"{}\"; diese Version liest \"wegmarke/1\".", clip(found)),
        MissingField { field } => format!("Pflichtfeld \"{field}\" fehlt."),
        WrongType { found, expected } => format!("falscher Typ: {} statt {}", clip(&type_de(found)), clip(&type_de(expected))),
        UnknownValue { found, allowed } => format!("unzulässiger Wert \"{}\"; erlaubt: {}", clip(found), clip(allowed)),
        InvalidPeriod { value } => format!("ungültiger Zeitraum \"{value}\" (erlaubt: 2023, 2023-H1, 2023-Q2, 2023-06, 2023-06-30 mit existierendem Datum)"),
        InvalidDate { value } => format!("ungültiges Datum \"{value}\" (erlaubt: 2023-06-30, 2023-06 oder 2023 mit existierendem Datum)"),
        InvalidId { value } => format!("ungültige Kennung \"{}\" (1–64 Zeichen: A–Z, a–z, 0–9, Punkt, Unterstrich, Bindestrich)", clip(value)),
        DuplicateId { id, first } => format!("Kennung \"{id}\" kommt doppelt vor (zuerst bei {first}); dieser Eintrag wird ausgelassen"),
        UnknownReference { target, id } => format!("{} \"{}\"", target.de(), clip(id)),
        OutOfRange { value, min, max } => format!("Wert {} liegt außerhalb von {} bis {}", num(*value), num(*min), num(*max)),
        AbsurdNumber { value } => format!("unplausibel großer Wert {}; der Wert wird ausgelassen", crate::format::scientific(*value)),
        EndBeforeStart { start, end } => format!("Ende {end} liegt vor dem Beginn {start}"),
        SuppressedNotNull => "gesperrter Wert (\"suppressed\") muss null sein; der Wert wird nicht angezeigt".into(),
        GapWithItself { series } => format!("der Abstand vergleicht die Reihe \"{}\" mit sich selbst; der Abstand wird nicht gezeigt", clip(series)),
        BadLink { url, fault } => format!("unzulässiger Link \"{}\" ({}); der Link wird ausgelassen", clip(url), fault.de()),
        BadPath { path, fault } => format!("unzulässiger Pfad \"{}\" ({}); der Pfad wird nicht verwendet", clip(path), fault.de()),
        UnknownLanguage { tag } => format!("unbekannte Sprache \"{}\" (vorhanden: {}); sie wird nicht angeboten", clip(tag), language_tags()),
        InvalidMunicipalityKey { value } => format!("ungültiger Gemeindeschlüssel \"{}\" (8 Ziffern, z. B. 08117024, oder der 12-stellige Regionalschlüssel); er wird ausgelassen", clip(value)),
        InvalidLicenceId { value } => format!("ungültige Lizenzkennung \"{}\" (höchstens 100 Zeichen: A–Z, a–z, 0–9, . _ - / + :, z. B. dl-by-de/2.0); sie wird ausgelassen", clip(value)),
        TooLong { length, max } => format!("Text zu lang ({length} Zeichen, höchstens {max}); er wird gekürzt"),
        EmptyText => "Text ist leer".into(),
        EmptyReference => "Drucksache ohne Nummer (\"reference\"); sie wird ausgelassen".into(),
        DuplicateReference { reference, first } => format!("Drucksache \"{}\" steht doppelt in dieser Liste (zuerst bei {first}); die spätere wird ausgelassen", clip(reference)),
        DuplicateDistrict { district, first } => format!("Stadtteil \"{}\" hat schon einen Wert (bei {first}); der spätere wird ausgelassen", clip(district)),
        DuplicateKey { key } => format!("Feld \"{}\" kommt in diesem Objekt doppelt vor; der spätere Wert wird verwendet", clip(key)),
        LowContrast { key, color, ratio: Some(r) } => format!("Farbe {key} \"{}\" hat nur {}:1 Kontrast zu Weiß (nötig: 4,5:1, WCAG 2.1 AA); die Standardfarbe wird verwendet", clip(color), crate::format::number(*r, Some(2), "de")),
        LowContrast { key, color, ratio: None } => format!("Farbe {key} \"{}\" ist keine Farbe im Format #rrggbb; die Standardfarbe wird verwendet", clip(color)),
        TooManyProblems { more } => format!("… und {more} weitere Probleme in dieser Datei"),
        EntryLeftOut { reason: LeftOutReason::TooManyBadValues } => format!("Dieser Eintrag hat zu viele fehlerhafte Werte (mehr als {}) und wird ausgelassen.", MAX_CUTS_PER_ENTRY),
        EntryLeftOut { reason: LeftOutReason::TooManyProblems } => "Dieser Eintrag wird ausgelassen (zu viele Probleme in dieser Datei, um alle einzeln zu nennen).".into(),
        Other { detail } => format!("ungültiger Inhalt ({detail})"),
    }
}

fn message_en(k: &ProblemKind) -> String {
    use ProblemKind::*;
    match k {
        Unreachable { detail } => format!("The file could not be loaded ({detail}). Please check that it is on the server and try again."),
        NotUtf8 { offset } => format!("The file is not UTF-8 text (invalid byte at position {offset}). Please save it as UTF-8."),
        ByteOrderMark => "The file starts with a byte-order mark (BOM); it was ignored. Please save as UTF-8 without BOM.".into(),
        LooksLikeHtml => "An HTML page was served instead of JSON (wrong path or a server error page).".into(),
        Empty => "The file is empty.".into(),
        Syntax { detail, truncated: true } => format!("The file ends in the middle of the JSON – it was probably not uploaded completely ({detail})."),
        Syntax { detail, .. } => format!("The file is not valid JSON ({detail}). Common causes: a missing comma, quote or bracket."),
        NotAnObject => "The file must contain a JSON object { … }.".into(),
        FormatMissing => "The field \"format\" is missing; expected \"wegmarke/1\".".into(),
        FormatUnknown { found } => format!("Unknown format \"{}\"; this version reads \"wegmarke/1\".", clip(found)),
        MissingField { field } => format!("Required field \"{field}\" is missing."),
        WrongType { found, expected } => format!("wrong type: {} instead of {}", clip(found), clip(expected)),
        UnknownValue { found, allowed } => format!("value \"{}\" is not allowed; allowed: {}", clip(found), clip(allowed)),
        InvalidPeriod { value } => format!("invalid period \"{value}\" (allowed: 2023, 2023-H1, 2023-Q2, 2023-06, 2023-06-30 with a real date)"),
        InvalidDate { value } => format!("invalid date \"{value}\" (allowed: 2023-06-30, 2023-06 or 2023 with a real date)"),
        InvalidId { value } => format!("invalid id \"{}\" (1–64 characters: A–Z, a–z, 0–9, dot, underscore, hyphen)", clip(value)),
        DuplicateId { id, first } => format!("id \"{id}\" appears twice (first at {first}); this entry is left out"),
        UnknownReference { target, id } => format!("{} \"{}\"", target.en(), clip(id)),
        OutOfRange { value, min, max } => format!("value {} is outside {} to {}", num(*value), num(*min), num(*max)),
        AbsurdNumber { value } => format!("implausibly large value {}; the value is left out", crate::format::scientific(*value)),
        EndBeforeStart { start, end } => format!("end {end} is before start {start}"),
        SuppressedNotNull => "a suppressed value must be null; the value is not shown".into(),
        GapWithItself { series } => format!("the gap compares series \"{}\" with itself; the gap is not shown", clip(series)),
        BadLink { url, fault } => format!("link \"{}\" is not allowed ({}); the link is left out", clip(url), fault.en()),
        BadPath { path, fault } => format!("path \"{}\" is not allowed ({}); the path is not used", clip(path), fault.en()),
        UnknownLanguage { tag } => format!("unknown language \"{}\" (available: {}); it is not offered", clip(tag), language_tags()),
        InvalidMunicipalityKey { value } => format!("invalid municipality key \"{}\" (8 digits, e.g. 08117024, or the 12-digit regional key); it is left out", clip(value)),
        InvalidLicenceId { value } => format!("invalid licence id \"{}\" (at most 100 characters: A–Z, a–z, 0–9, . _ - / + :, e.g. dl-by-de/2.0); it is left out", clip(value)),
        TooLong { length, max } => format!("text too long ({length} characters, at most {max}); it is shortened"),
        EmptyText => "text is empty".into(),
        EmptyReference => "council paper without its number (\"reference\"); it is left out".into(),
        DuplicateReference { reference, first } => format!("council paper \"{}\" is listed twice (first at {first}); the later one is left out", clip(reference)),
        DuplicateDistrict { district, first } => format!("district \"{}\" already has a value (at {first}); the later one is left out", clip(district)),
        DuplicateKey { key } => format!("field \"{}\" appears twice in this object; the later value is used", clip(key)),
        LowContrast { key, color, ratio: Some(r) } => format!("colour {key} \"{}\" has only {}:1 contrast with white (needed: 4.5:1, WCAG 2.1 AA); the default colour is used", clip(color), crate::format::number(*r, Some(2), "en")),
        LowContrast { key, color, ratio: None } => format!("colour {key} \"{}\" is not a #rrggbb colour; the default colour is used", clip(color)),
        TooManyProblems { more } => format!("… and {more} more problems in this file"),
        EntryLeftOut { reason: LeftOutReason::TooManyBadValues } => format!("This entry has too many bad values (more than {}) and is left out.", MAX_CUTS_PER_ENTRY),
        EntryLeftOut { reason: LeftOutReason::TooManyProblems } => "This entry is left out (too many problems in this file to list them all).".into(),
        Other { detail } => format!("invalid content ({detail})"),
    }
}

/// The built-in language tags, `de, en, …`.
fn language_tags() -> String {
    let tags: Vec<&str> = crate::i18n::LANGUAGES.iter().map(|l| l.tag).collect();
    tags.join(", ")
}

/// Keeps hostile or huge values from flooding a message: at most 80 characters, and control
/// or invisible characters written as escapes (`\n`, `\u{202e}`) so a message shows what is
/// really there and cannot move a terminal's cursor.
fn clip(s: &str) -> String {
    const MAX: usize = 80;
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i == MAX {
            out.push('…');
            break;
        }
        if c.is_control() || crate::text::is_invisible(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// German names for the JSON type words serde uses in its messages.
fn type_de(t: &str) -> String {
    let t = t.trim();
    let word = |w: &str| t.starts_with(w);
    if word("a string") || word("string") || word("a text") {
        "Text".into()
    } else if word("a sequence") || word("sequence") {
        "Liste [ … ]".into()
    } else if word("a map") || word("map") || word("struct") || word("an object") {
        "Objekt { … }".into()
    } else if word("a boolean") || word("boolean") {
        "Wahrheitswert (true/false)".into()
    } else if word("null") || word("unit") {
        "null".into()
    } else if word("integer")
        || word("floating point")
        || word("f64")
        || word("u8")
        || word("i32")
        || word("i64")
        || word("a number")
    {
        "Zahl".into()
    } else {
        t.to_owned()
    }
}
