//! The data contract v1 as serde types: plan.json, measures.json, indicators.json, config.json.
//! Every object keeps the fields it does not know in `extra`, so a tool that rewrites a file
//! loses nothing; the app ignores them.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::period::{Date, Period};
use crate::text::Text;

/// The value of every file's `format` field this version reads and writes.
pub const FORMAT: &str = "wegmarke/1";

/// Unknown fields, kept as they were.
pub type Extra = Map<String, Value>;

macro_rules! contract_type {
    ($(#[$m:meta])* $vis:vis struct $name:ident { $($body:tt)* }) => {
        $(#[$m])*
        #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        $vis struct $name { $($body)* }
    };
}

fn is_false(b: &bool) -> bool {
    !*b
}

// ---------------------------------------------------------------- plan.json

contract_type! {
    /// plan.json: the plan's metadata, fields of action, goals, actors and council reports.
    pub struct PlanFile {
        pub format: String,
        pub plan: Plan,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub fields: Vec<Field>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub goals: Vec<Goal>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub actors: Vec<Actor>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub reports: Vec<Report>,
        /// The city's districts (Stadtteile); when listed, measures and by-district values
        /// name them by id.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub districts: Vec<District>,
        #[serde(flatten)]
        pub extra: Extra,
    }
}

contract_type! {
    /// The plan's metadata.
    pub struct Plan {
        pub title: Text,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub subtitle: Option<Text>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub publisher: Option<Text>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub adopted: Option<Adopted>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub period: Option<PlanPeriod>,
        /// The "Stand": the date the data describes.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub as_of: Option<Date>,
        #[serde(default = "default_language")]
        pub default_language: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub description: Option<Text>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub contact: Option<Contact>,
        /// How progress is computed and weighted, shown publicly.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub method: Option<Text>,
        #[serde(flatten)]
        pub extra: Extra,
    }
}

fn default_language() -> String {
    "de".to_owned()
}

contract_type! {
    /// Who adopted the plan, and when.
    pub struct Adopted {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub by: Option<Text>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub date: Option<Date>,
        #[serde(flatten)]
        pub extra: Extra,
    }
}

contract_type! {
    /// The years the plan runs.
    pub struct PlanPeriod {
        pub from: Period,
        pub to: Period,
        #[serde(flatten)]
        pub extra: Extra,
    }
}

contract_type! {
    /// The plan office's public contact.
    pub struct Contact {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub name: Option<Text>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub email: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub phone: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub url: Option<String>,
        #[serde(flatten)]
        pub extra: Extra,
    }
}

contract_type! {
    /// A field of action (Handlungsfeld).
    pub struct Field {
        pub id: String,
        pub title: Text,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub description: Option<Text>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub icon: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub order: Option<i64>,
        #[serde(flatten)]
        pub extra: Extra,
    }
}

contract_type! {
    /// A goal (Ziel) within a field of action.
    pub struct Goal {
        pub id: String,
        pub field: String,
        pub title: Text,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub description: Option<Text>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub target_year: Option<i32>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub indicators: Vec<String>,
        #[serde(flatten)]
        pub extra: Extra,
    }
}

/// What kind of organisation an actor is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    City,
    Public,
    Education,
    Welfare,
    MigrantOrg,
    Civil,
    Business,
    #[default]
    Other,
}

impl ActorKind {
    /// Every kind, in the contract's order.
    pub const ALL: [ActorKind; 8] = [
        ActorKind::City,
        ActorKind::Public,
        ActorKind::Education,
        ActorKind::Welfare,
        ActorKind::MigrantOrg,
        ActorKind::Civil,
        ActorKind::Business,
        ActorKind::Other,
    ];

    /// The value as written in the data.
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::City => "city",
            ActorKind::Public => "public",
            ActorKind::Education => "education",
            ActorKind::Welfare => "welfare",
            ActorKind::MigrantOrg => "migrant_org",
            ActorKind::Civil => "civil",
            ActorKind::Business => "business",
            ActorKind::Other => "other",
        }
    }
}

contract_type! {
    /// An organisation that carries out measures (Akteur).
    pub struct Actor {
        pub id: String,
        pub name: Text,
        #[serde(default)]
        pub kind: ActorKind,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub url: Option<String>,
        #[serde(flatten)]
        pub extra: Extra,
    }
}

contract_type! {
    /// A district (Stadtteil, Stadtbezirk) of the city.
    pub struct District {
        pub id: String,
        pub name: Text,
        #[serde(flatten)]
        pub extra: Extra,
    }
}

contract_type! {
    /// A report to the council, with the path of its frozen data snapshot.
    pub struct Report {
        pub date: Date,
        pub title: Text,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub reference: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub path: Option<String>,
        /// The council papers that carried or discussed this report.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub papers: Vec<Paper>,
        #[serde(flatten)]
        pub extra: Extra,
    }
}

