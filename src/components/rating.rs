//! An indicator's rating as icon + word, the sentence that explains it, how it developed, and
//! the indicator's sparkline.

use leptos::prelude::*;
use wegmarke_core::charts::sparkline;
use wegmarke_core::format::{self, fixed};
use wegmarke_core::rating::{history, Assessment, Rating};
use wegmarke_core::Indicator;

use crate::ui::{use_ui, Ui};

/// How many of the latest periods the rating history shows.
const HISTORY: usize = 5;

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

/// Why a rating is what it is, in one sentence (the share of the needed change achieved and
/// where the value would stand by plan, or why there is no rating).
pub fn explanation(a: &Assessment, ind: &Indicator, ui: &Ui) -> String {
    let lang = ui.lang();
    let v = |x: f64| format::value_with_unit(x, ind.decimals, ind.unit.as_deref(), lang);
    match (a.rating, a.ratio, a.expected) {
        (Rating::NotRated, ..) => ui.t("rating.explain.not_rated"),
        (Rating::NotAssessable, ..) => ui.t("rating.explain.not_assessable"),
        (Rating::Achieved, ..) => ui.t("rating.explain.achieved"),
        (_, Some(ratio), Some(expected)) => ui.tf(
            "rating.explain.ratio",
            &[
                ("ratio", &format::percent(ratio * 100.0, lang)),
                ("expected", &v(expected)),
            ],
        ),
        _ => String::new(),
    }
}

/// How the rating developed over the latest periods (the rating with the values known then),
/// when there is more than one to show.
#[component]
pub fn RatingHistory(
    /// The indicator (or a gap as an indicator).
    indicator: Indicator,
    /// What the list is called, e.g. "Bewertung im Verlauf".
    #[prop(into)]
    label: String,
    /// Test id and the prefix of the list's element id.
    id: &'static str,
) -> impl IntoView {
    let ui = use_ui();
    let steps = history(&indicator, HISTORY);
    (steps.len() > 1).then(|| {
        let label_id = format!("{id}-label");
        let items = steps
            .into_iter()
            .map(|(p, rating)| view! {
                <li><span class="rating-history-period">{format::period(&p, ui.lang())}</span>" "<RatingBadge rating/></li>
            })
            .collect_view();
        view! {
            <div class="rating-history" data-testid=id>
                <p class="rating-history-label" id=label_id.clone()>{label}</p>
                <ol aria-labelledby=label_id>{items}</ol>
            </div>
        }
    })
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
