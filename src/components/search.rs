//! The site search: one field that finds measures, indicators, fields of action, goals and
//! actors at once (`wegmarke_core::search`), on the overview and on the search page. The field
//! and the announced result count are in the main module; the index and the results live in
//! the explorer's WebAssembly part, fetched when the reader goes to the field.

use std::collections::BTreeSet;
use std::sync::Arc;

use leptos::prelude::*;
use wegmarke_core::search::{total, Group, Kind, SiteIndex};

use crate::browser;
use crate::components::lazy::from_part;
use crate::components::lists::measure_item;
use crate::components::text::{txt, with_text};
use crate::load::Loaded;
use crate::route::{Location, Route};
use crate::split::split_points;
use crate::ui::{replace_location, use_location, use_ui, Ui};

/// Results shown per group before "show all".
const SHOWN: usize = 8;

split_points! {
    explorer fn search_results(loaded: Arc<Loaded>, query: Memo<String>, count: RwSignal<Option<usize>>, route: Route) -> AnyView {
        view! { <Results loaded query count route/> }.into_any()
    }
    explorer fn warm_search(loaded: Arc<Loaded>, lang: &'static str) -> () {
        site_index(&loaded, lang).warm(&loaded.data);
    }
}

/// The search field with its label, the result count for screen readers and the results.
/// The query lives in the address of `route` (`#/?q=…` on the overview, `#/suche?q=…`).
#[component]
pub fn SiteSearch(
    /// The loaded data.
    loaded: Arc<Loaded>,
    /// The page whose address holds the query.
    route: Route,
    /// Put the focus in the field when shown (the search page, reached from the header).
    #[prop(optional)]
    autofocus: bool,
) -> impl IntoView {
    let ui = use_ui();
    let lang = ui.lang();
    let location = use_location();
    let query = Memo::new(move |_| location.with(|l| l.param("q").unwrap_or_default().to_owned()));
    let searching = Memo::new(move |_| !query.with(|q| q.trim().is_empty()));
    let count = RwSignal::new(None::<usize>);
    let field = NodeRef::<leptos::html::Input>::new();
    if autofocus {
        Effect::new(move |_| {
            if let Some(input) = field.get() {
                let _ = input.focus();
            }
        });
    }
    // Fetch the results' part and fold the texts as soon as the reader goes to the field.
    let warm = {
        let loaded = loaded.clone();
        move |_| {
            let loaded = loaded.clone();
            leptos::task::spawn_local(async move {
                let _ = warm_search(loaded, lang).await;
            });
        }
    };
    let address = route.clone();
    let on_input = move |ev: leptos::ev::Event| {
        let q = event_target_value(&ev);
        replace_location(location, &Location::href_with(&address, &[("q", q)]));
    };
    // Enter goes to the first result (the results are already there as the reader types).
    let on_submit = |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        browser::focus_first("[data-testid=search-results] a");
    };
    let status = move || {
        let n = count.get().filter(|_| searching.get())?;
        let ui = use_ui();
        Some(match n {
            0 => ui.t("search.none"),
            n => ui.tf("search.count", &[("count", &n.to_string())]),
        })
    };
    let results = move || {
        searching
            .get()
            .then(|| from_part(search_results(loaded.clone(), query, count, route.clone())))
    };
    view! {
        <form class="site-search" role="search" on:submit=on_submit data-testid="site-search">
            <label for="site-search-q">{ui.t("search.label")}</label>
            <p class="site-search-hint" id="site-search-hint">{ui.t("search.hint")}</p>
            <div class="site-search-row">
                <input id="site-search-q" type="search" name="q" autocomplete="off" enterkeyhint="search"
                    aria-describedby="site-search-hint"
                    data-testid="site-search-q" node_ref=field on:focus=warm on:input=on_input
                    prop:value=move || query.get()/>
                <button type="submit" class="button">
                    <SearchIcon/>
                    <span class="visually-hidden">{ui.t("search.submit")}</span>
                </button>
            </div>
            <p class="search-count" role="status" data-testid="search-count">{status}</p>
        </form>
        {results}
    }
}

/// A magnifying glass.
#[component]
pub fn SearchIcon() -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <circle cx="10.5" cy="10.5" r="6.5"/>
            <path d="M15.5 15.5L21 21"/>
        </svg>
    }
}

/// The site index of the data on screen for one language, with what it was built for.
type CachedIndex = (std::sync::Weak<Loaded>, &'static str, Arc<SiteIndex>);

thread_local! {
    /// Kept between searches: it only changes with the data (a new `Loaded`) or the language.
    static INDEX: std::cell::RefCell<Option<CachedIndex>> = const { std::cell::RefCell::new(None) };
}

fn site_index(loaded: &Arc<Loaded>, lang: &'static str) -> Arc<SiteIndex> {
    INDEX.with(|cell| {
        let mut cell = cell.borrow_mut();
        if let Some((data, l, index)) = cell.as_ref() {
            if *l == lang && data.upgrade().is_some_and(|d| Arc::ptr_eq(&d, loaded)) {
                return index.clone();
            }
        }
        let data = &loaded.data;
        let index = Arc::new(SiteIndex::new(data, lang, data.default_lang()));
        *cell = Some((Arc::downgrade(loaded), lang, index.clone()));
        index
    })
}

/// The results, grouped by kind; each group shows its first few with a button for the rest.
#[component]
fn Results(
    loaded: Arc<Loaded>,
    query: Memo<String>,
    count: RwSignal<Option<usize>>,
    route: Route,
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
    // Ids for the group headings, unique on the overview and the search page.
    let prefix = if route == Route::Search {
        "search"
    } else {
        "overview-search"
    };
    view! {
        <div class="search-results" data-testid="search-results">
            <For each=move || groups.get() key=|g| (g.kind, g.hits.clone()) let:group>
                {group_view(&loaded, group, opened, query, prefix)}
            </For>
        </div>
    }
}

fn group_view(
    loaded: &Arc<Loaded>,
    group: Group,
    opened: RwSignal<BTreeSet<Kind>>,
    query: Memo<String>,
    prefix: &'static str,
) -> impl IntoView {
    let ui = use_ui();
    let kind = group.kind;
    let n = group.hits.len();
    let heading = format!("{prefix}-{}", kind.as_str());
    let labelled_by = heading.clone();
    let items = {
        let loaded = loaded.clone();
        let hits = group.hits.clone();
        move || {
            let all = opened.with(|o| o.contains(&kind));
            hits.iter()
                .take(if all { usize::MAX } else { SHOWN })
                .map(|&i| hit(&loaded, kind, i, &use_ui()))
                .collect_view()
        }
    };
    let more = move || {
        (n > SHOWN && !opened.with(|o| o.contains(&kind))).then(|| {
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
                    {use_ui().tf("search.more", &[("count", &n.to_string())])}
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
            <ul class="search-hits">{items}</ul>
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
