//! plan.json: the plan's metadata, typed leniently, then its fields, goals, actors and reports
//! and districts checked (ids, references, texts, links, snapshot paths).

use serde_json::Value;

use super::checker::{retain_indexed, Checker};
use super::link::PathUse;
use super::{extra_of, Known, LANGUAGE_TAGS, MAX_TEXT, MAX_TITLE};
use crate::i18n::is_language_tag;
use crate::model::{Extra, Plan, PlanFile, FORMAT};
use crate::problem::{JsonPath, ProblemKind, RefKind};
use crate::text::Text;

impl<const LOCATED: bool> Checker<LOCATED> {
    /// The plan file typed; each array entry on its own.
    pub(super) fn plan_file(&mut self, value: &Value) -> PlanFile {
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
            districts: self.entries(value, "districts", false),
            extra: extra_of(value, crate::FILE_KEYS[0]),
        }
    }

    pub(super) fn check_plan(&mut self, p: &mut PlanFile, known: &Known) {
        self.check_metadata(&mut p.plan);

        self.unique_ids(&mut p.fields, "fields", |f| &f.id);
        for (i, f) in p.fields.iter_mut().enumerate() {
            let at = JsonPath::root().key("fields").index(i);
            self.check_title(&mut f.title, &at.key("title"));
            self.check_opt_text(&mut f.description, MAX_TEXT, &at.key("description"));
        }

        self.unique_ids(&mut p.goals, "goals", |g| &g.id);
        retain_indexed(&mut p.goals, |i, g| {
            let at = JsonPath::root().key("goals").index(i);
            let mut field = Some(g.field.clone());
            self.one_ref(&mut field, &known.fields, RefKind::Field, &at.key("field"));
            self.check_title(&mut g.title, &at.key("title"));
            self.check_opt_text(&mut g.description, MAX_TEXT, &at.key("description"));
            self.refs(
                &mut g.indicators,
                &known.indicators,
                RefKind::Indicator,
                &at.key("indicators"),
            );
            self.check_int(&mut g.target_year, 1900, 2200, &at.key("target_year"));
            // A goal without its field has no place on the dashboard: it is left out.
            if field.is_none() {
                self.leave_out(&at);
            }
            field.is_some()
        });

        self.unique_ids(&mut p.actors, "actors", |a| &a.id);
        for (i, a) in p.actors.iter_mut().enumerate() {
            let at = JsonPath::root().key("actors").index(i);
            self.check_title(&mut a.name, &at.key("name"));
            self.check_url(&mut a.url, &at.key("url"));
        }

        for (i, r) in p.reports.iter_mut().enumerate() {
            let at = JsonPath::root().key("reports").index(i);
            self.check_title(&mut r.title, &at.key("title"));
            self.check_path(&mut r.path, PathUse::Folder, &at.key("path"));
            self.check_papers(&mut r.papers, &at.key("papers"));
        }

        self.unique_ids(&mut p.districts, "districts", |d| &d.id);
        for (i, d) in p.districts.iter_mut().enumerate() {
            self.check_title(
                &mut d.name,
                &JsonPath::root().key("districts").index(i).key("name"),
            );
        }
    }

    /// The `plan` object: texts, period, contact link, default language.
    fn check_metadata(&mut self, plan: &mut Plan) {
        let root = JsonPath::root().key("plan");
        self.check_text(&mut plan.title, MAX_TITLE, &root.key("title"));
        self.check_opt_text(&mut plan.subtitle, MAX_TITLE, &root.key("subtitle"));
        self.check_opt_text(&mut plan.publisher, MAX_TITLE, &root.key("publisher"));
        self.check_opt_text(&mut plan.description, MAX_TEXT, &root.key("description"));
        self.check_opt_text(&mut plan.method, MAX_TEXT, &root.key("method"));
        if let Some(period) = plan.period.as_ref() {
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
            let at = root.key("contact");
            self.check_url(&mut c.url, &at.key("url"));
            self.check_email(&mut c.email, &at.key("email"));
            self.check_phone(&mut c.phone, &at.key("phone"));
        }
        if !is_language_tag(&plan.default_language) {
            self.problem(
                root.key("default_language"),
                ProblemKind::UnknownValue {
                    found: plan.default_language.clone(),
                    allowed: LANGUAGE_TAGS.into(),
                },
            );
            plan.default_language = "de".into();
        }
    }
}
