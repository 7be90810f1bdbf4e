//! A measure's status: always an icon and a word, never colour alone.

use leptos::prelude::*;
use wegmarke_core::Status;

use crate::ui::use_ui;

/// The status as a badge.
#[component]
pub fn StatusBadge(
    /// The status to show.
    status: Status,
) -> impl IntoView {
    let ui = use_ui();
    view! {
        <span class=format!("status status-{}", status.as_str()) data-status=status.as_str()>
            <span class="status-icon" aria-hidden="true">{status.icon()}</span>
            {ui.t(&format!("status.{}", status.as_str()))}
        </span>
    }
}
