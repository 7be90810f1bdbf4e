//! Plausibility notes: each rule raises its note where it should and stays silent where the data
//! is fine, partial dates pass only when their whole period is over, the notes come in file and
//! path order, the messages name the value in German and English, and on the bundled example
//! every note points at a value that is in the file.

mod common;

use std::path::Path;

use common::{check as validated, pretty};
use serde_json::{json, Value};
use wegmarke_core::i18n::Catalog;
use wegmarke_core::plausibility::{check, Note, NoteKind};
use wegmarke_core::problem::Segment;
use wegmarke_core::{
    validate, Dataset, Date, Inputs, Status, Text, DATA_FILES, INDICATORS_FILE, MEASURES_FILE,
};

// ------------------------------------------------------------------ helpers

fn plan() -> Value {
    json!({
        "format": "wegmarke/1",
        "plan": {"title": "Integrationsplan", "default_language": "de"}
    })
}

/// A measure with `id` and `status`, and the fields of `more`.
fn measure(id: &str, status: &str, more: Value) -> Value {
    let mut m = json!({"id": id, "title": format!("Maßnahme {id}"), "status": status});
    for (k, v) in more.as_object().expect("an object of fields") {
        m[k] = v.clone();
    }
    m
}

/// An indicator with `id`, and the fields of `more`.
fn indicator(id: &str, more: Value) -> Value {
    let mut i = json!({"id": id, "title": format!("Indikator {id}"), "series": []});
    for (k, v) in more.as_object().expect("an object of fields") {
        i[k] = v.clone();
    }
    i
}

/// A validated data set that has to be free of problems, so the paths are the file's.
fn data(measures: Vec<Value>, indicators: Vec<Value>) -> Dataset {
    let m = json!({"format": "wegmarke/1", "measures": measures});
    let i = json!({"format": "wegmarke/1", "indicators": indicators});
    let ds = validated(&pretty(&plan()), &pretty(&m), &pretty(&i));
    assert!(ds.problems.is_empty(), "{:#?}", ds.problems);
    ds
}

fn measures(list: Vec<Value>) -> Dataset {
    data(list, Vec::new())
}

fn date(s: &str) -> Date {
    Date::parse(s).unwrap_or_else(|| panic!("{s} is a date"))
}

/// The notes on one data set without published data.
fn notes(ds: &Dataset, today: &str) -> Vec<Note> {
    check(ds, None, date(today))
}

/// The notes on one measure, as of `today`.
fn notes_on(m: Value, today: &str) -> Vec<Note> {
    notes(&measures(vec![m]), today)
}

/// Each note as "location: kind" in a form a failing test shows readably.
fn located_kinds(notes: &[Note]) -> Vec<(String, NoteKind)> {
    notes
        .iter()
        .map(|n| (n.location(), n.kind.clone()))
        .collect()
}

/// The one note; fails showing all notes otherwise.
fn only(notes: Vec<Note>) -> Note {
    assert_eq!(notes.len(), 1, "{:#?}", located_kinds(&notes));
    notes.into_iter().next().expect("one note")
}

fn assert_none(notes: Vec<Note>) {
    assert!(notes.is_empty(), "{:#?}", located_kinds(&notes));
}

// ------------------------------------------------------------------ finished below 100 %

#[test]
fn a_completed_measure_below_100_percent_is_asked_about() {
    let n = only(notes_on(
        measure("M-1", "completed", json!({"progress": 80})),
        "2026-10-31",
    ));
    assert_eq!(n.location(), "measures.json: measures[0].progress");
    assert_eq!(n.file, MEASURES_FILE);
    assert_eq!(n.id, "M-1");
    assert_eq!(
        n.kind,
        NoteKind::FinishedBelowFull {
            status: Status::Completed,
            progress: 80.0
        }
    );
}

#[test]
fn a_continued_measure_below_100_percent_is_asked_about_too() {
    let n = only(notes_on(
        measure("M-1", "continued", json!({"progress": 99.5})),
        "2026-10-31",
    ));
    assert_eq!(
        n.kind,
        NoteKind::FinishedBelowFull {
            status: Status::Continued,
            progress: 99.5
        }
    );
}

