//! The open-data package: a Frictionless Data Package (`datapackage.json` with a Table Schema per
//! table) and its CSV tables in long format: one row per measure, milestone, update, indicator,
//! value and rating. Column names and descriptions are English, as portals and tools expect;
//! the texts in the rows are in the plan's default language.

use serde_json::{json, Value};
use wegmarke_core::{gap, permalink, rating, text, Indicator};

use crate::{Context, File, DATA_PACKAGE, OPEN_DATA_DIR};

/// A column: name, Table Schema type, description; an optional pattern for dates of varying
/// precision.
struct Column {
    name: &'static str,
    kind: &'static str,
    description: &'static str,
    pattern: Option<&'static str>,
}

const fn col(name: &'static str, kind: &'static str, description: &'static str) -> Column {
    Column {
        name,
        kind,
        description,
        pattern: None,
    }
}

/// A date as the data has it: a day, a month or a year.
const DATE: &str = r"^\d{4}(-\d{2}(-\d{2})?)?$";
/// A period: a year, half year, quarter, month or day.
const PERIOD: &str = r"^\d{4}(-(H[12]|Q[1-4]|\d{2}(-\d{2})?))?$";

const fn dated(name: &'static str, description: &'static str, pattern: &'static str) -> Column {
    Column {
        name,
        kind: "string",
        description,
        pattern: Some(pattern),
    }
}

/// A table: its name, description, columns, keys and rows.
struct Table {
    name: &'static str,
    title: &'static str,
    columns: Vec<Column>,
    primary_key: &'static [&'static str],
    /// (column, table it refers to): always to that table's `id`.
    references: &'static [(&'static str, &'static str)],
    rows: Vec<Vec<String>>,
}

/// The package's tables, in the order of its descriptor: `open-data/<name>.csv`.
pub const TABLES: [&str; 7] = [
    "measures",
    "milestones",
    "updates",
    "papers",
    "indicators",
    "values",
    "ratings",
];

/// A table's file inside the data folder (`open-data/values.csv`).
pub fn table_path(name: &str) -> String {
    format!("{OPEN_DATA_DIR}/{name}.csv")
}

/// The CSV tables and `datapackage.json`, in this order.
pub fn files(ctx: &Context) -> Vec<File> {
    let tables = [
        measures(ctx),
        milestones(ctx),
        updates(ctx),
        papers(ctx),
        indicators(ctx),
        values(ctx),
        ratings(ctx),
    ];
    let mut out: Vec<File> = tables
        .iter()
        .map(|t| File {
            path: table_path(t.name),
            media_type: "text/csv",
            text: csv_text(t),
        })
        .collect();
    out.push(File {
        path: DATA_PACKAGE.to_owned(),
        media_type: "application/json",
        text: descriptor(ctx, &tables),
    });
    out
}

