//! The measures explorer's logic: filters, accent- and case-blind search, sorting. Pure, so the
//! app's list and its CSV download agree, and fast enough to run on every keystroke for
//! thousands of measures (the search text is folded once, not per keystroke).

use std::collections::BTreeSet;

use crate::model::{Measure, Status};
use crate::sort::{sort_by, sort_by_cached_key};
use crate::text::{fold, search_words};
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

impl Filter {
    /// How many filters the reader has set, as the explorer's filter button counts them: the
    /// search (if it has a word), each chosen list, and each ticked status (each one a box the
    /// reader ticked). The sort order is not a filter.
    pub fn active_count(&self) -> usize {
        let lists = [
            &self.field,
            &self.goal,
            &self.lead,
            &self.target_group,
            &self.district,
        ];
        usize::from(!self.query.trim().is_empty())
            + lists.iter().filter(|v| v.is_some()).count()
            + self.statuses.len()
    }
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
    /// Every measure's position in each order of `SortKey::ALL`, sorted on first use: a filter
    /// or a keystroke then only keeps the ones that pass, in order.
    orders: [std::sync::OnceLock<Vec<usize>>; 5],
}

/// The texts of a measure that a search looks in (the explorer's and the site search).
pub(crate) fn measure_texts(m: &Measure) -> [Option<&crate::Text>; 4] {
    [
        Some(&m.title),
        m.summary.as_ref(),
        m.description.as_ref(),
        m.easy_summary.as_ref(),
    ]
}

/// Every searchable text of a measure, folded, in all languages.
fn search_text(m: &Measure) -> String {
    folded_texts(measure_texts(m), &m.id)
}

/// The texts in every language they have, then the id, folded, one per line (so a search word
/// never matches across two of them).
pub(crate) fn folded_texts<'a>(
    texts: impl IntoIterator<Item = Option<&'a crate::Text>>,
    id: &str,
) -> String {
    let mut s = String::new();
    for t in texts.into_iter().flatten() {
        for v in t.variants() {
            s.push_str(&fold(v));
            s.push('\n');
        }
    }
    s.push_str(&fold(id));
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
            orders: Default::default(),
        }
    }

    /// The folded search texts, folded on first use.
    fn texts(&self, ds: &Dataset) -> &[String] {
        self.folded
            .get_or_init(|| ds.measures().iter().map(search_text).collect())
    }

    /// Folds the search texts now (e.g. when the reader focuses the search field), so the first
    /// keystroke does not pay for it.
    pub fn warm(&self, ds: &Dataset) {
        let _ = self.texts(ds);
    }

    /// All measures' positions in the order `sort` (ties by id, so the order is stable).
    fn order(&self, ds: &Dataset, sort: SortKey) -> &[usize] {
        let slot = SortKey::ALL.iter().position(|k| *k == sort).unwrap_or(0);
        self.orders[slot].get_or_init(|| {
            let all = ds.measures();
            let mut out: Vec<usize> = (0..all.len()).collect();
            let by_id = |a: usize, b: usize| all[a].id.cmp(&all[b].id);
            match sort {
                SortKey::Title => sort_by(&mut out, |&a, &b| {
                    self.titles[a].cmp(&self.titles[b]).then(by_id(a, b))
                }),
                SortKey::Status => sort_by(&mut out, |&a, &b| {
                    all[a].status.cmp(&all[b].status).then(by_id(a, b))
                }),
                // Latest end first; measures without an end last.
                SortKey::End => sort_by(&mut out, |&a, &b| {
                    all[b].end.cmp(&all[a].end).then(by_id(a, b))
                }),
                SortKey::LastUpdated => sort_by(&mut out, |&a, &b| {
                    all[b]
                        .last_updated()
                        .cmp(&all[a].last_updated())
                        .then(by_id(a, b))
                }),
                SortKey::Progress => sort_by(&mut out, |&a, &b| {
                    let p = |i: usize| crate::rollup::effective_progress(&all[i]).unwrap_or(-1.0);
                    p(b).total_cmp(&p(a)).then(by_id(a, b))
                }),
            }
            out
        })
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
        let words = search_words(&filter.query);
        let field_goals: Option<Vec<&str>> = filter
            .field
            .as_ref()
            .map(|f| ds.goals_of_field(f).map(|g| g.id.as_str()).collect());
        let all = ds.measures();
        let texts = (!words.is_empty()).then(|| self.texts(ds));
        self.order(ds, sort)
            .iter()
            .copied()
            .filter(|&i| {
                let (m, text) = (&all[i], texts.map_or("", |t| t[i].as_str()));
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
                    && words.iter().all(|w| w.is_in(text))
            })
            .collect()
    }
}

