//! The one component that owns an ECharts instance. Its first view is drawn by ECharts in a Web
//! Worker (server-side rendering to SVG, the same code and look as the live chart), so the
//! page's main thread never evaluates ECharts while the page loads; the live instance starts
//! when the reader points at the chart (tooltips) or when no worker can draw. It replaces the
//! option when the data changes (no stale series), follows the window size and disposes the
//! instance when the page goes away. Pages without charts load neither.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use js_sys::{Function, Promise, Reflect};
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::browser::window;

thread_local! {
    static LOADING: RefCell<Option<Promise>> = const { RefCell::new(None) };
    static DRAWER: RefCell<Option<Drawer>> = const { RefCell::new(None) };
}

fn get(obj: &JsValue, key: &str) -> Option<JsValue> {
    Reflect::get(obj, &JsValue::from_str(key))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

fn call(obj: &JsValue, method: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let f: Function = get(obj, method)
        .ok_or_else(|| JsValue::from_str(method))?
        .dyn_into()?;
    let arr: js_sys::Array = args.iter().collect();
    f.apply(obj, &arr)
}

/// The vendored ECharts file (one file for the page and the worker); its hashed name is in a
/// meta tag written at build time.
fn echarts_src() -> Result<String, JsValue> {
    crate::browser::meta_content("wegmarke-echarts")
        .ok_or_else(|| JsValue::from_str("ECharts is not part of this build"))
}

/// Loads ECharts into the page once.
async fn load_echarts() -> Result<JsValue, JsValue> {
    let win = window().ok_or_else(|| JsValue::from_str("no window"))?;
    if let Some(e) = get(&win, "echarts") {
        return Ok(e);
    }
    let promise = LOADING.with(|cell| -> Result<Promise, JsValue> {
        if let Some(p) = cell.borrow().as_ref() {
            return Ok(p.clone());
        }
        let doc = win
            .document()
            .ok_or_else(|| JsValue::from_str("no document"))?;
        let script: web_sys::HtmlScriptElement = doc.create_element("script")?.dyn_into()?;
        script.set_src(&echarts_src()?);
        let s2 = script.clone();
        let p = Promise::new(&mut |resolve, reject| {
            s2.set_onload(Some(&resolve));
            s2.set_onerror(Some(&reject));
        });
        doc.head()
            .ok_or_else(|| JsValue::from_str("no head"))?
            .append_child(&script)?;
        *cell.borrow_mut() = Some(p.clone());
        Ok(p)
    })?;
    JsFuture::from(promise).await?;
    get(&win, "echarts").ok_or_else(|| JsValue::from_str("ECharts did not load"))
}

/// Answers the drawing worker still owes: request number -> (resolve, reject).
type Waiting = Rc<RefCell<HashMap<u32, (Function, Function)>>>;

/// The Web Worker that draws first views, shared by all charts of the page.
struct Drawer {
    worker: web_sys::Worker,
    waiting: Waiting,
    broken: Rc<Cell<bool>>,
    next: u32,
}

impl Drawer {
    fn start() -> Result<Drawer, JsValue> {
        let worker = web_sys::Worker::new(&echarts_src()?)?;
        let waiting: Waiting = Rc::default();
        let broken = Rc::new(Cell::new(false));
        let owed = waiting.clone();
        let answer =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                let data = ev.data();
                let Some(id) = get(&data, "id").and_then(|v| v.as_f64()) else {
                    return;
                };
                if let Some((resolve, reject)) = owed.borrow_mut().remove(&(id as u32)) {
                    let _ = match get(&data, "svg") {
                        Some(svg) => resolve.call1(&JsValue::NULL, &svg),
                        None => {
                            reject.call1(&JsValue::NULL, &get(&data, "error").unwrap_or_default())
                        }
                    };
                }
            });
        worker.set_onmessage(Some(answer.as_ref().unchecked_ref()));
        // The worker lives as long as the page: its handlers too.
        answer.forget();
        // A worker that cannot start (file missing, refused) owes nothing any more.
        let (owed, gone) = (waiting.clone(), broken.clone());
        let fail = Closure::<dyn FnMut(JsValue)>::new(move |err: JsValue| {
            gone.set(true);
            for (_, (_, reject)) in owed.borrow_mut().drain() {
                let _ = reject.call1(&JsValue::NULL, &err);
            }
        });
        worker.set_onerror(Some(fail.as_ref().unchecked_ref()));
        fail.forget();
        Ok(Drawer {
            worker,
            waiting,
            broken,
            next: 0,
        })
    }

    fn request(&mut self, option: &str, width: i32, height: i32) -> Result<Promise, JsValue> {
        if self.broken.get() {
            return Err(JsValue::from_str("the drawing worker failed"));
        }
        self.next += 1;
        let id = self.next;
        let message = js_sys::Object::new();
        Reflect::set(&message, &"id".into(), &id.into())?;
        Reflect::set(&message, &"option".into(), &option.into())?;
        Reflect::set(&message, &"width".into(), &width.into())?;
        Reflect::set(&message, &"height".into(), &height.into())?;
        let waiting = self.waiting.clone();
        let promise = Promise::new(&mut |resolve, reject| {
            waiting.borrow_mut().insert(id, (resolve, reject));
        });
        self.worker.post_message(&message)?;
        Ok(promise)
    }
}

