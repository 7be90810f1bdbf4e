//! The measures explorer: filters, search and sort kept in the address (shareable), the
//! result count announced to screen readers, and a CSV download of the current selection.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wegmarke_core::districts::{measure_counts, DistrictCount};
use wegmarke_core::explore::{filter_values, Filter, SearchIndex, SortKey};
use wegmarke_core::{csv, Dataset, Status};

use crate::browser;
use crate::components::district_map::{boundaries_url, count_format, DistrictMap};
use crate::components::districts::{count_table, count_values};
use crate::components::later::painted;
use crate::components::lists::measure_item;
use crate::components::text::{mark, Marked};
use crate::load::{Loaded, PerData};
use crate::route::{Location, Route};
use crate::ui::{replace_location, set_title, use_location, use_ui};

/// How many rows are shown before "show more".
const PAGE: usize = 50;
/// Rows built before the page is first painted: more than a screen holds, on a phone or a
/// desktop with the filters open.
const FIRST_SCREEN: usize = 12;

/// Screens on which the filters start open (the width at which the header is no longer the
/// phone's, see style/main.css).
const WIDE: &str = "(min-width: 48rem)";

fn filter_from(loc: &Location) -> (Filter, SortKey) {
    let opt = |k: &str| loc.param(k).filter(|v| !v.is_empty()).map(str::to_owned);
    let filter = Filter {
        field: opt("field"),
        goal: opt("goal"),
        statuses: loc
            .params("status")
            .into_iter()
            .filter_map(Status::parse)
            .collect(),
        lead: opt("lead"),
        target_group: opt("group"),
        district: opt("district"),
        query: loc.param("q").unwrap_or_default().to_owned(),
    };
    let sort = loc
        .param("sort")
        .and_then(SortKey::parse)
        .unwrap_or_default();
    (filter, sort)
}

fn href_of(filter: &Filter, sort: SortKey) -> String {
    let mut q: Vec<(&str, String)> = vec![
        ("q", filter.query.clone()),
        ("field", filter.field.clone().unwrap_or_default()),
        ("goal", filter.goal.clone().unwrap_or_default()),
        ("lead", filter.lead.clone().unwrap_or_default()),
        ("group", filter.target_group.clone().unwrap_or_default()),
        ("district", filter.district.clone().unwrap_or_default()),
    ];
    for s in &filter.statuses {
        q.push(("status", s.as_str().to_owned()));
    }
    if sort != SortKey::default() {
        q.push(("sort", sort.as_str().to_owned()));
    }
    Location::href_with(&Route::Measures, &q)
}

fn event_value(ev: &leptos::ev::Event) -> String {
    ev.target()
        .and_then(|t| {
            t.dyn_ref::<web_sys::HtmlInputElement>()
                .map(|i| i.value())
                .or_else(|| t.dyn_ref::<web_sys::HtmlSelectElement>().map(|s| s.value()))
        })
        .unwrap_or_default()
}

thread_local! {
    /// The search index of the data on screen, kept between visits of the explorer.
    static INDEX: PerData<SearchIndex> = const { PerData::new() };
}

/// The search index for this data and language, built on the first visit of the explorer.
fn search_index(loaded: &Arc<Loaded>, lang: &'static str) -> Arc<SearchIndex> {
    INDEX.with(|index| {
        index.get(loaded, lang, || {
            SearchIndex::new(loaded.data.measures(), lang, loaded.data.default_lang())
        })
    })
}

