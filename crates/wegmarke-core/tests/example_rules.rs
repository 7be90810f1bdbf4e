//! Rules for the bundled example plan beyond what `validate` asks of every plan. The example is
//! what cities copy and what the dashboard is shown with, so it has to show every status, kind,
//! flag and rating somewhere, its references and report folders have to resolve, it keeps the
//! house style (pretty-printed files, addresses on example.org only), and it follows stricter
//! content rules that a real plan may break without harm (a note for every delay, a currency
//! for every budget …).
//!
//! The rules on entries hold for the example (`public/data`) and for every report snapshot it
//! lists; the rules that the example shows every value hold for the example itself.
//!
//! Already checked by `validate` for every plan, so not repeated here: the `format` field,
//! UTF-8 without byte order mark, JSON syntax, ids (form and uniqueness, also of series),
//! references (fields, goals, actors, indicators, target series), non-blank titles and names,
//! known values (status, kinds, direction, flag), dates and periods (form and calendar),
//! end before start, plan period order, target year range, default language, link schemes of
//! measure links, safe report paths, decimals 0–6, progress 0–100, suppressed values null.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde::de::{Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use serde_json::Value;
use wegmarke_core::rating::{assess, Rating};
use wegmarke_core::*;

/// One data folder: the files' texts, their JSON and their typed content.
struct Folder {
    dir: PathBuf,
    texts: Vec<(&'static str, String)>,
    raw: HashMap<&'static str, Value>,
    plan: PlanFile,
    measures: MeasuresFile,
    indicators: IndicatorsFile,
}

impl Folder {
    fn read(dir: PathBuf) -> Folder {
        let texts: Vec<(&'static str, String)> = DATA_FILES
            .iter()
            .map(|f| {
                let path = dir.join(f);
                let text = std::fs::read_to_string(&path)
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                (*f, text)
            })
            .collect();
        let text = |f: &str| {
            texts
                .iter()
                .find(|(n, _)| *n == f)
                .map(|(_, t)| t.as_str())
                .unwrap_or_default()
        };
        let raw = texts
            .iter()
            .map(|(f, t)| {
                let v: Value = serde_json::from_str(t).unwrap_or_else(|e| panic!("{f}: {e}"));
                (*f, v)
            })
            .collect();
        Folder {
            plan: typed(PLAN_FILE, text(PLAN_FILE)),
            measures: typed(MEASURES_FILE, text(MEASURES_FILE)),
            indicators: typed(INDICATORS_FILE, text(INDICATORS_FILE)),
            dir,
            texts,
            raw,
        }
    }

    fn name(&self) -> String {
        self.dir.display().to_string()
    }
}

fn typed<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> T {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{file}: {e}"))
}

fn example_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data")
}

/// The example.
fn example() -> Folder {
    Folder::read(example_dir())
}

/// The example and every report snapshot it lists (a snapshot that lacks a file is the finding
/// of `every_report_folder_of_the_example_holds_the_three_data_files`).
fn folders() -> Vec<Folder> {
    let example = example();
    let snapshots: Vec<Folder> = example
        .plan
        .reports
        .iter()
        .filter_map(|r| r.path.as_deref())
        .map(|p| example.dir.join(p))
        .filter(|dir| DATA_FILES.iter().all(|f| dir.join(f).is_file()))
        .map(Folder::read)
        .collect();
    std::iter::once(example).chain(snapshots).collect()
}

/// Fails with every broken instance of a rule at once.
fn assert_holds(problems: Vec<String>) {
    assert!(problems.is_empty(), "{problems:#?}");
}

// ------------------------------------------------------------------ the example shows every value

/// The values of `all` that `used` does not contain.
fn missing<T: PartialEq + Copy + std::fmt::Debug>(all: &[T], used: &[T]) -> Vec<String> {
    all.iter()
        .filter(|v| !used.contains(v))
        .map(|v| format!("{v:?} is shown nowhere in the example"))
        .collect()
}

#[test]
fn the_example_shows_every_measure_status() {
    let ex = example();
    let used: Vec<Status> = ex.measures.measures.iter().map(|m| m.status).collect();
    assert_holds(missing(&Status::ALL, &used));
}

#[test]
fn the_example_shows_done_and_open_milestones() {
    let ex = example();
    let used: Vec<bool> = ex
        .measures
        .measures
        .iter()
        .flat_map(|m| m.milestones.iter().map(|ms| ms.done))
        .collect();
    assert_holds(missing(&[true, false], &used));
}

#[test]
fn the_example_shows_council_papers_on_measures_and_its_report_in_every_form() {
    let ex = example();
    let measure_papers: Vec<&Paper> = ex
        .measures
        .measures
        .iter()
        .flat_map(|m| &m.papers)
        .collect();
    let report_papers: Vec<&Paper> = ex.plan.reports.iter().flat_map(|r| &r.papers).collect();
    let mut problems = Vec::new();
    if report_papers.is_empty() {
        problems.push("no report names a council paper".to_owned());
    }
    // With and without a link, a translated and a German-only title: both ways of showing one.
    let all: Vec<&Paper> = measure_papers
        .iter()
        .chain(&report_papers)
        .copied()
        .collect();
    let forms = [
        ("with a link", all.iter().any(|p| p.web.is_some())),
        ("without a link", all.iter().any(|p| p.web.is_none())),
        (
            "with a translated title",
            all.iter().any(|p| matches!(p.name, Text::Map(_))),
        ),
        (
            "with a German-only title",
            all.iter().any(|p| matches!(p.name, Text::Plain(_))),
        ),
        (
            "with two papers on one measure",
            ex.measures.measures.iter().any(|m| m.papers.len() > 1),
        ),
    ];
    for (form, shown) in forms {
        if !shown {
            problems.push(format!("no council paper {form}"));
        }
    }
    assert_holds(problems);
}

#[test]
fn the_example_shows_every_rating() {
    let ex = example();
    let used: Vec<Rating> = ex
        .indicators
        .indicators
        .iter()
        .map(|i| assess(i).rating)
        .collect();
    assert_holds(missing(&Rating::ALL, &used));
}

#[test]
fn the_example_shows_every_actor_kind_indicator_kind_direction_and_flag() {
    let ex = example();
    let actors: Vec<ActorKind> = ex.plan.actors.iter().map(|a| a.kind).collect();
    let inds = &ex.indicators.indicators;
    let kinds: Vec<IndicatorKind> = inds.iter().map(|i| i.kind).collect();
    let directions: Vec<Direction> = inds.iter().map(|i| i.direction).collect();
    let flags: Vec<Flag> = inds
        .iter()
        .flat_map(|i| &i.series)
        .flat_map(|s| &s.observations)
        .filter_map(|o| o.flag)
        .collect();
    let mut problems = missing(&ActorKind::ALL, &actors);
    problems.extend(missing(&IndicatorKind::ALL, &kinds));
    problems.extend(missing(&Direction::ALL, &directions));
    problems.extend(missing(&Flag::ALL, &flags));
    assert_holds(problems);
}

// ------------------------------------------------------------------ links and references resolve

#[test]
fn every_report_folder_of_the_example_holds_the_three_data_files() {
    let mut problems = Vec::new();
    for f in folders() {
        for (i, r) in f.plan.reports.iter().enumerate() {
            let Some(path) = r.path.as_deref() else {
                continue;
            };
            for file in DATA_FILES {
                if !f.dir.join(path).join(file).is_file() {
                    problems.push(format!(
                        "{}: reports[{i}].path: {path} has no {file}",
                        f.name()
                    ));
                }
            }
        }
    }
    assert_holds(problems);
}

#[test]
fn goals_and_indicators_name_each_other() {
    let mut problems = Vec::new();
    for f in folders() {
        let goal_names: HashSet<(&str, &str)> = f
            .plan
            .goals
            .iter()
            .flat_map(|g| g.indicators.iter().map(|i| (g.id.as_str(), i.as_str())))
            .collect();
        let indicator_names: HashSet<(&str, &str)> = f
            .indicators
            .indicators
            .iter()
            .flat_map(|i| i.goals.iter().map(|g| (g.as_str(), i.id.as_str())))
            .collect();
        let goals: HashSet<&str> = f.plan.goals.iter().map(|g| g.id.as_str()).collect();
        let indicators: HashSet<&str> = f
            .indicators
            .indicators
            .iter()
            .map(|i| i.id.as_str())
            .collect();
        // Only pairs whose both ends exist: a dangling reference is validate's finding.
        let both = |(g, i): &&(&str, &str)| goals.contains(g) && indicators.contains(i);
        for (g, i) in goal_names.difference(&indicator_names).filter(both) {
            problems.push(format!(
                "{}: goal {g} names indicator {i}, which does not name the goal",
                f.name()
            ));
        }
        for (g, i) in indicator_names.difference(&goal_names).filter(both) {
            problems.push(format!(
                "{}: indicator {i} names goal {g}, which does not name the indicator",
                f.name()
            ));
        }
    }
    problems.sort();
    assert_holds(problems);
}

// ------------------------------------------------------------------ house style

/// A JSON value that keeps the keys in the file's order, to print a file again as it was.
enum Ordered {
    Scalar(Value),
    Array(Vec<Ordered>),
    Object(Vec<(String, Ordered)>),
}

impl<'de> Deserialize<'de> for Ordered {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Ordered;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("JSON")
            }
            fn visit_bool<E>(self, v: bool) -> Result<Ordered, E> {
                Ok(Ordered::Scalar(v.into()))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Ordered, E> {
                Ok(Ordered::Scalar(v.into()))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Ordered, E> {
                Ok(Ordered::Scalar(v.into()))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Ordered, E> {
                Ok(Ordered::Scalar(v.into()))
            }
            fn visit_str<E>(self, v: &str) -> Result<Ordered, E> {
                Ok(Ordered::Scalar(v.into()))
            }
            fn visit_unit<E>(self) -> Result<Ordered, E> {
                Ok(Ordered::Scalar(Value::Null))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Ordered, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Ordered::Array(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Ordered, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(Ordered::Object(entries))
            }
        }
        d.deserialize_any(V)
    }
}

impl Serialize for Ordered {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Ordered::Scalar(v) => v.serialize(s),
            Ordered::Array(items) => s.collect_seq(items),
            Ordered::Object(entries) => s.collect_map(entries.iter().map(|(k, v)| (k, v))),
        }
    }
}

