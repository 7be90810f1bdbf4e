//! Plausibility notes: not errors, but what a careful colleague would ask before the data is
//! published ("completed, but only 80 %?"). Pure, so the staff tool and the app ask the same.
//!
//! The rules, in plain words:
//!
//! - **Dates may be partial** ("2026", "2026-11", "2026-11-15"). A date *has passed* only when
//!   its whole period lies before today: an end of "2026-11" has passed on 2026-12-03, an end of
//!   "2026-12" has not. Today should be a full date; a partial one counts from its first day.
//! - **Finished below 100 %**: a completed or continued measure with a `progress` figure below
//!   100 (the contract counts them as 100, so the figure contradicts the status). Without a
//!   figure there is nothing to contradict.
//! - **No reason for a delay or a drop**: a delayed or dropped measure whose `status_note` is
//!   missing, or empty or whitespace only as a reader of the plan's default language sees it
//!   (a note in another language only does not help those readers).
//! - **End passed**: a measure still planned, in preparation or on track whose planned `end` has
//!   passed. Delayed and paused measures already say they are behind; finished and dropped ones
//!   have ended.
//! - **Milestone overdue**: a milestone not marked `done` whose date has passed, except in a
//!   dropped measure (its open milestones will not be reached, and the note says why).
//! - **Not updated**: a measure that is not finished or dropped and whose latest update
//!   ([`Measure::last_updated`]) lies more than six months back: its whole period is before the
//!   day six calendar months before today (2026-08-31 → 2026-02-28). A measure without updates
//!   gets no note: it may simply not have started.
//! - **Progress fell**: a measure's stated progress (its figure; 100 when finished, as on the
//!   changes page) is lower than that of the measure with the same id in the published data
//!   (the first of that id), by more than rounding noise. Without published data, without a
//!   figure on either side, or where measures.json was unusable, nothing is compared.
//! - **Next update passed**: an indicator whose announced `next_update` has passed.
//!
//! Notes come in the order of the files (measures, then indicators), then of the entries, then
//! of the path within an entry. A path indexes the entries as the [`Dataset`] holds them, which
//! are the file's indices unless validation left an entry out before them (its problem is
//! listed then); the note's id names the entry either way.

use std::cmp::Ordering;
use std::collections::HashMap;

use serde::Serialize;

use crate::format;
use crate::i18n::Catalog;
use crate::model::{Indicator, Measure, Status};
use crate::period::{days_in_month, Date};
use crate::problem::{JsonPath, Segment};
use crate::text::{is_invisible, Text};
use crate::validate::Dataset;
use crate::{DATA_FILES, INDICATORS_FILE, MEASURES_FILE};

/// How many calendar months without an update are still fine.
pub const UPDATE_MONTHS: u32 = 6;

/// One question about one entry, located like a [`Problem`](crate::Problem).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Note {
    /// [`MEASURES_FILE`] or [`INDICATORS_FILE`].
    pub file: &'static str,
    /// The value the question is about, e.g. `measures[3].progress`.
    pub path: JsonPath,
    /// The id of the measure or indicator.
    pub id: String,
    #[serde(flatten)]
    pub kind: NoteKind,
}

/// What looks implausible. Each kind has a German and an English message.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum NoteKind {
    /// Completed or continued, but a progress figure below 100; at `progress`.
    FinishedBelowFull { status: Status, progress: f64 },
    /// Delayed without a reason; at `status_note` when there is a blank one, else at `status`.
    DelayedWithoutNote,
    /// Dropped without a reason; located as [`NoteKind::DelayedWithoutNote`].
    DroppedWithoutNote,
    /// The planned end has passed while the measure is still planned, in preparation or on
    /// track; at `end`.
    EndPassed { end: Date, status: Status },
    /// A milestone not done whose date has passed; at `milestones[index].date`.
    MilestoneOverdue {
        index: usize,
        title: Text,
        date: Date,
    },
    /// The latest update is more than six months old; `months` is the number of whole months
    /// since (from the last day its date can mean); at that update's `date`.
    NotUpdatedSince { last: Date, months: u32 },
    /// Stated progress lower than in the published data; at `progress`.
    ProgressFell { before: f64, now: f64 },
    /// An indicator's announced next update has passed; at `next_update`.
    NextUpdatePassed { next_update: Date },
}

