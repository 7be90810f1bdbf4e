//! The measures explorer's logic: filters, accent- and case-blind search, sorting. Pure, so the
//! app's list and its CSV download agree, and fast enough to run on every keystroke for
//! thousands of measures (the search text is folded once, not per keystroke).

use crate::model::{Measure, Status};
use crate::sort::{sort_by, sort_by_cached_key};
use crate::text::fold;
use crate::validate::Dataset;

/// What the reader filters by; every field is optional. Lists mean "any of".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub field: Option<String>,
    pub goal: Option<String>,
    pub statuses: Vec<Status>,
    pub lead: Option<String>,
    pub target_group: Option<String>,
    pub district: Option<String>,
    /// Free text; every word must occur in title, summary or description (any language).
    pub query: String,
}

/// Sort orders of the explorer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortKey {
    #[default]
    Title,
    Status,
    End,
    LastUpdated,
    Progress,
}

impl SortKey {
    /// Every order, as offered to the reader.
    pub const ALL: [SortKey; 5] = [
        SortKey::Title,
        SortKey::Status,
        SortKey::End,
        SortKey::LastUpdated,
        SortKey::Progress,
    ];

    /// Name in URLs and translation keys.
    pub fn as_str(self) -> &'static str {
        match self {
            SortKey::Title => "title",
            SortKey::Status => "status",
            SortKey::End => "end",
            SortKey::LastUpdated => "updated",
            SortKey::Progress => "progress",
        }
    }

    /// Parses the URL name.
    pub fn parse(s: &str) -> Option<SortKey> {
        SortKey::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// The folded search text and sort title of every measure, built once per data set and
/// language, so a keystroke only compares prepared strings. The search text is folded on the
/// first search, not when the explorer opens.
pub struct SearchIndex {
    folded: std::sync::OnceLock<Vec<String>>,
    titles: Vec<String>,
}

/// Every searchable text of a measure, folded, in all languages.
fn search_text(m: &Measure) -> String {
    let mut s = String::new();
    for t in [
        Some(&m.title),
        m.summary.as_ref(),
        m.description.as_ref(),
        m.easy_summary.as_ref(),
    ]
    .into_iter()
    .flatten()
    {
        for v in t.variants() {
            s.push_str(&fold(v));
            s.push('\n');
        }
    }
    s.push_str(&fold(&m.id));
    s
}

impl SearchIndex {
    /// Folds every measure's searchable text and its title in `lang` (for sorting).
    pub fn new(measures: &[Measure], lang: &str, default: &str) -> Self {
        let titles = measures
            .iter()
            .map(|m| fold(m.title.resolve(lang, default)))
            .collect();
        SearchIndex {
            folded: std::sync::OnceLock::new(),
            titles,
        }
    }

    /// The folded texts; without search words an empty placeholder per measure (not folded).
    fn texts<'s>(&'s self, ds: &Dataset, needed: bool) -> Box<dyn Iterator<Item = &'s str> + 's> {
        if needed || self.folded.get().is_some() {
            let all = self
                .folded
                .get_or_init(|| ds.measures().iter().map(search_text).collect());
            Box::new(all.iter().map(String::as_str))
        } else {
            Box::new(std::iter::repeat_n("", ds.measures().len()))
        }
    }

    /// Folds the search texts now (e.g. when the reader focuses the search field), so the first
    /// keystroke does not pay for it.
    pub fn warm(&self, ds: &Dataset) {
        let _ = self.texts(ds, true).count();
    }

    /// The measures that pass the filter, sorted (ties by id, so the order is stable).
    pub fn select<'a>(&self, ds: &'a Dataset, filter: &Filter, sort: SortKey) -> Vec<&'a Measure> {
        let all = ds.measures();
        self.positions(ds, filter, sort)
            .into_iter()
            .map(|i| &all[i])
            .collect()
    }

    /// Like `select`, as positions in `ds.measures()` (cheap to keep in a reactive memo).
    pub fn positions(&self, ds: &Dataset, filter: &Filter, sort: SortKey) -> Vec<usize> {
        let words: Vec<String> = fold(&filter.query)
            .split_whitespace()
            .map(str::to_owned)
            .collect();
        let field_goals: Option<Vec<&str>> = filter.field.as_ref().map(|f| {
            ds.plan
                .iter()
                .flat_map(|p| &p.goals)
                .filter(|g| &g.field == f)
                .map(|g| g.id.as_str())
                .collect()
        });
        let mut out: Vec<(usize, &Measure)> = ds
            .measures()
            .iter()
            .enumerate()
            .zip(self.texts(ds, !words.is_empty()))
            .filter(|((_, m), text)| {
                field_goals
                    .as_ref()
                    .is_none_or(|gs| m.goals.iter().any(|g| gs.contains(&g.as_str())))
                    && filter.goal.as_ref().is_none_or(|g| m.goals.contains(g))
                    && (filter.statuses.is_empty() || filter.statuses.contains(&m.status))
                    && filter
                        .lead
                        .as_ref()
                        .is_none_or(|a| m.lead.as_ref() == Some(a))
                    && filter.target_group.as_ref().is_none_or(|t| {
                        m.target_groups
                            .iter()
                            .any(|g| g.variants().contains(&t.as_str()))
                    })
                    && filter
                        .district
                        .as_ref()
                        .is_none_or(|d| m.districts.contains(d))
                    && words.iter().all(|w| text.contains(w.as_str()))
            })
            .map(|(entry, _)| entry)
            .collect();
        let by_id = |a: &Measure, b: &Measure| a.id.cmp(&b.id);
        match sort {
            SortKey::Title => sort_by(&mut out, |a, b| {
                self.titles[a.0]
                    .cmp(&self.titles[b.0])
                    .then(by_id(a.1, b.1))
            }),
            SortKey::Status => sort_by(&mut out, |a, b| {
                a.1.status.cmp(&b.1.status).then(by_id(a.1, b.1))
            }),
            // Latest end first; measures without an end last.
            SortKey::End => sort_by(&mut out, |a, b| b.1.end.cmp(&a.1.end).then(by_id(a.1, b.1))),
            SortKey::LastUpdated => sort_by(&mut out, |a, b| {
                b.1.last_updated()
                    .cmp(&a.1.last_updated())
                    .then(by_id(a.1, b.1))
            }),
            SortKey::Progress => sort_by(&mut out, |a, b| {
                let p = |m: &Measure| crate::rollup::effective_progress(m).unwrap_or(-1.0);
                p(b.1).total_cmp(&p(a.1)).then(by_id(a.1, b.1))
            }),
        }
        out.into_iter().map(|(i, _)| i).collect()
    }
}