#[test]
fn example_files_are_pretty_printed_with_two_spaces_and_a_final_newline() {
    let mut problems = Vec::new();
    for f in folders() {
        for (file, text) in &f.texts {
            let value: Ordered = serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}"));
            let pretty = serde_json::to_string_pretty(&value).unwrap_or_default() + "\n";
            if *text != pretty {
                let line = text
                    .lines()
                    .zip(pretty.lines())
                    .position(|(a, b)| a != b)
                    .map_or(text.lines().count(), |i| i + 1);
                problems.push(format!(
                    "{}/{file}: not pretty-printed with two spaces and a final newline (line {line})",
                    f.name()
                ));
            }
        }
    }
    assert_holds(problems);
}

/// Whether a host is example.org or below it.
fn on_example_org(host: &str) -> bool {
    let host = host.to_ascii_lowercase();
    host == "example.org" || host.ends_with(".example.org")
}

/// The web addresses in a text (`http://…`, `https://…`, `www.…`) with their hosts.
fn web_addresses(s: &str) -> Vec<(String, String)> {
    let lower = s.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lower.len() {
        let rest = &lower[i..];
        let at_word_start = lower[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric() && c != '_');
        let prefix = ["https://", "http://", "www."]
            .into_iter()
            .find(|p| rest.starts_with(p));
        match prefix {
            Some(p) if at_word_start => {
                let len = rest
                    .find(|c: char| c.is_whitespace() || "\"'<>)".contains(c))
                    .unwrap_or(rest.len());
                let address = &s[i..i + len];
                let after_scheme = if p == "www." {
                    address
                } else {
                    &address[p.len()..]
                };
                let authority = after_scheme
                    .split(['/', '?', '#'])
                    .next()
                    .unwrap_or_default();
                let host = authority.rsplit('@').next().unwrap_or_default();
                let host = host.split(':').next().unwrap_or_default();
                out.push((address.to_owned(), host.to_owned()));
                i += len.max(1);
            }
            _ => i += rest.chars().next().map_or(1, char::len_utf8),
        }
    }
    out
}