#[test]
fn a_finished_measure_at_100_percent_or_without_a_figure_raises_nothing() {
    for status in ["completed", "continued"] {
        assert_none(notes_on(
            measure("M-1", status, json!({"progress": 100})),
            "2026-10-31",
        ));
        assert_none(notes_on(measure("M-1", status, json!({})), "2026-10-31"));
    }
    // Below 100 is normal while a measure runs.
    assert_none(notes_on(
        measure("M-1", "on_track", json!({"progress": 80})),
        "2026-10-31",
    ));
}

// ------------------------------------------------------------------ delayed or dropped without a reason

#[test]
fn a_delayed_measure_without_a_note_is_asked_why_at_its_status() {
    let n = only(notes_on(measure("M-1", "delayed", json!({})), "2026-10-31"));
    assert_eq!(n.location(), "measures.json: measures[0].status");
    assert_eq!(n.kind, NoteKind::DelayedWithoutNote);
}

#[test]
fn a_dropped_measure_without_a_note_is_asked_why_at_its_status() {
    let n = only(notes_on(measure("M-1", "dropped", json!({})), "2026-10-31"));
    assert_eq!(n.location(), "measures.json: measures[0].status");
    assert_eq!(n.kind, NoteKind::DroppedWithoutNote);
}

#[test]
fn an_empty_or_blank_note_counts_as_missing_and_is_pointed_at() {
    for note in [
        json!(""),
        json!("  \n\t"),
        json!({"de": " ", "en": "Staff left"}),
    ] {
        for (status, kind) in [
            ("delayed", NoteKind::DelayedWithoutNote),
            ("dropped", NoteKind::DroppedWithoutNote),
        ] {
            let n = only(notes_on(
                measure("M-1", status, json!({"status_note": note})),
                "2026-10-31",
            ));
            assert_eq!(n.location(), "measures.json: measures[0].status_note");
            assert_eq!(n.kind, kind, "{note}");
        }
    }
}

#[test]
fn a_note_readers_of_the_default_language_can_read_is_enough() {
    for note in [
        json!("Es fehlen Honorarkräfte."),
        json!({"de": "Es fehlen Honorarkräfte.", "en": ""}),
        // No German: German readers see the English one (the text fallback).
        json!({"en": "Teachers are missing."}),
    ] {
        for status in ["delayed", "dropped"] {
            assert_none(notes_on(
                measure("M-1", status, json!({"status_note": note})),
                "2026-10-31",
            ));
        }
    }
}

#[test]
fn other_statuses_need_no_note() {
    for status in [
        "planned",
        "preparing",
        "on_track",
        "completed",
        "continued",
        "paused",
    ] {
        assert_none(notes_on(measure("M-1", status, json!({})), "2026-10-31"));
    }
}

// ------------------------------------------------------------------ end passed

#[test]
fn a_running_measure_whose_end_has_passed_is_asked_about() {
    for (status, value) in [
        ("planned", Status::Planned),
        ("preparing", Status::Preparing),
        ("on_track", Status::OnTrack),
    ] {
        let n = only(notes_on(
            measure("M-1", status, json!({"end": "2026-11"})),
            "2026-12-03",
        ));
        assert_eq!(n.location(), "measures.json: measures[0].end");
        assert_eq!(
            n.kind,
            NoteKind::EndPassed {
                end: date("2026-11"),
                status: value
            }
        );
    }
}

#[test]
fn an_end_in_the_current_month_or_later_has_not_passed() {
    for end in ["2026-12", "2026-12-03", "2026-12-31", "2026", "2027-01"] {
        assert_none(notes_on(
            measure("M-1", "on_track", json!({"end": end})),
            "2026-12-03",
        ));
    }
}

