//! The context every component reads: the reader's language and its texts, and the current
//! location (page and filters). The app shell provides both; components and pages only read
//! them through the functions here.

use std::sync::Arc;

use leptos::prelude::*;
use wegmarke_core::i18n::{Catalog, Language};

use crate::browser;
use crate::route::Location;

/// The reader's language and its texts, provided to every component.
#[derive(Clone)]
pub struct Ui {
    pub cat: Arc<Catalog>,
    /// The language the reader asked for when its file could not be loaded (the page is then
    /// in German, and says so in the asked-for language).
    pub missing: Option<Language>,
}

impl Ui {
    /// German, built in.
    pub fn german() -> Ui {
        Ui {
            cat: Arc::new(Catalog::german()),
            missing: None,
        }
    }

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

/// The UI context (German if none was provided, e.g. in a component test).
pub fn use_ui() -> Ui {
    use_context::<Ui>().unwrap_or_else(Ui::german)
}

/// The current location (page and filters), provided by the app shell.
pub fn use_location() -> RwSignal<Location> {
    use_context::<RwSignal<Location>>().unwrap_or_else(|| RwSignal::new(Location::parse("")))
}

/// Changes the address without a new history entry (filter changes) and updates the page.
pub fn replace_location(location: RwSignal<Location>, href: &str) {
    browser::replace_url(href);
    location.set(Location::parse(href));
}

/// Sets the browser tab's title: "<page> – <app>".
pub fn set_title(page: &str) {
    let app = use_ui().t("app.name");
    if page.is_empty() {
        browser::set_document_title(&app);
    } else {
        browser::set_document_title(&format!("{page} – {app}"));
    }
}