fn csv_text(t: &Table) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut write = |row: &[&str]| {
        // Writing to memory cannot fail; a row that could not be written would be a bug here.
        if let Err(e) = w.write_record(row) {
            debug_assert!(false, "{e}");
        }
    };
    write(&t.columns.iter().map(|c| c.name).collect::<Vec<_>>());
    for row in &t.rows {
        write(&row.iter().map(String::as_str).collect::<Vec<_>>());
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

fn descriptor(ctx: &Context, tables: &[Table]) -> String {
    let plan = ctx.ds.plan.as_ref().map(|p| &p.plan);
    let mut package = json!({
        "profile": "tabular-data-package",
        "name": slug(ctx.plan_title()),
        "title": ctx.plan_title(),
        "homepage": ctx.site.url,
        "created": format!("{}T00:00:00Z", ctx.as_of()),
        "resources": tables.iter().map(resource).collect::<Vec<_>>(),
    });
    if let Some(description) = plan.and_then(|p| p.description.as_ref()) {
        package["description"] = json!(ctx.text(description));
    }
    if let Some(licence) = ctx.config.licence.as_ref() {
        let mut l = json!({ "title": ctx.text(&licence.name) });
        if let Some(id) = licence.id.as_deref() {
            l["name"] = json!(id);
        }
        if let Some(url) = licence.url.as_deref() {
            l["path"] = json!(url);
        }
        package["licenses"] = json!([l]);
    }
    if let Some(publisher) = plan.and_then(|p| p.publisher.as_ref()) {
        package["contributors"] = json!([{ "title": ctx.text(publisher), "role": "publisher" }]);
    }
    let mut text = serde_json::to_string_pretty(&package).unwrap_or_default();
    text.push('\n');
    text
}

fn resource(t: &Table) -> Value {
    let fields: Vec<Value> = t
        .columns
        .iter()
        .map(|c| {
            let mut f = json!({ "name": c.name, "type": c.kind, "description": c.description });
            if let Some(p) = c.pattern {
                f["constraints"] = json!({ "pattern": p });
            }
            f
        })
        .collect();
    let mut schema = json!({ "fields": fields, "missingValues": [""] });
    if !t.primary_key.is_empty() {
        schema["primaryKey"] = json!(t.primary_key);
    }
    if !t.references.is_empty() {
        schema["foreignKeys"] = t
            .references
            .iter()
            .map(|(column, table)| {
                json!({ "fields": column, "reference": { "resource": table, "fields": "id" } })
            })
            .collect();
    }
    json!({
        "name": t.name,
        "path": format!("{}.csv", t.name),
        "title": t.title,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema,
    })
}

/// A package name: lower case letters, digits and `-`, from the plan's title.
fn slug(title: &str) -> String {
    let folded = text::fold(title);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        "wegmarke-plan".to_owned()
    } else {
        words.join("-")
    }
}