#[test]
fn a_partial_end_passes_only_after_its_whole_period() {
    let passed = |end: &str, today: &str| {
        !notes_on(measure("M-1", "on_track", json!({"end": end})), today).is_empty()
    };
    // A year ends on 31 December.
    assert!(!passed("2026", "2026-12-31"));
    assert!(passed("2026", "2027-01-01"));
    // A month ends on its last day, February in a leap year on the 29th.
    assert!(!passed("2028-02", "2028-02-29"));
    assert!(passed("2028-02", "2028-03-01"));
    // A day has passed the day after.
    assert!(!passed("2026-12-02", "2026-12-02"));
    assert!(passed("2026-12-02", "2026-12-03"));
    // A partial today counts from its first day.
    assert!(!passed("2026-11-15", "2026-11"));
    assert!(passed("2026-10-31", "2026-11"));
}

#[test]
fn delayed_paused_finished_and_dropped_measures_are_not_asked_about_their_end() {
    for status in ["delayed", "paused", "completed", "continued", "dropped"] {
        let notes = notes_on(
            measure(
                "M-1",
                status,
                json!({"end": "2025-06", "status_note": "Grund"}),
            ),
            "2026-12-03",
        );
        assert!(
            !notes
                .iter()
                .any(|n| matches!(n.kind, NoteKind::EndPassed { .. })),
            "{status}: {:#?}",
            located_kinds(&notes)
        );
    }
}

// ------------------------------------------------------------------ milestones

fn with_milestones(status: &str, milestones: Value) -> Value {
    measure(
        "M-1",
        status,
        json!({"milestones": milestones, "status_note": "Grund"}),
    )
}

#[test]
fn an_open_milestone_whose_date_has_passed_is_overdue() {
    let m = with_milestones(
        "on_track",
        json!([
            {"date": "2025-03", "title": "Erster Kurs", "done": true},
            {"date": "2026-09", "title": "Vier Kurse parallel"},
            {"date": "2027-12", "title": "Auswertung", "done": false}
        ]),
    );
    let n = only(notes_on(m, "2026-10-31"));
    assert_eq!(
        n.location(),
        "measures.json: measures[0].milestones[1].date"
    );
    assert_eq!(
        n.kind,
        NoteKind::MilestoneOverdue {
            index: 1,
            title: Text::from("Vier Kurse parallel"),
            date: date("2026-09"),
        }
    );
}

#[test]
fn a_done_milestone_a_future_one_and_one_in_the_current_month_are_not_overdue() {
    let m = with_milestones(
        "on_track",
        json!([
            {"date": "2026-09", "title": "Erreicht", "done": true},
            {"date": "2026-10", "title": "Dieser Monat"},
            {"date": "2026", "title": "Dieses Jahr"},
            {"date": "2026-10-31", "title": "Heute"},
            {"date": "2027-01-15", "title": "Später"}
        ]),
    );
    assert_none(notes_on(m, "2026-10-31"));
}

#[test]
fn a_dropped_measure_has_no_overdue_milestones_but_other_statuses_do() {
    let open = json!([{"date": "2025-06", "title": "Offen"}]);
    assert_none(notes_on(
        with_milestones("dropped", open.clone()),
        "2026-10-31",
    ));
    for status in ["planned", "delayed", "paused", "completed", "continued"] {
        let notes = notes_on(with_milestones(status, open.clone()), "2026-10-31");
        assert!(
            notes
                .iter()
                .any(|n| matches!(n.kind, NoteKind::MilestoneOverdue { index: 0, .. })),
            "{status}"
        );
    }
}

// ------------------------------------------------------------------ not updated

fn updated(status: &str, dates: &[&str]) -> Value {
    let updates: Vec<Value> = dates.iter().map(|d| json!({"date": d})).collect();
    measure(
        "M-1",
        status,
        json!({"updates": updates, "status_note": "Grund"}),
    )
}

