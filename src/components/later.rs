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
    let (painted, set_painted) = signal(false);
    leptos::task::spawn_local_scoped_with_cancellation(async move {
        browser::after_paint().await;
        set_painted.set(true);
    });
    painted
}

/// Its children, built in a task of their own after the page around them has been painted.
/// Nothing of the content is lost: it follows one frame later, in the same place and order,
/// for every reader (screen readers and find-in-page see it as soon as it is there).
#[component]
pub fn Later(children: Children) -> impl IntoView {
    let ready = painted();
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