/// The explorer page.
#[component]
pub fn MeasuresPage(
    /// The loaded data.
    loaded: Arc<Loaded>,
) -> impl IntoView {
    let ui = use_ui();
    let lang = ui.lang();
    let location = use_location();
    set_title(&ui.t("nav.measures"));
    let index = search_index(&loaded, lang);
    // Fold the search texts when the reader goes to the search field, before the first
    // keystroke (which would do it otherwise); readers who only filter never pay for it.
    let warm = {
        let (index, loaded) = (index.clone(), loaded.clone());
        move |_| index.warm(&loaded.data)
    };
    let state = Memo::new(move |_| location.with(filter_from));
    let update = move |f: &dyn Fn(&mut Filter, &mut SortKey)| {
        let (mut filter, mut sort) = state.get_untracked();
        f(&mut filter, &mut sort);
        replace_location(location, &href_of(&filter, sort));
    };
    let results = {
        let (loaded, index) = (loaded.clone(), index.clone());
        Memo::new(move |_| {
            let (filter, sort) = state.get();
            index.positions(&loaded.data, &filter, sort)
        })
    };
    let limit = RwSignal::new(PAGE);
    // The first screen's rows first; the rest of the first page once it is painted.
    let settled = painted();

    let ds = &loaded.data;
    let d = ds.default_lang().to_owned();
    let option =
        |value: String, label: String| view! { <option value=value>{label}</option> }.into_any();
    let marked = |value: String, m: Marked| {
        view! { <option value=value lang=m.lang dir=m.dir>{m.text}</option> }.into_any()
    };
    let fields: Vec<_> = ds
        .fields()
        .into_iter()
        .map(|f| marked(f.id.clone(), mark(&f.title, &d, &ui)))
        .collect();
    let goals: Vec<_> = ds
        .goals()
        .iter()
        .map(|g| marked(g.id.clone(), mark(&g.title, &d, &ui)))
        .collect();
    // Distinct first (a set), not by sorting thousands of repeated ids.
    let leads: std::collections::BTreeSet<&str> = ds
        .measures()
        .iter()
        .filter_map(|m| m.lead.as_deref())
        .collect();
    let leads: Vec<_> = leads
        .into_iter()
        .filter_map(|id| ds.actor(id))
        .map(|a| marked(a.id.clone(), mark(&a.name, &d, &ui)))
        .collect();
    let (groups, districts) = filter_values(ds.measures(), lang, &d);
    // A target group shown in the plan's language on another language's page is marked as such
    // (WCAG 3.1.2), like the fields, goals and actors above. District names are names.
    // Marked once per distinct value, not once per measure (thousands of repeats).
    let mut group_marks: std::collections::HashMap<&str, Marked> = Default::default();
    for t in ds.measures().iter().flat_map(|m| &m.target_groups) {
        group_marks
            .entry(t.resolve(lang, &d))
            .or_insert_with(|| mark(t, &d, &ui));
    }
    let groups: Vec<_> = groups
        .into_iter()
        .map(|g| match group_marks.remove(g.as_str()) {
            Some(m) => marked(g, m),
            None => option(g.clone(), g),
        })
        .collect();
    // Declared districts by name (the value stays the id), sorted by name.
    let mut districts: Vec<(String, Option<Marked>)> = districts
        .into_iter()
        .map(|id| {
            let name = ds.district(&id).map(|x| mark(&x.name, &d, &ui));
            (id, name)
        })
        .collect();
    wegmarke_core::sort::sort_by_cached_key(&mut districts, |(id, name)| {
        wegmarke_core::text::fold(name.as_ref().map_or(id.as_str(), |n| n.text.as_str()))
    });
    let districts: Vec<_> = districts
        .into_iter()
        .map(|(id, name)| match name {
            Some(m) => marked(id, m),
            None => option(id.clone(), id),
        })
        .collect();

    let select = move |id: &'static str,
                       label: String,
                       options: Vec<AnyView>,
                       get: fn(&Filter) -> Option<String>,
                       set: fn(&mut Filter, Option<String>)| {
        let all = use_ui().t("explore.all");
        view! {
            <div class="control">
                <label for=id>{label}</label>
                <select id=id data-testid=id
                    prop:value=move || state.with(|(f, _)| get(f).unwrap_or_default())
                    on:change=move |ev| {
                        let v = event_value(&ev);
                        update(&|f, _| set(f, Some(v.clone()).filter(|s| !s.is_empty())));
                    }>
                    <option value="">{all}</option>
                    {options}
                </select>
            </div>
        }
    };

    let statuses = Status::ALL
        .into_iter()
        .map(|s| {
            let checked = move || state.with(|(f, _)| f.statuses.contains(&s));
            view! {
                <label class="check">
                    <input type="checkbox" data-testid=format!("status-{}", s.as_str()) prop:checked=checked
                        on:change=move |_| update(&|f, _| {
                            if f.statuses.contains(&s) { f.statuses.retain(|x| *x != s) } else { f.statuses.push(s) }
                        })/>
                    <span aria-hidden="true">{s.icon()}</span>" "{use_ui().t(&format!("status.{}", s.as_str()))}
                </label>
            }
        })
        .collect_view();
    let sorts = SortKey::ALL
        .into_iter()
        .map(|k| view! { <option value=k.as_str()>{use_ui().t(&format!("explore.sort.{}", k.as_str()))}</option> })
        .collect_view();

    // Keyed rows: a keystroke moves or reuses rows instead of rebuilding them.
    let shown = move || {
        let n = if settled.get() {
            limit.get()
        } else {
            FIRST_SCREEN
        };
        results.with(|r| r.iter().copied().take(n).collect::<Vec<usize>>())
    };
    let row = {
        let loaded = loaded.clone();
        move |i: usize| measure_item(&loaded.data.measures()[i], &loaded.data, &use_ui())
    };
    let count = move || {
        let n = results.with(Vec::len);
        use_ui().tf("explore.count", &[("count", &n.to_string())])
    };
    let more = move || {
        let n = results.with(Vec::len);
        (settled.get() && n > limit.get()).then(|| {
            view! {
                <button type="button" class="button secondary" data-testid="more"
                    on:click=move |_| limit.update(|l| *l += PAGE)>
                    {use_ui().tf("explore.more", &[("count", &(n - limit.get()).min(PAGE).to_string())])}
                </button>
            }
        })
    };
    // The current selection as CSV in a dialect, built when the link is clicked.
    let download = {
        let loaded = loaded.clone();
        move |dialect: csv::Dialect| {
            let loaded = loaded.clone();
            move |ev: leptos::ev::MouseEvent| {
                ev.prevent_default();
                let all = loaded.data.measures();
                let chosen: Vec<_> = results
                    .get_untracked()
                    .into_iter()
                    .filter_map(|i| all.get(i))
                    .collect();
                let text = csv::measures(&chosen, lang, loaded.data.default_lang(), dialect);
                let stand = loaded.data.plan.as_ref().and_then(|p| p.plan.as_of);
                let name = csv::csv_file_name("massnahmen", stand.as_ref(), dialect);
                browser::download(&name, "text/csv", &text);
            }
        }
    };
    // The filtered measures per district, behind a closed disclosure so the results come first:
    // counted once per change of the results, and only while the panel is open (a keystroke in
    // the search counts nothing for a closed panel, and its table and map are empty). Kept as (measures, running) per declared
    // district, in the plan's order; the table and the map both read it.
    let panel = NodeRef::<leptos::html::Details>::new();
    let panel_open = RwSignal::new(false);
    let district_counts = {
        let loaded = loaded.clone();
        Memo::new(move |_| {
            // A closed panel keeps nothing: opened again, it never shows the counts of
            // earlier filters.
            if !panel_open.get() {
                return None;
            }
            let ds = &loaded.data;
            let all = ds.measures();
            results.with(|r| {
                let counts = measure_counts(ds.districts(), r.iter().filter_map(|i| all.get(*i)));
                Some(
                    counts
                        .iter()
                        .map(|c| (c.measures, c.running))
                        .collect::<Vec<_>>(),
                )
            })
        })
    };
    let by_district = {
        let loaded = loaded.clone();
        move || {
            let ds = &loaded.data;
            let ui = use_ui();
            district_counts.with(|counts| {
                counts.as_ref().map(|counts| {
                    count_table(
                        &counts_of(ds, counts),
                        ui.t("districts.explorer_caption"),
                        "explorer-districts-caption",
                        "explorer-district-table",
                        ds.default_lang(),
                        &ui,
                    )
                })
            })
        }
    };
    // The same counts as a map, where config.json names the boundaries; each area sets the
    // district filter and keeps the others, like the district select.
    let map_values = {
        let loaded = loaded.clone();
        Memo::new(move |_| {
            let ds = &loaded.data;
            let ui = use_ui();
            let (filter, sort) = state.get();
            district_counts.with(|counts| {
                let counts = counts_of(ds, counts.as_deref().unwrap_or_default());
                count_values(&counts, ds.default_lang(), &ui, |district| {
                    let here = Filter {
                        district: Some(district.to_owned()),
                        ..filter.clone()
                    };
                    href_of(&here, sort)
                })
            })
        })
    };
    // Mounted when the panel first opens, so that readers who never open it never download the
    // boundary file; kept when it closes, so that it is not fetched again.
    let map = {
        let boundaries = boundaries_url(&loaded);
        let data_lang = loaded.data.default_lang().to_owned();
        let opened = Memo::new(move |before: Option<&bool>| {
            before.copied().unwrap_or(false) || panel_open.get()
        });
        move || {
            let ui = use_ui();
            opened.get().then(|| {
                view! {
                    <DistrictMap id="explorer-map" boundaries=boundaries.clone() values=map_values
                        label=ui.t("districts.explorer_caption") format=count_format(lang)
                        data_lang=data_lang.clone() hint=ui.t("map.explorer_hint")/>
                }
            })
        }
    };
    let districts_panel = (!loaded.data.districts().is_empty()).then(|| {
        view! {
            <details class="explorer-districts" data-testid="explorer-districts" node_ref=panel
                on:toggle=move |_| panel_open.set(panel.get().is_some_and(|d| d.open()))>
                <summary>{ui.t("districts.explorer")}</summary>
                {map}
                {by_district}
            </details>
        }
    });
    let stand = loaded.data.plan.as_ref().and_then(|p| p.plan.as_of);
    // The filters sit behind one button: closed on a phone, so the first result is on the first
    // screen; open where there is room. The button says how many are set, so a closed panel
    // never hides that the list is narrowed.
    let open = RwSignal::new(browser::media_matches(WIDE));
    let toggle_label = move || {
        let n = state.with(|(f, _)| f.active_count());
        if n == 0 {
            use_ui().t("explore.filters")
        } else {
            use_ui().tf("explore.filters_active", &[("count", &n.to_string())])
        }
    };

    view! {
        <div class="wrap page explorer">
            <h1 data-testid="page-title">{ui.t("nav.measures")}</h1>
            <button type="button" class="disclosure filter-toggle" data-testid="filters-toggle"
                aria-expanded=move || open.get().to_string() aria-controls="filters"
                on:click=move |_| open.update(|o| *o = !*o)>
                // A funnel.
                <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                    <path d="M3 5h18l-7 8v6l-4 2v-8z"/>
                </svg>
                {toggle_label}
                <svg class="chevron" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                    <path d="M6 9l6 6 6-6"/>
                </svg>
            </button>
            <form id="filters" class="filters" role="search" hidden=move || !open.get()
                on:submit=|ev| ev.prevent_default()>
                <div class="control control-search">
                    <label for="search">{ui.t("explore.search")}</label>
                    <input id="search" type="search" data-testid="search" autocomplete="off" on:focus=warm
                        prop:value=move || state.with(|(f, _)| f.query.clone())
                        on:input=move |ev| { let v = event_value(&ev); update(&|f, _| f.query = v.clone()); }/>
                </div>
                {select("field", ui.t("explore.field"), fields, |f| f.field.clone(), |f, v| f.field = v)}
                {select("goal", ui.t("explore.goal"), goals, |f| f.goal.clone(), |f, v| f.goal = v)}
                {select("lead", ui.t("explore.lead"), leads, |f| f.lead.clone(), |f, v| f.lead = v)}
                {select("group", ui.t("explore.group"), groups, |f| f.target_group.clone(), |f, v| f.target_group = v)}
                {select("district", ui.t("explore.district"), districts, |f| f.district.clone(), |f, v| f.district = v)}
                <fieldset class="control statuses">
                    <legend>{ui.t("explore.status")}</legend>
                    {statuses}
                </fieldset>
                <div class="control">
                    <label for="sort">{ui.t("explore.sort")}</label>
                    <select id="sort" data-testid="sort"
                        prop:value=move || state.with(|(_, s)| s.as_str())
                        on:change=move |ev| { let v = event_value(&ev); update(&|_, s| *s = SortKey::parse(&v).unwrap_or_default()); }>
                        {sorts}
                    </select>
                </div>
                <p class="filter-actions">
                    <a href=Route::Measures.href() data-testid="reset">{ui.t("explore.reset")}</a>
                    <span class="download">{ui.t("explore.csv")}": "
                        <a href="#" data-testid="csv" download=csv::csv_file_name("massnahmen", stand.as_ref(), csv::Dialect::Standard) on:click=download(csv::Dialect::Standard)>{ui.t("csv.standard")}</a>
                        " · "
                        <a href="#" data-testid="csv-de" download=csv::csv_file_name("massnahmen", stand.as_ref(), csv::Dialect::German) on:click=download(csv::Dialect::German)>{ui.t("csv.excel_de")}</a>
                    </span>
                </p>
            </form>
            <p class="result-count" role="status" aria-live="polite" data-testid="result-count">{count}</p>
            <ul class="measure-list" data-testid="results">
                <For each=shown key=|i| *i children=row/>
            </ul>
            {more}
            {districts_panel}
        </div>
    }
}

/// The counts kept by the explorer's district panel, (measures, running) per declared district
/// in the plan's order, as the districts' counts again.
fn counts_of<'a>(ds: &'a Dataset, counts: &[(usize, usize)]) -> Vec<DistrictCount<'a>> {
    ds.districts()
        .iter()
        .zip(counts)
        .map(|(district, &(measures, running))| DistrictCount {
            district,
            measures,
            running,
        })
        .collect()
}