#[test]
fn a_measure_not_updated_for_more_than_six_months_is_asked_about() {
    let n = only(notes_on(
        updated("on_track", &["2026-01-10", "2026-03-12"]),
        "2026-10-31",
    ));
    assert_eq!(n.location(), "measures.json: measures[0].updates[1].date");
    assert_eq!(
        n.kind,
        NoteKind::NotUpdatedSince {
            last: date("2026-03-12"),
            months: 7
        }
    );
}

#[test]
fn the_latest_update_counts_in_any_order() {
    // Newest first: the recent one counts, no note.
    assert_none(notes_on(
        updated("on_track", &["2026-09-01", "2025-01-01"]),
        "2026-10-31",
    ));
    // Both old: the note points at the newer one, wherever it stands.
    let n = only(notes_on(
        updated("on_track", &["2026-02-01", "2025-01-01"]),
        "2026-10-31",
    ));
    assert_eq!(n.location(), "measures.json: measures[0].updates[0].date");
}

#[test]
fn an_update_five_or_exactly_six_months_ago_is_recent_enough() {
    assert_none(notes_on(updated("on_track", &["2026-05-31"]), "2026-10-31"));
    assert_none(notes_on(updated("on_track", &["2026-04-30"]), "2026-10-31"));
    // Whole months: from 31 March to 30 October is six months and some days.
    let n = only(notes_on(updated("on_track", &["2026-03-31"]), "2026-10-30"));
    assert_eq!(
        n.kind,
        NoteKind::NotUpdatedSince {
            last: date("2026-03-31"),
            months: 6
        }
    );
    let n = only(notes_on(updated("on_track", &["2026-04-29"]), "2026-10-31"));
    assert_eq!(
        n.kind,
        NoteKind::NotUpdatedSince {
            last: date("2026-04-29"),
            months: 6
        }
    );
}

#[test]
fn six_calendar_months_back_keep_to_the_shorter_month_and_cross_the_year() {
    // 31 August minus six months is 28 February.
    assert_none(notes_on(updated("on_track", &["2026-02-28"]), "2026-08-31"));
    assert!(!notes_on(updated("on_track", &["2026-02-27"]), "2026-08-31").is_empty());
    // 15 March 2026 minus six months is 15 September 2025.
    assert_none(notes_on(updated("on_track", &["2025-09-15"]), "2026-03-15"));
    assert!(!notes_on(updated("on_track", &["2025-09-14"]), "2026-03-15").is_empty());
}

#[test]
fn a_partial_update_date_counts_from_its_last_day() {
    // "2026-04" may mean 30 April: exactly six months before 31 October.
    assert_none(notes_on(updated("on_track", &["2026-04"]), "2026-10-31"));
    let n = only(notes_on(updated("on_track", &["2026-03"]), "2026-10-31"));
    assert_eq!(
        n.kind,
        NoteKind::NotUpdatedSince {
            last: date("2026-03"),
            months: 7
        }
    );
    // A year may mean 31 December.
    assert_none(notes_on(updated("on_track", &["2025"]), "2026-06-30"));
    assert!(!notes_on(updated("on_track", &["2025"]), "2026-07-01").is_empty());
}

#[test]
fn measures_without_updates_or_finished_or_dropped_are_not_asked_for_news() {
    assert_none(notes_on(updated("on_track", &[]), "2026-10-31"));
    for status in ["completed", "continued", "dropped"] {
        assert_none(notes_on(updated(status, &["2020-01-01"]), "2026-10-31"));
    }
    for status in ["planned", "preparing", "delayed", "paused"] {
        assert!(
            !notes_on(updated(status, &["2020-01-01"]), "2026-10-31").is_empty(),
            "{status}"
        );
    }
}

// ------------------------------------------------------------------ progress fell

fn progress(status: &str, value: Option<f64>) -> Value {
    match value {
        Some(v) => measure("M-1", status, json!({"progress": v})),
        None => measure("M-1", status, json!({})),
    }
}

