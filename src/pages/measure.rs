//! One measure with everything the data contract holds about it.

use std::sync::Arc;

use leptos::prelude::*;
use wegmarke_core::sort::sort_by_key;
use wegmarke_core::{format, Date, Measure, Text};

use crate::components::embed::EmbedButton;
use crate::components::follow::Follow;
use crate::components::lists::indicator_item;
use crate::components::papers::paper_list;
use crate::components::status::StatusBadge;
use crate::components::text::{block, paragraphs, plain, txt};
use crate::load::Loaded;
use crate::pages::not_found::NotFound;
use crate::route::{Embed, Route};
use crate::ui::{set_title, use_ui, Ui};

/// The page of one measure.
#[component]
pub fn MeasurePage(
    /// The loaded data.
    loaded: Arc<Loaded>,
    /// The measure's id.
    id: String,
) -> impl IntoView {
    let ui = use_ui();
    let ds = &loaded.data;
    let Some(m) = ds.measure(&id) else {
        return view! { <NotFound/> }.into_any();
    };
    let d = ds.default_lang();
    set_title(&plain(&m.title, d, &ui));
    let lang = ui.lang();
    let date = |x: &Date| format::date(x, lang);
    let actor_link = |id: &String| {
        let name = match ds.actor(id) {
            Some(a) => txt(&a.name, d, &ui).into_any(),
            None => id.clone().into_any(),
        };
        view! { <a href=Route::Actor(id.clone()).href()>{name}</a> }
    };
    let progress = wegmarke_core::rollup::effective_progress(m);
    let description = m.description.as_ref().map(|t| paragraphs(t, d, &ui));
    let goals = m
        .goals
        .iter()
        .filter_map(|g| ds.goal(g))
        .map(|g| {
            let field = ds.field(&g.field);
            view! {
                <li>
                    {field.map(|f| view! { <a href=Route::Field(f.id.clone()).href()>{txt(&f.title, d, &ui)}</a>" › " })}
                    {txt(&g.title, d, &ui)}
                </li>
            }
        })
        .collect_view();
    // The feeds of the fields of action this measure serves, each once.
    let mut follow_fields: Vec<(String, Text)> = Vec::new();
    for f in m.goals.iter().filter_map(|g| ds.field_of_goal(g)) {
        if !follow_fields.iter().any(|(id, _)| *id == f.id) {
            follow_fields.push((f.id.clone(), f.title.clone()));
        }
    }
    let indicators: Vec<_> = m
        .indicators
        .iter()
        .filter_map(|i| ds.indicator(i))
        .collect();
    // Declared districts by name; without declared districts the words as written.
    let districts = m
        .districts
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let name = match ds.district(id) {
                Some(x) => txt(&x.name, d, &ui).into_any(),
                None => id.clone().into_any(),
            };
            view! { {(i > 0).then_some(", ")}{name} }
        })
        .collect_view();
    let list = |items: &[Text]| {
        items
            .iter()
            .map(|t| view! { <li>{txt(t, d, &ui)}</li> })
            .collect_view()
    };

    view! {
        <article class="wrap page measure-page" data-testid="measure">
            <nav class="breadcrumb" aria-label=ui.t("nav.breadcrumb")>
                <a href="#/">{ui.t("nav.overview")}</a>" › "<a href=Route::Measures.href()>{ui.t("nav.measures")}</a>" › "
            </nav>
            <p class="measure-id">{m.id.clone()}</p>
            { let (marks, shown) = block(&m.title, d, &ui); view! { <h1 data-testid="page-title" {..marks}>{shown}</h1> } }
            <div class="status-line">
                <StatusBadge status=m.status/>
                {progress.map(|p| view! {
                    <span class="progress-inline">
                        <progress max="100" value=format::fixed(p, 0) aria-label=ui.t("overview.progress")></progress>
                        " "{format::percent(p, lang)}
                    </span>
                })}
            </div>
            {m.status_note.as_ref().map(|t| view! { <p class="status-note" data-testid="status-note"><strong>{ui.t("measure.status_note")}": "</strong>{txt(t, d, &ui)}</p> })}
            {m.easy_summary.as_ref().map(|t| view! {
                <section class="easy" aria-labelledby="easy-title" data-testid="easy-summary">
                    <h2 id="easy-title">{ui.t("measure.easy")}</h2>
                    { let (marks, shown) = block(t, d, &ui); view! { <p {..marks}>{shown}</p> } }
                </section>
            })}
            {m.summary.as_ref().map(|t| { let (marks, shown) = block(t, d, &ui); view! { <p class="lead" {..marks}>{shown}</p> } })}
            <EmbedButton route=Route::Embed(Embed::Measure(m.id.clone())) title=plain(&m.title, d, &ui)/>
            {description}
            <dl class="facts">
                <dt>{ui.t("measure.goals")}</dt><dd><ul class="plain">{goals}</ul></dd>
                {m.lead.as_ref().map(|l| view! { <dt>{ui.t("measure.lead")}</dt><dd>{actor_link(l)}</dd> })}
                {(!m.partners.is_empty()).then(|| view! {
                    <dt>{ui.t("measure.partners")}</dt>
                    <dd><ul class="plain">{m.partners.iter().map(|p| view! { <li>{actor_link(p)}</li> }).collect_view()}</ul></dd>
                })}
                {(!m.target_groups.is_empty()).then(|| view! { <dt>{ui.t("measure.target_groups")}</dt><dd><ul class="plain">{list(&m.target_groups)}</ul></dd> })}
                {(!m.districts.is_empty()).then(|| view! { <dt>{ui.t("measure.districts")}</dt><dd>{districts}</dd> })}
                {m.budget.as_ref().map(|b| view! {
                    <dt>{ui.t("measure.budget")}</dt>
                    <dd>
                        {format::value_with_unit(b.amount, Some(0), Some(b.currency.as_deref().unwrap_or("EUR")), lang)}
                        {b.funding.as_ref().map(|f| view! { " ("{txt(f, d, &ui)}")" })}
                    </dd>
                })}
                {m.last_updated().map(|x| view! { <dt>{ui.t("measure.last_updated")}</dt><dd data-testid="last-updated">{date(&x)}</dd> })}
            </dl>
            {timeline(m, &ui, d)}
            {(!indicators.is_empty()).then(|| view! {
                <h2>{ui.t("nav.indicators")}</h2>
                <ul class="indicator-list">{indicators.iter().map(|i| indicator_item(i, ds)).collect_view()}</ul>
            })}
            {(!m.papers.is_empty()).then(|| view! {
                <section aria-labelledby="papers-title" data-testid="measure-papers">
                    <h2 id="papers-title">{ui.t("papers.title")}</h2>
                    {paper_list(&m.papers, d, &ui)}
                </section>
            })}
            {(!m.links.is_empty()).then(|| view! {
                <h2>{ui.t("measure.links")}</h2>
                <ul>{m.links.iter().map(|l| view! { <li><a href=l.url.clone() rel="noopener noreferrer">{txt(&l.title, d, &ui)}</a></li> }).collect_view()}</ul>
            })}
            <Follow data_url=loaded.data_url.clone() fields=follow_fields default_lang=d.to_owned()/>
        </article>
    }
    .into_any()
}