impl Note {
    /// Where the note points: `measures.json: measures[3].progress`.
    pub fn location(&self) -> String {
        format!("{}: {}", self.file, self.path)
    }

    /// The question in German ("de") or English (any other language tag).
    pub fn message(&self, lang: &str) -> String {
        if lang == "de" {
            message_de(&self.kind)
        } else {
            message_en(&self.kind)
        }
    }

    /// Location, id and message on one line, as the staff tool prints it. The id is there
    /// because an index can differ from the file's where validation left an entry out.
    pub fn to_line(&self, lang: &str) -> String {
        format!("{} ({}): {}", self.location(), self.id, self.message(lang))
    }
}

/// The notes on `now`, compared with `published` (the data readers see at the moment) where
/// given, as of `today`. See the module docs for the rules and the order.
pub fn check(now: &Dataset, published: Option<&Dataset>, today: Date) -> Vec<Note> {
    let today = Day::first_of(&today);
    let mut notes = Vec::new();
    if let Some(file) = &now.measures {
        let before = published
            .and_then(|p| p.measures.as_ref())
            .map(|f| first_by_id(&f.measures));
        let lang = now.default_lang();
        for (i, m) in file.measures.iter().enumerate() {
            let at = JsonPath::root().key("measures").index(i);
            let published = before.as_ref().and_then(|b| b.get(m.id.as_str()).copied());
            check_measure(m, &at, published, lang, today, &mut notes);
        }
    }
    if let Some(file) = &now.indicators {
        for (i, ind) in file.indicators.iter().enumerate() {
            let at = JsonPath::root().key("indicators").index(i);
            check_indicator(ind, &at, today, &mut notes);
        }
    }
    // Stable: two notes on one path keep the order of the rules above.
    notes.sort_by(|a, b| {
        file_rank(a.file)
            .cmp(&file_rank(b.file))
            .then_with(|| cmp_path(&a.path, &b.path))
    });
    notes
}

// ---------------------------------------------------------------- the rules

fn check_measure(
    m: &Measure,
    at: &JsonPath,
    published: Option<&Measure>,
    lang: &str,
    today: Day,
    notes: &mut Vec<Note>,
) {
    let mut note = |path: JsonPath, kind: NoteKind| {
        notes.push(Note {
            file: MEASURES_FILE,
            path,
            id: m.id.clone(),
            kind,
        })
    };

    if let Some(progress) = m.progress.filter(|p| m.status.is_done() && *p < 100.0) {
        note(
            at.key("progress"),
            NoteKind::FinishedBelowFull {
                status: m.status,
                progress,
            },
        );
    }

    let missing_note = m
        .status_note
        .as_ref()
        .is_none_or(|t| t.resolve(lang, lang).trim().is_empty());
    if missing_note {
        let path = if m.status_note.is_some() {
            at.key("status_note")
        } else {
            at.key("status")
        };
        match m.status {
            Status::Delayed => note(path, NoteKind::DelayedWithoutNote),
            Status::Dropped => note(path, NoteKind::DroppedWithoutNote),
            _ => {}
        }
    }

    let running = matches!(
        m.status,
        Status::Planned | Status::Preparing | Status::OnTrack
    );
    if let Some(end) = m.end.filter(|e| running && has_passed(e, today)) {
        note(
            at.key("end"),
            NoteKind::EndPassed {
                end,
                status: m.status,
            },
        );
    }

    if m.status != Status::Dropped {
        for (j, ms) in m.milestones.iter().enumerate() {
            if !ms.done && has_passed(&ms.date, today) {
                note(
                    at.key("milestones").index(j).key("date"),
                    NoteKind::MilestoneOverdue {
                        index: j,
                        title: ms.title.clone(),
                        date: ms.date,
                    },
                );
            }
        }
    }

    if !m.status.is_done() && m.status != Status::Dropped {
        let cutoff = today.months_back(UPDATE_MONTHS);
        let latest = m.last_updated().and_then(|last| {
            let k = m.updates.iter().position(|u| u.date == last)?;
            Some((k, last))
        });
        if let Some((k, last)) = latest.filter(|(_, last)| Day::last_of(last) < cutoff) {
            note(
                at.key("updates").index(k).key("date"),
                NoteKind::NotUpdatedSince {
                    last,
                    months: Day::last_of(&last).whole_months_until(today),
                },
            );
        }
    }

    let fell = published.and_then(|p| Some((stated_progress(p)?, stated_progress(m)?)));
    if let Some((before, now)) = fell.filter(|(before, now)| fell_below(*before, *now)) {
        note(at.key("progress"), NoteKind::ProgressFell { before, now });
    }
}

