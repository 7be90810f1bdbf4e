//! Validation: the three data files' bytes in, the usable data and a list of located problems
//! out. A file that cannot be read at all is fatal for that file only; a bad entry is left out or
//! flagged on its own, and everything else stays usable.

use std::collections::{HashMap, HashSet};

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::locate::{line_col, locate};
use crate::model::*;
use crate::period::{DATE_ERROR_TAG, PERIOD_ERROR_TAG};
use crate::problem::{JsonPath, Problem, ProblemKind, RefKind, Segment, Severity};
use crate::sort::sort_by_key;
use crate::text::Text;

/// Longest title (characters); longer ones are cut.
pub const MAX_TITLE: usize = 300;
/// Longest other text (characters).
pub const MAX_TEXT: usize = 20_000;
/// Longest short string such as a unit, district or URL.
pub const MAX_SHORT: usize = 2_000;
/// Numbers beyond this are taken for mistakes.
pub const MAX_ABS_NUMBER: f64 = 1e15;
/// Problems listed per file; more are counted in one closing entry.
pub const MAX_PROBLEMS_PER_FILE: usize = 1_000;
/// Problems per file that get a line and column (locating costs a pass over the text).
const MAX_LOCATED: usize = 200;

/// A data file as it arrived: its bytes, or why it could not be had.
#[derive(Clone, Debug)]
pub enum Input<'a> {
    Bytes(&'a [u8]),
    /// Fetching or reading failed (HTTP status, network error, missing file).
    Unreachable(String),
}

impl<'a> Input<'a> {
    /// The bytes of a read or fetch that worked, else its error as the reason.
    pub fn from_result<E: std::fmt::Display>(r: &'a Result<Vec<u8>, E>) -> Input<'a> {
        match r {
            Ok(bytes) => Input::Bytes(bytes),
            Err(e) => Input::Unreachable(e.to_string()),
        }
    }
}

/// The three data files of one data set.
#[derive(Clone, Debug)]
pub struct Inputs<'a> {
    pub plan: Input<'a>,
    pub measures: Input<'a>,
    pub indicators: Input<'a>,
}

impl<'a> Inputs<'a> {
    /// The files from the results of reading or fetching plan.json, measures.json and
    /// indicators.json, in that order.
    pub fn from_results<E: std::fmt::Display>(files: &'a [Result<Vec<u8>, E>; 3]) -> Inputs<'a> {
        let [plan, measures, indicators] = files;
        Inputs {
            plan: Input::from_result(plan),
            measures: Input::from_result(measures),
            indicators: Input::from_result(indicators),
        }
    }
}

/// The usable data and everything that was wrong with it. A file is `None` when it was fatal.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dataset {
    pub plan: Option<PlanFile>,
    pub measures: Option<MeasuresFile>,
    pub indicators: Option<IndicatorsFile>,
    pub problems: Vec<Problem>,
}

/// Whether an id has 1–64 characters from `[A-Za-z0-9._-]`.
pub fn is_valid_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

/// Whether a link uses a scheme the dashboard may show: http, https or mailto.
pub fn is_safe_link(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:"))
        && !url.chars().any(char::is_control)
}

/// Whether a snapshot path stays inside the data folder (relative, no "..", no scheme), so a
/// data file cannot make the dashboard fetch from another host.
pub fn is_safe_relative_path(p: &str) -> bool {
    !p.is_empty()
        && !p.starts_with('/')
        && !p.starts_with('\\')
        && !p.contains("://")
        && !p.contains(':')
        && !p.split(['/', '\\']).any(|s| s == "..")
        && !p.chars().any(char::is_control)
}

/// Validates the three files. `prefix` is put before the file names in problems (e.g.
/// `reports/2026-05-12/` for a snapshot).
pub fn validate(inputs: &Inputs, prefix: &str) -> Dataset {
    validate_with::<true>(inputs, prefix).0
}

/// The same checks as [`validate`] without tracking where in an entry a value of the wrong
/// type sits, with a flag `complete`: when true, the result is exactly `validate`'s; when
/// false, the entries with such a value were left out and reported as a whole. Much less code
/// in the dashboard's first download, which takes the located messages from [`validate`] only
/// when the data needs them.
pub fn validate_quick(inputs: &Inputs, prefix: &str) -> (Dataset, bool) {
    let (data, unlocated) = validate_with::<false>(inputs, prefix);
    (data, !unlocated)
}