#[test]
fn progress_below_the_published_figure_is_asked_about() {
    let now = measures(vec![progress("on_track", Some(40.0))]);
    let published = measures(vec![progress("on_track", Some(55.0))]);
    let n = only(check(&now, Some(&published), date("2026-10-31")));
    assert_eq!(n.location(), "measures.json: measures[0].progress");
    assert_eq!(
        n.kind,
        NoteKind::ProgressFell {
            before: 55.0,
            now: 40.0
        }
    );
}

#[test]
fn a_published_finished_measure_counts_as_100_percent() {
    let now = measures(vec![progress("on_track", Some(90.0))]);
    let published = measures(vec![progress("completed", None)]);
    let n = only(check(&now, Some(&published), date("2026-10-31")));
    assert_eq!(
        n.kind,
        NoteKind::ProgressFell {
            before: 100.0,
            now: 90.0
        }
    );
}

#[test]
fn progress_that_rose_stayed_or_differs_by_rounding_noise_raises_nothing() {
    let published = measures(vec![progress("on_track", Some(40.0))]);
    for now in [40.0, 40.0 - 1e-12, 55.0] {
        let now = measures(vec![progress("on_track", Some(now))]);
        assert_none(check(&now, Some(&published), date("2026-10-31")));
    }
    // Finishing a measure is no decrease, whatever the old figure.
    let now = measures(vec![progress("completed", None)]);
    assert_none(check(&now, Some(&published), date("2026-10-31")));
}

#[test]
fn progress_is_compared_only_where_both_sides_have_a_figure_and_the_same_id() {
    let now = measures(vec![progress("on_track", Some(10.0))]);
    // No published data at all.
    assert_none(check(&now, None, date("2026-10-31")));
    // No figure then, or no figure now.
    let published = measures(vec![progress("on_track", None)]);
    assert_none(check(&now, Some(&published), date("2026-10-31")));
    let published = measures(vec![progress("on_track", Some(50.0))]);
    let without = measures(vec![progress("on_track", None)]);
    assert_none(check(&without, Some(&published), date("2026-10-31")));
    // Another id.
    let other = measures(vec![measure("M-2", "on_track", json!({"progress": 50}))]);
    assert_none(check(&now, Some(&other), date("2026-10-31")));
    // Published measures.json unusable (fatal).
    let fatal = Dataset {
        measures: None,
        ..published
    };
    assert_none(check(&now, Some(&fatal), date("2026-10-31")));
}

#[test]
fn measures_are_matched_by_id_not_by_position() {
    let now = measures(vec![
        measure("M-2", "on_track", json!({"progress": 20})),
        measure("M-1", "on_track", json!({"progress": 60})),
    ]);
    let published = measures(vec![
        measure("M-1", "on_track", json!({"progress": 50})),
        measure("M-2", "on_track", json!({"progress": 30})),
    ]);
    let n = only(check(&now, Some(&published), date("2026-10-31")));
    assert_eq!(n.id, "M-2");
    assert_eq!(n.location(), "measures.json: measures[0].progress");

    // Published data that was not validated may hold an id twice: the first one counts.
    let mut twice = published.clone();
    let file = twice.measures.as_mut().expect("measures");
    let mut again = file.measures[1].clone();
    again.progress = Some(10.0);
    file.measures.push(again);
    let n = only(check(&now, Some(&twice), date("2026-10-31")));
    assert_eq!(
        n.kind,
        NoteKind::ProgressFell {
            before: 30.0,
            now: 20.0
        }
    );
}

// ------------------------------------------------------------------ indicators

#[test]
fn an_indicator_whose_next_update_has_passed_is_asked_about() {
    let ds = data(
        Vec::new(),
        vec![
            indicator("I-0", json!({"next_update": "2027-06"})),
            indicator("I-1", json!({"next_update": "2026-06"})),
            indicator("I-2", json!({})),
        ],
    );
    let n = only(notes(&ds, "2026-07-01"));
    assert_eq!(n.file, INDICATORS_FILE);
    assert_eq!(n.location(), "indicators.json: indicators[1].next_update");
    assert_eq!(n.id, "I-1");
    assert_eq!(
        n.kind,
        NoteKind::NextUpdatePassed {
            next_update: date("2026-06")
        }
    );
    // On the month's last day it is still due.
    assert_none(notes(&ds, "2026-06-30"));
}