/// Start, end, milestones and the public update log, in date order.
fn timeline(m: &Measure, ui: &Ui, d: &str) -> impl IntoView {
    let lang = ui.lang();
    let mut items: Vec<(Date, AnyView)> = Vec::new();
    if let Some(s) = m.start {
        items.push((
            s,
            view! { <span class="tl-kind">{ui.t("measure.start")}</span> }.into_any(),
        ));
    }
    if let Some(e) = m.end {
        let key = if m.actual_end.is_some() {
            "measure.planned_end"
        } else {
            "measure.end"
        };
        items.push((
            e,
            view! { <span class="tl-kind">{ui.t(key)}</span> }.into_any(),
        ));
    }
    if let Some(e) = m.actual_end {
        items.push((
            e,
            view! { <span class="tl-kind">{ui.t("measure.actual_end")}</span> }.into_any(),
        ));
    }
    for ms in &m.milestones {
        let done = if ms.done {
            ("✔", ui.t("measure.milestone_done"))
        } else {
            ("○", ui.t("measure.milestone_open"))
        };
        items.push((ms.date, view! {
            <span class="tl-kind">{ui.t("measure.milestone")}</span>" "
            <span aria-hidden="true">{done.0}</span><span class="visually-hidden">{done.1}</span>" "
            {txt(&ms.title, d, ui)}
        }.into_any()));
    }
    for u in &m.updates {
        items.push((
            u.date,
            view! {
                <span class="tl-kind">{ui.t("measure.update")}</span>" "
                {u.status.map(|s| view! { <StatusBadge status=s/>" " })}
                {u.progress.map(|p| view! { <span>{format::percent(p, lang)}</span>" " })}
                {u.text.as_ref().map(|t| txt(t, d, ui))}
            }
            .into_any(),
        ));
    }
    sort_by_key(&mut items, |(date, _)| *date);
    (!items.is_empty()).then(|| view! {
        <section aria-labelledby="timeline-title">
            <h2 id="timeline-title">{ui.t("measure.timeline")}</h2>
            <ol class="timeline" data-testid="timeline">
                {items.into_iter().map(|(date, body)| view! {
                    <li><time datetime=date.to_string()>{format::date(&date, lang)}</time>" "{body}</li>
                }).collect_view()}
            </ol>
        </section>
    })
}