/// Validates; the flag says whether an entry was left out unlocated (only when `!LOCATED`).
fn validate_with<const LOCATED: bool>(inputs: &Inputs, prefix: &str) -> (Dataset, bool) {
    let plan_name = format!("{prefix}plan.json");
    let measures_name = format!("{prefix}measures.json");
    let indicators_name = format!("{prefix}indicators.json");

    let mut plan_ck = Checker::<LOCATED>::new(&plan_name);
    let mut measures_ck = Checker::<LOCATED>::new(&measures_name);
    let mut indicators_ck = Checker::<LOCATED>::new(&indicators_name);

    let plan_doc = plan_ck.read(&inputs.plan);
    let measures_doc = measures_ck.read(&inputs.measures);
    let indicators_doc = indicators_ck.read(&inputs.indicators);

    let mut plan = plan_doc.as_ref().map(|d| plan_ck.plan_file(&d.value));
    let mut measures = measures_doc.as_ref().map(|d| MeasuresFile {
        format: FORMAT.to_owned(),
        measures: measures_ck.entries(&d.value, "measures", true),
        extra: extra_of(&d.value, &["format", "measures"]),
    });
    let mut indicators = indicators_doc.as_ref().map(|d| IndicatorsFile {
        format: FORMAT.to_owned(),
        indicators: indicators_ck.entries(&d.value, "indicators", true),
        extra: extra_of(&d.value, &["format", "indicators"]),
    });

    // Ids first, so references can be checked against what survived.
    let known = Known {
        fields: plan.as_ref().map(|p| ids(&p.fields, |f| &f.id)),
        goals: plan.as_ref().map(|p| ids(&p.goals, |g| &g.id)),
        actors: plan.as_ref().map(|p| ids(&p.actors, |a| &a.id)),
        indicators: indicators.as_ref().map(|f| ids(&f.indicators, |i| &i.id)),
    };
    if let Some(p) = plan.as_mut() {
        plan_ck.check_plan(p, &known);
    }
    if let Some(m) = measures.as_mut() {
        measures_ck.check_measures(&mut m.measures, &known);
    }
    if let Some(i) = indicators.as_mut() {
        indicators_ck.check_indicators(&mut i.indicators, &known);
    }

    let unlocated = plan_ck.unlocated || measures_ck.unlocated || indicators_ck.unlocated;
    let mut problems = Vec::new();
    for (ck, doc) in [
        (plan_ck, plan_doc),
        (measures_ck, measures_doc),
        (indicators_ck, indicators_doc),
    ] {
        problems.extend(ck.finish(doc.as_ref().map(|d| d.text.as_str())));
    }
    let data = Dataset {
        plan,
        measures,
        indicators,
        problems,
    };
    (data, unlocated)
}

/// Validates config.json; a missing or broken config falls back to the defaults.
pub fn validate_config(input: &Input) -> (Config, Vec<Problem>) {
    validate_config_with::<true>(input).0
}

/// [`validate_config`] without locating values of the wrong type, as [`validate_quick`]: the
/// flag says whether the result is complete.
pub fn validate_config_quick(input: &Input) -> ((Config, Vec<Problem>), bool) {
    let (checked, unlocated) = validate_config_with::<false>(input);
    (checked, !unlocated)
}

fn validate_config_with<const LOCATED: bool>(input: &Input) -> ((Config, Vec<Problem>), bool) {
    let mut ck = Checker::<LOCATED>::new("config.json");
    let mut config = Config::default();
    if let Some(doc) = ck.read_with(input, false) {
        if let Some(c) = ck.typed::<Config>(&doc.value, &JsonPath::root()) {
            config = c;
        }
        let path = JsonPath::root();
        if let Some(links) = config.links.as_mut() {
            let p = path.key("links");
            ck.check_url(&mut links.imprint, &p.key("imprint"));
            ck.check_url(&mut links.privacy, &p.key("privacy"));
            ck.check_url(
                &mut links.accessibility_feedback,
                &p.key("accessibility_feedback"),
            );
        }
        if let Some(theme) = config.theme.as_mut() {
            let failures =
                crate::contrast::theme_failures(theme.primary.as_deref(), theme.accent.as_deref());
            for (key, color, ratio) in failures {
                ck.problem(
                    path.key("theme").key(key),
                    ProblemKind::LowContrast {
                        key: key.to_owned(),
                        color,
                        ratio,
                    },
                );
                // The dashboard keeps its own readable colour.
                match key {
                    "primary" => theme.primary = None,
                    _ => theme.accent = None,
                }
            }
            if let Some(logo) = theme.logo.take_if(|l| !is_safe_relative_path(l)) {
                ck.problem(
                    path.key("theme").key("logo"),
                    ProblemKind::BadLinkScheme { url: logo },
                );
            }
        }
        let unlocated = ck.unlocated;
        return ((config, ck.finish(Some(&doc.text))), unlocated);
    }
    ((config, ck.finish(None)), false)
}

/// Ids known per kind; `None` where the file holding them was fatal (then references to them
/// are not checked, rather than all reported as unknown).
struct Known {
    fields: Option<HashSet<String>>,
    goals: Option<HashSet<String>>,
    actors: Option<HashSet<String>>,
    indicators: Option<HashSet<String>>,
}

