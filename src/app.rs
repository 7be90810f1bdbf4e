//! The app shell: language, routing, data loading, header and footer.

use std::sync::Arc;

use leptos::prelude::*;
use wegmarke_core::i18n::{language, Catalog, Language, LANGUAGES};

use crate::components::problems::DataNotices;
use crate::load::{load, Loaded};
use crate::pages;
use crate::parts;
use crate::route::{Location, Route};

/// The reader's language and its texts, provided to every component.
#[derive(Clone)]
pub struct Ui {
    pub cat: Arc<Catalog>,
    /// The language the reader asked for when its file could not be loaded (the page is then
    /// in German, and says so in the asked-for language).
    pub missing: Option<Language>,
}

impl Ui {
    /// The UI language's tag.
    pub fn lang(&self) -> &'static str {
        self.cat.lang.tag
    }

    /// A UI text.
    pub fn t(&self, key: &str) -> String {
        self.cat.t(key).to_owned()
    }

    /// A UI text with values filled in.
    pub fn tf(&self, key: &str, args: &[(&str, &str)]) -> String {
        self.cat.tf(key, args)
    }
}

/// The current location (page and filters), provided by the app shell.
pub fn use_location() -> RwSignal<Location> {
    use_context::<RwSignal<Location>>().unwrap_or_else(|| RwSignal::new(Location::parse("")))
}

/// Changes the address without a new history entry (filter changes) and updates the page.
pub fn replace_location(location: RwSignal<Location>, href: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href));
    }
    location.set(Location::parse(href));
}

/// Applies the theme colours as CSS custom properties (through the CSSOM, which a strict CSP
/// allows): from config.json, overridden by `?primary=` / `?accent=` in the address (embeds).
/// A colour that fails the contrast check is not applied (config.json's are reported as
/// problems by validation; the address's are ignored).
fn apply_theme(config: &wegmarke_core::Config) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
    else {
        return;
    };
    let search = window_location()
        .and_then(|l| l.search().ok())
        .unwrap_or_default();
    let query = Location::parse(&format!("?{}", search.trim_start_matches('?')));
    let theme = config.theme.clone().unwrap_or_default();
    for (var, key, configured) in [
        ("--primary", "primary", theme.primary),
        ("--accent", "accent", theme.accent),
    ] {
        let chosen = query.param(key).map(str::to_owned).or(configured);
        if let Some(c) = chosen {
            let ok = match key {
                "primary" => wegmarke_core::contrast::theme_failures(Some(&c), None).is_empty(),
                _ => wegmarke_core::contrast::theme_failures(None, Some(&c)).is_empty(),
            };
            if ok {
                let _ = root.style().set_property(var, &c);
            }
        }
    }
}

/// The UI context (German if none was provided, e.g. in a component test).
pub fn use_ui() -> Ui {
    use_context::<Ui>().unwrap_or_else(|| Ui {
        cat: Arc::new(Catalog::german()),
        missing: None,
    })
}

fn window_location() -> Option<web_sys::Location> {
    web_sys::window().map(|w| w.location())
}

/// The language from `?lang=` in the page address.
fn lang_from_url() -> String {
    let search = window_location()
        .and_then(|l| l.search().ok())
        .unwrap_or_default();
    Location::parse(&format!("?{}", search.trim_start_matches('?')))
        .param("lang")
        .unwrap_or_default()
        .to_owned()
}

fn current_hash() -> String {
    window_location()
        .and_then(|l| l.hash().ok())
        .unwrap_or_default()
}

/// Sets the document's language and direction (the non-reactive world).
fn set_document_lang(lang: Language) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", lang.tag);
        let _ = root.set_attribute("dir", if lang.rtl { "rtl" } else { "ltr" });
    }
}

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
            cat: Arc::new(Catalog::german()),
            missing: Some(wanted),
        },
    }
}

/// Sets the browser tab's title: "<page> – <app>".
pub fn set_title(page: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        let app = use_ui().t("app.name");
        if page.is_empty() {
            doc.set_title(&app);
        } else {
            doc.set_title(&format!("{page} – {app}"));
        }
    }
}

