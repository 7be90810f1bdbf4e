//! The data situation ("Datenlage"): every indicator with its state (current, overdue, no data
//! yet), its latest period, when the next values are due (or expected, with the reason there are
//! none yet) and how many of its series have values, in a table the reader can sort.

use std::sync::Arc;

use leptos::prelude::*;
use wegmarke_core::coverage::{counts, coverage, Coverage, DataState};
use wegmarke_core::sort::sort_by;
use wegmarke_core::text::fold;
use wegmarke_core::{format, Date};

use crate::components::text::{plain, txt};
use crate::load::Loaded;
use crate::route::Route;
use crate::ui::{set_title, use_ui, Ui};

/// A column the table can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Indicator,
    State,
    Latest,
    Next,
    Series,
}

impl Column {
    const ALL: [Column; 5] = [
        Column::Indicator,
        Column::State,
        Column::Latest,
        Column::Next,
        Column::Series,
    ];

    fn key(self) -> &'static str {
        match self {
            Column::Indicator => "coverage.col.indicator",
            Column::State => "coverage.col.state",
            Column::Latest => "coverage.col.latest",
            Column::Next => "coverage.col.next",
            Column::Series => "coverage.col.series",
        }
    }
}

/// When the next values are due: the announced update, else the expected first data.
fn due(c: &Coverage) -> Option<Date> {
    c.indicator.next_update.or(c.indicator.expected_from)
}

/// Sorts the rows by a column, ascending or not; ties keep the data's order.
fn sort<'a>(
    rows: Vec<Coverage<'a>>,
    by: Column,
    ascending: bool,
    ui: &Ui,
    d: &str,
) -> Vec<Coverage<'a>> {
    // Each title folded once (case and diacritics do not decide the order).
    let mut keyed: Vec<(String, Coverage)> = rows
        .into_iter()
        .map(|c| (fold(&plain(&c.indicator.title, d, ui)), c))
        .collect();
    sort_by(&mut keyed, |(ta, a), (tb, b)| {
        let order = match by {
            Column::Indicator => ta.cmp(tb),
            Column::State => a.state.cmp(&b.state),
            Column::Latest => a.latest.cmp(&b.latest),
            Column::Next => due(a).cmp(&due(b)),
            Column::Series => a.series_with_values.cmp(&b.series_with_values),
        };
        if ascending {
            order
        } else {
            order.reverse()
        }
    });
    keyed.into_iter().map(|(_, c)| c).collect()
}

/// The one line the overview shows, e.g. "12 von 15 Indikatoren mit aktuellen Daten, 2
/// überfällig, 1 ohne Daten".
pub fn summary_line(loaded: &Loaded, ui: &Ui) -> Option<String> {
    let inds = loaded.data.indicators();
    let stand = loaded.data.plan.as_ref().and_then(|p| p.plan.as_of);
    let c = counts(inds, stand.as_ref());
    (c.total > 0).then(|| {
        ui.tf(
            "coverage.summary",
            &[
                ("current", &c.current.to_string()),
                ("total", &c.total.to_string()),
                ("overdue", &c.overdue.to_string()),
                ("no_data", &c.no_data.to_string()),
            ],
        )
    })
}

/// The page.
#[component]
pub fn CoveragePage(
    /// The loaded data.
    loaded: Arc<Loaded>,
) -> impl IntoView {
    let ui = use_ui();
    set_title(&ui.t("nav.coverage"));
    let sorting = RwSignal::new((Column::State, false));
    let header = move |col: Column| {
        let ui = use_ui();
        let aria_sort = move || {
            let (by, asc) = sorting.get();
            match (by == col, asc) {
                (false, _) => "none",
                (true, true) => "ascending",
                (true, false) => "descending",
            }
        };
        view! {
            <th scope="col" aria-sort=aria_sort>
                <button type="button" class="sort-button" data-testid=format!("sort-{}", col.key().rsplit('.').next().unwrap_or_default())
                    on:click=move |_| sorting.update(|(by, asc)| if *by == col { *asc = !*asc } else { *by = col; *asc = true })>
                    {ui.t(col.key())}
                    <span class="sort-mark" aria-hidden="true">{move || match aria_sort() { "ascending" => "▲", "descending" => "▼", _ => "" }}</span>
                </button>
            </th>
        }
    };
    let heads = Column::ALL.map(header).collect_view();
    let data = loaded.clone();
    let rows = move || {
        let ui = use_ui();
        let ds = &data.data;
        let d = ds.default_lang();
        let lang = ui.lang();
        let stand = ds.plan.as_ref().and_then(|p| p.plan.as_of);
        let all: Vec<Coverage> = ds
            .indicators()
            .iter()
            .map(|i| coverage(i, stand.as_ref()))
            .collect();
        let (by, asc) = sorting.get();
        let all = sort(all, by, asc, &ui, d);
        all.iter()
            .map(|c| {
                let ind = c.indicator;
                let next = match (ind.next_update, ind.expected_from, c.state) {
                    (_, Some(e), DataState::NoData) => ui.tf("coverage.expected", &[("date", &format::date(&e, lang))]),
                    (Some(n), ..) => format::date(&n, lang),
                    _ => "–".to_owned(),
                };
                let reason = (c.state == DataState::NoData)
                    .then(|| ind.no_data_reason.as_ref().map(|r| view! { <span class="note">{txt(r, d, &ui)}</span> }))
                    .flatten();
                view! {
                    <tr data-testid="coverage-row" data-id=ind.id.clone() data-state=c.state.as_str()>
                        <th scope="row"><a href=Route::Indicator(ind.id.clone()).href()>{txt(&ind.title, d, &ui)}</a></th>
                        <td><span class=format!("data-state data-state-{}", c.state.as_str())>{ui.t(&format!("coverage.state.{}", c.state.as_str()))}</span></td>
                        <td>{c.latest.map_or_else(|| "–".to_owned(), |p| format::period(&p, lang))}</td>
                        <td>{next}{reason}</td>
                        <td>{ui.tf("coverage.series_of", &[("n", &c.series_with_values.to_string()), ("total", &c.series.to_string())])}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <div class="wrap page coverage-page">
            <h1 data-testid="page-title">{ui.t("nav.coverage")}</h1>
            <p>{ui.t("coverage.intro")}</p>
            <p data-testid="coverage-summary"><strong>{summary_line(&loaded, &ui)}</strong></p>
            <p class="hint">{ui.t("coverage.sort_hint")}</p>
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="coverage-caption">
                <table class="data-table coverage-table" data-testid="coverage-table">
                    <caption id="coverage-caption">{ui.t("coverage.caption")}</caption>
                    <thead><tr>{heads}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p><a href=Route::Method.href()>{ui.t("nav.method")}</a></p>
        </div>
    }
}
