//! The search page (`#/suche?q=…`), reached from every page's header and from the overview's
//! search form: measures, indicators, fields of action, goals and actors found as the reader
//! types, grouped by kind, the query in the address, the count announced.

use std::collections::BTreeSet;
use std::sync::Arc;

use leptos::prelude::*;
use wegmarke_core::search::{total, Group, Kind};

use crate::browser;
use crate::components::later::painted;
use crate::components::lists::measure_item;
use crate::components::search::{site_index, warm, SearchField};
use crate::components::text::{txt, with_text};
use crate::load::Loaded;
use crate::route::{Location, Route};
use crate::ui::{replace_location, set_title, use_location, use_ui, Ui};

/// Results shown per group before "show all".
const SHOWN: usize = 8;

/// The search page.
#[component]
pub fn SearchPage(
    /// The loaded data.
    loaded: Arc<Loaded>,
) -> impl IntoView {
    let ui = use_ui();
    set_title(&ui.t("nav.search"));
    let location = use_location();
    let query = Memo::new(move |_| location.with(|l| l.param("q").unwrap_or_default().to_owned()));
    let searching = Memo::new(move |_| !query.with(|q| q.trim().is_empty()));
    let count = RwSignal::new(None::<usize>);
    let on_focus = {
        let (loaded, lang) = (loaded.clone(), ui.lang());
        Callback::new(move |()| warm(loaded.clone(), lang))
    };
    let on_input = Callback::new(move |q: String| {
        replace_location(location, &Location::href_with(&Route::Search, &[("q", q)]));
    });
    // Enter goes to the first result (the results are already there as the reader types).
    let on_submit =
        Callback::new(|_: String| browser::focus_first("[data-testid=search-results] a"));
    let status = move || {
        let n = count.get().filter(|_| searching.get())?;
        let ui = use_ui();
        Some(match n {
            0 => ui.t("search.none"),
            n => ui.tf("search.count", &[("count", &n.to_string())]),
        })
    };
    // The field first; the results (searching every kind of entry) once it is painted.
    let settled = painted();
    let results = move || {
        let loaded = loaded.clone();
        (settled.get() && searching.get()).then(|| view! { <Results loaded query count/> })
    };
    view! {
        <div class="wrap page search-page">
            <h1 data-testid="page-title">{ui.t("nav.search")}</h1>
            <SearchField value=query on_focus on_input on_submit autofocus=true/>
            <p class="search-count" role="status" data-testid="search-count">{status}</p>
            {results}
        </div>
    }
}

/// The results, grouped by kind; each group shows its first few with a button for the rest.
/// Groups are keyed by kind and rows by entry, so a keystroke moves or reuses rows instead of
/// drawing every group anew.
#[component]
fn Results(
    loaded: Arc<Loaded>,
    query: Memo<String>,
    count: RwSignal<Option<usize>>,
) -> impl IntoView {
    let index = site_index(&loaded, use_ui().lang());
    let groups = {
        let loaded = loaded.clone();
        Memo::new(move |_| query.with(|q| index.find(&loaded.data, q)))
    };
    Effect::new(move |_| count.set(Some(groups.with(|g| total(g)))));
    on_cleanup(move || count.set(None));
    // The groups opened with "show all", until the query changes.
    let opened = RwSignal::new(BTreeSet::<Kind>::new());
    Effect::new(move |_| {
        query.track();
        opened.set(BTreeSet::new());
    });
    let kinds = move || groups.with(|gs| gs.iter().map(|g| g.kind).collect::<Vec<_>>());
    view! {
        <div class="search-results" data-testid="search-results">
            <For each=kinds key=|k| *k let:kind>
                {group_view(&loaded, kind, groups, opened, query)}
            </For>
        </div>
    }
}

fn group_view(
    loaded: &Arc<Loaded>,
    kind: Kind,
    groups: Memo<Vec<Group>>,
    opened: RwSignal<BTreeSet<Kind>>,
    query: Memo<String>,
) -> impl IntoView {
    let ui = use_ui();
    let hits = Memo::new(move |_| {
        groups.with(|gs| {
            gs.iter()
                .find(|g| g.kind == kind)
                .map(|g| g.hits.clone())
                .unwrap_or_default()
        })
    });
    let n = move || hits.with(Vec::len);
    let all = move || opened.with(|o| o.contains(&kind));
    let shown = move || {
        let limit = if all() { usize::MAX } else { SHOWN };
        hits.with(|h| h.iter().copied().take(limit).collect::<Vec<usize>>())
    };
    let row = {
        let loaded = loaded.clone();
        move |i: usize| hit(&loaded, kind, i, &use_ui())
    };
    let heading = format!("search-{}", kind.as_str());
    let labelled_by = heading.clone();
    let more = move || {
        (n() > SHOWN && !all()).then(|| {
            view! {
                <button type="button" class="button secondary" data-testid="search-more"
                    on:click=move |_| {
                        opened.update(|o| { o.insert(kind); });
                        // The button goes away: the focus goes on to the first result it showed.
                        request_animation_frame(move || browser::focus_first(&format!(
                            "[data-testid=search-results] [data-kind={}] li:nth-child({}) a",
                            kind.as_str(),
                            SHOWN + 1
                        )));
                    }>
                    {move || use_ui().tf("search.more", &[("count", &n().to_string())])}
                </button>
            }
        })
    };
    let explorer = (kind == Kind::Measure).then(|| {
        let href = move || Location::href_with(&Route::Measures, &[("q", query.get())]);
        view! { <a class="search-explorer" href=href>{ui.t("search.in_explorer")}</a> }
    });
    view! {
        <section class="search-group" aria-labelledby=labelled_by data-testid="search-group" data-kind=kind.as_str()>
            <h2 id=heading>{ui.t(&format!("search.kind.{}", kind.as_str()))}" "<span class="search-group-count">"("{n}")"</span></h2>
            <ul class="search-hits"><For each=shown key=|i| *i children=row/></ul>
            {more}
            {explorer}
        </section>
    }
}

/// One result: a link to its page, with what tells it apart.
fn hit(loaded: &Loaded, kind: Kind, i: usize, ui: &Ui) -> AnyView {
    let ds = &loaded.data;
    let d = ds.default_lang();
    let link = |href: String, title| {
        view! { <li class="search-hit"><a href=href>{txt(title, d, ui)}</a></li> }.into_any()
    };
    match kind {
        Kind::Measure => match ds.measures().get(i) {
            Some(m) => measure_item(m, ds, ui).into_any(),
            None => ().into_any(),
        },
        Kind::Indicator => match ds.indicators().get(i) {
            Some(x) => link(Route::Indicator(x.id.clone()).href(), &x.title),
            None => ().into_any(),
        },
        Kind::Field => match ds.fields().get(i) {
            Some(f) => link(Route::Field(f.id.clone()).href(), &f.title),
            None => ().into_any(),
        },
        Kind::Goal => match ds.goals().get(i) {
            Some(g) => {
                let field = ds.field(&g.field);
                let context = field.map(|f| {
                    let name = txt(&f.title, d, ui);
                    view! { <span class="search-context">{with_text(&ui.t("search.goal_in"), "field", name)}</span> }
                });
                let href = Route::Field(g.field.clone()).href();
                view! {
                    <li class="search-hit"><a href=href>{txt(&g.title, d, ui)}</a>" "{context}</li>
                }
                .into_any()
            }
            None => ().into_any(),
        },
        Kind::Actor => match ds.actors().get(i) {
            Some(a) => link(Route::Actor(a.id.clone()).href(), &a.name),
            None => ().into_any(),
        },
    }
}
