//! Embeddable views for the city website: chromeless key figures, a field of action, a measure
//! or an indicator chart. The page reports its height to the embedding page
//! (`browser::enter_embed_mode`); the "Einbetten" box that offers the snippet is
//! `components::embed`.

use std::sync::Arc;

use leptos::prelude::*;
use wegmarke_core::format;

use crate::browser;
use crate::components::key_figures::KeyFigures;
use crate::components::text::txt;
use crate::load::Loaded;
use crate::pages::{field::FieldPage, measure::MeasurePage, not_found::NotFound};
use crate::route::{Embed, Route};
use crate::ui::use_ui;

/// A chromeless view of the key figures, a field or a measure (an indicator's is
/// [`EmbedFrame`] around the indicator page, in the indicator's part: `parts::page`).
#[component]
pub fn EmbedPage(
    /// The loaded data.
    loaded: Arc<Loaded>,
    /// Which view.
    embed: Embed,
) -> impl IntoView {
    let plan_title = txt_title(&loaded);
    let (body, full) = match embed {
        Embed::KeyFigures => (
            view! {
                <div class="wrap page">
                    <h1 class="embed-title">{plan_title()}</h1>
                    <KeyFigures loaded=loaded.clone()/>
                </div>
            }
            .into_any(),
            Route::Overview,
        ),
        Embed::Field(id) => (
            view! { <FieldPage loaded=loaded.clone() id=id.clone()/> }.into_any(),
            Route::Field(id),
        ),
        Embed::Measure(id) => (
            view! { <MeasurePage loaded=loaded.clone() id=id.clone()/> }.into_any(),
            Route::Measure(id),
        ),
        // Routed to the indicator's part (its chart code lives there), never here.
        Embed::Indicator(_) => (view! { <NotFound/> }.into_any(), Route::Indicators),
    };
    view! { <EmbedFrame loaded full>{body}</EmbedFrame> }
}

/// The frame of every embed: the view, then where it comes from (the plan, linked to the full
/// page) and its "Stand"; reports its height to the embedding page.
#[component]
pub fn EmbedFrame(
    /// The loaded data.
    loaded: Arc<Loaded>,
    /// The full page of what is embedded.
    full: Route,
    children: Children,
) -> impl IntoView {
    browser::enter_embed_mode();
    let ui = use_ui();
    let plan_title = txt_title(&loaded);
    let stand = loaded
        .data
        .plan
        .as_ref()
        .and_then(|p| p.plan.as_of)
        .map(|s| format::date(&s, ui.lang()));
    let full_href = format!("{}{}", browser::page_base_url(), full.href());
    view! {
        <div class="embed-view" data-testid="embed-view">
            {children()}
            <p class="embed-source wrap">
                {ui.t("embed.source")}" "
                <a href=full_href target="_blank" rel="noopener">{plan_title()}</a>
                {stand.map(|s| format!(" · {}: {s}", ui.t("overview.stand")))}
            </p>
        </div>
    }
}

/// The plan's title, marked with its language, as often as it is needed.
fn txt_title(loaded: &Arc<Loaded>) -> impl Fn() -> Option<AnyView> {
    let loaded = loaded.clone();
    move || {
        let ui = use_ui();
        let ds = &loaded.data;
        ds.plan
            .as_ref()
            .map(|p| txt(&p.plan.title, ds.default_lang(), &ui).into_any())
    }
}