contract_type! {
    /// A council paper (Drucksache) that decided or reported on a measure or a report. The
    /// fields are named after OParl 1.1 `Paper`, so a council information system can fill them.
    pub struct Paper {
        /// The paper's number, e.g. "GR 2025/117" (OParl `reference`).
        pub reference: String,
        /// The paper's title (OParl `name`).
        pub name: Text,
        /// OParl `date`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub date: Option<Date>,
        /// The paper's page in the council information system (OParl `web`); http or https.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub web: Option<String>,
        /// The OParl object's URL, for systems that sync (OParl `id`); not shown.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub id: Option<String>,
        #[serde(flatten)]
        pub extra: Extra,
    }
}

// ---------------------------------------------------------------- measures.json

contract_type! {
    /// measures.json.
    pub struct MeasuresFile {
        pub format: String,
        pub measures: Vec<Measure>,
        #[serde(flatten)]
        pub extra: Extra,
    }
}

/// A measure's status. Shown with an icon and a word, never colour alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Planned,
    Preparing,
    OnTrack,
    Delayed,
    Completed,
    Continued,
    Paused,
    Dropped,
}

impl Status {
    /// Every status, in the order the dashboard lists them.
    pub const ALL: [Status; 8] = [
        Status::Planned,
        Status::Preparing,
        Status::OnTrack,
        Status::Delayed,
        Status::Completed,
        Status::Continued,
        Status::Paused,
        Status::Dropped,
    ];

    /// The value as written in the data (also the translation key suffix and CSS class).
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Planned => "planned",
            Status::Preparing => "preparing",
            Status::OnTrack => "on_track",
            Status::Delayed => "delayed",
            Status::Completed => "completed",
            Status::Continued => "continued",
            Status::Paused => "paused",
            Status::Dropped => "dropped",
        }
    }

    /// Parses the data value.
    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|st| st.as_str() == s)
    }

    /// A text symbol that tells the status apart without colour.
    pub fn icon(self) -> &'static str {
        match self {
            Status::Planned => "○",
            Status::Preparing => "◔",
            Status::OnTrack => "▶",
            Status::Delayed => "⚠",
            Status::Completed => "✔",
            Status::Continued => "∞",
            Status::Paused => "‖",
            Status::Dropped => "✕",
        }
    }

    /// Finished measures count as 100 % in the roll-up.
    pub fn is_done(self) -> bool {
        matches!(self, Status::Completed | Status::Continued)
    }
}

contract_type! {
    /// A measure (Maßnahme).
    pub struct Measure {
        pub id: String,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub goals: Vec<String>,
        pub title: Text,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub summary: Option<Text>,
        /// The summary in Leichte Sprache.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub easy_summary: Option<Text>,
        /// Plain text; blank lines separate paragraphs.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub description: Option<Text>,
        pub status: Status,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub status_note: Option<Text>,
        /// 0–100.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub progress: Option<f64>,
        /// Share in the goal's roll-up (default 1).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub weight: Option<f64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub start: Option<Date>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub end: Option<Date>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub actual_end: Option<Date>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub lead: Option<String>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub partners: Vec<String>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub target_groups: Vec<Text>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub districts: Vec<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub budget: Option<Budget>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub milestones: Vec<Milestone>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub updates: Vec<Update>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub indicators: Vec<String>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub links: Vec<Link>,
        /// The council papers that decided or reported on the measure.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub papers: Vec<Paper>,
        #[serde(flatten)]
        pub extra: Extra,
    }
}

impl Measure {
    /// The roll-up weight (default 1).
    pub fn weight(&self) -> f64 {
        self.weight.unwrap_or(1.0)
    }

    /// The date of the latest update: the measure's "last updated".
    pub fn last_updated(&self) -> Option<Date> {
        self.updates.iter().map(|u| u.date).max()
    }
}

contract_type! {
    /// A measure's budget.
    pub struct Budget {
        pub amount: f64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub currency: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub funding: Option<Text>,
        #[serde(flatten)]
        pub extra: Extra,
    }
}

contract_type! {
    /// A milestone on a measure's timeline.
    pub struct Milestone {
        pub date: Date,
        pub title: Text,
        #[serde(default, skip_serializing_if = "is_false")]
        pub done: bool,
        #[serde(flatten)]
        pub extra: Extra,
    }
}

contract_type! {
    /// An entry in a measure's public log.
    pub struct Update {
        pub date: Date,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub status: Option<Status>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub progress: Option<f64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub text: Option<Text>,
        #[serde(flatten)]
        pub extra: Extra,
    }
}

contract_type! {
    /// A link; only http, https and mailto are allowed.
    pub struct Link {
        pub title: Text,
        pub url: String,
        #[serde(flatten)]
        pub extra: Extra,
    }
}

