//! The "Einbetten" box every embeddable view offers: the iframe and script snippet to copy
//! into the city website (public/embed.js sizes the iframe).

use leptos::prelude::*;

use crate::browser;
use crate::route::Route;
use crate::ui::use_ui;

/// The "Einbetten" box: the iframe and script snippet for a view.
#[component]
pub fn EmbedButton(
    /// The view to embed.
    route: Route,
    /// The iframe's title (what a screen reader announces).
    title: String,
) -> impl IntoView {
    let ui = use_ui();
    let base = browser::page_base_url();
    let dir = base
        .rsplit_once('/')
        .map(|(d, _)| format!("{d}/"))
        .unwrap_or_default();
    let snippet = format!(
        "<iframe src=\"{base}?lang={lang}{href}\" title=\"{title}\" data-wegmarke-embed loading=\"lazy\" style=\"width:100%;border:0;min-height:200px\"></iframe>\n<script src=\"{dir}embed.js\" async></script>",
        lang = ui.lang(),
        href = route.href(),
        title = title.replace('"', "&quot;").replace('<', "&lt;"),
    );
    view! {
        <details class="embed-box no-print" data-testid="embed-box">
            <summary>{ui.t("embed.button")}</summary>
            <p>{ui.t("embed.hint")}</p>
            <label for="embed-code" class="visually-hidden">{ui.t("embed.code")}</label>
            <textarea id="embed-code" readonly rows="4" data-testid="embed-code">{snippet}</textarea>
        </details>
    }
}
