//! The offline notice: that the dashboard is offline (or its server out of reach), the Stand of
//! the data on screen and when this device stored it, and that new data comes by itself.

use std::sync::Arc;

use leptos::prelude::*;
use wegmarke_core::format;

use crate::browser;
use crate::load::Loaded;
use crate::ui::{use_ui, Ui};

/// Above the page while the browser is offline or the data on screen is the service worker's
/// stored copy; gone as soon as fresh data has arrived.
#[component]
pub fn OfflineNotice(
    /// The published data, once loaded.
    data: RwSignal<Option<Arc<Loaded>>>,
    /// Whether the browser says it has a network.
    online: Signal<bool>,
    /// Fetches the data again, keeping what is on screen until new data has come.
    refresh: Callback<()>,
) -> impl IntoView {
    let ui = use_ui();
    move || {
        let online = online.get();
        let loaded = data.get();
        let cached = loaded.as_ref().and_then(|l| l.cached.clone());
        if online && cached.is_none() {
            return None;
        }
        let ui = ui.clone();
        let lead = ui.t(if online {
            "offline.unreachable"
        } else {
            "offline.title"
        });
        let stand = loaded.as_deref().and_then(|l| stand(l, &ui));
        let saved = cached.as_deref().and_then(|iso| saved(iso, &ui));
        let retry = (online && cached.is_some()).then(|| {
            view! {
                <button type="button" class="button" on:click=move |_| refresh.run(())
                    data-testid="offline-retry">{ui.t("load.retry")}</button>
            }
        });
        Some(view! {
            <div class="wrap">
                <div class="notice offline-notice" role="status" data-testid="offline-notice"
                    data-cached=cached>
                    <p>
                        <strong>{lead}</strong>" "
                        {stand}{saved.map(|s| view! { " "{s} })}" "
                        {ui.t("offline.back")}
                    </p>
                    {retry}
                </div>
            </div>
        })
    }
}

/// "Angezeigt wird der Datenstand vom 31. Oktober 2026." if the plan names its Stand.
fn stand(loaded: &Loaded, ui: &Ui) -> Option<String> {
    let date = loaded.data.plan.as_ref()?.plan.as_of?;
    Some(ui.tf(
        "offline.stand",
        &[("date", &format::date(&date, ui.lang()))],
    ))
}

/// "Auf diesem Gerät gespeichert am 3. Dezember 2026, 17:45." on the reader's clock.
fn saved(iso: &str, ui: &Ui) -> Option<String> {
    let when = format::date_time(browser::local_time(iso)?, ui.lang())?;
    Some(ui.tf("offline.saved", &[("time", &when)]))
}
