//! The search page (`#/suche?q=…`), reached from every page's header: the site search with
//! the focus in its field.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::search::SiteSearch;
use crate::load::Loaded;
use crate::route::Route;
use crate::ui::{set_title, use_ui};

/// The search page.
#[component]
pub fn SearchPage(
    /// The loaded data.
    loaded: Arc<Loaded>,
) -> impl IntoView {
    let ui = use_ui();
    set_title(&ui.t("nav.search"));
    view! {
        <div class="wrap page search-page">
            <h1 data-testid="page-title">{ui.t("nav.search")}</h1>
            <SiteSearch loaded route=Route::Search autofocus=true/>
        </div>
    }
}