fn ids<T>(items: &[T], id: impl Fn(&T) -> &String) -> HashSet<String> {
    items.iter().map(|t| id(t).clone()).collect()
}

fn extra_of(value: &Value, known: &[&str]) -> Extra {
    value
        .as_object()
        .map(|o| {
            o.iter()
                .filter(|(k, _)| !known.contains(&k.as_str()))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect()
        })
        .unwrap_or_default()
}

/// Parts cut out of a value during lenient deserialization, to report later errors at the
/// indices of the original file.
#[derive(Default)]
struct Cuts {
    /// Array path (current indices) -> original indices removed from it, ascending.
    removed: HashMap<String, Vec<usize>>,
    /// Object keys removed (paths in current indices).
    cut_keys: HashSet<JsonPath>,
}

impl Cuts {
    /// Removes the value at `path`; false when there is nothing to remove.
    fn cut(&mut self, root: &mut Value, path: &JsonPath) -> bool {
        let Some((last, parent)) = path.0.split_last() else {
            return false;
        };
        let mut node = root;
        for seg in parent {
            node = match (seg, node) {
                (Segment::Key(k), Value::Object(o)) => match o.get_mut(k) {
                    Some(n) => n,
                    None => return false,
                },
                (Segment::Index(i), Value::Array(a)) => match a.get_mut(*i) {
                    Some(n) => n,
                    None => return false,
                },
                _ => return false,
            };
        }
        match (last, node) {
            (Segment::Key(k), Value::Object(o)) => {
                self.cut_keys.insert(path.clone());
                o.remove(k).is_some()
            }
            (Segment::Index(i), Value::Array(a)) if *i < a.len() => {
                let key = JsonPath(parent.to_vec()).to_string();
                let orig = Self::map_index(self.removed.get(&key), *i);
                let list = self.removed.entry(key).or_default();
                let pos = list.partition_point(|&r| r < orig);
                list.insert(pos, orig);
                a.remove(*i);
                true
            }
            _ => false,
        }
    }

    fn map_index(removed: Option<&Vec<usize>>, current: usize) -> usize {
        let mut orig = current;
        for &r in removed.into_iter().flatten() {
            if r <= orig {
                orig += 1;
            }
        }
        orig
    }

    /// `path` (current indices) in the original file's indices.
    fn original(&self, path: &JsonPath) -> JsonPath {
        let segs = path.0.iter().enumerate().map(|(n, seg)| match seg {
            Segment::Index(i) => {
                let array = JsonPath(path.0[..n].to_vec()).to_string();
                Segment::Index(Self::map_index(self.removed.get(&array), *i))
            }
            other => other.clone(),
        });
        JsonPath(segs.collect())
    }
}

struct Doc {
    text: String,
    value: Value,
}

/// Collects the problems of one file. `LOCATED`: a value of the wrong type is reported at its
/// own path and cut out of its entry; otherwise the entry is left out, reported as a whole, and
/// `unlocated` is set.
struct Checker<const LOCATED: bool> {
    file: String,
    problems: Vec<Problem>,
    dropped: usize,
    unlocated: bool,
}

impl<const LOCATED: bool> Checker<LOCATED> {
    fn new(file: &str) -> Self {
        Checker {
            file: file.to_owned(),
            problems: Vec::new(),
            dropped: 0,
            unlocated: false,
        }
    }

    fn push(&mut self, severity: Severity, path: JsonPath, kind: ProblemKind) {
        if self.problems.len() < MAX_PROBLEMS_PER_FILE {
            self.problems
                .push(Problem::new(severity, &self.file, path, kind));
        } else {
            self.dropped += 1;
        }
    }

    fn problem(&mut self, path: JsonPath, kind: ProblemKind) {
        self.push(Severity::Problem, path, kind);
    }

    fn fatal(&mut self, kind: ProblemKind) {
        self.push(Severity::Fatal, JsonPath::root(), kind);
    }

    /// Adds line and column to the first problems and closes with a count of the rest.
    fn finish(mut self, text: Option<&str>) -> Vec<Problem> {
        if let Some(text) = text {
            for p in self.problems.iter_mut().take(MAX_LOCATED) {
                if p.line.is_none() && !p.path.0.is_empty() {
                    if let Some((l, c)) = locate(text, &p.path) {
                        p.line = Some(l);
                        p.column = Some(c);
                    }
                }
            }
        }
        if self.dropped > 0 {
            let more = self.dropped;
            self.problems.push(Problem::new(
                Severity::Problem,
                &self.file,
                JsonPath::root(),
                ProblemKind::TooManyProblems { more },
            ));
        }
        self.problems
    }