/// The chart drawn as SVG markup by the worker, at the given size.
async fn draw_first_view(option: &str, width: i32, height: i32) -> Result<String, JsValue> {
    let promise = DRAWER.with(|cell| {
        let mut drawer = cell.borrow_mut();
        if drawer.is_none() {
            *drawer = Some(Drawer::start()?);
        }
        match drawer.as_mut() {
            Some(d) => d.request(option, width, height),
            None => Err(JsValue::from_str("no drawing worker")),
        }
    })?;
    JsFuture::from(promise)
        .await?
        .as_string()
        .ok_or_else(|| JsValue::from_str("the worker sent no SVG"))
}

/// Waits until the browser has painted the page (the next animation frame, or 100 ms where
/// frames are held back, e.g. in a hidden frame), then for a new task: the text of the page is
/// on screen before the chart is drawn.
async fn after_paint() {
    let promise = Promise::new(&mut |resolve, _reject| {
        if let Some(w) = window() {
            let _ = w.request_animation_frame(&resolve);
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 100);
        }
    });
    let _ = JsFuture::from(promise).await;
    crate::browser::next_task().await;
}

/// Gives an ECharts instance the option (JSON), replacing the one it had. `still`: without
/// animation (the chart is already on screen, drawn by the worker).
fn apply(instance: &JsValue, json: &str, still: bool) -> Result<(), JsValue> {
    let option = js_sys::JSON::parse(json)?;
    if still {
        Reflect::set(&option, &"animation".into(), &JsValue::FALSE)?;
    }
    let flags = js_sys::Object::new();
    Reflect::set(&flags, &"notMerge".into(), &JsValue::TRUE)?;
    call(instance, "setOption", &[option, flags.into()]).map(|_| ())
}

/// What one chart holds between events.
#[derive(Default)]
struct ChartState {
    /// The live ECharts instance, once started.
    live: RefCell<Option<JsValue>>,
    /// Starting the live instance is under way (or done).
    waking: Cell<bool>,
    /// The SVG of the first view on screen, for the image download.
    first_view: RefCell<Option<String>>,
    /// The width the first view was drawn for.
    drawn_width: Cell<i32>,
    /// Number of the latest first-view request: older answers are dropped.
    generation: Cell<u32>,
    /// The component is gone.
    disposed: Cell<bool>,
}

impl ChartState {
    /// Starts the live ECharts instance in `el`, once, with the option as it is when ECharts
    /// has loaded (it may have changed meanwhile).
    async fn wake(
        self: Rc<Self>,
        el: web_sys::HtmlDivElement,
        option: Signal<String>,
    ) -> Result<(), JsValue> {
        if self.waking.replace(true) {
            return Ok(());
        }
        let echarts = load_echarts().await?;
        // The page may have gone while the script loaded.
        if self.disposed.get() {
            return Ok(());
        }
        el.set_inner_html("");
        let opts = js_sys::Object::new();
        Reflect::set(&opts, &"renderer".into(), &"svg".into())?;
        let instance = call(&echarts, "init", &[el.into(), JsValue::NULL, opts.into()])?;
        apply(
            &instance,
            &option.get_untracked(),
            self.first_view.borrow().is_some(),
        )?;
        *self.live.borrow_mut() = Some(instance);
        Ok(())
    }

    /// Draws the first view in the worker and puts it in `el`, unless a newer request, the live
    /// instance or the end of the page came first.
    async fn draw(
        self: Rc<Self>,
        el: web_sys::HtmlDivElement,
        json: String,
    ) -> Result<(), JsValue> {
        let generation = self.generation.get() + 1;
        self.generation.set(generation);
        let (width, height) = (el.client_width().max(1), el.client_height().max(1));
        let svg = draw_first_view(&json, width, height).await?;
        if self.generation.get() == generation && !self.waking.get() && !self.disposed.get() {
            el.set_inner_html(&svg);
            self.drawn_width.set(width);
            *self.first_view.borrow_mut() = Some(svg);
        }
        Ok(())
    }