// ------------------------------------------------------------------ order and unusable files

#[test]
fn notes_come_by_file_then_entry_then_path() {
    let ds = data(
        vec![
            measure(
                "M-a",
                "delayed",
                json!({
                    "end": "2025-01",
                    "updates": [{"date": "2025-01-01"}],
                    "milestones": [{"date": "2025-02", "title": "x"}]
                }),
            ),
            measure("M-b", "completed", json!({"progress": 50})),
            measure(
                "M-c",
                "on_track",
                json!({"end": "2025-12", "milestones": [{"date": "2025-02", "title": "y"}]}),
            ),
        ],
        vec![indicator("I-a", json!({"next_update": "2025"}))],
    );
    let found: Vec<String> = notes(&ds, "2026-10-31")
        .iter()
        .map(Note::location)
        .collect();
    assert_eq!(
        found,
        [
            "measures.json: measures[0].milestones[0].date",
            "measures.json: measures[0].status",
            "measures.json: measures[0].updates[0].date",
            "measures.json: measures[1].progress",
            "measures.json: measures[2].end",
            "measures.json: measures[2].milestones[0].date",
            "indicators.json: indicators[0].next_update",
        ]
    );
}

#[test]
fn ten_entries_sort_by_number_not_by_text() {
    let list: Vec<Value> = (0..11)
        .map(|i| measure(&format!("M-{i}"), "completed", json!({"progress": 50})))
        .collect();
    let ids: Vec<String> = notes(&measures(list), "2026-10-31")
        .into_iter()
        .map(|n| n.id)
        .collect();
    let expected: Vec<String> = (0..11).map(|i| format!("M-{i}")).collect();
    assert_eq!(ids, expected);
}

#[test]
fn unusable_files_and_an_empty_data_set_give_no_notes() {
    assert_none(check(&Dataset::default(), None, date("2026-10-31")));
    assert_none(check(
        &Dataset::default(),
        Some(&Dataset::default()),
        date("2026-10-31"),
    ));
}

// ------------------------------------------------------------------ messages

/// The dashboard's word for a status in `lang`.
fn status_word(status: &str, lang: &str) -> String {
    Catalog::new(lang).t(&format!("status.{status}")).to_owned()
}

fn note(kind: NoteKind) -> Note {
    Note {
        file: MEASURES_FILE,
        path: wegmarke_core::JsonPath(vec![
            Segment::Key("measures".into()),
            Segment::Index(3),
            Segment::Key("progress".into()),
        ]),
        id: "M-1.2".into(),
        kind,
    }
}

#[test]
fn the_example_message_reads_as_specified() {
    let n = note(NoteKind::FinishedBelowFull {
        status: Status::Completed,
        progress: 80.0,
    });
    assert_eq!(
        n.message("de"),
        "Status „abgeschlossen“, aber Fortschritt 80\u{a0}% – stimmt der Fortschritt?"
    );
    assert_eq!(
        n.message("en"),
        "Status “completed”, but progress 80% – is the progress right?"
    );
    assert_eq!(n.location(), "measures.json: measures[3].progress");
    assert_eq!(
        n.to_line("de"),
        format!(
            "measures.json: measures[3].progress (M-1.2): {}",
            n.message("de")
        )
    );
}

