//! Browser glue in one place: the window, the document, the page address, timers, the embed
//! mode's height messages and file downloads. Everything here fails soft (`Option`, or nothing
//! happens): a page must never panic because the browser refused something.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::route::Location;

/// The browser window (none in a worker or outside a browser).
pub fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The page's document.
pub fn document() -> Option<web_sys::Document> {
    window()?.document()
}

/// The `<html>` element.
pub fn root_element() -> Option<web_sys::HtmlElement> {
    document()?.document_element()?.dyn_into().ok()
}

/// The address's fragment (`#/massnahme/M-1.2?…`), empty if there is none.
pub fn location_hash() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// A parameter of the address's real query (`?lang=en&primary=…`, before the `#`).
pub fn query_param(name: &str) -> Option<String> {
    let search = window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    Location::parse(&format!("?{}", search.trim_start_matches('?')))
        .param(name)
        .map(str::to_owned)
}

/// The address of the dashboard itself (origin and path, without query and page), for embed
/// snippets and links back from an embed.
pub fn page_base_url() -> String {
    window()
        .and_then(|w| {
            let l = w.location();
            Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?))
        })
        .unwrap_or_default()
}

/// Goes to `href` (a hash link) with a new history entry, as a followed link does.
pub fn go(href: &str) {
    if let Some(w) = window() {
        let _ = w.location().set_hash(href);
    }
}

/// Changes the address without a new history entry (filter changes).
pub fn replace_url(href: &str) {
    if let Some(history) = window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(href));
    }
}

/// Reloads the page (fetches parts and data anew).
pub fn reload() {
    if let Some(w) = window() {
        let _ = w.location().reload();
    }
}

/// Opens the browser's print dialog.
pub fn print() {
    if let Some(w) = window() {
        let _ = w.print();
    }
}