fn check_indicator(ind: &Indicator, at: &JsonPath, today: Day, notes: &mut Vec<Note>) {
    if let Some(next_update) = ind.next_update.filter(|d| has_passed(d, today)) {
        notes.push(Note {
            file: INDICATORS_FILE,
            path: at.key("next_update"),
            id: ind.id.clone(),
            kind: NoteKind::NextUpdatePassed { next_update },
        });
    }
}

/// Progress as readers see it: the figure, or 100 for finished measures (as on the changes
/// page).
fn stated_progress(m: &Measure) -> Option<f64> {
    if m.status.is_done() {
        Some(100.0)
    } else {
        m.progress
    }
}

/// Whether `now` is lower than `before` by more than rounding noise (a relative 1e-9, as the
/// changes page compares), so a file rewritten by a tool raises no note.
fn fell_below(before: f64, now: f64) -> bool {
    before - now > 1e-9 * before.abs().max(now.abs()).max(1.0)
}

/// The first measure of each id, so unvalidated duplicates cannot make the result depend on
/// order.
fn first_by_id(measures: &[Measure]) -> HashMap<&str, &Measure> {
    let mut map = HashMap::new();
    for m in measures {
        map.entry(m.id.as_str()).or_insert(m);
    }
    map
}

// ---------------------------------------------------------------- days

/// A calendar day as (year, month, day), ordered chronologically.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Day(i32, u8, u8);

impl Day {
    /// The first day a (possibly partial) date can mean.
    fn first_of(d: &Date) -> Day {
        let (y, m, d) = d.period().start();
        Day(y, m, d)
    }

    /// The last day a (possibly partial) date can mean.
    fn last_of(d: &Date) -> Day {
        let (y, m, d) = d.period().end();
        Day(y, m, d)
    }

    /// The same day `n` calendar months earlier, or the month's last day where it is shorter.
    fn months_back(self, n: u32) -> Day {
        let Day(y, m, d) = self;
        let index = i64::from(y) * 12 + i64::from(m) - 1 - i64::from(n);
        let (year, month) = (index.div_euclid(12) as i32, index.rem_euclid(12) as u8 + 1);
        Day(year, month, d.min(days_in_month(year, month)))
    }

    /// Whole calendar months from this day to `later` (0 if `later` is not later).
    fn whole_months_until(self, later: Day) -> u32 {
        let months = (i64::from(later.0) - i64::from(self.0)) * 12 + i64::from(later.1)
            - i64::from(self.1)
            - i64::from(later.2 < self.2);
        u32::try_from(months.max(0)).unwrap_or(u32::MAX)
    }
}

/// Whether the whole period of `d` lies before `today`.
fn has_passed(d: &Date, today: Day) -> bool {
    Day::last_of(d) < today
}

// ---------------------------------------------------------------- order

fn file_rank(file: &str) -> usize {
    DATA_FILES
        .iter()
        .position(|f| *f == file)
        .unwrap_or(DATA_FILES.len())
}

/// Segment by segment: indices by number, keys by name, an index before a key.
fn cmp_path(a: &JsonPath, b: &JsonPath) -> Ordering {
    for (x, y) in a.0.iter().zip(&b.0) {
        let order = match (x, y) {
            (Segment::Index(x), Segment::Index(y)) => x.cmp(y),
            (Segment::Key(x), Segment::Key(y)) => x.cmp(y),
            (Segment::Index(_), Segment::Key(_)) => Ordering::Less,
            (Segment::Key(_), Segment::Index(_)) => Ordering::Greater,
        };
        if order != Ordering::Equal {
            return order;
        }
    }
    a.0.len().cmp(&b.0.len())
}

// ---------------------------------------------------------------- messages

/// The status's word as the dashboard shows it (`status.*` in `locales/de.json`, `en.json`).
fn status_de(status: Status) -> String {
    use std::sync::OnceLock;
    static DE: OnceLock<Catalog> = OnceLock::new();
    let key = format!("status.{}", status.as_str());
    DE.get_or_init(Catalog::german).t(&key).to_owned()
}

