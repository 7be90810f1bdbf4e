//! The app shell: the reader's language, the data, the current location, and the frame
//! (skip link, header, page, footer). Pages come from `parts::page`; nothing imports this
//! module but `main.rs`.

use std::sync::Arc;

use leptos::prelude::*;
use wegmarke_core::changes::{report_for, snapshot_prefix};
use wegmarke_core::i18n::{language, Catalog, Language};
use wegmarke_core::DATA_FILES;

use crate::browser;
use crate::components::follow::Feeds;
use crate::components::loading::Loading;
use crate::components::offline::OfflineNotice;
use crate::components::problems::DataNotices;
use crate::components::site::{Footer, Header};
use crate::load::{load, Loaded, Shown};
use crate::parts;
use crate::route::{Location, Route};
use crate::theme::apply_theme;
use crate::ui::{use_ui, Ui};

/// The UI for a language: German is built in, any other language's file is fetched; if that
/// fails, German with a note in the asked-for language.
async fn reader_ui(wanted: Language) -> Ui {
    let cat = if wanted.tag == "de" {
        Some(Catalog::german())
    } else {
        crate::load::catalog(wanted.tag).await
    };
    match cat {
        Some(cat) => Ui {
            cat: Arc::new(cat),
            missing: None,
        },
        None => Ui {
            missing: Some(wanted),
            ..Ui::german()
        },
    }
}

/// The whole dashboard: the data and the reader's language load side by side; meanwhile a
/// loading notice in that language.
#[component]
pub fn App() -> impl IntoView {
    let wanted = language(&browser::query_param("lang").unwrap_or_default());
    browser::set_document_lang(wanted.tag, wanted.rtl);
    let route = Location::parse(&browser::location_hash()).route;
    let embedded = matches!(route, Route::Embed(_));
    if embedded {
        browser::enter_embed_mode();
    }
    parts::preload(&route);
    browser::reveal_focus_in_scrolled_tables();
    let data = RwSignal::new(None);
    let refresh = fresh_data(data);
    leptos::task::spawn_local(async move {
        let loaded = load().await;
        preload_snapshot(&loaded);
        let stored = loaded.cached.is_some();
        data.set(Some(loaded));
        // After the data, so the worker's first caching does not compete with the first view.
        // Not in an embed: a view inside another site stores nothing (docs/embedding.md).
        if !embedded {
            browser::register_service_worker();
        }
        // The worker's copy although the browser says it is online: the server did not answer.
        if stored {
            refresh.run(());
        }
    });
    let ui = RwSignal::new(None);
    fill(ui, reader_ui(wanted));
    view! {
        {move || match ui.get() {
            Some(ui) => view! { <Shell ui data refresh/> }.into_any(),
            None => view! {
                <main id="main" tabindex="-1">
                    <p class="loading" role="status" data-testid="loading">
                        <span class="spinner" aria-hidden="true"></span>
                        {wanted.loading}
                    </p>
                </main>
            }
            .into_any(),
        }}
    }
}

/// The changes page compares the plan with a council report's snapshot: its three files start
/// loading as soon as the plan names the report, beside the page's part, instead of after the
/// page is built. The page's own fetches get them (`load::fetch_dataset`). The page and the
/// report are read from the address as it is now, once: the reader may have moved on while the
/// data loaded.
fn preload_snapshot(loaded: &Loaded) {
    let location = Location::parse(&browser::location_hash());
    if location.route != Route::Changes {
        return;
    }
    let Some(prefix) =
        report_for(&loaded.data, location.param("bericht")).and_then(snapshot_prefix)
    else {
        return;
    };
    for file in DATA_FILES {
        browser::preload_fetch(&format!("{}{prefix}{file}", loaded.data_url));
    }
}

/// Something that arrives later (the data, the reader's language): `None` until it is there.
type Arriving<T> = RwSignal<Option<T>>;

/// Puts what `future` gives into `slot` when it is ready. Plain signals instead of Leptos'
/// resources and `<Suspense>`: the shell needs no more, and the first view's module is smaller.
fn fill<T: Send + Sync + 'static>(
    slot: Arriving<T>,
    future: impl std::future::Future<Output = T> + 'static,
) {
    // Not tied to the owner at hand: a retry is clicked inside the page that it replaces.
    leptos::task::spawn_local(async move { slot.set(Some(future.await)) });
}

/// How long to wait before asking the server again while the data on screen is the worker's
/// stored copy and the browser says it is online: soon at first (an `online` event can come a
/// moment before the network works, a server may be restarting), then once a minute.
const RETRY_MS: [i32; 4] = [1_000, 5_000, 15_000, 60_000];

