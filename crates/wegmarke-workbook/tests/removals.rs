//! Removals: every published entry the new data lacks is named, once, with its kind, key and
//! file; entries kept (even when changed) are not; what goes with its parent is counted there.

use wegmarke_workbook::export::tables;
use wegmarke_workbook::import::{import, Existing};
use wegmarke_workbook::removals::{existing_of, removed, summary, RemovalKind};
use wegmarke_workbook::{Cell, Grid, GridRow, Lang};

mod common;
use common::example;

#[test]
fn the_same_data_removes_nothing() {
    let d = example();
    assert_eq!(removed(&existing_of(&d), &d), vec![]);
}

#[test]
fn a_changed_entry_is_not_a_removal() {
    let old = example();
    let mut new = old.clone();
    new.measures.measures[0].progress = Some(99.0);
    new.indicators.indicators[0].title = wegmarke_core::Text::Plain("neu".into());
    assert!(removed(&existing_of(&old), &new).is_empty());
}

#[test]
fn nothing_existing_removes_nothing() {
    assert!(removed(&Existing::default(), &example()).is_empty());
}

#[test]
fn every_removed_measure_is_listed_in_file_order() {
    let old = example();
    let mut new = old.clone();
    new.measures.measures.clear();
    let r = removed(&existing_of(&old), &new);
    assert_eq!(r.len(), old.measures.measures.len());
    for (r, m) in r.iter().zip(&old.measures.measures) {
        assert_eq!(r.kind, RemovalKind::Measure);
        assert_eq!(r.ids, vec![m.id.clone()]);
        assert_eq!(r.file, "measures.json");
        assert!(r.msg.de.contains(&m.id) && r.msg.en.contains(&m.id));
        assert!(r.msg.de.contains("measures.json"), "{}", r.msg.de);
    }
    let n = old.measures.measures.len();
    assert_eq!(summary(&r).get(Lang::De), format!("{n} Maßnahmen"));
    assert_eq!(summary(&r).get(Lang::En), format!("{n} measures"));
}

#[test]
fn a_renamed_id_is_a_removal_of_the_old_id() {
    let old = example();
    let mut new = old.clone();
    let id = old.plan.goals[0].id.clone();
    new.plan.goals[0].id = "ganz-neu".into();
    let r = removed(&existing_of(&old), &new);
    assert_eq!(r.len(), 1);
    assert_eq!((r[0].kind, r[0].ids.clone()), (RemovalKind::Goal, vec![id]));
    assert_eq!(r[0].file, "plan.json");
}

#[test]
fn plan_lists_fields_goals_actors_and_reports() {
    let old = example();
    let mut new = old.clone();
    new.plan.fields.pop();
    new.plan.actors.pop();
    new.plan.reports.clear();
    let r = removed(&existing_of(&old), &new);
    let kinds: Vec<RemovalKind> = r.iter().map(|r| r.kind).collect();
    assert!(kinds.contains(&RemovalKind::Field));
    assert!(kinds.contains(&RemovalKind::Actor));
    assert_eq!(
        kinds.iter().filter(|k| **k == RemovalKind::Report).count(),
        old.plan.reports.len()
    );
    let actor = old.plan.actors.last().unwrap();
    let a = r.iter().find(|r| r.kind == RemovalKind::Actor).unwrap();
    assert_eq!(a.ids, vec![actor.id.clone()]);
    assert!(a.title.is_some(), "an actor is shown with its name");
}

#[test]
fn an_indicator_counts_its_series_and_observations() {
    let old = example();
    let mut new = old.clone();
    let gone = new.indicators.indicators.remove(0);
    let obs: usize = gone.series.iter().map(|s| s.observations.len()).sum();
    let r = removed(&existing_of(&old), &new);
    assert_eq!(
        r.len(),
        1,
        "series and values go with their indicator: {r:?}"
    );
    assert_eq!(r[0].kind, RemovalKind::Indicator);
    assert_eq!((r[0].series, r[0].observations), (gone.series.len(), obs));
    assert!(
        r[0].msg.de.contains(&format!("{obs} Werten")),
        "{}",
        r[0].msg.de
    );
}

#[test]
fn a_series_and_a_single_observation_are_named_by_their_keys() {
    let old = example();
    let mut new = old.clone();
    let i = old
        .indicators
        .indicators
        .iter()
        .position(|i| i.series.len() >= 2 && i.series[0].observations.len() >= 2)
        .expect("an indicator with two series");
    let ind = &old.indicators.indicators[i];
    let s1 = new.indicators.indicators[i].series.remove(1);
    let p = new.indicators.indicators[i].series[0]
        .observations
        .remove(0)
        .period;
    let r = removed(&existing_of(&old), &new);
    assert_eq!(r.len(), 2, "{r:?}");
    let obs = r
        .iter()
        .find(|r| r.kind == RemovalKind::Observation)
        .unwrap();
    assert_eq!(
        obs.ids,
        vec![ind.id.clone(), ind.series[0].id.clone(), p.to_string()]
    );
    assert_eq!(obs.key(), obs.ids.join(" / "));
    let series = r.iter().find(|r| r.kind == RemovalKind::Series).unwrap();
    assert_eq!(series.ids, vec![ind.id.clone(), s1.id.clone()]);
    assert_eq!(series.observations, s1.observations.len());
}

#[test]
fn existing_files_are_read_leniently() {
    // A measure the app would reject (unknown status) is still published data.
    let existing = Existing::from_bytes(
        None,
        Some(
            br#"{"format":"wegmarke/1","measures":[{"id":"M-x","title":"T","status":"quatsch"}]}"#,
        ),
        None,
    );
    let r = removed(&existing, &example());
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].ids, vec!["M-x".to_owned()]);
    assert_eq!(r[0].title.as_deref(), Some("T"));
}

#[test]
fn a_measures_sheet_with_only_its_header_removes_every_measure() {
    // The case that started it: the import itself is clean, only the removals show the loss.
    let old = example();
    let mut sheets: Vec<Grid> = tables(Some(&old))
        .unwrap()
        .into_iter()
        .map(|t| Grid {
            name: t.name.clone(),
            rows: std::iter::once(
                t.columns
                    .iter()
                    .map(|c| Cell::Text(c.header.clone()))
                    .collect(),
            )
            .chain(t.rows.clone())
            .enumerate()
            .map(|(i, cells)| GridRow {
                number: i as u32 + 1,
                cells,
            })
            .collect(),
        })
        .collect();
    for g in &mut sheets {
        if matches!(
            g.name.as_str(),
            "Maßnahmen" | "Meilensteine" | "Aktualisierungen" | "Links" | "Drucksachen Maßnahmen"
        ) {
            g.rows.truncate(1);
        }
    }
    let existing = existing_of(&old);
    let imported = import(&sheets, &existing);
    let data = imported.data.expect("the import itself has nothing fatal");
    assert!(data.measures.measures.is_empty());
    let r = removed(&existing, &data);
    assert_eq!(r.len(), old.measures.measures.len());
    assert!(r.iter().all(|r| r.kind == RemovalKind::Measure));
}
