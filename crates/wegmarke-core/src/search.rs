//! The site search: one query over measures, indicators, fields of action, goals and actors at
//! once, blind to case and diacritics (umlauts may be typed as ae, oe, ue), every word required,
//! results grouped by kind. Like the
//! explorer's search it folds each text once per data set (on first use), so a keystroke only
//! compares prepared strings.

use std::sync::OnceLock;

use crate::explore::{folded_texts, measure_texts};
use crate::sort::sort_by;
use crate::text::{fold, search_words};
use crate::validate::Dataset;
use crate::Text;

/// What a search result is, in the order the groups are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Measure,
    Indicator,
    Field,
    Goal,
    Actor,
}

impl Kind {
    /// Every kind, in the order of the result groups.
    pub const ALL: [Kind; 5] = [
        Kind::Measure,
        Kind::Indicator,
        Kind::Field,
        Kind::Goal,
        Kind::Actor,
    ];

    /// Name in translation keys and test ids.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Measure => "measure",
            Kind::Indicator => "indicator",
            Kind::Field => "field",
            Kind::Goal => "goal",
            Kind::Actor => "actor",
        }
    }
}

/// One result: its kind and its position in that kind's list of the data set
/// (`Dataset::measures`, `indicators`, `fields`, `goals`, `actors`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub kind: Kind,
    pub index: usize,
}

/// The results of one kind, best first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    pub kind: Kind,
    pub hits: Vec<usize>,
}

/// Everything the site search looks through, with each entry's position in its kind's list,
/// in the order results are shown: by kind, then by title in the reader's language, then by id.
pub struct SiteIndex {
    /// Each entry and its position in `sources`, in the order results are shown.
    entries: Vec<(Hit, usize)>,
    /// Each source's title in the reader's language, folded (for the order and for title
    /// matches), by position in `sources`.
    titles: Vec<String>,
    /// Each source's searchable texts, folded on the first search, by position in `sources`.
    texts: OnceLock<Vec<String>>,
}

/// An entry of the data set: its place, its id, its title and every text the search looks in.
struct Source<'a> {
    hit: Hit,
    id: &'a str,
    title: &'a Text,
    texts: Vec<Option<&'a Text>>,
}

/// Every entry of the data set, kind by kind.
fn sources(ds: &Dataset) -> Vec<Source<'_>> {
    let mut out: Vec<Source<'_>> = Vec::new();
    let mut add = |kind, index, id, title, texts| {
        out.push(Source {
            hit: Hit { kind, index },
            id,
            title,
            texts,
        })
    };
    for (i, m) in ds.measures().iter().enumerate() {
        add(Kind::Measure, i, &m.id, &m.title, measure_texts(m).to_vec());
    }
    for (i, x) in ds.indicators().iter().enumerate() {
        let texts = vec![
            Some(&x.title),
            x.short_title.as_ref(),
            x.definition.as_ref(),
        ];
        add(Kind::Indicator, i, &x.id, &x.title, texts);
    }
    for (i, f) in ds.fields().into_iter().enumerate() {
        add(
            Kind::Field,
            i,
            &f.id,
            &f.title,
            vec![Some(&f.title), f.description.as_ref()],
        );
    }
    for (i, g) in ds.goals().iter().enumerate() {
        add(
            Kind::Goal,
            i,
            &g.id,
            &g.title,
            vec![Some(&g.title), g.description.as_ref()],
        );
    }
    for (i, a) in ds.actors().iter().enumerate() {
        add(Kind::Actor, i, &a.id, &a.name, vec![Some(&a.name)]);
    }
    out
}

impl SiteIndex {
    /// The index of `ds` for a reader of `lang` (`default` is the plan's language). Sorting
    /// happens here; folding the texts waits for the first search (or [`SiteIndex::warm`]).
    pub fn new(ds: &Dataset, lang: &str, default: &str) -> Self {
        let sources = sources(ds);
        let titles: Vec<String> = sources
            .iter()
            .map(|s| fold(s.title.resolve(lang, default)))
            .collect();
        let mut order: Vec<usize> = (0..sources.len()).collect();
        sort_by(&mut order, |&a, &b| {
            let key = |i: usize| (sources[i].hit.kind, &titles[i], sources[i].id);
            key(a).cmp(&key(b))
        });
        SiteIndex {
            entries: order.into_iter().map(|i| (sources[i].hit, i)).collect(),
            titles,
            texts: OnceLock::new(),
        }
    }

