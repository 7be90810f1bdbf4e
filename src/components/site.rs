//! The site's frame around every page: the header (logo, name, navigation, language picker)
//! and the footer (publisher, privacy promise, statement and data links).

use std::sync::Arc;

use leptos::prelude::*;
use wegmarke_core::i18n::LANGUAGES;

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
