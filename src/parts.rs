//! The split points: every page but the overview, and the data checks that locate a value of
//! the wrong type, in four WebAssembly parts (the explorer, the other pages, the council pages,
//! the located checks) that the browser fetches when first needed (split after linking by
//! `scripts/wasm-link.sh`). The shell, the overview and the quick data checks stay in the main
//! module, so the first view downloads only what it shows.
//!
//! Each function below, called, loads its part (once) and then runs; off the web (native
//! tests), and with the feature `unsplit` (the wasm component tests, whose runner loads a
//! single module), it runs directly. A part that cannot be fetched gives `Err`.

use std::sync::Arc;

use leptos::prelude::*;
#[cfg(not(feature = "unsplit"))]
use leptos::wasm_split::wasm_split;
use leptos::wasm_split::SplitLoaderError;
use wegmarke_core::{validate, validate_config, Config, Dataset, Input, Inputs, Problem};

use crate::load::Loaded;
use crate::pages::*;
use crate::route::Route;

/// A page from a part, or the reason its part could not be loaded.
pub type Part = Result<AnyView, SplitLoaderError>;

/// A fetched file's bytes, or why it could not be had.
pub type Fetched = Result<Vec<u8>, String>;

/// Declares split points: `part fn name(args) -> T { body }` becomes `async fn name(args) ->
/// Result<T, SplitLoaderError>` whose body lives in the part `part`.
macro_rules! split_points {
    ($($(#[$doc:meta])* $part:ident fn $name:ident($($arg:ident: $ty:ty),*) -> $out:ty $body:block)*) => {$(
        $(#[$doc])*
        #[cfg(not(feature = "unsplit"))]
        #[wasm_split($part, wasm_split_path = ::leptos::wasm_split, fallible)]
        pub fn $name($($arg: $ty),*) -> Result<$out, SplitLoaderError> {
            Ok($body)
        }

        $(#[$doc])*
        #[cfg(feature = "unsplit")]
        pub async fn $name($($arg: $ty),*) -> Result<$out, SplitLoaderError> {
            Ok($body)
        }
    )*};
}

split_points! {
    pages fn field_page(loaded: Arc<Loaded>, id: String) -> AnyView {
        view! { <field::FieldPage loaded id/> }.into_any()
    }
    explorer fn measures_page(loaded: Arc<Loaded>) -> AnyView {
        view! { <measures::MeasuresPage loaded/> }.into_any()
    }
    pages fn measure_page(loaded: Arc<Loaded>, id: String) -> AnyView {
        view! { <measure::MeasurePage loaded id/> }.into_any()
    }
    pages fn indicators_page(loaded: Arc<Loaded>) -> AnyView {
        view! { <indicators::IndicatorsPage loaded/> }.into_any()
    }
    pages fn indicator_page(loaded: Arc<Loaded>, id: String) -> AnyView {
        view! { <indicators::IndicatorPage loaded id/> }.into_any()
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
    pages fn embed_page(loaded: Arc<Loaded>, kind: String, id: Option<String>) -> AnyView {
        view! { <embed::EmbedPage loaded kind id/> }.into_any()
    }

    /// The data checks that locate a value of the wrong type inside its entry. Their code is
    /// about a seventh of the app, and only data with such a value needs them
    /// (`load::check` runs the quick checks first).
    checks fn located_check(files: [Fetched; 3], prefix: String) -> Dataset {
        validate(&Inputs::from_results(&files), &prefix)
    }
    /// config.json's check with located messages, as [`located_check`].
    checks fn located_config_check(bytes: Vec<u8>) -> (Config, Vec<Problem>) {
        validate_config(&Input::Bytes(&bytes))
    }
}

/// Starts fetching and compiling the part of the page at `route`, so that on a deep link it
/// arrives beside the data instead of after it (`boot.js` has already asked for its files, see
/// `scripts/postbuild.py`). A failed fetch is not kept: the page's own call tries again.
#[cfg(not(feature = "unsplit"))]
pub fn preload(route: &Route) {
    use std::future::Future;
    use std::pin::Pin;
    type Load = Pin<Box<dyn Future<Output = Result<(), SplitLoaderError>>>>;
    let load: Load = match route {
        Route::Overview | Route::NotFound(_) => return,
        Route::Changes | Route::Report => Box::pin(__wasm_split_preload_changes_page()),
        Route::Measures => Box::pin(__wasm_split_preload_measures_page()),
        _ => Box::pin(__wasm_split_preload_field_page()),
    };
    leptos::task::spawn_local(async move {
        let _ = load.await;
    });
}

/// With everything in one module there is nothing to fetch.
#[cfg(feature = "unsplit")]
pub fn preload(_route: &Route) {}