fn num(v: Option<f64>) -> String {
    v.filter(|v| v.is_finite())
        .map(|v| v.to_string())
        .unwrap_or_default()
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

fn measures(ctx: &Context) -> Table {
    let rows = ctx
        .measures()
        .iter()
        .map(|m| {
            vec![
                m.id.clone(),
                ctx.text(&m.title).to_owned(),
                ctx.fields_of(&m.goals).join(" "),
                m.goals.join(" "),
                m.status.as_str().to_owned(),
                num(m.progress),
                opt(m.start),
                opt(m.end),
                opt(m.actual_end),
                m.lead.clone().unwrap_or_default(),
                m.partners.join(" "),
                m.indicators.join(" "),
                ctx.site.page(&permalink::measure(&m.id)),
            ]
        })
        .collect();
    Table {
        name: "measures",
        title: "Measures",
        columns: vec![
            col("id", "string", "Id of the measure"),
            col("title", "string", "Title"),
            col(
                "fields",
                "string",
                "Ids of its fields of action, separated by spaces",
            ),
            col(
                "goals",
                "string",
                "Ids of the goals it serves, separated by spaces",
            ),
            col(
                "status",
                "string",
                "planned, preparing, on_track, delayed, completed, continued, paused or dropped",
            ),
            col(
                "progress",
                "number",
                "Progress as a share from 0 to 1, if reported",
            ),
            dated("start", "Planned start", DATE),
            dated("end", "Planned end", DATE),
            dated("actual_end", "Actual end", DATE),
            col("lead", "string", "Id of the lead actor"),
            col(
                "partners",
                "string",
                "Ids of partner actors, separated by spaces",
            ),
            col(
                "indicators",
                "string",
                "Ids of related indicators, separated by spaces",
            ),
            col("url", "string", "The measure's page on the dashboard"),
        ],
        primary_key: &["id"],
        references: &[],
        rows,
    }
}

fn milestones(ctx: &Context) -> Table {
    let rows = ctx
        .measures()
        .iter()
        .flat_map(|m| {
            m.milestones.iter().map(|ms| {
                vec![
                    m.id.clone(),
                    ms.date.to_string(),
                    ctx.text(&ms.title).to_owned(),
                    ms.done.to_string(),
                ]
            })
        })
        .collect();
    Table {
        name: "milestones",
        title: "Milestones of the measures",
        columns: vec![
            col("measure_id", "string", "Id of the measure"),
            dated(
                "date",
                "Date of the milestone (a day, a month or a year)",
                DATE,
            ),
            col("title", "string", "Title"),
            col("done", "boolean", "Whether it is reached"),
        ],
        primary_key: &[],
        references: &[("measure_id", "measures")],
        rows,
    }
}

fn updates(ctx: &Context) -> Table {
    let rows = ctx
        .measures()
        .iter()
        .flat_map(|m| {
            m.updates.iter().map(|u| {
                vec![
                    m.id.clone(),
                    u.date.to_string(),
                    u.status.map(|s| s.as_str().to_owned()).unwrap_or_default(),
                    num(u.progress),
                    u.text
                        .as_ref()
                        .map(|t| ctx.text(t).to_owned())
                        .unwrap_or_default(),
                ]
            })
        })
        .collect();
    Table {
        name: "updates",
        title: "Progress reports of the measures",
        columns: vec![
            col("measure_id", "string", "Id of the measure"),
            dated("date", "Date of the report", DATE),
            col("status", "string", "Status reported, if any"),
            col(
                "progress",
                "number",
                "Progress reported as a share from 0 to 1, if any",
            ),
            col("text", "string", "What was reported"),
        ],
        primary_key: &[],
        references: &[("measure_id", "measures")],
        rows,
    }
}

fn papers(ctx: &Context) -> Table {
    let row = |measure: &str, report: String, p: &wegmarke_core::Paper| {
        vec![
            measure.to_owned(),
            report,
            p.reference.clone(),
            ctx.text(&p.name).to_owned(),
            opt(p.date),
            p.web.clone().unwrap_or_default(),
            p.id.clone().unwrap_or_default(),
        ]
    };
    let mut rows: Vec<Vec<String>> = ctx
        .measures()
        .iter()
        .flat_map(|m| m.papers.iter().map(|p| row(&m.id, String::new(), p)))
        .collect();
    for report in ctx.ds.reports() {
        rows.extend(
            report
                .papers
                .iter()
                .map(|p| row("", report.date.to_string(), p)),
        );
    }
    Table {
        name: "papers",
        title: "Council papers (Drucksachen) that decided or reported measures and reports",
        columns: vec![
            col(
                "measure_id",
                "string",
                "Id of the measure the paper belongs to; empty for a report's paper",
            ),
            dated(
                "report_date",
                "Date of the council report the paper belongs to; empty for a measure's paper",
                DATE,
            ),
            col(
                "reference",
                "string",
                "Reference number of the paper (OParl Paper.reference)",
            ),
            col("name", "string", "Title of the paper (OParl Paper.name)"),
            dated("date", "Date of the paper (OParl Paper.date)", DATE),
            col(
                "web",
                "string",
                "The paper's page in the council information system (OParl Paper.web)",
            ),
            col(
                "id",
                "string",
                "The paper's OParl object URL (OParl Paper.id)",
            ),
        ],
        primary_key: &[],
        references: &[("measure_id", "measures")],
        rows,
    }
}

fn indicators(ctx: &Context) -> Table {
    let rows = ctx
        .ds
        .indicators()
        .iter()
        .map(|i| {
            vec![
                i.id.clone(),
                ctx.text(&i.title).to_owned(),
                i.unit.clone().unwrap_or_default(),
                i.kind.as_str().to_owned(),
                i.direction.as_str().to_owned(),
                opt(i.baseline.as_ref().map(|b| b.period)),
                num(i.baseline.as_ref().map(|b| b.value)),
                opt(i.target.as_ref().map(|t| t.period)),
                num(i.target.as_ref().map(|t| t.value)),
                i.source
                    .as_ref()
                    .map(|s| ctx.text(&s.name).to_owned())
                    .unwrap_or_default(),
                ctx.site.page(&permalink::indicator(&i.id)),
            ]
        })
        .collect();
    Table {
        name: "indicators",
        title: "Indicators",
        columns: vec![
            col("id", "string", "Id of the indicator"),
            col("title", "string", "Title"),
            col("unit", "string", "Unit of the values"),
            col("kind", "string", "Kind of indicator"),
            col("direction", "string", "Desired direction: up, down or none"),
            dated("baseline_period", "Period of the baseline", PERIOD),
            col("baseline_value", "number", "Baseline value"),
            dated("target_period", "Period of the target", PERIOD),
            col("target_value", "number", "Target value"),
            col("source", "string", "Source of the data"),
            col("url", "string", "The indicator's page on the dashboard"),
        ],
        primary_key: &["id"],
        references: &[],
        rows,
    }
}

fn values(ctx: &Context) -> Table {
    let rows = ctx
        .ds
        .indicators()
        .iter()
        .flat_map(|i| {
            i.series.iter().flat_map(move |s| {
                s.observations.iter().map(move |o| {
                    vec![
                        i.id.clone(),
                        s.id.clone(),
                        s.label
                            .as_ref()
                            .map(|l| ctx.text(l).to_owned())
                            .unwrap_or_default(),
                        o.period.to_string(),
                        num(o.value),
                        o.flag.map(|f| f.as_str().to_owned()).unwrap_or_default(),
                    ]
                })
            })
        })
        .collect();
    Table {
        name: "values",
        title: "Indicator values (long format)",
        columns: vec![
            col("indicator_id", "string", "Id of the indicator"),
            col("series_id", "string", "Id of the series"),
            col("series_label", "string", "Label of the series"),
            dated(
                "period",
                "Period: a year, half year (H1), quarter (Q1), month or day",
                PERIOD,
            ),
            col(
                "value",
                "number",
                "Value; empty when not available or suppressed",
            ),
            col(
                "flag",
                "string",
                "provisional, estimated, break or suppressed",
            ),
        ],
        primary_key: &["indicator_id", "series_id", "period"],
        references: &[("indicator_id", "indicators")],
        rows,
    }
}

fn rating_row(id: &str, subject: &str, ind: &Indicator) -> Vec<String> {
    let a = rating::assess(ind);
    vec![
        id.to_owned(),
        subject.to_owned(),
        a.rating.as_str().to_owned(),
        opt(a.latest.map(|(p, _)| p)),
        num(a.latest.map(|(_, v)| v)),
        num(a.expected),
        num(a.ratio),
    ]
}

fn ratings(ctx: &Context) -> Table {
    let mut rows = Vec::new();
    for ind in ctx.ds.indicators() {
        rows.push(rating_row(&ind.id, "level", ind));
        if let Some(g) = gap::as_indicator(ind, ctx.cat) {
            rows.push(rating_row(&ind.id, "gap", &g));
        }
    }
    Table {
        name: "ratings",
        title: "Ratings of the indicators (and of the gaps between groups)",
        columns: vec![
            col("indicator_id", "string", "Id of the indicator"),
            col("subject", "string", "level: the indicator's value; gap: the gap between two groups"),
            col("rating", "string", "achieved, substantial, moderate, limited, deterioration, not_assessable or not_rated"),
            dated("latest_period", "Period of the newest value rated", PERIOD),
            col("latest_value", "number", "Newest value rated"),
            col("expected_value", "number", "Where the straight line from baseline to target stands at that period"),
            col("ratio", "number", "Change achieved divided by change needed by then"),
        ],
        primary_key: &["indicator_id", "subject"],
        references: &[("indicator_id", "indicators")],
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tables_are_the_ones_announced() {
        let ds = wegmarke_core::Dataset::default();
        let cat = wegmarke_core::i18n::Catalog::german();
        let config = wegmarke_core::Config::default();
        let site = crate::Site::new("https://example.org/", None).expect("site");
        let ctx = Context {
            ds: &ds,
            config: &config,
            site: &site,
            cat: &cat,
        };
        let paths: Vec<String> = files(&ctx).into_iter().map(|f| f.path).collect();
        let mut announced: Vec<String> = TABLES.iter().map(|t| table_path(t)).collect();
        announced.push(DATA_PACKAGE.to_owned());
        assert_eq!(paths, announced);
    }

    #[test]
    fn package_names_are_lower_case_words() {
        assert_eq!(
            slug("Integrationsplan Göppingen 2025–2030"),
            "integrationsplan-goppingen-2025-2030"
        );
        assert_eq!(slug("—"), "wegmarke-plan");
    }
}