/// The distinct values a filter offers: (target groups, districts), sorted.
pub fn filter_values(
    measures: &[Measure],
    lang: &str,
    default: &str,
) -> (Vec<String>, Vec<String>) {
    let mut groups: Vec<String> = measures
        .iter()
        .flat_map(|m| {
            m.target_groups
                .iter()
                .map(|t| t.resolve(lang, default).to_owned())
        })
        .collect();
    let mut districts: Vec<String> = measures
        .iter()
        .flat_map(|m| m.districts.iter().cloned())
        .collect();
    for v in [&mut groups, &mut districts] {
        // Distinct first, then each distinct value folded once (not on every comparison: with
        // 2,000 measures that was most of the explorer's first render).
        sort_by(v, |a, b| a.cmp(b));
        v.dedup();
        sort_by_cached_key(v, |s| fold(s));
    }
    (groups, districts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::{validate, Input, Inputs};
    use serde_json::json;

    fn data() -> Dataset {
        let plan = json!({"format": "wegmarke/1", "plan": {"title": "P"},
            "fields": [{"id": "f1", "title": "F1"}, {"id": "f2", "title": "F2"}],
            "goals": [{"id": "g1", "field": "f1", "title": "G1"}, {"id": "g2", "field": "f2", "title": "G2"}],
            "actors": [{"id": "vhs", "name": "VHS"}, {"id": "jc", "name": "JC"}]});
        let measures = json!({"format": "wegmarke/1", "measures": [
            {"id": "M-1", "goals": ["g1"], "title": {"de": "Elterncafé auf Türkisch", "en": "Parents' café in Turkish"}, "status": "on_track", "progress": 40,
             "lead": "vhs", "target_groups": ["Eltern"], "districts": ["Innenstadt"], "end": "2026-12", "updates": [{"date": "2026-03-01"}]},
            {"id": "M-2", "goals": ["g2"], "title": "Ausbildungsmesse", "summary": "Betriebe stellen sich vor", "status": "delayed", "progress": 70,
             "lead": "jc", "target_groups": ["Jugendliche"], "districts": ["Bodenfeld"], "end": "2027-06", "updates": [{"date": "2026-09-01"}]},
            {"id": "M-3", "goals": ["g1", "g2"], "title": "Sprachpaten", "description": "Ehrenamtliche begleiten Familien, z. B. auf Türkisch.", "status": "completed",
             "lead": "vhs", "target_groups": ["Eltern", "Geflüchtete"], "districts": ["Bodenfeld"]}
        ]});
        let indicators = json!({"format": "wegmarke/1", "indicators": []});
        let (p, m, i) = (
            plan.to_string(),
            measures.to_string(),
            indicators.to_string(),
        );
        validate(
            &Inputs {
                plan: Input::Bytes(p.as_bytes()),
                measures: Input::Bytes(m.as_bytes()),
                indicators: Input::Bytes(i.as_bytes()),
            },
            "",
        )
    }

    fn ids(v: Vec<&Measure>) -> Vec<&str> {
        v.into_iter().map(|m| m.id.as_str()).collect()
    }

    #[test]
    fn search_ignores_case_and_diacritics_and_needs_every_word() {
        let ds = data();
        let idx = SearchIndex::new(ds.measures(), "de", "de");
        let q = |s: &str| {
            ids(idx.select(
                &ds,
                &Filter {
                    query: s.into(),
                    ..Filter::default()
                },
                SortKey::Title,
            ))
        };
        assert_eq!(q("turkisch"), ["M-1", "M-3"]);
        assert_eq!(q("TÜRKISCH familien"), ["M-3"]);
        assert_eq!(q("betriebe"), ["M-2"]);
        assert_eq!(q("turkish"), ["M-1"]);
        assert_eq!(q("nichts"), Vec::<&str>::new());
        assert_eq!(q("   "), ["M-2", "M-1", "M-3"]);
    }

    #[test]
    fn every_filter_narrows() {
        let ds = data();
        let idx = SearchIndex::new(ds.measures(), "de", "de");
        let f = |filter: Filter| ids(idx.select(&ds, &filter, SortKey::Title));
        assert_eq!(
            f(Filter {
                field: Some("f1".into()),
                ..Filter::default()
            }),
            ["M-1", "M-3"]
        );
        assert_eq!(
            f(Filter {
                goal: Some("g2".into()),
                ..Filter::default()
            }),
            ["M-2", "M-3"]
        );
        assert_eq!(
            f(Filter {
                statuses: vec![Status::Delayed, Status::Completed],
                ..Filter::default()
            }),
            ["M-2", "M-3"]
        );
        assert_eq!(
            f(Filter {
                lead: Some("vhs".into()),
                ..Filter::default()
            }),
            ["M-1", "M-3"]
        );
        assert_eq!(
            f(Filter {
                target_group: Some("Geflüchtete".into()),
                ..Filter::default()
            }),
            ["M-3"]
        );
        assert_eq!(
            f(Filter {
                district: Some("Bodenfeld".into()),
                ..Filter::default()
            }),
            ["M-2", "M-3"]
        );
        assert_eq!(
            f(Filter {
                district: Some("Bodenfeld".into()),
                lead: Some("jc".into()),
                ..Filter::default()
            }),
            ["M-2"]
        );
    }

    #[test]
    fn sort_orders() {
        let ds = data();
        let idx = SearchIndex::new(ds.measures(), "de", "de");
        let s = |k| ids(idx.select(&ds, &Filter::default(), k));
        assert_eq!(s(SortKey::Title), ["M-2", "M-1", "M-3"]);
        assert_eq!(s(SortKey::Status), ["M-1", "M-2", "M-3"]);
        assert_eq!(s(SortKey::End), ["M-2", "M-1", "M-3"]);
        assert_eq!(s(SortKey::LastUpdated), ["M-2", "M-1", "M-3"]);
        assert_eq!(s(SortKey::Progress), ["M-3", "M-2", "M-1"]);
        // English titles sort differently: "Parents' café" after "Ausbildungsmesse", before "Sprachpaten".
        let en = SearchIndex::new(ds.measures(), "en", "de");
        assert_eq!(
            ids(en.select(&ds, &Filter::default(), SortKey::Title)),
            ["M-2", "M-1", "M-3"]
        );
    }

    #[test]
    fn filter_values_are_distinct_and_sorted() {
        let ds = data();
        let (groups, districts) = filter_values(ds.measures(), "de", "de");
        assert_eq!(groups, ["Eltern", "Geflüchtete", "Jugendliche"]);
        assert_eq!(districts, ["Bodenfeld", "Innenstadt"]);
    }
}
