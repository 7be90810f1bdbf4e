//! Unknown addresses, and pages not built yet.

use leptos::prelude::*;

use crate::ui::{set_title, use_ui};

/// An address that names no page.
#[component]
pub fn NotFound() -> impl IntoView {
    let ui = use_ui();
    set_title(&ui.t("page.not_found"));
    view! {
        <div class="wrap page">
            <h1>{ui.t("page.not_found")}</h1>
            <p>{ui.t("page.not_found_hint")}" "<a href="#/">{ui.t("nav.overview")}</a></p>
        </div>
    }
}
