//! Progress and status distribution bars, drawn with HTML and SVG (no chart library, no inline
//! styles: a strict Content-Security-Policy allows them).

use leptos::prelude::*;
use wegmarke_core::format;
use wegmarke_core::rollup::{RollUp, StatusCounts};
use wegmarke_core::Status;

use crate::ui::use_ui;

/// A roll-up as a native progress bar with its number and how it was computed.
#[component]
pub fn ProgressBar(
    /// The roll-up to show.
    rollup: RollUp,
    /// Accessible name of the bar, e.g. the field's title.
    label: String,
) -> impl IntoView {
    let ui = use_ui();
    let lang = ui.lang();
    match rollup.percent {
        Some(p) => {
            let value = format::percent(p, lang);
            let basis = ui.tf(
                "progress.basis",
                &[
                    ("counted", &rollup.counted.to_string()),
                    ("left_out", &rollup.left_out.to_string()),
                ],
            );
            view! {
                <div class="progress">
                    <progress max="100" value=format::fixed(p, 0) aria-label=label></progress>
                    <span class="progress-value">{value}</span>
                    <span class="progress-basis">{basis}</span>
                </div>
            }
            .into_any()
        }
        None => view! { <p class="progress-none">{ui.t("overview.no_progress")}</p> }.into_any(),
    }
}

/// The share of each status as one stacked SVG bar, with the counts as text beside it for
/// screen readers and for anyone who cannot tell the colours apart.
#[component]
pub fn StatusBar(
    /// Measures per status.
    counts: StatusCounts,
) -> impl IntoView {
    let ui = use_ui();
    let total = counts.total().max(1) as f64;
    let mut x = 0.0;
    let segments = Status::ALL
        .into_iter()
        .filter(|s| counts.get(*s) > 0)
        .map(|s| {
            let w = counts.get(s) as f64 * 100.0 / total;
            let seg = view! { <rect class=format!("seg-{}", s.as_str()) x=format::fixed(x, 3) y="0" width=format::fixed(w, 3) height="10"></rect> };
            x += w;
            seg
        })
        .collect_view();
    let legend = Status::ALL
        .into_iter()
        .filter(|s| counts.get(*s) > 0)
        .map(|s| {
            view! {
                <li data-status=s.as_str()>
                    <span class=format!("status-icon seg-{}", s.as_str()) aria-hidden="true">{s.icon()}</span>
                    " "{ui.t(&format!("status.{}", s.as_str()))}": "
                    <strong>{counts.get(s)}</strong>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="status-bar">
            <svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">{segments}</svg>
            <ul class="status-legend">{legend}</ul>
        </div>
    }
}
