//! The plan's key figures: measures by status and the share finished (on the overview, and
//! embeddable on its own).

use std::sync::Arc;

use leptos::prelude::*;
use wegmarke_core::format;
use wegmarke_core::rollup::StatusCounts;

use crate::components::status::StatusBadge;
use crate::load::Loaded;
use crate::ui::use_ui;

/// Measures by status and the share finished: the overview's key figures (also embeddable).
#[component]
pub fn KeyFigures(
    /// The loaded data.
    loaded: Arc<Loaded>,
) -> impl IntoView {
    let ui = use_ui();
    let counts = StatusCounts::of(loaded.data.measures());
    let done = counts
        .done_percent()
        .map(|p| format::percent(p, ui.lang()))
        .unwrap_or_else(|| "–".into());
    let total = counts.total();
    let status_list = wegmarke_core::Status::ALL
        .into_iter()
        .map(|s| {
            view! {
                <li data-status=s.as_str()>
                    <span class="count">{counts.get(s)}</span>
                    <StatusBadge status=s/>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="key-figures" aria-labelledby="kf-title">
                <h2 id="kf-title">{ui.t("overview.by_status")}</h2>
                <div class="kf-row">
                    <p class="kf">
                        <span class="kf-number" data-testid="measures-total">{total}</span>
                        <span class="kf-label">{ui.t("overview.measures")}</span>
                    </p>
                    <p class="kf">
                        <span class="kf-number" data-testid="done-share">{done}</span>
                        <span class="kf-label">{ui.t("overview.done_share")}</span>
                    </p>
                </div>
                <ul class="status-counts" data-testid="status-counts">{status_list}</ul>
            </section>
    }
}
