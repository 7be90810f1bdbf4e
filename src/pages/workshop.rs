//! The Datenwerkstatt: staff choose or drop a workbook, CSV files or the three JSON files, and
//! see what the staff tool would say (the same checks, located at sheet and cell), what a
//! careful colleague would ask (plausibility notes), what changes publicly, a preview of the
//! whole dashboard with the new data, and the files to publish. Nothing leaves the browser: the
//! files are read in memory, and everything is gone on reload.
//!
//! Staff texts are German, or English for any other reader language (the workbook's messages
//! exist in these two); the page says which in its `lang`.

use std::cell::RefCell;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wegmarke_core::changes::{compare, Changes};
use wegmarke_core::i18n::Catalog;
use wegmarke_core::{Date, DATA_FILES};
use wegmarke_publish::Site;
use wegmarke_workbook::check::{self, Checked, Upload};
use wegmarke_workbook::{Finding, Lang, Level};

use crate::browser;
use crate::load::{fetch_bytes, Loaded, Shown};
use crate::pages::changes::render_changes;
use crate::split::split_points;
use crate::ui::use_ui;

/// What a check found, kept while the staff member looks at the preview and comes back.
struct Outcome {
    /// The chosen files' names.
    names: Vec<String>,
    checked: Checked,
    /// What changes publicly, when the new data could be read.
    changes: Option<Changes>,
    /// The dashboard's data with the new files, for the preview.
    preview: Option<Arc<Loaded>>,
    /// How long the check took, in milliseconds.
    took_ms: f64,
}

thread_local! {
    /// The last outcome: in memory only, for the way back from the preview.
    static KEPT: RefCell<Option<Arc<Outcome>>> = const { RefCell::new(None) };
}