    /// Shows the failure notice for a chart that could not be drawn, unless the page is gone.
    fn report(&self, result: Result<(), JsValue>, failed: RwSignal<bool>) {
        if result.is_err() && !self.disposed.get() {
            failed.set(true);
        }
    }

    /// The chart as an SVG document: the live chart's, else the first view.
    fn svg(&self) -> Option<String> {
        match self.live.borrow().as_ref() {
            Some(i) => call(i, "renderToSVGString", &[])
                .ok()
                .and_then(|s| s.as_string()),
            None => self.first_view.borrow().clone(),
        }
    }
}

/// A chart drawn by ECharts from an option given as JSON.
#[component]
pub fn EChart(
    /// The ECharts option (JSON), e.g. from `wegmarke_core::charts::indicator_option_json`.
    #[prop(into)]
    option: Signal<String>,
    /// Accessible name: a one-sentence summary of what the chart shows.
    #[prop(into)]
    label: Signal<String>,
    /// File name for the image download, e.g. `I-alq-ausl.svg`.
    #[prop(into)]
    file_name: String,
) -> impl IntoView {
    let node = NodeRef::<Div>::new();
    let state = Rc::new(ChartState::default());
    let failed = RwSignal::new(false);
    // Bumped when the window's width changes while the first view is shown: drawn anew.
    let redraw = RwSignal::new(0u32);

    let st = state.clone();
    Effect::new(move |_| {
        let json = option.get();
        redraw.track();
        let Some(el) = node.get() else { return };
        let st = st.clone();
        leptos::task::spawn_local(async move {
            let live = st.live.borrow().clone();
            let result = match live {
                Some(i) => apply(&i, &json, false),
                None => {
                    after_paint().await;
                    match st.clone().draw(el.clone(), json).await {
                        Ok(()) => Ok(()),
                        // No worker could draw it: the live chart instead.
                        Err(_) => st.clone().wake(el, option).await,
                    }
                }
            };
            st.report(result, failed);
        });
    });

    // The live chart starts when the reader points at the chart (mouse, pen or touch).
    let st = state.clone();
    let wake = move |_: leptos::ev::PointerEvent| {
        let Some(el) = node.get_untracked() else {
            return;
        };
        let st = st.clone();
        leptos::task::spawn_local(async move {
            let result = st.clone().wake(el, option).await;
            st.report(result, failed);
        });
    };
    let wake = send_wrapper::SendWrapper::new(wake);

    let st = state.clone();
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        if let Some(i) = st.live.borrow().as_ref() {
            let _ = call(i, "resize", &[]);
        } else if node
            .get_untracked()
            .is_some_and(|el| el.client_width() != st.drawn_width.get())
        {
            redraw.update(|n| *n += 1);
        }
    });
    // WCAG 1.4.13: a tooltip can be dismissed without moving the pointer.
    let st = state.clone();
    let escape = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" {
            if let Some(i) = st.live.borrow().as_ref() {
                let action = js_sys::Object::new();
                let _ = Reflect::set(&action, &"type".into(), &"hideTip".into());
                let _ = call(i, "dispatchAction", &[action.into()]);
            }
        }
    });
    // Chart image download: the SVG on screen, as a file.
    let st = state.clone();
    let name = file_name.clone();
    let download = move |ev: leptos::ev::MouseEvent| {
        // A Blob, not a data: address: no length limit, saved rather than opened.
        if let Some(svg) = st.svg() {
            ev.prevent_default();
            crate::browser::download(&name, "image/svg+xml", &svg);
        }
    };
    let download = send_wrapper::SendWrapper::new(download);
    // The browser is single-threaded; the wrapper only satisfies on_cleanup's Send bound.
    let owned = send_wrapper::SendWrapper::new(state);
    on_cleanup(move || {
        owned.disposed.set(true);
        resize.remove();
        escape.remove();
        if let Some(i) = owned.live.borrow_mut().take() {
            let _ = call(&i, "dispose", &[]);
        }
    });

    view! {
        // ECharts places its texts for a left-to-right page; in a right-to-left page the SVG's
        // texts would run the other way from their anchors and overlap (the legend in Arabic).
        // The option mirrors the chart itself (`ChartOptions::rtl`).
        <div class="chart" dir="ltr" node_ref=node on:pointerenter=move |ev| (*wake)(ev) role="img" aria-label=move || label.get() data-testid="chart"></div>
        <p class="chart-download no-print">
            <a href="#" download=file_name data-testid="download-svg" on:click=move |ev| (*download)(ev)>{crate::ui::use_ui().t("chart.download_svg")}</a>
        </p>
        {move || failed.get().then(|| view! { <p class="chart-failed">{crate::ui::use_ui().t("chart.failed")}</p> })}
    }
}