/// The English word, as [`status_de`]. The web app compiles in no English texts (it fetches
/// them), so there the data value ("on_track") stands in.
fn status_en(status: Status) -> String {
    #[cfg(not(target_arch = "wasm32"))]
    {
        use std::sync::OnceLock;
        static EN: OnceLock<Catalog> = OnceLock::new();
        let key = format!("status.{}", status.as_str());
        EN.get_or_init(|| Catalog::new("en")).t(&key).to_owned()
    }
    #[cfg(target_arch = "wasm32")]
    {
        status.as_str().to_owned()
    }
}

fn percent(value: f64, lang: &str) -> String {
    format::value_with_unit(value, None, Some("%"), lang)
}

fn message_de(k: &NoteKind) -> String {
    use NoteKind::*;
    let pct = |v: &f64| percent(*v, "de");
    let date = |d: &Date| format::date(d, "de");
    match k {
        FinishedBelowFull { status, progress } => format!(
            "Status „{}“, aber Fortschritt {} – stimmt der Fortschritt?",
            status_de(*status),
            pct(progress)
        ),
        DelayedWithoutNote => format!(
            "Status „{}“ ohne Begründung (status_note) – warum ist die Maßnahme verzögert?",
            status_de(Status::Delayed)
        ),
        DroppedWithoutNote => format!(
            "Status „{}“ ohne Begründung (status_note) – warum entfällt die Maßnahme?",
            status_de(Status::Dropped)
        ),
        EndPassed { end, status } => format!(
            "Das geplante Ende ({}) ist vorbei, der Status ist aber noch „{}“ – stimmen Status und Ende noch?",
            date(end),
            status_de(*status)
        ),
        MilestoneOverdue { title, date: d, .. } => format!(
            "Meilenstein „{}“ ({}) ist fällig, aber nicht als erledigt markiert (done) – erreicht oder verschoben?",
            clip(title.resolve("de", "de")),
            date(d)
        ),
        NotUpdatedSince { last, months } => format!(
            "Zuletzt aktualisiert: {}, vor {months} Monaten – gibt es einen neuen Stand?",
            date(last)
        ),
        ProgressFell { before, now } => format!(
            "Fortschritt {}, veröffentlicht waren {} – ist der Rückgang gewollt?",
            pct(now),
            pct(before)
        ),
        NextUpdatePassed { next_update } => format!(
            "Die nächste Aktualisierung war für {} angekündigt – gibt es neue Werte, oder ist der Termin zu ändern?",
            date(next_update)
        ),
    }
}

fn message_en(k: &NoteKind) -> String {
    use NoteKind::*;
    let pct = |v: &f64| percent(*v, "en");
    let date = |d: &Date| format::date(d, "en");
    match k {
        FinishedBelowFull { status, progress } => format!(
            "Status “{}”, but progress {} – is the progress right?",
            status_en(*status),
            pct(progress)
        ),
        DelayedWithoutNote => format!(
            "Status “{}” without a reason (status_note) – why is the measure delayed?",
            status_en(Status::Delayed)
        ),
        DroppedWithoutNote => format!(
            "Status “{}” without a reason (status_note) – why was the measure dropped?",
            status_en(Status::Dropped)
        ),
        EndPassed { end, status } => format!(
            "The planned end ({}) has passed, but the status is still “{}” – are status and end still right?",
            date(end),
            status_en(*status)
        ),
        MilestoneOverdue { title, date: d, .. } => format!(
            "Milestone “{}” ({}) is due but not marked as done – reached or postponed?",
            clip(title.resolve("en", "en")),
            date(d)
        ),
        NotUpdatedSince { last, months } => format!(
            "Last updated {}, {months} months ago – is there news?",
            date(last)
        ),
        ProgressFell { before, now } => format!(
            "Progress {}, but {} was published – is the decrease intended?",
            pct(now),
            pct(before)
        ),
        NextUpdatePassed { next_update } => format!(
            "The next update was announced for {} – are there new values, or should the date change?",
            date(next_update)
        ),
    }
}

/// A title from the data as a message shows it: at most 80 characters, control and invisible
/// characters written as escapes, so it reads as what is there and cannot move a terminal's
/// cursor (as problem messages do).
fn clip(s: &str) -> String {
    const MAX: usize = 80;
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i == MAX {
            out.push('…');
            break;
        }
        if c.is_control() || is_invisible(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}
