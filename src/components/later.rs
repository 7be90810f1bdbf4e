//! The part of a long page below its first screen, built after the first screen is on
//! screen. On a slow phone, building and laying out a whole indicator page or report took one
//! task of a quarter second before anything of the page could be painted; split this way, the
//! reader sees the page's title and summary a frame earlier, and the browser can answer a tap
//! between the two halves.

use leptos::prelude::*;

use crate::browser;

/// False until the page around it has been painted, then true: for views that show their
/// first screen first and the rest in the following task (the explorer's first rows, the
/// search's results).
pub fn painted() -> ReadSignal<bool> {
    once(browser::after_paint())
}

/// False until the element marked `elementtiming="<mark>"` is on screen as the browser reports
/// it ([`browser::shown`]), then true: for content whose code is fetched only then (an
/// indicator's chart), so that its bytes do not compete with the first screen's.
pub fn shown(mark: &'static str) -> ReadSignal<bool> {
    once(browser::shown(mark, browser::now()))
}

/// False until `wait` is over, then true; `wait` is dropped with the view that asked.
fn once(wait: impl std::future::Future<Output = ()> + 'static) -> ReadSignal<bool> {
    let (over, set_over) = signal(false);
    leptos::task::spawn_local_scoped_with_cancellation(async move {
        wait.await;
        set_over.set(true);
    });
    over
}

/// Its children, built in a task of their own after the page around them has been painted
/// (with `after`: once the element marked `elementtiming=after` is on screen, see [`shown`]).
/// Nothing of the content is lost: it follows one frame later, in the same place and order,
/// for every reader (screen readers and find-in-page see it as soon as it is there).
#[component]
pub fn Later(
    children: Children,
    /// The `elementtiming` mark of an element of the first screen to wait for.
    #[prop(optional)]
    after: Option<&'static str>,
) -> impl IntoView {
    let ready = after.map_or_else(painted, shown);
    // Built once, like a component: what the content reads does not rebuild it.
    let children = send_wrapper::SendWrapper::new(std::cell::Cell::new(Some(children)));
    move || {
        ready
            .get()
            .then(|| (*children).take())
            .flatten()
            .map(|build| untrack(build))
    }
}
