//! Embeddable views for the city website: chromeless key figures, a field of action, a measure
//! or an indicator chart. The page reports its height to the embedding page (public/embed.js
//! sets the iframe's height after checking the message's origin and source), and every
//! embeddable view offers an "Einbetten" box with the snippet to copy.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wegmarke_core::format;

use crate::app::use_ui;
use crate::components::text::plain;
use crate::load::Loaded;
use crate::pages::{
    field::FieldPage, indicators::IndicatorPage, measure::MeasurePage, not_found::NotFound,
    overview::KeyFigures,
};
use crate::route::Route;

/// Marks the document as embedded (CSS hides the site chrome) and starts reporting its height.
pub(crate) fn enter_embed_mode() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(root) = doc.document_element() else {
        return;
    };
    if root.class_list().contains("embed") {
        return;
    }
    let _ = root.class_list().add_1("embed");
    let post = Closure::<dyn FnMut()>::new(move || {
        let Some(w) = web_sys::window() else { return };
        let height = w
            .document()
            .and_then(|d| d.document_element())
            .map(|e| e.scroll_height())
            .unwrap_or(0);
        let msg = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&msg, &"type".into(), &"wegmarke:height".into());
        let _ = js_sys::Reflect::set(&msg, &"height".into(), &JsValue::from(height));
        // Only a height is sent, so any parent may read it; embed.js checks who sent it.
        if let Ok(Some(parent)) = w.parent() {
            let _ = parent.post_message(&msg, "*");
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(post.as_ref().unchecked_ref()) {
        observer.observe(&root);
    }
    // The observer lives as long as the page.
    post.forget();
}

/// The address of the full dashboard (without page and query), for snippets and links.
fn base_url() -> String {
    web_sys::window()
        .and_then(|w| {
            let l = w.location();
            Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?))
        })
        .unwrap_or_default()
}

/// The "Einbetten" box: the iframe and script snippet for a view.
#[component]
pub fn EmbedButton(
    /// The view to embed.
    route: Route,
    /// The iframe's title (what a screen reader announces).
    title: String,
) -> impl IntoView {
    let ui = use_ui();
    let base = base_url();
    let dir = base
        .rsplit_once('/')
        .map(|(d, _)| format!("{d}/"))
        .unwrap_or_default();
    let snippet = format!(
        "<iframe src=\"{base}?lang={lang}{href}\" title=\"{title}\" data-wegmarke-embed loading=\"lazy\" style=\"width:100%;border:0;min-height:200px\"></iframe>\n<script src=\"{dir}embed.js\" async></script>",
        lang = ui.lang(),
        href = route.href(),
        title = title.replace('"', "&quot;").replace('<', "&lt;"),
    );
    view! {
        <details class="embed-box no-print" data-testid="embed-box">
            <summary>{ui.t("embed.button")}</summary>
            <p>{ui.t("embed.hint")}</p>
            <label for="embed-code" class="visually-hidden">{ui.t("embed.code")}</label>
            <textarea id="embed-code" readonly rows="4" data-testid="embed-code">{snippet}</textarea>
        </details>
    }
}

/// A chromeless view.
#[component]
pub fn EmbedPage(
    /// The loaded data.
    loaded: Arc<Loaded>,
    /// Which view: kennzahlen, handlungsfeld, massnahme, indikator.
    kind: String,
    /// The id of the field, measure or indicator.
    id: Option<String>,
) -> impl IntoView {
    enter_embed_mode();
    let ui = use_ui();
    let ds = &loaded.data;
    let plan_title = ds
        .plan
        .as_ref()
        .map(|p| plain(&p.plan.title, ds.default_lang(), &ui))
        .unwrap_or_default();
    let stand = ds
        .plan
        .as_ref()
        .and_then(|p| p.plan.as_of)
        .map(|s| format::date(&s, ui.lang()));
    let (body, full) = match (kind.as_str(), id) {
        ("kennzahlen", None) => (
            view! {
                <div class="wrap page">
                    <h1 class="embed-title">{plan_title.clone()}</h1>
                    <KeyFigures loaded=loaded.clone()/>
                </div>
            }
            .into_any(),
            Route::Overview,
        ),
        ("handlungsfeld", Some(id)) => (
            view! { <FieldPage loaded=loaded.clone() id=id.clone()/> }.into_any(),
            Route::Field(id),
        ),
        ("massnahme", Some(id)) => (
            view! { <MeasurePage loaded=loaded.clone() id=id.clone()/> }.into_any(),
            Route::Measure(id),
        ),
        ("indikator", Some(id)) => (
            view! { <IndicatorPage loaded=loaded.clone() id=id.clone()/> }.into_any(),
            Route::Indicator(id),
        ),
        _ => (view! { <NotFound/> }.into_any(), Route::Overview),
    };
    let full_href = format!("{}{}", base_url(), full.href());
    view! {
        <div class="embed-view" data-testid="embed-view">
            {body}
            <p class="embed-source wrap">
                {ui.t("embed.source")}" "
                <a href=full_href target="_blank" rel="noopener">{plan_title}</a>
                {stand.map(|s| format!(" · {}: {s}", ui.t("overview.stand")))}
            </p>
        </div>
    }
}