/// Fetches the data again until the server answers, keeping the copy on screen until then
/// (never a loading notice instead of data the reader can read); stops while the browser is
/// offline, where its `online` event starts it again. One such task at a time.
fn fresh_data(data: Arriving<Arc<Loaded>>) -> Callback<()> {
    let running = RwSignal::new(false);
    Callback::new(move |_: ()| {
        if running.get_untracked() {
            return;
        }
        running.set(true);
        leptos::task::spawn_local(async move {
            let mut waits = RETRY_MS.into_iter().chain(std::iter::repeat(RETRY_MS[3]));
            while browser::is_online() {
                let fresh = load().await;
                if fresh.cached.is_none() {
                    let _ = data.try_set(Some(fresh));
                    break;
                }
                if !browser::sleep(waits.next().unwrap_or(RETRY_MS[3])).await {
                    break;
                }
            }
            let _ = running.try_set(false);
        });
    })
}

/// The page frame once the reader's language is known: skip link, header, page and footer.
#[component]
fn Shell(ui: Ui, data: Arriving<Arc<Loaded>>, refresh: Callback<()>) -> impl IntoView {
    browser::set_document_lang(ui.cat.lang.tag, ui.cat.lang.rtl);
    provide_context(ui.clone());

    let location = RwSignal::new(Location::parse(&browser::location_hash()));
    provide_context(location);
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        let next = Location::parse(&browser::location_hash());
        // A new page starts at the top; a filter change keeps the reader's place.
        if next.route != location.with_untracked(|l| l.route.clone()) {
            browser::scroll_to_top();
        }
        location.set(next);
    });
    on_cleanup(move || handle.remove());

    let preview = RwSignal::new(None);
    provide_context(Shown {
        published: data,
        preview,
    });
    let shown = move || preview.get().or_else(|| data.get());

    let retry = Callback::new(move |_: ()| {
        data.set(None);
        fill(data, load());
    });
    // Offline reading (public/sw.js): while the data on screen is the worker's stored copy, it
    // is fetched again as soon as the browser is back online.
    let online = RwSignal::new(browser::is_online());
    let on_online = window_event_listener(leptos::ev::online, move |_| {
        online.set(true);
        if data.with_untracked(|d| d.as_ref().is_some_and(|l| l.cached.is_some())) {
            refresh.run(());
        }
    });
    let on_offline = window_event_listener(leptos::ev::offline, move |_| online.set(false));
    on_cleanup(move || {
        on_online.remove();
        on_offline.remove();
    });
    let missing = ui.missing.map(|lang| {
        view! {
            <div class="wrap">
                <p class="notice lang-missing" role="status" lang=lang.tag dir=if lang.rtl { "rtl" } else { "ltr" }
                    data-testid="language-missing">
                    {lang.unavailable}
                </p>
            </div>
        }
    });

    view! {
        <a class="skip-link" href="#main" on:click=|ev| {
            // The hash is the router's; move focus without changing it.
            ev.prevent_default();
            browser::focus_by_id("main");
        }>{ui.t("nav.skip")}</a>
        <Header location data/>
        <main id="main" tabindex="-1">
            {missing}
            <OfflineNotice data online=online.into() refresh/>
            {move || preview.with(Option::is_some).then(|| view! { <PreviewBanner preview/> })}
            {move || match shown() {
                Some(loaded) => view! { <Page loaded location retry/> }.into_any(),
                None => view! { <Loading/> }.into_any(),
            }}
        </main>
        {move || data.get().map(|loaded| view! { <Footer loaded/> })}
    }
}

/// Above every page while new data from the Datenwerkstatt is previewed: that this is not
/// what the public sees, the way back to the Datenwerkstatt, and the end of the preview.
#[component]
fn PreviewBanner(preview: RwSignal<Option<Arc<Loaded>>>) -> impl IntoView {
    let ui = crate::ui::use_ui();
    view! {
        <div class="wrap">
            <div class="notice preview-banner" role="status" data-testid="preview-banner">
                <strong>{ui.t("preview.banner")}</strong>" "
                <a href=Route::Workshop.href()>{ui.t("preview.back")}</a>" "
                <button type="button" on:click=move |_| preview.set(None) data-testid="preview-end">{ui.t("preview.end")}</button>
            </div>
        </div>
    }
}

/// The page for the current location, below the data notices.
#[component]
fn Page(loaded: Arc<Loaded>, location: RwSignal<Location>, retry: Callback<()>) -> impl IntoView {
    apply_theme(&loaded.config);
    let notices = loaded.clone();
    // Only a change of page re-renders; filter changes are handled inside the page.
    let route = Memo::new(move |_| location.with(|l| l.route.clone()));
    let feeds = Feeds::new(&loaded.data_url);
    let ui = use_ui();
    Effect::new(move |_| {
        let (href, key) = feeds.for_route(&route.get());
        browser::set_feed_link(&href, &ui.t(key));
    });
    view! {
        <DataNotices loaded=notices retry/>
        {move || parts::page(route.get(), loaded.clone())}
    }
}
