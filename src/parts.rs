//! The pages' split points. Every page but the overview lives in a WebAssembly part
//! (`route::Part`: the explorer, the site search, the council pages, the Datenwerkstatt's page, an
//! indicator's heading, the other pages), fetched when first needed; the shell and the
//! overview stay in the main module, so the first view downloads only what it shows. (Three more
//! parts are declared beside their callers: the located data checks in `load.rs`, the
//! Datenwerkstatt's spreadsheet tools in `pages/workshop.rs`, an indicator's chart and details
//! in `pages/indicators.rs`.)

#[cfg(not(feature = "unsplit"))]
use std::future::Future;
#[cfg(not(feature = "unsplit"))]
use std::pin::Pin;
use std::sync::Arc;

use leptos::prelude::*;
#[cfg(not(feature = "unsplit"))]
use leptos::wasm_split::SplitLoaderError;

use crate::components::lazy::from_part;
use crate::load::Loaded;
use crate::pages::*;
use crate::route::{Embed, Route};
use crate::split::split_points;

split_points! {
    pages fn field_page(loaded: Arc<Loaded>, id: String) -> AnyView {
        view! { <field::FieldPage loaded id/> }.into_any()
    }
    explorer fn measures_page(loaded: Arc<Loaded>) -> AnyView {
        view! { <measures::MeasuresPage loaded/> }.into_any()
    }
    search fn search_page(loaded: Arc<Loaded>) -> AnyView {
        view! { <search::SearchPage loaded/> }.into_any()
    }
    pages fn measure_page(loaded: Arc<Loaded>, id: String) -> AnyView {
        view! { <measure::MeasurePage loaded id/> }.into_any()
    }
    pages fn indicators_page(loaded: Arc<Loaded>) -> AnyView {
        view! { <indicators::IndicatorsPage loaded/> }.into_any()
    }
    indicator fn indicator_page(loaded: Arc<Loaded>, id: String) -> AnyView {
        view! { <indicators::IndicatorPage loaded id/> }.into_any()
    }
    indicator fn embed_indicator_page(loaded: Arc<Loaded>, id: String) -> AnyView {
        let full = crate::route::Route::Indicator(id.clone());
        view! {
            <embed::EmbedFrame loaded=loaded.clone() full>
                <indicators::IndicatorPage loaded id/>
            </embed::EmbedFrame>
        }
        .into_any()
    }
    pages fn actors_page(loaded: Arc<Loaded>) -> AnyView {
        view! { <actors::ActorsPage loaded/> }.into_any()
    }
    pages fn actor_page(loaded: Arc<Loaded>, id: String) -> AnyView {
        view! { <actors::ActorPage loaded id/> }.into_any()
    }
    pages fn method_page(loaded: Arc<Loaded>) -> AnyView {
        view! { <method::MethodPage loaded/> }.into_any()
    }
    pages fn coverage_page(loaded: Arc<Loaded>) -> AnyView {
        view! { <coverage::CoveragePage loaded/> }.into_any()
    }
    pages fn accessibility_page(loaded: Arc<Loaded>) -> AnyView {
        view! { <statement::AccessibilityPage loaded/> }.into_any()
    }
    pages fn easy_language_page(loaded: Arc<Loaded>) -> AnyView {
        view! { <statement::EasyLanguagePage loaded/> }.into_any()
    }
    pages fn sign_language_page() -> AnyView {
        view! { <statement::SignLanguagePage/> }.into_any()
    }
    pages fn data_page(loaded: Arc<Loaded>) -> AnyView {
        view! { <data::DataPage loaded/> }.into_any()
    }
    council fn changes_page(loaded: Arc<Loaded>) -> AnyView {
        view! { <changes::ChangesPage loaded/> }.into_any()
    }
    council fn report_page(loaded: Arc<Loaded>) -> AnyView {
        view! { <report::ReportPage loaded/> }.into_any()
    }
    workshop fn workshop_page(loaded: Arc<Loaded>) -> AnyView {
        view! { <workshop::WorkshopPage loaded/> }.into_any()
    }
    pages fn embed_page(loaded: Arc<Loaded>, embed: Embed) -> AnyView {
        view! { <embed::EmbedPage loaded embed/> }.into_any()
    }
}

/// The page at `route`: the overview and the not-found page at once, every other page from its
/// part (the loading notice until the part has arrived, or a notice with a retry if it could
/// not be fetched).
pub fn page(route: Route, loaded: Arc<Loaded>) -> AnyView {
    match route {
        Route::Overview => view! { <overview::Overview loaded/> }.into_any(),
        Route::NotFound(_) => view! { <not_found::NotFound/> }.into_any(),
        Route::Field(id) => from_part(field_page(loaded, id)),
        Route::Measures => from_part(measures_page(loaded)),
        Route::Search => from_part(search_page(loaded)),
        Route::Measure(id) => from_part(measure_page(loaded, id)),
        Route::Indicators => from_part(indicators_page(loaded)),
        Route::Indicator(id) => from_part(indicator_page(loaded, id)),
        Route::Actors => from_part(actors_page(loaded)),
        Route::Actor(id) => from_part(actor_page(loaded, id)),
        Route::Method => from_part(method_page(loaded)),
        Route::Coverage => from_part(coverage_page(loaded)),
        Route::Accessibility => from_part(accessibility_page(loaded)),
        Route::EasyLanguage => from_part(easy_language_page(loaded)),
        Route::SignLanguage => from_part(sign_language_page()),
        Route::Data => from_part(data_page(loaded)),
        Route::Changes => from_part(changes_page(loaded)),
        Route::Report => from_part(report_page(loaded)),
        Route::Workshop => from_part(workshop_page(loaded)),
        Route::Embed(Embed::Indicator(id)) => from_part(embed_indicator_page(loaded, id)),
        Route::Embed(embed) => from_part(embed_page(loaded, embed)),
    }
}

/// Starts fetching and compiling the part of the page at `route`, so that on a deep link it
/// arrives beside the data instead of after it (`app-<hash>.js` has already asked for its
/// files, from the same table: `src/route-parts.json`). A failed fetch is not kept: the page's
/// own call tries again.
#[cfg(not(feature = "unsplit"))]
pub fn preload(route: &Route) {
    type Load = Pin<Box<dyn Future<Output = Result<(), SplitLoaderError>>>>;
    let load: Load = match route.part() {
        None => return,
        Some(crate::route::Part::Council) => Box::pin(__wasm_split_preload_changes_page()),
        Some(crate::route::Part::Workshop) => Box::pin(__wasm_split_preload_workshop_page()),
        Some(crate::route::Part::Explorer) => Box::pin(__wasm_split_preload_measures_page()),
        Some(crate::route::Part::Search) => Box::pin(__wasm_split_preload_search_page()),
        Some(crate::route::Part::Pages) => Box::pin(__wasm_split_preload_field_page()),
        Some(crate::route::Part::Indicator) => Box::pin(__wasm_split_preload_indicator_page()),
    };
    leptos::task::spawn_local(async move {
        let _ = load.await;
    });
}

/// With everything in one module there is nothing to fetch.
#[cfg(feature = "unsplit")]
pub fn preload(_route: &Route) {}