/// The distinct values a filter offers: (target groups, districts), sorted.
pub fn filter_values(
    measures: &[Measure],
    lang: &str,
    default: &str,
) -> (Vec<String>, Vec<String>) {
    // Distinct values first (a set: a few values repeated on thousands of measures), then each
    // distinct value folded once for the order (with 2,000 measures, sorting every occurrence
    // was most of the explorer's first render).
    let groups: BTreeSet<&str> = measures
        .iter()
        .flat_map(|m| m.target_groups.iter().map(|t| t.resolve(lang, default)))
        .collect();
    let districts: BTreeSet<&str> = measures
        .iter()
        .flat_map(|m| m.districts.iter().map(String::as_str))
        .collect();
    let ordered = |set: BTreeSet<&str>| {
        let mut v: Vec<String> = set.into_iter().map(str::to_owned).collect();
        sort_by_cached_key(&mut v, |s| fold(s));
        v
    };
    (ordered(groups), ordered(districts))
}

#[cfg(test)]
mod tests {
    use super::*;
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
        crate::validate::from_json(&plan, &measures, &indicators)
    }

    fn ids(v: Vec<&Measure>) -> Vec<&str> {
        v.into_iter().map(|m| m.id.as_str()).collect()
    }

    #[test]
    fn active_filters_count_the_search_each_list_and_each_status_but_not_blanks() {
        assert_eq!(Filter::default().active_count(), 0);
        let blank = Filter {
            query: "   ".into(),
            ..Filter::default()
        };
        assert_eq!(blank.active_count(), 0);
        let two = Filter {
            query: "kurs".into(),
            statuses: vec![Status::Delayed],
            ..Filter::default()
        };
        assert_eq!(two.active_count(), 2);
        let all = Filter {
            field: Some("f".into()),
            goal: Some("g".into()),
            statuses: vec![Status::Completed, Status::Continued],
            lead: Some("vhs".into()),
            target_group: Some("Eltern".into()),
            district: Some("Bodenfeld".into()),
            query: "a b".into(),
        };
        assert_eq!(all.active_count(), 8);
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
        // An umlaut typed as "ue".
        assert_eq!(q("Tuerkisch Familien"), ["M-3"]);
        assert_eq!(q("betriebe"), ["M-2"]);
        assert_eq!(q("turkish"), ["M-1"]);
        assert_eq!(q("nichts"), Vec::<&str>::new());
        assert_eq!(q("   "), ["M-2", "M-1", "M-3"]);
    }

    #[test]
    fn a_kept_order_filtered_is_the_order_of_the_filtered() {
        let ds = data();
        let idx = SearchIndex::new(ds.measures(), "de", "de");
        let filters = [
            Filter::default(),
            Filter {
                statuses: vec![Status::OnTrack, Status::Completed],
                ..Filter::default()
            },
            Filter {
                query: "türkisch".into(),
                ..Filter::default()
            },
            Filter {
                district: Some("Bodenfeld".into()),
                ..Filter::default()
            },
        ];
        for sort in SortKey::ALL {
            let everything = ids(idx.select(&ds, &Filter::default(), sort));
            for filter in &filters {
                let chosen = ids(idx.select(&ds, filter, sort));
                let expected: Vec<&str> = everything
                    .iter()
                    .copied()
                    .filter(|id| chosen.contains(id))
                    .collect();
                assert_eq!(chosen, expected, "{sort:?} {filter:?}");
                // An index with nothing kept yet gives the same.
                let fresh = SearchIndex::new(ds.measures(), "de", "de");
                assert_eq!(ids(fresh.select(&ds, filter, sort)), chosen, "{sort:?}");
            }
        }
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