#[test]
fn every_message_names_its_value_in_german_and_english() {
    // (kind, what the German message contains, what the English one contains)
    let cases: Vec<(NoteKind, Vec<String>, Vec<String>)> = vec![
        (
            NoteKind::FinishedBelowFull {
                status: Status::Continued,
                progress: 12.5,
            },
            vec!["12,5\u{a0}%".into(), status_word("continued", "de")],
            vec!["12.5%".into(), status_word("continued", "en")],
        ),
        (
            NoteKind::DelayedWithoutNote,
            vec![status_word("delayed", "de"), "status_note".into()],
            vec![status_word("delayed", "en"), "status_note".into()],
        ),
        (
            NoteKind::DroppedWithoutNote,
            vec![status_word("dropped", "de"), "status_note".into()],
            vec![status_word("dropped", "en"), "status_note".into()],
        ),
        (
            NoteKind::EndPassed {
                end: date("2026-11"),
                status: Status::Preparing,
            },
            vec!["November 2026".into(), status_word("preparing", "de")],
            vec!["November 2026".into(), status_word("preparing", "en")],
        ),
        (
            NoteKind::MilestoneOverdue {
                index: 1,
                title: Text::Map(
                    [("de", "Vier Kurse"), ("en", "Four courses")]
                        .into_iter()
                        .map(|(k, v)| (k.to_owned(), v.to_owned()))
                        .collect(),
                ),
                date: date("2026-09-15"),
            },
            vec!["„Vier Kurse“".into(), "15. September 2026".into()],
            vec!["“Four courses”".into(), "15 September 2026".into()],
        ),
        (
            NoteKind::NotUpdatedSince {
                last: date("2026-03-12"),
                months: 7,
            },
            vec!["12. März 2026".into(), "7 Monaten".into()],
            vec!["12 March 2026".into(), "7 months".into()],
        ),
        (
            NoteKind::ProgressFell {
                before: 1055.0,
                now: 40.25,
            },
            vec!["40,25\u{a0}%".into(), "1.055\u{a0}%".into()],
            vec!["40.25%".into(), "1,055%".into()],
        ),
        (
            NoteKind::NextUpdatePassed {
                next_update: date("2026-06"),
            },
            vec!["Juni 2026".into()],
            vec!["June 2026".into()],
        ),
    ];
    for (kind, de, en) in cases {
        let n = note(kind);
        let (text_de, text_en) = (n.message("de"), n.message("en"));
        for part in de {
            assert!(text_de.contains(&part), "{text_de:?} lacks {part:?}");
        }
        for part in en {
            assert!(text_en.contains(&part), "{text_en:?} lacks {part:?}");
        }
        assert_ne!(text_de, text_en);
        assert_eq!(n.message("tr"), text_en, "other languages get English");
    }
}

#[test]
fn a_hostile_milestone_title_is_shown_escaped_and_short() {
    let n = note(NoteKind::MilestoneOverdue {
        index: 0,
        title: Text::from(format!("A\u{202e}B\n{}", "x".repeat(200)).as_str()),
        date: date("2026-09"),
    });
    let text = n.message("de");
    assert!(
        !text.contains('\u{202e}') && !text.contains('\n'),
        "{text:?}"
    );
    assert!(text.contains("\\u{202e}") && text.contains('…'), "{text:?}");
    assert!(text.chars().count() < 250, "{text:?}");
}

// ------------------------------------------------------------------ the bundled example

fn example_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data"))
}

/// The example's files (or a snapshot's, with `prefix`) as JSON, by file name.
fn example_json(prefix: &str) -> Vec<(&'static str, Value)> {
    DATA_FILES
        .iter()
        .map(|f| {
            let path = example_dir().join(prefix).join(f);
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{f}: {e}"));
            (*f, value)
        })
        .collect()
}

/// The data set of the files, which has to be free of problems so that paths are the files'.
fn validated_json(files: &[(&'static str, Value)]) -> Dataset {
    let texts = DATA_FILES.map(|name| {
        let (_, value) = files.iter().find(|(f, _)| *f == name).expect("every file");
        Ok::<_, String>(pretty(value).into_bytes())
    });
    let ds = validate(&Inputs::from_results(&texts), "");
    assert!(ds.problems.is_empty(), "{:#?}", ds.problems);
    ds
}

/// The JSON value at `path` in a file, if there is one.
fn value_at<'a>(file: &'a Value, path: &[Segment]) -> Option<&'a Value> {
    path.iter().try_fold(file, |v, seg| match seg {
        Segment::Key(k) => v.get(k),
        Segment::Index(i) => v.get(*i),
    })
}

