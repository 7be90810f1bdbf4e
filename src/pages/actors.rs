//! Actors: everyone who carries out measures, with the measures they lead or support.

use std::sync::Arc;

use leptos::prelude::*;
use wegmarke_core::{Actor, Dataset};

use crate::components::lists::measure_item;
use crate::components::text::{block, plain, txt};
use crate::load::Loaded;
use crate::pages::not_found::NotFound;
use crate::route::{Location, Route};
use crate::ui::{set_title, use_ui, Ui};

/// An actor with its measures; in the list of all actors (`heading`), only counts with links
/// to the filtered explorer, so a plan with thousands of measures stays fast.
fn actor_section(a: &Actor, ds: &Dataset, ui: &Ui, heading: bool) -> impl IntoView {
    let d = ds.default_lang();
    let leads: Vec<_> = ds
        .measures()
        .iter()
        .filter(|m| m.lead.as_ref() == Some(&a.id))
        .collect();
    let partners: Vec<_> = ds
        .measures()
        .iter()
        .filter(|m| m.partners.contains(&a.id))
        .collect();
    let kind = ui.t(&format!("actor.kind.{}", a.kind.as_str()));
    // Under the actor's own h1 the lists are h2; in the list of all actors, h3.
    let sub = if heading { 3 } else { 2 };
    view! {
        <section class="actor" data-testid="actor" data-id=a.id.clone()>
            {heading.then(|| view! { <h2><a href=Route::Actor(a.id.clone()).href()>{txt(&a.name, d, ui)}</a></h2> })}
            <p class="meta">{kind}{a.url.clone().map(|u| view! { " · "<a href=u rel="noopener noreferrer">{use_ui().t("actor.website")}</a> })}</p>
            {heading.then(|| {
                let explore = Location::href_with(&Route::Measures, &[("lead", a.id.clone())]);
                view! {
                    <p class="actor-counts">
                        <a href=explore>{ui.tf("actor.leads", &[("count", &leads.len().to_string())])}</a>
                        " · "{ui.tf("actor.partners", &[("count", &partners.len().to_string())])}
                    </p>
                }
            })}
            {(!heading && !leads.is_empty()).then(|| view! {
                <Sub level=sub text=ui.tf("actor.leads", &[("count", &leads.len().to_string())])/>
                <ul class="measure-list">{leads.iter().map(|m| measure_item(m, ds, ui)).collect_view()}</ul>
            })}
            {(!heading && !partners.is_empty()).then(|| view! {
                <Sub level=sub text=ui.tf("actor.partners", &[("count", &partners.len().to_string())])/>
                <ul class="measure-list">{partners.iter().map(|m| measure_item(m, ds, ui)).collect_view()}</ul>
            })}
        </section>
    }
}

/// A sub-heading at the level that keeps the heading order intact.
#[component]
fn Sub(
    /// 2 or 3.
    level: u8,
    /// The heading text.
    text: String,
) -> impl IntoView {
    if level == 2 {
        view! { <h2>{text}</h2> }.into_any()
    } else {
        view! { <h3>{text}</h3> }.into_any()
    }
}

/// All actors.
#[component]
pub fn ActorsPage(
    /// The loaded data.
    loaded: Arc<Loaded>,
) -> impl IntoView {
    let ui = use_ui();
    set_title(&ui.t("nav.actors"));
    let ds = &loaded.data;
    view! {
        <div class="wrap page actors-page">
            <h1 data-testid="page-title">{ui.t("nav.actors")}</h1>
            <p>{ui.t("actors.intro")}</p>
            {ds.actors().iter().map(|a| actor_section(a, ds, &ui, true)).collect_view()}
        </div>
    }
}

/// One actor.
#[component]
pub fn ActorPage(
    /// The loaded data.
    loaded: Arc<Loaded>,
    /// The actor's id.
    id: String,
) -> impl IntoView {
    let ui = use_ui();
    let ds = &loaded.data;
    let Some(a) = ds.actor(&id) else {
        return view! { <NotFound/> }.into_any();
    };
    set_title(&plain(&a.name, ds.default_lang(), &ui));
    view! {
        <div class="wrap page actor-page">
            <nav class="breadcrumb" aria-label=ui.t("nav.breadcrumb")>
                <a href="#/">{ui.t("nav.overview")}</a>" › "<a href=Route::Actors.href()>{ui.t("nav.actors")}</a>" › "
            </nav>
            { let (marks, shown) = block(&a.name, ds.default_lang(), &ui); view! { <h1 data-testid="page-title" {..marks}>{shown}</h1> } }
            {actor_section(a, ds, &ui, false)}
        </div>
    }
    .into_any()
}