// ---------------------------------------------------------------- indicators.json

contract_type! {
    /// indicators.json.
    pub struct IndicatorsFile {
        pub format: String,
        pub indicators: Vec<Indicator>,
        #[serde(flatten)]
        pub extra: Extra,
    }
}

/// What an indicator measures. Context indicators describe the city and get no rating.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum IndicatorKind {
    #[default]
    Outcome,
    Output,
    Context,
}

impl IndicatorKind {
    /// Every kind, in the contract's order.
    pub const ALL: [IndicatorKind; 3] = [
        IndicatorKind::Outcome,
        IndicatorKind::Output,
        IndicatorKind::Context,
    ];

    /// The value as written in the data.
    pub fn as_str(self) -> &'static str {
        match self {
            IndicatorKind::Outcome => "outcome",
            IndicatorKind::Output => "output",
            IndicatorKind::Context => "context",
        }
    }
}

/// The desired direction of an indicator.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Up,
    Down,
    #[default]
    None,
}

impl Direction {
    /// Every direction, in the contract's order.
    pub const ALL: [Direction; 3] = [Direction::Up, Direction::Down, Direction::None];

    /// The value as written in the data.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Down => "down",
            Direction::None => "none",
        }
    }
}

/// Marks on an observation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    Provisional,
    Estimated,
    /// A break in the time series.
    Break,
    /// Withheld to protect small groups; the value must be null.
    Suppressed,
}

impl Flag {
    /// Every flag, in the contract's order.
    pub const ALL: [Flag; 4] = [
        Flag::Provisional,
        Flag::Estimated,
        Flag::Break,
        Flag::Suppressed,
    ];

    /// The value as written in the data.
    pub fn as_str(self) -> &'static str {
        match self {
            Flag::Provisional => "provisional",
            Flag::Estimated => "estimated",
            Flag::Break => "break",
            Flag::Suppressed => "suppressed",
        }
    }
}

contract_type! {
    /// An indicator with its time series.
    pub struct Indicator {
        pub id: String,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub goals: Vec<String>,
        pub title: Text,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub short_title: Option<Text>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub definition: Option<Text>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub unit: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub decimals: Option<u8>,
        #[serde(default)]
        pub kind: IndicatorKind,
        #[serde(default)]
        pub direction: Direction,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub baseline: Option<Baseline>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub target: Option<Target>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub source: Option<Source>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub frequency: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub next_update: Option<Date>,
        /// For an indicator adopted without data yet: when its first values are expected.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub expected_from: Option<Date>,
        /// For an indicator adopted without data yet: why there are none.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub no_data_reason: Option<Text>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub series: Vec<Series>,
        /// The gap between two groups' series, shown and rated beside the level.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub gap: Option<Gap>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub notes: Option<Text>,
        /// Values by district for one period.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub by_district: Option<ByDistrict>,
        #[serde(flatten)]
        pub extra: Extra,
    }
}

contract_type! {
    /// An indicator's values by district for one period.
    pub struct ByDistrict {
        pub period: Period,
        /// The series the values belong to (default: the target's series, else the first).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub series: Option<String>,
        #[serde(default)]
        pub values: Vec<DistrictValue>,
        #[serde(flatten)]
        pub extra: Extra,
    }
}

contract_type! {
    /// One district's value.
    pub struct DistrictValue {
        /// The district's id, as in plan.json's `districts`.
        pub district: String,
        /// `null` where no value is known or it is suppressed.
        #[serde(default)]
        pub value: Option<f64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub flag: Option<Flag>,
        #[serde(flatten)]
        pub extra: Extra,
    }
}

impl Indicator {
    /// The series the target applies to: the named one, else the first.
    pub fn target_series(&self) -> Option<&Series> {
        match self.target.as_ref().and_then(|t| t.series.as_deref()) {
            Some(id) => self.series.iter().find(|s| s.id == id),
            None => self.series.first(),
        }
    }
}

contract_type! {
    /// A series compared with a reference series (e.g. people without a migration history):
    /// the gap between them over time, optionally with a target for the gap.
    pub struct Gap {
        /// The series compared (default: the target's series, else the first).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub series: Option<String>,
        /// The reference series.
        pub reference: String,
        #[serde(default)]
        pub measure: GapMeasure,
        /// The gap the plan wants to reach by a period.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub target: Option<GapTarget>,
        #[serde(flatten)]
        pub extra: Extra,
    }
}

contract_type! {
    /// The gap the plan wants to reach by `period`.
    pub struct GapTarget {
        pub period: Period,
        pub value: f64,
        #[serde(flatten)]
        pub extra: Extra,
    }
}