/// Where the page is.
#[derive(Clone)]
enum Stage {
    /// Nothing chosen yet.
    Idle,
    /// Working on it: what it is doing now.
    Working(&'static str),
    /// The spreadsheet tools could not be fetched (their part, see [`convert_files`]).
    Unavailable,
    /// Done.
    Done(Arc<Outcome>),
}

/// The staff language: German for German readers, English for every other.
fn staff_lang(ui_lang: &str) -> Lang {
    if ui_lang == "de" {
        Lang::De
    } else {
        Lang::En
    }
}

/// The Datenwerkstatt page.
#[component]
pub fn WorkshopPage(
    /// The data shown now (the preview's while previewing; the page compares with the
    /// published data in either case).
    loaded: Arc<Loaded>,
) -> impl IntoView {
    let ui = use_ui();
    let lang = staff_lang(ui.lang());
    let tag = if lang == Lang::De { "de" } else { "en" };
    let t = move |de: &'static str, en: &'static str| lang.pick(de, en);
    crate::ui::set_title(t("Datenwerkstatt", "Data workshop"));
    let shown = Shown::get();
    let published = shown.published.get_untracked().unwrap_or(loaded);
    let stage = RwSignal::new(match KEPT.with(|k| k.borrow().clone()) {
        Some(o) => Stage::Done(o),
        None => Stage::Idle,
    });
    let dragging = RwSignal::new(false);
    // A workbook download that failed (its tools could not be fetched): said beside the
    // templates, so that a report on screen stays where it is.
    let download_failed = RwSignal::new(false);

    let start = {
        let published = published.clone();
        move |files: Vec<web_sys::File>| {
            if files.is_empty() {
                return;
            }
            let published = published.clone();
            leptos::task::spawn_local(run(files, published, stage, lang));
        }
    };
    let on_change = {
        let start = start.clone();
        move |ev: leptos::ev::Event| {
            let input: Option<web_sys::HtmlInputElement> =
                ev.target().and_then(|t| t.dyn_into().ok());
            if let Some(input) = input {
                start(files_of(input.files()));
                // The same file may be chosen again after it was edited.
                input.set_value("");
            }
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        start(files_of(ev.data_transfer().and_then(|d| d.files())));
    };

    let templates = {
        let published = published.clone();
        move || {
            let current = published.clone();
            let current_workbook = move |ev: leptos::ev::MouseEvent| {
                ev.prevent_default();
                let current = current.clone();
                leptos::task::spawn_local(async move {
                    let files = published_files(&current).await;
                    let got = workbook_of(Some(files)).await;
                    download_failed.set(got.is_err());
                    if let Ok(Some(bytes)) = got {
                        _ = browser::download_bytes("plan.xlsx", XLSX, &bytes);
                    }
                });
            };
            let template = move |ev: leptos::ev::MouseEvent| {
                ev.prevent_default();
                leptos::task::spawn_local(async move {
                    let got = workbook_of(None).await;
                    download_failed.set(got.is_err());
                    if let Ok(Some(bytes)) = got {
                        _ = browser::download_bytes("vorlage.xlsx", XLSX, &bytes);
                    }
                });
            };
            view! {
                <ul>
                    <li><a href="#" download="plan.xlsx" data-testid="download-current" on:click=current_workbook>
                        {t("Die veröffentlichten Daten als Arbeitsmappe (.xlsx)", "The published data as a workbook (.xlsx)")}
                    </a></li>
                    <li><a href="#" download="vorlage.xlsx" data-testid="download-template" on:click=template>
                        {t("Leere Vorlage (.xlsx) mit Erklärungen und Auswahllisten", "Empty template (.xlsx) with explanations and drop-down lists")}
                    </a></li>
                </ul>
            }
        }
    };

    let result = move || {
        match stage.get() {
        Stage::Idle => None,
        Stage::Working(what) => Some(
            view! {
                <p class="loading" role="status" data-testid="workshop-working">
                    <span class="spinner" aria-hidden="true"></span>{what}
                </p>
            }
            .into_any(),
        ),
        Stage::Unavailable => Some(
            view! {
                <p class="notice error" role="alert" data-testid="workshop-unavailable">{t(
                    "Die Prüfwerkzeuge konnten nicht geladen werden (keine Verbindung zur Website?). Bitte die Verbindung prüfen und die Dateien erneut wählen.",
                    "The checking tools could not be loaded (no connection to the website?). Please check the connection and choose the files again.",
                )}</p>
            }
            .into_any(),
        ),
        Stage::Done(outcome) => Some(view! { <Report outcome lang shown/> }.into_any()),
    }
    };

    view! {
        <div class="wrap page workshop-page" lang=tag dir="ltr">
            <h1 data-testid="page-title">{t("Datenwerkstatt", "Data workshop")}</h1>
            <p>{t(
                "Hier prüfen Sie neue Daten, bevor sie veröffentlicht werden: dieselben Prüfungen wie beim Werkzeug wegmarke-daten, eine Vorschau des ganzen Dashboards und die Dateien zum Veröffentlichen. Ihre Dateien verlassen diesen Browser nicht – nichts wird hochgeladen oder gespeichert.",
                "Check new data here before it is published: the same checks as the wegmarke-daten tool, a preview of the whole dashboard, and the files to publish. Your files do not leave this browser – nothing is uploaded or stored.",
            )}</p>
            <ol class="workshop-steps">
                <li>{t("Arbeitsmappe bearbeiten (oder unten die aktuelle herunterladen).", "Edit the workbook (or download the current one below).")}</li>
                <li>{t("Hier wählen oder hineinziehen.", "Choose or drop it here.")}</li>
                <li>{t("Meldungen und Hinweise durchgehen, Änderungen prüfen.", "Go through the messages and notes, check the changes.")}</li>
                <li>{t("Vorschau ansehen.", "Look at the preview.")}</li>
                <li>{t("Dateien herunterladen und in den Datenordner der Website kopieren.", "Download the files and copy them into the website's data folder.")}</li>
            </ol>
            <h2>{t("Daten wählen", "Choose data")}</h2>
            <div class="drop-zone" class:dragging=move || dragging.get() data-testid="drop-zone"
                // The spreadsheet tools (a part of several hundred KiB) are fetched when the
                // staff member comes near the file input or the templates, not with the page.
                on:pointerenter=|_| preload_tools() on:focusin=|_| preload_tools()
                on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop>
                <label for="workshop-files">{t(
                    "Arbeitsmappe (.xlsx, .ods), CSV-Dateien eines Ordners oder die drei JSON-Dateien:",
                    "Workbook (.xlsx, .ods), a folder's CSV files or the three JSON files:",
                )}</label>
                <input id="workshop-files" type="file" multiple
                    accept=".xlsx,.ods,.xls,.csv,.json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.spreadsheet,text/csv,application/json"
                    data-testid="workshop-input" on:change=on_change/>
                <p class="hint">{t("… oder Dateien hierher ziehen.", "… or drop files here.")}</p>
            </div>
            <div aria-live="polite">{result}</div>
            <h2>{t("Vorlagen", "Templates")}</h2>
            <div on:pointerenter=|_| preload_tools() on:focusin=|_| preload_tools()>{templates}</div>
            <div aria-live="polite">{move || download_failed.get().then(|| view! {
                <p class="notice error" role="alert" data-testid="template-unavailable">{t(
                    "Die Arbeitsmappe konnte nicht erstellt werden: die Werkzeuge dafür ließen sich nicht laden (keine Verbindung zur Website?). Bitte die Verbindung prüfen und erneut versuchen.",
                    "The workbook could not be made: its tools could not be loaded (no connection to the website?). Please check the connection and try again.",
                )}</p>
            })}</div>
        </div>
    }
}

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// The published files' bytes, fetched again from the data folder (the browser has them
/// cached): what is compared and kept is exactly what the site publishes, byte for byte.
async fn published_files(loaded: &Loaded) -> [Option<Vec<u8>>; 3] {
    let [plan, measures, indicators] = DATA_FILES.map(|f| format!("{}{f}", loaded.data_url));
    let (plan, measures, indicators) = futures::join!(
        fetch_bytes(&plan),
        fetch_bytes(&measures),
        fetch_bytes(&indicators)
    );
    [plan.ok(), measures.ok(), indicators.ok()]
}

/// Reads and checks the files, letting the browser paint between the steps.
async fn run(
    files: Vec<web_sys::File>,
    published: Arc<Loaded>,
    stage: RwSignal<Stage>,
    lang: Lang,
) {
    let started = js_sys::Date::now();
    stage.set(Stage::Working(
        lang.pick("Dateien werden gelesen …", "Reading the files …"),
    ));
    browser::next_task().await;
    let mut uploads = Vec::with_capacity(files.len());
    for f in &files {
        let bytes = browser::file_bytes(f).await.unwrap_or_default();
        uploads.push(Upload {
            name: f.name(),
            bytes,
        });
    }
    let names = uploads.iter().map(|u| u.name.clone()).collect();
    stage.set(Stage::Working(lang.pick(
        "Tabellen werden umgewandelt und geprüft …",
        "Converting and checking the sheets …",
    )));
    browser::next_task().await;
    let sources = published_files(&published).await;
    let Some(today) = Date::parse(&browser::today()) else {
        // The browser's clock always gives a date; should it not, nothing is half-shown.
        stage.set(Stage::Idle);
        return;
    };
    let Ok(mut checked) = convert_files(uploads, sources.clone()).await else {
        stage.set(Stage::Unavailable);
        return;
    };
    // Removals and questions in a task of their own: the tab stays responsive in between.
    if checked.data.is_some() {
        stage.set(Stage::Working(lang.pick(
            "Entfernte Einträge und Rückfragen werden gesucht …",
            "Looking for removed entries and questions …",
        )));
        browser::next_task().await;
        let Ok(reviewed) = review_files(checked, sources, published.clone(), today).await else {
            stage.set(Stage::Unavailable);
            return;
        };
        checked = reviewed;
    }
    stage.set(Stage::Working(lang.pick(
        "Änderungen werden verglichen …",
        "Comparing the changes …",
    )));
    browser::next_task().await;
    let changes = checked
        .data
        .as_ref()
        .map(|now| compare(&published.data, now));
    let preview = checked.data.as_ref().map(|data| {
        Arc::new(Loaded {
            config: published.config.clone(),
            data_url: published.data_url.clone(),
            data: data.clone(),
            // From the staff member's own files, not from the worker's cache.
            cached: None,
        })
    });
    let outcome = Arc::new(Outcome {
        names,
        checked,
        changes,
        preview,
        took_ms: js_sys::Date::now() - started,
    });
    KEPT.with(|k| *k.borrow_mut() = Some(outcome.clone()));
    stage.set(Stage::Done(outcome));
}

/// The outcome: messages, changes, preview and downloads.
#[component]
fn Report(outcome: Arc<Outcome>, lang: Lang, shown: Shown) -> impl IntoView {
    let ui = use_ui();
    let t = move |de: &'static str, en: &'static str| lang.pick(de, en);
    let findings = &outcome.checked.findings;
    let count = |level: Level| findings.iter().filter(|f| f.level == level).count();
    let (fatal, problems, notes) = (
        count(Level::Fatal),
        count(Level::Problem),
        count(Level::Note),
    );
    let removed = outcome.checked.removals.len();
    let questions = outcome.checked.notes.len();
    let verdict = if fatal > 0 {
        t(
            "Diese Daten können so nicht veröffentlicht werden: bitte die Fehler beheben und die Datei erneut wählen.",
            "This data cannot be published as it is: please fix the errors and choose the file again.",
        )
    } else if removed > 0 {
        t(
            "Achtung: mit diesen Daten verschwinden veröffentlichte Einträge von der Website (unten aufgeführt). Herunterladen erst nach Bestätigung.",
            "Careful: with this data, published entries disappear from the website (listed below). Download only after confirming.",
        )
    } else if problems > 0 {
        t(
            "Die Daten lassen sich veröffentlichen, aber einzelne Einträge werden ausgelassen oder markiert.",
            "The data can be published, but single entries are left out or flagged.",
        )
    } else {
        t("Keine Probleme gefunden.", "No problems found.")
    };
    let verdict_class = if fatal > 0 || removed > 0 {
        "notice notice-fatal"
    } else if problems > 0 {
        "notice notice-problems"
    } else {
        "notice"
    };
    let names = outcome.names.join(", ");
    let took = wegmarke_core::format::number(outcome.took_ms / 1000.0, Some(1), lang.tag());
    let summary = match lang {
        Lang::De => format!("{names}: {fatal} Fehler, {problems} Probleme, {notes} Hinweise zum Einlesen, {removed} entfernte Einträge, {questions} Rückfragen (geprüft in {took} s)."),
        Lang::En => format!("{names}: {fatal} errors, {problems} problems, {notes} reading notes, {removed} removed entries, {questions} questions (checked in {took} s)."),
    };
    let list = |level: Level, title: &'static str, id: &'static str| {
        let items: Vec<&Finding> = findings.iter().filter(|f| f.level == level).collect();
        (!items.is_empty()).then(|| {
            let shown_items = items
                .iter()
                .take(MAX_LISTED)
                .map(|f| finding_item(f, lang))
                .collect_view();
            let more = items.len().saturating_sub(MAX_LISTED);
            view! {
                <h3>{title}" ("{items.len()}")"</h3>
                <ul class="findings" data-testid=id>{shown_items}</ul>
                {(more > 0).then(|| {
                    let text = match lang {
                        Lang::De => format!("… und {more} weitere (alle in der Textdatei unten)."),
                        Lang::En => format!("… and {more} more (all in the text file below)."),
                    };
                    view! { <p>{text}</p> }
                })}
            }
        })
    };
    let all_lines = findings
        .iter()
        .map(|f| f.to_line(lang))
        .collect::<Vec<_>>()
        .join("\n");
    let changes = outcome.changes.clone().zip(outcome.preview.clone()).map(|(c, preview)| {
        let published = shown.published.get_untracked().unwrap_or_default();
        view! {
            <section aria-labelledby="ws-changes">
                <h2 id="ws-changes">{t("Was ändert sich öffentlich?", "What changes publicly?")}</h2>
                {if c.is_empty() {
                    view! { <p data-testid="changes-none">{t(
                        "Öffentlich ändert sich nichts: die Daten sind dieselben wie veröffentlicht.",
                        "Nothing changes publicly: the data is the same as published.",
                    )}</p> }.into_any()
                } else {
                    view! { <div lang=ui.lang()>{render_changes(&c, &preview, &published.data, &ui)}</div> }.into_any()
                }}
            </section>
        }
    });
    let preview = outcome.preview.clone().map(|p| {
        let on_click = move |_| {
            shown.preview.set(Some(p.clone()));
            // A new history entry: the browser's Back returns to the Datenwerkstatt. The shell
            // follows the address and starts the page at its top.
            if let Some(w) = browser::window() {
                let _ = w.location().set_hash("#/");
            }
            browser::focus_by_id("main");
        };
        view! {
            <section aria-labelledby="ws-preview">
                <h2 id="ws-preview">{t("Vorschau", "Preview")}</h2>
                <p>{t(
                    "Das ganze Dashboard mit den neuen Daten, jede Seite – nur in diesem Browser, bis Sie die Vorschau beenden oder die Seite neu laden.",
                    "The whole dashboard with the new data, every page – only in this browser, until you end the preview or reload the page.",
                )}</p>
                <button type="button" class="button" data-testid="preview-start" on:click=on_click>{t("Vorschau öffnen", "Open the preview")}</button>
            </section>
        }
    });
    let notes = (!outcome.checked.notes.is_empty()).then(|| {
        let tag = if lang == Lang::De { "de" } else { "en" };
        let items = outcome
            .checked
            .notes
            .iter()
            .take(MAX_LISTED)
            .map(|(loc, note)| {
                let loc = loc.display(lang);
                let text = note.message(tag);
                view! { <li><code class="loc">{loc}</code>" ("{note.id.clone()}"): "{text}</li> }
            })
            .collect_view();
        view! {
            <section aria-labelledby="ws-notes">
                <h2 id="ws-notes">{t("Rückfragen vor dem Veröffentlichen", "Questions before publishing")}" ("{outcome.checked.notes.len()}")"</h2>
                <p>{t(
                    "Keine Fehler, aber Stellen, an denen eine Kollegin nachfragen würde.",
                    "Not errors, but places where a colleague would ask.",
                )}</p>
                <ul class="findings" data-testid="plausibility-notes">{items}</ul>
            </section>
        }
    });
    let confirmed = RwSignal::new(outcome.checked.removals.is_empty());
    let removals = (!outcome.checked.removals.is_empty()).then(|| {
        let counted = wegmarke_workbook::removals::summary(&outcome.checked.removals);
        let summary = match lang {
            Lang::De => format!(
                "Mit diesen Daten verschwinden von der Website: {}.",
                counted.get(lang)
            ),
            Lang::En => format!(
                "With this data, these disappear from the website: {}.",
                counted.get(lang)
            ),
        };
        let items = outcome
            .checked
            .removals
            .iter()
            .take(MAX_LISTED)
            .map(|r| {
                view! { <li data-key=r.key()>{r.msg.get(lang).to_owned()}</li> }
            })
            .collect_view();
        let more = outcome.checked.removals.len().saturating_sub(MAX_LISTED);
        let more = (more > 0).then(|| match lang {
            Lang::De => format!("… und {more} weitere."),
            Lang::En => format!("… and {more} more."),
        });
        view! {
            <section aria-labelledby="ws-removals" class="removals">
                <h2 id="ws-removals">{t("Wird entfernt", "Will be removed")}</h2>
                <p class="notice notice-fatal" data-testid="removal-summary">{summary}</p>
                <ul data-testid="removal-list">{items}</ul>
                {more.map(|m| view! { <p>{m}</p> })}
                <p><label>
                    <input type="checkbox" data-testid="removal-confirm"
                        on:change=move |ev| confirmed.set(event_target_checked(&ev))/>
                    " "{t(
                        "Ja, diese Einträge sollen von der Website verschwinden.",
                        "Yes, these entries are to disappear from the website.",
                    )}
                </label></p>
            </section>
        }
    });
    let texts = outcome.checked.texts.clone();
    let new_data = outcome.preview.clone();
    let downloads = move || {
        match (&texts, confirmed.get()) {
        (Some(texts), true) => Some(view! { <Downloads texts=texts.clone() preview=new_data.clone() lang/> }.into_any()),
        (Some(_), false) => Some(view! {
            <section aria-labelledby="ws-download">
                <h2 id="ws-download">{t("Herunterladen", "Download")}</h2>
                <p data-testid="download-blocked">{t(
                    "Erst nach der Bestätigung oben: die neuen Dateien würden veröffentlichte Einträge entfernen.",
                    "Only after the confirmation above: the new files would remove published entries.",
                )}</p>
            </section>
        }.into_any()),
        (None, _) => None,
    }
    };
    view! {
        <section aria-labelledby="ws-result" data-testid="workshop-result">
            <h2 id="ws-result">{t("Ergebnis der Prüfung", "Result of the check")}</h2>
            <p data-testid="workshop-summary" data-ms=format!("{:.0}", outcome.took_ms)>{summary}</p>
            <p class=verdict_class data-testid="workshop-verdict">{verdict}</p>
            {list(Level::Fatal, t("Fehler", "Errors"), "findings-fatal")}
            {list(Level::Problem, t("Probleme", "Problems"), "findings-problem")}
            {list(Level::Note, t("Hinweise zum Einlesen", "Reading notes"), "findings-note")}
            {(!findings.is_empty()).then(|| {
                let text = all_lines.clone();
                view! { <p><a href="#" download="meldungen.txt" data-testid="download-findings" on:click=move |ev| {
                    ev.prevent_default();
                    browser::download("meldungen.txt", "text/plain", &text);
                }>{t("Alle Meldungen als Textdatei", "All messages as a text file")}</a></p> }
            })}
        </section>
        {removals}
        {notes}
        {changes}
        {preview}
        {downloads}
    }
}

/// How many findings of one level are listed on the page (all are in the text file).
const MAX_LISTED: usize = 200;

fn finding_item(f: &Finding, lang: Lang) -> impl IntoView {
    let loc = f.loc.display(lang);
    let msg = f.msg.get(lang).to_owned();
    view! {
        <li>
            {(!loc.is_empty()).then(|| view! { <code class="loc">{loc}</code>": " })}
            {msg}
        </li>
    }
}

/// The files to publish: all three as one ZIP, and each on its own.
#[component]
fn Downloads(texts: [String; 3], preview: Option<Arc<Loaded>>, lang: Lang) -> impl IntoView {
    let t = move |de: &'static str, en: &'static str| lang.pick(de, en);
    let ui = use_ui();
    let texts = Arc::new(texts);
    let zip = {
        let texts = texts.clone();
        move |ev: leptos::ev::MouseEvent| {
            ev.prevent_default();
            let (texts, preview, ui) = (texts.clone(), preview.clone(), ui.clone());
            leptos::task::spawn_local(async move {
                // The tools' part is here already: it made the texts.
                if let Ok(Some(bytes)) = zip_of(
                    texts,
                    preview.map(|p| (p, ui.cat.clone(), published_folder())),
                )
                .await
                {
                    browser::download_bytes(ZIP_NAME, "application/zip", &bytes);
                }
            });
        }
    };
    let singles = DATA_FILES
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let texts = texts.clone();
            view! {
                <li><a href="#" download=*name data-testid=format!("download-{name}") on:click=move |ev| {
                    ev.prevent_default();
                    browser::download(name, "application/json", &texts[i]);
                }>{*name}</a></li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="ws-download">
            <h2 id="ws-download">{t("Herunterladen", "Download")}</h2>
            <p>{t(
                "Die Dateien in den Datenordner der Website kopieren (die bisherigen ersetzen). Die Website zeigt sie beim nächsten Aufruf.",
                "Copy the files into the website's data folder (replacing the old ones). The website shows them on the next visit.",
            )}</p>
            <p><a href="#" class="button" download=ZIP_NAME data-testid="download-zip" on:click=zip>
                {t("Alle Dateien als ZIP (mit Feeds, Kalender und Open-Data-Paket)", "All files as a ZIP (with feeds, calendar and open-data package)")}
            </a></p>
            <ul>{singles}</ul>
        </section>
    }
}

const ZIP_NAME: &str = "wegmarke-daten.zip";

/// The folder of the address this page runs at (ends with `/`).
fn published_folder() -> String {
    let here = browser::page_base_url();
    here.rfind('/')
        .map_or(here.clone(), |i| here[..=i].to_owned())
}

/// The feeds, calendar and open-data package for the new data, as `wegmarke-daten publish`
/// writes them. Their links need the dashboard's public address: config.json's `site_url`, else
/// `folder`, the address this page runs at. Texts in the plan's default language (German, or the
/// reader's language, `cat`, when it is the plan's).
fn published_beside(preview: &Loaded, cat: Arc<Catalog>, folder: &str) -> Vec<(String, String)> {
    let config = &preview.config;
    let Ok(site) = Site::from_config(config).or_else(|_| Site::new(folder, config.data.as_deref()))
    else {
        return Vec::new();
    };
    let cat = if cat.lang.tag == preview.data.default_lang() {
        cat
    } else {
        Arc::new(Catalog::german())
    };
    wegmarke_publish::files_for(&preview.data, config, &site, &cat)
        .map(|files| files.into_iter().map(|f| (f.path, f.text)).collect())
        .unwrap_or_default()
}

/// The published data files' bytes, as [`published_files`] fetched them.
type Sources = [Option<Vec<u8>>; 3];

/// What the ZIP's feeds are made for: the previewed data, the reader's texts, this page's folder.
type Beside = Option<(Arc<Loaded>, Arc<Catalog>, String)>;

split_points! {
    /// Reads the chosen files and converts them to the three data files, checked against the
    /// published ones. The spreadsheet reader and writer (calamine, rust_xlsxwriter) and the
    /// publish step are most of the Datenwerkstatt's code: they live in a part of their own,
    /// which the page fetches when the staff member comes near the file input, so the page
    /// itself opens as fast as the others.
    workbook fn convert_files(uploads: Vec<Upload>, sources: Sources) -> Checked {
        match check::read(&uploads) {
            Ok(read) => check::convert(&read, sources.each_ref().map(|f| f.as_deref())),
            Err(f) => Checked {
                findings: vec![f],
                ..Checked::default()
            },
        }
    }
    /// Looks for removed entries and questions (`check::review`).
    workbook fn review_files(checked: Checked, sources: Sources, published: Arc<Loaded>, today: Date) -> Checked {
        let mut checked = checked;
        let against = check::Published {
            files: sources.each_ref().map(|f| f.as_deref()),
            data: Some(&published.data),
            today,
        };
        check::review(&mut checked, &against);
        checked
    }
    /// A workbook of the published data files, or the empty template (`None`).
    workbook fn workbook_of(sources: Option<Sources>) -> Option<Vec<u8>> {
        match sources {
            None => check::workbook(None).ok(),
            Some(files) => check::data_of(files.each_ref().map(|f| f.as_deref()))
                .and_then(|data| check::workbook(Some(&data)).ok()),
        }
    }
    /// The ZIP to publish: the three files and, for previewed data, its feeds, calendar and
    /// open-data package.
    workbook fn zip_of(texts: Arc<[String; 3]>, beside: Beside) -> Option<Vec<u8>> {
        let beside = beside
            .map(|(preview, cat, folder)| published_beside(&preview, cat, &folder))
            .unwrap_or_default();
        check::package(&texts, &beside)
    }
}

/// Starts fetching the spreadsheet tools' part, once; a failed fetch is tried again by the call
/// that needs it.
fn preload_tools() {
    #[cfg(not(feature = "unsplit"))]
    leptos::task::spawn_local(async {
        let _ = __wasm_split_preload_convert_files().await;
    });
}
