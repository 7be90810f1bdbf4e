//! What a finding is about, as data: the staff tool's JSON output, the Datenwerkstatt and the
//! tests tell findings apart by their kind, never by the words of their message (which are
//! built where the finding is made, in German and English).

use serde::Serialize;
use wegmarke_core::ProblemKind;

/// The kind of a [`Finding`](crate::Finding), with the values that made it.
///
/// Serialised as `{"kind": "not_a_number", "detail": {"found": "viel"}}`; a core problem as
/// `{"kind": "core", "detail": {"kind": "unknown_reference", …}}`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", content = "detail", rename_all = "snake_case")]
pub enum FindingKind {
    // ---- the file itself
    /// A file of 0 bytes.
    EmptyFile,
    /// Not a spreadsheet (a PDF, a Word document, a JSON file, a single CSV file, …).
    NotAWorkbook { what: String },
    /// A workbook encrypted with a password.
    Password,
    /// A damaged or incomplete workbook, or one the reader gave up on.
    Corrupt { detail: String },
    /// A sheet with more rows or columns in use than a sheet may have.
    TooLarge { sheet: String },
    /// A CSV file that is not UTF-8 (read as Windows-1252 or UTF-16).
    NotUtf8,
    /// A CSV file the CSV reader cannot read.
    MalformedCsv { detail: String },
    /// A file or folder that does not exist.
    FileNotFound,
    /// A file that may not be read or written (permissions, or another program locks it).
    NoPermission,
    /// Any other error of the file system.
    Unreadable { detail: String },
    /// The file is open in a spreadsheet program (its lock file is there).
    OpenElsewhere,
    /// A folder without CSV files (or a data folder given where a workbook is expected).
    NoCsvFiles { data_folder: bool },
    /// No file chosen (Datenwerkstatt).
    NoFile,
    /// Files of several kinds chosen at once (Datenwerkstatt).
    MixedFiles,
    /// A JSON file that is not one of the three data files.
    NotADataFile { name: String },
    /// A data file not chosen: the published one stays.
    NotChosen,

    // ---- sheets and columns
    /// A sheet the data format does not have; it is not read.
    UnknownSheet { sheet: String },
    /// A sheet of the data format is missing; `kept` when its entries come from the existing
    /// file.
    MissingSheet { sheet: String, kept: bool },
    /// A sheet without any filled row.
    EmptySheet,
    /// The first filled row holds none of the expected headers.
    NoHeaderRow,
    /// The same column header twice.
    DuplicateColumn { column: String },
    /// A required column (an id, or the id of the parent) is missing.
    MissingColumn { column: String },
    /// Optional columns are missing; their values are kept from the existing file.
    ColumnsMissing { columns: Vec<String> },
    /// Language columns are missing; their texts are kept from the existing file.
    LanguagesKept { columns: Vec<String> },
    /// A column the sheet does not have; its content is lost.
    UnknownColumn { column: String },
    /// Rows hidden in the spreadsheet program that hold data; they are imported all the same.
    HiddenRows { rows: Vec<u32> },

    // ---- cells
    /// A spreadsheet error value such as `#NV`, `#DIV/0!` or `#NAME?`.
    ErrorValue { value: String },
    /// Not a number.
    NotANumber { found: String },
    /// Not a whole number.
    NotAnInteger { found: String },
    /// A word that is not one of the column's list (also yes/no).
    UnknownChoice { found: String, allowed: Vec<String> },
    /// The spreadsheet program stored the value as a date; it is read as `value`.
    StoredAsDate { value: String },
    /// A progress cell between 0 and 1 read as a percentage (0.45 -> 45).
    PercentAsFraction { found: f64, read: f64 },
    /// A number written with German thousands separators that could also be a decimal
    /// (`1.234` read as 1234).
    AmbiguousNumber { found: String, read: f64 },
    /// Spaces (also non-breaking ones) around an id were removed.
    Trimmed { found: String },
    /// A list in JSON form with something other than texts.
    InvalidList,
    /// A text both in the column without language and in the default language's column.
    TextTwice { lang: String },
    /// The "Weitere Felder (JSON)" cell or row is no JSON object.
    InvalidExtras,
    /// A non-text plan field in a language column.
    ValueInLanguageColumn { field: String },

    // ---- rows and entries
    /// A required value is empty, or the workbook has no column for it.
    MissingValue { column: String },
    /// A value the contract type does not take.
    InvalidContent { column: String, detail: String },
    /// A child row (milestone, series, value, …) whose parent does not exist.
    UnknownParent { id: String, sheet: String },
    /// A row of the Plan sheet twice.
    DuplicateEntry { key: String },
    /// A row of the Plan sheet the data format does not have; its value is lost.
    UnknownEntry { key: String },
    /// "Weitere Felder" holds a field that has its own column or sheet.
    Conflict { field: String },
    /// What is kept from an existing file does not fit the data format.
    ExistingInvalid { file: String, detail: String },
    /// A problem in the core's terms: found by the validation of the written files (and
    /// located at its cell), or a cell value the core's rules reject (a date that does not
    /// exist).
    Core(ProblemKind),
    /// A question before publishing (a plausibility note of the core), located at its cell.
    Question(wegmarke_core::plausibility::NoteKind),

    // ---- writing
    /// A language tag that cannot be a column header.
    LanguageTag { tag: String },
    /// A text longer than an Excel cell holds.
    CellTooLong { cell: String },
    /// The workbook or a file could not be written.
    WriteFailed { detail: String },
    /// The output exists and may hold changes not imported yet (without `--force`).
    OutputExists,
    /// An output name with the wrong ending.
    WrongExtension,
    /// A data file the tool did not write (or that was edited by hand); not overwritten.
    NotWrittenByTool,
    /// The list of written files could not be saved.
    ManifestNotSaved { detail: String },
    /// A published entry the new data no longer has (fatal until confirmed).
    Removed,
    /// How many published entries would be (or are) removed.
    Removals { count: usize, confirmed: bool },
    /// No usable place for the backups of the previous versions.
    BackupPlace,
    /// The previous version could not be backed up; nothing was written.
    BackupFailed { detail: String },
    /// Old backups lie in the data folder and would be published.
    OldBackups,
    /// Older backups could not be cleaned up.
    CleanupFailed { detail: String },
    /// A date option that is not a day (`--date`).
    NotADay { value: String },
    /// A frozen state or report for that date exists with other content (without `--force`).
    SnapshotExists,
    /// The feeds, calendar and open-data package were written (how many files changed).
    Published { changed: usize },
    /// The feeds, calendar and open-data package could not be written (e.g. no `site_url`).
    NotPublished { detail: String },
    /// A bug or a broken build (the built-in example is invalid).
    Internal { detail: String },
}

impl FindingKind {
    /// The kind's name as in the JSON output (`not_a_number`, `core`).
    pub fn code(&self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.get("kind").and_then(|k| k.as_str()).map(str::to_owned))
            .unwrap_or_default()
    }
}
