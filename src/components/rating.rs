//! An indicator's rating as icon + word, and its sparkline.

use leptos::prelude::*;
use wegmarke_core::charts::sparkline;
use wegmarke_core::format::fixed;
use wegmarke_core::rating::Rating;
use wegmarke_core::Indicator;

use crate::ui::use_ui;

/// The rating as a badge.
#[component]
pub fn RatingBadge(
    /// The rating to show.
    rating: Rating,
) -> impl IntoView {
    let ui = use_ui();
    view! {
        <span class=format!("rating rating-{}", rating.as_str()) data-rating=rating.as_str()>
            <span aria-hidden="true">{rating.icon()}</span>
            " "{ui.t(&format!("rating.{}", rating.as_str()))}
        </span>
    }
}

/// A small SVG line of the target series (decorative: the numbers are next to it as text).
#[component]
pub fn Sparkline(
    /// The indicator whose target series is drawn.
    indicator: Indicator,
) -> impl IntoView {
    sparkline(&indicator, 100.0, 24.0).map(|pts| {
        let points = pts.iter().map(|(x, y)| format!("{},{}", fixed(*x, 1), fixed(*y, 1))).collect::<Vec<_>>().join(" ");
        view! {
            <svg class="sparkline" viewBox="0 0 100 24" aria-hidden="true" focusable="false">
                <polyline points=points fill="none" stroke="currentColor" stroke-width="2" vector-effect="non-scaling-stroke"></polyline>
            </svg>
        }
    })
}
