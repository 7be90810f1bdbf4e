//! The loading notice, in the reader's language.

use leptos::prelude::*;

use crate::ui::use_ui;

/// Shown while the data or a page's part loads (announced politely to screen readers).
#[component]
pub fn Loading() -> impl IntoView {
    let ui = use_ui();
    view! {
        <p class="loading" role="status" data-testid="loading">
            <span class="spinner" aria-hidden="true"></span>
            {ui.t("load.loading")}
        </p>
    }
}