    /// How many entries the search looks through.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there is nothing to search.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The folded searchable texts, by position in `sources`.
    fn texts(&self, ds: &Dataset) -> &[String] {
        self.texts.get_or_init(|| {
            sources(ds)
                .into_iter()
                .map(|s| folded_texts(s.texts, s.id))
                .collect()
        })
    }

    /// Folds every text now (when the reader goes to the search field), so the first keystroke
    /// does not pay for it.
    pub fn warm(&self, ds: &Dataset) {
        let _ = self.texts(ds);
    }

    /// The entries that contain every word of `query` (case and diacritics ignored), grouped
    /// by kind in the order of [`Kind::ALL`]; empty groups are left out. Within a group, entries
    /// whose title (in the reader's language) holds every word come first, the rest after
    /// them, each part by title. A query without words finds nothing.
    pub fn find(&self, ds: &Dataset, query: &str) -> Vec<Group> {
        let words = search_words(query);
        if words.is_empty() {
            return Vec::new();
        }
        let texts = self.texts(ds);
        let holds = |text: &str| words.iter().all(|w| w.is_in(text));
        // Per kind, in the entries' order: (whether the title holds the words, position).
        let mut found: Vec<(Kind, Vec<(bool, usize)>)> = Vec::new();
        for &(hit, i) in &self.entries {
            if !texts.get(i).is_some_and(|t| holds(t)) {
                continue;
            }
            if found.last().map(|(k, _)| *k) != Some(hit.kind) {
                found.push((hit.kind, Vec::new()));
            }
            if let Some((_, hits)) = found.last_mut() {
                hits.push((holds(&self.titles[i]), hit.index));
            }
        }
        found
            .into_iter()
            .map(|(kind, hits)| {
                let (title, text): (Vec<_>, Vec<_>) = hits.into_iter().partition(|(t, _)| *t);
                Group {
                    kind,
                    hits: title.into_iter().chain(text).map(|(_, i)| i).collect(),
                }
            })
            .collect()
    }
}