/// Fails unless every note points at a value in its file, inside the entry with the note's id.
fn assert_located_in(files: &[(&'static str, Value)], notes: &[Note]) {
    for n in notes {
        let (_, file) = files
            .iter()
            .find(|(f, _)| *f == n.file)
            .expect("a note is about a data file");
        let path = &n.path.0;
        assert!(
            value_at(file, path).is_some(),
            "{} is not in the file",
            n.location()
        );
        let id = value_at(file, &path[..2.min(path.len())]).and_then(|e| e["id"].as_str());
        assert_eq!(id, Some(n.id.as_str()), "{}", n.location());
    }
}

#[test]
fn every_note_on_the_example_points_at_a_value_in_its_file() {
    let files = example_json("");
    let now = validated_json(&files);
    let published = validated_json(&example_json("reports/2026-05-12/"));
    // As of the example's date, and years later, when every rule about time applies somewhere.
    for today in ["2026-10-31", "2031-01-01"] {
        let notes = check(&now, Some(&published), date(today));
        assert!(!notes.is_empty(), "{today}: the example should raise notes");
        assert_located_in(&files, &notes);
    }
}

#[test]
fn every_kind_of_note_on_a_spoiled_example_points_at_a_value_in_its_file() {
    // The example is careful; spoil it so every rule fires on entries of the real shape: no
    // reasons (missing or blank), finished measures below 100 %, progress set back to 0.
    let mut files = example_json("");
    let (_, measures) = files
        .iter_mut()
        .find(|(f, _)| *f == MEASURES_FILE)
        .expect("measures.json");
    let list = measures["measures"].as_array_mut().expect("a list");
    for (i, m) in list.iter_mut().enumerate() {
        let m = m.as_object_mut().expect("a measure");
        let status = m["status"]
            .as_str()
            .and_then(Status::parse)
            .expect("status");
        match status {
            Status::Delayed | Status::Dropped if i % 2 == 0 => {
                m.remove("status_note");
            }
            Status::Delayed | Status::Dropped => {
                m.insert("status_note".into(), json!(" "));
            }
            Status::Completed | Status::Continued => {
                m.insert("progress".into(), json!(90));
            }
            _ if m.contains_key("progress") => {
                m.insert("progress".into(), json!(0));
            }
            _ => {}
        }
    }
    let now = validated_json(&files);
    let published = validated_json(&example_json("reports/2026-05-12/"));
    let notes = check(&now, Some(&published), date("2031-01-01"));
    assert_located_in(&files, &notes);

    let found: Vec<_> = notes
        .iter()
        .map(|n| std::mem::discriminant(&n.kind))
        .collect();
    let day = date("2026-01-01");
    let all = [
        NoteKind::FinishedBelowFull {
            status: Status::Completed,
            progress: 0.0,
        },
        NoteKind::DelayedWithoutNote,
        NoteKind::DroppedWithoutNote,
        NoteKind::EndPassed {
            end: day,
            status: Status::Planned,
        },
        NoteKind::MilestoneOverdue {
            index: 0,
            title: Text::from("x"),
            date: day,
        },
        NoteKind::NotUpdatedSince {
            last: day,
            months: 0,
        },
        NoteKind::ProgressFell {
            before: 0.0,
            now: 0.0,
        },
        NoteKind::NextUpdatePassed { next_update: day },
    ];
    for kind in &all {
        assert!(
            found.contains(&std::mem::discriminant(kind)),
            "no {kind:?} on the spoiled example"
        );
    }
    // Both places a missing reason is shown: the status, and a blank note.
    for field in ["status", "status_note"] {
        assert!(
            notes.iter().any(|n| matches!(
                n.kind,
                NoteKind::DelayedWithoutNote | NoteKind::DroppedWithoutNote
            ) && n.path.0.last() == Some(&Segment::Key(field.into()))),
            "no missing reason located at {field}"
        );
    }
}