    fn read(&mut self, input: &Input) -> Option<Doc> {
        self.read_with(input, true)
    }

    /// Bytes -> JSON object with a supported `format`, or a fatal problem.
    fn read_with(&mut self, input: &Input, needs_format: bool) -> Option<Doc> {
        let bytes = match input {
            Input::Unreachable(detail) => {
                self.fatal(ProblemKind::Unreachable {
                    detail: detail.clone(),
                });
                return None;
            }
            Input::Bytes(b) => *b,
        };
        let text = match std::str::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                let offset = e.valid_up_to();
                let (line, column) =
                    line_col(std::str::from_utf8(&bytes[..offset]).unwrap_or(""), offset);
                let mut p = Problem::new(
                    Severity::Fatal,
                    &self.file,
                    JsonPath::root(),
                    ProblemKind::NotUtf8 { offset },
                );
                p.line = Some(line);
                p.column = Some(column);
                self.problems.push(p);
                return None;
            }
        };
        let text = match text.strip_prefix('\u{feff}') {
            Some(rest) => {
                self.problem(JsonPath::root(), ProblemKind::ByteOrderMark);
                rest
            }
            None => text,
        };
        let trimmed = text.trim_start();
        if trimmed.is_empty() {
            self.fatal(ProblemKind::Empty);
            return None;
        }
        if trimmed.starts_with('<') {
            self.fatal(ProblemKind::LooksLikeHtml);
            return None;
        }
        let value: Value = match serde_json::from_str(text) {
            Ok(v) => v,
            Err(e) => {
                let truncated = e.is_eof();
                let detail = syntax_detail(&e);
                let mut p = Problem::new(
                    Severity::Fatal,
                    &self.file,
                    JsonPath::root(),
                    ProblemKind::Syntax { detail, truncated },
                );
                p.line = Some(e.line());
                // serde_json reports column 0 for an error right after a line break.
                p.column = Some(e.column().max(1));
                self.problems.push(p);
                return None;
            }
        };
        let Some(obj) = value.as_object() else {
            self.fatal(ProblemKind::NotAnObject);
            return None;
        };
        match obj.get("format") {
            Some(Value::String(f)) if f == FORMAT => {}
            None if !needs_format => {}
            None => {
                self.fatal(ProblemKind::FormatMissing);
                return None;
            }
            Some(other) => {
                let found = match other {
                    Value::String(s) => s.clone(),
                    v => v.to_string(),
                };
                let mut p = Problem::new(
                    Severity::Fatal,
                    &self.file,
                    JsonPath::root().key("format"),
                    ProblemKind::FormatUnknown { found },
                );
                if let Some((l, c)) = locate(text, &p.path) {
                    p.line = Some(l);
                    p.column = Some(c);
                }
                self.problems.push(p);
                return None;
            }
        }
        for path in crate::locate::duplicate_keys(text, MAX_LOCATED) {
            let key = match path.0.last() {
                Some(Segment::Key(k)) => k.clone(),
                _ => String::new(),
            };
            self.problem(path, ProblemKind::DuplicateKey { key });
        }
        Some(Doc {
            text: text.to_owned(),
            value,
        })
    }

    /// Deserializes one value, turning each serde error into a located problem. A bad part is
    /// cut out and the rest tried again, so a bad date or one bad observation costs only itself;
    /// only when a required part is bad is the whole value left out (`None`).
    fn typed<T: DeserializeOwned>(&mut self, value: &Value, at: &JsonPath) -> Option<T> {
        if !LOCATED {
            return match T::deserialize(value) {
                Ok(t) => Some(t),
                Err(e) => {
                    self.unlocated = true;
                    self.problem(at.clone(), classify(&e.to_string()));
                    None
                }
            };
        }
        let first = match serde_path_to_error::deserialize::<_, T>(value) {
            Ok(t) => return Some(t),
            Err(e) => e,
        };
        let mut value = value.clone();
        let mut cuts = Cuts::default();
        let mut err = first;
        for _ in 0..64 {
            let path = to_json_path(err.path());
            let kind = classify(&err.inner().to_string());
            // Cutting a required field shows up as "missing field": the cause was reported.
            let consequence = matches!(&kind, ProblemKind::MissingField { field } if cuts.cut_keys.contains(&path.key(field)));
            if !consequence {
                self.problem(at.join(&cuts.original(&path)), kind.clone());
            }
            // The bad value is cut; for a missing field, the object that lacks it.
            if path.0.is_empty() || !cuts.cut(&mut value, &path) {
                return None;
            }
            match serde_path_to_error::deserialize::<_, T>(&value) {
                Ok(t) => return Some(t),
                Err(e) => err = e,
            }
        }
        None
    }

    /// The entries of a top-level array, each deserialized on its own; bad ones are left out.
    fn entries<T: DeserializeOwned>(&mut self, value: &Value, key: &str, required: bool) -> Vec<T> {
        let path = JsonPath::root().key(key);
        match value.get(key) {
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .filter_map(|(i, v)| self.typed(v, &path.index(i)))
                .collect(),
            None if !required => Vec::new(),
            None => {
                self.problem(
                    JsonPath::root(),
                    ProblemKind::MissingField {
                        field: key.to_owned(),
                    },
                );
                Vec::new()
            }
            Some(other) => {
                self.problem(
                    path,
                    ProblemKind::WrongType {
                        found: json_type(other).to_owned(),
                        expected: "a sequence".to_owned(),
                    },
                );
                Vec::new()
            }
        }
    }

    fn plan_file(&mut self, value: &Value) -> PlanFile {
        let plan = match value.get("plan") {
            Some(v) => self.typed::<Plan>(v, &JsonPath::root().key("plan")),
            None => {
                self.problem(
                    JsonPath::root(),
                    ProblemKind::MissingField {
                        field: "plan".into(),
                    },
                );
                None
            }
        };
        PlanFile {
            format: FORMAT.to_owned(),
            // Without usable metadata the fields, goals and actors are still shown.
            plan: plan.unwrap_or_else(|| Plan {
                title: Text::Plain(String::new()),
                subtitle: None,
                publisher: None,
                adopted: None,
                period: None,
                as_of: None,
                default_language: "de".into(),
                description: None,
                contact: None,
                method: None,
                extra: Extra::new(),
            }),
            fields: self.entries(value, "fields", false),
            goals: self.entries(value, "goals", false),
            actors: self.entries(value, "actors", false),
            reports: self.entries(value, "reports", false),
            extra: extra_of(
                value,
                &["format", "plan", "fields", "goals", "actors", "reports"],
            ),
        }
    }

    /// Drops entries with an invalid or repeated id (reporting each) and keeps the rest in order.
    fn unique_ids<T>(&mut self, items: &mut Vec<T>, array: &str, id: impl Fn(&T) -> &str) {
        let base = JsonPath::root().key(array);
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut keep = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let the_id = id(item);
            let path = base.index(i).key("id");
            if !is_valid_id(the_id) {
                self.problem(
                    path,
                    ProblemKind::InvalidId {
                        value: the_id.to_owned(),
                    },
                );
                keep.push(false);
            } else if let Some(first) = seen.get(the_id) {
                let first = base.index(*first).to_string();
                self.problem(
                    path,
                    ProblemKind::DuplicateId {
                        id: the_id.to_owned(),
                        first,
                    },
                );
                keep.push(false);
            } else {
                seen.insert(the_id.to_owned(), i);
                keep.push(true);
            }
        }
        let mut flags = keep.into_iter();
        items.retain(|_| flags.next().unwrap_or(false));
    }

    /// Keeps the references that resolve; reports the others. `known` None: not checkable.
    fn refs(
        &mut self,
        list: &mut Vec<String>,
        known: &Option<HashSet<String>>,
        target: RefKind,
        path: &JsonPath,
    ) {
        let Some(known) = known else { return };
        let mut index = 0;
        list.retain(|id| {
            let ok = known.contains(id);
            if !ok {
                self.problem(
                    path.index(index),
                    ProblemKind::UnknownReference {
                        target,
                        id: id.clone(),
                    },
                );
            }
            index += 1;
            ok
        });
    }

    fn one_ref(
        &mut self,
        r: &mut Option<String>,
        known: &Option<HashSet<String>>,
        target: RefKind,
        path: &JsonPath,
    ) {
        if let (Some(id), Some(known)) = (r.as_ref(), known) {
            if !known.contains(id) {
                self.problem(
                    path.clone(),
                    ProblemKind::UnknownReference {
                        target,
                        id: id.clone(),
                    },
                );
                *r = None;
            }
        }
    }

    fn check_text(&mut self, t: &mut Text, max: usize, path: &JsonPath) {
        for s in t.variants_mut() {
            let length = s.chars().count();
            if length > max {
                self.problem(path.clone(), ProblemKind::TooLong { length, max });
                *s = s.chars().take(max).chain(std::iter::once('…')).collect();
            }
        }
    }

    fn check_opt_text(&mut self, t: &mut Option<Text>, max: usize, path: &JsonPath) {
        if let Some(t) = t.as_mut() {
            self.check_text(t, max, path);
        }
    }

    fn check_title(&mut self, t: &mut Text, path: &JsonPath) {
        if t.is_blank() {
            self.problem(path.clone(), ProblemKind::EmptyText);
        }
        self.check_text(t, MAX_TITLE, path);
    }

    fn check_short(&mut self, s: &mut String, path: &JsonPath) {
        let length = s.chars().count();
        if length > MAX_SHORT {
            self.problem(
                path.clone(),
                ProblemKind::TooLong {
                    length,
                    max: MAX_SHORT,
                },
            );
            *s = s.chars().take(MAX_SHORT).collect();
        }
    }

    fn check_url(&mut self, url: &mut Option<String>, path: &JsonPath) {
        if let Some(u) = url.as_ref() {
            if !is_safe_link(u) || u.chars().count() > MAX_SHORT {
                self.problem(path.clone(), ProblemKind::BadLinkScheme { url: u.clone() });
                *url = None;
            }
        }
    }

    /// A finite number in range, else reported and `None`.
    fn check_number(&mut self, v: &mut Option<f64>, min: f64, max: f64, path: &JsonPath) {
        if let Some(x) = *v {
            if !x.is_finite() || x.abs() > MAX_ABS_NUMBER {
                self.problem(path.clone(), ProblemKind::AbsurdNumber { value: x });
                *v = None;
            } else if x < min || x > max {
                self.problem(path.clone(), ProblemKind::OutOfRange { value: x, min, max });
                *v = None;
            }
        }
    }

    fn plausible(&mut self, x: f64, path: &JsonPath) -> bool {
        let ok = x.is_finite() && x.abs() <= MAX_ABS_NUMBER;
        if !ok {
            self.problem(path.clone(), ProblemKind::AbsurdNumber { value: x });
        }
        ok
    }

    fn check_order<T: Ord + std::fmt::Display>(
        &mut self,
        start: Option<&T>,
        end: &mut Option<T>,
        path: &JsonPath,
    ) {
        if let (Some(s), Some(e)) = (start, end.as_ref()) {
            if e < s {
                self.problem(
                    path.clone(),
                    ProblemKind::EndBeforeStart {
                        start: s.to_string(),
                        end: e.to_string(),
                    },
                );
                *end = None;
            }
        }
    }

    fn check_plan(&mut self, p: &mut PlanFile, known: &Known) {
        let root = JsonPath::root().key("plan");
        let plan = &mut p.plan;
        self.check_text(&mut plan.title, MAX_TITLE, &root.key("title"));
        self.check_opt_text(&mut plan.subtitle, MAX_TITLE, &root.key("subtitle"));
        self.check_opt_text(&mut plan.publisher, MAX_TITLE, &root.key("publisher"));
        self.check_opt_text(&mut plan.description, MAX_TEXT, &root.key("description"));
        self.check_opt_text(&mut plan.method, MAX_TEXT, &root.key("method"));
        if let Some(period) = plan.period.as_mut() {
            if period.to < period.from {
                self.problem(
                    root.key("period").key("to"),
                    ProblemKind::EndBeforeStart {
                        start: period.from.to_string(),
                        end: period.to.to_string(),
                    },
                );
                plan.period = None;
            }
        }
        if let Some(c) = plan.contact.as_mut() {
            self.check_url(&mut c.url, &root.key("contact").key("url"));
        }
        if !is_language_tag(&plan.default_language) {
            self.problem(
                root.key("default_language"),
                ProblemKind::UnknownValue {
                    found: plan.default_language.clone(),
                    allowed: "de, en, tr, ar, uk, …".into(),
                },
            );
            plan.default_language = "de".into();
        }

        self.unique_ids(&mut p.fields, "fields", |f| &f.id);
        for (i, f) in p.fields.iter_mut().enumerate() {
            let at = JsonPath::root().key("fields").index(i);
            self.check_title(&mut f.title, &at.key("title"));
            self.check_opt_text(&mut f.description, MAX_TEXT, &at.key("description"));
        }

        self.unique_ids(&mut p.goals, "goals", |g| &g.id);
        let mut keep = Vec::new();
        for (i, g) in p.goals.iter_mut().enumerate() {
            let at = JsonPath::root().key("goals").index(i);
            let mut field = Some(g.field.clone());
            self.one_ref(&mut field, &known.fields, RefKind::Field, &at.key("field"));
            // A goal without its field has no place on the dashboard: it is left out.
            keep.push(field.is_some());
            self.check_title(&mut g.title, &at.key("title"));
            self.check_opt_text(&mut g.description, MAX_TEXT, &at.key("description"));
            self.refs(
                &mut g.indicators,
                &known.indicators,
                RefKind::Indicator,
                &at.key("indicators"),
            );
            if let Some(y) = g.target_year {
                if !(1900..=2200).contains(&y) {
                    self.problem(
                        at.key("target_year"),
                        ProblemKind::OutOfRange {
                            value: y as f64,
                            min: 1900.0,
                            max: 2200.0,
                        },
                    );
                    g.target_year = None;
                }
            }
        }
        let mut flags = keep.into_iter();
        p.goals.retain(|_| flags.next().unwrap_or(false));

        self.unique_ids(&mut p.actors, "actors", |a| &a.id);
        for (i, a) in p.actors.iter_mut().enumerate() {
            let at = JsonPath::root().key("actors").index(i);
            self.check_title(&mut a.name, &at.key("name"));
            self.check_url(&mut a.url, &at.key("url"));
        }

        for (i, r) in p.reports.iter_mut().enumerate() {
            let at = JsonPath::root().key("reports").index(i);
            self.check_title(&mut r.title, &at.key("title"));
            if let Some(path) = r.path.as_ref() {
                if !is_safe_relative_path(path) {
                    self.problem(
                        at.key("path"),
                        ProblemKind::BadLinkScheme { url: path.clone() },
                    );
                    r.path = None;
                }
            }
        }
    }

    fn check_measures(&mut self, measures: &mut Vec<Measure>, known: &Known) {
        self.unique_ids(measures, "measures", |m| &m.id);
        for (i, m) in measures.iter_mut().enumerate() {
            let at = JsonPath::root().key("measures").index(i);
            self.refs(&mut m.goals, &known.goals, RefKind::Goal, &at.key("goals"));
            self.one_ref(&mut m.lead, &known.actors, RefKind::Actor, &at.key("lead"));
            self.refs(
                &mut m.partners,
                &known.actors,
                RefKind::Actor,
                &at.key("partners"),
            );
            self.refs(
                &mut m.indicators,
                &known.indicators,
                RefKind::Indicator,
                &at.key("indicators"),
            );
            self.check_title(&mut m.title, &at.key("title"));
            self.check_opt_text(&mut m.summary, MAX_TEXT, &at.key("summary"));
            self.check_opt_text(&mut m.easy_summary, MAX_TEXT, &at.key("easy_summary"));
            self.check_opt_text(&mut m.description, MAX_TEXT, &at.key("description"));
            self.check_opt_text(&mut m.status_note, MAX_TEXT, &at.key("status_note"));
            self.check_number(&mut m.progress, 0.0, 100.0, &at.key("progress"));
            self.check_number(&mut m.weight, 0.0, 1000.0, &at.key("weight"));
            self.check_order(m.start.as_ref(), &mut m.end, &at.key("end"));
            self.check_order(m.start.as_ref(), &mut m.actual_end, &at.key("actual_end"));
            for (j, t) in m.target_groups.iter_mut().enumerate() {
                self.check_text(t, MAX_TITLE, &at.key("target_groups").index(j));
            }
            for (j, d) in m.districts.iter_mut().enumerate() {
                self.check_short(d, &at.key("districts").index(j));
            }
            if let Some(b) = m.budget.as_ref() {
                if !self.plausible(b.amount, &at.key("budget").key("amount")) {
                    m.budget = None;
                }
            }
            for (j, ms) in m.milestones.iter_mut().enumerate() {
                self.check_title(&mut ms.title, &at.key("milestones").index(j).key("title"));
            }
            for (j, u) in m.updates.iter_mut().enumerate() {
                let up = at.key("updates").index(j);
                self.check_number(&mut u.progress, 0.0, 100.0, &up.key("progress"));
                self.check_opt_text(&mut u.text, MAX_TEXT, &up.key("text"));
            }
            let links = std::mem::take(&mut m.links);
            for (j, mut l) in links.into_iter().enumerate() {
                let lp = at.key("links").index(j);
                if is_safe_link(&l.url) && l.url.chars().count() <= MAX_SHORT {
                    self.check_text(&mut l.title, MAX_TITLE, &lp.key("title"));
                    m.links.push(l);
                } else {
                    self.problem(lp.key("url"), ProblemKind::BadLinkScheme { url: l.url });
                }
            }
        }
    }

    fn check_indicators(&mut self, indicators: &mut Vec<Indicator>, known: &Known) {
        self.unique_ids(indicators, "indicators", |i| &i.id);
        for (i, ind) in indicators.iter_mut().enumerate() {
            let at = JsonPath::root().key("indicators").index(i);
            self.refs(
                &mut ind.goals,
                &known.goals,
                RefKind::Goal,
                &at.key("goals"),
            );
            self.check_title(&mut ind.title, &at.key("title"));
            self.check_opt_text(&mut ind.short_title, MAX_TITLE, &at.key("short_title"));
            self.check_opt_text(&mut ind.definition, MAX_TEXT, &at.key("definition"));
            self.check_opt_text(&mut ind.notes, MAX_TEXT, &at.key("notes"));
            if let Some(u) = ind.unit.as_mut() {
                self.check_short(u, &at.key("unit"));
            }
            if let Some(d) = ind.decimals {
                if d > 6 {
                    self.problem(
                        at.key("decimals"),
                        ProblemKind::OutOfRange {
                            value: d as f64,
                            min: 0.0,
                            max: 6.0,
                        },
                    );
                    ind.decimals = None;
                }
            }
            if let Some(s) = ind.source.as_mut() {
                self.check_url(&mut s.url, &at.key("source").key("url"));
            }
            if let Some(b) = ind.baseline.as_ref() {
                if !self.plausible(b.value, &at.key("baseline").key("value")) {
                    ind.baseline = None;
                }
            }
            if let Some(t) = ind.target.as_ref() {
                let series_ok = match t.series.as_deref() {
                    Some(s) => ind.series.iter().any(|x| x.id == s),
                    None => true,
                };
                if !series_ok {
                    let id = t.series.clone().unwrap_or_default();
                    self.problem(
                        at.key("target").key("series"),
                        ProblemKind::UnknownReference {
                            target: RefKind::Series,
                            id,
                        },
                    );
                    ind.target = None;
                } else if !self.plausible(t.value, &at.key("target").key("value")) {
                    ind.target = None;
                }
            }
            let mut seen = HashMap::new();
            let mut keep_series = Vec::new();
            for (j, s) in ind.series.iter_mut().enumerate() {
                let sp = at.key("series").index(j);
                if !is_valid_id(&s.id) {
                    self.problem(
                        sp.key("id"),
                        ProblemKind::InvalidId {
                            value: s.id.clone(),
                        },
                    );
                    keep_series.push(false);
                    continue;
                }
                if let Some(first) = seen.insert(s.id.clone(), j) {
                    self.problem(
                        sp.key("id"),
                        ProblemKind::DuplicateId {
                            id: s.id.clone(),
                            first: at.key("series").index(first).to_string(),
                        },
                    );
                    keep_series.push(false);
                    continue;
                }
                keep_series.push(true);
                self.check_opt_text(&mut s.label, MAX_TITLE, &sp.key("label"));
                let observations = std::mem::take(&mut s.observations);
                for (k, mut o) in observations.into_iter().enumerate() {
                    let op = sp.key("observations").index(k);
                    if o.flag == Some(Flag::Suppressed) && o.value.is_some() {
                        self.problem(op.key("value"), ProblemKind::SuppressedNotNull);
                        o.value = None;
                    }
                    if let Some(v) = o.value {
                        if !self.plausible(v, &op.key("value")) {
                            continue;
                        }
                    }
                    self.check_opt_text(&mut o.note, MAX_TEXT, &op.key("note"));
                    s.observations.push(o);
                }
                sort_by_key(&mut s.observations, |o| o.period);
            }
            let mut flags = keep_series.into_iter();
            ind.series.retain(|_| flags.next().unwrap_or(false));
        }
    }
}