/// The whole dashboard: the data and the reader's language load side by side; meanwhile a
/// loading notice in that language.
#[component]
pub fn App() -> impl IntoView {
    let wanted = language(&lang_from_url());
    set_document_lang(wanted);
    let route = Location::parse(&current_hash()).route;
    if matches!(route, Route::Embed(..)) {
        pages::embed::enter_embed_mode();
    }
    parts::preload(&route);
    let data = RwSignal::new(None);
    fill(data, load());
    let ui = RwSignal::new(None);
    fill(ui, reader_ui(wanted));
    view! {
        {move || match ui.get() {
            Some(ui) => view! { <Shell ui data/> }.into_any(),
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

/// The page frame once the reader's language is known: skip link, header, page and footer.
#[component]
fn Shell(ui: Ui, data: Arriving<Arc<Loaded>>) -> impl IntoView {
    set_document_lang(ui.cat.lang);
    provide_context(ui.clone());

    let location = RwSignal::new(Location::parse(&current_hash()));
    provide_context(location);
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        let next = Location::parse(&current_hash());
        // A new page starts at the top; a filter change keeps the reader's place.
        if next.route != location.with_untracked(|l| l.route.clone()) {
            if let Some(w) = web_sys::window() {
                w.scroll_to_with_x_and_y(0.0, 0.0);
            }
        }
        location.set(next);
    });
    on_cleanup(move || handle.remove());

    let retry = Callback::new(move |_: ()| {
        data.set(None);
        fill(data, load());
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
            if let Some(main) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("main")) {
                use wasm_bindgen::JsCast;
                if let Ok(el) = main.dyn_into::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        }>{ui.t("nav.skip")}</a>
        <Header location data/>
        <main id="main" tabindex="-1">
            {missing}
            {move || match data.get() {
                Some(loaded) => view! { <Page loaded location retry/> }.into_any(),
                None => view! { <Loading/> }.into_any(),
            }}
        </main>
        {move || data.get().map(|loaded| view! { <Footer loaded/> })}
    }
}

/// Shown while the data loads.
#[component]
fn Loading() -> impl IntoView {
    let ui = use_ui();
    view! {
        <p class="loading" role="status" data-testid="loading">
            <span class="spinner" aria-hidden="true"></span>
            {ui.t("load.loading")}
        </p>
    }
}

/// The page for the current location, below the data notices.
#[component]
fn Page(loaded: Arc<Loaded>, location: RwSignal<Location>, retry: Callback<()>) -> impl IntoView {
    use pages::*;
    apply_theme(&loaded.config);
    let notices = loaded.clone();
    // Only a change of page re-renders; filter changes are handled inside the page.
    let route = Memo::new(move |_| location.with(|l| l.route.clone()));
    view! {
        <DataNotices loaded=notices retry/>
        {move || {
            let loaded = loaded.clone();
            match route.get() {
                Route::Overview => view! { <overview::Overview loaded/> }.into_any(),
                Route::Field(id) => part(parts::field_page(loaded, id)),
                Route::Measures => part(parts::measures_page(loaded)),
                Route::Measure(id) => part(parts::measure_page(loaded, id)),
                Route::Indicators => part(parts::indicators_page(loaded)),
                Route::Indicator(id) => part(parts::indicator_page(loaded, id)),
                Route::Actors => part(parts::actors_page(loaded)),
                Route::Actor(id) => part(parts::actor_page(loaded, id)),
                Route::Method => part(parts::method_page(loaded)),
                Route::Accessibility => part(parts::accessibility_page(loaded)),
                Route::EasyLanguage => part(parts::easy_language_page(loaded)),
                Route::SignLanguage => part(parts::sign_language_page()),
                Route::Data => part(parts::data_page(loaded)),
                Route::Changes => part(parts::changes_page(loaded)),
                Route::Report => part(parts::report_page(loaded)),
                Route::Embed(kind, id) => part(parts::embed_page(loaded, kind, id)),
                Route::NotFound(_) => view! { <not_found::NotFound/> }.into_any(),
            }
        }}
    }
}

/// A page from a WebAssembly part of its own: the loading notice until the part has arrived,
/// then the page, or a notice with a retry if the part could not be fetched.
fn part(page: impl std::future::Future<Output = parts::Part> + 'static) -> AnyView {
    shown(Box::pin(page))
}

thread_local! {
    /// No page from a part has been shown yet.
    static FIRST_PAGE: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
}

/// [`part`] for any page: one copy of the code for all of them.
fn shown(mut page: std::pin::Pin<Box<dyn std::future::Future<Output = parts::Part>>>) -> AnyView {
    // A part that is already there gives its page at once (no loading notice in between).
    // The first page of a visit is built in a task of its own instead, not in the one that
    // showed the data, so that each stays short.
    let first = FIRST_PAGE.replace(false);
    if !first {
        let mut now = std::task::Context::from_waker(std::task::Waker::noop());
        // Built like a component: what the page reads does not re-run this route's render.
        if let std::task::Poll::Ready(result) = untrack(|| page.as_mut().poll(&mut now)) {
            return match result {
                Ok(view) => view,
                Err(_) => view! { <PartFailed/> }.into_any(),
            };
        }
    }
    // Otherwise the page's view is built once, under this owner, when its part has arrived
    // (not at all if the reader has left by then); the slot hands it over to the one render
    // that follows.
    let slot = std::rc::Rc::new(std::cell::RefCell::new(None));
    let arrived = RwSignal::new(false);
    let filled = slot.clone();
    leptos::task::spawn_local_scoped_with_cancellation(async move {
        if first {
            crate::load::next_task().await;
        }
        *filled.borrow_mut() = Some(page.await);
        arrived.set(true);
    });
    let slot = send_wrapper::SendWrapper::new(slot);
    (move || match arrived.get().then(|| slot.borrow_mut().take()).flatten() {
        Some(Ok(view)) => view,
        Some(Err(_)) => view! { <PartFailed/> }.into_any(),
        None => view! { <Loading/> }.into_any(),
    })
    .into_any()
}

/// Shown when a page's part could not be fetched (network gone, or a new build replaced the
/// files): the page stays usable, and reloading fetches the part again.
#[component]
fn PartFailed() -> impl IntoView {
    let ui = use_ui();
    let reload = move |_| {
        if let Some(l) = window_location() {
            let _ = l.reload();
        }
    };
    view! {
        <div class="wrap page">
            <section class="notice notice-fatal" role="alert" data-testid="part-failed">
                <p>{ui.t("load.part_failed")}</p>
                <button type="button" class="button" on:click=reload>{ui.t("load.retry")}</button>
            </section>
        </div>
    }
}

/// Site header: the city's logo (`theme.logo` in config.json) or our mark, the app name,
/// navigation and language picker.
#[component]
fn Header(location: RwSignal<Location>, data: Arriving<Arc<Loaded>>) -> impl IntoView {
    let ui = use_ui();
    // Both sit in the same fixed box, so the header does not move when the logo arrives.
    let mark = move || {
        let logo = data
            .get()
            .and_then(|l| l.config.theme.as_ref().and_then(|t| t.logo.clone()));
        match logo {
            Some(src) => {
                view! { <img class="brand-logo" src=src alt="" data-testid="logo"/> }.into_any()
            }
            None => view! { <span class="brand-mark" aria-hidden="true">"◆"</span> }.into_any(),
        }
    };
    let current = ui.lang();
    let nav = [
        (Route::Overview, "nav.overview"),
        (Route::Measures, "nav.measures"),
        (Route::Indicators, "nav.indicators"),
        (Route::Actors, "nav.actors"),
        (Route::Changes, "nav.changes"),
        (Route::Method, "nav.method"),
    ];
    let links = nav
        .into_iter()
        .map(|(route, key)| {
            let href = route.href();
            let is_current = {
                let route = route.clone();
                move || location.with(|l| l.route == route)
            };
            view! {
                <li>
                    <a href=href aria-current=move || is_current().then_some("page")>{ui.t(key)}</a>
                </li>
            }
        })
        .collect_view();
    let languages = LANGUAGES
        .iter()
        .map(|l| {
            let tag = l.tag;
            let href = move || format!("?lang={tag}{}", location.with(|loc| loc.route.href()));
            view! {
                <li>
                    <a href=href lang=tag hreflang=tag aria-current=(tag == current).then_some("true")>{l.name}</a>
                </li>
            }
        })
        .collect_view();
    view! {
        <header class="site-header">
            <div class="wrap header-row">
                <a class="brand" href="#/">
                    <span class="brand-box">{mark}</span>
                    <span class="brand-text">
                        <span class="brand-name">{ui.t("app.name")}</span>
                        <span class="brand-tagline">{ui.t("app.tagline")}</span>
                    </span>
                </a>
                <nav class="lang-picker" aria-label=ui.t("nav.language")>
                    <ul>{languages}</ul>
                </nav>
            </div>
            <nav class="main-nav" aria-label=ui.t("nav.main")>
                <ul class="wrap">{links}</ul>
            </nav>
        </header>
    }
}

/// Site footer: publisher, privacy promise, imprint and privacy links from config.json.
#[component]
fn Footer(loaded: Arc<Loaded>) -> impl IntoView {
    let ui = use_ui();
    let lang = ui.lang();
    let publisher = loaded.data.plan.as_ref().and_then(|p| {
        let default = p.plan.default_language.clone();
        p.plan
            .publisher
            .as_ref()
            .map(|t| t.resolve(lang, &default).to_owned())
    });
    let links = loaded.config.links.clone().unwrap_or_default();
    view! {
        <footer class="site-footer">
            <div class="wrap">
                {publisher.map(|p| view! { <p>{ui.tf("footer.data", &[("publisher", &p)])}</p> })}
                <p>{ui.t("footer.privacy")}</p>
                <ul class="footer-links">
                    <li><a href=Route::Accessibility.href()>{ui.t("a11y.title")}</a></li>
                    <li><a href=Route::EasyLanguage.href() lang="de">"Leichte Sprache"</a></li>
                    <li><a href=Route::SignLanguage.href()>{ui.t("sign.title")}</a></li>
                    <li><a href=Route::Data.href()>{ui.t("data.title")}</a></li>
                    {links.imprint.map(|u| view! { <li><a href=u>{ui.t("footer.imprint")}</a></li> })}
                    {links.privacy.map(|u| view! { <li><a href=u>{ui.t("footer.privacy_link")}</a></li> })}
                </ul>
            </div>
        </footer>
    }
}
