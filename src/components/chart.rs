//! The one component that owns an ECharts instance. Its first view is SVG drawn in Rust from
//! the same ECharts option (`wegmarke_core::charts::svg`), so the chart appears with the page
//! and nothing of ECharts is downloaded for it; the live instance (tooltips) starts when the
//! reader points at the chart, loading ECharts then. It replaces the option when the data
//! changes (no stale series), follows the window size and disposes the instance when the page
//! goes away. Pages without charts load neither.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use js_sys::{Promise, Reflect};
use leptos::html::Div;
use leptos::prelude::*;
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wegmarke_core::charts::svg::{estimated_width, first_view};

use crate::browser::{call_method as call, property as get, window};

thread_local! {
    static LOADING: RefCell<Option<Promise>> = const { RefCell::new(None) };
    static MEASURE: Option<web_sys::CanvasRenderingContext2d> = text_canvas();
}

/// A canvas to measure texts in the chart's font, as ECharts measures them.
fn text_canvas() -> Option<web_sys::CanvasRenderingContext2d> {
    let canvas: web_sys::HtmlCanvasElement = window()?
        .document()?
        .create_element("canvas")
        .ok()?
        .dyn_into()
        .ok()?;
    let ctx: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    ctx.set_font("12px sans-serif");
    Some(ctx)
}

/// The width of a text in 12 px sans-serif: measured where a canvas can, else estimated.
fn text_width(text: &str) -> f64 {
    MEASURE
        .with(|ctx| {
            ctx.as_ref()
                .and_then(|c| c.measure_text(text).ok())
                .map(|m| m.width())
        })
        .unwrap_or_else(|| estimated_width(text))
}

/// The vendored ECharts file; its hashed name is in a meta tag written at build time.
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
    if let Err(e) = JsFuture::from(promise).await {
        LOADING.with(|cell| cell.borrow_mut().take());
        return Err(e);
    }
    get(&win, "echarts").ok_or_else(|| JsValue::from_str("ECharts did not load"))
}

/// Gives an ECharts instance the option, replacing the one it had. `still`: without animation
/// (the chart is already on screen as its first view).
fn apply(instance: &JsValue, option: &Value, still: bool) -> Result<(), JsValue> {
    let option = js_sys::JSON::parse(&option.to_string())?;
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
    /// The component is gone.
    disposed: Cell<bool>,
}

impl ChartState {
    /// Starts the live ECharts instance in `el`, once, with the option as it is when ECharts
    /// has loaded (it may have changed meanwhile).
    async fn wake(
        self: Rc<Self>,
        el: web_sys::HtmlDivElement,
        option: Signal<Value>,
    ) -> Result<(), JsValue> {
        if self.waking.replace(true) {
            return Ok(());
        }
        let echarts = match load_echarts().await {
            Ok(e) => e,
            Err(e) => {
                // The first view stays and follows the window; a later pointer tries again.
                self.waking.set(false);
                return Err(e);
            }
        };
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

    /// Draws the first view into `el` at its size, unless the live instance has started.
    fn draw(&self, el: &web_sys::HtmlDivElement, option: &Value) {
        if self.waking.get() || self.disposed.get() {
            return;
        }
        let (width, height) = (el.client_width().max(1), el.client_height().max(1));
        let svg = first_view(option, f64::from(width), f64::from(height), &text_width);
        el.set_inner_html(&svg);
        self.drawn_width.set(width);
        *self.first_view.borrow_mut() = Some(svg);
    }

    /// Shows the notice for a live chart that could not start (the first view stays), or takes
    /// it away when it has started; unless the page is gone.
    fn report(&self, result: Result<(), JsValue>, failed: RwSignal<bool>) {
        if !self.disposed.get() {
            failed.set(result.is_err());
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

/// A chart of an ECharts option: first drawn as SVG from the option, live when pointed at.
#[component]
pub fn EChart(
    /// The ECharts option, e.g. from `wegmarke_core::charts::indicator_option`.
    #[prop(into)]
    option: Signal<Value>,
    /// Accessible name: a one-sentence summary of what the chart shows.
    #[prop(into)]
    label: Signal<String>,
    /// File name for the image download, e.g. `I-alq-ausl.svg`.
    #[prop(into)]
    file_name: String,
    /// The chart's test id (a page's second chart needs its own).
    #[prop(default = "chart")]
    test_id: &'static str,
) -> impl IntoView {
    let node = NodeRef::<Div>::new();
    let state = Rc::new(ChartState::default());
    let failed = RwSignal::new(false);
    // Bumped when the window's width changes while the first view is shown: drawn anew.
    let redraw = RwSignal::new(0u32);

    let st = state.clone();
    Effect::new(move |_| {
        redraw.track();
        let Some(el) = node.get() else { return };
        option.with(|option| {
            let live = st.live.borrow().clone();
            match live {
                Some(i) => st.report(apply(&i, option, false), failed),
                None => st.draw(&el, option),
            }
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
        <div class="chart" dir="ltr" node_ref=node on:pointerenter=move |ev| (*wake)(ev) role="img" aria-label=move || label.get() data-testid=test_id></div>
        <p class="chart-download no-print">
            <a href="#" download=file_name data-testid=if test_id == "chart" { "download-svg".to_owned() } else { format!("{test_id}-download-svg") } on:click=move |ev| (*download)(ev)>{crate::ui::use_ui().t("chart.download_svg")}</a>
        </p>
        {move || failed.get().then(|| view! { <p class="chart-failed">{crate::ui::use_ui().t("chart.failed")}</p> })}
    }
}
