//! Pages that BITV 2.0 asks of public websites: the accessibility statement (§ 7), and entry
//! points in Leichte Sprache and German Sign Language (§ 4).

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::status::StatusBadge;
use crate::components::text::txt_within;
use crate::load::Loaded;
use crate::route::Route;
use crate::ui::{set_title, use_ui};

/// Erklärung zur Barrierefreiheit.
#[component]
pub fn AccessibilityPage(
    /// The loaded data (for the feedback contact in config.json).
    loaded: Arc<Loaded>,
) -> impl IntoView {
    let ui = use_ui();
    set_title(&ui.t("a11y.title"));
    let feedback = loaded
        .config
        .links
        .as_ref()
        .and_then(|l| l.accessibility_feedback.clone());
    let contact = loaded
        .data
        .plan
        .as_ref()
        .and_then(|p| p.plan.contact.as_ref());
    let email = contact.and_then(|c| c.email.clone());
    view! {
        <div class="wrap page statement-page">
            <h1 data-testid="page-title">{ui.t("a11y.title")}</h1>
            <p>{ui.t("a11y.scope")}</p>
            <h2>{ui.t("a11y.status.title")}</h2>
            <p>{ui.t("a11y.status.text")}</p>
            <h2>{ui.t("a11y.how.title")}</h2>
            <ul>
                <li>{ui.t("a11y.how.keyboard")}</li>
                <li>{ui.t("a11y.how.charts")}</li>
                <li>{ui.t("a11y.how.languages")}</li>
                <li>{ui.t("a11y.how.contrast")}</li>
            </ul>
            <h2>{ui.t("a11y.limits.title")}</h2>
            <p>{ui.t("a11y.limits.text")}</p>
            <h2>{ui.t("a11y.feedback.title")}</h2>
            <p>{ui.t("a11y.feedback.text")}</p>
            <p data-testid="feedback">
                {feedback.map(|u| {
                    let label = u.trim_start_matches("mailto:").to_owned();
                    view! { <a href=u>{label}</a> }
                })}
                {email.map(|e| view! { " · "<a href=format!("mailto:{e}")>{e.clone()}</a> })}
            </p>
            <h2>{ui.t("a11y.enforcement.title")}</h2>
            <p>{ui.t("a11y.enforcement.text")}</p>
            <p class="meta">{ui.t("a11y.date")}</p>
        </div>
    }
}

/// The plan explained in Leichte Sprache, with every measure's easy summary.
#[component]
pub fn EasyLanguagePage(
    /// The loaded data.
    loaded: Arc<Loaded>,
) -> impl IntoView {
    let ui = use_ui();
    set_title(&ui.t("easy.title"));
    let ds = &loaded.data;
    let d = ds.default_lang();
    let easy = ds
        .measures()
        .iter()
        .filter_map(|m| m.easy_summary.as_ref().map(|e| (m, e)))
        .map(|(m, e)| {
            view! {
                <li class="easy-item">
                    <h3><a href=Route::Measure(m.id.clone()).href()>{txt_within(&m.title, d, &ui, "de")}</a></h3>
                    <StatusBadge status=m.status/>
                    <p>{txt_within(e, d, &ui, "de")}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="wrap page easy-page" lang="de">
            <h1 data-testid="page-title">"Leichte Sprache"</h1>
            <div class="easy">
                <p>"Die Stadt Göppingen hat einen Plan."</p>
                <p>"Der Plan heißt: Integrations·plan."</p>
                <p>"In dem Plan steht: So wollen wir gut zusammen leben."</p>
                <p>"Viele Menschen helfen mit. Zum Beispiel: Schulen, Vereine und die Stadt·verwaltung."</p>
                <p>"Auf dieser Internet·seite sehen Sie: Was hat die Stadt schon gemacht? Was kommt noch?"</p>
            </div>
            <h2>"So lesen Sie die Seite"</h2>
            <ul class="easy">
                <li>"Jede Maßnahme hat einen Status. Der Status sagt: Wie weit ist die Maßnahme?"</li>
                <li><StatusBadge status=wegmarke_core::Status::Planned/>" heißt: Die Arbeit hat noch nicht angefangen."</li>
                <li><StatusBadge status=wegmarke_core::Status::OnTrack/>" heißt: Die Arbeit läuft gut."</li>
                <li><StatusBadge status=wegmarke_core::Status::Delayed/>" heißt: Die Arbeit dauert länger als geplant."</li>
                <li><StatusBadge status=wegmarke_core::Status::Completed/>" heißt: Die Arbeit ist fertig."</li>
            </ul>
            <h2>"Maßnahmen in Leichter Sprache"</h2>
            <ul class="plain" data-testid="easy-list">{easy}</ul>
        </div>
    }
}

/// The entry point in German Sign Language (DGS).
#[component]
pub fn SignLanguagePage() -> impl IntoView {
    let ui = use_ui();
    set_title(&ui.t("sign.title"));
    view! {
        <div class="wrap page sign-page">
            <h1 data-testid="page-title">{ui.t("sign.title")}</h1>
            <p>{ui.t("sign.intro")}</p>
            <section class="sign-videos" aria-labelledby="sign-videos-title">
                <h2 id="sign-videos-title">{ui.t("sign.videos")}</h2>
                <ol>
                    <li>{ui.t("sign.video.about")}</li>
                    <li>{ui.t("sign.video.use")}</li>
                    <li>{ui.t("sign.video.contact")}</li>
                </ol>
                <p class="note-box" data-testid="sign-placeholder">{ui.t("sign.placeholder")}</p>
            </section>
        </div>
    }
}