/// Scrolls to the top of the page (a new page starts there).
pub fn scroll_to_top() {
    if let Some(w) = window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Moves keyboard focus to the element with `id`, if it exists and can take focus.
pub fn focus_by_id(id: &str) {
    if let Some(el) = document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Moves keyboard focus to the first element that matches `selector`, if there is one.
pub fn focus_first(selector: &str) {
    if let Some(el) = document()
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Whether keyboard focus is nowhere in particular (on the body), as after the focused element
/// was removed from the page.
pub fn focus_lost() -> bool {
    document()
        .and_then(|d| d.active_element())
        .is_none_or(|e| e.tag_name().eq_ignore_ascii_case("body"))
}

/// Moves keyboard focus to the element inside `container` whose attribute `attr` is `value`
/// (compared as text, so a value from the data needs no escaping), an SVG element too.
pub fn focus_where(container: &web_sys::Element, attr: &str, value: &str) {
    let Ok(list) = container.query_selector_all(&format!("[{attr}]")) else {
        return;
    };
    let found = (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
        .find(|e| e.get_attribute(attr).as_deref() == Some(value));
    match found.map(|e| e.dyn_into::<web_sys::SvgElement>()) {
        Some(Ok(svg)) => {
            let _ = svg.focus();
        }
        Some(Err(e)) => {
            if let Ok(html) = e.dyn_into::<web_sys::HtmlElement>() {
                let _ = html.focus();
            }
        }
        None => {}
    }
}

/// Sets the document's language and writing direction.
pub fn set_document_lang(tag: &str, rtl: bool) {
    if let Some(root) = root_element() {
        let _ = root.set_attribute("lang", tag);
        let _ = root.set_attribute("dir", if rtl { "rtl" } else { "ltr" });
    }
}

/// Sets the browser tab's title.
pub fn set_document_title(title: &str) {
    if let Some(doc) = document() {
        doc.set_title(title);
    }
}

/// Points the page's feed link (`<link rel="alternate" data-feed>` in index.html) at `href`, so
/// that a feed reader given this page finds the feed that belongs to it.
pub fn set_feed_link(href: &str, title: &str) {
    let Some(link) = document().and_then(|d| d.query_selector("link[data-feed]").ok().flatten())
    else {
        return;
    };
    let _ = link.set_attribute("href", href);
    let _ = link.set_attribute("title", title);
}

/// Starts fetching `href` now for a `fetch` the app makes later (a `<link rel="preload"
/// as="fetch">` in `<head>`, as index.html has for the data): the later request gets this
/// response instead of waiting for its own. False if the browser refused the element.
pub fn preload_fetch(href: &str) -> bool {
    let Some(doc) = document() else { return false };
    let (Some(head), Ok(link)) = (doc.head(), doc.create_element("link")) else {
        return false;
    };
    [
        ("rel", "preload"),
        ("as", "fetch"),
        ("crossorigin", "anonymous"),
        ("href", href),
    ]
    .into_iter()
    .all(|(name, value)| link.set_attribute(name, value).is_ok())
        && head.append_child(&link).is_ok()
}

/// Sets a CSS custom property on `<html>` (through the CSSOM, which a strict CSP allows).
pub fn set_root_style(property: &str, value: &str) {
    if let Some(root) = root_element() {
        let _ = root.style().set_property(property, value);
    }
}

/// The content of `<meta name="…">`, which the build uses to name hashed files.
pub fn meta_content(name: &str) -> Option<String> {
    document()?
        .query_selector(&format!("meta[name={name}]"))
        .ok()??
        .get_attribute("content")
}

/// Whether the reader asked the system for reduced motion.
pub fn prefers_reduced_motion() -> bool {
    media_matches("(prefers-reduced-motion: reduce)")
}

/// Whether a CSS media query matches now (false where the browser cannot tell).
pub fn media_matches(query: &str) -> bool {
    window()
        .and_then(|w| w.match_media(query).ok().flatten())
        .is_some_and(|m| m.matches())
}

#[wasm_bindgen]
extern "C" {
    // The timer id is kept as the value the browser gave: web-sys's i32 would cut the large ids
    // of a fake clock, and the timer would never be cleared.
    #[wasm_bindgen(js_name = setTimeout, catch)]
    fn set_timeout_js(handler: &JsValue, ms: i32) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout_js(id: &JsValue);
}

/// A running `setTimeout`; dropping it does not clear it, [`Timer::clear`] does.
pub struct Timer(JsValue);

/// Calls `handler` after `ms` milliseconds (a plain `setTimeout`, so browser tests can drive it
/// with a fake clock). `None` if the browser refused.
pub fn set_timeout(handler: &JsValue, ms: i32) -> Option<Timer> {
    set_timeout_js(handler, ms).ok().map(Timer)
}

impl Timer {
    /// Stops the timer if it has not fired yet.
    pub fn clear(self) {
        clear_timeout_js(&self.0);
    }
}

/// Gives the browser the main thread back before going on (a new task), so reading the data and
/// the first render are separate tasks, not one long one that keeps the page from responding.
pub async fn next_task() {
    sleep(0).await;
}

/// Waits until the browser has shown what the running task changed: a timer started in the
/// animation frame after the next one runs once that next frame has been painted and put on
/// screen (a timer from the next frame itself could run before the frame reaches the screen).
/// A page in a background tab gets no frames, so a plain timer of [`AFTER_PAINT_LATEST_MS`]
/// ends the wait as well.
pub async fn after_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let in_frame = resolve.clone();
        let second = wasm_bindgen::closure::Closure::once_into_js(move || {
            if set_timeout_js(&in_frame, 0).is_err() {
                let _ = in_frame.call0(&JsValue::NULL);
            }
        });
        let first = wasm_bindgen::closure::Closure::once_into_js(move || {
            if let Some(w) = window() {
                let _ = w.request_animation_frame(second.unchecked_ref());
            }
        });
        let framed = window()
            .and_then(|w| w.request_animation_frame(first.unchecked_ref()).ok())
            .is_some();
        if set_timeout_js(&resolve, AFTER_PAINT_LATEST_MS).is_err() && !framed {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The longest [`after_paint`] waits, for a page that gets no animation frames.
pub const AFTER_PAINT_LATEST_MS: i32 = 200;

/// A property of a JavaScript object, `None` where it is missing, `undefined` or `null`.
pub fn property(obj: &JsValue, key: &str) -> Option<JsValue> {
    js_sys::Reflect::get(obj, &JsValue::from_str(key))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// Calls the method `method` of a JavaScript object; `Err` if it has none or the call throws.
pub fn call_method(obj: &JsValue, method: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let f: js_sys::Function = property(obj, method)
        .ok_or_else(|| JsValue::from_str(method))?
        .dyn_into()?;
    let arr: js_sys::Array = args.iter().collect();
    f.apply(obj, &arr)
}

/// Waits until the element marked `elementtiming="<name>"` has been put on screen after `since`
/// (a `performance.now()` time), as the browser reports it: Element Timing gives the time the
/// frame with it was presented, the time Largest Contentful Paint uses, which can be a frame or
/// two after [`after_paint`] on a slow phone. At least [`after_paint`]; where the browser does
/// not report element timing, only that; never more than [`SHOWN_LATEST_MS`] beyond it (an
/// element outside the viewport is not reported).
pub async fn shown(name: &str, since: f64) {
    after_paint().await;
    let Some(win) = window() else { return };
    let Some(observer_class) =
        property(&win, "PerformanceObserver").and_then(|c| c.dyn_into::<js_sys::Function>().ok())
    else {
        return;
    };
    let reports_elements = property(&observer_class, "supportedEntryTypes")
        .filter(js_sys::Array::is_array)
        .is_some_and(|types| js_sys::Array::from(&types).includes(&"element".into(), 0));
    if !reports_elements {
        return;
    }
    let mut done = None;
    let promise = js_sys::Promise::new(&mut |resolve, _reject| done = Some(resolve));
    let Some(done) = done else { return };
    let (name, on_shown) = (name.to_owned(), done.clone());
    let on_entries = Closure::<dyn FnMut(JsValue)>::new(move |list: JsValue| {
        let entries = call_method(&list, "getEntries", &[])
            .ok()
            .filter(js_sys::Array::is_array)
            .map(|a| js_sys::Array::from(&a));
        let ours = |e: &JsValue| {
            property(e, "identifier")
                .and_then(|i| i.as_string())
                .as_deref()
                == Some(name.as_str())
                && property(e, "startTime")
                    .and_then(|t| t.as_f64())
                    .is_some_and(|t| t >= since)
        };
        if entries.is_some_and(|entries| entries.iter().any(|e| ours(&e))) {
            let _ = on_shown.call0(&JsValue::NULL);
        }
    });
    let observer = js_sys::Reflect::construct(
        &observer_class,
        &js_sys::Array::of1(on_entries.as_ref().unchecked_ref()),
    );
    let Ok(observer) = observer else { return };
    // Disconnected before the callback is dropped, also when the page goes away mid-wait (the
    // task is cancelled): a dropped callback must never be called.
    let observing = Observing {
        observer,
        _on_entries: on_entries,
    };
    let options = js_sys::Object::new();
    let started = js_sys::Reflect::set(&options, &"type".into(), &"element".into())
        .and_then(|_| js_sys::Reflect::set(&options, &"buffered".into(), &JsValue::TRUE))
        .and_then(|_| call_method(&observing.observer, "observe", &[options.into()]));
    if started.is_ok() && set_timeout_js(&done, SHOWN_LATEST_MS).is_ok() {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
}

/// A `PerformanceObserver` with its callback, disconnected when dropped.
struct Observing {
    observer: JsValue,
    _on_entries: Closure<dyn FnMut(JsValue)>,
}

impl Drop for Observing {
    fn drop(&mut self) {
        let _ = call_method(&self.observer, "disconnect", &[]);
    }
}

/// The longest [`shown`] waits beyond [`after_paint`] for the browser's report.
pub const SHOWN_LATEST_MS: i32 = 300;

/// The page's clock (`performance.now()`), 0 where there is none.
pub fn now() -> f64 {
    window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Waits `ms` milliseconds (a plain `setTimeout`). False, at once, if the browser refused the
/// timer.
pub async fn sleep(ms: i32) -> bool {
    let mut armed = false;
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        armed = set_timeout_js(&resolve, ms).is_ok();
        if !armed {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    armed
}

/// How long a download's object URL stays valid: the browser has started saving by then.
const DOWNLOAD_URL_LIFETIME_MS: i32 = 60_000;

/// Saves `text` as the file `file_name` of type `mime` (plain text types only, so the browser
/// saves it rather than opening it). The text goes into a `Blob` behind an object URL clicked
/// through a temporary link, so any size works (a `data:` URL has length limits); the URL is
/// revoked a minute later. Returns whether the browser took it.
pub fn download(file_name: &str, mime: &str, text: &str) -> bool {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    save_blob(file_name, &format!("{mime};charset=utf-8"), &parts).is_some()
}

/// Saves `bytes` as the file `file_name` of type `mime` (a ZIP, a workbook), as [`download`].
pub fn download_bytes(file_name: &str, mime: &str, bytes: &[u8]) -> bool {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    save_blob(file_name, mime, &parts).is_some()
}

fn save_blob(file_name: &str, mime: &str, parts: &js_sys::Array) -> Option<()> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let saved = (|| {
        let doc = document()?;
        let a: web_sys::HtmlAnchorElement = doc.create_element("a").ok()?.dyn_into().ok()?;
        a.set_href(&url);
        a.set_download(file_name);
        a.set_hidden(true);
        // Some browsers only follow a click on a link that is in the document.
        let body = doc.body()?;
        body.append_child(&a).ok()?;
        a.click();
        a.remove();
        Some(())
    })();
    let revoke_url = url.clone();
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&revoke_url);
    });
    if set_timeout(&revoke, DOWNLOAD_URL_LIFETIME_MS).is_none() {
        let _ = web_sys::Url::revoke_object_url(&url);
    }
    saved
}

/// The bytes of a file the reader chose or dropped; `None` if the browser could not read it.
pub async fn file_bytes(file: &web_sys::File) -> Option<Vec<u8>> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Today's date in the reader's time zone, as `YYYY-MM-DD`.
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// Whether the browser believes it has a network (true where it cannot tell). `false` is
/// certain; `true` may still mean a network that reaches nothing.
pub fn is_online() -> bool {
    window().is_none_or(|w| w.navigator().on_line())
}

/// Registers the service worker public/sw.js (offline reading, docs/deploy.md), by an address
/// relative to the page, so its scope is the folder of index.html under any sub-path. Nothing
/// happens where the browser has no service workers (an `http:` address other than localhost);
/// a refused registration leaves the dashboard as it is without one, online only.
pub fn register_service_worker() {
    let Some(navigator) = window().map(|w| w.navigator()) else {
        return;
    };
    let has_workers = js_sys::Reflect::get(&navigator, &"serviceWorker".into())
        .is_ok_and(|sw| !sw.is_undefined() && !sw.is_null());
    if !has_workers {
        return;
    }
    let registration = navigator.service_worker().register("sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        let _ = wasm_bindgen_futures::JsFuture::from(registration).await;
    });
}

/// A moment given as an ISO 8601 text, on the reader's clock. `None` if it is not a moment the
/// browser can read.
pub fn local_time(iso: &str) -> Option<wegmarke_core::format::Moment> {
    let d = js_sys::Date::new(&JsValue::from_str(iso));
    if d.get_time().is_nan() {
        return None;
    }
    Some(wegmarke_core::format::Moment {
        year: d.get_full_year(),
        month: d.get_month() + 1,
        day: d.get_date(),
        hour: d.get_hours(),
        minute: d.get_minutes(),
    })
}

/// Keeps the keyboard focus in view inside tables that scroll sideways (`.table-wrap`). The
/// browser scrolls a focused element into view only when none of it shows, so a sort button at
/// the far end of a wide table on a phone took the focus with two pixels of it on screen (WCAG
/// 2.4.11): the table scrolls by what is hidden. Works both ways, left to right and right to
/// left (`scrollLeft` runs the same physical way). Installed once for the page.
pub fn reveal_focus_in_scrolled_tables() {
    let Some(doc) = window().and_then(|w| w.document()) else {
        return;
    };
    let reveal = Closure::<dyn FnMut(web_sys::FocusEvent)>::new(|e: web_sys::FocusEvent| {
        let Some(el) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let Ok(Some(wrap)) = el.closest(".table-wrap") else {
            return;
        };
        if !wrap.is_same_node(Some(&el)) {
            reveal_in_row(&wrap, &el, 0.0);
        }
    });
    let _ = doc.add_event_listener_with_callback("focusin", reveal.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    reveal.forget();
}

/// Scrolls `row`, a box that scrolls sideways (only the box, never the page), so that `el`
/// inside it is wholly in view, with `room` pixels beside it; its start edge where it is wider
/// than the box. Nothing when it is in view already.
pub fn reveal_in_row(row: &web_sys::Element, el: &web_sys::Element, room: f64) {
    let (r, w) = (
        el.get_bounding_client_rect(),
        row.get_bounding_client_rect(),
    );
    let left = w.left() + f64::from(row.client_left());
    let right = left + f64::from(row.client_width());
    let by = if r.width() > right - left || r.left() < left {
        r.left() - left - room
    } else if r.right() > right {
        r.right() - right + room
    } else {
        return;
    };
    let by = if by < 0.0 { by.floor() } else { by.ceil() };
    row.set_scroll_left(row.scroll_left() + by as i32);
}

/// Marks the document as embedded (CSS hides the site chrome) and reports its height to the
/// embedding page whenever it changes (public/embed.js sets the iframe's height after checking
/// the message's origin and source). Idempotent.
pub fn enter_embed_mode() {
    let Some(root) = root_element() else {
        return;
    };
    if root.class_list().contains("embed") {
        return;
    }
    let _ = root.class_list().add_1("embed");
    let post = Closure::<dyn FnMut()>::new(move || {
        let Some(w) = window() else { return };
        let height = root_element().map(|e| e.scroll_height()).unwrap_or(0);
        let msg = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&msg, &"type".into(), &"wegmarke:height".into());
        let _ = js_sys::Reflect::set(&msg, &"height".into(), &JsValue::from(height));
        // Only a height is sent, so any parent may read it; embed.js checks who sent it.
        if let Ok(Some(parent)) = w.parent() {
            let _ = parent.post_message(&msg, "*");
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(post.as_ref().unchecked_ref()) {
        observer.observe(&root);
    }
    // The observer lives as long as the page.
    post.forget();
}