/// How a gap is measured.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum GapMeasure {
    /// Series minus reference, in the indicator's unit (percentage points for percentages).
    #[default]
    Difference,
    /// Series divided by reference.
    Ratio,
}

impl GapMeasure {
    /// Every measure, in the contract's order.
    pub const ALL: [GapMeasure; 2] = [GapMeasure::Difference, GapMeasure::Ratio];

    /// The value as written in the data.
    pub fn as_str(self) -> &'static str {
        match self {
            GapMeasure::Difference => "difference",
            GapMeasure::Ratio => "ratio",
        }
    }
}

contract_type! {
    /// The starting value the target is measured from.
    pub struct Baseline {
        pub period: Period,
        pub value: f64,
        #[serde(flatten)]
        pub extra: Extra,
    }
}

contract_type! {
    /// The value the plan wants to reach by `period`.
    pub struct Target {
        pub period: Period,
        pub value: f64,
        /// The series the target applies to (default: the first).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub series: Option<String>,
        #[serde(flatten)]
        pub extra: Extra,
    }
}

contract_type! {
    /// Where an indicator's numbers come from.
    pub struct Source {
        pub name: Text,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub table: Option<Text>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub url: Option<String>,
        #[serde(flatten)]
        pub extra: Extra,
    }
}

contract_type! {
    /// One time series of an indicator (e.g. one population group).
    pub struct Series {
        pub id: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub label: Option<Text>,
        #[serde(default)]
        pub observations: Vec<Observation>,
        #[serde(flatten)]
        pub extra: Extra,
    }
}

contract_type! {
    /// One observed value.
    pub struct Observation {
        pub period: Period,
        /// `null` where no value is known or it is suppressed.
        #[serde(default)]
        pub value: Option<f64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub flag: Option<Flag>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub note: Option<Text>,
        #[serde(flatten)]
        pub extra: Extra,
    }
}

// ---------------------------------------------------------------- config.json

contract_type! {
    /// config.json: deployment settings; every key is optional.
    #[derive(Default)]
    pub struct Config {
        /// Where the data folder is: relative to the page, or an absolute URL (CORS).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub data: Option<String>,
        /// The languages the picker offers, in this order (built-in tags; German is always
        /// offered as the fallback). Empty: all built-in languages.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub languages: Vec<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub theme: Option<Theme>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub links: Option<SiteLinks>,
        /// The licence the data is published under, shown on the data page.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub licence: Option<Licence>,
        /// The dashboard's public address (e.g. `https://www.goeppingen.de/integrationsplan/`):
        /// the feeds, the calendar and the open-data record link to it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub site_url: Option<String>,
        /// The municipality key (Amtlicher Gemeindeschlüssel, 8 digits, or the 12-digit regional
        /// key) of the area the plan covers: the open-data record's spatial coverage.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub municipality_key: Option<String>,
        /// The district boundaries for the maps, a file in the data folder written by the staff
        /// tool's `boundaries` command (`districts.geojson`). Without it: tables only.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub district_boundaries: Option<String>,
        #[serde(flatten)]
        pub extra: Extra,
    }
}

impl Config {
    /// The languages the picker offers: the configured built-in ones in their order, German
    /// added at the end when not listed (it is every language's fallback); all built-in
    /// languages when none is configured. Unknown tags are skipped (validation reports them).
    pub fn offered_languages(&self) -> Vec<crate::i18n::Language> {
        use crate::i18n::LANGUAGES;
        let mut offered: Vec<crate::i18n::Language> = Vec::new();
        for tag in &self.languages {
            if let Some(l) = LANGUAGES.iter().find(|l| l.tag == tag) {
                if !offered.contains(l) {
                    offered.push(*l);
                }
            }
        }
        if offered.is_empty() {
            return LANGUAGES.to_vec();
        }
        if !offered.contains(&LANGUAGES[0]) {
            offered.push(LANGUAGES[0]);
        }
        offered
    }
}

contract_type! {
    /// The licence of the published data.
    pub struct Licence {
        /// Its name, e.g. "Datenlizenz Deutschland – Namensnennung – Version 2.0".
        pub name: Text,
        /// The licence text; a link like the others (http, https).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub url: Option<String>,
        /// A short identifier for open-data records, e.g. `dl-by-de/2.0`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub id: Option<String>,
        #[serde(flatten)]
        pub extra: Extra,
    }
}

contract_type! {
    /// Theme colours and logo.
    #[derive(Default)]
    pub struct Theme {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub primary: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub accent: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub logo: Option<String>,
        #[serde(flatten)]
        pub extra: Extra,
    }
}

contract_type! {
    /// Links the city website requires on every page.
    #[derive(Default)]
    pub struct SiteLinks {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub imprint: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub privacy: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub accessibility_feedback: Option<String>,
        #[serde(flatten)]
        pub extra: Extra,
    }
}
