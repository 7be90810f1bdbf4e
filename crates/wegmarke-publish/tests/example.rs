//! The publish step on the bundled example plan: what the items say is computed from the data
//! here, never written down.

use std::path::Path;

use wegmarke_core::i18n::Catalog;
use wegmarke_core::{validate, Config, Dataset, Inputs, DATA_FILES};
use wegmarke_publish::news::{self, Kind};
use wegmarke_publish::{files_for, Context, Missing, Site};

fn example_bytes() -> [Result<Vec<u8>, String>; 3] {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data");
    DATA_FILES.map(|f| std::fs::read(dir.join(f)).map_err(|e| e.to_string()))
}

fn example() -> Dataset {
    validate(&Inputs::from_results(&example_bytes()), "")
}

fn site() -> Site {
    Site::new("https://www.example.org/plan", None).expect("an https address is a site")
}

fn items(ds: &Dataset) -> Vec<news::Item> {
    let cat = Catalog::new("de");
    let config = Config::default();
    let site = site();
    news::items(&Context {
        ds,
        config: &config,
        site: &site,
        cat: &cat,
    })
}

#[test]
fn publishing_twice_gives_the_same_bytes() {
    let cat = Catalog::new("de");
    let config = Config::default();
    let first = files_for(&example(), &config, &site(), &cat).expect("the example publishes");
    let second = files_for(&example(), &config, &site(), &cat).expect("the example publishes");
    assert_eq!(first, second);
    assert!(first.len() > 10, "{} files", first.len());
}

#[test]
fn a_feed_carries_the_newest_hundred_items() {
    let ds = example();
    let all = items(&ds);
    assert!(
        all.len() > wegmarke_publish::atom::MAX_ENTRIES,
        "the example has more items"
    );
    let cat = Catalog::new("de");
    let files = files_for(&ds, &Config::default(), &site(), &cat).expect("publishes");
    let plan = &files[0].text;
    assert_eq!(
        plan.matches("<entry>").count(),
        wegmarke_publish::atom::MAX_ENTRIES
    );
    let newest_left_out = &all[wegmarke_publish::atom::MAX_ENTRIES];
    let oldest_kept = &all[wegmarke_publish::atom::MAX_ENTRIES - 1];
    assert!(plan.contains(&format!("{}</id>", oldest_kept.key)));
    assert!(!plan.contains(&format!("{}</id>", newest_left_out.key)));
}

#[test]
fn every_update_is_an_item_and_a_changed_status_is_a_status_change() {
    let ds = example();
    let items = items(&ds);
    let measures = &ds.measures.as_ref().expect("measures").measures;
    let updates: usize = measures.iter().map(|m| m.updates.len()).sum();
    let from_measures = items
        .iter()
        .filter(|i| i.key.starts_with("measure/"))
        .count();
    assert_eq!(from_measures, updates);

    let mut changes = 0;
    for m in measures {
        let mut sorted: Vec<_> = m.updates.iter().collect();
        sorted.sort_by(|a, b| a.date.period().cmp(b.date.period()));
        let mut before = None;
        for u in sorted {
            if let (Some(from), Some(to)) = (before, u.status) {
                if from != to {
                    changes += 1;
                    let item = items
                        .iter()
                        .find(|i| {
                            i.key
                                .starts_with(&format!("measure/{}/update/{}/", m.id, u.date))
                        })
                        .expect("the update's item");
                    assert_eq!(item.kind, Kind::StatusChange { from, to });
                }
            }
            before = u.status.or(before);
        }
    }
    assert!(changes > 0, "the example has status changes");
    let counted = items
        .iter()
        .filter(|i| matches!(i.kind, Kind::StatusChange { .. }))
        .count();
    assert_eq!(counted, changes);
}

#[test]
fn every_series_with_a_value_gives_its_newest_value() {
    let ds = example();
    let items = items(&ds);
    for ind in ds.indicators() {
        for s in &ind.series {
            let newest = s
                .observations
                .iter()
                .filter(|o| o.value.is_some())
                .map(|o| o.period)
                .max();
            let key = newest.map(|p| format!("indicator/{}/series/{}/value/{p}", ind.id, s.id));
            let found = items
                .iter()
                .filter(|i| Some(&i.key) == key.as_ref())
                .count();
            assert_eq!(found, usize::from(newest.is_some()), "{} {}", ind.id, s.id);
        }
    }
}

#[test]
fn items_are_newest_first_with_unique_keys() {
    let items = items(&example());
    assert!(items.windows(2).all(|w| w[0].date >= w[1].date));
    let mut keys: Vec<&str> = items.iter().map(|i| i.key.as_str()).collect();
    keys.sort_unstable();
    keys.dedup();
    assert_eq!(keys.len(), items.len());
}

#[test]
fn an_added_update_adds_one_item_and_keeps_every_other_key() {
    let before = items(&example());
    let mut bytes = example_bytes();
    let measures = bytes[1].as_ref().expect("measures.json");
    let mut json: serde_json::Value = serde_json::from_slice(measures).expect("JSON");
    json["measures"][0]["updates"]
        .as_array_mut()
        .expect("the first measure has updates")
        .push(serde_json::json!({ "date": "2026-11-30", "text": "Neu" }));
    bytes[1] = Ok(serde_json::to_vec(&json).expect("JSON"));
    let after = items(&validate(&Inputs::from_results(&bytes), ""));
    assert_eq!(after.len(), before.len() + 1);
    for item in &before {
        assert!(after.iter().any(|a| a.key == item.key), "{} kept", item.key);
    }
}

#[test]
fn field_feeds_hold_only_their_fields_items() {
    let ds = example();
    let cat = Catalog::new("de");
    let config = Config::default();
    let files = files_for(&ds, &config, &site(), &cat).expect("publishes");
    let all = items(&ds);
    for field in ds.fields() {
        let path = wegmarke_publish::field_feed(&field.id);
        let feed = files
            .iter()
            .find(|f| f.path == path)
            .expect("a feed per field");
        let entries = feed.text.matches("<entry>").count();
        let expected = all
            .iter()
            .filter(|i| i.fields.contains(&field.id))
            .count()
            .min(wegmarke_publish::atom::MAX_ENTRIES);
        assert_eq!(entries, expected, "{}", field.id);
    }
}

#[test]
fn without_a_public_address_nothing_is_published() {
    let cat = Catalog::new("de");
    let config = Config::default();
    assert_eq!(
        wegmarke_publish::files(&example(), &config, &cat),
        Err(Missing::SiteUrl)
    );
    assert_eq!(Site::new("/plan/", None), Err(Missing::SiteUrl));
    assert_eq!(
        Site::new("javascript:alert(1)", None),
        Err(Missing::SiteUrl)
    );
    let s = Site::new("https://x.example/a", Some("daten")).expect("site");
    assert_eq!(
        s.file("feeds/plan.atom"),
        "https://x.example/a/daten/feeds/plan.atom"
    );
    assert_eq!(s.page("#/"), "https://x.example/a/#/");
    let elsewhere =
        Site::new("https://x.example/", Some("https://cdn.example/plan")).expect("site");
    assert_eq!(
        elsewhere.file("feeds/plan.atom"),
        "https://cdn.example/plan/feeds/plan.atom"
    );
}
