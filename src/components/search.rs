//! The site search's field: on the overview a plain form that opens the search page with the
//! query (`#/suche?q=…`), on the search page the same field searching as the reader types
//! (`pages/search.rs`). The index (`wegmarke_core::search`) and the results live in the
//! search's WebAssembly part; the overview's form only fetches that part when the reader goes
//! to the field, so the first view carries no search code.

use std::sync::Arc;

use leptos::prelude::*;
use wegmarke_core::search::SiteIndex;

use crate::browser;
use crate::load::{Loaded, PerData};
use crate::route::{Location, Route};
use crate::split::split_points;
use crate::ui::use_ui;

split_points! {
    search fn warm_search(loaded: Arc<Loaded>, lang: &'static str) -> () {
        site_index(&loaded, lang).warm(&loaded.data);
    }
}

/// Fetches the search's part and folds the texts for `lang` (when the reader goes to a search
/// field), so the first keystroke or the search page does not wait for either. `lang` is taken
/// when the field is drawn: a focus handler runs outside the component, without its context.
pub fn warm(loaded: Arc<Loaded>, lang: &'static str) {
    leptos::task::spawn_local(async move {
        let _ = warm_search(loaded, lang).await;
    });
}

/// The labelled search field with its description and button, as both forms show it.
#[component]
pub fn SearchField(
    /// The field's value when drawn (the query in the address).
    #[prop(into)]
    value: Signal<String>,
    /// Called on focus.
    on_focus: Callback<()>,
    /// Called with the value on every keystroke (the search page), if given.
    #[prop(optional)]
    on_input: Option<Callback<String>>,
    /// Called with the value when the form is sent (Enter or the button).
    on_submit: Callback<String>,
    /// Put the focus in the field when shown.
    #[prop(optional)]
    autofocus: bool,
) -> impl IntoView {
    let ui = use_ui();
    let field = NodeRef::<leptos::html::Input>::new();
    if autofocus {
        Effect::new(move |_| {
            if let Some(input) = field.get() {
                let _ = input.focus();
            }
        });
    }
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(input) = field.get_untracked() {
            on_submit.run(input.value());
        }
    };
    view! {
        <form class="site-search" role="search" on:submit=submit data-testid="site-search">
            <label for="site-search-q">{ui.t("search.label")}</label>
            <p class="site-search-hint" id="site-search-hint">{ui.t("search.hint")}</p>
            <div class="site-search-row">
                <input id="site-search-q" type="search" name="q" autocomplete="off" enterkeyhint="search"
                    aria-describedby="site-search-hint" data-testid="site-search-q" node_ref=field
                    on:focus=move |_| on_focus.run(())
                    on:input=move |ev| if let Some(f) = on_input { f.run(event_target_value(&ev)) }
                    prop:value=move || value.get()/>
                <button type="submit" class="button">
                    <SearchIcon/>
                    <span class="visually-hidden">{ui.t("search.submit")}</span>
                </button>
            </div>
        </form>
    }
}

/// The overview's search: the field, and the search page with the query when it is sent.
#[component]
pub fn SearchForm(
    /// The loaded data.
    loaded: Arc<Loaded>,
) -> impl IntoView {
    let lang = use_ui().lang();
    let on_focus = Callback::new(move |()| warm(loaded.clone(), lang));
    let on_submit = Callback::new(|q: String| {
        browser::go(&Location::href_with(&Route::Search, &[("q", q)]));
    });
    view! { <SearchField value=String::new() on_focus on_submit/> }
}

/// A magnifying glass.
#[component]
pub fn SearchIcon() -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <circle cx="10.5" cy="10.5" r="6.5"/>
            <path d="M15.5 15.5L21 21"/>
        </svg>
    }
}

thread_local! {
    /// Kept between searches: it only changes with the data or the language.
    static INDEX: PerData<SiteIndex> = const { PerData::new() };
}

/// The search index for this data and language (built on first use, then kept).
pub fn site_index(loaded: &Arc<Loaded>, lang: &'static str) -> Arc<SiteIndex> {
    INDEX.with(|index| {
        index.get(loaded, lang, || {
            let data = &loaded.data;
            SiteIndex::new(data, lang, data.default_lang())
        })
    })
}