/// How many results the groups hold together.
pub fn total(groups: &[Group]) -> usize {
    groups.iter().map(|g| g.hits.len()).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn data() -> Dataset {
        let plan = json!({"format": "wegmarke/1", "plan": {"title": "P"},
            "fields": [
                {"id": "arbeit", "title": "Arbeit und Ausbildung", "order": 2},
                {"id": "sprache", "title": {"de": "Sprache und Bildung", "en": "Language and education"}, "description": "Deutschkurse für alle", "order": 1}],
            "goals": [
                {"id": "g1", "field": "sprache", "title": "Mehr Kursplätze für Eltern"},
                {"id": "g2", "field": "arbeit", "title": "Anerkennung beschleunigen", "description": "Berufsabschlüsse aus dem Ausland"}],
            "actors": [{"id": "vhs", "name": "Volkshochschule Göppingen"}, {"id": "jc", "name": "Jobcenter"}]});
        let measures = json!({"format": "wegmarke/1", "measures": [
            {"id": "M-1", "goals": ["g1"], "title": {"de": "Elterncafé auf Türkisch", "en": "Turkish-speaking parents' café"}, "status": "on_track"},
            {"id": "M-2", "goals": ["g1"], "title": "Sprachkurs mit Kinderbetreuung", "summary": "Für Eltern in Göppingen", "status": "planned"},
            {"id": "M-3", "goals": ["g2"], "title": "Beratung", "description": "Ein Sprachkurs für Pflegekräfte", "status": "planned"},
            {"id": "M-4", "goals": ["g2"], "title": "Ausbildungsmesse", "status": "delayed"}
        ]});
        let indicators = json!({"format": "wegmarke/1", "indicators": [
            {"id": "I-1", "goals": ["g1"], "title": "Teilnehmende an Sprachkursen", "kind": "output", "direction": "up", "definition": "Zählung der VHS"},
            {"id": "I-2", "goals": ["g2"], "title": "Anerkannte Abschlüsse", "kind": "output", "direction": "up"}
        ]});
        let ds = crate::validate::from_json(&plan, &measures, &indicators);
        assert!(ds.problems.is_empty(), "{:?}", ds.problems);
        ds
    }

    /// The ids found for `query`, per kind.
    fn found(ds: &Dataset, index: &SiteIndex, query: &str) -> Vec<(Kind, Vec<String>)> {
        let fields = ds.fields();
        index
            .find(ds, query)
            .into_iter()
            .map(|g| {
                let ids = g
                    .hits
                    .iter()
                    .map(|&i| match g.kind {
                        Kind::Measure => ds.measures()[i].id.clone(),
                        Kind::Indicator => ds.indicators()[i].id.clone(),
                        Kind::Field => fields[i].id.clone(),
                        Kind::Goal => ds.goals()[i].id.clone(),
                        Kind::Actor => ds.actors()[i].id.clone(),
                    })
                    .collect();
                (g.kind, ids)
            })
            .collect()
    }

    fn ids(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn finds_every_kind_at_once_grouped_in_order() {
        let ds = data();
        let index = SiteIndex::new(&ds, "de", "de");
        assert_eq!(index.len(), 4 + 2 + 2 + 2 + 2);
        // "kurs" is in measures (title and description), an indicator, a field's description
        // and a goal's title; no actor.
        let r = found(&ds, &index, "kurs");
        assert_eq!(
            r,
            vec![
                (Kind::Measure, ids(&["M-2", "M-3"])),
                (Kind::Indicator, ids(&["I-1"])),
                (Kind::Field, ids(&["sprache"])),
                (Kind::Goal, ids(&["g1"])),
            ]
        );
        assert_eq!(total(&index.find(&ds, "kurs")), 5);
        assert_eq!(
            found(&ds, &index, "goppingen"),
            vec![(Kind::Measure, ids(&["M-2"])), (Kind::Actor, ids(&["vhs"])),]
        );
    }

    #[test]
    fn ignores_case_and_diacritics_and_needs_every_word() {
        let ds = data();
        let index = SiteIndex::new(&ds, "de", "de");
        let measures = |q| found(&ds, &index, q);
        assert_eq!(measures("TURKISCH"), measures("türkisch"));
        assert_eq!(measures("Göppingen"), measures("GOPPINGEN"));
        assert_eq!(measures("elterncafe")[0], (Kind::Measure, ids(&["M-1"])));
        // Umlauts typed as ae/oe/ue.
        assert_eq!(measures("tuerkisch"), measures("türkisch"));
        assert_eq!(measures("Goeppingen"), measures("Göppingen"));
        // Other languages of a text are searched too.
        assert_eq!(
            measures("parents turkish")[0],
            (Kind::Measure, ids(&["M-1"]))
        );
        assert!(
            measures("turkisch messe").is_empty(),
            "every word must occur"
        );
        // Ids are searched.
        assert_eq!(measures("m-4"), vec![(Kind::Measure, ids(&["M-4"]))]);
        assert_eq!(measures("I-2"), vec![(Kind::Indicator, ids(&["I-2"]))]);
    }

    #[test]
    fn titles_that_match_come_before_texts_that_match() {
        let ds = data();
        let index = SiteIndex::new(&ds, "de", "de");
        // M-3 ("Beratung") only mentions a Sprachkurs in its description: after M-2 although
        // "Beratung" sorts before "Sprachkurs".
        assert_eq!(
            found(&ds, &index, "sprachkurs")[0],
            (Kind::Measure, ids(&["M-2", "M-3"]))
        );
        // Among title matches, by title (not by the fields' display order).
        assert_eq!(
            found(&ds, &index, "und")
                .into_iter()
                .find(|(k, _)| *k == Kind::Field),
            Some((Kind::Field, ids(&["arbeit", "sprache"])))
        );
    }

    #[test]
    fn sorts_by_the_title_in_the_readers_language() {
        let ds = data();
        // "m-" is in every measure's id and in no title: all four, by title. M-1 is
        // "Elterncafé auf Türkisch" in German and "Turkish-speaking parents' café" in English.
        let order = |lang| found(&ds, &SiteIndex::new(&ds, lang, "de"), "m-");
        assert_eq!(
            order("de"),
            vec![(Kind::Measure, ids(&["M-4", "M-3", "M-1", "M-2"]))]
        );
        assert_eq!(
            order("en"),
            vec![(Kind::Measure, ids(&["M-4", "M-3", "M-2", "M-1"]))]
        );
    }

    #[test]
    fn blank_queries_and_unknown_words_find_nothing() {
        let ds = data();
        let index = SiteIndex::new(&ds, "de", "de");
        assert!(index.find(&ds, "").is_empty());
        assert!(index.find(&ds, "   \t").is_empty());
        assert!(index.find(&ds, "zzzz").is_empty());
        // A word is not matched across two texts (title and summary are on their own lines).
        assert!(index.find(&ds, "betreuungfür").is_empty());
        let empty = Dataset::default();
        let none = SiteIndex::new(&empty, "de", "de");
        assert!(none.is_empty());
        assert!(none.find(&empty, "x").is_empty());
    }
}