fn is_local_part_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "._%+-".contains(c)
}

fn is_domain_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || ".-".contains(c)
}

/// A domain with at least one dot and a top-level label of two or more letters.
fn is_mail_domain(d: &str) -> bool {
    d.rsplit_once('.').is_some_and(|(name, tld)| {
        !name.is_empty() && tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic())
    })
}

/// The domains of the e-mail addresses in a text.
fn mail_domains(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, _) in s.match_indices('@') {
        let local_ok = s[..i].chars().next_back().is_some_and(is_local_part_char);
        let domain: String = s[i + 1..]
            .chars()
            .take_while(|c| is_domain_char(*c))
            .collect();
        let domain = domain.trim_end_matches(['.', '-']);
        if local_ok && is_mail_domain(domain) {
            out.push(domain.to_owned());
        }
    }
    out
}

/// Whether a whole string is an e-mail address.
fn is_email(s: &str) -> bool {
    s.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty()
            && local.chars().all(is_local_part_char)
            && domain.chars().all(is_domain_char)
            && is_mail_domain(domain)
    })
}

/// Every string value in a JSON document with its path.
fn strings<'a>(v: &'a Value, path: String, out: &mut Vec<(String, &'a str)>) {
    match v {
        Value::String(s) => out.push((path, s)),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                strings(item, format!("{path}[{i}]"), out);
            }
        }
        Value::Object(map) => {
            for (k, item) in map {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                strings(item, p, out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_address_in_the_example_is_on_example_org() {
    let mut problems = Vec::new();
    for f in folders() {
        for file in DATA_FILES {
            let mut all = Vec::new();
            strings(&f.raw[file], String::new(), &mut all);
            for (path, s) in all {
                for (address, host) in web_addresses(s) {
                    if !on_example_org(&host) {
                        problems.push(format!("{}/{file}: {path}: {address}", f.name()));
                    }
                }
                for domain in mail_domains(s) {
                    if !on_example_org(&domain) {
                        problems.push(format!("{}/{file}: {path}: e-mail on {domain}", f.name()));
                    }
                }
            }
        }
    }
    assert_holds(problems);
}

#[test]
fn the_address_finders_find_what_they_should() {
    let found = web_addresses("Siehe https://www.example.org/a?b=1), www.stadt.de und xhttp://no");
    assert_eq!(
        found,
        vec![
            (
                "https://www.example.org/a?b=1".into(),
                "www.example.org".into()
            ),
            ("www.stadt.de".into(), "www.stadt.de".into()),
        ]
    );
    assert_eq!(
        mail_domains("mailto:a.b@example.org, c@stadt.de. @x.de"),
        ["example.org", "stadt.de"]
    );
    assert!(is_email("integration@example.org"));
    assert!(!is_email("integration@example") && !is_email("@example.org"));
}

/// The districts of Göppingen, the example's city.
const DISTRICTS: [&str; 13] = [
    "Innenstadt",
    "Bodenfeld",
    "Nordstadt",
    "Südstadt",
    "Jebenhausen",
    "Faurndau",
    "Holzheim",
    "Bartenbach",
    "Bezgenriet",
    "Hohenstaufen",
    "Maitis",
    "St. Gallus",
    "Ursenwang",
];

#[test]
fn example_districts_are_districts_of_goeppingen() {
    let mut problems = Vec::new();
    for f in folders() {
        // A plan that declares districts names them by id; one that does not, by name.
        let declared = &f.plan.districts;
        for (i, d) in declared.iter().enumerate() {
            let name = d.name.resolve("de", "de");
            if !DISTRICTS.contains(&name) {
                problems.push(format!("{}: districts[{i}].name: {name}", f.name()));
            }
        }
        for (i, m) in f.measures.measures.iter().enumerate() {
            for (j, d) in m.districts.iter().enumerate() {
                let name = if declared.is_empty() {
                    Some(d.as_str())
                } else {
                    declared
                        .iter()
                        .find(|x| &x.id == d)
                        .map(|x| x.name.resolve("de", "de"))
                };
                if !name.is_some_and(|n| DISTRICTS.contains(&n)) {
                    problems.push(format!("{}: measures[{i}].districts[{j}]: {d}", f.name()));
                }
            }
        }
    }
    assert_holds(problems);
}

/// The example shows values by district where its districts are declared, for the latest
/// period of their series, with districts without data among them.
#[test]
fn example_values_by_district_are_for_the_latest_period_and_show_missing_data() {
    let f = example();
    let mut problems = Vec::new();
    let mut with = 0;
    for ind in &f.indicators.indicators {
        let Some(b) = ind.by_district.as_ref() else {
            continue;
        };
        with += 1;
        let series = match b.series.as_deref() {
            Some(id) => ind.series.iter().find(|s| s.id == id),
            None => ind.target_series(),
        };
        let latest = series.and_then(|s| s.observations.last()).map(|o| o.period);
        if latest != Some(b.period) {
            problems.push(format!("{}: by_district.period is not the latest", ind.id));
        }
        if !b.values.iter().any(|v| v.value.is_none()) {
            problems.push(format!(
                "{}: by_district shows no district without data",
                ind.id
            ));
        }
    }
    if with < 2 {
        problems.push(format!("only {with} indicators with values by district"));
    }
    assert_holds(problems);
}

// ------------------------------------------------------------------ stricter content rules

#[test]
fn the_example_plan_explains_its_method_and_says_how_current_it_is() {
    let mut problems = Vec::new();
    for f in folders() {
        let p = &f.plan.plan;
        if p.method.as_ref().is_none_or(Text::is_blank) {
            problems.push(format!("{}: plan.method missing", f.name()));
        }
        if p.as_of.is_none() {
            problems.push(format!("{}: plan.as_of missing", f.name()));
        }
    }
    assert_holds(problems);
}

#[test]
fn the_contact_email_is_an_email_address() {
    let mut problems = Vec::new();
    for f in folders() {
        let email = f
            .plan
            .plan
            .contact
            .as_ref()
            .and_then(|c| c.email.as_deref());
        if let Some(e) = email.filter(|e| !is_email(e)) {
            problems.push(format!("{}: plan.contact.email: {e}", f.name()));
        }
    }
    assert_holds(problems);
}

/// Whether an address is http or https with a host.
fn is_web_address(url: &str) -> bool {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    ["https://", "http://"].iter().any(|p| {
        lower.starts_with(p)
            && url[p.len()..]
                .split(['/', '?', '#'])
                .next()
                .is_some_and(|host| !host.is_empty())
    })
}

#[test]
fn websites_are_http_or_https_with_a_host() {
    let mut problems = Vec::new();
    for f in folders() {
        let mut urls: Vec<(String, &str)> = Vec::new();
        if let Some(u) = f.plan.plan.contact.as_ref().and_then(|c| c.url.as_deref()) {
            urls.push(("plan.contact.url".into(), u));
        }
        for (i, a) in f.plan.actors.iter().enumerate() {
            if let Some(u) = a.url.as_deref() {
                urls.push((format!("actors[{i}].url"), u));
            }
        }
        for (i, ind) in f.indicators.indicators.iter().enumerate() {
            if let Some(u) = ind.source.as_ref().and_then(|s| s.url.as_deref()) {
                urls.push((format!("indicators[{i}].source.url"), u));
            }
        }
        // Measure links may also be mailto:, but a web link needs a host.
        for (i, m) in f.measures.measures.iter().enumerate() {
            for (j, l) in m.links.iter().enumerate() {
                if !l.url.to_ascii_lowercase().starts_with("mailto:") {
                    urls.push((format!("measures[{i}].links[{j}].url"), &l.url));
                }
            }
        }
        for (path, u) in urls {
            if !is_web_address(u) {
                problems.push(format!("{}: {path}: {u}", f.name()));
            }
        }
    }
    assert_holds(problems);
}

#[test]
fn fields_of_action_have_distinct_orders() {
    let mut problems = Vec::new();
    for f in folders() {
        let mut seen = HashMap::new();
        for (i, field) in f.plan.fields.iter().enumerate() {
            if let Some(o) = field.order {
                if let Some(first) = seen.insert(o, i) {
                    problems.push(format!(
                        "{}: fields[{i}].order {o} is also fields[{first}].order",
                        f.name()
                    ));
                }
            }
        }
    }
    assert_holds(problems);
}

#[test]
fn delayed_paused_and_dropped_measures_say_why() {
    let mut problems = Vec::new();
    for f in folders() {
        for (i, m) in f.measures.measures.iter().enumerate() {
            let needs_note = matches!(m.status, Status::Delayed | Status::Paused | Status::Dropped);
            if needs_note && m.status_note.as_ref().is_none_or(Text::is_blank) {
                problems.push(format!(
                    "{}: measures[{i}] ({}) has no status_note",
                    f.name(),
                    m.status.as_str()
                ));
            }
        }
    }
    assert_holds(problems);
}

#[test]
fn completed_measures_have_an_actual_end() {
    let mut problems = Vec::new();
    for f in folders() {
        for (i, m) in f.measures.measures.iter().enumerate() {
            if m.status == Status::Completed && m.actual_end.is_none() {
                problems.push(format!("{}: measures[{i}] has no actual_end", f.name()));
            }
        }
    }
    assert_holds(problems);
}

#[test]
fn progress_is_a_whole_percentage_and_finished_measures_stand_at_100() {
    let mut problems = Vec::new();
    for f in folders() {
        let raw = &f.raw[MEASURES_FILE]["measures"];
        for (i, m) in raw.as_array().into_iter().flatten().enumerate() {
            let mut progress = vec![(format!("measures[{i}].progress"), &m["progress"])];
            for (j, u) in m["updates"].as_array().into_iter().flatten().enumerate() {
                progress.push((
                    format!("measures[{i}].updates[{j}].progress"),
                    &u["progress"],
                ));
            }
            for (path, p) in progress {
                let whole = p.as_u64().is_some_and(|p| p <= 100);
                if !p.is_null() && !whole {
                    problems.push(format!(
                        "{}: {path}: {p} is not a whole number 0–100",
                        f.name()
                    ));
                }
            }
        }
        for (i, m) in f.measures.measures.iter().enumerate() {
            if m.status.is_done() && m.progress.is_some_and(|p| p != 100.0) {
                problems.push(format!(
                    "{}: measures[{i}] is {} but at {:?} %",
                    f.name(),
                    m.status.as_str(),
                    m.progress
                ));
            }
        }
    }
    assert_holds(problems);
}

#[test]
fn weights_are_positive() {
    let mut problems = Vec::new();
    for f in folders() {
        for (i, m) in f.measures.measures.iter().enumerate() {
            if let Some(w) = m.weight.filter(|w| *w <= 0.0) {
                problems.push(format!("{}: measures[{i}].weight {w}", f.name()));
            }
        }
    }
    assert_holds(problems);
}

#[test]
fn budgets_have_an_amount_of_at_least_zero_and_a_currency_code() {
    let mut problems = Vec::new();
    for f in folders() {
        for (i, m) in f.measures.measures.iter().enumerate() {
            let Some(b) = m.budget.as_ref() else { continue };
            if b.amount < 0.0 {
                problems.push(format!(
                    "{}: measures[{i}].budget.amount {}",
                    f.name(),
                    b.amount
                ));
            }
            let code = b.currency.as_deref().unwrap_or_default();
            if code.len() != 3 || !code.chars().all(|c| c.is_ascii_uppercase()) {
                problems.push(format!(
                    "{}: measures[{i}].budget.currency {code:?} is no code such as EUR",
                    f.name()
                ));
            }
        }
    }
    assert_holds(problems);
}

#[test]
fn no_update_is_dated_after_the_date_of_the_data() {
    let mut problems = Vec::new();
    for f in folders() {
        let Some(as_of) = f.plan.plan.as_of else {
            continue;
        };
        for (i, m) in f.measures.measures.iter().enumerate() {
            for (j, u) in m.updates.iter().enumerate() {
                if u.date.period().start() > as_of.period().end() {
                    problems.push(format!(
                        "{}: measures[{i}].updates[{j}].date {} is after plan.as_of {as_of}",
                        f.name(),
                        u.date
                    ));
                }
            }
        }
    }
    assert_holds(problems);
}

#[test]
fn every_measure_has_a_goal_and_every_indicator_series_with_values() {
    let mut problems = Vec::new();
    for f in folders() {
        for (i, m) in f.measures.measures.iter().enumerate() {
            if m.goals.is_empty() {
                problems.push(format!("{}: measures[{i}] names no goal", f.name()));
            }
        }
        for (i, ind) in f.indicators.indicators.iter().enumerate() {
            // An indicator adopted without data yet says when data comes and why there is none.
            let pending = ind.expected_from.is_some() && ind.no_data_reason.is_some();
            if ind.series.is_empty() && !pending {
                problems.push(format!(
                    "{}: indicators[{i}] has no series (nor expected_from and no_data_reason)",
                    f.name()
                ));
            }
            for (j, s) in ind.series.iter().enumerate() {
                if s.observations.is_empty() {
                    problems.push(format!(
                        "{}: indicators[{i}].series[{j}] has no observations",
                        f.name()
                    ));
                }
            }
        }
    }
    assert_holds(problems);
}

#[test]
fn no_series_has_two_values_for_one_period() {
    let mut problems = Vec::new();
    for f in folders() {
        for (i, ind) in f.indicators.indicators.iter().enumerate() {
            for (j, s) in ind.series.iter().enumerate() {
                let mut seen = BTreeSet::new();
                for o in &s.observations {
                    if !seen.insert(o.period.to_string()) {
                        problems.push(format!(
                            "{}: indicators[{i}].series[{j}]: {} twice",
                            f.name(),
                            o.period
                        ));
                    }
                }
            }
        }
    }
    assert_holds(problems);
}

#[test]
fn rated_indicators_have_a_baseline_and_a_later_target() {
    let mut problems = Vec::new();
    for f in folders() {
        for (i, ind) in f.indicators.indicators.iter().enumerate() {
            let rated = ind.kind != IndicatorKind::Context && ind.direction != Direction::None;
            // Without data yet there is no baseline, but the plan has adopted a target.
            let pending = ind.series.is_empty() && ind.expected_from.is_some();
            if rated && ((ind.baseline.is_none() && !pending) || ind.target.is_none()) {
                problems.push(format!(
                    "{}: indicators[{i}] is rated but lacks a baseline or a target",
                    f.name()
                ));
            }
            if let (Some(b), Some(t)) = (&ind.baseline, &ind.target) {
                if t.period.start().0 <= b.period.start().0 {
                    problems.push(format!(
                        "{}: indicators[{i}]: target {} is not after baseline {}",
                        f.name(),
                        t.period,
                        b.period
                    ));
                }
            }
        }
    }
    assert_holds(problems);
}

#[test]
fn texts_that_are_given_are_not_blank() {
    let mut problems = Vec::new();
    for f in folders() {
        // Optional texts as they are given (None: not given).
        let mut texts: Vec<(String, Option<&Text>)> = Vec::new();
        let p = &f.plan.plan;
        texts.push(("plan.subtitle".into(), p.subtitle.as_ref()));
        texts.push(("plan.publisher".into(), p.publisher.as_ref()));
        texts.push(("plan.description".into(), p.description.as_ref()));
        for (i, x) in f.plan.fields.iter().enumerate() {
            texts.push((format!("fields[{i}].description"), x.description.as_ref()));
        }
        for (i, x) in f.plan.goals.iter().enumerate() {
            texts.push((format!("goals[{i}].description"), x.description.as_ref()));
        }
        for (i, m) in f.measures.measures.iter().enumerate() {
            texts.push((format!("measures[{i}].summary"), m.summary.as_ref()));
            texts.push((
                format!("measures[{i}].easy_summary"),
                m.easy_summary.as_ref(),
            ));
            texts.push((format!("measures[{i}].description"), m.description.as_ref()));
            texts.push((format!("measures[{i}].status_note"), m.status_note.as_ref()));
            for (j, u) in m.updates.iter().enumerate() {
                texts.push((format!("measures[{i}].updates[{j}].text"), u.text.as_ref()));
            }
        }
        for (i, ind) in f.indicators.indicators.iter().enumerate() {
            texts.push((
                format!("indicators[{i}].short_title"),
                ind.short_title.as_ref(),
            ));
            texts.push((
                format!("indicators[{i}].definition"),
                ind.definition.as_ref(),
            ));
            texts.push((format!("indicators[{i}].notes"), ind.notes.as_ref()));
            for (j, s) in ind.series.iter().enumerate() {
                texts.push((
                    format!("indicators[{i}].series[{j}].label"),
                    s.label.as_ref(),
                ));
                for (k, o) in s.observations.iter().enumerate() {
                    texts.push((
                        format!("indicators[{i}].series[{j}].observations[{k}].note"),
                        o.note.as_ref(),
                    ));
                }
            }
        }
        for (i, m) in f.measures.measures.iter().enumerate() {
            for (j, t) in m.target_groups.iter().enumerate() {
                texts.push((format!("measures[{i}].target_groups[{j}]"), Some(t)));
            }
            for (j, l) in m.links.iter().enumerate() {
                texts.push((format!("measures[{i}].links[{j}].title"), Some(&l.title)));
            }
        }
        for (i, ind) in f.indicators.indicators.iter().enumerate() {
            if let Some(s) = &ind.source {
                texts.push((format!("indicators[{i}].source.name"), Some(&s.name)));
            }
        }
        for (path, t) in texts.into_iter().filter_map(|(p, t)| Some((p, t?))) {
            // Every language of a text, not just one, must say something.
            let variants = t.variants();
            if variants.is_empty() || variants.iter().any(|s| s.trim().is_empty()) {
                problems.push(format!("{}: {path} is blank", f.name()));
            }
        }
        for (i, m) in f.measures.measures.iter().enumerate() {
            for (j, d) in m.districts.iter().enumerate() {
                if d.trim().is_empty() {
                    problems.push(format!(
                        "{}: measures[{i}].districts[{j}] is blank",
                        f.name()
                    ));
                }
            }
        }
    }
    assert_holds(problems);
}
