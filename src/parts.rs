//! The pages' split points and the loader that shows a page from its part. Every page but the
//! overview lives in one of three WebAssembly parts (`route::Part`: the explorer, the council
//! pages, the other pages), fetched when first needed; the shell and the overview stay in the
//! main module, so the first view downloads only what it shows. (The fourth part, the located
//! data checks, is declared beside its caller in `load.rs`.)

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

use crate::browser;
use crate::components::loading::Loading;
use crate::load::Loaded;
use crate::pages::*;
use crate::route::{Embed, Route};
use crate::split::split_points;
use crate::ui::use_ui;

/// A page from a part, or the reason its part could not be loaded.
pub type Part = Result<AnyView, SplitLoaderError>;

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
        Route::Measure(id) => from_part(measure_page(loaded, id)),
        Route::Indicators => from_part(indicators_page(loaded)),
        Route::Indicator(id) => from_part(indicator_page(loaded, id)),
        Route::Actors => from_part(actors_page(loaded)),
        Route::Actor(id) => from_part(actor_page(loaded, id)),
        Route::Method => from_part(method_page(loaded)),
        Route::Accessibility => from_part(accessibility_page(loaded)),
        Route::EasyLanguage => from_part(easy_language_page(loaded)),
        Route::SignLanguage => from_part(sign_language_page()),
        Route::Data => from_part(data_page(loaded)),
        Route::Changes => from_part(changes_page(loaded)),
        Route::Report => from_part(report_page(loaded)),
        Route::Workshop => from_part(workshop_page(loaded)),
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
        Some(crate::route::Part::Explorer) => Box::pin(__wasm_split_preload_measures_page()),
        Some(crate::route::Part::Pages) => Box::pin(__wasm_split_preload_field_page()),
        Some(crate::route::Part::Workshop) => Box::pin(__wasm_split_preload_workshop_page()),
    };
    leptos::task::spawn_local(async move {
        let _ = load.await;
    });
}

/// With everything in one module there is nothing to fetch.
#[cfg(feature = "unsplit")]
pub fn preload(_route: &Route) {}

/// [`page`]'s loader for any page from a part: one copy of the code for all of them.
fn from_part(page: impl Future<Output = Part> + 'static) -> AnyView {
    shown(Box::pin(page))
}

thread_local! {
    /// No page from a part has been shown yet.
    static FIRST_PAGE: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
}

fn shown(mut page: Pin<Box<dyn Future<Output = Part>>>) -> AnyView {
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
            browser::next_task().await;
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
    view! {
        <div class="wrap page">
            <section class="notice notice-fatal" role="alert" data-testid="part-failed">
                <p>{ui.t("load.part_failed")}</p>
                <button type="button" class="button" on:click=|_| browser::reload()>{ui.t("load.retry")}</button>
            </section>
        </div>
    }
}