fn is_language_tag(s: &str) -> bool {
    let mut parts = s.split('-');
    let first_ok = parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_lowercase()));
    first_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a sequence",
        Value::Object(_) => "a map",
    }
}

fn to_json_path(p: &serde_path_to_error::Path) -> JsonPath {
    use serde_path_to_error::Segment as S;
    JsonPath(
        p.iter()
            .filter_map(|s| match s {
                S::Seq { index } => Some(Segment::Index(*index)),
                S::Map { key } => Some(Segment::Key(key.clone())),
                S::Enum { variant } => Some(Segment::Key(variant.clone())),
                S::Unknown => None,
            })
            .collect(),
    )
}

/// Turns serde's English message into a problem kind with its own translations.
fn classify(msg: &str) -> ProblemKind {
    let between = |s: &str| -> String { s.split('`').nth(1).unwrap_or(s).to_owned() };
    if let Some(v) = msg.strip_prefix(DATE_ERROR_TAG) {
        ProblemKind::InvalidDate {
            value: v.to_owned(),
        }
    } else if let Some(v) = msg.strip_prefix(PERIOD_ERROR_TAG) {
        ProblemKind::InvalidPeriod {
            value: v.to_owned(),
        }
    } else if msg.starts_with("missing field") {
        ProblemKind::MissingField {
            field: between(msg),
        }
    } else if let Some(rest) = msg.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, "?"));
        ProblemKind::WrongType {
            found: found.to_owned(),
            expected: expected.to_owned(),
        }
    } else if let Some(rest) = msg.strip_prefix("unknown variant ") {
        let found = between(rest);
        let allowed = rest
            .split_once("expected one of ")
            .map(|(_, a)| a.replace('`', ""))
            .unwrap_or_default();
        ProblemKind::UnknownValue { found, allowed }
    } else {
        ProblemKind::Other {
            detail: msg.to_owned(),
        }
    }
}

fn syntax_detail(e: &serde_json::Error) -> String {
    // serde_json appends " at line L column C"; the location is shown separately.
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_owned(),
        None => s,
    }
}
