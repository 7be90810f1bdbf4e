//! The site's frame around every page: the header (logo, name, navigation, language picker)
//! and the footer (publisher, privacy promise, statement and data links).

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wegmarke_core::i18n::LANGUAGES;

use crate::components::search::SearchIcon;
use crate::components::text::{txt, with_text};
use crate::load::Loaded;
use crate::route::{Location, Route};
use crate::ui::use_ui;

/// Site header: the city's logo (`theme.logo` in config.json) or our mark, the app name,
/// navigation and the picker of the languages config.json offers.
#[component]
pub fn Header(
    /// The current location (marks the current page in the navigation).
    location: RwSignal<Location>,
    /// The data, once loaded (for the city's logo and the offered languages).
    data: RwSignal<Option<Arc<Loaded>>>,
) -> impl IntoView {
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
    // The languages config.json offers; all built-in ones until it has arrived (the picker
    // works while the data loads), so the list changes once when the config comes.
    let offered = move || {
        data.with(|d| match d {
            Some(l) => l.config.offered_languages(),
            None => LANGUAGES.to_vec(),
        })
    };
    // On a phone the navigation is one row that scrolls sideways: keep the current page's link
    // in view when the page changes (only the row moves, never the page).
    let nav_row = NodeRef::<leptos::html::Ul>::new();
    // Room beside a link scrolled into view, so that the next one shows it is there.
    const NAV_ROOM: f64 = 16.0;
    let page = Memo::new(move |_| location.with(|l| l.route.clone()));
    // Measured in the next animation frame, whose layout the browser does then anyway: measured
    // at once, it forced a layout of the whole page in the middle of building it.
    Effect::new(move |_| {
        page.track();
        let Some(row) = nav_row.get() else { return };
        request_animation_frame(move || {
            if let Ok(Some(link)) = row.query_selector("a[aria-current=page]") {
                crate::browser::reveal_in_row(&row, &link, NAV_ROOM);
            }
        });
    });
    // On a phone the languages sit behind one button (style/main.css shows the list at once
    // on wider screens, where the button is hidden). It names itself in the page's language and
    // in English, so a reader who cannot read the page's language still finds it.
    let open = RwSignal::new(false);
    let picker = NodeRef::<leptos::html::Nav>::new();
    let toggle = NodeRef::<leptos::html::Button>::new();
    let close_and_focus = move || {
        open.set(false);
        if let Some(b) = toggle.get_untracked() {
            let _ = b.focus();
        }
    };
    // "Language" under the page's word for it (hidden separator: the button's name reads as
    // two words).
    let english = (current != "en").then(|| {
        view! {
            <span class="visually-hidden">" / "</span>
            <span lang="en" dir="ltr">"Language"</span>
        }
    });
    let languages = move || {
        offered()
            .into_iter()
            .map(|l| {
                let tag = l.tag;
                let href = move || format!("?lang={tag}{}", location.with(|loc| loc.route.href()));
                view! {
                    <li>
                        <a href=href lang=tag hreflang=tag aria-current=(tag == current).then_some("true")>{l.name}</a>
                    </li>
                }
            })
            .collect_view()
    };
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
                <a class="header-search" href=Route::Search.href() data-testid="header-search"
                    aria-current=move || location.with(|l| l.route == Route::Search).then_some("page")>
                    <SearchIcon/>
                    <span class="header-search-text">{ui.t("nav.search")}</span>
                </a>
                <nav class="lang-picker" aria-label=ui.t("nav.language") node_ref=picker
                    on:keydown=move |ev| {
                        if ev.key() == "Escape" && open.get_untracked() {
                            close_and_focus();
                        }
                    }
                    on:focusout=move |ev| {
                        // Tabbing or clicking out of the list closes it.
                        let inside = ev
                            .related_target()
                            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                            .zip(picker.get_untracked())
                            .is_some_and(|(to, nav)| nav.contains(Some(&to)));
                        if !inside {
                            open.set(false);
                        }
                    }>
                    <button type="button" class="disclosure lang-toggle" node_ref=toggle data-testid="lang-toggle"
                        aria-expanded=move || open.get().to_string() aria-controls="languages"
                        on:click=move |_| open.update(|o| *o = !*o)>
                        // A globe.
                        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                            <circle cx="12" cy="12" r="9"/>
                            <path d="M3 12h18M12 3c3 3 3 15 0 18M12 3c-3 3-3 15 0 18"/>
                        </svg>
                        <span class="lang-toggle-text"><span>{ui.t("nav.language")}</span>{english}</span>
                        <svg class="chevron" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                            <path d="M6 9l6 6 6-6"/>
                        </svg>
                    </button>
                    <ul id="languages" class:open=move || open.get()>{languages}</ul>
                </nav>
            </div>
            <nav class="main-nav" aria-label=ui.t("nav.main")>
                // Chromium leaves a link that is partly in view where it is when it gets the focus.
                <ul class="wrap" node_ref=nav_row on:focusin=move |ev| {
                    let link = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
                    if let Some((row, link)) = nav_row.get_untracked().zip(link) {
                        crate::browser::reveal_in_row(&row, &link, NAV_ROOM);
                    }
                }>{links}</ul>
            </nav>
        </header>
    }
}

/// Site footer: publisher, privacy promise, imprint and privacy links from config.json.
#[component]
pub fn Footer(
    /// The loaded data and settings.
    loaded: Arc<Loaded>,
) -> impl IntoView {
    let ui = use_ui();
    let publisher = loaded.data.plan.as_ref().and_then(|p| {
        let default = p.plan.default_language.clone();
        p.plan
            .publisher
            .as_ref()
            .map(|t| txt(t, &default, &ui).into_any())
    });
    let links = loaded.config.links.clone().unwrap_or_default();
    view! {
        <footer class="site-footer">
            <div class="wrap">
                {publisher.map(|p| view! { <p>{with_text(&ui.t("footer.data"), "publisher", p)}</p> })}
                <p>{ui.t("footer.privacy")}</p>
                <ul class="footer-links">
                    <li><a href=Route::Accessibility.href()>{ui.t("a11y.title")}</a></li>
                    <li><a href=Route::EasyLanguage.href() lang="de">"Leichte Sprache"</a></li>
                    <li><a href=Route::SignLanguage.href()>{ui.t("sign.title")}</a></li>
                    <li><a href=Route::Data.href()>{ui.t("data.title")}</a></li>
                    <li><a href=Route::Workshop.href() data-testid="workshop-link">{ui.t("footer.workshop")}</a></li>
                    {links.imprint.map(|u| view! { <li><a href=u>{ui.t("footer.imprint")}</a></li> })}
                    {links.privacy.map(|u| view! { <li><a href=u>{ui.t("footer.privacy_link")}</a></li> })}
                </ul>
            </div>
        </footer>
    }
}
