//! Views whose code lives in a WebAssembly part: the loading notice until the part has
//! arrived, the view then, or a notice with a retry if the part could not be fetched. Used for
//! the pages (`parts.rs`) and for the site search's results on the overview.

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

use crate::browser;
use crate::components::loading::Loading;
use crate::ui::use_ui;

/// A view from a part, or the reason its part could not be loaded.
pub type Part = Result<AnyView, SplitLoaderError>;

/// The loader for any view from a part: one copy of the code for all of them.
pub fn from_part(page: impl Future<Output = Part> + 'static) -> AnyView {
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
